"""The named stages, end to end: Article -> CleanText -> sentences/mentions -> Events.

``extract(text, published)`` is a pure function of its inputs (models and data files are loaded
once per process and never mutated).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections import Counter
from dataclasses import dataclass, replace
from typing import Protocol

from .clean import clean
from .extract import factuality, taxonomy
from .extract.actors import ActorMention, civilians, demonym_country, find_actors, state_name
from .extract.classify import WITHDRAWAL, Classification, classify_sentence, is_quoted, protest_force
from .extract.merge import Mention, merge_mentions
from .extract.numbers import sentence_fatalities
from .extract.taxonomy import Disorder, Sub
from .extract.when import DateMention, days_after, find_dates, statement_date
from .geo.gazetteer import Gazetteer, default_gazetteer
from .geo.resolve import GeoContext, Resolved, country_context, resolve_text
from .knowledge import countries, prefilter_pattern
from .model import CleanText, Event, Evidence, Sentence
from .nlp import model, segmenter


class NoPublicationDateWarning(UserWarning):
    """Relative dates were found but no publication date was given to resolve them."""


@dataclass(frozen=True)
class Document:
    clean: CleanText
    sentences: tuple[Sentence, ...]


def segment(ct: CleanText) -> Document:
    doc = segmenter()(ct.text)
    sents = []
    for s in doc.sents:
        text = s.text.strip()
        if not text:
            continue
        start = s.start_char + (len(s.text) - len(s.text.lstrip()))
        sents.append(Sentence(len(sents), start, start + len(text), text))
    return Document(ct, tuple(sents))


_SPEAKER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:said|says|say|told|reported|confirmed|stated|added|claimed|announced|"
                      r"quoted|spokesman|spokesperson|statement)\b", re.I)
_ARMED = {"state_military", "state_police", "named", "unidentified"}
_REMOTE = {Sub.AIR_DRONE_STRIKE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, Sub.GRENADE,
           Sub.SUICIDE_BOMB, Sub.CHEMICAL_WEAPON}
_VAC = {Sub.ATTACK, Sub.ABDUCTION_FORCED_DISAPPEARANCE, Sub.SEXUAL_VIOLENCE}


def _is_speaker(text: str, a: ActorMention) -> bool:
    before = text[max(0, a.start - 25):a.start].lower()
    return bool(_SPEAKER.match(text[a.end:])) or bool(re.search(r"according to (?:the |local )?$", before))


def _country_name(ctx: GeoContext) -> str | None:
    db = countries()
    for cc in ctx.top_countries():
        c = db.by_alpha2.get(cc)
        if c:
            return c.name
    return None


def _roles(sub: str, text: str, trig: tuple[int, int], actors: list[ActorMention], country: str | None,
           article_named: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
    """Who did it (actor1) and to whom (actor2), from positions and voice around the trigger."""
    acts = [a for a in actors if not _is_speaker(text, a)]
    if article_named is not None:
        # generic "militants"/"insurgents" in an article about one named group are that group
        acts = [replace(a, name=article_named.name, inter=article_named.inter, kind="named")
                if a.kind == "unidentified" and re.match(r"(?:militants?|insurgents?|jihadists?|extremists?|"
                                                          r"fighters|terrorists?)$", a.text, re.I) else a
                for a in acts]
    t0, t1 = trig
    by_agent = None
    m = re.search(r"\bby\s+(?:the\s+|suspected\s+|alleged\s+)?", text[t1:t1 + 60])
    if m:
        pos = t1 + m.end()
        by_agent = next((a for a in acts if a.start == pos or (a.start > t1 and abs(a.start - pos) <= 12)), None)
    protest_like = sub in (Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION, Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS)
    riot_like = sub in (Sub.VIOLENT_DEMONSTRATION, Sub.MOB_VIOLENCE)
    a1 = a2 = None
    if protest_like:
        a1 = next((a for a in acts if a.kind == "protesters"), None)
        a1 = a1 or ActorMention(f"Protesters ({country or 'unknown country'})", 6, "protesters", t0, t0, "", country)
        if sub != Sub.PEACEFUL_PROTEST:
            a2 = next((a for a in acts if a.kind in ("state_police", "state_military")), None)
            a2 = a2 or ActorMention(state_name(country, "police"), 1, "state_police", t0, t0, "", country)
        return a1, a2
    if riot_like:
        a1 = next((a for a in acts if a.kind in ("rioters", "protesters")), None)
        name = f"Rioters ({country or 'unknown country'})"
        a1 = ActorMention(name, 5, "rioters", a1.start if a1 else t0, a1.end if a1 else t0, a1.text if a1 else "",
                          country)
        if sub == Sub.MOB_VIOLENCE:
            a2 = next((a for a in acts if a.kind in ("state_police", "state_military")), None)
            a2 = a2 or ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
        else:
            a2 = next((a for a in acts if a.kind in ("state_police", "state_military")), None)
        return a1, a2
    armed = [a for a in acts if a.kind in _ARMED]
    if by_agent is not None and by_agent.kind in _ARMED:
        a1 = by_agent
    else:
        # (not the object inside a trigger's span: "attacked a police station"; a weapon inside the span,
        # "fired artillery", acts only where no force is named before it)
        before = [a for a in armed if a.end <= t0] or [a for a in armed if a.end <= t1 and a.start <= t0]
        # passive voice: "three soldiers were killed" -> the soldiers are the target, not the agent
        passive_targets = {id(a) for a in before if re.match(r"\s*(?:\w+\s+){0,2}?(?:were|was|have been|had been|"
                                                              r"has been)\b", text[a.end:t0 + 1])}
        # ("its troops, supported by local clan militias, recaptured": the supporters are no actor1)
        cand = [a for a in before if id(a) not in passive_targets and not re.search(
            r"\b(?:(?:supported|backed|aided|assisted|accompanied|joined) by|alongside|with the (?:help|support) of)\s+"
            r"(?:the\s+|local\s+|allied\s+)*$", text[max(0, a.start - 40):a.start], re.I)]
        a1 = cand[-1] if cand else None
        # "the military, police and Pyu Saw Htee members destroyed": actor1 is the first of coordinated subjects
        while a1 is not None and cand.index(a1) > 0:
            prev = cand[cand.index(a1) - 1]
            if not re.fullmatch(r"\s*(?:,|and|, and|&)\s*(?:the\s+)?(?:\w+\s+)?", text[prev.end:a1.start]):
                break
            a1 = prev
        if a1 is None:
            after = [a for a in armed if a.start >= t1 and id(a) not in passive_targets]
            if sub in (Sub.ARMED_CLASH, Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
                       Sub.ARRESTS, Sub.DISRUPTED_WEAPONS_USE, Sub.HEADQUARTERS_OR_BASE_ESTABLISHED, Sub.AGREEMENT,
                       Sub.CHANGE_TO_GROUP_ACTIVITY, Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, Sub.AIR_DRONE_STRIKE,
                       Sub.SHELLING_ARTILLERY_MISSILE_ATTACK) and after:
                a1 = after[0]
    others = [a for a in armed if a1 is None or a.name != a1.name]
    if a1 is None and sub in (Sub.AIR_DRONE_STRIKE, Sub.SHELLING_ARTILLERY_MISSILE_ATTACK):
        # "Turkish airstrikes targeted ...": the demonym before the strike names whose forces struck
        dem = re.search(r"([A-Z][\w-]+)\s+(?:[\w-]+\s+)?$", text[:t0])
        c = demonym_country(dem.group(1)) if dem else None
        if c:
            a1 = ActorMention(state_name(c, "military"), 1, "state_military", dem.start(1), t0, dem.group(1), c)
    if a1 is None and sub == Sub.OTHER and re.search(r"displac|fled|flee|refugees|asylum|evacuat", text[t0:t1], re.I):
        # people displaced, fleeing or arriving as refugees: ACLED's displacement, with civilians as actor1
        a1 = ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
    if a1 is None and sub in (Sub.LOOTING_PROPERTY_DESTRUCTION, Sub.ARRESTS, Sub.OTHER, Sub.CHANGE_TO_GROUP_ACTIVITY) and \
            re.search(r"\b(?:the |local |municipal |city |provincial |state |regional )?(?:authorities|government|"
                      r"municipality|city council|officials)\s+(?:\w+\s+){0,2}$", text[:t0], re.I):
        # "the local government demolished the church": the state did it
        a1 = ActorMention(state_name(country, "government"), 1, "state", t0, t0, "", country)
    if a1 is None:
        if sub == Sub.ARRESTS:
            a1 = ActorMention(state_name(country, "police"), 1, "state_police", t0, t0, "", country)
        elif sub == Sub.AIR_DRONE_STRIKE:
            a1 = ActorMention(state_name(country, "military"), 1, "state_military", t0, t0, "", country)
        elif sub in (Sub.OTHER, Sub.AGREEMENT, Sub.CHANGE_TO_GROUP_ACTIVITY):
            a1 = ActorMention(state_name(country, "government"), 1, "state", t0, t0, "", country)
        else:
            a1 = ActorMention(f"Unidentified Armed Group ({country or 'unknown country'})", 3, "inferred", t0, t0, "",
                              country)
    if sub in _VAC or sub in (Sub.ARRESTS, Sub.LOOTING_PROPERTY_DESTRUCTION):
        if sub == Sub.LOOTING_PROPERTY_DESTRUCTION and not re.search(r"\b(?:homes?|houses?|shops?|property|"
                                                                   r"villagers|residents|civilians)\b", text, re.I):
            a2 = None
        else:
            a2 = ActorMention(civilians(country), 7, "civilians", t0, t0, "", country)
    elif sub == Sub.ARMED_CLASH:
        a2 = others[0] if others else None
        if a2 is None:
            if a1.inter == 1:
                a2 = ActorMention(f"Unidentified Armed Group ({country or 'unknown country'})", 3, "inferred", t0, t0,
                                  "", country)
            else:
                a2 = ActorMention(state_name(country, "military"), 1, "state_military", t0, t0, "", country)
    elif sub in _REMOTE:
        civ = re.search(r"\b(?:civilians?|people|residents|villagers|children|women|worshippers|passengers|"
                        r"shoppers|students|market|homes?|houses?|residential|hospital|school)\b", text, re.I)
        a2 = ActorMention(civilians(country), 7, "civilians", t0, t0, "", country) if civ else (
            others[0] if others else None)
    elif sub in (Sub.GOVERNMENT_REGAINS_TERRITORY, Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY):
        a2 = others[0] if others else None
    return a1, a2


class SentenceClassifier(Protocol):
    """A learned classifier combined with the rules (see ``eventcoder.train.TrainedModel``)."""

    def judge(self, sentences: list[str]) -> list[tuple[str, float]]: ...

    def wants(self, judged: tuple[str, float]) -> bool: ...

    def combine(self, text: str, rule: Classification | None, judged: tuple[str, float],
                context: str | None = None) -> Classification | None: ...


def extract(text: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None,
            classifier: SentenceClassifier | None = None) -> list[Event]:
    """Code every conflict event a news report gives, in the ACLED taxonomy, with evidence.

    ``classifier`` (a model made by ``eventcoder train``) is combined with the rules sentence by sentence.
    """
    ct = clean(text)
    doc = segment(ct)
    gaz = gazetteer or default_gazetteer()
    full = ct.text if not ct.headline else ct.headline + "\n" + ct.text
    all_actors = find_actors(full, None)
    ctx = country_context(full, ct.dateline, gaz, all_actors)
    country = _country_name(ctx)
    article_named = _dominant_named(all_actors)  # named groups' names and kinds do not depend on the country

    pre = prefilter_pattern()
    kept = [s for s in doc.sentences if pre.search(s.text)]
    learned: dict[int, tuple[str, float]] = {}
    if classifier is not None:
        learned = dict(enumerate(classifier.judge([s.text for s in doc.sentences])))
        kept = [s for s in doc.sentences if pre.search(s.text) or classifier.wants(learned[s.index])]
    parsed = {}
    if kept:
        nlp = model()
        for s, sdoc in zip(kept, nlp.pipe((s.text for s in kept), batch_size=32), strict=True):
            parsed[s.index] = [(e.text, e.start_char, e.end_char) for e in sdoc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    # resolve every toponym once, in article order, so earlier places anchor later ones
    resolved_by_sent: dict[int, list[Resolved]] = {}
    for s in doc.sentences:
        resolved_by_sent[s.index] = resolve_text(s.text, parsed.get(s.index), gaz, ctx)
    country = _country_name(ctx) or country

    mentions: list[Mention] = []
    no_date_warned = False
    genre = factuality.story_genre(ct.headline, doc.sentences[0].text if doc.sentences else None)
    dates_of = {s.index: find_dates(s.text, published) for s in doc.sentences}
    narrative = _narrative_dates(doc, dates_of, published)
    # countries the article is mostly about: a place resolved to a third country is more likely a wrong guess
    ranked = ctx.country_votes.most_common()
    floor = ranked[1][1] if len(ranked) > 1 else 0  # countries tied for second place all count
    top = {db_c.name for cc, v in ranked if v >= floor and (db_c := countries().by_alpha2.get(cc))}
    for s in kept:
        actors = find_actors(s.text, country)
        following = doc.sentences[s.index + 1].text if s.index + 1 < len(doc.sentences) else None
        cls = classify_sentence(s.text, actors, _sentence_country(resolved_by_sent.get(s.index, [])) or country,
                                following)
        if classifier is not None:
            cls = classifier.combine(s.text, cls, learned[s.index], _paragraph(ct.text, s))
        if cls is None:
            continue
        dates = dates_of[s.index]
        date = _days_before(_pick_date(dates, cls.trigger_start, s.text), s.text, cls.trigger_start)
        why = factuality.reason_not_coded(s.text, cls.trigger_start, cls.trigger_end,
                                          [date] if date is not None else [], published, cls.sub_event_type,
                                          lede=s.index == 0)
        if why:
            continue
        if genre and date is not None and date.text.lower() == "today":
            date = None  # in a feature, "today" is nowadays, not the day of an event
        if genre and _GENERIC.match(s.text[cls.trigger_start:cls.trigger_end]) and \
                _ANAPHOR.search(s.text[:cls.trigger_start]):
            continue  # "the massacre" in a feature or court report is the story's old event, told again
        if date is None and (genre or narrative.get(s.index)):
            continue  # an undated sentence in a court report, review..., or told after a background date
        sub = _armed_victim_followup(_protest_followup(cls.sub_event_type, s, doc), s, doc)
        prev = _restates(s.text, cls, sub, mentions, date) if mentions else None
        if prev is not None:
            # folded into the event it restates (its toll still counts when higher)
            fat, fat_span = sentence_fatalities(s.text)
            # (the earlier sentence's places stay with it: their offsets are into that sentence, not this one)
            mentions.append(replace(prev, sentence=s, trigger=(cls.trigger_start, cls.trigger_end), fatalities=fat,
                                    fatalities_span=fat_span, places=()))
            continue
        a1, a2 = _roles(sub, s.text, (cls.trigger_start, cls.trigger_end), actors, country, article_named)
        where = _sentence_country(resolved_by_sent.get(s.index, []))
        where = where if where in top else None
        a1, a2 = _external(a1, where), _external(a2, where)
        if published is None and date is not None and date.weekday and not no_date_warned:
            warnings.warn("no publication date given: relative dates (weekday kept in the evidence) are not "
                          "resolved; pass --published", NoPublicationDateWarning, stacklevel=2)
            no_date_warned = True
        fat, fat_span = sentence_fatalities(s.text)
        if sub in (Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION):
            fat, fat_span = 0, None  # a death at a demonstration makes it another type; a death protested is no toll
        places = [r for r in resolved_by_sent.get(s.index, []) if r.kind != "country" or len(
            resolved_by_sent.get(s.index, [])) == 1]
        mentions.append(Mention(
            sentence=s, sub_event_type=sub, trigger=(cls.trigger_start, cls.trigger_end),
            confidence=cls.confidence, actor1=a1, actor2=a2, date=date, fatalities=fat, fatalities_span=fat_span,
            places=tuple(places), country=country,
        ))
    mentions.extend(_toll_sentences(doc, mentions))
    return merge_mentions(_handed_over(_without_summaries(mentions)), doc, ctx, gaz, published, dates_of)


def _handed_over(mentions: list[Mention]) -> list[Mention]:
    """A withdrawal followed, in the next sentence, by the handover of the ground it left ("withdrew from the
    base. ... handed control of the camp to ...") is one non-violent transfer of territory, not a movement of
    forces and a transfer."""
    out = list(mentions)
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (m.sub_event_type == Sub.CHANGE_TO_GROUP_ACTIVITY
                and WITHDRAWAL.match(m.sentence.text[m.trigger[0]:m.trigger[1]])
                and nxt.sub_event_type == Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY
                and nxt.sentence.index == m.sentence.index + 1):
            out[i] = replace(m, sub_event_type=nxt.sub_event_type, actor1=nxt.actor1, actor2=nxt.actor2)
    return out


_SUMMARY = re.compile(r"\b(?:separate|several|a series of|a spate of|a wave of|different|multiple|two|three|four|five)"
                      r"\s+(?:[\w-]+\s+)?(?:attacks|incidents|shootings|killings|acts of violence)\b", re.I)


def _without_summaries(mentions: list[Mention]) -> list[Mention]:
    """A summary ("two civilians were killed in separate attacks") followed by the events it sums up, told
    one by one with their own weapons, is no event of its own: coding it would count its dead twice."""
    out = []
    for i, m in enumerate(mentions):
        if (m.sub_event_type in (Sub.ATTACK, Sub.ARMED_CLASH) and _SUMMARY.search(m.sentence.text)
                and any(x.sentence.index > m.sentence.index and x.sub_event_type != m.sub_event_type
                        and taxonomy.disorder_type(x.sub_event_type) == Disorder.POLITICAL_VIOLENCE
                        for x in mentions[i + 1:])):
            continue
        out.append(m)
    return out


def _toll_sentences(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A sentence right after an event that gives only its toll ('Two of the attackers died.', '3 fatalities.')
    counts for that event."""
    used = {m.sentence.index for m in mentions}
    out: list[Mention] = []
    for s in doc.sentences:
        if s.index in used or not re.search(r"\b(?:fatalit\w*|killed|dead|died|deaths?|death toll|bodies|lost their lives)\b",
                                            s.text, re.I):
            continue
        prev = [m for m in mentions if 0 < s.index - m.sentence.index <= 2]
        if not prev or prev[-1].sub_event_type in (Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION) or \
                _NEW_EVENT.search(s.text) or re.search(r"[\"“”]|\b(?:similar|previous|last year|earlier)\b", s.text) \
                or find_dates(s.text, None):
            continue  # another event's toll, a quoted figure, or one dated on its own
        fat, span = sentence_fatalities(s.text)
        if fat > 0 and span is not None:
            out.append(replace(prev[-1], sentence=s, trigger=span, fatalities=fat, fatalities_span=span))
    return out


_PROTEST_UPGRADE = [
    (Sub.VIOLENT_DEMONSTRATION, re.compile(r"\b(?:(?:protesters|demonstrators|they|rioters|crowd)\s+(?:\w+\s+){0,3}?"
                                         r"(?:threw|pelted|hurled|torched|burned|set fire|vandali[sz]ed|attacked|"
                                         r"clashed|damaged|smashed|stormed|ransacked|looted)|turned violent|"
                                         r"stone[- ]pelting)\b", re.I)),
]


def _protest_followup(sub: str, s: Sentence, doc: Document) -> str:
    """A protest whose next sentences report force or violence is coded by what followed."""
    if sub != Sub.PEACEFUL_PROTEST:
        return sub
    nxt = [x for x in doc.sentences[s.index + 1:s.index + 3]
           if doc.clean.text.count("\n", s.end, x.start) == 0]
    pre = prefilter_pattern()
    for x in nxt:
        if (re.search(r"\b(?:protest|demonstrat|rall(?:y|ies)|march(?:ed)?\b)", x.text, re.I)
                and pre.search(x.text) and re.search(r"\b(?:another|separate|also)\b", x.text, re.I)):
            break
        for new, rx in _PROTEST_UPGRADE:
            if rx.search(x.text):
                return new
        force = protest_force(x.text)
        if force:
            return force[0]
    return sub


_ARMED_VICTIM = re.compile(
    r"\b(?:victims?|the (?:dead|deceased|man|men|target(?: of the attack)?|slain)|one of (?:the )?(?:victims|dead|men)|"
    r"one victim)\b[^.;]{0,60}?\b(?:was|were|had been|is|are)\s+(?:\w+\s+){0,3}?(?:(?:an? |the )?(?:alleged |suspected |"
    r"known )?members? of (?:a |an |the )?(?:[\w'-]+\s+){0,3}?(?:gang|cartel|criminal (?:group|organi[sz]ation)|armed group|"
    r"militia)|involved in (?:drug trafficking|organi[sz]ed crime|criminal activit\w+)|(?:an? |the )?(?:gang|cartel) "
    r"(?:member|leader|boss|commander)s?|(?:the )?leaders? of (?:a |an |the )?(?:[\w'-]+\s+){0,2}?(?:gang|cartel|"
    r"criminal group))\b", re.I)


def _armed_victim_followup(sub: str, s: Sentence, doc: Document) -> str:
    """A shooting whose victims the next sentences call gang or cartel members is, for ACLED, a fight
    between armed groups (Armed clash), not an attack on civilians."""
    if sub != Sub.ATTACK:
        return sub
    for x in [s, *doc.sentences[s.index + 1:s.index + 3]]:
        if _ARMED_VICTIM.search(x.text):
            return Sub.ARMED_CLASH
    return sub


def _paragraph(text: str, s: Sentence) -> str:
    """The paragraph a sentence stands in."""
    start = text.rfind("\n", 0, s.start) + 1
    end = text.find("\n", s.end)
    return text[start:end if end >= 0 else len(text)].strip()


_GENERIC = re.compile(r"(?:attacks?|blasts?|explosions?|bombings?|assaults?|violence|incidents?|clash(?:es)?|fighting|"
                      r"raids?|operations?|shootings?|ambush(?:es)?|strikes?|killings?|massacres?|abductions?|"
                      r"kidnappings?|protests?|demonstrations?|rall(?:y|ies)|unrest|riots?)$", re.I)
_ANAPHOR = re.compile(r"\b(?:the|this|that|these|those|its|their|his|which|same|such)\s+(?:[\w-]+\s+){0,2}$", re.I)
_CASUALTY = re.compile(r"(?:dead|killed|injured|wounded|died|deaths?|hurt|shot|martyred|slain|killing|injuring|wounding)$",
                       re.I)
_NEW_EVENT = re.compile(r"\b(?:separate(?:ly)?|another (?:[\w-]+ )?(?:attack|incident|clash|raid|bombing|explosion|"
                        r"strike|case|event|protest|demonstration|village|town)|meanwhile|elsewhere|in a (?:second|third|different|similar)|"
                        r"also|earlier|later|overnight|the (?:next|following|previous) day)\b", re.I)
_CROWD_EVENTS = taxonomy.DEMONSTRATION_SUBS | {Sub.MOB_VIOLENCE}
_TOLL_OF_EARLIER = re.compile(
    r"\b(?:death toll|toll (?:has |had )?(?:risen|rose|climbed)|succumbed to (?:his|her|their) (?:wounds|injuries)|"
    r"confirmed the deaths?|(?:identified|named) the (?:slain|dead|deceased|victims|attackers?|bombers?)|"
    r"the (?:bomber|attacker|assailant|gunman|suicide bomber) (?:was|were|had been) (?:also )?(?:killed|shot dead|"
    r"injured|wounded|arrested))\b", re.I)
_RECOVERED = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?(?:recovered|seized|found|confiscated)\b",
                        re.I)


def _restates(text: str, cls: Classification, sub: str, earlier: list[Mention],
              date: DateMention | None = None) -> Mention | None:
    """The event already coded that a later sentence only restates ('the blast', 'claimed the attack', a quote,
    the toll 'five were killed', weapons recovered at the scene, arrests at the demonstration just told), or
    None when the sentence reports an event of its own."""
    last = earlier[-1]
    word = text[cls.trigger_start:cls.trigger_end]
    before = text[:cls.trigger_start]
    prev_violent = any(taxonomy.disorder_type(m.sub_event_type) == Disorder.POLITICAL_VIOLENCE for m in earlier)
    if prev_violent and (_CASUALTY.match(word) or _GENERIC.match(word) or sub in (Sub.ARMED_CLASH, Sub.ATTACK)) and \
            _TOLL_OF_EARLIER.search(text):
        # "the death toll had risen to seven", "the bomber was also killed in the blast", "police identified
        # the slain militants": the toll or the dead of the event already coded
        return last
    if _NEW_EVENT.search(text):
        return None
    crowd = [m for m in earlier[-3:] if m.sub_event_type in _CROWD_EVENTS]
    same_day = date is None or date.date is None or any(
        m.date is not None and m.date.date == date.date for m in crowd)
    if sub == Sub.ARRESTS and crowd and same_day and not re.search(
            r"\b(?:militants?|rebels?|insurgents?|gunmen|suspected members|terrorists?|commanders?)\b", text, re.I):
        # "Eleven people were arrested", "police made six arrests": the arrests at the demonstration or riot
        # just coded are part of it
        return crowd[-1]
    if _GENERIC.match(word) and _ANAPHOR.search(before):
        return last
    if _CASUALTY.match(word) and (is_quoted(text, cls.trigger_start) or re.search(
            r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", before)) and not re.search(r"\bby\b", text[cls.trigger_end:]):
        return last
    return last if sub == Sub.DISRUPTED_WEAPONS_USE and prev_violent and _RECOVERED.search(text) else None


def _narrative_dates(doc: Document, dates_of: dict[int, list[DateMention]],
                     published: dt.date | None) -> dict[int, bool]:
    """For each sentence: is the story told in the past? A report whose lede is dated long before
    publication (a feature on an old massacre) tells background until a recent date comes up."""
    out: dict[int, bool] = {}
    background = False
    for s in doc.sentences:
        dated = [d for d in dates_of[s.index] if d.date is not None]
        if dated and published is not None:
            d = dated[-1]
            old = d.explicit_year and (published - d.date).days > factuality.LEDE_BACKGROUND_DAYS
            if s.index == 0:
                background = old
            elif not old and (published - d.date).days <= factuality.BACKGROUND_DAYS:
                background = False
        out[s.index] = background
    return out


def _external(a: ActorMention | None, where: str | None) -> ActorMention | None:
    """State forces acting outside their own country are ACLED's External/Other forces (inter 8)."""
    if a is None or where is None or a.inter != 1 or a.kind not in ("state_military", "state_police"):
        return a
    return replace(a, inter=8) if a.country and a.country != where else a


def _sentence_country(res: list[Resolved]) -> str | None:
    """The country of the first place a sentence names that the gazetteer knows."""
    cc = next((r.place.country_code for r in res if r.place is not None), None)
    c = countries().by_alpha2.get(cc) if cc else None
    return c.name if c else None


def _dominant_named(actors: list[ActorMention]) -> ActorMention | None:
    """The named non-state group an article is about: named at least twice, twice as often as any other."""
    counts = Counter(a.name for a in actors if a.kind == "named" and a.inter in (2, 3, 4))
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return next(a for a in actors if a.name == top[0][0])


_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[–—-]\s")
_VAGUE = ("overnight", "tonight", "today", "this morning", "this afternoon", "this evening", "last night")


def _pick_date(dates: list[DateMention], trigger: int, text: str = "") -> DateMention | None:
    usable = [d for d in dates if d.date is not None or d.weekday]
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


def _days_before(date: DateMention | None, text: str, trigger: int) -> DateMention | None:
    """The curfew came on Sunday, "a day after gunmen stormed a bar": the event after "a day after" is a
    day before the date the sentence states."""
    if date is None or date.date is None:
        return date
    after = days_after(text, trigger)
    if after is None or after[1] < date.end or trigger - after[2] > 80:
        return date
    return replace(date, date=date.date - dt.timedelta(days=after[0]))


def d_before(lead: DateMention, trigger: int, text: str) -> bool:
    """Does the sentence-initial date govern a trigger after it? Not when someone's statement that day
    lies between them ('On Monday, police said gunmen killed five on Saturday')."""
    return lead.end <= trigger and not re.search(r"\b(?:said|says|told|reported|announced|confirmed|claimed|stated)\b",
                                                 text[lead.end:trigger], re.I)


def evidence(sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence(sentence.index, sentence.start + start, sentence.start + end, sentence.text[start:end])
