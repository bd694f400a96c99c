"""Exports of stored events, on SQLite and PostgreSQL: ACLED CSV, GeoJSON, Parquet, JSONL, PLOVER."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventcoder import export as ex
from eventcoder.cli import app
from eventcoder.export import ACLED_COLUMNS, PLOVER_MAP
from eventcoder.extract.taxonomy import Sub
from eventcoder.model import Article
from eventcoder.store import open_store
from store_backends import db_url, pg_server  # noqa: F401 - fixtures
from test_store import GAO, KIRKUK, MOSUL, D, event, place

runner = CliRunner()
NOWHERE = place("Somewhere", None, lat=None, lon=None)


@pytest.fixture
def filled(db_url: str) -> str:  # noqa: F811
    with open_store(db_url) as s:
        s.add_article(Article("Report A", url="https://a.example/1", source="Rudaw", published=D("2024-05-02")),
                      [event("Armed clash", "2024-05-01", KIRKUK, 4, "ev-k"),
                       event("Peaceful protest", "2024-05-02", GAO, etype="Protests")])
        s.add_article(Article("Report B", source="AP", published=D("2024-05-06")),
                      [event("Air/drone strike", "2024-05-05", MOSUL, 2, "ev-m",
                             etype="Explosions/Remote violence"),
                       event("Arrests", "2024-05-05", NOWHERE, etype="Strategic developments")])
    return db_url


def cli(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


def test_acled_csv(filled: str) -> None:
    r = cli("export", "--db", filled, "--format", "acled-csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ACLED_COLUMNS
    assert [x["event_id_cnty"] for x in rows] == ["IRQ1", "MLI1", "IRQ2", "XXX1"]
    k = rows[0]
    assert (k["event_date"], k["year"], k["sub_event_type"], k["country"], k["location"], k["latitude"],
            k["fatalities"], k["source"], k["inter1"], k["inter2"], k["iso"]) == \
        ("2024-05-01", "2024", "Armed clash", "Iraq", "Kirkuk", "35.4681", "4", "Rudaw", "1", "2", "")
    assert rows[3]["latitude"] == "" and rows[3]["geo_precision"] == "1"
    assert int(k["timestamp"]) > 1_700_000_000


def test_filters_and_output_file(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "iraq.csv"
    r = cli("export", "--db", filled, "--country", "IRQ", "--since", "2024-05-03", "-o", str(out))
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(out.open()))
    assert [x["event_id_cnty"] for x in rows] == ["IRQ2"]
    r = cli("export", "--db", filled, "--type", "Protests", "--until", "2024-05-02")
    assert [x["event_id_cnty"] for x in csv.DictReader(io.StringIO(r.stdout))] == ["MLI1"]
    r = cli("export", "--db", filled, "--country", "Chile")
    assert r.stdout.strip() == ",".join(ACLED_COLUMNS)  # a header, no rows


def test_geojson(filled: str) -> None:
    r = cli("export", "--db", filled, "--format", "geojson")
    assert r.exit_code == 0, r.output
    fc = json.loads(r.stdout)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [44.3922, 35.4681]} and f["id"] == "IRQ1"
    assert list(f["properties"]) == ACLED_COLUMNS and f["properties"]["event_date"] == "2024-05-01"
    assert f["properties"]["fatalities"] == 4
    assert "1 event(s) without coordinates left out" in r.stderr


def test_parquet_typed(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    r = cli("export", "--db", filled, "--format", "parquet", "-o", str(out))
    assert r.exit_code == 0, r.output
    t = pq.read_table(out)
    assert t.num_rows == 4 and t.column_names[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert t.schema.field("event_date").type == pa.date32()
    assert t.schema.field("fatalities").type == pa.int32() and t.schema.field("latitude").type == pa.float64()
    assert t.column("event_date").to_pylist()[0] == D("2024-05-01")
    assert t.column("latitude").to_pylist()[3] is None and t.column("sources").to_pylist() == [1, 1, 1, 1]
    # to standard output: the bytes of a Parquet file
    r = cli("export", "--db", filled, "--format", "parquet")
    assert r.exit_code == 0 and pq.read_table(io.BytesIO(r.stdout_bytes)).num_rows == 4


def test_jsonl_with_evidence_and_sources(filled: str) -> None:
    r = cli("export", "--db", filled, "--format", "jsonl")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 4
    k = lines[0]
    assert k["event_id_cnty"] == "IRQ1" and k["id"] == "ev-k" and k["geonameid"] == 123
    assert k["evidence"]["trigger"] == {"sentence": 0, "start": 20, "end": 25, "text": "clash", "raw_start": None,
                                        "raw_end": None}
    [src] = k["sources"]
    assert (src["url"], src["outlet"], src["published"], src["event_id"]) == \
        ("https://a.example/1", "Rudaw", "2024-05-02", "ev-k")
    assert src["evidence"]["fatalities"]["text"] == "nine"


def test_plover(filled: str) -> None:
    r = cli("export", "--db", filled, "--format", "plover")
    evs = json.loads(r.stdout)
    assert [(e["event_type"], e["mode"]) for e in evs] == [("ASSAULT", "firearms"), ("PROTEST", "demonstrate"),
                                                           ("ASSAULT", "aerial"), ("COERCE", "arrest")]
    k = evs[0]
    assert k["actor"] == "Military Forces of Iraq (2022-)" and k["recipient"] == "Islamic State (Iraq)"
    assert k["location"]["name"] == "Kirkuk" and k["acled"]["sub_event_type"] == "Armed clash"
    assert k["sources"][0]["outlet"] == "Rudaw"


def test_plover_map_covers_every_sub_event_type() -> None:
    assert set(PLOVER_MAP) == {s.value for s in Sub}


def test_empty_exports(tmp_path: Path) -> None:
    assert ex.write_geojson([], io.StringIO()) == (0, 0)
    buf = io.StringIO()
    ex.write_plover([], buf)
    assert json.loads(buf.getvalue()) == []
    out = tmp_path / "empty.parquet"
    ex.write_parquet([], str(out))
    assert pq.read_table(out).num_rows == 0


def test_export_errors(tmp_path: Path) -> None:
    r = cli("export", "--db", str(tmp_path / "none.db"))
    assert r.exit_code == 2 and "no such file" in r.stderr
    r = cli("export", "--db", str(tmp_path / "x.db"), "--format", "xml")
    assert r.exit_code == 2 and "not one of" in r.stderr
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 50)
    r = cli("export", "--db", str(junk))
    assert r.exit_code == 2 and "not a database" in r.stderr
    r = cli("export", "--db", str(junk), "--since", "May 1")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.stderr
