"""Learn the sub-event classifier from a user's own coded notes.

``train`` runs the rules over every coded note of a gold CSV in ACLED's format, then fits a
scikit-learn pipeline (TF-IDF of words, word pairs and character n-grams, plus the rules' answer as
one more feature -> class-balanced multinomial logistic regression) and saves it with skops (never
pickle). Because the rules' answer is a feature, the model learns where this user's coding agrees with the
rules and where it does not. How the model is loaded and combined with the rules, sentence by sentence:
:mod:`eventcoder.classifier`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from .classifier import (  # noqa: F401  (re-exported: the trained model's public home was train)
    DEFAULT_NEW_THRESHOLD,
    DEFAULT_OVERRIDE_THRESHOLD,
    FORMAT,
    VERSION,
    TrainedModel,
    load_model,
    save,
    with_rule,
)
from .errors import GoldFileError
from .runner import predict_rows


def _pipeline():  # noqa: ANN202
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    return Pipeline([
        ("features", FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.9, strip_accents="unicode")),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        ])),
        ("clf", LogisticRegression(C=30.0, max_iter=3000, class_weight="balanced")),
    ])


def fit(notes: list[str], labels: list[str], rule_labels: list[str | None],
        new_threshold: float = DEFAULT_NEW_THRESHOLD) -> TrainedModel:
    """Fit on coded notes; ``rule_labels`` are the rules' answers for the same notes (None: no event)."""
    if len(set(labels)) < 2:
        raise GoldFileError("training needs notes of at least two sub-event types")
    pipe = _pipeline()
    pipe.fit([with_rule(n, r) for n, r in zip(notes, rule_labels, strict=True)], labels)
    return TrainedModel(pipe, new_threshold, DEFAULT_OVERRIDE_THRESHOLD, len(notes))



def _rule_labels(rows: list[dict[str, str]], jobs: int, progress: bool) -> list[str | None]:
    return [p["sub_event_type"] if p else None for p in predict_rows(rows, None, jobs, progress)]


def train(gold: Path, out: Path, cv: int = 0, jobs: int = 1, progress: bool = False,
          new_threshold: float = DEFAULT_NEW_THRESHOLD) -> dict[str, Any]:
    """Fit on every row of ``gold`` and save to ``out``; with ``cv`` >= 2 also report k-fold scores."""
    from .evaluate import load_gold

    if not 0.0 < new_threshold <= 1.0:
        raise GoldFileError(f"--new-threshold must be in (0, 1], got {new_threshold}")
    rows = load_gold(gold).to_dict("records")
    if len(rows) < 10:
        raise GoldFileError(f"{gold}: {len(rows)} rows; training needs at least 10 coded notes")
    rules = _rule_labels(rows, jobs, progress)
    notes = [r["notes"] for r in rows]
    labels = [r["sub_event_type"] for r in rows]
    info: dict[str, Any] = {"model": str(out), "trained_on": len(rows), "classes": len(set(labels))}
    if cv >= 2:
        info["cross_validated"] = cross_validate(rows, rules, cv, jobs, progress, new_threshold).scores
    model = fit(notes, labels, rules, new_threshold)
    out.parent.mkdir(parents=True, exist_ok=True)
    save(model, out)
    return info


def cross_validate(rows: list[dict[str, str]], rules: list[str | None], k: int, jobs: int = 1, progress: bool = False,
                   new_threshold: float = DEFAULT_NEW_THRESHOLD):  # noqa: ANN201
    """k-fold: train on k-1 folds, score the full pipeline (rules + model) on the held-out fold."""
    from collections import Counter

    from sklearn.model_selection import KFold, StratifiedKFold

    from .evaluate import score

    labels = [r["sub_event_type"] for r in rows]
    if min(Counter(labels).values()) >= k:
        splits = StratifiedKFold(k, shuffle=True, random_state=0).split(rows, labels)
    else:
        splits = KFold(k, shuffle=True, random_state=0).split(rows)
    preds: list[dict[str, Any] | None] = [None] * len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        for fold, (tr, te) in enumerate(splits):
            tr_labels = [labels[i] for i in tr]
            if len(set(tr_labels)) < 2:
                raise GoldFileError("too few coded notes for cross-validation")
            model = fit([rows[i]["notes"] for i in tr], tr_labels, [rules[i] for i in tr], new_threshold)
            path = Path(tmp) / f"fold{fold}.skops"
            save(model, path)
            for i, p in zip(te, predict_rows([rows[i] for i in te], path, jobs, progress), strict=True):
                preds[i] = p
    return score(rows, preds)
