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

from ..knowledge import cue_patterns, trigger_patterns
from .actors import ActorMention, demonym_country
from .taxonomy import Sub

# order of precedence when a sentence holds several triggers: the most specific, most violent first
PRECEDENCE = [
    Sub.CHEMICAL_WEAPON, Sub.SUICIDE_BOMB, Sub.AIR_DRONE_STRIKE, Sub.GRENADE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK,
    Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.SEXUAL_VIOLENCE, Sub.ABDUCTION_FORCED_DISAPPEARANCE,
    Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, Sub.ARMED_CLASH, Sub.ATTACK,
    Sub.LOOTING_PROPERTY_DESTRUCTION, Sub.DISRUPTED_WEAPONS_USE, Sub.ARRESTS, Sub.HEADQUARTERS_OR_BASE_ESTABLISHED,
    Sub.AGREEMENT, Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, Sub.CHANGE_TO_GROUP_ACTIVITY, Sub.OTHER,
]
_ARMED_KINDS = {"state_military", "state_police", "named", "unidentified"}

# an unorganised crowd: when it is the one doing violence (no protest demand), ACLED codes Mob violence
_CROWD = (r"(?:villagers|residents|locals|local people|people|motorists|passers-?by|students|youths?|young men|"
          r"supporters|cadres|activists|party workers|members|settlers|prisoners|inmates|fans|traders|vendors|"
          r"drivers|community members|relatives|family members|neighbou?rs|mourners|a group|two groups|groups|"
          r"factions|crowds?|mobs?|rioters)")
_MOB_SUBJECT = re.compile(r"\b" + _CROWD + r"\b,?(?P<gap>(?:\s+[\w'(),-]+){0,8}?)\s+(?:beat|beat up|lynched|assaulted|"
                          r"physically assaulted|attacked|stoned|hurled (?:stones|rocks|bricks)|threw (?:stones|rocks|"
                          r"bricks)|pelted|stabbed|hacked|thrashed|clashed|fought|chased|torched|set ablaze|set fire|"
                          r"vandali[sz]ed|burnt|burned|cornered|manhandled|dragged|killed|injured|punched|kicked|"
                          r"whipped|flogged)\b", re.I)
_MOB_BY = re.compile(r"\b(?:lynched|beaten|beaten up|stabbed|killed|attacked|assaulted|stoned|injured|hacked|thrashed)"
                     r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:a |an |the )?(?:angry |irate |enraged |local )?(?:group of |mob of |"
                     r"crowd of )?" + _CROWD + r"\b", re.I)
_MOB_BETWEEN = re.compile(r"(?<!armed )(?<!gun )\b(?:clash\w*|fight\w*|fought|scuffle\w*|brawl\w*|confrontation)\s+(?:[\w-]+\s+){0,3}?"
                          r"between\s+(?:the\s+)?(?:two\s+)?(?:rival\s+)?(?:[\w()-]+\s+){0,3}?" + _CROWD + r"\b", re.I)
_NOT_SUBJECT = re.compile(r"\b(?:were|was|been|being|are|is|said|say|says|told|claimed|alleged|by|armed|gunmen|militias?|"
                          r"communal|gangs?|cartels?|rebels?|militants?)\b", re.I)

# a victim who belongs to an armed, organised side: violence against them is an Armed clash, not an Attack
_ARMED_VICTIM = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|policem[ae]n|police(?! stations?| posts?)|officers?|gendarmes?|"
                           r"militiam[ae]n|militias?|militants?|rebels?|insurgents?|fighters?|combatants?|commanders?|"
                           r"jihadists?|checkpoints?|bases?|outposts?|barracks|convoys?|patrols?|(?<!civil )(?<!air )forces|vigilantes|"
                           r"vigilance (?:group|committee)s?|(?:self-)?defen[cs]e (?:group|force|committee)s?|(?:military|army|police|"
                           r"security|border) posts?|gang members?|gangsters?|gang leaders?|(?:drug )?traffickers?|drug dealers?|"
                           r"(?:militia|gang|cartel|faction|brigade|division|battalion|forces?|army|group) members?|"
                           r"members? of (?:the |a |an )?(?:[\w-]+ ){0,4}?(?:militia|armed group|gang|cartel|forces|army|"
                           r"brigade|division|battalion|faction|rebels?|insurgents?))\b", re.I)


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
    r"\b(?:at|on|against|with)\s+(?:the\s+)?(?:riot\s+)?(?:police(?:men)?|officers|security forces|firefighters|"
    r"gendarmes|soldiers)\b|"
    r"\b(?:set fire to|torched|burn(?:ed|t)|smash(?:ed|ing)|vandali[sz]ed|damaged)\s+(?:\w+\s+){0,3}?(?:vehicles|cars|buses|"
    r"bins|rubbish bins|police (?:station|post|vehicles?)|government (?:buildings?|offices?))\b", re.I)


def _protest_frame(text: str, cues: dict[str, re.Pattern[str]], trig: dict[str, re.Match[str] | None],
                   following: str | None = None) -> bool:
    # "the deaths of two protesters", "families of demonstrators": protesters named as victims or kin are no
    # demonstration of this sentence
    def victims(x: re.Match[str]) -> bool:
        return bool(re.fullmatch(r"(?:protesters?|protestors?|demonstrators?)", x.group(0), re.I) and re.search(
            r"\b(?:deaths?|killings?|murders?|bodies|funerals?|families|relatives|shooting|injuries) of\s+"
            r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[:x.start()], re.I))

    found = [x for x in cues["protest"].finditer(text) if not victims(x)]
    words = [x.group(0).lower() for x in found]
    if words and all(w.startswith("march") for w in words):
        before = text[:found[0].start()]
        if re.search(r"\b(?:troops|forces|army|soldiers|fighters|militants|rebels|insurgents|convoys?)\b", before, re.I) \
                and not re.search(r"\b(?:people|protesters|demonstrators|residents|hundreds|thousands|dozens|activists|"
                                  r"supporters|members|workers|students|women)\b", before, re.I):
            return False  # troops marching into a town
    if words:
        return True
    if re.search(r"\b(?:tear ?-?gas|teargas|water ?cannons?|rubber bullets|stun grenades|batons?)\b[^.;]{0,60}"
                 r"\bto (?:disperse|break up|scatter)\b", text, re.I):
        return True
    m = trig.get(Sub.PEACEFUL_PROTEST)
    if not m or victims(m):
        return False
    word = m.group(0).lower()
    if re.fullmatch(r"(?:gathered|assembled|converged) (?:in|on|near|around)|slowed (?:down )?(?:the )?traffic", word):
        # a crowd gathering or slowing traffic is a demonstration only for a stated purpose
        return bool(_PURPOSE.search(text[m.end():]) or (following and _PURPOSE_NEXT.search(following)))
    # weak triggers (demanded, gathered, staged, blocked a road) need a crowd doing them
    if re.match(r"(?:demand|denounc|gather|staged|blocked|blockade|barricad|set up|erected|mounted|petition|boycott|chant|banner|slogan|caravan|"
                r"motorcade|convoy)", word):
        crowd = re.search(r"\b(?:people|residents|villagers|workers|students|farmers|teachers|activists|supporters|"
                          r"members|women|youths?|traders|drivers|locals|citizens|employees|doctors|nurses|"
                          r"relatives|families|hundreds|thousands|dozens|scores|crowds?|group of|inhabitants|"
                          r"parents|pensioners|retirees|unionists|lawyers|journalists|vendors|miners|cadres|"
                          r"fishermen|communities|community|protesters|demonstrators|persons|dozen|guards|veterans|survivors|"
                          r"victims|mothers|bikers|motorists|truckers|owners|shopkeepers|merchants|nationals)\b", text, re.I)
        if re.search(r"\b(?:to (?:protest|complain|demand|denounce|oppose|press for|call for|decry)|in protest)\b",
                     text[m.end():], re.I):
            return True  # "a group blocked a road ... to complain about fuel prices"
        return bool(crowd) and bool(re.search(r"\b(?:gather\w*|staged|held|assembled|blocked|barricaded|set up|erected|marched|"
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
    """The first match that is not inside a name and not negated ("entered without fighting")."""
    for m in rx.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in spans) and not _NEGATED.search(
                text, max(0, m.start() - 20), m.start()):
            return m
    return None


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


def classify_sentence(text: str, actors: list[ActorMention], country: str | None = None,
                      following: str | None = None) -> Classification | None:
    """The ACLED sub-event type a sentence reports, or None.

    ``following``: the next sentence, which may give a gathering's purpose ("They called for ...").

    ``country``: where the report is set; state forces of another country taking ground there are, for
    ACLED, not a government regaining its territory.
    """
    # a trigger word inside a named day ("Liberation Day", "Martyrs' Day") is no event either, nor one inside
    # a description of a group in passing ("Fano, a network of militias that fought alongside the army, turned")
    names = _name_spans(actors) + [m.span() for m in _NAMED_DAY.finditer(text)] + \
        [m.span(1) for m in _APPOSITION.finditer(text)]
    trig = {k: _first_outside(rx, text, names) for k, rx in trigger_patterns().items()}
    arrest = trig[Sub.ARRESTS]
    charge = arrest and re.search(r"\b(?:(?:on|under) (?:the )?charges? of|charged with|accused of|on suspicion of|"
                                  r"over (?:suspicion|allegations) of|suspected of|in "
                                  r"connection with|for allegedly|for (?:their|his|her) (?:role|part|involvement) in)\b",
                                  text[arrest.end():], re.I)
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

    def out(sub: str, m: re.Match[str] | None, conf: float = 0.8) -> Classification:
        if m is None:
            m = next((x for x in trig.values() if x), None)
        assert m is not None
        return Classification(sub, m.start(), m.end(), conf)

    air = trig[Sub.AIR_DRONE_STRIKE]
    if air and all(re.fullmatch(r"warplanes?|fighter jets?|helicopter gunships?", x.group(0), re.I)
                   for x in trigger_patterns()[Sub.AIR_DRONE_STRIKE].finditer(text)) and not re.search(
            r"\b(?:bomb\w*|struck|strikes?|pound\w*|hit|target\w*|raid\w*|fired|fire|attack\w*|shell\w*|kill\w*|"
            r"dropped|destroy\w*|launched|missiles?|rockets?|casualties|dead|injur\w*|wound\w*)\b", text, re.I):
        # aircraft named with no strike: a flight into airspace or a scramble is a movement of forces
        if re.search(r"\b(?:entered|flew|violated|crossed|scrambled|sorties?|incursions?|airspace|deployed|patroll\w*)\b",
                     text, re.I):
            return out(Sub.CHANGE_TO_GROUP_ACTIVITY, air, 0.55)
        trig = {**trig, Sub.AIR_DRONE_STRIKE: None}
    for sub in (Sub.CHEMICAL_WEAPON, Sub.SUICIDE_BOMB, Sub.AIR_DRONE_STRIKE):
        if trig[sub]:
            return out(sub, trig[sub], 0.9)

    low = text.lower()
    kinds = {a.kind for a in actors}
    sv = trig[Sub.SEXUAL_VIOLENCE]
    if sv and re.match(r"(?:gang-?)?raped|sexually (?:assaulted|abused)|molested", sv.group(0), re.I) \
            and not _grievance(text, sv.start()) and not is_quoted(text, sv.start()) \
            and not re.search(r"\b(?:against|over|denounc\w*|condemn\w*|demand\w*|justice for|after|following|"
                              r"protest\w* (?:the|a))\b",
                              text[:sv.start()], re.I):
        return out(Sub.SEXUAL_VIOLENCE, sv, 0.8)  # rape at a demonstration is coded as the rape
    if _protest_frame(text, cues, trig, following):
        pm = trig.get(Sub.PEACEFUL_PROTEST) or cues["protest"].search(text)
        violent = next((v for v in cues["violent_protest"].finditer(text) if not _grievance(text, v.start())), None)
        force = protest_force(text)
        explosive = trig[Sub.REMOTE_EXPLOSIVE_LANDMINE_IED] or trig[Sub.SHELLING_ARTILLERY_MISSILE_ATTACK] or trig[Sub.GRENADE]
        if not explosive or violent:
            if violent and not re.search(r"\b(?:police|security forces|forces)\s+(?:\w+\s+){0,3}(?:clash\w*|torch\w*)",
                                         low):
                return out(Sub.VIOLENT_DEMONSTRATION, violent, 0.8)
            if force:
                return out(force[0], force[1], 0.75 if force[0].startswith("Excessive") else 0.8)
            if violent:
                return out(Sub.VIOLENT_DEMONSTRATION, violent, 0.7)
            return out(Sub.PEACEFUL_PROTEST, pm, 0.85)

    mob = _mob_actor(text, actors) or re.search(r"\b(?:mobs?|lynch\w*|(?:hurl\w*|threw|throwing|pelt\w*) (?:stones|rocks|bricks|petrol bombs|molotov cocktails|firebombs|projectiles|fireworks)|mob justice|jungle justice|vigilantes?|angry (?:crowd|residents|villagers|"
                    r"youths|mob)|irate (?:crowd|residents|villagers|youths|mob)|enraged (?:crowd|residents|"
                    r"villagers|mob)|rioters?|riot(?:s|ed|ing)?(?!\s+(?:police|policem[ae]n|officers|gear|squads?|units?))|communal (?:violence|clash\w*)|sectarian (?:violence|"
                    r"clash\w*)|group of (?:people|villagers|residents|youths|men|locals)|crowd)\b", low)
    if mob and re.match(r"riot|communal|sectarian", mob.group(0), re.I) and re.search(
            r"\b(?:charges? of|charged with|accused of|suspected of|on suspicion of|in connection with|booked for|"
            r"cases? of)\s+(?:\w+\s+)?$", low[:mob.start()]):
        mob = None  # "arrested 112 people on charges of rioting": the arrests are the event
    explosive_types = (Sub.GRENADE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, Sub.REMOTE_EXPLOSIVE_LANDMINE_IED)
    if mob and not any(trig[t] for t in explosive_types) and not (kinds & {"named"}):
        harm = re.search(r"\b(?:beat\w*|lynch\w*|hurl\w*|threw|throwing|set fire|attack\w*|assault\w*|kill\w*|murder\w*|torch\w*|set \w*\s*(?:on fire|ablaze)|"
                         r"burn\w*|hack\w*|stabb\w*|stone\w*|pelt\w*|clash\w*|injur\w*|vandali\w*|damag\w*|thrash\w*|"
                         r"violence|riot(?!\s+(?:police|policem[ae]n|officers|gear|squads?|units?))\w*|ransack\w*|loot\w*|fought|fight\w*|brawl\w*|scuffle\w*|died|dead)\b", low)
        if harm and re.search(r"\b(?:no|not|never|no one|nobody)\s+(?:\w+\s+){0,2}$", low[:harm.start()]):
            harm = None  # "no one had attacked the building"
        if harm:
            if re.match(r"riot", mob.group(0), re.I) and re.search(
                    r"\b(?:in protest|protest(?:ing|ed)?|to protest|demand\w*|against|angered by|outraged by|in anger|"
                    r"after (?:the )?police|after (?:the )?(?:killing|death|shooting|arrest) of)\b", low):
                return out(Sub.VIOLENT_DEMONSTRATION, mob, 0.7)  # rioting over a grievance is a demonstration
            if _AT_POLICE_OR_PROPERTY.search(low) and not re.search(
                    r"\b(?:lynch\w*|beat\w* (?:\w+ ){0,2}(?:to death|a |an |the (?:man|woman|suspect|thief))|"
                    r"mob justice|jungle justice|vigilante\w*|accused of|suspected (?:thie|robber|witch|kidnapper))", low):
                # a crowd stoning the police or burning cars and bins riots, as ACLED's violent demonstrators
                # do; mob violence is a crowd's violence against people (lynching, vigilantes, communal fights)
                return out(Sub.VIOLENT_DEMONSTRATION, mob, 0.65)
            return out(Sub.MOB_VIOLENCE, mob, 0.75)

    # people "intercepted" by the authorities are arrested, not a weapon stopped
    dm = trig[Sub.DISRUPTED_WEAPONS_USE]
    if dm and re.match(r"intercept", dm.group(0), re.I) and re.match(
            r"\s+(?:at least |some |about |over |more than )?(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|"
            r"dozens|scores|hundreds|several|a group of|a number of)?\s*(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|"
            r"individuals|suspects|members|militants|migrants|smugglers|traffickers|nationals|youths|fighters)\b",
            text[dm.end():]) and not re.search(r"\b(?:weapons?|arms|ammunition|explosives?|missiles?|rockets?|drones?)\b",
                                            text[dm.end():dm.end() + 60], re.I):
        return out(Sub.ARRESTS, dm, 0.7)
    # weapons seized, found, defused or intercepted: nothing went off, whatever the weapon
    if trig[Sub.DISRUPTED_WEAPONS_USE] and not re.search(
            r"\b(?:exploded|explosions?|blew up|blasts?|went off|ripped through|kill\w*|injur\w*|wound\w*|dead|died|"
            r"struck|hit|landed|damag\w*|(?<!safely )(?<!controlled )detonat\w*)\b", _without_backdrop(low)) and not trig[Sub.ARMED_CLASH] and not is_quoted(text, trig[Sub.DISRUPTED_WEAPONS_USE].start()):
        return out(Sub.DISRUPTED_WEAPONS_USE, trig[Sub.DISRUPTED_WEAPONS_USE], 0.75)
    # heavy weapons used alongside small arms, or answered by gunfire: ACLED codes the whole as an Armed clash
    small_arms = re.search(r"\b(?:small arms|small-arms|machine ?guns?|gunfire|exchange[sd]? (?:of )?fire|firefights?|"
                           r"gun ?battles?|shoot-?outs?)\b", low)
    if trig[Sub.GRENADE] and not re.search(r"rocket[- ]propelled grenade|\brpg|grenade launchers?", low):
        if small_arms and _two_armed_sides(low, actors, trig[Sub.GRENADE]):
            return out(Sub.ARMED_CLASH, small_arms, 0.7)
        return out(Sub.GRENADE, trig[Sub.GRENADE], 0.85)
    if trig[Sub.SHELLING_ARTILLERY_MISSILE_ATTACK] or re.search(r"\bgrenade launchers?\b", low):
        m = trig[Sub.SHELLING_ARTILLERY_MISSILE_ATTACK] or re.search(r"\bgrenade launchers?\b", text, re.I)
        assert m is not None
        if small_arms and not _civilian_victims(low, actors):
            return out(Sub.ARMED_CLASH, small_arms, 0.7)
        # "fired rockets", "shelled": remote; "mortar" is shelling even with a "bomb" around
        return out(Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, m, 0.85)
    if trig[Sub.REMOTE_EXPLOSIVE_LANDMINE_IED]:
        m = trig[Sub.REMOTE_EXPLOSIVE_LANDMINE_IED]
        w = m.group(0).lower()
        accidental = re.search(r"\b(?:gas cylinder|cylinder|boiler|transformer|short circuit|gas leak|fireworks|"
                               r"factory|refinery|mine collapse|pipeline leak)\b", low)
        if not accidental and not (w in ("explosion", "explosions", "blast", "blasts", "exploded", "detonated")
                                   and trig[Sub.DISRUPTED_WEAPONS_USE]):
            return out(Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, m, 0.8)
    if trig[Sub.DISRUPTED_WEAPONS_USE]:
        debris = re.search(r"\b(?:debris|fragments|wreckage|shrapnel)\b", low)
        if debris and re.search(r"\b(?:killed|injur\w*|wound\w*|dead|died|damag\w*|destroy\w*|set (?:on )?fire|"
                                r"sparked a fire)\b", low[debris.end():]):
            # "debris from downed drones damaged a building, injuring four": the strike hit, though intercepted
            drone = re.search(r"\b(?:drones?|uavs?|shaheds?)\b", low)
            return out(Sub.AIR_DRONE_STRIKE if drone else Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, debris, 0.65)
        went_off = re.search(r"\b(?:exploded|blew up|went off|(?<!safely )(?<!controlled )detonated)\b", low)
        if went_off and re.search(r"\b(?:explosives?|bombs?|devices?|ieds?|mines?)\b", low) and re.search(
                r"\b(?:killed|injured|wounded|dead|died)\b", low):
            # a bomb that went off, with casualties, while it was being defused: the explosion is the event
            return out(Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, went_off, 0.7)
        if not ((trig[Sub.ATTACK] or trig[Sub.ARMED_CLASH]) and re.search(
                r"\b(?:killed|shot|stabbed|murdered|injured|wounded|clash\w*|dead)\b", low)):
            return out(Sub.DISRUPTED_WEAPONS_USE, trig[Sub.DISRUPTED_WEAPONS_USE], 0.8)
    if trig[Sub.SEXUAL_VIOLENCE]:
        return out(Sub.SEXUAL_VIOLENCE, trig[Sub.SEXUAL_VIOLENCE], 0.85)
    # abducted and also killed, wounded, beaten or tortured: ACLED codes the violence, an Attack
    if trig[Sub.ABDUCTION_FORCED_DISAPPEARANCE] and not (trig[Sub.ATTACK] and re.search(
            r"\b(?:killed|shot dead|murdered|hacked to death|beheaded|wounded|injured|beat(?:en)?(?: up)?|tortured|"
            r"shot and (?:killed|wounded|injured))\b", low)):
        return out(Sub.ABDUCTION_FORCED_DISAPPEARANCE, trig[Sub.ABDUCTION_FORCED_DISAPPEARANCE], 0.85)

    agreed = re.search(r"\b(?:agreed|agree|signed|reached|struck|brokered|concluded)\s+(?:to\s+|on\s+)?(?:a\s+|an\s+|the\s+)?"
                       r"(?:[\w-]+\s+){0,2}(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord|pact)|agreement|"
                       r"deal|accord)\b", low)
    if agreed and not re.search(r"\b(?:violat\w*|despite|breach\w*|broke|collapse\w*)\b", low):
        return out(Sub.AGREEMENT, agreed, 0.7)

    territory = trig[Sub.GOVERNMENT_REGAINS_TERRITORY] or trig[Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY]
    if territory and not re.search(r"\b(?:people|civilians|hostages|men|women|children|suspects?|migrants|persons|"
                                   r"individuals|detainees|and (?:detained|arrested))\b",
                                   low[territory.end():territory.end() + 40]):
        if trig[Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY] and re.search(r"without|no clash|no fighting|handed over|withdr",
                                                                    low):
            return out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, trig[Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY], 0.75)
        if following and re.match(r"\W*(?:no (?:clashes|fighting|resistance|exchange of fire)(?: (?:was|were) "
                                  r"(?:reported|recorded))?|there (?:was|were) no (?:clashes|fighting|resistance))\b",
                                  following, re.I):
            # "... took control of the village from Al Shabaab. No clashes were reported."
            return out(Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, territory, 0.7)
        agent = _agent(text, territory, actors)
        # state forces named by their country ("Russian forces") taking ground in another country
        foreign = (agent is not None and country is not None and len(agent.text.split()) > 1
                   and demonym_country(agent.text.split()[0]) not in (None, country))
        if agent is not None and agent.kind in ("state_military", "state_police") and not foreign:
            return out(Sub.GOVERNMENT_REGAINS_TERRITORY, territory, 0.7)
        if agent is not None and (agent.kind in ("named", "unidentified") and agent.inter in (2, 3, 4) or foreign):
            return out(Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, territory, 0.7)
        return out(Sub.GOVERNMENT_REGAINS_TERRITORY if trig[Sub.GOVERNMENT_REGAINS_TERRITORY] else
                   Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, territory, 0.7)

    clash = trig[Sub.ARMED_CLASH]
    attack = trig[Sub.ATTACK]
    crowd_clash = _POLICE_CLASH_CROWD.search(text)
    if clash and crowd_clash:
        return out(Sub.VIOLENT_DEMONSTRATION, crowd_clash, 0.65)  # "police clashed with youths": a riot (ACLED)
    if attack and trig[Sub.ARRESTS] and re.fullmatch(r"raid(?:s|ed)?", attack.group(0), re.I) and not re.search(
            r"\b(?:killed|shot|injured|wounded|dead|died|clash\w*|exchange of fire|gunfight)\b", low):
        attack = None  # "police conducted raids and arrested 112 people": the arrests are the event
    if clash or attack:
        m = clash or attack
        sides_armed = _two_armed_sides(low, actors, m)
        armed_victim = _armed_victim(text, m, actors) or bool(attack and _armed_victim(text, attack, actors))
        if armed_victim:
            return out(Sub.ARMED_CLASH, m, 0.7)
        if clash and (sides_armed or not _civilian_victims(low, actors)):
            generic = m.group(0).lower() in ("fighting", "fight", "fights", "battle", "battles", "engaged",
                                             "offensive", "combat", "hostilities", "confrontation",
                                             "confrontations", "encounter", "encounters")
            if not generic or sides_armed or kinds & _ARMED_KINDS:
                return out(Sub.ARMED_CLASH, m, 0.8)
        if attack:
            w = attack.group(0).lower()
            weak = w in ("injured", "injuring", "wounded", "wounding", "hurt", "died", "dead", "death", "deaths",
                         "harassed", "harassment", "abused", "intimidated", "intimidation", "threatened with",
                         "extortion", "raid", "raids", "raided", "attack", "attacks")
            if sides_armed and not _civilian_victims(low, actors):
                return out(Sub.ARMED_CLASH, attack, 0.7)
            if not weak or kinds & _ARMED_KINDS or re.search(r"\b(?:killed|shot|stabbed|murdered)\b", low):
                if not (trig[Sub.LOOTING_PROPERTY_DESTRUCTION] and w in ("raid", "raids", "raided", "attack",
                                                                       "attacks", "attacked")
                        and not _civilian_victims(low, actors)):
                    return out(Sub.ATTACK, attack, 0.7)

    if trig[Sub.ARRESTS] and not is_quoted(text, trig[Sub.ARRESTS].start()):
        agent = _agent(text, trig[Sub.ARRESTS], actors)
        if agent is not None and agent.kind in ("named", "unidentified") and agent.inter in (2, 3, 4):
            return out(Sub.ABDUCTION_FORCED_DISAPPEARANCE, trig[Sub.ARRESTS], 0.6)  # 'detained' by an armed group
    for sub in (Sub.ABDUCTION_FORCED_DISAPPEARANCE, Sub.LOOTING_PROPERTY_DESTRUCTION, Sub.ARRESTS,
                Sub.HEADQUARTERS_OR_BASE_ESTABLISHED, Sub.AGREEMENT,
                Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, Sub.CHANGE_TO_GROUP_ACTIVITY, Sub.OTHER):
        if sub == Sub.LOOTING_PROPERTY_DESTRUCTION and trig[sub] and trig[Sub.ARRESTS] and \
                trig[Sub.ARRESTS].start() < trig[sub].start() and not is_quoted(text, trig[Sub.ARRESTS].start()):
            continue  # "forces arrested 14 people in a raid, adding that bulldozers damaged roads": the arrests
        if sub == Sub.CHANGE_TO_GROUP_ACTIVITY and trig[sub] and re.search(
                r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?$", text[:trig[sub].start()], re.I):
            continue  # "a police mission has been deployed since June": a standing presence, no movement
        if trig[sub] and not is_quoted(text, trig[sub].start()):
            if sub == Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY and _withdrawal_only(low, trig[sub]):
                # forces pulling out with no one named taking over: a movement of forces, not a transfer
                return out(Sub.CHANGE_TO_GROUP_ACTIVITY, trig[sub], 0.55)
            return out(sub, trig[sub], 0.6)
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
_SERIOUS_INJURY = re.compile(
    r"\b(?:dozens|scores|hundreds|\d{2,})\s+(?:of\s+)?(?:people|protesters|demonstrators|marchers|students|"
    r"participants)\s+(?:were\s+|was\s+)?(?:\w+\s+)?(?:injured|wounded|hurt|hospitali[sz]ed)\b|"
    r"\b(?:seriously|severely|critically|gravely)\s+(?:injur\w+|wound\w+|hurt)\b|"
    r"\b(?:injur\w+|wound\w+)\s+(?:dozens|scores|hundreds|\d{2,})\s+(?:of\s+)?(?:people|protesters|demonstrators)\b",
    re.I)
_INTERVENTION = re.compile(
    r"\b(?:tear ?-?gas|teargas|water ?cannons?|rubber bullets|pepper spray|stun grenades?|batons?|"
    r"baton[- ]charg\w*|lathi[- ]?charg\w*|lathicharg\w*|dispers(?:ed|e|ing|al)|broke up|cracked down on|clamped down|"
    r"forcibly (?:removed|evicted)|manhandled|pushed back|cordoned off|intervened|charged at|"
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
    r"(?:beaten|clubbed|kicked|whipped|flogged|bludgeoned)\b", re.I)
_ARREST_OF_PROTESTERS = re.compile(
    r"\b" + _PROTESTERS + r"\s+" + _GAP + r"{0,3}?(?:were|was|had been|have been|got)\s+(?:\w+\s+)?(?:arrested|"
    r"detained|taken into custody|rounded up|picked up|taken away)\b|"
    r"\b" + _FORCES + r"[\s,]+" + _GAP + r"{0,3}?(?:arrested|detained|rounded up|took (?:\w+ ){0,3}into custody)\b|"
    r"\b(?:arrested|detained|rounded up)\s+(?:\w+\s+){0,3}?(?:protesters|demonstrators|participants|marchers|"
    r"strikers|of them)\b|\barrests were made\b", re.I)


def protest_force(text: str) -> tuple[str, re.Match[str]] | None:
    """Force used on a demonstration: lethal (Excessive force) or short of it (Protest with intervention).

    The force must fall on the demonstrators; the grievance they march over ("demanding the release of
    detained activists", "against the killing of a man by police") is not force used on them.
    """
    m = _LETHAL_ON_PROTEST.search(text)
    if m and re.search(r"\b" + _FORCES + r"\b", text, re.I):
        return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
    m = _BODILY_FORCE.search(text)
    if m and re.search(r"\b" + _FORCES + r"\b", text, re.I) and not _grievance(text, m.start()):
        # demonstrators beaten, clubbed or whipped: violence that can cause serious injuries
        return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
    for m in (_INTERVENTION.search(text), _ARREST_OF_PROTESTERS.search(text)):
        if m and not _grievance(text, m.start()):
            hurt = _SERIOUS_INJURY.search(text)
            if hurt and m is not None and re.search(r"\b" + _FORCES + r"\b", text, re.I) and \
                    not _grievance(text, hurt.start()):
                return Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, m
            return Sub.PROTEST_WITH_INTERVENTION, m
    return None


WITHDRAWAL = re.compile(r"withdr|pulled out|retreat|vacated|evacuated|abandoned", re.I)


def _withdrawal_only(low: str, m: re.Match[str]) -> bool:
    """A withdrawal, retreat or pull-out that hands territory to no one the sentence names."""
    if not WITHDRAWAL.match(m.group(0)):
        return False
    return not re.search(r"\b(?:hand(?:ed|s|ing)?\s+(?:\w+\s+)?(?:over|control|back)|handover|hand-over|took (?:over|control)|"
                         r"taken (?:over|control)|tak(?:e|es|ing) (?:over|control)|seized|captured|entered|moved in|"
                         r"transfer\w*|ceded|relinquish\w*|in control|control of|without (?:a fight|resistance|fighting|"
                         r"clashes))\b", low)


def _grievance(text: str, pos: int) -> bool:
    """Is a word at pos part of what demonstrators protest about ('against the looting of ...', 'denouncing
    the clashes', 'its damaged facilities') rather than what happened at the demonstration?"""
    if re.match(r"violent\s+(?:crimes?|deaths?|attacks?|incidents?|extremis\w+|crackdown)", text[pos:], re.I):
        return True  # "victims of violent crimes": what they protest about
    return bool(re.search(r"\b(?:against|over|about|protesting|condemn\w*|denounc\w*|demand\w*|release of|regarding|"
                          r"following|after)\s+(?:the\s+)?(?:\w+\s+){0,2}$|\b(?:its|their|the|his|her)\s+$|"
                          r"\b(?:which|that)\s+(?:has|have|had)\s+been\s+(?:\w+\s+)?$",
                          text[max(0, pos - 40):pos], re.I))


def _without_backdrop(low: str) -> str:
    """A sentence less its background clauses ('..., after a series of explosions killed 215 people')."""
    low = re.sub(r"\b(?:after|following|in the wake of|amid)\b[^,;]*", " ", low)
    # "retrieved the bodies of fighters killed in X": deaths told of the bodies, not of this sentence's event
    return re.sub(r"\b(?:bodies|remains|corpses) of\b[^,;.]{0,80}?\b(?:killed|dead|who died)\b", " ", low)


def _backdrop(text: str, m: re.Match[str]) -> bool:
    """Is a trigger named as background: after 'following', 'amid', 'despite', or dated by a year?"""
    before = text[max(0, m.start() - 45):m.start()]
    cause = re.search(r"\b(?:following|amid|despite|in the wake of|after)\s+(?:[\w'’-]+\s+){0,4}$", before, re.I)
    if cause and re.search(r"\b(?:killed|died|dead|injured|wounded|hurt|lost their lives)\b",
                           text[:m.start() - len(before) + cause.start()], re.I):
        return False  # "twelve people were killed after suicide bombers struck": the cause is the event
    # a force's mandate or a purpose ("the coalition tasked with fighting", "mobilising for attacking",
    # "to foil any possible attack") is no event
    purpose = re.search(r"\b(?:tasked with|charged with|in charge of|responsible for|mandated? (?:to|with)|dedicated to|"
                        r"formed to|set up to|aim(?:ed)? (?:at|of)|(?:foil\w*|thwart\w*|prevent\w*|repel\w*) (?:any )?"
                        r"(?:possible |potential |future )?|mobili[sz]\w* (?:[\w'’-]+\s+){0,3}for|possible|potential|"
                        r"imminent)\s+$", before, re.I)
    return bool(cause or purpose or re.search(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}$", before))


def _agent(text: str, m: re.Match[str], actors: list[ActorMention]) -> ActorMention | None:
    """Who did what a trigger reports: the armed actor after 'by', else the last one before it."""
    armed = [a for a in actors if a.kind in _ARMED_KINDS and not re.match(
        r"\s*(?:spokes\w*|officials?|sources?|statement|said|says|told|claimed|reported)\b", text[a.end:])]
    by = re.match(r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?", text[m.end():m.end() + 60])
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
    armed = [a for a in actors if a.kind in _ARMED_KINDS]
    m = _MOB_SUBJECT.search(text)
    if m and not _NOT_SUBJECT.search(m.group("gap")) and not any(a.start < m.end() for a in armed) \
            and not re.search(r"\b(?:armed|gunmen|kill\w*|attack\w*|shot)\b", text[:m.start()], re.I):
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
    obj = " ".join(re.split(r"[.;:]|\b(?:while|as|when|who|after|before|in|at|near|during|under)\b", after)[0].split()[:8])
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


def _two_armed_sides(low: str, actors: list[ActorMention], m: re.Match[str]) -> bool:
    armed = [a for a in actors if a.kind in _ARMED_KINDS]
    names = {a.name for a in armed}
    if len(names) >= 2:
        return True
    after = low[m.end():m.end() + 80]
    before = low[max(0, m.start() - 80):m.start()]
    target = re.search(r"\b(?:soldiers?|troops|army|military|police\w*|officers?|security forces|personnel|"
                       r"(?<!security )(?<!private )guards?|gendarmes|militants?|rebels?|insurgents?|fighters|militiam[ae]n|jihadists?|"
                       r"terrorists?|gunmen|bandits|checkpoints?|bases?|outposts?|barracks|convoys?|patrols?|"
                       r"posts?|positions?|jawans?|cadres|forces|commanders?|combatants|peacekeepers|vigilantes)\b",
                       after)
    target_before = re.search(r"\b(?:soldiers?|troops|policem[ae]n|police officers?|officers|personnel|militants|"
                              r"rebels|insurgents|fighters|jawans|gunmen|members of the security forces)\b\s+"
                              r"(?:\w+\s+){0,3}(?:were|was|have been|had been)\b", before)
    return bool(armed) and bool(target or target_before) or len(armed) >= 1 and bool(
        re.search(r"\bbetween\b", low))
