"""A scripted workshop day in the window, offscreen: the longest block of the GUI thread.

    .venv/bin/python bench/bench_workshop_day.py [--spans 200] [--cache DIR]

The project is ``bench_workshop.py``'s (10 documents × 100,000 characters, 50 codes),
with 19 participants' copies merged (about 95,000 codings) and the 20th kept for the
day. The real ``MainWindow`` then goes through the day a facilitator has:

1. open the merged project;
2. open the overview (F9) and the agreement dock (Workshop → Intercoder agreement);
3. code ``--spans`` spans one by one, as a participant would, with both docks open;
4. undo them all (Ctrl+Z, one by one);
5. merge the 20th participant's copy (Workshop → Merge projects…);
6. Workshop → Intercoder agreement and Workshop → Disagreements.

Each step is driven the way the menus and keys drive it, and the event loop then runs
until the window is idle (no job running, no timer pending). A watchdog — a 5 ms timer
on the GUI thread — records the gaps between its ticks: a gap is the time the GUI thread
could do nothing else (a user's click or a repaint would have waited that long). The
report is the longest gap per step against the watchdog's longest gap with the window
idle in the same run (the machine's own jitter). Budget: no step blocks > 100 ms.
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import bench_workshop as ws

PARTICIPANTS = ws.PARTICIPANTS
TICK_MS = 5
BUDGET_MS = 100


def build(cache: Path) -> tuple[Path, Path]:
    """The merged project and the copy left for the day (built once, then reused)."""
    from sqlalchemy import select

    from annotator.services.workshop import make_participant_copies, merge_copies
    from annotator.store.models import Code, Document

    merged, last = cache / "工作坊.annotator", cache / "last-copy.annotator"
    if merged.exists() and last.exists():
        return merged, last
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    rng = random.Random(ws.SEED)
    facilitator = ws.build_facilitator(merged, rng)
    names = [f"参与者{i:02d}" for i in range(PARTICIPANTS)]
    copies = make_participant_copies(facilitator, cache / "copies", names,
                                     without_codings=True)
    with facilitator.read() as s:
        doc_ids = list(s.scalars(select(Document.id).order_by(Document.id)))
        code_ids = list(s.scalars(select(Code.id)))
    shared = ws.truth(rng, doc_ids, code_ids)
    for c in copies:
        ws.code_copy(c.path, c.participant, shared, rng)
    merge_copies(facilitator, [c.path for c in copies[:-1]])
    facilitator.close()
    shutil.copy(copies[-1].path, last)
    shutil.rmtree(cache / "copies")
    return merged, last


class Watchdog:
    """A timer on the GUI thread: the longest gap between two of its ticks. A sampler
    thread notes where the GUI thread is while a gap lasts (``--where``), so a long
    block names the code behind it."""

    def __init__(self, sample: bool = False) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.where: Counter[str] = Counter()
        self._gui = threading.get_ident()
        if sample:
            threading.Thread(target=self._sample, daemon=True).start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def _sample(self) -> None:
        while True:
            time.sleep(0.02)
            if time.perf_counter() - self.last > 0.05:  # blocked: where?
                self.where[self._innermost()] += 1

    def _innermost(self) -> str:
        """The GUI thread's innermost frame in Annotator's code. Only names are read and
        no frame is kept: a kept frame would keep its locals (a QPainter) alive."""
        frame = sys._current_frames().get(self._gui)
        found = "elsewhere"
        if frame is not None:  # outside Annotator: name the innermost Python frame
            found = f"({Path(frame.f_code.co_filename).name}:{frame.f_lineno} " \
                    f"{frame.f_code.co_name})"
        while frame is not None:
            name = frame.f_code.co_filename
            if "/annotator/" in name and "/bench/" not in name:
                found = f"{Path(name).name}:{frame.f_lineno} {frame.f_code.co_name}"
                break
            frame = frame.f_back
        del frame
        return found

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def reset(self) -> float:
        """The longest gap since the last reset (in ms); starts a new measurement."""
        longest = max(self.longest, time.perf_counter() - self.last)
        self.longest, self.last = 0.0, time.perf_counter()
        return longest * 1000

    def blamed(self) -> str:
        """Where the GUI thread was blocked since the last call (20 ms samples)."""
        top = ", ".join(f"{k} ×{n}" for k, n in self.where.most_common(3))
        self.where.clear()
        return top


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spans", type=int, default=200)
    ap.add_argument("--profile", type=Path,
                    help="write a cProfile of the GUI thread (the workers are not in it)")
    ap.add_argument("--where", action="store_true",
                    help="name the code the GUI thread was in during blocks over 50 ms")
    ap.add_argument("--cache", type=Path,
                    default=Path(tempfile.gettempdir()) / "annotator-bench-workshop-day")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ANNOTATOR_CODER"] = "参与者00"
    t = time.perf_counter()
    merged, last = build(args.cache)
    print(f"project: {merged} ({time.perf_counter() - t:.1f} s to build or find)")
    work = Path(tempfile.mkdtemp(prefix="bench-day-"))
    project_path = work / merged.name
    shutil.copy(merged, project_path)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(QSettings(str(work / "bench.ini"), QSettings.Format.IniFormat),
                        persist=False)
    window.resize(1400, 900)
    window.show()
    ctx = window.workshop_ui
    ctx.ctx.prompts.confirm = lambda *a, **k: True  # the merge's "cannot be undone"
    watchdog = Watchdog(args.where)

    def busy() -> bool:
        jobs = (ctx.agreement.busy, ctx.disagreements.busy, getattr(ctx, "merging", False))
        timers = (ctx.agreement._timer.isActive(), ctx.disagreements._timer.isActive(),
                  window.overview.timer.isActive())
        return any(jobs) or any(timers)

    def idle(limit: float = 600.0) -> None:
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            app.processEvents()
            if not busy():
                app.processEvents()
                return
            time.sleep(0.002)
        raise RuntimeError("the window did not become idle")

    rows: list[tuple[str, float, float]] = []

    def step(name: str, action: Callable[[], None]) -> None:
        idle()
        watchdog.reset()
        t0 = time.perf_counter()
        action()
        idle()
        rows.append((name, watchdog.reset(), time.perf_counter() - t0))
        print(f"  {name}: longest block {rows[-1][1]:.0f} ms, {rows[-1][2]:.2f} s in all",
              flush=True)
        if args.where:
            print(f"    blocked in: {watchdog.blamed()}")

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    watchdog.start()
    for _ in range(20):  # the machine's own jitter, the window idle
        app.processEvents()
        time.sleep(0.01)
    end = time.perf_counter() + 2
    watchdog.reset()
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    baseline = watchdog.reset()
    print(f"idle window (baseline): longest gap {baseline:.0f} ms")

    step("open the merged project", lambda: window.projects.open_path(project_path))
    step("open the overview and the agreement dock", lambda: (
        window.registry["overview"].trigger(), window.registry["agreement"].trigger()))
    session = window.session
    code_id = window.codebook.current_code() or next(iter(session.codes))
    rnd = random.Random(7)
    doc_ids = [d.id for d in session.documents]
    coding_blocks: list[float] = []

    def code_one(i: int) -> None:
        doc = doc_ids[i % len(doc_ids)]
        window.docs.select_document(doc)
        text = session.text(doc)
        start = rnd.randrange(0, len(text) - 200)
        window.view.select_span(start, start + rnd.randint(5, 150))
        window.coding.code_selection(code_id)

    t0 = time.perf_counter()
    for i in range(args.spans):
        idle()
        watchdog.reset()
        code_one(i)
        idle()
        coding_blocks.append(watchdog.reset())
    rows.append((f"code {args.spans} spans (docks open)", max(coding_blocks),
                 time.perf_counter() - t0))
    if args.where:
        print(f"    blocked in: {watchdog.blamed()}")
    coding_blocks.sort()
    print(f"  {rows[-1][0]}: longest block {rows[-1][1]:.0f} ms (median "
          f"{coding_blocks[len(coding_blocks) // 2]:.0f} ms), {rows[-1][2]:.1f} s in all")

    def undo_all() -> None:
        for _ in range(args.spans):
            session.undo_stack.undo()
            app.processEvents()

    step(f"undo {args.spans} codings", undo_all)
    step("merge the 20th copy", lambda: ctx.merge([last]))
    step("Workshop → Intercoder agreement", lambda: window.registry["agreement"].trigger())
    step("Workshop → Disagreements", lambda: window.registry["disagreements"].trigger())

    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    print()
    print(f"| step | longest GUI block (ms) | ÷ idle jitter ({baseline:.0f} ms) | total (s) |")
    print("|---|---:|---:|---:|")
    for name, block, total in rows:
        print(f"| {name} | {block:.0f} | {block / max(baseline, 1):.1f}× | {total:.1f} |")
    worst = max(b for _n, b, _t in rows)
    print(f"\nlongest GUI-thread block: {worst:.0f} ms (budget {BUDGET_MS} ms)")
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
