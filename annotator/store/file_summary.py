"""What a project file holds (``annotator info``), read through sqlite3 alone.

``info`` is the command scripts and users run to look at a file, and most of its time
went into importing SQLAlchemy. A file that is plainly a current, sound project nobody is
writing to is read here without it, in one read transaction: its first bytes and its
application id are ours, SQLite's ``quick_check`` passes, its format number is
``file_format.VERSION``, every table and column of that format is there, no code is its
own ancestor, and no journal lies beside it (a writer at work, or one that was killed).

For anything else ``file_summary`` returns None and the caller opens the project the
full way (``Project.open``), which upgrades an older file, recovers a crashed one and
refuses the rest with the reason; so this never says anything about a file that the
full way would say differently. ``tests/store/test_file_summary.py`` holds the two to
the same answer.
"""

import sqlite3
import stat
from pathlib import Path

from annotator.domain.codetree import Tree
from annotator.store.debris import sweep
from annotator.store.file_format import APPLICATION_ID, SQLITE_MAGIC, TABLES, VERSION

BUSY_TIMEOUT_S = 10.0


def file_summary(location: str | Path) -> dict | None:
    """The JSON ``annotator info`` prints for the project file at ``location``
    (``services.overview.project_info``), or None when it must be opened the full way."""
    path = Path(location)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
        if path.with_name(path.name + "-journal").exists():
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        conn.execute("BEGIN")
        summary = _read(conn, path) if _is_current_and_sound(conn) else None
        conn.execute("COMMIT")
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if summary is not None:
        sweep(path.parent)  # as opening it would: what killed processes left beside it
    return summary


def _is_current_and_sound(conn: sqlite3.Connection) -> bool:
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        return False
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or row[0] != str(VERSION):
        return False
    for table, columns in TABLES.items():
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if not have.issuperset(columns):
            return False
    codes = conn.execute("SELECT id, parent_id FROM code").fetchall()
    return len(Tree(codes).preorder()) == len(codes)  # a cycle is out of every walk


def _read(conn: sqlite3.Connection, path: Path) -> dict:
    name = conn.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
    documents = conn.execute(
        "SELECT name, length, sha256, source_name, encoding FROM document "
        "ORDER BY position, id").fetchall()
    codes = conn.execute(
        "SELECT id, parent_id, name, guid, color FROM code ORDER BY position, id").fetchall()
    per_code = dict(conn.execute("SELECT code_id, count(id) FROM coding GROUP BY code_id"))
    per_coder = dict(conn.execute("SELECT coder_id, count(id) FROM coding GROUP BY coder_id"))
    coders = conn.execute("SELECT id, name, guid FROM coder ORDER BY id").fetchall()
    (total,) = conn.execute("SELECT count(id) FROM coding").fetchone()
    tree = Tree((c[0], c[1]) for c in codes)
    paths = tree.paths({c[0]: c[2] for c in codes})
    by_id = {c[0]: c for c in codes}
    return {
        "name": (name[0] if name else None) or path.stem,
        "path": str(path),
        "documents": [
            {"name": d[0], "characters": d[1], "sha256": d[2], "source": d[3],
             "encoding": d[4]}
            for d in documents
        ],
        "codes": [
            {"path": paths[cid], "guid": by_id[cid][3], "color": by_id[cid][4],
             "codings": per_code.get(cid, 0)}
            for cid in tree.preorder()
        ],
        "coders": [
            {"name": name, "guid": guid, "codings": per_coder.get(cid, 0)}
            for cid, name, guid in coders
        ],
        "total_codings": total,
    }


__all__ = ["file_summary"]
