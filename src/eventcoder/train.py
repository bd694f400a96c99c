"""Learn the sub-event classifier from a user's own coded notes, and combine it with the rules.

``train`` runs the rules over every coded note of a gold CSV in ACLED's format, then fits a
scikit-learn pipeline (TF-IDF of words, word pairs and character n-grams, plus the rules' answer as
one more feature -> class-balanced multinomial logistic regression) and saves it with skops (never
pickle). Because the rules' answer is a feature, the model learns where this user's coding agrees with the rules and where
it does not. At run time, sentence by sentence:

- the rules found an event of type R: the model reads the sentence's paragraph (it was trained on
  whole notes) and R; its type M replaces R only where M differs and the model gives it probability
  >= ``override_threshold`` (default 0.3), keeping the rule's trigger as evidence;
- the rules found nothing: the model's type is used where its probability is >= ``new_threshold``
  (default 0.6), with the whole sentence as evidence;
- otherwise the rules' result stands.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import GoldFileError, ModelFileError
from .extract.classify import Classification

FORMAT = "eventcoder-model"
VERSION = 1
DEFAULT_NEW_THRESHOLD = 0.6
DEFAULT_OVERRIDE_THRESHOLD = 0.3


@dataclass(frozen=True)
class TrainedModel:
    """A learned sentence classifier plus how far to trust the rules (implements ``SentenceClassifier``)."""

    pipeline: Any
    new_threshold: float = DEFAULT_NEW_THRESHOLD
    override_threshold: float = DEFAULT_OVERRIDE_THRESHOLD
    trained_on: int = 0

    def _predict(self, texts: list[str]) -> list[tuple[str, float]]:
        probs = self.pipeline.predict_proba(texts)
        classes = self.pipeline.classes_
        best = probs.argmax(axis=1)
        return [(str(classes[b]), float(probs[i, b])) for i, b in enumerate(best)]

    def judge(self, sentences: list[str]) -> list[tuple[str, float]]:
        """The model's type and probability for each sentence, as if the rules had found nothing."""
        return self._predict([with_rule(s, None) for s in sentences]) if sentences else []

    def wants(self, judged: tuple[str, float]) -> bool:
        return judged[1] >= self.new_threshold

    def combine(self, text: str, rule: Classification | None, judged: tuple[str, float],
                context: str | None = None) -> Classification | None:
        """Rules and model for one sentence; ``context``, its paragraph, is what the model reads where the
        rules found an event (the model was trained on whole coded notes)."""
        if rule is None:
            label, p = judged
            return Classification(label, 0, len(text), p) if p >= self.new_threshold else None
        label, p = self._predict([with_rule(context or text, rule.sub_event_type)])[0]
        if label != rule.sub_event_type and p >= self.override_threshold:
            return Classification(label, rule.trigger_start, rule.trigger_end, p)
        return rule


def with_rule(text: str, rule_label: str | None) -> str:
    """The model's input: the text plus one token naming the rules' answer."""
    return f"{text} zzrule{re.sub(r'[^A-Za-z]', '', rule_label or 'none')}"


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


def save(model: TrainedModel, path: Path) -> None:
    import skops.io as sio

    sio.dump({"format": FORMAT, "version": VERSION, "pipeline": model.pipeline,
              "new_threshold": float(model.new_threshold), "override_threshold": float(model.override_threshold),
              "trained_on": int(model.trained_on), "created": dt.datetime.now(dt.UTC).isoformat()}, path)


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: float) -> TrainedModel:
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    p = Path(path)
    try:
        obj = sio.load(p)  # only types skops trusts by default: sklearn, numpy, scipy, builtins
    except UntrustedTypesFoundException as exc:
        raise ModelFileError(f"{p}: refusing to load a model with untrusted types ({exc})") from None
    except Exception as exc:  # zip/json/format errors of many kinds
        raise ModelFileError(f"{p}: not an eventcoder model file ({type(exc).__name__}); make one with "
                             f"`eventcoder train`") from None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise ModelFileError(f"{p}: not an eventcoder model file (a skops file of another kind)")
    if obj.get("version") != VERSION:
        raise ModelFileError(f"{p}: model format version {obj.get('version')!r}, this eventcoder reads "
                             f"version {VERSION}; retrain it with `eventcoder train`")
    pipe = obj.get("pipeline")
    if not hasattr(pipe, "predict_proba") or not hasattr(pipe, "classes_"):
        raise ModelFileError(f"{p}: the model file holds no fitted classifier")
    from .extract.taxonomy import SUB_EVENT_TYPES

    unknown = [c for c in pipe.classes_ if c not in SUB_EVENT_TYPES]
    if unknown:
        raise ModelFileError(f"{p}: the model predicts unknown sub-event types: {unknown[:3]}")
    return TrainedModel(pipe, float(obj.get("new_threshold", DEFAULT_NEW_THRESHOLD)),
                        float(obj.get("override_threshold", DEFAULT_OVERRIDE_THRESHOLD)), int(obj.get("trained_on", 0)))


def load_model(path: Path) -> TrainedModel:
    """Load a model made by ``eventcoder train`` (skops format; untrusted types are refused)."""
    if not path.is_file():
        raise ModelFileError(f"{path}: no such model file")
    return _load_cached(str(path.resolve()), path.stat().st_mtime)


def _rule_labels(rows: list[dict[str, str]], jobs: int, progress: bool) -> list[str | None]:
    from .evaluate import predict_rows

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

    from .evaluate import predict_rows, score

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
