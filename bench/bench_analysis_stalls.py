"""The window's longest waits while charts draw and jieba builds, cases coded on segments,
and what the analysis sheets add to the default export — each against a baseline
measured in the same run.

On the project of ``bench_analysis.py`` (the novel in 120 chapters, 300 codes, 100,000
codings), with 12 more cases coded on 40 stretches each (a focus group's speakers):

- a worker draws the 25-code heatmap (as the window shows it, and at 2× as a PNG is
  saved): the longest the main thread waits, one QtSvg call (baseline) against the
  drawing in layers (``chart_png.render``);
- a worker builds the first segmenter of a process, in a fresh process each: ``import
  rjieba`` plus ``rjieba.Jieba()`` (baseline: two dictionary builds) against
  ``Segmenter()`` (one);
- the window (fresh process each): the first whole-words concordance of 宝玉 right after
  the dock opens (the segmenter built on demand, baseline) against the same search once
  the dock has built it ahead; and the longest wait while it builds ahead;
- crosstab by case and a query over one case: the 12 speaker cases (segments) against
  the 12 cases of whole chapters, budget 300 ms;
- ``export``: the default workbook against ``--no-analysis`` (what the analysis sheets
  cost).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_analysis_stalls.py``.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_analysis import build, timed  # noqa: E402

from annotator.services import cases  # noqa: E402
from annotator.services.analysis_scope import Scope  # noqa: E402
from annotator.services.codebook import code_tree  # noqa: E402
from annotator.services.crosstab import crosstab  # noqa: E402
from annotator.services.queries import QuerySpec, run_query  # noqa: E402
from annotator.store.project import Project  # noqa: E402


def main_thread_gap(work) -> tuple[float, float]:
    """(seconds the work took in a thread, the longest the main thread waited meanwhile)."""
    done, took = threading.Event(), [0.0]

    def run() -> None:
        t = time.perf_counter()
        work()
        took[0] = time.perf_counter() - t
        done.set()

    thread = threading.Thread(target=run)
    last, worst = time.perf_counter(), 0.0
    thread.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    thread.join()
    return took[0], worst


def speakers(p: Project) -> None:
    """12 speaker cases, each coded on 40 stretches of 200–2,000 characters."""
    rng = random.Random(17)
    with p.read() as s:
        from sqlalchemy import select

        from annotator.store.models import Document

        docs = s.execute(select(Document.name, Document.length)).all()
    for k in range(12):
        name = f"发言人{k + 1:02d}"
        cases.create_case(p, name)
        for _ in range(40):
            doc, length = rng.choice(docs)
            start = rng.randrange(0, length - 2000)
            cases.code_segment(p, name, doc, start, start + rng.randint(200, 2000))


def charts(path: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from annotator.io import charts_svg
    from annotator.services.cooccurrence import cooccurrence
    from annotator.ui.chart_png import gui_application, render

    gui_application()
    with Project.open(path) as p:
        svg = charts_svg.cooccurrence_heatmap(cooccurrence(p), "passages", 25)

    def one_call(scale: float) -> None:
        renderer = QSvgRenderer(QByteArray(svg.encode()))
        size = renderer.defaultSize()
        image = QImage(int(size.width() * scale), int(size.height() * scale),
                       QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()

    out = {}
    for scale in (1.0, 2.0):
        base = [main_thread_gap(lambda s=scale: one_call(s)) for _ in range(3)]
        mine = [main_thread_gap(lambda s=scale: render(svg, s)) for _ in range(3)]
        out[f"heatmap {scale:g}×"] = {"base": min(g for _t, g in base),
                                      "branch": min(g for _t, g in mine),
                                      "base_took": min(t for t, _g in base),
                                      "branch_took": min(t for t, _g in mine)}
    return out


def segmenter(kind: str) -> dict:
    def work() -> None:
        if kind == "base":
            import rjieba

            rjieba.Jieba()
        else:
            from annotator.text.segment import Segmenter

            Segmenter()
    took, gap = main_thread_gap(work)
    return {"took": took, "gap": gap}


def window(path: Path, ahead: bool) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui import words_controller
    from annotator.ui.main_window import MainWindow

    if not ahead:
        words_controller.PREPARE_MS = 10 ** 8   # never in this run: built on demand
    app = QApplication([])
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
                       persist=False)
        w.resize(1400, 950)
        w.show()
        w.projects.open_path(path)
        clock, gap = QElapsedTimer(), [0]
        beat = QTimer(interval=2)
        beat.timeout.connect(lambda: gap.__setitem__(0, max(gap[0], clock.restart())))

        def watch(until, seconds: float = 60) -> float:
            gap[0] = 0
            clock.start()
            beat.start()
            end = time.perf_counter() + seconds
            while not until() and time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.001)
            beat.stop()
            return gap[0] / 1000

        w.registry["concordance"].trigger()
        out["dock opened (and, with ahead, the segmenter built)"] = watch(
            lambda: False, 2.5 if ahead else 0.5)
        panel = w.text_analysis.concordance
        panel.whole_words.setChecked(True)
        panel.search("宝玉")
        out["first whole-words search of 宝玉"] = watch(lambda: not panel.busy)
        out["hits"] = len(panel.model.hits)
        w.close()
    return out


def sub(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--segmenter", help=argparse.SUPPRESS)
    parser.add_argument("--window", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ahead", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.charts:
        print(json.dumps(charts(args.charts)))
        return
    if args.segmenter:
        print(json.dumps(segmenter(args.segmenter)))
        return
    if args.window:
        print(json.dumps(window(args.window, args.ahead)))
        return
    print(f"load average: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "novel.annotator"
        t = time.perf_counter()
        p = build(path)
        speakers(p)
        print(f"built in {time.perf_counter() - t:.0f} s")
        code = next(c.path for c in code_tree(p))
        rows = [
            ("crosstab by case", lambda: crosstab(p, "case")),
            ("query A over one case", lambda: run_query(p, QuerySpec(code),
                                                        Scope(cases=("卷01",)))),
            ("query A over one speaker", lambda: run_query(p, QuerySpec(code),
                                                           Scope(cases=("发言人01",)))),
        ]
        times = {name: timed(fn, 3) for name, fn in rows}
        whole = crosstab(p, "case")
        print(f"crosstab by case (12 whole-chapter + 12 speaker cases): "
              f"{times['crosstab by case'] * 1000:.0f} ms; columns {len(whole.columns)}")
        print(f"query over one case of 10 chapters: {times['query A over one case'] * 1000:.0f}"
              f" ms; over one speaker (40 stretches): "
              f"{times['query A over one speaker'] * 1000:.0f} ms "
              f"({times['query A over one speaker'] / times['query A over one case']:.2f}×)")
        p.close()
        from annotator.services.export import export_workbook

        with Project.open(path) as p:
            full = timed(lambda: export_workbook(p, Path(tmp) / "a.xlsx", agreement=False,
                                                 words=False), 2)
            bare = timed(lambda: export_workbook(p, Path(tmp) / "b.xlsx", agreement=False,
                                                 words=False, analysis=False), 2)
        print(f"export (no agreement, no words): with the analysis sheets {full:.2f} s, "
              f"without {bare:.2f} s ({full / bare:.2f}×)")
        for name, got in sub("--charts", str(path)).items():
            print(f"worker draws the {name}: main thread waits {got['branch'] * 1000:.0f} ms "
                  f"in layers, {got['base'] * 1000:.0f} ms in one call "
                  f"({got['branch'] / got['base']:.2f}×); drawing took "
                  f"{got['branch_took'] * 1000:.0f} / {got['base_took'] * 1000:.0f} ms")
        base = [sub("--segmenter", "base") for _ in range(args.rounds)]
        mine = [sub("--segmenter", "branch") for _ in range(args.rounds)]
        b, m = min(x["gap"] for x in base), min(x["gap"] for x in mine)
        print(f"first segmenter of a process: main thread waits {m * 1000:.0f} ms "
              f"(Segmenter()), {b * 1000:.0f} ms (import rjieba + Jieba()) ({m / b:.2f}×)")
        demand = [sub("--window", str(path)) for _ in range(2)]
        ahead = [sub("--window", str(path), "--ahead") for _ in range(2)]
        key = "first whole-words search of 宝玉"
        dock = "dock opened (and, with ahead, the segmenter built)"
        d, a = min(x[key] for x in demand), min(x[key] for x in ahead)
        print(f"window, {key} ({demand[0]['hits']} hits): longest wait {a * 1000:.0f} ms with "
              f"the segmenter built ahead, {d * 1000:.0f} ms built on demand ({a / d:.2f}×)")
        print(f"window, the dock opened: longest wait {min(x[dock] for x in ahead) * 1000:.0f}"
              f" ms while it builds ahead, {min(x[dock] for x in demand) * 1000:.0f} ms "
              f"without")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
