"""Places stated through the areas around them (self-written sentences): "X countryside", districts named
after their town, districts known only as their towns' admin2, transliterations with no country stated."""

import datetime as dt

import eventcoder
from eventcoder.geo.gazetteer import default_gazetteer
from eventcoder.geo.resolve import country_context, find_toponyms


def _place(text: str):
    evs = eventcoder.extract(text, dt.date(2022, 6, 1))
    assert evs
    return evs[0].place


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


def test_a_town_in_a_province_countryside_takes_the_province_as_its_area():
    tops = {t.name: t for t in find_toponyms("Troops shelled Kafr Nabl town in Idlib countryside.")}
    assert tops["Kafr Nabl"].hints == ("Idlib",)
    assert tops["Idlib"].keyword == "countryside"


def test_a_spelling_variant_of_a_large_city_with_no_country_stated():
    p = _place("On 3 March 2022, rioters burned tyres east of Nasriya city to demand jobs.")
    assert (p.name, p.country) == ("Nasiriyah", "Iraq")


def test_a_district_named_after_its_town():
    p = _place("On 7 March 2022, protesters blocked a road in Madikonda village (Warangal Rural district, "
               "Telangana) over water shortages.")
    assert (p.name, p.admin1, p.geo_precision) == ("Warangal", "Telangana", 2)


def test_a_district_known_only_as_admin2_stated_without_a_district_word():
    # "eThekwini", "Uthungulu": South African municipalities, written with a lower-case prefix
    assert "eThekwini" in find_toponyms("a mob attacked a man in Ntuzuma (eThekwini, KwaZulu-Natal)")[0].hints
    p = _place("On 5 March 2022, a mob beat a suspected thief to death in Ezimfabeni (Uthungulu, KwaZulu-Natal).")
    assert (p.name, p.admin1, p.geo_precision) == ("Richards Bay", "KwaZulu-Natal", 2)


def test_korea_alone_is_south_korea():
    ctx = country_context("Truck drivers went on strike across Korea on Tuesday.", None, default_gazetteer(), [])
    assert ctx.country_votes.most_common(1)[0][0] == "KR"


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


def test_a_title_ends_a_place_name_and_a_party_in_brackets_is_no_place():
    names = [t.name for t in find_toponyms("the Mayor (Independent), the Liguria Region President (Let's Change) "
                                           "and the Kano State Governor spoke at (Seoul City - Jongno)")]
    assert "Liguria" in names and "Kano" in names and "Seoul City" in names
    assert "Let" not in names and not any("President" in n or "Governor" in n for n in names)


def test_a_part_of_a_metropolis_is_no_namesake_far_away():
    p = _place("On 3 May 2022, rioters set cars on fire in the Walworth area of London - Southwark after a man "
               "died in police custody.")
    assert (p.name, p.country, p.geo_precision) == ("London", "United Kingdom", 2)
    p = _place("On 3 May 2022, rioters set cars on fire in the Walworth area of London, police said.")
    assert (p.name, p.country) == ("London", "United Kingdom")


def test_a_towns_own_name_as_its_district_leaves_the_country_to_the_article():
    p = _place("On 4 May 2022, cadres of the CPN(UML) padlocked the party office in Ilam municipality (Ilam "
               "district) in protest against the nomination.")
    assert (p.name, p.country) == ("Ilam", "Nepal")


def test_the_coded_place_wins_where_nothing_says_the_country():
    p = _place("On 5 May 2022, in Sucre state (coded to Cumana, Sucre), protesters blocked a road to demand water.")
    assert (p.name, p.country, p.admin1) == ("Cumaná", "Venezuela", "Sucre")
    # the areas after a bracketed remark belong to the name inside it
    tops = {t.name: t for t in find_toponyms("in Khenj valley [location coded to Khinj], Panjshir")}
    assert tops["Khinj"].hints == ("Panjshir",)


def test_a_namesake_abroad_yields_to_the_stated_town_of_the_reported_country():
    p = _place("On 2 March 2022, farmers blocked a road in Ivanovka (Soroca) to demand drought compensation, "
               "Moldovan media reported. Moldova's farmers' union backed them.")
    assert (p.name, p.country, p.geo_precision) == ("Soroca", "Moldova", 2)


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


def test_a_town_named_as_a_capital():
    p = _place("On 4 May 2022, intelligence agents arrested at least 23 people in the provincial capital Ahvaz.")
    assert (p.name, p.country) == ("Ahvaz", "Iran")
