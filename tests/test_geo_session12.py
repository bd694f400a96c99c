"""Issue 14, session 12: first-level areas named and divided as today's sources do, and the places a note
states. Sentences and synthetic data written for these tests."""

import datetime as dt
import sqlite3

import pytest

import eventcoder
from eventcoder.evaluate import score
from eventcoder.geo import gazetteer as gz
from eventcoder.geo import resolve
from eventcoder.geo.gazetteer import admin_norm, default_gazetteer, display_admin
from eventcoder.model import Article
from eventcoder.pipeline import code_article


def _places(text):
    return [e.place for e in code_article(Article(body=text, published=dt.date(2023, 5, 10))).events]


def _resolved(text):
    g = default_gazetteer()
    ctx = resolve.country_context(text, None, g, [])
    out = {}
    for r in resolve.resolve_text(text, None, g, ctx):
        out.setdefault(r.toponym.name, r)  # the first mention (a name may come back as a stated area)
    return out


# --- the words for an area in other languages --------------------------------------------------------------

@pytest.mark.parametrize("name, shown", [("Opstina Plav", "Plav"), ("Xankandi Sahari", "Xankandi"),
                                         ("Aghjabadi Rayon", "Aghjabadi"), ("Cabrayil Rayonu", "Cabrayil"),
                                         ("Arrondissement de Fort-de-France", "Fort-de-France")])
def test_area_words_of_other_languages_are_dropped_for_display(name, shown):
    assert display_admin(name) == shown


def test_area_words_of_other_languages_are_dropped_for_comparison():
    assert admin_norm("Opstina Zabljak") == admin_norm("Zabljak")
    assert admin_norm("Arrondissement de Saint-Pierre") == admin_norm("Saint-Pierre")
    g = default_gazetteer()
    assert g.same_admin1("Opstina Niksic", "Niksic")
    assert not g.same_admin1("Opstina Niksic", "Ulcinj")


# --- countrystatecity's names of the same area (geographic pairs) -----------------------------------------

def _db():
    con = sqlite3.connect(":memory:")
    con.executescript(gz._SCHEMA)
    return con


def _town(i, lat, lon, cc, a1, code="01"):
    return (i, f"T{i}", lat, lon, cc, code, a1, "", 1000, "PPL")


def test_one_area_under_two_names_is_paired_by_its_towns():
    # two areas of the gazetteer, each holding the towns of one of countrystatecity's: other names of each
    places = [_town(1, 10.0, 10.0, "QQ", "Old North"), _town(2, 10.3, 10.2, "QQ", "Old North"),
              _town(3, 12.0, 12.0, "QQ", "Old South"), _town(4, 12.2, 12.3, "QQ", "Old South")]
    csc = {"QQ": [gz._CscTown("a", 10.01, 10.0, "Nordland", "Nord", "N"),
                  gz._CscTown("b", 10.29, 10.21, "Nordland", "Nord", "N"),
                  gz._CscTown("c", 12.0, 12.01, "Sudland", "", "S"),
                  gz._CscTown("d", 12.2, 12.29, "Sudland", "", "S")]}
    con = _db()
    gz._add_admin1_aliases(con, places, csc)
    rows = set(con.execute("SELECT name, admin1 FROM admin1_alias"))
    assert {("nordland", "Old North"), ("nord", "Old North"), ("sudland", "Old South")} <= rows
    assert not any(a1 == "Old South" and n.startswith("nord") for n, a1 in rows)


def test_an_area_that_spans_two_is_no_other_name_of_either():
    # countrystatecity's one area holds the towns of two of the gazetteer's: it names neither
    places = [_town(1, 10.0, 10.0, "QQ", "East"), _town(2, 10.1, 10.1, "QQ", "East"),
              _town(3, 11.0, 11.0, "QQ", "West"), _town(4, 11.1, 11.1, "QQ", "West")]
    csc = {"QQ": [gz._CscTown(str(i), p[2], p[3], "Greater", "", "G") for i, p in enumerate(places)]}
    con = _db()
    gz._add_admin1_aliases(con, places, csc)
    assert con.execute("SELECT COUNT(*) FROM admin1_alias").fetchone()[0] == 0


@pytest.mark.parametrize("a, b", [("Sud-Comoe", "Comoe"), ("Dix-Huit Montagnes", "Montagnes"),
                                  ("Fromager", "Goh-Djiboua")])
def test_cote_divoire_old_regions_are_its_districts(a, b):
    g = default_gazetteer()
    assert g.same_admin1(a, b) and g.same_admin1(b, a)


@pytest.mark.parametrize("a, b", [("Sud-Comoe", "Zanzan"), ("Sud-Comoe", "Lagunes"), ("Bayern", "Sachsen")])
def test_paired_names_keep_other_areas_apart(a, b):
    assert not default_gazetteer().same_admin1(a, b)


def test_the_other_names_find_no_place():
    # kept apart from the names a toponym is looked up by: no new place is found under them
    g = default_gazetteer()
    alias = g.con.execute("SELECT name FROM admin1_alias a WHERE NOT EXISTS (SELECT 1 FROM names n "
                          "WHERE n.name = a.name) LIMIT 1").fetchone()[0]
    assert g.lookup(alias) == []


# --- areas divided as countrystatecity divides them --------------------------------------------------------

def test_a_one_region_territory_is_divided_into_its_districts():
    places = [_town(1, 14.6, -61.0, "QQ", "Isle"), _town(2, 14.8, -61.1, "QQ", "Isle")]
    csc = {"QQ": [gz._CscTown("p", 14.61, -61.0, "Port District", "", "P"),
                  gz._CscTown("n", 14.79, -61.1, "North District", "", "N")]}
    named = gz._single_area_countries(places, csc)
    assert [p[6] for p in places] == ["Port District", "North District"]
    assert named == {("QQ", "P"): "Port District", ("QQ", "N"): "North District"}


def test_a_country_of_several_areas_is_left_as_it_is():
    places = [_town(1, 1.0, 1.0, "QQ", "A"), _town(2, 2.0, 2.0, "QQ", "B")]
    csc = {"QQ": [gz._CscTown("x", 1.0, 1.0, "X", "", "X"), gz._CscTown("y", 2.0, 2.0, "Y", "", "Y")]}
    assert gz._single_area_countries(places, csc) == {}
    assert [p[6] for p in places] == ["A", "B"]


@pytest.mark.parametrize("town, cc, area", [("Le Lamentin", "MQ", "Fort-de-France"),
                                            ("Le Gosier", "GP", "Pointe-a-Pitre")])
def test_overseas_departments_are_coded_by_arrondissement(town, cc, area):
    g = default_gazetteer()
    p = max((p for p, k in g.lookup(town) if k == "city" and p.country_code == cc), key=lambda p: p.population)
    assert g.same_admin1(p.admin1, area)


def test_a_shared_code_is_divided_where_iso_lists_the_parts():
    # Taiwan's GeoNames code 04 is the old province; data/admin1.tsv names two counties inside it
    g = default_gazetteer()
    for town, area in (("Changhua", "Changhua"), ("Taichung", "Taichung"), ("Hualien City", "Hualien")):
        towns = [p for p, k in g.lookup(town) if k == "city" and p.country_code == "TW"]
        assert towns and g.same_admin1(max(towns, key=lambda p: p.population).admin1, area), town


def test_a_code_shared_by_a_namesake_capital_stays_one_area():
    # Concord is the capital of New Hampshire and a town of California: the codes are no coarser areas
    g = default_gazetteer()
    assert g.con.execute("SELECT COUNT(*) FROM places WHERE country_code = 'US' AND admin1 = 'California' "
                         "AND feature_code = 'PPL'").fetchone()[0] > 500
    concord = [p for p, k in g.lookup("Concord") if k == "city" and p.admin1 == "New Hampshire"]
    assert concord


# --- an area named after its city --------------------------------------------------------------------------

@pytest.mark.parametrize("area, town", [("Xankandi Sahari", "Khankendi"), ("Lankaran", "Lenkoran"),
                                        ("Sumqayit", "Sumgait")])
def test_an_area_named_after_its_city_is_named_by_the_citys_other_names(area, town):
    g = default_gazetteer()
    assert g.same_admin1(area, town) and g.same_admin1(town, area)


def test_a_town_in_another_area_is_not_its_name():
    assert not default_gazetteer().same_admin1("Lankaran", "Sumgait")


# --- a territory coded as a first-level area of its sovereign -----------------------------------------------

def test_a_territory_iso_lists_under_a_country_is_coded_as_its_admin1():
    g = default_gazetteer()
    assert g.territory_coded_as_admin1("Hong Kong", "China", "Hong Kong")
    assert g.territory_coded_as_admin1("Macao", "China", "Macao")
    assert not g.territory_coded_as_admin1("Georgia", "United States", "Georgia")
    assert not g.territory_coded_as_admin1("Hong Kong", "China", "China")
    assert not g.territory_coded_as_admin1("Guangdong", "China", "Hong Kong")


def test_evaluate_counts_a_district_of_the_territory_right():
    rows = [{"event_type": "Protests", "sub_event_type": "Peaceful protest", "admin1": "Hong Kong",
             "country": "China"},
            {"event_type": "Protests", "sub_event_type": "Peaceful protest", "admin1": "Guangdong",
             "country": "China"}]
    pred = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "admin1": "Wanchai",
            "country": "Hong Kong", "latitude": 22.28, "longitude": 114.17, "actor1": "Protesters",
            "location": "Wanchai"}
    preds = [pred, dict(pred)]
    assert score(rows, preds).scores["admin1"]["accuracy"] == 0.5


# --- the places a note states ------------------------------------------------------------------------------

def test_a_district_the_gazetteer_lacks_is_a_town_countrystatecity_knows():
    g = default_gazetteer()
    assert g.lookup("Dolakha") == [] and g.lookup_extra("Dolakha")
    (place,) = _places("On 2 March 2023, farmers blocked the highway in Gairimudi village (Dolakha district) "
                       "to protest against a shortage of fertiliser.")
    assert place.country == "Nepal" and place.admin1 == "Bagmati" and place.latitude is not None


def test_a_town_countrystatecity_adds_is_no_bare_name():
    assert not [f for f in eventcoder.geoparse("Dolakha said the talks would go on.") if f["name"] == "Dolakha"]


def test_a_small_town_is_in_the_area_its_note_states():
    # Yelandur (9,000 people) lies in Karnataka by the gazetteer, close to Tamil Nadu; the note codes it there
    text = "On 2 May 2023, farmers protested in Yelandur (Yelandur taluk, Tamil Nadu) over water sharing."
    r = _resolved(text)["Yelandur"]
    assert r.place.name == "Yelandur" and r.place.admin1 == "Tamil Nadu"
    assert _resolved("On 2 May 2023, farmers protested in Yelandur over water sharing.")["Yelandur"].place.admin1 \
        == "Karnataka"


def test_a_sizeable_town_keeps_its_point_under_the_stated_area():
    # "Kramatorsk, Kharkiv": the only Kramatorsk, a city of 150,000 in Donetsk, stays the town; the event is
    # coded under the area its note states
    r = _resolved("On 3 April 2023, shells hit a school in Kramatorsk, Kharkiv.")["Kramatorsk"]
    assert r.place.name == "Kramatorsk" and 48.5 < r.place.latitude < 48.9 and r.place.admin1 == "Kharkiv"


def test_a_shortened_area_name_is_the_towns_own_area():
    r = _resolved("Taxi drivers protested in Cabo San Lucas, Baja California against fuel prices.")["Cabo San Lucas"]
    assert r.place.admin1 == "Baja California Sur"


def test_a_remark_on_the_part_of_a_place_comes_before_its_areas():
    assert resolve.containing_areas(" (west), Luhansk. Nobody was hurt.") == ["Luhansk"]
    t = next(t for t in resolve.find_toponyms("Shelling was reported near Hirske (east), Luhansk.")
             if t.name == "Hirske")
    assert t.hints == ("Luhansk",)


def test_a_stated_province_stands_in_for_a_namesake_abroad():
    # no Alamo in Ukraine: the stated province (at its city), not a town in Texas nor no place
    r = _resolved("Ukrainian forces fired mortars at positions in Alamo, Donetsk.")["Alamo"]
    assert r.place is not None and r.place.country_code == "UA" and r.place.admin1 == "Donetsk"


def test_a_stated_district_stands_at_its_town_not_its_provinces_capital():
    r = _resolved("Soldiers clashed with cattle raiders near Losilang (Kotido, Northern).")["Losilang"]
    assert r.place.name == "Kotido" and r.kind == "city" and r.geo_precision == 2


def test_the_outermost_town_of_a_whole_address_is_where_the_place_lies():
    # a Korean address after a school, in a report whose only countries are those of the war it protests
    text = ("On 4 April 2023, pupils held a rally in front of Sinri Middle School (Daesan-ri, Gujeong-myeon, "
            "Gangneung) against the war between Russia and Ukraine.")
    r = _resolved(text)["Daesan-ri"]
    assert r.place is not None and r.place.name == "Gangneung" and r.place.country_code == "KR"


def test_one_stated_town_abroad_still_yields_to_the_articles_countries():
    # a single stated area is no whole address: the article's countries still decide
    g = default_gazetteer()
    ctx = resolve.country_context("Fighting went on in Ukraine.", None, g, [])
    r = resolve._stated_area(resolve.Toponym("Zzyzxvillage", 0, 12, hints=("Gangneung",)), g, ctx, set())
    assert r is None


def test_another_languages_name_counts_less_than_a_towns_own():
    # "Bar" is also a name GeoNames gives Qionghai (half a million people): the town called Bar is meant
    r = _resolved("On 26 January 2023, fishermen gathered in Bar demanding the release of a skipper.")["Bar"]
    assert r.place.name == "Bar" and r.place.country_code == "ME"


@pytest.mark.parametrize("a, b, alike", [("Nassriya", "An Nasiriyah", True), ("Kyiv", "Kiev", True),
                                         ("Bar", "Qionghai", False), ("Canton", "Guangzhou", False)])
def test_names_of_one_spelling_family(a, b, alike):
    assert resolve._spelled_alike(a, b) is alike
