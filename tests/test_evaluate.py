import json
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app

FIX = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_evaluate_json_shape_and_scores(tmp_path):
    errs = tmp_path / "errors.csv"
    r = runner.invoke(app, ["evaluate", "--gold", str(FIX / "gold_small.csv"), "--json", "--errors", str(errs)])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["events"] == {"gold": 3, "predicted": 3, "matched": 3}
    assert s["sub_event_type"]["accuracy"] == 1.0
    assert s["event_type"]["weighted_f1"] == 1.0
    assert s["date_exact"] == 1.0 and s["fatalities_exact"] == 1.0
    assert s["location_25km"] == 1.0 and s["admin1"]["accuracy"] == 1.0
    assert set(s) >= {"actor1_inter", "admin1", "location_25km", "date_exact", "fatalities_exact"}
    assert errs.exists()


def test_missing_columns_is_a_clear_error():
    r = runner.invoke(app, ["evaluate", "--gold", str(FIX / "gold_missing_cols.csv"), "--json"])
    assert r.exit_code == 2
    assert "missing required column(s): event_type, sub_event_type" in r.output


def test_unknown_type_names_row_and_column(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("notes,event_type,sub_event_type\nsome text,Battles,Armed clash\nmore,Battles,Skirmish\n")
    r = runner.invoke(app, ["evaluate", "--gold", str(f)])
    assert r.exit_code == 2 and "row 3, column sub_event_type" in r.output
