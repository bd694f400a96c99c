"""``geoparse(text)``: every toponym in a text, resolved, with offsets into the input as given.

The body is cleaned first (headline, dateline and repeated paragraphs recognised) so the article's
country and places give context; toponyms in the headline, the dateline and in repeated copies of a
paragraph are reported too, each at its own offsets in the input.
"""

from __future__ import annotations

import re
from typing import Any

from .clean import clean
from .extract.actors import find_actors
from .geo.gazetteer import Gazetteer, default_gazetteer, display_admin
from .geo.resolve import GeoContext, Resolved, Toponym, country_context, resolve, resolve_text
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
        "adjectival": t.keyword == "demonym",
    }
    region = gaz.region(t.name) if not t.keyword else None
    if region is not None:  # "Europe", "Africa": the continent, not a town of that name
        row.update(latitude=region[1], longitude=region[2], geonameid=region[3], feature_code=region[4],
                   country_code=None, admin1=None, geo_precision=None)
        return row
    ref = gaz.referent(p) if p is not None else None
    if ref is not None:
        row.update(latitude=ref[0], longitude=ref[1], seat_latitude=p.latitude, seat_longitude=p.longitude)
        row["geonameid"] = ref[2] if ref[2] else row["geonameid"]
    return row


def _parse(seg: str, offset: int, raw: str, gaz: Gazetteer, ctx: GeoContext, to_raw: Any = None) -> list[dict]:
    doc = model()(seg)
    ents = [(e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    out = []
    for r in resolve_text(seg, ents, gaz, ctx):
        t = r.toponym
        if r.place is None and not (t.keyword or t.prep) and gaz.region(t.name) is None:
            continue
        start = to_raw(t.start) if to_raw else offset + t.start
        if raw[start:start + (t.end - t.start)] != seg[t.start:t.end]:
            continue  # a span the cleaning joined across a cut: no exact offsets in the input
        out.append(_row(raw, start, t, r, gaz))
    for e in doc.ents:
        if e.label_ != "NORP" or any(o["start"] <= (to_raw(e.start_char) if to_raw else offset + e.start_char)
                                     < o["end"] for o in out):
            continue
        r = _demonym_country(e.text, e.start_char, e.end_char, gaz)
        if r is None:
            continue
        start = to_raw(e.start_char) if to_raw else offset + e.start_char
        if raw[start:start + len(e.text)] == e.text:
            out.append(_row(raw, start, r.toponym, r, gaz))
    return out


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


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    gaz = gazetteer or default_gazetteer()
    ct = clean(text)
    full = ct.text
    ctx = country_context(full, ct.dateline, gaz, find_actors(full, None))
    out = _parse(full, 0, text, gaz, ctx, ct.to_raw)
    covered = set(ct.offsets)
    # the dateline ("KIRKUK, Iraq (Reuters) -"), at each line start where it stands
    if ct.dateline:
        rx = re.compile(r"(?m)^[ \t]*(" + re.escape(ct.dateline) + r")\b", re.I)
        for m in rx.finditer(text):
            t = Toponym(m.group(1), 0, len(m.group(1)))
            r = resolve(t, gaz, ctx)
            if r.place is not None:
                out.append(_row(text, m.start(1), t, r, gaz))
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
    uniq = {d["start"]: d for d in out}
    return [uniq[k] for k in sorted(uniq)]
