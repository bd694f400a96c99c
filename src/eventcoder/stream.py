"""Evaluate a news stream: how often eventcoder codes an event in real news that mostly holds none.

``eventcoder evaluate --stream FILE.jsonl`` reads one article a line (``text``, and optionally ``id``,
``title``, ``topic``, ``published``), codes the title and text of each, and reports the share of articles
given an event (overall and per topic), events per 100 articles, the sub-event types coded and the most
frequent (sub-event type, trigger word) pairs. ``--errors OUT`` writes every event with its sentence (CSV),
for reading what was coded.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFileError
from .runner import run_many

MAX_ARTICLES = 1_000_000


@dataclass(frozen=True)
class StreamArticle:
    id: str
    text: str
    topic: str
    published: dt.date | None


@dataclass
class StreamReport:
    scores: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)


def load_stream(path: Path, published: dt.date | None = None) -> list[StreamArticle]:
    """Read and check a JSONL stream: one error naming the line and key of the first bad value."""
    if not path.is_file():
        raise GoldFileError(f"{path}: no such file")
    out: list[StreamArticle] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"{path}: line {n}: not a JSON object ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise GoldFileError(f"{path}: line {n}: not a JSON object")
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                raise GoldFileError(f"{path}: line {n}, key text: missing or empty")
            pub = published
            if obj.get("published"):
                try:
                    pub = dt.date.fromisoformat(str(obj["published"])[:10])
                except ValueError:
                    raise GoldFileError(f"{path}: line {n}, key published: bad date {obj['published']!r}") from None
            title = obj.get("title") or ""
            body = f"{title.strip()}\n\n{text}" if isinstance(title, str) and title.strip() else text
            out.append(StreamArticle(str(obj.get("id", n)), body, str(obj.get("topic") or ""), pub))
            if len(out) > MAX_ARTICLES:
                raise GoldFileError(f"{path}: over {MAX_ARTICLES:,} articles")
    if not out:
        raise GoldFileError(f"{path}: no articles")
    return out


def _code(a: StreamArticle) -> list[dict[str, Any]]:
    from .model import Article
    from .pipeline import code_article

    r = code_article(Article(a.text, a.published, id=a.id))
    sents = r.document.sentences
    return [{"article": a.id, "topic": a.topic, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
             "trigger": e.trigger.text if e.trigger else "", "country": e.place.country if e.place else "",
             "sentence": sents[e.trigger.sentence].text if e.trigger else ""} for e in r.events]


def run_stream(path: Path, published: dt.date | None = None, jobs: int = 1, progress: bool = False,
               errors_path: Path | None = None, limit: int | None = None) -> StreamReport:
    arts = load_stream(path, published)
    if limit:
        arts = arts[:limit]
    found = run_many(_code, arts, jobs, progress, "coding the stream")
    events = [e for evs in found for e in evs]
    report = StreamReport(score_stream(arts, found), events)
    if errors_path is not None:
        write_events(errors_path, events)
    return report


def score_stream(arts: list[StreamArticle], found: list[list[dict[str, Any]]]) -> dict[str, Any]:
    n = len(arts)
    with_event = sum(1 for f in found if f)
    topics: dict[str, dict[str, Any]] = {}
    for a, f in zip(arts, found, strict=True):
        if not a.topic:
            continue
        t = topics.setdefault(a.topic, {"articles": 0, "with_event": 0})
        t["articles"] += 1
        t["with_event"] += bool(f)
    for t in topics.values():
        t["share_with_event"] = round(t["with_event"] / t["articles"], 4)
    events = [e for f in found for e in f]
    pairs = Counter((e["sub_event_type"], e["trigger"].lower()) for e in events)
    return {
        "articles": n,
        "with_event": with_event,
        "share_with_event": round(with_event / n, 4),
        "events": len(events),
        "events_per_100_articles": round(100 * len(events) / n, 2),
        "by_topic": dict(sorted(topics.items())),
        "sub_event_types": dict(Counter(e["sub_event_type"] for e in events).most_common()),
        "top_triggers": [{"sub_event_type": s, "trigger": t, "events": k} for (s, t), k in pairs.most_common(20)],
    }


def write_events(path: Path, events: list[dict[str, Any]]) -> None:
    cols = ["article", "topic", "event_type", "sub_event_type", "trigger", "country", "sentence"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(events)


def print_stream(report: StreamReport, console) -> None:  # noqa: ANN001
    from rich.table import Table

    s = report.scores
    console.print(f"{s['articles']} articles; given an event: {s['with_event']} ({s['share_with_event']:.3f}); "
                  f"{s['events']} events, {s['events_per_100_articles']:.1f} per 100 articles")
    if s["by_topic"]:
        t = Table(title="by topic")
        for c in ("topic", "articles", "with an event", "share"):
            t.add_column(c)
        for name, v in s["by_topic"].items():
            t.add_row(name, str(v["articles"]), str(v["with_event"]), f"{v['share_with_event']:.3f}")
        console.print(t)
    t = Table(title="most frequent (sub-event type, trigger)")
    for c in ("sub-event type", "trigger", "events"):
        t.add_column(c)
    for row in s["top_triggers"]:
        t.add_row(row["sub_event_type"], row["trigger"], str(row["events"]))
    console.print(t)
