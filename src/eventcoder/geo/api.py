"""``geoparse(text)``: every toponym in a text, resolved, with offsets into the input as given."""

from __future__ import annotations

from typing import Any

from ..clean import clean
from ..extract.actors import find_actors
from ..nlp import model
from .gazetteer import Gazetteer, default_gazetteer
from .resolve import country_context, find_toponyms, resolve


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    gaz = gazetteer or default_gazetteer()
    ct = clean(text)
    full = ct.text
    named = [a.country for a in find_actors(full, None) if a.kind == "named" and a.country]
    ctx = country_context(full, ct.dateline, gaz, named)
    doc = model()(full)
    ents = [(e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    out = []
    for t in find_toponyms(full, ents):
        r = resolve(t, gaz, ctx)
        if r.place is not None and r.kind == "city":
            ctx.anchors.append(r.place)
        if r.place is None and not (t.keyword or t.prep):
            continue
        p = r.place
        start = ct.to_raw(t.start)
        out.append({
            "name": text[start:start + (t.end - t.start)],
            "start": start,
            "end": start + (t.end - t.start),
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "geonameid": p.geonameid if p and p.geonameid > 0 else None,
            "feature_code": p.feature_code if p else None,
            "country_code": p.country_code if p else None,
            "admin1": p.admin1 if p else None,
            "geo_precision": r.geo_precision if p else None,
        })
    return out
