"""A real PostgreSQL server for the tests, started from Debian's ``postgresql`` package.

``initdb`` in a temporary folder, then ``postgres`` on a free loopback port, as an
unprivileged user (PostgreSQL refuses to run as root: under root the server runs as the
``postgres`` system user the package creates). Nothing is mocked: the team-project tests
talk to this server exactly as a team's laptops talk to theirs. ``ANNOTATOR_TEST_PG`` names
an already running server instead (``postgresql://user@host:port/``), for a developer who
keeps one.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SERVER_ENV = "ANNOTATOR_TEST_PG"
SUPERUSER = "annotator"
PASSWORD = "team-secret"


def postgres_bin() -> Path | None:
    """The newest installed server's ``bin`` folder (Debian keeps them versioned)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> tuple[list[str], int | None]:
    """The command prefix that drops root to the ``postgres`` user, and that user's uid."""
    if getattr(os, "geteuid", lambda: 1)() != 0:  # not root (Windows has no root)
        return [], None
    import pwd  # POSIX only, and needed only under root

    uid = pwd.getpwnam("postgres").pw_uid
    return ["runuser", "-u", "postgres", "--"], uid


def _remember_password(port: int) -> None:
    """One password file for every server of this run, where libpq looks (PGPASSFILE)."""
    passfile = Path(tempfile.gettempdir()) / f"annotator-pgpass-{os.getpid()}"
    with passfile.open("a", encoding="utf-8") as fh:
        fh.write(f"127.0.0.1:{port}:*:{SUPERUSER}:{PASSWORD}\n")
    passfile.chmod(0o600)
    os.environ["PGPASSFILE"] = str(passfile)


class PostgresServer:
    """One throw-away server: a data folder of its own, started and stopped at will.

    Tests run without fsync (a crash of the test server loses nothing of value); a
    benchmark asks for ``durable`` to measure what a real server costs. ``stop`` and
    ``start`` keep the data, so a test can take the server away in the middle of a session
    and bring it back.
    """

    def __init__(self, durable: bool = False) -> None:
        bindir = postgres_bin()
        if bindir is None:
            if sys.platform.startswith("linux"):  # .ci/run installs it; the tests must run
                raise RuntimeError(
                    "PostgreSQL is not installed (Debian: apt-get install postgresql)")
            import pytest

            pytest.skip("PostgreSQL is not installed here: the team-project tests need its "
                        "initdb on PATH (or ANNOTATOR_TEST_PG naming a running server)")
        self.bindir, self.durable = bindir, durable
        self.prefix, uid = _as_user()
        self.home = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
        self.data, self.sock, self.log = self.home / "data", self.home / "socket", \
            self.home / "server.log"
        self.sock.mkdir()
        # Connections over TCP need the password, as on a team's server; the tests find
        # it where libpq looks by itself (PGPASSFILE), never in a URL or a setting.
        pwfile = self.home / "password"
        pwfile.write_text(PASSWORD + "\n")
        self.log.touch()
        if uid is not None:
            for path in (self.home, self.sock, pwfile, self.log):
                os.chown(path, uid, -1)
        subprocess.run(
            [*self.prefix, str(bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
             "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True, capture_output=True,
        )
        self.port = _free_port()
        _remember_password(self.port)
        self.url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/"
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            [*self.prefix, str(self.bindir / "postgres"), "-D", str(self.data),
             "-p", str(self.port), "-c", "listen_addresses=127.0.0.1",
             "-c", f"unix_socket_directories={self.sock}",
             "-c", f"fsync={'on' if self.durable else 'off'}", "-c", "max_connections=120"],
            stdout=subprocess.DEVNULL, stderr=self.log.open("ab"),
        )
        _wait_ready(self.bindir, self.port, self._process, self.log)

    def stop(self) -> None:
        """Fast shutdown: the server ends every session at once, as a crash or outage would."""
        if self._process is None:
            return
        # pg_ctl, not a signal to runuser: runuser would pass on a "smart" shutdown that
        # waits for every client, then kill the server and leave its lock file behind.
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data),
                        "-m", "fast", "-w", "-t", "30"], check=False, capture_output=True)
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


@contextmanager
def running_server(durable: bool = False) -> Iterator[str]:
    """A started throw-away server for the block; yields its URL without a database name."""
    if os.environ.get(SERVER_ENV):
        yield os.environ[SERVER_ENV].rstrip("/") + "/"
        return
    server = PostgresServer(durable)
    try:
        server.start()
        yield server.url
    finally:
        server.remove()


def _wait_ready(bindir: Path, port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text(errors='replace')}")
        ready = subprocess.run(
            [str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"],
            check=False,
        )
        if ready.returncode == 0:
            return
        time.sleep(0.2)
    raise RuntimeError("PostgreSQL did not become ready within 60 s")


def create_database(server_url: str, name: str) -> str:
    """A new empty database on the server; its URL (psycopg driver)."""
    import psycopg

    with psycopg.connect(server_url + "postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url + name


def create_role(server_url: str, name: str, password: str = "member-secret") -> str:
    """A login role without any rights yet; its URL (no database). Its password goes where
    the superuser's is, into the run's password file."""
    import psycopg

    with psycopg.connect(server_url + "postgres", autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
    host_port = server_url.split("@", 1)[1].rstrip("/")
    host, port = host_port.rsplit(":", 1)
    passfile = os.environ.get("PGPASSFILE")
    if passfile:
        with Path(passfile).open("a", encoding="utf-8") as fh:
            fh.write(f"{host}:{port}:*:{name}:{password}\n")
    return f"postgresql://{name}@{host_port}/"
