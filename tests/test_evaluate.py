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
    assert all(v["f1"] == 1.0 and v["support"] >= 1 for v in s["per_class"].values())  # per class, for docs tables
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


# --- full articles ----------------------------------------------------------------------------------------

def _gold(sub, date="2023-10-10", lat="3.1136", lon="43.6498"):
    from eventcoder.extract.taxonomy import SUB_EVENT_TYPES

    return {"event_type": SUB_EVENT_TYPES[sub], "sub_event_type": sub, "event_date": date, "latitude": lat,
            "longitude": lon}


def _pred(sub, date="2023-10-10", lat=3.11, lon=43.65):
    from eventcoder.extract.taxonomy import SUB_EVENT_TYPES

    return {"event_type": SUB_EVENT_TYPES[sub], "sub_event_type": sub, "event_date": date, "latitude": lat,
            "longitude": lon}


def test_match_events_one_to_one_by_type_day_and_place():
    from eventcoder.evaluate import match_events

    gold = [_gold("Armed clash"), _gold("Remote explosive/landmine/IED")]
    pred = [_pred("Remote explosive/landmine/IED"), _pred("Armed clash", date="2023-10-11"),
            _pred("Armed clash")]
    pairs = dict(match_events(gold, pred))
    # the clash of the same day is preferred to the one a day later; each prediction used once
    assert pairs == {0: 2, 1: 0}
    # two days apart, 100 km away, or another event type: no match
    assert match_events([_gold("Armed clash")], [_pred("Armed clash", date="2023-10-13")]) == []
    assert match_events([_gold("Armed clash")], [_pred("Armed clash", lat=4.0)]) == []
    assert match_events([_gold("Armed clash")], [_pred("Attack")]) == []
    # same event type, other sub-event type: matched (the sub-event type is then scored as wrong)
    assert match_events([_gold("Armed clash")], [_pred("Government regains territory")]) == [(0, 0)]
    # gold without coordinates: place not required
    assert match_events([_gold("Armed clash", lat="", lon="")], [_pred("Armed clash", lat=None, lon=None)]) == [(0, 0)]


def test_evaluate_articles_reports_event_precision_recall(tmp_path):
    import warnings

    import eventcoder
    from eventcoder.evaluate import _article_published, load_article_gold

    gold, folder = FIX / "gold_articles.csv", FIX / "articles"
    r = runner.invoke(app, ["evaluate", "--gold", str(gold), "--articles", str(folder), "--json",
                            "--errors", str(tmp_path / "e.csv")])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["articles"] == 3 and s["events"]["gold"] == 3
    # predicted counts every event of every article, the budget report's included
    rows = load_article_gold(gold, folder).to_dict("records")
    n = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in ("somalia_market.txt", "peru_protest.txt", "chile_budget.txt"):
            pub = _article_published([x for x in rows if x["article"] == name])
            n += len(eventcoder.extract((folder / name).read_text(), pub))
    assert s["events"]["predicted"] == n
    m = s["events"]["matched"]
    assert m >= 1  # the Baidoa bombing: IED, 10 October (Tuesday before publication), at Baidoa
    assert s["event_match"]["recall"] == round(m / 3, 4)
    assert s["event_match"]["precision"] == round(m / n, 4)
    assert (tmp_path / "e.csv").exists()


def test_articles_gold_errors_name_row_and_column(tmp_path):
    f = tmp_path / "g.csv"
    f.write_text("article,event_type,sub_event_type\nsomalia_market.txt,Battles,Armed clash\nnope.txt,Battles,Armed"
                 " clash\n")
    r = runner.invoke(app, ["evaluate", "--gold", str(f), "--articles", str(FIX / "articles")])
    assert r.exit_code == 2 and "row 3, column article" in r.output
    r = runner.invoke(app, ["evaluate", "--gold", str(f), "--articles", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "not a folder" in r.output
    f.write_text("article,event_type,sub_event_type,event_date\nsomalia_market.txt,Battles,Armed clash,10/11/2023\n")
    r = runner.invoke(app, ["evaluate", "--gold", str(f), "--articles", str(FIX / "articles")])
    assert r.exit_code == 2 and "row 2, column event_date" in r.output


def test_bad_number_in_gold_names_row_and_column(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("notes,event_type,sub_event_type,fatalities\nsome text,Battles,Armed clash,three\n")
    r = runner.invoke(app, ["evaluate", "--gold", str(f)])
    assert r.exit_code == 2 and "row 2, column fatalities" in r.output


def test_articles_report_for_people():
    r = runner.invoke(app, ["evaluate", "--gold", str(FIX / "gold_articles.csv"), "--articles", str(FIX / "articles")])
    assert r.exit_code == 0, r.output
    assert "3 articles; events matched one to one: precision" in r.output
    assert "sub-event types" in r.output


def test_errors_list_rows_whose_place_is_wrong_with_the_distance(tmp_path):
    gold = tmp_path / "g.csv"
    gold.write_text(
        "event_date,event_type,sub_event_type,admin1,location,latitude,longitude,notes,timestamp\n"
        "2023-03-14,Protests,Peaceful protest,Nairobi,Nairobi,-1.2833,36.8167,"
        "\"On 14 March 2023, hundreds of teachers marched in Nairobi to demand unpaid salaries.\",1679270400\n"
        "2023-03-14,Protests,Peaceful protest,Mombasa,Mombasa,-4.0435,39.6682,"
        "\"On 14 March 2023, hundreds of teachers marched in Nairobi to demand unpaid salaries.\",1679270400\n")
    errs = tmp_path / "e.csv"
    r = runner.invoke(app, ["evaluate", "--gold", str(gold), "--json", "--errors", str(errs)])
    assert r.exit_code == 0, r.output
    import csv

    rows = list(csv.DictReader(errs.open()))
    assert len(rows) == 1 and rows[0]["gold_location"] == "Mombasa"
    assert rows[0]["wrong"] == "admin1 location" and 400 < float(rows[0]["location_error_km"]) < 500
