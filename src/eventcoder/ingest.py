"""Readers: bytes or files in, a decoded :class:`~eventcoder.model.Article` out."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputError, UnsupportedLanguageError
from .model import Article

MAX_BYTES = 5_000_000  # a news article is never 5 MB of text


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes to text, detecting the encoding; reject empty and binary data."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit")
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if b"\x00" in data[:8192] and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        raise InputError(f"{name}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: binary data or unknown text encoding") from None
        text = str(best)
    control = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\r\n\t\f")
    if control > max(8, len(text[:20000]) // 100):
        raise InputError(f"{name}: binary data, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


# Common English words that are no common word of the other languages written in Latin script (no "a", "in",
# "is", "on", "at", "for", "was", "die" ...), and common words of those languages that are no English words
_ENGLISH_WORDS = frozenset(
    "the of and to that with from said which were has have this after their they been would its who are but not "
    "his she it had also when there about more than into what".split())
_OTHER_WORDS = frozenset((
    "de la le les des et du une est pour dans qui sur au aux pas sont "  # French
    "el los las que del por con una es para lo como más "  # Spanish
    "der das und nicht ist mit auf für von dem zu ein eine sich auch "  # German
    "het een niet zijn voor op te met ook naar werd "  # Dutch
    "il di che della per non gli sono nel alla "  # Italian
    "um uma não com os ao pelo pela são foi "  # Portuguese
    "yang dan di ini itu dengan untuk dari pada tidak akan "  # Indonesian, Malay
    "ya wa kwa katika ni za na "  # Swahili
    "ve bir bu da için ile olarak "  # Turkish
    "się nie że jest na od "  # Polish
    "och att det som på är för med av till "  # Swedish
    "și în cu pe care fost").split())  # Romanian
_WORD = re.compile(r"[^\W\d_]+")


def plainly_english(sample: str, letters: int, ascii_letters: int) -> bool:
    """Text that no language detector would call anything but English: at least 30 words, at least 15% of them
    common English words, at most 1% common words of other languages, at most 1% of the letters non-ASCII.
    Only a shortcut: it decides nothing that langdetect decides otherwise (checked on every article of the
    dev and bench sets, the test corpus and 3,000 mixtures of English with 12 other languages, see
    docs/speed.md); text it does not call plainly English goes to langdetect."""
    if letters - ascii_letters > 0.01 * letters:
        return False
    words = _WORD.findall(sample.lower())
    n = len(words)
    if n < 30:
        return False
    english = other = 0
    for w in words:
        if w in _ENGLISH_WORDS:
            english += 1
        elif w in _OTHER_WORDS:
            other += 1
    return english >= 0.15 * n and other <= 0.01 * n


def check_language(text: str, name: str = "input") -> None:
    """Raise :class:`UnsupportedLanguageError` unless the text is English. Plainly English text
    (:func:`plainly_english`) is passed without loading langdetect's profiles (about 1 s on first use)."""
    sample = text[:3000]
    letters = sum(c.isalpha() for c in sample)
    if letters < 20:
        return
    latin = sum(c.isascii() for c in sample if c.isalpha())
    if latin / letters < 0.5:
        raise UnsupportedLanguageError(f"{name}: text is not in English (not supported)")
    if plainly_english(sample, letters, latin):
        return
    lang = detected_language(sample)
    if lang is not None:
        raise UnsupportedLanguageError(f"{name}: text is in language '{lang}', not English (not supported)")


def detected_language(sample: str) -> str | None:
    """langdetect's language of the text where it is sure (over 0.9) it is not English and gives English no
    more than 0.2; otherwise None (English, mixed, or too little to tell). Deterministic (seed 0)."""
    try:
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0
        langs = detect_langs(sample)
    except Exception:  # langdetect raises on text without features
        return None
    top = langs[0]
    if top.lang != "en" and top.prob > 0.9 and not any(x.lang == "en" and x.prob > 0.2 for x in langs):
        return top.lang
    return None


_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)


def looks_like_html(text: str, name: str = "") -> bool:
    """An HTML page: named .html/.htm, or text that opens as a page does (doctype, <html>, <head>, <body>)."""
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(_HTML_START.match(text[:4000]))


def article_from_html(html: str, url: str | None = None, source: str | None = None,
                      published: dt.date | None = None, name: str = "input", id: str | None = None) -> Article:
    """An HTML page's article: trafilatura takes the body (no scripts, menus or footers), the title, the page's
    date and the site's name. A date or source given by the caller wins over the page's own."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        raise InputError(f"{name}: no article text found in the HTML page")
    title = (doc.title or "").strip() or None
    # paragraphs one to a line as trafilatura gives them, the headline first as in a text file
    body = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    page_date = None
    if doc.date:
        try:
            page_date = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            page_date = None
    return Article(body=body or title or "", published=published or page_date, title=title, url=url or doc.url,
                   source=source or doc.sitename or doc.hostname, id=id)


def read_article(path: str | Path, published: dt.date | None = None, data: bytes | None = None) -> Article:
    """Read a text or HTML file (or ``-`` data already read from stdin) into an Article. An HTML page is read
    with :func:`article_from_html`: its markup never reaches the text."""
    name = str(path)
    if data is None:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
        data = p.read_bytes()
    text = decode(data, name)
    art_id = Path(name).stem if name != "-" else None
    if looks_like_html(text, name):
        art = article_from_html(text, published=published, name=name, id=art_id)
        check_language(art.body, name)
        return art
    check_language(text, name)
    return Article(body=text, published=published, source=None, id=art_id)
