"""How toponyms are found in text: the names, their place cues and the containing areas stated beside
them (self-written sentences)."""

import datetime as dt

import pytest

import eventcoder
from eventcoder.geo.resolve import containing_areas, find_toponyms


def _place(text, published=dt.date(2022, 6, 1)):
    evs = eventcoder.extract(text, published)
    assert evs, text
    return evs[0].place


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


def test_a_town_in_a_province_countryside_takes_the_province_as_its_area():
    tops = {t.name: t for t in find_toponyms("Troops shelled Kafr Nabl town in Idlib countryside.")}
    assert tops["Kafr Nabl"].hints == ("Idlib",)
    assert tops["Idlib"].keyword == "countryside"


def test_a_title_ends_a_place_name_and_a_party_in_brackets_is_no_place():
    names = [t.name for t in find_toponyms("the Mayor (Independent), the Liguria Region President (Let's Change) "
                                           "and the Kano State Governor spoke at (Seoul City - Jongno)")]
    assert "Liguria" in names and "Kano" in names and "Seoul City" in names
    assert "Let" not in names and not any("President" in n or "Governor" in n for n in names)


def test_capitalised_area_word_ends_the_name():
    tops = {t.name: t for t in find_toponyms("Gunmen raided two hamlets in Gusau LGA (Zamfara) at night.")}
    assert "Gusau" in tops and "Gusau LGA" not in tops
    assert tops["Gusau"].keyword == "lga" and tops["Gusau"].hints == ("Zamfara",)
    tops = {t.name: t for t in find_toponyms("Troops shelled villages near Kanbalu Township on Sunday.")}
    assert tops["Kanbalu"].keyword == "township"
    # a city's own name keeps its 'City'
    assert "Quezon City" in {t.name for t in find_toponyms("Protesters marched in Quezon City on Monday.")}


def test_marched_through_a_town():
    tops = {t.name: t for t in find_toponyms("About 300 people marched through Leeds on Saturday.")}
    assert tops["Leeds"].prep == "through"
    p = _place("On 5 March 2022, about 300 people marched through Utrecht against the coronavirus measures.")
    assert p.name == "Utrecht" and p.geo_precision == 1


def test_a_name_with_a_dot_inside_is_no_place():
    assert "Ver" not in {t.name for t in find_toponyms("Nurses, including members of Ver.di union, rallied in Bremen.")}


def test_coded_to_names_the_events_place():
    tops = {t.name: t for t in find_toponyms("Gunmen raided Kabiru hamlet (coded to Kafanchan, Kaduna) at dawn.")}
    assert tops["Kafanchan"].prep == "coded to" and tops["Kafanchan"].hints == ("Kaduna",)
    # another event's place is not this one's
    tops = {t.name: t for t in find_toponyms("Two soldiers were wounded (fatalities coded to Marinka event).")}
    assert tops["Marinka"].prep != "coded to"
    p = _place("On 3 April 2022, soldiers clashed with militants near a hamlet in Erbil province. "
               "Coded as Soran district.")
    assert p.name == "Soran" and p.geo_precision == 2


def test_indian_sub_district_words():
    tops = {t.name: t for t in find_toponyms("Farmers protested in Paderu Mandal (Visakhapatnam district) today.")}
    assert tops["Paderu"].keyword == "mandal"
    tops = {t.name: t for t in find_toponyms("Villagers rallied in Kahan taluka on Monday.")}
    assert tops["Kahan"].keyword == "taluka"


def test_a_demonym_is_no_town():
    assert "Kazakh" not in {t.name for t in find_toponyms("They rallied in Vilnius in support of the Kazakh people.")}
    p = _place("On 10 January 2022, people protested in Vilnius in support of the Kazakh people.")
    assert p.name == "Vilnius"


def test_numbered_and_imeni_names_keep_their_stated_area():
    tops = {t.name: t for t in find_toponyms("Troops shelled positions in Mine 6/7, Luhansk. No casualties.")}
    assert tops["Mine"].hints == ("Luhansk",)
    tops = {t.name: t for t in find_toponyms("Troops shelled positions in Poselok imeni Morozova, Luhansk.")}
    assert tops["Poselok imeni Morozova"].hints == ("Luhansk",)
