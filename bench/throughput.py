"""Throughput of ``eventcoder.extract`` on one core: prints numbers, asserts nothing.

    python bench/throughput.py [--repeat 3] [--stream-share 0.8]

Two measures, models and gazetteer loaded first (their one-off load time is printed apart):

- corpus: every article of the test corpus (tests/corpus/articles) once per repeat;
- stream: a news-stream mix in which ``--stream-share`` of the articles report no conflict event
  (the corpus' negative articles, cycled), the rest its positive ones; most real news is of that kind.

Also prints the share of sentences that reach the parser (the prefilter's job) and peak memory.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def _articles() -> list[tuple[str, str, dt.date | None, bool]]:
    out = []
    for f in sorted((CORPUS / "articles").glob("*.txt")):
        exp = json.loads((CORPUS / "expected" / f"{f.stem}.json").read_text())
        pub = dt.date.fromisoformat(exp["published"]) if exp.get("published") else None
        out.append((f.stem, f.read_text(encoding="utf-8"), pub, bool(exp["events"])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--stream-share", type=float, default=0.8, help="share of no-event articles in the stream")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    import eventcoder
    from eventcoder.geo.gazetteer import default_gazetteer
    from eventcoder.knowledge import prefilter_pattern
    from eventcoder.nlp import model

    warnings.simplefilter("ignore")
    t = time.perf_counter()
    default_gazetteer()
    model()
    load_s = time.perf_counter() - t
    arts = _articles()
    eventcoder.extract(arts[0][1], arts[0][2])  # warm caches

    t = time.perf_counter()
    n = 0
    for _ in range(args.repeat):
        for _, text, pub, _ in arts:
            eventcoder.extract(text, pub)
            n += 1
    corpus_s = time.perf_counter() - t

    neg = [a for a in arts if not a[3]]
    pos = [a for a in arts if a[3]]
    n_stream = len(arts) * args.repeat
    k_neg = round(n_stream * args.stream_share)
    stream = [neg[i % len(neg)] for i in range(k_neg)] + [pos[i % len(pos)] for i in range(n_stream - k_neg)]
    t = time.perf_counter()
    for _, text, pub, _ in stream:
        eventcoder.extract(text, pub)
    stream_s = time.perf_counter() - t

    from eventcoder.clean import clean
    from eventcoder.pipeline import segment

    pre = prefilter_pattern()
    total = kept = 0
    for _, text, _, _ in arts:
        sents = segment(clean(text))
        total += len(sents)
        kept += sum(1 for s in sents if pre.search(s.text))
    words = sum(len(a[1].split()) for a in arts) / len(arts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"one-off load (spaCy model + gazetteer): {load_s:.2f} s")
    print(f"corpus: {len(arts)} articles (mean {words:.0f} words) x {args.repeat}: "
          f"{n / corpus_s:.1f} articles/s, {1000 * corpus_s / n:.1f} ms/article")
    print(f"stream ({args.stream_share:.0%} without events): {len(stream) / stream_s:.1f} articles/s")
    print(f"sentences reaching the parser: {kept}/{total} ({kept / total:.0%})")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
