"""Cross-report de-duplication: each rule on events built directly, blocking against the plain decision, and
several outlets' reports of the same events coded end to end."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import dedup
from eventcoder.dedup import Report, block_keys, cluster, combine, fatality_rule, same_occurrence, source_field
from eventcoder.errors import InputError
from eventcoder.extract.taxonomy import Sub, disorder_type, event_type_of
from eventcoder.model import Actor, Article, Event, EventDate, Evidence, Fatalities, Place

FIXTURES = Path(__file__).parent / "fixtures" / "dedup"
DAY = dt.date(2024, 5, 14)

UAG = Actor("Unidentified Armed Group (Nigeria)", 3)
CIV = Actor("Civilians (Nigeria)", 7)
ARMY = Actor("Military Forces of Nigeria (2023-)", 1)
POLICE = Actor("Police Forces of Nigeria (2023-)", 1)
BOKO = Actor("Boko Haram - Jamatu Ahli is-Sunna lid-Dawati wal-Jihad", 2)
ISWAP = Actor("Islamic State West Africa Province (ISWAP)", 2)
PROT = Actor("Protesters (Nigeria)", 6)


def town(name: str = "Kauru", lat: float = 10.576, lon: float = 8.151, admin1: str = "Kaduna",
         admin2: str | None = "Kauru", prec: int = 1, country: str = "Nigeria") -> Place:
    return Place(name=name, country=country, country_code="NG" if country == "Nigeria" else None, admin1=admin1,
                 admin2=admin2, latitude=lat, longitude=lon, geo_precision=prec)


def north(p: Place, km: float, name: str = "Elsewhere", **kw: object) -> Place:
    """A place km kilometres north of p."""
    return Place(**{**p.__dict__, "name": name, "latitude": p.latitude + km / 111.2, "evidence": None, **kw})


def ev(sub: str = Sub.ATTACK, a1: Actor = UAG, a2: Actor | None = CIV, day: dt.date = DAY, prec: int = 1,
       place: Place | None = None, fat: int = 0, notes: str = "", told: bool | None = None, eid: str = "") -> Event:
    place = place if place is not None else town()
    evidence = Evidence(0, 0, 6, "killed") if (told if told is not None else fat > 0) else None
    return Event(event_type=event_type_of(sub), sub_event_type=sub, disorder_type=disorder_type(sub), actor1=a1,
                 actor2=a2, date=EventDate(day, prec), place=place, fatalities=Fatalities(fat, evidence), notes=notes,
                 id=eid or f"ev-{sub[:4]}-{fat}-{day}")


_n = iter(range(10**9))


def rep(event: Event, outlet: str | None = "Outlet", published: dt.date | None = DAY, article: str | None = None,
        url: str | None = None) -> Report:
    return Report(event, article or f"art-{next(_n)}", outlet, published, url)


def same(a: Event, b: Event) -> bool:
    return same_occurrence(rep(a), rep(b))


# --------------------------------------------------------------------------------------------------- types

@pytest.mark.parametrize(("s1", "s2", "a2b", "expected"), [
    (Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION, None, True),
    (Sub.PEACEFUL_PROTEST, Sub.VIOLENT_DEMONSTRATION, None, True),
    (Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, None, False),
    (Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.SUICIDE_BOMB, None, True),
    (Sub.AIR_DRONE_STRIKE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, None, True),
    (Sub.ATTACK, Sub.ABDUCTION_FORCED_DISAPPEARANCE, None, False),
    (Sub.ATTACK, Sub.ARMED_CLASH, CIV, False),  # gunmen on villagers vs gunmen on soldiers: different actors
    (Sub.ATTACK, Sub.ARMED_CLASH, None, True),  # the same gunmen, one outlet names no victim side
    (Sub.ARRESTS, Sub.PROTEST_WITH_INTERVENTION, None, False),
])
def test_sub_event_types(s1: str, s2: str, a2b: Actor | None, expected: bool) -> None:
    a = ev(s1, a1=UAG, a2=a2b)
    b = ev(s2, a1=UAG, a2=ARMY if s2 == Sub.ARMED_CLASH else None)
    assert same(a, b) is expected
    assert same(b, a) is expected


# --------------------------------------------------------------------------------------------------- dates

@pytest.mark.parametrize(("p1", "p2", "days", "expected"), [
    (1, 1, 0, True), (1, 1, 1, False), (2, 1, 5, True), (1, 2, 9, False), (3, 1, 20, True), (1, 3, 40, False),
])
def test_dates_within_their_precision(p1: int, p2: int, days: int, expected: bool) -> None:
    a = ev(day=DAY, prec=p1)
    b = ev(day=DAY + dt.timedelta(days=days), prec=p2)
    assert same(a, b) is expected


def test_undated_event_matches_nothing() -> None:
    undated = Event(**{**ev().__dict__, "date": EventDate(None, 3)})
    assert not same(undated, ev())
    assert block_keys(undated) == ()


# --------------------------------------------------------------------------------------------------- places

def test_places_within_25_km_match_and_farther_do_not() -> None:
    p = town()
    assert same(ev(place=p), ev(place=north(p, 20, admin2="Other")))
    assert not same(ev(place=p), ev(place=north(p, 30, admin2="Other")))


def test_same_admin2_matches_only_with_a_place_known_to_its_area() -> None:
    p = town()
    assert not same(ev(place=p), ev(place=north(p, 40)))  # two towns of one district, each told precisely
    near = north(p, 40, name="Kauru LGA", geo_precision=2)  # "near Kauru": the district
    assert same(ev(place=p), ev(place=near))
    other_district = Place(**{**p.__dict__, "admin2": "Zangon Kataf"})
    assert not same(ev(place=other_district), ev(place=near))  # 40 km away in another district of the state


def test_admin1_precise_place_contains_the_town() -> None:
    state = town("Kaduna", 10.526, 7.439, "Kaduna", None, prec=3)  # only the state, at its capital, ~78 km away
    assert same(ev(place=town()), ev(place=state))
    other_state = town("Zamfara", 12.17, 6.66, "Zamfara", None, prec=3)
    assert not same(ev(place=town()), ev(place=other_state))


def test_places_in_two_countries_never_match() -> None:
    p = town()
    abroad = Place(**{**p.__dict__, "country": "Niger", "country_code": "NE"})
    assert not same(ev(place=p), ev(place=abroad))
    assert not same(ev(place=p), Event(**{**ev().__dict__, "place": None}))


# --------------------------------------------------------------------------------------------------- actors

@pytest.mark.parametrize(("x", "y", "expected"), [
    (UAG, BOKO, True),  # gunmen named by one outlet, not by another
    (BOKO, ISWAP, False),  # two different named groups
    (UAG, Actor("Unidentified Armed Group (Niger)", 3), False),
    (Actor("Military Forces of Nigeria (2015-2023)", 1), ARMY, True),  # the government period aside
    (ARMY, POLICE, True),  # state forces of one country
    (ARMY, Actor("Military Forces of Cameroon (1982-)", 1), False),
    (UAG, PROT, False),
])
def test_actor1_compatibility(x: Actor, y: Actor, expected: bool) -> None:
    assert same(ev(a1=x), ev(a1=y)) is expected


def test_clash_told_from_the_other_side() -> None:
    a = ev(Sub.ARMED_CLASH, a1=ARMY, a2=BOKO)
    b = ev(Sub.ARMED_CLASH, a1=BOKO, a2=ARMY)
    assert same(a, b)
    assert not same(a, ev(Sub.ARMED_CLASH, a1=ISWAP, a2=ARMY))


def test_protesters_and_rioters_are_one_crowd() -> None:
    riot = ev(Sub.VIOLENT_DEMONSTRATION, a1=Actor("Rioters (Nigeria)", 5), a2=None)
    assert same(ev(Sub.PEACEFUL_PROTEST, a1=PROT, a2=None), riot)


def test_events_of_one_article_are_never_merged() -> None:
    a, b = ev(fat=3), ev(fat=3)
    assert not same_occurrence(rep(a, article="one"), rep(b, article="one"))
    # not even through a report of another article that matches both
    reps = [rep(a, article="one"), rep(b, article="one"), rep(ev(), article="two")]
    groups = cluster(reps)
    assert sorted(map(sorted, groups)) in ([[0], [1, 2]], [[0, 2], [1]])


# --------------------------------------------------------------------------------------------------- fatalities

def test_toll_all_agree() -> None:
    assert fatality_rule([rep(ev(fat=4)), rep(ev(fat=4))]) == (4, "all reports agree")


def test_toll_rising_in_a_later_report_takes_the_update() -> None:
    early = rep(ev(fat=5, notes="Gunmen killed five villagers, police said."), published=DAY)
    later = rep(ev(fat=7, notes="The toll rose to seven after two died in hospital."), published=DAY + dt.timedelta(1))
    n, why = fatality_rule([later, early])
    assert n == 7
    assert why.startswith("updated toll")


def test_conflicting_tolls_of_the_same_day_take_the_lowest() -> None:
    a = rep(ev(fat=6, notes="Armed men killed six people, a resident said."))
    b = rep(ev(fat=4, notes="Armed men killed four people, witnesses said."))
    n, why = fatality_rule([a, b])
    assert (n, why.split(" (")[0]) == (4, "lowest credible figure of conflicting reports")


def test_official_toll_beats_unofficial_figures_of_the_same_day() -> None:
    a = rep(ev(fat=3, notes="Three people were killed, police said."))
    b = rep(ev(fat=2, notes="Two people were killed, a resident said."))
    assert fatality_rule([a, b]) == (3, "official toll, preferred to unofficial figures")


def test_police_as_victims_is_no_official_source() -> None:
    a = rep(ev(fat=5, notes="Gunmen killed five police officers, residents said."))
    b = rep(ev(fat=3, notes="Gunmen killed three police officers, witnesses said."))
    assert not dedup.is_official(a) and fatality_rule([a, b])[0] == 3
    assert dedup.is_official(rep(ev(fat=2, notes="Two people died, according to local officials.")))


def test_later_lower_figure_counts_only_as_a_revision() -> None:
    first = rep(ev(fat=9, notes="Nine people were killed, residents said."), published=DAY)
    revised = rep(ev(fat=6, notes="The toll was revised to six, officials said."), published=DAY + dt.timedelta(2))
    assert fatality_rule([first, revised])[0] == 6
    roundup = rep(ev(fat=4, notes="At least four people were killed, residents said."), published=DAY + dt.timedelta(3))
    n, why = fatality_rule([first, roundup])
    assert n == 4 and why.startswith("lowest credible")


def test_reports_without_a_toll_do_not_count() -> None:
    assert fatality_rule([rep(ev(fat=0)), rep(ev(fat=5))]) == (5, "the only report's toll")
    assert fatality_rule([rep(ev(fat=0)), rep(ev(fat=0))]) == (0, "no report states a toll")
    assert fatality_rule([rep(ev(fat=0, told=True)), rep(ev(fat=3))])[0] == 0  # "no one was killed" is a toll


# --------------------------------------------------------------------------------------------------- source

def test_source_field_names_each_outlet_once_in_order_of_reporting() -> None:
    e = ev()
    reps = [rep(e, "Daily Trust", DAY + dt.timedelta(1)), rep(e, "Reuters", DAY), rep(e, "daily trust", DAY),
            rep(e, None, DAY + dt.timedelta(2), url="https://www.premiumtimesng.com/news/1"), rep(e, None, DAY),
            rep(e, "  Reuters ", DAY)]
    assert source_field(reps) == "daily trust; Reuters; premiumtimesng.com"


# --------------------------------------------------------------------------------------------------- combine

def test_combine_takes_the_most_specific_type_named_actor_precise_place_and_the_toll() -> None:
    state = town("Kaduna", 10.526, 7.439, "Kaduna", None, prec=3)
    first = rep(ev(Sub.ATTACK, a1=UAG, place=state, fat=5, notes="Gunmen killed five, police said.", eid="ev-a"),
                "Reuters", DAY)
    second = rep(ev(Sub.ATTACK, a1=BOKO, place=town(), fat=8, notes="Boko Haram killed eight.", eid="ev-b"),
                 "Daily Trust", DAY + dt.timedelta(1))
    merged = combine([second, first])
    assert merged.actor1.name == BOKO.name and merged.actor2 == CIV
    assert merged.place.name == "Kauru" and merged.place.geo_precision == 1
    assert merged.fatalities.count == 8
    assert merged.notes.startswith("Boko Haram killed eight.")
    assert "5 (Reuters), 8 (Daily Trust); coded 8" in merged.notes
    assert merged.source == "Reuters; Daily Trust"
    assert merged.id == "ev-a"  # the first report's: an event keeps its id as later reports join it
    assert merged.interaction == 27 and merged.civilian_targeting == "Civilian targeting"


def test_merged_evidence_points_into_one_article() -> None:
    told = Evidence(0, 0, 7, "gunmen")
    a = rep(ev(a1=Actor(UAG.name, 3, told), fat=5, notes="Gunmen killed five, police said."), "A", DAY)
    b = rep(ev(a1=Actor(BOKO.name, 2, Evidence(1, 4, 14, "Boko Haram")), fat=5, notes="Boko Haram killed five."),
            "B", DAY)
    assert dedup.primary([a, b]) == 1  # it names the group
    merged = combine([a, b])
    assert merged.actor1.name == BOKO.name and merged.actor1.evidence == Evidence(1, 4, 14, "Boko Haram")
    later = rep(ev(a1=Actor(UAG.name, 3, told), fat=7, notes="The toll rose to seven, police said."), "C",
                DAY + dt.timedelta(1))
    assert dedup.primary([b, later]) == 1  # the toll is read from it
    merged = combine([b, later])
    assert merged.notes.startswith("The toll rose to seven") and merged.fatalities == later.event.fatalities
    assert merged.actor1.name == BOKO.name and merged.actor1.evidence is None  # read in another article: no span


def test_combine_protest_broken_up_by_police() -> None:
    a = rep(ev(Sub.PEACEFUL_PROTEST, a1=PROT, a2=None), "A")
    b = rep(ev(Sub.PROTEST_WITH_INTERVENTION, a1=PROT, a2=POLICE), "B")
    merged = combine([a, b])
    assert merged.sub_event_type == Sub.PROTEST_WITH_INTERVENTION and merged.actor2 == POLICE
    assert merged.event_type == "Protests" and merged.interaction == 16


def test_bad_input_gets_a_clear_error() -> None:
    with pytest.raises(InputError, match="no reports"):
        combine([])
    with pytest.raises(InputError, match="not an eventcoder Event"):
        Report("an event", "a1", "X", DAY)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="id of the article"):
        Report(ev(), "", "X", DAY)
    with pytest.raises(InputError, match="not an ISO date"):
        Report(ev(), "a1", "X", "14/05/2024")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not a date"):
        Report(ev(), "a1", "X", 20240514)  # type: ignore[arg-type]
    # an ISO string or a datetime is taken as its day, as Article takes it
    assert Report(ev(), "a1", "X", "2024-05-14").published == DAY  # type: ignore[arg-type]
    assert Report(ev(), "a1", "X", dt.datetime(2024, 5, 14, 9, 30)).published == DAY


# --------------------------------------------------------------------------------------------------- clustering

def test_province_report_attaches_to_one_town_not_both() -> None:
    a = rep(ev(place=town(), fat=2))
    b = rep(ev(place=town("Zonkwa", 9.78, 8.29, "Kaduna", "Zangon Kataf"), fat=4))
    state = rep(ev(place=town("Kaduna", 10.526, 7.439, "Kaduna", None, prec=3), fat=2))
    groups = cluster([a, b, state])
    assert sorted(groups) == [[0, 2], [1]]  # the nearer town in the state, by distance


def test_reports_either_side_of_the_date_line_are_blocked_together() -> None:
    a = rep(ev(place=town("Taveuni", -16.9, 179.99, "Northern", None, country="Fiji")))
    b = rep(ev(place=town("Vuna", -16.9, -179.9, "Northern", None, country="Fiji")))
    assert same_occurrence(a, b) and len(cluster([a, b])) == 1


def test_cluster_puts_every_report_in_exactly_one_group() -> None:
    p = town()
    reps = [rep(ev(day=DAY + dt.timedelta(i % 5), place=north(p, 60 * (i % 7)))) for i in range(70)]
    groups = cluster(reps)
    assert sorted(i for g in groups for i in g) == list(range(70))
    assert len(groups) == 35  # 5 days x 7 places, two reports each
    assert all(g == sorted(g) for g in groups) and [g[0] for g in groups] == sorted(g[0] for g in groups)


def test_cluster_compares_only_within_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = dedup.same_occurrence

    def counting(a: Report, b: Report) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(dedup, "same_occurrence", counting)
    p = town()
    n = 3000  # 1,500 occurrences (300 days x 5 places 80 km apart), each told twice
    reps = [rep(ev(day=DAY + dt.timedelta(i // 2 % 300), place=north(p, 80 * (i // 600)))) for i in range(n)]
    groups = cluster(reps)
    assert sorted(groups) == [[i, i + 1] for i in range(0, n, 2)]
    assert calls < 10 * n < n * (n - 1) // 2  # a quadratic run would make 4.5 million comparisons


def _offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    dlat = km * math.cos(bearing) / 111.2
    dlon = km * math.sin(bearing) / (111.2 * max(math.cos(math.radians(lat)), 0.05))
    return lat + dlat, ((lon + dlon + 180) % 360) - 180


@settings(max_examples=300, deadline=None)
@given(lat=st.floats(-75, 75), lon=st.floats(-180, 180), km=st.floats(0, 60), bearing=st.floats(0, 2 * math.pi),
       days=st.integers(0, 40), p1=st.sampled_from([1, 1, 2, 3]), p2=st.sampled_from([1, 2, 3]),
       g1=st.sampled_from([1, 1, 2, 3]), g2=st.sampled_from([1, 2, 3]), same_admin2=st.booleans())
def test_blocking_finds_every_pair_the_decision_accepts(lat: float, lon: float, km: float, bearing: float, days: int,
                                                       p1: int, p2: int, g1: int, g2: int, same_admin2: bool) -> None:
    lat2, lon2 = _offset(lat, lon, km, bearing)
    pa = town("A", lat, lon, "Prov", "Dist", prec=g1)
    pb = town("B", lat2, lon2, "Prov", "Dist" if same_admin2 else "Other", prec=g2)
    a = rep(ev(place=pa, prec=p1, day=DAY))
    b = rep(ev(place=pb, prec=p2, day=DAY + dt.timedelta(days)))
    together = len(cluster([a, b])) == 1
    assert together == same_occurrence(a, b)


# --------------------------------------------------------------------------------------------------- end to end

OUTLETS = {  # file: (outlet, published)
    "nigeria_reuters": ("Reuters", "2024-05-14"),
    "nigeria_premiumtimes": ("Premium Times", "2024-05-15"),
    "nigeria_dailytrust": ("Daily Trust", "2024-05-16"),
    "nigeria_zamfara_punch": ("Punch", "2024-05-14"),
    "nigeria_other_dailytrust": ("Daily Trust", "2024-05-15"),
    "chile_biobio": ("BioBioChile", "2024-04-11"),
    "chile_latercera": ("La Tercera", "2024-04-12"),
    "yemen_afp": ("AFP", "2024-03-04"),
    "yemen_aljazeera": ("Al Jazeera", "2024-03-05"),
}


@pytest.fixture(scope="module")
def coded() -> list[Report]:
    from eventcoder.pipeline import code_article

    reports = []
    for stem, (outlet, published) in OUTLETS.items():
        art = Article(body=(FIXTURES / f"{stem}.txt").read_text(encoding="utf-8"), published=published, id=stem,
                      source=outlet)
        for e in code_article(art).events:
            reports.append(Report(e, stem, art.source, art.published))
    return reports


def test_three_outlets_one_attack_two_protest_reports_one_strike(coded: list[Report]) -> None:
    groups = {frozenset(coded[i].article_id for i in g): [coded[i] for i in g] for g in cluster(coded)}
    assert set(groups) == {
        frozenset({"nigeria_reuters", "nigeria_premiumtimes", "nigeria_dailytrust"}),
        frozenset({"nigeria_zamfara_punch"}),  # another attack the same day in the same country
        frozenset({"nigeria_other_dailytrust"}),  # a protest in Lagos that day
        frozenset({"chile_biobio", "chile_latercera"}),
        frozenset({"yemen_afp", "yemen_aljazeera"}),
    }
    kauru = groups[frozenset({"nigeria_reuters", "nigeria_premiumtimes", "nigeria_dailytrust"})]
    assert len(kauru) == 3
    merged = combine(kauru)
    assert merged.sub_event_type == Sub.ATTACK
    assert merged.date.date == dt.date(2024, 5, 14)
    assert merged.fatalities.count == 7  # 5 (Reuters) -> 6 (Premium Times) -> 7 (Daily Trust, two died in hospital)
    assert fatality_rule(kauru)[1].startswith("updated toll")
    assert merged.source == "Reuters; Premium Times; Daily Trust"
    assert merged.id == next(r.event.id for r in kauru if r.article_id == "nigeria_reuters")

    strike = combine(groups[frozenset({"yemen_afp", "yemen_aljazeera"})])
    assert (strike.sub_event_type, strike.fatalities.count, strike.source) == (Sub.AIR_DRONE_STRIKE, 4,
                                                                                "AFP; Al Jazeera")
    march = combine(groups[frozenset({"chile_biobio", "chile_latercera"})])
    assert (march.sub_event_type, march.place.name, march.source) == (Sub.PEACEFUL_PROTEST, "Santiago",
                                                                       "BioBioChile; La Tercera")
    zamfara = combine(groups[frozenset({"nigeria_zamfara_punch"})])
    assert (zamfara.fatalities.count, zamfara.source) == (3, "Punch")


def test_dedup_is_a_pure_module() -> None:
    """No store, no spaCy, no pipeline: only the data model, the errors and ACLED's taxonomy."""
    import ast

    tree = ast.parse(Path(dedup.__file__).read_text(encoding="utf-8"))
    imported = {("." * n.level) + (n.module or "") for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = {m for m in imported if m.startswith(".") or m.startswith("eventcoder")}
    assert ours == {".errors", ".model", ".extract.taxonomy"}
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "sqlalchemy", "sqlite3", "alembic")}
