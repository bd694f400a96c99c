"""The bench set and `eventcoder bench` (numbers are printed, never asserted: no timing assertions)."""

import datetime as dt
import json
import re
import runpy
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder import bench
from eventcoder.cli import app
from eventcoder.errors import InputError
from eventcoder.model import Article
from eventcoder.pipeline import code_article

ROOT = Path(__file__).resolve().parent.parent
TOPICS = {"business", "sport", "politics", "technology", "culture", "science", "health", "weather", "local",
          "courts", "obituaries", "environment", "education", "conflict"}
NUM = r"[0-9]+(?:\.[0-9]+)?"
runner = CliRunner()


@pytest.fixture(scope="module")
def articles() -> list[bench.BenchArticle]:
    return bench.bench_set()


def test_bench_set_is_large_distinct_and_covers_every_topic(articles):
    assert len(articles) >= 150
    ids = [a.id for a in articles]
    assert len(set(ids)) == len(ids)
    assert len({a.text for a in articles}) == len(articles)
    assert len({a.title for a in articles}) == len(articles)
    assert {a.topic for a in articles} == TOPICS
    for a in articles:
        assert a.title and a.title.strip() == a.title
        assert 50 <= len(a.text.split()) <= 400, a.id
        assert dt.date.fromisoformat(a.published)
        assert isinstance(a.event, bool)


def test_many_countries_and_datelines(articles):
    datelines = [m[1] for a in articles if (m := re.match(r"([A-Z][A-Z .'-]+)(?:, [A-Za-z .]+)?, [A-Z][a-z]+", a.text))]
    assert len(datelines) >= 0.9 * len(articles)
    assert len(set(datelines)) >= 80  # cities of many countries


def test_about_one_in_ten_reports_a_conflict_event(articles):
    share = sum(a.event for a in articles) / len(articles)
    assert 0.08 <= share <= 0.15


def test_pipeline_codes_about_one_in_ten(articles):
    # what the pipeline codes over the whole set: most labelled event articles, few of the others
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        coded = {a.id: bool(code_article(Article(a.text, a.published, title=a.title, id=a.id)).events)
                 for a in articles}
    events = [a for a in articles if a.event]
    assert sum(coded[a.id] for a in events) >= 0.8 * len(events)
    assert 0.05 <= sum(coded.values()) / len(articles) <= 0.2


def test_shipped_jsonl_is_built_from_the_sources():
    make = runpy.run_path(str(ROOT / "bench" / "make_set.py"))
    rows = [r for f in sorted((ROOT / "bench" / "set").glob("*.txt"))
            for r in make["parse"](f.read_text(encoding="utf-8"), f.name)]
    shipped = (ROOT / "src" / "eventcoder" / "data" / "bench" / "bench_set.jsonl").read_text(encoding="utf-8")
    assert rows == [json.loads(line) for line in shipped.splitlines()]


def test_bad_stream_lines_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="line 2: not JSON"):
        bench.parse_jsonl(['{"text": "a"}', "{oops"], "s.jsonl")
    with pytest.raises(InputError, match="line 1: no 'text'"):
        bench.parse_jsonl(['{"title": "no body"}'], "s.jsonl")
    with pytest.raises(InputError, match="line 1: not a JSON object"):
        bench.parse_jsonl(["[1, 2]"], "s.jsonl")
    with pytest.raises(InputError, match="'event' must be true or false"):
        bench.parse_jsonl(['{"text": "a", "event": "yes"}'], "s.jsonl")
    with pytest.raises(InputError, match="no articles"):
        bench.parse_jsonl(["", "  "], "s.jsonl")
    with pytest.raises(InputError, match="cannot read"):
        bench.read_stream(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="at least 1"):
        bench.cycle([bench.BenchArticle("x", "text")], 0)


def test_stream_article_without_id_gets_its_line_and_cycle_repeats(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"text": "One."}\n\n{"id": "b", "text": "Two.", "title": "T"}\n', encoding="utf-8")
    got = bench.read_stream(f)
    assert [(a.id, a.title) for a in got] == [("line-1", None), ("b", "T")]
    assert [a.id for a in bench.cycle(got, 5)] == ["line-1", "b", "line-1", "b", "line-1"]


def test_corpus_event_articles_are_those_with_expected_events(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "expected").mkdir()
    for name, events in (("a", [{"sub_event_type": "Attack"}]), ("b", [])):
        (tmp_path / "articles" / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
        (tmp_path / "expected" / f"{name}.json").write_text(json.dumps({"published": "2024-01-02",
                                                                         "events": events}), encoding="utf-8")
    got = bench.corpus_event_articles(tmp_path)
    assert [(a.id, a.published, a.event) for a in got] == [("a", "2024-01-02", True)]
    assert bench.corpus_event_articles(None) == []


def test_report_marks_targets_met_or_not():
    r = bench.BenchResult(source="bench set", articles=10, mean_words=90, general_s=0.05, general_rate=200.0,
                          events_coded=1, articles_with_events=1, event_articles=5, event_s=1.0, event_rate=5.0,
                          tokenizer_s=0.01, tokenizer_rate=1000.0, ratio=5.0, peak_mb=300.0, startup_s=1.5,
                          help_s=0.4, extract_s=3.0, jobs=2, pool_s=0.03, speedup=1.67)
    lines = "\n".join(bench.report_lines(r))
    assert "general stream: 200.0 articles/s/core (target >= 100: met)" in lines
    assert "event articles: 5.0 articles/s/core over 5 articles (target >= 20: not met)" in lines
    assert "general-stream time / tokenizer-only time: 5.0 (target <= 4: not met)" in lines
    assert "peak memory: 300 MB (target <= 1024 MB: met)" in lines
    assert "speed-up over one job: 1.67 with 2 jobs (target >= 1.8 with 2: not met)" in lines
    assert "eventcoder --help: 0.40 s (target <= 0.5 s: met)" in lines
    assert "from a cold start: 3.00 s (target <= 2 s: not met)" in lines
    assert "speed-up" not in "\n".join(bench.report_lines(bench.BenchResult(**{**r.__dict__, "speedup": None})))
    assert "machine's own" not in lines
    with_ceiling = "\n".join(bench.report_lines(bench.BenchResult(**{**r.__dict__, "machine_speedup": 1.94})))
    assert "machine's own speed-up now: 1.94 with 2 processes" in with_ceiling


def test_the_machines_own_speed_up_is_a_plausible_ratio():
    assert 0.3 < bench.machine_speedup(2, n=200_000) < 2.5  # 2 processes: at most about 2, under load less


def test_bench_command_prints_every_line_with_numbers():
    r = runner.invoke(app, ["bench", "--articles", "20", "--jobs", "2"])
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert re.search(rf"^corpus: 20 articles of the bench set \(mean {NUM} words\)", out, re.M)
    for pattern in (rf"^start-up: {NUM} s", rf"^general stream: {NUM} articles/s/core \(target >= 100",
                    rf"^event articles: {NUM} articles/s/core over [0-9]+ articles \(target >= 20",
                    rf"^tokenizer only: {NUM} articles/s/core", rf"^peak memory: {NUM} MB \(target <= 1024 MB",
                    rf"^general-stream time / tokenizer-only time: {NUM} \(target <= 4",
                    rf"^speed-up over one job: {NUM} with 2 jobs \(target >= 1.8",
                    rf"^machine's own speed-up now: {NUM} with 2 processes",
                    rf"^eventcoder --help: {NUM} s \(target <= 0.5 s",
                    rf"^eventcoder extract, one article from a cold start: {NUM} s \(target <= 2 s"):
        assert re.search(pattern, out, re.M), (pattern, out)
    n_events = int(re.search(r"over ([0-9]+) articles", out)[1])
    assert n_events >= sum(a.event for a in bench.bench_set())


def test_bench_command_reads_a_stream_and_rejects_a_bad_one(tmp_path):
    f = tmp_path / "news.jsonl"
    f.write_text(json.dumps({"id": "x", "title": "Rain", "text": "Heavy rain fell on Oslo on Monday. Roads were "
                             "closed for hours and trains ran late, officials said."}) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["bench", "--articles", "3", "--stream", str(f), "--no-commands"])
    assert r.exit_code == 0, r.output
    assert "corpus: 3 articles of the news.jsonl" in r.stdout
    assert "eventcoder --help" not in r.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(app, ["bench", "--articles", "3", "--stream", str(bad)])
    assert r.exit_code == 2
    assert "bad.jsonl line 2: not JSON" in r.output
    r = runner.invoke(app, ["bench", "--articles", "0", "--no-commands"])
    assert r.exit_code == 2 and "--articles must be at least 1" in r.output
