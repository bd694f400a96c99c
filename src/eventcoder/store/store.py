"""The event store: articles, events and their sources, written one article per transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Literal
from urllib.parse import urlsplit

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from .. import dedup
from ..errors import StoreError
from ..model import Article, Event, EventRecord, SourceRecord
from .codec import event_from_json, event_from_row, event_to_json
from .models import ArticleRow, CountryCounterRow, EventRow, EventSourceRow, FeedStateRow, VersionRow

# ACLED's own codes where ISO 3166 has none
_SPECIAL_ISO3 = {"XK": "XKX"}


def normalised_body(body: str) -> str:
    """The body as hashed: NFC, Unix line ends, no trailing spaces, no runs of blank lines, stripped."""
    text = unicodedata.normalize("NFC", body).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def content_hash(body: str) -> str:
    """An article's id in the store: the SHA-256 of its decoded (and, for HTML, extracted) body, normalised."""
    return "sha256:" + hashlib.sha256(normalised_body(body).encode("utf-8")).hexdigest()


def iso3(country_code: str | None, iso_numeric: int | None = None) -> str:
    """The ISO 3166 alpha-3 code ACLED's ``event_id_cnty`` starts with; XXX when the country is unknown."""
    import pycountry

    if country_code:
        cc = country_code.upper()
        if cc in _SPECIAL_ISO3:
            return _SPECIAL_ISO3[cc]
        c = pycountry.countries.get(alpha_2=cc) if len(cc) == 2 else pycountry.countries.get(alpha_3=cc)
        if c is not None:
            return c.alpha_3
    if iso_numeric is not None:
        c = pycountry.countries.get(numeric=f"{int(iso_numeric):03d}")
        if c is not None:
            return c.alpha_3
    return "XXX"


@dataclass(frozen=True)
class Versions:
    """What coded an article: eventcoder's version, a hash of its trigger lexicon, the gazetteer's schema."""

    eventcoder: str
    lexicon_hash: str
    gazetteer: str


@cache
def current_versions() -> Versions:
    from .. import __version__
    from ..geo.gazetteer import SCHEMA_VERSION
    from ..knowledge import lexicon

    lex = hashlib.sha256(json.dumps(lexicon(), sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return Versions(__version__, lex, f"v{SCHEMA_VERSION}")


@dataclass(frozen=True)
class AddOutcome:
    """What storing one article did. ``status``: stored (new), duplicate (nothing changed), replaced (a new
    version of an article already stored under the same URL; its events replace the old version's)."""

    status: Literal["stored", "duplicate", "replaced"]
    article_id: str
    events_added: int = 0
    events_kept: int = 0  # matched an event already stored: its event_id_cnty is kept
    events_removed: int = 0  # events of the old version that the new one no longer reports
    event_ids: tuple[str, ...] = ()  # the event_id_cnty of the article's events, in its order
    events_merged: int = 0  # of events_kept: events of other articles this one reports too (one more source)


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None
    last_modified: str | None
    last_polled: dt.datetime | None
    last_error: str | None


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    events: int
    sources: int


def _ev(e: Any) -> dict[str, Any] | None:
    return asdict(e) if e is not None else None


def event_evidence(e: Event) -> dict[str, Any]:
    """The evidence of an event as stored (JSON): spans into its article for each field read from the text."""
    return {
        "trigger": _ev(e.trigger),
        "actor1": _ev(e.actor1.evidence),
        "actor2": _ev(e.actor2.evidence) if e.actor2 else None,
        "location": _ev(e.place.evidence) if e.place else None,
        "event_date": _ev(e.date.evidence),
        "fatalities": _ev(e.fatalities.evidence),
        "sentences": list(e.sentences),
        "weekday": e.date.weekday,
        "fatalities_shared_with": e.fatalities.shared_with,
        "secondary": list(e.secondary),
        "confidence": e.confidence,
    }


# the ACLED columns an event row holds, copied from a new version onto an event it matches
_EVENT_FIELDS = (
    "id", "country_code", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source_scale", "notes", "fatalities", "tags", "geonameid", "evidence",
)


def event_row(e: Event) -> EventRow:
    """A new (unsaved) row for a coded event; ``event_id_cnty`` and ``source`` are the store's to give."""
    p = e.place
    d = e.date.date
    return EventRow(
        id=e.id, country_code=iso3(p.country_code if p else None, p.iso if p else None),
        event_date=d, year=d.year if d else None, time_precision=e.date.time_precision,
        disorder_type=e.disorder_type, event_type=e.event_type, sub_event_type=e.sub_event_type,
        actor1=e.actor1.name, assoc_actor_1=e.assoc_actor_1, inter1=e.actor1.inter,
        actor2=e.actor2.name if e.actor2 else "", assoc_actor_2=e.assoc_actor_2,
        inter2=e.actor2.inter if e.actor2 else 0, interaction=e.interaction, civilian_targeting=e.civilian_targeting,
        iso=p.iso if p else None, region=(p.region or "") if p else "", country=(p.country or "") if p else "",
        admin1=(p.admin1 or "") if p else "", admin2=(p.admin2 or "") if p else "",
        admin3=(p.admin3 or "") if p else "", location=p.name if p else "",
        latitude=p.latitude if p else None, longitude=p.longitude if p else None,
        geo_precision=p.geo_precision if p and p.geo_precision else None,
        source="", source_scale="", notes=e.notes, fatalities=e.fatalities.count, tags=e.tags,
        timestamp=int(time.time()), geonameid=p.geonameid if p else None, evidence=event_evidence(e),
    )


def outlet_of(article: Article) -> str:
    """The outlet ACLED's ``source`` names: the article's source, else its URL's host, else nothing."""
    if article.source:
        return article.source.strip()
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.")
    return ""


class Store:
    """An open event store. Every write is one transaction; nothing half-written survives a crash."""

    def __init__(self, write_engine: Engine, read_engine: Engine, url: str) -> None:
        self.url = url
        self._write_engine = write_engine
        self._read_engine = read_engine
        self._write = sessionmaker(write_engine, expire_on_commit=False)
        self._read = sessionmaker(read_engine, expire_on_commit=False)
        self._version_ids: dict[Versions, int] = {}

    @property
    def dialect(self) -> str:
        return self._write_engine.dialect.name

    def close(self) -> None:
        self._write_engine.dispose()
        if self._read_engine is not self._write_engine:
            self._read_engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- articles -----------------------------------------------------------------------------------------

    def has_article(self, article: Article) -> bool:
        """Whether this exact content is stored already (ingesting it again would be a duplicate)."""
        try:
            with self._read() as s:
                return s.get(ArticleRow, content_hash(article.body)) is not None
        except DBAPIError as exc:
            raise StoreError(f"cannot read the store: {str(exc.orig).strip().splitlines()[0]}") from None

    def has_url(self, url: str) -> bool:
        """Whether an article was stored from this URL (its current version or a replaced one): a feed entry
        linking to it need not be fetched again."""
        try:
            with self._read() as s:
                return s.scalar(select(ArticleRow.id).where(or_(ArticleRow.url == url, ArticleRow.replaced_url == url))
                                .limit(1)) is not None
        except DBAPIError as exc:
            raise StoreError(f"cannot read the store: {str(exc.orig).strip().splitlines()[0]}") from None

    def add_article(self, article: Article, result_events: Iterable[Event],
                    versions: Versions | None = None) -> AddOutcome:
        """Store one coded article and its events in ONE transaction.

        The same content again (whatever its URL) is a duplicate and changes nothing. New content under a URL
        already stored is a corrected version: its events replace the old version's, and an event that stays
        the same (see :meth:`_same_occurrence`) keeps its ``event_id_cnty``."""
        events = list(result_events)
        aid = content_hash(article.body)
        try:
            with self._write() as s, s.begin():
                return self._add(s, article, aid, events, versions or current_versions())
        except IntegrityError as exc:
            # a concurrent writer stored the same content (or URL) between our check and our insert
            with self._read() as s:
                if s.get(ArticleRow, aid) is not None:
                    return AddOutcome("duplicate", aid)
            raise StoreError(f"article {article.id or aid}: conflicting write, try again "
                             f"({str(exc.orig).strip().splitlines()[0]})") from None
        except OperationalError as exc:
            raise StoreError(f"cannot write to the store {self.url.split('://')[0]}: "
                             f"{str(exc.orig).strip().splitlines()[0]}") from None

    def _add(self, s: Session, article: Article, aid: str, events: list[Event], versions: Versions) -> AddOutcome:
        if s.get(ArticleRow, aid) is not None:
            return AddOutcome("duplicate", aid)
        old = s.scalar(select(ArticleRow).where(ArticleRow.url == article.url)) if article.url else None
        if old is not None:
            old.replaced_url, old.url = old.url, None  # the URL moves to the new version
            s.flush()
        row = ArticleRow(id=aid, url=article.url, external_id=article.id, outlet=outlet_of(article) or None,
                         published=article.published, title=article.title, text=article.body,
                         ingested=dt.datetime.now(dt.UTC), version_id=self._version_id(s, versions))
        s.add(row)
        if old is not None:
            s.flush()  # the new row exists before the old one points to it
            old.superseded_by = aid
        s.info["previous_article_ids"] = {old.id} if old is not None else set()
        s.info["claimed"] = set()
        s.info["claimed_rows"] = []
        s.info["reports"] = {}
        added = kept = merged = 0
        ids: list[str] = []
        touched: list[EventRow] = []
        outlet = outlet_of(article)
        for e in events:
            new = event_row(e)
            report = dedup.Report(e, aid, outlet or None, article.published, article.url)
            target = self._same_occurrence(s, new, report)
            if target is None:
                new.event_id_cnty = f"{new.country_code}{self._next_number(s, new.country_code)}"
                s.add(new)
                target = new
                added += 1
            else:
                if not any(src.article_id in s.info["previous_article_ids"] for src in target.sources):
                    merged += 1  # another article's event: one more source
                kept += 1
            src = EventSourceRow(article_id=aid, source_event_id=e.id, outlet=outlet, fatalities=e.fatalities.count,
                                 evidence=new.evidence, coded=event_to_json(e))
            target.sources.append(src)
            s.info["reports"][id(src)] = report
            s.info["claimed"].add(id(target))  # by identity: a new row has no pk before the flush
            s.info["claimed_rows"].append(target)
            touched.append(target)
            ids.append(target.event_id_cnty)
        removed, left = self._drop_sources_of(s, old.id) if old is not None else (0, [])
        for ev in dict.fromkeys([*touched, *left]):  # each once, in order
            self._recombine(s, ev)
        return AddOutcome("replaced" if old is not None else "stored", aid, added, kept, removed, tuple(ids),
                          merged)

    def _same_occurrence(self, session: Session, event_row: EventRow,
                         report: dedup.Report | None = None) -> EventRow | None:
        """The stored event that ``event_row`` (new, unsaved) reports again, or None for a new occurrence.

        The one place that decides it. First an event of the earlier version of the same article (same URL) with
        the same sub-event type, date and location; then (given the new ``report``) an event of other articles
        that :func:`eventcoder.dedup.joins` accepts, the nearest where several do. Never an event already matched
        by another of the article's new events."""
        claimed = session.info.get("claimed") or set()
        previous = session.info.get("previous_article_ids") or set()
        if previous:
            q = (select(EventRow).join(EventSourceRow, EventSourceRow.event_pk == EventRow.pk)
                 .where(EventSourceRow.article_id.in_(previous),
                        EventRow.sub_event_type == event_row.sub_event_type,
                        EventRow.event_date.is_(None) if event_row.event_date is None
                        else EventRow.event_date == event_row.event_date,
                        EventRow.location == event_row.location,
                        EventRow.country_code == event_row.country_code)
                 .order_by(EventRow.pk))
            for cand in session.scalars(q).unique():
                if id(cand) not in claimed:
                    return cand
        if report is None or event_row.event_date is None:
            return None
        best: tuple[tuple[int, float, bool], int] | None = None
        # rows stored before this transaction that another of the article's events took; the new rows of this
        # article are not flushed yet, so the query cannot see them
        taken = {r.pk for r in session.info.get("claimed_rows", ()) if r.pk is not None}
        with session.no_autoflush:
            candidates = self._candidates(session, event_row)
        for pk, group in candidates.items():
            if pk in taken or any(r.article_id == report.article_id for r in group):
                continue
            if dedup.joins(report, group):
                rank = (dedup.nearness(report, group), pk)
                if best is None or rank < best:
                    best = rank
        if best is None:
            return None
        found = session.get(EventRow, best[1])
        return found if found is not None and id(found) not in claimed else None

    def _candidates(self, s: Session, new: EventRow) -> dict[int, list[dedup.Report]]:
        """The sources, as reports, of the stored events that may report the same occurrence as ``new``, by event
        pk: one indexed query on (event_date, country_code) within the dates' precision (a day either side; a
        week, a month where either event is known only to the week, the month), of a compatible sub-event type.
        Each report is remembered for the transaction (a match combines them again)."""
        d = new.event_date
        assert d is not None

        def within(days: int) -> Any:
            return EventRow.event_date.between(d - dt.timedelta(days=days), d + dt.timedelta(days=days))

        if new.time_precision >= 3:
            when = within(dedup.MONTH_DAYS)
        else:
            when = or_(within(dedup.WEEK_DAYS if new.time_precision == 2 else 1),
                       and_(EventRow.time_precision == 2, within(dedup.WEEK_DAYS)),
                       and_(EventRow.time_precision >= 3, within(dedup.MONTH_DAYS)))
        q = (select(EventSourceRow.event_pk, EventSourceRow.pk, EventSourceRow.article_id,
                    EventSourceRow.outlet, EventSourceRow.fatalities, EventSourceRow.coded, ArticleRow.published,
                    ArticleRow.url, ArticleRow.replaced_url)
             .join(EventRow, EventSourceRow.event_pk == EventRow.pk)
             .join(ArticleRow, EventSourceRow.article_id == ArticleRow.id)
             .where(when, EventRow.country_code == new.country_code,
                    EventRow.sub_event_type.in_(sorted(dedup.compatible_sub_event_types(new.sub_event_type))))
             .order_by(EventSourceRow.event_pk, EventSourceRow.pk))
        known: dict[int, dedup.Report] = s.info.setdefault("reports_by_pk", {})
        out: dict[int, list[dedup.Report]] = {}
        for pk, spk, aid, outlet, fatalities, coded, published, url, replaced in s.execute(q):
            r = known.get(spk)
            if r is None:
                e = event_from_json(coded) if coded else event_from_row(s.get(EventRow, pk), fatalities)
                r = dedup.Report(e, aid, outlet or None, published, url or replaced)
                known[spk] = r
            out.setdefault(pk, []).append(r)
        return out

    @staticmethod
    def _report_of(s: Session, src: EventSourceRow) -> dedup.Report:
        """A source as dedup reads it: the event its article coded, with the article's outlet and date."""
        cached = s.info.get("reports", {}).get(id(src)) or s.info.get("reports_by_pk", {}).get(src.pk)
        if cached is not None:
            return cached
        art = src.article
        e = event_from_json(src.coded) if src.coded else event_from_row(src.event, src.fatalities)
        return dedup.Report(e, src.article_id, src.outlet or None, art.published if art else None,
                            (art.url or art.replaced_url) if art else None)

    def _recombine(self, s: Session, ev: EventRow) -> None:
        """An event's fields from all its sources: :func:`eventcoder.dedup.combine` of their reports (the one
        source's own event where there is one); ``source`` by :func:`eventcoder.dedup.source_field`. Its pk,
        ``event_id_cnty`` and stable id stay."""
        reports = [self._report_of(s, src) for src in ev.sources]
        if not reports:
            return
        merged = reports[0].event if len(reports) == 1 else dedup.combine(reports)
        fresh = event_row(merged)
        if len(reports) > 1:
            fresh.source_scale = ev.source_scale
        self._update(ev, fresh)
        ev.source = dedup.source_field(reports)

    @staticmethod
    def _update(target: EventRow, new: EventRow) -> None:
        """A matched event takes the newer report's values; its pk and event_id_cnty stay."""
        for f in _EVENT_FIELDS:
            if f == "id" and target.id:
                continue  # the stable id of the occurrence is the first one given
            setattr(target, f, getattr(new, f))
        target.timestamp = int(time.time())

    def _drop_sources_of(self, s: Session, article_id: str) -> tuple[int, list[EventRow]]:
        """Detach a replaced article version from its events; an event left with no source is deleted. Returns
        the number deleted and the events left with other sources (to be combined again)."""
        removed = 0
        left: list[EventRow] = []
        rows = s.scalars(select(EventRow).join(EventSourceRow, EventSourceRow.event_pk == EventRow.pk)
                         .where(EventSourceRow.article_id == article_id)).unique().all()
        for ev in rows:
            for src in [x for x in ev.sources if x.article_id == article_id]:
                ev.sources.remove(src)
            if not ev.sources:
                s.delete(ev)
                removed += 1
            else:
                left.append(ev)
        s.flush()
        return removed, left

    def _next_number(self, s: Session, country: str) -> int:
        """The next number of a country's ``event_id_cnty`` (a counter row, incremented in this transaction)."""
        ins = (postgresql.insert if s.bind.dialect.name == "postgresql" else sqlite.insert)(CountryCounterRow)
        stmt = ins.values(country_code=country, last=1).on_conflict_do_update(
            index_elements=[CountryCounterRow.country_code], set_={"last": CountryCounterRow.last + 1},
        ).returning(CountryCounterRow.last)
        return int(s.execute(stmt).scalar_one())

    def _version_id(self, s: Session, v: Versions) -> int:
        if v in self._version_ids:
            return self._version_ids[v]
        q = select(VersionRow.id).where(VersionRow.eventcoder_version == v.eventcoder,
                                        VersionRow.lexicon_hash == v.lexicon_hash,
                                        VersionRow.gazetteer_version == v.gazetteer)
        vid = s.scalar(q)
        if vid is None:
            ins = (postgresql.insert if s.bind.dialect.name == "postgresql" else sqlite.insert)(VersionRow)
            s.execute(ins.values(eventcoder_version=v.eventcoder, lexicon_hash=v.lexicon_hash,
                                 gazetteer_version=v.gazetteer, first_used=dt.datetime.now(dt.UTC))
                      .on_conflict_do_nothing())
            vid = s.scalar(q)
        assert vid is not None
        self._version_ids[v] = vid
        return vid

    # ---- queries ------------------------------------------------------------------------------------------

    def read_session(self) -> Session:
        """A read-only session (``with store.read_session() as s: ...``) for queries such as
        :mod:`eventcoder.store.query`."""
        return self._read()

    def counts(self) -> StoreCounts:
        with self._read() as s:
            return StoreCounts(s.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                               s.scalar(select(func.count()).select_from(EventRow)) or 0,
                               s.scalar(select(func.count()).select_from(EventSourceRow)) or 0)

    def events(self, since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
               event_type: str | None = None) -> list[EventRecord]:
        """Stored events in date order, filtered: dates inclusive; ``country`` an ACLED country name, ISO
        alpha-3 or alpha-2 code; ``event_type`` an event type or a sub-event type (any case)."""
        return list(self.iter_events(since, until, country, event_type))

    def iter_events(self, since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
                    event_type: str | None = None, batch: int = 1000) -> Iterator[EventRecord]:
        q = select(EventRow).options(selectinload(EventRow.sources).selectinload(EventSourceRow.article)
                                     .load_only(ArticleRow.url, ArticleRow.replaced_url, ArticleRow.published))
        if since is not None:
            q = q.where(EventRow.event_date >= since)
        if until is not None:
            q = q.where(EventRow.event_date <= until)
        if country:
            c = country.strip()
            codes = {c.upper(), iso3(c) if len(c) == 2 else c.upper()}
            q = q.where(or_(func.lower(EventRow.country) == c.lower(), EventRow.country_code.in_(codes)))
        if event_type:
            t = event_type.strip().lower()
            q = q.where(or_(func.lower(EventRow.event_type) == t, func.lower(EventRow.sub_event_type) == t))
        q = q.order_by(EventRow.event_date.is_(None), EventRow.event_date, EventRow.pk)
        try:
            with self._read() as s:
                for part in s.scalars(q.execution_options(yield_per=batch)).partitions():
                    for row in part:
                        yield _record(row)
        except DBAPIError as exc:
            raise StoreError(f"cannot read the store: {str(exc.orig).strip().splitlines()[0]}") from None

    # ---- feeds --------------------------------------------------------------------------------------------

    def get_feed_state(self, url: str) -> FeedState | None:
        with self._read() as s:
            r = s.get(FeedStateRow, url)
            return None if r is None else FeedState(r.url, r.etag, r.last_modified, r.last_polled, r.last_error)

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None, error: str | None) -> None:
        """Remember a feed's poll: its validators for the next conditional GET and its error (None: it worked).
        A failed poll (``error`` given) keeps the validators of the last poll that worked when none are given."""
        with self._write() as s, s.begin():
            r = s.get(FeedStateRow, url)
            if r is None:
                r = FeedStateRow(url=url)
                s.add(r)
            if error is None or etag is not None or last_modified is not None:
                r.etag, r.last_modified = etag, last_modified
            r.last_polled = dt.datetime.now(dt.UTC)
            r.last_error = error


def _record(row: EventRow) -> EventRecord:
    acled = {
        "event_id_cnty": row.event_id_cnty, "event_date": row.event_date, "year": row.year,
        "time_precision": row.time_precision, "disorder_type": row.disorder_type, "event_type": row.event_type,
        "sub_event_type": row.sub_event_type, "actor1": row.actor1, "assoc_actor_1": row.assoc_actor_1,
        "inter1": row.inter1, "actor2": row.actor2, "assoc_actor_2": row.assoc_actor_2, "inter2": row.inter2,
        "interaction": row.interaction, "civilian_targeting": row.civilian_targeting, "iso": row.iso,
        "region": row.region, "country": row.country, "admin1": row.admin1, "admin2": row.admin2,
        "admin3": row.admin3, "location": row.location, "latitude": row.latitude, "longitude": row.longitude,
        "geo_precision": row.geo_precision, "source": row.source, "source_scale": row.source_scale,
        "notes": row.notes, "fatalities": row.fatalities, "tags": row.tags, "timestamp": row.timestamp,
    }
    sources = tuple(SourceRecord(src.article_id, src.article.url or src.article.replaced_url, src.outlet,
                                 src.article.published, src.evidence, src.source_event_id, src.fatalities)
                    for src in row.sources)
    return EventRecord(acled, row.id, row.geonameid, row.evidence, sources)


