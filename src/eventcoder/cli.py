"""The command line: a thin shell around the core."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer
from rich.console import Console

from .errors import EventcoderError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="News reports in, ACLED-coded events out.")
gaz_app = typer.Typer(no_args_is_help=True, help="Build the embedded gazetteer or import GeoNames dumps.")
app.add_typer(gaz_app, name="gazetteer")
err = Console(stderr=True)


def _fail(msg: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {msg}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _date(value: str | None, what: str = "--published") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{what}: {value!r} is not a date in YYYY-MM-DD form")
    return None


@app.command()
def extract(
    file: str = typer.Argument(..., help="A text file, or - for standard input."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD (resolves 'on Thursday')."),
    format: str = typer.Option("table", "--format", "-f", help="csv, json or table."),
    model: Path | None = typer.Option(None, "--model", help="A model made by `eventcoder train`."),
) -> None:
    """Code every conflict event in one news report."""
    from . import export
    from .ingest import read_article
    from .pipeline import code_article

    if format not in ("csv", "json", "table"):
        _fail(f"--format: {format!r} is not one of csv, json, table")
    pub = _date(published)
    try:
        data = sys.stdin.buffer.read() if file == "-" else None
        art = read_article(file, pub, data)
        classifier = None
        if model is not None:
            from .classifier import load_model

            classifier = load_model(model)
        result = code_article(art, classifier=classifier)
        for d in result.diagnostics:
            err.print(f"[yellow]warning:[/] {d.message}", highlight=False)
        events = list(result.events)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    source = Path(file).name if file != "-" else ""
    if format == "csv":
        sys.stdout.write(export.to_csv(events, source))
    elif format == "json":
        sys.stdout.write(export.to_json(events, source) + "\n")
    else:
        Console().print(export.to_table(events))


@app.command()
def geoparse(
    file: str = typer.Argument(..., help="A text file, or - for standard input."),
    json_out: bool = typer.Option(True, "--json/--table", help="JSON list (default) or a table."),
) -> None:
    """Every toponym in a text, resolved, with offsets into the input as given."""
    import json

    from .geoparsing import geoparse as run
    from .ingest import read_article

    try:
        data = sys.stdin.buffer.read() if file == "-" else None
        art = read_article(file, None, data)
        found = run(art.body)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    if json_out:
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    else:
        from rich.table import Table

        t = Table()
        for c in ("name", "start", "end", "latitude", "longitude", "country_code", "admin1", "geo_precision"):
            t.add_column(c)
        for f in found:
            t.add_row(*(str(f[c]) for c in ("name", "start", "end", "latitude", "longitude", "country_code",
                                             "admin1", "geo_precision")))
        Console().print(t)


@app.command()
def evaluate(
    gold: Path | None = typer.Option(None, "--gold", help="Gold events in ACLED's CSV format."),
    stream: Path | None = typer.Option(None, "--stream", help="A news stream, JSONL (text, title, topic, id): "
                                       "how often an event is coded."),
    published: str | None = typer.Option(None, "--published", help="With --stream: publication date YYYY-MM-DD "
                                         "of articles that give none."),
    geo: Path | None = typer.Option(None, "--geo", help="Gold toponyms in XML (Gritta et al.'s format): "
                                    "geoparsing found / acc@161km / error km."),
    model: Path | None = typer.Option(None, "--model", help="A model made by `eventcoder train`."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: Path | None = typer.Option(None, "--errors", help="Write the rows that were wrong to this CSV."),
    articles: Path | None = typer.Option(None, "--articles", help="Folder of article files named in 'article'."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes."),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N rows."),
) -> None:
    """Score eventcoder against gold events (--gold), on a news stream (--stream) or on gold toponyms (--geo)."""
    if sum(x is not None for x in (gold, stream, geo)) != 1:
        _fail("give one of --gold FILE, --stream FILE.jsonl or --geo FILE.xml")
    progress = not json_out and sys.stderr.isatty()
    if geo is not None:
        from . import geoeval as ge

        run, show = (lambda: ge.run_geo(geo, jobs=jobs, progress=progress, errors_path=errors, limit=limit)), \
            ge.print_geo
    elif stream is not None:
        from . import stream as st

        pub = _date(published, "--published")
        run, show = (lambda: st.run_stream(stream, pub, jobs=jobs, progress=progress, errors_path=errors,
                                           limit=limit)), st.print_stream
    else:
        from . import evaluate as ev

        assert gold is not None
        run, show = (lambda: ev.run(gold, model_path=model, articles=articles, jobs=jobs, limit=limit,
                                    progress=progress, errors_path=errors)), ev.print_report
    try:
        report = run()
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    if json_out:
        import json

        per_class = getattr(report, "per_class", None)
        out = {**report.scores, "per_class": per_class} if per_class else report.scores
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
    else:
        show(report, Console())


@app.command()
def train(
    gold: Path = typer.Option(..., "--gold", help="Coded events in ACLED's CSV format (notes + types)."),
    out: Path = typer.Option(..., "--out", help="Where to write the model (.skops)."),
    cv: int = typer.Option(0, "--cv", help="Also report k-fold cross-validated scores (e.g. 5)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes."),
    new_threshold: float = typer.Option(0.6, "--new-threshold",
                                        help="Model probability needed to code a sentence the rules skip."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Learn the event/sub-event classifier from your own coded notes."""
    import json

    from . import train as tr

    try:
        info = tr.train(gold, out, cv=cv, jobs=jobs, progress=not json_out and sys.stderr.isatty(),
                        new_threshold=new_threshold)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    if json_out:
        sys.stdout.write(json.dumps(info, indent=2) + "\n")
        return
    con = Console()
    con.print(f"model written to {info['model']} ({info['trained_on']} notes, {info['classes']} sub-event types)")
    if "cross_validated" in info:
        s = info["cross_validated"]
        con.print(f"{cv}-fold cross-validated, rules + model: sub_event_type weighted F1 "
                  f"{s['sub_event_type']['weighted_f1']:.3f}, macro F1 {s['sub_event_type']['macro_f1']:.3f}, "
                  f"event_type accuracy {s['event_type']['accuracy']:.3f}")


@app.command()
def ingest(
    paths: list[Path] | None = typer.Argument(None, help="Text, HTML or JSONL files, or directories (recursively)."),
    db: str = typer.Option(..., "--db", help="A SQLite file (created if missing) or a postgresql:// URL."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD of articles that give none."),
    source: str | None = typer.Option(None, "--source", help="The outlet of files (JSONL lines may name theirs)."),
    feed: list[str] | None = typer.Option(None, "--feed", help="An RSS or Atom feed URL: its new articles "
                                          "(repeatable)."),
    feeds_file: Path | None = typer.Option(None, "--feeds", help="A file of feed URLs, one a line ('#' comments)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes coding articles."),
    dask: str | None = typer.Option(None, "--dask", help="Code the files on a Dask cluster: 'local' (one worker "
                                    "a core) or a scheduler address, tcp://HOST:8786. This process writes."),
    dask_workers: int | None = typer.Option(None, "--dask-workers", help="With --dask local: worker processes."),
) -> None:
    """Code news reports and keep their events in a store: idempotent, one transaction an article."""
    from .feeds import read_feed_list
    from .store import open_store

    pub = _date(published)
    urls = list(dict.fromkeys(feed or []))
    try:
        if feeds_file is not None:
            urls += [u for u in read_feed_list(feeds_file) if u not in urls]
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    if not paths and not urls:
        _fail("give files or directories to ingest, --feed URL or --feeds FILE")
    if (dask or dask_workers is not None) and not paths:
        _fail("--dask codes files and directories; give some (feeds are coded in this process)")
    if dask_workers is not None and not dask:
        _fail("--dask-workers: only with --dask local")
    if dask and jobs != 1:
        _fail("--jobs: not with --dask (the cluster's workers code; --dask local --dask-workers N sets how many)")
    try:
        store = open_store(db)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    failed = False
    with store:
        if paths:
            try:
                failed |= _ingest_files(store, paths, pub, source, jobs, dask, dask_workers)
            except EventcoderError as exc:  # the Dask cluster: what was written before it failed stays
                _fail(str(exc), exc.exit_code)
        if urls:
            failed |= _ingest_feeds(store, urls)
    if failed:
        raise typer.Exit(1)


def _ingest_files(store, paths: list[Path], pub: dt.date | None, source: str | None, jobs: int,  # noqa: ANN001
                  dask: str | None = None, dask_workers: int | None = None) -> bool:
    """Ingest files (on a Dask cluster when ``dask`` names one) and print the summary; True when some failed."""
    if dask:
        from .dask_runner import connect

        with connect(dask, dask_workers) as coder:
            return _ingest_files_with(store, paths, pub, source, jobs, coder)
    return _ingest_files_with(store, paths, pub, source, jobs, None)


def _ingest_files_with(store, paths: list[Path], pub: dt.date | None, source: str | None, jobs: int,  # noqa: ANN001
                       coder) -> bool:  # noqa: ANN001
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .batch import ingest as run
    from .files import iter_items

    items = iter_items([str(p) for p in paths], pub, source)

    def report(item, status, summary) -> None:  # noqa: ANN001
        if status not in ("stored", "replaced", "duplicate"):
            err.print(f"[red]failed:[/] {status}", highlight=False, soft_wrap=True)

    if err.is_terminal:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as prog:
            task = prog.add_task("ingesting", total=None)

            def progress(item, status, summary) -> None:  # noqa: ANN001
                report(item, status, summary)
                prog.update(task, description=f"{summary.read} read, {summary.stored + summary.replaced} "
                            f"stored, {summary.duplicates} duplicates, {len(summary.failed)} failed")

            summary = run(store, items, jobs=jobs, on_item=progress, coder=coder)
    else:
        summary = run(store, items, jobs=jobs, on_item=report, coder=coder)
    lines = [f"articles read: {summary.read}; stored: {summary.stored}; replaced: {summary.replaced}; "
             f"skipped as duplicates: {summary.duplicates}; failed: {len(summary.failed)}; "
             f"events stored: {summary.events}"]
    lines += [f"  failed: {reason if reason.startswith(name) else f'{name}: {reason}'}"
              for name, reason in summary.failed]
    sys.stdout.write("\n".join(lines) + "\n")
    return bool(summary.failed)


def _feed_line(result, stored: int, dup: int, bad: int) -> None:  # noqa: ANN001
    from rich.markup import escape

    if result.error:
        err.print(f"[red]feed failed:[/] {escape(result.error)}", highlight=False, soft_wrap=True)
    elif result.not_modified:
        err.print(f"{escape(result.title or result.url)}: not modified", highlight=False, soft_wrap=True)
    else:
        extra = f", {len(result.skipped)} entries skipped (no text, not English)" if result.skipped else ""
        err.print(f"{escape(result.title or result.url)}: {stored} new, {dup} already stored, {bad} failed{extra}",
                  highlight=False, soft_wrap=True)


def _ingest_feeds(store, urls: list[str]) -> bool:  # noqa: ANN001
    """Poll each feed once, store its new articles and print the summary; True when a feed or article failed."""
    import threading

    from .batch import article_storer
    from .feeds import _sigint_sets, ingest_feeds

    stop = threading.Event()
    with _sigint_sets(stop):  # Ctrl-C: the current article finishes, the rest wait for the next run
        t = ingest_feeds(urls, article_storer(store), store.save_feed_state, store.get_feed_state,
                         known=store.has_url, stop=stop, report=_feed_line)
    sys.stdout.write(f"feeds polled: {t.feeds}; not modified: {t.not_modified}; failed: {t.failed}; "
                     f"articles read: {t.articles}; stored: {t.stored}; skipped as duplicates: {t.duplicates}; "
                     f"failed articles: {t.article_failures}\n")
    sys.stdout.writelines(f"  failed: {e}\n" for e in t.errors)
    if stop.is_set():
        sys.stdout.write("interrupted: the remaining feeds and articles wait for the next run\n")
    return bool(t.failed or t.article_failures)


@app.command()
def watch(
    feeds_file: Path = typer.Option(..., "--feeds", help="A file of feed URLs, one a line ('#' comments)."),
    db: str = typer.Option(..., "--db", help="A SQLite file (created if missing) or a postgresql:// URL."),
    every: str = typer.Option("15m", "--every", help="How often to poll: 90s, 15m, 1h, 2h30m."),
    max_rounds: int | None = typer.Option(None, "--max-rounds", hidden=True, help="Stop after N rounds."),
) -> None:
    """Poll feeds every interval and code their new articles into the store; Ctrl-C stops cleanly."""
    from .batch import article_storer
    from .feeds import parse_interval, read_feed_list, watch_cli
    from .store import open_store

    try:
        seconds = parse_interval(every)
        urls = read_feed_list(feeds_file)
        store = open_store(db)
    except EventcoderError as exc:
        _fail(f"--every: {exc}" if "interval" in str(exc) else str(exc), exc.exit_code)
        return
    with store:
        try:
            watch_cli(urls, seconds, article_storer(store), store.save_feed_state, store.get_feed_state,
                      console=err, known=store.has_url, max_rounds=max_rounds)
        except KeyboardInterrupt:  # a second Ctrl-C while an article is coded: it was not stored, nothing is lost
            err.print("interrupted: watch stopped", highlight=False)


@app.command()
def export(
    db: str = typer.Option(..., "--db", help="The store: a SQLite file or a postgresql:// URL."),
    format: str = typer.Option("acled-csv", "--format", "-f", help="acled-csv, geojson, parquet, jsonl or plover."),
    since: str | None = typer.Option(None, help="Events on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="Events on or before YYYY-MM-DD."),
    country: str | None = typer.Option(None, help="A country: ACLED name or ISO code (IRQ, IQ)."),
    type: str | None = typer.Option(None, "--type", help="An event type or sub-event type."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Write the stored events as ACLED CSV, GeoJSON, Parquet, JSONL (with evidence and sources) or PLOVER."""
    from pathlib import Path as _P

    from . import export as ex
    from .store import open_store

    if format not in ex.EXPORT_FORMATS:
        _fail(f"--format: {format!r} is not one of {', '.join(ex.EXPORT_FORMATS)}")
    start, end = _date(since, "--since"), _date(until, "--until")
    if db and "://" not in db and not _P(db).exists():
        _fail(f"database {db}: no such file (ingest some articles first)")
    try:
        store = open_store(db)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    with store:
        records = store.iter_events(start, end, country, type)
        try:
            if format == "parquet":
                n = ex.write_parquet(records, str(output) if output else sys.stdout.buffer)
            else:
                fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
                try:
                    if format == "acled-csv":
                        n = ex.write_acled_csv(records, fh)
                    elif format == "jsonl":
                        n = ex.write_jsonl(records, fh)
                    elif format == "plover":
                        n = ex.write_plover(records, fh)
                    else:
                        n, left_out = ex.write_geojson(records, fh)
                        if left_out:
                            err.print(f"{left_out} event(s) without coordinates left out of the GeoJSON",
                                      highlight=False)
                finally:
                    if output:
                        fh.close()
        except OSError as exc:
            _fail(f"cannot write {output or 'standard output'}: {exc.strerror or exc}")
            return
        except EventcoderError as exc:
            _fail(str(exc), exc.exit_code)
            return
    if output:
        err.print(f"{n} event(s) written to {output}", highlight=False)


@gaz_app.command("build")
def gaz_build(force: bool = typer.Option(False, "--force", help="Rebuild even if it exists.")) -> None:
    """Build the embedded gazetteer from the packaged GeoNames data."""
    from .geo import gazetteer as g

    path = g.default_path()
    if path.exists() and not force:
        Console().print(f"gazetteer exists: {path} (use --force to rebuild)")
        return
    g.build(path, progress=lambda m: err.print(m))  # atomic: the old file serves readers until replaced
    Console().print(f"built {path} ({g.Gazetteer(path).count():,} places)")


@gaz_app.command("import")
def gaz_import(files: list[Path] = typer.Argument(..., help="GeoNames dump files (.txt or .zip).")) -> None:
    """Import GeoNames dumps (allCountries.txt, IQ.zip, alternateNamesV2.txt, admin1/admin2 codes)."""
    from rich.progress import Progress

    from .geo import gazetteer as g

    try:
        with Progress(console=err, transient=True) as prog:
            task = prog.add_task("importing", total=None)
            counts = g.import_dump(files, progress=lambda n: prog.update(task, completed=n))
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read GeoNames file: {exc}")
        return
    Console().print(counts)


# -- serve: the HTTP API and the web map (issue 17) --------------------------------------------------------

@app.command()
def serve(
    db: str = typer.Option(..., "--db", help="The store: a SQLite file or a postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    allow_fetch: bool = typer.Option(False, "--allow-fetch", help="POST /articles with only a url fetches it "
                                     "(public addresses only)."),
) -> None:
    """Serve the web map and the HTTP API; POST /articles and /extract need EVENTCODER_TOKEN (else read-only)."""
    import os

    import uvicorn

    from .server import create_app

    token = os.environ.get("EVENTCODER_TOKEN") or None
    try:
        application = create_app(db, token=token, allow_fetch=allow_fetch)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    mode = "POST needs the token" if token else "read-only (set EVENTCODER_TOKEN to accept articles)"
    err.print(f"serving {db} at http://{host}:{port}/ ({mode}; API docs at /docs)", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


# -- bench: the speed benchmark (issue 16) ---------------------------------------------------------------

@app.command()
def bench(
    articles: int = typer.Option(300, "--articles", "-n", help="Articles in the general stream (cycled)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Also time the stream over this many worker processes."),
    stream: Path | None = typer.Option(None, "--stream", help="A JSONL stream (text, title, id) instead of the "
                                       "bench set."),
    commands: bool = typer.Option(True, "--commands/--no-commands",
                                  help="Also time `eventcoder --help` and a cold `extract`."),
    components: bool = typer.Option(False, "--components", help="Also print the time of each pipeline component "
                                    "over the general stream."),
) -> None:
    """Measure speed: articles/s/core on a general stream and on event articles, against the targets."""
    from . import bench as b

    try:
        result = b.run(articles, jobs, stream, commands)
    except EventcoderError as exc:
        _fail(str(exc), exc.exit_code)
        return
    lines = b.report_lines(result)
    if components:
        corpus = b.cycle(b.read_stream(stream) if stream else b.bench_set(), articles)
        lines += b.component_lines(b.component_times(corpus))
    sys.stdout.write("\n".join(lines) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
