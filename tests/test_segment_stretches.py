"""Segmenting from the tokens around the sentence-final characters only (``nlp.sentence_spans``) gives the
sentences the tokens of the whole text give, and spaCy's own sentencizer."""

import random
import re
import sys

import pytest

from eventcoder import nlp

ARTICLES = [
    # written for this test: datelines, quotes, abbreviations, times, emoticons, odd whitespace, other scripts
    "MOGADISHU, Somalia (AP) — A car bomb exploded near a checkpoint on Tuesday. \"We heard a huge blast,\" said "
    "Abdi Hassan, a shopkeeper. At least 6 people died, police said.\n\nAl-Shabab claimed the attack.",
    "Mr. Okafor, 54, left Lagos at 10 a.m. on Friday. He arrived at 3p.m. in Abuja (about 500 km away).",
    "Shares of Acme Corp. rose 3.5% to $12.40... Analysts were pleased!! Was it luck? Maybe :) Nobody knows.",
    "The U.S. and U.K. envoys met.\tThen  they  spoke.\u00a0Officials said 'no comment'. End",
    "Protesters chanted \u201cNo more!\u201d \u2014 then dispersed.\u2026 Police watched. (Reuters)",
    "\u0627\u062d\u062a\u062c \u0627\u0644\u0645\u062a\u0638\u0627\u0647\u0631\u0648\u0646\u061f "
    "\u0646\u0639\u0645\u3002 Later: calm. \u0928\u0939\u0940\u0902\u0964 Yes.",
    "  Leading spaces. And a trailing one. ",
    "No sentence-final character at all in this line",
    "Ends with punctuation only . . . \" ) --",
    "Wait . \" ( -_- ) \" Really ? ! Gen . Smith said so .",
    "Scores: 2-1. Att: 45,000. Ref: J. Doe. Weather: 20\u00b0C.\n",
    "",
    " ",
    ".",
    "\n\n",
]


@pytest.mark.parametrize("text", ARTICLES)
def test_the_stretches_give_the_whole_texts_sentences(text):
    expected = [(s.start_char, s.end_char) for s in nlp.segmenter()(text).sents]
    assert nlp._all_sentence_spans(text) == expected
    assert nlp.sentence_spans(text) == expected


def test_only_the_stretches_around_sentence_ends_are_tokenized(monkeypatch):
    seg = nlp.segmenter()
    text = ARTICLES[0]
    whole = nlp._all_sentence_spans(text)
    seen: list[str] = []
    real = seg.make_doc

    def spy(t):
        seen.append(t)
        return real(t)

    monkeypatch.setattr(seg, "make_doc", spy)
    assert nlp.sentence_spans(text) == whole
    assert len(seen) == 1 and len(seen[0]) < len(text) / 2
    assert "car bomb" not in seen[0] and "Tuesday." in seen[0]


def test_the_pattern_whitespace_is_the_tokenizers():
    # the tokenizer splits at str.isspace; the stretches are found with re's \s
    bad = [i for i in range(sys.maxunicode + 1) if chr(i).isspace() != bool(re.match(r"\s", chr(i)))]
    assert bad == []


def _exception_texts(seed: int, n: int) -> list[str]:
    """Texts of the pieces the tokenizer's exceptions split into, with and without spaces between (where a
    special-case match may run from one chunk into the next)."""
    from spacy.tokenizer import Tokenizer

    tok = nlp.segmenter().tokenizer
    bare = Tokenizer(tok.vocab, rules={}, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                     infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)
    multi = [p for p in ([t.text for t in bare(k)] for k in tok.rules) if len(p) > 1]
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 6)):
            for piece in rnd.choice(multi):
                parts += [piece, rnd.choice(["", "", " ", ". ", "."])]
            parts.append(rnd.choice([" ", ". ", "! ", "", "\n"]))
        out.append("".join(parts))
    return out


def test_exceptions_split_across_chunks_give_the_same_sentences():
    texts = _exception_texts(7, 12000)
    assert [nlp.sentence_spans(t) for t in texts] == [nlp._all_sentence_spans(t) for t in texts]


def test_without_widening_at_an_exceptions_edge_the_sentences_would_differ(monkeypatch):
    # the widening is needed: a special-case match over a stretch's edge changes the tokens inside
    text = "\u00b0 k.Who 's\n'.S"
    assert nlp.sentence_spans(text) == nlp._all_sentence_spans(text)
    monkeypatch.setattr(nlp, "_may_join", lambda before, after: False)
    assert nlp.sentence_spans(text) != nlp._all_sentence_spans(text)


def test_random_texts_of_words_marks_and_whitespace():
    tok = nlp.segmenter().tokenizer
    keys = [k for k in tok.rules if not k.isspace()]
    pieces = ["(", ")", "'", "''", "'s", ":", "a.m.", "Gen.", ".", "!", "?", '"', "\u201c", "\u201d", "...",
              "\u2026", "\u3002", "--", "said", "He", "O", "D.", "U.S.", "end.The", "9", "\u2014", "\u2019", ":)"]
    spaces = [" ", " ", " ", "", "\n", "  ", "\u00a0", "\t", " \n"]
    rnd = random.Random(16)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces if rnd.random() < 0.7 else keys) + rnd.choice(spaces)
                       for _ in range(rnd.randint(1, 14)))
        assert nlp.sentence_spans(text) == nlp._all_sentence_spans(text), text
