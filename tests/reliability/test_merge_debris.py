"""A merge killed half-way leaves no copy of a participant's project in /tmp: its scratch
copy sits beside the target and is swept on the next start. A source copy whose codes
form a cycle is refused by name, and the target is left as it was."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

from annotator.services import documents
from annotator.services.projects import new_project
from annotator.services.workshop import merge_copies
from annotator.store.debris import HOST
from annotator.store.project import Project
from tests.conftest import SEED_PAPER, shared_file

CODINGS = 60_000


def _target_and_big_copy(tmp_path: Path) -> tuple[Path, Path]:
    target = tmp_path / "team" / "target.annotator"
    target.parent.mkdir()
    with new_project(target, "governance") as p:
        documents.import_files(p, [shared_file("corpus", "hongloumeng-gbk.txt"), SEED_PAPER])
        p.save_copy(tmp_path / "copy.annotator")
    source = tmp_path / "copy.annotator"
    with sqlite3.connect(source) as conn:  # a participant who coded a great deal
        conn.execute("INSERT INTO coder (guid, name, created_at) VALUES (?, '乙', "
                     "'2024-01-01 00:00:00')", (str(uuid.uuid4()),))
        coder = conn.execute("SELECT id FROM coder WHERE name = '乙'").fetchone()[0]
        doc = conn.execute("SELECT id FROM document ORDER BY id").fetchone()[0]
        code = conn.execute("SELECT id FROM code ORDER BY id").fetchone()[0]
        conn.executemany(
            'INSERT INTO coding (guid, document_id, code_id, coder_id, start, "end", memo, '
            "created_at) VALUES (?, ?, ?, ?, ?, ?, '', '2024-01-01 00:00:00')",
            ((str(uuid.uuid4()), doc, code, coder, i * 10, i * 10 + 5) for i in range(CODINGS)),
        )
    return target, source


def test_a_killed_merge_leaves_its_scratch_copy_beside_the_target_and_it_is_swept(
    tmp_path: Path,
) -> None:
    target, source = _target_and_big_copy(tmp_path)
    system_tmp = tmp_path / "system-tmp"  # the merge's own TMPDIR: nothing may land there
    system_tmp.mkdir()
    folder = target.parent
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "merge", str(target),
                             str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "TMPDIR": str(system_tmp)})
    scratch: list[Path] = []
    deadline = time.monotonic() + 120
    while not scratch and proc.poll() is None and time.monotonic() < deadline:
        scratch = [p for p in folder.iterdir() if p.name.startswith(".merge-")]
    assert scratch, "the merge never made its scratch copy beside the target"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert scratch[0].exists()  # what the kill left: beside the target, not in /tmp
    assert list(system_tmp.iterdir()) == []

    with Project.open(target) as p:  # the next start
        assert [d.name for d in documents.list_documents(p)] == ["hongloumeng-gbk",
                                                                  SEED_PAPER.stem]
    assert sorted(p.name for p in folder.iterdir()) == ["target.annotator"]


def test_a_merge_that_finishes_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "t" / "target.annotator"
    target.parent.mkdir()
    with new_project(target, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
        p.save_copy(tmp_path / "copy.annotator")
        [report] = merge_copies(p, [tmp_path / "copy.annotator"])
        assert report.ok
    assert sorted(p.name for p in target.parent.iterdir()) == ["target.annotator"]


def test_a_source_copy_with_a_code_cycle_is_refused_and_the_target_untouched(
    tmp_path: Path,
) -> None:
    target = tmp_path / "target.annotator"
    with new_project(target, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
        p.save_copy(tmp_path / "copy.annotator")
    source = tmp_path / "copy.annotator"
    with sqlite3.connect(source) as conn:  # 协调 under its own child: a cycle of two
        parent = conn.execute("SELECT id FROM code WHERE name = '协调'").fetchone()[0]
        child = conn.execute("SELECT id FROM code WHERE parent_id = ?", (parent,)).fetchone()[0]
        conn.execute("UPDATE code SET name = '新名', parent_id = ? WHERE id = ?",
                     (child, parent))
    before = target.read_bytes()
    done = subprocess.run([sys.executable, "-m", "annotator", "merge", str(target),
                           str(source)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert any(f"{source}: the project file is damaged (code {c} is its own ancestor)"
               in done.stderr for c in (parent, child)), done.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.annotator", "target.annotator"]


def test_opening_a_project_sweeps_what_dead_processes_left_and_nothing_else(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.annotator"
    new_project(path, "empty").close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)  # a process that has ended
    left = [tmp_path / f".new-{pid}-{HOST}0a1b2c.tmp",
            tmp_path / f".new-{pid}-{HOST}0a1b2c.tmp-journal",
            tmp_path / f".xlsx-{pid}-{HOST}3d4e5f.part",
            tmp_path / f".merge-{pid}-{HOST}6a7b8c.tmp"]
    for p in left[:3]:
        p.write_bytes(b"half")
    left[3].mkdir()
    (left[3] / "source.annotator").write_bytes(path.read_bytes())
    other_host = "0000" if HOST != "0000" else "ffff"
    kept = [tmp_path / f".copy-{os.getpid()}-{HOST}abcdef.tmp",  # a live process's own
            tmp_path / f".new-{pid}-{other_host}abcdef.tmp",  # another computer's, recent
            tmp_path / ".new-notapid-abcdef.tmp", tmp_path / "notes.txt"]
    for p in kept:
        p.write_bytes(b"keep")
    Project.open(path).close()
    assert sorted(tmp_path.iterdir()) == sorted([path, *kept])
