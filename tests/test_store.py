"""The event store on SQLite and PostgreSQL: schema, ids, idempotence, corrected versions, bad databases."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from eventcoder.errors import InputError, SchemaError, StoreError
from eventcoder.export import ACLED_COLUMNS
from eventcoder.model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place
from eventcoder.store import AddOutcome, Store, content_hash, iso3, open_store
from eventcoder.store.engine import alembic_config, database_url, head_revision
from eventcoder.store.models import Base, EventRow
from store_backends import db_url, pg_server  # noqa: F401 - fixtures

D = dt.date.fromisoformat


def place(name: str, cc: str | None, country: str = "", lat: float | None = 1.0, lon: float | None = 2.0) -> Place:
    return Place(name=name, country=country, country_code=cc, admin1="A1", latitude=lat, longitude=lon,
                 geo_precision=1, geonameid=123, evidence=Evidence(0, 10, 10 + len(name), name))


def event(sub: str, when: str | None, where: Place | None, fatal: int = 0, eid: str = "ev-1",
          etype: str = "Battles") -> Event:
    return Event(event_type=etype, sub_event_type=sub, disorder_type="Political violence",
                 actor1=Actor("Military Forces of Iraq (2022-)", 1, Evidence(0, 0, 5, "Iraqi")),
                 actor2=Actor("Islamic State (Iraq)", 2), interaction=12,
                 date=EventDate(D(when) if when else None, 1, Evidence(0, 30, 36, "Sunday")), place=where,
                 fatalities=Fatalities(fatal, Evidence(0, 40, 44, "nine")), notes=f"{sub} note",
                 trigger=Evidence(0, 20, 25, "clash"), sentences=(0,), id=eid)


# real coordinates: cross-report de-duplication merges same-type reports of one day within 25 km
KIRKUK = place("Kirkuk", "IQ", "Iraq", 35.4681, 44.3922)
MOSUL = place("Mosul", "IQ", "Iraq", 36.335, 43.1189)
GAO = place("Gao", "ML", "Mali", 16.2717, -0.0447)


@pytest.fixture
def store(db_url: str):  # noqa: F811
    s = open_store(db_url)
    yield s
    s.close()


def test_migrations_build_exactly_the_models(store: Store) -> None:
    with store._write_engine.connect() as con:
        ctx = MigrationContext.configure(con)
        assert ctx.get_current_revision() == head_revision()
        diffs = [d for d in compare_metadata(ctx, Base.metadata) if d[0] not in ("add_fk", "remove_fk")]
        names = set(inspect(con).get_table_names())
    assert diffs == []
    assert set(ACLED_COLUMNS) | {"id", "evidence", "geonameid"} <= set(EventRow.__table__.columns.keys())
    assert {"articles", "events", "event_sources", "versions", "feed_state", "country_counters"} <= names


def test_sqlite_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    s = open_store(tmp_path / "e.db")
    with s._write_engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    s.close()


def test_stored_then_duplicate_and_ids_per_country(store: Store) -> None:
    a = Article("Iraqi troops clashed with IS near Kirkuk.", published=D("2024-05-02"), url="https://x.org/1",
                source="Rudaw")
    out = store.add_article(a, [event("Armed clash", "2024-05-01", KIRKUK, 3, "ev-a"),
                                event("Armed clash", "2024-05-01", GAO, 0, "ev-b")])
    assert out == AddOutcome("stored", content_hash(a.body), 2, 0, 0, ("IRQ1", "MLI1"))
    # the same content again, even under another URL: nothing changes
    again = store.add_article(Article(a.body + "\n\n", url="https://mirror.org/1"), [event("Attack", None, None)])
    assert again.status == "duplicate" and again.event_ids == ()
    assert store.has_article(a)
    b = Article("A second report from Mosul.", published=D("2024-05-03"), source="AP")
    assert store.add_article(b, [event("Armed clash", "2024-05-02", MOSUL, 1, "ev-c"),
                                 event("Attack", "2024-05-02", None, 0, "ev-d")]).event_ids == ("IRQ2", "XXX1")
    c = store.counts()
    assert (c.articles, c.events, c.sources) == (2, 4, 4)
    rows = {r.acled["event_id_cnty"]: r for r in store.events()}
    assert rows["IRQ1"].acled["source"] == "Rudaw" and rows["IRQ2"].acled["source"] == "AP"
    assert rows["IRQ1"].acled["fatalities"] == 3 and rows["IRQ1"].acled["event_date"] == D("2024-05-01")
    assert rows["IRQ1"].id == "ev-a" and rows["IRQ1"].geonameid == 123
    assert rows["IRQ1"].evidence["trigger"]["text"] == "clash"
    src = rows["IRQ1"].sources[0]
    assert (src.url, src.outlet, src.published, src.source_event_id) == ("https://x.org/1", "Rudaw",
                                                                        D("2024-05-02"), "ev-a")


def test_corrected_version_keeps_ids_of_same_events(store: Store) -> None:
    url = "https://news.example/iraq-clash"
    v1 = Article("First version: clash near Kirkuk, attack in Mosul.", url=url, source="Rudaw")
    first = store.add_article(v1, [event("Armed clash", "2024-05-01", KIRKUK, 3, "ev-1"),
                                   event("Attack", "2024-05-01", MOSUL, 1, "ev-2")])
    assert first.event_ids == ("IRQ1", "IRQ2")
    v2 = Article("Corrected: clash near Kirkuk killed five; an air strike in Gao.", url=url, source="Rudaw")
    out = store.add_article(v2, [event("Armed clash", "2024-05-01", KIRKUK, 5, "ev-9"),
                                 event("Air/drone strike", "2024-05-01", GAO, 0, "ev-3")])
    assert (out.status, out.events_added, out.events_kept, out.events_removed) == ("replaced", 1, 1, 1)
    assert out.event_ids == ("IRQ1", "MLI1")
    rows = {r.acled["event_id_cnty"]: r for r in store.events()}
    assert set(rows) == {"IRQ1", "MLI1"}  # the Mosul attack is gone with the old version
    assert rows["IRQ1"].acled["fatalities"] == 5  # the corrected toll
    assert [s.article_id for s in rows["IRQ1"].sources] == [content_hash(v2.body)]
    assert rows["IRQ1"].sources[0].url == url
    # the old version coming again is known: nothing flips back
    assert store.add_article(v1, [event("Attack", "2024-05-01", MOSUL)]).status == "duplicate"
    # a third version: a new Mosul event gets a new number, never an old one again
    v3 = Article("Third version: only an attack in Mosul.", url=url, source="Rudaw")
    assert store.add_article(v3, [event("Attack", "2024-05-01", MOSUL, 1)]).event_ids == ("IRQ3",)
    assert {r.acled["event_id_cnty"] for r in store.events()} == {"IRQ3"}


def test_two_new_events_never_claim_the_same_old_one(store: Store) -> None:
    url = "https://news.example/two"
    store.add_article(Article("v1", url=url), [event("Attack", "2024-05-01", KIRKUK, eid="a")])
    out = store.add_article(Article("v2", url=url), [event("Attack", "2024-05-01", KIRKUK, eid="b"),
                                                     event("Attack", "2024-05-01", KIRKUK, eid="c")])
    assert out.event_ids == ("IRQ1", "IRQ2")


def test_reports_of_one_event_by_several_articles_become_one_event(store: Store) -> None:
    """The seam: ``_same_occurrence`` finds the stored event another article reports (cross-report de-dup)."""
    for body, outlet, day in (("Report one", "Reuters", "2024-05-01"), ("Report two", "AFP", "2024-05-02"),
                              ("Report three", "Reuters", "2024-05-02"), ("Report four", None, "2024-05-03")):
        out = store.add_article(Article(body, source=outlet, published=D(day)),
                                [event("Armed clash", "2024-05-01", KIRKUK, eid=body)])
        assert out.event_ids == ("IRQ1",)
    [rec] = store.events()
    assert rec.acled["source"] == "Reuters; AFP" and rec.acled["event_id_cnty"] == "IRQ1"
    assert len(rec.sources) == 4 and rec.id == "Report one"
    # another day, or another place 150 km away, is another event
    assert store.add_article(Article("Report five", source="AP"),
                             [event("Armed clash", "2024-05-02", KIRKUK, eid="5"),
                              event("Armed clash", "2024-05-01", MOSUL, eid="6")]).event_ids == ("IRQ2", "IRQ3")


def test_a_failed_write_leaves_nothing_half_stored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_article(Article("kept"), [event("Attack", "2024-05-01", KIRKUK)])
    calls = {"n": 0}
    real = Store._next_number

    def boom(self, s, country):  # noqa: ANN001, ANN202
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return real(self, s, country)

    monkeypatch.setattr(Store, "_next_number", boom)
    with pytest.raises(RuntimeError):
        store.add_article(Article("lost"), [event("Attack", "2024-05-02", MOSUL), event("Attack", "2024-05-03", GAO)])
    monkeypatch.undo()
    c = store.counts()
    assert (c.articles, c.events, c.sources) == (1, 1, 1)
    assert not store.has_article(Article("lost"))
    # the counter rolled back too: the next Iraqi event is IRQ2
    assert store.add_article(Article("next"), [event("Attack", "2024-05-02", MOSUL)]).event_ids == ("IRQ2",)


def test_query_filters(store: Store) -> None:
    store.add_article(Article("one"), [event("Armed clash", "2024-05-01", KIRKUK),
                                       event("Peaceful protest", "2024-05-03", GAO, etype="Protests"),
                                       event("Attack", None, MOSUL, etype="Violence against civilians")])
    assert [r.acled["event_id_cnty"] for r in store.events()] == ["IRQ1", "MLI1", "IRQ2"]  # undated last
    assert [r.acled["event_id_cnty"] for r in store.events(since=D("2024-05-02"))] == ["MLI1"]
    assert [r.acled["event_id_cnty"] for r in store.events(until=D("2024-05-02"))] == ["IRQ1"]
    for c in ("Iraq", "iraq", "IRQ", "IQ"):
        assert [r.acled["event_id_cnty"] for r in store.events(country=c)] == ["IRQ1", "IRQ2"]
    assert [r.acled["event_id_cnty"] for r in store.events(event_type="protests")] == ["MLI1"]
    assert [r.acled["event_id_cnty"] for r in store.events(event_type="Armed clash")] == ["IRQ1"]


def test_feed_state(store: Store) -> None:
    url = "http://127.0.0.1:9/feed.xml"
    assert store.get_feed_state(url) is None
    store.save_feed_state(url, '"abc"', "Tue, 01 Dec 2026 10:00:00 GMT", None)
    st = store.get_feed_state(url)
    assert st is not None and st.etag == '"abc"' and st.last_error is None and st.last_polled is not None
    store.save_feed_state(url, None, None, "HTTP 503")  # a failed poll keeps the validators
    st = store.get_feed_state(url)
    assert st is not None and st.etag == '"abc"' and st.last_error == "HTTP 503"


def test_older_schema_is_migrated(db_url: str) -> None:  # noqa: F811
    url = database_url(db_url)
    eng = create_engine(url)
    with eng.begin() as con:
        cfg = alembic_config()
        cfg.attributes["connection"] = con
        command.upgrade(cfg, "0001")
    with eng.connect() as con:
        assert "feed_state" not in inspect(con).get_table_names()
    eng.dispose()
    s = open_store(db_url)
    s.save_feed_state("http://127.0.0.1/f", None, None, None)
    assert s.get_feed_state("http://127.0.0.1/f") is not None
    s.close()


def test_unknown_revision_is_refused(db_url: str) -> None:  # noqa: F811
    open_store(db_url).close()
    eng = create_engine(database_url(db_url))
    with eng.begin() as con:
        con.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    eng.dispose()
    with pytest.raises(SchemaError, match="revision '9999'.*newer eventcoder"):
        open_store(db_url)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    with sqlite3.connect(p) as con:
        con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO customers VALUES (1, 'Ada')")
    with pytest.raises(SchemaError, match="not an eventcoder store.*customers"):
        open_store(p)
    with sqlite3.connect(p) as con:  # left as it was
        assert con.execute("SELECT name FROM customers").fetchall() == [("Ada",)]


def test_bad_database_paths(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just text " * 100)
    with pytest.raises(StoreError, match="junk.db.*not a database"):
        open_store(junk)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "e.db")
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="not supported"):
        open_store("mysql://u@127.0.0.1/x")
    assert issubclass(StoreError, InputError)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_directory(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot be written"):
            open_store(d / "e.db")
    finally:
        d.chmod(0o700)


def test_unreachable_postgres_is_a_clear_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match="cannot open database postgresql"):
        open_store(f"postgresql://nobody@127.0.0.1:{port}/none")


def test_in_memory_store() -> None:
    with open_store("sqlite://") as s:
        s.add_article(Article("memory"), [event("Attack", "2024-05-01", KIRKUK)])
        assert [r.acled["event_id_cnty"] for r in s.events()] == ["IRQ1"] and s.has_article(Article("memory"))


def test_iso3() -> None:
    assert (iso3("IQ"), iso3("ng"), iso3(None, 368), iso3("XK"), iso3(None), iso3("ZZ")) == \
        ("IRQ", "NGA", "IRQ", "XKX", "XXX", "XXX")
