"""``eventcoder geoparse FILE --json`` and ``eventcoder.geoparse(text)``: toponyms with offsets into the input."""

import json

from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app

KEYS = {"name", "start", "end", "latitude", "longitude", "geonameid", "feature_code", "country_code", "admin1",
        "geo_precision"}

ARTICLE = (
    "Bombs hit Mosul and Kirkuk as militants regroup\n"
    "\n"
    "KIRKUK, Iraq (Reuters) - A bomb exploded in Daquq, south of Kirkuk, on Monday, killing two people.\n"
    "\n"
    "Gunmen attacked a checkpoint near Tikrit in Salahuddin province, police said.\n"
    "\n"
    "A bomb exploded in Daquq, south of Kirkuk, on Monday, killing two people.\n"
)


def _check_offsets(text, found):
    assert found
    for f in found:
        assert set(f) == KEYS
        assert text[f["start"]:f["end"]] == f["name"], f
    starts = [f["start"] for f in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_api_resolves_with_offsets():
    text = "Protesters gathered in Basra on Friday, and a rally was held in Najaf."
    found = eventcoder.geoparse(text)
    _check_offsets(text, found)
    by = {f["name"]: f for f in found}
    assert by["Basra"]["country_code"] == "IQ" and abs(by["Basra"]["latitude"] - 30.5) < 0.3
    assert by["Najaf"]["country_code"] == "IQ"
    assert by["Basra"]["start"] == text.index("Basra")
    assert by["Basra"]["geo_precision"] == 1


def test_api_offsets_with_headline_dateline_and_repeats():
    found = eventcoder.geoparse(ARTICLE)
    _check_offsets(ARTICLE, found)
    starts = {f["start"] for f in found}
    # the headline, the dateline, the body and the repeated paragraph each at their own offsets
    assert ARTICLE.index("Mosul") in starts
    assert ARTICLE.index("KIRKUK") in starts
    first = ARTICLE.index("Daquq")
    assert first in starts and ARTICLE.index("Daquq", first + 1) in starts
    daquq = [f for f in found if f["name"] == "Daquq"]
    assert all(f["admin1"] == "Kirkuk" and abs(f["latitude"] - 35.14) < 0.2 for f in daquq)
    salah = next(f for f in found if f["name"] == "Salahuddin")
    assert salah["geo_precision"] == 3 and salah["feature_code"] == "ADM1"


def test_api_unicode_and_crlf_offsets():
    text = "Réfugiés — «Goma»\r\n\r\nM23 rebels shelled Goma, the capital of North Kivu, on Sunday.\r\n"
    found = eventcoder.geoparse(text)
    _check_offsets(text, found)
    assert any(f["name"] == "Goma" and f["country_code"] == "CD" for f in found)


def test_cli_geoparse_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode("utf-8"))
    res = CliRunner().invoke(app, ["geoparse", str(f), "--json"])
    assert res.exit_code == 0, res.output
    found = json.loads(res.stdout)
    _check_offsets(ARTICLE, found)
    assert [f["name"] for f in found] == [f["name"] for f in eventcoder.geoparse(ARTICLE)]


def test_cli_geoparse_missing_file(tmp_path):
    res = CliRunner().invoke(app, ["geoparse", str(tmp_path / "nope.txt"), "--json"])
    assert res.exit_code != 0
    assert "no such file" in res.output
