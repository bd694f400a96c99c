"""``geoparse(text)``: every toponym in a text, resolved, with offsets into the input as given.

The body is cleaned first (headline, dateline and repeated paragraphs recognised) so the article's
country and places give context; toponyms in the headline, the dateline and in repeated copies of a
paragraph are reported too, each at its own offsets in the input.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .clean import clean
from .extract.actors import find_actors
from .geo.gazetteer import Gazetteer, admin_norm, default_gazetteer, display_admin, norm
from .geo.resolve import (
    _FACILITY,
    _STOP,
    GeoContext,
    Resolved,
    Toponym,
    _abbreviated_states,
    _demonym,
    _state_abbreviations,
    country_context,
    resolve,
    resolve_text,
)
from .knowledge import countries
from .nlp import model


def _row(text: str, start: int, t: Toponym, r: Any, gaz: Gazetteer) -> dict[str, Any]:
    """One toponym: the place its name refers to (a country or province at its own point, its
    ``seat_latitude``/``seat_longitude`` the capital where ACLED codes an event stated only by the area)."""
    p = r.place
    row: dict[str, Any] = {
        "name": text[start:start + (t.end - t.start)],
        "start": start,
        "end": start + (t.end - t.start),
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geonameid": p.geonameid if p and p.geonameid > 0 else None,
        "feature_code": p.feature_code if p else None,
        "country_code": p.country_code if p else None,
        "admin1": (display_admin(p.admin1) or None) if p else None,
        "geo_precision": r.geo_precision if p else None,
        "seat_latitude": None,
        "seat_longitude": None,
        "adjectival": t.keyword in ("demonym", "continent"),
    }
    region = gaz.region(t.name) if not t.keyword or t.keyword == "continent" else None
    if region is not None:  # "Europe", "Africa": the continent, not a town of that name
        row.update(latitude=region[1], longitude=region[2], geonameid=region[3], feature_code=region[4],
                   country_code=None, admin1=None, geo_precision=None)
        return row
    ref = gaz.referent(p) if p is not None else None
    if ref is not None:
        row.update(latitude=ref[0], longitude=ref[1], seat_latitude=p.latitude, seat_longitude=p.longitude)
        row["geonameid"] = ref[2] if ref[2] else row["geonameid"]
    return row


def _parse(seg: str, offset: int, raw: str, gaz: Gazetteer, ctx: GeoContext, to_raw: Any = None,
           doc: Any = None) -> list[dict]:
    doc = doc if doc is not None else model()(seg)

    def raw_at(i: int) -> int:  # a position of ``seg`` in the input as given
        return to_raw(i) if to_raw else offset + i

    ents = [(e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    out = []
    parts: list[Resolved] = []
    for r in resolve_text(seg, ents, gaz, ctx):
        t = r.toponym
        if r.place is None and (c := _demonym_continent(t.name, t.start, t.end, gaz)) is not None:
            r, t = c, c.toponym
        if r.place is None and not t.keyword:
            r = _second_level_area(r, gaz, ctx)
        if r.place is None:
            # "Ohio Department of Development", "Northeast Nebraska", "Fargo-Moorhead", "the Huntsville Fire
            # Department" (no French département): no place as a whole; the places named in it are
            inside = _places_inside(seg, t, gaz, ctx)
            if inside:
                parts += inside
                continue
        if r.place is None and not (t.keyword or t.prep) and gaz.region(t.name) is None:
            continue
        start = raw_at(t.start)
        if raw[start:start + (t.end - t.start)] != seg[t.start:t.end]:
            continue  # a span the cleaning joined across a cut: no exact offsets in the input
        out.append({**_row(raw, start, t, r, gaz), "_r": r})

    def taken(s: int, e: int) -> bool:
        a = raw_at(s)
        b = a + (e - s)
        return any(o["start"] < b and a < o["end"] for o in out)

    _towns_before_their_states(out, raw, gaz, ctx)
    # a county stated so ("the Avoyelles Parish Sheriff's Office", "Jackson and Barrow counties") is the
    # county, not a town of its name read before
    for t in _named_counties(seg, gaz):
        r = resolve(t, gaz, ctx)
        if r.place is None or r.place.feature_code != "ADM2":
            continue
        a = raw_at(t.start)
        b = a + (t.end - t.start)
        if raw[a:b] != seg[t.start:t.end] or any(
                o["start"] < b and a < o["end"] and o["feature_code"] == "ADM2" for o in out):
            continue
        out = [o for o in out if not (o["start"] < b and a < o["end"])]
        out.append({**_row(raw, a, t, r, gaz), "_r": r})
    extra: list[Resolved] = [r for r in parts if not taken(r.toponym.start, r.toponym.end)]
    for e in doc.ents:
        if e.label_ == "NORP" and not taken(e.start_char, e.end_char):
            r = _demonym_country(e.text, e.start_char, e.end_char, gaz) or \
                _demonym_continent(e.text, e.start_char, e.end_char, gaz) or \
                _demonym_area(e.text, e.start_char, e.end_char, gaz, ctx)
            if r is not None:
                extra.append(r)
    for t in _embedded_toponyms(seg, doc, gaz):
        if not taken(t.start, t.end) and not any(x.toponym.start < t.end and t.start < x.toponym.end for x in extra):
            # "The Canadian Press": a demonym opening a name is its country's, not a town of that name
            r = _demonym_country(t.name, t.start, t.end, gaz) or resolve(t, gaz, ctx)
            if r.place is not None:
                extra.append(r)
    for r in extra:
        t = r.toponym
        start = raw_at(t.start)
        if raw[start:start + (t.end - t.start)] == seg[t.start:t.end]:
            out.append({**_row(raw, start, t, r, gaz), "_r": r})
    return out


# words after a place name that make it an attribute of people, bodies or things there ("a Huntsville man",
# "Berea police", "the Lancaster City Council", "Sligo-based", "Vancouver International Airport")
_ATTRIBUTIVE = re.compile(
    r"(?:-based\b|\s+(?:man|woman|men|women|boy|girl|teen|teenager|youth|resident|residents|native|couple|family|"
    r"families|police|officers?|firefighters|deputies|sheriff|mayor|council|councillors?|city council|city|county|"
    r"school|schools|schoolchildren|students|hospital|airport|university|college|business|businesses|company|firm|"
    r"area|region|office|department|police department|fire department|court|jail|prison|authorities|officials|"
    r"government|voters|lawmakers|legislature|senator|representative|mla|mp|mpp|mep|alderman|home|homes|apartment|"
    r"street|road|plant|factory|church|store|mall|park|market|station)\b)", re.I)
_DATELINE = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?]\s\s)|(?<=\d{4}\s))([A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+){0,3})"
                       r"(?:,\s+([A-Z][\w.]+(?:\s[A-Z][\w.]+)?))?\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?"
                       r"(?:(?:--|[-—–])\s|(?<=\.)\s(?=[A-Z]))")
# a legislator's party and home town or state ("Sen. Ray Miller, D-Columbus", "Rep. Lee, D-Oakland", "D-W. Va.")
_PARTY_HOME = re.compile(r"(?<![\w-])[DRI]-((?:St\.\s)?[A-Z][\w'’]*\.?(?:\s?[A-Z][\w'’]*\.?){0,2}?)"
                         r"(?=[,;)]|\s+and\b|$)")


# a capitalised name ending in a word that mostly ends the names of sites and bodies ("the World Bank", "City Hall
# Park"), with the place cue before it
_SITE_WORD_NAME = re.compile(r"(?:\b(?P<prep>in|near|at|from|to|into|across|outside|throughout|of)\s+)?(?:[Tt]he\s+)?"
                             r"\b(?P<name>(?:[A-Z][\w'’]*\s+){1,2}(?:" + "|".join(sorted(_FACILITY)) + r"))\b")


def _named_like_a_site(seg: str, gaz: Gazetteer) -> list[Toponym]:
    """Places whose names end in a word that mostly ends the names of sites and bodies ("Bank", "Park",
    "Federation"): a country or first-level area the gazetteer holds under the whole name ("the West Bank",
    "the Russian Federation"), or, after a place cue ("in East Bank", not "at": "at Hamilton Square" is a site),
    a town under its own whole name."""
    out: list[Toponym] = []
    for m in _SITE_WORD_NAME.finditer(seg):
        name = m.group("name")
        if name.split()[0] in _STOP:
            continue
        key, town_cue = norm(name), m.group("prep") not in (None, "at", "of")  # "at Hamilton Square": a site
        if any(k in ("country", "admin1") or (town_cue and k == "city" and norm(p.name) == key)
               for p, k in gaz.lookup(name)):
            out.append(Toponym(name, m.start("name"), m.end("name"), m.group("prep") or ""))
    return out


_COUNTY_NAME = re.compile(r"\b((?:St\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(County|Parish)\b")
_COUNTIES = re.compile(r"\b((?:[A-Z][\w'’-]*,?\s+(?:and\s+)?)+)(counties|parishes)\b")


def _named_counties(seg: str, gaz: Gazetteer) -> list[Toponym]:
    """Counties named with their area word wherever they stand ("the Avoyelles Parish Sheriff's Office", "the
    Kanawha County Republican"), and each of a list before the plural ("Jackson and Barrow counties",
    "Braxton, McDowell and Monongalia counties"), where the gazetteer knows a county of the name."""
    out: list[Toponym] = []
    for m in _COUNTY_NAME.finditer(seg):
        name, word = m.group(1), m.group(2).lower()
        if name.split()[0] not in _STOP and gaz.lookup_admin2(f"{name} {word}"):
            out.append(Toponym(name, m.start(1), m.end(1), keyword=word))
    for m in _COUNTIES.finditer(seg):
        word = "county" if m.group(2) == "counties" else "parish"
        for w in re.finditer(r"[A-Z][\w'’-]*", m.group(1)):
            if w.group() not in _STOP and gaz.lookup_admin2(f"{w.group()} {word}"):
                out.append(Toponym(w.group(), m.start(1) + w.start(), m.start(1) + w.end(), keyword=word))
    return out


def _embedded_toponyms(seg: str, doc: Any, gaz: Gazetteer) -> list[Toponym]:
    """Place names the patterns of ``find_toponyms`` do not state as places, where English uses them as
    attributes or in names: "a Huntsville man", "Sligo-based", "the Richmond Police Department", "Texas
    Southern University", and an agency dateline opening a sentence ("COLUMBUS, Ohio (AP) --")."""
    out: list[Toponym] = _named_like_a_site(seg, gaz)
    abbreviations = _state_abbreviations()[0]
    for m in _DATELINE.finditer(seg):
        name = m.group(1).rstrip(".").title()
        state = abbreviations.get((m.group(2) or "").replace(" ", ""))
        if not re.search(r"(?:--|[-—–])\s$", m.group(0)) and not state:
            continue  # no dash after the town: only a town with its state abbreviated ("SALINA, Kan. Strong")
        if len(name) > 2 and gaz.lookup(name):
            hints = (state,) if state else (m.group(2).rstrip("."),) if m.group(2) else ()
            out.append(Toponym(name, m.start(1), m.start(1) + len(name), "", "", hints[0] if hints else "", hints))
    for m in _PARTY_HOME.finditer(seg):
        name = m.group(1)
        state = abbreviations.get(name.replace(" ", ""))
        if state:
            out.append(Toponym(state, m.start(1), m.end(1), keyword="state"))
        elif not name.endswith(".") and name.split()[0] not in _STOP:
            out.append(Toponym(name, m.start(1), m.end(1), prep="of"))
    for e in doc.ents:
        if e.label_ not in ("ORG", "FAC", "GPE", "PERSON") and not _ATTRIBUTIVE.match(seg, e.end_char):
            continue
        # the longest run of the entity's first words that names a place, followed by more of the name or by
        # an attributive word
        toks = [t for t in e if not t.is_punct or t.text == "."]
        if toks and toks[0].lower_ == "the":
            toks = toks[1:]
        if not toks:
            continue
        first = toks[0].idx
        for k in range(min(len(toks), 3), 0, -1):
            span = seg[first:toks[k - 1].idx + len(toks[k - 1].text)]
            # the rest of a body's or site's name ("Police Department", "Southern University", "Herald"); a firm
            # named after its partners ("Stevens & Wilkinson") holds no place
            rest = seg[toks[k].idx:e.end_char] if k < len(toks) else ""
            rest_is_name = e.label_ in ("ORG", "FAC") and bool(rest) and not re.match(r"(?:&|and\b)", rest)
            if not (rest_is_name or _ATTRIBUTIVE.match(seg, first + len(span))):
                continue
            county = _county_word(seg, first + len(span))
            if span[:1].isupper() and not any(t.text in _STOP for t in toks[:k]) and (
                    county or _is_place_name(span, gaz)):
                out.append(Toponym(span, first, first + len(span), keyword=county))
                break
        else:
            # "American Electric Power", "the Georgian Foreign Ministry", "British Waterways": a body named with
            # its country's demonym and no place is that country's
            if e.label_ in ("ORG", "FAC") and len(toks) > 1 and _demonym(toks[0].text):
                out.append(Toponym(toks[0].text, first, first + len(toks[0].text)))
    return out


def _is_place_name(name: str, gaz: Gazetteer) -> bool:
    """A name the gazetteer holds, as written (not only without an area word: "Ohio Department" is none), as
    a country, first-level area or town of some size (1,000 people); a compass word alone is none ("East" of
    "East Bank Middle School")."""
    if _COMPASS.fullmatch(name + " "):
        return False
    key = norm(name)
    return any((k in ("country", "admin1") or p.population >= 1000) and key in (norm(p.name), norm(p.admin1))
               or (k == "country" and gaz.has_name(key)) for p, k in gaz.lookup(name))


_COMPASS = re.compile(r"(?:Far\s+)?(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|"
                      r"North-?east(?:ern)?|North-?west(?:ern)?|South-?east(?:ern)?|South-?west(?:ern)?|Northeast|"
                      r"Northwest|Southeast|Southwest)\s+")


def _places_inside(seg: str, t: Toponym, gaz: Gazetteer, ctx: GeoContext) -> list[Resolved]:
    """The places named inside a capitalised run that is no place itself: its first words ("Ohio" of "Ohio
    Department of Development", after a compass word: "Northeast Nebraska"), or each part of a hyphenated
    pair ("Fargo-Moorhead", "Israeli-Egyptian": a demonym is its country)."""
    text = seg[t.start:t.end]
    if "-" in text and " " not in text:
        out, pos = [], t.start
        for piece in text.split("-"):
            if piece[:1].isupper():
                r = _demonym_country(piece, pos, pos + len(piece), gaz)
                if r is None and _is_place_name(piece, gaz):
                    r = resolve(Toponym(piece, pos, pos + len(piece)), gaz, ctx)
                if r is not None and r.place is not None:
                    out.append(r)
            pos += len(piece) + 1
        return out
    start = t.start
    if (c := re.match(r"(?:of|the)\s+", text)) and c.end() < len(text):
        start += c.end()  # "of Rochester": a span that took the word before the name
    if (c := _COMPASS.match(seg, start, t.end)) and c.end() < t.end:
        start = c.end()
    words = list(re.finditer(r"\S+", seg[start:t.end]))
    for k in range(min(len(words), 3), 0, -1):
        name = seg[start:start + words[k - 1].end()]
        county = _county_word(seg, start + len(name))
        if name[:1].isupper() and name.split()[0] not in _STOP and (county or _is_place_name(name, gaz)) and (
                k < len(words) or start > t.start):
            r = resolve(Toponym(name, start, start + len(name), keyword=county), gaz, ctx)
            return [r] if r.place is not None else _places_within(seg, t, gaz, ctx)
    # "the Conference Board of Canada", "the Coptic Orthodox Church of Alexandria": the place after the last "of"
    tail = list(re.finditer(r"\s+of\s+(?:the\s+)?(?=[A-Z])", seg[start:t.end]))
    if tail:
        a = start + tail[-1].end()
        name = seg[a:t.end]
        if name.split()[0] not in _STOP and _is_place_name(name, gaz):
            r = resolve(Toponym(name, a, t.end), gaz, ctx)
            return [r] if r.place is not None else _places_within(seg, t, gaz, ctx)
    if len(words) > 1 and (r := _demonym_country(words[0].group(), start, start + words[0].end(), gaz)) is not None:
        return [r]  # "the Russian Museum", "Georgian MoD", naming no place: the demonym is its country's
    return _places_within(seg, t, gaz, ctx)


def _places_within(seg: str, t: Toponym, gaz: Gazetteer, ctx: GeoContext) -> list[Resolved]:
    """The places named further inside a run that is no place, where the text shows the words name a place:
    a name followed by "County" or "Parish" ("Leadership Henry County", "the Springfield-Greene County Health
    Department"), a country or state under its own name ("the Original Texas Playboys", "the Tour de France"),
    or a name the article places elsewhere ("the Best Western DeKalb Inn" in a report that names DeKalb).
    A person's surname is none ("George Washington"), nor the whole run."""
    words = list(re.finditer(r"[^\s-]+", seg[t.start:t.end]))
    out: list[Resolved] = []
    i = 0
    while i < len(words):
        for k in range(min(3, len(words) - i), 0, -1):
            a, b = t.start + words[i].start(), t.start + words[i + k - 1].end()
            name = seg[a:b].rstrip(".,'’")
            b = a + len(name)
            if (a, b) == (t.start, t.end) or not name[:1].isupper() or name.split()[0] in _STOP \
                    or name in ctx.person_names or _COMPASS.fullmatch(name + " "):
                continue
            county = _county_word(seg, b)
            key = norm(name)
            if not (county or key in ctx.placed_names
                    or any(kind in ("country", "admin1") and key == norm(p.name if kind == "country" else p.admin1)
                           for p, kind in gaz.lookup(name))):
                continue
            r = resolve(Toponym(name, a, b, keyword=county), gaz, ctx)
            if r.place is not None:
                out.append(r)
                i += k - 1
                break
        i += 1
    return out


def _towns_before_their_states(rows: list[dict], raw: str, gaz: Gazetteer, ctx: GeoContext) -> None:
    """"Richmond, Virginia, Fort Lauderdale and Orlando, Florida": a town right before a state or province it
    has a namesake in, read as that state, lies in it, also where the text's chain of areas was read as a list
    (and so stated none); so does a town joined to it by "and" ("Nashville and Cordova, Tennessee")."""
    rows.sort(key=lambda d: d["start"])

    def town(d: dict) -> bool:
        r = d["_r"]
        return r.place is not None and r.kind == "city" and not d["adjectival"] and not r.toponym.hints

    for i in range(len(rows) - 1):
        b = rows[i + 1]
        rb = b["_r"]
        if rb.place is None or rb.kind != "admin1" or not re.fullmatch(r"\s*,\s*", raw[rows[i]["end"]:b["start"]]):
            continue
        state = (rb.place.country_code, admin_norm(rb.place.admin1))
        js = [i]
        if i > 0 and re.fullmatch(r"\s+and\s+", raw[rows[i - 1]["end"]:rows[i]["start"]]):
            js.append(i - 1)
        for j in js:
            a = rows[j]
            if not town(a) or (a["_r"].place.country_code, admin_norm(a["_r"].place.admin1)) == state:
                continue
            t = a["_r"].toponym
            r = resolve(Toponym(t.name, t.start, t.end, t.prep, t.keyword, rb.toponym.name, (rb.toponym.name,)),
                        gaz, ctx)
            if r.place is not None and r.kind == "city" and (r.place.country_code, admin_norm(r.place.admin1)) == state:
                rows[j] = {**_row(raw, a["start"], t, r, gaz), "_r": r}


def _county_word(seg: str, end: int) -> str:
    """"County" or "Parish" right after a name ("the Laurel County Sheriff's Office"): the name is a county."""
    m = re.match(r"\s+(County|Parish)\b", seg[end:])
    return m.group(1).lower() if m else ""


def _second_level_area(r: Resolved, gaz: Gazetteer, ctx: GeoContext) -> Resolved:
    """"Oxfordshire", "Cuyahoga": a name the gazetteer knows only as a second-level area (a county) is that
    area, in a country the article names (or any, where it names none). Only the geoparser reads a bare
    name so; event coding places a report stated only by a district as ACLED does."""
    areas = [p for p in gaz.lookup_admin2(r.toponym.name)
             if not ctx.country_votes or p.country_code in ctx.country_votes]
    if not areas:
        return r
    return Resolved(r.toponym, max(areas, key=lambda p: p.population), "city", 2)


def _demonym_country(name: str, start: int, end: int, gaz: Gazetteer) -> Resolved | None:
    """A country's demonym ("Russian", "Georgians", "the Turkish government"): an adjectival toponym whose
    referent is the country (it names no place an event could be coded to, so only ``geoparse`` reports it)."""
    db = countries()
    c = db.lookup.get(name.lower())
    if c is None and name.endswith("s"):
        c = db.lookup.get(name[:-1].lower())
    if c is None or name.lower() in {c.name.lower(), *(a.lower() for a in c.aliases)}:
        return None
    place = next((p for p, k in gaz.lookup(c.name) if k == "country" and p.country_code == c.alpha2), None)
    if place is None:
        return None
    return Resolved(Toponym(name, start, end, keyword="demonym"), place, "country", 3)


def _demonym_continent(name: str, start: int, end: int, gaz: Gazetteer) -> Resolved | None:
    """A continent's adjective ("European", "Asian", "African"): an adjectival toponym whose referent is the
    continent (the adjective less its "-n" or "-an": Europe, Asia, Africa)."""
    for base in (name[:-1], name[:-2]) if name.endswith("n") else ():
        region = gaz.region(base) if len(base) > 3 else None
        if region is not None and norm(region[0]) == norm(base):
            return Resolved(Toponym(region[0], start, end, keyword="continent"), None, "unknown", 3)
    return None


def _demonym_area(name: str, start: int, end: int, gaz: Gazetteer, ctx: GeoContext) -> Resolved | None:
    """The people of a state or province ("Minnesotans", "Ohioans", "Dagestani"): an adjectival toponym whose
    referent is the first-level area the name less its "-ns", "-ans" or "-i" names (a plural or an "-i" form
    only: "Victorian" alone is an age more often than the people of Victoria); where several areas bear the
    name, the one of a country the article names."""
    bases = [name[:-2], name[:-3]] if name.endswith("ns") else [name[:-1]] if name.endswith("i") else []
    for base in bases:
        if len(base) < 4:
            continue
        areas = [p for p, k in gaz.lookup(base) if k == "admin1" and admin_norm(p.admin1) == admin_norm(base)]
        if areas:
            place = max(areas, key=lambda p: (ctx.country_votes.get(p.country_code, 0), p.population))
            return Resolved(Toponym(name, start, end, keyword="demonym"), place, "admin1", 3)
    return None


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    gaz = gazetteer or default_gazetteer()
    ct = clean(text)
    full = ct.text
    actors = find_actors(full, None)
    doc = model()(full)
    # read twice: the first reading gathers where the article is (its countries, towns, the states and
    # counties it names), the second resolves every name knowing all of it ("Paris" before "Henry County")
    base = country_context(full, ct.dateline, gaz, actors)
    base.person_names = {e[-1].text for e in doc.ents
                         if e.label_ == "PERSON" and len(e) >= 2 and e[-1].text[:1].isupper()}
    first = base.fresh()
    rows = _parse(full, 0, text, gaz, first, ct.to_raw, doc)
    ctx = base.fresh()
    # each name the first reading placed votes once for its country, however often it is repeated (an
    # article that names Edmonton ten times and Hornsey, Walthamstow and Wood Green once is in London)
    for name, cc in {(norm(r["name"]), r["country_code"]) for r in rows
                     if r["_r"].place is not None and not r["adjectival"] and r["country_code"]}:
        ctx.vote(name, cc, 0.5)
    ctx.anchors = list(first.anchors)
    # the towns the first reading found inside names and as attributes ("the Belchertown State School", "a
    # Huntsville man") are the article's places too: they pull their neighbours as the towns it states do
    for d in rows:
        r = d["_r"]
        if r.place is not None and r.kind == "city" and not d["adjectival"] and r.toponym.keyword != "site" \
                and r.place.feature_code not in ("ADM1", "ADM2") and r.place not in ctx.anchors:
            ctx.anchors.append(r.place)
    _towns_and_counties(rows, gaz, ctx)
    ctx.placed_names = {norm(r["name"]) for r in rows if r["_r"].place is not None and not r["adjectival"]
                        and r["_r"].toponym.keyword != "site"}
    _state_votes(rows, ctx)
    ctx.areas |= {(r["_r"].place.country_code, admin_norm(r["_r"].place.admin1)) for r in rows
                  if r["_r"].place is not None and r["feature_code"] in ("ADM1", "ADM2") and not r["adjectival"]}
    out = _parse(full, 0, text, gaz, ctx, ct.to_raw, doc)
    covered = set(ct.offsets)
    # the dateline ("KIRKUK, Iraq (Reuters) -"), at each line start where it stands
    if ct.dateline:
        rx = re.compile(r"(?m)^[ \t]*(" + re.escape(ct.dateline) + r")\b", re.I)
        for m in rx.finditer(text):
            # "COLUMBIA, Ky. (WBKO) --": the state stated after the town, a toponym of its own and its area
            near = m.end(1) - m.start(1) + 3
            states = [st for st in _abbreviated_states(text[m.start(1):m.end(1) + 12]) if st[1] <= near]
            hints = tuple(st[0] for st in states)
            t = Toponym(m.group(1), 0, len(m.group(1)), hint=hints[0] if hints else "", hints=hints)
            r = resolve(t, gaz, ctx)
            if r.place is not None:
                out.append({**_row(text, m.start(1), t, r, gaz), "_r": r})
            for name, a, b in states:
                st = Toponym(name, a, b, keyword="state")
                rs = resolve(st, gaz, ctx)
                if rs.place is not None:
                    out.append({**_row(text, m.start(1) + a, st, rs, gaz), "_r": rs})
    # the headline
    if ct.headline:
        h = text.find(ct.headline)
        if h >= 0:
            out += [d for d in _parse(ct.headline, h, text, gaz, ctx)
                    if not any(o["start"] == d["start"] for o in out)]
    # paragraphs and sentences removed as repeats: the toponyms of the copy they repeat, shifted
    gaps, i = [], 0
    while i < len(text):
        if i not in covered and not text[i].isspace():
            j = i
            while j < len(text) and (j not in covered):
                j += 1
            gaps.append((i, j))
            i = j
        else:
            i += 1
    kept = list(out)
    for g0, g1 in gaps:
        seg = text[g0:g1].rstrip()
        if len(seg) < 20:
            continue
        src = text.find(seg)
        if src < 0 or src >= g0:
            continue
        shift = g0 - src
        for d in kept:
            if src <= d["start"] and d["end"] <= src + len(seg):
                out.append({**d, "start": d["start"] + shift, "end": d["end"] + shift})
    out += _other_mentions(text, out)
    uniq = {d["start"]: d for d in out}
    return [{k: v for k, v in d.items() if k != "_r"} for d in _one_sense_per_discourse(
        [uniq[k] for k in sorted(uniq)])]


def _towns_and_counties(rows: list[dict[str, Any]], gaz: Gazetteer, ctx: GeoContext) -> None:
    """The counties of the towns of each name the first reading found, and the counties of each name it read
    as a county ("Henry County"), for the second reading to place towns inside the counties named."""
    for d in rows:
        r = d["_r"]
        if d["adjectival"] or r.place is None:
            continue
        key = norm(d["name"])
        if r.place.feature_code == "ADM2" or r.toponym.keyword in ("county", "parish"):
            areas = gaz.lookup_admin2(f"{r.toponym.name} {r.toponym.keyword}") if r.toponym.keyword else []
            ctx.named_counties.setdefault(key, set()).update(
                (p.country_code, admin_norm(p.admin1), admin_norm(p.admin2))
                for p in areas or gaz.lookup_admin2(r.toponym.name))
        elif key not in ctx.town_counties:  # "Palestine" read as the country may still be the Texan town
            ctx.town_counties[key] = {(p.country_code, admin_norm(p.admin1), admin_norm(p.admin2))
                                      for p, k in gaz.lookup(d["name"]) if k == "city" and p.admin2}


def _state_votes(rows: list[dict[str, Any]], ctx: GeoContext) -> None:
    """The states and provinces the first reading found: each mention of a state named as such votes 1 for
    it, each town's name votes once (0.5) for the state it lies in, however often it is repeated."""
    towns: set[str] = set()
    for d in rows:
        r = d["_r"]
        if d["adjectival"] or r.place is None or not r.place.admin1 or r.kind == "country":
            continue
        key = norm(d["name"])
        area = (r.place.country_code, admin_norm(r.place.admin1))
        if r.kind == "admin1":
            ctx.state_votes.setdefault(key, Counter())[area] += 1.0
        elif key not in towns:
            towns.add(key)
            ctx.state_votes.setdefault(key, Counter())[area] += 0.5


def _other_mentions(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A name the article uses as a place is a place wherever it stands in the article, also where no cue
    states it ("Edmonton was the only city to ...", "Edmonton's economy"): one sense per discourse. Only
    names read as a country, an area or a town under its own name (not a town's other name)."""
    spans = sorted((d["start"], d["end"]) for d in rows)
    out: list[dict[str, Any]] = []
    done: set[str] = set()
    for d in rows:
        r = d.get("_r")
        name = d["name"]
        if r is None or r.place is None or d["adjectival"] or name in done or len(name) < 4 or not name[0].isupper():
            continue
        done.add(name)
        if r.kind == "city" and d["feature_code"] != "ADM2" and norm(r.place.name) != norm(name):
            continue
        for m in re.finditer(r"(?<![\w.])" + re.escape(name) + r"(?![\w])", text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            out.append({**d, "start": m.start(), "end": m.end()})
            spans.append((m.start(), m.end()))
    return out


def _one_sense_per_discourse(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A name stands for one place throughout an article: where one mention states its area ("Paris,
    Tenn.", "Gainesville, Texas") or its kind, the other mentions of the name that state none take its place."""
    best: dict[str, tuple[int, dict[str, Any]]] = {}
    for d in rows:
        r = d.get("_r")
        if r is None or r.place is None or d["adjectival"]:
            continue
        strength = 2 if r.toponym.hints else 1 if r.toponym.keyword or r.toponym.prep else 0
        key = norm(d["name"])
        if key not in best or strength > best[key][0]:
            best[key] = (strength, d)
    out = []
    for d in rows:
        r = d.get("_r")
        b = best.get(norm(d["name"]))
        if r is not None and b is not None and b[0] == 2 and b[1] is not d and not r.toponym.hints \
                and not d["adjectival"]:
            src = b[1]
            d = {**d, **{k: src[k] for k in ("latitude", "longitude", "geonameid", "feature_code", "country_code",
                                               "admin1", "seat_latitude", "seat_longitude")}}
        out.append(d)
    return out
