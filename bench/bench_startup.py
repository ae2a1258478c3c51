"""Start-up of the frozen program against a frozen PySide6 hello-world, side by side, and
of the command line against a bare Python.

    .venv/bin/python bench/bench_startup.py [--runs 5]     # after `make bundle`

The hello-world (a QLabel in a QMainWindow, frozen by PyInstaller into
build/bench-hello/) is the floor any frozen PySide6 program pays: unpacking nothing,
loading Qt, a platform plugin, a font. Both programs are started the same way — offscreen,
the window shown, grabbed to a PNG after the same 0.4 s pause ``--screenshot`` makes — and
timed from launch until the PNG is on disk, less that pause. The budget: the Annotator
window (on the demo project) within 2x the hello-world. Prints the medians and the ratio.

The command line, as installed by pip (the venv's ``annotator`` script) and as frozen:
``annotator --version`` and ``annotator info`` on the demo project, each against
``python -c pass`` of the same interpreter in the same run (issue budgets: 0.15 s and
0.4 s; a bare Python takes about 0.02 s).
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
GRAB_DELAY_S = 0.4  # what annotator/ui/app.py waits before --screenshot grabs
BUDGET_RATIO = 2.0
CLI_BUDGETS = {"--version": 0.15, "info": 0.4}  # seconds, issue "fluid at 300,000 codings"

HELLO = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello, 你好"))
window.resize(1440, 860)
window.show()


def grab() -> None:
    window.grab().save(sys.argv[1])
    app.quit()


QTimer.singleShot({int(GRAB_DELAY_S * 1000)}, grab)
sys.exit(app.exec())
"""


def frozen_hello() -> Path:
    """The frozen hello-world's executable, built once into build/bench-hello/."""
    exe = HELLO_DIR / "dist" / "hello" / ("hello.exe" if os.name == "nt" else "hello")
    if exe.exists():
        return exe
    HELLO_DIR.mkdir(parents=True, exist_ok=True)
    script = HELLO_DIR / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--name", "hello", "--distpath", str(HELLO_DIR / "dist"),
                    "--workpath", str(HELLO_DIR / "work"), "--specpath", str(HELLO_DIR),
                    str(script)], check=True)
    return exe


def time_to_window(cmd: list[str], png: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds from launch until the window was up — PNG on disk, less the grab pause —,
    CPU seconds of the whole run, POSIX only, else the wall time until exit)."""
    png.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, str(png)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    while not (png.exists() and png.stat().st_size > 0):
        if proc.poll() is not None and not png.exists():
            raise SystemExit(f"{cmd[0]} exited {proc.returncode} without a window")
        time.sleep(0.005)
    shown = time.perf_counter() - t0 - GRAB_DELAY_S
    proc.wait(timeout=60)
    if before is None:
        return shown, time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return shown, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    cases: dict[str, tuple[list[str], float | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
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
    ok = True
    for name, (_cmd, budget) in cases.items():
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        verdict = ""
        if budget is not None:  # judged on the wall time, as a user waits for it
            ok &= wall <= budget
            verdict = f"  budget {budget:g} s: {'ok' if wall <= budget else 'OVER'}"
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
    runs: dict[str, tuple[list[str], list[float], list[float]]] = {
        "hello-world": ([str(hello)], [], []),
        "Annotator": ([str(gui), str(demo), "--screenshot"], [], []),
    }
    for _ in range(a.runs):  # interleaved, so a busy moment costs both alike
        for label, (cmd, shown_s, cpu_s) in runs.items():
            shown, cpu = time_to_window(cmd, work / f"{label}.png", env)
            shown_s.append(shown)
            cpu_s.append(cpu)
    medians = {label: (statistics.median(shown_s), statistics.median(cpu_s))
               for label, (_cmd, shown_s, cpu_s) in runs.items()}
    for label, (_cmd, shown_s, _cpu_s) in runs.items():
        shown, cpu = medians[label]
        print(f"frozen {label} window: median {shown:.3f} s "
              f"({', '.join(f'{t:.2f}' for t in shown_s)}); CPU of the run {cpu:.3f} s")
    h, w = medians["hello-world"][0], medians["Annotator"][0]
    print(f"CPU ratio {medians['Annotator'][1] / medians['hello-world'][1]:.2f}")
    ok = w / h <= BUDGET_RATIO
    print(f"ratio {w / h:.2f} (budget {BUDGET_RATIO:g}x): {'ok' if ok else 'OVER'}")
    return 0 if ok and cli_ok else 1


if __name__ == "__main__":
    sys.exit(main())
