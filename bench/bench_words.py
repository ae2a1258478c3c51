"""Time word frequencies and the concordance on 红楼梦 (run by hand; prints figures).

1. Word frequencies of the whole novel (882,440 characters) including segmentation:
   budget ≤ 1.5 s, shown as a ratio against segmenting the text alone with the same
   library (``rjieba.Jieba().cut``), measured in the same run.
2. Concordance of 的 across the novel: the hits come in batches of ``BATCH``; the longest
   time between two batches is what the window would block for at most (budget 100 ms).
3. A word added to the project dictionary: the time until the next count uses it.
4. The window: the concordance of 的, "whole words" of 宝玉 and the word frequencies of
   the novel run in the panels' worker thread; the longest the window's event loop waits
   meanwhile (a 10 ms timer's largest gap) is the figure against the 100 ms budget.

    .venv/bin/python bench/bench_words.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import rjieba

from annotator.services import words
from annotator.services.documents import add_document
from annotator.services.kwic import BATCH, Query, iter_hits
from annotator.services.projects import new_project

ROOT = Path(__file__).resolve().parents[1]
NOVEL = ROOT.parent / "shared" / "corpus" / "hongloumeng-gbk.txt"
RUNS = 5


def _median(fn, clock=time.perf_counter) -> float:
    times = []
    for _ in range(RUNS):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def main() -> int:
    if not NOVEL.exists():
        print(f"novel: {NOVEL} missing, skipped")
        return 0
    text = NOVEL.read_bytes().decode("gbk")
    with tempfile.TemporaryDirectory() as tmp:
        project = new_project(Path(tmp) / "b.annotator", "governance")
        add_document(project, "红楼梦", text)
        jieba = rjieba.Jieba()
        bare = _median(lambda: jieba.cut(text))
        words.word_frequencies(project)  # builds the project's segmenter once
        full = _median(lambda: words.word_frequencies(project))
        pos = _median(lambda: words.word_frequencies(
            project, options=words.WordOptions(pos=frozenset({"n"}))))
        # CPU time too: on a machine shared with other work, wall time swings with the load
        cpu_bare = _median(lambda: jieba.cut(text), time.process_time)
        cpu_full = _median(lambda: words.word_frequencies(project), time.process_time)
        print(f"word frequencies of the novel: {full:.2f} s (budget 1.5 s) = "
              f"{full / bare:.2f} × bare segmentation ({bare:.2f} s); "
              f"nouns only (with part of speech): {pos:.2f} s")
        print(f"  CPU time: {cpu_full:.2f} s = {cpu_full / cpu_bare:.2f} × bare ({cpu_bare:.2f} s)")

        gaps, hits = [], 0
        start = last = time.perf_counter()
        first = None
        for batch in iter_hits(project, Query("的"), context=20, batch=BATCH):
            now = time.perf_counter()
            first = first if first is not None else now - start
            gaps.append(now - last)
            hits += len(batch)
            last = time.perf_counter()
        total = time.perf_counter() - start
        print(f"concordance of 的: {hits} hits in {total:.2f} s; first batch after "
              f"{first * 1000:.0f} ms, longest step {max(gaps) * 1000:.0f} ms (budget 100 ms)")
        whole_start = time.perf_counter()
        whole = sum(len(b) for b in iter_hits(project, Query("宝玉", whole_words=True)))
        print(f"concordance of 宝玉, whole words only: {whole} hits in "
              f"{time.perf_counter() - whole_start:.2f} s")

        start = time.perf_counter()
        words.add_dictionary_words(project, ["怡红院主人"])
        written = time.perf_counter()
        seg = words.project_segmenter(project)
        took = time.perf_counter() - start
        assert "怡红院主人" in list(seg.words("他就是怡红院主人。"))
        print(f"a dictionary word added and in use: {took * 1000:.0f} ms "
              f"(writing it {(written - start) * 1000:.0f} ms, the segmenter "
              f"{(took - (written - start)) * 1000:.0f} ms)")
        path = project.path
        project.close()
        _window(path)
    return 0


def _window(path: Path) -> None:
    """The panels on the novel: the event loop's longest wait while each works."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
                            persist=False)
        window.show()
        window.projects.open_path(path)
        ta = window.text_analysis

        def run(label: str, start, busy) -> None:
            gaps: list[float] = []
            work: list[float] = []  # CPU time the window's own thread spent between ticks
            last = [time.perf_counter(), time.thread_time()]

            def tick() -> None:
                now, cpu = time.perf_counter(), time.thread_time()
                gaps.append(now - last[0])
                work.append(cpu - last[1])
                last[0], last[1] = now, cpu

            timer = QTimer(interval=10)
            timer.timeout.connect(tick)
            began = time.perf_counter()
            start()
            last[0], last[1] = time.perf_counter(), time.thread_time()
            timer.start()
            while busy():
                app.processEvents()
                time.sleep(0.002)
            timer.stop()
            took = time.perf_counter() - began
            gaps.sort()
            print(f"window, {label}: {took:.2f} s; the event loop waited at most "
                  f"{gaps[-1] * 1000:.0f} ms (p99 {gaps[int(len(gaps) * 0.99)] * 1000:.0f} ms, "
                  f"{len(gaps)} ticks; budget 100 ms), of which the window's own work at "
                  f"most {max(work) * 1000:.0f} ms")

        c = ta.concordance
        run("concordance of 的, the dock opening", lambda: ta.open_concordance("的"),
            lambda: c.busy)
        run("concordance of 的, again", lambda: ta.open_concordance("的"), lambda: c.busy)
        print(f"  {len(c.model.hits)} hits listed")
        run("sorting them by the left context", lambda: c.sort_by("left"), lambda: c.busy)
        c.sort_by("position")
        c.whole_words.setChecked(True)
        run("宝玉 whole words", lambda: c.search("宝玉"), lambda: c.busy)
        run("word frequencies", ta.open_words, lambda: ta.words.busy)
        window.close()


if __name__ == "__main__":
    sys.exit(main())
