"""The internal document: one article on its way through the pipeline's named components.

Each component (see :mod:`eventcoder.pipeline`) reads what earlier ones wrote and returns a new
:class:`Document` with its own output added (``dataclasses.replace``); none changes what another wrote.

    Article -> clean -> sentences -> context -> prefilter -> parse -> places -> dates
            -> mentions -> (tolls, summaries, handovers) -> events -> evidence/identity
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .geo.resolve import GeoContext, Resolved
from .model import ActorMention, Article, CleanText, DateMention, Event, Sentence

if TYPE_CHECKING:
    from .extract.classify import Classification
    from .geo.gazetteer import Gazetteer


class SentenceClassifier(Protocol):
    """A learned classifier combined with the rules (see ``eventcoder.classifier.TrainedModel``)."""

    def judge(self, sentences: list[str]) -> list[tuple[str, float]]: ...

    def wants(self, judged: tuple[str, float]) -> bool: ...

    def combine(self, text: str, rule: Classification | None, judged: tuple[str, float],
                context: str | None = None) -> Classification | None: ...


@dataclass(frozen=True)
class Diagnostic:
    """Something a user should know about a run (instead of process-global ``warnings``)."""

    code: str  # "no-publication-date", "place-not-in-gazetteer"
    message: str
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "sentence": self.sentence}


@dataclass(frozen=True)
class Mention:
    """One sentence's event, before mentions of the same event are merged."""

    sentence: Sentence
    sub_event_type: str
    trigger: tuple[int, int]
    confidence: float
    actor1: ActorMention
    actor2: ActorMention | None
    date: DateMention | None
    fatalities: int
    fatalities_span: tuple[int, int] | None
    places: tuple[Resolved, ...]
    country: str | None


@dataclass(frozen=True)
class EventDay:
    """The day a mention's event is dated to, and where that date was read (no sentence: the publication
    date, or nothing)."""

    date: dt.date | None
    precision: int
    mention: DateMention | None = None
    sentence: Sentence | None = None


@dataclass(frozen=True)
class ArticleContext:
    """What the article as a whole says: its actors, country, the named group it is about, its genre."""

    actors: tuple[ActorMention, ...]
    country: str | None  # the country the article is set in, before its places are resolved
    named_group: ActorMention | None  # the named non-state group the article is about
    genre: str | None  # "court", "feature", ...: a story that tells old events (factuality.story_genre)
    geo: GeoContext  # country votes from names, demonyms, dateline and actors (never changed later)
    # "sport", "arts", "business", "technology", "disaster": the article's vocabulary (participants.article_domain)
    domain: str | None = None


@dataclass(frozen=True)
class Places:
    """Every sentence's toponyms, resolved in article order (earlier places anchor later ones)."""

    by_sentence: Mapping[int, tuple[Resolved, ...]]
    geo: GeoContext  # the context after resolving every toponym (a copy of ArticleContext.geo, filled)
    country: str | None  # the article's country once its places are known
    top: frozenset[str]  # countries the article is mostly about (first and those tied for second)


@dataclass(frozen=True)
class Dates:
    by_sentence: Mapping[int, tuple[DateMention, ...]]  # find_dates with the publication date
    background: Mapping[int, bool]  # is the story told in the past at this sentence (an old lede)?


@dataclass(frozen=True)
class Options:
    """How to run: the gazetteer and an optional learned classifier."""

    gazetteer: Gazetteer
    classifier: SentenceClassifier | None = None


@dataclass(frozen=True)
class Document:
    """One article and every component's output so far (None: that component has not run)."""

    article: Article
    options: Options
    clean: CleanText | None = None
    sentences: tuple[Sentence, ...] = ()
    context: ArticleContext | None = None
    kept: tuple[int, ...] = ()  # sentences the prefilter (or the classifier) says may hold an event
    learned: Mapping[int, tuple[str, float]] = field(default_factory=dict)  # the classifier's judgement
    entities: Mapping[int, list[tuple[str, int, int]]] = field(default_factory=dict)  # spaCy GPE/LOC/FAC
    names: Mapping[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)  # spaCy ORG/PERSON/DATE ... spans
    places: Places | None = None
    dates: Dates | None = None
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    @property
    def text(self) -> str:
        """The cleaned text every sentence and evidence offset points into."""
        assert self.clean is not None
        return self.clean.text
