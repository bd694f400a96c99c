"""`eventcoder ingest --feed/--feeds` and `eventcoder watch` against a local 127.0.0.1 server of fixture feeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.store import open_store
from store_backends import db_url, pg_server  # noqa: F401 - fixtures
from test_feeds import WORLD_ETAG, Server, server  # noqa: F401 - the fixture server

runner = CliRunner()
SRC = Path(__file__).resolve().parents[1] / "src"


def cli(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


def stored_urls(db: str) -> set[str]:
    from sqlalchemy import select

    from eventcoder.store.models import ArticleRow

    with open_store(db) as s, s._read() as ses:
        return {u for u in ses.scalars(select(ArticleRow.url)) if u}


def test_ingest_feed_stores_new_articles_then_the_feed_is_not_modified(server: Server, db_url: str) -> None:  # noqa: F811
    world = server.url("/feeds/world.rss")
    r = cli("ingest", "--feed", world, "--db", db_url)
    assert r.exit_code == 0, r.output
    assert "feeds polled: 1; not modified: 0; failed: 0; articles read: 6; stored: 6;" in r.stdout
    assert "The Meridian Wire: World: 6 new, 0 already stored, 0 failed" in r.stderr
    urls = stored_urls(db_url)
    assert server.url("/pages/sudan-el-fasher-clashes.html") in urls
    assert len(urls) == 5  # the sixth entry (a rally in Dhaka) links to no page: stored from the feed's text
    with open_store(db_url) as s:
        assert s.get_feed_state(world).etag == WORLD_ETAG
        assert s.has_url(server.url("/pages/sudan-el-fasher-clashes.html"))
        assert not s.has_url(server.url("/pages/nowhere.html"))
        sudan = [e for e in s.events() if e.acled["country"] == "Sudan"]
        assert sudan and sudan[0].sources[0].url == server.url("/pages/sudan-el-fasher-clashes.html")
        before = s.counts()
    # again: a conditional GET (If-None-Match) answered 304, nothing fetched or coded
    r = cli("ingest", "--feed", world, "--db", db_url)
    assert r.exit_code == 0, r.output
    assert "feeds polled: 1; not modified: 1; failed: 0; articles read: 0; stored: 0;" in r.stdout
    assert server.requests[-1][1].get("if-none-match") == WORLD_ETAG
    with open_store(db_url) as s:
        assert s.counts() == before


def test_ingest_feeds_file_goes_past_a_broken_feed_and_beside_files(server: Server, tmp_path: Path) -> None:  # noqa: F811
    db = str(tmp_path / "e.db")
    lst = tmp_path / "feeds.txt"
    lst.write_text(f"# our feeds\n{server.url('/feeds/broken.xml')}\n{server.url('/feeds/region.atom')}  # region\n",
                   encoding="utf-8")
    article = Path(__file__).parent / "fixtures" / "wire" / "drc_goma_protest.txt"
    r = cli("ingest", str(article), "--feeds", str(lst), "--db", db, "--published", "2024-08-19")
    assert r.exit_code == 1  # a feed failed: said, and the rest is stored
    assert "articles read: 1; stored: 1;" in r.stdout
    assert "feeds polled: 2; not modified: 0; failed: 1; articles read: 4; stored: 4;" in r.stdout
    assert "4 new, 0 already stored, 0 failed, 1 entries skipped" in r.stderr  # a story in French
    assert "broken.xml" in r.stderr and "feed failed" in r.stderr
    assert len(stored_urls(db)) == 4
    with open_store(db) as s:
        assert s.counts().articles == 5
        assert s.get_feed_state(server.url("/feeds/broken.xml")).last_error


def test_ingest_bad_feed_arguments_are_clear_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    r = cli("ingest", "--db", db)
    assert r.exit_code == 2 and "give files or directories to ingest, --feed URL or --feeds FILE" in r.stderr
    bad = tmp_path / "feeds.txt"
    bad.write_text("ftp://example.org/feed\n", encoding="utf-8")
    r = cli("ingest", "--feeds", str(bad), "--db", db)
    assert r.exit_code == 2 and "is not an http(s) feed URL" in r.stderr
    r = cli("watch", "--feeds", str(bad), "--db", db, "--every", "soon")
    assert r.exit_code == 2 and "--every" in r.stderr and "not a duration" in r.stderr
    assert not Path(db).exists()  # nothing was opened, nothing written


def test_watch_rounds_with_max_rounds(server: Server, tmp_path: Path) -> None:  # noqa: F811
    db = str(tmp_path / "e.db")
    lst = tmp_path / "feeds.txt"
    lst.write_text(f"{server.url('/feeds/world.rss')}\n{server.url('/feeds/error.rss')}\n", encoding="utf-8")
    r = cli("watch", "--feeds", str(lst), "--db", db, "--every", "0.05s", "--max-rounds", "2")
    assert r.exit_code == 0, r.output
    assert "watching 2 feeds every 0.05s" in r.stderr
    assert "round 1: 6 articles stored, 0 already stored, 0 failed, 1 of 2 feeds failed" in r.stderr
    assert "not modified" in r.stderr and "round 2: 0 articles stored" in r.stderr
    assert "stopped: 6 articles stored" in r.stderr
    assert len(stored_urls(db)) == 5


def test_watch_stops_cleanly_on_ctrl_c(server: Server, tmp_path: Path) -> None:  # noqa: F811
    db = str(tmp_path / "e.db")
    lst = tmp_path / "feeds.txt"
    lst.write_text(server.url("/feeds/world.rss") + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", "from eventcoder.cli import main; main()", "watch", "--feeds",
                             str(lst), "--db", db, "--every", "1h"], stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=env)
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        lines.extend(iter(proc.stderr.readline, ""))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 240
        while not any(line.startswith("round 1:") for line in lines):
            assert proc.poll() is None, "".join(lines)
            assert time.monotonic() < deadline, "".join(lines)
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)  # while it waits an hour for round 2
        rc = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    reader.join(timeout=10)
    text = "".join(lines)
    assert rc == 0, text
    assert "round 1: 6 articles stored" in text and "stopped: 6 articles stored, 0 already stored" in text
    assert "Traceback" not in text
    assert len(stored_urls(db)) == 5
