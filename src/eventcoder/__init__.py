"""eventcoder: news reports in, ACLED-coded conflict events with evidence out."""

from __future__ import annotations

from .export import to_dataframe
from .model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place
from .pipeline import COMPONENTS, Pipeline, Result, code_article, extract

__all__ = ["COMPONENTS", "Actor", "Article", "Event", "EventDate", "Evidence", "Fatalities", "Pipeline", "Place",
           "Result", "code_article", "extract", "geoparse", "to_dataframe"]
__version__ = "0.1.0"


def geoparse(text: str):  # noqa: ANN201 - re-exported lazily to keep import light
    from .geoparsing import geoparse as _g

    return _g(text)
