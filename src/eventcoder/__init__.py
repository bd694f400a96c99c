"""eventcoder: news reports in, ACLED-coded conflict events with evidence out.

The data model is imported at once; the pipeline (and with it spaCy) only when first used, so that
``eventcoder --help`` and ``import eventcoder.model`` start fast (PEP 562 module ``__getattr__``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place

if TYPE_CHECKING:
    from .export import to_dataframe
    from .pipeline import COMPONENTS, Pipeline, Result, code_article, extract

__all__ = ["COMPONENTS", "Actor", "Article", "Event", "EventDate", "Evidence", "Fatalities", "Pipeline", "Place",
           "Result", "code_article", "extract", "geoparse", "to_dataframe"]
__version__ = "0.1.0"

_LAZY = {"COMPONENTS": "pipeline", "Pipeline": "pipeline", "Result": "pipeline", "code_article": "pipeline",
         "extract": "pipeline", "to_dataframe": "export"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def geoparse(text: str):  # noqa: ANN201 - re-exported lazily to keep import light
    from .geoparsing import geoparse as _g

    return _g(text)
