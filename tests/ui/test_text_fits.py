"""The text fits the view: no document is cut off at the right edge after another project
is opened from the recent lists, and the demo opened from the welcome page shows the
passage it means to show, as ``annotator demo`` does."""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolButton

from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.ui.app import build_window
from annotator.ui.project_lifecycle import demo_path
from tests.ui.helpers import trigger

SHORT = "居民说：社区的事大家商量着办，有事好商量，众人的事情由众人商量。"


def fits(window) -> bool:
    """No horizontal scrollbar, and every line wrapped inside the viewport."""
    view = window.view
    return (not view.horizontalScrollBar().isVisible()
            and view.horizontalScrollBar().maximum() == 0
            and view.document().size().width() <= view.viewport().width())


def short_project(path: Path) -> Path:
    project = new_project(path, "governance")
    add_document(project, "短访谈", SHORT * 2)
    add_document(project, "长访谈", (SHORT * 12 + "\n") * 40)
    project.close()
    return path


def choose_document(qtbot, window, name: str) -> None:
    items = window.documents.findItems(name, Qt.MatchFlag.MatchExactly)
    rect = window.documents.visualItemRect(items[0])
    qtbot.mouseClick(window.documents.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.doc_title.text() == name


def test_a_short_document_fits_after_opening_from_open_recent(qtbot, window, demo: Path,
                                                              tmp_path: Path) -> None:
    short = short_project(tmp_path / "访谈.annotator")
    window.projects.open_path(short)
    choose_document(qtbot, window, "短访谈")  # remembered for next time
    window.projects.open_path(demo)
    qtbot.waitUntil(lambda: window.view.doc_id is not None)
    window.projects.recent_menu.aboutToShow.emit()  # File → Open recent, as it opens
    entry = next(a for a in window.projects.recent_menu.actions()
                 if a.text().endswith("访谈.annotator"))
    trigger(entry)
    assert window.doc_title.text() == "短访谈"
    qtbot.waitUntil(lambda: fits(window), timeout=2000)
    qtbot.wait(50)  # the layout has settled: still no scrollbar
    assert fits(window)


def test_a_short_document_fits_after_opening_from_the_welcome_page(qtbot, window,
                                                                   demo: Path,
                                                                   tmp_path: Path) -> None:
    short = short_project(tmp_path / "访谈.annotator")
    window.projects.open_path(demo)
    window.projects.open_path(short)
    choose_document(qtbot, window, "短访谈")
    trigger(window.registry["close"])
    button = next(b for b in window.empty.findChildren(QToolButton)
                  if b.text() == "访谈.annotator")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.doc_title.text() == "短访谈"
    qtbot.wait(50)
    assert fits(window)


def passage_top(window) -> int | None:
    """Where the first coded passage's first line is in the view (pixels from its top),
    or None when it is not on screen."""
    view = window.view
    rect = view.cursorRect()
    return rect.top() if rect.top() >= 0 and rect.bottom() <= view.viewport().height() \
        else None


def test_welcome_open_demo_shows_the_passage_as_annotator_demo_does(qtbot, window,
                                                                    tmp_path: Path) -> None:
    qtbot.mouseClick(window.empty.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view.caret_position() > 0, timeout=2000)
    qtbot.wait(50)
    shown = passage_top(window)
    line = window.view.fontMetrics().lineSpacing()
    assert shown is not None and shown >= 2 * line, shown  # a few lines below the top
    assert fits(window)

    # `annotator demo` opens the same project before the window shows
    other = build_window(demo_path(), settings=QSettings(
        str(tmp_path / "other.ini"), QSettings.Format.IniFormat), persist=False)
    qtbot.addWidget(other)
    other.resize(window.size())
    other.show()
    qtbot.waitExposed(other)
    qtbot.waitUntil(lambda: other.view.caret_position() > 0, timeout=2000)
    qtbot.wait(50)
    assert other.view.caret_position() == window.view.caret_position()
    assert passage_top(other) == shown
    other.close()
