import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.export import ACLED_COLUMNS

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def test_csv_has_acled_columns_and_events(examples_dir):
    r = runner.invoke(app, ["extract", str(examples_dir / "kaduna_attack.txt"), "--published", "2024-05-15",
                            "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    attack = [x for x in rows if x["sub_event_type"] == "Attack"]
    assert attack and attack[0]["fatalities"] == "5" and attack[0]["event_date"] == "2024-05-14"
    assert attack[0]["country"] == "Nigeria" and attack[0]["inter1"] == "3"


def test_header_written_with_no_events(tmp_path):
    f = tmp_path / "calm.txt"
    f.write_text("The city council approved a new budget for road repairs on Monday after a long debate.")
    r = runner.invoke(app, ["extract", str(f), "--format", "csv", "--published", "2024-01-10"])
    assert r.exit_code == 0
    assert r.stdout.strip().split("\n") == [",".join(ACLED_COLUMNS)]


def test_json_carries_evidence(examples_dir):
    r = runner.invoke(app, ["extract", str(examples_dir / "kaduna_attack.txt"), "--published", "2024-05-15",
                            "--format", "json"])
    data = json.loads(r.stdout)
    ev = data[0]["evidence"]
    assert ev["trigger"]["text"] and ev["event_date"]["text"] == "on Tuesday"
    assert isinstance(ev["trigger"]["sentence"], int)
    raw = (examples_dir / "kaduna_attack.txt").read_text()
    assert raw[ev["trigger"]["raw_start"]:ev["trigger"]["raw_end"]] == ev["trigger"]["text"]
    assert data[0]["id"].startswith("ev-") and len({d["id"] for d in data}) == len(data)


def test_missing_publication_date_warns_on_stderr(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Police fired tear gas at protesters in Nairobi on Monday, witnesses said.")
    r = _run(["extract", str(f), "--format", "csv"])
    assert r.returncode == 0
    assert b"warning: no publication date given" in r.stderr
    assert b"Protest with intervention" in r.stdout


def _run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "eventcoder.cli", *args], input=stdin, capture_output=True)


def test_bad_inputs_give_one_clear_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 20)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5_000_001)
    french = tmp_path / "fr.txt"
    french.write_text("Des hommes armés ont tué cinq villageois mardi dans le nord du pays, selon la police locale. "
                      "Les assaillants sont arrivés à moto et ont incendié plusieurs maisons du village.")
    for f, msg in ((empty, "empty"), (binary, "binary"), (big, "limit"), (french, "not supported"),
                   (tmp_path / "missing.txt", "no such file")):
        p = _run(["extract", str(f)])
        assert p.returncode != 0
        err = p.stderr.decode()
        assert msg in err and "Traceback" not in err, err


def test_latin1_text_is_decoded(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Protesters gathered in Bogotá on Monday to denounce the reform, organisers said.".encode("latin-1"))
    r = runner.invoke(app, ["extract", str(f), "--published", "2024-02-07", "--format", "csv"])
    assert r.exit_code == 0
    assert "Peaceful protest" in r.stdout


def test_bad_published_date():
    p = _run(["extract", "-", "--published", "2024-13-45"], stdin=b"Gunmen killed two men.")
    assert p.returncode != 0 and b"YYYY-MM-DD" in p.stderr


def test_odd_punctuation_and_long_lines_do_not_crash():
    text = ("!!! ??? ... --- " * 500) + "\n" + ("word " * 20000)
    p = _run(["extract", "-", "--format", "csv"], stdin=text.encode())
    assert p.returncode == 0
