"""Opening and creating project files, and refusing files that are not good projects."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from annotator.domain.errors import ProjectFileError
from annotator.services.codebook import code_tree
from annotator.services.coding import segments
from annotator.services.documents import list_documents
from annotator.services.projects import new_project
from annotator.store.migrations import CURRENT_VERSION, MIGRATIONS
from annotator.store.models import Base
from annotator.store.project import APPLICATION_ID, Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def assert_refused_untouched(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=match):
        Project.open(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-journal").exists()


def test_new_project_reopens_with_its_codebook(tmp_path: Path) -> None:
    p = new_project(tmp_path / "a.annotator", "governance")
    p.close()
    with Project.open(tmp_path / "a.annotator") as p:
        paths = [c.path for c in code_tree(p)]
    assert paths[:2] == ["协调", "协调/基层党组织建设与顶层设计"]
    assert {"整合/一核多元治理架构", "信任/政治信任", "信任/互动与监督渠道"} <= set(paths)
    assert len(paths) == 13


def test_creating_over_an_existing_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "x.annotator"
    f.write_bytes(b"keep me")
    with pytest.raises(ProjectFileError, match="already exists"):
        new_project(f)
    assert f.read_bytes() == b"keep me"


def test_closed_project_is_one_self_contained_file(project: Project) -> None:
    project.close()
    siblings = sorted(p.name for p in project.path.parent.iterdir())
    assert siblings == [project.path.name]
    assert sqlite3.connect(project.path).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_text_file_is_not_a_project(tmp_path: Path) -> None:
    f = tmp_path / "notes.annotator"
    f.write_text("这不是项目文件", encoding="utf-8")
    assert_refused_untouched(f, "not an Annotator project")


def test_an_empty_file_is_not_a_project(tmp_path: Path) -> None:
    f = tmp_path / "empty.annotator"
    f.touch()
    assert_refused_untouched(f, "not an Annotator project")


def test_another_programs_database_is_not_a_project(tmp_path: Path) -> None:
    f = tmp_path / "other.annotator"
    db = sqlite3.connect(f)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    assert_refused_untouched(f, "another program")


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="no such project"):
        Project.open(tmp_path / "nope.annotator")
    with pytest.raises(ProjectFileError, match="folder"):
        Project.open(tmp_path)


def test_a_corrupted_project_is_refused_and_left_as_it_was(project: Project) -> None:
    project.close()
    data = bytearray(project.path.read_bytes())
    # Overwrite the middle of the file (table and index pages) with garbage.
    for i in range(4096, len(data) - 1024, 7):
        data[i] = (data[i] * 31 + 17) % 256
    project.path.write_bytes(bytes(data))
    assert_refused_untouched(project.path, "damaged")


def test_a_truncated_project_is_refused(project: Project) -> None:
    project.close()
    data = project.path.read_bytes()
    project.path.write_bytes(data[: len(data) // 3])
    assert_refused_untouched(project.path, "damaged")


def test_a_project_from_a_newer_version_is_refused_untouched(project: Project) -> None:
    with project.write() as s:
        s.execute(
            Base.metadata.tables["meta"].update()
            .where(Base.metadata.tables["meta"].c.key == "schema_version")
            .values(value=str(CURRENT_VERSION + 1))
        )
    project.close()
    assert_refused_untouched(project.path, "newer version")


def test_a_schema_1_project_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "schema1.annotator", old)
    with Project.open(old) as p:
        docs = list_documents(p)
        assert [d.name for d in docs] == ["访谈01"]
        segs = segments(p)
        assert [(s.code_path, s.text, s.memo, s.coder) for s in segs] == [
            ("信任", "𠮷野家", "", "王老师"),
            ("信任/政治信任", "居民信任党组织", "第一条", "王老师"),
        ]
        # The new columns exist and were filled in.
        with p.read() as s:
            guids = s.execute(Base.metadata.tables["coding"].select()).mappings().all()
        assert all(len(r["guid"]) == 36 for r in guids)
    backup = tmp_path / "old.annotator.format1.bak"
    def dump(path: Path) -> list[str]:
        db = sqlite3.connect(path)
        try:
            return list(db.iterdump())
        finally:
            db.close()

    assert dump(backup) == dump(FIXTURES / "schema1.annotator")
    with Project.open(old) as p:  # opening again migrates nothing more
        assert len(segments(p)) == 2


def test_migrated_schema_matches_the_models(project: Project) -> None:
    insp = inspect(project.engine)
    for name, table in Base.metadata.tables.items():
        on_disk = {c["name"] for c in insp.get_columns(name)}
        assert on_disk == set(table.columns.keys()), name
    old = project.path.with_name("old.annotator")
    shutil.copy(FIXTURES / "schema1.annotator", old)
    with Project.open(old) as p:
        insp = inspect(p.engine)
        for name, table in Base.metadata.tables.items():
            assert {c["name"] for c in insp.get_columns(name)} == set(table.columns.keys())
            with p.engine.connect() as conn:  # expression indexes too, which insp skips
                on_disk = set(conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                    (name,)).scalars())
            assert on_disk >= {i.name for i in table.indexes}


def test_save_copy_is_a_consistent_project(project: Project, tmp_path: Path) -> None:
    copy = project.save_copy(tmp_path / "copy.annotator")
    with Project.open(copy) as c:
        assert len(code_tree(c)) == 13
    with pytest.raises(ProjectFileError):
        project.save_copy(project.path)


def test_an_upgrade_keeps_same_named_siblings_apart(tmp_path: Path) -> None:
    """Before format 3 only the services kept sibling names unique; the index needs it."""
    path = tmp_path / "format2.annotator"
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        for step in MIGRATIONS[:2]:
            step(conn)
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '2')"))
        for n, name in enumerate(("协调", "协调", "信任")):
            conn.execute(text(
                "INSERT INTO code (guid, parent_id, name, description, color, position, "
                "is_codable, memo) VALUES (:g, NULL, :n, '', '#123456', :p, 1, '')"),
                {"g": f"guid-{n}", "n": name, "p": n})
    engine.dispose()
    with Project.open(path) as p, p.read() as s:
        top = s.execute(text("SELECT name FROM code WHERE parent_id IS NULL ORDER BY id"))
        assert top.scalars().all() == ["协调", "协调 (2)", "信任"]
