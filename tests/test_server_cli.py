"""``eventcoder serve`` end to end: a store filled by ``eventcoder ingest``, served by uvicorn in a subprocess on
127.0.0.1 (stopped at teardown): its events on the page's GeoJSON, an unauthenticated POST refused, the token's
POST stored; a store that cannot be opened stops the command with a clear error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from eventcoder.cli import app
from server_store import ARTICLES

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "cli-test-token-42"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(db: Path, token: str | None) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVENTCODER_TOKEN"}
    if token:
        env["EVENTCODER_TOKEN"] = token
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    proc = subprocess.Popen([sys.executable, "-c", "from eventcoder.cli import main; main()", "serve", "--db",
                             str(db), "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"eventcoder serve exited: {proc.stdout.read() if proc.stdout else ''}")
            try:
                if httpx.get(base + "/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("eventcoder serve did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "events.db"
    r = CliRunner().invoke(app, ["ingest", str(ARTICLES), str(ROOT / "examples"), "--published", "2024-05-15",
                                 "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "stored: 7" in r.output
    return db


def test_serve_shows_ingested_events_and_refuses_unauthenticated_posts(ingested: Path) -> None:
    with _serve(ingested, TOKEN) as base:
        page = httpx.get(base + "/")
        assert page.status_code == 200 and "/static/app.js" in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]
        geo = httpx.get(base + "/events.geojson").json()
        places = {f["properties"]["location"] for f in geo["features"]}
        assert {"Kauru", "Kharkiv", "Konduga", "Quetta", "El Fasher", "Nairobi"} <= places  # examples/ and fixtures
        body = {"text": "Soldiers clashed with Arakan Army fighters near Kyauktaw in Rakhine State on Wednesday, "
                "killing four soldiers, residents said.", "published": "2024-06-06"}
        r = httpx.post(base + "/articles", json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        r = httpx.post(base + "/articles", json=body, headers={"Authorization": "Bearer nope"})
        assert r.status_code == 403
        assert httpx.get(base + "/events").json()["total"] == len(geo["features"])
        r = httpx.post(base + "/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert r.status_code == 201 and r.json()["events"][0]["country"] == "Myanmar"
        assert httpx.get(base + "/events").json()["total"] == len(geo["features"]) + 1


def test_serve_without_a_token_is_read_only(ingested: Path) -> None:
    with _serve(ingested, None) as base:
        r = httpx.post(base + "/extract", json={"text": "Police arrested two men in Lagos on Monday."},
                       headers={"Authorization": "Bearer guess"})
        assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_serve_a_store_that_cannot_be_opened(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "no" / "such" / "dir.db")])
    assert r.exit_code == 2 and "does not exist" in r.output
