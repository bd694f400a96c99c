"""Fatality counts by ACLED's rules.

- "at least seven" -> 7, "more than 20" -> 20, "up to 12" -> 12, "between 3 and 5" -> 3 (the lowest);
- vague plurals: "several", "many", "a number of", "scores" -> 10 (ACLED codebook), "dozens" -> 12,
  "hundreds" -> 100, "a dozen" -> 12;
- injured and wounded are never counted; "no casualties" / "no fatalities" -> 0;
- conflicting figures -> the lowest.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "another": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "both": 2, "twin": 2, "pair of": 2,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_VAGUE = {
    "several": 10, "many": 10, "a number of": 10, "numerous": 10, "scores of": 10, "scores": 10, "multiple": 10,
    "a few": 3, "dozens of": 12, "dozens": 12, "a dozen": 12, "dozen": 12,
    "hundreds of": 100, "hundreds": 100, "a hundred": 100, "thousands of": 1000, "thousands": 1000,
}

_NUMWORD = (
    r"(?:\d+\s?[-–]\s?\d+(?![-–]\d)|\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a couple(?: of)?|"
    r"several|many|a number of|numerous|scores(?: of)?|multiple|a few|dozens(?: of)?|a dozen|hundreds(?: of)?|"
    r"thousands(?: of)?|an?|both|two|single|another)"
)
_QUAL = r"(?:(?:at least|at most|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|" \
        r"an estimated|" \
        r"approximately|close to|upwards of|no fewer than|not less than|a total of|another|a further|further|" \
        r"the bodies of|bodies of)\s+)?"
NUMBER_RX = re.compile(r"\b" + _QUAL + r"(?P<num>" + _NUMWORD + r")\b", re.I)

_DEAD_NOUNS = (r"(?:people|persons|civilians|soldiers|troops|militants|fighters|insurgents|rebels|men|women|children|"
               r"villagers|residents|policemen|police officers|officers|members|protesters|demonstrators|others|"
               r"individuals|attackers|assailants|gunmen|jihadists|terrorists|bandits|students|workers|farmers|"
               r"worshippers|passengers|personnel|civilian|soldier|militant|fighter|person|man|woman|child|boy|girl|"
               r"policeman|officer|member|protester|demonstrator|other|individual|attacker|student|farmer|"
               r"[a-z]+(?:-[a-z]+)?)")
_KILL_PASSIVE = r"(?:were|was|have been|had been|has been|are|got|being)?\s*(?:reportedly\s+|allegedly\s+|also\s+|" \
                r"all\s+|subsequently\s+|later\s+)?(?:killed|shot dead|shot and killed|gunned down|murdered|slain|" \
                r"massacred|executed|beheaded|hacked to death|stabbed to death|burnt to death|burned to death|" \
                r"beaten to death|lynched|lost (?:their|his|her) li(?:ves|fe)|died|dead|confirmed dead|perished)"

_PATTERNS = [
    # "seven civilians were killed", "at least 12 people died", "two others dead"
    # (no "and", "near", "on", "at" inside: "a village near Gao on Monday and killed seven" is no "a ... killed")
    re.compile(r"\b" + _QUAL + r"(?P<num>" + _NUMWORD + r")\s+(?:(?!(?:and|near|on|at|then)\b)[a-z-]+\s+){0,3}?"
               r"(?!(?:and|near|on|at|then)\b)" + _DEAD_NOUNS + r"\s+(?:(?:who|which)\s+)?"
               r"(?:(?!(?:and|then)\b)[a-z]+\s+){0,2}?" + _KILL_PASSIVE + r"\b", re.I),
    # "killing at least seven", "killed 12 people", "left five dead"
    re.compile(r"\b(?:killing|killed|kills|kill|claimed the lives of|claiming the lives of|leaving|left|shot dead|"
               r"gunned down|murdered|massacred|executed|beheaded|slaughtered|lynched)\s+(?:[a-z]+\s+)?" + _QUAL
               + r"(?P<num>" + _NUMWORD + r")\b(?!\s*(?:km|kilometers|kilometres|miles|hours|days|times|percent|%|"
               r"am|pm|a\.m|p\.m|years? old|-year))(?:\s+(?:[a-z-]+\s+){0,3}?(?:dead|killed))?", re.I),
    # "death toll rose to 15", "toll stands at 9"
    re.compile(r"\b(?:death toll|toll|fatalities|dead|deaths|casualties)\s+(?:\w+\s+){0,3}?(?:rose|risen|climbed|"
               r"stood|stands|is|was|reached|hit|increased|jumped|at|of|to)\s+(?:to\s+|at\s+)?" + _QUAL + r"(?P<num>"
               + _NUMWORD + r")\b", re.I),
    # "15 dead", "3 killed", "one fatality"
    re.compile(r"\b" + _QUAL + r"(?P<num>" + _NUMWORD + r")\s+(?:(?:were|are)\s+)?(?:dead|killed|deaths|fatalities|"
               r"bodies|corpses|fatality|death)\b", re.I),
    # "the killing of two farmers", "the deaths of three soldiers", "the bodies of 5 men"
    re.compile(r"\b(?:killing|deaths?|murders?|bodies|body|lynching|execution)\s+of\s+" + _QUAL + r"(?P<num>"
               + _NUMWORD + r")\b", re.I),
    # "He was killed in the attack", "The man later died at the hospital": one person
    re.compile(r"\b(?P<num>he|she|the\s+(?:[a-z-]+\s+)?(?:man|woman|boy|girl|victim|child|soldier|policeman|"
               r"officer|driver|trader|farmer|teenager|student|journalist|teacher|worker))\s+(?:[a-z]+\s+){0,2}?"
               r"(?:was|had been)?\s*(?:later\s+|also\s+|reportedly\s+)?(?:killed|shot dead|murdered|died|"
               r"succumbed)\b", re.I),
    # "a man's body was found", "2 young men's bodies were found"
    re.compile(r"\b" + _QUAL + r"(?P<num>" + _NUMWORD + r")\s+(?:[a-z-]+\s+){0,2}?(?:[a-z-]+['’]s\s+)?bod(?:y|ies)\s+"
               r"(?:was|were|had been|have been|has been)\s+(?:found|discovered|recovered|dumped|retrieved)\b", re.I),
    # "One died on the spot", "two of them later died"
    re.compile(r"\b" + _QUAL + r"(?P<num>" + _NUMWORD + r")\s+(?:of (?:them|the [a-z]+)\s+)?(?:later\s+)?"
               r"(?:died|succumbed)\b", re.I),
]
# after an active killing verb, an object ("several armed men shot and killed a gang member"): the number
# before the verb counts the killers, not the dead
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"\d+|several|at least|dozens|scores)\b", re.I)
_PASSIVE = re.compile(r"\b(?:were|was|have been|had been|has been|are|got|being)\b", re.I)
_AND_MORE = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?[a-z-]+\s+and\s+" + _QUAL + r"(?P<num>" + _NUMWORD + r")\s+"
                       + _DEAD_NOUNS + r"\b", re.I)
_ZERO = re.compile(r"\b(?:no (?:one|body) (?:was|were) (?:killed|hurt|injured)|no (?:fatalities|casualties|deaths|"
                   r"injuries|loss of life|one died)|(?:there were )?no (?:reported )?(?:fatalities|casualties|deaths)|"
                   r"without (?:any )?casualties|casualties (?:are |were )?unknown|no lives were lost)\b", re.I)
_INJURED_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:were |was |have been |are )?(?:injured|wounded|hurt|"
                            r"hospitali[sz]ed|missing|abducted|kidnapped|arrested|detained|displaced|rescued)", re.I)


def parse_number(words: str) -> int | None:
    """'seven' -> 7, '1,200' -> 1200, 'twenty-one' -> 21, 'dozens' -> 12, 'several' -> 10."""
    w = re.sub(r"\s+", " ", words.strip().lower())
    w = re.sub(r"^(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|"
               r"an estimated|approximately|close to|upwards of|no fewer than|not less than|a total of) ", "", w)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", w):
        return int(w.replace(",", ""))
    rng = re.fullmatch(r"(\d+)\s?[-–]\s?(\d+)", w)
    if rng:  # "2-3 fighters": the lowest, as ACLED codes a range
        return min(int(rng.group(1)), int(rng.group(2)))
    if w in _UNITS:
        return _UNITS[w]
    if w in _VAGUE:
        return _VAGUE[w]
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](\w+))?", w)
    if m:
        return _TENS[m.group(1)] + (_UNITS.get(m.group(2) or "zero", 0) if m.group(2) else 0)
    if w in ("one hundred", "a hundred"):
        return 100
    return None


def find_fatalities(sentence: str) -> list[tuple[int, int, int]]:
    """All fatality figures in a sentence: (count, start, end). Injured counts are excluded."""
    found: list[tuple[int, int, int]] = []
    for rx in _PATTERNS:
        for m in rx.finditer(sentence):
            num = parse_number(m.group("num"))
            if num is None and re.match(r"(?:he|she|the)\b", m.group("num"), re.I):
                num = 1  # "he was killed", "the man later died"
            if num is None:
                continue
            if re.search(r"(?:injur|wound|hurt)", m.group(0), re.I) and \
                    not re.search(r"kill|dead|died|death", m.group(0), re.I):
                continue
            # "killing two and injuring five": fine; "killed, two injured": the number belongs to the injured
            if rx is _PATTERNS[1] and _INJURED_AFTER.match(sentence[m.end("num"):]):
                continue
            if rx is _PATTERNS[0] and not _PASSIVE.search(m.group(0)) and _OBJECT_AFTER.match(sentence[m.end():]):
                continue
            if num > 100000:
                continue
            end = m.end()
            if rx is _PATTERNS[1]:
                # "killed two fighters and three civilians": the second group shares the verb, one figure
                more = _AND_MORE.match(sentence[m.end():])
                if more and not _INJURED_AFTER.match(sentence[m.end() + more.end():]):
                    n2 = parse_number(more.group("num"))
                    if n2:
                        num, end = num + n2, m.end() + more.end()
            found.append((num, m.start(), end))
    for m in _ZERO.finditer(sentence):
        found.append((0, m.start(), m.end()))
    # drop overlaps: keep the first (longest) of overlapping spans
    found.sort(key=lambda t: (t[1], -(t[2] - t[1])))
    out: list[tuple[int, int, int]] = []
    for f in found:
        if out and f[1] < out[-1][2]:
            continue
        out.append(f)
    return out


def sentence_fatalities(sentence: str) -> tuple[int, tuple[int, int] | None]:
    """The fatality count a sentence reports, by ACLED's rules (sum of distinct groups, or the lowest
    of conflicting totals), with the span of the evidence."""
    found = find_fatalities(sentence)
    positive = [f for f in found if f[0] > 0]
    if not positive:
        return 0, ((found[0][1], found[0][2]) if found else None)
    # "killed two soldiers and three civilians": distinct groups add up. A toll ("death toll rose to")
    # or a conflicting report ("... or 12, according to ...") is the lowest.
    if len(positive) > 1 and re.search(r"\b(?:toll|according to|other reports?|while|but|however|some sources|"
                                       r"others put|claimed|rose to|or)\b", sentence, re.I):
        best = min(positive, key=lambda t: t[0])
        return best[0], (best[1], best[2])
    total = sum(f[0] for f in positive)
    return total, (positive[0][1], positive[-1][2])


def split_total(total: int, parts: int) -> list[int]:
    """Split a total reported for several events between them; the sum is preserved and the
    remainder goes to the first events: split_total(7, 2) == [4, 3]."""
    if parts <= 1:
        return [total]
    base, rem = divmod(total, parts)
    return [base + (1 if i < rem else 0) for i in range(parts)]
