"""Who did it (actor1) and to whom (actor2): ACLED's roles around a sentence's trigger.

``roles`` is the one place where a mention's two actors are decided. It reads, in order:
demonstrations (the crowd, and the force that met it), riots (the rioters, and whom they attacked),
then armed events: the agent (a "by" phrase, the last armed subject before the trigger, the first of
coordinated subjects, an armed actor after the trigger for some types), who struck ("Turkish airstrikes"),
displacement, the authorities as agent, ACLED's default actor1 per type, and last the target.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..knowledge import alternatives
from ..model import ActorMention
from .actors import ARMED_KINDS, civilians, demonym_country, state_name
from .deeds import subject_at
from .taxonomy import REMOTE_VIOLENCE_SUBS, Sub

# weapons fired from afar: the target is civilians where the sentence names them, else the other armed side
REMOTE_SUBS = REMOTE_VIOLENCE_SUBS
_VAC = {Sub.ATTACK, Sub.ABDUCTION_FORCED_DISAPPEARANCE, Sub.SEXUAL_VIOLENCE}
_PROTEST = (Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION, Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS)
_RIOT = (Sub.VIOLENT_DEMONSTRATION, Sub.MOB_VIOLENCE)
# types whose actor1 may be named after the trigger ("clashes broke out between the army and ...")
_AGENT_AFTER = (Sub.ARMED_CLASH, Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
                Sub.ARRESTS, Sub.DISRUPTED_WEAPONS_USE, Sub.HEADQUARTERS_OR_BASE_ESTABLISHED, Sub.AGREEMENT,
                Sub.CHANGE_TO_GROUP_ACTIVITY, Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, Sub.AIR_DRONE_STRIKE,
                Sub.SHELLING_ARTILLERY_MISSILE_ATTACK)
_GENERIC_FIGHTERS = re.compile(r"(?:militants?|insurgents?|jihadists?|extremists?|fighters|terrorists?)$", re.I)
_PASSIVE = re.compile(r"\s*(?:\w+\s+){0,2}?(?:were|was|have been|had been|has been)\b")
_SUPPORTERS = re.compile(r"\b(?:(?:supported|backed|aided|assisted|accompanied|joined) by|alongside|with the "
                         r"(?:help|support) of)\s+(?:the\s+|local\s+|allied\s+)*$", re.I)
_COORDINATED = re.compile(r"\s*(?:,|and|, and|&)\s*(?:the\s+)?(?:\w+\s+)?")
_DISPLACED = re.compile(r"displac|fled|flee|refugees|asylum|evacuat", re.I)
_AUTHORITIES = re.compile(r"\b(?:the |local |municipal |city |provincial |state |regional )?(?:authorities|government|"
                          r"municipality|city council|officials)\s+(?:\w+\s+){0,2}$", re.I)
_PROPERTY = re.compile(r"\b(?:homes?|houses?|shops?|property|villagers|residents|civilians)\b", re.I)
_CIVILIAN_TARGET = re.compile(r"\b(?:civilians?|people|residents|villagers|children|women|worshippers|passengers|"
                              r"shoppers|students|market|homes?|houses?|residential|hospital|school)\b", re.I)


def _speaker_pattern() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:\w+\s+){0,2}?" + alternatives("speaker") + r"\b", re.I)


_SPEAKER = _speaker_pattern()


def is_speaker(text: str, a: ActorMention) -> bool:
    """An actor named as the one who speaks ("police said", "according to the army") does not act."""
    before = text[max(0, a.start - 25):a.start].lower()
    return bool(_SPEAKER.match(text[a.end:])) or bool(re.search(r"according to (?:the |local )?$", before))


def _unknown(country: str | None) -> str:
    return country or "unknown country"


def acting(text: str, actors: list[ActorMention], named_group: ActorMention | None) -> list[ActorMention]:
    """The actors that may act: not speakers; generic "militants" in an article about one named group are
    that group."""
    acts = [a for a in actors if not is_speaker(text, a)]
    if named_group is None:
        return acts
    return [replace(a, name=named_group.name, inter=named_group.inter, kind="named")
            if a.kind == "unidentified" and _GENERIC_FIGHTERS.match(a.text) else a for a in acts]


# a place that "fell to" a side: the side named next took it (the agent, as after a passive's "by")
FELL_TO = re.compile(r"f[ae]ll(?:en)? to", re.I)


# words that begin a noun phrase: an object stands between a trigger and a participle's "by" ("liberated three
# villages held by"), where coordinated participles ("beaten and arrested by") share their agent
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "these", "those", "this", "that", "two",
                          "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many",
                          "dozens", "hundreds"}) | {str(n) for n in range(10)}


def by_agent(text: str, t1: int, acts: list[ActorMention]) -> ActorMention | None:
    """The agent of a passive trigger: "killed by (suspected) militants"."""
    m = re.search(r"\bby\s+(?:the\s+|suspected\s+|alleged\s+)?", text[t1:t1 + 60])
    if not m:
        return None
    gap = text[t1:t1 + m.start()].split()
    words = {w.lower().strip(",") for w in gap}
    if len(gap) >= 2 and (re.fullmatch(r"[\w-]+(?:ed|en|eld|own|ught|ept|un)", gap[-1]) and words & _DETERMINERS or
                          {"which", "who", "that", "whom"} & words):
        # "recaptured the town, which had been held by the rebels": the "by" is that of another verb, the one
        # describing the trigger's object (who held it), not the trigger's agent
        return None
    pos = t1 + m.end()
    return next((a for a in acts if a.start == pos or (a.start > t1 and abs(a.start - pos) <= 12)), None)


def protest_roles(sub: str, t0: int, acts: list[ActorMention], country: str | None
                  ) -> tuple[ActorMention, ActorMention | None]:
    """Protesters as actor1; the police (or army) that intervened as actor2 unless the protest was peaceful."""
    a1 = next((a for a in acts if a.kind == "protesters"), None)
    a1 = a1 or ActorMention(f"Protesters ({_unknown(country)})", 6, "protesters", t0, t0, "", country)
    if sub == Sub.PEACEFUL_PROTEST:
        return a1, None
    a2 = next((a for a in acts if a.kind in ("state_police", "state_military")), None)
    return a1, a2 or ActorMention(state_name(country, "police"), 1, "state_police", t0, t0, "", country)


def riot_roles(sub: str, t0: int, acts: list[ActorMention], country: str | None
               ) -> tuple[ActorMention, ActorMention | None]:
    """Rioters as actor1 (ACLED names them by country); the forces they fought, or for mob violence the
    civilians attacked, as actor2."""
    crowd = next((a for a in acts if a.kind in ("rioters", "protesters")), None)
    a1 = ActorMention(f"Rioters ({_unknown(country)})", 5, "rioters", crowd.start if crowd else t0,
                      crowd.end if crowd else t0, crowd.text if crowd else "", country)
    a2 = next((a for a in acts if a.kind in ("state_police", "state_military")), None)
    if sub == Sub.MOB_VIOLENCE:
        a2 = a2 or ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
    return a1, a2


def subject_actor(text: str, start: int, actors: list[ActorMention]) -> ActorMention | None:
    """The armed actor the parse makes the subject of the verb whose word starts at ``start``, named by the
    subject's head word ("troops drove the rebels out and took back control": the troops); None where it names
    none (the sentence is parsed only where it names an armed actor)."""
    armed = [a for a in actors if a.kind in ARMED_KINDS]
    head = subject_at(text, start) if armed else None
    if head is None:
        return None
    return next((a for a in armed if a.start <= head[0] < a.end), None)


def agent(sub: str, text: str, trig: tuple[int, int], armed: list[ActorMention],
          by: ActorMention | None) -> ActorMention | None:
    """The armed actor that did it, from the parse of the clause around the trigger."""
    t0, t1 = trig
    if by is not None and by.kind in ARMED_KINDS:
        return by
    # the subject the parse gives the trigger's verb ("soldiers who raided the village in search of separatist
    # fighters raped them": the soldiers)
    subj = subject_actor(text, t0, armed)
    if subj is not None:
        return subj
    # (not the object inside a trigger's span: "attacked a police station"; a weapon inside the span,
    # "fired artillery", acts only where no force is named before it)
    before = [a for a in armed if a.end <= t0] or [a for a in armed if a.end <= t1 and a.start <= t0]
    # passive voice: "three soldiers were killed" -> the soldiers are the target, not the agent
    passive_targets = {id(a) for a in before if _PASSIVE.match(text[a.end:t0 + 1])}
    # ("its troops, supported by local clan militias, recaptured": the supporters are no actor1)
    cand = [a for a in before if id(a) not in passive_targets
            and not _SUPPORTERS.search(text[max(0, a.start - 40):a.start])]
    a1 = cand[-1] if cand else None
    # "the military, police and Pyu Saw Htee members destroyed": actor1 is the first of coordinated subjects
    while a1 is not None and cand.index(a1) > 0:
        prev = cand[cand.index(a1) - 1]
        if not _COORDINATED.fullmatch(text[prev.end:a1.start]):
            break
        a1 = prev
    if a1 is None:
        after = [a for a in armed if a.start >= t1 and id(a) not in passive_targets]
        if sub in _AGENT_AFTER and after:
            a1 = after[0]
    return a1


def striking_state(sub: str, text: str, t0: int) -> ActorMention | None:
    """"Turkish airstrikes targeted ...": the demonym before a strike names whose forces struck."""
    if sub not in (Sub.AIR_DRONE_STRIKE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK):
        return None
    dem = re.search(r"([A-Z][\w-]+)\s+(?:[\w-]+\s+)?$", text[:t0])
    c = demonym_country(dem.group(1)) if dem else None
    if not c:
        return None
    assert dem is not None
    return ActorMention(state_name(c, "military"), 1, "state_military", dem.start(1), t0, dem.group(1), c)


def displaced_civilians(sub: str, text: str, trig: tuple[int, int], country: str | None) -> ActorMention | None:
    """People displaced, fleeing or arriving as refugees: ACLED's displacement (Other), civilians as actor1."""
    t0, t1 = trig
    if sub == Sub.OTHER and _DISPLACED.search(text[t0:t1]):
        return ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
    return None


def authorities(sub: str, text: str, t0: int, country: str | None) -> ActorMention | None:
    """"The local government demolished the church": the state did it."""
    if sub in (Sub.LOOTING_PROPERTY_DESTRUCTION, Sub.ARRESTS, Sub.OTHER, Sub.CHANGE_TO_GROUP_ACTIVITY) and \
            _AUTHORITIES.search(text[:t0]):
        return ActorMention(state_name(country, "government"), 1, "state", t0, t0, "", country)
    return None


def default_actor1(sub: str, t0: int, country: str | None) -> ActorMention:
    """ACLED's actor1 where the text names none: police arrest, the military strikes from the air, the
    government makes agreements and changes; any other violence is by an unidentified armed group."""
    if sub == Sub.ARRESTS:
        return ActorMention(state_name(country, "police"), 1, "state_police", t0, t0, "", country)
    if sub == Sub.AIR_DRONE_STRIKE:
        return ActorMention(state_name(country, "military"), 1, "state_military", t0, t0, "", country)
    if sub in (Sub.OTHER, Sub.AGREEMENT, Sub.CHANGE_TO_GROUP_ACTIVITY):
        return ActorMention(state_name(country, "government"), 1, "state", t0, t0, "", country)
    return ActorMention(f"Unidentified Armed Group ({_unknown(country)})", 3, "inferred", t0, t0, "", country)


def target(sub: str, text: str, t0: int, a1: ActorMention, others: list[ActorMention],
           country: str | None) -> ActorMention | None:
    """Actor2 of an armed event: civilians for violence against civilians, arrests and destruction of homes;
    the other armed side (or ACLED's default opponent) in a clash; civilians or the other side of a strike."""
    if sub in _VAC or sub in (Sub.ARRESTS, Sub.LOOTING_PROPERTY_DESTRUCTION):
        if sub == Sub.LOOTING_PROPERTY_DESTRUCTION and not _PROPERTY.search(text):
            return None
        return ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
    if sub == Sub.ARMED_CLASH:
        if others:
            return others[0]
        if a1.inter == 1:
            return ActorMention(f"Unidentified Armed Group ({_unknown(country)})", 3, "inferred", t0, t0, "", country)
        return ActorMention(state_name(country, "military"), 1, "state_military", t0, t0, "", country)
    if sub in REMOTE_SUBS:
        if _CIVILIAN_TARGET.search(text):
            return ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
        return others[0] if others else None
    if sub in (Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY):
        return others[0] if others else None
    return None


def roles(sub: str, text: str, trig: tuple[int, int], actors: list[ActorMention], country: str | None,
          named_group: ActorMention | None) -> tuple[ActorMention, ActorMention | None]:
    """Actor1 and actor2 of the event a sentence reports, from positions and voice around the trigger."""
    acts = acting(text, actors, named_group)
    t0 = trig[0]
    by = by_agent(text, trig[1], acts)
    if FELL_TO.fullmatch(text, t0, trig[1]):
        # "the town fell to M23 rebels": the side after "to" is the one that took it, as after a passive's "by"
        by = next((a for a in acts if a.start >= trig[1] and a.start - trig[1] <= 12), by)
    if sub in _PROTEST:
        return protest_roles(sub, t0, acts, country)
    if sub in _RIOT:
        return riot_roles(sub, t0, acts, country)
    armed = [a for a in acts if a.kind in ARMED_KINDS]
    a1 = agent(sub, text, trig, armed, by)
    a1 = (a1 or striking_state(sub, text, t0) or displaced_civilians(sub, text, trig, country)
          or authorities(sub, text, t0, country) or default_actor1(sub, t0, country))
    # (no side is its own target: "Turkey struck ... with drones" names the Turkish forces twice)
    others = [a for a in armed if a.name != a1.name]
    return a1, target(sub, text, t0, a1, others, country)


def external(a: ActorMention | None, where: str | None) -> ActorMention | None:
    """State forces acting outside their own country are ACLED's External/Other forces (inter 8)."""
    if a is None or where is None or a.inter != 1 or a.kind not in ("state_military", "state_police"):
        return a
    return replace(a, inter=8) if a.country and a.country != where else a



def dominant_named(actors: list[ActorMention]) -> ActorMention | None:
    """The named non-state group an article is about: named at least twice, twice as often as any other."""
    counts = Counter(a.name for a in actors if a.kind == "named" and a.inter in (2, 3, 4))
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return next(a for a in actors if a.name == top[0][0])


