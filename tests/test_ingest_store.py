"""`eventcoder ingest` into a store, on SQLite and PostgreSQL: text, HTML, JSONL, directories; idempotent;
corrected versions; bad input reported while the batch goes on; kill -9 in the middle of a batch."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.batch import code
from eventcoder.cli import app
from eventcoder.files import iter_items
from eventcoder.store import content_hash, open_store
from store_backends import db_url, pg_server  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "store"
runner = CliRunner()


def ingest(*args: str):  # noqa: ANN201
    return runner.invoke(app, ["ingest", *args])


def summary_numbers(out: str) -> dict[str, int]:
    line = next(x for x in out.splitlines() if x.startswith("articles read"))
    return {k.strip(): int(v) for k, v in (part.split(":") for part in line.split(";"))}


def test_ingest_fixtures_then_again_changes_nothing(db_url: str) -> None:  # noqa: F811
    r = ingest(str(FIXTURES), "--db", db_url, "--published", "2024-06-14")
    assert r.exit_code == 0, r.output
    first = summary_numbers(r.stdout)
    assert first["articles read"] == 11 and first["stored"] == 11 and first["failed"] == 0
    with open_store(db_url) as s:
        before = s.counts()
        recs = s.events()
    # (8 events: "the kidnappers demanded a ransom" after the abduction is no protest, as it once was coded)
    assert before.articles == 11 and before.events == first["events stored"] >= 8
    by_loc = {x.acled["location"]: x.acled for x in recs}
    assert by_loc["Douentza"]["event_id_cnty"].startswith("MLI") and by_loc["Douentza"]["fatalities"] == 9
    assert by_loc["Kirkuk"]["sub_event_type"] == "Air/drone strike"
    assert by_loc["Kharkiv"]["source"] == "Wire Example"  # a JSONL line's outlet
    assert by_loc["Bakura"]["sub_event_type"] == "Abduction/forced disappearance"
    assert by_loc["Bakura"]["event_date"].isoformat() == "2024-06-10"  # its own published date, not --published
    kisumu = [x for x in recs if x.acled["location"] == "Kisumu"]
    assert kisumu and all(x.acled["source"] == "Lakeside Daily" for x in kisumu)  # the page's site name
    assert all("tracker" not in x.acled["notes"] and "<" not in x.acled["notes"] for x in recs)
    assert len({x.acled["event_id_cnty"] for x in recs}) == len(recs)

    r = ingest(str(FIXTURES), "--db", db_url, "--published", "2024-06-14")
    assert r.exit_code == 0, r.output
    again = summary_numbers(r.stdout)
    assert again["skipped as duplicates"] == 11 and again["stored"] == 0 and again["events stored"] == 0
    with open_store(db_url) as s:
        assert s.counts() == before

    r = runner.invoke(app, ["export", "--db", db_url, "--country", "Mali"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x["event_id_cnty"] for x in rows] == ["MLI1"] and rows[0]["location"] == "Douentza"


def test_corrected_version_of_a_url(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    url = "https://wire.example.org/iraq"
    v1 = {"url": url, "source": "Wire", "published": "2024-06-12", "text": (
        "KIRKUK, Iraq - A drone strike hit a car near Kirkuk on Tuesday, killing two militants, officials said.")}
    v2 = dict(v1, text=v1["text"].replace("two militants", "three militants")
              + "\n\nSeparately, police arrested a journalist in Basra on Tuesday, his newspaper said.")
    (tmp_path / "v1.jsonl").write_text(json.dumps(v1) + "\n")
    (tmp_path / "v2.jsonl").write_text(json.dumps(v2) + "\n")
    assert ingest(str(tmp_path / "v1.jsonl"), "--db", db_url).exit_code == 0
    with open_store(db_url) as s:
        [strike] = s.events()
    assert strike.acled["fatalities"] == 2
    r = ingest(str(tmp_path / "v2.jsonl"), "--db", db_url)
    assert r.exit_code == 0 and summary_numbers(r.stdout)["replaced"] == 1
    with open_store(db_url) as s:
        recs = {x.acled["sub_event_type"]: x for x in s.events()}
        assert s.counts().articles == 2  # the old version is kept, superseded
    assert recs["Air/drone strike"].acled["event_id_cnty"] == strike.acled["event_id_cnty"]
    assert recs["Air/drone strike"].acled["fatalities"] == 3
    assert recs["Air/drone strike"].sources[0].article_id == content_hash(v2["text"])
    assert recs["Arrests"].acled["event_id_cnty"] == "IRQ2"


def test_bad_input_is_reported_and_the_batch_goes_on(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    good = FIXTURES / "mali_ambush.txt"
    assert ingest(str(good), "--db", db_url, "--published", "2024-06-14").exit_code == 0
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("  \n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (d / "huge.txt").write_bytes(b"word " * 1_100_000)
    (d / "broken.html").write_text("<html><head><script>alert(1)</script></head><body><div></body>")
    (d / "french.txt").write_text("Des manifestants se sont rassemblés jeudi devant la préfecture de Rennes pour "
                                  "protester contre la hausse des prix du lait, selon la police locale.")
    (d / "notes.md").write_text("not read: not an article file type")
    (d / "ok.txt").write_text((FIXTURES / "iraq_drone.txt").read_text())
    (d / "lines.jsonl").write_text("\n".join([
        json.dumps({"text": (FIXTURES / "chile_protest.txt").read_text(), "id": "ok-line"}),
        "{not json",
        "[1, 2]",
        json.dumps({"text": 5}),
        json.dumps({"url": "https://x.example/nothing"}),
        json.dumps({"text": "Gunmen attacked a bus.", "published": "last Tuesday"}),
        "",
    ]) + "\n")
    r = ingest(str(d), str(tmp_path / "missing.txt"), "--db", db_url, "--published", "2024-06-14")
    assert r.exit_code == 1
    n = summary_numbers(r.stdout)
    assert (n["articles read"], n["stored"], n["failed"]) == (13, 2, 11)
    out = r.stdout
    for reason in ("empty.txt: file is empty", "binary.txt: binary data", "huge.txt: file is 5,500,000 bytes",
                   "broken.html: no article text found", "lines.jsonl:2: not a JSON object",
                   "lines.jsonl:3: a JSON list", "lines.jsonl:4: field 'text' is a JSON int",
                   "lines.jsonl:5: no 'text' or 'html'", "lines.jsonl:6: publication date 'last Tuesday'",
                   "missing.txt: no such file", "french.txt: text is in language 'fr'"):
        assert reason in out, reason
    assert "notes.md" not in out
    with open_store(db_url) as s:
        assert s.counts().articles == 3  # the earlier article, ok.txt, the good line: nothing lost


def test_a_database_that_cannot_be_written(tmp_path: Path) -> None:
    r = ingest(str(FIXTURES / "chile_protest.txt"), "--db", "/proc/eventcoder-test.db")
    assert r.exit_code == 2 and "cannot open database /proc/eventcoder-test.db" in r.stderr
    r = ingest(str(FIXTURES / "chile_protest.txt"), "--db", str(tmp_path / "no" / "dir" / "e.db"))
    assert r.exit_code == 2 and "does not exist" in r.stderr


def test_parallel_jobs_store_the_same(tmp_path: Path) -> None:
    r = ingest(str(FIXTURES), "--db", str(tmp_path / "p.db"), "--published", "2024-06-14", "--jobs", "2")
    assert r.exit_code == 0, r.output
    r1 = ingest(str(FIXTURES), "--db", str(tmp_path / "s.db"), "--published", "2024-06-14")
    with open_store(tmp_path / "p.db") as p, open_store(tmp_path / "s.db") as s:
        key = [(x.acled["event_id_cnty"], x.acled["sub_event_type"], x.acled["location"]) for x in p.events()]
        assert key == [(x.acled["event_id_cnty"], x.acled["sub_event_type"], x.acled["location"])
                       for x in s.events()]
    assert summary_numbers(r.stdout) == summary_numbers(r1.stdout)


TOWNS = [("Douentza", "Mali"), ("Kirkuk", "Iraq"), ("Baidoa", "Somalia"), ("Maiduguri", "Nigeria"),
         ("Goma", "Democratic Republic of Congo"), ("Kandahar", "Afghanistan")]


def batch_articles(d: Path, n: int = 96) -> None:
    """Many tiny articles: one in six reports an attack (varied town and toll), the rest are calm news."""
    d.mkdir()
    for i in range(n):
        if i % 6 == 0:
            town, country = TOWNS[(i // 6) % len(TOWNS)]
            text = (f"Gunmen kill {i % 9 + 2} villagers near {town}\n\n{town.upper()}, {country} - Gunmen killed "
                    f"{i % 9 + 2} villagers near {town} on Tuesday, local officials said in statement number {i}.")
        else:
            text = (f"Council approves plan number {i}\n\nThe town council approved road plan number {i} on "
                    f"Monday, adding {i} new bus stops and a cycle lane, the mayor said.")
        (d / f"a{i:04d}.txt").write_text(text)


def test_kill_9_in_the_middle_then_again(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    d = tmp_path / "batch"
    batch_articles(d)
    total = len(list(d.iterdir()))
    s = open_store(db_url)  # the schema exists before the run starts
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    cmd = [sys.executable, "-c", "from eventcoder.cli import main; main()", "ingest", str(d), "--db", db_url,
           "--published", "2024-06-14"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while s.counts().articles < 24 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    killed_at = s.counts().articles
    assert 24 <= killed_at < total, f"the kill came at {killed_at} of {total} articles"
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"skipped as duplicates: {killed_at}" in done.stdout
    counts = s.counts()
    assert counts.articles == total
    # every article's events stored once: as many as coding it alone gives
    expected = {}
    for item in iter_items([d], __import__("datetime").date(2024, 6, 14)):
        assert item.article is not None
        expected[content_hash(item.article.body)] = len(code(item.article))
    got: dict[str, int] = dict.fromkeys(expected, 0)
    for rec in s.events():
        for src in rec.sources:
            got[src.article_id] += 1
    s.close()
    assert got == expected
    # (articles that report one event again are its sources: cross-report de-duplication merges them)
    assert counts.sources == sum(expected.values()) >= total // 6 and 0 < counts.events <= counts.sources


def test_source_option_names_the_outlet_of_files(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    r = ingest(str(FIXTURES / "iraq_drone.txt"), "--db", db, "--published", "2024-06-14", "--source", "Rudaw")
    assert r.exit_code == 0, r.output
    with open_store(db) as s:
        [rec] = s.events()
    assert rec.acled["source"] == "Rudaw" and rec.sources[0].outlet == "Rudaw"
    assert rec.acled["event_date"].isoformat() == "2024-06-11"  # "on Tuesday" before 14 June
    r = ingest(str(FIXTURES / "iraq_drone.txt"), "--db", db, "--published", "14/06/2024")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.stderr
