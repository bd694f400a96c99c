"""The speed-ups that must not change a match: the indexed prefilter and the lower-cased twins of the actors'
case-insensitive patterns find exactly what the plain patterns find."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import knowledge
from eventcoder.extract import actors

SENTENCES = [
    "Gunmen killed five villagers in an attack on Tuesday night near Maiduguri.",
    "The football club's attack was blunt and the striker missed twice.",
    "Police fired tear gas at protesters who had gathered outside parliament in Nairobi.",
    "An airstrike and two air strikes hit the town; air-strikes were reported again.",
    "Protesters marched 3 km to the ministry; the march, 2 hours long, ended peacefully.",
    "The minister signed a memorandum of understanding on trade.",
    "Self-detonating drones struck a depot, and a suicide-bomber blew himself up.",
    "A counter-attack by re-armed fighters; anti-protest laws; ex-soldiers rallied.",
    "ſoldiers and ſuicide bombers: a long s that re.I reads as an s.",
    "İnsurgents and mılitants, KILLED with a dotless i and a capital I with a dot.",
    "SOLDIERS OPENED FIRE ON DEMONSTRATORS IN THE CAPITAL.",
    "Stocks rose 2% as the central bank held rates; nothing violent happened.",
    "The Kelvin sign \u212a and the Angstrom sign \u212b: K-troops shelled the \u212aarabakh line.",
    "",
    "-attack attack- _attack 9attack attack9",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_indexed_prefilter_passes_the_sentences_the_one_pattern_passes(text):
    assert knowledge.prefilter().passes(text) == bool(knowledge.prefilter_pattern().search(text))


WORDS = ["attack", "Attack", "killed", "air", "strikes", "-", " ", ",", "march", "ed", "ſ", "İ", "ı", "K", "\u212a",
         "police", "fired", "tear", "gas", "re", "counter", "protest", "ers", "the", "drone", "s", "9", "_", "é",
         "soldiers", "gunmen", "mob", "crowds", "a", "of", "militia", "Rapid Action Battalion", "Army", "ARMY"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map("".join))
def test_the_prefilter_agrees_on_any_string_of_trigger_pieces(text):
    assert knowledge.prefilter().passes(text) == bool(knowledge.prefilter_pattern().search(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join))
def test_the_actor_patterns_twins_find_the_same_matches(text):
    for fp in (actors._MIL_RX, actors._POL_RX, actors._COMM_RX, actors._UNID_RX, actors._PROT_RX, actors._RIOT_RX):
        plain = [(m.span(), m.span("n"), m.group("n"), m.group(0)) for m in fp.rx.finditer(text)]
        assert [(m.span(), m.span("n"), m.group("n"), m.group(0)) for m in fp.finditer(text)] == plain


def test_every_actor_pattern_has_a_lower_cased_twin():
    for fp in (actors._MIL_RX, actors._POL_RX, actors._COMM_RX, actors._UNID_RX, actors._PROT_RX, actors._RIOT_RX):
        assert fp._pair()[1] is not None


def test_pattern_starts_of_alternations_optional_words_and_classes():
    assert knowledge.pattern_starts("air ?strikes?") == {"air"}
    assert knowledge.pattern_starts("(?:armed |kamikaze )?drones?") == {"arm", "kam", "dro"}
    assert knowledge.pattern_starts("VX(?: gas)?") == {"vx"}
    assert knowledge.pattern_starts("(?<!\\d )march(?:ed)?") == {"mar"}
    assert knowledge.pattern_starts("gunm[ae]n") == {"gun"}
    assert knowledge.pattern_starts("[a-z]+ attack") is None  # a class of 26 is indexed by each
    assert knowledge.pattern_starts("\\w+ attack") is None
    assert knowledge.pattern_starts("(?:x)?") is None  # may match the empty string


def test_a_trigger_whose_start_cannot_be_told_is_searched_for_everywhere():
    pf = knowledge.Prefilter.build(["\\w+ed the town", "riots?"])
    assert pf.always == ("\\w+ed the town",)
    assert pf.passes("They shelled the town.") and pf.passes("Riots broke out.")
    assert not pf.passes("They visited the city.")


def test_a_users_extra_trigger_reaches_the_prefilter(tmp_path, monkeypatch):
    (tmp_path / "lexicon.json").write_text('{"triggers": {"Looting/property destruction": ["zorbled"]}}')
    monkeypatch.setenv("EVENTCODER_DATA", str(tmp_path))
    for f in (knowledge.lexicon, knowledge.prefilter, knowledge.prefilter_pattern):
        f.cache_clear()
    try:
        assert knowledge.prefilter().passes("Officials zorbled the files.")
        assert not knowledge.prefilter().passes("Officials zorbles the files.")
    finally:
        for f in (knowledge.lexicon, knowledge.prefilter, knowledge.prefilter_pattern):
            f.cache_clear()


def test_lower_source_refuses_what_lowering_would_change():
    assert knowledge.lower_source("(?P<n>Rapid Action|\\W+[A-Z]\\b)") == "(?P<n>rapid action|\\W+[a-z]\\b)"
    assert knowledge.lower_source("(?-i:VX)") is None
    assert knowledge.lower_source("\\x41rmy") is None
    assert knowledge.lower_source("[A-z]") is None
    assert knowledge.lower_source("Ärzte") is None


def test_a_folded_pattern_gives_the_original_texts_groups():
    fp = knowledge.FoldedPattern(r"(?P<n>(?:riot\s+)?police)\b")
    m = fp.search("Then RIOT Police arrived")
    assert m is not None and m.group("n") == "RIOT Police" and m.span() == (5, 16)
    assert [x.group(0) for x in fp.finditer("police, Police, ſpolice")] == [
        x.group(0) for x in re.finditer(fp.pattern, "police, Police, ſpolice", re.I)]
    assert knowledge.fold("ſ") is None and knowledge.fold("Straße") == "straße"


def _corpus_articles(n: int):
    import datetime as dt
    import json
    from pathlib import Path

    from eventcoder.model import Article

    d = Path(__file__).parent / "corpus"
    out = []
    for f in sorted((d / "articles").glob("*.txt"))[:n]:
        pub = json.loads((d / "expected" / (f.stem + ".json")).read_text()).get("published")
        out.append(Article(f.read_text(), dt.date.fromisoformat(pub) if pub else None, id=f.stem))
    return out


def test_code_articles_gives_each_article_what_code_article_gives():
    from eventcoder.model import Article
    from eventcoder.pipeline import code_article, code_articles

    arts = _corpus_articles(20)
    arts.insert(3, Article("Shares in the retailer rose 4% on Tuesday after strong holiday sales.", None, id="calm"))
    batched = list(code_articles(arts, batch=7))
    assert [r.document.article.id for r in batched] == [a.id for a in arts]
    assert sum(len(r.events) for r in batched) > 10
    for a, r in zip(arts, batched, strict=True):
        one = code_article(a)
        assert [e.to_dict() for e in r.events] == [e.to_dict() for e in one.events]
        assert [d.to_dict() for d in r.diagnostics] == [d.to_dict() for d in one.diagnostics]
        assert r.document.sentences == one.document.sentences


def test_code_many_gives_a_failing_article_its_reason_and_the_others_their_events(monkeypatch):
    from eventcoder import batch, pipeline
    from eventcoder.model import Article

    arts = _corpus_articles(3)
    real = pipeline.find_mentions

    def boom(doc):
        if "BOOM" in doc.article.body:
            raise ValueError("a broken rule")
        return real(doc)

    monkeypatch.setattr(pipeline, "find_mentions", boom)
    bad = Article("BOOM. Gunmen attacked a police post in Maiduguri on Monday, killing two officers.", None, id="b")
    out = batch.code_many([arts[0], bad, arts[1], arts[2]])
    assert out[1] == "coding failed: ValueError: a broken rule"
    assert [len(x) for x in (out[0], out[2], out[3])] == [len(batch.code(a)) for a in arts]
    assert all(isinstance(x, tuple) for x in (out[0], out[2], out[3]))


@pytest.mark.parametrize("text", [
    "", "   ", "One.", 'Hi!!! ... "Yes." No', "a\n\nb. c", "Dr. Smith arrived at 5 p.m. He left?! Then: silence…",
    "KABUL, Afghanistan — A blast hit a minibus. Two died. (Reuters)", "No full stop at all",
    "Numbers 3.5 and U.S. forces. End.\n\nNew paragraph!",
])
def test_sentence_spans_are_the_sentencizers_sentences(text):
    from eventcoder.nlp import segmenter, sentence_spans

    assert sentence_spans(text) == [(s.start_char, s.end_char) for s in segmenter()(text).sents]


def test_the_ner_model_keeps_spacys_tokenizer_when_the_stored_one_is_the_same():
    from eventcoder import nlp

    m = nlp.model()
    assert nlp._stored_tokenizer_is_built(m)
    assert [t.text for t in m.tokenizer("U.S.-led forces can't re-enter Ras al-Ain, 3km away.")] == [
        "U.S.-led", "forces", "ca", "n't", "re", "-", "enter", "Ras", "al", "-", "Ain", ",", "3", "km", "away", "."]
