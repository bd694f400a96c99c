"""User-extendable knowledge files (lexicon, actors, countries, country cues), loaded once per process.

Files live in ``src/eventcoder/data/``. A user override directory is read from the environment
variable ``EVENTCODER_DATA`` (default ``~/.config/eventcoder``): an ``actors.json`` or ``lexicon.json``
there is merged into the packaged one (its actors and aliases added, its trigger patterns appended).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
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
        for m in _WORD.finditer(low):
            s = m.start()
            if s < pos or not _boundary(low, s - 1):
                continue
            for alias in self.by_first.get(m.group(0), ()):
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


@cache
def trigger_patterns() -> dict[str, re.Pattern[str]]:
    return {k: compile_patterns(v) for k, v in lexicon()["triggers"].items()}


@cache
def cue_patterns() -> dict[str, re.Pattern[str]]:
    return {k: compile_patterns(v) for k, v in lexicon()["cues"].items()}


@cache
def prefilter_pattern() -> re.Pattern[str]:
    """One pattern of every trigger: a sentence that matches none is never parsed."""
    allp: list[str] = []
    for v in lexicon()["triggers"].values():
        allp.extend(v)
    return compile_patterns(allp)


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
