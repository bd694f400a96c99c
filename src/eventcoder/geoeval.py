"""Score ``geoparse`` end to end on a corpus of news with gold toponyms (the XML format of Gritta et al.).

``eventcoder evaluate --geo FILE.xml`` reads ``<article>`` elements with ``<text>`` and
``<toponyms><toponym><phrase/><start/><end/><gaztag geonameid=".."><lat/><lon/></gaztag></toponym>``
(offsets into ``<text>``), geoparses each text and reports, over the gold toponyms that have gold
coordinates and lie within the text:

- ``found``: the share a predicted toponym overlaps;
- ``acc_161km``: the share found and placed within 161 km of the gold point (the field's standard), and
  ``acc_161km_found``, the same over the found ones;
- ``mean_km``/``median_km`` of the error over the found ones with coordinates, and ``auc``: the area under
  the curve of log(1 + error) / log(20039) (0 is perfect, 1 is the antipode);
- the same per feature class of the gold place (country, admin1, populated place, other), read from the
  gazetteer by its GeoNames id ("unknown" where the gazetteer lacks it).

``--errors OUT`` writes every gold toponym with what was predicted (CSV).
"""

from __future__ import annotations

import csv
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFileError
from .geo.gazetteer import distance_km
from .runner import run_many

MAX_KM = 20039.0  # half the Earth's circumference


@dataclass(frozen=True)
class GoldToponym:
    phrase: str
    start: int
    end: int
    latitude: float | None
    longitude: float | None
    geonameid: int | None


@dataclass(frozen=True)
class GeoArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class GeoReport:
    scores: dict[str, Any]
    rows: list[dict[str, Any]] = field(default_factory=list)


def _num(el: ET.Element | None, tag: str) -> float | None:
    v = el.findtext(tag) if el is not None else None
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def load_geo(path: Path) -> list[GeoArticle]:
    """Read and check a gold toponym corpus: one error naming the article and field of the first bad value."""
    if not path.is_file():
        raise GoldFileError(f"{path}: no such file")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFileError(f"{path}: not a readable XML file ({exc})") from None
    out = []
    for n, a in enumerate(root.iter("article"), start=1):
        aid = a.get("docid") or a.get("file") or str(n)
        text = a.findtext("text")
        if text is None:
            raise GoldFileError(f"{path}: article {aid}: no <text>")
        tops = []
        for t in a.iter("toponym"):
            try:
                start, end = int(t.findtext("start") or ""), int(t.findtext("end") or "")
            except ValueError:
                raise GoldFileError(f"{path}: article {aid}: a toponym without numeric <start>/<end>") from None
            if not 0 <= start < end:
                raise GoldFileError(f"{path}: article {aid}: toponym offsets {start}-{end} are no span")
            tag = t.find("gaztag")
            gid = tag.get("geonameid") if tag is not None else None
            if end > len(text) or _num(tag, "lat") is None or _num(tag, "lon") is None:
                continue  # past the end of the text as distributed, or no gold point: not scored
            tops.append(GoldToponym(t.findtext("phrase") or text[start:end], start, end, _num(tag, "lat"),
                                    _num(tag, "lon"), int(gid) if gid and gid.isdigit() else None))
        out.append(GeoArticle(aid, text, tuple(tops)))
    if not out:
        raise GoldFileError(f"{path}: no <article> elements")
    return out


def _geoparse(text: str) -> list[dict[str, Any]]:
    from .geoparsing import geoparse

    return geoparse(text)


def _feature_class(code: str | None) -> str:
    if code is None:
        return "unknown"
    if code.startswith("PCL"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if code.startswith("PPL"):
        return "populated place"
    return "other"


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    found = [r for r in rows if r["found"]]
    errs = [r["error_km"] for r in found if r["error_km"] is not None]
    ok = sum(1 for e in errs if e <= 161)
    return {
        "toponyms": n,
        "found": round(len(found) / n, 4) if n else 0.0,
        "acc_161km": round(ok / n, 4) if n else 0.0,
        "acc_161km_found": round(ok / len(found), 4) if found else 0.0,
        "mean_km": round(statistics.fmean(errs), 1) if errs else None,
        "median_km": round(statistics.median(errs), 1) if errs else None,
        "auc": round(statistics.fmean(math.log1p(e) / math.log1p(MAX_KM) for e in errs), 4) if errs else None,
    }


def score_geo(arts: list[GeoArticle], preds: list[list[dict[str, Any]]], feature_of: Any = None) -> GeoReport:
    """Gold toponyms against predicted ones; ``feature_of(geonameid)`` gives a gold place's feature code."""
    rows = []
    for a, pred in zip(arts, preds, strict=True):
        for g in a.toponyms:
            hit = next((p for p in pred if p["start"] < g.end and g.start < p["end"]), None)
            err = None
            if hit is not None and hit.get("latitude") is not None and g.latitude is not None \
                    and g.longitude is not None:
                err = distance_km((g.latitude, g.longitude), (hit["latitude"], hit["longitude"]))
            code = feature_of(g.geonameid) if feature_of and g.geonameid else None
            rows.append({"article": a.id, "phrase": g.phrase, "start": g.start, "gold_lat": g.latitude,
                         "gold_lon": g.longitude, "feature_class": _feature_class(code), "found": hit is not None,
                         "predicted": hit["name"] if hit else "", "pred_lat": hit.get("latitude") if hit else None,
                         "pred_lon": hit.get("longitude") if hit else None,
                         "error_km": round(err, 1) if err is not None else None})
    scores = _summary(rows)
    scores["articles"] = len(arts)
    scores["by_feature_class"] = {c: _summary([r for r in rows if r["feature_class"] == c])
                                  for c in sorted({r["feature_class"] for r in rows})}
    return GeoReport(scores, rows)


def run_geo(path: Path, jobs: int = 1, progress: bool = False, errors_path: Path | None = None,
            limit: int | None = None) -> GeoReport:
    from .geo.gazetteer import default_gazetteer

    arts = load_geo(path)
    if limit:
        arts = arts[:limit]
    preds = run_many(_geoparse, [a.text for a in arts], jobs, progress, "geoparsing")
    report = score_geo(arts, preds, default_gazetteer().feature_code)
    if errors_path is not None:
        with errors_path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(report.rows[0]) if report.rows else ["article"])
            w.writeheader()
            w.writerows(report.rows)
    return report


def print_geo(report: GeoReport, console) -> None:  # noqa: ANN001
    from rich.table import Table

    s = report.scores
    t = Table(title=f"{s['articles']} articles, {s['toponyms']} gold toponyms")
    for c in ("feature class", "toponyms", "found", "acc@161km", "acc@161km of found", "mean km", "median km", "AUC"):
        t.add_column(c)
    for name, v in [("all", s), *s["by_feature_class"].items()]:
        t.add_row(name, str(v["toponyms"]), f"{v['found']:.3f}", f"{v['acc_161km']:.3f}", f"{v['acc_161km_found']:.3f}",
                  str(v["mean_km"]), str(v["median_km"]), str(v["auc"]))
    console.print(t)
