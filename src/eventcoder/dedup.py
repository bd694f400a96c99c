"""Cross-report de-duplication: events that several articles report become one event with several sources.

A pure module: it reads :class:`~eventcoder.model.Event` values as the pipeline gives them and knows neither the
store nor spaCy. The one decision is :func:`same_occurrence`; :func:`cluster` applies it to a batch in about
linear time (reports are blocked by day x place cells, see :func:`block_keys`, and compared only within a
cell); :func:`combine` makes the merged event, with :func:`fatality_rule` for its toll and
:func:`source_field` for ACLED's ``source`` column. The rules and their reasons: README, "Cross-report de-duplication".
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar
from urllib.parse import urlsplit

from .errors import InputError
from .extract.taxonomy import SUB_EVENT_TYPES, Sub, civilian_targeting, disorder_type, interaction
from .model import Actor, Event, EventDate, Fatalities, Place

MAX_KM = 25.0  # two precisely placed reports of one occurrence lie within this distance
WEEK_DAYS = 7  # time_precision 2: the date is known within a week
MONTH_DAYS = 31  # time_precision 3: the date is known within a month

_KM_PER_DEG = 111.32
# grid cells twice the distance limit: with four half-shifted grids, two points within MAX_KM share a cell
_LAT_CELL = 2 * MAX_KM / _KM_PER_DEG


@dataclass(frozen=True)
class Report:
    """One article's coding of one event."""

    event: Event
    article_id: str
    outlet: str | None  # the source outlet, e.g. "Daily Trust"
    published: dt.date | None
    url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.event, Event):
            raise InputError(f"report of article {self.article_id!r}: event is {type(self.event).__name__}, "
                             "not an eventcoder Event")
        if not self.article_id:
            raise InputError("a report needs the id of the article it comes from")
        p = self.published
        if isinstance(p, dt.datetime):  # a datetime is taken as its day (dates and datetimes do not compare)
            object.__setattr__(self, "published", p.date())
        elif isinstance(p, str):
            try:
                object.__setattr__(self, "published", dt.date.fromisoformat(p.strip()[:10]))
            except ValueError:
                raise InputError(f"report of article {self.article_id!r}: published {p!r} is not an ISO date "
                                 "(YYYY-MM-DD)") from None
        elif p is not None and not isinstance(p, dt.date):
            raise InputError(f"report of article {self.article_id!r}: published {p!r} is not a date")


# ---------------------------------------------------------------------------------------------------------------
# sub-event types

# sub-event types that different outlets give for one occurrence: a protest told as peaceful by one outlet and
# as broken up or violent by another; a clash and the takeover it ended in; a missile told as an air strike; a
# bombing whose bomber is named in a later report. Remote explosives and shelling, an attack and an abduction,
# are different acts and never merge.
_COMPATIBLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION, Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
               Sub.VIOLENT_DEMONSTRATION}),
    frozenset({Sub.VIOLENT_DEMONSTRATION, Sub.MOB_VIOLENCE}),
    frozenset({Sub.ARMED_CLASH, Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY}),
    frozenset({Sub.AIR_DRONE_STRIKE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK}),
    frozenset({Sub.SUICIDE_BOMB, Sub.REMOTE_EXPLOSIVE_LANDMINE_IED}),
)
# compatible only when the two reports name the same actors (an attack one outlet calls a clash)
_SAME_ACTORS_PAIRS = frozenset({frozenset({Sub.ATTACK, Sub.ARMED_CLASH})})

# where outlets differ, the merged event takes the more specific or graver type (a protest that police broke
# up is a protest with intervention even if one outlet tells only the march); higher wins
_SPECIFICITY: dict[str, int] = {
    Sub.PEACEFUL_PROTEST: 1, Sub.PROTEST_WITH_INTERVENTION: 2, Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS: 3,
    Sub.VIOLENT_DEMONSTRATION: 4, Sub.MOB_VIOLENCE: 3,
    Sub.ARMED_CLASH: 1, Sub.GOVERNMENT_REGAINS_TERRITORY: 2, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY: 2,
    Sub.REMOTE_EXPLOSIVE_LANDMINE_IED: 1, Sub.SUICIDE_BOMB: 2,
    Sub.ATTACK: 1,
}


def compatible_types(a: str, b: str) -> bool:
    """Whether two sub-event types can be one occurrence told by two outlets (actors aside)."""
    if a == b:
        return True
    return any(a in g and b in g for g in _COMPATIBLE_GROUPS) or frozenset({a, b}) in _SAME_ACTORS_PAIRS


# ---------------------------------------------------------------------------------------------------------------
# actors

_PERIOD = re.compile(r"\s*\((?:\d{4})?-(?:\d{4})?\)\s*$")
_GENERIC = re.compile(r"^(?P<kind>Unidentified Armed Group|Unidentified Military Forces|Civilians|Protesters|Rioters)"
                      r"(?: \((?P<country>[^()]*)\))?$")
_STATE = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?:the )?(?P<country>.+)$")
_CROWD_KINDS = frozenset({"Protesters", "Rioters"})
_ARMED_GENERIC = frozenset({"Unidentified Armed Group", "Unidentified Military Forces"})


def _bare(name: str) -> str:
    """An actor's name without its government period ("Military Forces of Nigeria (2023-)")."""
    return _PERIOD.sub("", name.strip())


def _generic(a: Actor) -> tuple[str, str | None] | None:
    """(kind, country) of a generic actor ("Unidentified Armed Group (Nigeria)"), None for a named one."""
    m = _GENERIC.match(_bare(a.name))
    if not m:
        return None
    country = m.group("country")
    return m.group("kind"), (None if not country or country == "unknown country" else country)


def _state_country(a: Actor) -> str | None:
    m = _STATE.match(_bare(a.name))
    return m.group("country") if m else None


def is_generic(a: Actor | None) -> bool:
    """An unnamed side: unidentified gunmen, civilians, protesters, rioters (of some country)."""
    return a is None or _generic(a) is not None


def compatible_actors(a: Actor | None, b: Actor | None) -> bool:
    """Whether two outlets' names for one side of an event can be the same actor.

    The same name (a government period aside); no actor on one side; a generic actor and any actor of its kind
    (unidentified gunmen and any armed side; protesters and rioters; civilians and civilians) unless they name
    two different countries; state forces (military, police) of one country. Two different named groups: no.
    """
    if a is None or b is None:
        return True
    na, nb = _bare(a.name), _bare(b.name)
    if na == nb:
        return True
    ga, gb = _generic(a), _generic(b)
    if ga is None and gb is None:
        sa, sb = _state_country(a), _state_country(b)
        return sa is not None and sa == sb
    if ga is not None and gb is not None:
        (ka, ca), (kb, cb) = ga, gb
        if ca and cb and ca != cb:
            return False
        return ka == kb or {ka, kb} <= _CROWD_KINDS or {ka, kb} <= _ARMED_GENERIC
    kind, country = ga if ga is not None else gb  # type: ignore[misc]
    named = b if ga is not None else a
    state = _state_country(named)
    if country and state and state != country:
        return False
    if kind in _ARMED_GENERIC:
        return named.inter in (1, 2, 3, 4, 8)
    if kind in _CROWD_KINDS:
        return named.inter in (5, 6)
    return named.inter == 7  # civilians


def _aligned(a: Event, b: Event) -> bool | None:
    """True if b's actors line up with a's as given, False if swapped (a clash told from the other side),
    None if neither."""
    if compatible_actors(a.actor1, b.actor1) and compatible_actors(a.actor2, b.actor2):
        return True
    if compatible_actors(a.actor1, b.actor2) and compatible_actors(a.actor2, b.actor1):
        return False
    return None


def _named_actors(e: Event) -> frozenset[str]:
    return frozenset(_bare(x.name) for x in (e.actor1, e.actor2) if x is not None and not is_generic(x))


# ---------------------------------------------------------------------------------------------------------------
# dates and places

def _date_tolerance(a: Event, b: Event) -> int:
    p = max(a.date.time_precision, b.date.time_precision)
    return 0 if p <= 1 else WEEK_DAYS if p == 2 else MONTH_DAYS


def compatible_dates(a: Event, b: Event) -> bool:
    """The same day for two day-precise reports; within a week (a month) when either is week- (month-) precise.
    An event without a resolved date is compared with nothing."""
    da, db = a.date.date, b.date.date
    if da is None or db is None:
        return False
    return abs((da - db).days) <= _date_tolerance(a, b)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance (haversine), None where a place has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _norm(s: str | None) -> str:
    return (s or "").strip().casefold()


def _country(p: Place) -> str:
    return _norm(p.country_code or p.country)


def _province_precise(p: Place) -> bool:
    """Known only to its province or country (geo_precision 3), or with no point at all."""
    return (p.geo_precision or 1) >= 3 or p.latitude is None or p.longitude is None


def _area_precise(p: Place | None) -> bool:
    """A place known only to its area: "near X", a district or a province (geo_precision 2 or 3), or no point."""
    return p is not None and ((p.geo_precision or 1) >= 2 or p.latitude is None or p.longitude is None)


def compatible_places(a: Place | None, b: Place | None) -> bool:
    """Within MAX_KM; or in one admin1 where one of the two is known only to its province (geo_precision 3: the
    other lies in it); or, where one is known only to its district or as "near X" (geo_precision 2), in one admin2
    (one admin1 where either lacks an admin2). Two town-precise places farther apart than MAX_KM are two places,
    even in one district. Places in two countries never match; an event with no place matches none."""
    if a is None or b is None:
        return False
    if _country(a) and _country(b) and _country(a) != _country(b):
        return False
    d = distance_km(a, b)
    if d is not None and d <= MAX_KM:
        return True
    if a.admin1 and _norm(a.admin1) == _norm(b.admin1):
        if _province_precise(a) or _province_precise(b):
            return True  # the town lies in the province the other report names
        if _area_precise(a) or _area_precise(b):  # "near X", a district: the same district where both know one
            return not (a.admin2 and b.admin2) or _norm(a.admin2) == _norm(b.admin2)
    if d is None and _norm(a.name) == _norm(b.name) and _norm(a.admin1) == _norm(b.admin1):
        return True  # the same named place the gazetteer could not place
    return False


# ---------------------------------------------------------------------------------------------------------------
# the decision

def same_occurrence(a: Report, b: Report) -> bool:
    """Whether two reports (of different articles) tell the same occurrence: compatible sub-event types, dates
    within the date precision, places, and actors. Two events of one article are never merged here: the
    pipeline already decided they are different events."""
    if a.article_id == b.article_id:
        return False
    ea, eb = a.event, b.event
    if not compatible_types(ea.sub_event_type, eb.sub_event_type):
        return False
    if not compatible_dates(ea, eb) or not compatible_places(ea.place, eb.place):
        return False
    return _aligned(ea, eb) is not None


# ---------------------------------------------------------------------------------------------------------------
# blocking

def _grid_cells(p: Place) -> list[tuple]:
    """The four half-shifted grid cells of a point: two points within MAX_KM share at least one of them."""
    if p.latitude is None or p.longitude is None:
        return []
    cells: list[tuple] = []
    for sy in (0.0, 0.5):
        row = math.floor(p.latitude / _LAT_CELL + sy)
        # the row's longitude step: twice MAX_KM at the row's edge nearest a pole, so the bound holds at any latitude
        edge = max(abs((row - sy) * _LAT_CELL), abs((row + 1 - sy) * _LAT_CELL))
        wide = _LAT_CELL / max(math.cos(math.radians(min(edge, 89.9))), 1e-6)
        cols = max(1, math.floor(360.0 / wide))  # a whole number of columns round the globe: they wrap at 180
        for sx in (0.0, 0.5):
            col = math.floor((p.longitude + 180.0) * cols / 360.0 + sx) % cols
            cells.append(("g", sy, row, sx, col))
    return cells


def _place_keys(p: Place | None) -> list[tuple]:
    if p is None:
        return []
    keys = _grid_cells(p)
    c = _country(p)
    if p.admin2:
        keys.append(("a2", c, _norm(p.admin1), _norm(p.admin2)))
    if p.admin1:
        keys.append(("a1", c, _norm(p.admin1)))
    if p.latitude is None or p.longitude is None:
        keys.append(("n", c, _norm(p.admin1), _norm(p.name)))
    return keys


def _time_keys(e: Event) -> list[tuple]:
    """The day, and the half-shifted windows of a week and a month: two dates within a tolerance share a window
    of twice that tolerance."""
    d = e.date.date
    if d is None:
        return []
    n = d.toordinal()
    keys: list[tuple] = [("d", 0, n)]
    for tag, tol in (("w", WEEK_DAYS), ("m", MONTH_DAYS)):
        span = 2 * tol + 1
        keys.extend((tag, s, (n + s * (span // 2)) // span) for s in (0, 1))
    return keys


def block_keys(event: Event) -> tuple[Hashable, ...]:
    """Day x place cells of an event: two reports of one occurrence share at least one key.

    A key is a flat tuple of time and place. Time: the day, and windows of a week and a month (used only for week- and
    month-precise reports). Place: four half-shifted grid cells 50 km wide (two points within 25 km share one),
    the admin2 and the admin1 (used only with a place known only to its area), the place's name where it has no
    coordinates. An event without a date or a place has no key: it is compared with nothing.
    """
    tk, pk = _time_keys(event), _place_keys(event.place)
    return tuple(t + p for t in tk for p in pk)  # flat tuples: (time tag, shift, window, place tag, ...)


_TIME_NEED = {"d": 1, "w": 2, "m": 3}


def _key_needs(key: Hashable) -> tuple[int, bool]:
    """What a bucket's pairs need for it to be compared there: (the time_precision one of them must have at least,
    whether one of them must be known only to its area)."""
    return _TIME_NEED[key[0]], key[3] in ("a1", "a2")  # type: ignore[index]


class _Components:
    """Union-find over reports that refuses a union of two events of one article, of two different precise days
    or of more than two different named actors (single linkage would chain them through a vague report)."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.parent = list(range(len(reports)))
        self.articles: list[set[str]] = [{r.article_id} for r in reports]
        self.days: list[set[dt.date]] = [
            {r.event.date.date} if r.event.date.date and r.event.date.time_precision == 1 else set() for r in reports]
        self.named: list[frozenset[str]] = [_named_actors(r.event) for r in reports]

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if not self.articles[a].isdisjoint(self.articles[b]):
            return False
        if len(self.days[a] | self.days[b]) > 1 or len(self.named[a] | self.named[b]) > 2:
            return False
        if len(self.articles[a]) < len(self.articles[b]):
            a, b = b, a
        self.parent[b] = a
        self.articles[a] |= self.articles[b]
        self.days[a] |= self.days[b]
        self.named[a] |= self.named[b]
        return True


def _strict(e: Event) -> bool:
    """Known to the day and to the town: such reports are joined pairwise; the others are attached."""
    return e.date.time_precision <= 1 and e.date.date is not None and not _area_precise(e.place)


def _closeness(a: Event, b: Event) -> tuple[int, float, bool]:
    """How near two matching reports are (smaller is nearer): days apart, km apart, different sub-event type."""
    days = abs((a.date.date - b.date.date).days) if a.date.date and b.date.date else 10**6
    km = distance_km(a.place, b.place) if a.place and b.place else None
    return days, (km if km is not None else 10**6), a.sub_event_type != b.sub_event_type


def _vagueness(e: Event) -> tuple[int, int]:
    return e.date.time_precision, (e.place.geo_precision or 1) if e.place else 3


def cluster(reports: Sequence[Report]) -> list[list[int]]:
    """Group a batch of reports by occurrence: lists of indices into ``reports``, each sorted, ordered by their
    first index; every index appears exactly once (a report of no other's occurrence stands alone).

    Reports are put in buckets by :func:`block_keys` and compared only within a bucket, joined with union-find
    (never two events of one article, never two different days, never more than two named actors). First the
    reports known to the day and the town are joined pairwise in their day buckets; then each vaguer report
    (a week or a month, a district or a province: the least vague first) is attached to the one nearest report
    it matches in its buckets (days apart, then km), not to every one, so that a report of "an attack in Kaduna
    State" does not chain two attacks in two towns of the state into one. The cost grows with the number of
    reports times the bucket sizes (set by the density of events per day and place), not with its square.
    """
    collecting = gc.isenabled()
    gc.disable()  # nothing here makes reference cycles; the collector's passes over the buckets cost 40%
    try:
        return _cluster(reports)
    finally:
        if collecting:
            gc.enable()


def _cluster(reports: Sequence[Report]) -> list[list[int]]:
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    keys_of: list[tuple[Hashable, ...]] = []
    for i, r in enumerate(reports):
        ks = block_keys(r.event)
        keys_of.append(ks)
        for k in ks:
            buckets[k].append(i)
    comps = _Components(reports)
    strict = [_strict(r.event) for r in reports]
    for key, members in buckets.items():
        if len(members) < 2 or _key_needs(key) != (1, False):
            continue
        sure = [i for i in members if strict[i]]
        for x, i in enumerate(sure):
            for j in sure[x + 1:]:
                if comps.find(i) != comps.find(j) and same_occurrence(reports[i], reports[j]):
                    comps.union(i, j)
    vague = sorted((i for i in range(len(reports)) if not strict[i] and keys_of[i]),
                   key=lambda i: (_vagueness(reports[i].event), i))
    area = [_area_precise(r.event.place) for r in reports]
    subsets: dict[tuple[Hashable, int | str], list[int]] = {}

    def subset(k: Hashable, what: int | str) -> list[int]:
        """The members of a bucket known only to their area ("area"), or to a time_precision of at least what."""
        if (k, what) not in subsets:
            subsets[k, what] = [j for j in buckets[k] if (area[j] if what == "area"
                                                         else reports[j].event.date.time_precision >= what)]
        return subsets[k, what]

    for i in vague:
        e = reports[i].event
        cands: set[int] = set()
        for k in keys_of[i]:
            # a bucket's pairs need one report that vague in time, and one (the same or the other) in place
            need_time, need_area = _key_needs(k)
            time_ok = e.date.time_precision >= need_time
            area_ok = not need_area or area[i]
            if time_ok and area_ok:
                cands.update(buckets[k])
            elif time_ok:
                cands.update(subset(k, "area"))
            elif area_ok:
                cands.update(subset(k, need_time))
        cands.discard(i)
        matches = sorted((_closeness(e, reports[j].event), j) for j in cands if same_occurrence(reports[i], reports[j]))
        for _, j in matches:
            if comps.union(i, j):
                break
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(reports)):
        groups[comps.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


# ---------------------------------------------------------------------------------------------------------------
# the merged event

_OFFICIAL_WHO = (r"(?:police|army|military|ministry|minister|government|governor|officials?|spokes(?:man|woman|person)|"
                 r"commissioner|authorities|coroner|prosecutors?|mayor|presidency|command)")
# an official who tells the figure: "police said", "a police spokesman, X, said", "according to officials"
# (not "killed five police officers, residents said": the speaker is the nearest noun before the verb)
_OFFICIAL = re.compile(
    rf"\b{_OFFICIAL_WHO}\b[^.,;:!?\"]{{0,40}}?\b(?:said|says|told|confirmed|announced|stated|reported)\b"
    rf"|\baccording to\b[^.,;:!?]{{0,40}}?\b{_OFFICIAL_WHO}\b", re.I)
_UPDATE = re.compile(
    r"\b(?:toll|number of (?:people |those )?(?:killed|dead))\b[^.]*\b(?:ris(?:en|es|e)|rose|climbed|climbs|"
    r"increased|reached|now stands|revised|updated)\b|\bdied (?:later|of (?:their|his|her) (?:injuries|wounds)|"
    r"in hospital)|\brevised\b|\bupdated\b", re.I)
_SENT = re.compile(r"(?<=[.!?])\s+")


def _toll_sentence(e: Event) -> str:
    """The sentence of the notes that gives the toll (the notes themselves where it cannot be found)."""
    ev = e.fatalities.evidence
    if ev is None:
        return e.notes
    for s in _SENT.split(e.notes):
        if ev.text and ev.text.lower() in s.lower():
            return s
    return e.notes


def gives_toll(r: Report) -> bool:
    """A report states a toll: a count read from its text (a zero with no evidence is no statement)."""
    f = r.event.fatalities
    return f.count > 0 or f.evidence is not None


def is_official(r: Report) -> bool:
    """The toll is told by an official source (police, army, ministry, officials, ...), read from the sentence of
    the notes that holds it."""
    return bool(_OFFICIAL.search(_toll_sentence(r.event)))


def is_update(r: Report) -> bool:
    """The report tells its toll as a rise or a revision ("the death toll has risen to seven")."""
    return bool(_UPDATE.search(_toll_sentence(r.event)))


def _day(r: Report) -> dt.date:
    return r.published or dt.date.min


def _check(reports: Sequence[Report]) -> None:
    if not reports:
        raise InputError("no reports to combine")
    for r in reports:
        if not isinstance(r, Report):
            raise InputError(f"{r!r} is not a dedup Report")


def fatality_rule(reports: Sequence[Report]) -> tuple[int, str]:
    """The toll of reports of one occurrence, and why it was chosen.

    Only reports that state a toll count. Where they differ: the latest published report supersedes earlier
    ones when its figure is higher (tolls rise as the wounded die and bodies are found), when it tells its
    figure as an update or a revision, or when it is official and none of the earlier ones is; else an
    official figure beats the others; else the lowest figure (ACLED's conservative rule). See the README.
    """
    _check(reports)
    tolls = [r for r in reports if gives_toll(r)]
    if not tolls:
        return 0, "no report states a toll"
    counts = {r.event.fatalities.count for r in tolls}
    if len(counts) == 1:
        n = counts.pop()
        return n, "the only report's toll" if len(tolls) == 1 else "all reports agree"
    latest_day = max(_day(r) for r in tolls)
    latest = [r for r in tolls if _day(r) == latest_day]
    earlier = [r for r in tolls if _day(r) < latest_day]
    if earlier:
        pick = [r for r in latest if is_official(r)] or latest
        n = min(r.event.fatalities.count for r in pick)
        before = max(r.event.fatalities.count for r in earlier)
        when = latest_day.isoformat()
        if n > before:
            return n, f"updated toll: a later report ({when}) gives {n}, more than the {before} reported before"
        if any(is_update(r) for r in pick):
            return n, f"updated toll: a later report ({when}) revises the figure to {n}"
        if any(is_official(r) for r in pick) and not any(is_official(r) for r in earlier):
            return n, f"official toll in a later report ({when})"
    official = [r for r in tolls if is_official(r)]
    if official and len(official) < len(tolls):
        n = min(r.event.fatalities.count for r in official)
        return n, "official toll, preferred to unofficial figures"
    n = min(r.event.fatalities.count for r in tolls)
    return n, f"lowest credible figure of conflicting reports ({', '.join(str(c) for c in sorted(counts))})"


def _fatality_report(reports: Sequence[Report], n: int) -> Report | None:
    """The report the chosen toll is read from: the latest one stating it."""
    having = [r for r in reports if gives_toll(r) and r.event.fatalities.count == n]
    return max(having, key=lambda r: (_day(r), r.article_id)) if having else None


def outlet_name(r: Report) -> str | None:
    """The outlet's name, else the host of its URL (without "www.")."""
    if r.outlet and r.outlet.strip():
        return " ".join(r.outlet.split())
    if r.url:
        host = urlsplit(r.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def source_field(reports: Sequence[Report]) -> str:
    """ACLED's ``source`` column: the outlets that report the event, each once (case aside), joined by "; ",
    in the order they first reported it (then by name); reports with no outlet or URL add nothing."""
    seen: dict[str, tuple[dt.date, str, str]] = {}
    for r in reports:
        name = outlet_name(r)
        if not name:
            continue
        k = name.casefold()
        first = (_day(r), k, name)
        if k not in seen or first < seen[k]:
            seen[k] = first
    return "; ".join(name for _, _, name in sorted(seen.values()))


def _first(reports: Sequence[Report]) -> Report:
    return min(reports, key=lambda r: (_day(r), r.article_id, r.event.id))


def _pick_type(reports: Sequence[Report]) -> str:
    """The most specific sub-event type, then the most reported, then the first report's."""
    votes = Counter(r.event.sub_event_type for r in reports)
    first = _first(reports).event.sub_event_type
    return max(votes, key=lambda s: (_SPECIFICITY.get(s, 0), votes[s], s == first))


def _best_actor(cands: Iterable[Actor | None]) -> Actor | None:
    """A named actor over a generic one, the most reported name, the first told."""
    cs = [a for a in cands if a is not None]
    if not cs:
        return None
    votes = Counter(_bare(a.name) for a in cs)
    return max(cs, key=lambda a: (not is_generic(a), votes[_bare(a.name)], -cs.index(a)))


def _best_place(reports: Sequence[Report]) -> Place | None:
    """The most precise place with coordinates, the most reported among those, the first report's."""
    places = [r.event.place for r in reports if r.event.place is not None]
    if not places:
        return None
    votes = Counter((p.name, p.admin1) for p in places)
    return min(places, key=lambda p: (p.latitude is None, p.geo_precision or 3, -votes[(p.name, p.admin1)],
                                      places.index(p)))


_T = TypeVar("_T", Actor, Actor | None, Place | None, EventDate)


def primary(reports: Sequence[Report]) -> int:
    """The index of the report a merged event is told from (its trigger, sentences, notes and every evidence span
    point into that report's article): one of the chosen sub-event type, the one the toll is read from where it
    is, then the one naming most actors, then the first report."""
    _check(reports)
    sub = _pick_type(reports)
    count, _ = fatality_rule(reports)
    toll_from = _fatality_report(reports, count)
    first = _first(reports)
    return max(range(len(reports)), key=lambda i: (
        reports[i].event.sub_event_type == sub, reports[i] is toll_from, len(_named_actors(reports[i].event)),
        reports[i] is first, -i))


def _own(x: _T, mine: tuple[object, ...]) -> _T:
    """x as it is, if it is the primary report's own; else without its evidence (it points into another
    article: the store keeps each source's spans)."""
    if x is None or any(x is m for m in mine):
        return x
    return replace(x, evidence=None)


def combine(reports: Sequence[Report]) -> Event:
    """One event from reports of one occurrence: the most specific type; for each side the named actor over a
    generic one; the most precise date and place; the toll of :func:`fatality_rule`; the notes of the
    :func:`primary` report, with every outlet's figure where they differ; all outlets in ``source``; the id of
    the first report (so an event keeps its id as later reports join it). Every evidence span of the result
    points into the primary report's article; a field taken from another report has none."""
    _check(reports)
    first = _first(reports)
    sub = _pick_type(reports)
    base = reports[primary(reports)]
    be = base.event
    side1: list[Actor | None] = []
    side2: list[Actor | None] = []
    for r in sorted(reports, key=lambda r: r is not base):  # the primary report's actors win ties
        al = _aligned(be, r.event)
        a1, a2 = (r.event.actor1, r.event.actor2) if al is not False else (r.event.actor2, r.event.actor1)
        side1.append(a1)
        side2.append(a2)
    actor1 = _best_actor(side1) or be.actor1
    actor2 = _best_actor(side2)
    dated = [r for r in reports if r.event.date.date is not None]
    date = min(dated, key=lambda r: (r.event.date.time_precision, r is not base)).event.date if dated else be.date
    place = _best_place(sorted(reports, key=lambda r: r is not base))
    count, reason = fatality_rule(reports)
    told_here = gives_toll(base) and be.fatalities.count == count
    fat = be.fatalities if told_here else Fatalities(count)
    notes = be.notes
    figures = sorted({(_day(r), outlet_name(r) or r.article_id, r.event.fatalities.count)
                      for r in reports if gives_toll(r)})
    if len({c for _, _, c in figures}) > 1:
        told = ", ".join(f"{c} ({o})" for _, o, c in figures)
        notes = f"{notes} [Fatalities reported: {told}; coded {count}: {reason}.]".strip()
    tags = "; ".join(dict.fromkeys(t.strip() for r in reports for t in r.event.tags.split(";") if t.strip()))
    secondary = tuple(dict.fromkeys(s for r in reports for s in r.event.secondary))
    inter2 = actor2.inter if actor2 else None
    mine = (be.actor1, be.actor2, be.place, be.date)
    return replace(
        be,
        event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, disorder_type=disorder_type(sub),
        actor1=_own(actor1, mine), actor2=_own(actor2, mine),
        interaction=interaction(actor1.inter, inter2), civilian_targeting=civilian_targeting(sub, inter2),
        date=_own(date, mine), place=_own(place, mine), fatalities=fat, notes=notes, tags=tags,
        source=source_field(reports), secondary=secondary,
        confidence=max(r.event.confidence for r in reports), id=first.event.id or be.id,
    )


# ---------------------------------------------------------------------------------------------------------------
# one report against a group already formed (the store's incremental use)

def compatible_sub_event_types(sub: str) -> frozenset[str]:
    """Every sub-event type that :func:`compatible_types` lets ``sub`` merge with (itself included): what a store
    may pre-select candidates by."""
    return frozenset(s for s in SUB_EVENT_TYPES if compatible_types(sub, s)) | {sub}


def joins(report: Report, group: Sequence[Report]) -> bool:
    """Whether ``report`` can join a group of reports of one occurrence, as :func:`cluster` would join them: it
    tells the same occurrence as one of them (:func:`same_occurrence`), comes from none of their articles, and
    the group would have neither two different precise days nor more than two named actors."""
    if not group or any(r.article_id == report.article_id for r in group):
        return False
    if not any(same_occurrence(report, r) for r in group):
        return False
    days = {r.event.date.date for r in (*group, report) if r.event.date.date and r.event.date.time_precision == 1}
    named = frozenset().union(*(_named_actors(r.event) for r in (*group, report)))
    return len(days) <= 1 and len(named) <= 2


def nearness(report: Report, group: Sequence[Report]) -> tuple[int, float, bool]:
    """How near ``report`` is to the nearest report of a group (smaller is nearer): days, km, other type."""
    return min(_closeness(report.event, r.event) for r in group)


def deduplicate(reports: Sequence[Report]) -> list[tuple[Event, list[int]]]:
    """Cluster a batch and combine each group: (merged event, indices of its reports)."""
    return [(combine([reports[i] for i in g]), g) for g in cluster(reports)]

