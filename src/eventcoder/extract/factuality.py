"""Factuality: is a sentence reporting an event that happened, recently?

Not coded: background (dated months or years before publication), habitual or ongoing-without-date
("are also ambushing"), hypothetical, future, threatened or denied events, court reports of old events,
history pieces, and non-conflict senses of conflict words (sports "attack", a "clash" of politicians).
"""

from __future__ import annotations

import datetime as dt
import re

from ..knowledge import cue_patterns
from . import taxonomy
from .taxonomy import Sub
from .when import DateMention

BACKGROUND_DAYS = 60
# a report's lede names its news: its own dated event is background only when over a year old
LEDE_BACKGROUND_DAYS = 365
_PROTEST_SUBS = taxonomy.DEMONSTRATION_SUBS

_PRESENT_AUX = re.compile(r"\b(?:are|is|am)\s+(?:\w+\s+){0,2}?(\w+ing)\b", re.I)
_HABITUAL_PRESENT = re.compile(r"\b(?:they|militants|groups|gangs|fighters|gunmen|insurgents|rebels|jihadists)\s+"
                               r"(?:\w+\s+){0,3}?(?:attack|kill|kidnap|abduct|ambush|raid|loot|break into|storm|"
                               r"target|extort|steal)\b", re.I)


_GENRES = [
    ("court report", re.compile(r"\b(?:court|tribunal|judge|atc)\b.*\b(?:jails?|sentences?|convicts?|acquits?)\b|"
                                r"\b(?:sentences?|jails?|convicts?)\s+(?:\w+\s+){0,3}(?:to death|for life|over|for)\b", re.I)),
    ("history", re.compile(r"\b(?:\d+ years (?:on|since|after|ago)|years on|anniversary|remembers?|commemorat\w*|"
                           r"marks \d+ years)\b", re.I)),
    ("review", re.compile(r"^review\b|\b(?:film|movie|box office|premiere|documentary|novel)\b", re.I)),
    ("sport", re.compile(r"\b(?:football|soccer|cricket|rugby|qualifier|world cup|five-for|wickets?|innings|"
                         r"test match|league|tournament|championship|olympics?)\b", re.I)),
    ("business", re.compile(r"\b(?:shares|stocks?|startup|earnings|revenue|sales|investors|ipo|profits?)\b", re.I)),
    ("legislature", re.compile(r"\bkills? (?:\w+ )?(?:bill|motion|budget|law|reform)\b|\b(?:senate|parliament|assembly|"
                               r"congress|lawmakers|mps)\b.*\b(?:passes|defeats?|rejects?|approves?|debate)\b", re.I)),
    ("threat", re.compile(r"\b(?:warns? (?:of|that)|threatens?|vows?|plans?|will)\b", re.I)),
]


_SPORT_SENSE = re.compile(r"(?:attack|clash|shot|shoot|fir(?:e|ed|ing)\b|strik|struck|battl|fight|fought|kill|beat|hit|"
                          r"bomb|blast|raid|defeat|destroy|storm|invad|captur|seiz|took|overr|ambush|offensive|"
                          r"massacr|crush|wound|injur|hurt|died|dead|death|explo|assault|war\b)", re.I)
_CUMULATIVE = re.compile(r"\b(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?(?:\w+\s+)?(?:displaced|killed|detained|arrested|"
                         r"abducted|kidnapped|fled|died|murdered|recorded|registered|documented|forced)\b|"
                         r"\b(?:more than|over|at least|nearly|almost|some)\s+[\d,]+\s+(?:[\w-]+\s+){0,2}(?:were|have been|"
                         r"had been)\s+(?:killed|murdered|abducted|kidnapped|detained|arrested|displaced)\b|"
                         r"\b(?:received|recorded|registered|documented|logged|counted)\s+(?:more than\s+|over\s+)?"
                         r"(?:[\d,]+|dozens of|scores of|hundreds of)\s+(?:complaints|reports|cases|incidents)\b", re.I)
_TALLY = re.compile(r"\bsince\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|"
                    r"this morning|dawn|early|the (?:attack|raid|blast|strike|clashes|fighting))\b)\w+|\bso far\b|"
                    r"\bthis year\b|\bin total\b|\bestimat\w*|\btally\b|\boverall\b|\bto date\b|\bin the run-?up to\b", re.I)
_ACCIDENT = re.compile(r"\b(?:crash(?:ed|es)?|collided|collision|accident|drowned|overturned|capsized|electrocuted|"
                       r"hit by a (?:car|truck|bus|train|lorry)|road accident|traffic accident|involuntary manslaughter|"
                       r"(?:scooter|motorbike|motorcycle|bicycle|moped)\s+(?:[\w'-]+\s+){0,6}?(?:hit|struck|crashed|"
                       r"collided|skidded))\b", re.I)
_MATCH_REPORT = re.compile(r"\b(?:\d{1,2}-\d{1,2} (?:win|victory|draw|defeat|loss)|(?:won|winning|beat|lost|losing|drew|"
                           r"drawing)\s+(?:\w+\s+){0,3}?\d{1,2}-\d{1,2}|half-time|kick-off)\b", re.I)


def story_genre(headline: str | None, lede: str | None = None) -> str | None:
    """What kind of story a report is when it is no report of a new event: a court report, a history
    piece, a review, sport, business, a vote in a legislature, a threat, from its headline; a match
    report also from its lede (a sports term and a score). In such a story a sentence
    without a date of its own tells background, not news."""
    if headline:
        genre = next((g for g, rx in _GENRES if rx.search(headline)), None)
        if genre:
            return genre
    if lede and dict(_GENRES)["sport"].search(lede) and _MATCH_REPORT.search(lede):
        return "sport"
    return None


def reason_not_coded(sentence: str, trigger_start: int, trigger_end: int, dates: list[DateMention],
                     published: dt.date | None, sub_event_type: str | None = None, lede: bool = False) -> str | None:
    """Why a sentence's event is not coded, or None when it is a real, recent event.

    ``lede``: the sentence opens the report. ``sub_event_type``: what the sentence was classified as; a
    demonstration outside a court or on an anniversary is still a demonstration.
    """
    cues = cue_patterns()
    limit = LEDE_BACKGROUND_DAYS if lede else BACKGROUND_DAYS
    protest = sub_event_type in _PROTEST_SUBS
    low = sentence.lower()
    before = low[:trigger_start]
    window = low[max(0, trigger_start - 60):trigger_start]
    trig = low[trigger_start:trigger_end]

    if published is None and any(d.date is not None and d.time_precision == 3 and d.explicit_year for d in dates):
        return "background"  # without a publication date, "in October 2017" phrasing marks background
    if published is not None:
        for d in dates:
            if d.date is None:
                continue
            if d.time_precision == 3 and d.explicit_year:
                month_end = (d.date.replace(day=28) + dt.timedelta(days=4))
                if (published - month_end).days > limit:
                    return "background"
            elif (published - d.date).days > limit and d.explicit_year:
                return "background"
            elif (published - d.date).days > BACKGROUND_DAYS + 300:
                return "background"
    if sub_event_type in (Sub.ATTACK, Sub.ARMED_CLASH, None) and re.fullmatch(r"died|dead|death|killed|injured|hurt", trig) and \
            _ACCIDENT.search(low) and not re.search(r"\b(?:shot|stabbed|gunmen|attack\w*|beaten|bomb\w*|armed|"
                                                    r"rammed into (?:a |the )?(?:crowd|protesters))\b", low):
        return "accident"  # "died when the scooter he was riding crashed into a wall"
    if not protest and _CUMULATIVE.search(low) and _TALLY.search(low):
        return "cumulative tally"  # "more than 4.5 million have been displaced since April": no one event
    if re.search(r"\b(?:(?:exposed|vulnerable|susceptible|prone)\s+to|(?:threat|risk|fear|danger|spectre)\s+of)\s+"
                 r"(?:[a-z-]+\s+){0,3}$", before):
        return "generic"  # "cities remain exposed to missile and drone attacks", "the threat of air strikes"
    if re.fullmatch(r"rioters?|mobs?|militants?|gunmen|armed (?:men|elements)|terrorists?|thugs", trig) and re.search(
            r"\b(?:blam\w*|accus\w*|attribut\w*)\b[^.;]{0,20}$", before):
        return "attribution"  # "the council blamed 'rioters and armed elements' for the unrest": who is accused
    if re.search(r"\b(?:years?|months|decades?)\s+of\s+(?:[a-z-]+\s+){0,2}$", before) or re.search(
            r"\b(?:following|after|ended|ending|end)\s+(?:more than\s+|nearly\s+|almost\s+)?(?:a|an|one|two|three|four|"
            r"five|several|many|\d+)?\s*(?:days?|weeks?|hours?|nights?)\s+of\s+(?:[a-z-]+\s+){0,2}$", before):
        # "ended more than a year of hostilities", "a ceasefire ... following a day of heavy fighting": a period
        # told as the background of what the sentence reports, not one event
        return "period"
    if re.fullmatch(r"deaths|killings", trig) and re.search(
            r"\b(?:investigat\w*|probe|probing|inquiry|inquest)\s+(?:into\s+)?the\s+(?:[\w-]+\s+){0,2}$", before):
        return "follow-up"  # "asked to investigate the Kisii deaths": the deaths are told (and coded) elsewhere
    if re.search(r"\b(?:has|have|had) seen\b(?:\s+[\w-]+){0,6}?\s+(?:soar|ris|surg|spik|increas|climb|jump|grow|"
                 r"rocket|doubl)\w*", low) and re.search(r"\b(?:has|have|had) seen\b", before):
        return "trend"  # "has seen homicides soar as gangs fight over routes": a trend, not an event
    demand = protest and (bool(cues["protest"].search(sentence)) or bool(re.search(
        r"\b(?:demand\w*|call\w* for|denounc\w*|condemn\w*|against|in support of|support for|show\w* support|"
        r"solidarity|oppos\w*)\b", low)))
    # "arrested dozens ahead of the anniversary": the anniversary dates a new event, it is not the event
    upcoming = re.search(r"\b(?:amid|ahead of|on the eve of)\b[^.;]{0,60}?"
                         r"\b(?:anniversary|commemorat\w*)\b", low[trigger_end:])
    if not demand and not upcoming and cues["history"].search(low) and re.search(r"\b(?:anniversary|commemorat\w*|years ago|decades ago|"
                                                  r"in memory of|memorial|world war)\b", low):
        return "history"
    if not protest and cues["legal"].search(low) and re.search(r"\b(?:sentenced|convicted|acquitted|verdict|trial|indicted|"
                                                r"testified|jailed for|charged with|guilty|court)\b", low):
        if not re.search(r"\b(?:arrested|detained)\b", trig):
            return "court report"
    if cues["nonconflict"].search(low):
        conflict_words = cues["protest"].search(low)
        # a sports or business word makes a word of force its other sense ("attack", "killed the deal"),
        # never an arrest, a blockade or a demonstration ("police arrested students at the stadium")
        sport_sense = not protest and _SPORT_SENSE.match(trig)
        if not conflict_words and not protest and not re.search(r"\b(?:killed|shot dead|militants?|soldiers|troops|police|gunmen|rebels|insurgents|"
                         r"protesters|demonstrators|bomb\w*|suicide|explosives?|airstrike|shelling|grenades?|wounding|injuring|injured|"
                         r"wounded|stabbed|military|army|armed forces|security forces)\b", low) or sport_sense and re.search(
                r"\b(?:heart attack|panic attack|asthma attack|cyber ?attacks?|ransomware|clash of (?:the )?titans|"
                r"football|soccer|cricket|rugby|striker|midfielder|goalkeeper|box office|video game|half-time|"
                r"top corner|hat-trick|penalty kick|wickets?|stumps|five-for|innings|spinners?|bowled|batsm[ae]n|"
                r"analysts'? estimates|year on year|"
                r"killed (?:the |a |off |off the |this |that |their |his |her )?(?:\w+ ){0,2}(?:bill|deal|motion|proposal|"
                r"plan|match|game|amendment|measure|reform)|"
                r"(?:lawmakers|legislators|mps|senators|candidates|politicians|parties) (?:\w+ )?clash\w*|"
                r"clash\w* (?:over|about) (?:the )?(?:budget|bill|policy|reform|law)|war of words)\b", low):
            return "not a conflict sense"
    # future, hypothetical, threatened: a modal or intention verb governing the trigger
    if re.search(r"\b(?:will|would|shall|could|might|may|to)\s+(?:\w+\s+){0,2}$", window) and re.search(
            r"\b(?:will|would|shall|could|might|may|plans?|planned|planning|threaten\w*|vow\w*|pledg\w*|"
            r"intend\w*|aims?|aimed|prepar\w*|going|set|expected|likely|warn\w*|call\w*|urg\w*|seek\w*|"
            r"tried|attempt\w*|want\w*|order\w*|able|ready|decid\w*|agreed|refused)\s+(?:\w+\s+){0,3}$", window):
        return "future or hypothetical"
    if re.search(r"\b(?:will|would|shall|could|might|may)\s+(?:\w+\s+){0,1}$", window):
        return "future or hypothetical"
    if re.search(r"\b(?:if|unless|in case|should)\b[^,.;]*$", before):
        return "hypothetical"
    if re.search(r"\b(?:threat(?:en|ened|ens)?|vow(?:ed|s)?|warn(?:ed|s)?|plan(?:s|ned)?|"
                 r"call(?:ed|s)? for|urg(?:ed|es))\b[^.;]*$", before) and not re.search(
            r"\b(?:killed|died|injured|were|was)\b", low[trigger_end:trigger_end + 60]):
        if re.search(r"\b(?:threat\w*|vow\w*|warn\w*|plan(?:s|ned|ning)?\s+to|call(?:s|ed|ing)?\s+for|urg\w*)\b",
                     window):
            return "future or hypothetical"
    nxt = re.search(r"\b(?:next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                    r"tomorrow|upcoming|later this (?:week|month))\b", low)
    if nxt and not re.search(
            r"\b(?:was|were|had|killed|died|injured|took place|held|gathered|staged|happened)\b", low) and not (
            nxt.start() > trigger_end and re.fullmatch(r"[a-z]+ed", trig)):
        # (a past-tense event before the future words is not future: "protested against the upcoming vote")
        return "future"
    # denied or negated
    if re.search(r"\b(?:no|not|never|denied|deny|denies|without)\s+(?:\w+\s+){0,2}$", window) and not re.search(
            r"\bno (?:fewer|less)\b|\bno one\s+(?:\w+\s+)?(?:claimed|took|has claimed|had claimed)\b", window):
        return "negated"  # "no one had attacked the building"; not "no one claimed the attack"
    if re.search(r"\b(?:are|is|were|was) (?:expected|due|set|scheduled|slated|poised) to\b", before) and not re.search(
            r"\b(?:killed|died|injured|wounded|clashed|attacked|arrested|took place|happened|erupted)\b", low):
        return "future"  # "mediators are expected to meet this week in a new push for a ceasefire"
    if re.search(r"\b(?:denied|denies|dismissed|rejected)\b.*\b(?:reports?|claims?|allegations?|rumou?rs?)\b", low):
        return "denied"
    # habitual / ongoing without a date: "ISIS groups are also ambushing Iraqis on main roads"
    has_date = any(d.date is not None or d.weekday for d in dates)
    if not has_date:
        m = _PRESENT_AUX.search(low)
        if m and m.start(1) <= trigger_start < m.end(1) + 1 and sub_event_type != Sub.CHANGE_TO_GROUP_ACTIVITY:
            return "habitual or ongoing"  # forces "are moving" somewhere is news of a movement, not a habit
        if _HABITUAL_PRESENT.search(low) and not re.search(r"\b(?:was|were|had|has been|have been|killed|died|"
                                                           r"injured|yesterday|last)\b", low):
            return "habitual"
        if re.search(r"\bcontinues? to\b", before) and not re.search(r"\b(?:was|were|killed|died|yesterday|last)\b", low):
            return "habitual or ongoing"  # "sleeper cells continue to carry out sporadic attacks": no one event
        if cues["habitual"].search(low) and re.search(r"\b(?:are|is|have been|has been)\b|\b(?:have|has) (?:repeatedly|"
                                                      r"regularly|routinely|frequently|often)\b|\b(?:regularly|routinely|"
                                                      r"frequently|often|repeatedly|usually)\s+[a-z]+s\b", low) and not re.search(
                r"\b(?:was|were|killed|died|yesterday|last)\b", low):
            return "habitual"
    return None
