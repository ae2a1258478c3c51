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
import sys
import tarfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.packaging.installing import (
    INSTALLED_SDIST,
    build_sdist_and_wheel,
    install,
    run,
    venv_bin,
)

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


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(venv, sdist, scratch folder): the wheel built from the sdist, installed."""
    work = tmp_path_factory.mktemp("installed")
    if os.environ.get(INSTALLED_SDIST):  # the whole suite runs in such a venv already
        return Path(sys.prefix), Path(os.environ[INSTALLED_SDIST]), work
    sdist, wheel = build_sdist_and_wheel(work)
    return install(wheel, work / "venv"), sdist, work


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
    annotator, env = venv_bin(venv, "annotator"), _env(work)
    proj = work / "访谈项目.annotator"
    run(annotator, "new", proj, "--template", "governance", cwd=work, env=env)
    run(annotator, "import", proj, SEED, cwd=work, env=env)
    info = json.loads(run(annotator, "info", proj, "--json", cwd=work, env=env).stdout)
    (doc,) = info["documents"]
    assert info["codes"], "the governance template gave no codes"
    start, end = SPAN
    run(annotator, "code", proj, "--doc", doc["name"], "--start", str(start), "--end",
         str(end), "--code", CODE, cwd=work, env=env)
    out = work / "导出.xlsx"
    run(annotator, "export", proj, out, "--lang", "zh", cwd=work, env=env)
    coded = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")[start:end]
    wb = load_workbook(out, read_only=True)
    cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None}
    wb.close()
    assert coded in cells
    demo = work / "demo" / "示例.annotator"
    run(annotator, "demo", demo, "--no-open", cwd=work, env=env)
    assert demo.stat().st_size > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_installed_window_speaks_the_language(installed, lang: str) -> None:
    venv, _sdist, work = installed
    env = _env(work, lang)
    proj = work / f"window-{lang}.annotator"
    run(venv_bin(venv, "annotator"), "demo", proj, "--no-open", cwd=work, env=env)
    shot = work / f"window-{lang}.png"
    run(venv_bin(venv, "annotator"), proj, "--screenshot", shot, cwd=work, env=env)
    assert shot.stat().st_size > 10_000
    probe = json.loads(run(venv_bin(venv, "python"), "-c", PROBE, proj, cwd=work,
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
