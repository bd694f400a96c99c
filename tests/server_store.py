"""Fixtures for the server's tests: a store filled with the hand-written articles of
``tests/fixtures/server/articles.jsonl`` (five event articles in five countries and one football report), each
coded once per session, on SQLite and on a throwaway PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.files import jsonl_article
from eventcoder.model import Article, Event
from eventcoder.pipeline import code_article
from eventcoder.store import open_store
from store_backends import new_pg_database, pg_server  # noqa: F401 - fixtures

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "server" / "articles.jsonl"
TOKEN = "test-token-0123456789-abcdef"


def fixture_articles() -> list[Article]:
    return [jsonl_article(line, f"{ARTICLES.name}:{i}") for i, line in
            enumerate(ARTICLES.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]


@pytest.fixture(scope="session")
def coded() -> list[tuple[Article, tuple[Event, ...]]]:
    """Each fixture article with its events, coded once."""
    return [(a, tuple(code_article(a).events)) for a in fixture_articles()]


def fill(url: str, coded: list[tuple[Article, tuple[Event, ...]]]) -> str:  # noqa: F811
    with open_store(url) as s:
        for article, events in coded:
            s.add_article(article, events)
    return url


@pytest.fixture(scope="module")
def server_db(coded, tmp_path_factory: pytest.TempPathFactory) -> str:  # noqa: ANN001
    """A SQLite store holding the fixture articles and their events."""
    return fill(str(tmp_path_factory.mktemp("server") / "events.db"), coded)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, coded, tmp_path_factory: pytest.TempPathFactory) -> str:  # noqa: ANN001
    """The same store on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return fill(str(tmp_path_factory.mktemp("server") / "events.db"), coded)
    return fill(new_pg_database(request.getfixturevalue("pg_server")), coded)
