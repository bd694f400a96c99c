"""Exports: ACLED CSV columns, JSON with evidence, a Rich table, a pandas DataFrame."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from .model import Event, EventRecord

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def acled_row(e: Event, n: int = 1, source: str = "") -> dict[str, Any]:
    p = e.place
    d = e.date.date
    cc = (p.country_code if p and p.country_code else "XXX")
    return {
        "event_id_cnty": f"{cc}{n}",
        "event_date": d.isoformat() if d else "",
        "year": d.year if d else "",
        "time_precision": e.date.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name,
        "assoc_actor_1": e.assoc_actor_1,
        "inter1": e.actor1.inter,
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.actor2.inter if e.actor2 else 0,
        "interaction": e.interaction,
        "civilian_targeting": e.civilian_targeting,
        "iso": p.iso if p and p.iso is not None else "",
        "region": p.region if p and p.region else "",
        "country": p.country if p and p.country else "",
        "admin1": p.admin1 if p and p.admin1 else "",
        "admin2": p.admin2 if p and p.admin2 else "",
        "admin3": p.admin3 if p and p.admin3 else "",
        "location": p.name if p else "",
        "latitude": f"{p.latitude:.4f}" if p and p.latitude is not None else "",
        "longitude": f"{p.longitude:.4f}" if p and p.longitude is not None else "",
        "geo_precision": p.geo_precision if p and p.geo_precision else "",
        "source": source or e.source,
        "source_scale": "",
        "notes": e.notes,
        "fatalities": e.fatalities.count,
        "tags": e.tags,
        "timestamp": "",
    }


def to_csv(events: Iterable[Event], source: str = "") -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for i, e in enumerate(events, 1):
        w.writerow(acled_row(e, i, source))
    return buf.getvalue()


def to_json(events: Iterable[Event], source: str = "") -> str:
    out = []
    for i, e in enumerate(events, 1):
        row = acled_row(e, i, source)
        row["evidence"] = {
            "trigger": asdict(e.trigger) if e.trigger else None,
            "actor1": asdict(e.actor1.evidence) if e.actor1.evidence else None,
            "actor2": asdict(e.actor2.evidence) if e.actor2 and e.actor2.evidence else None,
            "location": asdict(e.place.evidence) if e.place and e.place.evidence else None,
            "event_date": asdict(e.date.evidence) if e.date.evidence else None,
            "fatalities": asdict(e.fatalities.evidence) if e.fatalities.evidence else None,
            "sentences": list(e.sentences),
        }
        row["id"] = e.id
        row["weekday"] = e.date.weekday
        row["geonameid"] = e.place.geonameid if e.place else None
        row["fatalities_shared_with"] = e.fatalities.shared_with
        out.append(row)
    return json.dumps(out, indent=2, ensure_ascii=False)


def to_dataframe(events: Iterable[Event]):  # noqa: ANN201 - pandas is imported lazily
    import pandas as pd

    return pd.DataFrame([acled_row(e, i) for i, e in enumerate(events, 1)], columns=ACLED_COLUMNS)


def to_table(events: list[Event]):  # noqa: ANN201
    from rich.table import Table

    t = Table(title=f"{len(events)} event(s)", show_lines=True)
    for col in ("date", "type / sub-type", "actor1", "actor2", "location", "fat.", "evidence"):
        t.add_column(col, overflow="fold")
    for e in events:
        p = e.place
        loc = "" if p is None else f"{p.name}, {p.admin1 or ''} {p.country or ''} (prec {p.geo_precision})"
        t.add_row(e.date.date.isoformat() if e.date.date else f"? ({e.date.weekday or 'unknown'})",
                  f"{e.event_type}\n{e.sub_event_type}", e.actor1.name, e.actor2.name if e.actor2 else "",
                  loc, str(e.fatalities.count), e.trigger.text if e.trigger else "")
    return t


# ---- exports of stored events (``EventRecord``s from the store): pure writers over records ----------------

EXPORT_FORMATS = ("acled-csv", "geojson", "parquet", "jsonl", "plover")


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def acled_values(r: EventRecord) -> dict[str, Any]:
    """A record's ACLED columns as JSON values (ISO date, numbers as numbers, None where unknown)."""
    return {c: _plain(r.acled.get(c)) for c in ACLED_COLUMNS}


def acled_csv_row(r: EventRecord) -> dict[str, str]:
    """A record's ACLED columns as ACLED's CSV writes them (coordinates to 4 decimals, empty where unknown)."""
    row: dict[str, str] = {}
    for c in ACLED_COLUMNS:
        v = r.acled.get(c)
        if v is None:
            row[c] = ""
        elif c in ("latitude", "longitude"):
            row[c] = f"{float(v):.4f}"
        else:
            row[c] = str(_plain(v))
    return row


def write_acled_csv(records: Iterable[EventRecord], out: TextIO) -> int:
    """ACLED's columns in ACLED's order, a header even with no rows. Returns the rows written."""
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for r in records:
        w.writerow(acled_csv_row(r))
        n += 1
    return n


def sources_json(r: EventRecord) -> list[dict[str, Any]]:
    return [{"article_id": s.article_id, "url": s.url, "outlet": s.outlet, "published": _plain(s.published),
             "event_id": s.source_event_id, "fatalities": s.fatalities, "evidence": s.evidence} for s in r.sources]


def write_jsonl(records: Iterable[EventRecord], out: TextIO) -> int:
    """One event a line: the ACLED columns, the stable ``id``, ``geonameid``, ``evidence`` and ``sources``."""
    n = 0
    for r in records:
        obj = acled_values(r) | {"id": r.id, "geonameid": r.geonameid, "evidence": r.evidence,
                                 "sources": sources_json(r)}
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(records: Iterable[EventRecord], out: TextIO) -> tuple[int, int]:
    """A GeoJSON FeatureCollection of Point features (properties: the ACLED columns). Events without
    coordinates are left out. Returns (features written, events left out)."""
    written = left_out = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for r in records:
        lat, lon = r.acled.get("latitude"), r.acled.get("longitude")
        if lat is None or lon is None:
            left_out += 1
            continue
        feature = {"type": "Feature", "id": r.acled.get("event_id_cnty"),
                   "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                   "properties": acled_values(r)}
        out.write(("\n" if written == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, left_out


def parquet_schema():  # noqa: ANN201 - pyarrow is imported lazily
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities"}
    fields = []
    for c in ACLED_COLUMNS:
        if c == "event_date":
            t = pa.date32()
        elif c in ("latitude", "longitude"):
            t = pa.float64()
        elif c == "timestamp":
            t = pa.int64()
        elif c in ints:
            t = pa.int32()
        else:
            t = pa.string()
        fields.append(pa.field(c, t))
    fields += [pa.field("id", pa.string()), pa.field("geonameid", pa.int64()), pa.field("sources", pa.int32())]
    return pa.schema(fields)


def write_parquet(records: Iterable[EventRecord], out: Any, batch: int = 10_000) -> int:
    """Parquet (pyarrow) with typed columns: ``event_date`` a date, counts and codes integers, coordinates
    floats, plus ``id``, ``geonameid`` and the number of ``sources``. ``out``: a path or a binary file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as w:
        rows: list[dict[str, Any]] = []
        for r in records:
            rows.append({c: r.acled.get(c) for c in ACLED_COLUMNS}
                        | {"id": r.id, "geonameid": r.geonameid, "sources": len(r.sources)})
            if len(rows) >= batch:
                w.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            w.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


# ACLED sub-event type -> (PLOVER event type, PLOVER mode, PLOVER contexts); the README shows this table
PLOVER_MAP: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Armed clash": ("ASSAULT", "firearms", ("armed-conflict",)),
    "Government regains territory": ("COERCE", "seize", ("territory",)),
    "Non-state actor overtakes territory": ("COERCE", "seize", ("territory",)),
    "Chemical weapon": ("ASSAULT", "cbrn", ()),
    "Air/drone strike": ("ASSAULT", "aerial", ()),
    "Suicide bomb": ("ASSAULT", "suicide-bomb", ()),
    "Shelling/artillery/missile attack": ("ASSAULT", "artillery", ()),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives", ()),
    "Grenade": ("ASSAULT", "explosives", ()),
    "Sexual violence": ("ASSAULT", "sexual", ()),
    "Attack": ("ASSAULT", "unspecified", ()),
    "Abduction/forced disappearance": ("ASSAULT", "abduct", ()),
    "Peaceful protest": ("PROTEST", "demonstrate", ()),
    "Protest with intervention": ("PROTEST", "demonstrate", ("intervention",)),
    "Excessive force against protesters": ("ASSAULT", "beat", ("protest",)),
    "Violent demonstration": ("PROTEST", "riot", ()),
    "Mob violence": ("PROTEST", "riot", ("mob",)),
    "Agreement": ("AGREE", "", ()),
    "Arrests": ("COERCE", "arrest", ()),
    "Change to group/activity": ("MOBILIZE", "", ()),
    "Disrupted weapons use": ("COERCE", "seize", ("weapons",)),
    "Headquarters or base established": ("MOBILIZE", "troops", ()),
    "Looting/property destruction": ("COERCE", "destroy", ("property",)),
    "Non-violent transfer of territory": ("RETREAT", "withdraw", ("territory",)),
    "Other": ("OTHER", "", ()),
}


def plover_event(r: EventRecord) -> dict[str, Any]:
    """One event PLOVER-style: event type, mode and contexts from :data:`PLOVER_MAP`, actor and recipient,
    the place, the date, the toll, the sources, and the ACLED coding it came from."""
    a = r.acled
    etype, mode, contexts = PLOVER_MAP.get(a.get("sub_event_type") or "", ("OTHER", "", ()))
    ctx = list(contexts)
    if a.get("civilian_targeting"):
        ctx.append("civilians")
    return {
        "id": r.id,
        "event_id_cnty": a.get("event_id_cnty"),
        "event_date": _plain(a.get("event_date")),
        "event_type": etype,
        "mode": mode,
        "contexts": ctx,
        "actor": a.get("actor1") or "",
        "actor_inter": a.get("inter1"),
        "recipient": a.get("actor2") or "",
        "recipient_inter": a.get("inter2"),
        "location": {"name": a.get("location") or "", "admin1": a.get("admin1") or "",
                     "country": a.get("country") or "", "latitude": a.get("latitude"),
                     "longitude": a.get("longitude"), "geo_precision": a.get("geo_precision"),
                     "geonameid": r.geonameid},
        "fatalities": a.get("fatalities"),
        "sources": [{"url": s.url, "outlet": s.outlet, "published": _plain(s.published)} for s in r.sources],
        "acled": {"disorder_type": a.get("disorder_type"), "event_type": a.get("event_type"),
                  "sub_event_type": a.get("sub_event_type")},
    }


def write_plover(records: Iterable[EventRecord], out: TextIO) -> int:
    """A JSON array of PLOVER-style events (:func:`plover_event`)."""
    n = 0
    out.write("[")
    for r in records:
        out.write(("\n" if n == 0 else ",\n") + json.dumps(plover_event(r), ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n
