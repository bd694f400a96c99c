"""Cleaning: headline and dateline recognised, repeated paragraphs and blocks removed, offsets kept."""

from __future__ import annotations

import re
import unicodedata

from .model import CleanText

# "ERBIL, Kurdistan Region –", "MAIDUGURI, Nigeria (Reuters) -", "Mogadishu, 12 March (AFP) –",
# "ISLAMABAD: ", "GOMA, DR Congo, Jan 9 (Xinhua) --", "KYIV, Ukraine —"
_DASH = r"(?:--|[-–—:])"
_DATELINE_CAPS = re.compile(
    r"^(?P<dl>(?P<place>[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*[A-Z][^\n–—:()]{0,45}?)?)\s*(?P<outlet>\([^()\n]{1,40}\))?\s*" + _DASH + r"\s+"
)
_DATELINE_OUTLET = re.compile(
    r"^(?P<dl>(?P<place>[A-Z][\w'’.\-]+(?:[ \-][A-Z][\w'’.\-]+){0,3})(?:,\s*[^\n–—:()]{1,45}?)?)\s*"
    r"(?P<outlet>\([A-Za-z][^()\n]{1,40}\))\s*" + _DASH + r"\s+"
)
_NOT_PLACE = {"UPDATE", "BREAKING", "WATCH", "EXCLUSIVE", "OPINION", "ANALYSIS", "LIVE", "VIDEO", "PHOTOS"}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[“”\"'’‘`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _looks_like_headline(line: str, rest: str) -> bool:
    line = line.strip()
    if not line or not rest.strip():
        return False
    if len(line) > 180 or len(line.split()) < 3:
        return False
    if line.endswith((".", "”", '"')) and len(line.split()) > 10:
        return False
    return not _DATELINE_CAPS.match(line)


def find_dateline(body: str) -> tuple[str | None, int]:
    """Return (dateline place, length of the dateline prefix) at the start of ``body``."""
    for rx in (_DATELINE_CAPS, _DATELINE_OUTLET):
        m = rx.match(body)
        if m and m.group("place").strip(" .").upper() not in _NOT_PLACE:
            place = m.group("place").strip()
            # a leading all-caps word that is only an acronym subject ("ISIS militants ...") is not a dateline
            if rx is _DATELINE_CAPS and not (m.group(0).rstrip().endswith(("–", "—", "-", ":"))):
                continue
            return place.title() if place.isupper() else place, m.end()
    return None, 0


_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ")")


def unwrap(raw: str) -> str:
    """Hard-wrapped copy (a line break every ~70 characters inside a paragraph, as plain-text wire copy comes)
    with its paragraphs joined again: the breaks inside a paragraph become spaces, so positions are unchanged.

    A text is hard-wrapped when most of its line breaks follow a filled line (at least three quarters of the
    usual line width, 40-100 characters) and most filled lines end mid-sentence; a short line ends its
    paragraph. Text whose paragraphs are each one line is left as it is.
    """
    lines = raw.split("\n")
    filled = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(filled) < 4:
        return raw
    width = filled[int(0.9 * (len(filled) - 1))]
    if not 40 <= width <= 100:
        return raw
    breaks = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    full = [i for i in breaks if len(lines[i].rstrip()) >= 0.75 * width]
    mid_sentence = [i for i in full if not lines[i].rstrip().endswith(_SENTENCE_END)]
    if len(full) < 3 or len(full) < 0.5 * len(breaks) or len(mid_sentence) < 0.5 * len(full):
        return raw
    out = list(raw)
    pos = 0
    join = set(full)
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        if i in join:
            out[pos] = " "
        pos += 1
    return "".join(out)


def clean(raw: str) -> CleanText:
    """Clean one article's raw text.

    - the first line is taken as the headline when it looks like one (short, followed by a body);
    - a dateline at the start of the body is recognised and cut from the text;
    - a paragraph, or a sentence of 40+ characters, that repeats an earlier one is removed, so a body
      that a scraper repeated yields its events once.

    ``offsets`` maps each character of the cleaned text back to the raw input. Hard-wrapped paragraphs are
    joined first (``unwrap``).
    """
    raw = unwrap(raw)
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in raw.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    lines = [(p, s) for p, s in lines if s.strip()]
    headline = None
    if len(lines) > 1 and _looks_like_headline(lines[0][1], "".join(s for _, s in lines[1:])):
        headline = lines[0][1].strip()
        lines = lines[1:]
    dateline = None
    if lines:
        p0, first = lines[0]
        lead = len(first) - len(first.lstrip())
        dateline, cut = find_dateline(first.lstrip())
        if dateline:
            lines[0] = (p0 + lead + cut, first.lstrip()[cut:])

    seen_paras: set[str] = set()
    seen_sents: set[str] = set()
    out: list[str] = []
    offsets: list[int] = []
    removed = 0
    for n, (p, line) in enumerate(lines):
        if n > 0 and dateline:
            # a repeated copy of the body starts with the dateline again: cut it there too
            again, cut = find_dateline(line)
            if again == dateline:
                p, line = p + cut, line[cut:]
        key = _norm(line)
        if not key:
            continue
        if key in seen_paras and len(key) > 20:
            removed += 1
            continue
        seen_paras.add(key)
        kept_any = False
        for s_start, s_end in _rough_sentences(line):
            sent = line[s_start:s_end]
            skey = _norm(sent)
            if len(skey) >= 40 and skey in seen_sents:
                removed += 1
                continue
            seen_sents.add(skey)
            if kept_any:
                out.append(" ")
                offsets.append(p + s_start - 1 if s_start > 0 else p)
            out.append(sent)
            offsets.extend(range(p + s_start, p + s_end))
            kept_any = True
        if kept_any:
            out.append("\n")
            offsets.append(p + len(line))
    text = "".join(out).rstrip("\n")
    return CleanText(
        text=text,
        headline=headline,
        dateline=dateline,
        offsets=tuple(offsets[: len(text)]),
        removed_duplicates=removed,
    )


_SENT_END = re.compile(r"[.!?][”\"’')]*(\s+)(?=[“\"‘'(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|St|Jr|Sr|Gov|Sen|Rep|Prof|No|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|Inc|Co|Ltd|vs|approx)|\b[A-Z])[.]$")


def _rough_sentences(line: str) -> list[tuple[int, int]]:
    """Split one paragraph at sentence ends, only to find repeated sentences (cheap, no model)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(line):
        end = m.start(1)
        if _ABBREV.search(line[start : m.start() + 1]):
            continue
        if end > start:
            spans.append((start, end))
        start = m.end()
    tail = line[start:].rstrip()
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        spans.append((start + lead, start + len(tail)))
    return spans
