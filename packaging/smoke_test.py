"""Smoke test of the frozen program (``make smoke``; also run by the release workflow).

    .venv/bin/python packaging/smoke_test.py [--bundle dist/annotator] [--runs 3]

Runs the bundle the way a researcher's laptop would -- no Python, no source tree on its
paths -- headless (QT_QPA_PLATFORM=offscreen) and in a scratch folder:

1. ``--version`` says the version in pyproject.toml;
2. ``new`` a project, ``import`` the seed paper (annotator/data/samples/seed-paper-zh.txt) and an
   .html, .docx, .odt, .pdf (and .rtf when striprtf is installed) written here, ``code`` a
   span and read it back with ``segments`` (the exact Chinese text, code-point offsets);
3. ``export`` to .xlsx (opened here with openpyxl: sheets, the coded text) and to .qdpx
   (checked here against the REFI-QDA schema with the source tree's validator), and
   ``new --from`` that .qdpx (the exchange reader, frozen);
4. the window: ``annotator PROJECT --screenshot OUT.png``; the PNG must exist, be the
   window's size and not be blank. Timed from launch until the window's first paint and
   until it is ready (built, the project shown), as it says on stderr with
   ``ANNOTATOR_TRACE_START=1``, and until the process is gone; several runs (the first one
   is the cold start);
5. on Linux with Xvfb, xev and xwininfo (and Qt's xcb libraries on the system): the real
   thing on the xcb platform -- launch, time until X maps the "Annotator" window, close it;
6. the bundle: its size (du -sm), the files it must carry (resources, schemas, Qt's
   zh_CN translations, the platform plugins), and on Linux that every bundled library
   finds the libraries it links to.

Prints one line per check and the figures, writes them to ``dist/smoke-report.json`` and
exits 1 when a check fails. Budget (Linux): bundle < 220 MB. The times to a window are
figures, not checks, unless ``--window-budget S`` is given (the release workflow gives one
on its dedicated runners): a wall-clock limit on a shared machine fails on load, not on the
program. The start-up budget is a ratio measured side by side, ``bench/bench_startup.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IS_WIN = sys.platform.startswith("win")
IS_MAC = sys.platform == "darwin"
# 220 since team projects (psycopg with its libpq), Chinese word segmentation (rjieba) and
# numpy for co-occurrence came in: about 45 MB between them.
SIZE_BUDGET_MB = 220
SPAN = (0, 40)  # the span the test codes in the seed paper
CODE = "信任/政治信任"


class Smoke:
    def __init__(self, bundle: Path, work: Path, window_budget: float | None = None) -> None:
        self.bundle = bundle
        self.budget = window_budget
        self.work = work
        self.failures: list[str] = []
        self.report: dict[str, object] = {"platform": platform.platform(), "checks": {}}
        self.cli, self.gui = _executables(bundle)
        self.env = dict(os.environ)
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            ANNOTATOR_CONFIG_DIR=str(work / "config"),
            ANNOTATOR_CODER="smoke",
            ANNOTATOR_LANG="zh",
            PYTHONIOENCODING="utf-8",
            PYTHONUTF8="1",
        )
        for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # the bundle stands alone
            self.env.pop(var, None)

    # --- helpers ---------------------------------------------------------------------------
    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.report["checks"][name] = {"ok": bool(ok), "detail": detail}  # type: ignore[index]
        print(f"{'ok  ' if ok else 'FAIL'}  {name}" + (f" -- {detail}" if detail else ""),
              flush=True)
        if not ok:
            self.failures.append(name)
        return ok

    def timed(self, what: str, seconds: list[float], detail: str) -> None:
        """A time to a window: checked against --window-budget when one is given."""
        if self.budget is None:
            print(f"time  {what} -- {detail}", flush=True)
        else:
            self.check(f"{what} < {self.budget:g} s", max(seconds) < self.budget, detail)

    def run(self, *args: str | Path, exe: Path | None = None, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        cmd = [str(exe or self.cli), *map(str, args)]
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout, cwd=self.work,
                              env=env or self.env)

    def cli_step(self, name: str, *args: str | Path, expect: str | None = None,
                 timeout: float = 120) -> subprocess.CompletedProcess[str] | None:
        try:
            r = self.run(*args, timeout=timeout)
        except subprocess.TimeoutExpired:
            self.check(name, False, f"no answer within {timeout:.0f} s")
            return None
        out = (r.stdout + r.stderr).strip()
        ok = r.returncode == 0 and (expect is None or re.search(expect, out) is not None)
        self.check(name, ok, _tail(out) if not ok else _first_line(r.stdout))
        return r if ok else None

    # --- the checks ------------------------------------------------------------------------
    def version(self) -> None:
        want = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
            "version"
        ]
        self.report["version"] = want
        self.cli_step("--version", "--version", expect=rf"^annotator {re.escape(want)}$")

    def project_workflow(self) -> None:
        proj = self.work / "冒烟测试.annotator"  # a CJK file name on purpose
        seed = ROOT / "annotator" / "data" / "samples" / "seed-paper-zh.txt"
        if not self.cli_step("new", "new", proj, "--template", "governance"):
            return
        if not self.cli_step("import (seed paper, .txt)", "import", proj, seed):
            print("      the .txt import failed: see annotator/io/readers (the reader code), "
                  "not the bundle, if the message is a reader's", flush=True)
            return
        self._other_formats(proj)
        r = self.cli_step("info --json", "info", proj, "--json")
        if not r:
            return
        info = json.loads(r.stdout)
        doc = next((d for d in info["documents"] if "seed-paper" in d["name"]), None)
        if not self.check("the seed paper is in the project", doc is not None,
                          ", ".join(d["name"] for d in info["documents"])):
            return
        stored = _normalise(seed.read_text(encoding="utf-8"))
        self.check("stored length = the file's code points", doc["characters"] == len(stored),
                   f"{doc['characters']} vs {len(stored)}")
        start, end = SPAN
        if not self.cli_step("code", "code", proj, "--doc", doc["name"], "--start", str(start),
                             "--end", str(end), "--code", CODE, "--memo", "烟雾测试"):
            return
        r = self.cli_step("segments --json", "segments", proj, "--json", "--code", CODE)
        if r:
            segs = json.loads(r.stdout)
            self.check("the coded text comes back exactly",
                       len(segs) == 1 and segs[0]["text"] == stored[start:end],
                       repr(segs[0]["text"][:20]) if segs else "no segment")
        self._export_xlsx(proj, stored[start:end])
        self._export_qdpx(proj)
        self.project = proj

    def _other_formats(self, proj: Path) -> None:
        files = []
        # a different text per file (the same text twice is refused as a duplicate)
        line = "党建引领城市基层治理：{}。Trust 𠮷 and emoji 🙂."
        html = self.work / "网页.html"
        html.write_text(f"<html><head><meta charset='utf-8'><title>t</title></head><body>"
                        f"<p>{line.format('网页')}</p></body></html>", encoding="utf-8")
        files.append(html)
        try:
            import docx  # python-docx, from the venv running this script

            d = docx.Document()
            d.add_paragraph(line.format('访谈'))
            d.save(self.work / "访谈.docx")
            files.append(self.work / "访谈.docx")
        except ImportError:
            print("      (python-docx not in this Python: .docx import not tried)")
        try:
            from odf.opendocument import OpenDocumentText
            from odf.text import P

            o = OpenDocumentText()
            o.text.addElement(P(text=line.format('政策')))
            o.save(str(self.work / "政策.odt"))
            files.append(self.work / "政策.odt")
        except ImportError:
            print("      (odfpy not in this Python: .odt import not tried)")
        pdf = self.work / "报告.pdf"
        pdf.write_bytes(_minimal_pdf("Party-building led grassroots governance: PDF smoke."))
        files.append(pdf)
        try:
            import striprtf  # noqa: F401 - bundled when installed where the bundle was built

            rtf = self.work / "笔记.rtf"
            rtf.write_text(r"{\rtf1\ansi\ansicpg936 {\fonttbl\f0 SimSun;}\f0 "
                           r"\'b5\'b3\'bd\'a8 RTF smoke\par}", encoding="ascii")
            files.append(rtf)
        except ImportError:
            pass
        names = ", ".join(f.suffix for f in files)
        self.cli_step(f"import ({names})", "import", proj, *files)

    def _export_xlsx(self, proj: Path, coded: str) -> None:
        out = self.work / "导出.xlsx"
        if not self.cli_step("export .xlsx", "export", proj, out, "--lang", "zh"):
            return
        try:
            import openpyxl
        except ImportError:
            self.check("the workbook opens (openpyxl)", False, "openpyxl missing in this Python")
            return
        try:
            wb = openpyxl.load_workbook(out, read_only=True)
            cells = [
                str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                for c in row if c is not None
            ]
            self.check("the workbook opens (openpyxl)", len(wb.sheetnames) >= 3,
                       f"sheets: {', '.join(wb.sheetnames)}")
            self.check("the workbook holds the coded text", coded in cells)
            wb.close()
        except Exception as exc:
            self.check("the workbook opens (openpyxl)", False, repr(exc))

    def _export_qdpx(self, proj: Path) -> None:
        out = self.work / "交换.qdpx"
        if not self.cli_step("export .qdpx", "export", proj, out):
            return
        try:
            with zipfile.ZipFile(out) as z:
                names = z.namelist()
            self.check(".qdpx is a zip with project.qde", "project.qde" in names,
                       f"{len(names)} entries")
        except zipfile.BadZipFile as exc:
            self.check(".qdpx is a zip with project.qde", False, repr(exc))
            return
        try:
            sys.path.insert(0, str(ROOT))
            from annotator.io.refi.validate import validate

            problems = validate(out)
            self.check(".qdpx is valid against the REFI-QDA schema", not problems,
                       "; ".join(problems[:3]))
        except ImportError as exc:
            print(f"      (schema check skipped: {exc})")
        self.cli_step("new --from the .qdpx", "new", self.work / "回读.annotator", "--from", out)

    def window_offscreen(self, runs: int) -> None:
        proj = getattr(self, "project", None)
        args = [proj] if proj else []
        env = {**self.env, "ANNOTATOR_TRACE_START": "1"}  # "annotator start: …" on stderr
        painted, ready, ended = [], [], []
        for i in range(runs):
            png = self.work / f"window-{i}.png"
            t0 = time.perf_counter()
            proc = subprocess.Popen([str(self.gui), *map(str, args), "--screenshot", str(png)],
                                    cwd=self.work, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                    errors="replace")
            steps: dict[str, float] = {}
            err: list[str] = []
            timer = threading.Timer(60, proc.kill)
            timer.start()
            assert proc.stderr is not None
            for line in proc.stderr:
                step = line.strip().removeprefix("annotator start: ")
                if step in ("painted", "ready"):
                    steps.setdefault(step, time.perf_counter() - t0)
                else:
                    err.append(line)
            proc.wait()
            timer.cancel()
            t_end = time.perf_counter() - t0
            if proc.returncode != 0 or set(steps) != {"painted", "ready"} or not png.exists():
                self.check("window (offscreen) --screenshot", False,
                           f"exit {proc.returncode}, steps {sorted(steps)}: {_tail(''.join(err))}")
                return
            painted.append(steps["painted"])
            ready.append(steps["ready"])
            ended.append(t_end)
        png = self.work / "window-0.png"
        w, h, distinct = _png_facts(png)
        self.check("screenshot PNG is the window and not blank",
                   w >= 800 and h >= 500 and distinct >= 16 and png.stat().st_size > 10_000,
                   f"{w}x{h}, {png.stat().st_size // 1024} KB, {distinct}+ colours")
        keep = ROOT / "dist" / "smoke-window.png"
        shutil.copyfile(png, keep)
        # The window paints its frame first and then builds itself and opens the project
        # (annotator/ui/app.py ``start``); it says when on stderr (ANNOTATOR_TRACE_START).
        self.report["window_offscreen_s"] = {
            "first_paint": [round(t, 3) for t in painted],
            "ready": [round(t, 3) for t in ready],
            "process_end": [round(t, 3) for t in ended],
            "cold_start_ready": round(ready[0], 3),
            "median_first_paint": round(statistics.median(painted), 3),
            "median_ready": round(statistics.median(ready), 3),
        }
        self.timed("time to window (offscreen)", ready,
                   f"first paint after {', '.join(f'{t:.2f}' for t in painted)} s, ready (the "
                   f"project shown) after {', '.join(f'{t:.2f}' for t in ready)} s; process "
                   f"done after {', '.join(f'{t:.2f}' for t in ended)} s")

    def window_languages(self) -> None:
        """The zh window must not be the English one: a bundle without its .qm (or one
        whose translation is not found) draws the same English window in both."""
        proj = getattr(self, "project", None)
        shots = {}
        for lang in ("zh", "en"):
            png = self.work / f"window-{lang}.png"
            env = {**self.env, "ANNOTATOR_LANG": lang}
            r = subprocess.run([str(self.gui), *([str(proj)] if proj else []),
                                "--screenshot", str(png)], cwd=self.work, env=env,
                               capture_output=True, timeout=60)
            if r.returncode != 0 or not png.exists():
                self.check(f"window in {lang}", False, f"exit {r.returncode}")
                return
            shots[lang] = png.read_bytes()
            shutil.copyfile(png, ROOT / "dist" / f"smoke-window-{lang}.png")
        self.check("the zh window is not the English one (translations found)",
                   shots["zh"] != shots["en"])

    def window_xvfb(self, runs: int = 3) -> None:
        """Time to a mapped window on a real X server (xcb), watched with ``xev`` on the
        root window: one listening client, no polling that would slow the start down."""
        tools = ("Xvfb", "xev", "xwininfo")
        if IS_WIN or IS_MAC or not all(shutil.which(t) for t in tools):
            print(f"      (no {'/'.join(tools)}: the xcb window check is skipped)")
            return
        missing = _missing_libs(self.bundle, only="libqxcb.so")
        if missing:
            self.report["xcb_missing_system_libs"] = missing
            print(f"      (xcb check skipped: this system lacks {', '.join(missing)}; "
                  "a desktop has them -- see the .deb Depends)", flush=True)
            return
        display = ":97"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten",
                                 "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        env = dict(self.env, DISPLAY=display)
        env.pop("QT_QPA_PLATFORM")
        env.pop("WAYLAND_DISPLAY", None)
        try:
            for _ in range(250):
                if subprocess.run(["xwininfo", "-root"], env=env,
                                  capture_output=True).returncode == 0:
                    break
                time.sleep(0.02)
            proj = getattr(self, "project", None)
            times = []
            for _ in range(runs):
                t, detail = self._time_to_map(env, [str(proj)] if proj else [])
                if t is None:
                    self.check("window on X11 (xcb, Xvfb)", False, detail)
                    return
                times.append(t)
            self.report["window_xcb_s"] = [round(t, 3) for t in times]
            self.timed("time to a mapped X11 window (xcb, Xvfb)", times,
                       ", ".join(f"{t:.2f}" for t in times) + " s")
        finally:
            xvfb.terminate()  # the processes this test started, by their handles
            xvfb.wait(10)

    def _time_to_map(self, env: dict[str, str], args: list[str]) -> tuple[float | None, str]:
        xev_cmd = ["xev", "-root", "-event", "substructure"]
        if shutil.which("stdbuf"):
            xev_cmd = ["stdbuf", "-oL", *xev_cmd]
        xev = subprocess.Popen(xev_cmd, env=env, stdout=subprocess.PIPE, text=True, bufsize=1)
        maps: queue.Queue[tuple[float, str]] = queue.Queue()

        def read() -> None:
            pending = None
            for line in xev.stdout:  # type: ignore[union-attr]
                if line.startswith("MapNotify"):
                    pending = time.perf_counter()
                elif pending is not None and (m := re.search(r"window (0x[0-9a-f]+)", line)):
                    maps.put((pending, m.group(1)))
                    pending = None

        threading.Thread(target=read, daemon=True).start()
        time.sleep(0.3)  # xev has selected its events
        t0 = time.perf_counter()
        app = subprocess.Popen([str(self.gui), *args], cwd=self.work, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = None
        try:
            while seen is None and time.perf_counter() - t0 < 30 and app.poll() is None:
                try:
                    when, wid = maps.get(timeout=0.2)
                except queue.Empty:
                    continue
                info = subprocess.run(["xwininfo", "-id", wid], env=env, capture_output=True,
                                      text=True).stdout
                if "Annotator" in info:
                    seen = when - t0
        finally:
            for proc in (app, xev):
                if proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
        out, err = app.communicate()
        return seen, _tail(out + err)

    def bundle_contents(self) -> None:
        internal = _internal_dir(self.bundle)
        must = [
            "annotator/data/templates/governance.json",
            "annotator/data/samples/seed-paper-zh.txt",
            "annotator/data/icons/annotator.png",
            "annotator/data/translations/annotator_zh_CN.qm",
            "annotator/data/licenses/pyside6-shiboken6-qt-LGPL-3.0.txt",
            "annotator/data/licenses/pyside6-shiboken6-qt-GPL-3.0.txt",
            "annotator/io/refi/schemas/Project.xsd",
            "annotator/io/refi/schemas/Codebook.xsd",
            "docx/templates",
        ]
        qt = "PySide6" if IS_WIN else "PySide6/Qt"
        must += [f"{qt}/translations/qtbase_zh_CN.qm", f"{qt}/plugins/platforms"]
        missing = [m for m in must if not (internal / m).exists()]
        if not list(internal.glob("annotator_qda-*.dist-info")):
            missing.append("annotator_qda-*.dist-info")
        self.check("the bundle carries resources, schemas, Qt zh_CN translations",
                   not missing, ", ".join(missing))
        plugins = sorted(p.name for p in (internal / qt / "plugins" / "platforms").glob("*"))
        want = {"windows"} if IS_WIN else {"cocoa"} if IS_MAC else {"xcb", "wayland"}
        want.add("offscreen")
        have = {re.sub(r"^(lib)?q|\..*$", "", p) for p in plugins}
        self.check("platform plugins", want <= have, ", ".join(plugins))
        translations = sorted(p.name for p in (internal / qt / "translations").glob("*.qm"))
        self.report["qt_translations"] = translations
        app_qm = sorted(p.name for p in
                        (internal / "annotator" / "data" / "translations").glob("*.qm"))
        self.report["app_translations"] = app_qm
        print(f"      Qt translations: {', '.join(translations)}; "
              f"app translations: {', '.join(app_qm) or 'none'}")
        self.check("the Chinese interface is bundled", "annotator_zh_CN.qm" in app_qm)
        build_paths = sorted(str(p.relative_to(internal))
                             for p in internal.rglob("direct_url.json"))
        self.check("no build paths in the bundle (direct_url.json)", not build_paths,
                   ", ".join(build_paths))
        # PySide6/shiboken6 (LGPL) and odfpy ship no licence file: annotator/data/licenses
        # carries theirs, named after them.
        texts = " ".join(p.name.lower() for p in
                         (internal / "annotator" / "data" / "licenses").glob("*.txt"))
        no_licence = sorted(p.name for p in internal.glob("*.dist-info")
                            if not any(f.name.upper().startswith(("LICEN", "COPYING"))
                                       for f in p.rglob("*"))
                            and p.name.split("-")[0].lower().split("_")[0] not in texts)
        self.check("every bundled library carries its licence", not no_licence,
                   ", ".join(no_licence))
        size = _size_mb(self.bundle)
        self.report["bundle_mb"] = size
        budget = not IS_WIN and not IS_MAC
        self.check(f"bundle size{f' < {SIZE_BUDGET_MB} MB' if budget else ''}",
                   size < SIZE_BUDGET_MB or not budget, f"{size} MB ({self.bundle})")
        if not IS_WIN and not IS_MAC:
            missing = _missing_libs(self.bundle)
            ours = [m for m in missing if re.match(r"lib(Qt6|pyside6|shiboken6|icu|python)", m)]
            self.report["system_libs_missing_here"] = [m for m in missing if m not in ours]
            self.check("every bundled library finds the Qt/Python libraries it links to",
                       not ours, ", ".join(ours))
            others = [m for m in missing if m not in ours]
            if others:
                print(f"      system libraries this machine lacks (provided by a desktop; "
                      f"see the .deb Depends): {', '.join(others)}")


# --- small functions -------------------------------------------------------------------------
def _executables(bundle: Path) -> tuple[Path, Path]:
    """(command-line program, window program) inside the bundle."""
    if bundle.suffix == ".app":
        exe = next((bundle / "Contents" / "MacOS").iterdir())
        return exe, exe
    if IS_WIN:
        return bundle / "annotator-cli.exe", bundle / "Annotator.exe"
    for name in ("annotator", "Annotator"):
        if (bundle / name).is_file():
            return bundle / name, bundle / name
    raise SystemExit(f"no annotator program in {bundle}")


def _internal_dir(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "Frameworks"
    return bundle / "_internal"


def _size_mb(path: Path) -> int:
    if shutil.which("du") and not IS_WIN:
        out = subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True).stdout
        return int(out.split()[0])
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return round(total / 2**20)


def _missing_libs(bundle: Path, only: str | None = None) -> list[str]:
    """Libraries that bundled ELF files link to and that neither the bundle nor this
    system provides (ldd with the bundle's library folder first, as the bootloader sets)."""
    internal = _internal_dir(bundle)
    extra = os.environ.get("LD_LIBRARY_PATH", "")
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(filter(None, [str(internal), extra])))
    missing: set[str] = set()
    for f in internal.rglob("*.so*"):
        if f.is_symlink() or not f.is_file() or (only and f.name != only):
            continue
        r = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env)
        missing.update(re.findall(r"^\s*(\S+) => not found", r.stdout, re.M))
    return sorted(missing)


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a line of (ASCII) text in a standard font."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _normalise(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _png_facts(png: Path) -> tuple[int, int, int]:
    """Width, height and (up to 256) distinct colours of a PNG, read with Qt from the venv
    if it is there, else from the PNG header only."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QImage

        img = QImage(str(png))
        colours = set()
        for y in range(0, img.height(), max(1, img.height() // 64)):
            for x in range(0, img.width(), max(1, img.width() // 64)):
                colours.add(img.pixel(x, y))
                if len(colours) >= 256:
                    break
        return img.width(), img.height(), len(colours)
    except ImportError:
        data = png.read_bytes()[:32]
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"), 256


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:120] if text.strip() else ""


def _tail(text: str, lines: int = 6) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])[:800]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "dist" / ("Annotator.app" if IS_MAC else "annotator")
    ap.add_argument("--bundle", type=Path, default=default,
                    help="the one-folder bundle (or Annotator.app on macOS)")
    ap.add_argument("--runs", type=int, default=3, help="timed window starts")
    ap.add_argument("--window-budget", type=float, default=None,
                    help="seconds allowed until the window is up (default: report only)")
    ap.add_argument("--report", type=Path, default=ROOT / "dist" / "smoke-report.json")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    a = ap.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # Chinese names on a cp1252 Windows console
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    if not a.bundle.exists():
        print(f"no bundle at {a.bundle}: run `make bundle` first", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="annotator-smoke-"))
    smoke = Smoke(a.bundle.resolve(), work, a.window_budget)
    print(f"smoke test of {smoke.bundle} (scratch: {work})", flush=True)
    try:
        smoke.version()
        smoke.project_workflow()
        smoke.window_offscreen(a.runs)
        smoke.window_languages()
        smoke.window_xvfb(min(a.runs, 3))
        smoke.bundle_contents()
    finally:
        a.report.parent.mkdir(parents=True, exist_ok=True)
        smoke.report["failures"] = smoke.failures
        a.report.write_text(json.dumps(smoke.report, ensure_ascii=False, indent=2),
                            encoding="utf-8")
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'PASSED' if not smoke.failures else 'FAILED: ' + ', '.join(smoke.failures)}"
          f" -- figures in {a.report}")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
