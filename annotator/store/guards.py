"""Inserts that another writer may have beaten to it, decided by the database's constraints.

With one project file SQLite lets one writer in at a time, so "look, then insert" is safe;
on a team's server two members' steps interleave, and only a unique constraint can tell
which of two identical inserts came first. The insert runs in a savepoint so that losing
the race costs the step nothing but that one row: the caller looks again (another free
name, the coder the other member just made) inside the same transaction.
"""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE


def is_unique_violation(exc: IntegrityError) -> bool:
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == UNIQUE_VIOLATION or \
        "UNIQUE constraint failed" in str(orig)


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
