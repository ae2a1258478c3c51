"""Analysis at the size of the issue: the novel in 120 chapters, 100,000 codings.

《红楼梦》 (GBK, 882k characters) split at its chapter headings into 120 documents;
300 codes, 3 coders, 100,000 codings of 5–300 characters; a document attribute 部分
(前八十回 / 后四十回) and 12 cases of 10 chapters. Measured in one run, each against the
baseline of reading every coding row (the least any analysis must do):

- a two-code query (``A AND B``, and ``A NEAR B`` within a sentence), budget 300 ms;
- the full 300 × 300 co-occurrence, budget 1 s;
- the crosstab of all 300 codes by 部分, budget 300 ms;
- in the window (this tree only): the longest the GUI thread is busy while the Analysis
  dock counts, shows the result, opens a cell, budget 100 ms.

Run: ``.venv/bin/python bench/bench_analysis.py [--base REV]``: each side (this tree and
``REV``, default ``main``, unpacked with ``git archive``) is timed in its own process on
the same project file, alternating, and the best of ``--rounds`` runs is kept.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

from annotator.domain.query import Reach
from annotator.services import attributes, cases, codebook
from annotator.services.analysis_scope import Scope
from annotator.services.coders import ensure_coder
from annotator.services.cooccurrence import cooccurrence
from annotator.services.crosstab import crosstab
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.services.queries import QuerySpec, run_query
from annotator.store.models import Code, Coding
from annotator.store.project import Project, now

NOVEL = Path(__file__).resolve().parents[2] / "shared/corpus/hongloumeng-gbk.txt"
CHAPTERS, CODES, CODERS, CODINGS = 120, 300, 3, 100_000
HEADING = re.compile(r"^\s*第[一二三四五六七八九十百零]+回", re.M)


def chapters(text: str) -> list[str]:
    starts = [m.start() for m in HEADING.finditer(text)]
    parts: list[str] = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        if parts and b - a < 1000:       # a heading quoted inside a chapter, not a chapter
            parts[-1] += text[a:b]
        else:
            parts.append(text[a:b])
    parts[CHAPTERS - 1] = "".join(parts[CHAPTERS - 1:])
    return parts[:CHAPTERS]


def build(path: Path) -> Project:
    text = NOVEL.read_bytes().decode("gb18030")
    p = new_project(path, "empty")
    docs = [add_document(p, f"第{i + 1:03d}回", part) for i, part in enumerate(chapters(text))]
    coders = [ensure_coder(p, f"编码员{i}").id for i in range(CODERS)]
    with p.write() as s:
        s.execute(insert(Code.__table__), [
            {"guid": str(uuid.uuid4()), "parent_id": None, "name": f"代码{i:03d}",
             "description": "", "color": "#4363D8", "position": i, "is_codable": True,
             "memo": ""} for i in range(CODES)])
        code_ids = list(s.scalars(select(Code.id)))
    rng = random.Random(16)
    rows, seen = [], set()
    stamp = now()
    while len(rows) < CODINGS:
        d = rng.choice(docs)
        length = rng.randint(5, 300)
        start = rng.randrange(0, d.length - length)
        key = (d.id, rng.choice(code_ids), rng.choice(coders), start, start + length)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"document_id": key[0], "code_id": key[1], "coder_id": key[2],
                     "start": key[3], "end": key[4], "memo": "", "created_at": stamp,
                     "guid": str(uuid.uuid4())})
    with p.write() as s:
        s.execute(insert(Coding.__table__), rows)
    attributes.define_attribute(p, "部分", "document", "category")
    for i, d in enumerate(docs):
        attributes.set_value(p, "部分", d.name, "前八十回" if i < 80 else "后四十回")
    for k in range(12):
        cases.create_case(p, f"卷{k + 1:02d}", [d.name for d in docs[k * 10:(k + 1) * 10]])
    return p


def timed(fn, repeat: int = 5) -> float:
    """Median seconds of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


#: (name, budget in seconds), in the order printed
CASES = [
    ("query A AND B", 0.3),
    ("query A NEAR B (sentence)", 0.3),
    ("query A AND B, 部分=前八十回, 1 coder", 0.3),
    ("co-occurrence 300 × 300", 1.0),
    ("crosstab 300 codes by 部分", 0.3),
    ("crosstab 300 codes by case", 0.3),
]


def runs_of(p: Project) -> dict[str, Callable[[], object]]:
    """What each of ``CASES`` runs."""
    paths = [c.path for c in codebook.code_tree(p)]
    return {
        "query A AND B": lambda: run_query(p, QuerySpec(paths[0], "and", paths[1])),
        "query A NEAR B (sentence)": lambda: run_query(
            p, QuerySpec(paths[0], "near", paths[1], Reach("sentence"))),
        "query A AND B, 部分=前八十回, 1 coder": lambda: run_query(
            p, QuerySpec(paths[0], "and", paths[1]),
            Scope(where=(("部分", "前八十回"),), coders=("编码员0",))),
        "co-occurrence 300 × 300": lambda: cooccurrence(p),
        "crosstab 300 codes by 部分": lambda: crosstab(p, "部分"),
        "crosstab 300 codes by case": lambda: crosstab(p, "case"),
    }


def measure(path: Path) -> None:
    """Time every case on an existing project with the ``annotator`` on ``sys.path``;
    one JSON line out (the parent runs this for the branch and for the base)."""
    p = Project.open(path)

    def read_codings() -> None:
        with p.read() as s:
            s.connection().execute(select(Coding.id, Coding.document_id, Coding.code_id,
                                          Coding.coder_id, Coding.start, Coding.end)).all()

    out = {"baseline": timed(read_codings)}
    runs = runs_of(p)
    for name, budget in CASES:
        out[name] = timed(runs[name], 3 if budget >= 1 else 5)
    p.close()
    print(json.dumps(out))


def stalls(path: Path) -> None:
    """The longest time the window's GUI thread is busy (a 2 ms heartbeat timer that
    cannot fire) while the Analysis dock runs each step on the project; one JSON line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
                       persist=False)
        w.resize(1400, 950)
        w.show()
        w.projects.open_path(path)
        a = w.analysis
        clock, gap = QElapsedTimer(), [0]
        beat = QTimer(interval=2)

        def tick() -> None:
            gap[0] = max(gap[0], clock.restart())

        beat.timeout.connect(tick)

        def worst(start: Callable[[], object]) -> float:
            app.processEvents()
            gap[0] = 0
            clock.start()
            beat.start()
            start()
            tick()
            while a.runner.busy:
                app.processEvents()
            for _ in range(20):  # what the result's arrival makes the window draw
                app.processEvents()
                time.sleep(0.002)
            tick()
            beat.stop()
            return gap[0] / 1000

        out = {}
        a.show_tab(a.cooccurrence)
        out["co-occurrence 300 × 300, shown"] = worst(a.cooccurrence.run)
        out["a co-occurrence cell opened"] = worst(lambda: a.cooccurrence.open_cell(0, 1))
        out["another measure shown"] = worst(lambda: a.cooccurrence.measure.setCurrentIndex(4))
        a.show_tab(a.crosstab)
        a.crosstab.by.setCurrentIndex(a.crosstab.by.findData("部分"))
        out["crosstab by 部分, shown"] = worst(a.crosstab.run)
        a.show_tab(a.query)
        out["query A NEAR B (sentence), shown"] = worst(a.query.run)
        w.close()
    print(json.dumps(out))


def run_side(root: Path, project: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, __file__, "--measure", str(project)], env=env,
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stalls", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-window", action="store_true",
                        help="skip the window's longest stalls (needs PySide6)")
    parser.add_argument("--base", default="main",
                        help="the git revision to compare with, measured in the same run "
                             "(default: main; 'none' to skip)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of each side, alternating (the best is kept)")
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    if args.stalls:
        stalls(args.stalls)
        return
    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        project = Path(tmp) / "novel.annotator"
        build(project).close()
        print(f"built: {CHAPTERS} chapters, {CODES} codes, {CODERS} coders, "
              f"{CODINGS:,} codings in {time.perf_counter() - t:.1f} s")
        sides = {"branch": here}
        if args.base != "none":
            base = Path(tmp) / "base"
            base.mkdir()
            archive = subprocess.run(["git", "-C", str(here), "archive", args.base,
                                      "annotator"], check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
            sides["base"] = base
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.rounds):
            for side, root in sides.items():
                got = run_side(root, project)
                best[side] = {k: min(v, best.get(side, {}).get(k, v)) for k, v in got.items()}
        mine = best["branch"]
        print(f"baseline, reading all {CODINGS:,} coding rows: {mine['baseline'] * 1000:.0f} ms")
        head = f"{'':<40} {'branch':>9} {'× rows':>7}"
        if "base" in best:
            head += f" {args.base:>9} {'speed-up':>9}"
        print(head + "  budget")
        for name, budget in CASES:
            took = mine[name]
            line = f"{name:<40} {took * 1000:6.0f} ms {took / mine['baseline']:6.1f}×"
            if "base" in best:
                was = best["base"][name]
                line += f" {was * 1000:6.0f} ms {was / took:8.1f}×"
            verdict = "ok" if took <= budget else "OVER"
            print(f"{line}  {budget * 1000:.0f} ms: {verdict}")
        if not args.no_window:
            done = subprocess.run([sys.executable, __file__, "--stalls", str(project)],
                                  check=True, capture_output=True, text=True)
            print("the window, longest time the GUI thread is busy (budget 100 ms):")
            for name, took in json.loads(done.stdout.strip().splitlines()[-1]).items():
                verdict = "ok" if took <= 0.1 else "OVER"
                print(f"  {name:<38} {took * 1000:6.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
