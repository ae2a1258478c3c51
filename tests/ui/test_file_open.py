"""A project handed to the running app by the system (macOS double-click) opens."""

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from annotator.services.projects import create_demo_project
from annotator.ui.app import application


def test_a_file_open_event_opens_the_project(qtbot, window, tmp_path: Path) -> None:
    app = application()
    path = tmp_path / "双击.annotator"
    create_demo_project(path).close()
    window.show()
    qtbot.waitExposed(window)
    QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    assert window.session.project is not None
    assert Path(window.session.project.path) == path
    assert window.documents.count() == 1
