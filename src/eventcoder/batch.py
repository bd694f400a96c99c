"""Ingest a batch: code each new article and store it, one transaction an article, counting what happened.

A duplicate (content already stored) is never coded again; a bad item is reported and the batch goes on;
killing the process loses at most the article being written, and running the same batch again completes it."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from .errors import EventcoderError, InputError
from .files import Item, checked
from .model import Article, Event
from .store import AddOutcome, Store

BATCH = 16  # articles coded together (their kept sentences share NER batches)


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


def code_many(articles: list[Article]) -> list[tuple[Event, ...] | str]:
    """``code`` of each article, NER batched over them (``pipeline.code_articles``): the same events. Where
    coding one fails, the articles not coded yet are coded one by one, so that each failure has its own
    reason and every other article its events."""
    from .pipeline import code_articles

    out: list[tuple[Event, ...] | str] = []
    try:
        for r in code_articles(articles):
            out.append(tuple(r.events))
    except Exception:  # noqa: BLE001 - one article's failure must not stop the batch
        out.extend(code(a) for a in articles[len(out):])
    return out


def _chunks(todo: Iterable[tuple[Item, Article]], n: int) -> Iterator[list[tuple[Item, Article]]]:
    it = iter(todo)
    while chunk := list(islice(it, n)):
        yield chunk


Coded = tuple[Item, Article, tuple[Event, ...] | str]


class Coder(Protocol):
    """Codes a stream of new articles somewhere (this process, a pool, a Dask cluster) and yields each with its
    events or failure reason, in the order given. ``checks_language``: it runs the language check itself (the
    reason it gives is :func:`~eventcoder.files.checked`'s), so the batch does not."""

    checks_language: bool

    def __call__(self, todo: Iterable[tuple[Item, Article]]) -> Iterator[Coded]: ...


def _coded(todo: Iterable[tuple[Item, Article]], jobs: int, batch: int = BATCH) -> Iterator[Coded]:
    """Each article with its events, in order, coded ``batch`` at a time (``code_many``), here or over ``jobs``
    worker processes."""
    if jobs <= 1:
        for chunk in _chunks(todo, batch):
            for (item, art), result in zip(chunk, code_many([a for _, a in chunk]), strict=True):
                yield item, art, result
        return
    window: deque[tuple[list[tuple[Item, Article]], Future[list[tuple[Event, ...] | str]]]] = deque()

    def done() -> Iterator[Coded]:
        chunk, f = window.popleft()
        for (item, art), result in zip(chunk, f.result(), strict=True):
            yield item, art, result

    # spawned, not forked: a forked worker would share (and on exit close) the store's open connections
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as ex:
        for chunk in _chunks(todo, max(1, min(batch, 8))):
            window.append((chunk, ex.submit(code_many, [a for _, a in chunk])))
            if len(window) >= jobs * 3:
                yield from done()
        while window:
            yield from done()


def ingest(store: Store, items: Iterable[Item], jobs: int = 1,
           on_item: Callable[[Item, str, IngestSummary], None] | None = None,
           coder: Coder | None = None) -> IngestSummary:
    """Code and store every item. ``on_item(item, status, summary)`` is called after each, in input order
    (status: stored, replaced, duplicate, or the failure's reason) for progress bars and logs. ``coder``
    codes the new articles elsewhere (e.g. :class:`eventcoder.dask_runner.DaskCoder`) instead of ``jobs``
    local processes; this process still reads, de-duplicates and writes every article."""
    summary = IngestSummary()
    # items settled before coding (failed, duplicate), reported once every item before them is
    settled: deque[tuple[int, Item, str]] = deque()
    seq = 0

    def note(item: Item, status: str) -> None:
        if on_item is not None:
            on_item(item, status, summary)

    def fail(item: Item, reason: str) -> None:
        summary.failed.append((item.name, reason))
        note(item, reason)

    def settle(item: Item, status: str) -> None:
        settled.append((seq, item, status))

    def report_settled(before: int | None = None) -> None:
        while settled and (before is None or settled[0][0] < before):
            _, item, status = settled.popleft()
            if status == "duplicate":
                summary.duplicates += 1
                note(item, status)
            else:
                fail(item, status)

    def todo() -> Iterator[tuple[Item, Article]]:
        nonlocal seq
        for item in items:
            seq += 1
            summary.read += 1
            if item.article is None:
                settle(item, item.error or "unreadable")
                continue
            try:
                known = store.has_article(item.article)
            except EventcoderError as exc:
                settle(item, str(exc))
                continue
            if known:
                settle(item, "duplicate")
                continue
            if coder is None or not coder.checks_language:
                item = checked(item)  # the language check: only for articles not stored yet (it is slow)
                if item.article is None:
                    settle(item, item.error or "unreadable")
                    continue
            order.append(seq)
            yield item, item.article

    order: deque[int] = deque()  # the input position of each article sent to the coder
    for item, art, result in (coder or (lambda t: _coded(t, jobs)))(todo()):
        report_settled(order.popleft())
        if isinstance(result, str):
            fail(item, result)
            continue
        try:
            outcome = store.add_article(art, result)
        except EventcoderError as exc:
            fail(item, str(exc))
            continue
        summary.count(outcome)
        note(item, outcome.status)
    report_settled()
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
