"""Mentions -> events: one event per distinct (sub-event type, actors, place, day) in an article.

Repeated mentions of one event merge; "two separate car bombings in A and B" gives two events; a
total reported for several events is split between them (sum preserved); looting by the same actor
on the same day and place as a violent event is folded into it as a secondary tag.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..doc import Document, EventDay, Mention
from ..geo.gazetteer import display_admin, distance_km
from ..geo.resolve import Resolved, Toponym
from ..knowledge import countries, trigger_patterns
from ..model import Actor, ActorMention, DateMention, Event, EventDate, Evidence, Fatalities, Place, Sentence
from . import taxonomy
from .actors import demonym_country
from .numbers import split_total
from .taxonomy import Disorder, Sub
from .when import days_back, find_dates, statement_date

if TYPE_CHECKING:
    from ..geo.gazetteer import Gazetteer
    from ..geo.resolve import GeoContext


@dataclass
class _Draft:
    mentions: list[Mention]
    sub: str
    actor1: ActorMention
    actor2: ActorMention | None
    place: Resolved | None
    place_precision: int
    date: dt.date | None
    date_prec: int
    date_ev: DateMention | None
    date_sentence: Sentence | None
    fatalities: int
    fat_ev: tuple[Sentence, tuple[int, int]] | None
    shared: int
    secondary: list[str]


_UNNAMED_AREA = re.compile(r"\b(?:a|an|one|two|three|several|some|the)\s+(?:\w+\s+)?(?:village|villages|town|area|"
                           r"locality|hamlet|neighbou?rhood|settlement|camp|region|outskirts)\s+(?:\w+\s+)?"
                           r"(?:in|of|near|outside|around|on the outskirts of)\s+(?:the\s+)?$", re.I)
_SEPARATE = re.compile(r"\b(?:separate|two|three|four|five|twin|multiple|several|different|respectively)\b", re.I)


def _opening_date(s: Sentence, dates_of: Mapping[int, Sequence[DateMention]]) -> EventDay | None:
    """The date a sentence opens with ("On 8 June 2022, ...", "On Wednesday afternoon, ...")."""
    lead = [d for d in dates_of.get(s.index, []) if d.date is not None and d.start <= 12]
    return EventDay(lead[0].date, lead[0].time_precision, lead[0], s) if lead else None


def _date_just_told(doc: Document, s: Sentence, dates_of: Mapping[int, Sequence[DateMention]]) -> EventDay | None:
    """The date the sentence before an undated one opens with: the narrative goes on that day."""
    return _opening_date(doc.sentences[s.index - 1], dates_of) if s.index > 0 else None


def _ev(s: Sentence, start: int, end: int) -> Evidence:
    return Evidence(s.index, s.start + start, s.start + end, s.text[start:end])


def _event_places(m: Mention) -> list[tuple[Resolved, int]]:
    """The place(s) a mention's own evidence attaches to, with geo_precision."""
    t0, t1 = m.trigger
    text = m.sentence.text
    cands = [r for r in m.places if r.place is not None or (r.toponym.keyword and r.toponym.keyword != "site")]
    if m.sub_event_type != Sub.CHANGE_TO_GROUP_ACTIVITY:
        # "the injured were referred to Kathmandu", "fled to Goma": where people were taken is not where it happened
        cands = [r for r in cands if not _TAKEN_TO.search(text[max(0, r.toponym.start - 40):r.toponym.start])]
    if not cands:
        return []
    # a hint area (", south of Kirkuk", "(Mansehra, KPK)") is not a separate place
    # ("Madrid (Madrid)", "Isiolo (Isiolo, Isiolo)": the town stays, the areas after it go)
    def stated_as(r: Resolved) -> set[str]:  # "Plateau" with keyword "State" is the hint "Plateau State"
        t = r.toponym
        return {t.name.lower(), f"{t.name} {t.keyword}".lower()} if t.keyword else {t.name.lower()}

    pool = [r for r in cands if not any(q.toponym.start < r.toponym.start and stated_as(r) & {
        h.lower() for h in (*q.toponym.hints, q.toponym.hint) if h} for q in cands)] or cands
    c = countries().by_name.get(m.country or "")
    # the sentence's own country: its places weighted by how firmly they are stated, then the article's
    weight: dict[str, float] = {}
    if c:
        weight[c.alpha2] = 1.5
    for r in pool:
        if r.place is not None and r.toponym.keyword != "site":
            w = 3.0 if r.toponym.hints else 2.0 if r.toponym.prep in ("in", "at", "near", "outside") else 1.0
            weight[r.place.country_code] = weight.get(r.place.country_code, 0.0) + w
    home = max(weight, key=lambda k: weight[k]) if weight else None

    # "... killed during a clash with police on 4 August 2019 in El Alto": a place told with another date is
    # another event's
    others = [d for d in find_dates(text, None) if d.date is not None and d.explicit_year and m.date is not None
              and (d.start, d.end) != (m.date.start, m.date.end) and d.date != m.date.date]

    def fit(i: int, r: Resolved) -> float:
        """How much a place looks like where the event happened, not where someone came from or a
        street, a church or another country mentioned in passing."""
        t = r.toponym
        score = 0.0
        if any(not (h.isupper() and len(h) <= 4) for h in t.hints):
            score += 3.0  # stated with its district/province: "in Idon town (Kajuru, Kaduna)"
        if t.keyword == "site":
            score -= 2.0  # "Kabul airport": the town of a site, when nothing better is stated
        if t.keyword.startswith("neighbo"):
            score -= 2.0  # ACLED codes a neighbourhood at its city
        if t.prep in ("in", "at", "near", "outside", "around", "nearby", "outskirts of", "inside", "within", "through",
                      "throughout"):
            score += 2.0
        elif t.prep in ("from", "to", "toward", "towards", "between"):
            score -= 2.0
        if r.place is None:
            score -= 1.5
        elif home and r.place.country_code != home:
            score -= 3.0
        if r.kind == "country":
            score -= 2.0
        if r.kind == "admin1" and r.place is not None and len({
                q.place.geonameid for q in pool if q.kind == "city" and q.place is not None
                and q.place.country_code == r.place.country_code and q.place.admin1 == r.place.admin1
                and q.toponym.keyword != "site"}) == 1:
            # "in X district in Y province": the smallest area stated is where it happened (not where
            # several towns of the province are named: "in the state of Y, in the towns of A and B")
            score -= 2.0
        if t.start >= t0:
            score += 0.5  # news: "gunmen attacked a checkpoint near Tikrit"
        if any(re.fullmatch(r",?\s+(?:in|at|near)\s+(?:the\s+)?(?:\w+\s+of\s+)?", text[d.end:t.start]) for d in others):
            score -= 4.0
        return score - 0.05 * i

    order = sorted(range(len(pool)), key=lambda i: -fit(i, pool[i]))
    first = pool[order[0]]
    pool = pool[order[0]:]
    def prec(r: Resolved) -> int:
        p = r.geo_precision
        if _UNNAMED_AREA.search(text[:r.toponym.start]) and p == 1:
            p = 2
        return p

    # "two separate car bombings in Mosul and Salahaddin province": one event per coordinated place
    if len(pool) > 1 and _SEPARATE.search(text[max(0, t0 - 40):t1 + 10]):
        coordinated = [first]
        for r in pool[1:]:
            gap = text[coordinated[-1].toponym.end:r.toponym.start]
            if re.fullmatch(r"\s*(?:province|district|governorate|region|state|city|town|village)?\s*(?:,|and|, and|"
                            r"&)\s*(?:the\s+)?(?:(?:town|city|village|province|district) of\s+)?", gap, re.I):
                coordinated.append(r)
            else:
                break
        if len(coordinated) > 1:
            return [(r, prec(r)) for r in coordinated]
    # prefer a town over the area it lies in when both are named ("Daquq, south of Kirkuk")
    return [(first, prec(first))]


def _told_in(dr: _Draft, a: ActorMention | None, default: Sentence) -> Sentence:
    """The sentence of the mention an actor was read from (its offsets point into that sentence)."""
    return next((m.sentence for m in dr.mentions if a is not None and (m.actor1 is a or m.actor2 is a)), default)


def _actor(a: ActorMention | None, s: Sentence) -> Actor | None:
    if a is None:
        return None
    ev = _ev(s, a.start, a.end) if a.end > a.start else None
    return Actor(a.name, a.inter, ev)


def _place(r: Resolved | None, prec: int, s: Sentence | None, fallback: Resolved | None) -> Place | None:
    db = countries()
    if r is None:
        return None
    target = r
    if r.place is None and fallback is not None and fallback.place is not None:
        target = fallback
        prec = 2
    gp = target.place
    ev = _ev(s, r.toponym.start, r.toponym.end) if s is not None else None
    if gp is None:
        return Place(name=r.toponym.name, geo_precision=None, evidence=ev)
    c = db.by_alpha2.get(gp.country_code)
    name = gp.name if r.kind != "admin1" else display_admin(gp.name)
    return Place(name=name, country=c.name if c else gp.country_code, iso=c.iso_numeric if c else None,
                 country_code=gp.country_code, region=c.region if c else None, admin1=display_admin(gp.admin1) or None,
                 admin2=gp.admin2 or None, latitude=gp.latitude, longitude=gp.longitude, geo_precision=prec,
                 geonameid=gp.geonameid if gp.geonameid > 0 else None, feature_code=gp.feature_code, evidence=ev)


def _same_place(a: _Draft, b: _Draft) -> bool:
    if a.place is None or b.place is None:
        return True
    pa, pb = a.place.place, b.place.place
    if pa is None or pb is None:
        return True
    if pa.geonameid == pb.geonameid:
        return True
    if a.place.kind == "city" and b.place.kind == "city" and pa.country_code == pb.country_code and distance_km(
            (pa.latitude, pa.longitude), (pb.latitude, pb.longitude)) < 15:
        return True  # a city and its district ("Kharkiv", "Saltivka")
    # one is the admin area the other lies in, or an unnamed place in it
    return ((a.place.kind == "admin1" and pb.admin1 == pa.admin1)
            or (b.place.kind == "admin1" and pa.admin1 == pb.admin1))


# one strike told twice names its shooter differently ("a Turkish drone strike", "the drone targeted a car"):
# the same remote attack on the same day and place is one event whoever the sentences name (not a grenade,
# a suicide bomb or a chemical attack: their attacker is there, and two of them the same day are two events)
_REMOTE_SUBS = taxonomy.REMOTE_VIOLENCE_SUBS - {Sub.GRENADE, Sub.SUICIDE_BOMB, Sub.CHEMICAL_WEAPON}
# an agreement is told from either party's side ("the government signed a truce with the ELN", "the rebels
# agreed to the ceasefire"): one agreement the same day and place, whichever party a sentence names first
_ANY_ACTOR_SUBS = _REMOTE_SUBS | {Sub.AGREEMENT}


def _same_day(a: _Draft, b: _Draft) -> bool:
    """Same date; or one of the two mentions has no date of its own (it took the lede's or the publication
    date) and the other's is within a week: a lede and the dated account of the same event."""
    if a.date == b.date:
        return True
    if a.date is None or b.date is None:
        return False
    undated = _own_date(a.mentions[0]) is None or _own_date(b.mentions[0]) is None
    return undated and abs((a.date - b.date).days) <= 7


def _own_date(m: Mention) -> DateMention | None:
    """The date a mention's sentence gives its event; a lede dated only by its statement ("..., residents said
    Wednesday") has none of its own."""
    return None if m.date is None or statement_date(m.sentence.text, m.date) else m.date


def _same_actor(a: _Draft, b: _Draft) -> bool:
    # an unnamed perpetrator ("gunmen", "a missile") told again with its name is the same event
    return a.actor1.name == b.actor1.name or bool({"inferred", "unidentified"} & {a.actor1.kind, b.actor1.kind})


def days_before_told(d: EventDay, m: Mention) -> EventDay:
    """"The agreement came a day after at least seven people were killed": an undated mention's event is
    moved back from the date it took from the report (``when.days_back``; a sentence's own date was moved
    back when the mention was made)."""
    n = days_back(m.sentence.text, m.trigger[0], None) if m.date is None else 0
    return replace(d, date=d.date - dt.timedelta(days=n)) if n and d.date is not None else d


def _drafts(mentions: list[Mention], doc: Document, published: dt.date | None,
            dates_of: Mapping[int, Sequence[DateMention]]) -> list[_Draft]:
    """One draft event per mention and place, dated: the mention's own date, else the date of an earlier
    mention of the same type, of the event the sentence before tells, the date the sentence before opens with,
    the lede's, or the publication date."""
    drafts: list[_Draft] = []
    lede_date: EventDay | None = None
    by_type_date: dict[str, EventDay] = {}
    by_sentence: dict[int, EventDay] = {}  # the day of the event each sentence told, in article order
    # the report's own lede date ("On 8 June 2022, ...") dates events told later without one
    if doc.sentences:
        lede_date = _opening_date(doc.sentences[0], dates_of)
    days: dict[int, EventDay] = {}
    for i in sorted(range(len(mentions)), key=lambda i: (mentions[i].sentence.index, i)):
        m = mentions[i]
        if m.date is not None:
            d = EventDay(m.date.date, m.date.time_precision, m.date, m.sentence)
        elif m.sub_event_type in by_type_date:
            d = by_type_date[m.sub_event_type]
        elif (told := by_sentence.get(m.sentence.index - 1)) is not None and told.mention is not None:
            d = told  # "Clashes erupted on Monday ... Several houses were damaged": the narrative's day goes on
        elif (told := _date_just_told(doc, m.sentence, dates_of)) is not None:
            d = told  # "On Wednesday afternoon, residents blocked the highway. Some threw stones at officers."
        elif lede_date is not None:
            d = lede_date
        elif published is not None:
            d = EventDay(published, 2)
        else:
            d = EventDay(None, 3)
        if m.date is not None and (lede_date is None or lede_date.sentence is doc.sentences[0]
                                   and m.sentence.index == 0):
            lede_date = d
        by_type_date.setdefault(m.sub_event_type, d)
        by_sentence.setdefault(m.sentence.index, d)
        days[i] = d
    for i, m in enumerate(mentions):
        d = days_before_told(days[i], m)
        places = _event_places(m) or [(None, 0)]
        counts = split_total(m.fatalities, len(places))
        for (r, p), fat in zip(places, counts, strict=True):
            drafts.append(_Draft([m], m.sub_event_type, m.actor1, m.actor2, r, p, d.date, d.precision, d.mention,
                                 d.sentence, fat,
                                 (m.sentence, m.fatalities_span) if m.fatalities_span else None,
                                 len(places), []))
    return drafts


def _merge_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """Repeated mentions of one event (same type, day, place and actor, from another sentence) are one event;
    one remote strike told twice names its shooter differently, and an agreement its parties in either order,
    so there the actor may differ."""
    merged: list[_Draft] = []
    for dr in drafts:
        for prev in merged:
            if (prev.sub == dr.sub and _same_day(prev, dr) and _same_place(prev, dr)
                    and (_same_actor(prev, dr) or dr.sub in _ANY_ACTOR_SUBS)
                    and not (prev.mentions[0].sentence.index == dr.mentions[0].sentence.index)):
                _absorb(prev, dr)
                break
        else:
            merged.append(dr)
    return merged


def _place_at_focus(merged: list[_Draft], mentions: list[Mention], ctx: GeoContext, gaz: Gazetteer) -> None:
    """An event whose own sentences name no place (or only one the gazetteer lacks, or a country named in
    passing: "weapons sent to Ukraine") lies at the town the article names most often, geo_precision 2."""
    focus = _focus_place(mentions) or _fallback_place(ctx, gaz)
    for dr in merged:
        passing = dr.place is not None and dr.place.kind == "country" and dr.place.toponym.prep not in _IN_COUNTRY \
            and focus is not None and focus.kind == "city"
        if (dr.place is None or dr.place.place is None or passing) and focus is not None:
            dr.place, dr.place_precision = focus, (3 if focus.kind in ("admin1", "country") else 2)


def _place_as_coded(merged: list[_Draft], ctx: GeoContext) -> None:
    """"(coded to X)", "Coded as X district": the note states where its event is placed."""
    coded = next((r for r in ctx.seen if r.toponym.prep == "coded to" and r.place is not None), None)
    if coded is None:
        return
    for dr in merged:
        if dr.place is not None and dr.place.place is not None and \
                dr.place.place.country_code != coded.place.country_code and \
                ctx.country_votes.get(dr.place.place.country_code, 0) > \
                ctx.country_votes.get(coded.place.country_code, 0):
            continue  # a namesake abroad: the note's own place, in the report's country, stands
        if coded.kind == "city" or dr.place is None or dr.place.place is None or dr.place.kind != "city":
            dr.place, dr.place_precision = coded, (3 if coded.kind in ("admin1", "country") else 2)


def _fold_clashes_into_takeovers(merged: list[_Draft]) -> list[_Draft]:
    """Fighting that ends in a side taking the ground is coded as the takeover (ACLED's territorial sub-events
    include the battle that won it): a clash the same day and place folds into it, its toll too if higher."""
    taken = [h for h in merged if h.sub in (Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, Sub.GOVERNMENT_REGAINS_TERRITORY)]
    if not taken:
        return merged
    kept: list[_Draft] = []
    for dr in merged:
        host = next((h for h in taken if dr.sub == Sub.ARMED_CLASH and _same_day(h, dr) and _same_place(h, dr)),
                    None)
        if host is not None:
            host.mentions.extend(dr.mentions)
            if dr.fatalities > host.fatalities:
                host.fatalities, host.fat_ev = dr.fatalities, dr.fat_ev
            continue
        kept.append(dr)
    return kept


def _fold_gatherings(merged: list[_Draft]) -> list[_Draft]:
    """"Protesters had gathered at the square", "footage shows hundreds chanting", told beside the day's
    clashes or dispersal: the same demonstration, coded once as its most severe form."""
    kept: list[_Draft] = []
    for dr in merged:
        if dr.sub == Sub.PEACEFUL_PROTEST and _HAD_GATHERED.search(dr.mentions[0].sentence.text):
            undated = _own_date(dr.mentions[0]) is None
            host = next((h for h in merged if h is not dr and h.sub in _SEVERE_PROTEST and _same_day(h, dr)
                         and (_same_place(h, dr) or undated)), None)
            if host is not None:
                host.mentions.extend(dr.mentions)
                continue
        if dr.sub == Sub.PEACEFUL_PROTEST:
            # "Students marched in Dhaka. Police fired tear gas to disperse the marchers": a later sentence
            # that tells what befell "the marchers" that day and place is the same demonstration, coded once
            # at its most severe form
            host = next((h for h in merged if h is not dr and h.sub in _SEVERE_PROTEST and _same_day(h, dr)
                         and _same_place(h, dr) and _same_crowd(h.actor1, dr.actor1)
                         and h.mentions[0].sentence.index > dr.mentions[0].sentence.index
                         and (_THE_DEMONSTRATION.search(h.mentions[0].sentence.text) or _goes_on(dr, h))
                         and not _SEPARATELY.search(h.mentions[0].sentence.text)), None)
            if host is not None:
                host.mentions[:0] = dr.mentions
                continue
        kept.append(dr)
    return kept


def _same_crowd(a: ActorMention, b: ActorMention) -> bool:
    """The same people: one name, or demonstrators told as protesters and, once violent, as rioters (ACLED's
    names for the two) in the same country."""
    return a.name == b.name or {a.inter, b.inter} == {5, 6} and a.country == b.country


def _goes_on(dr: _Draft, h: _Draft) -> bool:
    """The very next sentence goes on with the demonstration: it tells no day and no place of its own
    ("Protesters rallied in Lima on Monday. Protesters blocked the highway and clashed with police")."""
    m = h.mentions[0]
    return m.sentence.index == dr.mentions[0].sentence.index + 1 and _own_date(m) is None and not _event_places(m)


_THE_DEMONSTRATION = re.compile(r"\b(?:the|those)\s+(?:[\w-]+\s+)?(?:marchers|protesters|protestors|demonstrators|"
                                r"crowds?|rally|march|protest|demonstration|gathering|sit-in|procession)\b|\bthem\b",
                                re.I)


_CROWD_EVENTS = taxonomy.DEMONSTRATION_SUBS | {Sub.MOB_VIOLENCE}


def _fold_arrests_into_gatherings(merged: list[_Draft]) -> list[_Draft]:
    """Arrests told beside a demonstration or riot at the same place, that day or the next ("six students were
    arrested", "21 people were arrested for public violence"), are the police's intervention in it, which ACLED
    codes as part of the demonstration: they fold into it, and a peaceful protest whose participants were
    arrested becomes a Protest with intervention. Arrests on a day the report names for them, or in raids,
    are another operation."""
    kept: list[_Draft] = []
    for dr in merged:
        own = _own_date(dr.mentions[0])
        if dr.sub == Sub.ARRESTS and dr.date is not None and not _SEPARATELY.search(dr.mentions[0].sentence.text):
            host = next((h for h in merged if h is not dr and h.sub in _CROWD_EVENTS and h.date is not None
                         and 0 <= (dr.date - h.date).days <= 1 and _same_place(h, dr)
                         and not (own is not None and own.date != h.date and _NAMED_DAY.search(own.text))
                         and h.mentions[0].sentence.index < dr.mentions[0].sentence.index), None)
            if host is not None:
                host.mentions.extend(dr.mentions)
                if host.sub == Sub.PEACEFUL_PROTEST:
                    host.sub = Sub.PROTEST_WITH_INTERVENTION
                    if host.actor2 is None:
                        host.actor2 = dr.actor1
                continue
        kept.append(dr)
    return kept


# arrests on a day of their own ("On Saturday morning, police ... arrested 112 people") or in raids are another
# operation, no intervention in the demonstration
_NAMED_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}|january|february|march|april|may|"
                        r"june|july|august|september|october|november|december)\b", re.I)
_SEPARATELY = re.compile(r"\b(?:separately|elsewhere|in another|in a separate|in separate|meanwhile|raids?|"
                         r"in connection with the "
                         r"(?:killing|murder|attack|death|bombing|kidnapping))\b", re.I)


def _fold_looting(merged: list[_Draft]) -> list[_Draft]:
    """Looting by the same actor, the same day and place as a violent event is its secondary tag."""
    final: list[_Draft] = []
    for dr in merged:
        if dr.sub == Sub.LOOTING_PROPERTY_DESTRUCTION:
            host = next((h for h in merged if h is not dr and h.sub != dr.sub and h.date == dr.date
                         and _same_actor(h, dr) and _same_place(h, dr)
                         and taxonomy.disorder_type(h.sub) == Disorder.POLITICAL_VIOLENCE), None)
            if host is not None:
                host.secondary.append(dr.sub)
                host.mentions.extend(dr.mentions)
                continue
        final.append(dr)
    return final


def _tag_looting(final: list[_Draft]) -> None:
    """Looting in the violent event's own sentence ("killing three and looting shops") is its secondary tag."""
    loot = trigger_patterns().get(Sub.LOOTING_PROPERTY_DESTRUCTION)
    for dr in final:
        if (loot is not None and dr.sub != Sub.LOOTING_PROPERTY_DESTRUCTION and Sub.LOOTING_PROPERTY_DESTRUCTION
                not in dr.secondary and taxonomy.disorder_type(dr.sub) == Disorder.POLITICAL_VIOLENCE
                and any(loot.search(m.sentence.text) for m in dr.mentions)):
            dr.secondary.append(Sub.LOOTING_PROPERTY_DESTRUCTION)


def merge_mentions(mentions: list[Mention], doc: Document, ctx: GeoContext, gaz: Gazetteer,
                   published: dt.date | None, dates_of: Mapping[int, Sequence[DateMention]]) -> list[Event]:
    """Mentions -> events, in named passes. ``dates_of``: every sentence's dates (``find_dates`` with the
    publication date), as the pipeline found them."""
    merged = _merge_repeats(_drafts(mentions, doc, published, dates_of))
    _place_at_focus(merged, mentions, ctx, gaz)
    _place_as_coded(merged, ctx)
    merged = _fold_arrests_into_gatherings(_fold_gatherings(_fold_clashes_into_takeovers(merged)))
    final = _fold_looting(merged)
    _tag_looting(final)
    return [_to_event(dr, ctx, gaz) for dr in final]


def _absorb(prev: _Draft, dr: _Draft) -> None:
    if prev.date != dr.date and _own_date(prev.mentions[0]) is None and _own_date(dr.mentions[0]) is not None:
        # an undated lede told again with its own date: the stated date is the event's
        prev.date, prev.date_prec = dr.date, dr.date_prec
        prev.date_ev, prev.date_sentence = dr.date_ev, dr.date_sentence
    prev.mentions.extend(dr.mentions)
    if prev.actor1.kind == "inferred" and dr.actor1.kind != "inferred":
        prev.actor1 = dr.actor1
    if prev.actor2 is None and dr.actor2 is not None:
        prev.actor2 = dr.actor2
    if (prev.place is None or prev.place.place is None) and dr.place is not None and dr.place.place is not None:
        prev.place, prev.place_precision = dr.place, dr.place_precision
    elif (prev.place is not None and dr.place is not None and dr.place.place is not None
          and prev.place.kind == "admin1" and dr.place.kind == "city"):
        prev.place, prev.place_precision = dr.place, dr.place_precision
    if dr.fatalities > prev.fatalities and prev.shared == 1 and dr.shared == 1:
        prev.fatalities, prev.fat_ev = dr.fatalities, dr.fat_ev


def _notes(dr: _Draft) -> str:
    s = dr.mentions[0].sentence.text.strip()
    s = re.sub(r"^(?:on|late on|early on|last)\s+\w+day(?:\s+(?:night|morning|evening|afternoon))?,\s*", "", s,
               flags=re.I)
    s = s[0].upper() + s[1:] if s else s
    extra = [m.sentence.text.strip() for m in dr.mentions[1:] if m.sentence.index != dr.mentions[0].sentence.index]
    body = " ".join(dict.fromkeys([s, *extra]))
    if dr.date is not None:
        prefix = ("On " if dr.date_prec == 1 else "Around ") + f"{dr.date.day} {dr.date:%B %Y}"
        if dr.date_prec != 1:
            prefix += " (as reported)"
        return f"{prefix}, {body if _proper_start(body) else body[0].lower() + body[1:]}"
    return body


def _proper_start(text: str) -> bool:
    """Does a sentence open with a name that keeps its capital after "On 4 March 2024, ": an acronym ("UN"), a
    country or its demonym ("Nigerian soldiers", "Russia"), or a name of two capitalised words ("Boko Haram")?"""
    words = re.findall(r"[\w'’-]+", text[:60])
    if not words:
        return True
    first = words[0]
    if first[:2].isupper() or not first[0].isupper():
        return True
    if demonym_country(first) is not None:
        return True
    return len(words) > 1 and words[1][0].isupper() and first.lower() not in _OPENERS


_OPENERS = {"the", "a", "an", "on", "in", "at", "police", "security", "government", "armed", "unidentified", "local",
            "suspected", "several", "some", "two", "three", "four", "five", "dozens", "hundreds", "thousands"}


def _to_event(dr: _Draft, ctx: GeoContext, gaz: Gazetteer) -> Event:
    m0 = dr.mentions[0]
    s = m0.sentence
    sub = dr.sub
    a1 = _actor(dr.actor1, _told_in(dr, dr.actor1, s))
    assert a1 is not None
    a2 = _actor(dr.actor2, _told_in(dr, dr.actor2, s))
    inter2 = a2.inter if a2 else 0
    where = dr.place
    if where is not None and where.kind == "country":
        where = _at_capital(where, gaz) or where  # "in Portugal": ACLED codes the capital
    place = _place(where, dr.place_precision, next((m.sentence for m in dr.mentions if dr.place in m.places), s),
                   _fallback_place(ctx, gaz))
    date_ev = None
    if dr.date_ev is not None and dr.date_sentence is not None:
        date_ev = _ev(dr.date_sentence, dr.date_ev.start, dr.date_ev.end)
    weekday = dr.date_ev.weekday if dr.date_ev is not None else None
    fat_ev = _ev(dr.fat_ev[0], *dr.fat_ev[1]) if dr.fat_ev else None
    return Event(
        event_type=taxonomy.event_type_of(sub),
        sub_event_type=sub,
        disorder_type=taxonomy.disorder_type(sub),
        actor1=a1,
        actor2=a2,
        interaction=taxonomy.interaction(a1.inter, inter2),
        civilian_targeting=taxonomy.civilian_targeting(sub, inter2),
        date=EventDate(dr.date, dr.date_prec if dr.date else 3, date_ev, weekday),
        place=place,
        fatalities=Fatalities(dr.fatalities, fat_ev, dr.shared),
        notes=_notes(dr),
        tags="; ".join(dr.secondary),
        trigger=_ev(s, *m0.trigger),
        sentences=tuple(sorted({m.sentence.index for m in dr.mentions})),
        secondary=tuple(dr.secondary),
        confidence=m0.confidence,
    )


def _focus_place(mentions: list[Mention]) -> Resolved | None:
    seen: dict[int, list[Resolved]] = {}
    for m in mentions:
        for r in m.places:
            # ("two of the injured were referred to Kathmandu": a place named as a destination is not the focus)
            if r.place is not None and r.kind == "city" and r.toponym.prep not in ("to", "from", "toward", "towards"):
                seen.setdefault(r.place.geonameid, []).append(r)
    if not seen:
        return None
    best = max(seen.values(), key=len)
    return best[0]


_TAKEN_TO = re.compile(r"\b(?:referred|taken|rushed|transferred|evacuated|airlifted|flown|brought|fled|moved|"
                       r"relocated|admitted)\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?$")
_HAD_GATHERED = re.compile(r"\bhad\s+(?:\w+\s+)?(?:gathered|assembled|marched|rallied|converged|massed|taken to the "
                           r"streets)\b|\b(?:footage|video|videos|images|photos|clips)\b[^.]{0,120}?\b(?:shows?|showed|showing)\b",
                           re.I)
_SEVERE_PROTEST = taxonomy.DEMONSTRATION_SUBS - {Sub.PEACEFUL_PROTEST}
_IN_COUNTRY = {"in", "across", "throughout", "inside", "within", "at"}


def _fallback_place(ctx: GeoContext, gaz: Gazetteer) -> Resolved | None:
    if ctx.anchors:
        a = ctx.anchors[0]
        return Resolved(Toponym(a.name, 0, 0), a, "city", 2)
    # no town resolved: the first province the article names (geo_precision 3)
    area = next((r for r in ctx.seen if r.place is not None and r.kind == "admin1"), None)
    if area is not None:
        return Resolved(area.toponym, area.place, "admin1", 3)
    # only a country stated as where things happen ("in Luxembourg", "across Korea"): its capital, as ACLED
    # codes national events (geo_precision 3)
    stated = [r for r in ctx.seen if r.place is not None and r.kind == "country" and r.toponym.prep in _IN_COUNTRY]
    country = max(stated, key=lambda r: ctx.country_votes.get(r.place.country_code, 0), default=None)
    return _at_capital(country, gaz) if country is not None else None


def _at_capital(country: Resolved, gaz: Gazetteer) -> Resolved | None:
    """A country's toponym placed at the country's capital (geo_precision 3), where the gazetteer has it."""
    capital = gaz.capital(country.place.country_code) if country.place is not None else None
    return Resolved(country.toponym, capital, "city", 3) if capital is not None else None
