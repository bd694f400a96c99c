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
