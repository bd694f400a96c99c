"""`eventcoder ingest --dask`: a 2-worker LocalCluster on 127.0.0.1 codes what a single process codes, the
client writes it in the same order (events, ids and sources exactly equal), a second run stores nothing, and
bad addresses, differing workers, failing tasks and dying workers give clear reasons."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import dask
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from eventcoder import dask_runner
from eventcoder.batch import IngestSummary, ingest
from eventcoder.cli import app
from eventcoder.dask_runner import DaskCoder, DaskError, WorkerEnv, code_batch, connect, local_cluster
from eventcoder.export import ACLED_COLUMNS
from eventcoder.files import iter_items
from eventcoder.model import EventRecord
from eventcoder.store import Versions, open_store

PUBLISHED = "2025-03-14"

ARTICLES = {
    "somalia_base.txt": (
        "BAIDOA, Somalia (Horn Wire) - Al-Shabaab fighters attacked a Somali army base near Baidoa on Tuesday, "
        "killing five soldiers, a military officer said. The militants fired mortars before storming the base, "
        "and the fighting lasted about two hours before government troops pushed them back, residents said."),
    "bogota_march.txt": (
        "BOGOTA, Colombia - Thousands of teachers marched through central Bogota on Wednesday to protest against "
        "a planned pension reform, blocking traffic on the Seventh Avenue for several hours. The march ended "
        "peacefully outside the Congress building, where union leaders handed a petition to lawmakers."),
    "sagaing_airstrike.txt": (
        "YANGON, Myanmar - A military airstrike on a village in the Sagaing region killed at least 12 civilians, "
        "including four children, on Monday, local residents and a resistance group said. The junta's jets "
        "bombed the village of Pazigyi at midday while people were gathered at a school ceremony."),
    "kaduna_abduction.txt": (
        "KADUNA, Nigeria - Gunmen abducted 20 students from a secondary school in Kaduna State on Thursday "
        "night, police said. The attackers arrived on motorcycles, overpowered the school's guards and led the "
        "students into the nearby forest. Security forces have launched a search operation, a spokesman said."),
    "quetta_bomb.txt": (
        "QUETTA, Pakistan - A roadside bomb exploded next to a police van in Quetta, the capital of Balochistan "
        "province, on Friday, killing three policemen and wounding six other people, officials said. No group "
        "immediately claimed responsibility for the blast."),
    "nairobi_rates.txt": (
        "NAIROBI, Kenya - The Central Bank of Kenya cut its benchmark lending rate by a quarter of a point on "
        "Tuesday, saying inflation had eased to its lowest level in two years. Economists had expected the move, "
        "which the bank said would support lending to small businesses and farmers."),
    "derby_report.txt": (
        "MANCHESTER, England - A late header from the captain gave the home side a 2-1 win in the derby on "
        "Sunday, lifting them to third place in the table. The visitors had led at half-time after a "
        "well-worked free kick, but tired badly in the final twenty minutes, their coach admitted."),
    "peru_frog.txt": (
        "LIMA, Peru - Scientists have described a new species of tree frog from the cloud forests of the "
        "Amazonas region, the country's environment ministry said on Monday. The bright green frog, about two "
        "centimetres long, was found during a survey of a protected area near the border with Ecuador."),
    "madrid_es.txt": (
        "MADRID - El Gobierno aprobó este martes un nuevo plan de vivienda que prevé construir cien mil pisos "
        "de alquiler asequible en los próximos cinco años, según anunció la ministra en una rueda de prensa. "
        "Las comunidades autónomas tendrán que aportar el suelo necesario para las nuevas promociones."),
    "empty.txt": "   \n",
}
WIRE_LINES = [
    {"url": "https://wire.example.net/kharkiv-shelling", "source": "Steppe Wire", "published": "2025-03-12",
     "text": "KHARKIV, Ukraine - Russian forces shelled a residential district of Kharkiv on Tuesday, killing two "
             "civilians and damaging a hospital, the regional governor said on Telegram."},
    "{not json",
    # the same text as somalia_base.txt: a duplicate, whatever its file
    {"source": "Horn Wire", "text": ARTICLES["somalia_base.txt"]},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("dask_corpus")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(x) if isinstance(x, dict) else x for x in WIRE_LINES]
    (d / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # a worker that dies fails its task at once (no retry), and each worker runs one task at a time, so the
    # dying-worker test is exact and quick
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        c = local_cluster(2)  # processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    assert c.scheduler_address.startswith("tcp://127.0.0.1:")
    try:
        yield c
    finally:
        c.close()


def coder(cluster: LocalCluster, **kw) -> DaskCoder:  # noqa: ANN003
    return DaskCoder(Client(cluster, set_as_default=False), batch=kw.pop("batch", 2), **kw)


def items(corpus: Path):  # noqa: ANN201
    import datetime as dt

    return iter_items([str(corpus)], dt.date.fromisoformat(PUBLISHED))


def stored(db: Path) -> list[tuple]:
    """Every stored event as the exports read it: each ACLED column (the insert time left out), ids,
    evidence, sources."""
    with open_store(str(db)) as s:
        recs: list[EventRecord] = s.events()
    return [({k: r.acled[k] for k in ACLED_COLUMNS if k != "timestamp"}, r.id, r.geonameid, r.evidence,
             r.sources) for r in recs]


@pytest.fixture(scope="module")
def single(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestSummary, list[str]]:
    db = tmp_path_factory.mktemp("single") / "single.db"
    seen: list[str] = []
    with open_store(str(db)) as s:
        summary = ingest(s, items(corpus), on_item=lambda item, status, _s: seen.append(f"{item.name} {status}"))
    return db, summary, seen


def test_dask_ingest_equals_single_process(cluster: LocalCluster, single, corpus: Path, tmp_path: Path) -> None:  # noqa: ANN001
    single_db, single_summary, single_seen = single
    db = tmp_path / "dask.db"
    seen: list[str] = []
    with open_store(str(db)) as s, coder(cluster) as c:
        summary = ingest(s, items(corpus), on_item=lambda item, status, _s: seen.append(f"{item.name} {status}"),
                         coder=c)
        workers = c.client.run(os.getpid)
    assert len(workers) == 2

    # what the single process did, and that it is worth comparing: events of several kinds, and failures
    assert single_summary.read == 13 and single_summary.stored == 9 and single_summary.duplicates == 1
    reasons = dict(single_summary.failed)
    assert set(reasons) == {str(corpus / "empty.txt"), str(corpus / "madrid_es.txt"), f"{corpus / 'wire.jsonl'}:2"}
    assert "file is empty" in reasons[str(corpus / "empty.txt")]
    assert "not English" in reasons[str(corpus / "madrid_es.txt")]  # the language check, run on the workers
    assert "not a JSON object" in reasons[f"{corpus / 'wire.jsonl'}:2"]
    events = stored(single_db)
    assert single_summary.events == len(events) >= 5
    assert {"Air/drone strike", "Abduction/forced disappearance", "Peaceful protest"} <= \
        {e[0]["sub_event_type"] for e in events}

    # the Dask run: the same summary, reported in the same order, and exactly the same store
    assert summary == single_summary
    assert seen == single_seen
    assert stored(db) == events
    with open_store(str(db)) as a, open_store(str(single_db)) as b:
        assert a.counts() == b.counts()

    # again: everything is a duplicate (or fails as before), nothing new is stored
    with open_store(str(db)) as s, coder(cluster) as c:
        before = s.counts()
        again = ingest(s, items(corpus), coder=c)
        assert s.counts() == before
    assert again.stored == again.replaced == again.events == 0
    assert again.duplicates == 10 and again.failed == single_summary.failed
    assert stored(db) == events


def test_cli_dask_local(corpus: Path, tmp_path: Path, single) -> None:  # noqa: ANN001
    db = tmp_path / "cli.db"
    r = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--published", PUBLISHED,
                                 "--dask", "local", "--dask-workers", "2"])
    assert r.exit_code == 1, r.output  # some files failed
    line = next(x for x in r.stdout.splitlines() if x.startswith("articles read"))
    assert line == ("articles read: 13; stored: 9; replaced: 0; skipped as duplicates: 1; failed: 3; "
                    f"events stored: {single[1].events}")
    assert f"{corpus / 'madrid_es.txt'}: text is in language 'es', not English" in r.stdout
    assert stored(db) == stored(single[0])


def test_connect_to_a_running_scheduler(cluster: LocalCluster, corpus: Path, tmp_path: Path, single) -> None:  # noqa: ANN001
    with connect(cluster.scheduler_address, timeout=10) as c, open_store(str(tmp_path / "tcp.db")) as s:
        assert sum(c.client.nthreads().values()) == 2
        summary = ingest(s, items(corpus), coder=c)
    assert summary == single[1]
    assert stored(tmp_path / "tcp.db") == stored(single[0])


def test_scheduler_without_workers() -> None:
    empty = LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None)
    try:
        with pytest.raises(DaskError, match="the scheduler has no worker"):
            connect(empty.scheduler_address, timeout=1)
    finally:
        empty.close()


def test_bad_scheduler_address(tmp_path: Path) -> None:
    with pytest.raises(DaskError, match=r"tcp://127\.0\.0\.1:1: cannot connect to the Dask scheduler"):
        connect("tcp://127.0.0.1:1", timeout=2)
    with pytest.raises(DaskError, match="neither 'local' nor a scheduler address"):
        connect("localhost")
    with pytest.raises(DaskError, match="--dask-workers: only with --dask local"):
        connect("tcp://127.0.0.1:1", workers=2)
    r = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--dask", "lcoal"])
    assert r.exit_code == 2 and "neither 'local' nor a scheduler address" in r.output
    r = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--dask-workers", "2"])
    assert r.exit_code == 2 and "--dask-workers: only with --dask local" in r.output
    r = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--dask", "local",
                                 "--jobs", "2"])
    assert r.exit_code == 2 and "--jobs: not with --dask" in r.output
    r = CliRunner().invoke(app, ["ingest", "--feed", "http://127.0.0.1:9/feed.xml", "--db", str(tmp_path / "y.db"),
                                 "--dask", "local"])
    assert r.exit_code == 2 and "--dask codes files and directories" in r.output
    assert not (tmp_path / "y.db").exists()  # refused before the store is opened


def test_workers_that_differ_are_refused(cluster: LocalCluster, corpus: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real = dask_runner.client_env()
    other = WorkerEnv(Versions("0.0.9", "feedfacefeedface", real.versions.gazetteer), real.gazetteer_places)
    monkeypatch.setattr(dask_runner, "client_env", lambda: other)
    own = re.escape(f"eventcoder {real.versions.eventcoder} (lexicon {real.versions.lexicon_hash}")
    with pytest.raises(DaskError, match=rf"Dask worker tcp://127\.0\.0\.1:\d+ differs from the client: {own}"
                                        r".* on the worker, eventcoder 0\.0\.9 \(lexicon feedfacefeedface.*"
                                        r"install the same eventcoder on every worker"):
        coder(cluster)
    monkeypatch.setattr(dask_runner, "client_env", lambda: real)
    if real.gazetteer_places is not None:
        monkeypatch.setattr(dask_runner, "client_env", lambda: dataclasses.replace(real, gazetteer_places=5))
        with pytest.raises(DaskError, match=r"gazetteer .* has [\d,]+ places, the client's 5: copy the client's"):
            coder(cluster)
        monkeypatch.setattr(dask_runner, "client_env", lambda: real)

    # a worker found to differ in the middle of a run (one that joined late) stops it; what was written stays
    db = tmp_path / "late.db"
    with open_store(str(db)) as s, coder(cluster) as c:
        c.env = other
        with pytest.raises(DaskError, match=r"Dask worker tcp://127\.0\.0\.1:\d+ differs from the client"):
            ingest(s, items(corpus), coder=c)
        assert s.counts().articles == 0


MARK_RAISE = "RAISE-IN-TASK"
MARK_EXIT = "KILL-THE-WORKER"


def faulty_code_batch(batch, expected):  # noqa: ANN001, ANN201 - runs on the workers (pickled by value)
    bodies = " ".join(a.body for _, a in batch)
    if MARK_EXIT in bodies:
        os._exit(3)
    if MARK_RAISE in bodies:
        raise MemoryError("no memory left for this article")
    return code_batch(batch, expected)


def test_failing_task_and_dying_worker(cluster: LocalCluster, corpus: Path, tmp_path: Path) -> None:
    d = tmp_path / "faulty"
    d.mkdir()
    names = ["somalia_base.txt", "sagaing_airstrike.txt", "quetta_bomb.txt", "nairobi_rates.txt"]
    for n in names:
        (d / n).write_text(ARTICLES[n], encoding="utf-8")
    (d / "b_raises.txt").write_text(ARTICLES["derby_report.txt"] + f"\n\n{MARK_RAISE}\n", encoding="utf-8")
    (d / "r_dies.txt").write_text(ARTICLES["peru_frog.txt"] + f"\n\n{MARK_EXIT}\n", encoding="utf-8")
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        with open_store(str(tmp_path / "f.db")) as s, coder(cluster, fn=faulty_code_batch) as c:
            summary = ingest(s, items(d), coder=c)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    reasons = dict(summary.failed)
    assert set(reasons) == {str(d / "b_raises.txt"), str(d / "r_dies.txt")}
    assert reasons[str(d / "b_raises.txt")] == \
        "coding failed on a Dask worker: MemoryError: no memory left for this article"
    assert "the Dask worker coding it died" in reasons[str(d / "r_dies.txt")]
    # the articles that shared a task with them were coded again on their own and stored
    assert summary.read == 6 and summary.stored == 4 and summary.events >= 3


TOWNS = [("Gao", "Mali"), ("Mosul", "Iraq"), ("Goma", "Democratic Republic of Congo"), ("Kandahar", "Afghanistan"),
         ("Maiduguri", "Nigeria"), ("Kharkiv", "Ukraine"), ("Beni", "Democratic Republic of Congo"),
         ("Mogadishu", "Somalia"), ("Peshawar", "Pakistan"), ("Juba", "South Sudan")]


def stream_articles(d: Path, n: int = 40) -> None:
    """``n`` short reports: a killing in one of ten towns every other one, council news between them."""
    d.mkdir()
    for i in range(n):
        town, country = TOWNS[i % len(TOWNS)]
        if i % 2:
            text = (f"{town.upper()}, {country} - Gunmen killed {i % 7 + 2} villagers near {town} on Monday, a "
                    f"local official said, the {i}th such attack in the area this year.")
        else:
            text = (f"{town.upper()}, {country} - The city council of {town} approved a budget of {i + 3} million "
                    f"for new schools and roads on Monday, the mayor's office said.")
        (d / f"report_{i:03d}.txt").write_text(text, encoding="utf-8")


def test_client_killed_in_the_middle_then_again(cluster: LocalCluster, tmp_path: Path) -> None:
    """kill -9 of the client (the one writer) mid-run: what it wrote stays whole, the same command again
    writes the rest, and the store is exactly the one a single process makes."""
    import signal
    import subprocess
    import time

    d = tmp_path / "stream"
    stream_articles(d)
    db = tmp_path / "killed.db"
    open_store(str(db)).close()  # the schema exists before the run starts
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")]))
    cmd = [sys.executable, "-c", "from eventcoder.cli import main; main()", "ingest", str(d), "--db", str(db),
           "--published", PUBLISHED, "--dask", cluster.scheduler_address]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open_store(str(db)) as s:
        try:
            deadline = time.monotonic() + 90
            while s.counts().articles < 8 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.02)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
        killed_at = s.counts().articles
    assert 8 <= killed_at < 40, f"the kill came at {killed_at} of 40 articles"
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"articles read: 40; stored: {40 - killed_at}; replaced: 0; skipped as duplicates: {killed_at}; " \
        "failed: 0" in done.stdout

    single_db = tmp_path / "single.db"
    with open_store(str(single_db)) as s:
        summary = ingest(s, items(d))
    assert summary.stored == 40 and summary.events >= 15
    assert stored(db) == stored(single_db)
