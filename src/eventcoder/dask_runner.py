"""Code a batch on a Dask cluster: ``eventcoder ingest ... --dask local`` or ``--dask tcp://SCHEDULER:8786``.

This process (the client) reads the articles, skips those the store has, sends the new ones in small
batches to the workers, and writes each coded article itself with :meth:`Store.add_article`, one transaction
an article, in input order -- the one writer, so the store, its event ids and the summary are exactly those of
a single-process ingest, with the same idempotence and crash safety. Workers run the language check and the
pipeline (loaded once per worker process); their results are the events :func:`eventcoder.batch.code` gives.

Every worker needs the same eventcoder (same version and lexicon) and a gazetteer (``$EVENTCODER_GAZETTEER``,
else ``$XDG_CACHE_HOME/eventcoder/gazetteer-vN.sqlite``, built on first use when missing); a worker whose
versions or gazetteer differ from the client's fails the run with a :class:`DaskError` saying what differs.
A batch whose task raises or whose worker dies is coded again article by article; an article that still
fails is reported failed with its reason and the others go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .batch import Coded, code_many
from .errors import GazetteerError, InputError
from .files import Item, checked
from .model import Article, Event
from .store import Versions, current_versions

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

BATCH = 8  # articles a task: large enough to hide a task's overhead (~1 ms), small enough to spread the work
CONNECT_TIMEOUT = 10.0


class DaskError(InputError):
    """The Dask cluster cannot be reached or used: a bad address, no workers, or workers that differ."""


@dataclass(frozen=True)
class WorkerEnv:
    """What must be the same on the client and every worker: eventcoder's versions and, when the client has
    a gazetteer, its size (a worker with other GeoNames data would place events differently)."""

    versions: Versions
    gazetteer_places: int | None = None


def client_env() -> WorkerEnv:
    """This process's :class:`WorkerEnv` (the gazetteer's size only if its file exists: it is not built here)."""
    from .geo.gazetteer import Gazetteer, default_path

    path = default_path()
    places = None
    if path.exists():
        try:
            gaz = Gazetteer(path, auto_build=False)
        except GazetteerError:  # old or corrupt here: nothing to compare the workers' with
            return WorkerEnv(current_versions())
        try:
            places = gaz.count()
        finally:
            gaz.con.close()
    return WorkerEnv(current_versions(), places)


def _mismatch(own: WorkerEnv, expected: WorkerEnv, gazetteer_path: str) -> str | None:
    if own.versions != expected.versions:
        return (f"eventcoder {own.versions.eventcoder} (lexicon {own.versions.lexicon_hash}, gazetteer schema "
                f"{own.versions.gazetteer}) on the worker, eventcoder {expected.versions.eventcoder} (lexicon "
                f"{expected.versions.lexicon_hash}, gazetteer schema {expected.versions.gazetteer}) on the "
                f"client: install the same eventcoder on every worker")
    if expected.gazetteer_places is not None and own.gazetteer_places != expected.gazetteer_places:
        return (f"the worker's gazetteer {gazetteer_path} has {own.gazetteer_places:,} places, the client's "
                f"{expected.gazetteer_places:,}: copy the client's gazetteer file to the worker "
                f"(EVENTCODER_GAZETTEER names its path)")
    return None


@cache
def _prepared(expected: WorkerEnv) -> str | None:
    """On a worker, once a process: load the pipeline (spaCy, the gazetteer) and compare it with the client's.
    None when it matches, else what differs."""
    from . import nlp
    from .geo.gazetteer import default_gazetteer

    gaz = default_gazetteer()  # built here when missing, as a single process would
    nlp.segmenter()
    nlp.model()
    return _mismatch(WorkerEnv(current_versions(), gaz.count()), expected, str(gaz.path))


def _check(expected: WorkerEnv, worker: str) -> None:
    """Raise :class:`DaskError` unless this worker can code as the client would."""
    try:
        problem = _prepared(expected)
    except Exception as exc:  # noqa: BLE001 - e.g. no spaCy model, a corrupt gazetteer: no article could be coded
        raise DaskError(f"Dask worker {worker} cannot load the pipeline: {exc}") from None
    if problem:
        raise DaskError(f"Dask worker {worker} differs from the client: {problem}")


def prepare_worker(expected: WorkerEnv, dask_worker: Any = None) -> str | None:
    """Run on each worker before coding (``Client.run`` passes ``dask_worker``): None when it is ready, else
    what is wrong."""
    try:
        _check(expected, dask_worker.address if dask_worker is not None else f"pid {os.getpid()}")
    except DaskError as exc:
        return str(exc)
    return None


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except ValueError:
        return f"pid {os.getpid()}"


def code_batch(batch: list[tuple[str, Article]], expected: WorkerEnv) -> list[tuple[Event, ...] | str]:
    """The task a worker runs: for each (name, article), its events or the reason it failed (the language
    check's, or coding's), as a single process gives them."""
    _check(expected, _worker_name())
    items = [checked(Item(name, art)) for name, art in batch]
    coded = iter(code_many([art for (_, art), item in zip(batch, items, strict=True) if item.article is not None]))
    return [next(coded) if item.article is not None else (item.error or "unreadable") for item in items]


@dataclass
class _Slot:
    """One batch in flight: its articles and their results as they come (None: not yet)."""

    todo: list[tuple[Item, Article]]
    results: list[tuple[Event, ...] | str | None] = field(default_factory=list)
    missing: int = 0

    def __post_init__(self) -> None:
        self.results = [None] * len(self.todo)
        self.missing = len(self.todo)


class DaskCoder:
    """A :class:`eventcoder.batch.Coder` that codes on a Dask cluster; a context manager (it closes the client
    and, for ``local``, the cluster it started)."""

    checks_language = True

    def __init__(self, client: Client, cluster: Any = None, batch: int = BATCH, fn: Any = code_batch) -> None:
        self.client = client
        self.cluster = cluster
        self.batch = max(1, batch)
        self.fn = fn
        try:
            self.env = client_env()
            threads = sum(client.nthreads().values())
            self.window = 2 * max(threads, 1) + 2  # batches between the oldest not written and the newest sent
            try:
                answers = client.run(prepare_worker, self.env)
            except Exception as exc:  # noqa: BLE001 - e.g. a worker without eventcoder cannot unpickle the call
                raise DaskError(f"the Dask workers cannot run eventcoder ({type(exc).__name__}: {exc}); install "
                                f"eventcoder {self.env.versions.eventcoder} on every worker") from None
            problems = sorted({p for p in answers.values() if p})
            if problems:
                raise DaskError("; ".join(problems))
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskCoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, todo: Iterable[tuple[Item, Article]]) -> Iterator[Coded]:
        from distributed import as_completed

        slots: dict[int, _Slot] = {}
        running: dict[Future, tuple[int, int, int]] = {}  # future -> (slot, first article, articles)
        done = as_completed(loop=self.client.loop)
        source = _chunks(iter(todo), self.batch)
        sent = written = 0
        exhausted = False

        def submit(slot: int, start: int, n: int) -> None:
            part = slots[slot].todo[start:start + n]
            f = self.client.submit(self.fn, [(i.name, a) for i, a in part], self.env, pure=False)
            running[f] = (slot, start, n)
            done.add(f)

        try:
            while True:
                while not exhausted and sent - written < self.window:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    slots[sent] = _Slot(chunk)
                    submit(sent, 0, len(chunk))
                    sent += 1
                if written in slots and not slots[written].missing:  # the oldest batch is coded: write it
                    s = slots.pop(written)
                    written += 1
                    for (item, art), r in zip(s.todo, s.results, strict=True):
                        assert r is not None
                        yield item, art, r
                    continue
                if exhausted and written == sent:
                    return
                f = next(done)  # the oldest batch is still coding: wait for any task
                slot, start, n = running.pop(f)
                self._settle(f, slots[slot], start, n, lambda a, b, s=slot: submit(s, a, b))
        finally:
            if running:
                self.client.cancel(list(running))

    def _settle(self, f: Future, slot: _Slot, start: int, n: int, resubmit: Any) -> None:
        if f.status == "finished":
            for k, r in enumerate(f.result()):
                slot.results[start + k] = r
            slot.missing -= n
            return
        try:
            exc = f.exception()
        except BaseException as e:  # noqa: BLE001 - a cancelled future raises instead of returning it
            exc = e
        if isinstance(exc, DaskError):
            raise exc
        if n > 1:  # code the batch again one article a task: only the article at fault fails
            for k in range(n):
                resubmit(start + k, 1)
            return
        slot.results[start] = _reason(exc)
        slot.missing -= 1


def _reason(exc: BaseException | None) -> str:
    from distributed.scheduler import KilledWorker

    if isinstance(exc, KilledWorker):
        return "coding failed: the Dask worker coding it died (KilledWorker)"
    if exc is None:
        return "coding failed on a Dask worker: cancelled"
    return f"coding failed on a Dask worker: {type(exc).__name__}: {exc}"


def _chunks(it: Iterator[tuple[Item, Article]], n: int) -> Iterator[list[tuple[Item, Article]]]:
    chunk: list[tuple[Item, Article]] = []
    for x in it:
        chunk.append(x)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def local_cluster(workers: int) -> LocalCluster:
    """A Dask cluster on this machine: ``workers`` processes of one thread, every server on 127.0.0.1 (the
    scheduler's and workers' ports chosen free), no dashboard."""
    import dask
    from distributed import LocalCluster

    # one task a worker at a time: a worker that dies is blamed for the one article it was coding
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address=None,
                            # the scheduler's small HTTP server (health, metrics): a free port, not 8787
                            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})


def connect(address: str, workers: int | None = None, timeout: float = CONNECT_TIMEOUT,
            batch: int = BATCH) -> DaskCoder:
    """A :class:`DaskCoder` on ``local`` (a LocalCluster of ``workers`` processes, default one a core, one
    thread each, on 127.0.0.1, no dashboard) or on the scheduler at ``address`` (``tcp://HOST:8786``).
    Raises :class:`DaskError` when the scheduler cannot be reached in ``timeout`` seconds, has no worker
    within it, or a worker differs from this process."""
    from distributed import Client

    address = address.strip()
    cluster = None
    if workers is not None and workers < 1:
        raise DaskError(f"--dask-workers: {workers} is not a number of workers (1 or more)")
    if address == "local":
        try:
            cluster = local_cluster(workers or os.cpu_count() or 1)
        except Exception as exc:  # noqa: BLE001 - e.g. no free port, no fork/spawn allowed
            raise DaskError(f"--dask local: cannot start a Dask cluster here ({type(exc).__name__}: {exc})") from None
        client = Client(cluster, set_as_default=False)
    elif "://" in address:
        if workers is not None:
            raise DaskError("--dask-workers: only with --dask local (an existing cluster has its own workers)")
        try:
            client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskError(f"--dask {address}: cannot connect to the Dask scheduler ({exc})") from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            client.close()
            raise DaskError(f"--dask {address}: the scheduler has no worker ({exc})") from None
    else:
        raise DaskError(f"--dask: {address!r} is neither 'local' nor a scheduler address like tcp://HOST:8786")
    return DaskCoder(client, cluster, batch)  # it closes the client and cluster when the workers are not ready
