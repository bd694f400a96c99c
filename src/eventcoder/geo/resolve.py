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
from dataclasses import dataclass

from ..knowledge import countries
from .gazetteer import Gazetteer, GazPlace, admin_norm, norm

_CAP = r"[A-Z][\w'’\-]*(?:\.[A-Z])?"
_NAME = _CAP + r"(?:(?:\s+|-)(?:(?:al|el|ad|ar|as|de|du|da|del|di|la|le|bin|ibn|of|upon|on|sur|en|an|am)(?:\s+|-))?" + _CAP + r"){0,3}"
_ADMIN_KW = (r"(?:province|governorate|district|state|region|county|department|prefecture|municipality|"
             r"oblast|territory|township|division|zone|tehsil|area|sub-?district|upazila|commune|LGA|local government area|"
             r"local government|wilaya|woreda|raion|city|town|village|neighbou?rhood|camp|settlement|hamlet|locality|"
             r"sub-county|parish|ward|corregimiento|vereda|barangay)")
_AREA_KW = re.compile(r"^(?:province|governorate|state|region|oblast|department|prefecture|division|wilaya|"
                      r"territory|county|district|zone|commune|municipality|township|tehsil|LGA|woreda|raion|"
                      r"sub-county|upazila|local government(?: area)?)$", re.I)
PLACE_RX = re.compile(
    r"(?P<prep>\b(?:in|near|at|outside|from|of|around|into|on|to|between|across|toward|towards|inside|within|"
    r"nearby|off|and|outskirts of|(?:In|Near|At|Outside|Around|Inside|From)(?=\s+[A-Z]))\s+)?"
    r"(?:the\s+)?(?:(?P<kw1>" + _ADMIN_KW + r")\s+of\s+)?"
    r"(?P<name>" + _NAME + r")"
    r"(?:\s+(?P<kw2>" + _ADMIN_KW + r")\b)?"
)
_CAPITAL_OF = re.compile(r"\s*,\s*(?:the|a|an)?\s*(?:\w+\s+){0,3}?(?:capital|city|town|village|port|border town|"
                         r"stronghold|hub)\b(?:\s+of|\s+in)?", re.I)
_ACTION_ON = re.compile(r"\b(?:shelled|attacked|seized|captured|recaptured|retook|took|entered|stormed|besieged|"
                        r"bombed|raided|overran|struck|hit|targeted|liberated|encircled|reached|fled|evacuated)\s+$")
_STOP = {
    "The", "A", "An", "On", "In", "At", "Police", "Army", "Military", "Government", "President", "Prime", "Minister",
    "Ministry", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "He", "She", "They", "It", "We", "I", "His", "Her", "Their", "This", "That", "These", "Those", "There",
    "However", "Meanwhile", "According", "Local", "Security", "Forces", "Officials", "Residents", "Islamic", "State",
    "Christian", "Muslim", "Kurdish", "Peshmerga", "ISIS", "Daesh", "Taliban", "Reuters", "AFP", "AP", "Xinhua",
    "BBC", "CNN", "UN", "EU", "NATO", "Red", "Cross", "Human", "Rights", "Watch", "Amnesty", "International",
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Capt", "Maj", "Sgt", "Coalition", "National", "Federal", "Central",
    "Provincial", "District", "Regional", "Province", "Governor", "Commander", "Spokesman", "Spokesperson", "Chief",
    "Some", "Many", "Several", "Two", "Three", "One", "No", "All", "Both", "Other", "Another", "After", "Before",
    "During", "While", "When", "Since", "Following", "Earlier", "Later", "Also", "But", "And", "Or", "If", "As",
    "Unidentified", "Gunmen", "Militants", "Protesters", "Demonstrators", "Size", "Casualties", "Fatalities",
    "Around", "Coded", "Location", "Property", "Movement", "Change", "Displacement", "Defusal", "Weapons",
    "Arrests", "Strikes", "Looting", "Land", "Interception", "Elections", "Agreement", "Not",
    "Hospital", "University", "School", "Party", "Congress", "League", "Front", "Union", "Council",
    "Court", "Parliament", "Assembly", "Senate", "Committee", "Commission", "Church", "Mosque", "Temple", "Street",
    "Road", "Highway", "Bridge", "Market", "Square", "Airport", "Station", "Camp", "Base", "Village", "Town", "City",
}


@dataclass(frozen=True)
class Toponym:
    name: str
    start: int
    end: int
    prep: str = ""
    keyword: str = ""  # "village", "province", "district" ... stated in the text
    hint: str = ""  # a containing area stated beside it ("(Mansehra, KPK)", "X, south of Y")


@dataclass(frozen=True)
class Resolved:
    toponym: Toponym
    place: GazPlace | None
    kind: str  # city / admin1 / country / unknown
    geo_precision: int


def find_toponyms(text: str, ents: list[tuple[str, int, int]] | None = None) -> list[Toponym]:
    """Candidate place names in a sentence. ``ents`` are spaCy GPE/LOC/FAC spans, when parsed."""
    out: list[Toponym] = []
    for m in PLACE_RX.finditer(text):
        name = m.group("name")
        words = name.split()
        # trim leading stop words ("Police in Kabul" never reaches here, but "Iraqi Kirkuk" might)
        while words and words[0].strip(".,") in _STOP:
            words = words[1:]
        # "Basra on Friday", "Kirkuk of March": a connector before a stop word ends the name
        for i in range(1, len(words)):
            if words[i].strip(".,") in _STOP:
                words = words[:i - 1] if words[i - 1].islower() else words[:i]
                break
        if not words:
            continue
        name = " ".join(words)
        start = m.start("name") + m.group("name").find(words[0])
        end = start + len(name)
        if name.isupper() and len(name) <= 4 and not m.group("kw2"):
            continue  # acronyms (ISIS, CRPF) are actors, not places
        kw = (m.group("kw1") or m.group("kw2") or "").lower()
        prep = (m.group("prep") or "").strip().lower()
        if not prep and not kw and m.start() > 0 and not (ents and any(s <= start < e for _, s, e in ents)):
            # a capitalised name without a place cue is a place only where NER says so or it opens "X, Y)"
            if not (re.match(r"\s*,\s*[A-Z][\w'’\- ]+\)", text[end:]) or text[:start].endswith("(")
                    or _CAPITAL_OF.match(text[end:]) or _ACTION_ON.search(text[:start])):
                continue
        hint = ""
        h = re.match(r"\s*(?:" + _ADMIN_KW + r")?\s*,\s*(?:(?:north|south|east|west|northeast|northwest|southeast|"
                     r"southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+)?(" + _NAME + r")", text[end:])
        if h and h.group(1) not in _STOP:
            hint = h.group(1)
        out.append(Toponym(name, start, end, prep, kw, hint))
    for label_text, s, e in ents or []:
        if not any(t.start <= s < t.end or s <= t.start < e for t in out):
            out.append(Toponym(label_text, s, e))
    out.sort(key=lambda t: t.start)
    return out


def _dist_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class GeoContext:
    """What the article says about where it is: country votes and places already resolved."""

    country_votes: Counter[str]
    anchors: list[GazPlace]

    def top_countries(self) -> list[str]:
        return [c for c, _ in self.country_votes.most_common(3)]


def country_context(text: str, dateline: str | None, gaz: Gazetteer, actor_countries: list[str]) -> GeoContext:
    """Vote on the article's country from country names, demonyms, the dateline and actors."""
    db = countries()
    votes: Counter[str] = Counter()
    for c, _s, _e in db.find(text):
        votes[c.alpha2] += 1
    for name in actor_countries:
        c = db.by_name.get(name)
        if c:
            votes[c.alpha2] += 1
    anchors: list[GazPlace] = []
    if dateline:
        cands = [p for p, k in gaz.lookup(dateline) if k == "city"]
        if cands:
            best = max(cands, key=lambda p: (votes.get(p.country_code, 0), p.population))
            votes[best.country_code] += 2
            anchors.append(best)
    return GeoContext(votes, anchors)


def resolve(top: Toponym, gaz: Gazetteer, ctx: GeoContext, text_hint_places: list[str] | None = None) -> Resolved:
    """Pick the best gazetteer entry for one toponym."""
    cands = gaz.lookup(top.name)
    want_area = bool(top.keyword and _AREA_KW.match(top.keyword))
    if not cands and top.keyword.lower() in ("city", "town"):
        cands = gaz.lookup(top.name)
    if not cands:
        return Resolved(top, None, "unknown", 2)
    hints = [top.hint] if top.hint else []
    hints += text_hint_places or []
    hint_keys = {admin_norm(h) for h in hints if h} | {norm(h) for h in hints if h}
    hint_places = [p for h in hints if h for p, _k in gaz.lookup(h)]
    best = None
    best_score = -1e9
    for p, kind in cands:
        score = 0.0
        votes = ctx.country_votes.get(p.country_code, 0)
        if ctx.country_votes:
            score += 4.0 * min(votes, 3) if votes else -6.0
        score += math.log10(p.population + 10)
        if kind == "country":
            score += 3.0 if not top.keyword else -2.0
        elif kind == "admin1":
            score += 2.5 if want_area else 0.5
        elif want_area and top.keyword.lower() not in ("district", "county", "municipality", "township", "tehsil",
                                                        "commune", "zone", "lga", "woreda", "raion", "upazila"):
            score -= 1.0
        if hint_keys and (admin_norm(p.admin1) in hint_keys or norm(p.admin2) in hint_keys):
            score += 6.0
        for hp in hint_places:
            if hp.country_code == p.country_code and kind == "city":
                d = _dist_km((p.latitude, p.longitude), (hp.latitude, hp.longitude))
                if d < 150:
                    score += 4.0 * (1 - d / 150)
        for a in ctx.anchors:
            if a.country_code == p.country_code:
                d = _dist_km((p.latitude, p.longitude), (a.latitude, a.longitude))
                score += 1.5 * max(0.0, 1 - d / 300)
        if p.feature_code == "ADM1" and not want_area and kind != "admin1":
            score -= 1
        if score > best_score:
            best, best_score = (p, kind), score
    assert best is not None
    place, kind = best
    if kind == "admin1":
        prec = 3
    elif kind == "country":
        prec = 3
    elif top.prep in ("near", "outside", "around", "nearby", "outskirts of") or (
        top.keyword.lower() in ("district", "county", "area", "municipality", "township", "tehsil", "commune",
                                "lga", "local government area", "woreda", "upazila", "zone", "sub-district",
                                "subdistrict", "division", "raion", "department")
    ):
        prec = 2
    else:
        prec = 1
    return Resolved(top, place, kind, prec)
