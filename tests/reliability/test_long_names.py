"""Names too long for the file system are one line that says so; the longest legal name
works for every export, since temporaries never need more room than their target."""

import zipfile
from pathlib import Path

import pytest

from annotator.services import documents
from annotator.services.projects import new_project
from tests.conftest import SEED_PAPER
from tests.reliability.helpers import run_cli

TOO_LONG = "长" * 100  # 300 bytes in UTF-8: more than any file system's 255


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    with new_project(path, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
    return path


@pytest.mark.parametrize("args", [
    ["new", f"{TOO_LONG}.annotator"],
    ["export", "p.annotator", f"{TOO_LONG}.xlsx"],
    ["export", "p.annotator", f"{TOO_LONG}.qdpx"],
    ["export", "p.annotator", f"{TOO_LONG}/x.xlsx"],
    ["save-copy", "p.annotator", f"{TOO_LONG}.annotator"],
    ["salvage", "p.annotator", f"{TOO_LONG}.annotator"],
    ["copies", "p.annotator", TOO_LONG, "--participant", "甲"],
    ["merge", "p.annotator", f"{TOO_LONG}.annotator"],
    ["info", f"{TOO_LONG}.annotator"],
])
def test_a_name_too_long_is_one_line(project: Path, args: list[str]) -> None:
    folder = project.parent
    before = project.read_bytes()
    for lang, words in (("en", "too long"), ("zh", "太长")):
        done = run_cli("--lang", lang, *args, cwd=folder)
        assert done.returncode == 1, done.stdout
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1 and words in done.stderr, done.stderr
    assert project.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["p.annotator"]


@pytest.mark.parametrize("suffix", [".xlsx", ".qdpx"])
def test_the_longest_legal_export_name_works(project: Path, suffix: str) -> None:
    name = "访" * ((255 - len(suffix)) // 3) + "x" * ((255 - len(suffix)) % 3) + suffix
    assert len(name.encode()) == 255
    done = run_cli("export", "p.annotator", name, cwd=project.parent)
    assert done.returncode == 0, done.stderr
    assert zipfile.is_zipfile(project.parent / name)
    assert sorted(p.name for p in project.parent.iterdir()) == sorted(["p.annotator", name])
