"""Actors: the dictionary of named ACLED actors (data/actors.json) plus generic kinds.

Named actors and their aliases come from the data file (user-extendable). Generic mentions are
normalised ACLED-style: unnamed gunmen -> "Unidentified Armed Group (COUNTRY)", soldiers ->
"Military Forces of COUNTRY (...)", police -> "Police Forces of COUNTRY (...)", protesters ->
"Protesters (COUNTRY)", a mob -> "Rioters (COUNTRY)", victims -> "Civilians (COUNTRY)".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..knowledge import AliasMatcher, FoldedPattern, actors_data, countries
from ..model import ActorMention

# the kinds of actor that are armed, organised sides: state forces, named armed groups, unidentified gunmen
ARMED_KINDS = frozenset({"state_military", "state_police", "named", "unidentified"})

KIND_INTER = {"state": 1, "rebel": 2, "political_militia": 3, "identity_militia": 4, "rioters": 5,
              "protesters": 6, "civilians": 7, "external": 8}


@dataclass(frozen=True)
class _Named:
    name: str
    inter: int
    countries: tuple[str, ...]
    party: bool = False  # a party, wing, union or community: its members riot or protest, they are no armed side
    local: tuple[str, int] | None = None  # (name, inter) of its local units ("Taze PDF": People's Defense Force - Taze)
    # a group that became a state's forces on a day ("since"): before it, its name and inter as a group
    since: dt.date | None = None
    before: tuple[str, int] | None = None


@dataclass(frozen=True)
class ActorIndex:
    named_ci: AliasMatcher | None
    named_cs: re.Pattern[str] | None
    by_alias: dict[str, _Named]
    state: dict[str, dict[str, str]]


@cache
def actor_index() -> ActorIndex:
    data = actors_data()
    by_alias: dict[str, _Named] = {}
    ci: list[str] = []
    cs: list[str] = []
    for a in data.get("actors", []):
        lu = a.get("local_units")
        was = a.get("before")
        named = _Named(a["name"], int(a["inter"]), tuple(a.get("countries", [])), a.get("kind") == "party",
                       (lu["name"], int(lu["inter"])) if lu else None,
                       dt.date.fromisoformat(a["since"]) if a.get("since") else None,
                       (was["name"], int(was["inter"])) if was else None)
        for alias in [a["name"], *a.get("aliases", [])]:
            alias = alias.strip()
            if len(alias) < 2:
                continue
            if re.fullmatch(r"[A-Z0-9\-]{2,5}", alias) or len(alias) <= 3:
                key = alias
                if key not in by_alias:
                    cs.append(alias)
            else:
                key = alias.lower()
                if key not in by_alias:
                    ci.append(alias)
            by_alias.setdefault(key, named)
    ci.sort(key=len, reverse=True)
    cs.sort(key=len, reverse=True)
    mk = lambda names, flags: (  # noqa: E731
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", flags)
                               if names else None)
    return ActorIndex(AliasMatcher.build(ci) if ci else None, mk(cs, 0), by_alias, data.get("state_forces", {}))


_MIL = (r"(?:(?:security|armed|government|regime|pro-government|state|defen[cs]e|military|army|junta|coalition|"
        r"allied|federal|national|special|elite)\s+)*(?:soldiers?|troops?|army|military|forces|marines|navy|"
        r"air force|warplanes?|fighter jets|jets|gendarmes?|gendarmerie|paratroopers|commandos|junta|servicem[ae]n|"
        r"national guard|border guards?|coast ?guards?|military personnel|army personnel|security personnel|"
        r"armed forces|militaries|tanks|artillery|helicopters?|drones?|navy personnel|sailors|jawans|gunboats?|"
        r"warships?|"
        r"(?:Rapid Action|Border) (?:Battalion|Force)|Rangers|Frontier Corps|paramilitar(?:y|ies)(?: forces)?)")
_POL = (r"(?:(?:riot|traffic|federal|state|local|district|provincial|municipal|military|anti-riot|special|"
        r"counter-terrorism|anti-terrorism|anti-narcotics|armed|national|civil|border|federal|judicial)\s+)*"
        r"(?:police(?:men|women|man| officers?| personnel| forces?| force| units?| teams?)?|cops|constables?|"
        r"law enforcement(?: officers| agencies)?|security agents|intelligence agents|counter-terrorism department|"
        r"CTD|detectives|investigators|anti-narcotics force|carabineros|gendarmes)")
_UNIDENT = (r"(?:(?:unidentified|unknown|suspected|masked|hooded|armed|heavily armed|alleged|presumed)\s+)*"
            r"(?:gunm[ae]n|armed (?:men|group|individuals|persons|assailants|attackers|bandits|militants|youths)|"
            r"assailants?|attackers?|militants?|insurgents?|terrorists?|jihadists?|extremists?|bandits?|hitm[ae]n|"
            r"gangsters?|gang members?|gangs?|criminals|criminal(?!\s+[a-z])|kidnappers?|abductors?|perpetrators?|"
            r"assassins?|"
            r"shooters?|raiders?|rebels?|militiam[ae]n|militias?|fighters|armed group|"
            r"unidentified (?:men|persons|individuals|people|group)|unknown (?:men|persons|individuals|people|group))")
# armed men of a tribe, clan or ethnic group: ACLED's identity (communal) militias, interaction code 4
_COMMUNAL = (r"(?:tribesm[ae]n|clansm[ae]n|(?:armed\s+)?(?:tribal|clan|ethnic|communal)\s+(?:militiam[ae]n|militias?|"
             r"fighters|gunm[ae]n|elders'? militias?)|cattle raiders?|herders'? militias?)")
_PROT = (r"(?:protesters?|protestors?|demonstrators?|marchers|agitators|agitating \w+|striking \w+|"
         r"activists?|supporters|workers|students|farmers|teachers|doctors|nurses|traders|residents|villagers|"
         r"people|locals|members|employees|women|youths?|relatives|families|party workers|cadres|unionists|"
         r"health workers|lawyers|journalists|drivers|retirees|pensioners|citizens|inhabitants|"
         r"transporters|vendors|miners|parents|opposition supporters)")
_RIOT = (r"(?:rioters?|mobs?|angry crowds?|crowds?|vigilantes?|irate \w+|angry \w+|enraged \w+|"
         r"group of (?:people|villagers|residents|youths|men))")

_MIL_RX = FoldedPattern(r"(?<![\w-])(?P<n>" + _MIL + r")\b")
_POL_RX = FoldedPattern(r"(?<![\w-])(?P<n>" + _POL + r")\b")
# the one or two words before a force's name, where a demonym stands ("Nigerian troops")
_BEFORE = re.compile(r"(?P<dem>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*)?)\s+$")
_COMM_RX = FoldedPattern(r"(?<![\w-])(?P<n>" + _COMMUNAL + r")\b")
_GROUP_MILITIA_RX = re.compile(r"(?<![\w-])(?P<w>[A-Z][a-z][\w-]+)\s+(?:ethnic\s+|communal\s+|tribal\s+)?"
                               r"(?:militias?|militiam[ae]n|pastoralists|herdsmen|herders|vigilantes)\b")
_UNID_RX = FoldedPattern(r"(?P<n>" + _UNIDENT + r")\b")
_PROT_RX = FoldedPattern(r"(?P<n>" + _PROT + r")\b")
_RIOT_RX = FoldedPattern(r"(?P<n>" + _RIOT + r")\b")


# rebels of a party or a parliament ("backbench rebels", "Tory rebels", "rebel MPs"): no armed group
_POLITICAL_BEFORE = re.compile(r"\b(?:backbench(?:ers?)?|back-bench|parliamentary|party|cabinet|commons|senate|"
                               r"congressional|tory|labour|conservative|liberal|republican|democrat(?:ic)?|"
                               r"shareholder|boardroom)\s+$", re.I)
_POLITICAL_AFTER = re.compile(r"\s+(?:mps|members of parliament|lawmakers|legislators|senators|councillors|"
                              r"deputies|peers|backbenchers|shareholders|delegates)\b", re.I)


def _political_rebels(text: str, m: re.Match[str]) -> bool:
    if not re.fullmatch(r"rebels?", m.group(0), re.I):
        return False
    return bool(_POLITICAL_BEFORE.search(text, 0, m.start()) or _POLITICAL_AFTER.match(text, m.end()))


_OF_NAMED = re.compile(r"\s+(?:of|from|belonging to|loyal to|affiliated with|linked to|allied to)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,2}", re.I)


_NOT_A_TOWN = {"The", "A", "An", "And", "Of", "By", "With", "From", "Local", "Joint", "Combined", "Allied", "Several",
               "Two", "Three", "Some", "Other", "Anti", "Pro", "Armed", "New", "Unidentified", "Members", "Forces",
               "Myanmar", "Burmese", "Burma", "National", "Army", "Military", "Police"}


def _local_unit(text: str, start: int, end: int) -> str | None:
    """The town of a local unit named before or after a group's name ('Taze PDF', 'PDF - Taze', 'PDF (Taze)');
    '' for 'a local PDF'; None when the mention is the group as a whole."""
    after = re.match(r"\s*(?:-|–)\s*(?P<t>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|\s*\((?P<p>[A-Z][\w-]+)\)", text[end:])
    if after and not (after.group("p") or "").isupper():
        return after.group("t") or after.group("p")
    before = re.search(r"(?:\b(?P<l>local|township|village)\s+|(?P<t>\b[A-Z][\w-]+)\s+)$", text[:start])
    if before and before.group("l"):
        return ""
    town = before.group("t") if before else None
    if town and town not in _NOT_A_TOWN and not _demonym_country(town):
        return before.group("t")
    return None


def _non_state_force(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(inter, start) where a force the state-force pattern matched is none: "local defense forces",
    "village defence forces" (a local militia, 3); "NAF rebel forces", "opposition forces" (rebels 2, others
    3, the qualifier included in the mention)."""
    if re.search(r"\b(?:local|village|community|self|people's|popular|home|civil|citizens'?|ethnic|"
                 r"resistance)[\s-]+(?:\w+\s+)?$", text[max(0, m.start() - 25):m.start()], re.I) and \
            re.match(r"(?:defen[cs]e|protection|security)\s+forces?", m.group("n"), re.I):
        return 3, m.start()
    rebel = re.search(r"\b(?P<q>rebel|insurgent|separatist|guerrilla|opposition|militant|jihadist|"
                      r"anti-government|anti-junta|anti-coup)\s+$", text[max(0, m.start() - 20):m.start()], re.I)
    if rebel and re.fullmatch(r"forces|troops|fighters|units", m.group("n"), re.I):
        inter = 2 if rebel.group("q").lower() in ("rebel", "insurgent", "separatist", "guerrilla") else 3
        return inter, max(0, m.start() - 20) + rebel.start("q")
    return None


_FUNCTION_WORDS = frozenset({"with", "and", "or", "by", "of", "in", "the", "from", "to", "on", "at", "as", "for",
                             "that", "which", "who", "after", "before", "against", "into", "near", "using", "while"})


def _demonym_country(dem: str | None) -> str | None:
    if not dem:
        return None
    db = countries()
    dem = dem.strip()
    words = dem.split()
    # "South Korean", "Nigerian": the word right before, or the pair; a first word only before a modifier, never
    # across a function word ("in northern Iraq with drones": the drones are nobody's named here)
    cands = (dem, words[-1]) if words[-1].lower() in _FUNCTION_WORDS else (dem, words[-1], words[0])
    for cand in cands:
        c = db.lookup.get(cand.lower())
        if c:
            return c.name
    return None


def demonym_country(word: str) -> str | None:
    """The country a demonym or country name names: 'Russian' -> 'Russia'."""
    return _demonym_country(re.sub(r"['’]s$", "", word))


def state_name(country: str | None, branch: str) -> str:
    """ACLED's name of a country's state forces: branch is military, police or government."""
    if not country:
        return {"military": "Military Forces", "police": "Police Forces", "government": "Government"}[branch] + \
            " (unknown country)"
    entry = actor_index().state.get(country, {})
    if branch in entry:
        return entry[branch]
    pre = {"military": "Military Forces of", "police": "Police Forces of", "government": "Government of"}[branch]
    the = "the " if country.startswith(("United", "Democratic", "Central African", "Philippines", "Netherlands",
                                        "Republic", "Gambia", "Bahamas", "Czech", "Dominican")) else ""
    return f"{pre} {the}{country}"


_MINOR_WORDS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "&"}


def _defined_for_another_name(text: str, start: int, end: int, dictionary_name: str) -> bool:
    """"Columbia Management Advisors (CAM)": an acronym the text defines for the name before it is that name's,
    not the dictionary's group of the same letters (CAM: Arauco-Malleco Coordinator)."""
    acronym = text[start:end]
    if not (acronym.isupper() and 2 <= len(acronym) <= 6 and text[max(0, start - 1):start] == "("
            and text[end:end + 1] == ")"):
        return False
    # the run of capitalised words right before the bracket ("Columbia Management Advisors"), minor words allowed
    run: list[str] = []
    for w in reversed(re.findall(r"[\w'’-]+", text[max(0, start - 120):start - 1])):
        if w.lower() in _MINOR_WORDS and run:
            continue
        if not w[:1].isupper():
            break
        run.insert(0, w)
    if len(run) < 2 or run[0][0].upper() != acronym[0] or not set(acronym.upper()) <= {w[0].upper() for w in run}:
        return False
    return not all(w.lower() in dictionary_name.lower() for w in run)


def find_actors(text: str, country: str | None, on: dt.date | None = None) -> list[ActorMention]:
    """Every actor mention in a sentence, most specific first where spans overlap. ``on``: the day the text
    tells of (its publication), for groups that became a state's forces ("since" in actors.json): before that
    day the Taliban are an armed group, not the Military Forces of Afghanistan."""
    idx = actor_index()
    found: list[ActorMention] = []
    for rx in (idx.named_ci, idx.named_cs):
        if rx is None:
            continue
        for m in rx.finditer(text):
            key = m.group(0) if rx is idx.named_cs else m.group(0).lower()
            named = idx.by_alias.get(key)
            if named is None or _defined_for_another_name(text, m.start(), m.end(), named.name):
                continue
            c = country if (country in named.countries or not named.countries) else named.countries[0]
            if named.since is not None and named.before is not None and on is not None and on < named.since:
                named = _Named(named.before[0], named.before[1], named.countries)
            kind = "state_military" if named.inter == 1 else "party" if named.party else "named"
            unit = _local_unit(text, m.start(), m.end()) if named.local else None
            if named.local and unit is not None:
                # a local unit ("Taze PDF", "the People's Defense Force - Myaing", "a local PDF"): ACLED names
                # it by its town and codes it as a local militia
                name = f"{named.local[0]} - {unit}" if unit else named.name
                found.append(ActorMention(name, named.local[1], kind, m.start(), m.end(), m.group(0), c))
                continue
            found.append(ActorMention(named.name, named.inter, kind, m.start(), m.end(), m.group(0), c))
    for rx, branch, kind in ((_MIL_RX, "military", "state_military"), (_POL_RX, "police", "state_police")):
        for m in rx.finditer(text):
            nonstate = _non_state_force(text, m)
            if nonstate is not None:
                inter, start = nonstate
                found.append(ActorMention(f"Unidentified Armed Group ({country or 'unknown country'})", inter,
                                          "unidentified", start, m.end(), text[start:m.end()], country))
                continue
            b = _BEFORE.search(text, max(0, m.start() - 60), m.start())
            dem_c = _demonym_country(b.group("dem")) if b else None
            start = b.start() if dem_c else m.start("n")
            c = dem_c or country
            found.append(ActorMention(state_name(c, branch), 1, kind, start, m.end(), text[start:m.end()], c))
    for m in _COMM_RX.finditer(text):
        found.append(ActorMention(f"Communal Militia ({country or 'unknown country'})", 4, "unidentified",
                                  m.start(), m.end(), m.group(0), country))
    for m in _GROUP_MILITIA_RX.finditer(text):
        # "a Zamfara militia", "Karamajong pastoralists": a militia named after its people or home area is, for
        # ACLED, a communal militia (inter 4); a demonym ("Iraqi militias") names no community
        if m.group("w") in _NOT_A_TOWN or _demonym_country(m.group("w")) or m.start() == 0:
            continue
        found.append(ActorMention(f"{m.group('w')} Communal Militia ({country or 'unknown country'})", 4,
                                  "unidentified", m.start(), m.end(), m.group(0), country))
    for m in _UNID_RX.finditer(text):
        if _political_rebels(text, m):
            continue
        found.append(ActorMention(f"Unidentified Armed Group ({country or 'unknown country'})", 3, "unidentified",
                                  m.start(), m.end(), m.group(0), country))
    for m in _RIOT_RX.finditer(text):
        found.append(ActorMention(f"Rioters ({country or 'unknown country'})", 5, "rioters", m.start(), m.end(),
                                  m.group(0), country))
    for m in _PROT_RX.finditer(text):
        found.append(ActorMention(f"Protesters ({country or 'unknown country'})", 6, "protesters", m.start(),
                                  m.end(), m.group(0), country))
    # keep the first-found (named, then state, ...) of overlapping spans
    out: list[ActorMention] = []
    for a in found:
        if any(a.start < b.end and b.start < a.end for b in out):
            continue
        out.append(a)
    # "fighters of the paramilitary Rapid Support Forces", "gunmen loyal to X": the named group acts
    named = [b for b in out if b.kind in ("named", "party")]
    out = [a for a in out if not (a.kind in ("unidentified", "protesters", "rioters") and any(
        _OF_NAMED.fullmatch(text[a.end:b.start]) for b in named if b.start >= a.end))]
    out.sort(key=lambda a: a.start)
    return out


def civilians(country: str | None) -> str:
    return f"Civilians ({country or 'unknown country'})"
