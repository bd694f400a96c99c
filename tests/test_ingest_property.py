"""Random text and bytes thrown at ingestion: an article or an InputError, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.errors import InputError
from eventcoder.files import Item, checked, iter_items, jsonl_article
from eventcoder.model import Article

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _fuzz_file(factory, name: str) -> Path:  # noqa: ANN001
    d = factory.getbasetemp() / "fuzz"
    d.mkdir(exist_ok=True)
    return d / name


def _item_ok(item: Item) -> None:
    assert (item.article is None) != (item.error is None)
    if item.article is not None:
        assert isinstance(item.article, Article) and item.article.body.strip()
        checked(item)  # the language check, too, answers with an item
    else:
        assert item.error and item.name in item.error


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_random_bytes_as_files(tmp_path_factory, data: bytes, suffix: str) -> None:  # noqa: ANN001
    p = _fuzz_file(tmp_path_factory, f"input{suffix}")
    p.write_bytes(data)
    for item in iter_items([p]):
        _item_ok(item)


@SETTINGS
@given(text=st.text(max_size=2000), wrap=st.sampled_from(["{}", "<html><body><p>{}</p></body></html>",
                                                           "<!DOCTYPE html><div>{}", "{}\n\n{}"]))
def test_random_text_as_files(tmp_path_factory, text: str, wrap: str) -> None:  # noqa: ANN001
    p = _fuzz_file(tmp_path_factory, "input.txt")
    p.write_text(wrap.format(text, text), encoding="utf-8", errors="surrogatepass")
    for item in iter_items([p]):
        _item_ok(item)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=200),
                           lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=8), kids,
                                                                                      max_size=3), max_leaves=8)


@SETTINGS
@given(obj=st.dictionaries(st.sampled_from(["text", "html", "url", "source", "published", "title", "id", "x"]),
                           json_values | st.text(max_size=500), max_size=6))
def test_random_jsonl_objects(obj: dict) -> None:
    try:
        line = json.dumps(obj)
    except ValueError:
        return
    try:
        art = jsonl_article(line, "fuzz.jsonl:1")
    except InputError as exc:
        assert str(exc).startswith("fuzz.jsonl:1")
    else:
        assert art.body.strip()


@SETTINGS
@given(line=st.binary(max_size=1000) | st.text(max_size=1000))
def test_random_jsonl_lines(line: bytes | str) -> None:
    try:
        jsonl_article(line, "fuzz.jsonl:1")
    except InputError:
        pass
