"""Geoparsing accuracy on the hand-written test set tests/geo/paragraphs.json.

    PYTHONPATH=src python bench/geo_eval.py [--verbose]

Prints toponym recall (gold toponyms whose span a predicted toponym overlaps), accuracy within 161 km
over the found toponyms and over all gold toponyms, and precision of the predicted toponyms.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "tests" / "geo" / "paragraphs.json"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def score(geoparse: Any = None, path: Path = DATA, verbose: bool = False) -> dict[str, float]:
    if geoparse is None:
        from eventcoder import geoparse
    paras = json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
    gold_n = found = correct = pred_n = pred_ok = 0
    misses: list[str] = []
    for p in paras:
        preds = geoparse(p["text"])
        # this set's gold leaves adjectival uses out ("Russian troops"): a demonym reported as one is no error
        pred_n += sum(1 for q in preds if not q.get("adjectival"))
        pred_ok += sum(1 for q in preds if not q.get("adjectival") and any(
            q["start"] < g["end"] and g["start"] < q["end"] for g in p["toponyms"]))
        for g in p["toponyms"]:
            gold_n += 1
            hit = [q for q in preds if q["start"] < g["end"] and g["start"] < q["end"]]
            if not hit:
                misses.append(f"{p['id']} {g['name']}: not found")
                continue
            found += 1
            q = hit[0]
            if q["latitude"] is None:
                misses.append(f"{p['id']} {g['name']}: found, unresolved")
                continue
            d = km((g["latitude"], g["longitude"]), (q["latitude"], q["longitude"]))
            if d <= 161:
                correct += 1
            else:
                misses.append(f"{p['id']} {g['name']}: {q.get('country_code')} {q.get('admin1')} ({d:.0f} km off)")
    if verbose:
        print("\n".join(misses))
    return {"paragraphs": len(paras), "gold_toponyms": gold_n, "recall": round(found / gold_n, 4),
            "accuracy_161km": round(correct / found, 4) if found else 0.0,
            "accuracy_161km_all": round(correct / gold_n, 4),
            "precision": round(pred_ok / pred_n, 4) if pred_n else 0.0}


if __name__ == "__main__":
    res = score(verbose="--verbose" in sys.argv)
    print(json.dumps(res, indent=1))
