"""Moving a whole project between a file and a server, row for row.

``annotator push FILE URL`` puts a researcher's file on the team's server, and
``annotator save-copy URL FILE`` takes a self-contained file away from it (to archive, to
send to a reviewer, to code offline). Both build the destination with the migrations and
then copy every table's rows with their ids, in one transaction, so a copy is either
complete or absent. SQLite's backup API cannot help across engines; the ids are kept so that
GUIDs, codings and memos keep pointing at the same rows.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, MetaData, Table, column, select, text
from sqlalchemy import table as sql_table
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session

#: Facts that belong to where a project lives, not to what it holds.
PLACE_KEYS = frozenset({"schema_version", "application"})
BATCH = 5_000


def _parents_first(table: Table, rows: list[dict]) -> list[dict]:
    """Rows of a table that refers to itself (the code tree), each after its parent."""
    refs = [fk for fk in table.foreign_keys if fk.column.table.name == table.name]
    if not refs:
        return rows
    own, key = refs[0].parent.name, refs[0].column.name
    by_key = {r[key]: r for r in rows}
    placed: set[object] = set()
    ordered: list[dict] = []
    for row in rows:
        chain = []
        while row is not None and row[key] not in placed:
            chain.append(row)
            placed.add(row[key])
            row = by_key.get(row[own])
        ordered.extend(reversed(chain))
    return ordered


def _batches(rows: list[dict]) -> Iterable[list[dict]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


def copy_contents(source: Engine, session: Session) -> None:
    """Copy every row of ``source`` into the freshly built project behind ``session``."""
    dest: Connection = session.connection()
    with warnings.catch_warnings():  # SQLite's expression index: only the columns matter here
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
        tables = MetaData()
        tables.reflect(bind=dest)
    with source.connect() as src:
        for table in tables.sorted_tables:
            same = sql_table(table.name, *(column(c.name) for c in table.columns))
            rows = [dict(r._mapping) for r in src.execute(select(same))]
            if table.name == "meta":
                rows = [r for r in rows if r["key"] not in PLACE_KEYS]
                keys = [r["key"] for r in rows]
                if keys:
                    dest.execute(table.delete().where(table.c.key.in_(keys)))
            for batch in _batches(_parents_first(table, rows)):
                dest.execute(table.insert(), batch)
    if dest.dialect.name == "postgresql":
        _advance_sequences(dest, tables)


def _advance_sequences(dest: Connection, tables: MetaData) -> None:
    """Rows came with their ids: the server's id counters must start after them."""
    for table in tables.sorted_tables:
        if "id" not in table.c:
            continue
        dest.execute(text(
            "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
            f"COALESCE((SELECT max(id) FROM \"{table.name}\"), 0) + 1, false)"
        ), {"t": table.name})
