"""Write the pipeline's whole output on every measuring set, so a refactor can be shown to change nothing.

    python bench/snapshot.py OUTDIR [--jobs 2] [--only acled,case,news,corpus,geo,lgl,trnews]

Writes one JSON Lines file a set into OUTDIR (every event of every row, all fields, keys sorted), then
compare two snapshots with ``diff -r OLD NEW`` (or ``cmp``): a refactor must give byte-identical files.

Sets: ``../shared/eval/acled-dev.csv`` (notes, published at ACLED's timestamp), ``case2021-dev.csv``,
``general-news-dev.jsonl`` (title and text, no publication date), the hand-written corpus (tests/corpus),
the hand-written geo test set (tests/geo, ``geoparse``) and the two geoparsing corpora (``geoparse``).
Sets whose file is absent are skipped with a line saying so. Fields added later for new features (an
event's ``id``, raw-text offsets) are left out, so that snapshots taken before and after them compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = ROOT / "tests" / "corpus"
GEO = ROOT / "tests" / "geo" / "paragraphs.json"
NEW_KEYS = {"id", "raw_start", "raw_end"}


def _strip(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _strip(v) for k, v in x.items() if k not in NEW_KEYS}
    if isinstance(x, list):
        return [_strip(v) for v in x]
    return x


def _extract(args: tuple[str, str | None]) -> list[dict[str, Any]]:
    from eventcoder import extract

    text, pub = args
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extract(text, dt.date.fromisoformat(pub) if pub else None)
    return [_strip(e.to_dict()) for e in events]


def _geoparse(text: str) -> list[dict[str, Any]]:
    from eventcoder import geoparse

    return _strip(geoparse(text))


def _acled_pub(row: dict[str, str]) -> str | None:
    ts = row.get("timestamp", "")
    if ts:
        return dt.datetime.fromtimestamp(float(ts), dt.UTC).date().isoformat()
    return row.get("event_date", "")[:10] or None


def _csv(path: Path) -> list[tuple[str, str | None]]:
    import pandas as pd

    rows = pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    return [(r["notes"], _acled_pub(r)) for r in rows]


def _news(path: Path) -> list[tuple[str, str | None]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            out.append(((a.get("title") or "") + "\n\n" + a["text"], None))
    return out


def _corpus() -> list[tuple[str, str | None]]:
    out = []
    for f in sorted((CORPUS / "expected").glob("*.json")):
        exp = json.loads(f.read_text(encoding="utf-8"))
        out.append(((CORPUS / "articles" / (f.stem + ".txt")).read_text(encoding="utf-8"), exp["published"]))
    return out


def _xml(path: Path) -> list[str]:
    return [a.findtext("text") or "" for a in ET.parse(path).getroot().iter("article")]


SETS = {
    "acled": (EVAL / "acled-dev.csv", _csv, _extract),
    "case": (EVAL / "case2021-dev.csv", _csv, _extract),
    "news": (EVAL / "general-news-dev.jsonl", _news, _extract),
    "corpus": (CORPUS / "expected", lambda _p: _corpus(), _extract),
    "geo": (GEO, lambda p: [t["text"] for t in json.loads(p.read_text(encoding="utf-8"))["paragraphs"]], _geoparse),
    "lgl": (EVAL / "geo" / "lgl.xml", _xml, _geoparse),
    "trnews": (EVAL / "geo" / "tr-news.xml", _xml, _geoparse),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default=",".join(SETS))
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(a.jobs) as ex:
        for name in a.only.split(","):
            path, read, fn = SETS[name]
            if not path.exists():
                print(f"{name}: {path} absent, skipped")
                continue
            t0 = time.perf_counter()
            items = read(path)
            results = list(ex.map(fn, items, chunksize=8))
            with (a.out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                for r in results:
                    fh.write(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n")
            print(f"{name}: {len(items)} items, {sum(len(r) for r in results)} outputs, "
                  f"{time.perf_counter() - t0:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
