"""eventcoder: news reports in, ACLED-coded conflict events with evidence out."""

from __future__ import annotations

from .export import to_dataframe
from .model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place
from .pipeline import extract

__all__ = ["Actor", "Article", "Event", "EventDate", "Evidence", "Fatalities", "Place", "extract", "geoparse",
           "to_dataframe"]
__version__ = "0.1.0"


def geoparse(text: str):  # noqa: ANN201 - re-exported lazily to keep import light
    from .geo.api import geoparse as _g

    return _g(text)
