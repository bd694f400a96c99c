"""Sentence classification: trigger lexicon + ACLED's definitions -> one sub-event type per sentence.

The rules follow ACLED's codebook: what separates an Attack (on civilians) from an Armed clash (two
armed, organised sides), a Peaceful protest from a Protest with intervention (force short of lethal)
and Excessive force against protesters (lethal force on peaceful protesters), a Violent demonstration
(demonstrators use violence or destroy property) from Mob violence (a violent crowd with no protest
demand), and territory taken by the state (Government regains) from territory taken by anyone else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge import alternatives, cue_patterns, possible_triggers, trigger_patterns
from . import deeds
from .actors import ARMED_KINDS, ActorMention, demonym_country
from .roles import FELL_TO, subject_actor
from .taxonomy import Sub

# order of precedence when a sentence holds several triggers: the most specific, most violent first
PRECEDENCE = [
    Sub.CHEMICAL_WEAPON, Sub.SUICIDE_BOMB, Sub.AIR_DRONE_STRIKE, Sub.GRENADE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK,
    Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.SEXUAL_VIOLENCE, Sub.ABDUCTION_FORCED_DISAPPEARANCE,
    Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, Sub.ARMED_CLASH, Sub.ATTACK,
    Sub.LOOTING_PROPERTY_DESTRUCTION, Sub.DISRUPTED_WEAPONS_USE, Sub.ARRESTS, Sub.HEADQUARTERS_OR_BASE_ESTABLISHED,
    Sub.AGREEMENT, Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, Sub.CHANGE_TO_GROUP_ACTIVITY, Sub.OTHER,
]

# an unorganised crowd: when it is the one doing violence (no protest demand), ACLED codes Mob violence
_CROWD = alternatives("crowd")  # data/words.json
_MOB_SUBJECT = re.compile(r"\b" + _CROWD + r"\b,?(?P<gap>(?:\s+[\w'(),-]+){0,14}?)\s+(?:beat|beat up|lynched|assaulted|"
                          r"physically assaulted|attacked|stoned|hurled (?:stones|rocks|bricks)|threw (?:stones|rocks|"
                          r"bricks)|pelted|stabbed|hacked|thrashed|clashed|fought|chased|torched|set ablaze|set fire|"
                          r"vandali[sz]ed|burnt|burned|cornered|manhandled|dragged|killed|injured|punched|kicked|"
                          r"whipped|flogged|confronted|looted|ransacked|broke into|vandali[sz]ed)\b", re.I)
_MOB_BY = re.compile(r"\b(?:lynched|beaten|beaten up|stabbed|killed|attacked|assaulted|stoned|injured|hacked|thrashed|"
                     r"burn(?:ed|t) (?:alive|to death)|set (?:on fire|ablaze|alight))"
                     r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:a |an |the )?(?:angry |irate |enraged |local )?(?:group of |mob of"
                     r" |"
                     r"crowd of )?" + _CROWD + r"\b", re.I)
_MOB_BETWEEN = re.compile(r"(?<!armed )(?<!gun )\b(?:clash\w*|fight\w*|fought|scuffle\w*|brawl\w*|confrontation)\s+"
                          r"(?:[\w-]+\s+){0,3}?"
                          r"between\s+(?:the\s+)?(?:two\s+)?(?:rival\s+)?(?:[\w()-]+\s+){0,3}?" + _CROWD + r"\b", re.I)
_MELEE_ARMS = re.compile(r"\barmed with (?:[\w-]+,? ){0,3}?(?:sticks|clubs|machetes|stones|rocks|knives|"
                         r"iron (?:bars|rods)|rods|bats|cudgels|spears|bows and arrows|axes|pangas|knobkerries|"
                         r"sharp objects)\b", re.I)
_NOT_SUBJECT = re.compile(r"\b(?:were|was|been|being|are|is|said|say|says|told|claimed|alleged|by|armed|gunmen|"
                          r"militias?|"
                          r"communal|gangs?|cartels?|rebels?|militants?)\b", re.I)

# a victim who belongs to an armed, organised side: violence against them is an Armed clash, not an Attack
_ARMED_VICTIM = re.compile(r"\b" + alternatives("armed_victim") + r"\b", re.I)  # data/words.json


@dataclass(frozen=True)
class Classification:
    sub_event_type: str
    trigger_start: int
    trigger_end: int
    confidence: float


def _first(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    return rx.search(text)


# what a crowd gathered for, said in the sentence that follows ("Farmers gathered in X. They called for ...")
_PURPOSE_NEXT = re.compile(
    r"^\W*(?:they|the (?:protesters|demonstrators|participants|crowd|group|workers|farmers|drivers|residents|"
    r"activists|students|teachers|strikers))\s+(?:\w+\s+){0,2}?(?:called for|call for|demanded|denounced|"
    r"protested|opposed|condemned|rejected|decried|complained|critici[sz]ed|expressed (?:their |its )?(?:anger|"
    r"opposition|discontent|dissatisfaction|outrage|solidarity|support)|voiced|urged|chanted|held (?:banners|"
    r"placards|signs)|carried (?:banners|placards|signs))\b", re.I)
_PURPOSE = re.compile(r"\b(?:demand\w*|denounc\w*|to protest|in protest|against|calling for|called for|to call for|"
                      r"in support of|solidarity|to oppose|opposing|condemn\w*|to reject|rejecting|to complain|"
                      r"complaining|to decry|to urge)\b", re.I)


_AT_POLICE_OR_PROPERTY = re.compile(
    r"\b(?:at|on|against|with)\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?(?:riot\s+)?(?:police(?:men)?|officers|"
    r"security forces|firefighters|gendarmes|soldiers)\b|"
    r"\b(?:pelted|stoned|attacked|assaulted)\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?(?:riot\s+)?(?:police(?:men)?|officers|"
    r"security forces|gendarmes|soldiers)\b|"
    r"\b(?:set fire to|torched|burn(?:ed|t)|smash(?:ed|ing)|vandali[sz]ed|damaged)\s+(?:\w+\s+){0,3}?(?:vehicles|cars|"
    r"buses|bins|rubbish bins|police (?:station|post|vehicles?)|government (?:buildings?|offices?))\b|"
    # a public office burned: the state's or a party's, the target of a riot over a grievance
    r"\b(?:(?:set|setting) fire to|torch(?:ed|ing)|burn(?:ed|t|ing))\s+(?:\w+\s+){0,3}?(?:government|electoral|"
    r"election|party|municipal|district|council|town hall) (?:buildings?|offices?|headquarters)\b", re.I)


# a demonstration still to come ("ahead of the planned rally") or one the sentence's people report on ("a
# journalist who had reported on the protests"): no demonstration of this sentence
_NOT_HELD_HERE = re.compile(
    r"(?:\b(?:proposed|upcoming|forthcoming|threatened|possible|potential|future)\s+|"
    r"\b(?:ahead of|in the run-up to)\s+"
    r"(?:the\s+|a\s+|an\s+|their\s+|any\s+|further\s+)?(?:planned\s+|[\w-]+\s+){0,2}|"
    r"\b(?:report(?:ed|ing|s)?|wr(?:ote|iting|itten)|post(?:ed|ing)|comment(?:ed|ing)|cover(?:ed|ing)|"
    r"film(?:ed|ing)|photograph(?:ed|ing)|tweet(?:ed|ing))\s+(?:on|about)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?)$",
    re.I)


def _protest_frame(text: str, cues: dict[str, re.Pattern[str]], trig: dict[str, re.Match[str] | None],
                   following: str | None = None) -> bool:
    # "the deaths of two protesters", "families of demonstrators": protesters named as victims or kin are no
    # demonstration of this sentence
    def victims(x: re.Match[str]) -> bool:
        return bool(re.fullmatch(r"(?:protesters?|protestors?|demonstrators?)", x.group(0), re.I) and re.search(
            r"\b(?:deaths?|killings?|murders?|bodies|funerals?|families|relatives|shooting|injuries) of\s+"
            r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[:x.start()], re.I))

    found = [x for x in cues["protest"].finditer(text) if not victims(x) and not _NOT_HELD_HERE.search(
        text, max(0, x.start() - 60), x.start())]
    words = [x.group(0).lower() for x in found]
    if words and all(re.fullmatch(r"(?:protesters?|protestors?|demonstrators?)", w) for w in words) and \
            deeds.only_speakers(text):
        return False  # "protesters opposed to the ban say they will fight it in the courts": what they say
    if words and all(w.startswith("march") and w != "marchers" for w in words):
        before = text[:found[0].start()]
        if re.search(r"\b(?:troops|forces|army|soldiers|fighters|militants|rebels|insurgents|convoys?)\b", before,
                     re.I) \
                and not re.search(r"\b(?:people|protesters|demonstrators|residents|hundreds|thousands|dozens|activists|"
                                  r"supporters|members|workers|students|women)\b", before, re.I):
            return False  # troops marching into a town
    if words:
        return True
    if re.search(r"\b(?:tear ?-?gas|teargas|water ?cannons?|rubber bullets|stun grenades|batons?)\b[^.;]{0,60}"
                 r"\bto (?:disperse|break up|scatter)\b", text, re.I):
        return True
    if re.search(r"\b(?:br(?:oke|eak|eaking) up|dispers\w+|scatter\w*)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                 r"(?:gatherings?|crowds?|assembl(?:y|ies))\b|\bpeaceful\s+(?:[\w-]+\s+){0,2}?(?:gatherings?|"
                 r"assembl(?:y|ies))\b", text, re.I):
        return True  # "as they broke up a peaceful opposition gathering": a demonstration met by force
    m = trig.get(Sub.PEACEFUL_PROTEST)
    if not m or victims(m) or _NOT_HELD_HERE.search(text, max(0, m.start() - 60), m.start()):
        return False
    word = m.group(0).lower()
    if re.fullmatch(r"(?:gathered|assembled|converged) (?:in|on|near|around)|slowed (?:down )?(?:the )?traffic", word):
        # a crowd gathering or slowing traffic is a demonstration only for a stated purpose
        return bool(_PURPOSE.search(text[m.end():]) or (following and _PURPOSE_NEXT.search(following)))
    if re.match(r"demand", word) and (re.match(r"\s+(?:an?\s+|the\s+)?(?:[\w$-]+\s+){0,2}?ransoms?\b", text[m.end():],
                                                re.I) or re.search(r"\b(?:kidnappers|abductors|gunmen|captors|bandits|"
                                                                   r"militants|hostage-takers)\s+(?:\w+\s+){0,2}$",
                                                                   text[:m.start()], re.I)):
        return False  # "the kidnappers were demanding a ransom": no crowd's demand
    # weak triggers (demanded, gathered, staged, blocked a road) need a crowd doing them
    if re.match(r"(?:demand|denounc|gather|staged|blocked|blockade|barricad|set up|erected|mounted|petition|boycott|"
                r"chant|banner|slogan|caravan|"
                r"motorcade|convoy)", word):
        crowd = re.search(r"\b(?:people|residents|villagers|workers|students|farmers|teachers|activists|supporters|"
                          r"members|women|youths?|traders|drivers|locals|citizens|employees|doctors|nurses|"
                          r"relatives|families|hundreds|thousands|dozens|scores|crowds?|group of|inhabitants|"
                          r"parents|pensioners|retirees|unionists|lawyers|journalists|vendors|miners|cadres|"
                          r"fishermen|communities|community|protesters|demonstrators|persons|dozen|guards|veterans|survivors|"
                          r"victims|mothers|bikers|motorists|truckers|owners|shopkeepers|merchants|nationals)\b",
                          text, re.I)
        if re.search(r"\b(?:to (?:protest|complain|demand|denounce|oppose|press for|call for|decry)|in protest)\b",
                     text[m.end():], re.I):
            return True  # "a group blocked a road ... to complain about fuel prices"
        return bool(crowd) and bool(re.search(r"\b(?:gather\w*|staged|held|assembled|blocked|barricaded|set up|erected|"
                                              r"marched|"
                                                r"took to|converged|sat|came out|demand\w*|denounc\w*|to protest|"
                                                r"against|calling for|called for)\b", text, re.I))
    return True


def _name_spans(actors: list[ActorMention]) -> list[tuple[int, int]]:
    """Spans of proper names of organisations: a trigger word inside one ("Government of National Accord",
    "Popular Mobilization Forces", "National Liberation Front") is part of the name, not an event."""
    return [(a.start, a.end) for a in actors
            if a.kind in ("named", "party", "state_military", "state_police") and " " in a.text.strip()
            and sum(w[:1].isupper() for w in a.text.split()) >= 2]


def _first_outside(rx: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first match that is not inside a name, not negated ("entered without fighting"), not "the dead" (a
    definite noun phrase: the victims of an event told before), not a word modifying another noun ("a murder
    trial"), not the charge someone is accused or convicted of ("accused of killing the actress"), and not an
    event remembered or known by its name ("the anniversary of the massacre", "the Tiananmen Square massacre")."""
    for m in rx.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in spans) and not _NEGATED.search(
                text, max(0, m.start() - 20), m.start()) and not _told_in_passing(text, m):
            return m
    return None


def _told_in_passing(text: str, m: re.Match[str]) -> bool:
    """A trigger word that names no new event: "the dead", a word modifying a noun, a charge, an event
    remembered or known by its name (the patterns below)."""
    start = m.start()
    word = m.group(0)
    if word.lower() == "dead" and _DEFINITE.search(text, max(0, start - 12), start):
        return True
    if _MODIFIES_A_NOUN.match(text, m.end()) or _ACCUSED_OF.search(text, max(0, start - 40), start) or \
            _DEPICTED.search(text, max(0, start - 80), start):
        return True
    return bool(_EVENT_PHRASE.fullmatch(word) and _REMEMBERED.search(text, max(0, start - 60), start)
                or _EVENT_NOUN.fullmatch(word) and _NAMED_EVENT.search(text, max(0, start - 60), start))


# an event remembered, or its victims helped, is an old one: "the anniversary of the massacre", "to help victims
# of the suicide attacks"
_REMEMBERED = re.compile(r"\b(?:anniversary|anniversaries|commemorat\w+|memorial|remembrance|memory|victims|survivors|"
                         r"legacy) (?:of|to|for) (?:the |a |an |those )?(?:[\w'’-]+ ){0,3}$", re.I)
# what a picture, a film or a book shows is no event: "a poster featuring soldiers fighting the war", "a film about
# rebels kidnapping a girl" (news footage or a video "showing" police beating people is evidence: not here)
_DEPICTED = re.compile(r"\b(?:posters?|billboards?|adverts?|advertisements?|films?|movies?|novels?|plays?|paintings?|"
                       r"murals?|cartoons?|(?:video )?games?|documentar(?:y|ies)|dramas?|musicals?|sitcoms?|books?|"
                       r"exhibitions?|artworks?|sculptures?)\s+(?:[\w'’-]+\s+){0,2}?(?:featuring|depicting|portraying|"
                       r"about|which shows|that shows|showing)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
# an event known by its name, "the Tiananmen Square massacre", "the Omagh bombing": a past event told by name
# (a noun of one word after the name; not "the SPLM-IO signed")
_EVENT_NOUN = re.compile(r"[a-z-]+(?<!ed)")
_EVENT_PHRASE = re.compile(r"[a-z-]+(?: [a-z-]+)?(?<!ed)")  # remembered: "victims of the suicide attacks"
_NAMED_EVENT = re.compile(r"(?<=[a-z,;] )the (?:[A-Z][\w'’.-]*\s+){1,3}$")


# a trigger word that only modifies another noun names no event: "a murder trial", "murder scene scientists",
# "a protest vote", "attack ads", "the riot squad"
_MODIFIES_A_NOUN = re.compile(r"\s+(?:scenes?|trials?|cases?|inquir(?:y|ies)|investigations?|probes?|charges?|"
                              r"convictions?|hearings?|verdicts?|suspects?|squads?|votes?|ads?|adverts?|songs?|"
                              r"novels?|films?|movies?|dramas?|thrillers?|mysteries|mystery)\b(?!\s+(?:of|to|that|which)\b)",
                              re.I)
# what someone is accused or convicted of, told in a court or police story, is the charge, not this report's event
_ACCUSED_OF = re.compile(r"\b(?:(?:accused|convicted|suspected|acquitted|cleared|guilty|innocent|charged|"
                         r"on trial|jailed|sentenced|imprisoned) (?:of|with|for)|"
                         # "a case of murder is being investigated", "registered a case of rioting": the charge
                         r"\b(?:a |the )?cases? (?:of|for)|"
                         # a legal charge with its object between ("the lawsuit accuses Mr Spector of murdering",
                         # "prosecutors charged him with killing"); a side accusing the other of an attack is news
                         r"(?:lawsuit|legal action|suit|indictment|prosecutors?|prosecution|charge sheet|court|"
                         r"complaint)s? (?:\w+\s+){0,2}?(?:accus|charg)\w* (?:[\w.'’-]+\s+){1,3}?(?:of|with))"
                         r"\s+(?:(?:the|a|an|his|her|their)\s+)?"
                         # "two men accused of witchcraft were burned alive": the charge ends at the verb
                         r"(?:(?!(?:were|was|are|is|had|have|has|been|being)\b)[\w-]+\s+){0,2}$", re.I)


# "one of the dead men", "the dead included two farmers": the victims of an event already told, no new one
_DEFINITE = re.compile(r"\b(?:the|those|their|these)\s+$", re.I)


# the subject that opens a sentence, described in passing: "Fano, a network of militias that fought alongside
# the army in Tigray, turned ...", "The Permanent Framework (CSP), the coalition of groups fighting the army, said"
# (a noun phrase with no verb in -ed but adjectives, then that/which/who or a plural noun's -ing, up to a comma)
_APPOSITION = re.compile(r"^(?:The\s+)?(?:[A-Z][\w'’-]*|\([^()]{1,20}\))(?:\s+(?:(?:of|the|and|for)\s+)?"
                         r"(?:[A-Z][\w'’-]*|\([^()]{1,20}\)))*"
                         r"(,\s+(?:a|an|the)\s+(?:(?!(?!(?:armed|united|based|backed|linked|"
                         r"allied|affiliated|aligned|loose|self-styled)\b)[a-z]+ed\b)[\w'’-]+\s+){0,7}?"
                         r"(?:(?:that|which|who)\s|(?<=s\s)[a-z]+ing\b)[^,;.()]{0,150},)")
_POLICE_CLASH_CROWD = re.compile(
    r"\b(?:police(?:men)?|officers|security forces|gendarmes?|soldiers)\s+(?:\w+\s+){0,2}?clash\w*\s+with\s+"
    r"(?:(?:hundreds|dozens|scores|thousands|a group|groups|a crowd) of\s+)?(?:angry\s+|irate\s+|local\s+)?"
    r"(?:youths?|young men|residents|locals|villagers|students|crowds?|demonstrators|protesters|rioters|supporters|"
    r"fans|traders|vendors|mourners|motorcyclists|drivers)\b", re.I)
_NAMED_DAY = re.compile(r"\b(?:[A-Z][\w'’]*\s+){1,3}Day\b")
_NEGATED = re.compile(r"\b(?:without|no)\s+(?:any\s+|a\s+)?$", re.I)


@dataclass(frozen=True)
class _Sentence:
    """What the rules read of one sentence, built once: its text (and lowercased), its actors and their
    kinds, the first match of each trigger left after the filters (names, charges, background, aircraft
    with no strike), the cue patterns, the country the report is set in and the sentence that follows."""
    text: str
    low: str
    actors: list[ActorMention]
    kinds: frozenset[str]
    trig: dict[str, re.Match[str] | None]
    cues: dict[str, re.Pattern[str]]
    country: str | None
    following: str | None
    aircraft: re.Match[str] | None  # the air trigger when it only names aircraft and no strike word is near
    names: tuple[tuple[int, int], ...] = ()  # spans of names (actors, named days, entities): no trigger inside

    def out(self, sub: str, m: re.Match[str] | None, conf: float = 0.8) -> Classification:
        """A classification at match m (or, with none, at the first trigger the sentence holds)."""
        if m is None:
            m = next((x for x in self.trig.values() if x), None)
        assert m is not None
        return Classification(sub, m.start(), m.end(), conf)


_CHARGE = re.compile(r"\b(?:(?:on|under) (?:the )?charges? of|charged with|accused of|on suspicion of|"
                     r"over (?:the |a |an |last \w+'s |\w+day's )(?!(?:\w+ )?(?:weekend|past|last|next|course|years?|"
                     r"months?|weeks?|days?|night|period|border)\b)|"
                     r"over (?:suspicion|allegations) of|suspected of|in "
                     r"connection with|for allegedly|for (?:their|his|her) (?:role|part|involvement) in)\b", re.I)
_AIRCRAFT = re.compile(r"warplanes?|fighter jets?|helicopter gunships?", re.I)
_STRIKE_WORD = re.compile(r"\b(?:bomb\w*|struck|strikes?|pound\w*|hit|target\w*|raid\w*|fired|fire|attack\w*|shell\w*|"
                          r"kill\w*|dropped|destroy\w*|launched|missiles?|rockets?|casualties|dead|injur\w*|wound\w*)\b",
                          re.I)
_AIR_MOVEMENT = re.compile(r"\b(?:entered|flew|violated|crossed|scrambled|sorties?|incursions?|airspace|deployed|"
                           r"patroll\w*)\b", re.I)


def _read_sentence(text: str, actors: list[ActorMention], country: str | None,
                   following: str | None, entities: tuple[tuple[int, int], ...] = ()) -> _Sentence | None:
    """The triggers a sentence holds, once filtered, with what the rules read; None when it holds none."""
    # a trigger word inside a named day ("Liberation Day", "Martyrs' Day") is no event either, nor one inside
    # a description of a group in passing ("Fano, a network of militias that fought alongside the army, turned")
    # nor one inside the name of a firm, a person, a work, a law or a date ("Merrill Lynch", "Arrested
    # Development", "in March"): ``entities``, spans the parser names
    names = _name_spans(actors) + [m.span() for m in _NAMED_DAY.finditer(text)] + \
        [m.span(1) for m in _APPOSITION.finditer(text)] + list(entities)
    may, pats = possible_triggers(text), trigger_patterns()  # only the groups that may match are searched
    trig = {k: _first_outside(pats[k], text, names) if may is None or k in may else None for k in pats}
    arrest = trig[Sub.ARRESTS]
    charge = arrest and _CHARGE.search(text[arrest.end():])
    if arrest and charge:
        # "arrested 40 people on charges of rioting and damaging property": what they are charged with
        # is no event of this report
        cut = arrest.end() + charge.start()
        trig = {k: (m if m is None or m.start() < cut or k == Sub.ARRESTS else None) for k, m in trig.items()}
    cues = cue_patterns()
    if not any(trig.values()):
        return None
    # a weapon named as background ("following artillery bombardment", "the 2017 chemical attack") yields to
    # what the sentence reports
    background = {k for k, m in trig.items() if m is not None and _backdrop(text, m)}
    if background and any(m is not None and k not in background for k, m in trig.items()):
        trig = {k: (None if k in background else m) for k, m in trig.items()}
    air = trig[Sub.AIR_DRONE_STRIKE]
    aircraft = None
    if air and all(_AIRCRAFT.fullmatch(x.group(0)) for x in trigger_patterns()[Sub.AIR_DRONE_STRIKE].finditer(text)) \
            and not _STRIKE_WORD.search(text):
        # aircraft named with no strike word: no air strike (see _aircraft_movement)
        aircraft = air
        trig = {**trig, Sub.AIR_DRONE_STRIKE: None}
    return _Sentence(text, text.lower(), actors, frozenset(a.kind for a in actors), trig, cues, country,
                     following, aircraft, tuple(names))


# ---- the rules, in their order of precedence: each decides one codebook question or passes (None) ----

def _aircraft_movement(s: _Sentence) -> Classification | None:
    """Aircraft named with no strike ("warplanes violated the airspace", "fighter jets were scrambled"):
    ACLED codes a flight into airspace or a scramble as a movement of forces (Change to group/activity),
    not an Air/drone strike."""
    if s.aircraft and _AIR_MOVEMENT.search(s.text):
        return s.out(Sub.CHANGE_TO_GROUP_ACTIVITY, s.aircraft, 0.55)
    return None


_WEAPONS_TEST = re.compile(r"\b(?:test-?fir(?:ed|es|ing)|test launch(?:ed|es)?|(?:missile|rocket|weapons?|nuclear) "
                           r"tests?|test(?:ed|s)? (?:a |an |two |three |several )?(?:new )?(?:[\w-]+ ){0,2}?"
                           r"(?:missiles?|rockets?))\b", re.I)


def _weapons_test(s: _Sentence) -> Classification | None:
    """A missile or weapon test-fired into the sea or a test range, with no one hit: ACLED's Change to
    group/activity (a weapons test), not a missile attack."""
    test = _WEAPONS_TEST.search(s.text)
    if test and not re.search(r"\b(?:killed|injur\w*|wound\w*|dead|died|damag\w*|destroy\w*|hit|struck|"
                              r"targeted|attack\w*)\b", s.low):
        return s.out(Sub.CHANGE_TO_GROUP_ACTIVITY, test, 0.6)
    return None


def _chemical_suicide_or_air(s: _Sentence) -> Classification | None:
    """Chemical weapon, Suicide bomb, Air/drone strike: the codebook's most specific means of violence
    name the event whatever else the sentence tells."""
    for sub in (Sub.CHEMICAL_WEAPON, Sub.SUICIDE_BOMB, Sub.AIR_DRONE_STRIKE):
        if s.trig[sub]:
            return s.out(sub, s.trig[sub], 0.9)
    return None


def _rape_first(s: _Sentence) -> Classification | None:
    """Sexual violence told as a deed ("raped", "sexually assaulted", "molested"), not as a grievance or in
    a quotation: ACLED codes sexual violence at a demonstration as the Sexual violence, not the protest."""
    sv = s.trig[Sub.SEXUAL_VIOLENCE]
    if sv and re.match(r"(?:gang-?)?raped|sexually (?:assaulted|abused)|molested", sv.group(0), re.I) \
            and not _grievance(s.text, sv.start()) and not is_quoted(s.text, sv.start()) \
            and not re.search(r"\b(?:against|over|denounc\w*|condemn\w*|demand\w*|justice for|after|following|"
                              r"protest\w* (?:the|a))\b",
                              s.text[:sv.start()], re.I):
        return s.out(Sub.SEXUAL_VIOLENCE, sv, 0.8)
    return None


_STRIKE = re.compile(r"(?:walk(?:ed|ing|s)? out|walk-?outs?|(?:went|go|goes|going|gone) on (?:a )?strike|on strike|"
                     r"(?:[\w']+ ){0,2}?strik(?:e|es|ing|ers)(?: called by)?|"
                     r"striking (?:workers|teachers|doctors|drivers|nurses|employees)|"
                     r"industrial action|stay-?aways?|stayed away|hunger strikes?|downed tools)", re.I)
_IN_PROTEST = re.compile(r"\bin protest\b", re.I)
_GATHERED = re.compile(r"\b(?:rall(?:y|ies|ied)|march(?:ed|es|ing)?|picket\w*|gather\w*|assembl\w*|demonstrat\w*|"
                       r"took to the streets|sit-ins?|outside|in front of|blocked|blockade\w*|chant\w*|placards|"
                       r"banners|converged)\b", re.I)


def _protest_ladder(s: _Sentence) -> Classification | None:
    """A demonstration, up ACLED's ladder: demonstrators' own violence (Violent demonstration) unless the
    police did the clashing or burning; else force used on them (Excessive force against protesters or
    Protest with intervention, see protest_force); else Peaceful protest. A demonstration with an explosive
    and no violence of the crowd's own is left to the explosive."""
    text, trig = s.text, s.trig
    if not _protest_frame(text, s.cues, trig, s.following):
        return None
    pm = trig.get(Sub.PEACEFUL_PROTEST) or s.cues["protest"].search(text)
    words = [m.group(0) for m in s.cues["protest"].finditer(text)] + ([pm.group(0)] if pm else [])
    if words and all(_STRIKE.fullmatch(w) or re.fullmatch(r"protest\w*", w, re.I) and _IN_PROTEST.search(text)
                     for w in words) and any(_STRIKE.fullmatch(w) for w in words) and not _GATHERED.search(text) \
            and not s.cues["violent_protest"].search(text):
        # ACLED codes events, not the absence of action: a strike (workers staying off work, a hunger strike)
        # with no gathering, picket or march told is no demonstration
        return None
    violent = next((v for v in s.cues["violent_protest"].finditer(text) if not _grievance(text, v.start())), None)
    force = protest_force(text, read_parse=False)
    # (after a set phrase's assault on the demonstration, below); an intervention a set phrase tells may still
    # have killed ("died after being hit by a canister fired by police"): the parse decides between the two
    read = None if force and force[0] == Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS else parsed_force(text)
    if violent is None and not any(f and f[0] == Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS for f in (force, read)):
        # the crowd's own violence read from the parse, where no set phrase tells it; lethal force on them
        # told in the same sentence outweighs a reading less sure than the set phrases
        deed = deeds.crowd_violence(text, harm=not (force or read))
        violent = _match_at(text, *deed) if deed else None
    explosive = (trig[Sub.REMOTE_EXPLOSIVE_LANDMINE_IED] or trig[Sub.SHELLING_ARTILLERY_MISSILE_ATTACK]
                 or trig[Sub.GRENADE])
    if explosive and not violent and not _grievance(text, explosive.start()):
        return None  # (an explosive they protest about, "an end to the bombardment of Gaza", is their grievance)
    if violent and not re.search(r"\b(?:police|security forces|forces)\s+(?:\w+\s+){0,3}torch\w*", s.low):
        # clashes are the crowd's violence too, whoever the sentence makes their subject ("police clashed
        # with protesters"): the codebook's physical clashes; only the police torching is theirs alone
        return s.out(Sub.VIOLENT_DEMONSTRATION, violent, 0.8)
    assault = _ASSAULT_ON_PROTEST.search(text)
    if assault and not force and not _grievance(text, assault.start()):
        # a demonstration attacked: by the state's forces it is force on the demonstrators; by armed men an
        # attack (left to the rules of armed violence); by anyone else (a crowd, a rival group, supporters of
        # a party) ACLED's Mob violence
        by = _assault_agent(text, assault)
        if by == "forces":
            return s.out(Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS
                         if _HURT.search(text) or _BRUTAL.search(text) else Sub.PROTEST_WITH_INTERVENTION, assault,
                         0.7)
        if by == "armed":
            return None
        return s.out(Sub.MOB_VIOLENCE, assault, 0.65)
    if read and read[0] == Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS and (
            force is None or re.fullmatch(r"died|dies|killed|shot(?: dead)?", read[1].group(0), re.I)):
        # the parse's lethal force; over an intervention a set phrase tells, only a death it reads (a beating with
        # batons beside a dispersal stays the intervention)
        force = read
    else:
        force = force or read
    if force:
        return s.out(force[0], force[1], 0.75 if force[0].startswith("Excessive") else 0.8)
    if violent:
        return s.out(Sub.VIOLENT_DEMONSTRATION, violent, 0.7)
    return s.out(Sub.PEACEFUL_PROTEST, pm, 0.85)


_DEMONSTRATION = (r"(?:(?!(?:an?|the|by)\b)[\w-]+\s+){0,2}?(?:rall(?:y|ies)|"
                  r"protests?|demonstrations?|marche?s?|sit-ins?|vigils?|protesters|protestors|demonstrators|"
                  r"marchers|picket(?:ers|s)?)")
_ASSAULT_ON_PROTEST = re.compile(
    r"\b(?:attack(?:ed|ing|s)?|assault(?:ed|ing|s)?|set upon|stormed|raided)\s+(?:and\s+\w+\s+)?(?:an?\s+|the\s+)?"
    r"(?:group of\s+)?" + _DEMONSTRATION + r"\b|"
    r"\b" + _DEMONSTRATION + r"\s+(?:(?!by\b)[\w,-]+\s+){0,4}?(?:was|were|had been|has been|have been|came under)\s+"
    r"(?:\w+\s+)?(?:attack(?:ed)?|assaulted|set upon|stormed)\s+(?:\w+\s+)?by\b", re.I)
_FORCE_AGENT = re.compile(r"\b(?:police(?:men|women)?|officers|security forces|security personnel|soldiers|troops|"
                          r"army|military|gendarmes?|riot police|national guard|guards|agents)\b", re.I)
_ARMED_AGENT = re.compile(r"\b(?:gunmen|armed (?:men|group|assailants|attackers)|militants?|militiam[ae]n|militias?|"
                          r"rebels?|insurgents?|jihadists?|terrorists?|bandits)\b", re.I)
_HURT = re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]ed|bleeding|broken (?:bones|limbs|arms?|legs?))\b", re.I)
_BRUTAL = re.compile(r"\b(?:brutal(?:ly)?|savage(?:ly)?|violent(?:ly)?|mercilessly|ruthlessly)\b", re.I)


def _assault_agent(text: str, m: re.Match[str]) -> str:
    """Who attacked a demonstration: 'forces' (police, soldiers), 'armed' (gunmen, militants) or 'other'
    (a crowd, a rival group): the one after 'by' in the passive, else the subject of the clause before."""
    if re.search(r"\bby\s*$", m.group(0)):
        who = text[m.end():m.end() + 60]
    else:
        who = re.split(r"[;:]|,\s+(?:and|but|while|as|after)\b|\b(?:after|when|while|as)\b",
                       text[:m.start()])[-1]
    if _FORCE_AGENT.search(who):
        return "forces"
    if _ARMED_AGENT.search(who):
        return "armed"
    return "other"


_MOB_WORD = re.compile(
    r"\b(?:mobs?|lynch\w*|(?:went|go|goes|going) on (?:a |the )?rampage|rampag(?:ed|ing)|"
    r"(?:hurl\w*|threw|throwing|pelt\w*) (?:stones|rocks|bricks|petrol bombs|molotov cocktails|"
    r"firebombs|projectiles|fireworks)|mob justice|jungle justice|vigilantes?|angry (?:crowd|residents|villagers|"
    r"youths|mob)|irate (?:crowd|residents|villagers|youths|mob)|enraged (?:crowd|residents|"
    r"villagers|mob)|rioters?|riot(?:s|ed|ing)?(?!\s+(?:police|policem[ae]n|officers|gear|squads?|units?))|communal "
    r"(?:violence|clash\w*)|sectarian (?:violence|"
    r"clash\w*)|group of (?:people|villagers|residents|youths|men|locals)|crowd)\b")
_MOB_HARM = re.compile(
    r"\b(?:beat\w*|lynch\w*|hurl\w*|threw|throwing|set fire|attack\w*|assault\w*|kill\w*|murder\w*|torch\w*|set \w*\s*"
    r"(?:on fire|ablaze)|"
    r"burn\w*|hack\w*|stabb\w*|stone\w*|pelt\w*|clash\w*|injur\w*|vandali\w*|damag\w*|thrash\w*|"
    r"violence|riot(?!\s+(?:police|policem[ae]n|officers|gear|squads?|units?))\w*|ransack\w*|loot\w*|fought|fight\w*|brawl\w*|scuffle\w*|died|dead)\b")
_EXPLOSIVE_SUBS = (Sub.GRENADE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, Sub.REMOTE_EXPLOSIVE_LANDMINE_IED)


_SOURCE_AFTER = re.compile(r"\s+(?:said|says|reported|told|added|stated|confirmed)\b")  # "UNMISS said ...": the source


def _mob_or_riot(s: _Sentence) -> Classification | None:
    """A crowd doing harm with no armed, organised group named and no explosive: ACLED's Mob violence
    (a violent crowd's violence against people: lynching, vigilantes, communal fights), or a Violent
    demonstration when the crowd riots over a grievance or stones the police and burns cars and bins.
    Rioting named as a charge ("arrested 112 people on charges of rioting") is no crowd of this sentence."""
    low = s.low
    mob = _mob_actor(s.text, s.actors) or _first_outside(_MOB_WORD, low, list(s.names))
    if mob and re.match(r"riot|communal|sectarian", mob.group(0), re.I) and re.search(
            r"\b(?:charges? of|charged with|accused of|suspected of|on suspicion of|in connection with|booked for|"
            r"cases? of)\s+(?:\w+\s+)?$", low[:mob.start()]):
        return None
    named = [a for a in s.actors if a.kind == "named" and not _SOURCE_AFTER.match(s.text, a.end)
             and not re.search(r"\baccording to\s+(?:the\s+)?$", s.text[:a.start], re.I)]
    if not mob or any(s.trig[t] for t in _EXPLOSIVE_SUBS) or named or _RIVAL_SIDES.search(low):
        return None  # a named group's or two armed sides' fighting is no crowd's
    if re.search(r"\b(?:fired|shot|opened fire|charged|dispersed|tear-?gassed)\s+(?:(?:live\s+)?[\w-]+\s+(?=at|on|into|"
                 r"upon))?(?:at|on|into|upon)?\s*(?:the\s+|an?\s+)?$", low[max(0, mob.start() - 40):mob.start()]):
        return None  # "police fired at the crowd": the crowd is hurt, not the one doing harm
    harm = _MOB_HARM.search(low)
    if not harm or re.search(r"\b(?:no|not|never|no one|nobody)\s+(?:\w+\s+){0,2}$", low[:harm.start()]):
        return None  # "no one had attacked the building"
    if re.match(r"riot", mob.group(0), re.I) and re.search(
            r"\b(?:in protest|protest(?:ing|ed)?|to protest|demand\w*|against|angered by|outraged by|in anger|"
            r"after (?:the )?police|after (?:the )?(?:killing|death|shooting|arrest) of)\b", low):
        return s.out(Sub.VIOLENT_DEMONSTRATION, mob, 0.7)  # rioting over a grievance is a demonstration
    if _AT_POLICE_OR_PROPERTY.search(low) and not re.search(
            r"\b(?:lynch\w*|beat\w* (?:\w+ ){0,2}(?:to death|a |an |the (?:man|woman|suspect|thief))|"
            r"mob justice|jungle justice|vigilante\w*|accused of|suspected (?:thie|robber|witch|kidnapper))", low):
        # a crowd stoning the police or burning cars and bins riots, as ACLED's violent demonstrators
        # do; mob violence is a crowd's violence against people (lynching, vigilantes, communal fights)
        return s.out(Sub.VIOLENT_DEMONSTRATION, mob, 0.65)
    return s.out(Sub.MOB_VIOLENCE, mob, 0.75)


def _people_intercepted(s: _Sentence) -> Classification | None:
    """People "intercepted" by the authorities ("intercepted 40 migrants") are Arrests, not a weapon stopped
    (Disrupted weapons use)."""
    dm = s.trig[Sub.DISRUPTED_WEAPONS_USE]
    text = s.text
    if dm and re.match(r"intercept", dm.group(0), re.I) and re.match(
            r"\s+(?:at least |some |about |over |more than )?(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|"
            r"dozens|scores|hundreds|several|a group of|a number of)?\s*(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|"
            r"individuals|suspects|members|militants|migrants|smugglers|traffickers|nationals|youths|fighters)\b",
            text[dm.end():]) and not re.search(r"\b(?:weapons?|arms|ammunition|explosives?|missiles?|rockets?|"
                                               r"drones?)\b",
                                            text[dm.end():dm.end() + 60], re.I):
        return s.out(Sub.ARRESTS, dm, 0.7)
    return None


def _nothing_went_off(s: _Sentence) -> Classification | None:
    """Weapons seized, found, defused or intercepted with no explosion, hit, damage or casualty and no
    armed clash: ACLED's Disrupted weapons use, whatever the weapon."""
    dm = s.trig[Sub.DISRUPTED_WEAPONS_USE]
    if dm and not re.search(
            r"\b(?:exploded|explosions?|blew up|blasts?|went off|ripped through|kill\w*|injur\w*|wound\w*|dead|died|"
            r"struck|hit|landed|damag\w*|(?<!safely )(?<!controlled )detonat\w*)\b", _without_backdrop(s.low)) \
            and not s.trig[Sub.ARMED_CLASH] and not is_quoted(s.text, dm.start()):
        return s.out(Sub.DISRUPTED_WEAPONS_USE, dm, 0.75)
    return None


_SMALL_ARMS = re.compile(r"\b(?:small arms|small-arms|machine ?guns?|gunfire|exchange[sd]? (?:of )?fire|firefights?|"
                         r"gun ?battles?|shoot-?outs?)\b")
_GRENADE_LAUNCHER = re.compile(r"\bgrenade launchers?\b")


def _weapons_held(s: _Sentence) -> Classification | None:
    """A weapon named as what was found, seized or stored ("a stash of projectiles found", "seized mortar shells")
    is Disrupted weapons use, not its use: another means' trigger inside the disruption's phrase yields to it,
    unless the sentence tells a killing or an explosion."""
    dm = s.trig[Sub.DISRUPTED_WEAPONS_USE]
    if not dm or not _HELD.match(dm.group(0)):
        return None
    inside = [m for k, m in s.trig.items() if m is not None and k in _MEANS and dm.start() <= m.start() < dm.end()]
    if inside and not re.search(r"\b(?:kill\w*|injur\w*|wound\w*|dead|died|damag\w*|exploded|blew up|went off|"
                                r"fired (?:at|on))\b", s.low):
        return s.out(Sub.DISRUPTED_WEAPONS_USE, dm, 0.75)
    return None


_HELD = re.compile(r"(?:seized|recovered|found|discovered|confiscated|uncovered|unearthed|captured|stash|stockpile|"
                   r"haul|consignment|cache|arms|weapons?)\b", re.I)
_MEANS = (Sub.GRENADE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.ARMED_CLASH,
          Sub.ATTACK)


def _grenade(s: _Sentence) -> Classification | None:
    """A hand grenade (not a rocket-propelled grenade or a launcher): Grenade, unless two armed sides also
    fire small arms, which ACLED codes as a whole as an Armed clash."""
    g = s.trig[Sub.GRENADE]
    if not g or re.search(r"rocket[- ]propelled grenade|\brpg|grenade launchers?", s.low):
        return None
    small_arms = _SMALL_ARMS.search(s.low)
    if small_arms and _two_armed_sides(s.low, s.actors, g):
        return s.out(Sub.ARMED_CLASH, small_arms, 0.7)
    return s.out(Sub.GRENADE, g, 0.85)


def _shelling(s: _Sentence) -> Classification | None:
    """Shells, rockets, missiles, mortars or a grenade launcher ("fired rockets", "shelled"; a "mortar" even
    with a "bomb" around): Shelling/artillery/missile attack, unless answered by small arms with no civilian
    victims, which ACLED codes as an Armed clash."""
    m = s.trig[Sub.SHELLING_ARTILLERY_MISSILE_ATTACK]
    if not m and not _GRENADE_LAUNCHER.search(s.low):
        return None
    m = m or re.search(r"\bgrenade launchers?\b", s.text, re.I)
    assert m is not None
    small_arms = _SMALL_ARMS.search(s.low)
    if small_arms and not _civilian_victims(s.low, s.actors):
        return s.out(Sub.ARMED_CLASH, small_arms, 0.7)
    return s.out(Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, m, 0.85)


def _explosive_device(s: _Sentence) -> Classification | None:
    """A bomb, landmine or IED: Remote explosive/landmine/IED, unless the blast was an accident (a gas
    cylinder, a transformer, a factory) or a bare "explosion" told beside a device defused (left to
    _disrupted_or_exploded)."""
    m = s.trig[Sub.REMOTE_EXPLOSIVE_LANDMINE_IED]
    if not m:
        return None
    w = m.group(0).lower()
    accidental = re.search(r"\b(?:gas cylinder|cylinder|boiler|transformer|short circuit|gas leak|fireworks|"
                           r"factory|refinery|mine collapse|pipeline leak)\b", s.low)
    if not accidental and not (w in ("explosion", "explosions", "blast", "blasts", "exploded", "detonated")
                               and s.trig[Sub.DISRUPTED_WEAPONS_USE]):
        return s.out(Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, m, 0.8)
    return None


def _disrupted_or_exploded(s: _Sentence) -> Classification | None:
    """Disrupted weapons use against an explosion: debris of a downed drone or missile that still killed or
    damaged is the strike (Air/drone strike, else Shelling); a device that went off with casualties while
    defused is the explosion (Remote explosive); else the disruption, unless a killing or clash is the news."""
    dm = s.trig[Sub.DISRUPTED_WEAPONS_USE]
    if not dm:
        return None
    low = s.low
    debris = re.search(r"\b(?:debris|fragments|wreckage|shrapnel)\b", low)
    if debris and re.search(r"\b(?:killed|injur\w*|wound\w*|dead|died|damag\w*|destroy\w*|set (?:on )?fire|"
                            r"sparked a fire)\b", low[debris.end():]):
        # "debris from downed drones damaged a building, injuring four": the strike hit, though intercepted
        drone = re.search(r"\b(?:drones?|uavs?|shaheds?)\b", low)
        return s.out(Sub.AIR_DRONE_STRIKE if drone else Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, debris, 0.65)
    went_off = re.search(r"\b(?:exploded|blew up|went off|(?<!safely )(?<!controlled )detonated)\b", low)
    if went_off and re.search(r"\b(?:explosives?|bombs?|devices?|ieds?|mines?)\b", low) and re.search(
            r"\b(?:killed|injured|wounded|dead|died)\b", low):
        # a bomb that went off, with casualties, while it was being defused: the explosion is the event
        return s.out(Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, went_off, 0.7)
    if not ((s.trig[Sub.ATTACK] or s.trig[Sub.ARMED_CLASH]) and re.search(
            r"\b(?:killed|shot|stabbed|murdered|injured|wounded|clash\w*|dead)\b", low)):
        return s.out(Sub.DISRUPTED_WEAPONS_USE, dm, 0.8)
    return None


def _sexual_violence(s: _Sentence) -> Classification | None:
    """Any other sexual violence the sentence names (a rape told in a quotation or after "after",
    "subjected to sexual violence"), once no weapon, demonstration, crowd or explosive has decided it:
    Sexual violence."""
    if s.trig[Sub.SEXUAL_VIOLENCE]:
        return s.out(Sub.SEXUAL_VIOLENCE, s.trig[Sub.SEXUAL_VIOLENCE], 0.85)
    return None


def _abduction(s: _Sentence) -> Classification | None:
    """Abducted or kidnapped: Abduction/forced disappearance, unless the victims were also killed, wounded,
    beaten or tortured, which ACLED codes as the violence (an Attack)."""
    ab = s.trig[Sub.ABDUCTION_FORCED_DISAPPEARANCE]
    if ab and s.trig[Sub.ARMED_CLASH] and all(re.fullmatch(r"(?:kidnapp|abduct)(?:er|or)s?", m.group(0), re.I)
                                              for m in ab.re.finditer(ab.string)):
        return None  # "a gun battle between police and suspected kidnappers": the noun names a side, the clash
    seizer = _agent(s.text, ab, s.actors) if ab and re.match(r"seized|grabbed|snatched", ab.group(0), re.I) else None
    if seizer is not None and seizer.kind in ("state_military", "state_police"):
        return s.out(Sub.ARRESTS, ab, 0.6)  # people "seized" by the state's forces are held by them: arrested
    if ab and not (s.trig[Sub.ATTACK] and re.search(
            r"\b(?:killed|shot dead|murdered|hacked to death|beheaded|wounded|injured|beat(?:en)?(?: up)?|tortured|"
            r"shot and (?:killed|wounded|injured))\b", s.low)):
        return s.out(Sub.ABDUCTION_FORCED_DISAPPEARANCE, ab, 0.85)
    return None


def _agreement(s: _Sentence) -> Classification | None:
    """Sides that "agreed to a ceasefire", "signed a peace deal": Agreement, unless it is told as violated,
    breached or collapsed."""
    agreed = re.search(r"\b(?:agreed|agree|signed|reached|struck|brokered|concluded|accepted)\s+(?:to\s+|on\s+)?"
                       r"(?:(?:on\s+)?\w+day\s+(?:to\s+)?)?(?:a\s+|an\s+|the\s+)?[\"“']?"
                       r"(?:[\w-]+\s+){0,2}(?:ceasefire|cease-fire|truce|armistice|cessation of hostilities|"
                       r"peace (?:deal|agreement|accord|pact)|agreement|deal|accord|prisoner (?:exchange|swap))\b",
                       s.low)
    if agreed and not re.search(r"\b(?:violat\w*|despite|breach\w*|broke|collapse\w*)\b", s.low):
        return s.out(Sub.AGREEMENT, agreed, 0.7)
    return None


# the other side leaving the ground, told as what came before the taking ("after the troops withdrew")
_LEFT_BEFORE = re.compile(r"\b(?:after|as|when|once|following)\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}?"
                          r"(?:withdrew|had withdrawn|have withdrawn|pulled out|had pulled out|retreated|had retreated|"
                          r"abandoned|vacated|left|had left|fled|had fled|evacuated|deserted|had deserted|surrendered|"
                          r"had surrendered|(?:withdrawal|pull-?out|departure|"
                          r"retreat) of)\b")
_LEFT_THEN = re.compile(r"\b(?:withdrew|pulled out|left|vacated|abandoned|evacuated|handed over)\b[^.;]{0,80}?,?\s+"
                        r"(?:and|before|as|then)\s+(?:[\w'-]+\s+){0,5}?(?:moved in|entered|took over|"
                        r"(?:took|taking) control)\b[^.;]*$")
def _fighting_told(low: str) -> bool:
    """Fighting told in the sentence, and not negated ("pulled out without a fight")."""
    return bool(_FIGHTING.search(_NO_FIGHT_TOLD.sub(" ", low)))


_FIGHTING = re.compile(r"\b(?:fight(?!ers?\b)\w*|fought|clash\w*|battl\w*|attack\w*|offensive|assault\w*|kill\w*|dead|"
                       r"wounded|injured|shell\w*|bombard\w*|airstrikes?|air strikes?|exchange of fire|gunfire|"
                       r"firefight|heavy|intense|ambush\w*|storm\w*)\b")
# the next sentence telling the ground taken or left with no fighting ("without firing a shot")
_NO_FIGHT_TOLD = re.compile(r"\b(?:without|no|not|never)\s+(?:\w+\s+){0,4}?(?:any\s+|a\s+|a single\s+)?"
                            r"(?:armed\s+)?(?:resistance|clashes|fighting|fight|shot|gunshot|shots|exchange of fire)\b",
                            re.I)
_COORDINATE = re.compile(r"\s*,?\s*(?:and|along with|together with|alongside|with|backed by|supported by|aided by|"
                         r"assisted by)\s+(?:[\w'-]+\s+){0,3}", re.I)


# people taken, by the head of the noun phrase right after the trigger: "captured a senior commander", "seized two
# fighters" (not "captured the town from the fighters": a preposition ends the phrase)
_PEOPLE_TAKEN = re.compile(r"\s+(?:(?!(?:from|of|in|at|near|on|by|after|and|with|to)\b)[\w'’-]+\s+){0,4}?"
                           r"(?:commanders?|leaders?|chiefs?|members?|militants?|fighters?|soldiers?|officers?|gunm[ae]n|"
                           r"insurgents?|jihadists?|terrorists?|kidnappers?|bandits?|emirs?|spokesm[ae]n|rebels?)\b")


def _territory(s: _Sentence) -> Classification | None:
    """Territory taken ("captured the town", "took control of"), not people taken: with no fighting told
    (here or in the next sentence) a Non-violent transfer of territory; else by who took it, Government
    regains territory for the state's own forces and Non-state actor overtakes territory for an armed group
    or a foreign state's forces ("Russian forces" taking ground in another country)."""
    trig, low = s.trig, s.low
    territory = trig[Sub.GOVERNMENT_REGAINS_TERRITORY] or trig[Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY]
    if not territory or re.search(r"\b(?:people|civilians|hostages|men|women|children|suspects?|migrants|persons|"
                                  r"individuals|detainees|and (?:detained|arrested))\b",
                                  low[territory.end():territory.end() + 40]) or \
            _PEOPLE_TAKEN.match(low, territory.end()) and not FELL_TO.match(territory.group(0)):
        return None  # (what "fell to" names is the side that took it: "fell to M23 rebels")
    if trig[Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY] and re.search(r"without|no clash|no fighting|handed over|withdr|"
                                                                 r"\b(?:not|never|no|little) (?:\w+ ){0,2}?"
                                                                 r"(?:resistance|opposition)", low):
        return s.out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, trig[Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY], 0.75)
    if re.search(r"\b(?:neither|no|not|never|nor|failed to|unable to|yet to)\b[^.;,]{0,40}$", low[:territory.start()]):
        return None  # "neither side claimed to have taken control of the town": no ground changed hands
    # "peacekeepers left their camp, and separatist fighters moved in and took control of the base"
    left = _LEFT_BEFORE.search(low) or _LEFT_THEN.search(low[:territory.start()])
    if left and not _fighting_told(low):
        # "Al-Shabaab took the town after government troops pulled out": the ground changed hands because the
        # other side left it, with no fighting told: a handover, not a capture
        return s.out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, territory, 0.65)
    if s.following and (re.match(r"\W*(?:no (?:clashes|fighting|resistance|exchange of fire)(?: (?:was|were) "
                                 r"(?:reported|recorded))?|there (?:was|were) no (?:clashes|fighting|resistance))\b",
                                 s.following, re.I) or _NO_FIGHT_TOLD.search(s.following)):
        # "... took control of the village from Al Shabaab. No clashes were reported." / "Residents said the
        # troops pulled out without firing a shot."
        return s.out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, territory, 0.7)
    agent = _subject_actor(s.text, territory, s.actors) or _agent(s.text, territory, s.actors)
    if agent is not None and agent.kind not in ("state_military", "state_police"):
        # "the Iraqi military and pro-government militias took control": the state's forces lead the
        # coordinated subject, their allies do not make it a non-state gain
        lead = next((a for a in s.actors if a.kind in ("state_military", "state_police") and a.end <= agent.start
                     and _COORDINATE.fullmatch(s.text[a.end:agent.start])), None)
        agent = lead or agent
    # state forces named by their country ("Russian forces") taking ground in another country
    foreign = (agent is not None and s.country is not None and len(agent.text.split()) > 1
               and demonym_country(agent.text.split()[0]) not in (None, s.country))
    if agent is not None and agent.kind in ("state_military", "state_police") and not foreign:
        return s.out(Sub.GOVERNMENT_REGAINS_TERRITORY, territory, 0.7)
    if agent is not None and (agent.kind in ("named", "unidentified") and agent.inter in (2, 3, 4) or foreign):
        return s.out(Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, territory, 0.7)
    return s.out(Sub.GOVERNMENT_REGAINS_TERRITORY if trig[Sub.GOVERNMENT_REGAINS_TERRITORY] else
                 Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, territory, 0.7)


def _police_clash_with_crowd(s: _Sentence) -> Classification | None:
    """"Police clashed with youths": a clash of the police with an unarmed crowd is a riot, which ACLED
    codes as a Violent demonstration, not an Armed clash."""
    crowd_clash = _POLICE_CLASH_CROWD.search(s.text)
    if s.trig[Sub.ARMED_CLASH] and crowd_clash:
        return s.out(Sub.VIOLENT_DEMONSTRATION, crowd_clash, 0.65)
    return None


_GENERIC_CLASH = ("fighting", "fight", "fights", "battle", "battles", "engaged", "offensive", "combat", "hostilities",
                  "confrontation", "confrontations", "encounter", "encounters")
_WEAK_ATTACK = ("injured", "injuring", "wounded", "wounding", "hurt", "died", "dead", "death", "deaths",
                "harassed", "harassment", "abused", "intimidated", "intimidation", "threatened with",
                "extortion", "raid", "raids", "raided", "attack", "attacks")


_REPELLED = re.compile(r"\b(?:repell?(?:ed|ing|s)?|repuls(?:ed|ing|es?)|fought off|fighting off|beat back|beaten back|"
                       r"thwart(?:ed|ing)|resist(?:ed|ing))\s+(?:an?\s+|the\s+|their\s+|several\s+)?(?:[\w-]+\s+){0,2}$",
                       re.I)


def _clash_or_attack(s: _Sentence) -> Classification | None:
    """ACLED's Armed clash (two armed, organised sides, or violence on a member of one) against Attack
    (an armed side on civilians). A generic word ("fighting", "offensive") needs an armed side named; a weak
    one ("injured", "raided") an armed side or a killing; a raid with arrests and no violence is the arrests,
    and a raid beside property destroyed with no civilian victim is left to the destruction."""
    trig, low, kinds = s.trig, s.low, s.kinds
    clash = trig[Sub.ARMED_CLASH]
    attack = trig[Sub.ATTACK]
    if attack and trig[Sub.ARRESTS] and re.fullmatch(r"raid(?:s|ed)?", attack.group(0), re.I) and not re.search(
            r"\b(?:killed|shot|injured|wounded|dead|died|clash\w*|exchange of fire|gunfight)\b", low):
        attack = None  # "police conducted raids and arrested 112 people": the arrests are the event
    if not (clash or attack):
        return None
    m = clash or attack
    assert m is not None
    sides_armed = _two_armed_sides(low, s.actors, m)
    armed_victim = _armed_victim(s.text, m, s.actors) or bool(attack and _armed_victim(s.text, attack, s.actors))
    if armed_victim:
        return s.out(Sub.ARMED_CLASH, m, 0.7)
    if attack and _REPELLED.search(s.text, max(0, attack.start() - 40), attack.start()):
        # "vigilantes repelled an attack by herdsmen", "troops repulsed the attack": the defenders fought back,
        # two sides in arms, ACLED's Armed clash (an attack no one resisted is an Attack)
        return s.out(Sub.ARMED_CLASH, attack, 0.7)
    if clash and (sides_armed or not _civilian_victims(low, s.actors)):
        generic = m.group(0).lower() in _GENERIC_CLASH
        if not generic or sides_armed or kinds & ARMED_KINDS:
            return s.out(Sub.ARMED_CLASH, m, 0.8)
    if attack:
        w = attack.group(0).lower()
        weak = w in _WEAK_ATTACK
        if sides_armed and not _civilian_victims(low, s.actors):
            return s.out(Sub.ARMED_CLASH, attack, 0.7)
        if w in ("death", "deaths", "died", "dead") and re.search(
                r"\b(?:death|deaths) of (?:its|their|the group's|the movement's) (?:[\w-]+ )?(?:leader|chief|founder|"
                r"commander|emir|head)\b", low) and not re.search(r"\b(?:kill\w*|shot|attack\w*|strikes?|raid|bomb\w*|"
                                                                    r"assassinat\w*)\b", low):
            return None  # "the group confirmed the death of its leader and named his successor": no violence told
        if not weak or kinds & ARMED_KINDS or re.search(r"\b(?:killed|shot|stabbed|murdered)\b", low):
            if not (trig[Sub.LOOTING_PROPERTY_DESTRUCTION] and w in ("raid", "raids", "raided", "attack",
                                                                     "attacks", "attacked")
                    and not _civilian_victims(low, s.actors)):
                return s.out(Sub.ATTACK, attack, 0.7)
    return None


def _detained_by_armed_group(s: _Sentence) -> Classification | None:
    """People "detained" or "arrested" by an armed group (not the state): ACLED's Abduction/forced
    disappearance, since only state forces make Arrests."""
    arrest = s.trig[Sub.ARRESTS]
    if arrest and not is_quoted(s.text, arrest.start()):
        agent = _agent(s.text, arrest, s.actors)
        if agent is not None and agent.kind in ("named", "unidentified") and agent.inter in (2, 3, 4) and \
                not _PASSIVE_BEFORE.match(s.text[agent.end:arrest.start()]):
            return s.out(Sub.ABDUCTION_FORCED_DISAPPEARANCE, arrest, 0.6)
    return None


# the group is the subject of a passive arrest ("PKK militants were detained"): the ones held, not the holders
_PASSIVE_BEFORE = re.compile(r"[\s)]*(?:\([^()]{1,30}\))?[\s)]*(?:(?:who|that)\s+)?(?:were|was|have been|has been|"
                             r"had been|are being|is being|being|got)\s+(?:\w+\s+)?$", re.I)


_REMAINING = (Sub.ABDUCTION_FORCED_DISAPPEARANCE, Sub.LOOTING_PROPERTY_DESTRUCTION, Sub.ARRESTS,
              Sub.HEADQUARTERS_OR_BASE_ESTABLISHED, Sub.AGREEMENT,
              Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, Sub.CHANGE_TO_GROUP_ACTIVITY, Sub.OTHER)


_LEAVING_UNDER_DEAL = re.compile(
    r"\b(?:(?:began|begin|started|start)\s+(?:leaving|to leave|evacuating|withdrawing|pulling out)|left|leave|leaves|"
    r"evacuated|withdrew|withdraw|pulled out|handed over)\b[^.;]{0,120}?\bunder\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:deal|agreement|accord|arrangement|truce)\b", re.I)


_UNDER_A_DEAL = re.compile(r"\b(?:as (?:a )?part of|under|in line with|in accordance with|in keeping with|as agreed in|"
                          r"as stipulated (?:in|by)|pursuant to)\s+(?:the\s+|an?\s+|their\s+|its\s+)?"
                          r"(?:(?:terms|provisions|framework) of (?:the\s+|an?\s+|their\s+|its\s+)?)?"
                          r"(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|accords?|truces?|ceasefires?|cease-fires?|pacts?|"
                          r"treaty)\b", re.I)


def _remaining_trigger(s: _Sentence) -> Classification | None:
    """The first remaining trigger outside a quotation, in precedence order. Property destroyed told after
    arrests ("arrested 14 people in a raid, adding that bulldozers damaged roads") is the arrests; a force
    that "has been deployed" is a standing presence, no movement; forces withdrawing with no one named
    taking over is a movement of forces (Change to group/activity), not a Non-violent transfer of territory."""
    text, trig = s.text, s.trig
    deal = trig[Sub.AGREEMENT] and _LEAVING_UNDER_DEAL.search(text)
    if deal and s.kinds & ARMED_KINDS and not is_quoted(text, deal.start()):
        # "rebel fighters began leaving the town under an evacuation deal": the ground handed over under the
        # deal is the event, a Non-violent transfer of territory (the deal itself was told before)
        return s.out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, deal, 0.6)
    handed = trig[Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY]
    if trig[Sub.AGREEMENT] and handed and _UNDER_A_DEAL.search(text) and not _withdrawal_only(s.low, handed) and \
            s.kinds & ARMED_KINDS and not is_quoted(text, handed.start()):
        # "troops handed over control of the base to the rebels as part of the agreement": the deal is what the
        # handover follows from, the handover the event
        return s.out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, handed, 0.6)
    moved_in = trig[Sub.CHANGE_TO_GROUP_ACTIVITY]
    if moved_in and re.search(r"(?:re)?deploy|moved? in|entered", moved_in.group(0), re.I) and \
            _LEFT_BEFORE.search(s.low, moved_in.end()) and not _fighting_told(s.low):
        # "the army deployed in the town after Israeli forces pulled out": the ground changed hands with no
        # fighting, ACLED's Non-violent transfer of territory
        return s.out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, moved_in, 0.6)
    if moved_in and re.search(r"\bmov(?:ed|es|ing)\b|entered", moved_in.group(0), re.I) and \
            _LEFT_BEFORE.search(s.low, moved_in.end()) and _fighting_told(s.low):
        # "troops moved into the town after the rebels withdrew following days of fighting": ground taken in
        # fighting, by the side that moved in (named in the trigger itself, or before it)
        mover = next((a for a in s.actors if a.kind in ARMED_KINDS and a.start <= moved_in.start() < a.end
                      or moved_in.start() <= a.start < moved_in.end()), None) or _agent(text, moved_in, s.actors)
        if mover is not None and mover.kind in ("state_military", "state_police"):
            return s.out(Sub.GOVERNMENT_REGAINS_TERRITORY, moved_in, 0.6)
        if mover is not None and mover.kind in ARMED_KINDS:
            return s.out(Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, moved_in, 0.6)
    for sub in _REMAINING:
        m = trig[sub]
        if sub == Sub.LOOTING_PROPERTY_DESTRUCTION and m and trig[Sub.ARRESTS] and \
                trig[Sub.ARRESTS].start() < m.start() and not is_quoted(text, trig[Sub.ARRESTS].start()):
            continue
        if sub == Sub.AGREEMENT and m and m.group(0).lower().startswith("handed") and re.search(
                r"\b(?:body|bodies|remains|corpses?)\b[^.;]{0,40}$", text[:m.start()], re.I):
            continue  # a body handed over (to a family, a community) is no agreement
        if sub == Sub.CHANGE_TO_GROUP_ACTIVITY and m and re.search(
                r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?$", text[:m.start()], re.I):
            continue
        if m and not is_quoted(text, m.start()):
            if sub == Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY and _withdrawal_only(s.low, m):
                return s.out(Sub.CHANGE_TO_GROUP_ACTIVITY, m, 0.55)
            return s.out(sub, m, 0.6)
    return None


# first match wins
RULES = (
    _aircraft_movement, _weapons_test, _chemical_suicide_or_air, _rape_first, _protest_ladder, _mob_or_riot,
    _people_intercepted, _nothing_went_off, _weapons_held, _grenade, _shelling, _explosive_device,
    _disrupted_or_exploded, _sexual_violence, _abduction, _agreement, _territory, _police_clash_with_crowd,
    _clash_or_attack, _detained_by_armed_group, _remaining_trigger,
)


def classify_sentence(text: str, actors: list[ActorMention], country: str | None = None,
                      following: str | None = None,
                      entities: tuple[tuple[int, int], ...] = ()) -> Classification | None:
    """The ACLED sub-event type a sentence reports, or None: the first of RULES that decides.

    ``following``: the next sentence, which may give a gathering's purpose ("They called for ...").

    ``country``: where the report is set; state forces of another country taking ground there are, for
    ACLED, not a government regaining its territory.

    ``entities``: spans of names the parser found (firms, people, works, laws, dates): a trigger word inside
    one is no event ("Merrill Lynch", "in March").
    """
    s = _read_sentence(text, actors, country, following, entities)
    if s is None:
        return None
    for rule in RULES:
        c = rule(s)
        if c is not None:
            return c
    return None


_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|dozens|scores|hundreds)"
_PROTESTERS = (r"(?:protesters?|protestors?|demonstrators?|marchers|participants|strikers|crowds?|people|persons|"
               r"they|some|several|many|dozens|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
               r"(?:[\w-]+\s+)?(?:activists|students|workers|farmers|teachers|residents|villagers|supporters|members|"
               r"women|youths|men|leaders|organi[sz]ers)|(?:some|several|many|dozens|scores|hundreds) of them)")
_FORCES = (r"(?:police|policemen|officers|security forces|forces|soldiers|troops|army|military|authorities|gendarmes|"
           r"guards|security personnel|riot police|agents)")
_GAP = r"(?:(?!(?:who|which|that|whom|claimed|alleged|accused|after|over|for|against)\b)[\w,()-]+\s+)"
_LETHAL_ON_PROTEST = re.compile(
    r"\blive (?:ammunition|rounds|bullets|fire)\b|"
    r"\b(?:opened fire|fired (?:live )?(?:bullets |shots |rounds )?(?:at|on|into)|shot (?:dead|and killed))\s+"
    r"(?:on\s+|at\s+)?(?:the\s+)?" + _GAP + r"{0,2}?(?:protesters?|protestors?|demonstrators?|marchers|crowds?|"
    r"participants|strikers)\b|"
    r"\b" + _PROTESTERS + r"\s+" + _GAP + r"{0,3}?(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:shot dead|killed|"
    r"shot and killed|fatally shot|fatally wounded|shot)\b|"
    r"\b(?:killing|killed|shooting dead|shot dead)\s+(?:at least\s+)?" + _NUM + r"\s+(?:of the\s+)?(?:\w+\s+)?"
    r"(?:protesters|demonstrators|marchers|participants|people|strikers)\b|"
    r"\b(?:died|killed|dead)\b[^.;]{0,60}\b(?:when|after|as)\s+(?:the\s+)?" + _FORCES +
    r"\s+(?:\w+\s+){0,2}?(?:opened fire|fired|shot)\b", re.I)
# force short of killing that still causes serious injuries: ACLED's Excessive force too
_PEOPLE = (r"(?:residents|villagers|students|people|youths?|workers|farmers|crowds?|worshippers|mourners|men|women|"
           r"teenagers?|boys?|girls?|m[ae]n|wom[ae]n|persons?|person|student|worker|farmer|protesters?|demonstrators?|"
           r"participants|teachers|traders|supporters)")
_LETHAL_ON_PEOPLE = re.compile(
    r"\b(?:opened fire|fired (?:live )?(?:bullets |shots |rounds )?(?:at|on|into))\s+(?:on\s+|at\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _PEOPLE + r"\b|"
    # whoever the forces killed in a demonstration's sentence ("shot dead a teacher as they broke up a peaceful
    # gathering"), not their own men
    r"\b(?:killing|killed|shooting dead|shot dead|shot and killed|fatally shot|shot and (?:seriously |critically )?"
    r"wounded)\s+(?:at least\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"(?!\s+(?:of (?:the|their|its) )?(?:[\w-]+\s+)?(?:police|officers?|policem[ae]n|soldiers?|troops|gendarmes?)\b)",
    re.I)
_PROTESTERS_KILLED = re.compile(
    r"\b(?:protesters|protestors|demonstrators|marchers)\s+(?:\w+\s+){0,2}?(?:were|was|had been|have been)\s+"
    r"(?:\w+\s+)?(?:shot dead|shot and killed|fatally shot|gunned down)\b", re.I)
_SERIOUS_INJURY = re.compile(
    r"\bserious(?:ly)?\s+(?:head\s+)?(?:injur\w+|wound\w+|hurt)\b|\bhospitali[sz]ing\s+(?:\d+|dozens|scores)\b|"
    r"\b(?:broken (?:bones|limbs|arms?|legs?|skulls?|ribs)|fractur(?:ed|es)|ruptured)\b|"
    r"\b(?:dozens|scores|hundreds|\d{2,})\s+(?:of\s+)?(?:people|protesters|demonstrators|marchers|students|"
    r"participants)\s+(?:were\s+|was\s+)?(?:\w+\s+)?(?:injured|wounded|hurt|hospitali[sz]ed)\b|"
    r"\b(?:seriously|severely|critically|gravely)\s+(?:injur\w+|wound\w+|hurt)\b|"
    r"\b(?:injur\w+|wound\w+)\s+(?:dozens|scores|hundreds|\d{2,})\s+(?:of\s+)?(?:people|protesters|demonstrators)\b",
    re.I)
_INTERVENTION = re.compile(
    r"\b(?:tear ?-?gas|teargas|tear-?gassed|water ?cannons?|rubber bullets|pepper[- ]spray(?:ed)?|stun grenades?|"
    r"batons?|"
    r"baton[- ]charg\w*|lathi[- ]?charg\w*|lathicharg\w*|dispers(?:ed|e|ing|al)|broke up|cracked down on|clamped down|"
    r"forcibly (?:removed|evicted)|manhandled|pushed back|cordoned off|intervened|"
    r"charged (?:at|into) (?:the |a )?(?:[\w-]+ ){0,2}?(?:protesters|demonstrators|marchers|crowds?|them|students|"
    r"strikers|supporters|workers)|"
    r"dragg?(?:ed|ing|s)? (?:them|the (?:protesters|demonstrators|marchers|strikers)|protesters|demonstrators) "
    r"(?:away|out|off|from)|"
    r"prevented (?:them|the (?:protesters|demonstrators|march|rally|marchers))|"
    r"blocked (?:them|the (?:protesters|demonstrators|march|marchers|rally))|"
    r"(?:beat(?:en|s)?|hit(?:s|ting)?|kick(?:ed|s)?|assault(?:ed|s)?) (?:up )?(?:the |an? )?(?:[\w-]+ ){0,2}?"
    r"(?:protesters?|demonstrators?|marchers)|scuffled? with (?:the )?police|suppress(?:ed|ing)|"
    r"chased away|remov(?:e|ed) the (?:protesters|demonstrators)|prevent(?:ed|s)? (?:[\w-]+ ){0,4}from (?:entering|"
    r"reaching|marching|protesting|gathering|holding|demonstrating))\b", re.I)
_BODILY_FORCE = re.compile(
    r"\b(?:beat(?:s|ing)?|beaten|clubb(?:ed|ing)|club|kick(?:ed|s|ing)?|whipp(?:ed|ing)|flogg(?:ed|ing)|"
    r"hit(?:s|ting)?|bludgeon(?:ed|ing))\s+(?:up\s+)?(?:an?\s+|the\s+|several\s+|some\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:protesters?|protestors?|demonstrators?|marchers)\b|"
    r"\b(?:protesters?|protestors?|demonstrators?|marchers)\s+(?:were|was|had been|have been|got)\s+(?:\w+\s+)?"
    r"(?:beaten|clubbed|kicked|whipped|flogged|bludgeoned)\b|"
    # "savagely beat people who had gathered peacefully": those who gathered are the demonstrators
    r"\b(?:beat|beaten|clubbed|kicked|whipped|flogged)\s+(?:up\s+)?(?:the\s+)?" + _PEOPLE + r"\s+(?:who|that)\s+"
    r"(?:had\s+|were\s+)?(?:gathered|assembled|protested|marched|rallied|demonstrated|taken part)|"
    # "beat nurses staging a sit-in": whoever they beat while demonstrating
    r"\b(?:beat|clubbed|kicked|whipped|flogged)\s+(?:up\s+)?(?:the\s+|some\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){1,2}?"
    r"(?:staging|holding|protesting|demonstrating|marching|taking part)\b", re.I)
_ARREST_OF_PROTESTERS = re.compile(
    r"\b" + _PROTESTERS + r"\s+" + _GAP + r"{0,3}?(?:were|was|had been|have been|got)\s+(?:\w+\s+)?(?:arrested|"
    r"detained|taken into custody|rounded up|picked up|taken away)\b|"
    r"\b" + _FORCES + r"[\s,]+" + _GAP + r"{0,3}?(?:arrested|detained|rounded up|picked up|apprehended|hauled away|"
    r"took (?:\w+ ){0,3}into custody)\b|"
    r"\b(?:arrested|detained|rounded up)\s+(?:\w+\s+){0,3}?(?:protesters|demonstrators|participants|marchers|"
    r"strikers|of them)\b|(?<!\bno )(?<!\bnot )\barrests were made\b", re.I)


def protest_force(text: str, read_parse: bool = True) -> tuple[str, re.Match[str]] | None:
    """Force used on a demonstration: lethal (Excessive force) or short of it (Protest with intervention);
    with ``read_parse``, where no set phrase tells it, as the parse reads it (``parsed_force``).

    The force must fall on the demonstrators; the grievance they march over ("demanding the release of
    detained activists", "against the killing of a man by police") is not force used on them.
    """
    m = _LETHAL_ON_PROTEST.search(text)
    if m and re.search(r"\b" + _FORCES + r"\b", text, re.I):
        return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
    m = _PROTESTERS_KILLED.search(text)
    if m and not _ARMED_AGENT.search(text):
        # "seven protesters were shot dead": demonstrators killed by fire, no gunmen named: the force used on them
        return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
    m = _LETHAL_ON_PEOPLE.search(text)
    if m and re.search(r"\b" + _FORCES + r"\b", text, re.I) and not _grievance(text, m.start()):
        # in a demonstration's sentence, the people fired on or killed are its demonstrators ("opened fire on
        # residents protesting fuel prices, killing one man"); a killing it protests is its grievance
        return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
    m = _BODILY_FORCE.search(text)
    if m and re.search(r"\b" + _FORCES + r"\b", text, re.I) and not _grievance(text, m.start()):
        # demonstrators beaten, clubbed or whipped: violence that can cause serious injuries
        return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
    for m in (_INTERVENTION.search(text), _ARREST_OF_PROTESTERS.search(text)):
        if m and m.group(0).lower() == "dispersed" and re.search(
                r"\b(?:gathering|crowds?|protesters|demonstrators|rally|march|protest|sit-in|marchers|they)\s+"
                r"(?:\w+\s+){0,2}?$", text[:m.start()], re.I) and not re.search(
                r"\b(?:were|was|been|being)\s+(?:\w+\s+)?$", text[:m.start()], re.I) and \
                not re.match(r"\s+(?:by|with|after|when)\b", text[m.end():], re.I):
            continue  # "the gathering dispersed in the afternoon": the crowd left of its own accord
        if m and not _grievance(text, m.start()):
            hurt = _SERIOUS_INJURY.search(text)
            if hurt and m is not None and re.search(r"\b" + _FORCES + r"\b", text, re.I) and \
                    not _grievance(text, hurt.start()):
                return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
            if re.search(r"\b(?:brutal(?:ly)?|savage(?:ly)?|violent(?:ly)?|mercilessly|ruthlessly)\s+(?:\w+\s+)?$",
                         text[max(0, m.start() - 30):m.start()], re.I) and _HURT.search(text) and \
                    re.search(r"\b" + _FORCES + r"\b", text, re.I):
                # "violently dispersed the protest ... people were injured": force that hurts, told as brutal
                return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
            return Sub.PROTEST_WITH_INTERVENTION, m
    return parsed_force(text) if read_parse else None


def _match_at(text: str, start: int, end: int) -> re.Match[str]:
    """The span the parse read (a token's characters) as the match the classifications carry."""
    m = re.compile(re.escape(text[start:end])).match(text, start)
    assert m is not None
    return m


def parsed_force(text: str) -> tuple[str, re.Match[str]] | None:
    """Force on a demonstration read from the parse (who did what to whom), where no set phrase tells it."""
    read = deeds.force_on_crowd(text)
    if read and not _grievance(text, read[1][0]):
        kind, (a, b) = read
        return (Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS if kind == "lethal" else Sub.PROTEST_WITH_INTERVENTION), \
            _match_at(text, a, b)
    return None


WITHDRAWAL = re.compile(r"withdr|pulled out|retreat|vacated|evacuated|abandoned", re.I)


def _withdrawal_only(low: str, m: re.Match[str]) -> bool:
    """A withdrawal, retreat or pull-out that hands territory to no one the sentence names."""
    if not WITHDRAWAL.match(m.group(0)):
        return False
    return not re.search(r"\b(?:hand(?:ed|s|ing)?\s+(?:\w+\s+)?(?:over|control|back|to)|handover|hand-over|"
                         r"took (?:over|control)|"
                         r"taken (?:over|control)|tak(?:e|es|ing) (?:over|control)|seized|captured|entered|moved in|"
                         r"(?:re)?deploy(?:ed|s|ing)? (?:\w+ )?(?:in|into|to)|took up positions|"
                         r"(?:have|has|had) (?:now )?controlled|"
                         r"transfer\w*|ceded|relinquish\w*|in control|control of|without (?:a fight|resistance|fighting"
                         r"|"
                         r"clashes))\b", low)


_DEED_VERB = (r"(?:torched|smashed|(?:set|setting) (?:fire|ablaze|alight|\w+ on fire)|burnt|burned|pelted|threw|"
              r"hurled|clashed|stormed|vandali[sz]ed|ransacked|looted|attacked|broke (?:into|windows)|overturned|"
              r"fought|battled|erected|blocked|barricaded)\b")


def _grievance(text: str, pos: int) -> bool:
    """Is a word at pos part of what demonstrators protest about ('against the looting of ...', 'denouncing
    the clashes', 'its damaged facilities') rather than what happened at the demonstration?"""
    if re.match(r"violent\s+(?:crimes?|deaths?|attacks?|incidents?|extremis\w+|crackdown)", text[pos:], re.I):
        return True  # "victims of violent crimes": what they protest about
    if re.search(r"\b(?:cut short|ended|broke up|broken up|dispersed|called off|turned (?:violent|chaotic)|"
                 r"descended into \w+)\s+(?:\w+\s+){0,2}?(?:after|following)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
                 text[max(0, pos - 60):pos], re.I):
        return False  # "the rally was cut short after police fired teargas": what ended it, not its grievance
    if re.match(r"(?:descend|degenerat|turn|spiral|erupt|dissolv|slid)\w* into|turned (?:violent|chaotic)", text[pos:],
                re.I):
        return False  # "the protest over fuel prices descended into violence": what the protest did, a predicate
    if re.match(_DEED_VERB, text[pos:], re.I) and re.search(
            r"\b(?:against|over|about|protesting|demanding|denouncing|condemning|opposing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?!(?:the|a|an|of|their|its|his|her|who|that|which|"
            r"and|by|police|been|being|were|was)\s)[\w-]+\s+$", text[max(0, pos - 40):pos], re.I):
        # "protesters against the citizenship law torched a railway station": the verb after the grievance's
        # noun phrase is the demonstrators' own deed, also after a participle ("youths protesting unemployment
        # clashed with police"); "against police who torched homes" stays a grievance
        return False
    if re.search(r"\b(?:after|following|when|as)\s+(?:the\s+|some\s+|angry\s+|hundreds of\s+|dozens of\s+)?"
                 r"(?:protesters|protestors|demonstrators|marchers|rioters)\s+(?:had\s+)?$", text[max(0, pos - 60):pos],
                 re.I):
        return False  # "police fired after protesters set ablaze a building": the demonstrators' own deed
    if re.search(r"\b(?:its|their|the|his|her)\s+$", text[max(0, pos - 40):pos], re.I) and \
            not _FORCE_AGENT.match(text, pos):
        # "their damaged facilities", "the detained activists", "the clashes": what they protest about; "the
        # police detained ..." names who acted, and what they did
        return True
    return bool(re.search(r"\b(?:against|over|about|protesting|condemn\w*|denounc\w*|demand\w*|release of|regarding|"
                          r"call(?:ing|ed|s)? for(?: an end to)?|an end to|"
                          r"following|after)\s+(?:the\s+)?(?:\w+\s+){0,2}$|"
                          r"\b(?:which|that)\s+(?:has|have|had)\s+been\s+(?:\w+\s+)?$",
                          text[max(0, pos - 40):pos], re.I))


def _without_backdrop(low: str) -> str:
    """A sentence less its background clauses ('..., after a series of explosions killed 215 people')."""
    low = re.sub(r"\b(?:after|following|in the wake of|amid)\b[^,;]*", " ", low)
    # "retrieved the bodies of fighters killed in X": deaths told of the bodies, not of this sentence's event
    return re.sub(r"\b(?:bodies|remains|corpses) of\b[^,;.]{0,80}?\b(?:killed|dead|who died)\b", " ", low)


def _backdrop(text: str, m: re.Match[str]) -> bool:
    """Is a trigger named as background: after 'following', 'amid', 'despite' (or in a relative clause that tells
    what such a backdrop did), or dated by a year?"""
    before = text[max(0, m.start() - 45):m.start()]
    cause = re.search(r"\b(?:following|amid|despite|in the wake of|after|(?:angered|outraged|incensed|enraged) by|"
                      r"furious (?:at|over))\s+(?:[\w'’-]+\s+){0,4}$", before, re.I)
    if re.search(r"\b(?:following|amid|despite|in the wake of)\s+(?:[\w'’-]+\s+){1,5}(?:that|which)\s+"
                 r"(?:has\s+|have\s+|had\s+)?$", before, re.I):
        return True  # "agreed a ceasefire following a day of fighting that killed four": the backdrop's toll
    if cause and re.search(r"\b(?:killed|died|dead|injured|wounded|hurt|lost their lives)\b",
                           text[:m.start() - len(before) + cause.start()], re.I):
        return False  # "twelve people were killed after suicide bombers struck": the cause is the event
    # a force's mandate or a purpose ("the coalition tasked with fighting", "mobilising for attacking",
    # "to foil any possible attack") is no event
    purpose = re.search(r"\b(?:tasked with|charged with|in charge of|responsible for|mandated? (?:to|with)|dedicated to"
                        r"|"
                        r"formed to|set up to|aim(?:ed)? (?:at|of)|(?:foil\w*|thwart\w*|prevent\w*|repel\w*) (?:any )?"
                        r"(?:possible |potential |future )?|mobili[sz]\w* (?:[\w'’-]+\s+){0,3}for|possible|potential|"
                        r"imminent)\s+$", before, re.I)
    if _DEEDS_OF_THE_HELD.search(text[max(0, m.start() - 200):m.start()]):
        return True
    return bool(cause or purpose or re.search(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}$", before))


# a person arrested, described by what they did: "captured a commander who heads the unit that carried out a mortar
# shelling", "arrested two men who attacked the checkpoint": the arrest is this sentence's event
_DEEDS_OF_THE_HELD = re.compile(
    r"\b(?:arrested|detained|apprehended|nabbed|captured|took (?:[\w-]+\s+){0,3}into custody)\s+(?:[^,;.()]{0,60}?\s)?"
    r"(?:who|that|which|whose)\s+[^,;.]{0,100}$", re.I)


_ACTIVE_VERB = re.compile(r"(?:ed|ook|ew|an|on|ung|ught|eld|ized|ised)$", re.I)  # a verb's past: "liberated", "took"
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+\s+)?$", re.I)


def _subject_actor(text: str, m: re.Match[str], actors: list[ActorMention]) -> ActorMention | None:
    """The armed actor the parse makes the trigger verb's subject (``roles.subject_actor``); none for "fell to",
    whose taker is named after it."""
    return None if FELL_TO.match(m.group(0)) else subject_actor(text, m.start(), actors)


def _agent(text: str, m: re.Match[str], actors: list[ActorMention]) -> ActorMention | None:
    """Who did what a trigger reports: the armed actor after 'by', else the last one before it; what a place
    "fell to" is the actor named next ("the town fell to M23 rebels")."""
    if FELL_TO.match(m.group(0)):
        after_to = next((a for a in actors if a.start >= m.end()), None)
        if after_to is not None:
            return after_to
    armed = [a for a in actors if a.kind in ARMED_KINDS and not re.match(
        r"\s*" + alternatives("attribution") + r"\b", text[a.end:])]
    by = re.match(r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?", text[m.end():m.end() + 60])
    if by and by.group(0).split()[0] != "by" and _ACTIVE_VERB.search(m.group(0)) and not _PASSIVE_AUX.search(
            text[max(0, m.start() - 30):m.start()]):
        # "troops liberated three villages held by the insurgents": a verb in the active voice has its subject as
        # agent; the "by" belongs to the participle that describes its object (who held them)
        by = None
    if by:
        pos = m.end() + by.end()
        after = next((a for a in armed if pos <= a.start <= pos + 12), None)
        if after is not None:
            return after
    # the nearest one before it that no preposition makes an object ("clashed with X, and Y retook")
    # ("its troops, supported by local clan militias, recaptured": the supporters are no agent)
    before = [a for a in armed if a.end <= m.start() and not re.search(
        r"\b(?:with|against|by|of|from|on|at|targeting|and|alongside)\s+(?:the\s+|local\s+|allied\s+)*$",
        text[max(0, a.start - 20):a.start], re.I)]
    return before[-1] if before else None


def _mob_actor(text: str, actors: list[ActorMention]) -> re.Match[str] | None:
    """A crowd (no armed, organised group) that does the violence: 'villagers beat', 'lynched by residents'."""
    # the source of the report ("Leicestershire Police said ...", "UNMISS said ...") is no side of the violence
    armed = [a for a in actors if a.kind in ARMED_KINDS and not _SOURCE_AFTER.match(text, a.end)]
    for m in _MOB_SUBJECT.finditer(text):
        # "armed with sticks and machetes": a crowd's own weapons, no organised armed group
        gap = _MELEE_ARMS.sub(" ", m.group("gap"))
        # a killing told before the crowd is its deed when the crowd's clause tells how ("three people were
        # killed when youths from two communities fought with sticks"); else another's ("gunmen killed two")
        before = re.split(r"\b(?:when|as|after|while)\b", text[:m.start()])[-1]
        if not _NOT_SUBJECT.search(gap) and not any(a.start < m.end() for a in armed) \
                and not re.search(r"\b(?:armed|gunmen|kill\w*|attack\w*|shot)\b", before, re.I):
            return m
    m = _MOB_BY.search(text)
    if m and not any(a.start < m.end() for a in armed):
        return m
    m = _MOB_BETWEEN.search(text)
    if m and not armed:
        return m
    return None


def _armed_victim(text: str, m: re.Match[str], actors: list[ActorMention]) -> bool:
    """Is the one a violent trigger hits a member of an armed, organised side?"""
    after = re.sub(r"^\s*(?:(?:and|,)\s+(?:killed|injured|wounded|shot)|dead|to death|at|on|upon|into)\b", "",
                   text[m.end():m.end() + 90])
    clause = re.split(r"[.;:]|\b(?:while|as|when|who|after|before|in|at|near|during|under)\b", after)[0]
    obj = " ".join(clause.split()[:8])
    off_duty = re.compile(r"\b(?:off-duty|retired|former|ex-)", re.I)
    vm = _ARMED_VICTIM.search(obj) if obj else None
    if vm and not off_duty.search(obj) and not re.match(r"\s*(?:by|with)\b", after) and not re.search(
            r"\b(?:by|from)\b", obj[:vm.start()]):  # "beaten and arrested by the Taliban forces": the agent
        return True
    if obj and any(a.kind in ("state_military", "state_police", "named") and m.end() <= a.start <= m.end() + 40
                   and text[m.end():a.start].count(" ") <= 4 and not re.search(r"\bby\b", text[m.end():a.start])
                   for a in actors):
        return True
    pas = re.search(r"(?P<np>(?:[\w()-]+\s+){1,8}?)(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?$",
                    text[max(0, m.start() - 90):m.start()])
    return bool(pas and _ARMED_VICTIM.search(pas.group("np")) and not off_duty.search(pas.group("np")))


def is_quoted(text: str, pos: int) -> bool:
    """Is a position inside a quotation (what someone said, not what the reporter saw)?"""
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _civilian_victims(low: str, actors: list[ActorMention]) -> bool:
    cues = cue_patterns()
    for a in actors:  # "the Luhansk People's Militia" names no people
        if a.kind in ("named", "party", "state_military", "state_police") and a.end <= len(low):
            low = low[:a.start] + " " * (a.end - a.start) + low[a.end:]
    return bool(cues["civilian"].search(low))


# both armed sides told in one phrase: "between two rival armed groups", "rival militias", "warring factions"
_RIVAL_SIDES = re.compile(r"\b(?:rival|two|opposing|warring)\s+(?:rival\s+|warring\s+)?(?:armed\s+(?:groups|factions)|"
                          r"militias|militia groups|brigades|(?<=warring )factions)\b(?!\s+of\b)")


def _two_armed_sides(low: str, actors: list[ActorMention], m: re.Match[str]) -> bool:
    armed = [a for a in actors if a.kind in ARMED_KINDS]
    names = {a.name for a in armed}
    if len(names) >= 2 or _RIVAL_SIDES.search(low):
        return True
    after = low[m.end():m.end() + 80]
    before = low[max(0, m.start() - 80):m.start()]
    target = re.search(r"\b(?:soldiers?|troops|army|military|police\w*|officers?|security forces|personnel|"
                       r"(?<!security )(?<!private )guards?|gendarmes|militants?|rebels?|insurgents?|fighters|"
                       r"militiam[ae]n|jihadists?|"
                       r"terrorists?|gunmen|bandits|checkpoints?|bases?|outposts?|barracks|convoys?|patrols?|"
                       r"posts?|positions?|jawans?|cadres|forces|commanders?|combatants|peacekeepers|vigilantes)\b",
                       after)
    target_before = re.search(r"\b(?:soldiers?|troops|policem[ae]n|police officers?|officers|personnel|militants|"
                              r"rebels|insurgents|fighters|jawans|gunmen|members of the security forces)\b\s+"
                              r"(?:\w+\s+){0,3}(?:were|was|have been|had been)\b", before)
    return bool(armed) and bool(target or target_before) or len(armed) >= 1 and bool(
        re.search(r"\bbetween\b", low))
