"""Dates: explicit and relative date expressions resolved against the publication date.

time_precision as ACLED codes it: 1 the day is known, 2 the week (or "around" a date), 3 the month.
Without a publication date, relative expressions are not resolved: the date stays None, precision 3,
and the weekday named is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import NamedTuple

from dateutil import parser as du_parser

from ..knowledge import FoldedPattern, alternatives
from ..model import DateMention

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

DATE_RX = FoldedPattern(  # case-insensitive, matched by its lower-cased twin (the same matches)
    r"\b(?P<explicit>(?:(?:on|since|from|by|until)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"(?:,?\s+\d{4})?|" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}))\b"
    r"|\b(?P<monthyear>(?:in\s+|early\s+|late\s+|mid-?)?" + _MONTHS + r"\s+\d{4})\b"
    r"|\b(?P<lastyear>(?:(?:in\s+|early\s+|late\s+|mid-?)?(?P<lmonth>" + _MONTHS + r")\s+(?:of\s+)?)?last\s+year|"
    r"a\s+year\s+ago)\b"
    r"|\b(?P<year>in\s+(?:19|20)\d{2}|(?:a|the)\s+(?:19|20)\d{2}(?=\s+[a-z]))\b"
    r"|\b(?P<weekday>(?:(?:last|this|on|late|early|since|past)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:night|morning|evening|afternoon|midnight))?)\b"
    r"|\b(?P<rel>yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|overnight|"
    r"the day before yesterday|earlier (?:this|in the) week|earlier today|last week|this week|earlier this month|"
    r"last month|(?:two|three|four|five|six|2|3|4|5|6) days ago|a week ago|(?:two|three|2|3) weeks ago|"
    r"last weekend|this weekend|over the weekend|the weekend)\b",
)


def _weekday_before(published: dt.date, weekday: int, allow_same_day: bool = True) -> dt.date:
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and not allow_same_day:
        delta = 7
    return published - dt.timedelta(days=delta)


def _parse_explicit(text: str, published: dt.date | None) -> tuple[dt.date | None, bool]:
    clean = re.sub(r"^(?:on|since|from|by|until)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", clean)
    clean = re.sub(r"\bof\b", "", clean)
    has_year = bool(re.search(r"\d{4}", clean))
    if not has_year and published is None:
        return None, False
    default = dt.datetime(published.year if published else 2000, 1, 1)
    try:
        d = du_parser.parse(clean, default=default, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None, has_year
    if not has_year and published is not None and d > published + dt.timedelta(days=2):
        d = d.replace(year=d.year - 1)  # "on December 30" read in January
    return d, has_year


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """All date expressions in a sentence, resolved against ``published`` where needed."""
    out: list[DateMention] = []
    for m in DATE_RX.finditer(sentence):
        text = m.group(0)
        low = text.lower()
        if m.group("explicit"):
            d, has_year = _parse_explicit(text, published)
            if d is None and not has_year:
                wd = next((w for w in WEEKDAYS if w in low), None)
                out.append(DateMention(None, 3, m.start(), m.end(), text, wd))
                continue
            out.append(DateMention(d, 1, m.start(), m.end(), text, None, has_year))
        elif m.group("monthyear"):
            try:
                bare = re.sub(r"^(?:in|early|late|mid-?)\s*", "", low)
                d = du_parser.parse(bare, default=dt.datetime(2000, 1, 1)).date()
            except (ValueError, OverflowError):
                continue
            out.append(DateMention(d.replace(day=1), 3, m.start(), m.end(), text, None, True))
        elif m.group("lastyear"):
            # "in January last year", "last year", "a year ago": a month or the year before publication
            if published is None:
                out.append(DateMention(None, 3, m.start(), m.end(), text, None))
                continue
            month = m.group("lmonth")
            if month:
                n = du_parser.parse(month.rstrip("."), default=dt.datetime(2000, 1, 1)).month
                d = dt.date(published.year - 1, n, 1)
            elif low.startswith("a year"):
                d = published.replace(day=1) - dt.timedelta(days=365)
                d = d.replace(day=1)
            else:
                d = dt.date(published.year - 1, 1, 1)
            out.append(DateMention(d, 3, m.start(), m.end(), text, None, True))
        elif m.group("year"):
            y = int(re.search(r"\d{4}", low).group(0))
            out.append(DateMention(dt.date(y, 1, 1), 3, m.start(), m.end(), text, None, True))
        elif m.group("weekday"):
            wd = next(w for w in WEEKDAYS if w in low)
            if published is None:
                out.append(DateMention(None, 3, m.start(), m.end(), text, wd))
                continue
            if low.startswith("last ") or low.startswith("past "):
                d = _weekday_before(published, WEEKDAYS.index(wd), allow_same_day=False)
            else:
                d = _weekday_before(published, WEEKDAYS.index(wd))
            out.append(DateMention(d, 1, m.start(), m.end(), text, wd))
        else:
            if published is None:
                out.append(DateMention(None, 3, m.start(), m.end(), text, None))
                continue
            d, prec = _relative(low, published)
            out.append(DateMention(d, prec, m.start(), m.end(), text))
    return out


def _relative(low: str, published: dt.date) -> tuple[dt.date, int]:
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    if low in ("today", "tonight", "earlier today") or low.startswith("this "):
        if low in ("this week", "this weekend"):
            return published, 2
        return published, 1
    if low in ("yesterday", "last night", "overnight"):
        return published - dt.timedelta(days=1), 1
    if low == "the day before yesterday":
        return published - dt.timedelta(days=2), 1
    m = re.match(r"(\w+) days ago", low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else words[m.group(1)]
        return published - dt.timedelta(days=n), 1
    if low in ("last weekend", "over the weekend", "the weekend"):
        return _weekday_before(published, 5, allow_same_day=False), 2
    if low in ("last week", "a week ago"):
        return published - dt.timedelta(days=7), 2
    m = re.match(r"(\w+) weeks ago", low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else words[m.group(1)]
        return published - dt.timedelta(days=7 * n), 2
    if low.startswith("earlier"):
        return published - dt.timedelta(days=3), 2
    if low == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), 3
    return published, 2


_SAID_ON = re.compile(r"\b" + alternatives("statement") + r"\s+$")


def statement_date(text: str, d: DateMention) -> bool:
    """Is the date that of a statement ("police said on Thursday", "residents said Wednesday")? It only bounds
    the event it reports."""
    return bool(_SAID_ON.search(text[max(0, d.start - 30):d.start]))


_DAYS_AFTER = re.compile(r"\b(a|one|two|three|four|five|\d)\s+days?\s+after\b", re.I)
_DAY_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


class DaysAfter(NamedTuple):
    days: int
    start: int  # where "N days after" starts in the sentence
    end: int


def days_after(text: str, end: int) -> DaysAfter | None:
    """The last "N days after" before ``end``: (N, where the phrase starts, where it ends), or None. An event told after
    "a day after" happened that many days before the date the sentence gives."""
    m = next(reversed(list(_DAYS_AFTER.finditer(text, 0, end))), None)
    if m is None:
        return None
    return DaysAfter(_DAY_WORDS.get(m.group(1).lower()) or int(m.group(1)), m.start(), m.end())


# the date of a sentence's event, among the dates it states
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[–—-]\s")
_VAGUE = ("overnight", "tonight", "today", "this morning", "this afternoon", "this evening", "last night")


def pick_date(dates: list[DateMention], trigger: int, text: str = "") -> DateMention | None:
    usable = [d for d in dates if d.date is not None or d.weekday]
    # "its biggest victory since the insurgency began in 2017", "for the first time since 2016": the month or
    # year a comparison reaches back to is not the event's date
    usable = [d for d in usable if d.time_precision == 1 or not re.search(r"\bsince\b[^,;.]{0,50}$",
                                                                          text[max(0, d.start - 60):d.start], re.I)]
    # "responsible for the 2004 grenade attack": a year that names another event, as an adjective, is not a date
    # (the year of the trigger's own noun, "the 2003 murder of", dates it)
    usable = [d for d in usable if not (re.fullmatch(r"(?:the\s+)?(?:19|20)\d\d", d.text, re.I) and
                                        not 0 <= trigger - d.end <= 25 and (
        d.text[0].isalpha() or re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[max(0, d.start - 6):d.start],
                                        re.I)) and re.match(r"\s+(?!(?:and|to|or|until|when|after|before)\b)[a-z]",
                                                            text[d.end:]))]
    if not usable:
        return None
    # a sentence-initial date ("On 20 January 2022, ...") dates the main clause, not a date told inside it
    # "GAZA, July 30 - An air strike late on Monday ...": a dateline's date is the report's, not the event's
    usable = [d for d in usable if not (d.start <= 30 and _DATELINE_END.match(text, d.end))] or usable
    lead = [d for d in usable if d.start <= 8 and d.date is not None]
    if lead and d_before(lead[0], trigger, text):
        return lead[0]
    # "police said on Wednesday that four were killed ... on Tuesday": the date of a statement is not the event's
    return min(usable, key=lambda d: (d.time_precision == 3 and d.date is not None, d.text.lower() in _VAGUE,
                                      statement_date(text, d),
                                      abs(d.start - trigger)))


def days_back(text: str, trigger: int, stated: DateMention | None) -> int:
    """The one "a day after" rule: "the curfew came on Sunday, a day after gunmen stormed a bar" - the event
    told after "N days after" happened N days before the date the sentence states (``stated``, which must
    come before the phrase, the phrase within 80 characters of the trigger) or, in a sentence with no date of
    its own (``stated`` None), before the date it takes from the report. 0 where no such phrase governs."""
    after = days_after(text, trigger)
    if after is None or (stated is not None and (after.start < stated.end or trigger - after.end > 80)):
        return 0
    return after.days


def days_before(date: DateMention | None, text: str, trigger: int) -> DateMention | None:
    """A sentence's own date moved back by "N days after" (``days_back``)."""
    if date is None or date.date is None:
        return date
    n = days_back(text, trigger, date)
    return replace(date, date=date.date - dt.timedelta(days=n)) if n else date


def d_before(lead: DateMention, trigger: int, text: str) -> bool:
    """Does the sentence-initial date govern a trigger after it? Not when someone's statement that day
    lies between them ('On Monday, police said gunmen killed five on Saturday')."""
    return lead.end <= trigger and not re.search(r"\b" + alternatives("statement") + r"\b",
                                                 text[lead.end:trigger], re.I)


