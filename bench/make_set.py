"""Build the shipped bench set from its hand-written sources: ``python bench/make_set.py``.

Sources are bench/set/*.txt, one article a block::

    ## ID | TOPIC | PUBLISHED | EVENT
    Headline
    Body paragraphs (a dateline where the wire gives one) ...

EVENT is ``true`` where the article reports a conflict event (attack, protest, clash, arrest, air strike...).
Writes src/eventcoder/data/bench/bench_set.jsonl (id, title, text, topic, published, event), one object a line.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "bench" / "set"
OUT = ROOT / "src" / "eventcoder" / "data" / "bench" / "bench_set.jsonl"
HEAD = re.compile(r"^## (\S+) \| (\w+) \| (\d{4}-\d{2}-\d{2}) \| (true|false)$")


def parse(text: str, where: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for block in re.split(r"^(?=## )", text, flags=re.M):
        block = block.strip()
        if not block:
            continue
        head, _, rest = block.partition("\n")
        m = HEAD.match(head)
        if not m:
            sys.exit(f"{where}: bad header {head!r}")
        title, _, body = rest.strip().partition("\n")
        body = re.sub(r"\n{3,}", "\n\n", body.strip())
        if not title or not body:
            sys.exit(f"{where}: {m[1]} has no title or body")
        out.append({"id": m[1], "title": title.strip(), "text": body, "topic": m[2], "published": m[3],
                    "event": m[4] == "true"})
    return out


def main() -> None:
    rows = [r for f in sorted(SOURCES.glob("*.txt")) for r in parse(f.read_text(encoding="utf-8"), f.name)]
    ids = [r["id"] for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"duplicate ids: {sorted(dup)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    words = [len(str(r["text"]).split()) for r in rows]
    print(f"{len(rows)} articles ({sum(bool(r['event']) for r in rows)} with events), "
          f"{min(words)}-{max(words)} words, mean {sum(words) / len(words):.0f}: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
