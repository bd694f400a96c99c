"""Opening a store: a SQLite file (WAL, foreign keys on) or a PostgreSQL URL, migrated by Alembic on open."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import SchemaError, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """Alembic's configuration for the migrations shipped in the package (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def database_url(target: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for a file path or a URL (``postgresql://`` means psycopg 3)."""
    s = os.fspath(target)
    if "://" not in s:
        return _sqlite_path_url(Path(s))
    if s.startswith(("postgresql://", "postgres://")):
        s = "postgresql+psycopg://" + s.split("://", 1)[1]
    try:
        url = make_url(s)
    except ArgumentError as exc:
        raise StoreError(f"database URL {s!r} is not a valid URL: {exc}") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"database {url.get_backend_name()!r} is not supported: give a file path (SQLite) or a "
                         "postgresql:// URL")
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        _sqlite_path_url(Path(url.database))  # the same checks as for a path
    return url.render_as_string(hide_password=False)


def _sqlite_path_url(path: Path) -> str:
    path = path.expanduser()
    if path.is_dir():
        raise StoreError(f"database {path}: is a directory, not a database file")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"database {path}: the directory {parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"database {path}: the file cannot be written (permission denied)")
    if not os.access(parent, os.W_OK):
        raise StoreError(f"database {path}: the directory {parent} cannot be written (SQLite needs to write its "
                         "journal beside the file)")
    return f"sqlite:///{path.resolve()}"


def _sqlite_engine(url: str, immediate: bool, memory: bool = False) -> Engine:
    # an in-memory database lives in one connection: one engine, one connection, shared
    eng = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False}) if memory \
        else create_engine(url)

    @event.listens_for(eng, "connect")
    def _connect(dbapi_con, _record) -> None:  # noqa: ANN001 - DB-API objects
        dbapi_con.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(eng, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        # writers take the lock at once, so two writers queue instead of failing to upgrade a read lock
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return eng


def make_engines(target: str | os.PathLike[str]) -> tuple[Engine, Engine, str]:
    """(write engine, read engine, url) for a path or URL; raises :class:`StoreError` when it cannot be reached."""
    url = database_url(target)
    if url.startswith("sqlite") and make_url(url).database in (None, "", ":memory:"):
        write = read = _sqlite_engine(url, True, memory=True)
    elif url.startswith("sqlite"):
        write, read = _sqlite_engine(url, True), _sqlite_engine(url, False)
    else:
        write = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        read = write
    try:
        with write.connect() as con:
            con.execute(text("SELECT 1"))
    except DBAPIError as exc:
        write.dispose()
        raise StoreError(f"cannot open database {_safe(url)}: {_first_line(exc.orig)}") from None
    return write, read, url


def migrate(engine: Engine, url: str) -> None:
    """Bring the database to the packaged schema: create it when empty, upgrade an older eventcoder schema,
    refuse (:class:`SchemaError`) a database that is not an eventcoder store or has a revision this version
    does not know (a newer eventcoder made it)."""
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    known = {r.revision for r in script.walk_revisions()}
    head = script.get_current_head()
    try:
        with engine.begin() as con:
            if con.dialect.name == "postgresql":  # one migrator at a time
                con.execute(text("SELECT pg_advisory_xact_lock(815001)"))
            current = MigrationContext.configure(con).get_current_revision()
            tables = set(inspect(con).get_table_names()) - {"alembic_version"}
            if current is None and tables:
                raise SchemaError(f"database {_safe(url)} is not an eventcoder store (it has the tables "
                                  f"{', '.join(sorted(tables)[:6])} and no eventcoder schema version); give a new "
                                  "file or an empty database")
            if current is not None and current not in known:
                raise SchemaError(f"database {_safe(url)} has schema revision {current!r}, which this eventcoder "
                                  f"does not know (its newest is {head!r}): it was made by a newer eventcoder; "
                                  "upgrade eventcoder to use it")
            if current != head:
                cfg.attributes["connection"] = con
                command.upgrade(cfg, "head")
    except SchemaError:
        raise
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", exc)
        raise StoreError(f"cannot open database {_safe(url)}: {_first_line(orig)}") from None


def _first_line(exc: BaseException | None) -> str:
    return str(exc).strip().split("\n")[0] if exc is not None else "unknown error"


def _safe(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///") or url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
