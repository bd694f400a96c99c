"""Do two source trees code the same events? ``python bench/same_output.py OLD_SRC NEW_SRC INPUT...``

Each INPUT is a JSONL file of articles (``text``; optional ``id``, ``title``, ``published``) or a test-corpus
directory (``articles/*.txt`` with ``expected/*.json`` giving ``published``). Every article is coded with the
whole default pipeline (``code_article``, as ``eventcoder bench`` and ``extract`` do) once under each tree,
each in its own interpreter (``PYTHONPATH=TREE``), and the results are compared article by article: every
event's exported fields (``Event.to_dict``: ids, types, actors, places, dates, fatalities, evidence offsets),
the diagnostics and the sentence spans. Prints one line per difference and a summary; exits 1 if any.
``--batch``: the new tree codes the articles with ``code_articles`` (NER batched over 16 articles, as
``ingest``, the runner and ``bench`` do) instead of one ``code_article`` each.

A snapshot of the committed tree to compare against: ``git archive HEAD src | tar -x -C /tmp/old``, then
``/tmp/old/src``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CODER = r"""
import json, sys, warnings
from pathlib import Path
from eventcoder.errors import InputError
from eventcoder.model import Article
from eventcoder.pipeline import code_article

def rows(path):
    p = Path(path)
    if p.is_dir():
        for f in sorted((p / "articles").glob("*.txt")):
            exp = p / "expected" / (f.stem + ".json")
            pub = json.loads(exp.read_text(encoding="utf-8")).get("published") if exp.exists() else None
            yield {"id": f.stem, "text": f.read_text(encoding="utf-8"), "published": pub}
    else:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row.setdefault("id", f"line-{n}")
                yield row

def articles(path):
    for row in rows(path):
        pub = row.get("published") or None
        try:
            yield Article(row["text"], pub, title=row.get("title"), id=str(row["id"]))
        except InputError:
            yield Article(row["text"], None, title=row.get("title"), id=str(row["id"]))

warnings.simplefilter("ignore")
out = open(sys.argv[2], "w", encoding="utf-8")
if sys.argv[3] == "batch":
    from eventcoder.pipeline import code_articles
    results = code_articles(articles(sys.argv[1]))
else:
    results = (code_article(a) for a in articles(sys.argv[1]))
for r in results:
    out.write(json.dumps({"id": r.document.article.id, "events": [e.to_dict() for e in r.events],
                          "diagnostics": [d.to_dict() for d in r.diagnostics],
                          "sentences": [[s.index, s.start, s.end] for s in r.document.sentences]},
                         ensure_ascii=False, sort_keys=True) + "\n")
out.close()
"""


def start(tree: str, path: str, out: Path, batch: bool = False) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": tree, "OMP_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-c", CODER, path, str(out), "batch" if batch else "one"], env=env)


def read(proc: subprocess.Popen, out: Path) -> list[dict]:
    if proc.wait() != 0:
        raise SystemExit(f"coding failed (exit {proc.returncode}): {proc.args}")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def compare(old: list[dict], new: list[dict], where: str) -> int:
    bad = 0
    if [r["id"] for r in old] != [r["id"] for r in new]:
        print(f"{where}: the two runs coded different articles")
        return 1
    for a, b in zip(old, new, strict=True):
        for key in ("events", "diagnostics", "sentences"):
            if a[key] != b[key]:
                bad += 1
                print(f"{where} {a['id']}: {key} differ\n  old: {json.dumps(a[key])[:600]}\n"
                      f"  new: {json.dumps(b[key])[:600]}")
    events = sum(len(r["events"]) for r in old)
    print(f"{where}: {len(old)} articles, {events} events: {'identical' if not bad else f'{bad} differences'}")
    return bad


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    batch = "--batch" in argv
    old_tree, new_tree, *inputs = [a for a in argv if a != "--batch"]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(inputs):
            o, n = Path(tmp) / f"old{i}.jsonl", Path(tmp) / f"new{i}.jsonl"
            po, pn = start(old_tree, path, o), start(new_tree, path, n, batch)  # the two trees side by side
            bad += compare(read(po, o), read(pn, n), path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
