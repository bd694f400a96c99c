"""Cross-report de-duplication at scale: prints numbers, asserts nothing.

    python bench/dedup.py [--reports 100000] [--seed 7]

Builds synthetic reports of synthetic occurrences (20 countries, each with 6 provinces of 4 districts of 6
towns; two to three years of days; protests, attacks, clashes, abductions, air strikes, shelling, bombings,
arrests; about 1.6 reports per occurrence: 60% told by one outlet, the rest by two to six) in date order, and
times :func:`eventcoder.dedup.cluster` on the first 10,000, 30,000 and all 100,000 of them (a longer stretch of
days, the same density: the cost per report should stay flat), then scores the pairs of reports it put
together against the synthetic truth (precision, recall, F1 of same-occurrence pairs).

What varies between two reports of one occurrence, as between real outlets: a village nearby (under 20 km),
only the district (geo_precision 2) or only the province (geo_precision 3 at its capital); a named group told as
unidentified gunmen; a compatible sub-event type (a peaceful protest told as broken up, a missile told as an air
strike); a date known only to the week; the toll. Distinct occurrences meet in the same town on the same day
often enough (capitals host most protests) that precision is not trivially 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from eventcoder.dedup import Report, cluster  # noqa: E402
from eventcoder.extract.taxonomy import Sub, disorder_type, event_type_of, interaction  # noqa: E402
from eventcoder.model import Actor, Event, EventDate, Fatalities, Place  # noqa: E402

COUNTRIES = [  # name, code, (lat0, lat1), (lon0, lon1)
    ("Nigeria", "NG", (5, 13), (3, 14)), ("Mali", "ML", (11, 20), (-11, 4)), ("Sudan", "SD", (10, 22), (22, 36)),
    ("Somalia", "SO", (-1, 11), (41, 50)), ("Yemen", "YE", (13, 18), (43, 52)), ("Syria", "SY", (32, 37), (36, 42)),
    ("Iraq", "IQ", (30, 37), (39, 48)), ("Ukraine", "UA", (45, 52), (23, 40)), ("Myanmar", "MM", (10, 28), (93, 101)),
    ("Pakistan", "PK", (24, 36), (61, 75)), ("India", "IN", (9, 30), (70, 88)), ("Mexico", "MX", (16, 31), (-115, -88)),
    ("Colombia", "CO", (0, 11), (-78, -67)), ("Brazil", "BR", (-30, -3), (-60, -36)), ("Chile", "CL", (-45, -18),
    (-73, -68)), ("France", "FR", (43, 50), (-1, 7)), ("United Kingdom", "GB", (50, 58), (-5, 1)),
    ("Kenya", "KE", (-4, 4), (34, 41)), ("Philippines", "PH", (6, 18), (120, 126)),
    ("Democratic Republic of Congo", "CD", (-10, 4), (16, 30)),
]
GROUPS = ["Boko Haram", "JNIM", "Al Shabaab", "RSF", "Islamic State", "PDF", "TTP", "ELN", "CJNG", "ADF", "M23",
          "NPA", "Houthis", "Wagner Group", "Ansaru"]
# sub-event type, weight, actor1 kind, actor2 kind
KINDS = [
    (Sub.PEACEFUL_PROTEST, 30, "protesters", None), (Sub.PROTEST_WITH_INTERVENTION, 6, "protesters", "police"),
    (Sub.ATTACK, 18, "armed", "civilians"), (Sub.ARMED_CLASH, 14, "military", "armed"),
    (Sub.ABDUCTION_FORCED_DISAPPEARANCE, 5, "armed", "civilians"), (Sub.AIR_DRONE_STRIKE, 6, "military", "armed"),
    (Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, 6, "military", "armed"),
    (Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, 4, "armed", "military"), (Sub.ARRESTS, 6, "police", "civilians"),
    (Sub.MOB_VIOLENCE, 5, "rioters", "civilians"),
]
VARIANT = {Sub.PEACEFUL_PROTEST: Sub.PROTEST_WITH_INTERVENTION,
           Sub.AIR_DRONE_STRIKE: Sub.SHELLING_ARTILLERY_MISSILE_ATTACK,
           Sub.ARMED_CLASH: Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.REMOTE_EXPLOSIVE_LANDMINE_IED: Sub.SUICIDE_BOMB}
REPORTS_PER = ([1] * 60) + ([2] * 22) + ([3] * 10) + ([4] * 5) + ([5] * 2) + [6]


@dataclass(frozen=True)
class Town:
    name: str
    lat: float
    lon: float
    admin1: str
    admin2: str
    weight: float


def geography(rng: random.Random) -> dict[str, tuple[list[Town], dict[str, Town]]]:
    """Each country's towns and each province's capital."""
    out = {}
    for name, _code, (la0, la1), (lo0, lo1) in COUNTRIES:
        towns: list[Town] = []
        capitals: dict[str, Town] = {}
        for a in range(6):
            c1 = (rng.uniform(la0, la1), rng.uniform(lo0, lo1))
            adm1 = f"{name} Province {a}"
            for b in range(4):
                c2 = (c1[0] + rng.uniform(-1.0, 1.0), c1[1] + rng.uniform(-1.0, 1.0))
                for t in range(6):
                    rank = len(towns) + 1
                    town = Town(f"{name} Town {a}.{b}.{t}", c2[0] + rng.uniform(-0.3, 0.3),
                                c2[1] + rng.uniform(-0.3, 0.3), adm1, f"{adm1} District {b}", rank ** -0.5)
                    towns.append(town)
                    capitals.setdefault(adm1, town)
        out[name] = (towns, capitals)
    return out


def km(a: Town, b: Town) -> float:
    return math.hypot(a.lat - b.lat, (a.lon - b.lon) * math.cos(math.radians(a.lat))) * 111.32


def actor(kind: str | None, country: str, rng: random.Random, group: str) -> Actor | None:
    if kind is None:
        return None
    if kind == "armed":
        return Actor(group, 2) if rng.random() < 0.5 else Actor(f"Unidentified Armed Group ({country})", 3)
    return {"protesters": Actor(f"Protesters ({country})", 6), "rioters": Actor(f"Rioters ({country})", 5),
            "civilians": Actor(f"Civilians ({country})", 7), "police": Actor(f"Police Forces of {country}", 1),
            "military": Actor(f"Military Forces of {country}", 1)}[kind]


def synthetic(n: int, seed: int = 7) -> tuple[list[Report], list[int]]:
    """n reports in date order and the occurrence each reports."""
    rng = random.Random(seed)
    geo = geography(rng)
    names = [c[0] for c in COUNTRIES]
    cweights = [rng.uniform(0.3, 3.0) for _ in names]
    kweights = [k[1] for k in KINDS]
    outlets = [f"Outlet {i}" for i in range(300)]
    start = dt.date(2023, 1, 1)
    per_day = 100  # reports a day, all countries together
    reports: list[Report] = []
    truth: list[int] = []
    occ = 0
    while len(reports) < n:
        day = start + dt.timedelta(days=len(reports) // per_day)
        country = rng.choices(names, cweights)[0]
        towns, capitals = geo[country]
        town = rng.choices(towns, [t.weight for t in towns])[0]
        sub, _, k1, k2 = rng.choices(KINDS, kweights)[0]
        group = rng.choice(GROUPS)
        a1, a2 = actor(k1, country, rng, group), actor(k2, country, rng, group)
        toll = 0 if sub in (Sub.PEACEFUL_PROTEST, Sub.ARRESTS) else rng.choice([0, 1, 2, 3, 5, 8, 12, 20])
        for r in range(min(rng.choice(REPORTS_PER), n - len(reports))):
            s = VARIANT.get(sub, sub) if r and rng.random() < 0.1 else sub
            x1 = a1
            if r and a1 is not None and a1.inter == 2 and rng.random() < 0.3:
                x1 = Actor(f"Unidentified Armed Group ({country})", 3)
            t, prec = town, 1
            u = rng.random()
            if r and u < 0.1:  # a village nearby
                t = rng.choice([o for o in towns if o.admin2 == town.admin2 and km(o, town) < 20] or [town])
            elif r and u < 0.15:  # only the district, at its first town
                t, prec = next(o for o in towns if o.admin2 == town.admin2), 2
            elif r and u < 0.25:  # only the province, at its capital
                t, prec = capitals[town.admin1], 3
            place = Place(name={1: t.name, 2: t.admin2, 3: t.admin1}[prec], country=country, admin1=t.admin1,
                          admin2=None if prec == 3 else t.admin2, latitude=t.lat, longitude=t.lon, geo_precision=prec)
            d, tp = day, 1
            if rng.random() < 0.05:
                d, tp = day + dt.timedelta(days=rng.randint(-3, 3)), 2
            f = max(0, toll + (rng.choice([-1, 0, 0, 1, 2]) if toll else 0))
            inter2 = a2.inter if a2 else None
            ev = Event(event_type=event_type_of(s), sub_event_type=s, disorder_type=disorder_type(s), actor1=x1,
                       actor2=a2, interaction=interaction(x1.inter, inter2), date=EventDate(d, tp), place=place,
                       fatalities=Fatalities(f), id=f"ev-{len(reports)}")
            reports.append(Report(ev, f"art-{len(reports)}", rng.choice(outlets), day + dt.timedelta(days=r // 2)))
            truth.append(occ)
        occ += 1
    return reports, truth


def pair_scores(groups: list[list[int]], truth: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the same-occurrence pairs of a clustering."""
    def pairs(c: Counter) -> int:
        return sum(v * (v - 1) // 2 for v in c.values())

    predicted = sum(len(g) * (len(g) - 1) // 2 for g in groups)
    gold = pairs(Counter(truth))
    both = sum(pairs(Counter(truth[i] for i in g)) for g in groups)
    p = both / predicted if predicted else 1.0
    r = both / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t0 = time.perf_counter()
    reports, truth = synthetic(args.reports, args.seed)
    print(f"built {len(reports):,} synthetic reports of {len(set(truth)):,} occurrences "
          f"({len(reports) / len(set(truth)):.2f} reports each) in {time.perf_counter() - t0:.1f} s")
    sizes = [s for s in (10_000, 30_000, 100_000) if s < len(reports)] + [len(reports)]
    base = None
    print(f"{'reports':>9} {'seconds':>8} {'us/report':>10} {'groups':>8} {'pair P':>7} {'pair R':>7} {'F1':>6}")
    for n in sizes:
        t = time.perf_counter()
        groups = cluster(reports[:n])
        secs = time.perf_counter() - t
        p, r, f = pair_scores(groups, truth[:n])
        per = secs / n * 1e6
        base = base or per
        print(f"{n:>9,} {secs:>8.2f} {per:>10.1f} {len(groups):>8,} {p:>7.3f} {r:>7.3f} {f:>6.3f}")
    print(f"cost per report at the largest size / at the smallest: {per / base:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
