"""The schema the migrations write is the schema the models describe: the same columns
with the same types and nullability, in a new project and in one upgraded from format 1.
(A mismatch means ``create_all`` and the migrations build different files, and values
come back in a different shape depending on how the file was made.)"""

import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.dialects import sqlite

from annotator.services.projects import new_project
from annotator.services.rows import CodeRow, CodingRow, DocumentRow
from annotator.store.models import Base
from annotator.store.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def affinity(type_name: str) -> str:
    """SQLite's type affinity for a declared type (sqlite.org/datatype3.html §3.1)."""
    t = type_name.upper()
    if "INT" in t:
        return "INTEGER"
    if any(k in t for k in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not t or "BLOB" in t:
        return "BLOB"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def model_columns() -> dict[str, dict[str, tuple[str, bool]]]:
    dialect = sqlite.dialect()
    return {name: {c.name: (affinity(c.type.compile(dialect=dialect)), bool(c.nullable))
                   for c in table.columns}
            for name, table in Base.metadata.tables.items()}


def disk_columns(project: Project) -> dict[str, dict[str, tuple[str, bool]]]:
    insp = inspect(project.engine)
    return {name: {c["name"]: (affinity(str(c["type"])), bool(c["nullable"]))
                   for c in insp.get_columns(name)}
            for name in Base.metadata.tables}


@pytest.mark.parametrize("made", ["new", "upgraded from format 1"])
def test_types_and_nullability_match_the_models(made: str, tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    if made == "new":
        new_project(path, "empty").close()
    else:
        shutil.copy(FIXTURES / "schema1.annotator", path)
    with Project.open(path) as p:
        on_disk = disk_columns(p)
    differences = [
        f"{table}.{column}: models say (affinity, nullable) = {expected}, "
        f"the file has {on_disk[table].get(column)}"
        for table, columns in model_columns().items()
        for column, expected in columns.items() if on_disk[table].get(column) != expected]
    assert differences == []


def test_is_codable_comes_back_as_a_bool(tmp_path: Path) -> None:
    from annotator.services.codebook import code_tree
    p = new_project(tmp_path / "p.annotator", "governance")
    try:
        assert {type(c.is_codable) for c in code_tree(p)} == {bool}
    finally:
        p.close()


@pytest.mark.parametrize("row", [CodingRow, CodeRow, DocumentRow])
def test_undo_rows_hold_every_column_of_their_table(tmp_path: Path, row: type) -> None:
    """An undo puts back a whole row (``services/rows.py``): a column the migrations add
    and the row class lacks would be lost on every undo of a delete."""
    table = {CodingRow: "coding", CodeRow: "code", DocumentRow: "document"}[row]
    project = new_project(tmp_path / "p.annotator", "governance")
    try:
        columns = {c["name"] for c in inspect(project.engine).get_columns(table)}
    finally:
        project.close()
    assert {f.name for f in fields(row)} == columns
