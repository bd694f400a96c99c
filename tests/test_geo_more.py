"""More place-selection rules (self-written sentences)."""

import datetime as dt

import pytest

import eventcoder
from eventcoder.geo.resolve import find_toponyms


def _place(text: str):
    evs = eventcoder.extract(text, dt.date(2022, 6, 1))
    assert evs
    return evs[0].place


def test_capitalised_area_word_ends_the_name():
    tops = {t.name: t for t in find_toponyms("Gunmen raided two hamlets in Gusau LGA (Zamfara) at night.")}
    assert "Gusau" in tops and "Gusau LGA" not in tops
    assert tops["Gusau"].keyword == "lga" and tops["Gusau"].hints == ("Zamfara",)
    tops = {t.name: t for t in find_toponyms("Troops shelled villages near Kanbalu Township on Sunday.")}
    assert tops["Kanbalu"].keyword == "township"
    # a city's own name keeps its 'City'
    assert "Quezon City" in {t.name for t in find_toponyms("Protesters marched in Quezon City on Monday.")}


def test_unknown_villages_of_a_named_lga_lie_at_the_lga_town():
    p = _place("On 3 May 2022, bandits attacked Tungar Kudu and Rafin Gora villages in Gusau LGA (Zamfara), "
               "killing four residents.")
    assert p.name == "Gusau" and p.geo_precision == 2


def test_a_district_beats_its_province_when_both_are_stated():
    p = _place("On 9 May 2022, soldiers clashed with militants in the Kawuri area of Konduga district in "
               "Borno state. Casualties unknown.")
    assert p.name == "Konduga" and p.admin1 == "Borno" and p.geo_precision == 2


def test_several_towns_of_a_province_keep_the_province():
    p = _place("On 4 May 2022, in the state of Jalisco, soldiers were deployed to reinforce security in the "
               "municipalities of Tepatitlan and Lagos de Moreno.")
    assert p.geo_precision == 3 and p.admin1 == "Jalisco"


def test_marched_through_a_town():
    tops = {t.name: t for t in find_toponyms("About 300 people marched through Leeds on Saturday.")}
    assert tops["Leeds"].prep == "through"
    p = _place("On 5 March 2022, about 300 people marched through Utrecht against the coronavirus measures.")
    assert p.name == "Utrecht" and p.geo_precision == 1


def test_a_name_with_a_dot_inside_is_no_place():
    assert "Ver" not in {t.name for t in find_toponyms("Nurses, including members of Ver.di union, rallied in Bremen.")}


def test_a_namesake_abroad_yields_to_the_stated_province():
    # a town named like its township, stated in a Myanmar region: never a namesake in another country
    p = _place("On 2 May 2022, in Kamma town (Kamma township, Thayet district, Magway region), resistance "
               "fighters attacked a police station.")
    assert p.country_code == "MM" and p.admin1 == "Magway"


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


def test_a_direction_word_before_a_known_town():
    p = _place("On 2 March 2022, about 100 shopkeepers rallied in Northern Limassol against rising prices.")
    assert p.name == "Limassol"
    # a name the gazetteer knows whole keeps its direction word
    assert _place("On 2 March 2022, gunmen attacked a village in South Kivu.").admin1 == "Sud-Kivu"


def test_a_part_of_a_town_and_a_company_site():
    p = _place("On 3 June 2022, engineers protested in the Green Zone of Kabul against unpaid salaries.")
    assert p.name == "Kabul"
    tops = {t.name: t for t in find_toponyms("Activists gathered at the Shell oil facility near Rotterdam.")}
    assert tops["Shell"].keyword == "site"


def test_a_demonym_is_no_town():
    assert "Kazakh" not in {t.name for t in find_toponyms("They rallied in Vilnius in support of the Kazakh people.")}
    p = _place("On 10 January 2022, people protested in Vilnius in support of the Kazakh people.")
    assert p.name == "Vilnius"


def test_numbered_and_imeni_names_keep_their_stated_area():
    tops = {t.name: t for t in find_toponyms("Troops shelled positions in Mine 6/7, Luhansk. No casualties.")}
    assert tops["Mine"].hints == ("Luhansk",)
    tops = {t.name: t for t in find_toponyms("Troops shelled positions in Poselok imeni Morozova, Luhansk.")}
    assert tops["Poselok imeni Morozova"].hints == ("Luhansk",)


def test_an_unknown_village_of_a_district_known_only_as_admin2_lies_at_its_main_town():
    p = _place("On 5 May 2022, villagers staged a protest in Pyndengrei village (East Khasi Hills district, "
               "Meghalaya) against power cuts.")
    assert p.name == "Shillong" and p.geo_precision == 2


def test_an_unknown_district_itself_known_only_as_admin2():
    p = _place("On 7 May 2022, police dispersed protesters in East Khasi Hills district (Meghalaya) with tear gas.")
    assert p.name == "Shillong" and p.geo_precision == 2



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
    ("On 9 May 2022, dock workers went on strike in Bandar e Emam Khomeyni city (Khuzestan) over unpaid wages.",
     {"admin1": "Khuzestan", "geo_precision": 1}),
    # a sizeable town, the only one of its name in the country, stated with the wrong province
    ("On 3 April 2022, artillery shells hit a school in Kramatorsk, Kharkiv, injuring two teachers.",
     {"name": "Kramatorsk", "admin1": "Donetsk"}),
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


def test_a_district_of_the_reported_country_is_no_namesake_town_abroad():
    # Nepal's Bara district is not Bara, a town in Nigeria; "CPN(US)" names a party, not the United States
    p = _place("On 2 May 2022, NC and CPN(UML) cadres clashed at a polling station in Bara district, injuring four.")
    assert p is None or p.country in (None, "Nepal")
    p = _place("On 2 May 2022, police fired tear gas at cadres of CPN(US) who pelted stones at the municipal office "
               "in Mangalsen (Achham district).")
    assert p.country == "Nepal"
