"""The pieces of ``eventcoder.store.query`` the API stands on: bbox parsing, the filter's checks, evidence
sentences cut from a raw text by offsets, ISO weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.errors import InputError
from eventcoder.store.query import EventFilter, evidence_sentences, iso_week, parse_bbox

TEXT = ("Clashes in Kidal\n\nKIDAL, Mali (AFP) - Rebels attacked an army post near Kidal on Sunday, killing four "
        "soldiers. \"We took the post,\" a rebel spokesman said. The army said on Monday it had retaken it.")


def span(word: str, sentence: int = 0, nth: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return {"sentence": sentence, "raw_start": start, "raw_end": start + len(word), "text": word}


def test_parse_bbox() -> None:
    assert parse_bbox("-10.5, 4,15,14.25") == (-10.5, 4.0, 15.0, 14.25)
    assert parse_bbox("170,-10,-170,10") == (170.0, -10.0, -170.0, 10.0)  # across the antimeridian
    for bad, why in [("1,2,3", "four numbers"), ("1,2,3,4,5", "four numbers"), ("", "four numbers"),
                     ("a,2,3,4", "not four numbers"), ("inf,0,1,1", "finite"), ("0,0,181,1", "longitudes"),
                     ("0,-91,1,1", "latitudes"), ("0,5,1,1", "min lat")]:
        with pytest.raises(InputError, match=why):
            parse_bbox(bad)


def test_filter_checks_its_dates_and_box() -> None:
    with pytest.raises(InputError, match="after until"):
        EventFilter(since=dt.date(2024, 6, 2), until=dt.date(2024, 6, 1))
    with pytest.raises(InputError, match="latitudes"):
        EventFilter(bbox=(0.0, 0.0, 1.0, 100.0))
    assert EventFilter(since=dt.date(2024, 6, 1), until=dt.date(2024, 6, 1)).since == dt.date(2024, 6, 1)


def test_evidence_sentences_cut_by_offsets() -> None:
    ev = {"trigger": span("attacked"), "actor1": span("Rebels"), "location": span("Kidal", nth=1),
          "event_date": span("on Sunday"), "fatalities": span("killing four"),
          "actor2": span("army", sentence=2, nth=1), "sentences": [0, 2], "weekday": "sunday"}
    first, second = evidence_sentences(TEXT, ev)
    assert first.text == "KIDAL, Mali (AFP) - Rebels attacked an army post near Kidal on Sunday, killing four soldiers."
    assert TEXT[first.start:first.end] == first.text and first.sentence == 0
    assert [(h.field, h.text) for h in first.highlights] == [
        ("actor1", "Rebels"), ("trigger", "attacked"), ("location", "Kidal"), ("event_date", "on Sunday"),
        ("fatalities", "killing four")]
    assert all(first.text[h.start:h.end] == h.text for h in first.highlights)
    assert second.text == "The army said on Monday it had retaken it." and second.sentence == 2
    assert [(h.field, h.text) for h in second.highlights] == [("actor2", "army")]


def test_evidence_sentences_skip_what_does_not_fit() -> None:
    ev = {"trigger": {"sentence": 0, "raw_start": 5, "raw_end": 9999}, "actor1": {"sentence": 0, "raw_start": None},
          "location": None, "event_date": {"sentence": 0, "raw_start": 8, "raw_end": 3}, "fatalities": "oops"}
    assert evidence_sentences(TEXT, ev) == ()
    assert evidence_sentences("", {"trigger": span("Rebels")}) == ()


def test_a_quoted_sentence_ends_at_its_quote() -> None:
    (s,) = evidence_sentences(TEXT, {"trigger": span("took")})
    assert s.text == "\"We took the post,\" a rebel spokesman said."


def test_iso_week() -> None:
    assert iso_week(dt.date(2024, 12, 30)) == "2025-W01" and iso_week(dt.date(2024, 5, 10)) == "2024-W19"
