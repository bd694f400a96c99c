"""A user's trained sentence classifier (made by ``eventcoder train``): load it, and combine it with the rules.

At run time, sentence by sentence:

- the rules found an event of type R: the model reads the sentence's paragraph (it was trained on
  whole notes) and R; its type M replaces R only where M differs and the model gives it probability
  >= ``override_threshold`` (default 0.3), keeping the rule's trigger as evidence;
- the rules found nothing: the model's type is used where its probability is >= ``new_threshold``
  (default 0.6), with the whole sentence as evidence;
- otherwise the rules' result stands.

Saved with skops (never pickle); untrusted types are refused on load.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ModelFileError
from .extract.classify import Classification
from .extract.taxonomy import SUB_EVENT_TYPES

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
