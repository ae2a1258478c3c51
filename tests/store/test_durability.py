"""Nothing reported as done is lost: killed processes, two openers at once."""

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document
from annotator.store.project import Project

WRITER = """
import sys
from annotator.store.project import Project
from annotator.services.coding import code_span
path, doc, code, coder, first, count = sys.argv[1:]
p = Project.open(path)
for i in range(int(first), int(first) + int(count)):
    c = code_span(p, int(doc), i, i + 1, int(code), int(coder))
    print(c.start, flush=True)   # reported only after the commit
"""


def _setup(project: Project, length: int = 5000) -> tuple[int, int, int]:
    doc = add_document(project, "长文", "治" * length)
    with project.read() as s:
        code = find_code(s, "信任/政治信任").id
    coder = ensure_coder(project, "甲").id
    return doc.id, code, coder


def _writer(path: Path, doc: int, code: int, coder: int, first: int, count: int):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(doc), str(code), str(coder),
         str(first), str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _integrity(path: Path) -> str:
    """Read-only, after ``Project.open``: a read-write open would roll back a hot journal
    and hide what the user's next start meets."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def test_a_process_killed_while_writing_loses_nothing_it_reported(project: Project) -> None:
    doc, code, coder = _setup(project)
    project.close()
    proc = _writer(project.path, doc, code, coder, 0, 4000)
    reported = []
    assert proc.stdout is not None
    for line in proc.stdout:
        reported.append(int(line))
        if len(reported) == 150:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Project.open(project.path) as p:  # exactly as the user's next start opens it
        stored = {s.start for s in segments(p)}
    assert _integrity(project.path) == "ok"
    assert set(reported) <= stored
    assert len(stored) <= len(reported) + 1  # at most the one in flight when killed


def test_four_processes_writing_at_once_all_land(project: Project) -> None:
    """Each writer commits one coding after another, freeing the write lock only for an
    instant between them: a waiter that tried only every 100 ms (SQLite's own busy
    handler) missed every such instant for the whole timeout, "database is locked"."""
    doc, code, coder = _setup(project)
    project.close()
    writers = [_writer(project.path, doc, code, coder, k * 1000, 150) for k in range(4)]
    for w in writers:
        _out, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    assert _integrity(project.path) == "ok"
    with Project.open(project.path) as p:
        starts = sorted(s.start for s in segments(p))
    assert starts == [k * 1000 + i for k in range(4) for i in range(150)]


def test_the_same_project_opened_twice_sees_the_other_openers_work(project: Project) -> None:
    doc, code, coder = _setup(project, 100)
    second = Project.open(project.path)
    try:
        code_span(project, doc, 0, 5, code, coder)
        code_span(second, doc, 5, 9, code, coder)
        assert [(s.start, s.end) for s in segments(second)] == [(0, 5), (5, 9)]
        assert [(s.start, s.end) for s in segments(project)] == [(0, 5), (5, 9)]
    finally:
        second.close()
