"""The gazetteer: admin1 areas under today's names, GeoNames dump import into a copy of it, and clear errors
for bad dumps and bad gazetteer files."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.errors import GazetteerError
from eventcoder.geo.gazetteer import Gazetteer, default_gazetteer, import_dump
from eventcoder.geoparsing import geoparse

FIX = Path(__file__).resolve().parent / "fixtures" / "geonames"
DUMPS = [FIX / "IQ.txt", FIX / "admin1CodesASCII.txt", FIX / "admin2Codes.txt", FIX / "alternateNamesV2.txt"]


@pytest.fixture
def gaz_path(tmp_path, monkeypatch):
    """A private copy of the built gazetteer; the user's cache is never written."""
    src = default_gazetteer().path
    dst = tmp_path / "gaz.sqlite"
    shutil.copyfile(src, dst)
    monkeypatch.setenv("EVENTCODER_GAZETTEER", str(dst))
    default_gazetteer.cache_clear()
    yield dst
    default_gazetteer.cache_clear()


def _names(gaz, name):
    return [(p.name, p.country_code, p.admin1, p.admin2, p.feature_code) for p, _k in gaz.lookup(name)]


def test_fixture_villages_are_not_in_the_embedded_gazetteer():
    g = default_gazetteer()
    for n in ("Qaryat Umm Khanjar", "Umm Khanjar", "Kharbat Sumaydah", "Tall Ajrash", "Tel Ajrash"):
        assert g.lookup(n) == []


def test_import_makes_villages_resolvable_with_admin2(gaz_path):
    counts = import_dump(DUMPS, gaz_path)
    assert counts["places"] == 4 and counts["admin2"] == 2 and counts["admin1"] == 1
    g = Gazetteer(gaz_path)
    assert _names(g, "Qaryat Umm Khanjar") == [("Qaryat Umm Khanjar", "IQ", "Kirkuk", "Daquq District",
                                                  "PPL")]
    assert _names(g, "Umm Khanjar")[0][3] == "Daquq District"  # an alternate name in the country file
    assert _names(g, "Tel Ajrash")[0][:4] == ("Tall Ajrash", "IQ", "Kirkuk", "Kirkuk District")
    assert g.lookup("Tariq Sumaydah") == []  # roads (feature class R) are not places
    assert g.lookup("Umm Khanjar al-Saghira") == []  # a historic name is not imported
    # the dump's admin1 spelling names the same area as the gazetteer's
    assert g.same_admin1("Kirkuk", "Muhafazat Kirkuk")
    found = geoparse("Gunmen abducted four shepherds in the village of Kharbat Sumaydah, south of Kirkuk.", g)
    hit = next(f for f in found if f["name"] == "Kharbat Sumaydah")
    assert hit["geonameid"] == 990000102 and hit["country_code"] == "IQ"
    assert abs(hit["latitude"] - 35.1826) < 1e-6


def test_import_is_rerunnable_without_duplicates(gaz_path):
    import_dump(DUMPS, gaz_path)
    con = sqlite3.connect(gaz_path)
    before = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("places", "names", "admin1", "admin2")]
    con.close()
    import_dump(DUMPS, gaz_path)
    con = sqlite3.connect(gaz_path)
    after = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("places", "names", "admin1", "admin2")]
    con.close()
    assert before == after
    assert len(Gazetteer(gaz_path).lookup("Kharbat Sumaydah")) == 1


def test_zip_country_file(gaz_path):
    counts = import_dump([FIX / "IQ.zip"], gaz_path)
    assert counts["places"] == 4
    assert _names(Gazetteer(gaz_path), "Kharbat Sumaydah")[0][:3] == ("Kharbat Sumaydah", "IQ", "Kirkuk")


@pytest.mark.parametrize("bad, message", [
    ("bad_columns.txt", "bad_columns.txt:2: not a GeoNames main-table line (5 columns, expected 19)"),
    ("bad_latitude.txt", "bad_latitude.txt:1: bad latitude"),
    ("not_a_zip.zip", "not_a_zip.zip: not a zip archive"),
    ("binary.txt", "binary.txt:1: not UTF-8 text"),
    ("missing.txt", "missing.txt: no such file"),
])
def test_bad_dump_gives_one_clear_error_and_changes_nothing(gaz_path, bad, message):
    con = sqlite3.connect(gaz_path)
    before = con.execute("SELECT count(*) FROM places").fetchone()[0]
    con.close()
    with pytest.raises(GazetteerError) as exc:
        import_dump([FIX / "IQ.txt", FIX / bad], gaz_path)
    assert message in str(exc.value)
    con = sqlite3.connect(gaz_path)
    assert con.execute("SELECT count(*) FROM places").fetchone()[0] == before  # the good file was rolled back too
    con.close()


def test_cli_import(gaz_path):
    res = CliRunner().invoke(app, ["gazetteer", "import", *map(str, DUMPS)])
    assert res.exit_code == 0, res.output
    assert "places" in res.output
    assert Gazetteer(gaz_path).lookup("Tall Ajrash")
    res = CliRunner().invoke(app, ["gazetteer", "import", str(FIX / "bad_columns.txt")])
    assert res.exit_code == 2
    assert "bad_columns.txt:2" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00 but then garbage" * 50, b"not a database at all\n"])
def test_corrupt_gazetteer_gives_one_clear_error(tmp_path, monkeypatch, content):
    bad = tmp_path / "gaz.sqlite"
    bad.write_bytes(content)
    with pytest.raises(GazetteerError, match=r"gazetteer build --force"):
        Gazetteer(bad)
    monkeypatch.setenv("EVENTCODER_GAZETTEER", str(bad))
    default_gazetteer.cache_clear()
    try:
        text = tmp_path / "a.txt"
        text.write_text("Protesters gathered in Basra on Friday.")
        res = CliRunner().invoke(app, ["geoparse", str(text), "--json"])
        assert res.exit_code == 2
        assert "corrupt" in res.output and "gazetteer build --force" in res.output
        assert "Traceback" not in res.output
        res = CliRunner().invoke(app, ["extract", str(text), "--published", "2024-05-15", "--format", "json"])
        assert res.exit_code == 2 and "gazetteer build --force" in res.output
    finally:
        default_gazetteer.cache_clear()


def test_old_schema_and_missing_gazetteer(tmp_path):
    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('schema', '1')")
    con.commit()
    con.close()
    with pytest.raises(GazetteerError, match="old schema; rebuild it with `eventcoder gazetteer build --force`"):
        Gazetteer(old)
    with pytest.raises(GazetteerError, match="missing; run `eventcoder gazetteer build`"):
        Gazetteer(tmp_path / "none.sqlite", auto_build=False)


def test_renamed_regions_take_todays_name():
    g = default_gazetteer()
    bordeaux = max((p for p, k in g.lookup("Bordeaux") if p.country_code == "FR"), key=lambda p: p.population)
    assert bordeaux.admin1 == "Nouvelle-Aquitaine"
    janakpur = max((p for p, k in g.lookup("Janakpur") if p.country_code == "NP"), key=lambda p: p.population)
    assert janakpur.admin1 == "Madhesh"


def test_referent_points_come_from_outlines_and_the_range_of_towns():
    from eventcoder.geo.gazetteer import _largest_polygon_centroid, _trimmed_middle

    square = {"type": "Polygon", "coordinates": [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]]}
    islet = {"type": "Polygon", "coordinates": [[[50, 50], [50.1, 50], [50.1, 50.1], [50, 50]]]}
    outline = {"features": [{"geometry": islet}, {"geometry": square}]}
    assert _largest_polygon_centroid(outline) == pytest.approx((1.0, 11.0))
    assert _largest_polygon_centroid({"features": []}) is None
    # one stray town far off does not move an area's middle
    assert _trimmed_middle([float(x) for x in range(100)] + [900.0]) == pytest.approx(49.5, abs=1)
