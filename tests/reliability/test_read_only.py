"""A read-only project opens read-only: everything can be read and exported, and a change
is one line in the user's language that says nothing was changed; the file stays as it is.

The file is marked read-only with its permission bits, which bind even an administrator
here (the project treats a file nobody may write as read-only, whoever opens it).
"""

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


def test_a_project_in_a_read_only_folder_opens_read_only(read_only: Path, unprivileged) -> None:
    """The user may write the file but not its folder (where SQLite writes its journal):
    reading works, a change is one line, and nothing is written (run as a user that
    permissions bind: as root every folder is writable)."""
    folder = unprivileged.folder / "共享"
    folder.mkdir()
    path = folder / read_only.name
    shutil.copy(read_only, path)
    path.chmod(0o644)
    unprivileged.give(path)
    if not unprivileged.as_other_user:
        folder.chmod(0o555)
    before = path.read_bytes()
    listed = unprivileged.run_cli("segments", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "[10, 30)" in listed.stdout
    for lang, words in (("en", ["folder cannot be written", "nothing was changed"]),
                        ("zh", ["文件夹", "未做任何更改"])):
        done = unprivileged.run_cli("--lang", lang, "add-code", str(path), "新代码")
        assert done.returncode == 1, done.stdout
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert all(w in done.stderr for w in words), done.stderr
    out = unprivileged.folder / "ro.xlsx"
    exported = unprivileged.run_cli("export", str(path), str(out))
    assert exported.returncode == 0, exported.stderr
    assert openpyxl.load_workbook(out, read_only=True).worksheets
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name]
