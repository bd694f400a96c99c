"""The article's country is voted by the places it states, not by sites or bare capitalised words."""

import datetime as dt
import warnings

import eventcoder


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
