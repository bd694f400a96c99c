"""Sentences -> mentions: the event each kept sentence reports, with its actors, date, toll and places.

``find_mentions`` walks the kept sentences in article order. For each it asks, in this order: what type
(``classify``, then the user's learned classifier), which date (``when.pick_date``), whether it is a real,
recent event (``factuality``), whether the story's genre or a background lede rules it out, what later
sentences say of it (``discourse``), whether it only restates an event already told (folded into that one),
and who did what to whom (``roles``). Each mention's fatalities are decided here, in ``mention_toll``.
"""

from __future__ import annotations

from dataclasses import replace

from ..doc import Diagnostic, Document, Mention
from ..knowledge import countries
from ..model import ActorMention, DateMention, Sentence
from . import discourse, factuality, participants
from .actors import find_actors
from .classify import Classification, classify_sentence
from .numbers import sentence_fatalities
from .roles import external, roles
from .taxonomy import Sub
from .when import days_before, pick_date

NO_PUBLICATION_DATE = ("no publication date given: relative dates (weekday kept in the evidence) are not "
                       "resolved; pass --published")


def sentence_country(res: tuple | list) -> str | None:
    """The country of the first place a sentence names that the gazetteer knows."""
    cc = next((r.place.country_code for r in res if r.place is not None), None)
    c = countries().by_alpha2.get(cc) if cc else None
    return c.name if c else None


def classify(doc: Document, s: Sentence, actors: list[ActorMention], country: str | None) -> Classification | None:
    """The rules' type for a sentence, combined with the user's learned classifier where one is given."""
    assert doc.places is not None
    following = doc.sentences[s.index + 1].text if s.index + 1 < len(doc.sentences) else None
    cls = classify_sentence(s.text, actors, sentence_country(doc.places.by_sentence.get(s.index, ())) or country,
                            following, doc.names.get(s.index, ()))
    clf = doc.options.classifier
    if clf is not None:
        cls = clf.combine(s.text, cls, doc.learned[s.index], discourse.paragraph(doc.text, s))
    return cls


def event_date(doc: Document, s: Sentence, cls: Classification) -> DateMention | None:
    """The date the sentence gives its event ("a day after" moves it back)."""
    assert doc.dates is not None
    dates = doc.dates.by_sentence[s.index]
    return days_before(pick_date(dates, cls.trigger_start, s.text), s.text, cls.trigger_start)


def told_as_past(doc: Document, s: Sentence, cls: Classification, date: DateMention | None) -> bool:
    """In a court report, review or feature (the story's genre), or after a background lede, an undated
    sentence or "the massacre" tells the story's old event again."""
    assert doc.context is not None and doc.dates is not None
    genre = doc.context.genre
    if genre and discourse.GENERIC.match(s.text[cls.trigger_start:cls.trigger_end]) and \
            discourse.ANAPHOR.search(s.text[:cls.trigger_start]):
        return True
    return date is None and bool(genre or doc.dates.background.get(s.index))


def mention_toll(sub: str, s: Sentence) -> tuple[int, tuple[int, int] | None]:
    """A mention's fatalities: the sentence's toll (ACLED's counting rules, ``numbers``); none for a
    peaceful or dispersed protest (a death at a demonstration makes it another type; a death protested is
    no toll)."""
    fat, fat_span = sentence_fatalities(s.text)
    if sub in (Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION):
        return 0, None
    return fat, fat_span


_CLAUSE_REASONS = frozenset({"future or hypothetical", "future", "hypothetical", "negated", "only planned"})


def _not_coded(doc: Document, s: Sentence, cls: Classification, actors: list[ActorMention],
               date: DateMention | None) -> str | None:
    """Why a sentence's classified event is not coded (factuality, then the participants the type needs), or
    None; a reason of the trigger's own clause is one of ``_CLAUSE_REASONS``."""
    assert doc.context is not None
    reason = factuality.reason_not_coded(s.text, cls.trigger_start, cls.trigger_end,
                                         [date] if date is not None else [], doc.published, cls.sub_event_type,
                                         lede=s.index == 0)
    if reason:
        return reason
    if participants.missing_party(cls.sub_event_type, s.text, actors) or \
            participants.other_sense(doc.context.domain, cls.sub_event_type, s.text, actors):
        return "participants"
    if participants.missing_in_parse(cls.sub_event_type, s.text, (cls.trigger_start, cls.trigger_end), actors):
        return "parse"
    if (date is None or not (date.weekday or date.date is not None)) and \
            participants.hypothetical_in_parse(s.text, (cls.trigger_start, cls.trigger_end)):
        return "hypothetical"
    return None


def _masked(text: str, cls: Classification) -> str:
    """The sentence with a trigger blanked out (same length, so every offset holds)."""
    return text[:cls.trigger_start] + " " * (cls.trigger_end - cls.trigger_start) + text[cls.trigger_end:]


def find_mentions(doc: Document) -> tuple[tuple[Mention, ...], tuple[Diagnostic, ...]]:
    assert doc.context is not None and doc.places is not None
    country = doc.places.country
    published = doc.published
    mentions: list[Mention] = []
    diagnostics: list[Diagnostic] = []
    for s in (doc.sentences[i] for i in doc.kept):
        actors = find_actors(s.text, country, published)
        cls = classify(doc, s, actors, country)
        if cls is None:
            continue
        date = event_date(doc, s, cls)
        reason = _not_coded(doc, s, cls, actors, date)
        if reason in _CLAUSE_REASONS:
            # the trigger's own clause is hypothetical or negated ("jailed 60 men suspected of plotting to
            # launch attacks"): the sentence's other trigger may still tell what happened
            alt = classify(doc, replace(s, text=_masked(s.text, cls)), actors, country)
            if alt is not None:
                cls, date = alt, event_date(doc, s, alt)
                reason = _not_coded(doc, s, cls, actors, date)
        if reason:
            continue
        if doc.context.genre and date is not None and date.text.lower() == "today":
            date = None  # in a feature, "today" is nowadays, not the day of an event
        if told_as_past(doc, s, cls, date):
            continue
        sub = discourse.armed_victim_followup(discourse.protest_followup(cls.sub_event_type, s, doc), s, doc)
        prev = discourse.restates(s.text, cls, sub, mentions, date) if mentions else None
        if prev is not None:
            # folded into the event it restates (its toll still counts when higher); the earlier sentence's
            # places stay with it: their offsets are into that sentence, not this one
            fat, fat_span = sentence_fatalities(s.text)
            mentions.append(replace(prev, sentence=s, trigger=(cls.trigger_start, cls.trigger_end), fatalities=fat,
                                    fatalities_span=fat_span, places=(),
                                    sub_event_type=discourse.force_rung(prev.sub_event_type, sub)))
            continue
        a1, a2 = roles(sub, s.text, (cls.trigger_start, cls.trigger_end), actors, country, doc.context.named_group)
        res = doc.places.by_sentence.get(s.index, ())
        where = sentence_country(res)
        where = where if where in doc.places.top else None
        a1, a2 = external(a1, where), external(a2, where)
        if published is None and date is not None and date.weekday and not diagnostics:
            diagnostics.append(Diagnostic("no-publication-date", NO_PUBLICATION_DATE, s.index))
        fat, fat_span = mention_toll(sub, s)
        places = [r for r in res if r.kind != "country" or len(res) == 1]
        mentions.append(Mention(
            sentence=s, sub_event_type=sub, trigger=(cls.trigger_start, cls.trigger_end),
            confidence=cls.confidence, actor1=a1, actor2=a2, date=date, fatalities=fat, fatalities_span=fat_span,
            places=tuple(places), country=country,
        ))
    return tuple(mentions), tuple(diagnostics)
