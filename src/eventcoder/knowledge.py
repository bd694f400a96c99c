"""User-extendable knowledge files (lexicon, actors, countries, country cues), loaded once per process.

Files live in ``src/eventcoder/data/``. A user override directory is read from the environment
variable ``EVENTCODER_DATA`` (default ``~/.config/eventcoder``): an ``actors.json`` or ``lexicon.json``
there is merged into the packaged one (its actors and aliases added, its trigger patterns appended).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import EventcoderError


def user_data_dir() -> Path:
    return Path(os.environ.get("EVENTCODER_DATA", str(Path.home() / ".config" / "eventcoder")))


def _load_json(name: str) -> dict[str, Any]:
    with resources.files("eventcoder.data").joinpath(name).open("r", encoding="utf-8") as fh:
        data = json.load(fh)
    override = user_data_dir() / name
    if override.is_file():
        try:
            extra = json.loads(override.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EventcoderError(f"{override}: cannot read user override file: {exc}") from None
        data = _merge(data, extra)
    return data


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


@dataclass(frozen=True)
class Country:
    name: str
    alpha2: str
    alpha3: str
    iso_numeric: int
    region: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


_WORD = re.compile(r"\w+")


def _boundary(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] in "_-")


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\\w`` matches


def _first_words(low: str, index: dict[str, Any]) -> list[tuple[int, str]]:
    """(start, word) of every word of ``low`` (a run of ``\\w``) that is a key of ``index``, in text order:
    the words found by ``str.find`` for the few keys the text holds, not by a loop over all its words."""
    found = []
    for w in set(_WORD.findall(low)).intersection(index):
        n = len(w)
        s = low.find(w)
        while s >= 0:
            if (s == 0 or not _is_word(low[s - 1])) and (s + n == len(low) or not _is_word(low[s + n])):
                found.append((s, w))
            s = low.find(w, s + n)
    found.sort()
    return found


@dataclass(frozen=True)
class AliasMatcher:
    """Leftmost-longest whole-word matching of many aliases, case-insensitive, indexed by first word
    (a big regex alternation with re.I costs tens of ms an article; this costs well under one)."""

    by_first: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, aliases: list[str]) -> AliasMatcher:
        idx: dict[str, list[str]] = {}
        for a in aliases:
            low = a.lower()
            m = _WORD.match(low)
            if m:
                idx.setdefault(m.group(0), []).append(low)
        return cls({k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in idx.items()})

    def finditer(self, text: str):  # noqa: ANN201
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lowered: keep offsets exact
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        pos = 0
        by_first = self.by_first
        for s, first in _first_words(low, by_first):
            if s < pos or not _boundary(low, s - 1):
                continue
            for alias in by_first[first]:
                e = s + len(alias)
                if low.startswith(alias, s) and _boundary(low, e):
                    yield _Span(s, e, text[s:e])
                    pos = e
                    break


@dataclass(frozen=True)
class _Span:
    """What ``AliasMatcher.finditer`` yields: the slice of the text matched."""

    s: int
    e: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self, _: int = 0) -> str:
        return self.text


@dataclass(frozen=True)
class Countries:
    by_name: dict[str, Country]
    by_alpha2: dict[str, Country]
    names: AliasMatcher  # every name, alias and demonym (the keys of lookup)
    lookup: dict[str, Country]  # lower-cased name / alias / demonym -> country

    def find(self, text: str) -> list[tuple[Country, int, int]]:
        out = []
        for m in self.names.finditer(text):
            c = self.lookup.get(m.group(0).lower().replace("’", "'"))
            if c:
                out.append((c, m.start(), m.end()))
        return out


@cache
def countries() -> Countries:
    data = _load_json("countries.json")
    by_name: dict[str, Country] = {}
    by_a2: dict[str, Country] = {}
    lookup: dict[str, Country] = {}
    for c in data["countries"]:
        country = Country(
            name=c["name"],
            alpha2=c["alpha2"],
            alpha3=c.get("alpha3", ""),
            iso_numeric=int(c.get("iso_numeric") or 0),
            region=c.get("region", ""),
            demonyms=tuple(c.get("demonyms", [])),
            aliases=tuple(c.get("aliases", [])),
        )
        by_name[country.name] = country
        by_a2[country.alpha2] = country
    # names first, then aliases, then demonyms: a demonym never shadows a country's own name
    for country in by_name.values():
        lookup.setdefault(country.name.lower(), country)
    for country in by_name.values():
        for a in country.aliases:
            lookup.setdefault(a.lower(), country)
    for country in by_name.values():
        for d in country.demonyms:
            if len(d) > 2:
                lookup.setdefault(d.lower(), country)
    return Countries(by_name, by_a2, AliasMatcher.build(list(lookup)), lookup)


_LEAD_WORDS = {"The", "In", "At", "On", "From", "Outside", "Near", "Inside", "To", "By", "Of", "And"}


@dataclass(frozen=True)
class CountryCues:
    """Names that place a report in a country it never names ("CGT", "Knesset", "KCTU")."""

    rx: re.Pattern[str] | None
    countries_of: dict[str, tuple[str, ...]]  # name -> ISO alpha-2 codes

    def find(self, text: str) -> list[tuple[str, float, int, int]]:
        """(alpha2, vote, start, end) for each cue in ``text``; a cue of n countries gives each 1/n."""
        if self.rx is None:
            return []
        out = []
        for m in self.rx.finditer(text):
            before = re.search(r"([A-Z][\w.'’-]*)\s+$", text[max(0, m.start() - 30):m.start()])
            if " " in m.group(0) and before and before.group(1) not in _LEAD_WORDS:
                continue  # "Seoul Capitol Hill Church": a longer name that only contains the cue
            ccs = self.countries_of[m.group(0)]
            out.extend((cc, 1 / len(ccs), m.start(), m.end()) for cc in ccs)
        return out


@cache
def country_cues() -> CountryCues:
    data = _load_json("country_cues.json")
    of: dict[str, list[str]] = {}
    for cc, names in data.get("cues", {}).items():
        for n in names:
            if cc not in of.setdefault(n, []):
                of[n].append(cc)
    if not of:
        return CountryCues(None, {})
    alts = "|".join(re.escape(n) for n in sorted(of, key=len, reverse=True))
    return CountryCues(re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])"), {n: tuple(c) for n, c in of.items()})


@cache
def lexicon() -> dict[str, Any]:
    return _load_json("lexicon.json")


def compile_patterns(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w])", re.I)


class LazyPatterns(Mapping[str, re.Pattern[str]]):
    """Named lists of patterns, each compiled (``compile_patterns``) on first use: an article that needs a few
    of them does not wait for the rest to compile (a cold start compiles only what it reads)."""

    def __init__(self, sources: dict[str, list[str]]) -> None:
        self._sources = sources
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, key: str) -> re.Pattern[str]:
        rx = self._compiled.get(key)
        if rx is None:
            rx = self._compiled[key] = compile_patterns(self._sources[key])
        return rx

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@cache
def trigger_patterns() -> Mapping[str, re.Pattern[str]]:
    return LazyPatterns(lexicon()["triggers"])


@cache
def cue_patterns() -> Mapping[str, re.Pattern[str]]:
    return LazyPatterns(lexicon()["cues"])


@cache
def _trigger_groups_of() -> dict[str, frozenset[str]]:
    """Each trigger pattern -> the names of the trigger groups (``trigger_patterns``) that hold it."""
    of: dict[str, set[str]] = {}
    for k, pats in lexicon()["triggers"].items():
        for p in pats:
            of.setdefault(p, set()).add(k)
    return {p: frozenset(v) for p, v in of.items()}


def possible_triggers(text: str) -> frozenset[str] | None:
    """The names of the trigger groups (``trigger_patterns``) with a pattern that may match in ``text``, read
    off the prefilter's index (``Prefilter.candidates``): a group not named has no match there. None: any
    may."""
    pats = prefilter().candidates(text)
    if pats is None:
        return None
    of = _trigger_groups_of()
    out: set[str] = set()
    for p in pats:
        groups = of.get(p)
        if groups is None:  # a prefilter built from another lexicon than the groups: search every group
            return None
        out |= groups
    return frozenset(out)


def _all_triggers() -> list[str]:
    allp: list[str] = []
    for v in lexicon()["triggers"].values():
        allp.extend(v)
    return allp


@cache
def prefilter_pattern() -> re.Pattern[str]:
    """One pattern of every trigger: a sentence that matches none is never parsed."""
    return compile_patterns(_all_triggers())


@cache
def prefilter() -> Prefilter:
    """``prefilter_pattern``'s test, indexed by how the triggers begin (``Prefilter``): the same sentences pass."""
    return Prefilter.build(_all_triggers())


@cache
def words() -> dict[str, tuple[str, ...]]:
    """Word lists the rules read (``data/words.json``: speakers ...), each a tuple of regex alternatives."""
    data = _load_json("words.json")
    return {k: tuple(v) for k, v in data.items() if not k.startswith("_")}


def alternatives(name: str) -> str:
    """A word list of ``data/words.json`` as one regex group: ``(?:a|b|c)``."""
    return "(?:" + "|".join(words()[name]) + ")"


@cache
def state_periods() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each country's government periods (``data/state_periods.json``), in date order: (first day, label)."""
    data = _load_json("state_periods.json")
    return {c: tuple(sorted((str(a), str(b)) for a, b in v)) for c, v in data.items() if not c.startswith("_")}


@cache
def actors_data() -> dict[str, Any]:
    return _load_json("actors.json")


# -- speed: the same matches, fewer patterns tried ----------------------------------------------------------

_KEY = 3  # characters of a trigger's start the prefilter indexes
_WORD_START = re.compile(r"\b\w")
_SAFE: dict[str, bool] = {}


def _safe_char(c: str) -> bool:
    """Does lower-casing ``c`` keep what a case-insensitive pattern sees in it? Not for the few characters that
    ``re.I`` matches to a letter they do not lower-case to ("ſ" is an "s" to ``re.I``), nor for those whose
    lower case is longer ("İ")."""
    low = c.lower()
    if len(low) != 1:
        return False
    for k in "abcdefghijklmnopqrstuvwxyz0123456789_":
        if (re.fullmatch(k, c, re.I) is not None) != (low == k):
            return False
    return all((re.match(cls, c) is None) == (re.match(cls, low) is None) for cls in (r"\w", r"\s", r"\d"))


def fold(text: str) -> str | None:
    """``text`` lower-cased, each character in its place (the same offsets), where a case-insensitive pattern
    sees in the lower-cased text just what it sees in ``text``; None where a character might differ."""
    if not text.isascii():
        for c in set(text):
            if not c.isascii():
                ok = _SAFE.get(c)
                if ok is None:
                    ok = _SAFE[c] = _safe_char(c)
                if not ok:
                    return None
    return text.lower()


class _Unknown(Exception):
    pass


def _starts(items: list[Any], pre: str, budget: list[int]) -> set[str]:
    """Every string (lower case, ``_KEY`` characters or fewer where what a match begins with stops being a known
    literal) that a match of the parsed pattern ``items`` begins with. ``_Unknown`` when the pattern is too
    intricate to tell."""
    from re import _constants as c  # the parse tree's opcodes (Python >= 3.11)

    if len(pre) >= _KEY or not items:
        return {pre}
    budget[0] -= 1
    if budget[0] < 0:
        raise _Unknown
    op, av = items[0]
    rest = items[1:]
    if op is c.LITERAL:
        ch = chr(av)
        return _starts(rest, pre + ch.lower(), budget) if ch.isascii() else {pre}
    if op is c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is c.LITERAL and chr(a).isascii():
                chars.add(chr(a).lower())
            elif o is c.RANGE and a[1] < 128 and a[1] - a[0] < 40:
                chars.update(chr(x).lower() for x in range(a[0], a[1] + 1))
            else:
                return {pre}
        out: set[str] = set()
        for ch in chars:
            out |= _starts(rest, pre + ch, budget)
        return out
    if op is c.SUBPATTERN:
        return _starts(list(av[-1]) + rest, pre, budget)
    if op is c.ATOMIC_GROUP:
        return _starts(list(av) + rest, pre, budget)
    if op is c.BRANCH:
        out = set()
        for alt in av[1]:
            out |= _starts(list(alt) + rest, pre, budget)
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        out = _starts(rest, pre, budget) if lo == 0 else set()
        if hi != 0:
            again = (op, (max(lo - 1, 0), hi if hi == c.MAXREPEAT else hi - 1, sub))
            out |= _starts([*sub, again, *rest], pre, budget)
        return out
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: what follows begins the match
        return _starts(rest, pre, budget)
    return {pre}


def pattern_starts(pattern: str) -> set[str] | None:
    """What every match of ``pattern`` (case-insensitive) begins with, or None when a match may begin with
    anything (a wide character class, ``\\w``, an empty match), with too many things (200), or the pattern is
    too intricate to tell."""
    from re import _parser

    try:
        starts = _starts(list(_parser.parse(pattern, re.I)), "", [20000])
    except (_Unknown, RecursionError):
        return None
    if not starts or len(starts) > 200 or any(not s or not (s[0].isalnum() or s[0] == "_") for s in starts):
        return None
    return {s for s in starts if not any(s[:n] in starts for n in range(1, len(s)))}  # "vx" covers "vx "


@dataclass(frozen=True)
class Prefilter:
    """Does any trigger pattern match a sentence (as ``prefilter_pattern().search`` does)? The triggers are
    indexed by the lower-cased characters every match of theirs begins with (``pattern_starts``); at each word
    start of the sentence only the patterns indexed under its first one, two or three characters are tried,
    there (``match`` at that position: each pattern keeps its own look-behind). A trigger whose start cannot
    be told is searched for in every sentence. Built from the lexicon as it is: no trigger is named here."""

    groups: dict[str, tuple[str, ...]]  # start -> the patterns that begin with it
    lengths: tuple[int, ...]  # the lengths of the starts
    always: tuple[str, ...]  # patterns searched for everywhere
    triggers: tuple[str, ...]  # every pattern: the one full pattern, for text ``fold`` cannot lower-case
    compiled: dict[str | None, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, patterns: list[str]) -> Prefilter:
        groups: dict[str, list[str]] = {}
        always: list[str] = []
        for p in patterns:
            starts = pattern_starts(p)
            if starts is None:
                always.append(p)
                continue
            for s in starts:
                groups.setdefault(s, []).append(p)
        return cls({k: tuple(v) for k, v in groups.items()}, tuple(sorted({len(k) for k in groups})), tuple(always),
                   tuple(patterns))

    def _rx(self, key: str | None) -> re.Pattern[str]:
        """The compiled pattern of one start's triggers ("": those searched for everywhere; None: all of
        them), compiled on first use."""
        rx = self.compiled.get(key)
        if rx is None:
            pats = self.triggers if key is None else self.always if key == "" else self.groups[key]
            rx = self.compiled[key] = compile_patterns(list(pats))
        return rx

    def passes(self, text: str) -> bool:
        low = fold(text)
        if low is None:
            return self._rx(None).search(text) is not None
        groups = self.groups
        for m in _WORD_START.finditer(text):
            s = m.start()
            for n in self.lengths:
                key = low[s:s + n]
                if key in groups and self._rx(key).match(text, s):
                    return True
        return bool(self.always) and self._rx("").search(text) is not None

    def candidates(self, text: str) -> set[str] | None:
        """The patterns that may match somewhere in ``text``: those indexed under a start found at one of its
        word starts, and those searched for everywhere (any other has no match there). None where ``fold``
        cannot lower-case the text (any may match)."""
        low = fold(text)
        if low is None:
            return None
        groups = self.groups
        out = set(self.always)
        for m in _WORD_START.finditer(text):
            s = m.start()
            for n in self.lengths:
                pats = groups.get(low[s:s + n])
                if pats is not None:
                    out.update(pats)
        return out


def lower_source(pattern: str) -> str | None:
    """``pattern`` with its literal letters lower-cased (escapes and ``(?P`` kept as they are): the pattern
    that, case-sensitive over lower-cased text, matches where ``pattern`` matches case-insensitively. None
    where that cannot be told from the source: inline flags, escapes that name a character by its code, a
    cased letter outside ASCII, a class range over more than one kind of character."""
    from re import _constants as c
    from re import _parser

    if re.search(r"\(\?[aiLmsux-]", pattern) or re.search(r"\\(?:[xuUN0]|[1-9]\d\d)", pattern):
        return None
    if any(not ch.isascii() and ch.lower() != ch.upper() for ch in pattern):
        return None

    def ranges_ok(x: Any) -> bool:
        if isinstance(x, tuple) and len(x) == 2 and x[0] is c.RANGE:
            lo, hi = chr(x[1][0]), chr(x[1][1])
            return lo.isascii() and hi.isascii() and ((lo.isupper() and hi.isupper()) or (lo.islower() and hi.islower())
                                                      or (lo.isdigit() and hi.isdigit()))
        if isinstance(x, (list, tuple, _parser.SubPattern)):
            return all(ranges_ok(y) for y in x)
        return True

    try:
        if not ranges_ok(_parser.parse(pattern, re.I)):
            return None
    except re.error:
        return None
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P", i):
            out.append("(?P")
            i += 3
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class FoldedMatch:
    """A match of ``FoldedPattern``: the spans of its twin's match, the text of the original."""

    m: re.Match[str]
    string: str
    groupindex: dict[str, int]

    def _g(self, g: int | str) -> int:
        return self.groupindex[g] if isinstance(g, str) else g

    def span(self, g: int | str = 0) -> tuple[int, int]:
        return self.m.span(self._g(g))

    def start(self, g: int | str = 0) -> int:
        return self.m.start(self._g(g))

    def end(self, g: int | str = 0) -> int:
        return self.m.end(self._g(g))

    def group(self, g: int | str = 0) -> str | None:
        s, e = self.m.span(self._g(g))
        return None if s < 0 else self.string[s:e]


@dataclass(frozen=True)
class FoldedPattern:
    """A case-insensitive pattern, compiled on first use, whose matches are found by its lower-cased twin
    (``lower_source``), case-sensitive, over the lower-cased text (``fold``): the same matches, spans and
    groups, several times faster (Python's ``re`` skips an alternative by its first character only when it is
    case-sensitive). Text ``fold`` cannot lower-case safely, and a pattern without a twin, go to the pattern
    itself."""

    pattern: str
    flags: int = re.I
    compiled: dict[str, re.Pattern[str] | None] = field(default_factory=dict, compare=False, repr=False)

    def _pair(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        c = self.compiled
        if "rx" not in c:
            c["rx"] = re.compile(self.pattern, self.flags)
            low = lower_source(self.pattern) if self.flags & re.I else None
            c["low"] = re.compile(low, self.flags & ~re.I) if low is not None else None
        return c["rx"], c["low"]  # type: ignore[return-value]

    @property
    def rx(self) -> re.Pattern[str]:
        return self._pair()[0]

    def finditer(self, text: str):  # noqa: ANN201
        rx, twin = self._pair()
        low = fold(text) if twin is not None else None
        if twin is None or low is None:
            yield from rx.finditer(text)
            return
        for m in twin.finditer(low):
            yield FoldedMatch(m, text, rx.groupindex)

    def search(self, text: str) -> re.Match[str] | FoldedMatch | None:
        rx, twin = self._pair()
        low = fold(text) if twin is not None else None
        if twin is None or low is None:
            return rx.search(text)
        m = twin.search(low)
        return FoldedMatch(m, text, rx.groupindex) if m else None
