"""Markdown tables for docs/accuracy.md from `eventcoder evaluate --json` outputs of both halves.

usage: python bench/accuracy_tables.py DIR   (DIR holds acled.tune.json, acled.check.json, case.tune.json,
case.check.json, news.tune.json, news.check.json, as /work/evalall.sh-style runs write them)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _load(d: Path, name: str) -> dict | None:
    p = d / name
    return json.loads(p.read_text()) if p.exists() else None


def summary(d: Path) -> str:
    rows = []
    for corpus in ("acled", "case"):
        t, c = _load(d, f"{corpus}.tune.json"), _load(d, f"{corpus}.check.json")
        if not (t and c):
            continue
        def v(j: dict, key: str) -> str:
            if key == "matched":
                return f"{j['events']['matched'] / j['events']['gold']:.3f}"
            if key in ("event_type", "actor1_inter", "admin1"):
                return f"{j[key]['accuracy']:.3f}" if j.get(key) else "n/a"
            if key in ("weighted_f1", "macro_f1"):
                return f"{j['sub_event_type'][key]:.3f}"
            return f"{j[key]:.3f}" if isinstance(j.get(key), float) else "n/a"
        for key, label in (("matched", "given an event"), ("event_type", "event_type accuracy"),
                           ("weighted_f1", "sub_event_type weighted F1"), ("macro_f1", "sub_event_type macro F1"),
                           ("actor1_inter", "actor1 inter accuracy"), ("admin1", "admin1 accuracy"),
                           ("location_25km", "location within 25 km"), ("date_exact", "date exact"),
                           ("fatalities_exact", "fatalities exact")):
            if corpus == "case" and key in ("actor1_inter", "admin1", "location_25km", "date_exact",
                                            "fatalities_exact"):
                continue
            rows.append(f"| {corpus} | {label} | {v(t, key)} | {v(c, key)} |")
    for h in ("tune", "check"):
        n = _load(d, f"news.{h}.json")
        if n:
            topics = ", ".join(f"{k} {v['share_with_event']:.3f}" for k, v in n["by_topic"].items())
            rows.append(f"| general news | articles given an event ({h}) | {n['share_with_event']:.3f} | {topics} |")
    return "| file | measure | tune | check |\n|---|---|---|---|\n" + "\n".join(rows)


def per_class(d: Path, corpus: str) -> str:
    t, c = _load(d, f"{corpus}.tune.json"), _load(d, f"{corpus}.check.json")
    if not (t and c and t.get("per_class") and c.get("per_class")):
        return ""
    labels = sorted(set(t["per_class"]) | set(c["per_class"]))
    out = ["| sub-event type | tune P | tune R | tune F1 | n | check P | check R | check F1 | n |",
           "|---|---|---|---|---|---|---|---|---|"]
    for lab in labels:
        cells = []
        for j in (t, c):
            x = j["per_class"].get(lab)
            cells += ([f"{x['precision']:.2f}", f"{x['recall']:.2f}", f"{x['f1']:.2f}", str(x["support"])]
                      if x else ["", "", "", "0"])
        out.append(f"| {lab} | " + " | ".join(cells) + " |")
    return "\n".join(out)


if __name__ == "__main__":
    d = Path(sys.argv[1])
    print(summary(d))
    for corpus in ("case", "acled"):
        print(f"\n### Per class: {corpus} (tune / check halves)\n")
        print(per_class(d, corpus))
