"""Score eventcoder against gold events in ACLED's CSV format, field by field.

Every gold row is one gold event; its ``notes`` is the text coded, published at ``timestamp`` (ACLED's
upload time) when present, else at ``event_date``. The system's main event for that text (the first
it codes) is compared with the row; a row with no event predicted counts as wrong in every field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFileError
from .extract.taxonomy import SUB_EVENT_TYPES
from .geo.gazetteer import distance_km
from .runner import events_of, predict_rows, published_of, run_many

REQUIRED = ("notes", "event_type", "sub_event_type")
NONE = "(no event)"


@dataclass
class Report:
    scores: dict[str, Any]
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: list[tuple[str, str, int]] = field(default_factory=list)


def load_gold(path: Path, required: tuple[str, ...] = REQUIRED):  # noqa: ANN201
    """Read and check a gold CSV: one error naming the row and column of the first bad value."""
    import pandas as pd

    if not path.exists():
        raise GoldFileError(f"{path}: no such file")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises many kinds on malformed CSV
        raise GoldFileError(f"{path}: not a readable CSV file ({exc})") from None
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise GoldFileError(f"{path}: missing required column(s): {', '.join(missing)}")
    for i, row in enumerate(df.to_dict("records"), start=2):
        _check_row(path, i, row)
    return df


def _check_row(path: Path, i: int, row: dict[str, str]) -> None:
    if "article" in row and not row["event_type"] and not row["sub_event_type"]:
        return  # an article that reports no event
    if row["sub_event_type"] not in SUB_EVENT_TYPES:
        raise GoldFileError(f"{path}: row {i}, column sub_event_type: unknown type {row['sub_event_type']!r}")
    if SUB_EVENT_TYPES[row["sub_event_type"]] != row["event_type"]:
        raise GoldFileError(f"{path}: row {i}, column event_type: {row['event_type']!r} does not match "
                            f"sub_event_type {row['sub_event_type']!r}")
    for col in ("event_date", "published"):
        if row.get(col, ""):
            try:
                dt.date.fromisoformat(row[col][:10])
            except ValueError:
                raise GoldFileError(f"{path}: row {i}, column {col}: bad date {row[col]!r}") from None
    for col in ("latitude", "longitude", "fatalities", "inter1", "timestamp"):
        if row.get(col, ""):
            try:
                float(row[col])
            except ValueError:
                raise GoldFileError(f"{path}: row {i}, column {col}: not a number {row[col]!r}") from None


def run(gold: Path, model_path: Path | None = None, articles: Path | None = None, jobs: int = 1,
        limit: int | None = None, progress: bool = False, errors_path: Path | None = None) -> Report:
    if articles is not None:
        return run_articles(gold, articles, model_path=model_path, jobs=jobs, progress=progress,
                            errors_path=errors_path)
    df = load_gold(gold)
    if limit:
        df = df.head(limit)
    rows = df.to_dict("records")
    placeholder = placeholder_date(rows)
    coded = [{**r, "event_date": ""} for r in rows] if placeholder else rows
    preds = predict_rows(coded, model_path, jobs, progress)
    report = score(rows, preds, errors_path)
    if placeholder:
        report.scores["published"] = f"none: every row gives the one event_date {placeholder} (a placeholder)"
    return report


def placeholder_date(rows: list[dict[str, str]], at_least: int = 20) -> str | None:
    """The event_date every row of a file of at least ``at_least`` rows gives, when no row gives a timestamp:
    a placeholder (CASE 2021's snippets all carry 2021-01-01), not the day each report was published, so the
    rows are coded with no publication date. None for real coded data (dates differ, or timestamps given)."""
    if len(rows) < at_least or any(r.get("timestamp", "") or r.get("published", "") for r in rows):
        return None
    days = {r.get("event_date", "")[:10] for r in rows}
    return days.pop() if len(days) == 1 and "" not in days else None


def score(rows: list[dict[str, str]], preds: list[dict[str, Any] | None], errors_path: Path | None = None,
          predicted: int | None = None) -> Report:
    """Field-by-field scores of predictions against gold rows (a None prediction is wrong everywhere)."""
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    from .geo.gazetteer import default_gazetteer

    y_et = [r["event_type"] for r in rows]
    y_st = [r["sub_event_type"] for r in rows]
    p_et = [p["event_type"] if p else NONE for p in preds]
    p_st = [p["sub_event_type"] if p else NONE for p in preds]
    n = len(rows)

    def share(ok: list[bool]) -> float:
        return round(sum(ok) / len(ok), 4) if ok else 0.0

    inter_ok, admin_ok, loc_ok, date_ok, fat_ok, err_rows = [], [], [], [], [], []
    for r, p in zip(rows, preds, strict=True):
        wrong = []
        if r.get("inter1", ""):
            inter_ok.append(bool(p) and str(p["inter1"]) == str(int(float(r["inter1"]))))
        if r.get("admin1", ""):
            admin_ok.append(bool(p) and bool(p["admin1"]) and (
                default_gazetteer().same_admin1(p["admin1"], r["admin1"])
                # "Hong Kong" coded as an admin1 of China, placed in the territory's district "Wanchai"
                or default_gazetteer().territory_coded_as_admin1(r["admin1"], r.get("country", ""),
                                                                 str(p.get("country") or ""))))
            if not admin_ok[-1]:
                wrong.append("admin1")
        km = None
        if r.get("latitude", "") and r.get("longitude", ""):
            if p and p["latitude"] is not None:
                km = distance_km((float(r["latitude"]), float(r["longitude"])), (p["latitude"], p["longitude"]))
            loc_ok.append(km is not None and km <= 25)
            if not loc_ok[-1]:
                wrong.append("location")
        if r.get("event_date", "") and ("timestamp" in r or "article" in r):
            date_ok.append(bool(p) and p["event_date"] == r["event_date"][:10])
        if r.get("fatalities", ""):
            fat_ok.append(bool(p) and str(p["fatalities"]) == str(int(float(r["fatalities"]))))
        if p is None or p["sub_event_type"] != r["sub_event_type"]:
            wrong.insert(0, "sub_event_type")
        if wrong:
            err_rows.append({"notes": r.get("notes", ""), "article": r.get("article", ""),
                             "gold_sub_event_type": r["sub_event_type"],
                             "pred_sub_event_type": p["sub_event_type"] if p else NONE,
                             "gold_actor1": r.get("actor1", ""), "pred_actor1": p["actor1"] if p else "",
                             "gold_location": r.get("location", ""), "pred_location": p["location"] if p else "",
                             "wrong": " ".join(wrong), "gold_admin1": r.get("admin1", ""),
                             "pred_admin1": p["admin1"] if p else "",
                             "location_error_km": round(km, 1) if km is not None else None})

    def f1(y: list[str], p: list[str], avg: str) -> float:
        return round(f1_score(y, p, average=avg, labels=sorted(set(y)), zero_division=0), 4)

    got = sum(1 for p in preds if p)
    scores = {
        "events": {"gold": n, "predicted": got if predicted is None else predicted, "matched": got},
        "event_type": {"accuracy": round(accuracy_score(y_et, p_et), 4), "weighted_f1": f1(y_et, p_et, "weighted"),
                       "macro_f1": f1(y_et, p_et, "macro")},
        "sub_event_type": {"accuracy": round(accuracy_score(y_st, p_st), 4),
                           "weighted_f1": f1(y_st, p_st, "weighted"), "macro_f1": f1(y_st, p_st, "macro")},
        "actor1_inter": {"accuracy": share(inter_ok)},
        "admin1": {"accuracy": share(admin_ok)},
        "location_25km": share(loc_ok),
        "date_exact": share(date_ok),
        "fatalities_exact": share(fat_ok),
    }
    labels = sorted(set(y_st))
    pr, rc, f1s, sup = precision_recall_fscore_support(y_st, p_st, labels=labels, zero_division=0)
    per_class = {lab: {"precision": round(a, 3), "recall": round(b, 3), "f1": round(c, 3), "support": int(d)}
                 for lab, a, b, c, d in zip(labels, pr, rc, f1s, sup, strict=True)}
    from collections import Counter

    conf = Counter((g, p) for g, p in zip(y_st, p_st, strict=True) if g != p)
    if errors_path is not None:
        import pandas as pd

        pd.DataFrame(err_rows, columns=["notes", "article", "gold_sub_event_type", "pred_sub_event_type",
                                        "gold_actor1", "pred_actor1", "gold_location", "pred_location",
                                        "wrong", "gold_admin1", "pred_admin1",
                                        "location_error_km"]).to_csv(errors_path, index=False)
    return Report(scores, per_class, [(g, p, c) for (g, p), c in conf.most_common(15)])


# --- full articles ------------------------------------------------------------------------------------

ARTICLE_REQUIRED = ("article", "event_type", "sub_event_type")


def load_article_gold(path: Path, folder: Path):  # noqa: ANN201
    """A gold CSV whose ``article`` column names a file in ``folder``; one row per gold event."""
    if not folder.is_dir():
        raise GoldFileError(f"{folder}: not a folder of articles")
    df = load_gold(path, ARTICLE_REQUIRED)
    for i, row in enumerate(df.to_dict("records"), start=2):
        if not (folder / row["article"]).is_file():
            raise GoldFileError(f"{path}: row {i}, column article: no file {row['article']!r} in {folder}")
    return df


def _article_published(rows: list[dict[str, str]]) -> dt.date | None:
    for col in ("published", "timestamp"):
        vals = [r.get(col, "") for r in rows if r.get(col, "")]
        if vals:
            return published_of({"timestamp": vals[0]}) if col == "timestamp" else dt.date.fromisoformat(vals[0][:10])
    dates = [r["event_date"][:10] for r in rows if r.get("event_date", "")]
    return dt.date.fromisoformat(max(dates)) if dates else None


def _compatible(g: dict[str, str], p: dict[str, Any]) -> bool:
    if g["event_type"] != p["event_type"]:
        return False
    if _days(g, p) > 1:
        return False
    if g.get("latitude", "") and g.get("longitude", ""):
        if p["latitude"] is None:
            return False
        if distance_km((float(g["latitude"]), float(g["longitude"])), (p["latitude"], p["longitude"])) > 25:
            return False
    return True


def _days(g: dict[str, str], p: dict[str, Any]) -> int:
    if not (g.get("event_date", "") and p["event_date"]):
        return 0
    return abs((dt.date.fromisoformat(g["event_date"][:10]) - dt.date.fromisoformat(p["event_date"])).days)


def match_events(gold: list[dict[str, str]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): same event type, dates within one day, places
    within 25 km; among compatible pairs, those agreeing on the sub-event type and day are preferred."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not gold or not pred:
        return []
    cost = np.full((len(gold), len(pred)), 10.0)
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if _compatible(g, p):
                cost[i, j] = (0.0 if g["sub_event_type"] == p["sub_event_type"] else 1.0) + 0.1 * _days(g, p)
    gi, pj = linear_sum_assignment(cost)
    return [(int(i), int(j)) for i, j in zip(gi, pj, strict=True) if cost[i, j] < 10.0]


def run_articles(gold: Path, folder: Path, model_path: Path | None = None, jobs: int = 1, progress: bool = False,
                 errors_path: Path | None = None) -> Report:
    """Score whole articles: predicted and gold events matched one to one, then events' precision,
    recall and F1 beside the field scores (over gold events; an unmatched one is wrong everywhere)."""
    from .ingest import read_article

    df = load_article_gold(gold, folder)
    rows = df.to_dict("records")
    by_article: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    names = sorted(by_article)
    if model_path is not None:
        from .classifier import load_model

        load_model(model_path)
    args = [(read_article(folder / n).body, _article_published(by_article[n]), str(model_path) if model_path else None)
            for n in names]
    found = run_many(events_of, args, jobs, progress, "evaluating articles")
    gold_rows: list[dict[str, str]] = []
    aligned: list[dict[str, Any] | None] = []
    n_pred = 0
    for n, preds in zip(names, found, strict=True):
        g = [r for r in by_article[n] if r["sub_event_type"]]  # a row with empty types: article with no event
        pairs = dict(match_events(g, preds))
        n_pred += len(preds)
        gold_rows.extend(g)
        aligned.extend(preds[pairs[i]] if i in pairs else None for i in range(len(g)))
    report = score(gold_rows, aligned, errors_path, predicted=n_pred)
    tp = report.scores["events"]["matched"]
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / len(gold_rows) if gold_rows else 0.0
    report.scores["articles"] = len(names)
    report.scores["event_match"] = {"precision": round(prec, 4), "recall": round(rec, 4),
                                    "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}
    return report


def print_report(report: Report, console) -> None:  # noqa: ANN001
    from rich.table import Table

    s = report.scores
    console.print(f"events: gold {s['events']['gold']}, predicted {s['events']['predicted']}, "
                  f"matched {s['events']['matched']}")
    if "published" in s:
        console.print(f"publication date: {s['published']}")
    if "event_match" in s:
        m = s["event_match"]
        console.print(f"{s['articles']} articles; events matched one to one: precision {m['precision']:.3f}, "
                      f"recall {m['recall']:.3f}, F1 {m['f1']:.3f}")
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
