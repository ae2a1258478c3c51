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
import pwd
import shutil
import socket
import subprocess
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
    if os.geteuid() != 0:
        return [], None
    uid = pwd.getpwnam("postgres").pw_uid
    return ["runuser", "-u", "postgres", "--"], uid


@contextmanager
def running_server(durable: bool = False) -> Iterator[str]:
    """Start a throw-away server; yields its URL without a database name.

    Tests run without fsync (a crash of the test server loses nothing of value); a
    benchmark asks for ``durable`` to measure what a real server costs.
    """
    if os.environ.get(SERVER_ENV):
        yield os.environ[SERVER_ENV].rstrip("/") + "/"
        return
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    prefix, uid = _as_user()
    home = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    data, sock = home / "data", home / "socket"
    sock.mkdir()
    if uid is not None:
        for p in (home, sock):
            os.chown(p, uid, -1)
    port = _free_port()
    # Connections over TCP need the password, as on a team's server; the tests find it
    # where libpq looks by itself (PGPASSFILE), never in a URL or a setting.
    pwfile = home / "password"
    pwfile.write_text(PASSWORD + "\n")
    if uid is not None:
        os.chown(pwfile, uid, -1)
    subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER,
         "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        check=True, capture_output=True,
    )
    passfile = home / "pgpass"
    passfile.write_text(f"127.0.0.1:{port}:*:{SUPERUSER}:{PASSWORD}\n")
    passfile.chmod(0o600)
    os.environ["PGPASSFILE"] = str(passfile)
    log = home / "server.log"
    if uid is not None:
        log.touch()
        os.chown(log, uid, -1)
    server = subprocess.Popen(
        [*prefix, str(bindir / "postgres"), "-D", str(data), "-p", str(port),
         "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={sock}",
         "-c", f"fsync={'on' if durable else 'off'}", "-c", "max_connections=120"],
        stdout=subprocess.DEVNULL, stderr=log.open("ab"),
    )
    try:
        _wait_ready(bindir, port, server, log)
        yield f"postgresql://{SUPERUSER}@127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)


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
