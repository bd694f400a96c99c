"""RSS/Atom feeds: fetch (httpx), parse (feedparser), turn entries into Articles, poll, watch.

This module knows nothing of the store. It fetches every byte itself with httpx (feedparser only ever
parses bytes), sends conditional GETs from a :class:`FeedState`, caps every response's size and time,
respects robots.txt for feed and page URLs, and reports every network or feed failure as
:attr:`FeedResult.error` instead of raising.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import re
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit
from urllib.robotparser import RobotFileParser

import feedparser
import httpx

from . import __version__
from .errors import EventcoderError, InputError
from .ingest import article_from_html, check_language, decode
from .model import Article

log = logging.getLogger(__name__)

ROBOTS_AGENT = "eventcoder"  # the token robots.txt rules are matched against
USER_AGENT = f"eventcoder/{__version__} (news event coder; feed reader; respects robots.txt)"
MAX_FEED_BYTES = 5_000_000
MAX_PAGE_BYTES = 5_000_000
MAX_ROBOTS_BYTES = 500_000
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY = 10.0  # seconds: a larger robots.txt Crawl-delay is capped to this
TOTAL_TIME_FACTOR = 4  # a whole response may take this many times the client's read timeout

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FeedState:
    """What we remember of a feed between polls: its validators for a conditional GET."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FeedResult:
    """One poll of one feed. ``error`` is a clear message when the feed failed (then ``articles`` is empty
    and ``state`` is the state it was polled with, so the next poll is conditional as before)."""

    url: str
    articles: tuple[Article, ...]
    state: FeedState
    not_modified: bool = False
    error: str | None = None
    title: str | None = None  # the feed's own title
    entries: int = 0  # entries in the feed
    known: int = 0  # entries skipped because ``known(link)`` said the article is already stored
    skipped: tuple[str, ...] = ()  # entries that gave no article, with the reason
    notes: tuple[str, ...] = ()  # pages that could not be read (the entry's summary was used instead)
    interrupted: bool = False  # ``stop`` was set while the entries were read: some are missing, keep the old state

    @property
    def ok(self) -> bool:
        return self.error is None


class FetchError(Exception):
    """A URL could not be fetched (network, HTTP status, size, time, robots.txt); ``str()`` says why."""


@dataclass(frozen=True)
class _Response:
    url: str  # after redirects
    status: int
    reason: str
    headers: httpx.Headers
    data: bytes


# ---------------------------------------------------------------------------------------------------------
# the client, robots.txt, limited GETs


def make_client(timeout: float = 10.0) -> httpx.Client:
    """An httpx client for feeds and pages: ``timeout`` seconds to connect and between bytes read, a
    User-Agent naming eventcoder, at most :data:`MAX_REDIRECTS` redirects. (This module's own GETs follow
    redirects one by one, each hop checked against its host's robots.txt.)"""
    return httpx.Client(timeout=httpx.Timeout(timeout), headers={"User-Agent": USER_AGENT},
                        follow_redirects=True, max_redirects=MAX_REDIRECTS)


# robots.txt parsers per client and origin ("https://host:port"), for the client's life
_ROBOTS: weakref.WeakKeyDictionary[httpx.Client, dict[str, RobotFileParser]] = weakref.WeakKeyDictionary()
_ROBOTS_LOCK = threading.Lock()


def _split(url: str) -> SplitResult | None:
    """The URL's parts, or None where it cannot even be split (``http://[bad``)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return None
    return parts


def _is_http(url: str) -> bool:
    parts = _split(url)
    return parts is not None and parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _robots(client: httpx.Client, url: str) -> RobotFileParser:
    origin = _origin(url)
    with _ROBOTS_LOCK:
        cached = _ROBOTS.setdefault(client, {}).get(origin)
    if cached is not None:
        return cached
    rp = RobotFileParser(origin + "/robots.txt")
    try:
        resp = _get(client, origin + "/robots.txt", MAX_ROBOTS_BYTES, check_robots=False)
    except FetchError as exc:
        log.warning("robots.txt of %s could not be fetched (%s): allowing all", origin, exc)
        rp.parse([])  # nothing disallowed
    else:
        if resp.status == 200:
            text = resp.data.decode("utf-8", errors="replace")
            rp.parse(text.splitlines())
        elif 400 <= resp.status < 500:  # no robots.txt (RFC 9309: any 4xx allows)
            rp.parse([])  # nothing disallowed
        else:
            log.warning("robots.txt of %s answered HTTP %d: allowing all", origin, resp.status)
            rp.parse([])  # nothing disallowed
    with _ROBOTS_LOCK:
        _ROBOTS.setdefault(client, {})[origin] = rp
    return rp


def allowed(client: httpx.Client, url: str) -> bool:
    """Whether the URL's host's robots.txt lets eventcoder fetch it (fetched once per host per client)."""
    return _robots(client, url).can_fetch(ROBOTS_AGENT, url)


# when each client last asked each origin, for robots.txt's Crawl-delay
_LAST_ASKED: weakref.WeakKeyDictionary[httpx.Client, dict[str, float]] = weakref.WeakKeyDictionary()


def _pace(client: httpx.Client, url: str) -> None:
    """Wait as long as the host's robots.txt Crawl-delay asks (at most MAX_CRAWL_DELAY s) since this
    client's last request to it."""
    origin = _origin(url)
    delay = _robots(client, url).crawl_delay(ROBOTS_AGENT)
    with _ROBOTS_LOCK:
        last = _LAST_ASKED.setdefault(client, {}).get(origin)
    if delay and last is not None:
        wait = min(float(delay), MAX_CRAWL_DELAY) - (time.monotonic() - last)
        if wait > 0:
            time.sleep(wait)
    with _ROBOTS_LOCK:
        _LAST_ASKED.setdefault(client, {})[origin] = time.monotonic()


def _describe(exc: Exception, url: str, client: httpx.Client) -> str:
    if isinstance(exc, httpx.TimeoutException):
        t = client.timeout.read or client.timeout.connect
        return f"{url}: timed out (no answer within {t:g} s)" if t else f"{url}: timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"{url}: cannot connect to {urlsplit(url).netloc} ({exc})"
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return f"{url}: not an http(s) URL that can be fetched ({exc})"
    if isinstance(exc, httpx.DecodingError):
        return f"{url}: the response could not be decoded ({exc})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{url}: the server broke the HTTP protocol ({exc})"
    return f"{url}: {type(exc).__name__}: {exc}"


def _get(client: httpx.Client, url: str, limit: int, headers: Mapping[str, str] | None = None,
         check_robots: bool = True) -> _Response:
    """GET a URL, following redirects one by one (robots.txt checked at each hop), reading at most
    ``limit`` bytes and for at most TOTAL_TIME_FACTOR read timeouts. Raises :class:`FetchError`."""
    target = url
    hops = 0
    read_timeout = client.timeout.read or 10.0
    deadline = time.monotonic() + TOTAL_TIME_FACTOR * read_timeout
    while True:
        if not _is_http(target):
            raise FetchError(f"{target}: not an http(s) URL")
        if check_robots:
            if not allowed(client, target):
                raise FetchError(f"{target}: disallowed by the host's robots.txt for {ROBOTS_AGENT}")
            _pace(client, target)
        try:
            with client.stream("GET", target, headers=dict(headers or {}), follow_redirects=False) as r:
                if r.is_redirect and r.next_request is not None:
                    hops += 1
                    if hops > client.max_redirects:
                        raise FetchError(f"{url}: more than {client.max_redirects} redirects")
                    target = str(r.next_request.url)
                    continue
                if r.status_code != 200:
                    return _Response(str(r.url), r.status_code, r.reason_phrase, r.headers, b"")
                length = r.headers.get("content-length", "")
                if length.isdigit() and int(length) > limit:
                    raise FetchError(f"{target}: response of {int(length):,} bytes is over the {limit:,}-byte limit")
                buf = bytearray()
                for chunk in r.iter_bytes():
                    buf += chunk
                    if len(buf) > limit:
                        raise FetchError(f"{target}: response is over the {limit:,}-byte limit (stopped reading)")
                    if time.monotonic() > deadline:
                        raise FetchError(f"{target}: timed out (still reading after "
                                         f"{TOTAL_TIME_FACTOR * read_timeout:g} s)")
                return _Response(str(r.url), r.status_code, r.reason_phrase, r.headers, bytes(buf))
        except httpx.HTTPError as exc:
            raise FetchError(_describe(exc, target, client)) from None
        except (ValueError, UnicodeError) as exc:  # e.g. a URL httpx cannot even build a request for
            raise FetchError(f"{target}: not a URL that can be fetched ({exc})") from None


# ---------------------------------------------------------------------------------------------------------
# entries -> Articles


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)  # no feedparser key aliasing
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


_BLOCKS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "figure", "figcaption", "pre", "table")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed's summary or content), one paragraph a line: lxml's text of
    the fragment, with scripts and styles dropped and block elements kept apart."""
    import lxml.html
    from lxml import etree

    if "<" not in fragment:
        text = fragment
    else:
        try:
            root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        except (etree.ParserError, ValueError):
            return ""
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        for el in root.iter(*_BLOCKS):
            el.tail = "\n\n" + (el.tail or "")
        text = root.text_content()
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's own text: its content, else its summary; HTML read with trafilatura, else lxml."""
    candidates: list[tuple[str, str]] = []
    for c in entry.get("content") or []:
        candidates.append((c.get("value") or "", c.get("type") or ""))
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    for value, kind in candidates:
        if not value.strip():
            continue
        if "html" in kind or "<" in value:
            text = ""
            if len(value) > 500:  # a whole article in the feed: trafilatura drops its boilerplate
                try:
                    text = article_from_html(f"<html><body><article>{value}</article></body></html>").body
                except InputError:
                    text = ""
            text = text or html_to_text(value)
        else:
            text = html_to_text(value)
        if text.strip():
            return text
    return ""


def _entry_link(entry: Mapping[str, Any]) -> str | None:
    link = entry.get("link") or ""
    if not link:
        guid = entry.get("id") or ""
        if _is_http(guid):
            link = guid
    return link.strip() or None


def _as_declared(resp: _Response) -> bytes:
    """The body as UTF-8 when the server declared a charset that decodes it; else the bytes as they came
    (``ingest.decode`` then detects the encoding)."""
    charset = httpx.Response(200, headers={"content-type": resp.headers.get("content-type", "")}).charset_encoding
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return resp.data
    try:
        return resp.data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return resp.data


def _page_article(client: httpx.Client, link: str, published: dt.date | None, source: str | None) -> Article:
    """The entry's page read with trafilatura. Raises FetchError or InputError."""
    resp = _get(client, link, MAX_PAGE_BYTES)
    if resp.status != 200:
        raise FetchError(f"{link}: HTTP {resp.status} {resp.reason}".rstrip())
    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype and ctype not in _HTML_TYPES:
        raise FetchError(f"{link}: not an HTML page (content type {ctype})")
    html = decode(_as_declared(resp), link)
    return article_from_html(html, url=link, source=source, published=published, name=link)


def _entry_article(entry: Mapping[str, Any], feed_title: str | None, client: httpx.Client, fetch_pages: bool,
                   notes: list[str]) -> Article | str:
    """An entry's Article, or the reason it gives none (no text; not in English)."""
    art = _entry_article_any(entry, feed_title, client, fetch_pages, notes)
    if isinstance(art, Article):
        try:
            check_language(art.body, art.url or art.title or "an entry")
        except InputError as exc:
            return str(exc)
    return art


def _entry_article_any(entry: Mapping[str, Any], feed_title: str | None, client: httpx.Client, fetch_pages: bool,
                       notes: list[str]) -> Article | str:
    link = _entry_link(entry)
    published = _entry_date(entry)
    title = html_to_text(entry.get("title") or "").replace("\n\n", " ") or None
    if fetch_pages and link:
        try:
            art = _page_article(client, link, published, feed_title)
        except (FetchError, InputError) as exc:
            notes.append(f"{exc}; the feed's summary was used")
            log.info("page not read, using the feed's summary: %s", exc)
        else:
            return dataclasses.replace(art, title=art.title or title)
    text = _entry_text(entry)
    if not text:
        return f"{link or title or 'an entry'}: no text in the feed entry" + (" and no page" if not link else "")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(body=text, published=published, title=title, url=link, source=feed_title or _host(link))


def _host(url: str | None) -> str | None:
    parts = _split(url) if url else None
    return parts.hostname if parts is not None else None


# ---------------------------------------------------------------------------------------------------------
# one feed, many feeds


def fetch_feed(url: str, state: FeedState | None, client: httpx.Client, *, fetch_pages: bool = True,
               known: Callable[[str], bool] = lambda url: False, stop: threading.Event | None = None) -> FeedResult:
    """Poll one feed. A conditional GET (If-None-Match / If-Modified-Since from ``state``); 304 gives
    ``not_modified``. Each entry becomes an Article: its page read with trafilatura when ``fetch_pages``
    (and robots.txt allows it), else, or when the page fails, the entry's own content or summary. Entries
    whose link ``known`` says is stored already are skipped (their page is not fetched). When ``stop`` is
    set while the entries are read, the rest are left and the result is ``interrupted``. Never raises for
    network or feed errors: they come back as ``error``."""
    # any object with .etag and .last_modified will do (the store's own feed-state record, say)
    state = FeedState(url, state.etag, state.last_modified) if state is not None else FeedState(url)
    headers: dict[str, str] = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified

    def failed(msg: str) -> FeedResult:
        log.warning("feed failed: %s", msg)
        return FeedResult(url, (), state, error=msg)

    try:
        resp = _get(client, url, MAX_FEED_BYTES, headers)
    except FetchError as exc:
        return failed(str(exc))
    if resp.status == 304:
        new = FeedState(url, resp.headers.get("etag") or state.etag,
                        resp.headers.get("last-modified") or state.last_modified)
        log.info("feed not modified: %s", url)
        return FeedResult(url, (), new, not_modified=True)
    if resp.status != 200:
        return failed(f"{url}: HTTP {resp.status} {resp.reason}".rstrip())
    if not resp.data.strip():
        return failed(f"{url}: the server sent an empty response, not a feed")
    response_headers = {"content-location": resp.url}
    if "content-type" in resp.headers:
        response_headers["content-type"] = resp.headers["content-type"]
    # bytes in a file object: feedparser never fetches (nor opens a file named by the bytes)
    parsed = feedparser.parse(io.BytesIO(resp.data), response_headers=response_headers)
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            ctype = resp.headers.get("content-type", "").split(";")[0].strip()
            if not parsed.get("version") and ctype in _HTML_TYPES:
                return failed(f"{url}: not an RSS or Atom feed (the server sent an HTML page)")
            return failed(f"{url}: malformed feed ({parsed.get('bozo_exception') or 'unreadable XML'})")
        if not parsed.get("version"):
            return failed(f"{url}: not an RSS or Atom feed")
    notes: list[str] = []
    if entries and parsed.get("bozo"):
        notes.append(f"{url}: the feed is not well-formed ({parsed.get('bozo_exception')}); "
                     f"the {len(entries)} entries found were read")
        log.warning("%s", notes[-1])
    feed_title = html_to_text((parsed.get("feed") or {}).get("title") or "").replace("\n\n", " ") or None
    new_state = FeedState(url, resp.headers.get("etag"), resp.headers.get("last-modified"))
    articles: list[Article] = []
    skipped: list[str] = []
    n_known = 0
    interrupted = False
    for entry in entries:
        if stop is not None and stop.is_set():
            interrupted = True
            break
        link = _entry_link(entry)
        if link and known(link):
            n_known += 1
            continue
        got = _entry_article(entry, feed_title, client, fetch_pages, notes)
        if isinstance(got, str):
            skipped.append(got)
            log.info("entry skipped: %s", got)
        else:
            articles.append(got)
    log.info("feed %s: %d entries, %d articles, %d known, %d skipped", url, len(entries), len(articles), n_known,
             len(skipped))
    return FeedResult(url, tuple(articles), new_state, title=feed_title, entries=len(entries), known=n_known,
                      skipped=tuple(skipped), notes=tuple(notes), interrupted=interrupted)


def _safe_fetch(url: str, state: FeedState | None, client: httpx.Client, **kw: Any) -> FeedResult:
    try:
        return fetch_feed(url, state, client, **kw)
    except Exception as exc:  # a bug or an unforeseen library error must not stop the other feeds
        log.exception("feed %s failed unexpectedly", url)
        return FeedResult(url, (), state or FeedState(url), error=f"{url}: unexpected error: {type(exc).__name__}: "
                          f"{exc}")


def poll(urls: Sequence[str], states: Mapping[str, FeedState], client: httpx.Client, **kw: Any) -> list[FeedResult]:
    """Poll each feed once, in order; a broken feed gives a result with ``error`` (logged) and the others
    go on. ``kw`` goes to :func:`fetch_feed` (``fetch_pages``, ``known``)."""
    return [_safe_fetch(url, states.get(url), client, **kw) for url in urls]


# ---------------------------------------------------------------------------------------------------------
# watch


@contextmanager
def _sigint_sets(stop: threading.Event) -> Iterator[None]:
    """In the main thread: the first Ctrl-C sets ``stop`` (the current article finishes), a second one
    raises KeyboardInterrupt as usual. Elsewhere: nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    def on_sigint(signum: int, frame: Any) -> None:
        log.warning("interrupted: stopping after the current article (Ctrl-C again to stop at once)")
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def watch(urls: Sequence[str], every: float, handle: Callable[[FeedResult], None],
          get_state: Callable[[str], FeedState | None], *, client_factory: Callable[[], httpx.Client] = make_client,
          stop: threading.Event | None = None, max_rounds: int | None = None,
          on_round: Callable[[int], None] | None = None, **kw: Any) -> None:
    """Poll the feeds every ``every`` seconds, each round with a fresh client (so robots.txt is read again),
    handing each feed's result to ``handle`` as soon as it is fetched. ``get_state`` is asked for each feed's
    state before each fetch. Stops when ``stop`` is set (checked between feeds and while waiting), after
    ``max_rounds`` rounds, or on Ctrl-C: the first one sets ``stop`` (``handle`` should check ``stop``
    between articles), a KeyboardInterrupt from anywhere ends the watch cleanly. An EventcoderError from
    ``get_state`` or ``handle`` (a store that cannot be written) is logged and the next feed goes on. ``kw`` goes to
    :func:`fetch_feed`; ``on_round(n)`` is called after round n."""
    if every <= 0:
        raise InputError(f"interval {every!r}: must be more than 0 seconds")
    if not urls:
        raise InputError("no feeds to watch")
    stop = stop if stop is not None else threading.Event()
    rounds = 0
    try:
        with _sigint_sets(stop):
            while not stop.is_set():
                with client_factory() as client:
                    for url in urls:
                        if stop.is_set():
                            break
                        try:
                            handle(_safe_fetch(url, get_state(url), client, stop=stop, **kw))
                        except EventcoderError as exc:  # e.g. the store could not be written: try again next round
                            log.error("feed %s: %s", url, exc)
                rounds += 1
                if on_round is not None:
                    on_round(rounds)
                if max_rounds is not None and rounds >= max_rounds:
                    break
                stop.wait(every)
    except KeyboardInterrupt:
        log.warning("interrupted: watch stopped")
        stop.set()


# ---------------------------------------------------------------------------------------------------------
# a handler that stores articles, for `ingest --feed` and `watch`


@dataclass
class FeedTally:
    """What storing feed results did, counted."""

    feeds: int = 0
    not_modified: int = 0
    failed: int = 0
    articles: int = 0  # articles read from feeds
    stored: int = 0
    duplicates: int = 0  # known before the page was fetched, or found a duplicate by the store
    article_failures: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)


class StoreFeedResults:
    """A ``handle`` for :func:`watch` (or a loop over :func:`poll`) that stores each article and then saves
    the feed's state.

    - ``store_article(article) -> bool``: code and store one article (one transaction); True when it was
      stored, False when the store had it already; an :class:`EventcoderError` counts as a failed article
      and the others go on.
    - ``save_state(url, etag, last_modified, error)``: as ``Store.save_feed_state``. The new validators are
      saved only after every article of the feed is stored, so a crash or a stop midway never makes the next
      poll skip (304) articles that were not stored; a failed feed keeps its old validators and its error.
    - ``stop``: checked between articles; when set, the feed's remaining articles wait for the next run.
    - ``report(result, stored, duplicates, failed)``: optional, called after each feed (a console line).
    """

    def __init__(self, store_article: Callable[[Article], bool],
                 save_state: Callable[[str, str | None, str | None, str | None], None], *,
                 stop: threading.Event | None = None,
                 report: Callable[[FeedResult, int, int, int], None] | None = None) -> None:
        self.store_article = store_article
        self.save_state = save_state
        self.stop = stop
        self.report = report
        self.tally = FeedTally()

    def __call__(self, result: FeedResult) -> None:
        t = self.tally
        t.feeds += 1
        if result.error is not None:
            t.failed += 1
            t.errors.append(result.error)
            self.save_state(result.url, result.state.etag, result.state.last_modified, result.error)
            if self.report:
                self.report(result, 0, 0, 0)
            return
        if result.not_modified:
            t.not_modified += 1
            self.save_state(result.url, result.state.etag, result.state.last_modified, None)
            if self.report:
                self.report(result, 0, 0, 0)
            return
        stored = dup = bad = 0
        t.duplicates += result.known
        complete = not result.interrupted
        for art in result.articles:
            if self.stop is not None and self.stop.is_set():
                complete = False
                break
            t.articles += 1
            try:
                if self.store_article(art):
                    stored += 1
                else:
                    dup += 1
            except EventcoderError as exc:
                bad += 1
                msg = f"{art.url or art.title or result.url}: {exc}"
                t.errors.append(msg)
                log.warning("article not stored: %s", msg)
        t.stored += stored
        t.duplicates += dup
        t.article_failures += bad
        if complete:
            self.save_state(result.url, result.state.etag, result.state.last_modified, None)
        if self.report:
            self.report(result, stored, dup + result.known, bad)


def ingest_feeds(urls: Sequence[str], store_article: Callable[[Article], bool],
                 save_state: Callable[[str, str | None, str | None, str | None], None],
                 get_state: Callable[[str], FeedState | None], *, client: httpx.Client | None = None,
                 known: Callable[[str], bool] = lambda url: False, fetch_pages: bool = True,
                 stop: threading.Event | None = None,
                 report: Callable[[FeedResult, int, int, int], None] | None = None) -> FeedTally:
    """``eventcoder ingest --feed URL`` without the command line: poll each feed once (conditionally, from
    ``get_state``), store its new articles and save its state, as :class:`StoreFeedResults` does; a broken
    feed is counted and the others go on. Returns the tally."""
    handler = StoreFeedResults(store_article, save_state, stop=stop, report=report)
    own = client is None
    c = client if client is not None else make_client()
    try:
        for url in urls:
            if stop is not None and stop.is_set():
                break
            handler(_safe_fetch(url, get_state(url), c, known=known, fetch_pages=fetch_pages, stop=stop))
    finally:
        if own:
            c.close()
    return handler.tally


def watch_cli(urls: Sequence[str], every: float, store_article: Callable[[Article], bool],
              save_state: Callable[[str, str | None, str | None, str | None], None],
              get_state: Callable[[str], FeedState | None], *, console: Any = None,
              known: Callable[[str], bool] = lambda url: False, fetch_pages: bool = True,
              stop: threading.Event | None = None, max_rounds: int | None = None,
              client_factory: Callable[[], httpx.Client] = make_client) -> FeedTally:
    """``eventcoder watch`` without the command line: watch the feeds, store their new articles, print a
    line per feed and per round on ``console`` (a Rich Console; stderr when None), and return the tally."""
    from rich.console import Console
    from rich.markup import escape

    con = console if console is not None else Console(stderr=True)
    stop = stop if stop is not None else threading.Event()

    def report(result: FeedResult, stored: int, dup: int, bad: int) -> None:
        name = result.title or result.url
        if result.error:
            con.print(f"[red]feed failed[/] {escape(result.error)}", highlight=False, soft_wrap=True)
        elif result.not_modified:
            con.print(f"{escape(name)}: not modified", highlight=False, soft_wrap=True)
        else:
            extra = f", {len(result.skipped)} entries skipped (no text, not English)" if result.skipped else ""
            con.print(f"{escape(name)}: {stored} new, {dup} already stored, {bad} failed{extra}", highlight=False,
                      soft_wrap=True)

    handler = StoreFeedResults(store_article, save_state, stop=stop, report=report)

    before = dataclasses.replace(handler.tally)

    def on_round(n: int) -> None:
        nonlocal before
        t = handler.tally
        more = "" if max_rounds is not None and n >= max_rounds else f"; next round in {format_interval(every)}"
        con.print(f"round {n}: {t.stored - before.stored} articles stored, {t.duplicates - before.duplicates} "
                  f"already stored, {t.article_failures - before.article_failures} failed, "
                  f"{t.failed - before.failed} of {len(urls)} feeds failed{more}", highlight=False, soft_wrap=True)
        before = dataclasses.replace(t, errors=list(t.errors))

    con.print(f"watching {len(urls)} feeds every {format_interval(every)} (Ctrl-C stops)", highlight=False,
              soft_wrap=True)
    watch(urls, every, handler, get_state, client_factory=client_factory, stop=stop, max_rounds=max_rounds,
          on_round=on_round, known=known, fetch_pages=fetch_pages)
    t = handler.tally
    con.print(f"stopped: {t.stored} articles stored, {t.duplicates} already stored, {t.article_failures} failed, "
              f"{t.failed} failed polls", highlight=False, soft_wrap=True)
    return t


# ---------------------------------------------------------------------------------------------------------
# inputs: the feed list, the interval


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs from a file: one a line; blank lines and '#' comments (whole lines, or after a space) are
    skipped, duplicates dropped. A line that is not an http(s) URL is an InputError naming the line."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file of feed URLs")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file of feed URLs") from None
    urls: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = re.split(r"(?:^|\s)#", raw, maxsplit=1)[0].strip()
        if not line:
            continue
        if " " in line or not _is_http(line):
            raise InputError(f"{path}:{n}: {line!r} is not an http(s) feed URL")
        if line not in urls:
            urls.append(line)
    if not urls:
        raise InputError(f"{path}: no feed URLs in the file")
    return urls


_UNITS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}
_INTERVAL = re.compile(r"(?:(\d+(?:\.\d+)?)\s*d)?\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?\s*"
                       r"(?:(\d+(?:\.\d+)?)\s*s)?")


def parse_interval(text: str) -> float:
    """'15m', '1h', '90s', '2h30m', '1d', '1.5h' or a bare number of seconds -> seconds (more than 0)."""
    s = str(text).strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        seconds = float(s)
    else:
        m = _INTERVAL.fullmatch(s)
        if not s or m is None or not any(m.groups()):
            raise InputError(f"interval {text!r}: not a duration like 90s, 15m, 1h or 2h30m")
        seconds = sum(float(v) * _UNITS[u] for v, u in zip(m.groups(), "dhms", strict=True) if v)
    if seconds <= 0:
        raise InputError(f"interval {text!r}: must be more than 0 seconds")
    return seconds


def format_interval(seconds: float) -> str:
    """Seconds as parse_interval reads them: 5400 -> '1h30m'."""
    if seconds != int(seconds) or seconds < 1:
        return f"{seconds:g}s"
    rest = int(seconds)
    out = ""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if rest >= size:
            out += f"{rest // size}{unit}"
            rest %= size
    return out
