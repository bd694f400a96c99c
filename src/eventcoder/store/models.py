"""The store's tables as SQLAlchemy 2 typed models. Alembic's migrations (``migrations/versions``) create them;
``Base.metadata`` is what the migrations must produce (a test compares the two)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class VersionRow(Base):
    """The versions of eventcoder, its lexicon and its gazetteer that coded some articles."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("eventcoder_version", "lexicon_hash", "gazetteer_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    eventcoder_version: Mapped[str] = mapped_column(String(40))
    lexicon_hash: Mapped[str] = mapped_column(String(64))
    gazetteer_version: Mapped[str] = mapped_column(String(40))
    first_used: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleRow(Base):
    """One article version. ``id`` is the content hash of its decoded body; a corrected version of the same URL
    is a new row, and the old one keeps its id (so it is a duplicate if it comes again) with ``superseded_by``."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(500))
    outlet: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ingested: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    superseded_by: Mapped[str | None] = mapped_column(ForeignKey("articles.id"))
    replaced_url: Mapped[str | None] = mapped_column(String(2000))

    sources: Mapped[list[EventSourceRow]] = relationship(back_populates="article")


class EventRow(Base):
    """One event: every ACLED column, the pipeline's stable id, the evidence and the GeoNames id."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date_country", "event_date", "country_code"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), index=True)
    event_id_cnty: Mapped[str] = mapped_column(String(20), unique=True)
    country_code: Mapped[str] = mapped_column(String(3))  # ISO 3166 alpha-3, XXX when unknown
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    time_precision: Mapped[int] = mapped_column(Integer)
    disorder_type: Mapped[str] = mapped_column(String(60))
    event_type: Mapped[str] = mapped_column(String(60), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(60))
    actor1: Mapped[str] = mapped_column(Text)
    assoc_actor_1: Mapped[str] = mapped_column(Text, default="")
    inter1: Mapped[int] = mapped_column(Integer)
    actor2: Mapped[str] = mapped_column(Text, default="")
    assoc_actor_2: Mapped[str] = mapped_column(Text, default="")
    inter2: Mapped[int] = mapped_column(Integer, default=0)
    interaction: Mapped[int] = mapped_column(Integer, default=0)
    civilian_targeting: Mapped[str] = mapped_column(String(40), default="")
    iso: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    admin1: Mapped[str] = mapped_column(String(200), default="")
    admin2: Mapped[str] = mapped_column(String(200), default="")
    admin3: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    source_scale: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[str] = mapped_column(Text, default="")
    timestamp: Mapped[int] = mapped_column(Integer)  # ACLED: Unix time of the row's last change
    geonameid: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)

    sources: Mapped[list[EventSourceRow]] = relationship(back_populates="event", cascade="all, delete-orphan",
                                                         order_by="EventSourceRow.pk")


class EventSourceRow(Base):
    """An article that reports an event, with the evidence it gives (spans into that article) and its outlet."""

    __tablename__ = "event_sources"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    source_event_id: Mapped[str] = mapped_column(String(40))
    outlet: Mapped[str] = mapped_column(String(300), default="")
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)
    # the event as this article coded it (Event.to_dict()): what cross-report de-duplication combines; None in
    # rows stored before revision 0003, whose event is rebuilt from the event row
    coded: Mapped[dict[str, Any] | None] = mapped_column("event", JSON, nullable=True)

    event: Mapped[EventRow] = relationship(back_populates="sources")
    article: Mapped[ArticleRow] = relationship(back_populates="sources")


class CountryCounterRow(Base):
    """The last ``event_id_cnty`` number given in each country."""

    __tablename__ = "country_counters"

    country_code: Mapped[str] = mapped_column(String(3), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class FeedStateRow(Base):
    """What the feed poller remembers of a feed: its validators for conditional GET and its last error."""

    __tablename__ = "feed_state"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
