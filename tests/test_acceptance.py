"""The reference case in ../shared/acceptance (read in place, never copied into the project)."""

import datetime as dt
from pathlib import Path

import pytest

import eventcoder

SEED = Path(__file__).resolve().parents[2] / "shared" / "acceptance" / "seed-article.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared acceptance article not present")


def test_seed_article_events():
    evs = eventcoder.extract(SEED.read_text(), dt.date(2018, 6, 2))
    got = sorted((e.sub_event_type, str(e.date.date), e.actor1.name, e.place.name if e.place else None) for e in evs)
    assert [g[0] for g in got] == ["Abduction/forced disappearance", "Remote explosive/landmine/IED",
                                   "Remote explosive/landmine/IED"]
    abd = next(e for e in evs if e.sub_event_type.startswith("Abduction"))
    assert abd.actor1.name == "Islamic State (ISIS)" and abd.actor2.name == "Civilians (Iraq)"
    assert str(abd.date.date) == "2018-05-31" and abd.fatalities.count == 0
    assert abd.place.name == "Daquq" and abd.place.geo_precision == 2
    assert "Looting/property destruction" in abd.secondary
    bombs = sorted((e for e in evs if e.sub_event_type.startswith("Remote")), key=lambda e: e.place.geo_precision)
    assert [str(e.date.date) for e in bombs] == ["2018-05-30", "2018-05-30"]
    assert sum(e.fatalities.count for e in bombs) == 7
    assert bombs[0].place.name == "Mosul" and bombs[0].place.geo_precision == 1
    assert bombs[1].place.admin1 == "Salah ad Din" and bombs[1].place.geo_precision == 3
    assert all(e.actor1.name == "Unidentified Armed Group (Iraq)" for e in bombs)


def test_seed_article_without_date_does_not_guess():
    evs = eventcoder.extract(SEED.read_text(), None)
    assert len(evs) == 3
    assert all(e.date.date is None and e.date.weekday in ("thursday", "wednesday") for e in evs)


def test_seed_article_served_on_the_map_and_writes_refused_without_token(tmp_path):
    """The issue's check: a store filled from the reference article, served: its events on /events.geojson and
    the page, an unauthenticated POST refused."""
    from fastapi.testclient import TestClient

    from eventcoder.server import create_app
    from eventcoder.store import open_store

    db = tmp_path / "seed.db"
    article = eventcoder.Article(body=SEED.read_text(), published=dt.date(2018, 6, 2), source="acceptance")
    with open_store(db) as store:
        store.add_article(article, eventcoder.code_article(article).events)
    with TestClient(create_app(str(db), token="s3cret")) as client:
        fc = client.get("/events.geojson").json()
        subs = sorted(f["properties"]["sub_event_type"] for f in fc["features"])
        assert subs == ["Abduction/forced disappearance", "Remote explosive/landmine/IED",
                        "Remote explosive/landmine/IED"]
        assert all(f["geometry"]["type"] == "Point" for f in fc["features"])
        page = client.get("/")
        assert page.status_code == 200 and "<script" in page.text
        unauthenticated = client.post("/articles", json={"text": "Gunmen killed two people in Kirkuk on Monday."})
        assert unauthenticated.status_code == 401
        assert client.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer nope"}).status_code == 403
