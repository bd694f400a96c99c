"""evaluate --stream: the share of a news stream given an event, by topic, with the events written out."""

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.errors import GoldFileError
from eventcoder.stream import load_stream, run_stream

FIX = Path(__file__).parent / "fixtures" / "stream_small.jsonl"
runner = CliRunner()


def test_stream_scores_by_topic_and_writes_events(tmp_path):
    out = tmp_path / "events.csv"
    rep = run_stream(FIX, errors_path=out)
    s = rep.scores
    assert s["articles"] == 6
    assert s["by_topic"]["conflict"] == {"articles": 2, "with_event": 2, "share_with_event": 1.0}
    for topic in ("business", "tech", "entertainment"):
        assert s["by_topic"][topic]["with_event"] == 0
    assert s["with_event"] == sum(t["with_event"] for t in s["by_topic"].values())
    assert s["events_per_100_articles"] == round(100 * s["events"] / 6, 2)
    assert {"sub_event_type": "Attack", "trigger": "killed", "events": 1} in s["top_triggers"]
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == s["events"]
    zamfara = next(r for r in rows if r["article"] == "s4")
    assert zamfara["sub_event_type"] == "Attack" and "Kurya village" in zamfara["sentence"]
    assert zamfara["country"] == "Nigeria"


def test_stream_cli_json(tmp_path):
    r = runner.invoke(app, ["evaluate", "--stream", str(FIX), "--json", "--published", "2024-02-07"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["articles"] == 6 and s["by_topic"]["conflict"]["with_event"] == 2


def test_stream_title_is_coded_with_the_text_and_published_is_read():
    arts = load_stream(FIX)
    assert arts[3].text.startswith("Gunmen kill villagers in Zamfara\n\nGunmen killed nine")
    assert arts[3].published.isoformat() == "2024-02-07" and arts[0].published is None


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": 1, "text": "ok"}\nnot json\n', "line 2: not a JSON object"),
    ('{"id": 1}\n', "line 1, key text: missing or empty"),
    ('["a list"]\n', "line 1: not a JSON object"),
    ('{"text": "A report.", "published": "last week"}\n', "key published: bad date"),
    ("\n\n", "no articles"),
])
def test_bad_stream_files_give_one_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.jsonl"
    f.write_text(content)
    with pytest.raises(GoldFileError, match=message):
        load_stream(f)
    r = runner.invoke(app, ["evaluate", "--stream", str(f)])
    assert r.exit_code == 2 and message.split(":")[0] in r.output


def test_evaluate_needs_exactly_one_of_gold_or_stream():
    r = runner.invoke(app, ["evaluate"])
    assert r.exit_code != 0 and "--gold" in r.output and "--stream" in r.output
