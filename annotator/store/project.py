"""Opening, creating and closing a project file.

A project is one SQLite file in the rollback-journal mode: once a transaction commits
it is on disk, and once the project is closed the file is self-contained (no -wal or
-shm beside it), which matters for files in OneDrive/Dropbox folders and on network
drives. A file is checked read-only before it is opened for writing, so a file that is
not a project, is damaged, or is from a newer version is refused without a byte of it
changing. Two openers (two windows, two processes) are safe: every write is one
``BEGIN IMMEDIATE`` transaction and waits for the other's lock instead of failing.
"""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from annotator.domain.errors import ProjectFileError
from annotator.store import change_feed
from annotator.store.migrations import CURRENT_VERSION, migrate
from annotator.store.models import Meta
from annotator.store.server import (
    APPLICATION,
    APPLICATION_KEY,
    check_server,
    display_url,
    is_server_url,
    make_server_engine,
    require_empty,
    server_error,
)
from annotator.store.transfer import copy_contents

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id marks a SQLite file as ours ("ANNO").
APPLICATION_ID = 0x414E4E4F
PROJECT_SUFFIX = ".annotator"
BUSY_TIMEOUT_MS = 10_000


def now() -> datetime:
    """Timestamps are stored in UTC without tzinfo (portable DateTime columns)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _check_file(path: Path) -> int:
    """The schema version of an existing project file, or ``ProjectFileError``."""
    if not path.exists():
        raise ProjectFileError(f"{path}: no such project file")
    if path.is_dir():
        raise ProjectFileError(f"{path}: is a folder, not a project file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot be read ({exc.strerror})") from exc
    if head != SQLITE_MAGIC:
        raise ProjectFileError(f"{path}: not an Annotator project (not a database file)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{path}: cannot be opened ({exc})") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise ProjectFileError(f"{path}: not an Annotator project (another program's database)")
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise ProjectFileError(f"{path}: the project file is damaged ({check[0][0]})")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise ProjectFileError(f"{path}: the project file is damaged (no schema version)")
        return int(row[0])
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{path}: the project file is damaged ({exc})") from exc
    finally:
        conn.close()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = DELETE")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # A writer takes the write lock up front, so two processes never deadlock on a
        # read lock upgrade; readers begin deferred.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Project:
    """An open project: a file, or a team project on a server (``store/server.py``).

    Every write is one transaction (``with project.write()``). ``path`` is the file, None
    for a server project; ``location`` is what the user named, fit to show.
    """

    def __init__(self, path: Path | None, engine: Engine, url: str | None = None) -> None:
        self.path = path
        self.url = url
        self.origin = change_feed.new_origin()
        self.engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")

    @property
    def location(self) -> str:
        return display_url(self.url) if self.url else str(self.path)

    @classmethod
    def create(cls, path: Path | str, name: str | None = None,
               setup: Callable[[Session], None] | None = None) -> "Project":
        """A new project; ``setup`` fills it (a codebook template) before anyone sees it.

        On a server, building the tables and ``setup`` are one transaction, so a failed
        ``new`` leaves the database as empty as it was.
        """
        if is_server_url(path):
            return cls._create_on_server(str(path), name, setup)
        project = cls._create_file(Path(path), name)
        if setup is not None:
            try:
                with project.write() as s:
                    setup(s)
            except BaseException:
                project.close()
                project.path.unlink(missing_ok=True)
                raise
        return project

    @classmethod
    def _create_file(cls, path: Path, name: str | None) -> "Project":
        if path.exists():
            raise ProjectFileError(f"{path}: already exists; choose another file name")
        if not path.parent.is_dir():
            raise ProjectFileError(f"{path.parent}: no such folder")
        engine = _make_engine(path)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                migrate(conn, 0)
                conn.execute(
                    Meta.__table__.insert(),
                    [
                        {"key": "schema_version", "value": str(CURRENT_VERSION)},
                        {"key": "name", "value": name or path.stem},
                        {"key": "created_at", "value": now().isoformat()},
                    ],
                )
        except Exception:
            engine.dispose()
            path.unlink(missing_ok=True)
            raise
        return cls(path, engine)

    @classmethod
    def open(cls, path: Path | str) -> "Project":
        if is_server_url(path):
            return cls._open_on_server(str(path))
        path = Path(path)
        version = _check_file(path)
        if version > CURRENT_VERSION:
            raise ProjectFileError(
                f"{path}: written by a newer version of Annotator (project format "
                f"{version}; this version reads up to {CURRENT_VERSION}). Please update."
            )
        if version < CURRENT_VERSION:
            _backup_before_migration(path, version)
        engine = _make_engine(path)
        if version < CURRENT_VERSION:
            with (
                engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn,
                conn.begin(),
            ):
                migrate(conn, version)
                conn.execute(
                    Meta.__table__.update()
                    .where(Meta.key == "schema_version")
                    .values(value=str(CURRENT_VERSION))
                )
        return cls(path, engine)

    @classmethod
    def _create_on_server(cls, url: str, name: str | None,
                          setup: Callable[[Session], None] | None) -> "Project":
        engine = make_server_engine(url)
        try:
            require_empty(engine, url)
            with engine.connect() as conn, conn.begin():
                migrate(conn, 0)
                change_feed.install(conn)
                conn.execute(Meta.__table__.insert(), [
                    {"key": APPLICATION_KEY, "value": APPLICATION},
                    {"key": "schema_version", "value": str(CURRENT_VERSION)},
                    {"key": "name",
                     "value": name or conn.scalar(text("SELECT current_database()"))},
                    {"key": "created_at", "value": now().isoformat()},
                ])
                if setup is not None:
                    # joins the creating transaction: its commit leaves that one open
                    with Session(bind=conn) as s:
                        setup(s)
                        s.commit()
        except BaseException:
            engine.dispose()
            raise
        return cls(None, engine, url)

    @classmethod
    def _open_on_server(cls, url: str) -> "Project":
        engine = make_server_engine(url)
        try:
            version = check_server(engine, url)
            if version > CURRENT_VERSION:
                raise ProjectFileError(
                    "{url}: written by a newer version of Annotator (project format "
                    "{version}; this version reads up to {current}). Please update.",
                    url=display_url(url), version=version, current=CURRENT_VERSION,
                )
            with engine.begin() as conn:
                if version < CURRENT_VERSION:
                    migrate(conn, version)
                    conn.execute(Meta.__table__.update().where(Meta.key == "schema_version")
                                 .values(value=str(CURRENT_VERSION)))
                change_feed.install(conn)
        except BaseException:
            engine.dispose()
            raise
        return cls(None, engine, url)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user operation: committed when the block ends, rolled back on error."""
        with self._server_errors(), Session(self._writer, expire_on_commit=False) as session, \
                session.begin():
            if self.url is not None:
                change_feed.mark_origin(session.connection(), self.origin)
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._server_errors(), Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def _server_errors(self) -> Iterator[None]:
        """On a server, a lost connection or a clash with another writer becomes a message."""
        if self.url is None:
            yield
            return
        try:
            yield
        except DBAPIError as exc:
            mapped = server_error(exc, self.url)
            if mapped is exc:
                raise
            raise mapped from exc

    @property
    def name(self) -> str:
        with self.read() as s:
            stored = s.scalar(select(Meta.value).where(Meta.key == "name"))
        return stored or (self.path.stem if self.path else self.location)

    def save_copy(self, dest: Path | str) -> Path:
        """A consistent copy through SQLite's backup API (never a file copy of a live file).

        A team project is copied row for row into a new file (``store/transfer.py``).
        """
        dest = Path(dest)
        if self.url is not None:
            Project.create(dest, self.name,
                           setup=lambda s: copy_contents(self.engine, s)).close()
            return dest
        if dest.resolve() == self.path.resolve():
            raise ProjectFileError("a copy cannot overwrite the project itself")
        src = sqlite3.connect(self.path)
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return dest

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _backup_before_migration(path: Path, version: int) -> None:
    """Keep the old file next to the new one: an upgrade must never cost a user their data."""
    backup = path.with_name(f"{path.name}.format{version}.bak")
    if backup.exists():
        return
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(backup)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
