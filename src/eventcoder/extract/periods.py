"""State forces named by the period of the government they serve, as ACLED names them.

"Military Forces of Nigeria (2015-2023)" is right for a 2022 event and wrong for a 2024 one
("(2023-)"). ``period_name`` gives a state actor's name the period that covers the event's date, from
``data/state_periods.json``; for a country not listed there, the period written in the actor's name is
kept where the event falls within it, and otherwise left off (never a period that does not cover the event).
"""

from __future__ import annotations

import datetime as dt
import re

from ..knowledge import state_periods

_STATE = re.compile(r"^(?P<head>(?:Military Forces|Police Forces|Government) of (?:the )?(?P<country>.+?)) "
                    r"\((?P<start>\d{4})-(?P<end>\d{4})?\)(?P<tail>.*)$")


def period_label(country: str, date: dt.date, start: int | None = None, end: int | None = None) -> str | None:
    """The label of the government period of ``country`` that covers ``date`` ("2023-"), or None."""
    known = state_periods().get(country)
    if known:
        label = None
        for first, lab in known:
            if dt.date.fromisoformat(first) <= date:
                label = lab
        return label
    if start is not None and start <= date.year and (end is None or date.year <= end):
        return f"{start}-{end if end is not None else ''}"
    return None


def period_name(name: str, date: dt.date | None) -> str:
    """A state actor's name with the period that covers ``date`` (other names, and undated events, unchanged)."""
    m = _STATE.match(name)
    if m is None or date is None:
        return name
    label = period_label(m["country"], date, int(m["start"]), int(m["end"]) if m["end"] else None)
    return f"{m['head']} ({label}){m['tail']}" if label else f"{m['head']}{m['tail']}"
