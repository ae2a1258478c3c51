"""The migrations build the same tables on SQLite and on a real PostgreSQL server.

A team project lives on the server through the same models as a file project, so a column
that is INTEGER in one and BOOLEAN in the other, nullable here and NOT NULL there, or a
constraint that exists on one side only, would make the same operation behave differently
for a team than for a researcher alone. Types are compared by what they hold (SQLAlchemy's
type affinity and length), since each engine spells them its own way (DATETIME / TIMESTAMP).
"""

import warnings

from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import SAWarning

from annotator.store.migrations import migrate


def _schema(engine) -> dict:
    insp = inspect(engine)
    schema = {}
    for table in sorted(insp.get_table_names()):
        columns = {
            c["name"]: (c["type"]._type_affinity.__name__, getattr(c["type"], "length", None),
                        c["nullable"])
            for c in insp.get_columns(table)
        }
        uniques = {tuple(u["column_names"]) for u in insp.get_unique_constraints(table)}
        plain = [i for i in insp.get_indexes(table) if None not in i["column_names"]]
        uniques |= {tuple(i["column_names"]) for i in plain if i["unique"]}
        foreign = _foreign_keys(engine, insp, table)
        indexes = {tuple(i["column_names"]) for i in plain if not i["unique"]}
        checks = {c["name"] for c in insp.get_check_constraints(table)}
        primary = tuple(insp.get_pk_constraint(table)["constrained_columns"])
        schema[table] = {
            "columns": columns, "unique": uniques, "foreign": foreign,
            "indexes": indexes, "checks": checks, "primary": primary,
            "named indexes": _named_indexes(engine, insp, table),
        }
    return schema


def _foreign_keys(engine, insp, table: str) -> set:
    """(columns, table, columns, ON DELETE) of each foreign key.

    On SQLite the ON DELETE rule is read from ``PRAGMA foreign_key_list``, which is what the
    engine enforces: SQLAlchemy's reflection parses the table's SQL text and misses the rule
    of a column added by ``ALTER TABLE … REFERENCES … ON DELETE``.
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})").fetchall()
        return {((r[3],), r[2], (r[4],), r[6].upper()) for r in rows}
    return {
        (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]),
         (f.get("options") or {}).get("ondelete", "NO ACTION").upper())
        for f in insp.get_foreign_keys(table)
    }


def _named_indexes(engine, insp, table: str) -> set[tuple[str, bool]]:
    """(name, unique) of each index created by name, expression indexes included.

    SQLAlchemy cannot reflect SQLite's expression indexes (``COALESCE(parent_id, 0)``), so
    there they are read from ``sqlite_master``; indexes that only back a constraint are
    compared with the constraints above.
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL", (table,)).all()
        return {(name, sql.upper().startswith("CREATE UNIQUE")) for name, sql in rows}
    return {(i["name"], bool(i["unique"])) for i in insp.get_indexes(table)
            if "duplicates_constraint" not in i}


def _migrated(url: str):
    engine = create_engine(url)
    with engine.begin() as conn:
        migrate(conn, 0)
    return engine


def test_the_migrations_build_identical_tables_on_sqlite_and_postgresql(tmp_path,
                                                                         postgres_database):
    sqlite = _migrated(f"sqlite+pysqlite:///{tmp_path / 'p.annotator'}")
    server = _migrated(postgres_database.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with warnings.catch_warnings():  # the expression index, read by _named_indexes
            warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
            a, b = _schema(sqlite), _schema(server)
        assert a.keys() == b.keys()
        for table in a:
            for part in a[table]:
                assert a[table][part] == b[table][part], (table, part)
    finally:
        sqlite.dispose()
        server.dispose()
