"""Annotator installed the way a user installs it: an sdist built from this tree, a wheel
built from that sdist, installed into a fresh virtual environment outside the source tree.

The CLI runs a whole small project there (``new --template governance``, ``import``,
``code``, ``export``, ``demo --no-open``) and the window opens offscreen in Chinese and in
English: screenshots, the menus, the guide and the About box. Nothing here can find the
source tree's data files — a wheel that leaves out the templates, the translation, the
guide, the licences, the sample or the icon fails.

Slow (a minute or two: the dependencies come from pip's cache); ``make test`` and
``.ci/run`` run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "annotator" / "data" / "samples" / "seed-paper-zh.txt"
CODE = "信任/政治信任"
SPAN = (0, 40)

pytestmark = pytest.mark.slow

# What the window shows, printed as JSON by the installed program's own modules.
PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QLabel
from annotator.resources import resource_dir
from annotator.ui.app import application, build_window
from annotator.ui.help_menu import AboutDialog, GuideDialog
app = application()
window = build_window(Path(sys.argv[1]), persist=False)
window.show()
app.processEvents()
guide = GuideDialog(window)
about = AboutDialog(window)
print(json.dumps({
    "data": str(resource_dir()),
    "title": window.windowTitle(),
    "menus": [a.text() for a in window.menuBar().actions()],
    "guide": guide.browser.toPlainText(),
    "about": [label.text() for label in about.findChildren(QLabel)],
    "icon_null": app.windowIcon().isNull(),
}, ensure_ascii=False))
"""


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (
        f"{name}.exe" if os.name == "nt" else name)


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                       text=True, encoding="utf-8", errors="replace", timeout=timeout)
    assert r.returncode == 0, f"{' '.join(map(str, args))}\n{r.stdout}\n{r.stderr}"
    return r


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(venv, sdist, scratch folder): the wheel built from the sdist, installed."""
    work = tmp_path_factory.mktemp("installed")
    build_env = work / "build-env"
    _run(sys.executable, "-m", "venv", build_env, cwd=work)
    _run(_bin(build_env, "python"), "-m", "pip", "install", "-q", "setuptools>=77", cwd=work)
    dist = work / "dist"
    _run(_bin(build_env, "python"), "-c",
         f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})", cwd=ROOT)
    (sdist,) = dist.glob("*.tar.gz")
    # the wheel from the sdist, as pip builds one for a user who has only the sdist
    _run(_bin(build_env, "python"), "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist,
         sdist, cwd=work)
    (wheel,) = dist.glob("*.whl")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=work)
    _run(_bin(venv, "python"), "-m", "pip", "install", "-q", wheel, cwd=work)
    return venv, sdist, work


def _env(work: Path, lang: str = "zh") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update(QT_QPA_PLATFORM="offscreen", ANNOTATOR_CONFIG_DIR=str(work / "config"),
               ANNOTATOR_CODER="wheel", ANNOTATOR_LANG=lang, PYTHONUTF8="1")
    return env


def test_sdist_carries_what_building_and_testing_need(installed) -> None:
    _venv, sdist, _work = installed
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("LICENSE", "Makefile", "build.spec", "packaging/smoke_test.py",
                   "packaging/linux/build_deb.sh", "tests/conftest.py",
                   "tests/packaging/test_installed_wheel.py",
                   "annotator/data/translations/annotator_zh_CN.ts",
                   "annotator/data/translations/annotator_zh_CN.qm"):
        assert needed in names, f"the sdist lacks {needed}"


def test_the_installed_program_runs_a_project_from_the_cli(installed) -> None:
    venv, _sdist, work = installed
    annotator, env = _bin(venv, "annotator"), _env(work)
    proj = work / "访谈项目.annotator"
    _run(annotator, "new", proj, "--template", "governance", cwd=work, env=env)
    _run(annotator, "import", proj, SEED, cwd=work, env=env)
    info = json.loads(_run(annotator, "info", proj, "--json", cwd=work, env=env).stdout)
    (doc,) = info["documents"]
    assert info["codes"], "the governance template gave no codes"
    start, end = SPAN
    _run(annotator, "code", proj, "--doc", doc["name"], "--start", str(start), "--end",
         str(end), "--code", CODE, cwd=work, env=env)
    out = work / "导出.xlsx"
    _run(annotator, "export", proj, out, "--lang", "zh", cwd=work, env=env)
    coded = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")[start:end]
    wb = load_workbook(out, read_only=True)
    cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None}
    wb.close()
    assert coded in cells
    demo = work / "demo" / "示例.annotator"
    _run(annotator, "demo", demo, "--no-open", cwd=work, env=env)
    assert demo.stat().st_size > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_installed_window_speaks_the_language(installed, lang: str) -> None:
    venv, _sdist, work = installed
    env = _env(work, lang)
    proj = work / f"window-{lang}.annotator"
    _run(_bin(venv, "annotator"), "demo", proj, "--no-open", cwd=work, env=env)
    shot = work / f"window-{lang}.png"
    _run(_bin(venv, "annotator"), proj, "--screenshot", shot, cwd=work, env=env)
    assert shot.stat().st_size > 10_000
    probe = json.loads(_run(_bin(venv, "python"), "-c", PROBE, proj, cwd=work,
                            env=env).stdout)
    assert not Path(probe["data"]).is_relative_to(ROOT), probe["data"]
    assert not probe["icon_null"]
    menus = " ".join(probe["menus"])
    about = " ".join(probe["about"])
    assert len(probe["guide"]) > 500
    assert any("Annotator" in text for text in probe["about"])
    if lang == "zh":
        assert _has_cjk(menus), f"the zh window shows English menus: {menus}"
        assert _has_cjk(probe["guide"][:2000]) and _has_cjk(about)
    else:
        assert not _has_cjk(menus), menus
        assert "File" in probe["menus"][0] or "File" in menus
