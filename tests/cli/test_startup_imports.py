"""What a command and the window load before they answer: only what they use.

Start-up time is measured by ``bench/bench_startup.py``; these tests keep the cause of a
slow start from coming back. Each runs in a fresh interpreter and reads ``sys.modules``
after the command (or the window on a project) is done, so an eager import anywhere on
the path — a command module, a service, a reader — fails here.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import COMMANDS, command_module

# Libraries the program needs only when the user imports, exports, analyses text or
# works on a server.
HEAVY = ("numpy", "openpyxl", "rjieba", "psycopg", "xmlschema", "pypdf", "docx", "odf", "lxml")

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded_after(body: str, tmp_path: Path) -> list[str]:
    """Which of HEAVY, SQLAlchemy, Qt and QtSvg a fresh interpreter holds after running
    ``body``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ANNOTATOR_CONFIG_DIR": str(tmp_path / "config")}
    script = PROBE.format(body=body, heavy=(*HEAVY, "sqlalchemy", "PySide6", "PySide6.QtSvg"))
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "示例项目.annotator"
    r = subprocess.run([sys.executable, "-m", "annotator", "demo", str(path), "--no-open"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return path


def test_the_command_table_names_what_each_module_registers() -> None:
    for module_name in set(COMMANDS.values()):
        sub = argparse.ArgumentParser().add_subparsers()
        module = command_module(next(n for n, m in COMMANDS.items() if m == module_name))
        module.register(sub)
        assert set(sub.choices) == {n for n, m in COMMANDS.items() if m == module_name}


def test_version_loads_neither_the_database_layer_nor_qt(tmp_path: Path) -> None:
    body = ("from annotator.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit as e:\n    assert e.code == 0")
    assert loaded_after(body, tmp_path) == []


def test_info_reads_a_current_file_without_the_database_layer(demo: Path,
                                                                tmp_path: Path) -> None:
    """``info`` reads a current, sound file through sqlite3 (``store/file_summary``); a
    new migration step without ``store/file_format`` updated brings SQLAlchemy back."""
    body = (f"from annotator.cli import main\nassert main(['info', {str(demo)!r}]) == 0")
    assert loaded_after(body, tmp_path) == []


def test_a_command_still_finds_its_implementation(demo: Path, tmp_path: Path) -> None:
    """``words`` needs the segmenter: imported when that command runs, not before."""
    body = (f"from annotator.cli import main\n"
            f"assert main(['words', {str(demo)!r}, '--top', '3']) == 0")
    assert "rjieba" in loaded_after(body, tmp_path)


def test_the_window_on_a_project_loads_no_library_it_does_not_use(
        demo: Path, tmp_path: Path) -> None:
    body = f"""
from PySide6.QtCore import QSettings
from annotator.ui.app import application, build_window
app = application()
settings = QSettings({str(tmp_path / "w.ini")!r}, QSettings.Format.IniFormat)
window = build_window(__import__("pathlib").Path({str(demo)!r}), settings=settings,
                      persist=False)
window.show()
app.processEvents()
assert window.grab().width() > 0
window.close()
"""
    # QtSvg too is loaded only when a chart or the word cloud is drawn
    assert loaded_after(body, tmp_path) == ["PySide6", "sqlalchemy"]


# The window as a user starts it (``ui/app.start``): at the moment it begins to build
# itself, its frame has been painted and none of these is loaded yet.
FIRST_PAINT = f"""
import json
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings
from annotator.ui import app as entry

qt_app = entry.application()
seen = {{"painted": False}}


class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, entry.MainWindow):
            seen["painted"] = True
        return False


qt_app.installEventFilter(Paints(qt_app))
build = entry.MainWindow.build


def build_and_record(window):
    seen["at build"] = sorted(m for m in sys.modules if m.startswith(
        ("sqlalchemy", "annotator.services", "annotator.store.models", "PySide6.QtSvg",
         "annotator.ui.session", "annotator.ui.document_view")) or m in {HEAVY!r})
    seen["painted before build"] = seen["painted"]
    build(window)


def done(window):
    seen["project"] = window.session.project.name
    qt_app.quit()


entry.MainWindow.build = build_and_record
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = entry.start(Path(sys.argv[1]), settings=settings, persist=False, then=done)
qt_app.exec()
print(json.dumps([seen["painted before build"], seen["at build"], seen["project"]]))
"""


def test_the_window_paints_its_frame_before_it_loads_the_database_layer(
        demo: Path, tmp_path: Path) -> None:
    """SQLAlchemy, the models, the services, QtSvg and the window's panels load after
    the first paint: the user sees the window while they load."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ANNOTATOR_CONFIG_DIR": str(tmp_path / "config")}
    r = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(demo), str(tmp_path / "w.ini")],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    painted, loaded, project = json.loads(r.stdout.strip().splitlines()[-1])
    assert (painted, loaded) == (True, [])
    assert project == "示例项目 Demo"  # then built and opened on the project
