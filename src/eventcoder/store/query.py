"""Filtered reads of the store for the HTTP API and the map: one filter, a page of events, one event with its
sources and evidence, counts by week, type and country.

Every function is a SQLAlchemy ``select`` over the tables of :mod:`eventcoder.store.models` (SQLite and
PostgreSQL alike); rows become :class:`~eventcoder.model.EventRecord` as the exports read them."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import selectinload

from ..errors import InputError, StoreError
from ..model import EventRecord
from .models import ArticleRow, EventRow, EventSourceRow
from .store import Store, _record, iso3

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class EventFilter:
    """Which events: dates inclusive; ``country`` an ACLED name or ISO alpha-3/alpha-2 code; ``admin1``,
    ``event_type``, ``sub_event_type`` exact (any case); ``actor`` a substring of either actor (any case);
    ``bbox`` (min lon, min lat, max lon, max lat), min lon > max lon crossing the antimeridian; ``q`` a
    substring of the notes (any case)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    bbox: BBox | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        for name in ("country", "admin1", "event_type", "sub_event_type", "actor", "q"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"{name}: {value!r} is not text")
            if value and "\x00" in value:
                raise InputError(f"{name}: contains a NUL character")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since {self.since} is after until {self.until}")
        if self.bbox is not None:
            check_bbox(self.bbox)


@dataclass(frozen=True)
class Page:
    """One page of events and the number of events the filter matches in all."""

    records: tuple[EventRecord, ...]
    total: int
    limit: int
    offset: int


def parse_bbox(text: str) -> BBox:
    """``"minlon,minlat,maxlon,maxlat"`` as four floats; :class:`InputError` says what is wrong."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise InputError(f"bbox {text!r}: give four numbers, min lon,min lat,max lon,max lat")
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        raise InputError(f"bbox {text!r}: not four numbers (min lon,min lat,max lon,max lat)") from None
    check_bbox(box)  # type: ignore[arg-type]
    return box  # type: ignore[return-value]


def check_bbox(box: BBox) -> None:
    minlon, minlat, maxlon, maxlat = box
    if not all(math.isfinite(v) for v in box):
        raise InputError("bbox: every coordinate must be a finite number")
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise InputError(f"bbox: longitudes must be within -180..180 (got {minlon}, {maxlon})")
    if not (-90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise InputError(f"bbox: latitudes must be within -90..90 (got {minlat}, {maxlat})")
    if minlat > maxlat:
        raise InputError(f"bbox: min lat {minlat} is above max lat {maxlat}")


def _lower(text: str) -> str:
    return text.strip().lower()


def _contains(column: Any, text: str) -> Any:
    """``column`` holds ``text``, any case; LIKE's wildcards in ``text`` are taken literally."""
    return func.lower(column).contains(_lower(text), autoescape=True)


def where(q: Select[Any], f: EventFilter) -> Select[Any]:
    """The select ``q`` (over :class:`EventRow`) narrowed to the events ``f`` matches."""
    if f.since is not None:
        q = q.where(EventRow.event_date >= f.since)
    if f.until is not None:
        q = q.where(EventRow.event_date <= f.until)
    if f.country and f.country.strip():
        c = f.country.strip()
        codes = {c.upper(), iso3(c) if len(c) == 2 else c.upper()}
        q = q.where(or_(func.lower(EventRow.country) == c.lower(), EventRow.country_code.in_(codes)))
    if f.admin1 and f.admin1.strip():
        q = q.where(func.lower(EventRow.admin1) == _lower(f.admin1))
    if f.event_type and f.event_type.strip():
        q = q.where(func.lower(EventRow.event_type) == _lower(f.event_type))
    if f.sub_event_type and f.sub_event_type.strip():
        q = q.where(func.lower(EventRow.sub_event_type) == _lower(f.sub_event_type))
    if f.actor and f.actor.strip():
        q = q.where(or_(_contains(EventRow.actor1, f.actor), _contains(EventRow.actor2, f.actor)))
    if f.q and f.q.strip():
        q = q.where(_contains(EventRow.notes, f.q))
    if f.bbox is not None:
        minlon, minlat, maxlon, maxlat = f.bbox
        q = q.where(EventRow.latitude.is_not(None), EventRow.longitude.is_not(None),
                    EventRow.latitude.between(minlat, maxlat))
        if minlon <= maxlon:
            q = q.where(EventRow.longitude.between(minlon, maxlon))
        else:  # the box crosses the antimeridian
            q = q.where(or_(EventRow.longitude >= minlon, EventRow.longitude <= maxlon))
    return q


def _with_sources(q: Select[Any]) -> Select[Any]:
    return q.options(selectinload(EventRow.sources).selectinload(EventSourceRow.article)
                     .load_only(ArticleRow.url, ArticleRow.replaced_url, ArticleRow.published))


def _failed(exc: DBAPIError) -> StoreError:
    return StoreError(f"cannot read the store: {str(exc.orig).strip().splitlines()[0]}")


def page(store: Store, f: EventFilter, limit: int = 100, offset: int = 0) -> Page:
    """The events ``f`` matches, newest first (undated last), ``limit`` of them from ``offset``."""
    if limit < 1 or offset < 0:
        raise InputError("limit must be at least 1 and offset at least 0")
    q = _with_sources(where(select(EventRow), f)).order_by(
        EventRow.event_date.is_(None), EventRow.event_date.desc(), EventRow.pk.desc()).limit(limit).offset(offset)
    count = where(select(func.count()).select_from(EventRow), f)
    try:
        with store.read_session() as s:
            total = int(s.scalar(count) or 0)
            records = tuple(_record(r) for r in s.scalars(q))
    except DBAPIError as exc:
        raise _failed(exc) from None
    return Page(records, total, limit, offset)


def iter_records(store: Store, f: EventFilter, limit: int | None = None, batch: int = 1000) -> Iterator[EventRecord]:
    """The events ``f`` matches in date order (as the exports write them), at most ``limit``."""
    q = _with_sources(where(select(EventRow), f)).order_by(EventRow.event_date.is_(None), EventRow.event_date,
                                                           EventRow.pk)
    if limit is not None:
        q = q.limit(limit)
    try:
        with store.read_session() as s:
            for part in s.scalars(q.execution_options(yield_per=batch)).partitions():
                for row in part:
                    yield _record(row)
    except DBAPIError as exc:
        raise _failed(exc) from None


def count(store: Store, f: EventFilter) -> int:
    try:
        with store.read_session() as s:
            return int(s.scalar(where(select(func.count()).select_from(EventRow), f)) or 0)
    except DBAPIError as exc:
        raise _failed(exc) from None


# ---- one event: its sources and its evidence in each source's text --------------------------------------

@dataclass(frozen=True)
class Highlight:
    """One field's words in an evidence sentence: [start, end) offsets into ``EvidenceSentence.text``."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence of a source's text that gives some of an event's fields: the sentence (``start``/``end``:
    offsets into the article's raw text as stored) and the fields' words in it."""

    sentence: int | None
    start: int
    end: int
    text: str
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True)
class SourceDetail:
    article_id: str
    url: str | None
    outlet: str
    title: str | None
    published: dt.date | None
    source_event_id: str
    fatalities: int
    evidence: dict[str, Any]
    sentences: tuple[EvidenceSentence, ...]


@dataclass(frozen=True)
class EventDetail:
    record: EventRecord
    sources: tuple[SourceDetail, ...]


EVIDENCE_FIELDS = ("trigger", "actor1", "actor2", "location", "event_date", "fatalities")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` holding [start, end): from just after the last sentence end (or line
    break) before ``start`` to the first sentence end after ``end``."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, max(end, begin))
    stop = m.start() + 1 if m and text[m.start()] in ".!?" else (m.start() if m else len(text))
    return begin, max(stop, end)


def evidence_sentences(text: str, evidence: dict[str, Any]) -> tuple[EvidenceSentence, ...]:
    """The sentences of ``text`` (an article's raw text) that the evidence spans (raw offsets) fall in, each with
    its fields' words; spans whose offsets do not fit the text are left out."""
    by_sentence: dict[Any, list[tuple[str, int, int]]] = {}
    for name in EVIDENCE_FIELDS:
        ev = evidence.get(name)
        if not isinstance(ev, dict):
            continue
        rs, re_ = ev.get("raw_start"), ev.get("raw_end")
        if not isinstance(rs, int) or not isinstance(re_, int) or not 0 <= rs < re_ <= len(text):
            continue
        by_sentence.setdefault(ev.get("sentence"), []).append((name, rs, re_))
    out: list[EvidenceSentence] = []
    for sent, spans in by_sentence.items():
        lo, hi = min(s for _, s, _ in spans), max(e for _, _, e in spans)
        begin, stop = _sentence_around(text, lo, hi)
        hl = tuple(Highlight(n, s - begin, e - begin, text[s:e]) for n, s, e in sorted(spans, key=lambda x: x[1]))
        out.append(EvidenceSentence(sent if isinstance(sent, int) else None, begin, stop, text[begin:stop], hl))
    return tuple(sorted(out, key=lambda x: x.start))


def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """The event whose ``event_id_cnty`` (or stable ``ev-`` id) is ``event_id``, with its sources' outlets, URLs,
    titles and evidence sentences; None when there is none."""
    if "\x00" in event_id:
        return None
    q = _with_sources(select(EventRow))
    try:
        with store.read_session() as s:
            row = s.scalar(q.where(EventRow.event_id_cnty == event_id))
            if row is None:
                row = s.scalar(q.where(EventRow.id == event_id).order_by(EventRow.pk).limit(1))
            if row is None:
                return None
            rec = _record(row)
            sources = []
            for src in row.sources:
                art = s.get(ArticleRow, src.article_id)
                text = art.text if art is not None else ""
                sources.append(SourceDetail(
                    src.article_id, (art.url or art.replaced_url) if art else None, src.outlet,
                    art.title if art else None, art.published if art else None, src.source_event_id,
                    src.fatalities, src.evidence or {}, evidence_sentences(text, src.evidence or {})))
    except DBAPIError as exc:
        raise _failed(exc) from None
    return EventDetail(rec, tuple(sources))


def article_event_ids(store: Store, article_id: str) -> list[str]:
    """The ``event_id_cnty`` of the events an article (by its content hash) reports, in their order."""
    q = (select(EventRow.event_id_cnty).join(EventSourceRow, EventSourceRow.event_pk == EventRow.pk)
         .where(EventSourceRow.article_id == article_id).order_by(EventSourceRow.pk))
    try:
        with store.read_session() as s:
            return list(dict.fromkeys(s.scalars(q)))
    except DBAPIError as exc:
        raise _failed(exc) from None


# ---- counts for the charts --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stats:
    """Event counts: ``total``, by ISO week (``"2024-W19"``, in order), by event type and by country (most
    first), and the number of events without a date."""

    total: int
    by_week: tuple[tuple[str, int], ...]
    by_type: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    undated: int


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def stats(store: Store, f: EventFilter) -> Stats:
    """Counts of the events ``f`` matches: by ISO week (every week between the first and the last, zeros
    included), by event type and by country."""
    try:
        with store.read_session() as s:
            by_type = s.execute(where(select(EventRow.event_type, func.count()), f).group_by(EventRow.event_type)
                                .order_by(func.count().desc(), EventRow.event_type)).all()
            by_country = s.execute(where(select(EventRow.country, func.count()), f).group_by(EventRow.country)
                                   .order_by(func.count().desc(), EventRow.country)).all()
            by_date = s.execute(where(select(EventRow.event_date, func.count()), f)
                                .group_by(EventRow.event_date)).all()
    except DBAPIError as exc:
        raise _failed(exc) from None
    weeks: Counter[str] = Counter()
    undated = 0
    days = []
    for d, n in by_date:
        if d is None:
            undated += n
            continue
        weeks[iso_week(d)] += n
        days.append(d)
    series: list[tuple[str, int]] = []
    if days:
        day = min(days) - dt.timedelta(days=min(days).weekday())
        while day <= max(days):
            series.append((iso_week(day), weeks.get(iso_week(day), 0)))
            day += dt.timedelta(days=7)
    total = sum(n for _, n in by_type)
    return Stats(total, tuple(series), tuple((t or "", n) for t, n in by_type),
                 tuple((c or "", n) for c, n in by_country), undated)
