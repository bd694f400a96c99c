"""Fixtures for the store tests: each runs on SQLite and on a throwaway PostgreSQL server.

The server is Debian's (or any) PostgreSQL found on this machine, started on 127.0.0.1 on a free port in a
temporary directory and stopped at the end of the session. As root (CI) it runs as the ``postgres`` user,
since PostgreSQL refuses to run as root. Without PostgreSQL binaries the PostgreSQL cases skip, saying why."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def pg_bindir() -> Path | None:
    env = os.environ.get("EVENTCODER_PG_BINDIR")
    if env and (Path(env) / "pg_ctl").exists():
        return Path(env)
    found = shutil.which("pg_ctl")
    if found and (Path(found).parent / "initdb").exists():
        return Path(found).parent
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if (Path(d) / "pg_ctl").exists() and (Path(d) / "initdb").exists():
            return Path(d)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL (without a database name) of a PostgreSQL server running for this test session."""
    bindir = pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's 'postgresql' "
                    "package (as .ci/run does) to run the PostgreSQL cases")
    as_user: list[str] = []
    owner = None
    if os.geteuid() == 0:
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the PostgreSQL server as")
        as_user = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else ["su", "postgres", "-c"]
    base = Path(tempfile.mkdtemp(prefix="eventcoder-pg-"))
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    data, log, port = base / "data", base / "server.log", _free_port()

    def run(*args: str) -> None:
        cmd = [*as_user, " ".join(args)] if as_user[:1] == ["su"] else [*as_user, *args]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
            "--no-sync")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
            f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off", "start")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(base, ignore_errors=True)
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')}\n{tail}") from None
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/"
    finally:
        try:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(base, ignore_errors=True)


def new_pg_database(server: str) -> str:
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server + "postgres", autocommit=True, connect_timeout=10) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return server + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return new_pg_database(request.getfixturevalue("pg_server"))
