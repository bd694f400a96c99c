"""evaluate --geo: geoparsing scored end to end on gold toponyms in Gritta et al.'s XML format."""

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.errors import GoldFileError
from eventcoder.geoeval import GeoArticle, GoldToponym, load_geo, run_geo, score_geo

FIX = Path(__file__).parent / "fixtures" / "geo_small.xml"
runner = CliRunner()


def test_found_accuracy_and_feature_classes(tmp_path):
    out = tmp_path / "rows.csv"
    s = run_geo(FIX, errors_path=out).scores
    assert s["articles"] == 2
    assert s["toponyms"] == 6  # the toponym past the end of its text is not scored
    assert s["found"] == 1.0
    assert s["by_feature_class"]["populated place"]["acc_161km"] == 1.0
    assert s["by_feature_class"]["populated place"]["toponyms"] == 4
    assert s["by_feature_class"]["country"]["toponyms"] == 2
    assert 0 <= s["auc"] < 0.5 and s["median_km"] < 5
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 6 and {r["phrase"] for r in rows} >= {"Nairobi", "Lisbon", "Portugal"}


def test_scores_from_predictions():
    arts = [GeoArticle("a", "In Paris and in Tripoli.", (GoldToponym("Paris", 3, 8, 48.85, 2.35, 1),
                                                           GoldToponym("Tripoli", 16, 23, 32.88, 13.19, 2)))]
    preds = [[{"name": "Paris", "start": 3, "end": 8, "latitude": 48.85, "longitude": 2.35},
              {"name": "Tripoli", "start": 16, "end": 23, "latitude": 34.43, "longitude": 35.84}]]
    s = score_geo(arts, preds, {1: "PPLC", 2: "PPLA"}.get).scores
    assert s["found"] == 1.0 and s["acc_161km"] == 0.5 and s["acc_161km_found"] == 0.5
    assert s["median_km"] > 1000  # Tripoli, Lebanon for Tripoli, Libya
    none = score_geo(arts, [[]]).scores
    assert none["found"] == 0.0 and none["acc_161km"] == 0.0 and none["mean_km"] is None


def test_cli_json():
    r = runner.invoke(app, ["evaluate", "--geo", str(FIX), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["toponyms"] == 6


@pytest.mark.parametrize(("content", "message"), [
    ("<articles><article><text>x", "not a readable XML file"),
    ("<articles></articles>", "no <article> elements"),
    ("<articles><article docid='z'></article></articles>", "article z: no <text>"),
    ("<articles><article docid='y'><text>Paris</text><toponyms><toponym><start>a</start><end>5</end>"
     "</toponym></toponyms></article></articles>", "article y: a toponym without numeric"),
])
def test_bad_gold_files_give_one_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.xml"
    f.write_text(content)
    with pytest.raises(GoldFileError, match=message):
        load_geo(f)
    assert runner.invoke(app, ["evaluate", "--geo", str(f)]).exit_code == 2
