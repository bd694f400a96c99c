"""Merging: one event per (sub-event type, actors, place, day); repeated mentions fold, separate ones split."""

import datetime as dt
import warnings

import pytest

import eventcoder

PUB = dt.date(2024, 3, 8)


def _extract(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return eventcoder.extract(text, PUB)


def test_repeated_mentions_of_one_event_merge():
    text = ("Gunmen killed five villagers in Bokkos, Plateau State, on Tuesday, police said.\n\n"
            "The attackers stormed Bokkos at dawn and opened fire on residents, a local leader said.\n\n"
            "The attack on Bokkos was the third in the area this year.")
    events = _extract(text)
    assert [(e.sub_event_type, e.place.name, e.date.date) for e in events] == [
        ("Attack", "Bokkos", dt.date(2024, 3, 5))]
    assert events[0].fatalities.count == 5
    assert len(events[0].sentences) >= 2  # the evidence of each mention is kept


def test_two_separate_bombings_split_with_the_toll():
    text = ("Two separate car bombings in Mogadishu and Baidoa killed nine people on Wednesday, "
            "Somali officials said.")
    events = _extract(text)
    assert sorted(e.place.name for e in events) == ["Baidoa", "Mogadishu"]
    assert {e.sub_event_type for e in events} == {"Remote explosive/landmine/IED"}
    assert sum(e.fatalities.count for e in events) == 9  # the total split, sum preserved


def test_looting_by_the_same_attackers_folds_into_the_attack():
    text = ("Armed bandits attacked Kurmin Masara village in Zangon Kataf on Sunday, killing three residents "
            "and looting shops before fleeing with livestock.")
    events = _extract(text)
    assert len(events) == 1
    assert events[0].sub_event_type == "Attack"
    assert events[0].secondary == ("Looting/property destruction",)


def test_different_days_stay_apart():
    text = ("Protesters marched in Nairobi on Monday to demand lower fuel prices.\n\n"
            "On Wednesday, hundreds of traders marched again in Nairobi over the same demand.")
    events = _extract(text)
    assert sorted(e.date.date for e in events) == [dt.date(2024, 3, 4), dt.date(2024, 3, 6)]


def test_a_summary_of_events_told_one_by_one_is_no_event_of_its_own():
    text = ("Three people were killed in separate attacks in northern Burkina Faso, officials said on Thursday. "
            "A trader was killed when a roadside bomb hit his truck near Djibo on Tuesday. "
            "Two herders were shot dead by suspected jihadists in Arbinda on Wednesday.")
    events = _extract(text)
    assert sorted((e.sub_event_type, e.fatalities.count) for e in events) == [
        ("Attack", 2), ("Remote explosive/landmine/IED", 1)]  # the summary's 3 dead are not counted again


def test_a_lede_dated_by_its_statement_joins_the_dated_account_and_a_village_abroad_yields_to_the_region():
    import datetime as dt

    import eventcoder

    text = ("Army airstrike kills 9 in Magway village, residents say\nYANGON (AP) — An airstrike by the military on a "
            "village in the country's Magway region killed at least nine people, residents said Thursday.\n\n"
            "A fighter jet dropped a bomb on Nyaung Pin Thar village in Myaing township on Wednesday morning as "
            "villagers gathered for a funeral, a local official said.")
    evs = eventcoder.extract(text, dt.date(2024, 5, 17))
    assert [(e.sub_event_type, e.date.date, e.place.admin1) for e in evs] == [
        ("Air/drone strike", dt.date(2024, 5, 15), "Magway")]


@pytest.mark.parametrize(("text", "sub"), [
    # a gathering told in the pluperfect is the day's dispersed protest
    ("Police fired tear gas to disperse a protest by teachers outside the education ministry in Accra on Monday. "
     "About 200 teachers had gathered at the ministry's gate in the morning to demand unpaid allowances.",
     "Protest with intervention"),
    # footage of the crowd is the same demonstration
    ("Security forces opened fire on residents protesting against water cuts in Dezful on Friday, killing two "
     "people. Footage shared by rights groups shows hundreds of people chanting outside the governorate before the "
     "shooting.", "Excessive force against protesters"),
])
def test_a_gathering_told_beside_the_days_protest_event_is_that_event(text, sub):
    evs = eventcoder.extract(text, dt.date(2024, 5, 18))
    assert [e.sub_event_type for e in evs] == [sub]
    assert evs[0].sentences == (0, 1)


def test_a_clash_the_same_day_and_place_folds_into_the_takeover_with_its_toll():
    text = ("Al-Shabaab fighters seized the town of Bulo Burde in Hiraan on Monday after heavy fighting. "
            "Clashes with government forces in Bulo Burde on Monday killed nine soldiers, residents said.")
    events = eventcoder.extract(text, dt.date(2023, 2, 8))
    subs = [e.sub_event_type for e in events]
    assert "Non-state actor overtakes territory" in subs
    assert "Armed clash" not in subs
    take = next(e for e in events if e.sub_event_type == "Non-state actor overtakes territory")
    assert take.fatalities.count == 9 and len(take.sentences) == 2


def test_an_event_without_a_place_of_its_own_lies_at_the_articles_town():
    text = ("Police fired tear gas at hundreds of protesters in Kisumu on Tuesday. "
            "On Wednesday, unidentified gunmen shot dead a trader in a market, police said.")
    events = eventcoder.extract(text, dt.date(2023, 7, 13))
    shooting = next(e for e in events if e.sub_event_type == "Attack")
    assert shooting.place is not None and shooting.place.name == "Kisumu"
    assert shooting.place.geo_precision == 2
