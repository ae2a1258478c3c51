"""Inserts that another writer may have beaten to it, decided by the database's constraints.

With one project file SQLite lets one writer in at a time, so "look, then insert" is safe;
on a team's server two members' steps interleave, and only a unique constraint can tell
which of two identical inserts came first. The insert runs in a savepoint so that losing
the race costs the step nothing but that one row: the caller looks again (another free
name, the coder the other member just made) inside the same transaction.
"""

from collections.abc import Iterator

from sqlalchemy import Table, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE


def is_unique_violation(exc: IntegrityError) -> bool:
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == UNIQUE_VIOLATION or \
        "UNIQUE constraint failed" in str(orig)


def reserve_ids(session: Session, table: Table, count: int) -> Iterator[int]:
    """``count`` ids for rows inserted in bulk with ids chosen beforehand (so that they can
    refer to each other in one statement).

    On a server they come from the table's id sequence, which no other member's insert
    can take again; a file has one writer, whose next ids follow the highest in use.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        return iter(conn.execute(text(
            "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"
        ), {"t": table.name, "n": count}).scalars().all())
    first = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
    return iter(range(first, first + count))


def insert_unless_taken(session: Session, row: object) -> bool:
    """Insert ``row``; False, with nothing written, when a unique constraint refuses it."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        return False
    return True
