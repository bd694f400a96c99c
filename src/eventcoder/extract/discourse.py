"""Rules across sentences: what a sentence adds to the story told so far.

A sentence may only restate an event already coded (the blast, its toll, arrests at the demonstration just
told), give the toll of the event before it, upgrade a protest by what followed, reveal that a shooting's
victims were gang members, sum up events told one by one, or hand over ground a withdrawal left. Each rule
is one named function here; the pipeline's ``mentions``, ``tolls``, ``summaries`` and ``handovers``
components call them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..doc import Document, Mention
from ..knowledge import prefilter_pattern
from ..model import DateMention, Sentence
from . import factuality, taxonomy
from .classify import WITHDRAWAL, Classification, is_quoted, protest_force
from .numbers import sentence_fatalities
from .taxonomy import Disorder, Sub
from .when import find_dates


def handed_over(mentions: list[Mention]) -> list[Mention]:
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


def without_summaries(mentions: list[Mention]) -> list[Mention]:
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


def toll_sentences(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A sentence right after an event that gives only its toll ('Two of the attackers died.', '3 fatalities.')
    counts for that event."""
    used = {m.sentence.index for m in mentions}
    out: list[Mention] = []
    for s in doc.sentences:
        if s.index in used or not re.search(r"\b(?:fatalit\w*|killed|dead|died|deaths?|death toll|bodies|lost their"
                                            r" lives)\b",
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
                                         r"stone[- ]pelting|(?:scuffles|clashes|violence) (?:broke out|erupted|ensued)|"
                                         r"there (?:were|was) (?:\w+ )?(?:scuffles|clashes)|"
                                         r"(?:scenes?|outbreaks?) of (?:escalating |street )?violence|"
                                         r"escalating violence|(?:descended|degenerated) into (?:\w+ ){0,2}violence|"
                                         r"(?:throwing|hurling) (?:\w+ )?(?:stones|rocks|bricks|bottles|petrol bombs)|"
                                         r"running battles)\b",
                                         re.I)),
]


def protest_followup(sub: str, s: Sentence, doc: Document) -> str:
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


_VICTIMS_WERE_ARMED = re.compile(
    r"\b(?:victims?|the (?:dead|deceased|man|men|target(?: of the attack)?|slain)|one of (?:the )?(?:victims|dead|men)|"
    r"one victim)\b[^.;]{0,60}?\b(?:was|were|had been|is|are)\s+(?:\w+\s+){0,3}?(?:(?:an? |the )?(?:alleged |suspected "
    r"|"
    r"known )?members? of (?:a |an |the )?(?:[\w'-]+\s+){0,3}?(?:gang|cartel|criminal (?:group|organi[sz]ation)|armed"
    r" group|"
    r"militia)|involved in (?:drug trafficking|organi[sz]ed crime|criminal activit\w+)|(?:an? |the )?(?:gang|cartel) "
    r"(?:member|leader|boss|commander)s?|(?:the )?leaders? of (?:a |an |the )?(?:[\w'-]+\s+){0,2}?(?:gang|cartel|"
    r"criminal group))\b", re.I)


def armed_victim_followup(sub: str, s: Sentence, doc: Document) -> str:
    """A shooting whose victims the next sentences call gang or cartel members is, for ACLED, a fight
    between armed groups (Armed clash), not an attack on civilians."""
    if sub != Sub.ATTACK:
        return sub
    for x in [s, *doc.sentences[s.index + 1:s.index + 3]]:
        if _VICTIMS_WERE_ARMED.search(x.text):
            return Sub.ARMED_CLASH
    return sub


def paragraph(text: str, s: Sentence) -> str:
    """The paragraph a sentence stands in."""
    start = text.rfind("\n", 0, s.start) + 1
    end = text.find("\n", s.end)
    return text[start:end if end >= 0 else len(text)].strip()


GENERIC = re.compile(r"(?:attacks?|blasts?|explosions?|bombings?|assaults?|violence|incidents?|clash(?:es)?|fighting|"
                      r"raids?|operations?|shootings?|ambush(?:es)?|strikes?|killings?|massacres?|abductions?|"
                      r"kidnappings?|protests?|demonstrations?|rall(?:y|ies)|unrest|riots?)$", re.I)
ANAPHOR = re.compile(r"\b(?:the|this|that|these|those|its|their|his|which|same|such)\s+(?:[\w-]+\s+){0,2}$", re.I)
_CASUALTY = re.compile(r"(?:dead|killed|injured|wounded|died|deaths?|hurt|shot|martyred|slain|killing|injuring|"
                       r"wounding)$",
                       re.I)
_NEW_EVENT = re.compile(r"\b(?:separate(?:ly)?|another (?:[\w-]+ )?(?:attack|incident|clash|raid|bombing|explosion|"
                        r"strike|case|event|protest|demonstration|village|town)|meanwhile|elsewhere|in a (?:second|"
                        r"third|different|similar)|"
                        r"also|earlier|later|overnight|the (?:next|following|previous) day)\b", re.I)
_CROWD_EVENTS = taxonomy.DEMONSTRATION_SUBS | {Sub.MOB_VIOLENCE}
_TOLL_OF_EARLIER = re.compile(
    r"\b(?:death toll|toll (?:has |had )?(?:risen|rose|climbed)|succumbed to (?:his|her|their) (?:wounds|injuries)|"
    r"confirmed the deaths?|(?:identified|named) the (?:slain|dead|deceased|victims|attackers?|bombers?)|"
    r"the (?:bomber|attacker|assailant|gunman|suicide bomber) (?:was|were|had been) (?:also )?(?:killed|shot dead|"
    r"injured|wounded|arrested))\b", re.I)
_RECOVERED = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?(?:recovered|seized|found|"
                        r"confiscated)\b",
                        re.I)


_FORCE_ON_THE_CROWD = re.compile(
    r"\b(?:fired|opened fire|shot|charged|used (?:tear ?gas|force)|tear-?gassed|dispers(?:e|ed|ing)|beat|clubbed)\s+"
    r"(?:\w+\s+){0,4}?(?:at|on|into|upon)?\s*(?:the|these|those)\s+(?:crowds?|protesters|protestors|demonstrators|"
    r"rioters|marchers|mob)\b",
    re.I)


def force_rung(protest: str, force: str) -> str:
    """A demonstration's type once the force used on it, told in a sentence of its own, is folded in: up ACLED's
    ladder (peaceful -> intervention -> excessive force; fire or beatings told as an attack are excessive force);
    a violent demonstration or any other event keeps its type."""
    rung = [Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION, Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS]
    told = Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS if force == Sub.ATTACK else force
    if protest not in rung or told not in rung:
        return protest
    return max(protest, told, key=rung.index)


def restates(text: str, cls: Classification, sub: str, earlier: list[Mention],
              date: DateMention | None = None) -> Mention | None:
    """The event already coded that a later sentence only restates ('the blast', 'claimed the attack', a quote,
    the toll 'five were killed', weapons recovered at the scene, arrests at the demonstration just told), or
    None when the sentence reports an event of its own."""
    last = earlier[-1]
    word = text[cls.trigger_start:cls.trigger_end]
    before = text[:cls.trigger_start]
    prev_violent = any(taxonomy.disorder_type(m.sub_event_type) == Disorder.POLITICAL_VIOLENCE for m in earlier)
    if prev_violent and (_CASUALTY.match(word) or GENERIC.match(word) or sub in (Sub.ARMED_CLASH, Sub.ATTACK)) and \
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
    if sub in (Sub.ATTACK, Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, Sub.PROTEST_WITH_INTERVENTION) and crowd \
            and crowd[-1] is last and same_day and _FORCE_ON_THE_CROWD.search(text):
        # "Police fired at the crowd, killing two": the force used on the demonstration or riot just coded,
        # part of it (its toll counts; its type was read from what followed: protest_followup)
        return last
    if GENERIC.match(word) and ANAPHOR.search(before):
        return last
    if _CASUALTY.match(word) and (is_quoted(text, cls.trigger_start) or re.search(
            r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", before)) and \
            not re.search(r"\bby\b", text[cls.trigger_end:]):
        return last
    return last if sub == Sub.DISRUPTED_WEAPONS_USE and prev_violent and _RECOVERED.search(text) else None


def narrative_dates(doc: Document, dates_of: dict[int, list[DateMention]],
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


_PEOPLE_COUNT = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)(?:-\w+)?|a dozen|dozens|scores|hundreds|thousands|tens of thousands)\s+(?:of\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|children|civilians|protesters|protestors|demonstrators|"
    r"students|workers|soldiers|troops|police(?:men)?|officers|militants|fighters|rebels|insurgents|villagers|"
    r"residents|farmers|supporters|members|activists|gunmen|attackers|bandits|suspects|detainees|prisoners|"
    r"passengers|worshippers|pupils|teachers|traders|miners|refugees|migrants|journalists|bodies)\b", re.I)


def anchored(doc: Document, m: Mention) -> bool:
    """Does a mention's sentence tie its event to the world: a date ("on Thursday", "last week"), a place it
    names, or a count of people ("eight protesters", a toll)? A report of an event says when, where or how many;
    a word of violence in an opinion, a policy or a memory ("US policy prohibits torture", "also arrested were
    Anne Maguire and her family") says none of them."""
    i = m.sentence.index
    if doc.dates is not None and doc.dates.by_sentence.get(i):
        return True
    if doc.places is not None and any(r.place is not None or r.toponym.keyword
                                      for r in doc.places.by_sentence.get(i, ())):
        return True
    return m.fatalities > 0 or bool(_PEOPLE_COUNT.search(m.sentence.text))


# a whole article (not a snippet or a coder's note, which have no room for context) tells where, when or how
# many for an event it reports
ARTICLE_SENTENCES = 8


def without_unanchored(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A whole article (``ARTICLE_SENTENCES`` sentences or more) none of whose mentions is anchored
    (``anchored``) reports no event: its words of violence are told in passing. Where one is anchored, the
    others are the story going on ("The attackers also burned the market") and stay. A snippet or a note,
    too short to give its context, is left as it is."""
    if len(doc.sentences) < ARTICLE_SENTENCES:
        return mentions
    return mentions if any(anchored(doc, m) for m in mentions) else []

