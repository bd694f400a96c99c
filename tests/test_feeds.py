"""Feeds: fetched from a local HTTP server on 127.0.0.1 serving the fixture feeds and pages."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as strat
from rich.console import Console

from eventcoder import feeds
from eventcoder.errors import EventcoderError, InputError
from eventcoder.feeds import (
    FeedResult,
    FeedState,
    StoreFeedResults,
    fetch_feed,
    ingest_feeds,
    make_client,
    parse_interval,
    poll,
    read_feed_list,
    watch,
    watch_cli,
)
from eventcoder.model import Article

FIX = Path(__file__).resolve().parent / "fixtures" / "feeds"
WORLD_ETAG = '"world-v1"'
WORLD_MODIFIED = "Wed, 04 Jun 2025 07:00:00 GMT"
REGION_MODIFIED = "Wed, 04 Jun 2025 08:00:00 GMT"
BIG = 6_000_000


@dataclass
class Server:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    robots: str = "file"  # file | slow | delay | 404 | 500
    body: bytes = b""  # served at /feeds/any
    ctype: str = "application/rss+xml"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


class Handler(BaseHTTPRequestHandler):
    server_version = "FixtureServer/1.0"
    state: Server  # set on the class made for each server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if body or status == 200:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one route a branch
        st = self.state
        path = self.path.split("?")[0]
        st.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
        st.times.append(time.monotonic())
        try:
            self.route(path)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route(self, path: str) -> None:
        st = self.state
        if path == "/robots.txt":
            if st.robots == "slow":
                time.sleep(1.0)
                self.send(200, (FIX / "robots.txt").read_bytes(), "text/plain")
            elif st.robots == "delay":
                self.send(200, b"User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n", "text/plain")
            elif st.robots == "file":
                self.send(200, (FIX / "robots.txt").read_bytes(), "text/plain")
            else:
                self.send(int(st.robots), b"no robots here", "text/plain")
        elif path == "/feeds/world.rss":
            if self.headers.get("If-None-Match") == WORLD_ETAG:
                self.send(304, headers={"ETag": WORLD_ETAG})
            else:
                self.send(200, (FIX / "world.rss").read_bytes(), "application/rss+xml",
                          {"ETag": WORLD_ETAG, "Last-Modified": WORLD_MODIFIED})
        elif path == "/feeds/region.atom":
            if self.headers.get("If-Modified-Since") == REGION_MODIFIED:
                self.send(304)
            else:
                self.send(200, (FIX / "region.atom").read_bytes(), "application/atom+xml",
                          {"Last-Modified": REGION_MODIFIED})
        elif path == "/feeds/broken.xml":
            self.send(200, (FIX / "broken.xml").read_bytes(), "application/rss+xml")
        elif path == "/feeds/page.rss":  # a web page where a feed should be
            self.send(200, (FIX / "pages" / "peru-arequipa-blockade.html").read_bytes())
        elif path == "/feeds/error.rss":
            self.send(500, b"internal error", "text/plain")
        elif path == "/feeds/slow.rss":
            time.sleep(1.5)
            self.send(200, (FIX / "world.rss").read_bytes(), "application/rss+xml")
        elif path == "/feeds/moved.rss":
            self.send(301, headers={"Location": "/feeds/world.rss"})
        elif path == "/feeds/moved-private.rss":
            self.send(302, headers={"Location": "/private/feed.rss"})
        elif path == "/feeds/any":
            self.send(200, st.body, st.ctype)
        elif path == "/koi8/belgorod.html":  # the charset declared in the header only
            page = ("<html><head><title>Drone debris falls on Belgorod</title></head><body><article><h1>Drone "
                    "debris falls on Belgorod</h1><p>Debris from a downed drone damaged two houses in Belgorod "
                    "(\u0411\u0435\u043b\u0433\u043e\u0440\u043e\u0434) overnight, the regional governor said."
                    "</p><p>Residents of the Shebekino district were told to stay in shelters, the regional "
                    "emergency service said on Sunday.</p></article></body></html>")
            self.send(200, page.encode("koi8-r"), "text/html; charset=KOI8-R")
        elif path == "/feeds/koi8.rss":
            self.send(200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>Border Region News</title>'
                      b"<item><title>Drone debris falls on Belgorod</title><link>/koi8/belgorod.html</link></item>"
                      b"</channel></rss>", "application/rss+xml")
        elif path == "/feeds/loop.rss":
            self.send(302, headers={"Location": "/feeds/loop.rss"})
        elif path == "/feeds/truncated.rss":  # cut off in the middle of the second item
            data = (FIX / "world.rss").read_bytes()
            self.send(200, data[: data.index(b"<item>", data.index(b"<item>") + 1) + 60], "application/rss+xml")
        elif path == "/private/feed.rss":
            self.send(200, (FIX / "world.rss").read_bytes(), "application/rss+xml")
        elif path == "/feeds/huge-declared.rss":  # says it is 6 MB up front
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            self.wfile.write(b"<rss>" + b" " * 65536)
        elif path == "/feeds/huge.rss":  # no length given: 6 MB streamed until the connection closes
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            item = b"<item><title>filler</title><description>" + b"x" * 4000 + b"</description></item>\n"
            self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>')
            for _ in range(BIG // len(item) + 1):
                self.wfile.write(item)
        elif path.startswith(("/pages/", "/private/")) and (FIX / path.lstrip("/")).is_file():
            self.send(200, (FIX / path.lstrip("/")).read_bytes())
        else:
            self.send(404, b"not found", "text/plain")


@pytest.fixture
def server() -> Iterator[Server]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    state = Server(base=f"http://127.0.0.1:{srv.server_address[1]}")
    srv.RequestHandlerClass = type("BoundHandler", (Handler,), {"state": state})
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(timeout=2.0) as c:
        yield c


def closed_port_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/feed.rss"


def by_title(result: FeedResult) -> dict[str, Article]:
    return {a.title or "": a for a in result.articles}


# ---------------------------------------------------------------------------------------------------------


def test_rss_entries_become_articles_read_from_their_pages(server, client):
    r = fetch_feed(server.url("/feeds/world.rss"), None, client)
    assert r.error is None and not r.not_modified
    assert r.title == "The Meridian Wire: World" and r.entries == 6 and len(r.articles) == 6
    arts = by_title(r)
    sudan = arts["Fighting between army and RSF in El Fasher kills 14"]
    assert sudan.url == server.url("/pages/sudan-el-fasher-clashes.html")
    assert sudan.published == dt.date(2025, 6, 3)
    assert sudan.source == "The Meridian Wire: World"
    # the page's text (trafilatura), not the one-line summary; no scripts, menus, footers
    assert "Abu Shouk neighbourhood of El Fasher" in sudan.body
    assert "The RSF did not respond" in sudan.body
    assert sudan.body.startswith("Fighting between army and RSF in El Fasher kills 14\n\n")
    for junk in ("ads.push", "Subscribe", "All rights reserved", "Most read", "line-height"):
        assert junk not in sudan.body
    peru = arts["Farmers block highway near Arequipa over water rights"]
    assert "four protesters were detained" in peru.body and peru.published == dt.date(2025, 6, 2)
    # the Norway page is missing (404): the entry's summary is used, and the note says why
    norway = arts["Norway's central bank holds its key rate at 4.5 percent"]
    assert norway.body == ("Norway's central bank holds its key rate at 4.5 percent\n\nNorges Bank kept its policy "
                           "rate unchanged on Thursday and said a cut was likely later in the year.")
    assert norway.published == dt.date(2025, 5, 31)
    assert any("norway-rates.html: HTTP 404" in n and "summary" in n for n in r.notes)
    # no link: content:encoded, HTML stripped, the script dropped
    dhaka = arts["Garment workers rally in Dhaka for higher wages"]
    assert dhaka.url is None and dhaka.published == dt.date(2025, 5, 30)
    assert "minimum monthly wage of 23,000 taka.\n\nThe rally ended peacefully" in dhaka.body
    assert "<p>" not in dhaka.body and "trackRally" not in dhaka.body
    assert r.state == FeedState(server.url("/feeds/world.rss"), WORLD_ETAG, WORLD_MODIFIED)
    # every request carried eventcoder's User-Agent
    assert all(h["user-agent"].startswith("eventcoder/") for _, h in server.requests)


def test_atom_entries_from_the_feed_text_without_pages(server, client):
    r = fetch_feed(server.url("/feeds/region.atom"), None, client, fetch_pages=False)
    assert r.error is None and r.title == "Sahel & Horn Monitor"
    assert server.paths() == ["/robots.txt", "/feeds/region.atom"]  # no page fetched
    arts = by_title(r)
    assert set(arts) == {"Gunmen kill seven villagers near Mopti", "Mortar rounds land near Mogadishu airport",
                         "Record field of 30,000 runners for the Nairobi marathon",
                         "Ethiopia and Amhara officials resume talks in Bahir Dar"}
    mali = arts["Gunmen kill seven villagers near Mopti"]
    assert mali.url == server.url("/pages/mali-mopti-attack.html")  # relative link resolved against the feed
    assert mali.published == dt.date(2025, 6, 2)  # published wins over updated
    assert mali.source == "Sahel & Horn Monitor"
    assert mali.body == ("Gunmen kill seven villagers near Mopti\n\nUnidentified gunmen on motorbikes killed seven "
                         "villagers in Sofara, near Mopti, on Sunday evening, local officials said.\n\n"
                         "The attackers also burned granaries before fleeing.")
    somalia = arts["Mortar rounds land near Mogadishu airport"]
    assert somalia.published == dt.date(2025, 6, 1)  # only <updated>
    assert "Halane compound near Aden Adde airport" in somalia.body and "<p>" not in somalia.body
    assert "resumed talks in Bahir Dar on Thursday" in arts["Ethiopia and Amhara officials resume talks in "
                                                            "Bahir Dar"].body
    assert r.state.etag is None and r.state.last_modified == REGION_MODIFIED
    # the French entry is not coded: eventcoder reads English
    assert r.entries == 5 and r.skipped == (
        f"{server.url('/pages/senegal-dakar-manifestation.html')}: text is in language 'fr', not English "
        "(not supported)",)


def test_atom_page_gives_the_page_text_and_missing_pages_fall_back(server, client):
    r = fetch_feed(server.url("/feeds/region.atom"), None, client)
    mali = by_title(r)["Gunmen kill seven villagers near Mopti"]
    assert "took cattle before fleeing towards the Niger river" in mali.body  # only on the page
    assert mali.source == "Sahel & Horn Monitor"
    kenya = by_title(r)["Record field of 30,000 runners for the Nairobi marathon"]
    assert "road closures across the city centre" in kenya.body  # summary: its page is missing
    assert len(r.notes) == 4 and len(r.skipped) == 1


def test_conditional_get_with_etag_gives_not_modified(server, client):
    url = server.url("/feeds/world.rss")
    first = fetch_feed(url, None, client, fetch_pages=False)
    assert first.state.etag == WORLD_ETAG and len(first.articles) == 6
    second = fetch_feed(url, first.state, client, fetch_pages=False)
    assert second.not_modified and second.articles == () and second.error is None
    assert second.state == first.state
    _, headers = server.requests[-1]
    assert headers["if-none-match"] == WORLD_ETAG and headers["if-modified-since"] == WORLD_MODIFIED


def test_a_state_record_of_another_class_will_do(server, client):
    @dataclass(frozen=True)
    class StoredState:  # as a store keeps it, with more fields
        url: str
        etag: str | None
        last_modified: str | None
        last_error: str | None = "HTTP 500"

    url = server.url("/feeds/world.rss")
    r = fetch_feed(url, StoredState(url, WORLD_ETAG, None), client)  # type: ignore[arg-type]
    assert r.not_modified and r.state == FeedState(url, WORLD_ETAG, None)


def test_conditional_get_with_last_modified_only(server, client):
    url = server.url("/feeds/region.atom")
    first = fetch_feed(url, None, client, fetch_pages=False)
    assert "if-modified-since" not in server.requests[-1][1]
    second = fetch_feed(url, first.state, client, fetch_pages=False)
    assert second.not_modified and second.articles == ()
    assert server.requests[-1][1]["if-modified-since"] == REGION_MODIFIED
    assert "if-none-match" not in server.requests[-1][1]
    # a stale validator gets the feed again
    third = fetch_feed(url, FeedState(url, None, "Mon, 02 Jun 2025 00:00:00 GMT"), client, fetch_pages=False)
    assert not third.not_modified and len(third.articles) == 4


def test_robots_txt_disallowed_page_is_not_fetched(server, client):
    r = fetch_feed(server.url("/feeds/world.rss"), None, client)
    assert "/private/philippines-maguindanao-bomb.html" not in server.paths()
    bomb = by_title(r)["Roadside bomb wounds three soldiers in Maguindanao"]
    assert "SUBSCRIBER TEXT" not in bomb.body
    assert bomb.body == ("Roadside bomb wounds three soldiers in Maguindanao\n\nA roadside bomb wounded three soldiers "
                         "on patrol in Datu Saudi Ampatuan, Maguindanao del Sur, on Monday morning, the army said."
                         "\n\nNo group claimed the attack.")
    assert any("robots.txt" in n and "philippines" in n for n in r.notes)
    # robots.txt read once for the client's life
    fetch_feed(server.url("/feeds/region.atom"), None, client)
    assert server.paths().count("/robots.txt") == 1


def test_robots_txt_disallowed_feed_and_redirect_into_it(server, client):
    r = fetch_feed(server.url("/private/feed.rss"), None, client)
    assert r.articles == () and r.error is not None and "robots.txt" in r.error
    r2 = fetch_feed(server.url("/feeds/moved-private.rss"), None, client)
    assert r2.error is not None and "robots.txt" in r2.error
    assert "/private/feed.rss" not in server.paths()


def test_page_in_the_charset_its_header_declares(server, client):
    r = fetch_feed(server.url("/feeds/koi8.rss"), None, client)
    art = r.articles[0]
    assert "two houses in Belgorod (\u0411\u0435\u043b\u0433\u043e\u0440\u043e\u0434) overnight" in art.body
    assert r.notes == () and art.source == "Border Region News" and art.published is None


def test_redirect_followed(server, client):
    r = fetch_feed(server.url("/feeds/moved.rss"), None, client, fetch_pages=False)
    assert r.error is None and len(r.articles) == 6
    assert by_title(r)["Drone strike hits power substation in Kharkiv region"].url == \
        server.url("/pages/ukraine-kharkiv-drone.html")


def test_redirect_loop_and_truncated_feed(server, client):
    r = fetch_feed(server.url("/feeds/loop.rss"), None, client)
    assert r.error == f"{server.url('/feeds/loop.rss')}: more than 5 redirects"
    r = fetch_feed(server.url("/feeds/truncated.rss"), None, client, fetch_pages=False)
    assert r.error is None and [a.title for a in r.articles][:1] == [
        "Fighting between army and RSF in El Fasher kills 14"]
    assert any("not well-formed" in n for n in r.notes)


def test_long_feed_content_read_with_trafilatura():
    paras = [f"Paragraph {i}: residents of Goma said shelling continued through the night near the airport, and "
             f"aid workers counted {i + 3} damaged homes in the Mugunga district." for i in range(6)]
    html = "".join(f"<p>{p}</p>" for p in paras) + "<script>track()</script><p><a href='/share'>Share</a></p>"
    text = feeds._entry_text({"content": [{"type": "text/html", "value": html}]})
    assert text.split("\n\n")[:6] == paras
    assert "<p>" not in text and "track()" not in text


def test_robots_txt_missing_allows_and_server_error_allows_with_a_log_line(server, caplog):
    server.robots = "404"
    with make_client(timeout=2.0) as c:
        fetch_feed(server.url("/feeds/world.rss"), None, c)
    assert "/private/philippines-maguindanao-bomb.html" in server.paths()
    server.requests.clear()
    server.robots = "500"
    with caplog.at_level(logging.WARNING, logger="eventcoder.feeds"), make_client(timeout=2.0) as c:
        r = fetch_feed(server.url("/feeds/world.rss"), None, c)
    assert "/private/philippines-maguindanao-bomb.html" in server.paths()
    assert "SUBSCRIBER TEXT" in by_title(r)["Roadside bomb wounds three soldiers in Maguindanao"].body
    assert any("robots.txt" in m and "HTTP 500" in m and "allowing" in m for m in caplog.messages)


def test_robots_txt_timeout_allows_with_a_log_line(server, caplog):
    server.robots = "slow"
    with caplog.at_level(logging.WARNING, logger="eventcoder.feeds"), make_client(timeout=0.3) as c:
        r = fetch_feed(server.url("/feeds/region.atom"), None, c, fetch_pages=False)
    assert r.error is None and len(r.articles) == 4
    assert any(m.startswith(f"robots.txt of {server.base} could not be fetched (") and "timed out" in m
               and m.endswith("allowing all") for m in caplog.messages)


def test_robots_txt_crawl_delay_is_kept(server, client):
    server.robots = "delay"
    r1 = fetch_feed(server.url("/feeds/region.atom"), None, client, fetch_pages=False)
    r2 = fetch_feed(server.url("/feeds/world.rss"), None, client, fetch_pages=False)
    assert r1.error is None and r2.error is None
    asked = [t for (p, _), t in zip(server.requests, server.times, strict=True) if p != "/robots.txt"]
    assert len(asked) == 2 and asked[1] - asked[0] >= 0.95


def test_known_links_are_skipped_without_fetching_their_pages(server, client):
    sudan = server.url("/pages/sudan-el-fasher-clashes.html")
    r = fetch_feed(server.url("/feeds/world.rss"), None, client, known=lambda u: u == sudan)
    assert r.known == 1 and len(r.articles) == 5
    assert all(a.url != sudan for a in r.articles)
    assert "/pages/sudan-el-fasher-clashes.html" not in server.paths()
    assert "/pages/peru-arequipa-blockade.html" in server.paths()


def test_size_limit_declared_and_streamed(server, client):
    r = fetch_feed(server.url("/feeds/huge-declared.rss"), None, client)
    assert r.error is not None and "6,000,000 bytes is over the 5,000,000-byte limit" in r.error
    r = fetch_feed(server.url("/feeds/huge.rss"), None, client)
    assert r.error is not None and "over the 5,000,000-byte limit (stopped reading)" in r.error
    assert r.articles == ()


def test_timeout_gives_an_error_not_an_exception(server):
    with make_client(timeout=0.3) as c:
        start = time.monotonic()
        r = fetch_feed(server.url("/feeds/slow.rss"), None, c)
    assert time.monotonic() - start < 1.4
    assert r.error == f"{server.url('/feeds/slow.rss')}: timed out (no answer within 0.3 s)"
    assert r.state == FeedState(server.url("/feeds/slow.rss"))


def test_broken_feeds_do_not_stop_the_others(server, client, caplog):
    prior = FeedState(server.url("/feeds/broken.xml"), '"old"', None)
    unreachable = closed_port_url()
    urls = [server.url("/feeds/broken.xml"), server.url("/feeds/page.rss"), server.url("/feeds/nope.rss"),
            server.url("/feeds/error.rss"), unreachable, "ftp://127.0.0.1/feed.rss", "http://[bad/feed",
            server.url("/feeds/world.rss")]
    with caplog.at_level(logging.WARNING, logger="eventcoder.feeds"):
        results = poll(urls, {prior.url: prior}, client, fetch_pages=False)
    assert [r.url for r in results] == urls
    broken, page, nope, error, down, ftp, bad, world = results
    assert broken.error is not None and broken.error.startswith(f"{urls[0]}: malformed feed (")
    assert broken.state == prior  # the old validators stay
    assert page.error == f"{urls[1]}: not an RSS or Atom feed (the server sent an HTML page)"
    assert nope.error == f"{urls[2]}: HTTP 404 Not Found"
    assert error.error == f"{urls[3]}: HTTP 500 Internal Server Error"
    assert down.error is not None and down.error.startswith(f"{unreachable}: cannot connect to 127.0.0.1:")
    assert ftp.error == "ftp://127.0.0.1/feed.rss: not an http(s) URL"
    assert bad.error == "http://[bad/feed: not an http(s) URL"
    assert world.error is None and len(world.articles) == 6
    assert sum("feed failed" in m for m in caplog.messages) == 7


def test_an_unexpected_bug_in_one_feed_does_not_stop_poll(server, client, monkeypatch):
    real = feeds._entry_article

    def buggy(entry, *a, **k):
        if "Sahel" in (a[0] or ""):
            raise RuntimeError("boom")
        return real(entry, *a, **k)

    monkeypatch.setattr(feeds, "_entry_article", buggy)
    results = poll([server.url("/feeds/region.atom"), server.url("/feeds/world.rss")], {}, client,
                   fetch_pages=False)
    assert results[0].error == f"{server.url('/feeds/region.atom')}: unexpected error: RuntimeError: boom"
    assert results[1].error is None and len(results[1].articles) == 6


_RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{}</title>'
        '<item><title>{}</title><link>{}</link><description>{}</description><pubDate>{}</pubDate></item>'
        "</channel></rss>")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strat.one_of(
    strat.binary(max_size=3000),
    strat.tuples(strat.text(max_size=60), strat.text(max_size=80), strat.text(max_size=40), strat.text(max_size=400),
              strat.text(max_size=40)).map(lambda t: _RSS.format(*t).encode("utf-8", "surrogatepass")),
    strat.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    strat.sampled_from(["application/rss+xml", "text/html", "application/octet-stream", "text/xml; charset=latin-1"]))
def test_random_bytes_as_a_feed_never_raise(server, client, body, ctype):
    server.body, server.ctype = body, ctype
    r = fetch_feed(server.url("/feeds/any"), None, client, fetch_pages=False)
    assert isinstance(r, FeedResult)
    assert (r.error is None) or (r.articles == () and r.error.startswith(server.url("/feeds/any") + ": "))
    for a in r.articles:
        assert isinstance(a, Article) and a.body.strip()


# ---------------------------------------------------------------------------------------------------------
# watch


def test_watch_rounds_ask_the_state_each_time(server):
    urls = [server.url("/feeds/world.rss"), server.url("/feeds/region.atom")]
    states: dict[str, FeedState] = {}
    seen: list[FeedResult] = []
    asked: list[str] = []

    def handle(r: FeedResult) -> None:
        seen.append(r)
        states[r.url] = r.state

    def get_state(u: str) -> FeedState | None:
        asked.append(u)
        return states.get(u)

    clients = 0

    def factory() -> httpx.Client:
        nonlocal clients
        clients += 1
        return make_client(timeout=2.0)

    watch(urls, 0.01, handle, get_state, client_factory=factory, max_rounds=2, fetch_pages=False)
    assert asked == urls * 2 and clients == 2
    assert [len(r.articles) for r in seen[:2]] == [6, 4]
    assert [r.not_modified for r in seen[2:]] == [True, True]


def test_watch_stops_when_stop_is_set(server):
    stop = threading.Event()
    seen: list[str] = []

    def handle(r: FeedResult) -> None:
        seen.append(r.url)
        stop.set()

    urls = [server.url("/feeds/world.rss"), server.url("/feeds/region.atom")]
    watch(urls, 0.01, handle, lambda u: None, stop=stop, fetch_pages=False)
    assert seen == urls[:1]
    # set while it waits for the next round: it returns at once, not after `every`
    stop2 = threading.Event()
    threading.Timer(0.3, stop2.set).start()
    start = time.monotonic()
    watch(urls[:1], 3600, lambda r: None, lambda u: None, stop=stop2, fetch_pages=False)
    assert time.monotonic() - start < 5


def test_watch_ctrl_c_returns_cleanly_after_the_current_feed(server):
    before = signal.getsignal(signal.SIGINT)
    seen: list[str] = []

    def handle(r: FeedResult) -> None:
        seen.append(r.url)
        if len(seen) == 1:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C while the first feed is handled
            seen.append("handled on")

    stop = threading.Event()
    urls = [server.url("/feeds/world.rss"), server.url("/feeds/region.atom")]
    watch(urls, 0.01, handle, lambda u: None, stop=stop, fetch_pages=False)  # no KeyboardInterrupt comes out
    assert seen == [urls[0], "handled on"] and stop.is_set()
    assert signal.getsignal(signal.SIGINT) is before


def test_watch_ctrl_c_while_waiting_returns_at_once(server):
    threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    watch([server.url("/feeds/world.rss")], 5, lambda r: None, lambda u: None, max_rounds=2, fetch_pages=False)
    assert time.monotonic() - start < 4


def test_watch_keyboard_interrupt_from_the_handler_ends_cleanly(server):
    def handle(r: FeedResult) -> None:
        raise KeyboardInterrupt

    watch([server.url("/feeds/world.rss")], 0.01, handle, lambda u: None, fetch_pages=False)


def test_watch_rejects_a_zero_interval_and_no_feeds():
    with pytest.raises(InputError, match="more than 0"):
        watch(["http://127.0.0.1/x"], 0, lambda r: None, lambda u: None)
    with pytest.raises(InputError, match="no feeds to watch"):
        watch([], 60, lambda r: None, lambda u: None)


class _StoreFull(EventcoderError):
    """As the store raises when it cannot be written."""


def test_watch_goes_on_past_a_store_error(server, caplog):
    seen: list[str] = []

    def handle(r: FeedResult) -> None:
        seen.append(r.url)
        if len(seen) == 1:
            raise _StoreFull("cannot write to the store sqlite: disk I/O error")

    urls = [server.url("/feeds/world.rss"), server.url("/feeds/region.atom")]
    with caplog.at_level(logging.ERROR, logger="eventcoder.feeds"):
        watch(urls, 0.01, handle, lambda u: None, max_rounds=1, fetch_pages=False)
    assert seen == urls
    assert any("disk I/O error" in m and urls[0] in m for m in caplog.messages)


# ---------------------------------------------------------------------------------------------------------
# storing results


def test_store_handler_saves_state_after_the_articles_and_counts(server, client):
    stored: dict[str, Article] = {}
    saved: list[tuple[str, str | None, str | None, str | None]] = []

    def store_article(a: Article) -> bool:
        if "Norges Bank" in a.body:
            raise InputError("text is not a news report")
        key = a.url or a.title or ""
        if key in stored:
            return False
        stored[key] = a
        return True

    h = StoreFeedResults(store_article, lambda *s: saved.append(s))
    world = fetch_feed(server.url("/feeds/world.rss"), None, client, fetch_pages=False)
    h(world)
    h(world)  # the same articles again: duplicates
    h(fetch_feed(server.url("/feeds/error.rss"), FeedState(server.url("/feeds/error.rss"), '"e1"'), client))
    t = h.tally
    assert (t.feeds, t.stored, t.duplicates, t.article_failures, t.failed) == (3, 5, 5, 2, 1)
    assert saved[0] == (server.url("/feeds/world.rss"), WORLD_ETAG, WORLD_MODIFIED, None)
    assert saved[2] == (server.url("/feeds/error.rss"), '"e1"', None,
                        f"{server.url('/feeds/error.rss')}: HTTP 500 Internal Server Error")
    assert any("Norges" not in e and "not a news report" in e for e in t.errors)


def test_store_handler_stopped_midway_keeps_the_old_state(server, client):
    stop = threading.Event()
    saved: list[tuple] = []
    n = 0

    def store_article(a: Article) -> bool:
        nonlocal n
        n += 1
        if n == 2:
            stop.set()
        return True

    h = StoreFeedResults(store_article, lambda *s: saved.append(s), stop=stop)
    h(fetch_feed(server.url("/feeds/world.rss"), None, client, fetch_pages=False))
    assert n == 2 and h.tally.stored == 2
    assert saved == []  # the next poll must not get a 304 for the four articles not stored


def test_ingest_feeds_once(server, client):
    stored: dict[str, Article] = {}
    states: dict[str, FeedState] = {}

    def store_article(a: Article) -> bool:
        new = (a.url or a.body) not in stored
        stored[a.url or a.body] = a
        return new

    def save(url: str, etag: str | None, modified: str | None, error: str | None) -> None:
        states[url] = FeedState(url, etag, modified)

    urls = [server.url("/feeds/broken.xml"), server.url("/feeds/world.rss"), server.url("/feeds/region.atom")]
    t = ingest_feeds(urls, store_article, save, states.get, client=client, fetch_pages=False)
    assert (t.feeds, t.failed, t.stored, t.duplicates) == (3, 1, 10, 0)
    assert states[urls[1]] == FeedState(urls[1], WORLD_ETAG, WORLD_MODIFIED)
    t = ingest_feeds(urls, store_article, save, states.get, client=client, known=lambda u: u in stored)
    assert (t.not_modified, t.stored, t.articles) == (2, 0, 0)


def test_stop_while_reading_entries_leaves_the_rest_and_keeps_the_old_state(server, client):
    stop = threading.Event()
    calls: list[str] = []

    def known(u: str) -> bool:
        calls.append(u)
        if len(calls) == 2:
            stop.set()  # as Ctrl-C would, while the second entry is read
        return False

    r = fetch_feed(server.url("/feeds/world.rss"), None, client, known=known, stop=stop)
    assert r.interrupted and len(r.articles) == 2 and r.error is None
    assert "/pages/ukraine-kharkiv-drone.html" not in server.paths()
    saved: list[tuple] = []
    stop.clear()
    h = StoreFeedResults(lambda a: True, lambda *x: saved.append(x), stop=stop)
    h(r)
    assert h.tally.stored == 2 and saved == []


def test_watch_cli_prints_a_summary(server):
    stored: dict[str, Article] = {}
    states: dict[str, FeedState] = {}

    def save(url: str, etag: str | None, modified: str | None, error: str | None) -> None:
        states[url] = FeedState(url, etag, modified)

    def store_article(a: Article) -> bool:
        stored[a.url or a.body[:40]] = a
        return True

    out = io.StringIO()
    urls = [server.url("/feeds/world.rss"), server.url("/feeds/error.rss")]
    tally = watch_cli(urls, 0.01, store_article, save, states.get, console=Console(file=out, width=60),
                      known=lambda u: u in stored, max_rounds=2, client_factory=lambda: make_client(2.0))
    text = out.getvalue()
    assert tally.stored == 6 and tally.failed == 2
    assert "watching 2 feeds every 0.01s" in text
    assert "The Meridian Wire: World: 6 new, 0 already stored, 0 failed" in text
    assert f"{urls[0]}: not modified" in text
    assert "feed failed" in text and "HTTP 500 Internal Server Error" in text
    assert "round 1: 6 articles stored, 0 already stored, 0 failed, 1 of 2 feeds failed; next round in 0.01s" in text
    assert "round 2: 0 articles stored, 0 already stored, 0 failed, 1 of 2 feeds failed\n" in text
    assert "stopped: 6 articles stored, 0 already stored, 0 failed, 2 failed polls" in text


# ---------------------------------------------------------------------------------------------------------
# inputs


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h", 3600), ("90s", 90), ("2h30m", 9000),
                                               ("1d", 86400), ("1.5h", 5400), (" 10M ", 600), ("45", 45),
                                               ("1h 5s", 3605)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15x", "ten minutes", "-5m", "0s", "0", "30m2h", "1h1h", "5 m s"])
def test_parse_interval_rejects(text):
    with pytest.raises(InputError, match="interval"):
        parse_interval(text)


def test_read_feed_list(tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text("# world news\nhttps://news.example.org/world.rss\n\n  http://sahel.example/feed.atom  # Atom\n"
                 "https://news.example.org/world.rss\nhttps://example.com/page#frag\n")
    assert read_feed_list(f) == ["https://news.example.org/world.rss", "http://sahel.example/feed.atom",
                                 "https://example.com/page#frag"]


@pytest.mark.parametrize(("content", "message"), [
    ("https://ok.example/a.rss\nnews.example.org/rss\n", r":2: 'news.example.org/rss' is not an http\(s\) feed URL"),
    ("ftp://x.example/feed\n", r":1: 'ftp://x.example/feed' is not an http"),
    ("https://a.example/x y.rss\n", r":1: .* is not an http"),
    ("http://[bad/feed\n", r":1: 'http://\[bad/feed' is not an http"),
    ("https://a.example:port/feed\n", r":1: .* is not an http"),
    ("# nothing\n\n", "no feed URLs"),
])
def test_read_feed_list_rejects(tmp_path, content, message):
    f = tmp_path / "feeds.txt"
    f.write_text(content)
    with pytest.raises(InputError, match=message):
        read_feed_list(f)


def test_read_feed_list_missing_and_binary(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_feed_list(tmp_path / "none.txt")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(InputError, match="not a UTF-8 text file"):
        read_feed_list(tmp_path / "b.txt")
