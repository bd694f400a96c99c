"""Issue 14, session 10: general readings that place local news right. Sentences written for these tests."""

import eventcoder


def _named(text, name):
    return [f for f in eventcoder.geoparse(text) if f["name"].lower() == name.lower()]


def test_a_town_named_inside_a_name_pulls_its_neighbours():
    # Belchertown is named only inside a school's name; it still places the Amherst beside it in Massachusetts,
    # not the larger Amherst of New York
    text = "Rivkin taught for years at the Belchertown State School. The school board of Amherst elected him on Tuesday."
    amherst = _named(text, "Amherst")
    assert amherst and all(f["admin1"] == "Massachusetts" for f in amherst), amherst
