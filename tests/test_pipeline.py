"""The pipeline's shape: named components, one-way document, results as JSON, ids, raw offsets, diagnostics."""

import ast
import datetime as dt
import json
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

import eventcoder
from eventcoder import Article, Pipeline, code_article
from eventcoder.pipeline import COMPONENTS, NoPublicationDateWarning

SRC = Path(eventcoder.__file__).parent

ARTICLE = (
    "Gunmen kill four in attack on Cameroon market\n"
    "BAMENDA, Cameroon (AFP) - Gunmen killed four traders at a market in Bamenda on Tuesday, the regional "
    "governor said. Separately, police arrested 12 people in Buea on Wednesday after a protest over fuel prices.\n"
    "Gunmen killed four traders at a market in Bamenda on Tuesday, the regional governor said.\n"
)
PUB = dt.date(2023, 6, 8)


def test_components_are_named_in_pipeline_order():
    assert [n for n, _ in COMPONENTS] == [
        "clean", "sentences", "context", "judge", "prefilter", "parse", "places", "dates", "mentions", "tolls",
        "summaries", "anchors", "handovers", "events", "periods", "identify"]
    assert Pipeline().names == [n for n, _ in COMPONENTS]


def test_result_has_events_document_and_diagnostics_and_is_json():
    r = code_article(Article(ARTICLE, PUB, id="cm-1"))
    subs = [e.sub_event_type for e in r.events]
    assert "Attack" in subs
    d = json.loads(r.to_json())
    assert d["article"]["id"] == "cm-1"
    assert d["headline"] == "Gunmen kill four in attack on Cameroon market"
    assert d["text"] == r.document.clean.text
    assert [e["id"] for e in d["events"]] == [e.id for e in r.events]
    assert d["diagnostics"] == []
    # the offset runs rebuild the raw position of every cleaned character
    raw = {}
    for c0, r0, n in d["raw_offsets"]:
        for k in range(n):
            raw[c0 + k] = r0 + k
    assert all(raw[i] == r.document.clean.offsets[i] for i in range(len(d["text"])))


def test_extract_gives_the_same_events_as_code_article():
    assert eventcoder.extract(ARTICLE, PUB) == list(code_article(Article(ARTICLE, PUB)).events)


def test_evidence_has_raw_offsets_into_the_input_as_given():
    r = code_article(Article(ARTICLE, PUB))
    attack = next(e for e in r.events if e.sub_event_type == "Attack")
    for ev in (attack.trigger, attack.place.evidence, attack.actor1.evidence, attack.date.evidence):
        assert ev is not None and ev.raw_start is not None
        # cleaned-text offsets differ (headline and dateline cut) but the raw span shows the same words
        assert ev.raw_start != ev.start
        assert ARTICLE[ev.raw_start:ev.raw_end] == ev.text
        assert r.document.clean.text[ev.start:ev.end] == ev.text


def test_event_ids_are_deterministic_distinct_and_follow_the_article_id():
    a = code_article(Article(ARTICLE, PUB, id="cm-1")).events
    b = code_article(Article(ARTICLE, PUB, id="cm-1")).events
    c = code_article(Article(ARTICLE, PUB, id="cm-2")).events
    assert [e.id for e in a] == [e.id for e in b]
    assert len({e.id for e in a}) == len(a) >= 2
    assert all(e.id.startswith("ev-") for e in a)
    assert not {e.id for e in a} & {e.id for e in c}
    # without an id, the article is known by a hash of its text
    assert code_article(Article(ARTICLE, PUB)).document.article.id is None
    assert eventcoder.pipeline.article_id(Article(ARTICLE)).startswith("sha256:")


def test_two_events_from_one_sentence_get_two_ids():
    text = "Two separate car bombings in Mosul and Kirkuk killed six people on Sunday, police said."
    events = code_article(Article(text, dt.date(2023, 3, 14))).events
    assert len(events) == 2
    assert events[0].id != events[1].id


def test_missing_publication_date_is_a_diagnostic_not_a_warning():
    text = "Police fired tear gas at protesters in Nairobi on Monday, witnesses said."
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = code_article(Article(text))
    assert [d.code for d in r.diagnostics] == ["no-publication-date"]
    assert r.diagnostics[0].sentence == 0
    with pytest.warns(NoPublicationDateWarning):
        eventcoder.extract(text)


def test_a_component_replaced_by_name_runs_in_its_place():
    def no_events(doc):
        return replace(doc, events=())

    p = Pipeline().replace("events", no_events)
    assert p.names == Pipeline().names
    assert code_article(Article(ARTICLE, PUB), pipeline=p).events == ()
    with pytest.raises(KeyError, match="no component named 'merge'"):
        Pipeline().replace("merge", no_events)


def test_components_add_to_the_document_and_leave_earlier_output_alone():
    seen = {}

    def spy(name, fn):
        def run(doc):
            out = fn(doc)
            seen[name] = (doc, out)
            return out
        return run

    p = Pipeline(tuple((n, spy(n, f)) for n, f in COMPONENTS))
    code_article(Article(ARTICLE, PUB), pipeline=p)
    before, after = seen["places"]
    assert before.context.geo is after.context.geo  # the article context is not written by the places stage
    assert after.places.geo is not before.context.geo
    assert before.context.geo.seen == [] or len(after.places.geo.seen) >= len(before.context.geo.seen)
    b, a = seen["mentions"]
    assert b.mentions == () and a.mentions and a.places is b.places and a.dates is b.dates


def _imports(path: Path) -> set[str]:
    """The eventcoder modules a module imports at run time (not under TYPE_CHECKING)."""
    mod = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    pkg = mod.rsplit(".", 1)[0] if path.name != "__init__.py" else mod
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()

    def visit(node, type_only=False):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = pkg.split(".")[: len(pkg.split(".")) - child.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                if base.startswith("eventcoder"):
                    out.add(base)
                    for a in child.names:
                        if f"{base}.{a.name}".replace(".", "/") and (SRC.parent / f"{base}.{a.name}".replace(
                                ".", "/")).with_suffix(".py").exists():
                            out.add(f"{base}.{a.name}")
            visit(child, type_only)

    visit(tree)
    return out


def test_no_import_cycles_between_modules():
    graph = {}
    for p in SRC.rglob("*.py"):
        mod = ".".join(p.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__")
        graph[mod] = {m for m in _imports(p) if m != mod}
    cycles = []

    def dfs(node, stack):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in done:
            return
        for nxt in graph.get(node, ()):
            if nxt != "eventcoder":  # the package's __init__ re-exports; importing it is importing a name
                dfs(nxt, stack + [node])
        done.add(node)

    done: set[str] = set()
    for m in graph:
        dfs(m, [])
    assert cycles == []


def test_geo_does_not_depend_on_extraction():
    for p in (SRC / "geo").glob("*.py"):
        assert not {m for m in _imports(p) if m.startswith(("eventcoder.extract", "eventcoder.pipeline"))}, p
