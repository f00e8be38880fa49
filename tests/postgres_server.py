"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, on 127.0.0.1.

Run as the ``postgres`` user when the tests run as root (PostgreSQL refuses to run as root).
Tests that need it are skipped, with the reason, when the server programs or psycopg are missing
(``scripts/setup.sh test`` installs them).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

import pytest


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _as_server_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self, port: int):
        self.port = port
        self._names = itertools.count(1)

    def new_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"a11y_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'a11y-audit[postgres]')")
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server programs not found (Debian: apt-get install postgresql)")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: PostgreSQL cannot be started")
    folder = Path(tempfile.mkdtemp(prefix="a11y-audit-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    run = [*_as_server_user()]
    subprocess.run([*run, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync"], check=True, capture_output=True)
    for _ in range(3):  # another process may take the free port before the server does
        port = _free_port()
        options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        started = subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options,
                                  "-w", "start"], capture_output=True)
        if started.returncode == 0:
            break
    else:
        raise AssertionError(f"PostgreSQL did not start: {started.stderr.decode(errors='replace')}")
    try:
        yield PostgresServer(port)
    finally:
        subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a store is kept: a SQLite file, then a PostgreSQL database (same tests for both)."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite"
    return request.getfixturevalue("postgres_url")
