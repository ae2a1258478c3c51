"""Benchmark of the window on one heavily coded document: 红楼梦 at 1k … 300k codings.

    .venv/bin/python bench/bench_big_document.py [--sizes 1000,20000,100000,300000]
                                                 [--repeat 5] [--bulk 10000] [--json]

Uses the projects of ``bench_window.py`` (the novel, random codings of 4–200 characters in
30 codes; built once and cached, a second short document added for switching) and drives
the real window offscreen. For each size, against a bare ``QPlainTextEdit`` showing the
same text in the same process (the baseline):

- **open**: the document view showing the novel, first paint included (median), and its
  ratio to the bare widget's ``setPlainText`` + first paint (budget 3x at 100k, 5x at 300k);
- **select**: choosing the novel in the document list after the other document;
- **page down** (60 pages) and **jumps** (50 places through the book), each step until
  painted, stripes included (budget 20 ms), beside the bare widget's;
- **bulk step**: coding ``--bulk`` concordance hits as one step (the concordance's
  ``CodeHits``), its undo and its redo, until the window has repainted and the segments
  list has caught up; the document's codings are compared with the project after each;
- **choose code**: selecting the code with most codings in the codebook (segments list);
- **open project**: the whole window opening the project (``Project.open`` included and
  shown apart: it checks the file);
- once: **adding a code** to a codebook of ``--codes`` codes (100 of them one chain),
  and **importing** a text file of ``--import-mb`` MB, with the longest time the
  window's thread went without running a 5 ms timer meanwhile.

Every action runs on the GUI thread, so its time is the longest time the window is
blocked by it; "worst" is the longest of its repetitions.
"""

import argparse
import gc
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ANNOTATOR_CODER"] = "bench"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import bench_window as bw

DEPTH = 100  # of the chain of codes in the codebook a code is added to
SECOND_DOC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed-paper-zh.txt"


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def project_for(codings: int) -> Path:
    """The cached project of ``bench_window`` at this size, with a second document."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "annotator-bench" / \
        f"hongloumeng-{codings}x30.annotator"
    if not path.exists():
        bw.build_project(path, codings, 30)
    from annotator.services.documents import add_document, list_documents
    from annotator.store.project import Project

    project = Project.open(path)
    try:
        if len(list_documents(project)) == 1:
            add_document(project, "论文", SECOND_DOC.read_text(encoding="utf-8"))
    finally:
        project.close()
    return path


def _timed(app, action) -> float:
    t0 = time.perf_counter()
    action()
    app.processEvents()
    app.processEvents()
    return time.perf_counter() - t0


def _steps(app, view, moves, painted) -> list[float]:
    out = []
    for move in moves:
        before = painted.count
        out.append(_timed(app, move))
        assert painted.count > before, "the step did not repaint"
    return out


def _page_downs(view, n: int):
    from PySide6.QtWidgets import QAbstractSlider

    def page() -> None:
        view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)

    return [page] * n


def _index_matches_project(window, doc_id: int) -> bool:
    from annotator.services.coding import document_spans

    stored = sorted((r[3], r[4], r[1], r[2], r[0])
                    for r in document_spans(window.session.project, doc_id))
    view = window.view
    shown = sorted((view.map.to_codepoint(s.start), view.map.to_codepoint(s.end), s.code_id,
                    s.coder_id, s.coding_id) for s in view.index.overlapping(
                        0, view.map.utf16_length))
    return stored == shown and len(view.index) == len(stored)


def measure(codings: int, repeat: int, bulk: int) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor

    from annotator.services.autocode import HitSpan
    from annotator.services.documents import document_text
    from annotator.store.project import Project
    from annotator.ui.main_window import MainWindow
    from annotator.ui.operations.autocode import CodeHits

    path = project_for(codings)
    app = bw._app()
    scratch = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-big-{os.getpid()}.ini"
    window = MainWindow(QSettings(str(scratch), QSettings.Format.IniFormat), persist=False)
    window.resize(1400, 860)
    window.show()
    bw._settle()
    r: dict = {"codings": codings}

    t0 = time.perf_counter()
    project = Project.open(path)
    r["project_open_ms"] = _ms(time.perf_counter() - t0)
    r["window_open_ms"] = _ms(_timed(app, lambda: window.projects.open_project(project)))
    view, session = window.view, window.session
    novel, other = session.documents[0].id, session.documents[1].id

    bare = bw._bare_widget()
    bare.resize(view.size())
    text = document_text(session.project, novel)
    bare_t, ours_t = [], []
    for _ in range(repeat):
        bare.setPlainText("")
        bw._settle()
        gc.collect()
        t0 = time.perf_counter()
        bare.setPlainText(text)
        bare.viewport().repaint()
        app.processEvents()
        bare_t.append(time.perf_counter() - t0)
        view.load(None)
        bw._settle()
        gc.collect()
        t0 = time.perf_counter()
        view.load(novel)
        view.viewport().repaint()
        view.stripes.repaint()
        app.processEvents()
        ours_t.append(time.perf_counter() - t0)
    r["bare_open_ms"] = _ms(statistics.median(bare_t))
    r["open_ms"] = _ms(statistics.median(ours_t))
    r["open_ratio"] = round(r["open_ms"] / r["bare_open_ms"], 2)

    select = []
    for _ in range(repeat):
        window.docs.select_document(other)
        bw._settle()
        select.append(_timed(app, lambda: window.docs.select_document(novel)))
    r["select_worst_ms"] = _ms(max(select))

    painted = bw.PaintCounter(view.viewport())
    bare_painted = bw.PaintCounter(bare.viewport())
    view.go_to(0)
    bw._settle()
    pages = _steps(app, view, _page_downs(view, 60), painted)
    bare_pages = _steps(app, bare, _page_downs(bare, 60), bare_painted)
    r["page_worst_ms"], r["page_median_ms"] = _ms(max(pages)), _ms(statistics.median(pages))
    r["bare_page_worst_ms"] = _ms(max(bare_pages))
    r["bare_page_median_ms"] = _ms(statistics.median(bare_pages))
    length = view.map.length
    jumps = _steps(app, view, [lambda p=p: view.go_to(int(length * p / 50))
                               for p in range(1, 51)], painted)
    r["jump_worst_ms"], r["jump_median_ms"] = _ms(max(jumps)), _ms(statistics.median(jumps))

    def bare_jump(p: int) -> None:
        cursor = QTextCursor(bare.document())
        cursor.setPosition(int(length * p / 50))
        bare.setTextCursor(cursor)
        bare.centerCursor()

    bare_jumps = _steps(app, bare, [lambda p=p: bare_jump(p) for p in range(1, 51)],
                        bare_painted)
    r["bare_jump_worst_ms"] = _ms(max(bare_jumps))
    r["bare_jump_median_ms"] = _ms(statistics.median(bare_jumps))

    # a bulk step: hits of 的 (as the concordance finds them), coded with one code
    rnd = random.Random(codings)
    hits = [i for i, ch in enumerate(text) if ch == "的"]
    hits = sorted(rnd.sample(hits, min(bulk, len(hits))))
    code = max(session.code_order, key=lambda c: session.counts.get(c, 0))
    window.codebook.select_code(code)
    bw._settle()
    view.go_to(hits[len(hits) // 2])
    bw._settle()
    op = CodeHits(session, [HitSpan(novel, h, h + 1) for h in hits], code, "hit")
    r["bulk_codings"] = len(hits)
    r["bulk_do_ms"] = _ms(_timed(app, lambda: session.execute(op)))
    ok = _index_matches_project(window, novel)
    r["bulk_undo_ms"] = _ms(_timed(app, session.undo_stack.undo))
    ok = ok and _index_matches_project(window, novel)
    r["bulk_redo_ms"] = _ms(_timed(app, session.undo_stack.redo))
    ok = ok and _index_matches_project(window, novel)
    r["bulk_index_exact"] = ok
    session.undo_stack.undo()
    bw._settle()

    choose = []
    least = min(session.code_order, key=lambda c: session.counts.get(c, 0))
    for _ in range(max(1, repeat // 2)):
        window.codebook.select_code(least)
        bw._settle()
        choose.append(_timed(app, lambda: window.codebook.select_code(code)))
    r["choose_code_worst_ms"] = _ms(max(choose))
    r["segments_listed"] = window.segments.model.rowCount()
    session.undo_stack.clear()
    window.close()
    bare.close()
    return r


class BlockWatch:
    """The longest stretch the window's thread went without running a 5 ms timer: how
    long the window was blocked while something ran partly in the background."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = 0.0
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def __enter__(self) -> "BlockWatch":
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._tick()
        self._timer.stop()


def measure_codebook_and_import(codes: int, import_mb: int) -> dict:
    """Adding a code to a codebook of ``codes`` codes (one coded document), and importing
    a text file of ``import_mb`` MB, each as the window does it."""
    import shutil
    import tempfile

    from PySide6.QtCore import QSettings
    from sqlalchemy import text as sql

    from annotator.store.project import Project
    from annotator.ui.main_window import MainWindow
    from annotator.ui.operations.codebook import AddCode

    app = bw._app()
    folder = Path(tempfile.mkdtemp(prefix="bench-big-"))
    path = folder / "codebook.annotator"
    shutil.copy(project_for(1000), path)
    with Project.open(path) as project, project.write() as s:
        parent = None
        for k in range(codes):  # a chain 100 codes deep, the rest flat at the top
            s.execute(sql("INSERT INTO code (guid, parent_id, name, description, color, "
                          "position, is_codable, memo) VALUES (:g, :p, :n, '', '#3366cc', "
                          ":k, 1, '')"),
                      {"g": f"bench-{k}", "p": parent, "n": f"代码{k}", "k": k})
            if k < DEPTH:
                parent = s.execute(sql("SELECT max(id) FROM code")).scalar()
    window = MainWindow(QSettings(str(folder / "w.ini"), QSettings.Format.IniFormat),
                        persist=False)
    window.resize(1400, 860)
    window.show()
    bw._settle()
    window.projects.open_project(Project.open(path))
    bw._settle()
    session = window.session
    adds = [_timed(app, lambda k=k: session.execute(AddCode(session, None, f"新代码{k}")))
            for k in range(5)]
    r = {"codebook_codes": len(session.codes), "add_code_worst_ms": _ms(max(adds))}
    big = folder / "big.txt"
    novel = bw.CORPUS.read_text(encoding="gb18030")
    with big.open("w", encoding="utf-8") as fh:
        while fh.tell() < import_mb * 1024 * 1024:
            fh.write(novel)
    t0 = time.perf_counter()
    with BlockWatch() as watch:
        window.import_ui.import_paths([big])
        bw._settle()
    r["import_mb"] = round(big.stat().st_size / 1024 / 1024, 1)
    r["import_ms"] = _ms(time.perf_counter() - t0)
    r["import_block_ms"] = _ms(watch.worst)
    # of which showing the new document (its text into the widget, as a bare one takes)
    big_id = max(d.id for d in session.documents)
    window.docs.select_document(min(d.id for d in session.documents))
    bw._settle()
    r["show_imported_ms"] = _ms(_timed(app, lambda: window.docs.select_document(big_id)))
    window.close()
    shutil.rmtree(folder, ignore_errors=True)
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,20000,100000,300000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--bulk", type=int, default=10_000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--codes", type=int, default=2000, help="codebook size for adding a code")
    ap.add_argument("--import-mb", type=int, default=100)
    a = ap.parse_args()
    results = [measure(int(n), a.repeat, a.bulk) for n in a.sizes.split(",") if n]
    other = measure_codebook_and_import(a.codes, a.import_mb)
    if a.json:
        print(json.dumps({"sizes": results, **other}, indent=2))
        return 0
    for r in results:
        print(f"--- {r['codings']:,} codings")
        print(f"open document   {r['open_ms']} ms, bare {r['bare_open_ms']} ms: "
              f"{r['open_ratio']}x")
        print(f"select in list  worst {r['select_worst_ms']} ms")
        print(f"page down       worst {r['page_worst_ms']} ms, median {r['page_median_ms']} "
              f"(bare: worst {r['bare_page_worst_ms']}, median {r['bare_page_median_ms']})")
        print(f"jumps           worst {r['jump_worst_ms']} ms, median {r['jump_median_ms']} "
              f"(bare: worst {r['bare_jump_worst_ms']}, median {r['bare_jump_median_ms']})")
        print(f"bulk {r['bulk_codings']} codings: do {r['bulk_do_ms']} ms, undo "
              f"{r['bulk_undo_ms']} ms, redo {r['bulk_redo_ms']} ms; view exact: "
              f"{r['bulk_index_exact']}")
        print(f"choose code     worst {r['choose_code_worst_ms']} ms "
              f"({r['segments_listed']} segments)")
        print(f"open project    {r['window_open_ms']} ms in the window, "
              f"Project.open {r['project_open_ms']} ms")
    print(f"--- add a code to {other['codebook_codes']} codes: worst "
          f"{other['add_code_worst_ms']} ms")
    print(f"--- import {other['import_mb']} MB: {other['import_ms']} ms, the window blocked "
          f"at most {other['import_block_ms']} ms (showing the new document alone: "
          f"{other['show_imported_ms']} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
