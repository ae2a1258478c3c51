"""A full disk and a read-only mount, for real: a small tmpfs mounted for the test (needs
the right to mount, as in CI's container; skipped elsewhere). Each refusal is one line
that says nothing was changed, and the project reopens whole afterwards."""

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.services import documents
from annotator.services.projects import new_project
from tests.conftest import SEED_PAPER, shared_file
from tests.reliability.helpers import run_cli


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("mounting a small disk needs the right to mount")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    """Take every free byte of ``disk``."""
    with (disk / "filler").open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 512)
        except OSError:
            pass


def _whole(path: Path) -> bool:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_full_disk_is_one_line_and_nothing_changes(small_disk: Path, tmp_path: Path):
    project = small_disk / "p.annotator"
    with new_project(project, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
    _fill(small_disk)
    before = project.read_bytes()
    novel = shared_file("corpus", "hongloumeng-gbk.txt")
    for lang, words in (("en", "the disk is full"), ("zh", "磁盘已满")):
        for args in (["import", str(project), str(novel)],
                     ["export", str(project), str(small_disk / "out.xlsx")],
                     ["save-copy", str(project), str(small_disk / "copy.annotator")],
                     ["new", str(small_disk / "other.annotator")]):
            done = run_cli("--lang", lang, *args)
            assert done.returncode == 1, (args, done.stdout)
            assert "Traceback" not in done.stderr
            assert words in done.stdout + done.stderr, (args, done.stdout, done.stderr)
            assert done.stderr.strip().count("\n") == 0, done.stderr
    assert project.read_bytes() == before and _whole(project)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "p.annotator"]
    (small_disk / "filler").unlink()
    done = run_cli("info", str(project))
    assert done.returncode == 0 and "1 documents" in done.stdout


def test_a_read_only_mount_opens_read_only(small_disk: Path, tmp_path: Path) -> None:
    project = small_disk / "p.annotator"
    with new_project(project, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    done = run_cli("segments", str(project))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.xlsx"
    assert run_cli("export", str(project), str(out)).returncode == 0 and out.exists()
    done = run_cli("add-code", str(project), "新代码")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "open read-only" in done.stderr and "nothing was changed" in done.stderr
    shutil.copy(project, tmp_path / "back.annotator")
    assert _whole(tmp_path / "back.annotator")
