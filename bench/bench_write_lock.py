"""Writers waiting for each other's write lock (``store/project._begin_writing``).

Measured side by side in one run, against SQLite's own busy handler (plain ``BEGIN
IMMEDIATE`` with ``busy_timeout``, what the project did before):
- one writer alone: the median time to code one span (service call + commit), 300 runs;
- four processes coding 150 spans each at once, on one project: how many failed with
  "database is locked", and the wall time until all had finished.
Run: ``.venv/bin/python bench/bench_write_lock.py``
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store import project as store

WRITERS, EACH, ALONE = 4, 150, 300

WRITER = f"""
import sys
from annotator.store import project as store
from annotator.services.coding import code_span
path, doc, code, coder, first, plain = sys.argv[1:]
if plain == "1":
    store._begin_writing = lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE")
p = store.Project.open(path)
for i in range(int(first), int(first) + {EACH}):
    code_span(p, int(doc), i, i + 1, int(code), int(coder))
"""


def _plain(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _setup(folder: Path, name: str) -> tuple[Path, int, int, int]:
    path = folder / name
    with new_project(path, "governance") as p:
        doc = add_document(p, "长文", "治" * (WRITERS * 1000))
        code = code_tree(p)[1].id
        coder = ensure_coder(p, "甲").id
    return path, doc.id, code, coder


def alone(folder: Path, plain: bool) -> float:
    path, doc, code, coder = _setup(folder, f"alone-{plain}.annotator")
    begin = store._begin_writing
    if plain:
        store._begin_writing = _plain
    try:
        times = []
        with store.Project.open(path) as p:
            for i in range(ALONE):
                t = time.perf_counter()
                code_span(p, doc, i, i + 1, code, coder)
                times.append(time.perf_counter() - t)
        return statistics.median(times)
    finally:
        store._begin_writing = begin


def together(folder: Path, plain: bool) -> tuple[int, float]:
    path, doc, code, coder = _setup(folder, f"together-{plain}.annotator")
    t = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(doc), str(code),
                               str(coder), str(k * 1000), "1" if plain else "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for k in range(WRITERS)]
    failed = sum(1 for p in procs if p.communicate()[1] and p.returncode != 0)
    return failed, time.perf_counter() - t


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        new, old = alone(folder, False), alone(folder, True)
        print(f"one writer, one coding: {new * 1000:.2f} ms vs {old * 1000:.2f} ms with "
              f"SQLite's busy handler ({new / old:.2f} ×)")
        for plain in (False, True):
            failed, seconds = together(folder, plain)
            print(f"{WRITERS} writers × {EACH} codings at once "
                  f"({'SQLite busy handler' if plain else 'this project'}): "
                  f"{failed} of {WRITERS} failed, {seconds:.1f} s")


if __name__ == "__main__":
    main()
