"""Ingestion inputs: paths (text and HTML files, JSONL files, directories walked recursively) into articles.

Each input gives an :class:`Item`: an article, or the reason (an :class:`~eventcoder.errors.InputError`'s
message) it cannot be one. A bad file or line never stops the others."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .ingest import MAX_BYTES, article_from_html, check_language, decode, looks_like_html
from .model import Article

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSONL_FIELDS = ("text", "html", "url", "source", "published", "title", "id")


@dataclass(frozen=True)
class Item:
    """One input: ``name`` (the file, or ``file:line`` in a JSONL file) and its article or its error."""

    name: str
    article: Article | None = None
    error: str | None = None


def iter_items(paths: Iterable[str | os.PathLike[str]], published: dt.date | None = None,
               source: str | None = None) -> Iterator[Item]:
    """The articles of every path, in order. A directory gives its text, HTML and JSONL files (recursively,
    sorted, hidden ones left out); a file named on the command line is read whatever its name."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path).parts
                if f.is_file() and not any(x.startswith(".") for x in rel) \
                        and f.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES:
                    yield from _file_items(f, published, source)
        else:
            yield from _file_items(path, published, source)


def _file_items(path: Path, published: dt.date | None, source: str | None) -> Iterator[Item]:
    name = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, published, source)
        return
    try:
        art = read_file(path, published)
    except InputError as exc:
        yield Item(name, error=str(exc))
        return
    except OSError as exc:
        yield Item(name, error=f"{name}: cannot read the file ({exc.strerror or exc})")
        return
    yield Item(name, replace(art, source=source) if source else art)


def read_file(path: Path, published: dt.date | None = None) -> Article:
    """A text or HTML file's article, as :func:`~eventcoder.ingest.read_article` reads it but without the
    language check, which the batch runs only on articles not stored yet (see :func:`checked`)."""
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{name}: file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
    text = decode(path.read_bytes(), name)
    if looks_like_html(text, name):
        return article_from_html(text, published=published, name=name, id=path.stem)
    return Article(body=text, published=published, id=path.stem)


def checked(item: Item) -> Item:
    """The item, or its failure when its text is not English (the pipeline reads English only)."""
    if item.article is None:
        return item
    try:
        check_language(item.article.body, item.name)
    except InputError as exc:
        return Item(item.name, error=str(exc))
    return item


def read_jsonl(path: Path, published: dt.date | None = None, source: str | None = None) -> Iterator[Item]:
    """One article a line (``text`` or ``html``; ``url``, ``source``, ``published``, ``title``, ``id``). The
    line's own fields win; ``published`` and ``source`` fill in those a line lacks. Blank lines are skipped."""
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Item(name, error=f"{name}: cannot read the file ({exc.strerror or exc})")
        return
    with fh:
        n = 0
        while True:
            try:
                line = fh.readline(MAX_BYTES + 1)
            except OSError as exc:
                yield Item(name, error=f"{name}: cannot read the file ({exc.strerror or exc})")
                return
            if not line:
                return
            n += 1
            where = f"{name}:{n}"
            if len(line) > MAX_BYTES:
                while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                    line = fh.readline(MAX_BYTES)
                yield Item(where, error=f"{where}: line is over the {MAX_BYTES:,}-byte limit")
                continue
            if not line.strip():
                continue
            try:
                yield Item(where, jsonl_article(line, where, published, source))
            except InputError as exc:
                yield Item(where, error=str(exc))


def jsonl_article(line: bytes | str, where: str = "input", published: dt.date | None = None,
                  source: str | None = None) -> Article:
    """The article of one JSONL line; :class:`InputError` says what is wrong with it."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{where}: line is not UTF-8 text") from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a JSON {type(obj).__name__}, not an object with 'text' or 'html'")
    for k in JSONL_FIELDS:
        if obj.get(k) is not None and not isinstance(obj[k], str):
            raise InputError(f"{where}: field {k!r} is a JSON {type(obj[k]).__name__}, not a string")
    url = (obj.get("url") or "").strip() or None
    src = (obj.get("source") or "").strip() or source
    art_id = (obj.get("id") or "").strip() or None
    title = (obj.get("title") or "").strip() or None
    try:
        own = Article("x", published=obj.get("published") or None).published
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    html, text = obj.get("html"), obj.get("text")
    if not (html and html.strip()) and not (text and text.strip()):
        raise InputError(f"{where}: no 'text' or 'html' (or it is empty)")
    body = text if text and text.strip() else None
    if body is not None:
        body = decode(body.encode("utf-8"), where)
    if body is None or looks_like_html(body):
        art = article_from_html(body or html or "", url=url, source=src, published=own, name=where, id=art_id)
        return replace(art, published=art.published or published, title=title or art.title)
    return Article(body=body, published=own or published, title=title, url=url, source=src, id=art_id)
