"""Readers: bytes or files in, a decoded :class:`~eventcoder.model.Article` out."""

from __future__ import annotations

import datetime as dt
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


def check_language(text: str, name: str = "input") -> None:
    """Raise :class:`UnsupportedLanguageError` unless the text is English."""
    sample = text[:3000]
    letters = sum(c.isalpha() for c in sample)
    if letters < 20:
        return
    latin = sum(c.isascii() for c in sample if c.isalpha())
    if latin / letters < 0.5:
        raise UnsupportedLanguageError(f"{name}: text is not in English (not supported)")
    try:
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0
        langs = detect_langs(sample)
    except Exception:  # langdetect raises on text without features
        return
    top = langs[0]
    if top.lang != "en" and top.prob > 0.9 and not any(x.lang == "en" and x.prob > 0.2 for x in langs):
        raise UnsupportedLanguageError(f"{name}: text is in language '{top.lang}', not English (not supported)")


def read_article(path: str | Path, published: dt.date | None = None, data: bytes | None = None) -> Article:
    """Read a text file (or ``-`` data already read from stdin) into an Article."""
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
    check_language(text, name)
    return Article(body=text, published=published, source=None, id=Path(name).stem if name != "-" else None)
