"""Issue 14: what counts as evidence for a toponym's referent. Sentences written for these tests."""

import eventcoder


def _named(text, name):
    return [f for f in eventcoder.geoparse(text) if f["name"].lower() == name.lower()]


def test_a_name_repeated_is_no_evidence_for_its_own_reading():
    # "Paris" read first in France must not vote for France (nor anchor itself there) each time it is
    # repeated: the state and towns the article names decide which Paris it is
    text = ("The Paris council met on Tuesday to discuss the budget. Paris has grown fast, the mayor said, and "
            "traffic to Paris from the lakes keeps rising. Many Paris families drive to work in Texas's larger "
            "cities, such as Dallas and Sherman.")
    paris = _named(text, "Paris")
    assert paris and all(f["country_code"] == "US" and f["admin1"] == "Texas" for f in paris), paris


def test_a_villages_other_name_does_not_make_a_state_a_town():
    # Minneota (about 1,400 people) has "Minnesota" among its other names: the state is still the state
    text = "Farmers across Minnesota lost much of their corn to the early frost, and prices rose in Iowa."
    mn = _named(text, "Minnesota")
    assert mn and mn[0]["feature_code"] == "ADM1" and mn[0]["admin1"] == "Minnesota", mn


def test_a_town_and_a_county_named_together_are_read_so_that_the_town_lies_in_the_county():
    # Huntsville, Alabama is far larger, but the Huntsville of Walker County is in Texas; Anderson County with
    # Palestine is the Texan one, not Tennessee's, and Palestine is no country here
    text = ("Walker County commissioners voted on Monday to repave the roads near the prison. Inmates from "
            "Huntsville will do part of the work, the warden said. Palestine and Anderson County have asked "
            "for the same crews.")
    found = {f["name"]: f for f in eventcoder.geoparse(text)}
    assert (found["Huntsville"]["country_code"], found["Huntsville"]["admin1"]) == ("US", "Texas"), found["Huntsville"]
    assert (found["Palestine"]["country_code"], found["Palestine"]["admin1"]) == ("US", "Texas"), found["Palestine"]
    walker = next(f for n, f in found.items() if n.startswith("Walker"))
    anderson = next(f for n, f in found.items() if n.startswith("Anderson"))
    assert walker["admin1"] == "Texas" and anderson["admin1"] == "Texas", (walker, anderson)


def test_the_places_inside_a_name_that_is_no_place():
    # a fire department is no French departement; "Far North" before a state; a span that took "of" before
    # the town
    found = eventcoder.geoparse("The Torrington Fire Department said the blaze started at noon.")
    assert [(f["name"], f["admin1"]) for f in found] == [("Torrington", "Connecticut")], found
    found = eventcoder.geoparse("Youth crime is rising in Far North Queensland, police in Cairns said.")
    qld = [f for f in found if f["name"] == "Queensland"]
    assert qld and qld[0]["feature_code"] == "ADM1" and qld[0]["country_code"] == "AU", found


def test_a_world_city_outweighs_a_village_of_its_other_name_in_the_articles_country():
    # Russia and Syria lead the votes; a Russian village bears "Paris" as another name; the city is meant
    text = ("Russian and Syrian officials met in Paris on Monday. Moscow said the talks in Paris would go on, "
            "and Damascus said Syrian forces had held their positions near Aleppo.")
    paris = _named(text, "Paris")
    assert paris and all(f["country_code"] == "FR" for f in paris), paris


def test_a_state_or_province_in_initials_stands_alone_too():
    found = eventcoder.geoparse("Wildfires spread across B.C. on Monday, and crews from N.J. flew in to help.")
    got = {f["name"]: (f["country_code"], f["admin1"], f["feature_code"]) for f in found}
    assert got["B.C."] == ("CA", "British Columbia", "ADM1") and got["N.J."] == ("US", "New Jersey", "ADM1"), got
    # after a number the initials are a year, not British Columbia
    assert not any(f["admin1"] == "British Columbia" for f in eventcoder.geoparse("Traders founded it in 500 B.C."))


def test_a_county_holding_a_town_of_a_name_read_as_a_country():
    # "Jordan" reads as the country here, yet the Scott County meant is the one holding a town named Jordan
    found = eventcoder.geoparse("Officials in Jordan and Scott County said the river was rising.")
    scott = next(f for f in found if f["name"].startswith("Scott"))
    assert (scott["country_code"], scott["admin1"], scott["feature_code"]) == ("US", "Minnesota", "ADM2"), scott


def test_a_demonym_opening_a_name_is_its_country():
    found = eventcoder.geoparse("Pallister said so in an interview with The Canadian Press at his office.")
    assert [(f["name"], f["country_code"], f["adjectival"]) for f in found] == [("Canadian", "CA", True)], found


def test_the_surname_of_a_person_the_article_names_is_no_town():
    text = ("Police arrested Darryl Keith Warden, 44, on Sunday night. Officers went to Warden's home, and "
            "Warden told them the fight had started in Alexandria.")
    found = eventcoder.geoparse(text)
    assert not any(f["name"] == "Warden" for f in found), found
    assert any(f["name"] == "Alexandria" and f["latitude"] is not None for f in found), found


def test_a_continents_adjective_is_an_adjectival_toponym_of_the_continent():
    found = eventcoder.geoparse("The deal was backed by European leaders, and Asian markets rose on the news.")
    got = {f["name"]: (f["feature_code"], f["adjectival"], f["country_code"]) for f in found}
    assert got == {"European": ("CONT", True, None), "Asian": ("CONT", True, None)}, found
    europe = next(f for f in found if f["name"] == "European")
    assert 40 < europe["latitude"] < 60 and -10 < europe["longitude"] < 30


def test_a_province_named_after_its_town_under_another_spelling_is_the_town_bare():
    # Sa'dah (about 50,000 people) is spelled "Saada" in news, another of its names: bare, the town is meant,
    # not the province of Sadah around it
    found = eventcoder.geoparse("An air strike hit a house in Saada, in northern Yemen, on Monday.")
    saada = next(f for f in found if f["name"] == "Saada")
    assert (saada["country_code"], saada["feature_code"]) == ("YE", "PPL"), saada
