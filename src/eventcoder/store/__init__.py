"""The event store: SQLAlchemy 2 tables (SQLite or PostgreSQL), Alembic migrations run on open.

``open_store(path_or_url)`` gives a :class:`Store`; ``Store.add_article`` stores one coded article in one
transaction; ``Store.events`` is the query the exports read."""

from __future__ import annotations

import os

from .engine import make_engines, migrate
from .store import AddOutcome, FeedState, Store, StoreCounts, Versions, content_hash, current_versions, iso3

__all__ = ["AddOutcome", "FeedState", "Store", "StoreCounts", "Versions", "content_hash", "current_versions",
           "iso3", "open_store"]


def open_store(url_or_path: str | os.PathLike[str]) -> Store:
    """Open (creating or migrating as needed) the store at a file path (SQLite, WAL mode, foreign keys on) or a
    SQLAlchemy URL (``postgresql://...`` is read as psycopg 3). Raises :class:`~eventcoder.errors.StoreError`
    when it cannot be opened and :class:`~eventcoder.errors.SchemaError` for a foreign or newer schema."""
    write, read, url = make_engines(url_or_path)
    try:
        migrate(write, url)
    except Exception:
        write.dispose()
        read.dispose()
        raise
    return Store(write, read, url)
