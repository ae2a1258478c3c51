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


def time_to_window(cmd: list[str], png: Path, env: dict[str, str]) -> float:
    """Seconds from launch until the window was up (PNG on disk, less the grab pause)."""
    png.unlink(missing_ok=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, str(png)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    while not (png.exists() and png.stat().st_size > 0):
        if proc.poll() is not None and not png.exists():
            raise SystemExit(f"{cmd[0]} exited {proc.returncode} without a window")
        time.sleep(0.005)
    shown = time.perf_counter() - t0 - GRAB_DELAY_S
    proc.wait(timeout=60)
    return shown


def time_command(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from launch until the command has exited (successfully)."""
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


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
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (cmd, _budget) in cases.items():
            times[name].append(time_command(cmd, env))
    bare = statistics.median(times["python -c pass"])
    ok = True
    for name, (_cmd, budget) in cases.items():
        median = statistics.median(times[name])
        verdict = ""
        if budget is not None:
            ok &= median <= budget
            verdict = f"  budget {budget:g} s: {'ok' if median <= budget else 'OVER'}"
        print(f"{name:20} median {median:.3f} s = {median / bare:5.1f}x bare Python "
              f"({', '.join(f'{t:.2f}' for t in times[name])}){verdict}")
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
    hello_s, window_s = [], []
    for _ in range(a.runs):  # interleaved, so a busy moment costs both alike
        hello_s.append(time_to_window([str(hello)], work / "hello.png", env))
        window_s.append(time_to_window([str(gui), str(demo), "--screenshot"],
                                       work / "window.png", env))
    h, w = statistics.median(hello_s), statistics.median(window_s)
    for label, median, runs in (("hello-world", h, hello_s), ("Annotator", w, window_s)):
        print(f"frozen {label} window: median {median:.3f} s "
              f"({', '.join(f'{t:.2f}' for t in runs)})")
    ok = w / h <= BUDGET_RATIO
    print(f"ratio {w / h:.2f} (budget {BUDGET_RATIO:g}x): {'ok' if ok else 'OVER'}")
    return 0 if ok and cli_ok else 1


if __name__ == "__main__":
    sys.exit(main())
