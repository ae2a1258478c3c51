"""Team projects: one project in a database on a PostgreSQL server.

A server project is built by the same migrations and read through the same models as a
project file; only how it is reached differs. Its location is a libpq URL
(``postgresql://user@host:5432/dbname?sslmode=require``) handed to libpq unchanged, so
everything libpq reads by itself applies as the team's administrator expects: ``.pgpass``
and ``PGPASSFILE``, ``PGSERVICE`` and ``pg_service.conf``, ``PGSSLMODE`` … Annotator never
stores a password: settings and recent lists keep ``display_url`` (the URL without it).

A file marks itself as a project with SQLite's ``application_id``; a database has no such
header, so the ``meta`` table carries ``application = Annotator`` beside the schema version.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, select, text
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from annotator.domain.errors import Conflict, InvalidInput, ProjectFileError
from annotator.store.models import Meta

SCHEMES = ("postgresql://", "postgres://")
APPLICATION_KEY = "application"
APPLICATION = "Annotator"
#: serialization_failure, deadlock_detected: the step clashed with another one
SERIALIZATION_STATES = ("40001", "40P01")
INSUFFICIENT_PRIVILEGE = "42501"


def is_server_url(location: object) -> bool:
    """Whether a project location names a server database rather than a file."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def display_url(url: str) -> str:
    """The URL as it may be shown and remembered: without a password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


#: How soon a connection gives up on a server that vanished without closing it (the
#: laptop left the Wi-Fi, a cable was pulled): libpq's connect timeout, TCP keepalives
#: (a silent peer is declared gone after about 11 s) and user timeout (data unanswered for
#: 15 s). Without them a step would hang the window for many minutes.
LIVENESS = {"connect_timeout": "10", "keepalives_idle": "5", "keepalives_interval": "2",
            "keepalives_count": "3", "tcp_user_timeout": "15000"}


def liveness_options(url: str) -> dict[str, str]:
    """``LIVENESS``, less what the URL or the environment sets itself; nothing when a
    libpq service is named (its file is the administrator's to set)."""
    given = set(parse_qs(urlsplit(url).query))
    if "service" in given or os.environ.get("PGSERVICE"):
        return {}
    if os.environ.get("PGCONNECT_TIMEOUT"):
        given.add("connect_timeout")
    return {k: v for k, v in LIVENESS.items() if k not in given}


def make_server_engine(url: str) -> Engine:
    """An engine on the psycopg driver (libpq underneath), checked before each use.

    ``pool_pre_ping`` notices a server that went away between two operations, so the user
    is told at the next step rather than after a half-sent write; ``liveness_options``
    keep a vanished one from hanging it.
    """
    rest = url.split("://", 1)[1]
    return create_engine(f"postgresql+psycopg://{rest}", pool_pre_ping=True,
                         connect_args=liveness_options(url))


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split()) or type(orig).__name__


def _tables(engine: Engine, url: str) -> set[str]:
    try:
        return set(inspect(engine).get_table_names())
    except DBAPIError as exc:
        raise ProjectFileError(
            "{url}: cannot connect to the team project's server ({reason})",
            url=display_url(url), reason=_reason(exc),
        ) from exc


def check_server(engine: Engine, url: str) -> int:
    """The schema version of the server project at ``url``, or ``ProjectFileError``."""
    tables = _tables(engine, url)
    if not tables:
        raise ProjectFileError(
            "{url}: the database is empty; create a team project in it with "
            "'annotator new {url}'", url=display_url(url),
        )
    if "meta" not in tables:
        raise ProjectFileError("{url}: the database is not an Annotator project",
                               url=display_url(url))
    try:
        with engine.connect() as conn:
            rows = dict(conn.execute(select(Meta.key, Meta.value)).all())
    except SQLAlchemyError as exc:
        raise ProjectFileError("{url}: the database is not an Annotator project",
                               url=display_url(url)) from exc
    if rows.get(APPLICATION_KEY) != APPLICATION:
        raise ProjectFileError("{url}: the database is not an Annotator project",
                               url=display_url(url))
    version = rows.get("schema_version") or ""
    if not version.isdigit():
        raise ProjectFileError(
            "{url}: the team project is damaged (its schema version is {version!r})",
            url=display_url(url), version=version,
        )
    return int(version)


def owns_tables(conn: Connection) -> bool:
    """Whether the connected role owns the project's tables (and may change their shape:
    upgrades, triggers). Members who only read, or only code, need not."""
    return bool(conn.execute(text(
        "SELECT pg_has_role(tableowner, 'USAGE') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'meta'"
    )).scalar())


#: The advisory lock that steps reading before they write queue behind (one per database).
QUEUE_LOCK = 0x414E4E4F


@contextmanager
def queued_serializable(engine: Engine) -> Iterator[Connection]:
    """A connection for one SERIALIZABLE transaction, after the steps queued before it.

    The lock is a session lock taken *before* the transaction begins: a transaction's
    snapshot is taken at its first statement, so a lock taken inside it would be waited
    for with a snapshot that misses the step it waited for — and the server would refuse
    each waiter in turn. Taken first, the step's reads see the one before it. The lock
    ends with the connection if the server goes away.
    """
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": QUEUE_LOCK})
        conn.commit()
        try:
            yield conn.execution_options(isolation_level="SERIALIZABLE")
        finally:
            try:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": QUEUE_LOCK})
                conn.commit()
            except DBAPIError:
                conn.invalidate()  # a lost connection holds no lock any more


def require_empty(engine: Engine, url: str) -> None:
    """A new team project is only built in an empty database, never over other data."""
    if _tables(engine, url):
        raise ProjectFileError(
            "{url}: the database is not empty; a team project needs a database of its own",
            url=display_url(url),
        )


def database_name(url: str) -> str:
    """The database a URL names ("" when libpq finds it elsewhere, e.g. a service file)."""
    return unquote(urlsplit(url).path.lstrip("/"))


def _sqlstate(exc: BaseException | None) -> str:
    return getattr(getattr(exc, "orig", None), "sqlstate", None) or ""


def is_serialization_failure(exc: BaseException) -> bool:
    """Whether a step failed only because another member's step ran at the same moment
    (PostgreSQL's serialization failure or deadlock, maybe behind the message made of it):
    run again, it can succeed."""
    current: BaseException | None = exc
    while current is not None:
        if _sqlstate(current) in SERIALIZATION_STATES:
            return True
        current = current.__cause__
    return False


def server_error(exc: DBAPIError, url: str) -> Exception:
    """What a failed step on the server means to the user; the error itself if unknown.

    The step was one transaction, so in every case below nothing of it was saved: the
    message says so, and the window can refuse further edits rather than lose them.
    """
    state = _sqlstate(exc)
    where = display_url(url)
    # no SQLSTATE at all: libpq could not reach the server (refused, timed out, DNS)
    gone = isinstance(exc, OperationalError) and not state
    if gone or exc.connection_invalidated or state.startswith("08") or \
            state in ("57P01", "57P02", "57P03"):
        return ProjectFileError(
            "{url}: the connection to the team project's server was lost; this step was not "
            "saved ({reason})", url=where, reason=_reason(exc),
        )
    if state in SERIALIZATION_STATES:
        return Conflict(
            "someone else changed the same part of the team project at the same moment; "
            "this step was not saved — please try again",
        )
    if state == INSUFFICIENT_PRIVILEGE:
        return ProjectFileError(
            "{url}: the server does not allow your role to make this change in the team "
            "project (ask its administrator for the right); nothing was saved", url=where,
        )
    if state == "22001":
        return InvalidInput("a name or text is longer than the project allows; nothing was saved")
    if state.startswith("23"):
        return Conflict(
            "the change clashes with one just made by someone else; this step was not saved",
        )
    return exc


def empty_database(engine: Engine) -> None:
    """Take a half-made team project out again (a ``new`` or ``push`` that failed)."""
    with engine.begin() as conn:
        tables = MetaData()
        tables.reflect(bind=conn)
        tables.drop_all(bind=conn)
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS annotator_notify() CASCADE")
