"""`eventcoder train` and `--model`: a user's coding learned, saved with skops, combined with the rules."""

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app
from eventcoder.errors import ModelFileError
from eventcoder.extract.classify import Classification
from eventcoder.train import TrainedModel, load_model

FIX = Path(__file__).parent / "fixtures"
runner = CliRunner()


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("m") / "user.skops"
    r = runner.invoke(app, ["train", "--gold", str(FIX / "train_small.csv"), "--out", str(out), "--json"])
    assert r.exit_code == 0, r.output
    info = json.loads(r.stdout)
    assert info["trained_on"] == 42 and info["classes"] == 3
    return out


def test_model_learns_the_users_coding(model_path):
    # this user codes traders shuttering their shops as a peaceful protest (a shutdown strike)
    text = "On 9 May 2023, traders in Tamale shuttered their shops over the rising price of fuel."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = eventcoder.extract(text, dt.date(2023, 5, 12), classifier=load_model(model_path))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
    assert events[0].event_type == "Protests"
    assert events[0].actor1.name == "Protesters (Ghana)"
    assert events[0].date.date == dt.date(2023, 5, 9)


def test_extract_and_evaluate_take_a_model(model_path, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("On 9 May 2023, shopkeepers in Kisumu shuttered their stores over new county levies.\n")
    r = runner.invoke(app, ["extract", str(art), "--published", "2023-05-12", "--format", "csv",
                            "--model", str(model_path)])
    assert r.exit_code == 0, r.output
    assert "Peaceful protest" in r.stdout
    r = runner.invoke(app, ["evaluate", "--gold", str(FIX / "gold_small.csv"), "--model", str(model_path), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["events"]["gold"] == 3


def test_combination_of_rules_and_model():
    class Stub:
        """A model that answers by the rules' token: trusts their Attack, not their Armed clash."""

        classes_ = ["Armed clash", "Attack", "Peaceful protest"]
        seen: list = []

        def predict_proba(self, texts):
            import numpy as np

            out = []
            for t in texts:
                self.seen.append(t)
                if t.endswith("zzruleAttack"):
                    out.append([0.1, 0.6, 0.3])
                elif t.endswith("zzruleArmedclash"):
                    out.append([0.3, 0.7, 0.0])
                else:
                    out.append([0.0, 0.0, 1.0] if "march" in t else [0.2, 0.5, 0.3])
            return np.array(out)

    m = TrainedModel(Stub(), new_threshold=0.6, override_threshold=0.5)
    rule = Classification("Attack", 5, 11, 0.8)
    assert m.combine("x" * 40, rule, ("Peaceful protest", 0.7)) is rule
    # the model, seeing the rules said Armed clash, prefers Attack (0.7): it wins, the trigger is kept
    c = m.combine("x" * 40, Classification("Armed clash", 5, 11, 0.8), ("Attack", 0.5))
    assert (c.sub_event_type, c.trigger_start, c.trigger_end) == ("Attack", 5, 11)
    # the model reads the paragraph, with the rules' answer, where one is given
    m.combine("they fired", Classification("Armed clash", 5, 11, 0.8), ("Attack", 0.5), context="In X. they fired")
    assert Stub.seen[-1] == "In X. they fired zzruleArmedclash"
    # no rule: the model codes the sentence only when sure enough
    judged = m.judge(["they shot him", "a march"])
    assert judged == [("Attack", 0.5), ("Peaceful protest", 1.0)]
    assert m.combine("they shot him", None, judged[0]) is None and not m.wants(judged[0])
    assert m.combine("a march", None, judged[1]).sub_event_type == "Peaceful protest"


def test_cross_validation_reports_scores(tmp_path):
    r = runner.invoke(app, ["train", "--gold", str(FIX / "train_small.csv"), "--out", str(tmp_path / "m.skops"),
                            "--cv", "3", "--json"])
    assert r.exit_code == 0, r.output
    cv = json.loads(r.stdout)["cross_validated"]
    assert cv["events"]["gold"] == 42
    assert cv["sub_event_type"]["weighted_f1"] >= 0.8


def test_bad_model_files_give_clear_errors(tmp_path):
    not_zip = tmp_path / "m.skops"
    not_zip.write_text("hello")
    with pytest.raises(ModelFileError, match="not an eventcoder model file"):
        load_model(not_zip)
    import skops.io as sio
    from sklearn.linear_model import LogisticRegression

    other = tmp_path / "other.skops"
    sio.dump({"format": "someone-else", "pipeline": LogisticRegression()}, other)
    with pytest.raises(ModelFileError, match="another kind"):
        load_model(other)
    old = tmp_path / "old.skops"
    sio.dump({"format": "eventcoder-model", "version": 99}, old)
    with pytest.raises(ModelFileError, match="version 99"):
        load_model(old)
    with pytest.raises(ModelFileError, match="no such model file"):
        load_model(tmp_path / "missing.skops")
    r = runner.invoke(app, ["evaluate", "--gold", str(FIX / "gold_small.csv"), "--model", str(old)])
    assert r.exit_code == 2 and "retrain it" in r.output and "Traceback" not in r.output


def test_training_needs_enough_rows(tmp_path):
    f = tmp_path / "g.csv"
    f.write_text("notes,event_type,sub_event_type\nOn 1 May 2023, police arrested a man in Kano.,"
                 "Strategic developments,Arrests\n")
    r = runner.invoke(app, ["train", "--gold", str(f), "--out", str(tmp_path / "m.skops")])
    assert r.exit_code == 2 and "at least 10" in r.output
    assert not (tmp_path / "m.skops").exists()
