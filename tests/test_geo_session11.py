"""Issue 14, session 11: general readings that place news right. Sentences written for these tests."""

import re
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

import eventcoder
from eventcoder.geo import gazetteer as gz
from eventcoder.geo import resolve
from eventcoder.geo.gazetteer import admin_norm, distance_km


def _named(text, name):
    return [f for f in eventcoder.geoparse(text) if f["name"].lower() == name.lower()]


def test_the_mean_of_estimates_leaves_out_the_missing_ones():
    assert gz._mean_point([(10.0, 20.0), None, (20.0, 40.0)]) == (15.0, 30.0)
    assert gz._mean_point([None, (1.0, 2.0)]) == (1.0, 2.0)
    assert gz._mean_point([None, None]) is None


def test_countrystatecity_points_are_read_for_countries_and_provinces():
    countries, states = gz._csc_points()
    assert len(countries) > 200 and len(states) > 3000
    lat, lon = states[("CA", admin_norm("Ontario"))]
    assert 42 < lat < 57 and -95 < lon < -74  # inside Ontario's bounds
    lat, lon = countries["CA"]
    assert 42 < lat < 83 and -141 < lon < -52


def test_an_areas_point_is_midway_between_its_towns_middle_and_the_stated_point(monkeypatch):
    con = sqlite3.connect(":memory:")
    con.executescript(gz._SCHEMA)
    place = "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)"
    con.execute(place, (1, "Northland", 50.0, 10.0, "ZZ", "01", "Northland", "", 0, "ADM1"))
    con.execute(place, (2, "Emptyland", 40.0, 10.0, "ZZ", "02", "Emptyland", "", 0, "ADM1"))
    for i, (lat, lon) in enumerate([(48.0, 8.0), (52.0, 12.0), (50.0, 10.0)]):
        con.execute(place, (10 + i, f"Town{i}", lat, lon, "ZZ", "01", "Northland", "", 100, "PPL"))
    monkeypatch.setattr(gz, "_csc_points", lambda: ({}, {("ZZ", admin_norm("Northland")): (54.0, 14.0),
                                                          ("ZZ", admin_norm("Emptyland")): (41.0, 11.0)}))
    monkeypatch.setattr(gz, "_country_outlines", lambda: {})
    gz._add_referents(con)
    rows = dict((g, (la, lo)) for g, la, lo in con.execute("SELECT geonameid, latitude, longitude FROM referents"))
    assert rows[1] == (52.0, 12.0)  # towns' middle (50, 10) and the stated (54, 14)
    assert rows[2] == (41.0, 11.0)  # no towns: the stated point alone


def test_a_province_named_in_the_news_stands_at_its_referent_not_its_capital():
    text = "Forest fires spread across northern Ontario on Sunday, officials in Toronto said."
    ont = _named(text, "Ontario")
    assert ont and ont[0]["feature_code"] == "ADM1" and ont[0]["country_code"] == "CA", ont
    # the referent lies inside the province, far from its capital Toronto (43.7N 79.4W)
    assert distance_km((ont[0]["latitude"], ont[0]["longitude"]), (43.7, -79.4)) > 300, ont


def test_a_town_the_article_names_is_that_town_inside_a_facilitys_name():
    text = "The Kiwanis club met at the Best Western DeKalb Inn on Tuesday. DeKalb, Ill., voters pass the levy."
    dekalb = _named(text, "DeKalb")
    assert len(dekalb) == 2 and all(f["admin1"] == "Illinois" for f in dekalb), dekalb
    assert not _named(text, "Best Western DeKalb Inn")


def test_a_name_before_county_inside_a_longer_name_is_the_county():
    text = ("Volunteers of the Paris-Henry County Rescue Squad searched the lake near Paris, Tenn., "
            "on Saturday.")
    henry = [f for f in eventcoder.geoparse(text) if f["name"].startswith("Henry")]
    assert henry and henry[0]["feature_code"] == "ADM2" and henry[0]["admin1"] == "Tennessee", henry


def test_a_state_under_its_own_name_inside_a_longer_name():
    text = "Fans of the Big Ohio Valley Wrestling league met in Dayton on Friday night."
    ohio = [f for f in eventcoder.geoparse(text) if f["name"] == "Ohio"]
    assert ohio and ohio[0]["start"] == text.index("Ohio") and ohio[0]["feature_code"] == "ADM1", ohio
    assert not _named(text, "Big Ohio Valley Wrestling")


def test_a_persons_surname_inside_a_name_is_no_place():
    text = "Michael Jordan spoke at the George Washington University Hospital in Chicago on Monday."
    names = {f["name"] for f in eventcoder.geoparse(text)}
    assert "Jordan" not in names and "Washington" not in names, names


# --- speed: the text before a name is read at its end only, with the same result as the whole-prefix regexes ---

_OLD_ACTION = re.compile(r"\b(?:shelled|attacked|seized|captured|recaptured|retook|took|entered|stormed|besieged|"
                         r"bombed|raided|overran|struck|hit|targeted|liberated|encircled|reached|fled|evacuated)\s+$")
_OLD_DASH = re.compile(r"\w\s+-\s+$")
_PIECES = ["shelled", "retook", "took", "hit", "reached", "x", "a", "-", " - ", " ", "  ", "\n", "\t", "_", "é", "1",
           "re", "\u00a0", "Goma"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_reading_the_end_of_the_text_before_a_name_matches_the_whole_prefix_regex(pieces):
    text = "".join(pieces)
    for start in range(len(text) + 1):
        assert resolve._acts_on_what_follows(text, start) == bool(_OLD_ACTION.search(text[:start])), (text, start)
        assert resolve._after_a_spaced_dash(text, start) == bool(_OLD_DASH.search(text[:start])), (text, start)


def test_an_act_on_a_place_and_an_acled_city_dash_are_still_read():
    assert resolve._acts_on_what_follows("Rebels shelled Goma", len("Rebels shelled "))
    assert not resolve._acts_on_what_follows("Rebels unshelled Goma", len("Rebels unshelled "))
    assert resolve._after_a_spaced_dash("New York - Brooklyn", len("New York - "))
    assert not resolve._after_a_spaced_dash("New York-Brooklyn", len("New York-"))


def test_a_place_whose_name_ends_in_a_site_word():
    text = "Route 61 will be closed in East Bank because of a mudslide, Kanawha County officials said."
    bank = _named(text, "East Bank")
    assert bank and bank[0]["admin1"] == "West Virginia", bank
    text = "Israeli troops raided a village in the West Bank on Monday; the Russian Federation protested."
    names = {f["name"]: f for f in eventcoder.geoparse(text)}
    assert names["West Bank"]["feature_code"] == "ADM1" and names["West Bank"]["country_code"] == "PS", names
    assert names["Russian Federation"]["feature_code"] == "PCLI" and names["Russian Federation"]["country_code"] == "RU"


def test_a_body_or_site_ending_in_a_site_word_stays_no_place():
    text = "The World Bank lent money to farmers, and the mayor spoke at Hamilton Square on Friday."
    names = {f["name"] for f in eventcoder.geoparse(text)}
    assert "World Bank" not in names and "Hamilton Square" not in names, names


def test_counties_stated_by_their_area_word_and_by_the_plural():
    text = "School enrollment has slowed in places like Jackson and Barrow counties, Georgia officials said."
    barrow = _named(text, "Barrow")
    assert barrow and barrow[0]["feature_code"] == "ADM2" and barrow[0]["admin1"] == "Georgia", barrow
    jackson = _named(text, "Jackson")
    assert jackson and jackson[0]["feature_code"] == "ADM2", jackson
    text = "Anyone with information should call the Avoyelles Parish Sheriff's Office, deputies said."
    avoyelles = _named(text, "Avoyelles")
    assert avoyelles and avoyelles[0]["feature_code"] == "ADM2" and avoyelles[0]["admin1"] == "Louisiana", avoyelles


def test_a_plural_area_word_after_words_that_name_no_county_adds_nothing():
    text = "Officials from Several Big counties met on Tuesday."
    assert not [f for f in eventcoder.geoparse(text) if f["feature_code"] == "ADM2"]


def test_a_town_before_its_state_in_a_list_of_towns_and_states():
    text = ("The firm owns buildings in Louisville and Lexington, Kentucky, Nashville, Tennessee, Richmond, "
            "Virginia, Fort Lauderdale and Orlando, Florida.")
    richmond = _named(text, "Richmond")
    assert richmond and richmond[0]["admin1"] == "Virginia", richmond
    text = "Exports went to Cuba, Georgia, Honduras and Venezuela last year."
    codes = {f["name"]: f["country_code"] for f in eventcoder.geoparse(text)}
    assert codes.get("Cuba") == "CU" and codes.get("Georgia") == "GE", codes


def test_a_town_joined_by_and_to_a_town_before_its_state_lies_there_too():
    # the article is about Indiana, which has a Lebanon too; "Lebanon and Cordova, Tennessee" states Tennessee
    text = ("The Indiana firm has offices in Indianapolis, Bloomington and Franklin, Indiana. It also rents "
            "apartments in Lebanon and Cordova, Tennessee.")
    lebanon = _named(text, "Lebanon")
    assert lebanon and lebanon[0]["admin1"] == "Tennessee", lebanon
    assert _named(text, "Franklin")[0]["admin1"] == "Indiana"
