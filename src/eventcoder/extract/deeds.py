"""Who did what at a demonstration, read from the dependency parse.

ACLED's protest ladder turns on the crowd's own deeds: demonstrators who attack people, storm or wreck a
building, burn or overturn a vehicle make a violent demonstration, whatever else the sentence tells. The cue
list (``lexicon.json`` ``violent_protest``) holds the set phrases of such reports ("pelted", "running
battles"); this module reads the rest from the parse of the sentence: a verb of physical violence whose
subject is the crowd (the demonstrators, or the people the sentence names as gathering), followed through
coordinated verbs ("dumped manure ... and overturned a police van") and participles ("..., injuring two
guards"). A verb in the passive has its victim as subject, a negated one tells nothing, and a subject that is
a state force or an armed group is not the crowd.

The parser runs only for a sentence already read as a demonstration with no violent cue (a few in a
thousand of a news stream).
"""

from __future__ import annotations

import re
from functools import cache

from ..knowledge import alternatives

# verbs of physical violence on people or property (lemmas); "hit", "block", "break" and "fight" are left out:
# news uses them of prices, roads, records and causes
_VIOLENT_LEMMAS = frozenset({
    "attack", "assault", "beat", "injure", "wound", "kill", "stab", "punch", "kick", "lynch", "hack", "batter",
    "burn", "torch", "smash", "destroy", "damage", "vandalise", "vandalize", "wreck", "overturn", "overrun",
    "storm", "loot", "ransack", "pelt", "stone", "hurl", "firebomb", "tear", "topple", "raze", "manhandle",
    "rough", "thrash",
})
# what a crowd throws at people: thrown at the police, it is the crowd's violence whoever the sentence names
# (a grenade or a bomb is an explosive, left to its own rules; a petrol bomb is a crowd's weapon)
_PROJECTILES = frozenset({"stone", "rock", "brick", "bottle", "cocktail", "molotov", "missile", "projectile",
                          "dynamite", "object", "firecracker", "firework", "flare", "chair", "shoe", "egg"})
_CROWD_BOMBS = frozenset({"petrol", "gasoline", "fire", "molotov", "paint", "smoke"})
_THROW = frozenset({"throw", "hurl", "lob", "fling", "pelt"})
# harm done to the forces at a demonstration: the crowd's violence, unless the sentence names another agent
_HARMED = frozenset({"injure", "wound", "kill", "hurt", "attack", "assault", "beat", "stone", "pelt", "hit",
                     "manhandle", "lynch", "stab"})
# "tore down", "set ... on fire": a particle or an object decides
_PARTICLE_VERBS = {"tear": {"down", "apart", "up"}, "rough": {"up"}}
# what is burned or torn up as a sign, not as violence: ACLED codes flag and effigy burning as peaceful
_SYMBOLS = frozenset({"effigy", "flag", "poster", "portrait", "picture", "photo", "photograph", "copy", "candle",
                      "banner", "placard", "letter", "document", "ballot", "card"})
# a clause told as the reason or the time of the protest: a generic crowd there ("after youths attacked
# their homes") is the grievance's, only the demonstrators themselves are this crowd
_BEFORE = frozenset({"after", "following", "because", "since", "over", "when", "as"})
_FORCES = re.compile(r"\b(?:police\w*|officers?|soldiers?|troops?|army|military|forces?|gendarmes?|guards?|agents?|"
                     r"personnel|authorities|government|gunmen|militants?|militias?|militiam[ae]n|rebels?|"
                     r"insurgents?|fighters|attackers|assailants|unknown|unidentified)\b", re.I)
_DEMONSTRATORS = re.compile(r"(?:protest(?:er|or)s?|demonstrators?|marchers|rioters|strikers|participants|mobs?|"
                            r"crowds?)", re.I)


_DEMONSTRATION = re.compile(r"(?:rall(?:y|ies)|protests?|demonstrations?|march(?:es)?|sit-ins?|vigils?|gatherings?)",
                            re.I)


@cache
def _crowd_words() -> re.Pattern[str]:
    return re.compile(r"(?:" + alternatives("crowd_people") + r"|" + alternatives("crowd") + r")", re.I)


@cache
def _crowd_named() -> re.Pattern[str]:
    """The demonstrators or a crowd named anywhere in a phrase ("by angry villagers")."""
    return re.compile(r"\b(?:" + _DEMONSTRATORS.pattern + "|" + _crowd_words().pattern + r")\b", re.I)


def _doc(text: str, doc):  # noqa: ANN001, ANN202 - a spaCy Doc or None
    """The sentence's parse: the one given, else the participants' cached parse of ``text``."""
    if doc is not None:
        return doc
    from .participants import _parsed

    return _parsed(text)


def _subject(verb):  # noqa: ANN001, ANN202 - spaCy tokens
    """The verb's subject: its own, else that of the verb it is coordinated with or is a participle of; for a
    relative clause ("youths who torched ...") the noun it describes. None where the verb is passive."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        deps = {c.dep_: c for c in verb.children}
        if "nsubjpass" in deps or "auxpass" in deps:
            return None
        if "nsubj" in deps:
            subj = deps["nsubj"]
            if subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ == "relcl":
            return verb.head
        # a coordinated verb shares its subject; a clause on its own ("after youths ... attacked") only where it
        # is a participle of the verb before ("..., injuring two guards")
        if (verb.dep_ == "conj" or verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG") and verb.head is not verb:
            verb = verb.head
            continue
        return None
    return None


def _antecedent(subj):  # noqa: ANN001, ANN202 - spaCy tokens
    """What "they" stands for where it is the subject of a clause told inside another ("protesters were
    arrested after they vandalised ..."): the subject of the clause it hangs from, the nearest antecedent English
    gives a pronoun there; else the pronoun itself."""
    if subj.lower_ != "they":
        return subj
    clause, steps = subj.head, 0
    while clause.dep_ in ("advcl", "conj", "ccomp", "pcomp", "relcl") and clause.head is not clause and steps < 3:
        clause, steps = clause.head, steps + 1
        if clause.dep_ == "pcomp" or clause.pos_ == "ADP":
            continue
        outer = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "they"), None)
        if outer is not None:
            return outer
    return subj


def _head_words(subj):  # noqa: ANN001, ANN202 - spaCy tokens
    """The subject's head noun, and the noun of "hundreds of farmers"."""
    return [subj] + [c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for c in c.children if c.dep_ == "pobj"]


def _is_crowd(subj, crowd: re.Pattern[str]) -> bool:  # noqa: ANN001 - a spaCy token
    """The subject names the demonstrators or a crowd of people (its head noun, or the noun of "hundreds of
    farmers"); never a state force or an armed group."""
    for w in _head_words(subj):
        phrase = " ".join(t.lower_ for t in w.subtree)
        if _FORCES.search(phrase) and not _DEMONSTRATORS.search(phrase):
            return False
        if _DEMONSTRATORS.fullmatch(w.lower_) or crowd.fullmatch(w.lower_):
            return True
    return False


_CLAIM = frozenset({"claim", "allege", "accuse", "say", "tell", "report", "protest", "demand", "denounce",
                    "condemn", "complain", "charge"})


def _claimed(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """Is the verb told as the content of a claim, a charge or a demand (a clause under "claiming that",
    "accusing ... of", "protesting that")?"""
    node, steps = tok, 0
    while node.head is not node and steps < 5:
        if node.dep_ in ("ccomp", "pcomp", "xcomp") and node.head.lemma_.lower() in _CLAIM:
            return True
        node, steps = node.head, steps + 1
    return False


def _projectile(tok) -> bool:  # noqa: ANN001 - a spaCy token
    lemma = tok.lemma_.lower()
    return lemma in _PROJECTILES or lemma == "bomb" and any(c.lower_ in _CROWD_BOMBS for c in tok.children)


def crowd_violence(text: str, doc=None, harm: bool = True) -> tuple[int, int] | None:  # noqa: ANN001
    """The character span of the first verb of physical violence the crowd itself does in ``text``, or None.
    With ``harm``, the forces harmed with no agent named ("five policemen were injured during the protest")
    count as the crowd's violence too: the caller leaves it out where the sentence tells the forces' own force,
    which may have done the harm."""
    doc = _doc(text, doc)
    crowd = _crowd_words()
    for tok in doc:
        if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
            continue
        lemma = tok.lemma_.lower()
        if lemma in _THROW or lemma in _HARMED:
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = " ".join(t.lower_ for t in agent.subtree) if agent is not None else ""
            if agent is None or _crowd_named().search(by) and not _FORCES.search(by):
                thrown = [c for c in tok.children if c.dep_ in ("dobj", "obj")] + ([passive] if passive else [])
                if lemma in _THROW and any(_projectile(t) for t in thrown) and (
                        passive is not None or (_subject(tok) is not None and _is_crowd(_subject(tok), crowd))):
                    return tok.idx, tok.idx + len(tok.text)  # "stones were thrown at the police"
                if harm and lemma in _HARMED and passive is not None and _STATE_FORCE.fullmatch(passive.lower_):
                    return tok.idx, tok.idx + len(tok.text)  # "five policemen were injured during the protest"
        if lemma not in _VIOLENT_LEMMAS:
            continue
        particles = _PARTICLE_VERBS.get(lemma, ())
        if particles and not any(c.dep_ == "prt" and c.lower_ in particles for c in tok.children):
            continue
        if any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
            continue  # "kicked off the protests": began them
        objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if any(c.lemma_.lower() in _SYMBOLS for c in objects):
            continue
        if any(_DEMONSTRATORS.fullmatch(c.lower_) or _DEMONSTRATION.fullmatch(c.lower_) for c in objects):
            continue  # "a group of Turks attacked a peaceful rally": an assault on the demonstration, not its own
        subj = _subject(tok)
        subj = _antecedent(subj) if subj is not None else None
        if subj is None or not _is_crowd(subj, crowd):
            continue
        if _claimed(tok):
            continue  # "staged a protest, claiming that relatives of a leader beat the driver": the grievance
        told_before = any(c.dep_ == "mark" and c.lower_ in _BEFORE for c in tok.children) or \
            tok.dep_ == "pcomp" and tok.head.lower_ in _BEFORE
        if told_before and not any(_DEMONSTRATORS.fullmatch(w.lower_) for w in _head_words(subj)):
            continue
        return tok.idx, tok.idx + len(tok.text)
    return None


# force on people: lethal or bodily (ACLED's excessive force), or short of it (an intervention)
_LETHAL_LEMMAS = frozenset({"kill", "shoot", "beat", "club", "whip", "flog", "stab", "wound", "injure", "batter",
                            "bludgeon", "maim", "torture"})
_FORCE_LEMMAS = _LETHAL_LEMMAS | {"attack", "assault", "kick", "push", "shove", "chase", "drag", "hit", "charge"}
_STATE_FORCE = re.compile(r"(?:police\w*|officers?|soldiers?|troops?|army|military|(?:security )?forces?|"
                          r"gendarmes?|guards?|agents?|personnel|riot police)", re.I)
_KILLED = frozenset({"die", "kill", "shoot", "injure", "wound", "hurt"})


def force_on_crowd(text: str, doc=None) -> tuple[str, tuple[int, int]] | None:  # noqa: ANN001
    """Force a state's forces used on the crowd in ``text``, read from the parse: ("lethal", span) where they
    killed, shot, beat or wounded them, or where demonstrators died or were hurt by what the forces did
    ("several demonstrators died after police beat them"); ("force", span) for force short of that
    (pushed, chased, dragged them); None where the sentence tells neither."""
    doc = _doc(text, doc)
    crowd = _crowd_words()
    has_crowd = any(_DEMONSTRATORS.fullmatch(t.lower_) for t in doc)
    # at a demonstration the sentence names, anyone who dies of the forces' deed is one of its people ("a
    # student died after being hit by a canister fired by police at the protest"); a force's own man is not
    at_protest = any(_DEMONSTRATION.fullmatch(t.lower_) for t in doc)
    found = None
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
            continue
        if lemma in _FORCE_LEMMAS:
            subj = _subject(tok)
            if subj is None or not _STATE_FORCE.fullmatch(subj.lower_):
                continue
            objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            on_crowd = any(_DEMONSTRATORS.fullmatch(o.lower_) or crowd.fullmatch(o.lower_) or
                           (o.lower_ == "them" and has_crowd) for o in objects)
            if not on_crowd:
                continue
            kind = "lethal" if lemma in _LETHAL_LEMMAS else "force"
            if kind == "lethal":
                return kind, (tok.idx, tok.idx + len(tok.text))
            found = found or (kind, (tok.idx, tok.idx + len(tok.text)))
        elif lemma in _KILLED and (has_crowd or at_protest):
            # "demonstrators died after police beat them": the crowd the victims, the forces' deed the cause
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or not (_DEMONSTRATORS.fullmatch(subj.lower_) or at_protest and lemma == "die" and
                                    subj.pos_ in ("NOUN", "PROPN") and not _FORCES.search(subj.lower_)):
                continue
            if lemma in ("injure", "wound", "hurt") and not any(c.lower_ in ("seriously", "critically", "badly",
                                                                               "severely", "gravely")
                                                                for c in tok.children):
                continue
            agents = [_subject(c) for c in tok.subtree if c.pos_ == "VERB" and c is not tok]
            # and the forces after "by" ("hit by a canister fired by police")
            agents += [o for c in tok.subtree if c.dep_ == "agent" and c.head is not tok
                       for o in c.children if o.dep_ == "pobj"]
            if any(a is not None and _STATE_FORCE.fullmatch(a.lower_) for a in agents):
                return "lethal", (tok.idx, tok.idx + len(tok.text))
    return found


_SPEECH = frozenset({"say", "argue", "claim", "insist", "warn", "vow", "believe", "fear", "hope", "plan", "want",
                     "threaten", "accuse", "complain", "tell", "contend", "maintain", "predict", "expect",
                     # a stance is no gathering either ("protesters opposed to the ban say ...")
                     "oppose", "support", "object", "reject", "disagree", "welcome"})


def only_speakers(text: str, doc=None) -> bool:  # noqa: ANN001 - a spaCy Doc or None
    """Are the demonstrators the sentence names only the speakers of what it comments on ("protesters opposed
    to the ban say they will fight it in the courts"): each of them the subject of a verb of saying, thinking
    or intending in the present tense?"""
    doc = _doc(text, doc)
    named = [t for t in doc if _DEMONSTRATORS.fullmatch(t.lower_) and t.pos_ in ("NOUN", "PROPN")]

    def says_now(verb) -> bool:  # noqa: ANN001 - a spaCy token
        # told in the present ("say", "argues"): comment on what is going on, not a report of what they did
        # (a report tells its people's words in the past: "protesters said police beat them")
        return verb.lemma_.lower() in _SPEECH and verb.tag_ in ("VBP", "VBZ")

    return bool(named) and all(t.dep_ == "nsubj" and (says_now(t.head) or any(says_now(c) for c in t.head.children))
                               for t in named)


def subject_at(text: str, start: int, doc=None) -> tuple[int, int] | None:  # noqa: ANN001
    """The character span of the head word of the subject of the verb whose word starts at ``start`` ("troops
    drove the rebels out and took back control": the troops took it back; in "army positions fell" the head
    is "positions", not the army); None where the parse gives the verb none (a passive, a noun)."""
    doc = _doc(text, doc)
    tok = next((t for t in doc if t.idx == start), None)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(tok)
    if subj is None or subj.lower_ in ("who", "that", "which", "it", "they"):
        return None
    if any(t.dep_ == "cc" for t in subj.subtree):
        return None  # "Mozambican and Rwandan troops": coordinated sides, which the caller weighs itself
    return subj.idx, subj.idx + len(subj.text)

