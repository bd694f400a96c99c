"""eventcoder: news reports in, ACLED-coded conflict events with evidence out.

Importing the package is light (no spaCy, no gazetteer): the pipeline's names (``code_article``,
``Pipeline``, ``Result``, ``COMPONENTS``) are imported from :mod:`eventcoder.pipeline` on first use, and
``extract`` and ``geoparse`` import it when called, so that ``eventcoder --help`` starts fast.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

# The subpackage ``eventcoder.extract`` is imported (it is empty) before the function ``extract`` below takes
# its name in this namespace: importing a subpackage binds it on its parent only when it is first imported,
# so the name stays the function however the rules' modules are imported later.
from . import extract as _extract_rules  # noqa: F401
from .export import to_dataframe
from .model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place

if TYPE_CHECKING:
    from .doc import SentenceClassifier
    from .geo.gazetteer import Gazetteer
    from .pipeline import COMPONENTS, Pipeline, Result, code_article

__all__ = ["COMPONENTS", "Actor", "Article", "Event", "EventDate", "Evidence", "Fatalities", "Pipeline", "Place",
           "Result", "code_article", "extract", "geoparse", "to_dataframe"]
__version__ = "0.1.0"

_FROM_PIPELINE = frozenset({"COMPONENTS", "Pipeline", "Result", "code_article"})


def __getattr__(name: str) -> Any:
    if name in _FROM_PIPELINE:
        from . import pipeline

        value = getattr(pipeline, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _FROM_PIPELINE)


def extract(text: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None,
            classifier: SentenceClassifier | None = None) -> list[Event]:
    """Code every conflict event a news report gives, in the ACLED taxonomy, with evidence.

    ``classifier`` (a model made by ``eventcoder train``) is combined with the rules sentence by sentence.
    A relative date that cannot be resolved without ``published`` is reported as a
    :class:`~eventcoder.pipeline.NoPublicationDateWarning` (``code_article`` returns it as a diagnostic
    instead). The same function as ``eventcoder.pipeline.extract``.
    """
    from .pipeline import extract_events

    return extract_events(text, published, gazetteer, classifier, stacklevel=3)


def geoparse(text: str):  # noqa: ANN201 - re-exported lazily to keep import light
    from .geoparsing import geoparse as _g

    return _g(text)
