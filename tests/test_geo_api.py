"""``eventcoder geoparse FILE --json`` and ``eventcoder.geoparse(text)``: toponyms with offsets into the input."""

import json

from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app

KEYS = {"name", "start", "end", "latitude", "longitude", "geonameid", "feature_code", "country_code", "admin1",
        "geo_precision", "seat_latitude", "seat_longitude", "adjectival"}

ARTICLE = (
    "Bombs hit Mosul and Kirkuk as militants regroup\n"
    "\n"
    "KIRKUK, Iraq (Reuters) - A bomb exploded in Daquq, south of Kirkuk, on Monday, killing two people.\n"
    "\n"
    "Gunmen attacked a checkpoint near Tikrit in Salahuddin province, police said.\n"
    "\n"
    "A bomb exploded in Daquq, south of Kirkuk, on Monday, killing two people.\n"
)


def _check_offsets(text, found):
    assert found
    for f in found:
        assert set(f) == KEYS
        assert text[f["start"]:f["end"]] == f["name"], f
    starts = [f["start"] for f in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_api_resolves_with_offsets():
    text = "Protesters gathered in Basra on Friday, and a rally was held in Najaf."
    found = eventcoder.geoparse(text)
    _check_offsets(text, found)
    by = {f["name"]: f for f in found}
    assert by["Basra"]["country_code"] == "IQ" and abs(by["Basra"]["latitude"] - 30.5) < 0.3
    assert by["Najaf"]["country_code"] == "IQ"
    assert by["Basra"]["start"] == text.index("Basra")
    assert by["Basra"]["geo_precision"] == 1


def test_api_offsets_with_headline_dateline_and_repeats():
    found = eventcoder.geoparse(ARTICLE)
    _check_offsets(ARTICLE, found)
    starts = {f["start"] for f in found}
    # the headline, the dateline, the body and the repeated paragraph each at their own offsets
    assert ARTICLE.index("Mosul") in starts
    assert ARTICLE.index("KIRKUK") in starts
    first = ARTICLE.index("Daquq")
    assert first in starts and ARTICLE.index("Daquq", first + 1) in starts
    daquq = [f for f in found if f["name"] == "Daquq"]
    assert all(f["admin1"] == "Kirkuk" and abs(f["latitude"] - 35.14) < 0.2 for f in daquq)
    salah = next(f for f in found if f["name"] == "Salahuddin")
    assert salah["geo_precision"] == 3 and salah["feature_code"] == "ADM1"


def test_api_unicode_and_crlf_offsets():
    text = "Réfugiés — «Goma»\r\n\r\nM23 rebels shelled Goma, the capital of North Kivu, on Sunday.\r\n"
    found = eventcoder.geoparse(text)
    _check_offsets(text, found)
    assert any(f["name"] == "Goma" and f["country_code"] == "CD" for f in found)


def test_cli_geoparse_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode("utf-8"))
    res = CliRunner().invoke(app, ["geoparse", str(f), "--json"])
    assert res.exit_code == 0, res.output
    found = json.loads(res.stdout)
    _check_offsets(ARTICLE, found)
    assert [f["name"] for f in found] == [f["name"] for f in eventcoder.geoparse(ARTICLE)]


def test_cli_geoparse_missing_file(tmp_path):
    res = CliRunner().invoke(app, ["geoparse", str(tmp_path / "nope.txt"), "--json"])
    assert res.exit_code != 0
    assert "no such file" in res.output


def _km(a, b):
    from eventcoder.geo.gazetteer import distance_km

    return distance_km(a, b)


def test_a_country_and_a_state_are_placed_at_their_own_point_with_the_capital_apart():
    text = ("Farmers in Texas say exports to Canada and Australia fell this year, while Queensland growers "
            "expect a better harvest.")
    found = {f["name"]: f for f in eventcoder.geoparse(text)}
    assert found["Texas"]["feature_code"] == "ADM1"
    # the state's middle, not Austin; Austin stays as the seat ACLED codes a state-only event to
    assert _km((found["Texas"]["latitude"], found["Texas"]["longitude"]), (31.3, -99.3)) < 161
    assert _km((found["Texas"]["seat_latitude"], found["Texas"]["seat_longitude"]), (30.27, -97.74)) < 20
    assert _km((found["Canada"]["latitude"], found["Canada"]["longitude"]), (45.42, -75.70)) > 1000  # not Ottawa
    assert found["Canada"]["geonameid"] == 6251999 and found["Canada"]["feature_code"] == "PCLI"
    assert _km((found["Australia"]["latitude"], found["Australia"]["longitude"]), (-35.28, 149.13)) > 1000
    assert _km((found["Queensland"]["latitude"], found["Queensland"]["longitude"]), (-27.47, 153.03)) > 300


def test_a_state_beats_a_small_town_of_its_name_abroad_or_at_home():
    found = {f["name"]: f for f in eventcoder.geoparse("Wildfires spread across California and Virginia.")}
    assert found["California"]["feature_code"] == "ADM1" and found["California"]["admin1"] == "California"
    assert found["Virginia"]["feature_code"] == "ADM1" and found["Virginia"]["admin1"] == "Virginia"


def test_demonyms_are_adjectival_toponyms_of_their_country():
    text = "Russian troops crossed into Georgia, Georgian officials said, as Turkish mediators called for talks."
    found = {f["name"]: f for f in eventcoder.geoparse(text)}
    assert found["Russian"]["country_code"] == "RU" and found["Russian"]["feature_code"] == "PCLI"
    assert found["Russian"]["adjectival"] and not found["Georgia"]["adjectival"]
    assert found["Turkish"]["country_code"] == "TR"
    assert found["Georgian"]["country_code"] == "GE"
    # a demonym names no place an event happens at: the event pipeline codes none of them as a location
    assert "Turkish" not in {e.location for e in eventcoder.extract(text, "2024-05-01")}


def test_continents_are_found_at_their_geonames_point():
    found = {f["name"]: f for f in eventcoder.geoparse("Aid groups in Africa and Europe appealed for funds.")}
    assert found["Africa"]["feature_code"] == "CONT" and found["Africa"]["geonameid"] == 6255146
    assert _km((found["Europe"]["latitude"], found["Europe"]["longitude"]), (48.7, 9.1)) < 50


def test_a_county_is_the_county_not_a_town_of_its_name():
    text = "Deputies in Laurel County arrested two men on Sunday. A fire in Avoyelles Parish destroyed a church."
    found = {f["name"]: f for f in eventcoder.geoparse(text)}
    found.update({f["name"]: f for f in eventcoder.geoparse("Police in Oxfordshire closed a road near Banbury.")})
    laurel = found["Laurel"]
    assert laurel["feature_code"] == "ADM2" and laurel["admin1"] == "Kentucky"  # not Laurel, Maryland
    assert laurel["seat_latitude"] is not None  # its largest town, where ACLED codes a county-only event
    assert found["Avoyelles Parish"]["admin1"] == "Louisiana"
    assert found["Oxfordshire"]["country_code"] == "GB" and found["Oxfordshire"]["feature_code"] == "ADM2"


def test_places_used_as_attributes_or_inside_names_and_agency_datelines():
    text = ("Budget talks stall. COLUMBUS, Ohio (AP) -- A Huntsville man and a Sligo-based charity joined the "
            "Richmond Police Department and Texas Southern University at a hearing. Officials of the Ohio "
            "Department of Development said storms hit Northeast Nebraska after the Egyptian-US talks.")
    found = {f["name"]: f for f in eventcoder.geoparse(text)}
    assert found["COLUMBUS"]["admin1"] == "Ohio"  # the dateline's stated state decides among the Columbuses
    assert {"Huntsville", "Sligo", "Richmond", "Texas", "Ohio", "Nebraska", "Egyptian", "US"} <= set(found)
    assert found["Nebraska"]["feature_code"] == "ADM1" and found["Egyptian"]["adjectival"]
    # a firm named after its partners holds no place
    assert "Stevens" not in {f["name"] for f in eventcoder.geoparse("He sued Stevens & Wilkinson in court.")}


def test_one_place_per_name_in_an_article_and_the_states_it_names():
    text = ("Paris police said a man was arrested on Sunday. The man, 34, of Paris, Tenn., was held in the Henry "
            "County jail.")
    found = eventcoder.geoparse(text)
    paris = [f for f in found if f["name"] == "Paris"]
    assert len(paris) == 2 and {f["admin1"] for f in paris} == {"Tennessee"}  # the first one too, not France
    henry = next(f for f in found if f["name"] == "Henry")
    assert henry["admin1"] == "Tennessee" and henry["feature_code"] == "ADM2"  # not the larger one in Georgia


def test_georgia_is_the_state_in_american_news_and_the_country_in_caucasus_news():
    us = eventcoder.geoparse("ATLANTA - Georgia lawmakers passed a budget, Gov. Sonny Perdue said in Atlanta.")
    assert next(f for f in us if f["name"] == "Georgia")["country_code"] == "US"
    ge = eventcoder.geoparse("Russian tanks rolled into Georgia. Georgia said Russia attacked Gori and Tbilisi.")
    assert {f["country_code"] for f in ge if f["name"] == "Georgia"} == {"GE"}


def test_a_city_state_is_its_city_and_a_capital_outranks_a_larger_namesake_area():
    found = {f["name"]: f for f in eventcoder.geoparse("Talks moved from Hong Kong to Singapore and Washington.")}
    assert found["Hong Kong"]["feature_code"] == "PPL" and found["Singapore"]["feature_code"] == "PPL"
    assert found["Washington"]["admin1"] == "District of Columbia"


def test_abbreviated_provinces_and_states_after_a_town():
    found = eventcoder.geoparse("Floods hit Brandon, Man., and Cairns, Qld, as crews from Kelowna, B.C., helped.")
    got = {f["name"]: (f["admin1"], f["country_code"]) for f in found}
    assert got["Brandon"] == ("Manitoba", "CA") and got["Man."] == ("Manitoba", "CA")
    assert got["Cairns"] == ("Queensland", "AU") and got["B.C."] == ("British Columbia", "CA")
    assert eventcoder.geoparse("Officials in Seattle, WA said.")[0]["admin1"] == "Washington"  # not Australia


def test_a_name_used_as_a_place_is_a_place_wherever_it_stands_in_the_article():
    text = ("Crime fell in Edmonton last year, police said.\nEdmonton was the only city to earn a top grade. "
            "Edmonton's economy grew, while Hope Wells, a teacher, said little.")
    found = eventcoder.geoparse(text)
    edm = [f for f in found if f["name"] == "Edmonton"]
    assert len(edm) == 3 and {f["admin1"] for f in edm} == {"Alberta"}
    assert all(text[f["start"]:f["end"]] == "Edmonton" for f in edm)
    assert not any(f["name"] in ("Hope", "Wells") for f in found)  # never stated as places


def test_a_state_the_articles_towns_lie_in_outranks_a_country_of_its_name():
    text = ("A state House leader from Ocilla is sponsoring a bill that would prohibit Georgia communities from "
            "banning modular homes, builders in Lilburn and Duluth said.")
    got = {f["name"]: f["country_code"] for f in eventcoder.geoparse(text)}
    assert got["Georgia"] == "US" and got["Lilburn"] == "US"
    found = eventcoder.geoparse("The Laurel County Sheriff's Office said two men were held.")
    assert found[0]["name"] == "Laurel" and found[0]["admin1"] == "Kentucky"


def test_a_name_repeated_often_votes_once_for_its_country():
    text = ("An Edmonton man was jailed on Friday. Edmonton police said the attack happened near a school in "
            "Edmonton, and officers from Hornsey, Walthamstow and Tottenham joined the search. Edmonton "
            "residents thanked them.")
    found = [f for f in eventcoder.geoparse(text) if f["name"] == "Edmonton"]
    assert found and {f["country_code"] for f in found} == {"GB"}  # north London, not Alberta


def test_a_county_of_a_common_name_is_the_one_the_articles_towns_lie_in():
    text = ("Deputies said the fire near Puryear spread fast. The Henry County sheriff said crews from Paris "
            "helped.")
    got = {f["name"]: (f["admin1"], f["feature_code"]) for f in eventcoder.geoparse(text)}
    assert got["Henry"] == ("Tennessee", "ADM2")  # Puryear lies in Henry County, Tennessee (not Georgia's)
    assert got["Paris"][0] == "Tennessee"


def test_a_station_dateline_with_its_state_and_an_mla_of_a_city():
    text = "Man dies in crash\nCOLUMBIA, Ky. (WBKO) - A Metcalfe County man died in a crash."
    got = {f["name"]: f for f in eventcoder.geoparse(text)}
    got.update({f["name"]: f for f in eventcoder.geoparse("Calgary MLA Sandra Jansen spoke on Monday.")})
    assert got["COLUMBIA"]["admin1"] == "Kentucky"  # the state the dateline states, not South Carolina's capital
    assert got["Ky."]["feature_code"] == "ADM1" and text[got["Ky."]["start"]:got["Ky."]["end"]] == "Ky."
    assert got["Calgary"]["admin1"] == "Alberta"
