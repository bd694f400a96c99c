"""Cross-report de-duplication in the store: several outlets' reports of one event, ingested as files, are ONE
event with several sources, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.batch import code
from eventcoder.cli import app
from eventcoder.export import ACLED_COLUMNS
from eventcoder.model import Article
from eventcoder.store import Store, content_hash, open_store
from store_backends import db_url, new_pg_database, pg_server  # noqa: F401 - fixtures

HERE = Path(__file__).resolve().parent
WIRE = HERE / "fixtures" / "wire"
DEDUP = HERE / "fixtures" / "dedup"
runner = CliRunner()

DRC = {  # file: (outlet, published)
    "drc_ap": ("Associated Press", "2024-08-20"),
    "drc_okapi": ("Radio Okapi", "2024-08-20"),
    "drc_eastafrican": ("The East African", "2024-08-22"),  # the toll has risen from 5 to 7
    "drc_ituri_attack": ("Associated Press", "2024-08-20"),  # another attack that Monday in Congo
    "drc_goma_protest": ("Radio Okapi", "2024-08-19"),  # a march in Goma that Monday
}
NIGERIA = {
    "nigeria_reuters": ("Reuters", "2024-05-14"),
    "nigeria_premiumtimes": ("Premium Times", "2024-05-15"),
    "nigeria_dailytrust": ("Daily Trust", "2024-05-16"),
    "nigeria_zamfara_punch": ("Punch", "2024-05-14"),
    "nigeria_other_dailytrust": ("Daily Trust", "2024-05-15"),
}


def ingest(db: str, folder: Path, spec: dict[str, tuple[str, str]], order: list[str] | None = None) -> list[str]:
    outputs = []
    for stem in order or list(spec):
        outlet, published = spec[stem]
        r = runner.invoke(app, ["ingest", str(folder / f"{stem}.txt"), "--db", db, "--source", outlet,
                                "--published", published])
        assert r.exit_code == 0, r.output
        outputs.append(r.stdout)
    return outputs


def acled_csv(db: str) -> list[dict[str, str]]:
    r = runner.invoke(app, ["export", "--db", db, "--format", "acled-csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == ",".join(ACLED_COLUMNS)
    return list(csv.DictReader(io.StringIO(r.stdout)))


def another_db(db: str, tmp_path: Path) -> str:
    if db.startswith("postgresql://"):
        return new_pg_database(db.rsplit("/", 1)[0] + "/")
    return str(tmp_path / "other.db")


def content(rows: list[dict[str, str]]) -> list[tuple]:
    """The events as ACLED rows without what depends on the order of ingestion (the id number, the time)."""
    return sorted(tuple(v for k, v in r.items() if k not in ("event_id_cnty", "timestamp")) for r in rows)


def test_three_outlets_one_attack_is_one_event_with_three_sources(db_url: str) -> None:  # noqa: F811
    ingest(db_url, WIRE, DRC)
    rows = acled_csv(db_url)
    oicha = [r for r in rows if r["sub_event_type"] == "Attack" and r["admin1"] == "Nord-Kivu"]
    assert len(oicha) == 1  # one row for three reports
    o = oicha[0]
    assert o["source"] == "Associated Press; Radio Okapi; The East African"
    assert o["fatalities"] == "7"  # 5 and 5, then 7 in the later report: tolls rise, the update counts
    assert (o["event_date"], o["actor1"], o["country"]) == ("2024-08-19", "ADF: Allied Democratic Forces",
                                                           "Democratic Republic of Congo")
    assert o["event_id_cnty"].startswith("COD")
    assert "Fatalities reported: 5 (Associated Press), 5 (Radio Okapi), 7 (The East African); coded 7: " \
           "updated toll" in o["notes"]
    # two other events that Monday in Congo, one of them an attack too (in Ituri), stay apart
    assert sorted((r["sub_event_type"], r["admin1"], r["source"]) for r in rows if r is not o) == [
        ("Attack", "Ituri", "Associated Press"), ("Peaceful protest", "Nord-Kivu", "Radio Okapi")]
    with open_store(db_url) as s:
        c = s.counts()
        assert (c.articles, c.events, c.sources) == (5, 3, 5)
        [rec] = [r for r in s.events() if r.acled["event_id_cnty"] == o["event_id_cnty"]]
        assert sorted((x.outlet, x.fatalities, x.published) for x in rec.sources) == [
            ("Associated Press", 5, dt.date(2024, 8, 20)), ("Radio Okapi", 5, dt.date(2024, 8, 20)),
            ("The East African", 7, dt.date(2024, 8, 22))]
        # the event's evidence points into one article: the one its toll is read from
        toll_from = next(x for x in rec.sources if x.fatalities == 7)
        assert rec.evidence["fatalities"] == toll_from.evidence["fatalities"]
        assert rec.id == next(x.source_event_id for x in rec.sources if x.outlet == "Associated Press")


def test_the_same_files_twice_change_nothing_and_another_order_gives_the_same_events(
        db_url: str, tmp_path: Path) -> None:  # noqa: F811
    ingest(db_url, DEDUP, NIGERIA)
    first = acled_csv(db_url)
    again = ingest(db_url, DEDUP, NIGERIA)
    assert all("stored: 0;" in out and "skipped as duplicates: 1;" in out for out in again)
    assert acled_csv(db_url) == first  # byte for byte: not even a timestamp moved
    kauru = [r for r in first if r["admin1"] == "Kaduna"]
    assert [(r["source"], r["fatalities"], r["sub_event_type"]) for r in kauru] == [
        ("Reuters; Premium Times; Daily Trust", "7", "Attack")]
    # the Punch's attack in Zamfara the same Tuesday and the Lagos protest are their own events
    assert len(first) == 3 and {r["source"] for r in first} == {"Reuters; Premium Times; Daily Trust", "Punch",
                                                                 "Daily Trust"}
    other = another_db(db_url, tmp_path)
    ingest(other, DEDUP, NIGERIA, order=list(reversed(NIGERIA)))
    assert content(acled_csv(other)) == content(first)


def coded(stem: str, url: str, text: str | None = None) -> tuple[Article, tuple]:
    outlet, published = DRC[stem]
    art = Article((WIRE / f"{stem}.txt").read_text(encoding="utf-8") if text is None else text,
                  published=dt.date.fromisoformat(published), url=url, source=outlet)
    events = code(art)
    assert not isinstance(events, str), events
    return art, events


def by_cnty(s: Store) -> dict[str, object]:
    return {r.acled["event_id_cnty"]: r for r in s.events()}


def test_corrected_versions_keep_the_ids_and_the_event_follows(db_url: str) -> None:  # noqa: F811
    urls = {stem: f"https://news.example/{stem}" for stem in DRC}
    with open_store(db_url) as s:
        outs = {stem: s.add_article(*coded(stem, urls[stem])) for stem in ("drc_ap", "drc_okapi", "drc_eastafrican",
                                                                            "drc_ituri_attack")}
        assert outs["drc_okapi"].events_merged == 1 and outs["drc_eastafrican"].events_merged == 1
        [oicha] = outs["drc_ap"].event_ids
        assert outs["drc_okapi"].event_ids == outs["drc_eastafrican"].event_ids == (oicha,)
        [ituri] = outs["drc_ituri_attack"].event_ids
        stable = by_cnty(s)[oicha].id

        # a corrected East African story (one more victim): the merged event keeps its ids, takes the new toll
        text = (WIRE / "drc_eastafrican.txt").read_text(encoding="utf-8")
        fixed = text.replace("rises to seven", "rises to eight").replace("has risen to seven after two wounded",
                                                                         "has risen to eight after three wounded")
        assert fixed != text
        out = s.add_article(*coded("drc_eastafrican", urls["drc_eastafrican"], fixed))
        assert (out.status, out.event_ids, out.events_removed) == ("replaced", (oicha,), 0)
        rec = by_cnty(s)[oicha]
        assert (rec.acled["fatalities"], rec.id, len(rec.sources)) == (8, stable, 3)
        assert content_hash(fixed) in {x.article_id for x in rec.sources}

        # the only source of the Ituri attack is corrected: the event follows it, under the same ids
        text = (WIRE / "drc_ituri_attack.txt").read_text(encoding="utf-8")
        out = s.add_article(*coded("drc_ituri_attack", urls["drc_ituri_attack"],
                                   text.replace("killed three civilians", "killed four civilians")))
        assert (out.status, out.event_ids) == ("replaced", (ituri,))
        rec = by_cnty(s)[ituri]
        assert (rec.acled["fatalities"], rec.acled["source"], len(rec.sources)) == (4, "Associated Press", 1)

        # a version of the East African story that no longer tells the attack: the event keeps its two others
        out = s.add_article(Article("Correction: this story has been withdrawn.", url=urls["drc_eastafrican"],
                                    source="The East African"), [])
        assert out.status == "replaced" and out.events_removed == 0
        rec = by_cnty(s)[oicha]
        assert (rec.acled["fatalities"], rec.acled["source"]) == (5, "Associated Press; Radio Okapi")
        assert "Fatalities reported" not in rec.acled["notes"]
        assert set(by_cnty(s)) == {oicha, ituri}


def test_an_article_ingested_twice_stores_its_events_once(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    ituri = {"drc_ituri_attack": DRC["drc_ituri_attack"]}
    [first] = ingest(db_url, WIRE, ituri)
    assert "stored: 1;" in first and "events stored: 1" in first
    [second] = ingest(db_url, WIRE, ituri)
    assert "stored: 0;" in second and "skipped as duplicates: 1;" in second and "events stored: 0" in second
    with open_store(db_url) as s:
        c = s.counts()
        assert (c.articles, c.events, c.sources) == (1, 1, 1)
    out = tmp_path / "ituri.csv"
    r = runner.invoke(app, ["export", "--db", db_url, "--format", "acled-csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(row) == ACLED_COLUMNS
    assert (row["event_id_cnty"], row["event_date"], row["event_type"], row["sub_event_type"], row["actor1"],
            row["admin1"], row["location"], row["fatalities"], row["source"]) == (
        "COD1", "2024-08-19", "Violence against civilians", "Attack", "CODECO: Cooperative for Development of Congo",
        "Ituri", "Djugu", "3", "Associated Press")


@pytest.mark.parametrize("stem", ["drc_goma_protest"])
def test_one_report_is_stored_as_it_was_coded(db_url: str, stem: str) -> None:  # noqa: F811
    """A single source: the event is the article's own coding (no merge rewrites it)."""
    art, events = coded(stem, "https://news.example/goma")
    with open_store(db_url) as s:
        s.add_article(art, events)
        [rec] = s.events()
    [e] = events
    assert (rec.acled["sub_event_type"], rec.acled["notes"], rec.acled["fatalities"], rec.id) == (
        e.sub_event_type, e.notes, e.fatalities.count, e.id)
    assert rec.acled["source"] == "Radio Okapi" and rec.evidence["trigger"] == {
        k: getattr(e.trigger, k) for k in ("sentence", "start", "end", "text", "raw_start", "raw_end")}


def test_a_source_keeps_its_event_as_coded() -> None:
    from eventcoder.store.codec import event_from_json, event_to_json

    for stem in DRC:
        _, events = coded(stem, f"https://news.example/{stem}")
        assert events and all(event_from_json(event_to_json(e)) == e for e in events)


def test_sources_stored_before_the_event_column_are_rebuilt_from_their_event_row(db_url: str) -> None:  # noqa: F811
    """A store migrated from revision 0002 has sources without their coded event: the event row stands in."""
    from sqlalchemy import update

    from eventcoder.store.models import EventSourceRow

    with open_store(db_url) as s:
        first = s.add_article(*coded("drc_ap", "https://news.example/ap"))
        with s._write() as ses, ses.begin():
            ses.execute(update(EventSourceRow).values(coded=None))
        out = s.add_article(*coded("drc_okapi", "https://news.example/okapi"))
        assert out.event_ids == first.event_ids and out.events_merged == 1
        [rec] = s.events()
        assert rec.acled["source"] == "Associated Press; Radio Okapi" and rec.acled["fatalities"] == 5
        assert rec.acled["actor1"] == "ADF: Allied Democratic Forces"
