"""Opening, creating and closing a project file.

A project is one SQLite file in the rollback-journal mode: once a transaction commits
it is on disk, and once the project is closed the file is self-contained (no -wal or
-shm beside it), which matters for files in OneDrive/Dropbox folders and on network
drives. A file is checked read-only before it is opened for writing, so a file that is
not a project, is damaged, or is from a newer version is refused without a byte of it
changing. Two openers (two windows, two processes) are safe: every write is one
``BEGIN IMMEDIATE`` transaction and waits for the other's lock instead of failing.

A process killed inside a write leaves a *hot journal* beside the file: the pages as they
were before the transaction. SQLite puts them back on the first open that may write,
which a read-only check cannot do; so such a file is recovered first (file and journal
are copied aside, SQLite rolls back, the file is checked) and refused only if it is
damaged after that. New projects and pre-upgrade backups are built under a temporary
name beside their target and renamed when complete, so a kill never leaves half of one.
"""

import os
import random
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from annotator.domain.errors import Conflict, ProjectFileError
from annotator.messages import Msg, msg
from annotator.store import change_feed, integrity
from annotator.store.debris import sweep, temporary_name
from annotator.store.file_errors import os_reason, system_refusals
from annotator.store.file_format import APPLICATION_ID, SQLITE_MAGIC
from annotator.store.migrations import CURRENT_VERSION, migrate
from annotator.store.models import Base, Meta
from annotator.store.server import (
    APPLICATION,
    APPLICATION_KEY,
    check_server,
    database_name,
    display_url,
    empty_database,
    is_serialization_failure,
    is_server_url,
    make_server_engine,
    owns_tables,
    queued_serializable,
    require_empty,
    server_error,
)
from annotator.store.transfer import copy_contents

PROJECT_SUFFIX = ".annotator"
BUSY_TIMEOUT_MS = 10_000
#: How often a writer waiting for another's write lock tries again (``_begin_writing``).
_WRITE_POLL_S = 0.0015
# sqlite3's extended code for "a hot journal needs rolling back, but the file is read-only".
_SQLITE_READONLY_ROLLBACK = 776
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_FULL = 13
_SQLITE_READONLY = 8
_NOT_DAMAGE = (_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_FULL, _SQLITE_READONLY)
RECOVERY_SUFFIX = ".before-recovery"
#: How often a serialized step is tried on a server before a clash is reported, and the
#: longest pause between two tries. The pauses grow (with a random part, so that those who
#: clashed do not meet again at once): twenty members adding a code at the same moment
#: each get through, within seconds at worst.
SERIALIZED_ATTEMPTS = 16
SERIALIZED_PAUSE_S = 0.5

T = TypeVar("T")


def now() -> datetime:
    """Timestamps are stored in UTC without tzinfo (portable DateTime columns)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )


def database_refusal(path: Path, exc: sqlite3.Error) -> ProjectFileError:
    """The one-line refusal for an SQLite error met while reading or writing a project.

    A lock held by another program, a full disk and a read-only file are not damage, and
    are not reported as such.
    """
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return ProjectFileError(
            "{path}: the project is busy — another window or program is writing to it; "
            "try again when it has finished (nothing was changed)", path=path,
        )
    if code == _SQLITE_FULL:
        return ProjectFileError(
            "{path}: the disk is full — free some space and try again (nothing was changed)",
            path=path,
        )
    if code == _SQLITE_READONLY:
        return ProjectFileError(
            "{path}: the project file or its folder cannot be written (read-only) — "
            "nothing was changed", path=path,
        )
    return ProjectFileError(
        "{path}: the project file is damaged ({reason}); nothing was changed",
        path=path, reason=str(exc),
    )


def _read_only_reason(path: Path) -> Msg | None:
    """Why ``path`` must be opened read-only, or None: a file marked read-only (even for
    an administrator, who could write it anyway), or a file or folder this user cannot
    write (SQLite writes its journal beside the file)."""
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        return msg("the file is read-only; to change it, make it writable, or save a copy "
                   "and work in the copy")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return msg("its folder cannot be written; to change it, move it to a folder you "
                   "can write, or save a copy and work in the copy")
    return None


def _not_damage_cause(exc: BaseException) -> sqlite3.Error | None:
    """The busy, full or read-only error behind ``exc``, if that is what it comes from.

    SQLite rolls a whole transaction back on a full disk, so SQLAlchemy's rollback to a
    savepoint then fails ("no such savepoint"): the real cause is further down the chain.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        orig = getattr(current, "orig", current)
        code = getattr(orig, "sqlite_errorcode", 0) & 0xFF
        if isinstance(orig, sqlite3.Error) and code in _NOT_DAMAGE:
            return orig
        current = current.__cause__ or current.__context__
    return None


def _check_regular_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise ProjectFileError("{path}: no such project file", path=path) from None
    except OSError as exc:
        raise ProjectFileError(
            "{path}: cannot be read ({reason})", path=path, reason=os_reason(exc)
        ) from exc
    if stat.S_ISDIR(mode):
        raise ProjectFileError("{path}: is a folder, not a project file", path=path)
    if not stat.S_ISREG(mode):
        raise ProjectFileError(
            "{path}: is not a regular file (a pipe, device or socket), not a project file",
            path=path,
        )


def _schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """What is missing from a current-version file's tables, or a parent cycle (else None).

    A dropped table or column, or a code that is its own ancestor (which would make every
    walk up the code tree endless), is damage ``quick_check`` does not see.
    """
    if version == CURRENT_VERSION:
        for table in Base.metadata.sorted_tables:
            have = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
            if not have:
                return f"table {table.name} is missing"
            missing = sorted(c.name for c in table.columns if c.name not in have)
            if missing:
                return f"column {table.name}.{missing[0]} is missing"
    parents = dict(conn.execute("SELECT id, parent_id FROM code"))
    done: set[int] = set()
    for start in parents:
        seen: set[int] = set()
        node: int | None = start
        while node is not None and node not in done:
            if node in seen:
                return f"code {node} is its own ancestor"
            seen.add(node)
            node = parents.get(node)
        done |= seen
    return None


def _read_check(path: Path) -> int:
    """The read-only check: raises ``sqlite3.Error`` as SQLite reports it."""
    conn = _ro_connect(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise ProjectFileError(
                "{path}: not an Annotator project (another program's database)", path=path
            )
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise ProjectFileError(
                "{path}: the project file is damaged ({reason}); nothing was changed",
                path=path, reason=check[0][0],
            )
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        raw = None if row is None else row[0]
        try:
            version = int(str(raw).strip()) if raw is not None else 0
        except ValueError:
            version = 0
        if version < 1 or str(raw).strip() != str(version):
            raise ProjectFileError(
                "{path}: the project file is damaged (its format number {value!r} is not "
                "valid); nothing was changed", path=path, value=raw,
            )
        if version <= CURRENT_VERSION:
            problem = _schema_problem(conn, version)
            if problem:
                raise ProjectFileError(
                    "{path}: the project file is damaged ({reason}); nothing was changed",
                    path=path, reason=problem,
                )
        return version
    finally:
        conn.close()


def _recover(path: Path) -> None:
    """Roll back a hot journal left by a killed writer, keeping a copy until it worked.

    The copy (file and journal under ``.before-recovery`` names) is what a user or support
    can go back to if the rollback itself fails; once the file checks out it is removed.
    """
    journal = _journal(path)
    keep = path.with_name(path.name + RECOVERY_SUFFIX)
    keep_journal = _journal(keep)
    try:
        _copy_durably(path, keep)
        _copy_durably(journal, keep_journal)
    except OSError as exc:
        with suppress(OSError):
            keep.unlink(missing_ok=True)
        with suppress(OSError):
            keep_journal.unlink(missing_ok=True)
        raise ProjectFileError(
            "{path}: the project was left unfinished by a crash and must be recovered, but "
            "its folder cannot be written ({reason}); nothing was changed",
            path=path, reason=os_reason(exc),
        ) from exc
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA quick_check").fetchall()  # the first read rolls the journal back
    except sqlite3.Error as exc:
        raise database_refusal(path, exc) from exc
    finally:
        conn.close()
    try:
        _read_check(path)
    except (sqlite3.Error, ProjectFileError):
        return  # keep the copy: the caller reports the damage
    keep.unlink(missing_ok=True)
    keep_journal.unlink(missing_ok=True)


def _copy_durably(src: Path, dest: Path) -> None:
    with src.open("rb") as fin, dest.open("wb") as fout:
        while chunk := fin.read(1 << 20):
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())


def check_project_file(path: Path) -> None:
    """Refuse what is plainly no project file (missing, a folder, unreadable, another
    format) before anything opens it: a check that reads 16 bytes and writes nothing, so
    a participant's copy can be looked at before it is copied."""
    _check_regular_file(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectFileError(
            "{path}: cannot be read ({reason})", path=path, reason=os_reason(exc)
        ) from exc
    if head != SQLITE_MAGIC:
        raise ProjectFileError(
            "{path}: not an Annotator project (not a database file)", path=path
        )


def _check_file(path: Path) -> int:
    """The schema version of an existing project file, or ``ProjectFileError``."""
    check_project_file(path)
    try:
        return _read_check(path)
    except sqlite3.Error as exc:
        hot = getattr(exc, "sqlite_errorcode", 0) == _SQLITE_READONLY_ROLLBACK or (
            "readonly" in str(exc) and _journal(path).exists()
        )
        if not hot:
            raise database_refusal(path, exc) from exc
    _recover(path)
    try:
        return _read_check(path)
    except sqlite3.Error as exc:
        raise database_refusal(path, exc) from exc


def _make_engine(path: Path, read_only: bool = False) -> Engine:
    if read_only:  # SQLite itself refuses every write: nothing can reach the file
        uri = f"{path.resolve().as_uri()}?mode=ro"
        engine = create_engine("sqlite+pysqlite://", creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite+pysqlite:///{path}")
    verified: set[tuple[int, str, int]] = set()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_conn.isolation_level = None
        integrity.register(dbapi_conn, verified)
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
        if conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            _begin_writing(conn)
        else:
            conn.exec_driver_sql("BEGIN DEFERRED")

    return engine


def _begin_writing(conn: Connection) -> None:
    """``BEGIN IMMEDIATE``, waiting for another writer up to ``BUSY_TIMEOUT_MS``.

    SQLite's own busy handler is not used for this wait: it backs off to one try every
    100 ms, and a process that writes one transaction after another frees the write lock
    for well under a millisecond between them, so a waiter could miss every gap for the
    whole timeout ("database is locked" with two processes coding at once). Trying every
    millisecond or two, with jitter so two waiters do not stay in step, finds those gaps.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    conn.exec_driver_sql("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                busy = getattr(exc.orig, "sqlite_errorcode", 0) & 0xFF == _SQLITE_BUSY
                if not busy or time.monotonic() >= deadline:
                    raise
            time.sleep(_WRITE_POLL_S * (0.5 + random.random()))
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _remove_with_journal(path: Path) -> None:
    for p in (path, _journal(path)):
        with suppress(OSError):
            p.unlink(missing_ok=True)


@contextmanager
def _writing_beside(tmp: Path, path: Path, failure: str) -> Iterator[None]:
    """A file built under ``tmp`` for ``path``: errors become one sentence, ``tmp`` goes.

    ``failure`` is the sentence for an OS error (a full disk, a read-only folder), with
    ``{path}`` and ``{reason}``; SQLite's errors are told by ``database_refusal``.
    """
    try:
        yield
    except sqlite3.Error as exc:
        raise database_refusal(path, exc) from exc
    except DBAPIError as exc:
        if not isinstance(exc.orig, sqlite3.Error):
            raise
        raise database_refusal(path, exc.orig) from exc
    except OSError as exc:
        raise ProjectFileError(failure, path=path, reason=os_reason(exc)) from exc
    finally:
        _remove_with_journal(tmp)


class Project:
    """An open project: a file, or a team project on a server (``store/server.py``).

    Every write is one transaction (``with project.write()``). ``path`` is the file, None
    for a server project; ``location`` is what the user named, fit to show.
    """

    def __init__(
        self, path: Path | None, engine: Engine, url: str | None = None,
        read_only: Msg | None = None,
    ) -> None:
        self.path = path
        self.url = url
        #: Why the project is open read-only (a read-only file, damage found), or None.
        self.read_only = read_only
        #: What the full check found once damage showed itself (``integrity``), or None.
        self.damage: integrity.Examination | None = None
        self.origin = change_feed.new_origin()
        self.engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")

    @property
    def location(self) -> str:
        return display_url(self.url) if self.url else str(self.path)

    @classmethod
    def create(
        cls, path: Path | str, name: str | None = None,
        fill: "Callable[[Project], T] | None" = None,
    ) -> "Project":
        """A new project; ``fill`` adds its first content before the file gets its name.

        The file is built under a temporary name beside the target and renamed only when
        complete, so a kill or an error half-way leaves no project that blocks a rerun.
        """
        project, _ = cls.create_filled(path, name, fill)
        return project

    @classmethod
    def create_filled(
        cls, path: Path | str, name: str | None, fill: "Callable[[Project], T] | None"
    ) -> "tuple[Project, T | None]":
        """``create``, also returning what ``fill`` returned (an import report)."""
        if is_server_url(path):
            return cls._create_on_server(str(path), name, fill)
        path = Path(path)
        with system_refusals():
            taken, folder = path.exists(), path.parent.is_dir()
        if taken:
            raise ProjectFileError(
                "{path}: already exists; choose another file name", path=path
            )
        if not folder:
            raise ProjectFileError("{path}: no such folder", path=path.parent)
        tmp = temporary_name(path, "new")
        engine = _make_engine(tmp)
        result: T | None = None
        with _writing_beside(
            tmp, path, "{path}: the project cannot be created ({reason}); nothing was changed"
        ):
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
                if fill is not None:
                    result = fill(cls(tmp, engine))
                engine.dispose()
                _fsync(tmp)
                if path.exists():
                    raise ProjectFileError(
                        "{path}: already exists; choose another file name", path=path
                    )
                os.replace(tmp, path)
            finally:
                engine.dispose()
        return cls(path, _make_engine(path)), result

    @classmethod
    def open(cls, path: Path | str) -> "Project":
        if is_server_url(path):
            return cls._open_on_server(str(path))
        path = Path(path)
        version = _check_file(path)
        sweep(path.parent)  # what a killed process left beside it (``debris.py``)
        if version > CURRENT_VERSION:
            raise ProjectFileError(
                "{path}: written by a newer version of Annotator (project format "
                "{version}; this version reads up to {current}). Please update.",
                path=path, version=version, current=CURRENT_VERSION,
            )
        read_only = _read_only_reason(path)
        if read_only is not None:
            if version < CURRENT_VERSION:
                raise ProjectFileError(
                    "{path}: it cannot be written, and it is from an older version that must "
                    "be upgraded before it can be opened — make it and its folder writable "
                    "and open it again (nothing was changed)", path=path,
                )
            return cls(path, _make_engine(path, read_only=True), read_only=read_only)
        if version < CURRENT_VERSION:
            _backup_before_migration(path, version)
        engine = _make_engine(path)
        if version < CURRENT_VERSION:
            try:
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
            except Exception as exc:
                engine.dispose()
                orig = getattr(exc, "orig", exc)
                if isinstance(orig, sqlite3.Error):
                    raise database_refusal(path, orig) from exc
                raise
        return cls(path, engine)

    @classmethod
    def _create_on_server(
        cls, url: str, name: str | None, fill: "Callable[[Project], T] | None"
    ) -> "tuple[Project, T | None]":
        """The tables in one transaction, then ``fill``; a failure leaves the database empty."""
        engine = make_server_engine(url)
        try:
            require_empty(engine, url)
            with engine.begin() as conn:
                migrate(conn, 0)
                change_feed.install(conn)
                conn.execute(Meta.__table__.insert(), [
                    {"key": APPLICATION_KEY, "value": APPLICATION},
                    {"key": "schema_version", "value": str(CURRENT_VERSION)},
                    {"key": "name",
                     "value": name or conn.scalar(text("SELECT current_database()"))},
                    {"key": "created_at", "value": now().isoformat()},
                ])
        except BaseException:
            engine.dispose()
            raise
        project = cls(None, engine, url)
        try:
            result = fill(project) if fill is not None else None
        except BaseException:
            empty_database(engine)
            engine.dispose()
            raise
        return project, result

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
                    _upgrade_on_server(conn, url, version)
                elif not change_feed.installed(conn) and owns_tables(conn):
                    change_feed.install(conn)  # a project from before the live feed
        except BaseException:
            engine.dispose()
            raise
        return cls(None, engine, url)

    @contextmanager
    def write(self, *, serializable: bool = False) -> Iterator[Session]:
        """One user operation: committed when the block ends, rolled back on error.

        A lock held too long, a full disk or a read-only file is one sentence that says
        nothing was changed (the transaction was rolled back), never a traceback. A
        project open read-only refuses before anything is tried. ``serializable`` runs it
        at that isolation level on a server (``serialized`` retries it); a file's writer
        holds the write lock from its first statement, which is as strict already.
        """
        if self.read_only is not None:
            raise ProjectFileError(
                "{path}: the project is open read-only ({reason}) — nothing was changed",
                path=self.location, reason=self.read_only,
            )
        queued = serializable and self.url is not None
        with self._damage_found():
            try:
                with self._server_errors(), \
                        (queued_serializable(self._writer) if queued
                         else nullcontext(self._writer)) as bind, \
                        Session(bind, expire_on_commit=False) as session, \
                        session.begin():
                    if self.url is not None:
                        change_feed.mark_origin(session.connection(), self.origin)
                    yield session
            except OperationalError as exc:
                cause = _not_damage_cause(exc)
                if cause is not None:
                    raise database_refusal(self.path, cause) from exc
                raise

    def serialized(self, step: "Callable[[Session], T]") -> T:
        """``step`` in one write that reads, decides and writes (the next position among
        siblings, the colour that stands out from those in use), as if no one else wrote.

        On a server two members' steps interleave, and a unique constraint cannot say
        that two codes took the same position. Such steps queue behind one lock per
        project (``queued_serializable``) and run at PostgreSQL's SERIALIZABLE level:
        members' steps wait for each other rather than clash, and should a writer that
        does not queue (another program, a script) clash with one, the server refuses
        it and it is run again from the start on fresh reads, a bounded number of times,
        before the clash is reported (the ``Conflict`` that says nothing was saved).
        ``step`` must therefore do nothing but read and write through its session.
        Codings are not queued: the unique key alone keeps them right.
        """
        attempt = 1
        while True:
            try:
                with self.write(serializable=True) as session:
                    return step(session)
            except Conflict as exc:
                if attempt == SERIALIZED_ATTEMPTS or not is_serialization_failure(exc):
                    raise
            time.sleep(random.uniform(0, min(SERIALIZED_PAUSE_S, 0.005 * 2 ** attempt)))
            attempt += 1

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._damage_found(), self._server_errors(), Session(self.engine) as session, \
                session.begin():
            yield session

    @contextmanager
    def _damage_found(self) -> Iterator[None]:
        """Damage met after opening becomes a report of what can be saved (``integrity``);
        the project is read-only from then on, so nothing more is written into it."""
        try:
            yield
        except DBAPIError as exc:
            if self.path is None or not integrity.is_damage(exc.orig):
                raise
            refusal = integrity.damage_refusal(self.path, exc.orig)
            self.damage = refusal.found
            self.read_only = msg("it is damaged")
            raise refusal from exc

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
    def folder(self) -> Path:
        """Where files made from the project go unless the user says otherwise: beside the
        file, or the home folder for a team project."""
        return self.path.parent if self.path is not None else Path.home()

    @property
    def shown_name(self) -> str:
        """The file's name, or the server URL without its password: what a question names."""
        return self.path.name if self.path is not None else self.location

    @property
    def stem(self) -> str:
        """The project's short name for file names made from it and for memo labels: the
        file's name without its extension, or the server database's name."""
        if self.path is not None:
            return self.path.stem
        named = database_name(self.url or "")
        if named:
            return named
        with self.read() as s:
            return s.scalar(text("SELECT current_database()"))

    @property
    def name(self) -> str:
        with self.read() as s:
            stored = s.scalar(select(Meta.value).where(Meta.key == "name"))
        return stored or (self.path.stem if self.path else self.location)

    def save_copy(self, dest: Path | str) -> Path:
        """A consistent copy through SQLite's backup API (never a file copy of a live file).

        Written beside the destination under a temporary name and renamed when complete.
        A team project is copied row for row into a new file (``store/transfer.py``).
        """
        dest = Path(dest)
        if self.url is not None:
            Project.create(dest, self.name, lambda p: copy_into(self.engine, p)).close()
            return dest
        with system_refusals():
            same = dest.resolve() == self.path.resolve()
        if same:
            raise ProjectFileError("a copy cannot overwrite the project itself")
        tmp = temporary_name(dest, "copy")
        with _writing_beside(
            tmp, dest, "{path}: the copy cannot be written ({reason}); nothing was changed"
        ):
            _backup_to(self.path, tmp)
            os.replace(tmp, dest)
        return dest

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _upgrade_on_server(conn: Connection, url: str, version: int) -> None:
    """The migrations and the triggers, in the open's transaction: only the owner may."""
    if not owns_tables(conn):
        raise ProjectFileError(
            "{url}: the team project is from an older version (project format {version}) "
            "and must first be opened once by the role that owns it, which upgrades it; "
            "nothing was changed", url=display_url(url), version=version,
        )
    migrate(conn, version)
    conn.execute(Meta.__table__.update().where(Meta.key == "schema_version")
                 .values(value=str(CURRENT_VERSION)))
    change_feed.install(conn)


def copy_into(source: Engine, project: Project) -> None:
    """Every row of the project behind ``source`` into the new, empty ``project``."""
    with project.write() as s:
        copy_contents(source, s)


def _fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _backup_to(src_path: Path, dest: Path) -> None:
    """A copy by SQLite's backup API, on disk (fsync) when this returns."""
    src = _ro_connect(src_path)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    _fsync(dest)


def _backup_is_good(backup: Path, version: int) -> bool:
    """A backup counts only if it opens, checks out and holds the version it is named for."""
    try:
        _check_regular_file(backup)
        return _read_check(backup) == version
    except (sqlite3.Error, ProjectFileError, OSError):
        return False


def _backup_before_migration(path: Path, version: int) -> None:
    """Keep the old file next to the new one: an upgrade must never cost a user their data.

    The backup is written under a temporary name, made durable, verified and only then
    renamed; an existing ``.bak`` is used only once it has been verified the same way.
    """
    backup = path.with_name(f"{path.name}.format{version}.bak")
    if backup.exists() and _backup_is_good(backup, version):
        return
    tmp = temporary_name(backup, "bak")
    with _writing_beside(
        tmp, path, "{path}: the copy made before the upgrade cannot be written ({reason}), so "
        "the project was not upgraded; nothing was changed",
    ):
        _backup_to(path, tmp)
        if not _backup_is_good(tmp, version):
            raise ProjectFileError(
                "{path}: the copy made before the upgrade could not be verified, so the "
                "project was not upgraded; nothing was changed", path=path,
            )
        os.replace(tmp, backup)
