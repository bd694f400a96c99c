"""Rules of session 10: the protest ladder reads what the demonstrators did even inside a clause that begins
like a grievance, suicide bombers named by what the blast did to them, chemical munitions, barracks as bases,
and what "set fire to" burns."""

import datetime as dt
import warnings

import pytest

import eventcoder

PUB = dt.date(2024, 3, 8)


def _subs(text, pub=PUB):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [e.sub_event_type for e in eventcoder.extract(text, pub)]


@pytest.mark.parametrize("text", [
    # the demonstrators' own deed, told in a clause after "after": the crowd's violence, whatever police did
    "Police fired live rounds on Tuesday after protesters set ablaze a government building in Kano, killing two.",
    "Soldiers opened fire on Friday when demonstrators torched the customs post at the border town of Malaba.",
    # a predicate of the protest, not what it is about
    "The protest over fuel prices in Lagos descended into violence on Monday as marchers attacked a petrol station.",
    "A march over unpaid wages turned violent in Harare on Wednesday when workers smashed shop windows.",
])
def test_the_crowds_own_violence_is_a_violent_demonstration(text):
    assert _subs(text) == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    # what was protested about stays a grievance: the crowd did not loot
    "Hundreds of traders protested in Kumasi on Monday against the looting of their shops last week.",
    "Residents demonstrated peacefully in Quetta on Sunday over the damaged water pipeline.",
])
def test_a_grievance_is_still_no_violence_of_the_crowd(text):
    assert _subs(text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Two militants detonated explosives on Monday, killing themselves near a police checkpoint in Diyarbakir.",
    "A man detonated a bomb strapped to his chest and killed himself outside a mosque in Peshawar on Friday.",
])
def test_a_bomber_killed_by_his_own_blast_is_a_suicide_bomb(text):
    assert _subs(text) == ["Suicide bomb"]


def test_a_blast_that_kills_others_stays_an_explosive():
    text = "Militants detonated explosives near a police checkpoint in Diyarbakir on Monday, killing three officers."
    assert "Suicide bomb" not in _subs(text)


def test_mortar_rounds_with_gas_are_a_chemical_weapon():
    text = ("Militants fired dozens of mortar rounds containing poisonous gases at army positions near Kirkuk on "
            "Sunday; soldiers complained of breathing problems.")
    assert _subs(text)[0] == "Chemical weapon"


def test_barracks_established_are_a_base():
    text = "The army has established several barracks near the border town of Zakho, officials said on Monday."
    assert _subs(text) == ["Headquarters or base established"]


def test_set_fire_to_vehicles_is_property_destroyed():
    text = "Gunmen set fire to vehicles parked outside the district office in Bunia on Tuesday, residents said."
    assert _subs(text) == ["Looting/property destruction"]
