"""Geoparsing accuracy on the hand-written paragraphs in tests/geo/paragraphs.json (see bench/geo_eval.py)."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "geo" / "paragraphs.json"


def _bench():
    spec = importlib.util.spec_from_file_location("geo_eval", ROOT / "bench" / "geo_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_paragraphs_are_well_formed():
    paras = json.loads(DATA.read_text(encoding="utf-8"))["paragraphs"]
    assert len(paras) >= 35
    ccs = set()
    for p in paras:
        assert p["toponyms"], p["id"]
        for g in p["toponyms"]:
            assert p["text"][g["start"]:g["end"]] == g["name"], (p["id"], g)
            assert -90 <= g["latitude"] <= 90 and -180 <= g["longitude"] <= 180
            ccs.add(g["country_code"])
    assert len(ccs) >= 30


@pytest.fixture(scope="module")
def scores():
    return _bench().score()


def test_toponym_recall(scores):
    assert scores["recall"] >= 0.96


def test_accuracy_within_161km(scores):
    assert scores["accuracy_161km"] >= 0.94
    assert scores["accuracy_161km_all"] >= 0.92


def test_predicted_toponyms_are_mostly_places(scores):
    assert scores["precision"] >= 0.92


def test_scoring_can_fail():
    """A geoparser that puts everything at 0,0 scores near zero: the floors above mean something."""
    def null(text):
        return [{"start": 0, "end": len(text), "latitude": 0.0, "longitude": 0.0}]
    s = _bench().score(null)
    assert s["accuracy_161km"] < 0.05
