"""Factuality: is a sentence reporting an event that happened, recently?

Not coded: background (dated months or years before publication), habitual or ongoing-without-date
("are also ambushing"), hypothetical, future, threatened or denied events, court reports of old events,
history pieces, and non-conflict senses of conflict words (sports "attack", a "clash" of politicians).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
                                r"\b(?:sentences?|jails?|convicts?)\s+(?:\w+\s+){0,3}(?:to death|for life|over|"
                                r"for)\b", re.I)),
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
_CUMULATIVE = re.compile(r"\b(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?(?:\w+\s+)?(?:displaced|killed|detained|arrested"
                         r"|"
                         r"abducted|kidnapped|fled|died|murdered|recorded|registered|documented|forced)\b|"
                         r"\b(?:more than|over|at least|nearly|almost|some)\s+[\d,]+\s+(?:[\w-]+\s+){0,2}(?:were|have"
                         r" been|"
                         r"had been)\s+(?:killed|murdered|abducted|kidnapped|detained|arrested|displaced)\b|"
                         r"\b(?:received|recorded|registered|documented|logged|counted)\s+(?:more than\s+|over\s+)?"
                         r"(?:[\d,]+|dozens of|scores of|hundreds of)\s+(?:complaints|reports|cases|incidents)\b", re.I)
_TALLY = re.compile(r"\bsince\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|"
                    r"this morning|dawn|early|the (?:attack|raid|blast|strike|clashes|fighting))\b)\w+|\bso far\b|"
                    r"\bthis year\b|\bin total\b|\bestimat\w*|\btally\b|\boverall\b|\bto date\b|\bin the run-?up"
                    r" to\b", re.I)
_ACCIDENT = re.compile(r"\b(?:crash(?:ed|es)?|collided|collision|accident|drowned|overturned|capsized|electrocuted|"
                       r"hit by a (?:car|truck|bus|train|lorry)|road accident|traffic accident|involuntary manslaughter"
                       r"|"
                       r"(?:scooter|motorbike|motorcycle|bicycle|moped)\s+(?:[\w'-]+\s+){0,6}?(?:hit|struck|crashed|"
                       r"collided|skidded))\b", re.I)
_MATCH_REPORT = re.compile(r"\b(?:\d{1,2}-\d{1,2} (?:win|victory|draw|defeat|loss)|(?:won|winning|beat|lost|losing|drew"
                           r"|"
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


@dataclass(frozen=True)
class _Told:
    """What the checks read of one sentence and its trigger, built once."""
    sentence: str
    low: str
    before: str  # the lowercased sentence up to the trigger
    window: str  # the 60 characters before the trigger
    trig: str  # the trigger, lowercased
    trigger_end: int
    trigger_start: int
    dates: list[DateMention]
    published: dt.date | None
    sub_event_type: str | None
    limit: int  # days after which a dated event is background
    protest: bool
    cues: dict[str, re.Pattern[str]]


def _background(t: _Told) -> str | None:
    """Dated too long before publication (a lede's own event a year, any other 60 days; a date without a year
    300 days more); with no publication date, a month and year ("in October 2017") marks background."""
    if t.published is None:
        if any(d.date is not None and d.time_precision == 3 and d.explicit_year for d in t.dates):
            return "background"
        return None
    if not any(d.date is not None for d in t.dates):
        # an undated sentence set in a year long past: "during the Madhes movement of 2015, several protesters
        # were killed"
        years = [int(y) for y in re.findall(r"\b(?:in|during|of|back in)\s+(?:late\s+|early\s+|mid-?)?"
                                            r"((?:19|20)\d\d)\b", t.low)]
        if years and max(years) < t.published.year - 1:
            return "background"
    for d in t.dates:
        if d.date is None:
            continue
        if d.time_precision == 3 and d.explicit_year:
            month_end = (d.date.replace(day=28) + dt.timedelta(days=4))
            if (t.published - month_end).days > t.limit:
                return "background"
        elif (t.published - d.date).days > t.limit and d.explicit_year:
            return "background"
        elif (t.published - d.date).days > BACKGROUND_DAYS + 300:
            return "background"
    return None


def _accident(t: _Told) -> str | None:
    """A death or injury in an accident ("died when the scooter he was riding crashed into a wall"), with no
    weapon or attacker named: no political violence."""
    if t.sub_event_type in (Sub.ATTACK, Sub.ARMED_CLASH, None) and re.fullmatch(r"died|dead|death|killed|injured|"
                                                                                r"hurt", t.trig) and \
            _ACCIDENT.search(t.low) and not re.search(r"\b(?:shot|stabbed|gunmen|attack\w*|beaten|bomb\w*|armed|"
                                                      r"rammed into (?:a |the )?(?:crowd|protesters))\b", t.low):
        return "accident"
    return None


_WORK = (r"(?:film|movie|novel|book|play|drama|series|sitcom|soap|documentary|opera|musical|album|song|video game|game|"
         r"thriller|memoir|biopic|episode|comedy|show|screenplay|script|exhibition|painting)s?")
_FICTION_FRAME = re.compile(
    # "the film tells the story of ...", "the drama, set during the Troubles, follows ..."
    r"\b(?:the|this|his|her|their|its|a|an|new|latest)\s+(?:[\w'’-]+\s+){0,3}?" + _WORK + r"\b[^.;]{0,80}?\b(?:tells?|"
    r"follows?|depicts?|portrays?|is set|set (?:in|during|against|amid)|recounts?|recalls?|dramati[sz]es?|"
    r"chronicles?|cent(?:re|er)s? on|(?:is|are) about|explores?|charts?|imagines?|revolves? around|re-?creates?|"
    r"re-?enacts?|(?:is|was) (?:a|an) (?:[\w-]+ )?(?:protest|attack|tribute|response))\b|"
    # "in the novel, ...", "in the film's final scene"
    r"\bin the (?:[\w'’-]+\s+){0,2}?" + _WORK + r"(?:'s?)?\b|"
    # "the actor plays a detective hunting a killer"
    r"\b(?:plays?|played|playing|stars? as|starring as|cast as)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:soldier|"
    r"detective|rebel|killer|gangster|spy|police(?:man|woman| officer)|general|terrorist|warlord|hitman|assassin|"
    r"officer|fighter|guerrilla|hero|villain|agent|marine|sniper|commander)", re.I)


def _fiction(t: _Told) -> str | None:
    """What a film, a novel or a play tells ("the film tells the story of a hotel manager who saved refugees during
    the genocide", "in the novel, a young soldier is captured by rebels", "the actor plays a detective hunting a
    killer"): a story, not an event of the news."""
    m = _FICTION_FRAME.search(t.low)
    if m and m.start() < t.trigger_start:
        return "fiction"
    return None


def _cumulative_tally(t: _Told) -> str | None:
    """A count over a period ("more than 4.5 million have been displaced since April"): no one event."""
    if not t.protest and _CUMULATIVE.search(t.low) and _TALLY.search(t.low):
        return "cumulative tally"
    return None


def _generic(t: _Told) -> str | None:
    """A kind of event as a risk ("cities remain exposed to missile and drone attacks", "the threat of air
    strikes"): no event."""
    if re.search(r"\b(?:(?:exposed|vulnerable|susceptible|prone)\s+to|(?:threat|risk|fear|danger|spectre)\s+of)\s+"
                 r"(?:[a-z-]+\s+){0,3}$", t.before):
        return "generic"
    return None


def _attribution(t: _Told) -> str | None:
    """Who is blamed ("the council blamed 'rioters and armed elements' for the unrest"): an accusation of
    who did it, not an event."""
    if re.fullmatch(r"rioters?|mobs?|militants?|gunmen|armed (?:men|elements)|terrorists?|thugs", t.trig) and re.search(
            r"\b(?:blam\w*|accus\w*|attribut\w*)\b[^.;]{0,20}$", t.before):
        return "attribution"
    return None


def _period(t: _Told) -> str | None:
    """A period ("ended more than a year of hostilities", "a ceasefire ... following a day of heavy
    fighting") told as the background of what the sentence reports, not one event."""
    if re.search(r"\b(?:years?|months|decades?)\s+of\s+(?:[a-z-]+\s+){0,2}$", t.before) or re.search(
            r"\b(?:following|after|ended|ending|end)\s+(?:more than\s+|nearly\s+|almost\s+)?(?:a|an|one|two|three|four|"
            r"five|several|many|\d+)?\s*(?:days?|weeks?|hours?|nights?)\s+of\s+(?:[a-z-]+\s+){0,2}$", t.before):
        return "period"
    return None


def _follow_up(t: _Told) -> str | None:
    """Deaths under investigation ("asked to investigate the Kisii deaths"): told, and coded, elsewhere."""
    if re.fullmatch(r"deaths|killings", t.trig) and re.search(
            r"\b(?:investigat\w*|probe|probing|inquiry|inquest)\s+(?:into\s+)?the\s+(?:[\w-]+\s+){0,2}$", t.before):
        return "follow-up"
    return None


def _trend(t: _Told) -> str | None:
    """A place that "has seen homicides soar as gangs fight over routes": a trend, not an event."""
    if re.search(r"\b(?:has|have|had) seen\b(?:\s+[\w-]+){0,6}?\s+(?:soar|ris|surg|spik|increas|climb|jump|grow|"
                 r"rocket|doubl)\w*", t.low) and re.search(r"\b(?:has|have|had) seen\b", t.before):
        return "trend"
    return None


def _history(t: _Told) -> str | None:
    """A history piece (an anniversary, a commemoration, "years ago", a world war) - unless a demonstration
    with a demand is held on it, or the anniversary only dates a new event ("arrested dozens ahead of the
    anniversary")."""
    low = t.low
    demand = t.protest and (bool(t.cues["protest"].search(t.sentence)) or bool(re.search(
        r"\b(?:demand\w*|call\w* for|denounc\w*|condemn\w*|against|in support of|support for|show\w* support|"
        r"solidarity|oppos\w*)\b", low)))
    upcoming = re.search(r"\b(?:amid|ahead of|on the eve of)\b[^.;]{0,60}?"
                         r"\b(?:anniversary|commemorat\w*)\b", low[t.trigger_end:])
    if not demand and not upcoming and t.cues["history"].search(low) and re.search(
            r"\b(?:anniversary|commemorat\w*|years ago|decades ago|in memory of|memorial|world war)\b", low):
        return "history"
    return None


def _court_report(t: _Told) -> str | None:
    """A court report of an old event (sentenced, convicted, a trial) - not an arrest, and not a
    demonstration outside a court."""
    # a court named as the place ("beat a protester outside the High Court") tells no trial
    low = re.sub(r"\b(?:outside|near|in front of|at the gates of|on the steps of)\s+(?:the\s+)?"
                 r"(?:[\w'-]+\s+){0,3}?court\b", " ", t.low)
    if not t.protest and t.cues["legal"].search(low) and re.search(
            r"\b(?:sentenced|convicted|acquitted|verdict|trial|indicted|testified|jailed for|charged with|guilty|"
            r"court)\b",
            low):
        if not re.search(r"\b(?:arrested|detained)\b", t.trig):
            return "court report"
    return None


# harm no game does: "fans fought outside the stadium, stabbing each other; one man died"
_REAL_HARM = re.compile(r"\b(?:stabb\w*|machetes?|knives|beat(?:ing)? each other|died|were killed|was killed|"
                        r"hospitali[sz]ed|lynch\w*|to death)\b")  # "beat a suspected thief to death in the market"


def _not_a_conflict_sense(t: _Told) -> str | None:
    """A word of force in its other sense: sport, business, health, politics ("attack", "killed the deal",
    "lawmakers clashed over the budget"); never an arrest, a blockade or a demonstration ("police arrested
    students at the stadium")."""
    low = t.low
    if not t.cues["nonconflict"].search(low):
        return None
    conflict_words = t.cues["protest"].search(low)
    sport_sense = not t.protest and _SPORT_SENSE.match(t.trig)
    if not conflict_words and not t.protest and not re.search(r"\b(?:killed|shot dead|militants?|soldiers|troops|police"
                                                              r"|gunmen|rebels|insurgents|"
                     r"protesters|demonstrators|rioters?|mobs?|looters|arsonists|bomb\w*|suicide|explosives?|airstrike|shelling|grenades?|wounding|injuring|injured|"
                     r"wounded|stabbed|military|army|armed forces|security forces)\b", low) \
            and not _REAL_HARM.search(low) or \
            sport_sense and not _REAL_HARM.search(low) and re.search(
            r"\b(?:heart attack|panic attack|asthma attack|cyber ?attacks?|ransomware|clash of (?:the )?titans|"
            r"football|soccer|cricket|rugby|striker|midfielder|goalkeeper|box office|video game|half-time|"
            r"top corner|hat-trick|penalty kick|wickets?|stumps|five-for|innings|spinners?|bowled|batsm[ae]n|"
            r"analysts'? estimates|year on year|"
            r"killed (?:the |a |off |off the |this |that |their |his |her )?(?:\w+ ){0,2}(?:bill|deal|motion|proposal|"
            r"plan|match|game|amendment|measure|reform)|"
            r"(?:lawmakers|legislators|mps|senators|candidates|politicians|parties) (?:\w+ )?clash\w*|"
            r"clash\w* (?:over|about) (?:the )?(?:budget|bill|policy|reform|law)|war of words)\b", low):
        return "not a conflict sense"
    return None


_CYBER = re.compile(r"\b(?:denial[- ]of[- ]service|cyber|hacking|hackers?'?|viral|virus|worms?|malware|ransomware|"
                    r"phishing|ddos|dos|online|internet|computer|web|website|email|e-mail|identity)\W+(?:\w+\W+)?$",
                    re.I)


def _cyber(t: _Told) -> str | None:
    """An attack or theft on computers, told by its modifier ("denial of service attacks", "a virus attack",
    "identity theft"): no violence against people or property."""
    if re.fullmatch(r"attacks?|assaults?|theft|thefts|raids?|strikes?|hijack\w*", t.trig) and _CYBER.search(t.before):
        return "computer sense"
    return None


def _modal(t: _Told) -> str | None:
    """Future, hypothetical, threatened: a modal ("will", "could") or an intention verb with "to" ("vowed
    to", "plans to attack") governing the trigger."""
    window = t.window
    if re.search(r"\b(?:will|would|shall|could|might|may|to)\s+(?:\w+\s+){0,2}$", window) and re.search(
            r"\b(?:will|would|shall|could|might|may|plans?|planned|planning|threaten\w*|vow\w*|pledg\w*|"
            r"intend\w*|aims?|aimed|prepar\w*|going|set|expected|likely|warn\w*|call\w*|urg\w*|seek\w*|"
            r"plott\w*|conspir\w*|tried|attempt\w*|want\w*|order\w*|able|ready|decid\w*|agreed|refused|"
            r"powers?|rights?|authority|permission|licen[cs]e|mandate)\s+"  # "new powers to arrest": not an arrest
            r"(?:\w+\s+){0,3}$", window):
        return "future or hypothetical"
    if re.search(r"\b(?:will|would|shall|could|might|may|must(?!\s+have\b))\s+(?:\w+\s+){0,1}$", window):
        return "future or hypothetical"
    return None


def _not_held(t: _Told) -> str | None:
    """An event called off, cancelled or postponed ("campaigners have called off a demonstration"), one only
    planned for a later day ("a march planned for the weekend"), or a right to it ("curbing of rights to
    protest", "the freedom to demonstrate"): none took place; unless the sentence goes on to tell that
    something happened all the same ("cancelled the rally, but hundreds marched anyway")."""
    if re.search(r"\b(?:but|however|anyway|nevertheless|regardless|despite|defied|defying)\b",
                 t.low[t.trigger_end:]):
        return None
    if re.search(r"\b(?:called off|call(?:s|ing)? off|cancel(?:l?ed|s|ling)?|postpone[ds]?|postponing|"
                 r"abandon(?:ed|s)?|scrap(?:ped|s)?)\s+(?:(?:a|an|the|their|its|his|her|this|that|planned|proposed|"
                 r"[\w-]+['’]s)\s+){0,3}$", t.window):
        return "called off"
    if re.match(r"\s+(?:[\w-]+\s+)?(?:planned|scheduled)\s+for\b", t.low[t.trigger_end:]):
        return "only planned"
    if re.search(r"\b(?:ballot(?:ed|ing|s)?|vot(?:e|es|ed|ing)|referendum)\s+(?:about|on|over|for|in favour of)\s+"
                 r"(?:[\w-]+\s+){0,4}$", t.window):
        return "only voted on"  # a ballot on a strike comes before it
    if re.search(r"\b(?:rights?|freedoms?|liberty)\s+(?:of\s+[\w-]+\s+)?to\s+$", t.window):
        return "a right, not an event"
    return None


def _reaction(t: _Told) -> str | None:
    """"It was met with protests by the council", "posters which caused Tory protests": protests as the
    reaction a decision or a deed drew, with no place and no people told gathering, are complaints."""
    if not (t.protest and re.fullmatch(r"protests?|outcry", t.trig)):
        return None
    if not re.search(r"\b(?:met with|drew|drawn|draws|caused|causing|prompted|provoked|triggered|sparked|"
                     r"attracted|faced|facing)\s+(?:[\w-]+\s+){0,2}$", t.window):
        return None
    after = t.sentence[t.trigger_end:]
    if re.search(r"\b(?:in|at|outside|near|across|on the streets)\s+(?:the\s+)?[A-Z]", after) or re.search(
            r"\b(?:thousands|hundreds|dozens|crowds?|marched|gathered|rall(?:y|ied)|streets)\b", t.low):
        return None
    return "a complaint"


def _conditional(t: _Told) -> str | None:
    """A trigger in an "if", "unless", "in case" or "should" clause: hypothetical."""
    if re.search(r"\b(?:if|unless|in case|should)\b[^,.;]*$", t.before):
        return "hypothetical"
    return None


def _threatened(t: _Told) -> str | None:
    """A threat, vow, warning, plan or call for it ("threatened to storm the town"), with no casualty or past
    tense told after the trigger: future."""
    if re.search(r"\b(?:threat(?:en|ened|ens)?|vow(?:ed|s)?|warn(?:ed|s)?|plan(?:s|ned)?|"
                 r"call(?:ed|s)? for|urg(?:ed|es))\b[^.;]*$", t.before) and not re.search(
            r"\b(?:killed|died|injured|were|was)\b", t.low[t.trigger_end:t.trigger_end + 60]):
        if re.search(r"\b(?:threat\w*|vow\w*|warn\w*|plan(?:s|ned|ning)?\s+to|call(?:s|ed|ing)?\s+for|urg\w*)\b",
                     t.window):
            return "future or hypothetical"
    return None


def _next_time(t: _Told) -> str | None:
    """"Next week", "tomorrow", "upcoming" with no past tense in the sentence: future (a past-tense event
    before the future words is not: "protested against the upcoming vote")."""
    nxt = re.search(r"\b(?:next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                    r"tomorrow|upcoming|later this (?:week|month))\b", t.low)
    if nxt and not re.search(
            r"\b(?:was|were|had|killed|died|injured|took place|held|gathered|staged|happened)\b", t.low) and not (
            nxt.start() > t.trigger_end and re.fullmatch(r"[a-z]+ed", t.trig)):
        return "future"
    return None


def _negated(t: _Told) -> str | None:
    """Denied or negated: "no one had attacked the building"; not "no one claimed the attack", nor "no fewer
    than"."""
    if re.search(r"\b(?:no|not|never|denied|deny|denies|without)\s+(?:\w+\s+){0,2}$", t.window) and not re.search(
            r"\bno (?:fewer|less)\b|\bno one\s+(?:\w+\s+)?(?:claimed|took|has claimed|had claimed)\b", t.window):
        return "negated"
    return None


def _expected(t: _Told) -> str | None:
    """Something "expected", "due" or "set" to happen ("mediators are expected to meet this week in a new push
    for a ceasefire"), with nothing that happened told: future."""
    if re.search(r"\b(?:are|is|were|was) (?:expected|due|set|scheduled|slated|poised) to\b", t.before) and \
            not re.search(
            r"\b(?:killed|died|injured|wounded|clashed|attacked|arrested|took place|happened|erupted)\b", t.low):
        return "future"
    return None


# a clause told as denied, unproven or in doubt: "denied that soldiers had killed", "no evidence that any
# detainee was tortured", "it is not clear whether the rebels attacked"
_UNASSERTED = re.compile(r"\b(?:denied|denies|deny|denying|disputed|refuted|no evidence|no proof|no sign|"
                         r"no indication|not clear|unclear|not known|unconfirmed)\s+(?:\w+\s+){0,2}?"
                         r"(?:that|whether|if)\s+(?![^.;]*\b(?:but|although|though|however|while)\b)[^.;]*$")


def _denied(t: _Told) -> str | None:
    """Reports, claims or allegations denied, dismissed or rejected; what is told in a clause that is denied,
    unproven or in doubt."""
    if re.search(r"\b(?:denied|denies|dismissed|rejected)\b.*\b(?:reports?|claims?|allegations?|rumou?rs?)\b", t.low):
        return "denied"
    if _UNASSERTED.search(t.before):
        return "denied"
    return None


def _undated(t: _Told) -> bool:
    return not any(d.date is not None or d.weekday for d in t.dates)


def _ongoing(t: _Told) -> str | None:
    """Undated, the trigger in a present progressive ("ISIS groups are also ambushing Iraqis on main roads"):
    habitual or ongoing; but forces that "are moving" somewhere is news of a movement."""
    if not _undated(t):
        return None
    m = _PRESENT_AUX.search(t.low)
    if m and m.start(1) <= t.trigger_start < m.end(1) + 1 and t.sub_event_type != Sub.CHANGE_TO_GROUP_ACTIVITY:
        return "habitual or ongoing"
    return None


def _habitual_present(t: _Told) -> str | None:
    """Undated, armed men in the simple present ("gunmen kidnap travellers on the road") with no past tense: a
    habit."""
    if _undated(t) and _HABITUAL_PRESENT.search(t.low) and not re.search(
            r"\b(?:was|were|had|has been|have been|killed|died|injured|yesterday|last)\b", t.low):
        return "habitual"
    return None


def _continues(t: _Told) -> str | None:
    """Undated, "continue to" ("sleeper cells continue to carry out sporadic attacks") with no past tense: no
    one event."""
    if _undated(t) and re.search(r"\bcontinues? to\b", t.before) and not re.search(
            r"\b(?:was|were|killed|died|yesterday|last)\b", t.low):
        return "habitual or ongoing"
    return None


def _habitual_cue(t: _Told) -> str | None:
    """Undated, a habitual cue with a present or frequency ("have repeatedly", "regularly raids") and no past
    tense: a habit."""
    low = t.low
    if _undated(t) and t.cues["habitual"].search(low) and re.search(
            r"\b(?:are|is|have been|has been)\b|\b(?:have|has) (?:repeatedly|"
            r"regularly|routinely|frequently|often)\b|\b(?:regularly|routinely|"
            r"frequently|often|repeatedly|usually)\s+[a-z]+s\b", low) and not re.search(
            r"\b(?:was|were|killed|died|yesterday|last)\b", low):
        return "habitual"
    return None


def _told(sentence: str, trigger_start: int, trigger_end: int, dates: list[DateMention],
          published: dt.date | None, sub_event_type: str | None, lede: bool) -> _Told:
    low = sentence.lower()
    return _Told(sentence=sentence, low=low, before=low[:trigger_start],
                 window=low[max(0, trigger_start - 60):trigger_start], trig=low[trigger_start:trigger_end],
                 trigger_end=trigger_end, trigger_start=trigger_start, dates=dates, published=published,
                 sub_event_type=sub_event_type, limit=LEDE_BACKGROUND_DAYS if lede else BACKGROUND_DAYS,
                 protest=sub_event_type in _PROTEST_SUBS, cues=cue_patterns())


# first reason wins
_DECADE = re.compile(r"\bin the (?:early |late |mid-?)?(?P<d>(?:19|20)\d0)s\b")
_FIRE = re.compile(r"\s+(?:to\s+(?:contain|control|put out|extinguish)\s+)?(?:a\s+|the\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
                   r"(?:blazes?|fires?|flames|wildfires?|bushfires?|infernos?)\b")


def _decade(t: _Told) -> str | None:
    """A deed told of a decade long past ("the general, who fought in the civil war in the 1990s"): history."""
    clause = re.split(r"[,;]", t.low[t.trigger_start:])[0][:120]
    m = _DECADE.search(clause)
    year = t.published.year if t.published else None
    if m and year is not None and int(m.group("d")) + 10 < year:
        return "history"
    return None


def _fire_fighting(t: _Told) -> str | None:
    """Firefighters who "battled a blaze", "fought the flames": a fire, not a foe."""
    if re.fullmatch(r"battl\w*|f(?:ought|ight\w*)", t.trig) and _FIRE.match(t.low, t.trigger_end):
        return "not a conflict sense"
    return None


CHECKS = (
    _background, _decade, _fire_fighting, _accident, _fiction, _cumulative_tally, _generic, _attribution, _period,
    _follow_up, _trend, _history,
    _court_report, _not_a_conflict_sense, _cyber, _modal, _not_held, _reaction, _conditional, _threatened,
    _next_time, _negated, _expected, _denied, _ongoing, _habitual_present, _continues, _habitual_cue,
)


def reason_not_coded(sentence: str, trigger_start: int, trigger_end: int, dates: list[DateMention],
                     published: dt.date | None, sub_event_type: str | None = None, lede: bool = False) -> str | None:
    """Why a sentence's event is not coded, or None when it is a real, recent event: the first of CHECKS
    that gives a reason.

    ``lede``: the sentence opens the report. ``sub_event_type``: what the sentence was classified as; a
    demonstration outside a court or on an anniversary is still a demonstration.
    """
    t = _told(sentence, trigger_start, trigger_end, dates, published, sub_event_type, lede)
    for check in CHECKS:
        reason = check(t)
        if reason is not None:
            return reason
    return None
