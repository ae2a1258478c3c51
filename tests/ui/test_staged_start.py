"""The window as a user starts it (``ui/app.start``): the frame is on the screen at once,
and the window is built and opened on its project once that frame has been painted.

What the frame loads is checked in ``tests/cli/test_startup_imports.py``; here: what the
user sees of the frame, that the built window is the same one, and what arrives while it
is not built yet (a file handed over by the system, the user closing it, a project that
cannot be opened).
"""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from annotator.services.projects import create_demo_project
from annotator.ui.app import ProjectFileOpener, start
from annotator.ui.first_paint import FALLBACK_MS

ROOT = Path(__file__).resolve().parents[2]


def test_the_frame_shows_the_menu_bar_then_the_window_is_built_on_the_last_project(
        qtbot, demo: Path, settings: QSettings) -> None:
    settings.setValue("lastProject", str(demo))
    built = []
    window = start(None, settings=settings, then=built.append)
    qtbot.addWidget(window)
    # the frame: shown, its menu titles and toolbar there, nothing else yet
    assert window.isVisible() and not window.built
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "&File" and titles[-1] == "&Help"
    qtbot.waitUntil(lambda: built == [window], timeout=10_000)
    assert [a.text() for a in window.menuBar().actions()] == titles  # same shape, filled
    assert window.menus["file"].actions()
    assert window.session.project.path.resolve() == demo.resolve()
    assert window.stack.currentWidget() is window.main_split
    assert window.view.doc_id is not None
    window.close()


def test_the_first_coded_passage_is_in_sight_once_the_built_panels_have_their_size(
        qtbot, demo: Path, settings: QSettings) -> None:
    """The place is computed from the view's height and line breaks, which panels built
    behind the frame get only when the event loop turns: the first coded passage shown
    is on the screen, a few lines below the top, as when the window opens built."""
    built = []
    window = start(demo, settings=settings, then=built.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: built == [window], timeout=10_000)
    qtbot.wait(50)
    view = window.view
    caret = view.cursorRect()
    line = view.fontMetrics().lineSpacing()
    assert view.textCursor().position() > 0
    assert caret.top() >= 0 and caret.bottom() <= view.viewport().height()
    assert caret.top() <= 6 * line  # near the top, not somewhere below it
    window.close()


def test_a_file_handed_over_while_it_loads_is_opened_after_the_start_project(
        qtbot, demo: Path, settings: QSettings, tmp_path: Path) -> None:
    """macOS hands a double-clicked project over as a FileOpen event, often at launch:
    before the window is built. It is the project the user asked for, so it wins."""
    other = tmp_path / "other.annotator"
    create_demo_project(other).close()
    app = QApplication.instance()
    opener = ProjectFileOpener(app)  # what ``application()`` installs
    app.installEventFilter(opener)
    try:
        built = []
        window = start(demo, settings=settings, then=built.append)
        qtbot.addWidget(window)
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(other)))
        assert not window.built
        qtbot.waitUntil(lambda: built == [window], timeout=10_000)
        assert window.session.project.path.resolve() == other.resolve()
        window.close()
    finally:
        app.removeEventFilter(opener)


def test_closed_before_it_is_built_it_saves_nothing_and_builds_nothing(
        qtbot, demo: Path, settings: QSettings) -> None:
    built = []
    window = start(demo, settings=settings, then=built.append)
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(FALLBACK_MS + 300)  # past the moment it would be built if never painted
    assert built == [] and not window.built
    assert settings.value("window/geometry") is None


def test_a_screenshot_of_a_broken_project_says_why_and_draws_nothing(
        tmp_path: Path) -> None:
    broken = tmp_path / "broken.annotator"
    broken.write_bytes(b"this is not a project")
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_LANG="en",
               ANNOTATOR_CONFIG_DIR=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "annotator", str(broken), "--screenshot",
                           str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("annotator: error: ")
    assert "broken.annotator" in done.stderr
    assert not out.exists()


def test_the_start_trace_names_each_step_in_order(demo: Path, tmp_path: Path) -> None:
    """``ANNOTATOR_TRACE_START=1``: what the benchmark times the first paint by."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_TRACE_START="1",
               ANNOTATOR_CONFIG_DIR=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "annotator", str(demo), "--screenshot",
                           str(tmp_path / "shot.png")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    steps = [line.removeprefix("annotator start: ") for line in done.stderr.splitlines()
             if line.startswith("annotator start: ")]
    assert steps == ["shown", "painted", "ready"]
    assert (tmp_path / "shot.png").stat().st_size > 0
