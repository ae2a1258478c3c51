"""Start-up of the frozen program against a frozen PySide6 hello-world, side by side, and
of the command line against a bare Python and a bare sqlite3 read.

    .venv/bin/python bench/bench_startup.py [--runs 5]     # after `make bundle`

The hello-world (a QLabel in a QMainWindow, frozen by PyInstaller into
build/bench-hello/) is the floor any frozen PySide6 program pays: loading Qt, a platform
plugin, a font. Both programs are started the same way (offscreen, on the demo project
for Annotator) and say on stderr when their window has been painted for the first time
(Annotator: ``ANNOTATOR_TRACE_START=1``, ``ui/app.start``); that moment is timed from
launch. Annotator paints its frame first and builds itself behind it, so it also says
when the window is ready (built, the project shown, painted again): that is timed too.
The budget: Annotator's first paint within 2x the hello-world's. Prints the medians and
the ratios.

The command line, as installed by pip (the venv's ``annotator`` script) and as frozen:
``annotator --version`` and ``annotator info`` on the demo project, each against
``python -c pass`` of the same interpreter and, for ``info``, against a bare sqlite3 read
of the same file, in the same run (issue budgets: 0.15 s and 0.4 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource  # POSIX: the children's CPU time
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "annotator"
HELLO_DIR = ROOT / "build" / "bench-hello"
BUDGET_RATIO = 2.0
CLI_BUDGETS = {"--version": 0.15, "info": 0.4}  # seconds, issue "fluid at 300,000 codings"

HELLO = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello, 你好"))
window.resize(1440, 860)


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False


def painted() -> None:
    print("annotator start: painted", file=sys.stderr, flush=True)
    print("annotator start: ready", file=sys.stderr, flush=True)
    app.quit()


window.installEventFilter(FirstPaint(window))
window.show()
sys.exit(app.exec())
"""


def frozen_hello() -> Path:
    """The frozen hello-world's executable, built into build/bench-hello/ (again when
    its script changed)."""
    exe = HELLO_DIR / "dist" / "hello" / ("hello.exe" if os.name == "nt" else "hello")
    script = HELLO_DIR / "hello.py"
    if exe.exists() and script.exists() and script.read_text(encoding="utf-8") == HELLO:
        return exe
    HELLO_DIR.mkdir(parents=True, exist_ok=True)
    script.write_text(HELLO, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--name", "hello", "--distpath", str(HELLO_DIR / "dist"),
                    "--workpath", str(HELLO_DIR / "work"), "--specpath", str(HELLO_DIR),
                    str(script)], check=True)
    return exe


def time_to_window(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds from launch to the first paint, to the window ready, CPU seconds of the
    whole run: POSIX only, else the wall time until exit), from the program's
    ``annotator start: painted`` / ``ready`` lines on stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    t0 = time.perf_counter()
    seen: dict[str, float] = {}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, errors="replace")
    assert proc.stderr is not None
    for line in proc.stderr:
        step = line.strip().removeprefix("annotator start: ")
        if step in ("painted", "ready"):
            seen.setdefault(step, time.perf_counter() - t0)
    proc.wait(timeout=60)
    if set(seen) != {"painted", "ready"}:
        raise SystemExit(f"{cmd[0]} exited {proc.returncode} without a window")
    if before is None:
        return seen["painted"], seen["ready"], time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seen["painted"], seen["ready"], cpu


def time_command(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of a command until it has exited (successfully).

    The CPU time (user + system, POSIX only; else the wall time) is what a busy machine
    inflates least: the command line is one process on one core.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if before is None:
        return wall, wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def command_line(runs: int, env: dict[str, str], demo: Path, frozen: Path | None) -> bool:
    """Time ``--version`` and ``info`` against ``python -c pass``, interleaved."""
    script = Path(sys.executable).with_name("annotator.exe" if os.name == "nt" else "annotator")
    # name: (command, budget in seconds or None)
    bare_read = (f"import sqlite3; c = sqlite3.connect({str(demo)!r}); "
                 "c.execute('SELECT count(*) FROM coding').fetchone()")
    cases: dict[str, tuple[list[str], float | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "bare sqlite3 read": ([sys.executable, "-c", bare_read], None),
        "annotator --version": ([str(script), "--version"], CLI_BUDGETS["--version"]),
        "annotator info": ([str(script), "info", str(demo)], CLI_BUDGETS["info"]),
    }
    if frozen is not None:
        cases["frozen --version"] = ([str(frozen), "--version"], None)
        cases["frozen info"] = ([str(frozen), "info", str(demo)], None)
    walls: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (cmd, _budget) in cases.items():
            wall, cpu = time_command(cmd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    bare_wall = statistics.median(walls["python -c pass"])
    bare_cpu = statistics.median(cpus["python -c pass"])
    read_wall = statistics.median(walls["bare sqlite3 read"])
    ok = True
    for name, (_cmd, budget) in cases.items():
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        verdict = ""
        if budget is not None:  # judged on the wall time, as a user waits for it
            ok &= wall <= budget
            verdict = f"  budget {budget:g} s: {'ok' if wall <= budget else 'OVER'}"
        if name.endswith("info"):
            verdict = f", {wall / read_wall:4.1f}x a bare sqlite3 read" + verdict
        print(f"{name:20} median wall {wall:.3f} s = {wall / bare_wall:5.1f}x bare Python, "
              f"CPU {cpu:.3f} s = {cpu / bare_cpu:5.1f}x{verdict}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    gui = BUNDLE / ("Annotator.exe" if os.name == "nt" else "annotator")
    cli = BUNDLE / ("annotator-cli.exe" if os.name == "nt" else "annotator")
    work = Path(tempfile.mkdtemp(prefix="annotator-bench-startup-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_LANG": "zh",
           "ANNOTATOR_CONFIG_DIR": str(work / "config"), "ANNOTATOR_CODER": "bench"}
    demo = work / "示例项目.annotator"
    subprocess.run([sys.executable, "-m", "annotator", "demo", str(demo), "--no-open"],
                   env=env, check=True, capture_output=True)
    cli_ok = command_line(a.runs, env, demo, cli if cli.exists() else None)
    if not gui.exists():
        print("no bundle: run `make bundle` first for the window", file=sys.stderr)
        return 1
    hello = frozen_hello()
    env = {**env, "ANNOTATOR_TRACE_START": "1"}
    # label: (command, first paints, readies, CPU of the runs)
    runs: dict[str, tuple[list[str], list[float], list[float], list[float]]] = {
        "hello-world": ([str(hello)], [], [], []),
        "Annotator": ([str(gui), str(demo), "--screenshot", str(work / "shot.png")],
                      [], [], []),
    }
    for _ in range(a.runs):  # interleaved, so a busy moment costs both alike
        for cmd, painted, ready, cpu in runs.values():
            p, r, c = time_to_window(cmd, env)
            painted.append(p)
            ready.append(r)
            cpu.append(c)
    med = {label: [statistics.median(v) for v in values]
           for label, (_cmd, *values) in runs.items()}
    for label, (_cmd, painted, ready, _cpu) in runs.items():
        p, r, c = med[label]
        print(f"frozen {label}: first paint median {p:.3f} s "
              f"({', '.join(f'{t:.2f}' for t in painted)}); ready {r:.3f} s "
              f"({', '.join(f'{t:.2f}' for t in ready)}); CPU of the run {c:.3f} s")
    hello_paint = med["hello-world"][0]
    first, ready = med["Annotator"][0] / hello_paint, med["Annotator"][1] / hello_paint
    ok = first <= BUDGET_RATIO
    print(f"CPU ratio {med['Annotator'][2] / med['hello-world'][2]:.2f}")
    print(f"window ready (project shown) {ready:.2f}x the hello-world's first paint")
    print(f"first paint ratio {first:.2f} (budget {BUDGET_RATIO:g}x): {'ok' if ok else 'OVER'}")
    return 0 if ok and cli_ok else 1


if __name__ == "__main__":
    sys.exit(main())
