"""State forces named by the government period that covers the event (ACLED's naming)."""

import datetime as dt

import eventcoder
from eventcoder.extract.periods import period_label, period_name


def test_the_period_that_covers_the_event_date():
    name = "Military Forces of Nigeria (2015-2023)"
    assert period_name(name, dt.date(2022, 3, 1)) == "Military Forces of Nigeria (2015-2023)"
    assert period_name(name, dt.date(2024, 2, 10)) == "Military Forces of Nigeria (2023-)"
    assert period_name(name, dt.date(2023, 5, 28)) == "Military Forces of Nigeria (2015-2023)"  # the day before
    assert period_name("Police Forces of the United States (2021-)", dt.date(2025, 3, 1)) == \
        "Police Forces of the United States (2025-)"


def test_no_period_known_leaves_the_suffix_off():
    guatemala = "Military Forces of Guatemala (2020-2024)"
    assert period_name(guatemala, dt.date(1988, 6, 1)) == "Military Forces of Guatemala"
    # a country with no periods listed keeps its name's own period only where the event falls within it
    assert period_label("Freedonia", dt.date(2022, 1, 1), 2019, None) == "2019-"
    assert period_label("Freedonia", dt.date(2012, 1, 1), 2019, None) is None


def test_other_names_and_undated_events_are_unchanged():
    group = "Unidentified Armed Group (Nigeria)"
    assert period_name(group, dt.date(2024, 1, 1)) == group
    assert period_name("Military Forces of Nigeria (2015-2023)", None) == "Military Forces of Nigeria (2015-2023)"
    unit = "Military Forces of Iran (1979-) Islamic Revolutionary Guard Corps"
    assert period_name(unit, dt.date(2024, 1, 1)) == unit


def test_an_event_of_2024_names_the_government_of_2024():
    events = eventcoder.extract("Nigerian soldiers clashed with bandits in Zamfara on Monday, killing 12.",
                                dt.date(2024, 2, 7))
    names = {e.actor1.name for e in events} | {e.actor2.name for e in events if e.actor2}
    assert "Military Forces of Nigeria (2023-)" in names
    assert not any("2015-2023" in n for n in names)
