"""The HTTP API (FastAPI's TestClient) over a store filled with hand-written articles: every filter, pagination,
GeoJSON and CSV, one event's sources and evidence, counts, auth, limits, errors and the security headers."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventcoder.export import ACLED_COLUMNS
from eventcoder.server import create_app
from eventcoder.server.app import STATIC
from eventcoder.store import open_store
from server_store import TOKEN, any_db, coded, fill, server_db  # noqa: F401 - fixtures
from store_backends import pg_server  # noqa: F401 - fixture

SCRIPT = "<script>alert(1)</script>"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KAUNG = ("Soldiers clashed with Arakan Army fighters near Kyauktaw in Rakhine State on Wednesday, killing four "
         "soldiers, residents said.")


@pytest.fixture(scope="module")
def client(any_db: str) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(any_db, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def everything(client: TestClient) -> list[dict[str, Any]]:
    r = client.get("/events", params={"limit": 1000})
    assert r.status_code == 200, r.text
    return r.json()["events"]


@pytest.fixture
def writable(coded, tmp_path: Path) -> Iterator[TestClient]:  # noqa: ANN001, F811
    """A client over a fresh copy of the fixture store, for the tests that write."""
    with TestClient(create_app(fill(str(tmp_path / "w.db"), coded), token=TOKEN)) as c:
        yield c


# ---- reads -------------------------------------------------------------------------------------------------

def test_the_fixture_store(everything: list[dict[str, Any]]) -> None:
    assert len(everything) == 5  # five event articles, one football report with none
    assert {e["country"] for e in everything} == {"Nigeria", "Kenya", "Ukraine", "Pakistan", "Sudan"}
    assert len({e["event_type"] for e in everything}) >= 4
    ids = [e["event_id_cnty"] for e in everything]
    assert len(set(ids)) == 5 and all(e["id"].startswith("ev-") for e in everything)
    assert set(everything[0]) >= set(ACLED_COLUMNS) | {"id", "geonameid", "sources"}


def test_newest_first_and_pagination(client: TestClient, everything: list[dict[str, Any]]) -> None:
    dates = [e["event_date"] for e in everything]
    assert dates == sorted(dates, reverse=True)
    seen, url = [], "/events?limit=2"
    pages = 0
    while url:
        body = client.get(url).json()
        assert body["total"] == 5 and body["limit"] == 2 and len(body["events"]) <= 2
        seen += [e["event_id_cnty"] for e in body["events"]]
        url = body["next"]
        pages += 1
    assert pages == 3 and seen == [e["event_id_cnty"] for e in everything]
    last = client.get("/events", params={"limit": 2, "offset": 4}).json()
    assert len(last["events"]) == 1 and last["next"] is None
    beyond = client.get("/events", params={"offset": 50}).json()
    assert beyond["events"] == [] and beyond["total"] == 5


def _lower(v: Any) -> str:
    return str(v or "").lower()


FILTERS: list[tuple[dict[str, str], Callable[[dict[str, Any]], bool]]] = [
    ({"since": "2024-05-01"}, lambda e: e["event_date"] >= "2024-05-01"),
    ({"until": "2024-04-30"}, lambda e: e["event_date"] <= "2024-04-30"),
    ({"since": "2024-04-01", "until": "2024-05-20"}, lambda e: "2024-04-01" <= e["event_date"] <= "2024-05-20"),
    ({"country": "Ukraine"}, lambda e: e["country"] == "Ukraine"),
    ({"country": "ukraine"}, lambda e: e["country"] == "Ukraine"),
    ({"country": "PAK"}, lambda e: e["country"] == "Pakistan"),
    ({"country": "ng"}, lambda e: e["country"] == "Nigeria"),
    ({"admin1": "borno"}, lambda e: e["admin1"] == "Borno"),
    ({"event_type": "explosions/remote violence"}, lambda e: e["event_type"] == "Explosions/Remote violence"),
    ({"sub_event_type": "Shelling/artillery/missile attack"},
     lambda e: e["sub_event_type"] == "Shelling/artillery/missile attack"),
    ({"actor": "rapid support"}, lambda e: "rapid support" in _lower(e["actor1"]) + _lower(e["actor2"])),
    ({"actor": "CIVILIANS"}, lambda e: "civilians" in _lower(e["actor1"]) + " " + _lower(e["actor2"])),
    ({"actor": "Islamic State"}, lambda e: "islamic state" in _lower(e["actor2"]) + _lower(e["actor1"])),
    ({"q": "ROADSIDE bomb"}, lambda e: "roadside bomb" in _lower(e["notes"])),
    ({"bbox": "20,0,40,20"}, lambda e: 20 <= e["longitude"] <= 40 and 0 <= e["latitude"] <= 20),
    ({"bbox": " 30 , -90 , -170 , 90 "}, lambda e: e["longitude"] >= 30 or e["longitude"] <= -170),  # antimeridian
    ({"country": "Nigeria", "event_type": "Battles"},
     lambda e: e["country"] == "Nigeria" and e["event_type"] == "Battles"),
]


@pytest.mark.parametrize(("params", "keep"), FILTERS, ids=[json.dumps(p) for p, _ in FILTERS])
def test_every_filter(client: TestClient, everything: list[dict[str, Any]], params: dict[str, str],
                      keep: Callable[[dict[str, Any]], bool]) -> None:
    want = [e["event_id_cnty"] for e in everything if keep(e)]
    assert 0 < len(want) < len(everything), "the filter must keep some events and drop others"
    body = client.get("/events", params=params).json()
    assert [e["event_id_cnty"] for e in body["events"]] == want and body["total"] == len(want)
    geo = client.get("/events.geojson", params=params).json()
    assert sorted(f["id"] for f in geo["features"]) == sorted(want)
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv", params=params).text)))
    assert sorted(r["event_id_cnty"] for r in rows) == sorted(want)
    assert client.get("/stats", params=params).json()["total"] == len(want)


@pytest.mark.parametrize("params", [{"country": "Atlantis"}, {"actor": "%"}, {"actor": "_"}, {"q": "no such words"},
                                    {"bbox": "-10,-10,-5,-5"}, {"since": "2030-01-01"}])
def test_filters_that_match_nothing(client: TestClient, params: dict[str, str]) -> None:
    body = client.get("/events", params=params).json()
    assert body["total"] == 0 and body["events"] == []  # LIKE's wildcards are taken literally


@pytest.mark.parametrize(("params", "message"), [
    ({"since": "last week"}, "since"),
    ({"until": "2024-13-01"}, "until"),
    ({"since": "2024-06-01", "until": "2024-05-01"}, "after until"),
    ({"bbox": "1,2,3"}, "four numbers"),
    ({"bbox": "a,b,c,d"}, "not four numbers"),
    ({"bbox": "0,-95,10,10"}, "latitudes"),
    ({"bbox": "0,10,200,20"}, "longitudes"),
    ({"bbox": "0,20,10,10"}, "min lat"),
    ({"bbox": "nan,0,10,10"}, "finite"),
    ({"actor": "x" * 201}, "actor"),
    ({"actor": "a\x00b"}, "NUL"),
    ({"q": "\x00"}, "NUL"),
])
def test_bad_parameters_get_422_with_a_message(client: TestClient, params: dict[str, str], message: str) -> None:
    for path in ("/events", "/events.geojson", "/events.csv", "/stats"):
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        assert message in r.json()["detail"], r.json()


@pytest.mark.parametrize(("path", "params"), [
    ("/events", {"limit": "0"}), ("/events", {"limit": "5000"}), ("/events", {"offset": "-1"}),
    ("/events", {"limit": "ten"}), ("/events", {"offset": str(2**70)}), ("/events.geojson", {"limit": "0"}),
    ("/events.geojson", {"limit": "1000000"}),
])
def test_bad_page_sizes_get_422(client: TestClient, path: str, params: dict[str, str]) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422 and next(iter(params)) in r.json()["detail"], r.text


def test_geojson_shape(client: TestClient, everything: list[dict[str, Any]]) -> None:
    r = client.get("/events.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    g = r.json()
    assert g["type"] == "FeatureCollection" and len(g["features"]) == len(everything)
    by_id = {e["event_id_cnty"]: e for e in everything}
    for f in g["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        e = by_id[f["id"]]
        assert (lon, lat) == (e["longitude"], e["latitude"]) and -180 <= lon <= 180 and -90 <= lat <= 90
        assert list(f["properties"]) == ACLED_COLUMNS and f["properties"]["event_id_cnty"] == f["id"]
    assert r.headers["x-events-without-coordinates"] == "0"
    assert len(client.get("/events.geojson", params={"limit": 2}).json()["features"]) == 2


def test_csv_shape(client: TestClient, everything: list[dict[str, Any]]) -> None:
    r = client.get("/events.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == ACLED_COLUMNS and len(rows) == len(everything)
    ukr = next(x for x in rows if x["country"] == "Ukraine")
    assert ukr["location"] == "Kharkiv" and ukr["event_date"] == "2024-05-10" and ukr["fatalities"] == "3"
    assert ukr["source"] == "Kyiv Bulletin" and len(ukr["latitude"].split(".")[1]) == 4
    empty = client.get("/events.csv", params={"country": "Atlantis"}).text
    assert empty.strip() == ",".join(ACLED_COLUMNS)


def test_csv_of_a_large_store_is_streamed_whole(tmp_path: Path) -> None:
    import datetime as dt

    from eventcoder.model import Actor, Article, Event, EventDate, Place
    from eventcoder.server.app import CSV_CHUNK_ROWS

    n = CSV_CHUNK_ROWS * 2 + 7
    events = [Event("Battles", "Armed clash", "Political violence", Actor("Military Forces of Mali (2021-)", 1),
                    Actor("JNIM: Group for Support of Islam and Muslims", 2), interaction=12,
                    date=EventDate(dt.date(2024, 1, 1) + dt.timedelta(days=i % 300), 1),
                    place=Place(f"Village {i}", "Mali", 466, "ML", "Western Africa", "Mopti", latitude=14.0 + i / 1e4,
                                longitude=-4.0, geo_precision=1), notes=f"clash number {i}", id=f"ev-{i:016x}")
              for i in range(n)]
    db = str(tmp_path / "big.db")
    with open_store(db) as s:
        s.add_article(Article("Many clashes in Mopti.", source="Sahel Wire"), events)
    with TestClient(create_app(db)) as c:
        rows = list(csv.DictReader(io.StringIO(c.get("/events.csv").text)))
        assert len(rows) == n and len({r["event_id_cnty"] for r in rows}) == n
        assert rows[0]["event_date"] == "2024-01-01" and rows[-1]["country"] == "Mali"
        some = c.get("/events.csv", params={"q": "clash number 1"}).text.splitlines()
        assert len(some) == 1 + sum(str(i).startswith("1") for i in range(n))  # the header and 1, 10-19, 100-199...


def test_stats(client: TestClient, everything: list[dict[str, Any]]) -> None:
    s = client.get("/stats").json()
    assert s["total"] == 5 and s["undated"] == 0
    weeks = [w["week"] for w in s["by_week"]]
    assert weeks[0] == "2024-W10" and weeks[-1] == "2024-W25" and len(weeks) == 16  # every week, zeros too
    assert sum(w["count"] for w in s["by_week"]) == 5
    assert {w["week"]: w["count"] for w in s["by_week"]}["2024-W19"] == 1  # Kharkiv, Friday 10 May
    types: dict[str, int] = {}
    for e in everything:
        types[e["event_type"]] = types.get(e["event_type"], 0) + 1
    assert {t["event_type"]: t["count"] for t in s["by_type"]} == types
    assert [c["count"] for c in s["by_type"]] == sorted((c["count"] for c in s["by_type"]), reverse=True)
    assert {c["country"]: c["count"] for c in s["by_country"]} == {
        "Nigeria": 1, "Kenya": 1, "Ukraine": 1, "Pakistan": 1, "Sudan": 1}
    assert client.get("/stats", params={"country": "Atlantis"}).json() == {
        "total": 0, "undated": 0, "by_week": [], "by_type": [], "by_country": []}


def test_one_event_with_sources_and_evidence(client: TestClient, everything: list[dict[str, Any]],
                                             any_db: str) -> None:  # noqa: F811
    ukr = next(e for e in everything if e["country"] == "Ukraine")
    d = client.get(f"/events/{ukr['event_id_cnty']}").json()
    assert d["event"] == ukr
    assert d["evidence"]["trigger"]["text"] == "shelled"
    (src,) = d["sources"]
    assert src["outlet"] == "Kyiv Bulletin" and src["url"] == "https://news.example.org/2024/05/11/kharkiv-shelling"
    assert src["title"] is None and src["published"] == "2024-05-11" and src["fatalities"] == 3
    with open_store(any_db) as s, s.read_session() as sess:
        from eventcoder.store.models import ArticleRow

        text = sess.get(ArticleRow, src["article_id"]).text
    fields = set()
    for sent in src["sentences"]:
        assert text[sent["start"]:sent["end"]] == sent["text"]
        for h in sent["highlights"]:
            assert sent["text"][h["start"]:h["end"]] == h["text"]
            ev = src["evidence"][h["field"]]
            assert text[ev["raw_start"]:ev["raw_end"]] == h["text"]
            fields.add(h["field"])
    assert {"trigger", "location", "fatalities"} <= fields
    first = src["sentences"][0]
    assert first["text"].startswith("KHARKIV, Ukraine - Russian forces shelled") and first["text"].endswith("said.")
    assert {h["text"] for h in first["highlights"]} >= {"shelled", "Kharkiv", "killing three", "on Friday"}
    by_stable = client.get(f"/events/{ukr['id']}").json()  # the stable ev- id finds it too
    assert by_stable["event"]["event_id_cnty"] == ukr["event_id_cnty"]


@pytest.mark.parametrize("event_id", ["UKR999", "ev-0000000000000000", "%3Cscript%3E", "x" * 80, "UKR1%00"])
def test_unknown_event_is_404(client: TestClient, event_id: str) -> None:
    r = client.get(f"/events/{event_id}")
    assert r.status_code == 404 and "no event" in r.json()["detail"]


def test_overlong_event_id_is_422(client: TestClient) -> None:
    r = client.get("/events/" + "x" * 81)
    assert r.status_code == 422 and "event_id" in r.json()["detail"]


def test_script_tag_comes_back_as_text_escaped_in_json(client: TestClient) -> None:
    r = client.get("/events", params={"country": "Kenya"})
    assert SCRIPT not in r.text and "<" not in r.text  # written \u003c...: no markup in the bytes
    assert r.headers["content-type"].startswith("application/json")
    (ken,) = r.json()["events"]
    assert SCRIPT in ken["notes"]  # the data is kept as it was written
    d = client.get(f"/events/{ken['event_id_cnty']}")
    assert SCRIPT not in d.text and any(SCRIPT in s["text"] for s in d.json()["sources"][0]["sentences"])
    g = client.get("/events.geojson", params={"country": "Kenya"})
    assert SCRIPT not in g.text and SCRIPT in g.json()["features"][0]["properties"]["notes"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


def test_the_page_has_no_inline_script_and_never_writes_html(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = _Page()
    page.feed(r.text)
    assert page.scripts and all((s.get("src") or "").startswith("/static/") for s in page.scripts)
    assert page.inline == [] and page.handlers == []
    for link in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/markercluster/leaflet.markercluster.js", "/static/countries-110m.geojson"):
        assert client.get(link).status_code == 200, link
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, f"app.js uses {sink}"
    world = client.get("/static/countries-110m.geojson")
    assert len(world.content) < 1_000_000 and len(world.json()["features"]) > 150


@pytest.mark.parametrize("path", ["/", "/events", "/events.geojson", "/events.csv", "/stats", "/static/app.js",
                                  "/events/NOPE", "/events?limit=0", "/docs", "/openapi.json"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp.split(
        "script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    r = client.post("/articles", json={})
    assert r.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in r.headers


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events.geojson", "/events.csv", "/stats", "/events/{event_id}", "/articles",
            "/extract"} <= set(spec["paths"])
    assert "HTTPBearer" in json.dumps(spec["components"]["securitySchemes"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


# ---- writes -------------------------------------------------------------------------------------------------

def test_writes_need_the_token(writable: TestClient) -> None:
    body = {"text": KAUNG, "published": "2024-06-06"}
    for path in ("/articles", "/extract"):
        r = writable.post(path, json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer" and "Bearer" in r.json()["detail"]
        r = writable.post(path, json=body, headers={"Authorization": "Basic dXNlcjpwYXNz"})
        assert r.status_code == 401
        r = writable.post(path, json=body, headers={"Authorization": "Bearer wrong-token"})
        assert r.status_code == 403 and r.json()["detail"] == "wrong token"
        r = writable.post(path, json=body, headers={"Authorization": f"Bearer {TOKEN}x"})
        assert r.status_code == 403
    assert writable.get("/events").json()["total"] == 5  # nothing stored


def test_no_token_means_read_only(server_db: str) -> None:  # noqa: F811
    with TestClient(create_app(server_db)) as c:
        for path in ("/articles", "/extract"):
            r = c.post(path, json={"text": KAUNG}, headers={"Authorization": "Bearer anything"})
            assert r.status_code == 403 and "read-only" in r.json()["detail"]
        assert c.get("/events").json()["total"] == 5


def test_post_article_codes_and_stores_it(writable: TestClient) -> None:
    body = {"text": "Clash near Kyauktaw\n\n" + KAUNG, "url": "https://news.example.org/kyauktaw",
            "source": "Irrawaddy Desk", "published": "2024-06-06", "title": "Clash near Kyauktaw"}
    r = writable.post("/articles", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["status"] == "stored" and out["article_id"].startswith("sha256:") and out["events_added"] == 1
    (ev,) = out["events"]
    assert ev["country"] == "Myanmar" and ev["event_type"] == "Battles" and ev["event_date"] == "2024-06-05"
    assert ev["source"] == "Irrawaddy Desk" and ev["event_id_cnty"] == "MMR1"
    assert writable.get("/events").json()["total"] == 6
    d = writable.get("/events/MMR1").json()
    assert d["sources"][0]["url"] == body["url"] and d["sources"][0]["title"] == "Clash near Kyauktaw"
    again = writable.post("/articles", json=body, headers=AUTH)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert [e["event_id_cnty"] for e in again.json()["events"]] == ["MMR1"]
    assert writable.get("/events").json()["total"] == 6


def test_post_html_article(writable: TestClient) -> None:
    html = ("<html><head><title>Clash near Kyauktaw</title><script>alert(1)</script></head><body><nav>Home</nav>"
            f"<article><h1>Clash near Kyauktaw</h1><p>{KAUNG}</p><p>The fighting lasted for hours, villagers said, "
            "and many families fled to nearby towns.</p></article></body></html>")
    r = writable.post("/articles", json={"html": html, "published": "2024-06-06", "source": "Irrawaddy Desk"},
                      headers=AUTH)
    assert r.status_code == 201, r.text
    assert [e["country"] for e in r.json()["events"]] == ["Myanmar"]
    assert "alert" not in r.json()["events"][0]["notes"]


def test_extract_codes_without_storing(writable: TestClient) -> None:
    r = writable.post("/extract", json={"text": KAUNG, "published": "2024-06-06"}, headers=AUTH)
    assert r.status_code == 200, r.text
    (ev,) = r.json()["events"]
    assert ev["sub_event_type"] == "Armed clash" and ev["country"] == "Myanmar"
    assert ev["evidence"]["trigger"]["text"] == "clashed" and ev["id"].startswith("ev-")
    assert writable.get("/events").json()["total"] == 5
    undated = writable.post("/extract", json={"text": KAUNG}, headers=AUTH).json()
    assert "no-publication-date" in [d["code"] for d in undated["diagnostics"]]


@pytest.mark.parametrize(("body", "message"), [
    ({}, "give 'text' or 'html'"),
    ({"text": "   "}, "give 'text' or 'html'"),
    ({"text": KAUNG, "published": "yesterday"}, "published"),
    ({"text": KAUNG, "colour": "red"}, "colour"),
    ({"text": 42}, "text"),
    ({"text": "Die Polizei nahm am Dienstag in Berlin zwei Demonstranten fest, teilte ein Sprecher mit. Die "
      "Kundgebung gegen die Regierung verlief weitgehend friedlich."}, "not English"),
    ({"text": "x\x00y" * 10}, "binary"),
    ({"text": KAUNG * 80 + "\x00"}, "NUL"),
    ({"text": KAUNG, "source": "A\x00P"}, "NUL"),
    ({"html": "<html><body><script>track()</script></body></html>"}, "no article text"),
    ({"url": "https://news.example.org/a"}, "does not fetch URLs"),
])
def test_bad_article_bodies_get_422(writable: TestClient, body: dict[str, Any], message: str) -> None:
    r = writable.post("/articles", json=body, headers=AUTH)
    assert r.status_code == 422, r.text
    assert message in r.json()["detail"], r.json()
    assert writable.get("/events").json()["total"] == 5


@pytest.mark.parametrize(("raw", "status"), [(b"{not json", 422), (b"[1, 2]", 422), (b"null", 422), (b"", 422),
                                             (b"\xff\xfe\x00", 400)])
def test_bodies_that_are_not_a_json_object(writable: TestClient, raw: bytes, status: int) -> None:
    r = writable.post("/articles", content=raw, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == status and r.json()["detail"]


def test_request_body_size_limit(coded, tmp_path: Path) -> None:  # noqa: ANN001, F811
    with TestClient(create_app(fill(str(tmp_path / "l.db"), coded), token=TOKEN, max_body_bytes=2000)) as c:
        big = {"text": KAUNG * 30}
        r = c.post("/articles", json=big, headers=AUTH)
        assert r.status_code == 413 and "2,000-byte limit" in r.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it is read
            yield b'{"text": "'
            for _ in range(40):
                yield b"a" * 100
            yield b'"}'

        r = c.post("/extract", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413
        assert c.get("/events").json()["total"] == 5
    with TestClient(create_app(str(tmp_path / "l.db"), token=TOKEN)) as c:  # the default: 2 MB
        r = c.post("/articles", content=b'{"text": "' + b"a" * 2_100_000 + b'"}',
                   headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413 and "2,000,000-byte" in r.json()["detail"]


def test_a_store_that_cannot_be_opened(tmp_path: Path) -> None:
    from eventcoder.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        create_app(str(tmp_path / "missing" / "x.db"))
