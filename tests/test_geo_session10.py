"""Issue 14, session 10: general readings that place local news right. Sentences written for these tests."""

import eventcoder


def _named(text, name):
    return [f for f in eventcoder.geoparse(text) if f["name"].lower() == name.lower()]


def test_a_town_named_inside_a_name_pulls_its_neighbours():
    # Belchertown is named only inside a school's name; it still places the Amherst beside it in Massachusetts,
    # not the larger Amherst of New York
    text = ("Rivkin taught for years at the Belchertown State School. The school board of Amherst elected him "
            "on Tuesday.")
    amherst = _named(text, "Amherst")
    assert amherst and all(f["admin1"] == "Massachusetts" for f in amherst), amherst


def test_a_country_name_before_a_townspeoples_word_is_a_town():
    # English names a country's people by its demonym ("a Palestinian man"); "a Palestine man" is from the
    # Texan town, and so is every other mention of the name in the article
    text = ("A 54-year-old Palestine man was sentenced on Friday at the Anderson County Courthouse. Police said "
            "he fled from officers in Palestine last year.")
    pal = _named(text, "Palestine")
    assert len(pal) == 2 and all((f["country_code"], f["admin1"]) == ("US", "Texas") for f in pal), pal
    text = "Jordan Elementary School received a check from a store in Shakopee. Pupils in Jordan will buy books."
    jordan = _named(text, "Jordan")
    assert jordan and all((f["country_code"], f["admin1"]) == ("US", "Minnesota") for f in jordan), jordan


def test_a_country_named_with_its_demonym_stays_the_country():
    text = "King Abdullah of Jordan met a Jordanian man and the Lebanese prime minister in Amman on Monday."
    jordan = _named(text, "Jordan")
    assert jordan and jordan[0]["feature_code"] == "PCLI" and jordan[0]["country_code"] == "JO", jordan


def test_a_county_in_the_state_the_article_is_about():
    # Boone County is in several states; the article names Indiana three times and Ohio and Kentucky once each
    text = ("Boone County's jobless rate rose to 7.7 percent in February, the Indiana Department of Workforce "
            "Development said. Indiana's rate grew to 9.4 percent. Boone County ranks 42nd of Indiana's 92 "
            "counties; Ohio and Kentucky fared better.")
    boone = [f for f in eventcoder.geoparse(text) if f["name"].startswith("Boone")]
    assert boone and all(f["admin1"] == "Indiana" for f in boone), boone


def test_no_state_leads_where_two_are_named_alike():
    # Kentucky and Ohio named once each: neither leads, so the county is read as before (by size and towns)
    text = "Boone County's jobless rate rose to 7.7 percent in February. Ohio and Kentucky fared better."
    boone = [f for f in eventcoder.geoparse(text) if f["name"].startswith("Boone")]
    assert boone and boone[0]["feature_code"] == "ADM2" and boone[0]["country_code"] == "US", boone


def test_a_bare_name_whose_city_is_called_x_city_is_the_province():
    # English tells the city from its state with "City" ("New York City", "Quebec City", "Oklahoma City"):
    # the bare name is the state or province
    for text, name, cc in [("Baltia won approval to fly between New York and St. Petersburg.", "New York", "US"),
                           ("Wildfires forced evacuations across Quebec on Monday.", "Quebec", "CA"),
                           ("Storms tore roofs off barns across Oklahoma.", "Oklahoma", "US")]:
        found = _named(text, name)
        assert found and found[0]["feature_code"] == "ADM1" and found[0]["country_code"] == cc, (text, found)
    city = _named("She moved to New York City in 1980 and later to Albany, New York.", "New York City")
    assert city and city[0]["feature_code"] != "ADM1" and abs(city[0]["latitude"] - 40.71) < 0.2, city


def test_a_province_named_after_its_capital_is_still_the_city_bare():
    # no "Kirkuk City" in the gazetteer: bare Kirkuk stays the city
    found = _named("Two bombs exploded in Kirkuk on Tuesday, police said.", "Kirkuk")
    assert found and found[0]["feature_code"] != "ADM1" and found[0]["country_code"] == "IQ", found


def test_a_country_called_a_town_is_a_town():
    # "the city of Jordan": no country is called a city; Jordan, Minnesota is meant
    text = "Voters in the city of Jordan approved the new school levy, and Shakopee voters rejected theirs."
    jordan = _named(text, "Jordan")
    assert jordan and (jordan[0]["country_code"], jordan[0]["admin1"]) == ("US", "Minnesota"), jordan


def test_a_town_named_with_a_word_the_finder_cuts_off_is_read_whole():
    # "Red" (as in Red Cross) and "City" are stop or area words, but Red Deer and Boulder City are towns
    for text, name, admin1 in [("Floods closed roads in Red Deer, Alberta, on Monday.", "Red Deer", "Alberta"),
                               ("Ranchers met in Boulder City on Friday.", "Boulder City", "Nevada"),
                               ("Surfers crowded beaches on the Central Coast.", "Central Coast", "New South Wales")]:
        found = _named(text, name)
        assert found and found[0]["admin1"] == admin1, (text, eventcoder.geoparse(text))


def test_a_small_town_is_not_made_of_a_name_and_the_word_after_it():
    # Central Park, Washington has under 5,000 people: "Central Park" in New York names no town
    found = eventcoder.geoparse("Thousands marched through Central Park in New York on Sunday.")
    assert not [f for f in found if f["name"] == "Central Park"], found


def test_a_county_with_its_state_abbreviated_lies_in_that_state():
    text = "Similar studies were done in Kane County, Ill., and Jefferson County, Colo., last year."
    found = eventcoder.geoparse(text)
    jefferson = [f for f in found if f["name"].startswith("Jefferson")]
    assert jefferson and jefferson[0]["admin1"] == "Colorado" and jefferson[0]["feature_code"] == "ADM2", found


def test_the_people_of_a_state_are_an_adjectival_toponym_of_the_state():
    found = eventcoder.geoparse("The census will employ 8,000 Minnesotans. The drill prepares Ohioans for storms.")
    assert [(f["name"], f["admin1"], f["feature_code"], f["adjectival"]) for f in found] == [
        ("Minnesotans", "Minnesota", "ADM1", True), ("Ohioans", "Ohio", "ADM1", True)], found
    found = _named("In the Dagestani capital, police shot four men.", "Dagestani")
    assert found and found[0]["country_code"] == "RU" and found[0]["admin1"] == "Dagestan", found


def test_an_adjective_alone_is_no_state():
    # "Victorian" without a plural is an age more often than the people of Victoria
    found = eventcoder.geoparse("Victorian houses line the street near the river.")
    assert not [f for f in found if f["name"] == "Victorian"], found


def test_a_body_named_with_a_demonym_is_its_countrys():
    for text, name, cc in [("Alstom, American Electric Power and RWE are partners.", "American", "US"),
                           ("A Georgian Foreign Ministry statement said rebels fired first.", "Georgian", "GE"),
                           ("The aqueduct has been closed by British Waterways for repairs.", "British", "GB")]:
        found = _named(text, name)
        assert found and found[0]["country_code"] == cc and found[0]["adjectival"], (text, found)


def test_a_legislators_party_and_home_town_or_state():
    text = ("State Sen. Ray Miller, D-Columbus, and Rep. Barbara Lee, D-Oakland, spoke. Sens. Byrd and "
            "Rockefeller, both D-W. Va., agreed; Rep. Jones, R-Elbow Lake, did not.")
    found = {f["name"]: f for f in eventcoder.geoparse(text)}
    assert found["Oakland"]["admin1"] == "California", found
    assert found["W. Va."]["admin1"] == "West Virginia" and found["W. Va."]["feature_code"] == "ADM1", found
    assert found["Elbow Lake"]["admin1"] == "Minnesota", found
    assert "Columbus" in found and "Rep" not in found, found  # a title is no place


def test_a_dateline_after_the_byline_date_or_with_its_state_abbreviated():
    found = eventcoder.geoparse("By Russ Zimmer, Advocate Reporter, March 15, 2009 NEWARK -- It is not an unusual "
                                "sight, the fire chief said.")
    assert [f["name"] for f in found] == ["NEWARK"], found
    found = eventcoder.geoparse("Storm overturns big rigs. SALINA, Kan. Strong winds toppled 13 vehicles.")
    salina = [f for f in found if f["name"] == "SALINA"]
    assert salina and salina[0]["admin1"] == "Kansas", found
    # capitals after a year with no dash, or with no state after the comma, are no dateline
    assert eventcoder.geoparse("The report, March 15, 2009 NEWARK ADVOCATE staff wrote, was late.") == []
    assert eventcoder.geoparse("We met in 2009. SALINA, the report said, grew.") == []


def test_a_state_abbreviation_before_a_lower_case_word_stands_alone():
    for text, admin1 in [("Major Mich. utilities seek double-digit rate boosts.", "Michigan"),
                         ("Mass. legislators put off debate on gas tax hike.", "Massachusetts")]:
        found = eventcoder.geoparse(text)
        assert found and found[0]["admin1"] == admin1 and found[0]["feature_code"] == "ADM1", (text, found)
    # a full stop ending a sentence is followed by a capital: "Mass." there is no state
    assert eventcoder.geoparse("They attended Mass. The priest spoke of peace.") == []


def test_a_town_stated_in_a_country_that_shares_a_states_name():
    text = ("Opposition members arrested. TBILISI, Georgia -- Georgian police arrested several opposition members "
            "on Monday.")
    tbilisi = _named(text, "TBILISI")
    assert tbilisi and tbilisi[0]["country_code"] == "GE" and tbilisi[0]["feature_code"] != "ADM1", tbilisi
    atlanta = _named("Storms hit Atlanta, Georgia, on Monday.", "Atlanta")
    assert atlanta and atlanta[0]["admin1"] == "Georgia" and atlanta[0]["country_code"] == "US", atlanta


def test_a_county_iso_lists_whose_towns_the_gazetteer_files_under_another_name():
    # the gazetteer files County Mayo's towns under "Maigh Eo"; pycountry lists Mayo under Connaught: the county
    # is read in Connaught, not as Mayo, Maryland
    found = _named("Mayo County Council is sanctioning several major developments in Kiltimagh.", "Mayo")
    assert found and found[0]["country_code"] == "IE" and found[0]["admin1"] == "Connaught", found
    laurel = [f for f in eventcoder.geoparse("Laurel County deputies arrested two men.") if f["name"] == "Laurel"]
    assert laurel and laurel[0]["feature_code"] == "ADM2" and laurel[0]["admin1"] == "Kentucky", laurel
