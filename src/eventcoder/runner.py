"""The batch runner: code many texts, in this process or in a pool of worker processes.

``evaluate``, ``train`` (and later the store and the Dask runner) call ``run_many``/``predict_rows`` rather
than looping over ``extract`` themselves. Workers load spaCy, the gazetteer and the user's model once each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from .model import Event

BATCH = 16  # rows coded together (their kept sentences share NER batches)
T = TypeVar("T")
R = TypeVar("R")


def published_of(row: dict[str, str]) -> dt.date | None:
    ts = row.get("timestamp", "")
    if ts:
        try:
            return dt.datetime.fromtimestamp(float(ts), dt.UTC).date()
        except (ValueError, OverflowError):
            pass
    ed = row.get("event_date", "")
    return dt.date.fromisoformat(ed[:10]) if ed else None


def summary(e: Event) -> dict[str, Any]:
    p = e.place
    return {"event_type": e.event_type, "sub_event_type": e.sub_event_type, "inter1": e.actor1.inter,
            "admin1": p.admin1 if p else None, "country": p.country if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None, "event_date": e.date.date.isoformat() if e.date.date else None,
            "fatalities": e.fatalities.count, "actor1": e.actor1.name, "location": p.name if p else None}


def events_of(args: tuple[str, dt.date | None, str | None]) -> list[dict[str, Any]]:
    from .model import Article
    from .pipeline import code_article

    text, pub, model_path = args
    classifier = None
    if model_path:
        from .classifier import load_model

        classifier = load_model(Path(model_path))
    return [summary(e) for e in code_article(Article(text, pub), classifier=classifier).events]


def _main_event(args: tuple[str, dt.date | None, str | None]) -> dict[str, Any] | None:
    found = events_of(args)
    return found[0] if found else None


def _main_events(rows: list[tuple[str, dt.date | None, str | None]]) -> list[dict[str, Any] | None]:
    """``_main_event`` of each row, NER batched over them (``pipeline.code_articles``): the same events."""
    from .model import Article
    from .pipeline import code_articles

    classifier = None
    model_path = rows[0][2] if rows else None
    if model_path:
        from .classifier import load_model

        classifier = load_model(Path(model_path))
    out = []
    for r in code_articles([Article(text, pub) for text, pub, _ in rows], classifier=classifier):
        out.append(summary(r.events[0]) if r.events else None)
    return out


def run_many(fn: Callable[[T], R], args: list[T], jobs: int = 1, progress: bool = False,
             what: str = "coding", chunksize: int = 8) -> list[R]:
    """``[fn(a) for a in args]``, in order, over ``jobs`` worker processes (``fn`` must be importable; each
    worker is sent ``chunksize`` arguments at a time), with a progress bar where asked."""
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as ex:
            it = ex.map(fn, args, chunksize=chunksize)
            if progress:
                from rich.progress import track

                it = track(it, total=len(args), description=what)
            return list(it)
    if progress:
        from rich.progress import track

        return [fn(a) for a in track(args, description=what)]
    return [fn(a) for a in args]


def predict_rows(rows: list[dict[str, str]], model_path: Path | None = None, jobs: int = 1,
                 progress: bool = False) -> list[dict[str, Any] | None]:
    """The main event the pipeline codes for each gold row's notes (None where it codes nothing)."""
    if model_path is not None:
        from .classifier import load_model

        load_model(model_path)  # fail early, in this process, on a bad model file
    args = [(r["notes"], published_of(r), str(model_path) if model_path else None) for r in rows]
    chunks = [args[i:i + BATCH] for i in range(0, len(args), BATCH)]
    return [e for found in run_many(_main_events, chunks, jobs, progress, "evaluating", chunksize=1) for e in found]


