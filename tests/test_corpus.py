"""The hand-written corpus (tests/corpus): 44 articles with their expected events, 12 negatives.

Event-level scores over the whole corpus are a regression floor (the measured level when this test was
written, see docs/accuracy.md); raise the floors as extraction improves, never lower them.
"""

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

import eventcoder

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted((CORPUS / "expected").glob("*.json"))


def _run(path: Path):
    exp = json.loads(path.read_text())
    text = (CORPUS / "articles" / (path.stem + ".txt")).read_text()
    events = eventcoder.extract(text, dt.date.fromisoformat(exp["published"]))
    return exp, events


def corpus_scores() -> dict[str, float]:
    tp = fp = fn = 0
    neg_fp = 0
    for f in FILES:
        exp, events = _run(f)
        want = Counter((e["sub_event_type"], e["event_date"]) for e in exp["events"])
        got = Counter((e.sub_event_type, e.date.date.isoformat() if e.date.date else None) for e in events)
        hit = sum((want & got).values())
        tp += hit
        fp += sum(got.values()) - hit
        fn += sum(want.values()) - hit
        if not exp["events"]:
            neg_fp += len(events)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "negative_fp": neg_fp}


def test_corpus_is_complete():
    assert len(FILES) >= 50
    negatives = [f for f in FILES if not json.loads(f.read_text())["events"]]
    assert len(negatives) >= 10
    types = {e["sub_event_type"] for f in FILES for e in json.loads(f.read_text())["events"]}
    assert len(types) == 25


def test_corpus_event_scores_floor():
    s = corpus_scores()
    assert s["recall"] >= 0.90, s
    assert s["precision"] >= 0.78, s
    assert s["negative_fp"] == 0, s


NEGATIVES = sorted(f.stem for f in FILES if not json.loads(f.read_text())["events"])


@pytest.mark.parametrize("slug", NEGATIVES)
def test_negative_article_gives_no_event(slug):
    """Sports 'attacks', political 'clashes', killed bills, history pieces, threats, court reports of old
    events: none of them is a new conflict event."""
    _, events = _run(CORPUS / "expected" / f"{slug}.json")
    assert [(e.sub_event_type, e.notes) for e in events] == []


@pytest.mark.parametrize("slug", ["a_so_mogadishu_teashop_bombing", "b_santiago_students_march_valparaiso",
                                  "a_ml_kidal_drone_strike"])
def test_repeated_body_adds_no_event(slug):
    exp, events = _run(CORPUS / "expected" / f"{slug}.json")
    text = (CORPUS / "articles" / f"{slug}.txt").read_text()
    lines = text.split("\n", 1)
    doubled = lines[0] + "\n" + lines[1] + "\n" + lines[1]
    again = eventcoder.extract(doubled, dt.date.fromisoformat(exp["published"]))
    assert [e.sub_event_type for e in again] == [e.sub_event_type for e in events]


def test_restating_sentences_add_no_event():
    text = ("Gunmen stormed a village near Gao on Monday and killed seven farmers, officials said. "
            "The attack was claimed by a local jihadist group. "
            "\"We counted nine dead,\" a local official said. "
            "Two rifles were recovered at the scene.")
    events = eventcoder.extract(text, dt.date(2024, 3, 15))
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].fatalities.count == 7
    assert len(events[0].sentences) >= 3
