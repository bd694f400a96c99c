"""The article's country is voted by the places it states, not by sites or bare capitalised words."""

import datetime as dt
import warnings

import eventcoder
from eventcoder.geo.gazetteer import default_gazetteer
from eventcoder.geo.resolve import country_context


def _place(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = eventcoder.extract(text, dt.date(2024, 5, 15))
    assert events, text
    return events[0].place


def test_a_site_name_does_not_pull_the_country():
    # the gazetteer's only "Heathrow" is a small town in Florida; the airport must not vote for the US
    p = _place("Climate activists blocked the entrance to an oil facility near Heathrow airport in London on "
               "Monday, police said. Officers arrested 12 protesters who had glued themselves to the road.")
    assert (p.name, p.country) == ("London", "United Kingdom")
    assert abs(p.latitude - 51.5) < 0.3


def test_a_stated_state_still_binds_a_namesake():
    p = _place("Police arrested four men after a shooting outside a bar in London, Ohio, on Sunday.")
    assert (p.name, p.admin1) == ("London", "Ohio")


def test_national_unions_and_institutions_place_a_report_that_never_names_its_country():
    from eventcoder.geo.gazetteer import default_gazetteer
    from eventcoder.geo.resolve import country_context

    gaz = default_gazetteer()
    ctx = country_context("At the call of the CFDT and UNSA, teachers marched in Lyon.", None, gaz, [])
    assert ctx.country_votes.most_common(1)[0][0] == "FR"
    ctx = country_context("Dozens rallied outside the Knesset.", None, gaz, [])
    assert ctx.country_votes.most_common(1)[0][0] == "IL"
    # a cue shared by two countries splits its vote
    ctx = country_context("Members of the CGT blocked a depot.", None, gaz, [])
    assert ctx.country_votes["FR"] == ctx.country_votes["AR"] == 0.5
    # a longer name that only ends like a cue is not it
    ctx = country_context("Members held a rally at the Seoul Capitol Hill Church.", None, gaz, [])
    assert "US" not in ctx.country_votes


def test_a_union_decides_between_namesake_towns_abroad():
    evs = eventcoder.extract("On 9 March 2022, at the call of the CGT and UNSA, about 300 rail workers "
                             "demonstrated in Orleans against wage freezes.", dt.date(2022, 3, 10))
    p = evs[0].place
    assert (p.country, p.admin1) == ("France", "Centre-Val de Loire")
    assert evs[0].actor1.name == "Protesters (France)"


def test_users_add_country_cues_in_their_data_dir(tmp_path, monkeypatch):
    import json

    from eventcoder.knowledge import country_cues

    (tmp_path / "country_cues.json").write_text(json.dumps({"cues": {"MN": ["Khural"]}}), encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_DATA", str(tmp_path))
    country_cues.cache_clear()
    try:
        assert [(cc, v) for cc, v, _s, _e in country_cues().find("Protesters gathered outside the Khural.")] == [
            ("MN", 1.0)]
        assert country_cues().find("the CGT")  # the packaged cues stay
    finally:
        monkeypatch.delenv("EVENTCODER_DATA")
        country_cues.cache_clear()


def test_a_cue_opening_a_sentence_still_counts():
    from eventcoder.knowledge import country_cues

    assert [cc for cc, *_ in country_cues().find("In Downing Street, protesters waved flags.")] == ["GB"]
    assert country_cues().find("Seoul Capitol Hill Church") == []


def test_korea_alone_is_south_korea():
    ctx = country_context("Truck drivers went on strike across Korea on Tuesday.", None, default_gazetteer(), [])
    assert ctx.country_votes.most_common(1)[0][0] == "KR"
