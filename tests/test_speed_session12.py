"""Session 12 speed: a district's towns are read from the gazetteer once per name."""

from __future__ import annotations

from eventcoder.geo import resolve
from eventcoder.geo.gazetteer import Gazetteer, default_gazetteer


class _Counting:
    """A connection that counts the queries it is given."""

    def __init__(self, con):
        self.con, self.n = con, 0

    def execute(self, *args):
        self.n += 1
        return self.con.execute(*args)


def test_the_towns_of_a_district_are_queried_once_per_name():
    g = Gazetteer(default_gazetteer().path)
    counting = _Counting(g.con)
    g.con = counting
    towns = g.places_in_admin2("Kent")
    assert towns and all(t.admin2.lower().startswith("kent") for t in towns)
    assert g.places_in_admin2("Kent") is towns
    assert counting.n == 1
    # the district seat is chosen from them, inside the stated province only
    gb = {(t.country_code, resolve.admin_norm(t.admin1)) for t in towns if t.country_code == "GB"}
    seat = resolve._admin2_seat(g, "Kent", gb)
    assert seat is not None and seat.country_code == "GB"
    assert resolve._admin2_seat(g, "Kent", {("ZZ", "nowhere")}) is None
    assert counting.n == 1
