"""Toponym finding and resolution: names in text -> places with admin areas and ACLED geo_precision.

Toponyms come from the patterns news uses to state places ("in X", "near X", "the village of X",
"X district", "(X, Y)") and from spaCy's NER (GPE, LOC, FAC) where a parsed Doc is at hand. Each
candidate is resolved against the gazetteer using the article's country, the admin hierarchy the text
states ("Daquq, south of Kirkuk", "(Mansehra, KPK)", "Salahaddin province"), the kind of place,
population, and distance to the other places of the article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, cached_property

from ..knowledge import countries, country_cues
from ..model import ActorMention
from .gazetteer import Gazetteer, GazPlace, admin_norm, distance_km, norm, skeleton

_CAP = r"[A-Z](?:[\w\-]|['’](?![sS]\b))*(?:\.[A-Z])?"
# name particles between capitalised words ("Ras al Ain", "Rio de Janeiro", "Stratford upon Avon")
_PARTICLE = (r"(?:al|el|ad|ar|as|az|ez|es|ed|ash|ul|de|du|da|do|dos|das|del|di|la|le|los|las|bin|ibn|of|upon|on|sur|en|"
             r"an|am|imeni|e)")
_NAME = r"(?:(?:St|Ste|Mt|Ft)\.\s*)?" + _CAP + r"(?:(?:\s+|-)(?:" + _PARTICLE + r"(?:\s+|-)){0,2}" + _CAP + r"){0,4}"
_ADMIN_KW = (r"(?:province|governorate|district|state|region|county|department|prefecture|municipality|"
             r"oblast|territory|township|division|zone|tehsil|taluka?|mandal|area|sub-?district|upazila|commune|LGA|"
             r"local government area|"
             r"local government|wilaya|woreda|raion|city|town|village|neighbou?rhood|camp|settlement|hamlet|locality|"
             r"sub-county|parish|ward|corregimiento|vereda|barangay|countryside|badia|desert)")
_AREA_KW = re.compile(r"^(?:province|governorate|state|region|oblast|department|prefecture|division|wilaya|"
                      r"territory|county|district|zone|commune|municipality|township|tehsil|taluka?|mandal|LGA|woreda|raion|"
                      r"sub-county|upazila|local government(?: area)?)$", re.I)
PLACE_RX = re.compile(
    r"(?P<prep>\b(?:[Cc]oded\s+(?:to|as|at)|in|near|at|outside|from|of|around|into|on|to|between|across|toward|towards|inside|within|"
    r"nearby|off|and|over|through|throughout|outskirts of|(?:In|Near|At|Outside|Around|Inside|From)(?=\s+[A-Z]))\s+)?"
    r"(?:the\s+)?(?:(?:central|downtown|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|rural|greater|inner|old|suburban|coastal)\s+)?"
    r"(?:(?:(?:provincial|regional|state|district|county|national|commercial|economic)\s+)?capital,?\s+(?=[A-Z]))?"
    r"(?:(?P<kw1>" + _ADMIN_KW + r")\s+of\s+)?"
    r"(?P<name>" + _NAME + r")"
    r"(?:\s+(?P<kw2>" + _ADMIN_KW + r")\b)?"
)
_CAPITAL_OF = re.compile(r"\s*,\s*(?:the|a|an)?\s*(?:\w+\s+){0,3}?(?:capital|city|town|village|port|border town|"
                         r"stronghold|hub)\b(?:\s+of|\s+in)?", re.I)
_ACTION_VERBS = ("shelled", "attacked", "seized", "captured", "recaptured", "retook", "took", "entered", "stormed",
                 "besieged", "bombed", "raided", "overran", "struck", "hit", "targeted", "liberated", "encircled",
                 "reached", "fled", "evacuated")
# an act on a place right before a name ("shelled Goma"), read at the end of the text before it
_ACTION_ON = re.compile(r"\b(?:" + "|".join(_ACTION_VERBS) + r")\Z")
_ACTION_SPAN = max(map(len, _ACTION_VERBS)) + 2
_FACILITY = {"Park", "Square", "Street", "Road", "Avenue", "Plaza", "Bridge", "Market", "Hospital", "University",
             "School",
             "Church", "Mosque", "Temple", "Stadium", "Airport", "Station", "Mall", "Junction", "Complex", "Hall",
             "Boulevard", "Highway", "Prison", "Court", "College", "Cathedral", "Palace", "Building", "Tower", "Center",
             "Centre", "Club", "Hotel", "Company", "Corporation", "Party", "Union", "Movement", "Front", "Council",
             "Ministry", "Office", "Agency", "Commission", "Committee", "Assembly", "Army", "Brigade", "Battalion",
             "Forces", "Group", "Network", "Association", "Federation", "Institute", "Foundation", "Bank", "Embassy"}
_TAIL_KW = re.compile(r"LGA|District|Province|Governorate|Region|State|County|Township|Division|Municipality|"
                      r"Oblast|Raion|Tehsil|Taluka?|Mandal|Woreda|Upazila|Prefecture|Department|Territory|Sub-[Dd]istrict")
_FACILITY_AFTER = re.compile(r"\s+(?:avenue|street|road|square|junction|checkpoint|roundabout|market|highway|bridge|"
                             r"complex|mall|park|plaza|hospital|university|stadium|campus|prison|expressway|motorway|"
                             r"tollbooth|toll booth|boulevard|crossing|intersection|airport|air base|airbase|refinery|"
                             r"oil field|oilfield|"
                             r"power plant|dam|port|(?:oil\s+|gas\s+|power\s+|military\s+|police\s+|army\s+)?"
                             r"(?:facility|factory|depot|"
                             r"terminal|warehouse|compound|headquarters|building|offices?|plant))\b")
_WHEN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
         "April", "May", "June", "July", "August", "September", "October", "November", "December"}
_STOP = {
    "The", "A", "An", "On", "In", "At", "Police", "Army", "Military", "Government", "President", "Prime", "Minister",
    "Ministry", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "He", "She", "They", "It", "We", "I", "His", "Her", "Their", "This", "That", "These", "Those", "There",
    "However", "Meanwhile", "According", "Local", "Security", "Forces", "Officials", "Residents", "Islamic", "State",
    "Christian", "Muslim", "Kurdish", "Peshmerga", "ISIS", "Daesh", "Taliban", "Reuters", "AFP", "AP", "Xinhua",
    "BBC", "CNN", "UN", "EU", "NATO", "Red", "Cross", "Human", "Rights", "Watch", "Amnesty", "International",
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Capt", "Maj", "Sgt",
    "Rep", "Reps", "Sen", "Sens", "Gov", "Rev", "Atty",  # "and Rep. Barbara Lee": a title, not a place
    "Coalition", "National", "Federal", "Central",
    "Provincial", "District", "Regional", "Province", "Governor", "Commander", "Spokesman", "Spokesperson", "Chief",
    "Some", "Many", "Several", "Two", "Three", "One", "No", "All", "Both", "Other", "Another", "After", "Before",
    "During", "While", "When", "Since", "Following", "Earlier", "Later", "Also", "But", "And", "Or", "If", "As",
    "Unidentified", "Gunmen", "Militants", "Protesters", "Demonstrators", "Size", "Casualties", "Fatalities",
    "Around", "Coded", "Location", "Property", "Movement", "Change", "Displacement", "Defusal", "Weapons",
    "Arrests", "Strikes", "Looting", "Land", "Interception", "Elections", "Agreement", "Not",
    "Hospital", "University", "School", "Party", "Congress", "League", "Front", "Union", "Council",
    "Court", "Parliament", "Assembly", "Senate", "Committee", "Commission", "Church", "Mosque", "Temple", "Street",
    "Road", "Highway", "Bridge", "Market", "Square", "Airport", "Station", "Camp", "Base", "Village", "Town", "City",
    "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Thousands", "Scores",
    "Mayor", "Archbishop", "Bishop", "Pope", "King", "Queen", "Prince", "Sheikh", "Emir", "Director", "Leader",
    "Deputy",
    "Speaker", "Secretary", "Ambassador", "Embassy", "Consulate", "Office", "Capitol",
    # month abbreviations ("on Dec. 5") and feasts and names of God ("at Christmas", "in God")
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Christmas", "Easter", "God",
    "Jesus", "Christ", "Lord",
}


_TITLES = {"President", "Governor", "Mayor", "Minister", "Premier", "Chief", "Commissioner", "Commander", "Spokesman",
           "Spokesperson", "Deputy", "Secretary", "Chairman", "Chairperson", "MP", "Senator", "Prefect", "Police"}


@dataclass(frozen=True)
class Toponym:
    name: str
    start: int
    end: int
    prep: str = ""
    keyword: str = ""  # "village", "province", "district" ... stated in the text
    hint: str = ""  # a containing area stated beside it ("(Mansehra, KPK)", "X, south of Y")
    hints: tuple[str, ...] = ()  # every containing area stated, innermost first ("(Walungu, Sud-Kivu)")


@dataclass(frozen=True)
class Resolved:
    toponym: Toponym
    place: GazPlace | None
    kind: str  # city / admin1 / country / unknown
    geo_precision: int


_DIRS = (r"(?:(?:the\s+)?(?:provincial\s+|state\s+|regional\s+|district\s+)?(?:capital|seat|headquarters)\s+of\s+|"
         r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
         r"south-west)(?:ern)?\s+(?:of\s+)?|(?:outskirts|countryside|vicinity|suburbs?)\s+of\s+|near\s+)?")
_PAREN = re.compile(r"\s*(?:" + _ADMIN_KW + r"\b)?\s*\(([^()\n]{2,120})\)")
_CHAIN = re.compile(r"\s*(?:" + _ADMIN_KW + r"\b)?\s*,\s*(?:in\s+)?" + _DIRS + r"(?:the\s+)?(" + _NAME
                    + r")(?:\s+(?:" + _ADMIN_KW + r")\b)?")
# "... in|of <Name>" ending at a larger area's keyword, punctuation or the end: the area a stated area lies in
_IN_AREA_TAIL = (r"\s+(?:in|of)\s+(?:the\s+)?(?:(?:countryside|outskirts|vicinity|suburbs)\s+of\s+)?(" + _NAME
                 + r")(?=\s+(?!(?:area|village|hamlet|neighbou?rhood|camp|"
                 r"locality|settlement)\b)(?:" + _ADMIN_KW + r")\b|\s*[,.;(]|\s*$|\s+(?:in|of)\s+(?:the\s+)?[A-Z]|"
                                                             r"\s+-\s+[A-Z])")
_IN_AREA = re.compile(r"\s*(?:" + _ADMIN_KW + r")" + _IN_AREA_TAIL)  # after an area word: "district of Duhok"
_IN_AREA_BARE = re.compile(r"\s*(?:" + _ADMIN_KW + r")?" + _IN_AREA_TAIL)  # after a remark: "(Kurdish name) in Y"
_PART_KW = re.compile(r"\b(?:" + _ADMIN_KW + r"|regency|independent administration|countryside|badia|city)\b\.?", re.I)


def containing_areas(rest: str, after_area: bool = False) -> list[str]:
    """The areas stated right after a place name, innermost first: '(Walungu, Sud-Kivu)' -> [Walungu,
    Sud-Kivu]; ' district, Kherson' -> [Kherson]; ', south of Kirkuk' -> [Kirkuk]."""
    m = _PAREN.match(rest)
    if m and re.fullmatch(r"\s*(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|upper|lower|"
                          r"central|old|new)\s*", m.group(1), re.I):
        # "Hirske (east), Luhansk": the part of the place, then the areas it lies in
        return containing_areas(rest[m.end():], after_area)
    if m and re.fullmatch(r"\s*(?:[\w-]+\s+)?(?:name|spelling|transliteration)s?\s*", m.group(1), re.I):
        # "Suke area (Kurdish name) in Avasin region": a remark on the name; the areas follow it
        return containing_areas(rest[m.end():], after_area=True)
    if m and not re.match(r"\s*(?:coded|approx|size|as |which|who|the )", m.group(1), re.I):
        out = []
        for part in m.group(1).split(","):
            part = re.split(r"\s+-\s+", part)[0]  # "(Seoul City - Jung)": the city
            part = _PART_KW.sub(" ", part).strip(" .;:-")
            part = re.sub(r"^(?:the|in|of)\s+", "", part).strip()
            if part.isupper() and len(part) >= 4 and " " not in part:
                continue  # "(LWMC)": the acronym of the name before it
            # "eThekwini", "uMhlathuze", "iLembe": a lower-case prefix before the capital is still a name
            if part and re.match(r"[a-z]{0,2}[A-Z]", part) and part not in _STOP and len(part) < 50:
                out.append(part)
        if out and _IN_AREA_BARE.match(rest, m.end()):
            out += containing_areas(rest[m.end():], after_area=True)  # "(Mergasur district) of Erbil"
        return out[:3]
    inner = (_IN_AREA_BARE if after_area else _IN_AREA).match(rest)
    if inner and countries().lookup.get(inner.group(1).lower()) is None:
        # "Almaly district in Almaty city", "Avasin region (Mergasur district) of Erbil": an area of a
        # larger one, named with "in" or "of" after the area word
        return [inner.group(1), *containing_areas(rest[inner.end():], after_area=True)][:3]
    out = []
    pos = 0
    while len(out) < 3:
        c = _CHAIN.match(rest, pos)
        if not c or c.group(1) in _STOP or c.group(1).split()[0] in _STOP:
            break
        out.append(c.group(1))
        pos = c.end()
    if len(out) >= 3 or (out and re.match(r",?\s+(?:and|or)\s+[A-Z]", rest[pos:])):
        return []  # "Cuba, Georgia, Honduras and Venezuela": a list of places, not one inside another
    return out


def _kw_any(m: re.Match) -> bool:
    return bool(m.group("kw1") or m.group("kw2"))


def _demonym(name: str) -> bool:
    """Is the name a country's demonym (and not the name of a country)?"""
    c = countries().lookup.get(name.lower())
    return c is not None and name.lower() in {d.lower() for d in c.demonyms} and \
        name.lower() not in {c.name.lower(), *(a.lower() for a in c.aliases)}


@cache
def _state_abbreviations() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Abbreviated states and provinces: US states' AP style ("Tenn.", "W.Va.", "N.C.", from the ``us``
    package) and ``data/area_abbreviations.tsv`` (Canada's provinces, Australia's states): the abbreviation
    (spaces dropped) -> the area's name, and a pattern for one written after a comma ("Paris, Tenn.")."""
    from importlib import resources

    import us

    names = {s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES
             if s.ap_abbr and s.ap_abbr.endswith(".") and s.ap_abbr != s.name}
    table = resources.files("eventcoder.data").joinpath("area_abbreviations.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#"):
            names.setdefault(parts[0], parts[1])
    alts = sorted(names, key=len, reverse=True)
    rx = re.compile(r",\s*(" + "|".join(re.escape(a).replace(r"\.", r"\.\s?") for a in alts) + r")(?![\w.])")
    # one of initials with their dots ("S.C.", "B.C.", "N.J.") is the state also standing alone, except after a
    # number ("500 B.C." is a year)
    dotted = [a for a in alts if re.fullmatch(r"(?:[A-Z][a-z]?\.){2,}", a)]
    bare = re.compile(r"(?<![\w.])(?<!\d )(" + "|".join(re.escape(a) for a in dotted) + r")(?![\w.]|\s?\d)"
                      # any other before a lower-case word, as headlines use it ("Major Mich. utilities seek ...",
                      # "Mass. legislators put off ..."): no sentence goes on in lower case after a full stop
                      r"|(?<![\w.])(" + "|".join(re.escape(a) for a in alts if a.endswith(".") and a not in dotted)
                      + r")(?=\s[a-z])")
    return names, rx, bare


def _acts_on_what_follows(text: str, start: int) -> bool:
    """The text before ``start`` ends in an act on a place and a space ("shelled ", "captured "): only its last
    word is read, not the whole article before the name."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i < start and bool(_ACTION_ON.search(text, max(0, i - _ACTION_SPAN), i))


def _after_a_spaced_dash(text: str, start: int) -> bool:
    """The text before ``start`` ends in a word, spaces, a dash and spaces ("New York - "): ACLED's
    "city - neighbourhood" (the same test as ``\\w\\s+-\\s+$`` on all the text before, reading only its end)."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == start or i == 0 or text[i - 1] != "-":
        return False
    j = i - 1
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j < i - 1 and j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_")


def _abbreviated_states(text: str) -> list[tuple[str, int, int]]:
    """"Paris, Tenn.", "Charleston, W. Va.": the state's name and the abbreviation's span, dot included."""
    names, rx, bare = _state_abbreviations()
    out = []
    for m in rx.finditer(text):
        abbr = m.group(1).rstrip()
        name = names.get(abbr.replace(" ", ""))
        if name:
            out.append((name, m.start(1), m.start(1) + len(abbr)))
    for m in bare.finditer(text):
        g = 1 if m.group(1) else 2
        name = names.get(m.group(g))
        if name and not any(s <= m.start(g) < e for _, s, e in out):
            out.append((name, m.start(g), m.end(g)))
    return sorted(out, key=lambda x: x[1])


_COMMA_BEFORE_STATE = re.compile(r"(?:\s+(?:" + _TAIL_KW.pattern + r"))?\s*,\s*")
_DASH_NAME = re.compile(r"\s+-\s+" + _NAME)
_NUMBER_IN_NAME = re.compile(r"\s+(?:No\.\s*)?\d+(?:[/-]\d+)?(?=,|\s*\()")
_TOWN_IN_BRACKETS = re.compile(r"\s*,\s*[A-Z][\w'’\- ]+\)")
_BRACKET_CLOSES = re.compile(r"\s*(?:-\s+[^()]*)?[,)]")


def find_toponyms(text: str, ents: list[tuple[str, int, int]] | None = None) -> list[Toponym]:
    """Candidate place names in a sentence. ``ents`` are spaCy GPE/LOC/FAC spans, when parsed."""
    out: list[Toponym] = []
    states = _abbreviated_states(text)
    for m in PLACE_RX.finditer(text):
        if any(s <= m.start("name") < e for _, s, e in states):
            continue
        t = _pattern_toponym(m, text, ents, out)
        if t is not None:
            out.append(t)
    for name, s, e in states:
        out = [t for t in out if not s <= t.start < e]
        out.append(Toponym(name, s, e, keyword="state"))
        # the town before it lies in that state: "Paris, Tenn." is no Paris in France
        # (also a county or district named with its area word: "Jefferson County, Colo.")
        before = [t for t in out if t.end <= s and _COMMA_BEFORE_STATE.fullmatch(text, t.end, s)]
        abbr = text[s:e].replace(" ", "")
        for t in before:
            # the chain of stated areas read the abbreviation's first letters as a name ("Tenn"): the state
            rest = tuple(h for h in t.hints if not abbr.startswith(h.replace(" ", "")))
            out[out.index(t)] = Toponym(t.name, t.start, t.end, t.prep, t.keyword, name, (name, *rest))
    out += _ner_toponyms(text, [x for x in ents or [] if not any(s <= x[1] < e for _, s, e in states)], out)
    out.sort(key=lambda t: t.start)
    return out


def _pattern_toponym(m: re.Match, text: str, ents: list[tuple[str, int, int]] | None,
                     before: list[Toponym]) -> Toponym | None:
    """The toponym one match of PLACE_RX states, or None where the name is no place; ``before`` are the
    toponyms found earlier in the text."""
    words, tail_kw = _area_word_at_the_end(_trim_name(m.group("name").split()), m)
    if not words:
        return None
    name = " ".join(words)
    start = m.start("name") + m.group("name").find(words[0])
    end = start + len(name)
    if re.match(r"['’]s\s+\(", text[end:end + 4]) and end == m.end("name"):
        # "St. John's (Newfoundland and Labrador)": the 's belongs to the name, not a possessive
        name, end = name + text[end:end + 2], end + 2
    if _no_place_name(m, text, name, words, end):
        return None
    site = bool(_FACILITY_AFTER.match(text, end))  # "Abancay avenue", "Heathrow airport", "Kabul airport"
    kw = (m.group("kw1") or m.group("kw2") or tail_kw).lower()
    prep = _place_prep(m, text, end)
    if _after_a_spaced_dash(text, start) and before and re.match(r"\s+-\s+$", text[before[-1].end:start]):
        return None  # "New York - Brooklyn", "Karachi - Gulshan": ACLED's city - neighbourhood; the city counts
    rest_end = _end_of_name(text, end, tail_kw)
    if not prep and not kw and not (ents and any(s <= start < e for _, s, e in ents)) \
            and not (_PAREN.match(text[rest_end:]) and containing_areas(text[rest_end:])) \
            and not _placed_by_its_surroundings(text, start, end):
        return None
    # "the town of X in the countryside of Y": an area word before the name also opens "in Y"
    hints = containing_areas(text[rest_end:], after_area=bool(m.group("kw1")))
    if not hints and (close := re.match(r"\s*\]", text[rest_end:])):
        hints = containing_areas(text[rest_end + close.end():])  # "[location coded to Khinj], Panjshir"
    hint = hints[0] if hints else ""
    return Toponym(name, start, end, prep, "site" if site and not kw else kw, hint, tuple(hints))


def _trim_name(words: list[str]) -> list[str]:
    """The words of a capitalised run that name the place: leading stop words go ("Iraqi Kirkuk" might
    reach here); a connector before a stop word ends the name ("Basra on Friday", "Kirkuk of March"); so
    does a title ("the Kano State Governor", "the Lombardy Region President")."""
    while words and words[0].strip(".,") in _STOP:
        words = words[1:]
    for i in range(1, len(words)):
        w = words[i].strip(".,")
        if w in _STOP and (words[i - 1].islower() or w in _WHEN):
            words = words[:i - 1] if words[i - 1].islower() else words[:i]
            break
    cut = next((i for i in range(1, len(words)) if words[i].strip(".,") in _TITLES), None)
    if cut is not None:
        words = words[:cut]
    return words


def _area_word_at_the_end(words: list[str], m: re.Match) -> tuple[list[str], str]:
    """"Anka LGA", "Yinmarbin District": a capitalised area word ends the name and says what it is (where
    no area word is stated around the name)."""
    if len(words) > 1 and _TAIL_KW.fullmatch(words[-1]) and not m.group("kw1") and not m.group("kw2"):
        return words[:-1], words[-1].lower()
    return words, ""


def _no_place_name(m: re.Match, text: str, name: str, words: list[str], end: int) -> bool:
    """Names that are no place: one with a dot inside ("Ver.di", "Amazon.com"); a demonym with no area word
    ("the Kazakh people", "of Afghan refugees"); a short acronym (ISIS, CRPF are actors); a site ending in
    a facility word ("City Hall Park", "Hamilton Square")."""
    if re.match(r"\.[a-z]", text[end:end + 2]):
        return True
    if not _kw_any(m) and _demonym(name):
        return True
    if name.isupper() and len(name) <= 4 and not m.group("kw2"):
        return True
    return words[-1].strip(".,") in _FACILITY


def _place_prep(m: re.Match, text: str, end: int) -> str:
    """The place cue before the name, lower-cased; "coded to|as|at" is "coded to" (ACLED's place of the
    event), except "fatalities coded to the X event", another event's place."""
    prep = re.sub(r"^coded\s+\w+$", "coded to", (m.group("prep") or "").strip().lower())
    if prep == "coded to" and re.match(r"\s+(?:-\s+[\w\s]+)?event", text[end:]):
        prep = "to"
    return prep


def _end_of_name(text: str, end: int, tail_kw: str) -> int:
    """Where the stated containing areas may begin: after a " - Neighbourhood" part, a capitalised area
    word, and a number that is part of the name ("Pit 5/6, Kemerovo", "Camp 2, Sokoto")."""
    dash = _DASH_NAME.match(text, end)
    rest_end = dash.end() if dash else end + (len(tail_kw) + 1 if tail_kw else 0)
    num = _NUMBER_IN_NAME.match(text, rest_end)
    if num:
        rest_end = num.end()
    return rest_end


def _placed_by_its_surroundings(text: str, start: int, end: int) -> bool:
    """A capitalised name without a place cue (nor NER's word, nor stated areas) is a place only where it
    opens "X, Y)" or stands in brackets "(X)", is named a capital or town ("Goma, the capital of North
    Kivu"), or follows an act on a place ("shelled Goma")."""
    return bool(_TOWN_IN_BRACKETS.match(text, end)
                or (text[start - 1:start] == "(" and _BRACKET_CLOSES.match(text, end))
                or _CAPITAL_OF.match(text, end) or _acts_on_what_follows(text, start))


def _ner_toponyms(text: str, ents: list[tuple[str, int, int]] | None, found: list[Toponym]) -> list[Toponym]:
    """NER's places the patterns missed, bare (no cue, no stated area); not a site NER calls a place
    ("Hamilton Square")."""
    out: list[Toponym] = []
    for label_text, s, e in ents or []:
        if label_text.split()[-1] in _FACILITY or _FACILITY_AFTER.match(text[e:]):
            continue
        if not any(t.start <= s < t.end or s <= t.start < e for t in found + out):
            out.append(Toponym(label_text, s, e))
    return out


@dataclass
class GeoContext:
    """What the article says about where it is: country votes and places already resolved."""

    country_votes: Counter[str]
    anchors: list[GazPlace]
    prev: Resolved | None = None  # the toponym resolved just before, whose stated areas may follow
    seen: list[Resolved] = field(default_factory=list)  # every toponym resolved, in article order
    stated_in: Counter[str] = field(default_factory=Counter)  # countries of the provinces the text states
    # the provinces the article names as such ("in the country's Sagaing region"): its villages lie in them
    areas: set[tuple[str, str]] = field(default_factory=set)
    # the votes each name gave the country it was read in (``norm`` of the name -> votes): no evidence for
    # the name itself when it is read again ("Paris" read in France votes for France, not for its own reading)
    own_votes: dict[str, Counter[str]] = field(default_factory=dict)
    # the article's names (``norm``) -> the (country, admin1, admin2) of the towns of that name, and of the
    # counties where the name is stated as one ("Paris", "Henry County"): a town and a county the same article
    # names are read so that the town lies in the county
    town_counties: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)
    # the surnames of the people the article names in full ("Darryl Keith Warden": "Warden")
    person_names: set[str] = field(default_factory=set)
    named_counties: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)
    # country names (``norm``) the article uses as a town's attribute ("a Jordan man", "Lebanon residents"):
    # English names a country's people by its demonym ("a Jordanian man"), so the name is a town there
    town_not_country: set[str] = field(default_factory=set)
    # the votes each name of the article gave a state or province (``norm`` of the name -> (country, admin1) ->
    # weight): a state named as such, a town lying in one; filled by ``geoparse`` from its first reading
    state_votes: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    # the names (``norm``) the first reading placed as towns, counties, states or countries: a name the article
    # uses as a place is that place also inside a longer name ("the Best Western DeKalb Inn")
    placed_names: set[str] = field(default_factory=set)

    def vote(self, name: str, cc: str, weight: float) -> None:
        """A vote for a country from a name read there."""
        self.country_votes[cc] += weight
        self.own_votes.setdefault(norm(name), Counter())[cc] += weight

    def votes_besides(self, name: str) -> Counter[str]:
        """The country votes less those the name itself gave."""
        own = self.own_votes.get(norm(name))
        if not own:
            return self.country_votes
        return Counter({cc: v - own.get(cc, 0) for cc, v in self.country_votes.items() if v - own.get(cc, 0) > 1e-9})

    def top_countries(self) -> list[str]:
        return [c for c, _ in self.country_votes.most_common(3)]

    def fresh(self) -> GeoContext:
        """A copy to read the same text again: its votes, anchors, stated countries and areas, nothing
        resolved yet (what ``country_context`` gave, without computing it twice)."""
        return GeoContext(Counter(self.country_votes), list(self.anchors), stated_in=Counter(self.stated_in),
                          areas=set(self.areas), own_votes={k: Counter(v) for k, v in self.own_votes.items()},
                          person_names=set(self.person_names), town_not_country=set(self.town_not_country))


def country_context(text: str, dateline: str | None, gaz: Gazetteer, actors: Sequence[ActorMention]) -> GeoContext:
    """Vote on the article's country from country names, demonyms, the dateline and the countries of the
    named groups and parties among ``actors``."""
    actor_countries = [a.country for a in actors if a.kind in ("named", "party") and a.country]
    db = countries()
    votes: Counter[str] = Counter()
    found = db.find(text)
    town_not_country = _country_names_used_as_a_towns(text, found, gaz)
    for c, s, e in found:
        if s >= 2 and text[s - 1] == "(" and not text[s - 2].isspace():
            continue  # "CPN(US)": a party's name, not the United States
        if norm(text[s:e]) in town_not_country:
            continue  # "a Jordan man": the town of Jordan, not the country
        # "Russian forces shelled ...": a demonym names an actor's country more often than the place's
        named = norm(text[s:e]) in {norm(c.name), *(norm(a) for a in c.aliases)}
        vote = 1.0 if named else 0.5
        # "Georgia" is also a US state of millions: the name's vote is shared between the two readings
        states = {p.country_code for p, k in gaz.lookup(text[s:e]) if named and k == "admin1"
                  and p.country_code != c.alpha2 and p.population >= 1_000_000}
        for cc in states:
            votes[cc] += vote / (len(states) + 1)
        votes[c.alpha2] += vote / (len(states) + 1)
    for name in actor_countries:
        c = db.by_name.get(name)
        if c:
            votes[c.alpha2] += 1
    # "at the call of the CGT", "outside the Knesset": national unions, parties and institutions
    for cc, vote, _s, _e in country_cues().find(text):
        votes[cc] += vote
    stated_in: Counter[str] = Counter()
    areas: set[tuple[str, str]] = set()
    # stated provinces ("Shan-North state", "(Yamba, Gourma)"): an area name only one country has votes for
    # it before any town is resolved, so a town named earlier in the text is read in that country
    for t in find_toponyms(text):
        stated = list(t.hints) + ([t.name] if t.keyword in _STATE_KW else [])
        for n in stated:
            ccs = {p.country_code for p, k in gaz.lookup(n) if k == "admin1"} | {
                p.country_code for p in gaz.lookup_area2(n)}
            if len(ccs) == 1:
                cc = ccs.pop()
                votes[cc] += 0.5
                stated_in[cc] += 0.5
                if t.keyword in _STATE_KW and n == t.name:
                    areas |= {(cc, admin_norm(p.admin1)) for p, k in gaz.lookup(n) if k == "admin1"}
    anchors: list[GazPlace] = []
    if dateline:
        cands = [p for p, k in gaz.lookup(dateline) if k == "city"]
        if cands:
            best = max(cands, key=lambda p: (votes.get(p.country_code, 0), p.population))
            votes[best.country_code] += 2
            anchors.append(best)
    return GeoContext(votes, anchors, stated_in=stated_in, areas=areas, town_not_country=town_not_country)


# people and bodies of a town, named with the town's name before them ("a Palestine man", "Jordan Elementary"):
# a country's are named with its demonym ("a Jordanian man"); police and government words are left out, as a
# country's own bodies bear its name ("Kenya Police", "Israel Defense Forces")
_TOWNS_PEOPLE = re.compile(r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|resident|residents|native|couple|"
                           r"family|families|mayor|alderman|aldermen|(?:city|town|village)\s+council|elementary|"
                           r"middle\s+school|high\s+school|school\s+board|firefighters|fire\s+department)\b", re.I)


# "the city of Turkey", "the town of Jordan": a country is never called a town
_TOWN_OF = re.compile(r"\b(?:[Cc]ity|[Tt]own|[Vv]illage|[Tt]ownship|[Bb]orough)\s+of\s+$")


def _country_names_used_as_a_towns(text: str, found: list, gaz: Gazetteer) -> set[str]:
    """Country names the text uses before a townspeople's word ("a 54-year-old Palestine man", "Jordan
    Elementary School") or calls a town ("the city of Turkey"), where the gazetteer has a town of that name:
    the town is meant throughout."""
    out: set[str] = set()
    for c, s, e in found:
        name = text[s:e]
        if norm(name) not in {norm(c.name), *(norm(a) for a in c.aliases)} or not name[:1].isupper():
            continue  # a demonym ("a Jordanian man") is the country's
        if (_TOWNS_PEOPLE.match(text, e) or _TOWN_OF.search(text, max(0, s - 30), s)) and any(
                k == "city" and norm(p.name) == norm(name) for p, k in gaz.lookup(name)):
            out.add(norm(name))
    return out


_PART_OF_CITY = {"area", "neighbourhood", "neighborhood", "district", "quarter", "suburb", "ward"}
_STATE_KW = {"state", "region", "province", "governorate", "oblast", "prefecture", "department", "county",
             "division"}
_PLACE_PREPS = {"in", "near", "at", "outside", "around", "outskirts of", "nearby"}
_TOWN_KW = ("city", "town", "village", "hamlet", "settlement")
# area words of districts and the like, which a town may be named as ("Ilam municipality", "Soran district")
_LOCAL_AREA_KW = ("district", "county", "municipality", "township", "tehsil", "taluk", "taluka", "mandal", "commune",
                  "zone", "lga", "woreda", "raion", "upazila")
_NEAR_PREPS = ("near", "outside", "around", "nearby", "outskirts of")
# a place stated as one of these lies somewhere in it: ACLED's geo_precision 2
_AREA_PRECISION_KW = ("district", "county", "area", "countryside", "badia", "desert", "municipality", "township",
                      "tehsil", "taluk", "taluka", "mandal", "commune", "lga", "local government area", "woreda",
                      "upazila", "zone", "sub-district", "subdistrict", "division", "raion", "department")


def _hint_areas(hints: list[str], gaz: Gazetteer) -> tuple[set[tuple[str, str]], set[tuple[str, str]], set[str],
                                                          list[GazPlace], set[str], set[str]]:
    """What stated containing areas say: admin1 areas, admin2 names, countries, towns, the stated names, and
    the countries stated by their own name ("TBILISI, Georgia")."""
    admin1s: set[tuple[str, str]] = set()
    admin2s: set[tuple[str, str]] = set()
    ccs: set[str] = set()
    towns: list[GazPlace] = []
    keys: set[str] = set()
    named: set[str] = set()
    per_hint = []
    for h in hints:
        keys |= {admin_norm(h), norm(h)}
        # a stated district the gazetteer's towns lack may be a town countrystatecity knows ("(Dolakha
        # district)"): it tells the country and the province
        cands = _lookup(gaz, h) or [(p, "city") for p in gaz.lookup_extra(h)]
        if not any(k in ("admin1", "country") for _, k in cands):
            # a stated province or district the gazetteer knows only as a second-level area: its admin1
            cands += [(p, "admin1") for p in gaz.lookup_area2(h)]
        countries_named = {p.country_code for p, k in cands if k == "country"}
        named |= countries_named
        if countries_named:
            # "Ciudad de Mexico, Mexico": a country's name is the country, not its namesake province
            cands = [(p, k) for p, k in cands if not (k == "admin1" and p.country_code in countries_named)]
        if h.isupper() and len(h) <= 4:  # "(PD)", "(KPK)": an abbreviation counts only as an admin area
            cands = [(p, k) for p, k in cands if k == "admin1"]
        per_hint.append(cands)
    # the stated areas are one chain inside one country: where they are read in several countries, the
    # country most of them name wins ("(Barcelona, Sorsogon, Bicol Region)" is in the Philippines)
    support = Counter(cc for cands in per_hint for cc in {p.country_code for p, _ in cands})
    if len(support) > 1:
        top_n = support.most_common(1)[0][1]
        best_ccs = {cc for cc, n in support.items() if n == top_n}
        if len(best_ccs) == 1 and top_n >= 2:
            per_hint = [[(p, k) for p, k in cands if p.country_code in best_ccs] for cands in per_hint]
    for cands in per_hint:
        for p, k in cands:
            if k == "admin1":
                admin1s.add((p.country_code, admin_norm(p.admin1)))
                ccs.add(p.country_code)
            elif k == "country":
                ccs.add(p.country_code)
            else:
                towns.append(p)
                if p.admin2:
                    admin2s.add((p.country_code, admin_norm(p.admin2)))
    return admin1s, admin2s, ccs, towns, keys, named


def _stated_area(top: Toponym, gaz: Gazetteer, ctx: GeoContext, h_admin1: set[tuple[str, str]]) -> Resolved | None:
    """The innermost stated containing area the gazetteer knows, consistent with the stated province."""
    known = set(ctx.country_votes) | {r.place.country_code for r in ctx.seen if r.place is not None}
    for i, h in enumerate(top.hints):
        own = _lookup(gaz, h)
        inside = [(p, k) for p, k in own + [(a, "admin1") for a in gaz.lookup_area2(h)]
                  if k in ("city", "admin1") and (p.country_code, admin_norm(p.admin1)) in h_admin1]
        if inside:
            # a stated province stands at its capital, unless the name is also a sizeable town in it; a stated
            # district (a second-level area ISO lists: "(Kotido, Northern)") at the town of its name in it,
            # not at its province's capital
            named = {p.geonameid for p, k in own if k == "admin1"}
            p, k = max(inside, key=lambda pk: (pk[0].country_code in known,
                                               pk[1] == "city" and pk[0].population >= 50_000,
                                               pk[0].geonameid in named, pk[1] == "city", pk[0].population))
            return Resolved(top, p, k, 3 if k == "admin1" else 2)
        if not _lookup(gaz, h):
            seat = _admin2_seat(gaz, h, h_admin1)
            if seat is not None:
                return Resolved(top, seat, "city", 2)
            extra = _extra_towns(h, gaz, ctx, list(top.hints[i + 1:]))
            if extra:
                return Resolved(top, extra[0][0], "city", 2)
        sub = _resolve(Toponym(h, top.start, top.end, top.prep, "", "", tuple(top.hints[i + 1:])), gaz, ctx)
        if sub.place is None:
            continue
        if h_admin1:
            if (sub.place.country_code, admin_norm(sub.place.admin1)) in h_admin1:
                return Resolved(top, sub.place, sub.kind, 3 if sub.kind in ("admin1", "country") else 2)
        elif not ctx.country_votes or sub.place.country_code in ctx.country_votes or (
                len(top.hints) >= 2 and i == len(top.hints) - 1 and sub.kind == "city"):
            # the outermost town of a whole stated address ("(Daesan-ri, Gujeong-myeon, Gangneung)") is
            # where the place lies, whatever countries the article names in passing
            return Resolved(top, sub.place, sub.kind, 3 if sub.kind in ("admin1", "country") else 2)
    return None


def _admin2_seat(gaz: Gazetteer, name: str, h_admin1: set[tuple[str, str]]) -> GazPlace | None:
    """The main town of a stated district the gazetteer knows only as the admin2 of its towns ('Fatehgarh
    Sahib district, Punjab'): the largest, or one named like it; only inside a stated province."""
    if not h_admin1 or len(name) < 3:
        return None
    bare = re.sub(r"\s+(?:Urban|Rural|Sadar|City|Metropolitan|Metro)$", "", name)
    if bare != name:
        # "Warangal Rural district", "Cuttack Sadar": the district of a town, named after it
        towns = [p for p, k in gaz.lookup(bare) if k == "city" and (p.country_code, admin_norm(p.admin1)) in h_admin1]
        if towns:
            return max(towns, key=lambda p: p.population)
        name = bare
    towns = [p for p in gaz.places_in_admin2(name)
             if (p.country_code, admin_norm(p.admin1)) in h_admin1 and p.feature_code not in ("ADM1", "ADM2")]
    if not towns:
        return None
    return max(towns, key=lambda p: (p.population, norm(p.name) == norm(name)))


def _lookup(gaz: Gazetteer, name: str) -> list:
    cands = gaz.lookup(name)
    if not cands:
        # Korean addresses: "Hongseong-gun" (county), "Suwon-si" (city), "Bupyeong-gu" (district) are named after
        # their seat; "-ri", "-dong", "-eup", "-myeon" (villages, wards) are not looked up bare
        bare = re.sub(r"-(?:gun|si|gu)$", "", name)
        if bare != name and len(bare) > 2:
            cands = [(p, k) for p, k in gaz.lookup(bare) if k == "city"]
    if not cands:
        # "Barangay X", "X City", "Mount Sinjar", "Dadaab Refugee Camp", "Hazrati Imam Sahib": the town of that name
        bare = re.sub(r"^(?:(?:City|Town|Village|Municipality) of\s+|Barangay\s+|Kebele\s+|Mount\s+|Mt\.?\s+|"
                      r"Hazrat(?:i|-e)?\s+)|\s+(?:(?:Sub-?)?Metropolitan City|City|Town|(?:Rural )?Municipality|"
                      r"(?:Refugee|IDP|IDPs|Displacement)\s+Camp)$", "", name)
        if bare != name and len(bare) > 2:
            cands = gaz.lookup(bare)
    if not cands and " of " in name:
        # "Green Zone of Baghdad", "Old City of Jerusalem": a part of a town the gazetteer knows
        head, tail = name.rsplit(" of ", 1)
        if tail and tail[0].isupper() and re.search(r"\b(?:Zone|City|Town|Quarter|Centre|Center|Port|Souk|Outskirts)$",
                                                    head):
            cands = [(p, k) for p, k in gaz.lookup(tail) if k == "city"]
    if not cands:
        # "Northern Nicosia", "Greater Accra" where the gazetteer knows only the bare name: that town
        bare = re.sub(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|"
                      r"Inner|Outer|Downtown)(?:-|\s+)(?=[A-Z])", "", name)
        if bare != name and len(bare) > 2:
            cands = [(p, k) for p, k in gaz.lookup(bare) if k == "city"]
    return cands


def resolve_text(text: str, ents: list[tuple[str, int, int]] | None, gaz: Gazetteer, ctx: GeoContext) -> list[Resolved]:
    """Every toponym of one sentence or passage, resolved in order; each resolved town anchors later ones
    and votes for its country. A bare capitalised name with no place cue votes little (it may be no place
    at all), a site ("Heathrow airport") not at all: the town the gazetteer has of that name is not it."""
    out = []
    consumed = -1
    for t in find_toponyms(text, ents):
        if t.start < consumed:
            continue  # "Holstein" of "Neustadt in Holstein"
        t = _qualified(t, text, gaz)
        consumed = t.end
        if _a_persons_name(t, gaz, ctx):
            continue
        r = resolve(t, gaz, ctx)
        if r.place is not None and t.keyword != "site":
            if r.kind == "city" and r.place not in ctx.anchors:
                ctx.anchors.append(r.place)
            weight = 0.5 if (t.prep or t.keyword or t.hint or r.kind != "city") else 0.2
            ctx.vote(t.name, r.place.country_code, weight)
        out.append(r)
    return out


def _a_persons_name(t: Toponym, gaz: Gazetteer, ctx: GeoContext) -> bool:
    """"Darryl Keith Warden ... went to Warden's home": the surname of a person the article names is that
    person wherever it stands bare (no stated area or area word), unless a country, a province or a city of
    100,000 people or more bears it ("Washington", "Alberta")."""
    if t.name not in ctx.person_names or t.hints or t.keyword:
        return False
    return all(k == "city" and p.population < 100_000 for p, k in gaz.lookup(t.name))


_POSSESSIVE_NAME = re.compile(r"['’]s\s+([A-Z][\w-]+)")
_QUALIFIER = re.compile(r"\s+(in|an der|am|im|bei|upon|on|sur|en)\s+(" + _NAME + r")")


_WORD_AFTER = re.compile(r" ([A-Z][a-z][\w'’-]*)(?![\w'’-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*) $")


def _whole_town_name(t: Toponym, text: str, gaz: Gazetteer) -> Toponym:
    """A town of 5,000 people or more whose name is the toponym with the capitalised word before or after it,
    where the finding rules cut that word off as a stop, area or facility word ("Red Deer", "Boulder City",
    "Battle Creek", "Bethel Park"): the whole name (not after "the": "the White House" is no town)."""
    def town(name: str) -> bool:
        return any(k == "city" and p.population >= 5000 and norm(p.name) == norm(name) for p, k in gaz.lookup(name))

    after = _WORD_AFTER.match(text, t.end)
    if after and not re.search(r"\bthe\s+$", text[max(0, t.start - 4):t.start], re.I) and \
            town(f"{t.name} {after.group(1)}"):
        end = after.end()
        hints = tuple(containing_areas(text[end:]))
        kw = "" if t.keyword.lower() == after.group(1).lower() else t.keyword
        return Toponym(f"{t.name} {after.group(1)}", t.start, end, t.prep, kw, hints[0] if hints else "", hints)
    before = _WORD_BEFORE.search(text, 0, t.start)
    if before and before.group(1) in _STOP and town(f"{before.group(1)} {t.name}"):
        return Toponym(f"{before.group(1)} {t.name}", before.start(1), t.end, t.prep, t.keyword, t.hint, t.hints)
    return t


def _qualified(t: Toponym, text: str, gaz: Gazetteer) -> Toponym:
    """A town named with its qualifier where the gazetteer knows the whole name: 'Neustadt in Holstein',
    'Buchen (Odenwald)' as 'Buchen in Odenwald', 'Frankfurt am Main'."""
    t = _whole_town_name(t, text, gaz)
    pos = _POSSESSIVE_NAME.match(text, t.end)
    if pos and gaz.lookup(f"{t.name}'s {pos.group(1)}"):
        # "Moi's Bridge", "King's Lynn": a name with 's inside it that the gazetteer knows whole
        end = pos.end()
        hints = tuple(containing_areas(text[end:]))
        return Toponym(f"{t.name}'s {pos.group(1)}", t.start, end, t.prep, t.keyword, hints[0] if hints else "", hints)
    m = _QUALIFIER.match(text, t.end)
    if m and gaz.lookup(f"{t.name} {m.group(1)} {m.group(2)}"):
        end = m.end()
        hints = tuple(containing_areas(text[end:]))
        return Toponym(f"{t.name} {m.group(1)} {m.group(2)}", t.start, end, t.prep, t.keyword,
                       hints[0] if hints else "", hints)
    if t.hints and re.match(r"\s*\(", text[t.end:]):
        for conn in ("in", "an der", "am", "im", "bei"):
            full = f"{t.name} {conn} {t.hints[0]}"
            if gaz.lookup(full):
                rest = t.hints[1:]
                return Toponym(full, t.start, t.end, t.prep, t.keyword, rest[0] if rest else "", rest)
    return t


def resolve(top: Toponym, gaz: Gazetteer, ctx: GeoContext, text_hint_places: list[str] | None = None) -> Resolved:
    """Pick the best gazetteer entry for one toponym."""
    res = _resolve(top, gaz, ctx, text_hint_places)
    ctx.prev = res
    ctx.seen.append(res)
    return res


def _resolve(top: Toponym, gaz: Gazetteer, ctx: GeoContext, text_hint_places: list[str] | None = None) -> Resolved:
    """One toponym against the gazetteer: its candidates (or, lacking any, a spelling variant or a stated area),
    the best-scored candidate, then the rules that overrule a best candidate the text contradicts."""
    cands = _lookup(gaz, top.name)
    if norm(top.name) in ctx.town_not_country:
        cands = [(p, k) for p, k in cands if k != "country"] or cands
    hints = list(top.hints) or ([top.hint] if top.hint else [])
    hints += text_hint_places or []
    counties = _counties(top, gaz, cands)
    if counties:
        cands = counties
    if not cands and ((top.keyword and top.keyword != "site") or top.hints):
        cands = _transliteration_variants(top, gaz, ctx, hints) or _extra_towns(top.name, gaz, ctx, hints)
    if not cands:
        return _name_the_gazetteer_lacks(top, gaz, ctx)
    r = _Reading(top, gaz, ctx, cands, _Stated(*_hint_areas(hints, gaz)), _wants_area(top))
    place, kind, score = _best_candidate(r)
    for rule in (_district_is_no_town_abroad, _alias_of_a_small_town_abroad, _no_namesake_on_another_continent,
                 _stated_province_beats_namesake,
                 _village_in_the_one_stated_region, _part_of_a_metropolis):
        overruled = rule(r, place, kind, score)
        if overruled is not None:
            return overruled
    return Resolved(top, _in_the_stated_area(r, place, kind), kind, _geo_precision(top, kind))


def _in_the_stated_area(r: _Reading, place: GazPlace, kind: str) -> GazPlace:
    """A town stated in one first-level area of its country that the gazetteer files under another lies in the
    stated one ("Yelandur (Yelandur taluk, Tamil Nadu)" of a border town filed under Karnataka, a town whose
    only namesake the gazetteer knows lies in another province, a village of an enclave): the text
    states the hierarchy it is coded by. The town's point is kept; an area whose name the stated one begins
    ("Baja California" of Baja California Sur) is the town's own. A writer's slip ("Kramatorsk, Kharkiv") now
    carries the stated area too: on both halves of acled-dev the stated area was right more often than the
    gazetteer's for a sizeable town, the only one of its name."""
    if kind != "city" or not r.stated.admin1:
        return place
    here = {a for cc, a in r.stated.admin1 if cc == place.country_code}
    if len(here) != 1 or admin_norm(place.admin1) in here:
        return place
    (key,) = here
    if admin_norm(place.admin1).startswith(key + " "):
        return place  # "San Jose del Cabo, Baja California": the note shortens Baja California Sur
    for h in r.top.hints:
        for p, k in r.gaz.lookup(h):
            if k == "admin1" and p.country_code == place.country_code and admin_norm(p.admin1) == key:
                return replace(place, admin1=p.admin1)
    return place


_COUNTY_KW = ("county", "parish", "shire")


def _counties(top: Toponym, gaz: Gazetteer, cands: list) -> list:
    """"Laurel County", "Avoyelles Parish": a name the text states as a county is that second-level area (at
    its largest town, kind city), not a town of its name; a first-level area of the name stays a candidate
    (Kenya's counties are provinces)."""
    if top.keyword.lower() not in _COUNTY_KW:
        return []
    areas = gaz.lookup_admin2(f"{top.name} {top.keyword}") or gaz.lookup_admin2(top.name)
    if not areas:
        # "Mayo County": a county ISO 3166-2 lists (pycountry) whose towns the gazetteer files under another
        # name ("Maigh Eo"): the first-level area it lies in (Connaught), not a town of the name far away
        return [(p, "admin1") for p in gaz.lookup_area2(top.name)] + [(p, k) for p, k in cands if k == "admin1"]
    return [(p, "city") for p in areas] + [(p, k) for p, k in cands if k == "admin1"]


@dataclass(frozen=True)
class _Stated:
    """What the containing areas stated beside a toponym say (``_hint_areas``)."""

    admin1: set[tuple[str, str]]  # (country, admin1) of the stated provinces
    admin2: set[tuple[str, str]]  # (country, admin2) of the stated towns
    ccs: set[str]  # countries of the stated provinces and countries
    towns: list[GazPlace]  # the stated towns
    keys: set[str]  # every stated name, normalised
    countries: set[str] = field(default_factory=set)  # the countries a stated name is the name of

    def any(self) -> bool:
        return bool(self.admin1 or self.admin2 or self.ccs or self.towns)


def _wants_area(top: Toponym) -> bool:
    """"Kirkuk province", "Soran district": an area word after the name asks for an area, not a town."""
    return bool(top.keyword and _AREA_KW.match(top.keyword))


# --- a name the gazetteer lacks ------------------------------------------------------------------------------

def _transliteration_variants(top: Toponym, gaz: Gazetteer, ctx: GeoContext, hints: list[str]) -> list:
    """A transliteration variant ("Nassriya", "Hawija") of a name the text states as a place ("X district",
    "X (Y, Z)"): the gazetteer's names spelled alike, where the stated areas or the article's country confirm
    them, or else a city far larger than all its namesakes."""
    stated = _Stated(*_hint_areas(hints, gaz))
    seats = _stated_district_seats(gaz, hints, stated.admin1)
    loose = [(p, k) for p, k in gaz.lookup_loose(top.name) if _variant_confirmed(p, seats, stated, ctx)]
    if not loose and not ctx.country_votes and not stated.any():
        loose = _far_larger_city(gaz, top.name)
    return loose


def _extra_towns(name: str, gaz: Gazetteer, ctx: GeoContext, hints: list[str]) -> list:
    """A name stated as a place ("Dolakha district", "X (Y, Z)") that the gazetteer's own towns lack:
    countrystatecity's towns of the name (``lookup_extra``) in the stated areas, else in the article's
    countries, else (the article naming none) in one country alone; the first of equals."""
    towns = gaz.lookup_extra(name)
    if not towns:
        return []
    stated = _Stated(*_hint_areas(hints, gaz)) if hints else None
    if stated is not None and (stated.admin1 or stated.ccs):
        towns = [p for p in towns if (p.country_code, admin_norm(p.admin1)) in stated.admin1
                 or (not stated.admin1 and p.country_code in stated.ccs)]
    elif ctx.country_votes:
        towns = [p for p in towns if p.country_code in ctx.country_votes]
    if len({p.country_code for p in towns}) != 1:
        return []
    return [(towns[0], "city")]


def _stated_district_seats(gaz: Gazetteer, hints: list[str], stated_admin1: set[tuple[str, str]]) -> list[GazPlace]:
    """"Ezimfabeni (Uthungulu, KwaZulu-Natal)": the first of two or more stated areas, where it is a district
    (named like a town, or its towns' admin2) of the stated province, places the name near that town."""
    if len(hints) < 2:
        return []
    inner = _lookup(gaz, hints[0])
    if any(k == "admin1" for _, k in inner):
        return []
    seats = [p for p, k in inner if k == "city" and (p.country_code, admin_norm(p.admin1)) in stated_admin1]
    if not inner and (seat := _admin2_seat(gaz, hints[0], stated_admin1)) is not None:
        seats = [seat]
    return seats


def _variant_confirmed(p: GazPlace, seats: list[GazPlace], stated: _Stated, ctx: GeoContext) -> bool:
    """A place spelled like the name is it only within 100 km of a stated district's town; else in a stated
    province, district, or near a stated town; with no area stated, in a country the article names."""
    if seats:
        return any(distance_km((p.latitude, p.longitude), (t.latitude, t.longitude)) < 100 for t in seats)
    if stated.any():
        return ((p.country_code, admin_norm(p.admin1)) in stated.admin1 or admin_norm(p.admin2) in stated.keys
                or any(t.country_code == p.country_code and distance_km((p.latitude, p.longitude),
                                                                    (t.latitude, t.longitude)) < 100
                       for t in stated.towns[:20]))
    return p.country_code in ctx.country_votes


def _far_larger_city(gaz: Gazetteer, name: str) -> list:
    """Nothing says the country: a city (100,000 people or more) ten times larger than every namesake spelled
    alike is the one meant ("east of Nasriya city": An Nasiriyah of Iraq, not the villages of that name)."""
    towns = sorted((pk for pk in gaz.lookup_loose(name, 0.85) if pk[1] == "city"), key=lambda pk: -pk[0].population)
    if towns and towns[0][0].population >= 100_000 and (
            len(towns) == 1 or towns[0][0].population >= 10 * towns[1][0].population):
        return [towns[0]]
    return []


def _name_the_gazetteer_lacks(top: Toponym, gaz: Gazetteer, ctx: GeoContext) -> Resolved:
    """A name with no candidate at all: a district known by its towns' admin2, else the stated area it lies
    in, else no place."""
    if top.hints:
        stated_admin1 = _hint_areas(list(top.hints), gaz)[0]
        seat = _district_known_as_admin2(top, gaz, stated_admin1)
        if seat is not None:
            return seat
        area = _village_at_its_stated_area(top, gaz, ctx, stated_admin1)
        if area is not None:
            return area
    return Resolved(top, None, "unknown", 2)


def _district_known_as_admin2(top: Toponym, gaz: Gazetteer, stated_admin1: set[tuple[str, str]]) -> Resolved | None:
    """"East Khasi Hills district (Meghalaya)", "(Uthungulu, KwaZulu-Natal)": a district (stated with no area
    word or an area word) the gazetteer knows only as its towns' admin2 stands at its main town."""
    if top.keyword and not _AREA_KW.match(top.keyword):
        return None
    seat = _admin2_seat(gaz, top.name, stated_admin1)
    return Resolved(top, seat, "city", 2) if seat is not None else None


def _village_at_its_stated_area(top: Toponym, gaz: Gazetteer, ctx: GeoContext,
                                stated_admin1: set[tuple[str, str]]) -> Resolved | None:
    """A village the gazetteer lacks, stated with its district and province: the first stated area the
    gazetteer knows stands in for it ("Dovhenke, Kharkiv" even where "Russian" votes for Russia)."""
    return _stated_area(top, gaz, ctx, stated_admin1)


# --- scoring the candidates ----------------------------------------------------------------------------------

@dataclass
class _Reading:
    """One toponym being resolved: its candidates and what the text and the article state around it."""

    top: Toponym
    gaz: Gazetteer
    ctx: GeoContext
    cands: list[tuple[GazPlace, str]]
    stated: _Stated
    want_area: bool

    @cached_property
    def area_of_prev(self) -> bool:
        """"Atlanta, Georgia": the name is stated as the area of the place just before it."""
        return self.ctx.prev is not None and self.top.name in self.ctx.prev.toponym.hints

    @cached_property
    def prev(self) -> GazPlace | None:
        """The place just before, when this name is stated as its area."""
        return self.ctx.prev.place if self.ctx.prev is not None and self.area_of_prev else None

    @cached_property
    def namesakes(self) -> set[tuple[str, str]]:
        """The provinces with a town (1,000 people or more) of this name: its own name, or another name of a
        town (10,000 people or more: "Saada" of Sa'dah); a village's other name is none ("Minnesota" of
        Minneota)."""
        city = self.x_city_ids
        return {(p.country_code, admin_norm(p.admin1)) for p, k in self.cands if k == "city" and p.population >= 1000
                and (norm(p.name) == norm(self.top.name) or p.population >= 10_000) and p.geonameid not in city}

    @cached_property
    def x_city_ids(self) -> set[int]:
        """The towns named "<name> City" in English ("New York City", "Quebec City"): the "City" tells them from
        the province of the name, so the bare name is the province, not them."""
        if self.top.keyword:
            return set()
        return {p.geonameid for p, k in self.gaz.lookup(f"{self.top.name} City") if k == "city"}

    @cached_property
    def votes(self) -> Counter[str]:
        """The article's country votes, less those this name gave itself."""
        return self.ctx.votes_besides(self.top.name)

    @cached_property
    def article_states(self) -> tuple[str, str] | None:
        """The state or province the article's other names point at most, by twice the next or more, with a
        vote of 1 or more (a state named once, or two towns in it)."""
        votes: Counter[tuple[str, str]] = Counter()
        for name, c in self.ctx.state_votes.items():
            if name != self.top_norm:
                votes.update(c)
        ranked = votes.most_common(2)
        if not ranked or ranked[0][1] < 1 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None  # one town's vote alone (0.5) is no state the article is about
        return ranked[0][0]

    @cached_property
    def top_norm(self) -> str:
        return norm(self.top.name)

    @cached_property
    def cand_ids(self) -> set[int]:
        return {p.geonameid for p, _k in self.cands}

    @cached_property
    def top_votes(self) -> float:
        """The article's votes for the best-voted country among the candidates."""
        return max((self.votes.get(p.country_code, 0) for p, _k in self.cands), default=0)


def _best_candidate(r: _Reading) -> tuple[GazPlace, str, float]:
    """The best-scored candidate (the first of equals), its kind and its score."""
    best = None
    best_score = -1e9
    for p, kind in r.cands:
        score = _score(p, kind, r)
        if score > best_score:
            best, best_score = (p, kind), score
    assert best is not None
    return best[0], best[1], best_score


def _score(p: GazPlace, kind: str, r: _Reading) -> float:
    """A candidate's score: the sum of the terms below, added in this order."""
    score = 0.0
    for term in (_score_article_country(p, kind, r), _score_population(p, kind, r), _score_own_name(p, kind, r),
                 _score_kind(p, kind, r), _score_area_of_prev(kind, r), _score_beside_prev(p, kind, r),
                 *_score_stated_areas(p, kind, r), _score_stated_admin2(p, r), _score_near_stated_town(p, kind, r),
                 _score_in_article_province(p, kind, r), *_score_near_anchors(p, r), _score_holds_anchors(p, kind, r),
                 _score_adm1_point(p, kind, r), _score_town_in_named_county(p, kind, r),
                 _score_article_state(p, kind, r)):
        score += term
    return score


def _score_article_country(p: GazPlace, kind: str, r: _Reading) -> float:
    """The article's countries: up to +12 for a voted one; a country the article does not name loses much
    (-6), or less (-3) where only demonyms and the like hint at its countries."""
    if not r.votes:
        return 0.0
    votes = r.votes.get(p.country_code, 0)
    firm = max(r.votes.values()) >= 1
    if votes:
        return 4.0 * min(votes, 3)
    if kind == "city" and (p.population >= 1_000_000 or r.gaz.is_capital(p)) and norm(p.name) == r.top_norm:
        return -2.0  # a world city or a capital is named in news from anywhere ("Paris" in a report of Syria)
    return -6.0 if firm else -3.0


def _score_population(p: GazPlace, kind: str, r: _Reading) -> float:
    """Size: log10 of the people of a town, or of a country's or first-level area's towns ("California" is
    the state, not the town in Maryland; "Mexico" the country, not the state of México); an area with a
    town of its name inside it counts nothing here (the town is meant, bare, unless the text asks for an
    area: "Kirkuk", "Idlib"); a country's capital counts more than its size ("Washington")."""
    if kind == "admin1" and (p.country_code, admin_norm(p.admin1)) in r.namesakes:
        return 1.0
    size = math.log10(p.population + 10)
    if kind == "city" and norm(p.name) == norm(r.top.name) and r.gaz.is_capital(p):
        size += 4.0  # a country's capital is named far more often than its size says ("Washington")
    return size


def _score_own_name(p: GazPlace, kind: str, r: _Reading) -> float:
    """A place's own name beats another town's alternate name ("Porto" is not Bordeaux); a small town's
    alternate name loses ("Nancy" for a hamlet in Tennessee)."""
    if norm(p.name) == norm(r.top.name):
        return 0.8
    if kind == "city" and p.population < 20_000:
        return -1.0
    if kind == "city" and not _spelled_alike(p.name, r.top.name):
        return -1.5  # another language's name or a short form ("Bar" of Qionghai): less than a town's own
    return 0.0


def _spelled_alike(a: str, b: str) -> bool:
    """Two names of one spelling family: the same skeleton, one inside the other, or mostly the same letters."""
    ka, kb = skeleton(a), skeleton(b)
    return ka == kb or (min(len(ka), len(kb)) >= 3 and (ka in kb or kb in ka)) or \
        SequenceMatcher(None, norm(a), norm(b)).ratio() >= 0.5


def _score_kind(p: GazPlace, kind: str, r: _Reading) -> float:
    """A bare country name is the country (a city-state's is its city); an admin1 area outranks a hamlet of
    the same name, not a town ("Kirkuk", "Texas"), nor where the text says city ("Almaty city" is not the
    province around it); a province named after its capital ("Idlib", "Sagaing") is, bare, the city."""
    kw = r.top.keyword
    if kind == "country":
        if kw:
            return -2.0
        # a city-state ("Hong Kong", "Singapore"): the country's name is its city's
        return 0.0 if r.gaz.is_city_state(p.country_code) else 5.0
    if kind == "admin1":
        if kw.lower() in _TOWN_KW:
            return -4.0
        if r.want_area:
            return 5.0
        if (p.country_code, admin_norm(p.admin1)) not in r.namesakes:
            return 2.5
    return 0.0


def _score_area_of_prev(kind: str, r: _Reading) -> float:
    """"(Aniocha South, Delta)": a name stated as the containing area of the place before it is an area."""
    return 4.0 if r.area_of_prev and kind == "admin1" else 0.0


def _score_beside_prev(p: GazPlace, kind: str, r: _Reading) -> float:
    """"Atlanta, Georgia": the area of the place before lies around it (its country or province +15, a town in
    its province +2); an area word of a large area (province, region) not stated so loses a little."""
    prev = r.prev
    if prev is not None and prev.country_code == p.country_code:
        if kind == "country" or (kind == "admin1" and admin_norm(p.admin1) == admin_norm(prev.admin1)):
            return 15.0
        if kind == "city" and admin_norm(p.admin1) == admin_norm(prev.admin1):
            return 2.0
        return 0.0
    if r.want_area and r.top.keyword.lower() not in _LOCAL_AREA_KW:
        return -1.0
    return 0.0


def _score_stated_areas(p: GazPlace, kind: str, r: _Reading) -> tuple[float, float]:
    """The stated containing areas: their country (+3, else -3), then their province (+8 for a place in it) or
    any stated name as its admin1/admin2 (+6). A town's own name stated as its district ("Ilam municipality
    (Ilam district)" in a Nepali report) says nothing about which country's province it is: the article's
    country decides."""
    top = r.top
    if top.name in top.hints and r.ctx.country_votes.get(p.country_code, 0) < r.top_votes:
        return 0.0, 0.0
    s = r.stated
    country = (3.0 if p.country_code in s.ccs else -3.0) if s.ccs else 0.0
    area = 0.0
    if kind != "admin1" and (p.country_code, admin_norm(p.admin1)) in s.admin1:
        area = 8.0
    elif s.keys and (admin_norm(p.admin1) in s.keys or norm(p.admin2) in s.keys or admin_norm(p.admin2) in s.keys):
        area = 6.0
    return country, area


def _score_stated_admin2(p: GazPlace, r: _Reading) -> float:
    """A place in the admin2 of a stated town (+2)."""
    return 2.0 if p.admin2 and (p.country_code, admin_norm(p.admin2)) in r.stated.admin2 else 0.0


def _score_near_stated_town(p: GazPlace, kind: str, r: _Reading) -> float:
    """A town within 150 km of a stated town of its country (the first such): up to +4, the nearer the more."""
    if kind != "city":
        return 0.0
    for hp in r.stated.towns:
        if hp.country_code == p.country_code:
            d = distance_km((p.latitude, p.longitude), (hp.latitude, hp.longitude))
            if d < 150:
                return 4.0 * (1 - d / 150)
    return 0.0


def _score_in_article_province(p: GazPlace, kind: str, r: _Reading) -> float:
    """A town or county in a province the article names as such ("in the country's Sagaing region") +2,
    unless the name is itself that kind of province."""
    if kind == "city" and (not r.want_area or p.feature_code == "ADM2") and \
            (p.country_code, admin_norm(p.admin1)) in r.ctx.areas and \
            (p.country_code, admin_norm(r.top.name)) not in r.ctx.areas:
        return 2.0
    return 0.0


def _score_near_anchors(p: GazPlace, r: _Reading) -> list[float]:
    """Each town already resolved in the article, in the same country, pulls its neighbours: up to +1.5 each
    within 300 km."""
    return [1.5 * max(0.0, 1 - distance_km((p.latitude, p.longitude), (a.latitude, a.longitude)) / 300)
            for a in r.ctx.anchors if a.country_code == p.country_code and a.geonameid not in r.cand_ids]


def _score_holds_anchors(p: GazPlace, kind: str, r: _Reading) -> float:
    """A province the article's towns lie in: +2 for each (up to +6), unless a town of its name lies in it
    (then the name is that town): "Georgia" in a report of Atlanta and Lilburn is the state. A county: +2
    for each of the article's towns in it (up to +6), +0.5 for each in its state (up to +2)."""
    if p.feature_code == "ADM2":
        # "Henry County" in a report of Paris and Puryear: the county the article's towns lie in, or at
        # least one in their state
        county = {a.geonameid for a in r.ctx.anchors if a.country_code == p.country_code and a.admin2
                  and admin_norm(a.admin2) == admin_norm(p.admin2) and a.geonameid != p.geonameid}
        state = {a.geonameid for a in r.ctx.anchors if a.country_code == p.country_code
                 and admin_norm(a.admin1) == admin_norm(p.admin1) and a.geonameid != p.geonameid}
        return min(2.0 * len(county), 6.0) + min(0.5 * len(state), 2.0)
    if kind != "admin1" or (p.country_code, admin_norm(p.admin1)) in r.namesakes:
        return 0.0
    inside = {a.geonameid for a in r.ctx.anchors
              if a.country_code == p.country_code and admin_norm(a.admin1) == admin_norm(p.admin1)}
    return min(2.0 * len(inside), 6.0)


def _county_key(p: GazPlace) -> tuple[str, str, str]:
    return p.country_code, admin_norm(p.admin1), admin_norm(p.admin2)


def _score_town_in_named_county(p: GazPlace, kind: str, r: _Reading) -> float:
    """"Paris and Henry County": a town lying in a county the article names (+5), and a county holding a town
    the article names (+5); the name's own towns and counties are no evidence for it."""
    if not p.admin2 or kind != "city" or not (r.ctx.town_counties or r.ctx.named_counties):
        return 0.0
    key, own = _county_key(p), r.top_norm
    if p.feature_code == "ADM2":
        others = r.ctx.town_counties
    elif p.feature_code == "PPL":
        others = r.ctx.named_counties
    else:
        return 0.0
    return 5.0 if any(key in keys for name, keys in others.items() if name != own) else 0.0


def _score_article_state(p: GazPlace, kind: str, r: _Reading) -> float:
    """A town or county in the state the article is about (+2): the one its other names (the states it names,
    its towns) point at most, by twice the next; the name's own votes are no evidence for it."""
    if kind != "city" or not r.ctx.state_votes:
        return 0.0
    ranked = r.article_states
    if not ranked:
        return 0.0
    return 2.0 if (p.country_code, admin_norm(p.admin1)) == ranked else 0.0


def _score_adm1_point(p: GazPlace, kind: str, r: _Reading) -> float:
    """A province's own point, found as a town's name where no area is asked for, loses a little."""
    return -1.0 if p.feature_code == "ADM1" and not r.want_area and kind != "admin1" else 0.0


# --- rules that overrule the best candidate -----------------------------------------------------------------

def _district_is_no_town_abroad(r: _Reading, place: GazPlace, kind: str, score: float) -> Resolved | None:
    """"Bara district" in a report of Nepal is no town of that name in Nigeria: an area asked for whose only
    (negative-scored) match is a town in a country the firmly named country is not, is no place."""
    ctx = r.ctx
    if score < 0 and kind == "city" and r.want_area and not ctx.country_votes.get(place.country_code) and \
            max(ctx.country_votes.values(), default=0) >= 1:
        return Resolved(r.top, None, "unknown", 2)
    return None


def _alias_of_a_small_town_abroad(r: _Reading, place: GazPlace, kind: str, score: float) -> Resolved | None:
    """"Outside the Government Headquarters in Hong Kong": a name that is only another name of a small town
    (under 20,000 people) in a country the article does not name, where it firmly names others, is no place."""
    ctx = r.ctx
    if kind == "city" and score < 0 and place.population < 20_000 and norm(place.name) != norm(r.top.name) \
            and not ctx.country_votes.get(place.country_code) and max(ctx.country_votes.values(), default=0) >= 1 \
            and not r.stated.any():
        return Resolved(r.top, None, "unknown", 2)
    return None


def _no_namesake_on_another_continent(r: _Reading, place: GazPlace, kind: str, score: float) -> Resolved | None:
    """The only towns of the name lie in a country the article does not name, while the provinces (or the
    town) it states lie in another: no place beats a namesake on another continent ("Muse" in Pennsylvania
    for a township of Shan State); a stated town stands in ("Ivanovka (Soroca)" in a Moldovan report), and so
    does a stated province ("Alamo, Donetsk": Donetsk, not a Texan town nor no place)."""
    ctx = r.ctx
    hinted_home = any(hp.country_code in ctx.country_votes and hp.country_code != place.country_code
                      for hp in r.stated.towns)
    if not (score < 0 and kind == "city" and not ctx.country_votes.get(place.country_code) and (
            ctx.stated_in or hinted_home)):
        return None
    area = _stated_area(r.top, r.gaz, ctx, r.stated.admin1) if hinted_home or r.stated.admin1 else None
    if area is not None and area.place is not None and r.stated.admin1 and \
            (area.place.country_code, admin_norm(area.place.admin1)) not in r.stated.admin1:
        area = None
    return area if area is not None else Resolved(r.top, None, "unknown", 2)


def _sole_town_of_its_name(r: _Reading, place: GazPlace, kind: str) -> bool:
    """A sizeable town (20,000 people or more), spelled like the name, the only town of its name in a stated
    province's country ("Playas de Rosarito, Sinaloa": the writer's province is wrong, not the town)."""
    return (kind == "city" and not r.want_area and place.population >= 20_000
            and SequenceMatcher(None, norm(place.name), norm(r.top.name)).ratio() >= 0.8
            and place.country_code in {c for c, _ in r.stated.admin1}
            and sum(1 for p, k in r.cands if k == "city" and p.country_code == place.country_code
                    and p.population >= 1000) == 1)


def _stated_province_beats_namesake(r: _Reading, place: GazPlace, kind: str, score: float) -> Resolved | None:
    """"Dobrianka district, Kherson" with no Dobrianka in Kherson: a namesake town outside the stated province
    is wrong, the stated area is right (unless the town is the sole one of its name, or the name is stated
    as its own district and its country leads the article)."""
    top, ctx, h_admin1 = r.top, r.ctx, r.stated.admin1
    if (h_admin1 and kind == "city" and (place.country_code, admin_norm(place.admin1)) not in h_admin1
            and top.hints and not _sole_town_of_its_name(r, place, kind)
            and not (top.name in top.hints and ctx.country_votes.get(place.country_code, 0) >= max(
                ctx.country_votes.values(), default=0) > 0)
            and (top.name not in top.hints or place.country_code not in {c for c, _ in h_admin1})
            and place.country_code not in r.stated.countries):  # "TBILISI, Georgia": the country, not the state
        area = _stated_area(top, r.gaz, ctx, h_admin1)
        if area is not None and area.place is not None and \
                (area.place.country_code, admin_norm(area.place.admin1)) in h_admin1:
            return area
    return None


def _village_in_the_one_stated_region(r: _Reading, place: GazPlace, kind: str, score: float) -> Resolved | None:
    """"A village in Sagaing region ... Nyaung Pin Thar village in Kani township": a small hamlet (under 5,000
    people) of that name in another region than the one the article names is not it (nor are the stated
    township's namesakes abroad); the stated region stands in, at precision 3."""
    top, gaz = r.top, r.gaz
    home_areas = {a for a in r.ctx.areas if a[0] == place.country_code}
    if kind == "city" and top.keyword.lower() in ("village", "hamlet") and len(home_areas) == 1 \
            and (place.country_code, admin_norm(place.admin1)) not in home_areas and place.population < 5000 \
            and not any(q.country_code == place.country_code for h in top.hints
                        for q in [p for p, _k in _lookup(gaz, h)] + gaz.lookup_area2(h)):
        cc, a1 = next(iter(home_areas))
        area = next((p for p, k in gaz.lookup(a1) if k == "admin1" and p.country_code == cc), None)
        if area is not None:
            return Resolved(top, area, "admin1", 3)
    return None


def _part_of_a_metropolis(r: _Reading, place: GazPlace, kind: str, score: float) -> Resolved | None:
    """"The Walworth area of London": a part of a city of a million or more, stated as its area, lies in it
    (precision 2), not at a namesake more than 50 km away."""
    top = r.top
    if kind == "city" and top.keyword.lower() in _PART_OF_CITY and top.hints:
        metro = [t for t in r.stated.towns if t.population >= 1_000_000 and norm(t.name) == norm(top.hints[0])]
        if metro and min(distance_km((place.latitude, place.longitude), (t.latitude, t.longitude)) for t in metro) > 50:
            return Resolved(top, max(metro, key=lambda t: t.population), "city", 2)
    return None


def _geo_precision(top: Toponym, kind: str) -> int:
    """ACLED's geo_precision: 3 for a province or country; 2 for "near X", "outside X" or a place stated as a
    district, area or the like (somewhere in it); 1 for the town itself."""
    if kind in ("admin1", "country"):
        return 3
    if top.prep in _NEAR_PREPS or top.keyword.lower() in _AREA_PRECISION_KW:
        return 2
    return 1
