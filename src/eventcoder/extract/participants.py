"""An event needs what ACLED needs: participants of the right kind.

ACLED codes political violence, demonstrations and the strategic developments of conflict actors. A
company's "deal", a footballer who "joined" a club, a team that "beat" another or a critic who "attacked" a
policy are none of these, however the trigger words read. Two questions, each one named function:

- ``missing_party``: a strategic development needs a conflict party in its sentence (an armed actor: state
  forces, an armed group, unidentified gunmen), or, for an agreement, the thing conflict parties agree on
  (a ceasefire, a prisoner exchange), and for a ban, the state banning a group or its gatherings;
- ``other_sense``: in an article about sport, the arts, business or technology (its vocabulary, read over a
  whole text of 150+ words), a sentence with no armed actor, no harm to people and no crowd met by force uses
  the words of violence in their sporting, commercial or figurative sense ("beat", "clash", "shot", "attack").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge import FoldedPattern, alternatives
from ..model import ActorMention
from . import taxonomy
from .actors import ARMED_KINDS
from .taxonomy import Sub

# what conflict parties agree on (ACLED's Agreement: ceasefires, peace deals, prisoner exchanges, surrenders)
_SETTLEMENT = re.compile(r"\b" + alternatives("settlement") + r"\b", re.I)
# the state banning a group or its gatherings (ACLED's Change to group/activity)
_STATE_BAN = re.compile(r"\b(?:government|authorities|ministry|junta|regime|court|president|parliament)\b[^.;]{0,80}?"
                        r"\b(?:banned|proscribed|outlawed|dissolved|designated)\b[^.;]{0,60}?\b(?:party|parties|group|"
                        r"groups|organi[sz]ations?|movements?|militias?|protests?|rallies|demonstrations?|"
                        r"gatherings?|assembl(?:y|ies))\b", re.I)
_HARM = re.compile(r"\b" + alternatives("harm") + r"\b", re.I)


_PROPERTY = re.compile(r"\b" + alternatives("property") + r"\b", re.I)
_WEAPON = re.compile(r"\b" + alternatives("weapon") + r"\b", re.I)
_POLITICAL = re.compile(r"\b" + alternatives("political_person") + r"\b", re.I)
_CROWD_PEOPLE = re.compile(r"\b" + alternatives("crowd_people") + r"\b", re.I)
_DISASTER = re.compile(r"\b" + alternatives("disaster") + r"\b", re.I)
_PROTEST_NOUN = re.compile(r"\b(?:protests?|demonstrations?|rall(?:y|ies)|marches|sit-ins?|vigils?|strikes?|"
                           r"walkouts?|boycotts?|blockades?|hunger strikes?)\b", re.I)
_FIGURATIVE_RALLY = re.compile(r"\b(?:stocks?|markets?|shares?|prices?|dollar|euro|pound|yen|index|indices|bonds?|oil|"
                               r"gold|currenc(?:y|ies)|sterling|it)\s+(?:\w+\s+){0,2}?rall(?:y|ied|ies|ying)\b", re.I)
_FIGURES = re.compile(r"[$£€¥]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|bn\b|m\b|million|billion|pence|p\b|cents?|points?)",
                      re.I)
_TAKEOVER = re.compile(r"\btake-?overs?\b", re.I)
_TERRITORY = (Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
              Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY)
# crimes of gain, not of politics or conflict (violence is left out: its arrests may follow a conflict event)
_ORDINARY_CRIME = re.compile(
    r"\b(?:(?:de)?fraud\w*|drugs?|narcotics?|cocaine|heroin|cannabis|marijuana|methamphetamine|theft|thie(?:f|ves)|"
    r"robber(?:y|ies)|burglar(?:y|ies|s)?|shoplift\w*|embezzl\w*|money[- ]laundering|tax evasion|counterfeit\w*|"
    r"forg(?:ery|ed documents)|scams?|swindl\w*|smuggl\w*|poach\w*|piracy|pirated|copyright|hack(?:ing|ers?)|"
    r"identity theft|phishing|bribe\w*|brib(?:ery|ing)|insider trading|illegal (?:fishing|logging|mining|gambling)|"
    # offences of the road and of public order
    r"drink[- ]?driv\w*|drunk(?:en)?[- ]driv\w*|driving (?:under the influence|offences?|while)|dangerous driving|"
    r"speeding|public (?:intoxication|drunkenness)|disorderly conduct|trespass\w*)\b",
    re.I)
# what burned or fell down by itself: a blaze, a storm, a collapse told as the subject of the destruction, with no
# one named as setting it ("a fire destroyed the warehouse", "flames gutted the market")
_NATURAL_DESTRUCTION = re.compile(
    r"\b(?:(?:a|the)\s+)?(?:(?:huge|massive|major|big|large|devastating|overnight|early morning|electrical|"
    r"accidental)\s+)?(?:fire|blaze|flames|inferno|storm|floods?|floodwaters|earthquake|quake|cyclone|hurricane|"
    r"typhoon|tornado|landslide|gas explosion|short circuit)\s+(?:(?:that|which)\s+)?(?:\w+\s+){0,2}?"
    r"(?:destroyed|damaged|razed|gutted|burned|burnt|swept through|ravaged|engulfed)\b", re.I)
_SET_ON_PURPOSE = re.compile(r"\b(?:arson\w*|set (?:by|on purpose|deliberately)|started by|torched|set ablaze|"
                             r"set fire|deliberately|attack\w*|militants?|gunmen|rebels?|rioters?|mobs?|protesters)\b",
                             re.I)
_CRIMINALS = re.compile(r"\b(?:gang\w*|criminals?|robbers?|thie(?:f|ves)|smugglers?|dealers?|traffickers?)\b", re.I)
_WEAPON_USE = re.compile(r"\b(?:attack(?:s|ed)?|used|uses|using|fired|dropped|launched|carried out|deployed|hit|struck|"
                         r"raids?|strikes?|shell(?:s|ed|ing)|bombs?|bombed|bombing|released|exposed|exposure|inhal\w+|"
                         r"suffocat\w+|poison(?:ed|ing))\b", re.I)
_WEAPON_SUBS = (Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.SUICIDE_BOMB, Sub.GRENADE, Sub.CHEMICAL_WEAPON,
                Sub.DISRUPTED_WEAPONS_USE)
_VIOLENCE = (Sub.ATTACK, Sub.ARMED_CLASH, Sub.MOB_VIOLENCE, Sub.ABDUCTION_FORCED_DISAPPEARANCE)
_CROWDS = {"protesters", "rioters"}


_CIVIL_PURPOSE = re.compile(
    r"\b(?:deploy\w*|sent|sends|dispatch\w*|mobili[sz]\w*)\b[^.;]{0,60}?\bto\s+(?:help\s+|assist\s+|support\s+|aid\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:health|medical|vaccinat\w*|relief|rescue\w*|flood\w*|clean\w*|inspect\w*|distribut\w*|"
    r"evacuat\w*|fight (?:the )?(?:fires?|wildfires?|blazes?|epidemic|outbreak|virus|dengue|malaria|cholera)|"
    r"firefight\w*|disinfect\w*|harvest\w*|rebuild\w*|repair\w*)\b", re.I)
_CEREMONY = re.compile(r"\b(?:sworn in|inaugurat\w*)\b", re.I)
_COUP = re.compile(r"\b(?:coup|junta|putsch|military (?:leaders?|rulers?|government|council)|seized power)\b", re.I)

# people who left their homes or a building: ACLED's Other only where a conflict drove them
_LEFT_HOME = re.compile(r"\b(?:evacuat\w+|displac\w+|fled|flee\w*)\b", re.I)
_CAUSE_TOLD = re.compile(r"\b(?:after|as|because of|due to|following|when|amid|over)\b", re.I)
_CONFLICT_CAUSE = re.compile(r"\b(?:fight\w*|fought|clash\w*|attack\w*|shell\w*|bomb\w*|violence|war|conflict|"
                             r"insurgen\w*|offensive|air ?strikes?|drones?|raids?|gunfire|armed|militants?|rebels?|"
                             r"troops|soldiers|forces|army|militias?|gunmen|terror\w*|jihadists?|unrest|insecurity|"
                             r"hostilities|siege|advance\w*|occupation|curfew|displacement camps?|idps?|refugees)\b",
                             re.I)
# a leader ousted by the members of a party, a board or a parliament: ACLED's coups are seizures of the state
_INNER_COUP = re.compile(r"\b(?:boardroom|party|leadership|backbench|internal|inner-party|cabinet|shareholders?'?)\s+"
                         r"coups?\b|\bcoups?\s+(?:attempt\s+)?(?:by|against|within|inside|in)\s+(?:the\s+)?(?:[\w-]+\s+)?"
                         r"(?:members|mps|shareholders|directors|board|party|backbenchers|delegates|colleagues|"
                         r"ministers|rivals)\b", re.I)


def missing_party(sub: str, text: str, actors: list[ActorMention]) -> str | None:
    """Why an event lacks the participants ACLED's definition of its type needs (None: it has them).

    - an agreement: a conflict party, or the thing conflict parties agree on (a ceasefire, prisoners);
    - a change to group/activity: a conflict party, or the state banning a group or its gatherings;
    - territory taken or handed over: an armed party, where the "territory" is a figure or a firm;
    - looting or destruction: an armed party, a crowd, or physical property;
    - explosives and disrupted weapons: an armed party, harm to people, or a weapon;
    - arrests: politically significant ones (ACLED): state forces, or people of political weight; not police
      work against an ordinary crime of gain (fraud, drugs, theft) with no political person, group or crowd;
    - a demonstration: not a market that "rallied" (people who gather: ``missing_in_parse``);
    - violence: not deaths from natural causes, accidents or fiction.
    """
    kinds = {a.kind for a in actors}
    armed = bool(kinds & ARMED_KINDS)
    if sub == Sub.AGREEMENT:
        return None if armed or _SETTLEMENT.search(text) else "no conflict party"
    if sub == Sub.CHANGE_TO_GROUP_ACTIVITY:
        if _CIVIL_PURPOSE.search(text) and not _VIOLENT_HARM.search(text):
            return "a civil task"  # "deployed soldiers to help health agents inspect homes": no conflict move
        return None if armed or _STATE_BAN.search(text) else "no conflict party"
    if sub == Sub.OTHER and _CEREMONY.search(text) and not (_COUP.search(text) or kinds & {"named", "unidentified"}):
        return "a ceremony"  # an elected president sworn in: no conflict event (a junta's leader is another matter)
    if sub == Sub.OTHER and _LEFT_HOME.search(text) and _CAUSE_TOLD.search(text) and not armed and \
            not _VIOLENT_HARM.search(text) and not _CONFLICT_CAUSE.search(text):
        return "no conflict cause"  # "the theatre was evacuated after a fire alarm went off": no conflict event
    if sub == Sub.OTHER and _INNER_COUP.search(text) and not armed:
        return "a coup inside a party or a firm"  # "a boardroom coup", "a coup by senior members": no state seized
    if sub in _TERRITORY and not armed and (_FIGURES.search(text) or _TAKEOVER.search(text)):
        return "no armed party"  # a price that "fell to" a figure, a firm's takeover
    if sub == Sub.LOOTING_PROPERTY_DESTRUCTION:
        if not armed and _NATURAL_DESTRUCTION.search(text) and not _SET_ON_PURPOSE.search(text):
            return "natural cause, accident or fiction"  # destruction with no one doing it
        return None if armed or kinds & _CROWDS or _PROPERTY.search(text) else "no physical property"
    if sub == Sub.CHEMICAL_WEAPON:
        # the trigger names the weapon ("sarin", "a chemical attack"); the event is its use, not the arsenal
        return None if armed or _HARM.search(text) or _WEAPON_USE.search(text) else "no use of the weapon"
    if sub in _WEAPON_SUBS:
        return None if armed or _HARM.search(text) or _WEAPON.search(text) else "no weapon"
    if sub == Sub.ARRESTS:
        conflict_side = kinds & {"named", "party"} or any(
            a.kind == "unidentified" and not _CRIMINALS.search(text[a.start:a.end]) for a in actors)
        if _ORDINARY_CRIME.search(text) and not (conflict_side or _POLITICAL.search(text)
                                                 or _PROTESTERS_NOUN.search(text)):
            return "an ordinary crime"  # police work against fraud, drugs or theft: no political arrest
        return None if armed or kinds & (_CROWDS | {"party", "named"}) or _POLITICAL.search(text) else \
            "no politically significant arrest"  # (the arrestee's own words: ``missing_in_parse``)
    if sub in taxonomy.DEMONSTRATION_SUBS and _FIGURATIVE_RALLY.search(text):
        return "a market rally"
    if sub in _VIOLENCE and not armed and _DISASTER.search(text):
        return "natural cause, accident or fiction"
    return None


_PERSON = re.compile(r"(?:" + alternatives("crowd_people") + "|" + alternatives("political_person") + "|" +
                     alternatives("person") + r")$", re.I)
_QUANTITIES = {"dozens", "hundreds", "thousands", "scores", "tens", "millions", "some", "many", "several", "most",
               "all", "both", "none", "few", "number", "total", "group", "couple", "pair", "herd", "flock", "pack"}
_HUMAN_PRONOUNS = {"him", "her", "them", "us", "me", "you", "himself", "herself", "themselves", "he", "she", "they",
                   "we", "i", "who", "whom", "one", "someone", "anyone", "everyone", "nobody"}
_SHOW_SENSE = re.compile(r"demonstrat\w*$", re.I)
_VERB_OF_SHOWING = re.compile(r"(?:rall(?:ied|ying)|demonstrat(?:ed|ing|es|e))$", re.I)
_KILLING = re.compile(r"(?:kill|murder|massac|slain|slay|behead|lynch|execut|shot dead)", re.I)
_PROTESTERS_NOUN = re.compile(r"(?:protest(?:er|or)s?|demonstrators?)", re.I)
_NOT_PROTESTING = re.compile(r"(?:" + alternatives("not_protesting") + r")$", re.I)
_ANIMAL = re.compile(r"(?:" + alternatives("animal") + r")$", re.I)


_ANIMAL_NOUN = re.compile(r"\b(?!them\b)" + alternatives("animal") + r"\b", re.I)
_MESSAGE = re.compile(r"\b" + alternatives("message") + r"\b", re.I)
_FIGURE_SUBS = (Sub.ATTACK, Sub.ARMED_CLASH, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, Sub.AIR_DRONE_STRIKE)
_BLOCKING = re.compile(r"block", re.I)
_FIGHTING = re.compile(r".*\b(?:fight\w*|fought|clash\w*|battles?|combat|gun\w*|fire ?fights?|shoot-?outs?|"
                       r"exchanges? of fire|hostilities|skirmish\w*|war|warfare|firing|shelling|attacks?|"
                       r"offensives?)\b", re.I)
_MODALS = {"will", "would", "could", "might", "may", "shall", "must", "'ll", "wo"}


def hypothetical_in_parse(text: str, trigger: tuple[int, int]) -> str | None:
    """Why the parse shows the trigger is not told as having happened (None: it may be): the verb that governs
    it carries a modal ("the deployment would involve troops", "will join campaigners at a rally", "would never
    encourage a coup", "could allow killing") or is "expected to" ("protests are expected to be muted"). Only
    sentences with a modal or "expected" are parsed; the caller keeps dated events."""
    if not re.search(r"\b(?:will|would|could|might|may|shall|must|expected)\b|'ll\b", text, re.I):
        return None
    tok = _trigger_token(text, trigger)
    if tok is None:
        return None
    if tok.dep_ == "nsubj" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return None  # an event told before, and what it "could" bring: "the merger could strengthen the rebels"
    t = tok
    for _ in range(4):  # the trigger's own verb, then the verbs it completes ("expected to be muted")
        t = _verb_of(t)
        auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in _MODALS for c in auxes) and not any(c.lower_ == "have" for c in auxes):
            return "future or hypothetical"
        if t.lemma_ == "expect" and any(c.dep_ == "xcomp" for c in t.children):
            return "future or hypothetical"
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return None
        t = t.head
    return None


_THING_PRONOUNS = {"it", "this", "that", "which", "these"}


def _verb_of(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """The token itself when it is a verb, else the first verb above it (the root where there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


_OPINION = re.compile(r"\b(?:think|thinks|thought|believe[sd]?|argue[sd]?|say|says|said|saying|want|wants|claim\w*|"
                      r"feel|feels|suggest\w*|remarks?|comments?|views?|stance|criticism|opinions?|calling|"
                      # what office-holders are attacked over in words: their conduct and their policies
                      r"handling|record|polic(?:y|ies)|plans?|proposals?|decisions?|failures?|response|conduct|"
                      r"performance|approach|leadership|management|refusal|u-turns?|reforms?|spending|budget|"
                      r"statements?|speech|silence|inaction)\b", re.I)
_HANDS = re.compile(r"(?:mobs?|crowds?|villagers|residents|youths|locals|people|men|group|gangs?|vigilantes|rioters|"
                    r"protesters|demonstrators|neighbou?rs|relatives|family|students|workers)$")
_OPINION_LEMMAS = frozenset({"think", "believe", "argue", "say", "want", "claim", "feel", "suggest", "call"})


def _criticism(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """Is an attack a verbal one: its attackers told by what they think ("attacked by people who think we
    should cut taxes") or attacked for words ("attacked the minister for saying", "for his remarks")?"""
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    agents += [c for c in tok.children if c.dep_ == "nsubj"]
    if any(r.dep_ == "relcl" and r.lemma_ in _OPINION_LEMMAS for a in agents for r in a.children):
        return True
    reasons = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "over") for p in c.children
               if p.dep_ in ("pobj", "pcomp")]
    # a crowd that attacks someone for his words does it with its hands ("villagers attacked a man for saying")
    return not any(_HANDS.match(a.lower_) for a in agents) and any(
        r.lemma_ in _OPINION_LEMMAS or _OPINION.fullmatch(r.text) for r in reasons)


def _instruments(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """What a verb is done with ("bombarded them with a barrage of requests" -> barrage, requests)."""
    out = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
           if p.dep_ == "pobj"]
    return out + [q for p in out for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children
                  if q.dep_ == "pobj"]


def _is_person(tok) -> bool:  # noqa: ANN001 - a spaCy token
    return (tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in _HUMAN_PRONOUNS
            or bool(_PERSON.match(tok.lower_)) or bool(_PERSON.match(tok.lemma_ or "")))


_AGENT_NOUN = re.compile(r"\w+(?:er|or|ist|ian|ant|ent|man|men|people|folk|ees)s?$", re.I)


def _words_of(tok) -> str:  # noqa: ANN001 - a spaCy token
    """A noun with its modifiers, without relative clauses ("Mr K, who funded opposition groups" -> "Mr K")."""
    skip = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return " ".join(t.text for t in tok.subtree if t.i not in skip)


def _subjects(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """The subjects of a verb, or of the verb it completes ("activists continued to block" -> activists)."""
    t = tok
    while True:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj or t.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or t.head.i == t.i:
            return subj
        t = t.head


def _clause_verb(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """The verb of the clause a noun stands in ("hundreds of protesters held ..." -> held)."""
    t = tok
    # spaCy makes a new Token object at each access: tokens compare by index, never by identity
    while t.head.i != t.i and t.head.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t.head if t.head.i != t.i else None


def _is_crowd(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """People who may gather: a person word, an agent noun ("shopkeepers", "pensioners"), or a counted noun
    ("about 100 X")."""
    if _is_person(tok) or (tok.pos_ == "NOUN" and (bool(_AGENT_NOUN.match(tok.text)) or any(
            c.dep_ == "nummod" for c in tok.children))):
        return True
    # "a group of residents", "an average of 50 villagers"
    return any(_is_crowd(p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj")


def _targets(tok):  # noqa: ANN001, ANN202 - spaCy tokens
    """Who or what a trigger acts on: its object, a passive subject, the object of "on/against/of" after a
    noun trigger, and the heads of coordinated ones."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "obj", "attr")]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "upon")):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    if any(c.lower_ == "fire" for c in out):  # "set fire to vehicles": what burns is the object of "to"
        out += [p for c in (*tok.children, *(c for t in out for c in t.children)) if c.dep_ in ("prep", "dative")
                and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ in ("amod", "compound", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        out.append(tok.head)  # "the wounded soldiers", "attacked villagers"
    if tok.dep_ == "relcl":
        out.append(tok.head)
    for t in list(out):
        out += [c for c in t.conjuncts]
    # "dozens of deer", "hundreds of villagers": the people or animals counted
    counted = [p for t in out if t.lower_ in _QUANTITIES or t.pos_ == "NUM" for c in t.children
               if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return [t for t in out if not (t.lower_ in _QUANTITIES or t.pos_ == "NUM")] + counted if counted else out


def missing_in_parse(sub: str, text: str, trigger: tuple[int, int], actors: list[ActorMention]) -> str | None:
    """Why the parse shows the participants are not those the type needs (None: they may be). Only the
    sentences the cheap tests leave in doubt are parsed.

    With no armed actor and no harm named, an attack, a beating or a rape is ACLED violence only when its
    target is a person ("attacked a journalist", "was beaten"), not a policy, a record or a firm ("attacked
    Tory plans", "the assault on Yukos' assets", "a 20-yard shot"); a clash or a battle needs an armed side
    (ACLED's Armed clash is between organised armed groups: politicians who "clashed" argued), or at least
    weapons. Mob violence is left to the classifier's own test of harm done by a crowd. A protest word
    with a direct object means showing ("demonstrated their latest products"); "rallied" or "demonstrated"
    with no crowd named is a market or a figure; protesters named in a clause that tells no protest ("the
    protesters would plead not guilty") are no demonstration; an arrest with no state force named needs an
    arrestee of political weight; animals are no victims.
    """
    kinds = {a.kind for a in actors}
    word = text[trigger[0]:trigger[1]]
    if sub in _FIGURE_SUBS and _MESSAGE.search(text):
        tok = _trigger_token(text, trigger)
        if tok is not None and any(_MESSAGE.fullmatch(t.text) or _MESSAGE.fullmatch(t.lemma_ or "")
                                   for t in _instruments(tok)):
            return "a figure of speech"  # "bombarded the minister with requests", "bombarded the site with data"
    if sub in (*_FIGURE_SUBS, Sub.MOB_VIOLENCE) and not kinds & ARMED_KINDS and _OPINION.search(text) \
            and not _HARM.search(text):
        tok = _trigger_token(text, trigger)
        if tok is not None and _criticism(tok):
            return "criticism, not violence"
    if sub == Sub.ATTACK and _ANIMAL_NOUN.search(text):
        # animals are no victims, whoever shoots them ("flushing out foxes to be shot", "chasing foxes then
        # shooting them"): "them" counts as an animal only where the sentence names one
        tok = _trigger_token(text, trigger)
        targets = _targets(tok) if tok is not None else []
        if targets and all(_ANIMAL.match(t.lemma_ or t.lower_) or _ANIMAL.match(t.lower_) for t in targets):
            return "animals, not people"
    if sub == Sub.ARMED_CLASH and re.fullmatch(r"engaged|engaging", word, re.I):
        # "companies engaged in e-commerce": engaged in an activity; a clash is engaged in fighting or engages a foe
        tok = _trigger_token(text, trigger)
        done = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                if p.dep_ == "pobj"] if tok is not None else []
        if done and not any(_FIGHTING.match(_words_of(p)) or _FIGHTING.search(p.text) for p in done):
            return "engaged in an activity"
    if sub == Sub.LOOTING_PROPERTY_DESTRUCTION:
        tok = _trigger_token(text, trigger) if _MESSAGE.search(text) else None
        if tok is not None and tok.pos_ == "VERB" and (targets := _targets(tok)) and all(
                _MESSAGE.search(_words_of(t)) for t in targets):
            return "data, not property"  # "steal sensitive data", whoever steals it
    if sub == Sub.LOOTING_PROPERTY_DESTRUCTION and not kinds & ARMED_KINDS:
        # with no armed actor, what is destroyed, damaged or stolen must be property, not a firm, data or an
        # identity ("the company has been destroyed", "damaging speculation", "steal sensitive data")
        tok = _trigger_token(text, trigger)
        targets = _targets(tok) if tok is not None and tok.pos_ in ("VERB", "ADJ") else []  # not "arson"
        if targets and not any(_PROPERTY.search(_words_of(t)) or _is_person(t) for t in targets) and \
                not _PROPERTY.match(text, trigger[1] + 1 if text[trigger[1]:trigger[1] + 1] == " " else trigger[1]):
            return "no physical property"  # ("set fire to farmland": what follows the trigger is its object)
    if sub in taxonomy.DEMONSTRATION_SUBS:
        if _PROTESTERS_NOUN.fullmatch(word):
            # the crowd named, not what it did: "the protesters would plead not guilty", "lost an appeal"
            tok = _trigger_token(text, trigger)
            verb = _clause_verb(tok) if tok is not None else None
            if verb is not None and _NOT_PROTESTING.match(verb.lemma_ or verb.lower_):
                return "protesters named, no protest told"
        if kinds & _CROWDS and not _SHOW_SENSE.match(word):
            return None
        if _BLOCKING.match(word):
            # a firm or a thing that blocks ("Google began blocking infected sites", "it can be used to block
            # traffic") is no crowd blocking a road
            tok = _trigger_token(text, trigger)
            subjects = [t for t in _subjects(tok) if t.dep_ == "nsubj" or t.head.i != tok.i] if tok is not None \
                else []
            if subjects and all(t.ent_type_ in ("ORG", "PRODUCT") or t.lower_ in _THING_PRONOUNS
                                for t in subjects):
                return "no people blocking"
        if _VERB_OF_SHOWING.match(word) and not (
                kinds & _CROWDS or _CROWD_PEOPLE.search(text) or _PROTEST_NOUN.search(text)):
            tok = _trigger_token(text, trigger)
            subjects = _subjects(tok) if tok is not None else []
            if not any(_is_crowd(t) for t in subjects):
                return "no crowd"  # "it rallied", "the figures demonstrate"
        if not re.search(r"demonstrat", word, re.I):
            return None  # only "demonstrate" has the sense of showing: no parse needed for the rest
        tok = _trigger_token(text, trigger)
        if tok is None:
            return None
        objects = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "obj")]
        if _SHOW_SENSE.match(tok.text) and objects and not any(_is_person(o) for o in objects):
            return "a showing"
        return None
    if sub == Sub.ARRESTS and not kinds & (ARMED_KINDS | _CROWDS | {"party", "named"}):
        # no state force named: the arrest is ACLED's only if those arrested are of political weight
        tok = _trigger_token(text, trigger)
        held = [t for t in _targets(tok) + _subjects(tok) if t.dep_ != "agent"] if tok is not None else []
        if tok is not None and not any(_POLITICAL.search(_words_of(t)) for t in held):
            return "no politically significant arrest"
        return None
    if sub in _TERRITORY and not kinds & ARMED_KINDS:
        # with no armed actor, what is taken or handed over must be ground ("took control of the town", "seized
        # Kidal"), not a fund, a firm or a market ("took control of the pilots' pension scheme")
        taken = _taken(text, trigger)
        if taken is not None and not _is_ground(taken):
            return "no ground taken"
        return None
    if sub not in (Sub.ATTACK, Sub.ARMED_CLASH, Sub.SEXUAL_VIOLENCE) or kinds & ARMED_KINDS:
        return None
    rest = text[:trigger[0]] + " " * (trigger[1] - trigger[0]) + text[trigger[1]:]  # the harm besides the trigger
    if _HARM.search(rest) or _KILLING.match(word):
        return None  # a killing is violence against people, whatever the parse makes of the sentence
    if sub == Sub.ARMED_CLASH:
        return None if _WEAPON.search(text) or re.search(r"\barmed\b", text, re.I) else "no armed side"
    tok = _trigger_token(text, trigger)
    if tok is None:
        return None
    targets = _targets(tok)
    if any(_is_person(t) for t in targets):
        return None
    if tok.pos_ == "VERB" and not targets and sub != Sub.ATTACK:
        return None
    return "no violence against people"


_GROUND = re.compile(r"(?:" + alternatives("ground") + r")$", re.I)
_NOT_PLACE_ENTS = {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "MONEY", "PERCENT", "LAW", "CARDINAL"}


def _taken(text: str, trigger: tuple[int, int]):  # noqa: ANN202 - a spaCy token or None
    """The head noun of the first noun phrase told right after a territorial trigger (what was taken)."""
    doc = _parsed(text)
    for chunk in doc.noun_chunks:
        if chunk.start_char >= trigger[1]:
            if chunk.start_char - trigger[1] <= 12:
                return chunk.root
            break
    # "letting go of its unit without a fight": an adverbial trigger's ground is its verb's object
    tok = _trigger_token(text, trigger)
    if tok is None or tok.pos_ == "VERB":
        return None
    verb = _verb_of(tok)
    inside = {t.i for t in tok.subtree}
    for c in verb.children:
        if c.i in inside:
            continue
        if c.dep_ in ("dobj", "obj"):
            return c
        if c.dep_ in ("prep", "prt") and c.lower_ in ("of", "from", "over"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _is_ground(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """A place, a settlement or a military position: a place name, or a word of ground."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
        return True
    if _GROUND.match(tok.lower_) or _GROUND.match(tok.lemma_ or ""):
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PLACE_ENTS


@lru_cache(maxsize=64)
def _parsed(text: str):  # noqa: ANN202 - a spaCy Doc
    from ..nlp import parse

    return parse(text)


def _trigger_token(text: str, trigger: tuple[int, int]):  # noqa: ANN202 - a spaCy token or None
    doc = _parsed(text)
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _per_1000(rx: re.Pattern[str] | FoldedPattern, text: str, words: int) -> float:
    return 1000 * sum(1 for _ in rx.finditer(text)) / max(words, 1)


_SPORT = FoldedPattern(r"\b" + alternatives("sport") + r"\b")
_ARTS = FoldedPattern(r"\b" + alternatives("arts") + r"\b")
_BUSINESS = FoldedPattern(r"\b" + alternatives("business") + r"\b")
_TECHNOLOGY = FoldedPattern(r"\b" + alternatives("technology") + r"\b")
_CONFLICT = FoldedPattern(r"\b" + alternatives("conflict") + r"\b")
_NATURAL_DISASTER = FoldedPattern(r"\b" + alternatives("natural_disaster") + r"\b")
_VIOLENT_HARM = FoldedPattern(r"\b" + alternatives("violent_harm") + r"\b")
DOMAIN_DENSITY = 12.0  # words of the domain per 1,000 words of the article
TRADE_DENSITY = 20.0  # business and technology: their words are common in all news, so they need more
MIN_WORDS = 100  # a shorter text (a coded note, a snippet) is too short to tell its domain
DISASTER_DENSITY = 3.0  # a natural disaster named 3 times in 1,000 words is what the article is about
CONFLICT_DENSITY = 10.0


def article_domain(text: str) -> str | None:
    """"sport", "arts", "business", "technology" or "disaster" where the article's vocabulary is that of a
    contest or of culture (at least 12 of its words in 1,000), of companies and markets or of computers and
    the net (20 in 1,000: their words are common in all news) or of a natural disaster (3 in 1,000), and not
    that of a conflict (under 10 in 1,000); None otherwise, and for texts under 100 words."""
    words = len(text.split())
    if words < MIN_WORDS or _per_1000(_CONFLICT, text, words) >= CONFLICT_DENSITY:
        return None
    if _per_1000(_NATURAL_DISASTER, text, words) >= DISASTER_DENSITY:
        return "disaster"
    sport, arts = _per_1000(_SPORT, text, words), _per_1000(_ARTS, text, words)
    if max(sport, arts) >= DOMAIN_DENSITY:
        return "sport" if sport >= arts else "arts"
    business, technology = _per_1000(_BUSINESS, text, words), _per_1000(_TECHNOLOGY, text, words)
    if max(business, technology) < TRADE_DENSITY:
        return None
    return "business" if business >= technology else "technology"


def other_sense(domain: str | None, sub: str, text: str, actors: list[ActorMention]) -> str | None:
    """Why, in a sport, arts or disaster article, a sentence's words of violence are no event (None: they may
    be): it names no armed actor and no harm done by violence (an injury, a death or a "shot" alone is not:
    "injured British number one", "5,000 people were killed" by a tsunami). A demonstration there needs a
    crowd named as protesters or a protest word ("fans chanting", "a third-set rally" are none). In a disaster
    article, troops deployed are relief, whoever sends them."""
    if domain is None:
        return None
    if domain == "disaster" and sub == Sub.CHANGE_TO_GROUP_ACTIVITY and not _VIOLENT_HARM.search(text):
        return "disaster relief"  # troops sent to a flood or an earthquake: relief, not a conflict party's move
    if domain == "disaster" and sub == Sub.ATTACK and not _VIOLENT_HARM.search(text) and not re.search(
            r"\b(?:killed by|shot|attack\w*|gunmen|fighters|raid\w*)\b", text, re.I):
        return "disaster sense"  # "helicopters evacuated the injured" after a flood, whoever governs there
    if {a.kind for a in actors} & ARMED_KINDS or _VIOLENT_HARM.search(text):
        return None
    if sub in taxonomy.DEMONSTRATION_SUBS and ({a.kind for a in actors} & _CROWDS or _PROTEST_WORD.search(text)):
        return None
    return f"{domain} sense"


_PROTEST_WORD = re.compile(r"\b(?:protest\w*|demonstrat(?:ion|ions|ors?)|marched|sit-ins?|picket\w*)\b", re.I)
