"""An article none of whose sentences the prefilter keeps gets no NER, no country context, no actors, no places
and no dates, and codes just as the whole pipeline codes it (no events, no diagnostics, the same sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder import pipeline
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline, code_article, code_articles

QUIET = [  # no trigger word in any sentence
    Article("The central bank of Chile held its main rate at 5.5% on Tuesday. Economists had expected the "
            "decision. The peso rose slightly against the dollar, and copper prices were steady.", dt.date(2026, 3, 4),
            id="chile-rates"),
    Article("Rain is forecast across northern Italy this weekend. Farmers in the Po valley welcomed it after a dry "
            "spring.\n\nThe weather service said temperatures would fall by five degrees.", None, id="italy-rain"),
    Article("Kenya's national museum opened a new gallery of Turkana fossils. Curators said 40,000 visitors were "
            "expected in the first month.", dt.date(2026, 5, 1), id="kenya-museum"),
]
EVENTFUL = [
    Article("MAIDUGURI, Nigeria - Gunmen killed five villagers in an attack on Tuesday night near Maiduguri, "
            "police said. The attackers fled on motorcycles.", dt.date(2026, 2, 11), id="borno-attack"),
    Article("Police fired tear gas at hundreds of protesters who had gathered outside parliament in Nairobi on "
            "Thursday. The demonstrators were demanding lower fuel prices.", dt.date(2026, 6, 26), id="nairobi"),
    Article("The football club's attack was blunt and the striker missed twice in Saturday's 0-0 draw in Lyon.",
            dt.date(2026, 9, 12), id="lyon-match"),
]


def _fail(*args, **kwargs):
    raise AssertionError("ran for an article with no kept sentence")


def _same(a, b):
    assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
    assert [d.to_dict() for d in a.diagnostics] == [d.to_dict() for d in b.diagnostics]
    assert [(s.start, s.end) for s in a.document.sentences] == [(s.start, s.end) for s in b.document.sentences]


@pytest.fixture
def no_event_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """NER, the country context, the actors, the places and the dates fail if they run."""
    for name in ("model", "country_context", "find_actors", "resolve_text", "find_dates", "find_mentions"):
        monkeypatch.setattr(pipeline, name, _fail)


@pytest.mark.parametrize("article", QUIET, ids=lambda a: a.id)
def test_an_article_with_no_kept_sentence_runs_no_event_component(article, no_event_work):
    doc = pipeline.DEFAULT.document(article)
    assert doc.sentences and doc.kept == ()
    assert doc.context is None and doc.places is None and doc.dates is None and doc.entities == {}
    r = code_article(article)
    assert r.events == () and r.diagnostics == ()


def test_batched_coding_of_articles_with_no_kept_sentence_runs_no_ner(no_event_work):
    results = list(code_articles(QUIET * 3, batch=4))
    assert [r.document.article.id for r in results] == [a.id for a in QUIET * 3]
    assert all(r.events == () and r.document.kept == () for r in results)


def test_an_article_with_a_kept_sentence_goes_through_ner(monkeypatch: pytest.MonkeyPatch):
    calls: list[int] = []
    real = pipeline.model

    def counting():
        calls.append(1)
        return real()

    monkeypatch.setattr(pipeline, "model", counting)
    list(code_articles(QUIET + EVENTFUL[:1]))
    assert calls == [1]  # one NER stream, for the one article with kept sentences


@pytest.mark.parametrize("article", QUIET + EVENTFUL, ids=lambda a: a.id)
def test_the_shortcut_codes_as_the_whole_pipeline(article):
    whole = Pipeline(skip_unkept=False)
    assert not whole.skips_unkept() and pipeline.DEFAULT.skips_unkept()
    full = whole(article)
    assert full.document.context is not None  # every component ran
    _same(code_article(article), full)


def test_the_events_of_eventful_articles_are_coded():
    # the fixtures are what they say: the shortcut is tested on articles that do and do not report events
    assert code_article(EVENTFUL[0]).events and code_article(EVENTFUL[1]).events
    assert code_article(EVENTFUL[2]).document.kept  # a trigger word ("attack") that holds no event
    assert not code_article(EVENTFUL[2]).events


def test_batched_and_one_by_one_coding_agree_on_a_mixed_stream():
    stream = [QUIET[0], EVENTFUL[0], QUIET[1], EVENTFUL[2], EVENTFUL[1], QUIET[2]]
    for one, many in zip([code_article(a) for a in stream], code_articles(stream, batch=4), strict=True):
        _same(one, many)


def test_a_users_component_turns_the_shortcut_off():
    seen: list[str] = []

    def my_context(doc):
        seen.append(doc.article.id or "")
        return pipeline.context_component(doc)

    p = pipeline.DEFAULT.replace("context", my_context)
    assert not p.skips_unkept()
    p(QUIET[0])
    assert seen == ["chile-rates"]
