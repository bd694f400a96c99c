"""Ingest a batch: code each new article and store it, one transaction an article, counting what happened.

A duplicate (content already stored) is never coded again; a bad item is reported and the batch goes on;
killing the process loses at most the article being written, and running the same batch again completes it."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from .errors import EventcoderError, InputError
from .files import Item, checked
from .model import Article, Event
from .store import AddOutcome, Store


@dataclass
class IngestSummary:
    """Counts of a batch: ``read`` items, of which ``stored`` new, ``replaced`` (a new version of a URL),
    ``duplicates`` skipped, ``failed`` with their reasons; ``events`` stored (added or kept)."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    duplicates: int = 0
    events: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, outcome: AddOutcome) -> None:
        if outcome.status == "duplicate":
            self.duplicates += 1
        else:
            self.stored += outcome.status == "stored"
            self.replaced += outcome.status == "replaced"
            self.events += outcome.events_added + outcome.events_kept


def code(article: Article) -> tuple[Event, ...] | str:
    """The article's events, or the reason coding failed (a worker's result must pickle)."""
    from .pipeline import code_article

    try:
        return tuple(code_article(article).events)
    except EventcoderError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
        return f"coding failed: {type(exc).__name__}: {exc}"


def _coded(todo: Iterable[tuple[Item, Article]], jobs: int) -> Iterator[tuple[Item, Article, tuple[Event, ...] | str]]:
    if jobs <= 1:
        for item, art in todo:
            yield item, art, code(art)
        return
    window: deque[tuple[Item, Article, Future[tuple[Event, ...] | str]]] = deque()
    # spawned, not forked: a forked worker would share (and on exit close) the store's open connections
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as ex:
        for item, art in todo:
            window.append((item, art, ex.submit(code, art)))
            if len(window) >= jobs * 4:
                i, a, f = window.popleft()
                yield i, a, f.result()
        while window:
            i, a, f = window.popleft()
            yield i, a, f.result()


def ingest(store: Store, items: Iterable[Item], jobs: int = 1,
           on_item: Callable[[Item, str, IngestSummary], None] | None = None) -> IngestSummary:
    """Code and store every item. ``on_item(item, status, summary)`` is called after each (status: stored,
    replaced, duplicate, or the failure's reason) for progress bars and logs."""
    summary = IngestSummary()

    def note(item: Item, status: str) -> None:
        if on_item is not None:
            on_item(item, status, summary)

    def todo() -> Iterator[tuple[Item, Article]]:
        for item in items:
            summary.read += 1
            if item.article is None:
                summary.failed.append((item.name, item.error or "unreadable"))
                note(item, item.error or "unreadable")
                continue
            try:
                known = store.has_article(item.article)
            except EventcoderError as exc:
                summary.failed.append((item.name, str(exc)))
                note(item, str(exc))
                continue
            if known:
                summary.duplicates += 1
                note(item, "duplicate")
                continue
            item = checked(item)  # the language check: only for articles not stored yet (it is slow)
            if item.article is None:
                summary.failed.append((item.name, item.error or "unreadable"))
                note(item, item.error or "unreadable")
                continue
            yield item, item.article

    for item, art, result in _coded(todo(), jobs):
        if isinstance(result, str):
            summary.failed.append((item.name, result))
            note(item, result)
            continue
        try:
            outcome = store.add_article(art, result)
        except EventcoderError as exc:
            summary.failed.append((item.name, str(exc)))
            note(item, str(exc))
            continue
        summary.count(outcome)
        note(item, outcome.status)
    return summary


def article_storer(store: Store) -> Callable[[Article], bool]:
    """``store_article`` for the feed poller (:mod:`eventcoder.feeds`): code one article and store it in one
    transaction; True when it was stored (new or a new version of its URL), False when the store had it. A
    coding failure is an :class:`InputError` (the feed's other articles go on)."""

    def store_article(article: Article) -> bool:
        if store.has_article(article):
            return False
        result = code(article)
        if isinstance(result, str):
            raise InputError(result)
        return store.add_article(article, result).status != "duplicate"

    return store_article
