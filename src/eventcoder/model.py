"""The one data model that flows through every stage.

Article -> CleanText -> Sentence/Mention -> Event. Every field taken from text carries an
:class:`Evidence` (sentence index, character span in the cleaned text, and the quoted words).
All classes are small frozen dataclasses, serialisable with :func:`dataclasses.asdict`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import InputError


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: sentence index, [start, end) span in the cleaned text, the words, and the
    same span in the raw input as given (``raw_start``/``raw_end``, set by the pipeline's last component)."""

    sentence: int
    start: int
    end: int
    text: str
    raw_start: int | None = None
    raw_end: int | None = None


@dataclass(frozen=True)
class Article:
    """A raw news report as it comes in."""

    body: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        # the publication date as a date: an ISO string ("2024-05-01") or a datetime is taken as one
        p = self.published
        if isinstance(p, dt.datetime):
            object.__setattr__(self, "published", p.date())
        elif isinstance(p, str):
            try:
                object.__setattr__(self, "published", dt.date.fromisoformat(p.strip()[:10]))
            except ValueError:
                raise InputError(f"publication date {p!r} is not an ISO date (YYYY-MM-DD)") from None
        elif p is not None and not isinstance(p, dt.date):
            raise InputError(f"publication date {p!r} is not a date")


@dataclass(frozen=True)
class CleanText:
    """Cleaned article text. ``offsets[i]`` is the position in the raw input of ``text[i]``."""

    text: str
    headline: str | None
    dateline: str | None
    offsets: tuple[int, ...]
    removed_duplicates: int = 0

    def to_raw(self, pos: int) -> int:
        if not self.offsets:
            return pos
        if pos >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[pos]

    def offset_runs(self) -> list[tuple[int, int, int]]:
        """The raw-offset mapping, compact: ``(clean_start, raw_start, length)`` for each stretch of the
        cleaned text copied unchanged from one stretch of the raw input."""
        runs: list[tuple[int, int, int]] = []
        for i, raw in enumerate(self.offsets):
            if runs and runs[-1][1] + runs[-1][2] == raw and runs[-1][0] + runs[-1][2] == i:
                c, r, n = runs[-1]
                runs[-1] = (c, r, n + 1)
            else:
                runs.append((i, raw, 1))
        return runs


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorMention:
    """An actor as a sentence names it (span in that sentence), normalised ACLED-style."""

    name: str
    inter: int
    kind: str  # state_military, state_police, named, party, unidentified, protesters, rioters, civilians
    start: int
    end: int
    text: str
    country: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence (span in that sentence), resolved against the publication date."""

    date: dt.date | None
    time_precision: int
    start: int
    end: int
    text: str
    weekday: str | None = None
    explicit_year: bool = False


@dataclass(frozen=True)
class Actor:
    """A normalised actor with its ACLED ``inter`` code (1..8)."""

    name: str
    inter: int
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Place:
    """A resolved (or unresolved) place. Coordinates are None when the gazetteer lacks it."""

    name: str
    country: str | None = None
    iso: int | None = None
    country_code: str | None = None
    region: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    feature_code: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class EventDate:
    """The date of an event; ``date`` is None when it could not be resolved (no publication date)."""

    date: dt.date | None
    time_precision: int
    evidence: Evidence | None = None
    weekday: str | None = None


@dataclass(frozen=True)
class Fatalities:
    count: int
    evidence: Evidence | None = None
    shared_with: int = 1  # number of events a reported total was split between


@dataclass(frozen=True)
class Event:
    """One ACLED-coded event with evidence for every field taken from text."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: Actor
    actor2: Actor | None
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    interaction: int = 0
    civilian_targeting: str = ""
    date: EventDate = field(default_factory=lambda: EventDate(None, 3))
    place: Place | None = None
    fatalities: Fatalities = field(default_factory=lambda: Fatalities(0))
    notes: str = ""
    tags: str = ""
    source: str = ""
    trigger: Evidence | None = None
    sentences: tuple[int, ...] = ()
    secondary: tuple[str, ...] = ()
    confidence: float = 1.0
    id: str = ""  # deterministic: a hash of the article id, sentence, trigger span, place and type

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"]["date"] = self.date.date.isoformat() if self.date.date else None
        return d


@dataclass(frozen=True)
class SourceRecord:
    """One article that reports a stored event: where it was read and the evidence it gives."""

    article_id: str
    url: str | None
    outlet: str
    published: dt.date | None
    evidence: dict[str, Any]
    source_event_id: str = ""
    fatalities: int = 0


@dataclass(frozen=True)
class EventRecord:
    """A stored event as the exports read it: ``acled`` holds every ACLED column (typed values: ``event_date``
    a date, ints, floats, None where unknown), with the stable ``id``, the evidence and the sources."""

    acled: dict[str, Any]
    id: str
    geonameid: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    sources: tuple[SourceRecord, ...] = ()
