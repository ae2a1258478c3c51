"""A process killed at a random moment: the next start opens the project, nothing lost.

The writer codes one character after another and prints each coding only after its commit;
it is killed with SIGKILL at a random point (often mid-transaction, leaving a hot journal).
Every reopen goes through ``Project.open`` exactly as the user's next start does.
"""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import segments
from annotator.services.documents import add_document
from annotator.store.project import Project

KILLS = 200
SEED = 20261201

# One long-lived process per batch of kills would not test a kill; a fresh writer per
# kill does, so it imports as little as it can (the store and the coding service).
WRITER = """
import sys
from annotator.store.project import Project
from annotator.services.coding import code_span
path, doc, code, coder, first = sys.argv[1:]
p = Project.open(path)
print("open", flush=True)
for i in range(int(first), int(first) + 100000):
    c = code_span(p, int(doc), i, i + 1, int(code), int(coder))
    print(c.start, flush=True)
"""


def _read_only_integrity(path: Path) -> str:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
def test_two_hundred_random_kills_each_reopen_succeeds_and_nothing_reported_is_lost(
    project: Project,
) -> None:
    rng = random.Random(SEED)
    doc = add_document(project, "长文", "治" * 5_000).id
    with project.read() as s:
        code = find_code(s, "信任/政治信任").id
    coder = ensure_coder(project, "甲").id
    path = project.path
    project.close()
    reported: set[int] = set()
    hot_journals = 0
    next_start = 0
    for _kill in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(doc), str(code), str(coder),
             str(next_start)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "open", proc.stderr.read() if proc.stderr else ""
        wanted = rng.randint(0, 6)
        for _ in range(wanted):
            line = proc.stdout.readline()
            reported.add(int(line))
        time.sleep(rng.random() * 0.004)  # a random moment inside the next write
        proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        reported.update(int(x) for x in rest.split())
        hot_journals += path.with_name(path.name + "-journal").exists()
        with Project.open(path) as p:  # as the user's next start does; never refused
            stored = {s.start for s in segments(p)}
        assert reported <= stored
        next_start = max(stored, default=0) + 1
    assert _read_only_integrity(path) == "ok"
    assert not list(path.parent.glob("*.before-recovery*"))
    assert hot_journals > 0  # the kills did land inside writes
