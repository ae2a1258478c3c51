"""Starting the window: the application object, the main window, ``--screenshot``."""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.domain.errors import AnnotatorError
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow


def run(project_path: Path | None, *, screenshot: Path | None = None,
        document: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Annotator")
    app.setOrganizationName("Annotator")
    window = MainWindow()
    if project_path is not None:
        try:
            window.open_project(Project.open(project_path), document=document)
        except AnnotatorError as exc:
            if screenshot is not None:
                raise
            QMessageBox.critical(window, "Annotator", str(exc))
    window.resize(1280, 800)
    window.show()
    if screenshot is not None:
        def grab() -> None:
            window.grab().save(str(screenshot))
            window.close()
            app.quit()

        QTimer.singleShot(300, grab)
    return app.exec()
