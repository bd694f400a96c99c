"""The speed benchmark behind ``eventcoder bench``: pure functions that return numbers, no printing.

A general news stream (the shipped bench set cycled to N articles, or a JSONL stream) is coded by the whole
pipeline (``code_article``; every article a fresh :class:`~eventcoder.model.Article`, nothing cached between
them), then the event articles alone (the bench set's plus those of ``tests/corpus`` where the checkout has
it), then spaCy's tokenizer alone over the same stream as the reference. Single-process parts run pinned to
one core, so a rate is articles per second per core. Start-up (imports, NER model and parser load, gazetteer
open, one warm-up article) and a warm-up pass over the stream's first articles (first-use costs: lazily compiled
patterns, SQLite's page cache) are timed apart and never counted in a rate. With ``jobs`` > 1 the stream is
also coded in one forked worker and over eventcoder.runner's process pool of ``jobs`` workers, both forked from
the same warm state before the single-process run, for the speed-up. ``eventcoder --help`` and one cold
``extract`` are timed in fresh interpreters. The targets are those of issue 16; ``report_lines`` prints each
measure beside its target.

Caches the pipeline keeps by design (the gazetteer's per-name lookups, spaCy's tokenizer and vocabulary) are
not cleared: on the cycled bench set they are hot after the first cycle, so a stream of distinct articles
(``--stream``) gives the more realistic rate.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import EventcoderError, InputError

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

BENCH_SET = "bench_set.jsonl"
WARM_UP = 40  # articles coded once, untimed, before the timed runs: first-use costs (lazily compiled patterns,
# SQLite's page cache, spaCy's vocabulary growing) are start-up, not throughput


@dataclass(frozen=True)
class Targets:
    """The targets of issue 16."""

    general_rate: float = 100.0  # articles/s/core, general stream
    event_rate: float = 20.0  # articles/s/core, event articles
    ratio: float = 4.0  # general-stream time / tokenizer-only time, at most
    peak_mb: float = 1024.0  # at most
    speedup: float = 1.8  # 2 processes vs 1, at least
    help_s: float = 0.5  # `eventcoder --help`, at most
    extract_s: float = 2.0  # `eventcoder extract` of one article from a cold start, at most


TARGETS = Targets()


@dataclass(frozen=True)
class BenchArticle:
    """One article of the bench set or of a stream."""

    id: str
    text: str
    title: str | None = None
    topic: str | None = None
    published: str | None = None
    event: bool | None = None  # labelled: reports a conflict event


@dataclass(frozen=True)
class BenchResult:
    """What one benchmark run measured (seconds, articles per second per core, MB)."""

    source: str  # "bench set" or the stream's file name
    articles: int  # general stream
    mean_words: float
    general_s: float
    general_rate: float
    events_coded: int  # events the pipeline coded over the general stream
    articles_with_events: int
    event_articles: int
    event_s: float
    event_rate: float
    tokenizer_s: float
    tokenizer_rate: float
    ratio: float  # general-stream time / tokenizer-only time
    peak_mb: float
    startup_s: float
    help_s: float | None = None
    extract_s: float | None = None
    jobs: int = 1
    pool_s: float | None = None  # wall time of the general stream over `jobs` workers, pool start-up excluded
    one_job_s: float | None = None  # the same in one worker process forked from the same state
    speedup: float | None = None  # one_job_s / pool_s
    machine_speedup: float | None = None  # the same for a pure-Python loop (``machine_speedup``): the ceiling now
    warm_up: int = 0  # articles of the stream coded once before the timing, untimed
    warm_up_s: float = 0.0


# -- reading ---------------------------------------------------------------------------------------------

def _parse_line(line: str, where: str, n: int) -> BenchArticle:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where} line {n}: not JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise InputError(f"{where} line {n}: not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where} line {n}: no 'text' (a non-empty string)")
    event = row.get("event")
    if event is not None and not isinstance(event, bool):
        raise InputError(f"{where} line {n}: 'event' must be true or false")
    pub = row.get("published")
    return BenchArticle(id=str(row.get("id") or f"line-{n}"), text=text,
                        title=row.get("title") if isinstance(row.get("title"), str) else None,
                        topic=row.get("topic") if isinstance(row.get("topic"), str) else None,
                        published=pub if isinstance(pub, str) and pub else None, event=event)


def parse_jsonl(lines: Sequence[str] | Iterator[str], where: str) -> list[BenchArticle]:
    """Articles of JSONL lines (``text`` required; ``id``, ``title``, ``topic``, ``published``, ``event``)."""
    out = [_parse_line(line, where, n) for n, line in enumerate(lines, 1) if line.strip()]
    if not out:
        raise InputError(f"{where}: no articles")
    return out


def bench_set() -> list[BenchArticle]:
    """The bench set shipped with the package."""
    text = resources.files("eventcoder.data").joinpath("bench", BENCH_SET).read_text(encoding="utf-8")
    return parse_jsonl(text.splitlines(), BENCH_SET)


def read_stream(path: Path) -> list[BenchArticle]:
    """A JSONL stream of articles (e.g. general-news-dev.jsonl)."""
    try:
        with path.open(encoding="utf-8") as fh:
            return parse_jsonl(fh, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None


def corpus_dir() -> Path | None:
    """tests/corpus of the checkout this package runs from (or of the working directory), if there is one."""
    for root in (Path(__file__).resolve().parents[2], Path.cwd()):
        d = root / "tests" / "corpus"
        if (d / "articles").is_dir() and (d / "expected").is_dir():
            return d
    return None


def corpus_event_articles(d: Path | None) -> list[BenchArticle]:
    """The articles of the test corpus whose expected file lists events."""
    if d is None:
        return []
    out = []
    for f in sorted((d / "articles").glob("*.txt")):
        exp_file = d / "expected" / f"{f.stem}.json"
        exp = json.loads(exp_file.read_text(encoding="utf-8")) if exp_file.exists() else {}
        if exp.get("events"):
            out.append(BenchArticle(id=f.stem, text=f.read_text(encoding="utf-8"), published=exp.get("published"),
                                    event=True))
    return out


def cycle(articles: Sequence[BenchArticle], n: int) -> list[BenchArticle]:
    """n articles, the given ones in order, over and over."""
    if n < 1:
        raise InputError(f"--articles must be at least 1, not {n}")
    return [articles[i % len(articles)] for i in range(n)]


# -- timing ----------------------------------------------------------------------------------------------

@contextmanager
def one_core() -> Iterator[None]:
    """Pin this process to one core for the duration (where the OS allows it)."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def _args(a: BenchArticle) -> tuple[str, str | None, str | None, str]:
    return a.text, a.published, a.title, a.id


def code_one(args: tuple[str, str | None, str | None, str]) -> int:
    """Code one article (a fresh Article object) with the whole pipeline; the number of events."""
    from .model import Article
    from .pipeline import code_article

    text, published, title, aid = args
    try:
        art = Article(text, published, title=title, id=aid)
    except InputError:  # a stream's unreadable date: code it without one
        art = Article(text, None, title=title, id=aid)
    return len(code_article(art).events)


def code_chunk(chunk: list[tuple[str, str | None, str | None, str]]) -> list[int]:
    """Code the articles (fresh Article objects) as ``ingest`` does, NER batched over them
    (``pipeline.code_articles``); the number of events of each."""
    from .model import Article
    from .pipeline import code_articles

    arts = []
    for text, published, title, aid in chunk:
        try:
            arts.append(Article(text, published, title=title, id=aid))
        except InputError:  # a stream's unreadable date: code it without one
            arts.append(Article(text, None, title=title, id=aid))
    return [len(r.events) for r in code_articles(arts)]


def _chunked(articles: Sequence[tuple[str, str | None, str | None, str]]) -> list[list[tuple[str, str | None,
                                                                                                str | None, str]]]:
    from .batch import BATCH

    return [list(articles[i:i + BATCH]) for i in range(0, len(articles), BATCH)]


def _warm(_: object) -> int:
    from .geo.gazetteer import default_gazetteer
    from .nlp import model, parser, segmenter

    default_gazetteer()
    model().tokenizer("Warm the tokenizer up.")
    segmenter()
    parser()  # otherwise loaded on the first sentence whose participants only the parse can tell
    return 0


def startup() -> float:
    """Seconds to import the pipeline, load the models (NER, and the parser loaded on first use), open the
    gazetteer and code one warm-up article."""
    import warnings

    t = time.perf_counter()
    _warm(None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code_one(("On Monday gunmen attacked a police post in Maiduguri, killing two officers, police said.",
                  "2024-03-04", None, "warm-up"))
    return time.perf_counter() - t


def time_pipeline(articles: Sequence[BenchArticle]) -> tuple[float, int, int]:
    """Seconds to code the articles as ``ingest`` does (``batch.BATCH`` at a time, ``code_chunk``); events coded;
    articles with at least one event."""
    import warnings

    events = with_events = 0
    chunks = _chunked([_args(a) for a in articles])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        for chunk in chunks:
            for k in code_chunk(chunk):
                events += k
                with_events += k > 0
        s = time.perf_counter() - t
    return s, events, with_events


@dataclass(frozen=True)
class ComponentTimes:
    """Where the pipeline's time goes over some articles: seconds per named component, in pipeline order,
    and how many sentences the trigger prefilter let through to the statistical model."""

    articles: int
    seconds: tuple[tuple[str, float], ...]
    sentences: int
    kept: int


def component_times(articles: Sequence[BenchArticle]) -> ComponentTimes:
    """Code the articles with every component of the default pipeline wrapped in a timer."""
    import warnings

    from .model import Article
    from .pipeline import DEFAULT, Pipeline

    spent = dict.fromkeys(DEFAULT.names, 0.0)

    def timed(name: str, fn):  # noqa: ANN001, ANN202
        def run(doc):  # noqa: ANN001, ANN202
            t = time.perf_counter()
            out = fn(doc)
            spent[name] += time.perf_counter() - t
            return out
        return run

    # the wrapped components are no longer the default ones: skip the event-only ones as the default does
    pipe = Pipeline(tuple((n, timed(n, c)) for n, c in DEFAULT.components), skip_unkept=DEFAULT.skips_unkept())
    sentences = kept = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for a in articles:
            text, published, title, aid = _args(a)
            try:
                art = Article(text, published, title=title, id=aid)
            except InputError:
                art = Article(text, None, title=title, id=aid)
            doc = pipe.document(art)
            sentences += len(doc.sentences)
            kept += len(doc.kept)
    return ComponentTimes(len(articles), tuple(spent.items()), sentences, kept)


def component_lines(c: ComponentTimes) -> list[str]:
    """One line a component (ms per article, share of the pipeline's time), slowest first."""
    total = sum(s for _, s in c.seconds) or 1e-9
    lines = [f"sentences reaching the model: {c.kept}/{c.sentences} ({c.kept / max(c.sentences, 1):.0%})"]
    for name, s in sorted(c.seconds, key=lambda x: -x[1]):
        lines.append(f"  component {name}: {1000 * s / c.articles:.2f} ms/article ({s / total:.0%})")
    return lines


def time_tokenizer(articles: Sequence[BenchArticle]) -> float:
    """Seconds for the shipped model's tokenizer alone over the articles."""
    from .nlp import model

    tok = model().tokenizer
    t = time.perf_counter()
    for a in articles:
        tok(a.text)
    return time.perf_counter() - t


def _time_chunked(args: tuple[list[tuple[str, str | None, str | None, str]], int]) -> float:
    """In a worker: code the articles over ``jobs`` processes of eventcoder.runner's pool; wall seconds."""
    from .runner import run_many

    articles, jobs = args
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_many(_warm, [None] * jobs, jobs)  # not timed: the pool's start
        t = time.perf_counter()
        run_many(code_chunk, _chunked(articles), jobs, chunksize=1)
        return time.perf_counter() - t


def time_pool(articles: Sequence[BenchArticle], jobs: int) -> tuple[float, float]:
    """Wall seconds to code the articles in one worker process and over ``jobs`` worker processes of
    eventcoder.runner's pool, both forked from this process as it is now (so both start from the same warm
    models and caches, and each worker warms its own caches on the articles it gets)."""
    from concurrent.futures import ProcessPoolExecutor

    args = [_args(a) for a in articles]
    with ProcessPoolExecutor(1) as ex:  # the one-job reference, in a fresh fork like the pool's workers
        one = ex.submit(_time_chunked, (args, 1)).result()
    import warnings

    from .runner import run_many

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        run_many(_warm, [None] * jobs, jobs)
        start = time.perf_counter() - t
        t = time.perf_counter()
        run_many(code_chunk, _chunked(args), jobs, chunksize=1)
        total = time.perf_counter() - t
    return one, max(total - start, 1e-9)


def _spin(n: int) -> float:
    """A fixed amount of pure-Python work (no I/O, no memory to speak of); its wall seconds."""
    t = time.perf_counter()
    x = 0
    for i in range(n):
        x = (x + i * i) % 1_000_003
    return time.perf_counter() - t


def machine_speedup(jobs: int, n: int = 3_000_000) -> float:
    """What ``jobs`` processes get over one on this machine now, for work that shares nothing: the same loop
    (``_spin``) in one forked process, then in ``jobs`` at once; ``jobs`` x one's time / the wall time of all.
    The ceiling for the pipeline's speed-up under the current load (on a shared machine other processes take
    their share of the cores: with both cores busy elsewhere it is near 1)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as ex:
        list(ex.map(_spin, [1000] * jobs))  # the workers started, not timed
        one = ex.submit(_spin, n).result()
        t = time.perf_counter()
        list(ex.map(_spin, [n] * jobs))
        wall = time.perf_counter() - t
    return jobs * one / wall


def time_command(args: Sequence[str], stdin: str | None = None) -> float:
    """Wall seconds of ``eventcoder ARGS`` in a fresh interpreter running this package."""
    import eventcoder

    env = dict(os.environ)
    src = str(Path(eventcoder.__file__).resolve().parents[1])
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    t = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", "from eventcoder.cli import main; main()", *args], env=env,
                       input=stdin, capture_output=True, text=True, timeout=300, check=True)
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or "").strip().splitlines()[-1:] or ["no message"]
        raise EventcoderError(f"`eventcoder {' '.join(args)}` failed (exit {exc.returncode}): {last[0]}") from None
    except subprocess.TimeoutExpired:
        raise EventcoderError(f"`eventcoder {' '.join(args)}` took over 300 s") from None
    return time.perf_counter() - t


def peak_mb() -> float:
    """Peak resident memory of this process so far, MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def run(n: int, jobs: int = 1, stream: Path | None = None, commands: bool = True) -> BenchResult:
    """The whole benchmark: n articles of the bench set (or of ``stream``), over one process and, where
    ``jobs`` > 1, over that many worker processes; ``commands`` also times ``eventcoder --help`` and one
    cold ``eventcoder extract``."""
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    base = bench_set()
    source = "bench set"
    general_src = base
    if stream is not None:
        general_src = read_stream(stream)
        source = stream.name
    general = cycle(general_src, n)
    events = [a for a in base if a.event] + corpus_event_articles(corpus_dir())

    with one_core():
        up = startup()
        warm = general_src[:WARM_UP]
        warm_s = time_pipeline(warm)[0]
    pool_s = one_job_s = ceiling = None
    if jobs > 1:  # before the single-process run, so that no worker inherits its caches
        one_job_s, pool_s = time_pool(general, jobs)
        ceiling = machine_speedup(jobs)
    with one_core():
        general_s, coded, with_events = time_pipeline(general)
        event_s, _, _ = time_pipeline(events)
        tok_s = time_tokenizer(general)
    peak = peak_mb()
    speedup = one_job_s / pool_s if pool_s and one_job_s else None
    help_s = extract_s = None
    if commands:
        help_s = time_command(["--help"])
        extract_s = time_command(["extract", "-", "--published", "2024-03-04", "--format", "json"],
                                 stdin=events[0].text if events else base[0].text)
    return BenchResult(
        source=source, articles=len(general), mean_words=sum(len(a.text.split()) for a in general) / len(general),
        general_s=general_s, general_rate=len(general) / general_s, events_coded=coded,
        articles_with_events=with_events, event_articles=len(events), event_s=event_s,
        event_rate=len(events) / event_s if events else 0.0, tokenizer_s=tok_s, tokenizer_rate=len(general) / tok_s,
        ratio=general_s / tok_s, peak_mb=peak, startup_s=up, help_s=help_s, extract_s=extract_s, jobs=jobs,
        pool_s=pool_s, one_job_s=one_job_s, speedup=speedup, machine_speedup=ceiling, warm_up=len(warm),
        warm_up_s=warm_s)


def _mark(ok: bool) -> str:
    return "met" if ok else "not met"


def report_lines(r: BenchResult, t: Targets = TARGETS) -> list[str]:
    """The lines ``eventcoder bench`` prints: each measure, its target and whether it is met."""
    lines = [
        f"corpus: {r.articles} articles of the {r.source} (mean {r.mean_words:.0f} words); "
        f"{r.articles_with_events} with events, {r.events_coded} events coded",
        f"start-up: {r.startup_s:.2f} s (imports, model load, gazetteer open, one warm-up article; "
        f"not counted in the rates)",
        f"warm-up: {r.warm_up_s:.2f} s over the first {r.warm_up} articles of the stream, coded once untimed "
        f"(first-use costs)",
        f"general stream: {r.general_rate:.1f} articles/s/core (target >= {t.general_rate:.0f}: "
        f"{_mark(r.general_rate >= t.general_rate)})",
        f"event articles: {r.event_rate:.1f} articles/s/core over {r.event_articles} articles "
        f"(target >= {t.event_rate:.0f}: {_mark(r.event_rate >= t.event_rate)})",
        f"tokenizer only: {r.tokenizer_rate:.1f} articles/s/core (the reference)",
        f"general-stream time / tokenizer-only time: {r.ratio:.1f} (target <= {t.ratio:.0f}: "
        f"{_mark(r.ratio <= t.ratio)})",
        f"peak memory: {r.peak_mb:.0f} MB (target <= {t.peak_mb:.0f} MB: {_mark(r.peak_mb <= t.peak_mb)})",
    ]
    if r.speedup is not None:
        lines.append(f"speed-up over one job: {r.speedup:.2f} with {r.jobs} jobs (target >= {t.speedup} with 2: "
                     f"{_mark(r.speedup >= t.speedup)})")
    if r.machine_speedup is not None:
        lines.append(f"machine's own speed-up now: {r.machine_speedup:.2f} with {r.jobs} processes (a pure-Python "
                     f"loop: the ceiling under the current load)")
    if r.help_s is not None:
        lines.append(f"eventcoder --help: {r.help_s:.2f} s (target <= {t.help_s} s: {_mark(r.help_s <= t.help_s)})")
    if r.extract_s is not None:
        lines.append(f"eventcoder extract, one article from a cold start: {r.extract_s:.2f} s "
                     f"(target <= {t.extract_s:.0f} s: {_mark(r.extract_s <= t.extract_s)})")
    return lines
