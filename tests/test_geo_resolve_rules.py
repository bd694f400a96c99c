"""The named rules behind choosing a place (geo/resolve.py), each on its own (self-written names and sentences,
the default gazetteer)."""

from collections import Counter

import pytest

from eventcoder.geo import resolve as R
from eventcoder.geo.gazetteer import default_gazetteer
from eventcoder.geo.resolve import GeoContext, Toponym, find_toponyms


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def _top(name, prep="in", keyword="", hints=()):
    return Toponym(name, 0, len(name), prep, keyword, hints[0] if hints else "", tuple(hints))


def _ctx(**votes):
    return GeoContext(Counter(votes), [])


def _reading(gaz, top, ctx, hints=None):
    hints = list(top.hints) if hints is None else hints
    return R._Reading(top, gaz, ctx, R._lookup(gaz, top.name), R._Stated(*R._hint_areas(hints, gaz)),
                      R._wants_area(top))


def _where(res):
    p = res.place
    return (p.name if p else None, p.country_code if p else None, res.kind, res.geo_precision)


# --- finding the name -------------------------------------------------------------------------------------

def test_trim_name_drops_stop_words_dates_and_titles():
    assert R._trim_name("Police Kirkuk".split()) == ["Kirkuk"]
    assert R._trim_name("Basra on Friday".split()) == ["Basra"]
    assert R._trim_name("Mosul Monday".split()) == ["Mosul"]
    assert R._trim_name("Kano State Governor".split()) == ["Kano", "State"]
    assert R._trim_name("Islamic State".split()) == []


def test_a_capitalised_area_word_ends_the_name():
    def split(text, name):
        m = next(x for x in R.PLACE_RX.finditer(text) if x.group("name").startswith(name))
        return R._area_word_at_the_end(m.group("name").split(), m)

    assert split("Bandits raided villages in Anka LGA at night", "Anka") == (["Anka"], "lga")
    assert split("Fighting in Pibor County today", "Pibor") == (["Pibor"], "county")
    # a lower-case area word is the pattern's own keyword, not part of the name
    assert split("Fighting in Pibor county today", "Pibor") == (["Pibor"], "")
    assert split("Protesters marched in Quezon City", "Quezon") == (["Quezon", "City"], "")


@pytest.mark.parametrize("text, name, no_place", [
    ("members of Ver.di rallied", "Ver", True),
    ("in support of the Kazakh people", "Kazakh", True),
    ("fighters of ISIS attacked", "ISIS", True),
    ("campaigners met in Hamilton Square", "Hamilton Square", True),
    ("campaigners met in Birkenhead", "Birkenhead", False),
])
def test_names_that_are_no_place(text, name, no_place):
    m = next(x for x in R.PLACE_RX.finditer(text) if x.group("name") == name)
    end = m.end("name")
    assert R._no_place_name(m, text, name, name.split(), end) is no_place


def test_coded_to_is_the_events_place_but_not_another_events():
    text = "Gunmen raided a hamlet (coded to Kafanchan) at dawn."
    m = next(x for x in R.PLACE_RX.finditer(text) if x.group("name") == "Kafanchan")
    assert R._place_prep(m, text, m.end("name")) == "coded to"
    text = "Two were wounded (fatalities coded to Marinka event)."
    m = next(x for x in R.PLACE_RX.finditer(text) if x.group("name") == "Marinka")
    assert R._place_prep(m, text, m.end("name")) == "to"


def test_end_of_name_skips_a_neighbourhood_an_area_word_and_a_number():
    text = "in Karachi - Gulshan, Sindh"
    end = text.index(" - ")
    assert text[R._end_of_name(text, end, ""):] == ", Sindh"
    text = "in Gusau LGA (Zamfara)"
    assert text[R._end_of_name(text, text.index(" LGA"), "lga"):] == " (Zamfara)"
    text = "in Mine 6/7, Luhansk"
    assert text[R._end_of_name(text, text.index(" 6/7"), ""):] == ", Luhansk"


@pytest.mark.parametrize("text, name, placed", [
    ("M23 rebels shelled Goma on Sunday.", "Goma", True),
    ("Goma, the capital of North Kivu, was calm.", "Goma", True),
    ("a hamlet (Kajuru, Kaduna) was attacked", "Kajuru", True),
    ("Goma said on Sunday that talks had failed.", "Goma", False),
])
def test_a_bare_name_placed_by_its_surroundings(text, name, placed):
    start = text.index(name)
    assert R._placed_by_its_surroundings(text, start, start + len(name)) is placed


def test_ner_places_the_patterns_missed_but_no_site():
    text = "Goma was calm. Hamilton Square was full. Kinshasa airport closed."
    found = [Toponym("Goma", 0, 4)]
    ents = [("Goma", 0, 4), ("Hamilton Square", 15, 30), ("Kinshasa", 41, 49)]
    assert R._ner_toponyms(text, ents, found) == []
    ents = [("Bukavu", 0, 6)]
    assert R._ner_toponyms("Bukavu was calm.", ents, []) == [Toponym("Bukavu", 0, 6)]
    assert [t.name for t in find_toponyms("Bukavu was calm.", ents)] == ["Bukavu"]


# --- a name the gazetteer lacks ----------------------------------------------------------------------------

def test_an_area_word_asks_for_an_area():
    assert R._wants_area(_top("Soran", keyword="district"))
    assert R._wants_area(_top("Kirkuk", keyword="province"))
    assert not R._wants_area(_top("Almaty", keyword="city"))
    assert not R._wants_area(_top("Basra"))


def test_a_transliteration_variant_of_a_stated_district(gaz):
    found = R._transliteration_variants(_top("Hawija", keyword="district"), gaz, _ctx(IQ=2), [])
    assert [(p.name, p.country_code, p.admin1, k) for p, k in found] == [("Al Hawijah", "IQ", "Kirkuk", "city")]
    # with no country and no area stated a variant is taken only for a far larger city
    assert R._transliteration_variants(_top("Hawija", keyword="district"), gaz, _ctx(), []) == []


def test_a_far_larger_city_is_the_variant_meant(gaz):
    found = R._far_larger_city(gaz, "Nasriya")
    assert [(p.name, p.country_code, k) for p, k in found] == [("Nasiriyah", "IQ", "city")]
    assert R._far_larger_city(gaz, "Springfield") == []  # many towns of that size: none is meant


def test_a_stated_district_places_the_variant_near_its_town(gaz):
    hints = ["Uthungulu", "KwaZulu-Natal"]
    admin1 = R._hint_areas(hints, gaz)[0]
    assert admin1 == {("ZA", "kwazulu natal")}
    assert [p.name for p in R._stated_district_seats(gaz, hints, admin1)] == ["Richards Bay"]
    assert R._stated_district_seats(gaz, ["KwaZulu-Natal"], admin1) == []  # one area alone is the province
    seat = R._stated_district_seats(gaz, hints, admin1)
    stated = R._Stated(*R._hint_areas(hints, gaz))
    far = next(p for p, k in gaz.lookup("Durban") if k == "city" and p.country_code == "ZA")
    near = next(p for p, k in gaz.lookup("Empangeni") if k == "city" and p.country_code == "ZA")
    assert R._variant_confirmed(near, seat, stated, _ctx())
    assert not R._variant_confirmed(far, seat, stated, _ctx())


def test_a_district_known_only_as_its_towns_admin2(gaz):
    admin1 = R._hint_areas(["Meghalaya"], gaz)[0]
    res = R._district_known_as_admin2(_top("East Khasi Hills", keyword="district", hints=("Meghalaya",)), gaz, admin1)
    assert _where(res) == ("Shillong", "IN", "city", 2) and res.place.admin1 == "Meghalaya"
    # a village is not a district
    assert R._district_known_as_admin2(_top("East Khasi Hills", keyword="village", hints=("Meghalaya",)), gaz,
                                       admin1) is None


def test_a_village_the_gazetteer_lacks_stands_at_its_stated_area(gaz):
    top = _top("Qaryat Zzyzx", hints=("Walungu", "Sud-Kivu"))
    res = R._name_the_gazetteer_lacks(top, gaz, _ctx())
    assert _where(res) == ("Sud-Kivu", "CD", "admin1", 3)
    assert _where(R._name_the_gazetteer_lacks(_top("Qaryat Zzyzx"), gaz, _ctx())) == (None, None, "unknown", 2)


# --- scoring the candidates --------------------------------------------------------------------------------

def test_the_article_country_term(gaz):
    paris = max((p for p, k in gaz.lookup("Paris") if k == "city"), key=lambda p: p.population)
    assert paris.country_code == "FR"
    top = _top("Paris")
    assert R._score_article_country(paris, "city", _reading(gaz, top, _ctx())) == 0.0
    assert R._score_article_country(paris, "city", _reading(gaz, top, _ctx(FR=2))) == 8.0
    assert R._score_article_country(paris, "city", _reading(gaz, top, _ctx(FR=5))) == 12.0
    # a capital or a city of a million people is named from anywhere: its country unnamed costs it less
    assert R._score_article_country(paris, "city", _reading(gaz, top, _ctx(US=1))) == -2.0
    assert R._score_article_country(paris, "city", _reading(gaz, top, _ctx(US=0.5))) == -2.0
    town = max((p for p, k in gaz.lookup("Paris") if k == "city" and p.country_code == "US"),
               key=lambda p: p.population)
    assert R._score_article_country(town, "city", _reading(gaz, top, _ctx(FR=1))) == -6.0
    assert R._score_article_country(town, "city", _reading(gaz, top, _ctx(FR=0.5))) == -3.0


def test_a_place_s_own_name_beats_an_alternate_name(gaz):
    r = _reading(gaz, _top("Porto"), _ctx())
    porto = next(p for p, k in r.cands if k == "city" and p.name == "Porto" and p.country_code == "PT")
    bordeaux = next(p for p, k in r.cands if p.name == "Bordeaux")
    assert R._score_own_name(porto, "city", r) == 0.8
    # "Porto" is no spelling of "Bordeaux" (another language's name of it): it counts less (session 12)
    assert R._score_own_name(bordeaux, "city", r) == -1.5
    r = _reading(gaz, _top("Nancy"), _ctx())
    hamlet = next(p for p, k in r.cands if p.country_code == "US")
    assert R._score_own_name(hamlet, "city", r) == -1.0


def test_the_kind_term(gaz):
    r = _reading(gaz, _top("Georgia"), _ctx())
    state = next(p for p, k in r.cands if k == "admin1")
    country = next(p for p, k in r.cands if k == "country")
    assert R._score_kind(country, "country", r) == 5.0
    assert R._score_kind(state, "admin1", r) == 2.5
    r = _reading(gaz, _top("Sagaing"), _ctx())  # a province named after its capital: bare, it is the city
    region = next(p for p, k in r.cands if k == "admin1")
    assert R._score_kind(region, "admin1", r) == 0.0
    r = _reading(gaz, _top("Sagaing", keyword="region"), _ctx())
    assert R._score_kind(region, "admin1", r) == 5.0
    r = _reading(gaz, _top("Sagaing", keyword="town"), _ctx())
    assert R._score_kind(region, "admin1", r) == -4.0


def test_a_stated_area_of_the_place_before_is_around_it(gaz):
    ctx = _ctx(US=1)
    atlanta = R.resolve(_top("Atlanta", hints=("Georgia",)), gaz, ctx)
    assert _where(atlanta) == ("Atlanta", "US", "city", 1)
    r = _reading(gaz, _top("Georgia"), ctx)
    assert r.area_of_prev and r.prev is atlanta.place
    state = next(p for p, k in r.cands if k == "admin1")
    assert R._score_area_of_prev("admin1", r) == 4.0 and R._score_beside_prev(state, "admin1", r) == 15.0
    assert _where(R._resolve(_top("Georgia"), gaz, ctx)) == ("Georgia", "US", "admin1", 3)


def test_the_stated_areas_terms(gaz):
    r = _reading(gaz, _top("London", hints=("Ohio",)), _ctx())
    ohio = next(p for p, k in r.cands if p.country_code == "US" and p.admin1 == "Ohio")
    uk = next(p for p, k in r.cands if p.country_code == "GB")
    assert R._score_stated_areas(ohio, "city", r) == (3.0, 8.0)
    assert R._score_stated_areas(uk, "city", r) == (-3.0, 0.0)


def test_anchors_pull_their_neighbours(gaz):
    kirkuk = next(p for p, k in gaz.lookup("Kirkuk") if k == "city")
    ctx = GeoContext(Counter({"IQ": 1}), [kirkuk])
    r = _reading(gaz, _top("Daquq"), ctx)
    daquq = next(p for p, k in r.cands if p.country_code == "IQ")
    (pull,) = R._score_near_anchors(daquq, r)
    assert 1.0 < pull < 1.5
    assert R._score_near_anchors(daquq, _reading(gaz, _top("Daquq"), _ctx(IQ=1))) == []


def test_geo_precision():
    assert R._geo_precision(_top("Kirkuk"), "admin1") == 3
    assert R._geo_precision(_top("Iraq"), "country") == 3
    assert R._geo_precision(_top("Tikrit", prep="near"), "city") == 2
    assert R._geo_precision(_top("Soran", keyword="district"), "city") == 2
    assert R._geo_precision(_top("Tikrit"), "city") == 1
    assert R._geo_precision(_top("Almaty", keyword="city"), "city") == 1


def test_the_best_candidate_follows_the_article_and_the_stated_area(gaz):
    place, kind, score = R._best_candidate(_reading(gaz, _top("London"), _ctx(GB=1)))
    assert (place.country_code, place.admin1, kind) == ("GB", "England", "city") and score > 0
    place, kind, _ = R._best_candidate(_reading(gaz, _top("London", hints=("Ohio",)), _ctx(US=1)))
    assert (place.country_code, place.admin1, kind) == ("US", "Ohio", "city")


# --- rules that overrule the best candidate -----------------------------------------------------------------

def test_a_district_of_the_reported_country_is_no_town_abroad(gaz):
    ctx = _ctx(NP=2)
    r = _reading(gaz, _top("Bara", keyword="district"), ctx)
    place, kind, score = R._best_candidate(r)
    assert kind == "city" and place.country_code != "NP" and score < 0
    assert _where(R._district_is_no_town_abroad(r, place, kind, score)) == (None, None, "unknown", 2)
    assert R._district_is_no_town_abroad(r, place, kind, 1.0) is None


def test_a_stated_town_of_the_reported_country_beats_a_namesake_abroad(gaz):
    assert _where(R._resolve(_top("Ivanovka", hints=("Soroca",)), gaz, _ctx(MD=1))) == ("Soroca", "MD", "city", 2)


def test_a_stated_province_beats_a_namesake_outside_it(gaz):
    res = R._resolve(_top("Pisky", keyword="village", hints=("Donetsk",)), gaz, _ctx(UA=1))
    assert _where(res) == ("Donetsk", "UA", "city", 2) and res.place.admin1 == "Donetsk"


def test_the_sole_town_of_its_name_keeps_its_province(gaz):
    r = _reading(gaz, _top("Kramatorsk", hints=("Kharkiv",)), _ctx(UA=1))
    place, kind, score = R._best_candidate(r)
    assert R._sole_town_of_its_name(r, place, kind)
    assert R._stated_province_beats_namesake(r, place, kind, score) is None
    res = R._resolve(r.top, gaz, r.ctx)
    # the town's point; its admin1 the stated one since session 12 (``_in_the_stated_area``)
    assert _where(res) == ("Kramatorsk", "UA", "city", 1) and res.place.admin1 == "Kharkiv"


def test_a_part_of_a_metropolis_lies_in_it(gaz):
    res = R._resolve(_top("Walworth", keyword="area", hints=("London",)), gaz, _ctx(GB=1))
    assert _where(res) == ("London", "GB", "city", 2)


def test_a_stated_town_pulls_a_town_near_it(gaz):
    r = _reading(gaz, _top("Daquq", hints=("Kirkuk",)), _ctx(IQ=1))
    daquq = next(p for p, k in r.cands if p.country_code == "IQ")
    assert 2.0 < R._score_near_stated_town(daquq, "city", r) < 4.0  # some 45 km south of Kirkuk
    assert R._score_near_stated_town(daquq, "admin1", r) == 0.0
    r = _reading(gaz, _top("Daquq", hints=("Basra",)), _ctx(IQ=1))  # some 500 km away: no pull
    assert R._score_near_stated_town(daquq, "city", r) == 0.0
