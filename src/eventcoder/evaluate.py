"""Score eventcoder against gold events in ACLED's CSV format, field by field.

Every gold row is one gold event; its ``notes`` is the text coded, published at ``timestamp`` (ACLED's
upload time) when present, else at ``event_date``. The system's main event for that text (the first
it codes) is compared with the row; a row with no event predicted counts as wrong in every field.
"""

from __future__ import annotations

import datetime as dt
import math
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFileError
from .extract.taxonomy import SUB_EVENT_TYPES

REQUIRED = ("notes", "event_type", "sub_event_type")
NONE = "(no event)"


@dataclass
class Report:
    scores: dict[str, Any]
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: list[tuple[str, str, int]] = field(default_factory=list)


def load_gold(path: Path):  # noqa: ANN201
    import pandas as pd

    if not path.exists():
        raise GoldFileError(f"{path}: no such file")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises many kinds on malformed CSV
        raise GoldFileError(f"{path}: not a readable CSV file ({exc})") from None
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise GoldFileError(f"{path}: missing required column(s): {', '.join(missing)}")
    for i, row in enumerate(df.itertuples(index=False), start=2):
        if row.sub_event_type not in SUB_EVENT_TYPES:
            raise GoldFileError(f"{path}: row {i}, column sub_event_type: unknown type {row.sub_event_type!r}")
        if SUB_EVENT_TYPES[row.sub_event_type] != row.event_type:
            raise GoldFileError(f"{path}: row {i}, column event_type: {row.event_type!r} does not match "
                                f"sub_event_type {row.sub_event_type!r}")
        if "event_date" in df.columns and row.event_date:
            try:
                dt.date.fromisoformat(row.event_date[:10])
            except ValueError:
                raise GoldFileError(f"{path}: row {i}, column event_date: bad date {row.event_date!r}") from None
    return df


def _published(row: dict[str, str]) -> dt.date | None:
    ts = row.get("timestamp", "")
    if ts:
        try:
            return dt.datetime.fromtimestamp(float(ts), dt.UTC).date()
        except (ValueError, OverflowError):
            pass
    ed = row.get("event_date", "")
    return dt.date.fromisoformat(ed[:10]) if ed else None


def _predict(args: tuple[str, dt.date | None, str | None]) -> dict[str, Any] | None:
    import warnings

    from .pipeline import extract

    text, pub, model_path = args
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extract(text, pub)
    if model_path:
        from .train import apply_model

        events = apply_model(model_path, text, events)
    if not events:
        return None
    e = events[0]
    p = e.place
    return {"event_type": e.event_type, "sub_event_type": e.sub_event_type, "inter1": e.actor1.inter,
            "admin1": p.admin1 if p else None, "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None, "event_date": e.date.date.isoformat() if e.date.date else None,
            "fatalities": e.fatalities.count, "actor1": e.actor1.name, "location": p.name if p else None}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def run(gold: Path, model_path: Path | None = None, articles: Path | None = None, jobs: int = 1,
        limit: int | None = None, progress: bool = False, errors_path: Path | None = None) -> Report:
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    from .geo.gazetteer import default_gazetteer

    if articles is not None:
        raise GoldFileError("--articles is not implemented yet")
    df = load_gold(gold)
    if limit:
        df = df.head(limit)
    rows = df.to_dict("records")
    args = [(r["notes"], _published(r), str(model_path) if model_path else None) for r in rows]
    preds: list[dict[str, Any] | None]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as ex:
            preds = list(ex.map(_predict, args, chunksize=16))
    else:
        preds = []
        if progress:
            from rich.progress import track

            it = track(args, description="evaluating")
        else:
            it = args
        preds = [_predict(a) for a in it]
    y_et = [r["event_type"] for r in rows]
    y_st = [r["sub_event_type"] for r in rows]
    p_et = [p["event_type"] if p else NONE for p in preds]
    p_st = [p["sub_event_type"] if p else NONE for p in preds]
    n = len(rows)

    def share(ok: list[bool]) -> float:
        return round(sum(ok) / len(ok), 4) if ok else 0.0

    inter_ok, admin_ok, loc_ok, date_ok, fat_ok, err_rows = [], [], [], [], [], []
    for r, p in zip(rows, preds, strict=True):
        if r.get("inter1", ""):
            inter_ok.append(bool(p) and str(p["inter1"]) == str(int(float(r["inter1"]))))
        if r.get("admin1", ""):
            admin_ok.append(bool(p) and bool(p["admin1"]) and default_gazetteer().same_admin1(p["admin1"], r["admin1"]))
        if r.get("latitude", "") and r.get("longitude", ""):
            loc_ok.append(bool(p) and p["latitude"] is not None and _km(
                (float(r["latitude"]), float(r["longitude"])), (p["latitude"], p["longitude"])) <= 25)
        if r.get("event_date", "") and "timestamp" in r:
            date_ok.append(bool(p) and p["event_date"] == r["event_date"][:10])
        if r.get("fatalities", ""):
            fat_ok.append(bool(p) and str(p["fatalities"]) == str(int(float(r["fatalities"]))))
        if p is None or p["sub_event_type"] != r["sub_event_type"]:
            err_rows.append({"notes": r["notes"], "gold_sub_event_type": r["sub_event_type"],
                             "pred_sub_event_type": p["sub_event_type"] if p else NONE,
                             "gold_actor1": r.get("actor1", ""), "pred_actor1": p["actor1"] if p else "",
                             "gold_location": r.get("location", ""), "pred_location": p["location"] if p else ""})
    scores = {
        "events": {"gold": n, "predicted": sum(1 for p in preds if p), "matched": sum(1 for p in preds if p)},
        "event_type": {"accuracy": round(accuracy_score(y_et, p_et), 4),
                       "weighted_f1": round(f1_score(y_et, p_et, average="weighted", labels=sorted(set(y_et)),
                                                     zero_division=0), 4),
                       "macro_f1": round(f1_score(y_et, p_et, average="macro", labels=sorted(set(y_et)),
                                                  zero_division=0), 4)},
        "sub_event_type": {"accuracy": round(accuracy_score(y_st, p_st), 4),
                           "weighted_f1": round(f1_score(y_st, p_st, average="weighted", labels=sorted(set(y_st)),
                                                         zero_division=0), 4),
                           "macro_f1": round(f1_score(y_st, p_st, average="macro", labels=sorted(set(y_st)),
                                                      zero_division=0), 4)},
        "actor1_inter": {"accuracy": share(inter_ok)},
        "admin1": {"accuracy": share(admin_ok)},
        "location_25km": share(loc_ok),
        "date_exact": share(date_ok),
        "fatalities_exact": share(fat_ok),
    }
    labels = sorted(set(y_st))
    pr, rc, f1, sup = precision_recall_fscore_support(y_st, p_st, labels=labels, zero_division=0)
    per_class = {lab: {"precision": round(a, 3), "recall": round(b, 3), "f1": round(c, 3), "support": int(d)}
                 for lab, a, b, c, d in zip(labels, pr, rc, f1, sup, strict=True)}
    from collections import Counter

    conf = Counter((g, p) for g, p in zip(y_st, p_st, strict=True) if g != p)
    if errors_path is not None:
        import pandas as pd

        pd.DataFrame(err_rows).to_csv(errors_path, index=False)
    return Report(scores, per_class, [(g, p, c) for (g, p), c in conf.most_common(15)])


def print_report(report: Report, console) -> None:  # noqa: ANN001
    from rich.table import Table

    s = report.scores
    console.print(f"events: gold {s['events']['gold']}, predicted {s['events']['predicted']}, "
                  f"matched {s['events']['matched']}")
    for k in ("event_type", "sub_event_type"):
        console.print(f"{k}: " + ", ".join(f"{m} {v:.3f}" for m, v in s[k].items()))
    console.print(f"actor1 inter accuracy {s['actor1_inter']['accuracy']:.3f}; admin1 accuracy "
                  f"{s['admin1']['accuracy']:.3f}; location within 25 km {s['location_25km']:.3f}; "
                  f"date exact {s['date_exact']:.3f}; fatalities exact {s['fatalities_exact']:.3f}")
    t = Table(title="sub-event types")
    for c in ("class", "precision", "recall", "f1", "support"):
        t.add_column(c)
    for lab, v in report.per_class.items():
        t.add_row(lab, f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f1']:.2f}", str(v["support"]))
    console.print(t)
    c = Table(title="most frequent confusions (gold -> predicted)")
    for col in ("gold", "predicted", "rows"):
        c.add_column(col)
    for g, p, n in report.confusion:
        c.add_row(g, p, str(n))
    console.print(c)
