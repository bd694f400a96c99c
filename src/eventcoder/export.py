"""Exports: ACLED CSV columns, JSON with evidence, a Rich table, a pandas DataFrame."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from .model import Event

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
