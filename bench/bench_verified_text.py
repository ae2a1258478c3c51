"""What checking a document's text against its SHA-256 costs (run by hand; prints figures).

红楼梦 (882,440 characters, 2.6 MB as stored) in a project; per run a fresh open, then:
the first read (the text is hashed and checked), a later read in the same open (only
passed through the check function), and, as the baselines in the same run, the same
``SELECT text`` without the check through the same session, and on a bare sqlite3
connection. Medians of several runs; the ratios are against the unchecked session read.

    .venv/bin/python bench/bench_verified_text.py
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from annotator.services.documents import document_text, import_files, list_documents
from annotator.services.projects import new_project
from annotator.store.project import Project

ROOT = Path(__file__).resolve().parents[1]
NOVEL = ROOT.parent / "shared" / "corpus" / "hongloumeng-gbk.txt"
RUNS = 9


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.annotator"
        with new_project(path, "empty") as p:
            import_files(p, [NOVEL])
            doc_id = list_documents(p)[0].id
        first, later, unchecked, bare = [], [], [], []
        for _ in range(RUNS):
            with Project.open(path) as p:
                t = time.perf_counter()
                document_text(p, doc_id)
                first.append(time.perf_counter() - t)
                t = time.perf_counter()
                document_text(p, doc_id)
                later.append(time.perf_counter() - t)
                t = time.perf_counter()
                with p.read() as s:
                    s.connection().exec_driver_sql(
                        "SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()
                unchecked.append(time.perf_counter() - t)
            conn = sqlite3.connect(path)
            t = time.perf_counter()
            conn.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()
            bare.append(time.perf_counter() - t)
            conn.close()
    base = statistics.median(unchecked)
    for label, values in (("first read (hashed)", first), ("later read", later),
                          ("unchecked, same path", unchecked), ("bare sqlite3", bare)):
        median = statistics.median(values)
        print(f"{label:22} {median * 1000:7.1f} ms  {median / base:5.2f} × unchecked")


if __name__ == "__main__":
    main()
