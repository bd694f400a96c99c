"""Does the language check of two source trees decide the same? ``python bench/same_language.py OLD_SRC NEW_SRC
INPUT...``

Each INPUT is a JSONL file (``text``), a CSV file (its ``notes`` or ``text`` column), a directory (every ``*.txt``
under it) or a text file. Every text goes through ``eventcoder.ingest.check_language`` under each tree, each in
its own interpreter (``PYTHONPATH=TREE``); the decisions (passed, or the error message) are compared text by
text. Also prints how many texts the new tree passed without langdetect (``plainly_english``, where it has it).
Exits 1 on any difference.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKER = r"""
import json, sys
from eventcoder.errors import UnsupportedLanguageError
from eventcoder import ingest
texts = json.load(open(sys.argv[1], encoding="utf-8"))
fast = 0
out = []
for name, text in texts:
    try:
        ingest.check_language(text, "t")
        out.append("passed")
    except UnsupportedLanguageError as exc:
        out.append(str(exc))
    if hasattr(ingest, "plainly_english"):
        s = text[:3000]
        letters = sum(c.isalpha() for c in s)
        fast += letters >= 20 and ingest.plainly_english(s, letters, sum(c.isascii() for c in s if c.isalpha()))
json.dump({"decisions": out, "fast": fast}, open(sys.argv[2], "w", encoding="utf-8"))
"""


def texts(path: Path) -> list[tuple[str, str]]:
    if path.is_dir():
        return [(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in sorted(path.rglob("*.txt"))]
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(f"{path}:{n}", r["text"]) for n, r in enumerate(rows, 1) if isinstance(r.get("text"), str)]
    if path.suffix == ".csv":
        csv.field_size_limit(10**8)
        with path.open(encoding="utf-8", newline="") as fh:
            return [(f"{path}:{n}", r.get("notes") or r.get("text") or "") for n, r in enumerate(csv.DictReader(fh), 2)]
    return [(str(path), path.read_text(encoding="utf-8", errors="replace"))]


def decide(tree: str, items: list[tuple[str, str]]) -> dict:
    with tempfile.TemporaryDirectory() as d:
        src, out = Path(d) / "in.json", Path(d) / "out.json"
        src.write_text(json.dumps(items), encoding="utf-8")
        subprocess.run([sys.executable, "-c", CHECKER, str(src), str(out)], check=True,
                       env={**os.environ, "PYTHONPATH": tree})
        return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    old_tree, new_tree, *inputs = argv
    failed = False
    for inp in inputs:
        items = texts(Path(inp))
        old, new = decide(old_tree, items), decide(new_tree, items)
        diff = [(name, a, b) for (name, _), a, b in zip(items, old["decisions"], new["decisions"], strict=True)
                if a != b]
        for name, a, b in diff:
            print(f"{name}: before {a!r}, after {b!r}")
        refused = sum(d != "passed" for d in old["decisions"])
        print(f"{inp}: {len(items)} texts, {refused} refused, {new['fast']} passed without langdetect: "
              + ("identical" if not diff else f"{len(diff)} differ"))
        failed |= bool(diff)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
