"""A read-only project opens read-only: everything can be read and exported, and a change
is one line in the user's language that says nothing was changed; the file stays as it is.

The file is marked read-only with its permission bits, which bind even an administrator
here (the project treats a file nobody may write as read-only, whoever opens it).
"""

import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from annotator.domain.errors import ProjectFileError
from annotator.services import coding, documents
from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.project import Project
from tests.conftest import SEED_PAPER
from tests.reliability.helpers import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def read_only(tmp_path: Path) -> Path:
    path = tmp_path / "ro.annotator"
    with new_project(path, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
        doc = documents.list_documents(p)[0]
        coder = ensure_coder(p, "甲")
        coding.code_span(p, doc.id, 10, 30, code_tree(p)[0].id, coder.id)
    path.chmod(0o444)
    return path


def test_reading_and_export_work_and_a_change_is_refused(read_only: Path, tmp_path: Path):
    before, mtime = read_only.read_bytes(), read_only.stat().st_mtime_ns
    with Project.open(read_only) as p:
        assert p.read_only is not None
        assert len(coding.segments(p)) == 1
        doc = documents.list_documents(p)[0]
        with pytest.raises(ProjectFileError) as info:
            coding.code_span(p, doc.id, 40, 50, code_tree(p)[0].id, 1)
        assert "open read-only (the file is read-only" in str(info.value)
        assert "nothing was changed" in str(info.value)
        assert ensure_coder(p, "新人").id == 0  # looked up, not stored
    out = tmp_path / "ro.xlsx"
    done = run_cli("export", str(read_only), str(out))
    assert done.returncode == 0, done.stderr
    rows = list(openpyxl.load_workbook(out, read_only=True).worksheets[0].iter_rows(
        min_row=2, values_only=True))
    assert len(rows) == 1 and rows[0][0] == SEED_PAPER.stem
    assert (read_only.read_bytes(), read_only.stat().st_mtime_ns) == (before, mtime)
    assert sorted(p.name for p in read_only.parent.iterdir()) == ["ro.annotator", "ro.xlsx"]


@pytest.mark.parametrize("lang, words", [
    ("en", ("open read-only", "nothing was changed")),
    ("zh", ("以只读方式打开", "未做任何更改")),
])
def test_the_command_line_refuses_a_change_in_one_line(
    read_only: Path, lang: str, words: tuple[str, ...]
) -> None:
    before = read_only.read_bytes()
    for args in (["code", str(read_only), "--doc", SEED_PAPER.stem, "--start", "0",
                  "--end", "5", "--code", "协调"],
                 ["import", str(read_only), str(SEED_PAPER)],
                 ["add-code", str(read_only), "新代码"]):
        done = run_cli("--lang", lang, *args)
        assert done.returncode == 1, done.stdout
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1 and all(w in done.stderr for w in words), \
            done.stderr
    assert read_only.read_bytes() == before


def test_an_old_read_only_project_is_refused_because_it_must_be_upgraded(tmp_path: Path):
    old = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "schema1.annotator", old)
    old.chmod(0o444)
    with pytest.raises(ProjectFileError, match="must be upgraded"):
        Project.open(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.annotator"]  # no backup


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="an administrator can write any folder; Windows has no such mode")
def test_a_project_in_a_read_only_folder_opens_read_only(read_only: Path) -> None:
    read_only.chmod(0o644)
    read_only.parent.chmod(0o555)
    try:
        with Project.open(read_only) as p:
            assert "folder cannot be written" in str(p.read_only)
            assert len(coding.segments(p)) == 1
    finally:
        read_only.parent.chmod(0o755)
