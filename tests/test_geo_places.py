"""How toponyms are found and how an event picks its place (self-written sentences)."""

import datetime as dt

import pytest

import eventcoder
from eventcoder.geo.resolve import containing_areas, find_toponyms


@pytest.mark.parametrize("rest, areas", [
    (" (Walungu, Sud-Kivu) and injured", ["Walungu", "Sud-Kivu"]),
    (" town (Kajuru, Kaduna).", ["Kajuru", "Kaduna"]),
    (" township (Yinmarbin district, Sagaing region), locals", ["Yinmarbin", "Sagaing"]),
    (" district, Kherson. Casualties", ["Kherson"]),
    (", south of Kirkuk, on Monday", ["Kirkuk"]),
    (", the capital of North Kivu, on Sunday", ["North Kivu"]),
    (" (Seoul City - Jung), calling", ["Seoul"]),
    (" (LWMC) held a protest", []),
    (" (coded as Abba) in", []),
    (", Georgia, Honduras and Venezuela", []),  # a list, not one place inside another
    # an area of a larger one, named with "in" or "of"; a remark on the name is skipped
    (" district in Almaty city against", ["Almaty"]),
    (" area (Kurdish name) in Avasin region (Mergasur district) of Erbil.", ["Avasin", "Mergasur", "Erbil"]),
    (" district of Duhok province.", ["Duhok"]),
    (" village of Hajar area northwest of the city", []),  # an area word after the name: no containing area
    (" region of Ethiopia, and", []),  # a country is no stated containing area here
    (" in the evening", []),
])
def test_containing_areas(rest, areas):
    assert containing_areas(rest) == areas


def _names(text):
    return [t.name for t in find_toponyms(text)]


def test_toponym_finding():
    assert _names("Protesters gathered in Basra on Friday.") == ["Basra"]
    assert "Syria" in _names("Turkish drones struck near Qamishli in Syria's Hasakah province.")
    assert "Hasakah" in _names("Turkish drones struck near Qamishli in Syria's Hasakah province.")
    assert "New York" in _names("People rallied in New York - Brooklyn (New York) on Sunday.")
    assert "Brooklyn" not in _names("People rallied in New York - Brooklyn (New York) on Sunday.")
    assert _names("Hundreds marched in central Joensuu against the war.") == ["Joensuu"]
    assert "Hamilton Square" not in _names("Campaigners gathered in Hamilton Square in Birkenhead.")
    assert "St. Petersburg" in _names("Pickets were held in St. Petersburg on Sunday.")
    assert "Goma" in _names("M23 rebels shelled Goma, the capital of North Kivu, on Sunday.")


def _place(text, published=dt.date(2024, 5, 15)):
    evs = eventcoder.extract(text, published)
    assert evs, text
    return evs[0].place


def test_event_takes_the_stated_place_not_a_street_or_an_origin():
    p = _place("On 9 June 2024, members of the Metro and EMT unions held a demonstration from the Plaza de Colon "
               "to the regional transport office in Madrid (Madrid) to demand more resources.")
    assert p.name == "Madrid" and p.country_code == "ES"
    p = _place("On 18 May 2024, in San Luis Potosi, San Luis Potosi, immigration agents detained 39 migrants "
               "from Cuba, Georgia, Honduras and Venezuela who were found inside a hotel.")
    assert p.country_code == "MX" and p.admin1 == "San Luis Potosi"


def test_unknown_village_falls_back_to_its_stated_district():
    p = _place("On 16 March 2024, unidentified armed men killed a man in Qaryat Zzyzx (Walungu, Sud-Kivu) and "
               "injured three civilians.")
    assert p.country_code == "CD" and p.admin1 == "Sud-Kivu" and p.geo_precision in (2, 3)


def test_namesake_outside_the_stated_province_yields():
    found = eventcoder.geoparse("Russian forces shelled the village of Pisky, Donetsk, on Monday.")
    pisky = next(f for f in found if f["name"] == "Pisky")
    assert pisky["country_code"] == "UA" and pisky["admin1"] == "Donetsk"  # no Pisky in Donetsk: not Poltava's
