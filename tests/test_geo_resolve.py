"""How a toponym's place is chosen among its namesakes: the article's country, the kind and size of
place, spelling variants, and which of an article's places is the event's (self-written sentences)."""

import datetime as dt

import eventcoder
from eventcoder.geo.gazetteer import default_gazetteer, skeleton
from eventcoder.geo.resolve import GeoContext, Toponym, find_toponyms, resolve


def _place(text, published=dt.date(2022, 6, 1)):
    evs = eventcoder.extract(text, published)
    assert evs, text
    return evs[0].place


def test_transliteration_variants():
    assert skeleton("Nassriya") == skeleton("An Nasiriyah")
    assert skeleton("Hawija") == skeleton("Al Hawijah")
    assert skeleton("Makhmour") == skeleton("Makhmur")
    g = default_gazetteer()
    ctx = GeoContext({"IQ": 2}, [])
    r = resolve(Toponym("Hawija", 0, 6, "in", "district"), g, ctx)
    assert r.place is not None and r.place.country_code == "IQ" and abs(r.place.latitude - 35.33) < 0.2
    # a loose match is never taken for a bare capitalised word
    assert resolve(Toponym("Capitol", 0, 7, "at"), g, GeoContext({"US": 2}, [])).place is None


def test_a_spelling_variant_of_a_large_city_with_no_country_stated():
    p = _place("On 3 March 2022, rioters burned tyres east of Nasriya city to demand jobs.")
    assert (p.name, p.country) == ("Nasiriyah", "Iraq")


def test_a_country_stated_as_the_place_is_coded_at_its_capital():
    p = _place("On 3 May 2022, about 300 people marched in Luxembourg against the new vaccination law.")
    assert (p.name, p.country, p.geo_precision) == ("Luxembourg", "Luxembourg", 3) and p.admin1
    p = _place("On 8 May 2022, thousands of people demonstrated in Portugal against the war.")
    assert (p.name, p.country, p.geo_precision) == ("Lisbon", "Portugal", 3)


def test_a_country_named_in_passing_yields_to_the_articles_town():
    evs = eventcoder.extract("On 8 May 2022, hundreds of people gathered in Bologna to mark Liberation Day. Some "
                             "demonstrated against arms shipments to Ukraine.", dt.date(2022, 6, 1))
    assert [(e.sub_event_type, e.place.name, e.place.country) for e in evs] == [
        ("Peaceful protest", "Bologna", "Italy")]


def test_camps_mountains_deserts_and_honorifics_stand_for_their_town():
    cases = {
        "On 4 May 2022, refugees clashed with police in Dadaab Refugee Camp (Garissa) over food rations.": "Dadaab",
        "On 5 May 2022, an IED killed two soldiers in Hazrati Imam Sahib district, Kunduz.": "Imam Sahib",
        "On 6 May 2022, Iraqi troops killed three IS militants in the Ar Rutba desert in Anbar.": "Ar Rutbah",
        "On 7 May 2022, Turkish drones struck PKK positions on Mount Sinjar (Ninewa).": "Sinjar",
    }
    for text, want in cases.items():
        assert _place(text).name == want, text


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


def test_a_town_named_as_a_capital():
    p = _place("On 4 May 2022, intelligence agents arrested at least 23 people in the provincial capital Ahvaz.")
    assert (p.name, p.country) == ("Ahvaz", "Iran")


def test_a_towns_own_name_as_its_district_leaves_the_country_to_the_article():
    p = _place("On 4 May 2022, cadres of the CPN(UML) padlocked the party office in Ilam municipality (Ilam "
               "district) in protest against the nomination.")
    assert (p.name, p.country) == ("Ilam", "Nepal")


def test_a_district_of_the_reported_country_is_no_namesake_town_abroad():
    # Nepal's Bara district is not Bara, a town in Nigeria; "CPN(US)" names a party, not the United States
    p = _place("On 2 May 2022, NC and CPN(UML) cadres clashed at a polling station in Bara district, injuring four.")
    assert p is None or p.country in (None, "Nepal")
    p = _place("On 2 May 2022, police fired tear gas at cadres of CPN(US) who pelted stones at the municipal office "
               "in Mangalsen (Achham district).")
    assert p.country == "Nepal"


def test_a_namesake_abroad_yields_to_the_stated_town_of_the_reported_country():
    p = _place("On 2 March 2022, farmers blocked a road in Ivanovka (Soroca) to demand drought compensation, "
               "Moldovan media reported. Moldova's farmers' union backed them.")
    assert (p.name, p.country, p.geo_precision) == ("Soroca", "Moldova", 2)


def test_the_coded_place_wins_where_nothing_says_the_country():
    p = _place("On 5 May 2022, in Sucre state (coded to Cumana, Sucre), protesters blocked a road to demand water.")
    assert (p.name, p.country, p.admin1) == ("Cumaná", "Venezuela", "Sucre")
    # the areas after a bracketed remark belong to the name inside it
    tops = {t.name: t for t in find_toponyms("in Khenj valley [location coded to Khinj], Panjshir")}
    assert tops["Khinj"].hints == ("Panjshir",)


def test_event_takes_the_stated_place_not_a_street_or_an_origin():
    p = _place("On 9 June 2024, members of the Metro and EMT unions held a demonstration from the Plaza de Colon "
               "to the regional transport office in Madrid (Madrid) to demand more resources.", dt.date(2024, 5, 15))
    assert p.name == "Madrid" and p.country_code == "ES"
    p = _place("On 18 May 2024, in San Luis Potosi, San Luis Potosi, immigration agents detained 39 migrants "
               "from Cuba, Georgia, Honduras and Venezuela who were found inside a hotel.", dt.date(2024, 5, 15))
    assert p.country_code == "MX" and p.admin1 == "San Luis Potosi"


def test_a_place_told_with_another_date_is_another_events():
    assert find_toponyms("in Lima - Zone 5 (Lima), relatives")[0].hints == ("Lima",)
    p = _place("On 3 June 2022, in Lima - Zone 5 (Lima), relatives gathered outside the Bolivian embassy to demand "
               "justice for two students killed during a clash with police on 4 August 2019 in El Alto, Bolivia.")
    assert (p.name, p.country) == ("Lima", "Peru")


def test_where_the_injured_were_taken_is_not_where_it_happened():
    text = ("Curfew imposed in Nepalgunj after riot\nNEPALGUNJ, March 3: Protesters set fire to a police post in "
            "Nepalgunj Sub-Metropolitan City on Saturday after a student died in custody.\n\nHundreds of locals had "
            "gathered at the town square on Saturday morning carrying the body of the student. Two of the injured "
            "protesters were referred to Kathmandu for further treatment.")
    evs = eventcoder.extract(text, dt.date(2024, 3, 3))
    assert evs and {e.place.name for e in evs} == {"Nepalgunj"}
