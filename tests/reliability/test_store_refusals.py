"""Damaged, odd or crashed project files: a clear one-line refusal or a recovery, never a
traceback, a hang or a file left behind."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.domain.errors import ProjectFileError
from annotator.messages import set_language
from annotator.services.coding import segments
from annotator.services.documents import list_documents
from annotator.services.projects import new_project
from annotator.store.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    try:
        for st in statements:
            db.execute(st)
        db.commit()
    finally:
        db.close()


def _refused_untouched(path: Path, match: str) -> ProjectFileError:
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=match) as info:
        Project.open(path)
    assert path.read_bytes() == before
    assert "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize("value", ["abc", "2.5", "", "0", "-1", None])
def test_an_edited_schema_version_is_refused(project: Project, value: str | None) -> None:
    project.close()
    _sql(project.path, "PRAGMA foreign_keys=OFF")
    db = sqlite3.connect(project.path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (value,))
    db.commit()
    db.close()
    err = _refused_untouched(project.path, "format number")
    assert "nothing was changed" in str(err)


def test_a_dropped_table_or_column_is_refused(project: Project, tmp_path: Path) -> None:
    project.close()
    other = tmp_path / "other.annotator"
    shutil.copy(project.path, other)
    _sql(project.path, "DROP TABLE coding")
    _refused_untouched(project.path, "table coding is missing")
    _sql(other, "ALTER TABLE document DROP COLUMN memo")
    _refused_untouched(other, "column document.memo is missing")


def test_a_code_that_is_its_own_ancestor_is_refused_not_looped(project: Project) -> None:
    with project.read() as s:
        ids = [r[0] for r in s.connection().exec_driver_sql(
            "SELECT id FROM code WHERE parent_id IS NOT NULL LIMIT 1")]
    project.close()
    db = sqlite3.connect(project.path)
    (parent,) = db.execute("SELECT parent_id FROM code WHERE id = ?", ids).fetchone()
    db.execute("UPDATE code SET parent_id = ? WHERE id = ?", (ids[0], parent))
    db.commit()
    db.close()
    _refused_untouched(project.path, "its own ancestor")


def test_a_fifo_named_like_a_project_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.annotator"
    os.mkfifo(fifo)
    with pytest.raises(ProjectFileError, match="not a regular file"):
        Project.open(fifo)


def test_a_busy_project_is_reported_busy_not_damaged(project: Project, monkeypatch) -> None:
    monkeypatch.setattr("annotator.store.project.BUSY_TIMEOUT_MS", 200)
    project.close()
    holder = sqlite3.connect(project.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectFileError, match="busy") as info:
            Project.open(project.path)
        assert "damaged" not in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_the_refusal_speaks_chinese(project: Project) -> None:
    project.close()
    _sql(project.path, "DROP TABLE coding")
    set_language("zh")
    try:
        with pytest.raises(ProjectFileError) as info:
            Project.open(project.path)
        assert "项目文件已损坏" in str(info.value) and "未做任何更改" in str(info.value)
    finally:
        set_language("en")


def test_a_new_project_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "新项目.annotator"
    seen = []

    def fill(p: Project) -> None:
        seen.append(target.exists())
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        Project.create(target, None, fill)
    assert seen == [False]
    assert list(tmp_path.iterdir()) == []  # neither the project nor a temporary


def test_new_killed_half_way_can_be_run_again(tmp_path: Path) -> None:
    target = tmp_path / "p.annotator"
    script = (
        "import os, signal, sys\n"
        "from annotator.store.project import Project\n"
        "Project.create(sys.argv[1], None, lambda p: os.kill(os.getpid(), signal.SIGKILL))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(target)], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert not target.exists()
    new_project(target, "governance").close()  # the rerun is not blocked
    with Project.open(target) as p:
        assert list_documents(p) == []


def test_a_broken_backup_is_not_trusted_before_an_upgrade(tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "schema1.annotator", old)
    backup = tmp_path / "old.annotator.format1.bak"
    backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a backup killed half-way
    with Project.open(old) as p:
        assert len(segments(p)) == 2
    db = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
        assert db.execute("SELECT count(*) FROM coding").fetchone() == (2,)
    finally:
        db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.annotator", backup.name]


def test_a_hot_journal_is_rolled_back_on_the_next_open(project: Project, tmp_path: Path) -> None:
    """A kill inside a write, frozen: the file and its journal as the killed writer left them."""
    project.close()
    script = (
        "import os, signal, sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('PRAGMA cache_size=1')\n"
        "db.execute('BEGIN IMMEDIATE')\n"
        "db.execute(\"UPDATE code SET name = name || '-half-written'\")\n"
        "db.execute(\"INSERT INTO meta VALUES ('junk', zeroblob(200000))\")\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(project.path)], check=False)
    assert project.path.with_name(project.path.name + "-journal").exists()
    with Project.open(project.path) as p, p.read() as s:
        names = [r[0] for r in s.connection().exec_driver_sql("SELECT name FROM code")]
    assert names and not any(n.endswith("-half-written") for n in names)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.annotator"]


def test_a_write_while_another_program_holds_the_lock_is_one_sentence(
    project: Project, monkeypatch
) -> None:
    from annotator.services.coders import ensure_coder

    monkeypatch.setattr("annotator.store.project.BUSY_TIMEOUT_MS", 200)
    project.close()
    p = Project.open(project.path)
    holder = sqlite3.connect(project.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectFileError, match="busy") as info:
            ensure_coder(p, "新编码员")
        assert "nothing was changed" in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with p.read() as s:
        names = [r[0] for r in s.connection().exec_driver_sql("SELECT name FROM coder")]
    assert "新编码员" not in names
    p.close()
