"""``annotator info`` read through sqlite3 (``store/file_summary``) says what the full open
says, and leaves every file it is not sure of to the full open."""

import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from annotator.services import codebook, coding, documents
from annotator.services.coders import ensure_coder
from annotator.services.exchange import new_project_from_qdpx
from annotator.services.overview import project_info
from annotator.services.projects import create_demo_project
from annotator.store.file_summary import file_summary
from annotator.store.project import Project
from tests.conftest import SEED_PAPER, shared_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def full_info(path: Path) -> dict:
    with Project.open(path) as p:
        return project_info(p)


def info_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annotator", "info", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_the_demo_project_reads_the_same_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "示例项目.annotator"
    create_demo_project(path).close()
    assert file_summary(path) == full_info(path)


def test_a_project_with_nested_codes_several_coders_and_odd_names(project) -> None:
    """Slashes in code names, codes moved among siblings, two coders, two documents."""
    p = project
    documents.import_files(p, [SEED_PAPER])
    documents.add_document(p, "访谈 1/2", "居民信任党组织，也信任邻居。")
    a, b = ensure_coder(p, "甲"), ensure_coder(p, "乙")
    parent = codebook.add_code(p, "新/代码 a\\/b")
    child = codebook.add_code(p, "新/代码 a\\/b/子")
    codebook.move_code(p, parent.id, None, 0)  # first among the top-level codes
    docs = documents.list_documents(p)
    for coder in (a, b):
        coding.code_span(p, docs[-1].id, 0, 4, child.id, coder.id)
    coding.code_span(p, docs[0].id, 10, 30, parent.id, a.id)
    p.close()
    fast = file_summary(p.path)
    assert fast == full_info(p.path)
    assert [c["path"] for c in fast["codes"]][:2] == ["代码 a\\/b", "代码 a\\/b/子"]
    per_coder = {c["name"]: c["codings"] for c in fast["coders"]}
    assert (per_coder["甲"], per_coder["乙"], fast["total_codings"]) == (2, 1, 3)


@pytest.mark.parametrize("qdpx", ["nvivo-win-12.6-small.qdpx",
                                  "nvivo-mac-12.7-hungarian-emoji.qdpx",
                                  "atlasti-23-three-codes.qdpx"])
def test_projects_from_other_programs_read_the_same_both_ways(qdpx: str,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    project, _report = new_project_from_qdpx(path, shared_file("refi", qdpx))
    project.close()
    fast = file_summary(path)
    assert fast == full_info(path)
    assert fast["documents"] or fast["codes"]


def test_the_command_prints_the_same_json_as_the_full_open(tmp_path: Path) -> None:
    path = tmp_path / "demo.annotator"
    create_demo_project(path).close()
    done = info_cli(path, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(json.dumps(full_info(path), default=str))


def test_an_older_file_goes_the_full_way_and_is_upgraded(tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "schema1.annotator", old)
    assert file_summary(old) is None
    done = info_cli(old)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("旧项目: 1 documents")
    assert file_summary(old) == full_info(old)  # upgraded by the full open: current now


@pytest.mark.parametrize(("damage", "says"), [
    ("DROP TABLE cases", "table cases is missing"),  # a table info does not read
    ("ALTER TABLE document DROP COLUMN memo", "column document.memo is missing"),
    ("UPDATE meta SET value = '99' WHERE key = 'schema_version'", "newer version"),
    ("UPDATE meta SET value = 'x' WHERE key = 'schema_version'", "format number"),
    ("PRAGMA application_id = 7", "another program's database"),
])
def test_a_file_it_is_not_sure_of_is_refused_by_the_full_open(
        project, damage: str, says: str) -> None:
    project.close()
    with closing(sqlite3.connect(project.path)) as db:
        db.execute(damage)
        db.commit()
    before = project.path.read_bytes()
    assert file_summary(project.path) is None
    done = info_cli(project.path)
    assert done.returncode == 1 and says in done.stderr, done.stderr
    assert project.path.read_bytes() == before


def test_a_code_that_is_its_own_ancestor_goes_the_full_way(project) -> None:
    project.close()
    db = sqlite3.connect(project.path)
    child, parent = db.execute(
        "SELECT id, parent_id FROM code WHERE parent_id IS NOT NULL LIMIT 1").fetchone()
    db.execute("UPDATE code SET parent_id = ? WHERE id = ?", (child, parent))
    db.commit()
    db.close()
    assert file_summary(project.path) is None
    done = info_cli(project.path)
    assert done.returncode == 1 and "its own ancestor" in done.stderr


def test_a_journal_beside_the_file_goes_the_full_way(project) -> None:
    """A writer at work, or one killed mid-write: only the full open may roll it back."""
    project.close()
    journal = project.path.with_name(project.path.name + "-journal")
    journal.write_bytes(b"")
    assert file_summary(project.path) is None
    journal.unlink()
    assert file_summary(project.path) is not None


@pytest.mark.parametrize("make", ["missing", "folder", "text", "empty"])
def test_what_is_no_project_file_goes_the_full_way(tmp_path: Path, make: str) -> None:
    path = tmp_path / "x.annotator"
    if make == "folder":
        path.mkdir()
    elif make == "text":
        path.write_text("居民信任党组织", encoding="utf-8")
    elif make == "empty":
        path.write_bytes(b"")
    assert file_summary(path) is None
    assert info_cli(path).returncode == 1


def test_a_read_only_project_file_is_read(project) -> None:
    project.close()
    project.path.chmod(0o444)
    try:
        assert file_summary(project.path) == full_info(project.path)
    finally:
        project.path.chmod(0o644)
