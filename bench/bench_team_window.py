"""How long until another member's window shows a coding, against its bare change feed.

Starts its own PostgreSQL server, makes a team project of the seed paper (repeated, so the
window holds a long document) with the governance codebook, opens it in an offscreen
window, and codes from a second open project, one coding at a time: measured from the
moment the coding is committed until the window's text holds it (its highlight index) and
its codebook count has moved. The baseline, in the same run, is the same coding heard by
a bare ``ChangeFeed`` (the store level, no window). Also timed: from stopping the server
until the window's banner says so.

    .venv/bin/python bench/bench_team_window.py [--samples 40]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.services import coding, documents
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.change_feed import ChangeFeed
from annotator.store.project import Project
from tests.postgres_server import PostgresServer, create_database

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed-paper-zh.txt"


def _wait(app: QApplication, done, seconds: float = 10.0) -> float:
    t0 = time.perf_counter()
    while not done():
        if time.perf_counter() - t0 > seconds:
            raise SystemExit("the window never showed it")
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=40)
    a = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    from annotator.ui.main_window import MainWindow

    server = PostgresServer()
    server.start()
    tmp = Path(server.home)
    try:
        url = create_database(server.url, "workshop")
        with new_project(url, "governance") as p:
            doc = documents.add_document(p, "整体性治理", SEED.read_text(encoding="utf-8") * 4).id
            with p.read() as s:
                code = find_code(s, "信任/社会信任").id
        window = MainWindow(QSettings(str(tmp / "w.ini"), QSettings.Format.IniFormat),
                            persist=False)
        window.resize(1280, 820)
        window.show()
        window.projects.open_path(url)
        writer = Project.open(url)
        coder = ensure_coder(writer, "李强").id
        feed = ChangeFeed(url)
        feed.wait(0.5)
        bare, shown = [], []
        for i in range(a.samples):
            t0 = time.perf_counter()
            coding.code_span(writer, doc, 100 + i * 40, 120 + i * 40, code, coder)
            if not feed.wait(5.0):
                raise SystemExit("a coding was never announced")
            bare.append(time.perf_counter() - t0)
        for i in range(a.samples):
            before = window.session.counts.get(code, 0)
            start = 100 + i * 40 + 3
            t0 = time.perf_counter()
            made = coding.code_span(writer, doc, start, start + 10, code, coder)
            _wait(app, lambda m=made.id, b=before: window.session.counts.get(code, 0) > b and
                  any(sp.coding_id == m for sp in window.view.index))
            shown.append(time.perf_counter() - t0)
        feed.close()
        writer.close()
        t0 = time.perf_counter()
        server.stop()
        stopped = time.perf_counter() - t0
        t1 = time.perf_counter()
        _wait(app, lambda: window.team_banner.state == "lost", 30.0)
        banner = time.perf_counter() - t1
        window.close()
    finally:
        server.remove()
    med_bare, med_shown = statistics.median(bare), statistics.median(shown)
    print(f"bare change feed: median {med_bare * 1e3:.1f} ms, max {max(bare) * 1e3:.1f} ms")
    print(f"other window shows it (text + count): median {med_shown * 1e3:.1f} ms, "
          f"max {max(shown) * 1e3:.1f} ms ({med_shown / med_bare:.1f}× the bare feed)")
    print(f"server stopped in {stopped * 1e3:.0f} ms; the window's banner said so "
          f"{banner * 1e3:.0f} ms after that")


if __name__ == "__main__":
    main()
