"""Events to and from the JSON the store keeps of each source (``event_sources.event``), and a minimal event
rebuilt from an event row where a source predates that column."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Actor, Event, EventDate, Evidence, Fatalities, Place
from .models import EventRow


def event_to_json(e: Event) -> dict[str, Any]:
    return e.to_dict()


def _evidence(d: dict[str, Any] | None) -> Evidence | None:
    return Evidence(**d) if d else None


def _actor(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(d["name"], int(d["inter"]), _evidence(d.get("evidence")))


def _place(d: dict[str, Any] | None) -> Place | None:
    if not d:
        return None
    return Place(**{**d, "evidence": _evidence(d.get("evidence"))})


def event_from_json(d: dict[str, Any]) -> Event:
    """The :class:`Event` that :func:`event_to_json` wrote."""
    date = d.get("date") or {}
    day = date.get("date")
    fat = d.get("fatalities") or {}
    actor1 = _actor(d.get("actor1"))
    assert actor1 is not None
    return Event(
        event_type=d["event_type"], sub_event_type=d["sub_event_type"], disorder_type=d["disorder_type"],
        actor1=actor1, actor2=_actor(d.get("actor2")), assoc_actor_1=d.get("assoc_actor_1", ""),
        assoc_actor_2=d.get("assoc_actor_2", ""), interaction=d.get("interaction", 0),
        civilian_targeting=d.get("civilian_targeting", ""),
        date=EventDate(dt.date.fromisoformat(day) if day else None, int(date.get("time_precision", 3)),
                       _evidence(date.get("evidence")), date.get("weekday")),
        place=_place(d.get("place")),
        fatalities=Fatalities(int(fat.get("count", 0)), _evidence(fat.get("evidence")), int(fat.get("shared_with", 1))),
        notes=d.get("notes", ""), tags=d.get("tags", ""), source=d.get("source", ""),
        trigger=_evidence(d.get("trigger")), sentences=tuple(d.get("sentences", ())),
        secondary=tuple(d.get("secondary", ())), confidence=float(d.get("confidence", 1.0)), id=d.get("id", ""),
    )


def _alpha2(alpha3: str) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3) if alpha3 and alpha3 != "XXX" else None
    return c.alpha_2 if c is not None else None


def event_from_row(row: EventRow, fatalities: int) -> Event:
    """A minimal event from an event row's ACLED columns (no evidence spans), with a source's own toll."""
    place = None
    if row.location or row.latitude is not None:
        place = Place(row.location, country=row.country or None, iso=row.iso, country_code=_alpha2(row.country_code),
                      region=row.region or None, admin1=row.admin1 or None, admin2=row.admin2 or None,
                      admin3=row.admin3 or None, latitude=row.latitude, longitude=row.longitude,
                      geo_precision=row.geo_precision, geonameid=row.geonameid)
    return Event(
        event_type=row.event_type, sub_event_type=row.sub_event_type, disorder_type=row.disorder_type,
        actor1=Actor(row.actor1, row.inter1), actor2=Actor(row.actor2, row.inter2) if row.actor2 else None,
        assoc_actor_1=row.assoc_actor_1, assoc_actor_2=row.assoc_actor_2, interaction=row.interaction,
        civilian_targeting=row.civilian_targeting, date=EventDate(row.event_date, row.time_precision),
        place=place, fatalities=Fatalities(fatalities), notes=row.notes, tags=row.tags, id=row.id,
    )
