import datetime as dt

from eventcoder.extract.when import find_dates

PUB = dt.date(2018, 6, 2)  # a Saturday


def one(text, pub=PUB):
    ds = [d for d in find_dates(text, pub)]
    assert ds, text
    return ds[0]


def test_weekdays_resolve_to_the_past_week():
    assert one("on Thursday").date == dt.date(2018, 5, 31)
    assert one("Wednesday night").date == dt.date(2018, 5, 30)
    assert one("last Saturday").date == dt.date(2018, 5, 26)


def test_relative_words():
    assert one("yesterday").date == dt.date(2018, 6, 1)
    d = one("last week")
    assert d.date == dt.date(2018, 5, 26) and d.time_precision == 2


def test_explicit_dates():
    assert one("On 19 June 2022, people gathered").date == dt.date(2022, 6, 19)
    assert one("on March 3").date == dt.date(2018, 3, 3)
    d = one("in October 2017")
    assert d.date == dt.date(2017, 10, 1) and d.time_precision == 3


def test_without_publication_date_the_weekday_is_kept():
    d = one("on Thursday", None)
    assert d.date is None and d.weekday == "thursday" and d.time_precision == 3


def test_sentence_initial_date_dates_the_main_clause_and_later_events():
    import datetime as dt

    import eventcoder
    evs = eventcoder.extract("On 20 January 2024, relatives of a man found dead on 13 January protested outside the "
                             "police station in Asuncion.", dt.date(2024, 1, 25))
    assert [str(e.date.date) for e in evs] == ["2024-01-20"]
    evs = eventcoder.extract("On 8 January 2024, teachers in Belem held a meeting. The teachers then blocked a highway "
                             "to demand higher pay.", dt.date(2024, 1, 25))
    assert [str(e.date.date) for e in evs] == ["2024-01-08"]


def test_last_year_and_a_month_of_it():
    d = one("In January last year, a suicide bomber struck a mosque")
    assert (d.date, d.time_precision) == (dt.date(2017, 1, 1), 3)
    assert one("in Dec. of last year").date == dt.date(2017, 12, 1)
    assert one("Last year, gunmen killed 20 people").date == dt.date(2017, 1, 1)
    assert one("a year ago").date == dt.date(2017, 6, 1)
    assert one("last year", None).date is None


def test_an_event_of_last_year_told_in_a_report_is_background():
    import eventcoder

    evs = eventcoder.extract("Gunmen shot dead two policemen at a checkpoint in Bannu on Tuesday. In January last "
                             "year, a suicide bombing at a mosque in Peshawar killed more than 80 people.",
                             dt.date(2024, 7, 19))
    assert [(e.place.name, e.date.date) for e in evs] == [("Bannu", dt.date(2024, 7, 16))]


def test_the_date_of_a_statement_does_not_date_the_event_it_reports():
    import eventcoder

    evs = eventcoder.extract("Police said on Thursday that three gunmen were killed during an operation against a "
                             "kidnapping gang in the forest near Kumasi on Wednesday.", dt.date(2024, 5, 17))
    assert [(e.sub_event_type, e.date.date) for e in evs] == [("Armed clash", dt.date(2024, 5, 15))]


def test_an_undated_sentence_goes_on_with_the_day_the_sentence_before_opens_with():
    import eventcoder

    evs = eventcoder.extract("Gunmen killed two traders in Beni on Monday. On Wednesday afternoon, residents blocked "
                             "the main road into Beni to protest against the killings. Some threw stones at police "
                             "officers, who fired tear gas.", dt.date(2024, 5, 17))
    assert {e.date.date for e in evs if e.event_type == "Riots"} == {dt.date(2024, 5, 15)}


def test_a_datelines_date_is_the_reports_not_the_events():
    import eventcoder

    pub = dt.date(2024, 5, 16)
    evs = eventcoder.extract("CAIRO/GAZA, May 16 – An air strike on a family home in Khan Younis late on Tuesday "
                             "killed at least five people.", pub)
    assert [e.date.date for e in evs] == [dt.date(2024, 5, 14)]
    evs = eventcoder.extract("May 16 (Reuters) - Gunmen killed four farmers in Guma on Tuesday, police said.", pub)
    assert [e.date.date for e in evs] == [dt.date(2024, 5, 14)]
    evs = eventcoder.extract("May 16 (Reuters) - Gunmen killed four farmers in Guma, police said.", pub)
    assert [e.date.date for e in evs] == [dt.date(2024, 5, 16)]  # no other date: the report's day


def test_days_back_is_the_one_a_day_after_rule():
    from eventcoder.extract.when import days_after, days_back, find_dates

    text = "The curfew was imposed on Sunday, a day after gunmen stormed a bar in the town."
    trig = text.index("stormed")
    stated = find_dates(text, dt.date(2023, 5, 10))[0]
    assert days_after(text, trig).days == 1
    assert days_back(text, trig, stated) == 1  # the stated date comes before the phrase
    assert days_back(text, trig, None) == 1  # a sentence with no date of its own: from the report's date
    assert days_back("Gunmen stormed a bar in the town on Sunday.", 7, None) == 0
    late = "Two days after the vote, on Sunday, gunmen stormed a bar in the town."
    assert days_back(late, late.index("stormed"), find_dates(late, dt.date(2023, 5, 10))[0]) == 0


def test_days_before_moves_the_stated_date_back():
    from eventcoder.extract.when import days_before, find_dates

    text = "Talks resumed on Tuesday, two days after fighters shelled the market."
    d = find_dates(text, dt.date(2023, 5, 12))[0]
    moved = days_before(d, text, text.index("shelled"))
    assert moved.date == d.date - dt.timedelta(days=2)
    assert days_before(None, text, 10) is None
