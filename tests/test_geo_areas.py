"""Admin areas and the hierarchy a text states: admin1 names across GeoNames, ISO and ACLED conventions,
provinces placed at their capitals, districts (also those known only as their towns' admin2), countrysides,
and the containing areas that decide a place (self-written sentences)."""

import datetime as dt
import math

import pytest

import eventcoder
from eventcoder.geo.gazetteer import default_gazetteer
from eventcoder.geo.resolve import GeoContext, Toponym, find_toponyms, resolve


def _place(text, published=dt.date(2022, 6, 1)):
    evs = eventcoder.extract(text, published)
    assert evs, text
    return evs[0].place


@pytest.mark.parametrize("a, b", [
    ("Niedersachsen", "Lower Saxony"), ("Bayern", "Bavaria"), ("Nordrhein-Westfalen", "North Rhine-Westphalia"),
    ("Nouvelle-Aquitaine", "Aquitaine"), ("Occitanie", "Languedoc-Roussillon"), ("Bretagne", "Brittany"),
    ("Cataluna", "Catalonia"), ("Andalucia", "Andalusia"), ("Lombardia", "Lombardy"), ("Puglia", "Apulia"),
    ("Veracruz de Ignacio de la Llave", "Veracruz"), ("Ciudad de Mexico", "Mexico City"),
    ("Michoacan de Ocampo", "Michoacan"), ("Seoul Special City", "Seoul"), ("North Chungcheong", "Chungcheongbuk-do"),
    ("Gyeonggi", "Gyeonggi-do"), ("Madhesh", "Province 2"), ("Salah al-Din", "Salah ad Din"), ("Ninewa", "Nineveh"),
    ("Thi Qar", "Dhi Qar"), ("Wassit", "Wasit"), ("Al Anbar", "Anbar"), ("Khyber Pakhtunkhwa", "KPK"),
    ("Kinshasa", "Kinshasa"), ("Ituri", "Ituri"), ("Sud-Kivu", "South Kivu"), ("Nord-Kivu", "North Kivu"),
    ("Dara", "Daraa"), ("Rural Damascus", "Rif Dimashq"), ("Mangystau", "Mangghystau"), ("Stockholms", "Stockholm"),
    ("Slaskie", "Silesian"), ("Lower Shabelle", "Shabeellaha Hoose"), ("Extreme-Nord", "Far North"),
    ("Kurdistan", "Kordestan"), ("Casablanca-Settat", "Grand Casablanca"), ("Jammu and Kashmir", "Kashmir"),
])
def test_same_admin1_across_conventions(a, b):
    g = default_gazetteer()
    assert g.same_admin1(a, b) and g.same_admin1(b, a)


@pytest.mark.parametrize("a, b", [("Bayern", "Sachsen"), ("Sud-Kivu", "Nord-Kivu"), ("Al Anbar", "Baghdad"),
                                  ("North Darfur", "South Darfur"), ("Punjab", "Sindh")])
def test_different_admin1_are_different(a, b):
    assert not default_gazetteer().same_admin1(a, b)


def _km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


@pytest.mark.parametrize("name, cc, capital", [
    ("Salahuddin", "IQ", (34.607, 43.678)),  # Tikrit, not the larger Samarra
    ("North Kivu", "CD", (-1.679, 29.223)),  # Goma
    ("Michoacan", "MX", (19.706, -101.195)),  # Morelia
    ("Bavaria", "DE", (48.135, 11.582)),  # Munich
    ("Occitanie", "FR", (43.604, 1.444)),  # Toulouse
    ("Gyeonggi", "KR", (37.263, 127.029)),  # Suwon
])
def test_province_placed_at_its_capital(name, cc, capital):
    g = default_gazetteer()
    r = resolve(Toponym(name, 0, len(name), "in", "province"), g, GeoContext({cc: 2}, []))
    assert r.kind == "admin1" and r.geo_precision == 3 and r.place.country_code == cc
    assert _km((r.place.latitude, r.place.longitude), capital) < 15


def test_the_countryside_of_a_town_is_coded_at_that_town():
    p = _place("On 4 March 2022, gunmen shot dead a farmer in a village in the Manbij countryside of Aleppo.")
    assert (p.name, p.admin1, p.country, p.geo_precision) == ("Manbij", "Aleppo", "Syria", 2)


def test_a_village_in_the_countryside_of_a_town_lies_at_that_town():
    tops = {t.name: t for t in find_toponyms("a drone struck the village of Qirq Bilah in the countryside of "
                                             "Maarat al-Numan in Idlib")}
    assert tops["Qirq Bilah"].hints == ("Maarat al-Numan", "Idlib")
    p = _place("On 6 March 2022, a drone struck the village of Qirq Bilah in the countryside of Maarat al-Numan "
               "in Idlib, wounding two children.")
    assert p.admin1 == "Idleb" and p.geo_precision == 2 and "Nu`man" in p.name


def test_a_district_named_after_its_town():
    p = _place("On 7 March 2022, protesters blocked a road in Madikonda village (Warangal Rural district, "
               "Telangana) over water shortages.")
    assert (p.name, p.admin1, p.geo_precision) == ("Warangal", "Telangana", 2)


def test_a_district_known_only_as_admin2_stated_without_a_district_word():
    # "eThekwini", "Uthungulu": South African municipalities, written with a lower-case prefix
    assert "eThekwini" in find_toponyms("a mob attacked a man in Ntuzuma (eThekwini, KwaZulu-Natal)")[0].hints
    p = _place("On 5 March 2022, a mob beat a suspected thief to death in Ezimfabeni (Uthungulu, KwaZulu-Natal).")
    assert (p.name, p.admin1, p.geo_precision) == ("Richards Bay", "KwaZulu-Natal", 2)


def test_an_unknown_village_of_a_district_known_only_as_admin2_lies_at_its_main_town():
    p = _place("On 5 May 2022, villagers staged a protest in Pyndengrei village (East Khasi Hills district, "
               "Meghalaya) against power cuts.")
    assert p.name == "Shillong" and p.geo_precision == 2


def test_an_unknown_district_itself_known_only_as_admin2():
    p = _place("On 7 May 2022, police dispersed protesters in East Khasi Hills district (Meghalaya) with tear gas.")
    assert p.name == "Shillong" and p.geo_precision == 2


def test_unknown_villages_of_a_named_lga_lie_at_the_lga_town():
    p = _place("On 3 May 2022, bandits attacked Tungar Kudu and Rafin Gora villages in Gusau LGA (Zamfara), "
               "killing four residents.")
    assert p.name == "Gusau" and p.geo_precision == 2


def test_unknown_village_falls_back_to_its_stated_district():
    p = _place("On 16 March 2024, unidentified armed men killed a man in Qaryat Zzyzx (Walungu, Sud-Kivu) and "
               "injured three civilians.", dt.date(2024, 5, 15))
    assert p.country_code == "CD" and p.admin1 == "Sud-Kivu" and p.geo_precision in (2, 3)


def test_a_district_beats_its_province_when_both_are_stated():
    p = _place("On 9 May 2022, soldiers clashed with militants in the Kawuri area of Konduga district in "
               "Borno state. Casualties unknown.")
    assert p.name == "Konduga" and p.admin1 == "Borno" and p.geo_precision == 2


def test_several_towns_of_a_province_keep_the_province():
    p = _place("On 4 May 2022, in the state of Jalisco, soldiers were deployed to reinforce security in the "
               "municipalities of Tepatitlan and Lagos de Moreno.")
    assert p.geo_precision == 3 and p.admin1 == "Jalisco"


def test_a_part_of_a_metropolis_is_no_namesake_far_away():
    p = _place("On 3 May 2022, rioters set cars on fire in the Walworth area of London - Southwark after a man "
               "died in police custody.")
    assert (p.name, p.country, p.geo_precision) == ("London", "United Kingdom", 2)
    p = _place("On 3 May 2022, rioters set cars on fire in the Walworth area of London, police said.")
    assert (p.name, p.country) == ("London", "United Kingdom")


def test_a_namesake_abroad_yields_to_the_stated_province():
    # a town named like its township, stated in a Myanmar region: never a namesake in another country
    p = _place("On 2 May 2022, in Kamma town (Kamma township, Thayet district, Magway region), resistance "
               "fighters attacked a police station.")
    assert p.country_code == "MM" and p.admin1 == "Magway"


def test_namesake_outside_the_stated_province_yields():
    found = eventcoder.geoparse("Russian forces shelled the village of Pisky, Donetsk, on Monday.")
    pisky = next(f for f in found if f["name"] == "Pisky")
    assert pisky["country_code"] == "UA" and pisky["admin1"] == "Donetsk"  # no Pisky in Donetsk: not Poltava's


@pytest.mark.parametrize(("text", "want"), [
    # ISO 3166-2 second-level areas (Burkina Faso's Gourma, Bangladesh's Noakhali) under their admin1
    ("On 3 May 2022, gunmen shot dead two traders in the village of Kandiaga (Yamba, Gourma).",
     {"country": "Burkina Faso", "admin1": "Est", "geo_precision": 3}),
    ("On 3 May 2022, two groups of villagers clashed over a canal in Dakshinpara (Sonaimuri, Noakhali), "
     "injuring 12 people.", {"country": "Bangladesh", "admin1": "Chittagong"}),
    # "Muse" is a small town in Pennsylvania too; the stated Shan State, later in the text, says where it is
    ("On 9 March 2022, unknown gunmen shot a shopkeeper in a village of Muse township (coded as Muse) "
     "(Muse district, Shan-North state).", {"country": "Myanmar"}),
    # "Mexico" is a country and one of its states; after a city it is the country
    ("On 11 January 2022, in Ciudad de Mexico - Centro, Mexico, armed men shot dead a taxi driver.",
     {"name": "Mexico City", "geo_precision": 1}),
    # stated areas read in two countries: the one most of them name ("Barcelona" is a town of Sorsogon too)
    ("On 2 March 2022, gunmen killed a farmer in Barangay Tagdon (Barcelona, Sorsogon, Bicol Region).",
     {"country": "Philippines", "admin1": "Bicol"}),
    # "X area in Y district of Z": the chain of areas, not a namesake of X in the attackers' country
    ("On 4 May 2022, Turkish drones struck PKK positions in Sida area (local name) in Amadiya district of Duhok.",
     {"country": "Iraq", "admin1": "Dahuk"}),
    # names with "'s", Portuguese "do"/"dos" and Persian "e" inside them
    ("On 2 May 2022, nurses rallied outside the hospital in St. John's (Newfoundland and Labrador) over staffing.",
     {"name": "St. John's", "admin1": "Newfoundland and Labrador"}),
    ("On 8 May 2022, gunmen robbed a bank in Divinopolis do Tocantins (Tocantins) and took hostages.",
     {"admin1": "Tocantins", "geo_precision": 1}),
    ("On 9 May 2022, dock workers protested in Bandar e Emam Khomeyni city (Khuzestan) over unpaid wages.",
     {"admin1": "Khuzestan", "geo_precision": 1}),
    # a sizeable town, the only one of its name in the country, stated with the wrong province: the town (coded
    # under the stated province since session 12, see test_geo_session12)
    ("On 3 April 2022, artillery shells hit a school in Kramatorsk, Kharkiv, injuring two teachers.",
     {"name": "Kramatorsk", "country": "Ukraine"}),
    # a Korean address: the county ("-gun") stands for its seat; villages ("-ri", "-myeon") are not looked up bare
    ("On 3 May 2022, farmers held a protest with banners in front of the county office (Galsan-ri, Hongbuk-myeon, "
     "Hongseong-gun) against a new waste incinerator.", {"name": "Hongseong", "geo_precision": 2}),
    # a name with 's inside it ("Moi" alone is another place)
    ("On 3 May 2022, traders protested in Moi's Bridge town (Uasin Gishu) against rising insecurity.",
     {"admin1": "Uasin Gishu", "geo_precision": 1}),
    # a town named with its qualifier ("Neustadt" alone is an alternate name of a Romanian city)
    ("On 3 May 2022, about 200 people protested in Neustadt an der Weinstrasse against the closure of a hospital.",
     {"admin1": "Rheinland-Pfalz", "geo_precision": 1}),
    ("On 3 May 2022, nurses protested in Neustadt in Sachsen against the closure of a hospital.",
     {"name": "Neustadt in Sachsen", "admin1": "Sachsen"}),
])
def test_stated_areas_and_countries_decide_the_place(text, want):
    p = _place(text)
    assert {k: getattr(p, k) for k in want} == want
