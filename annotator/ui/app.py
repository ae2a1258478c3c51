"""Starting the window: the application object, translations, the main window,
``--screenshot``.

``run(None)`` reopens the project used last, where it was left. ``--screenshot OUT.png``
opens the project, lets the window lay itself out and paint, saves a picture of the main
window and quits; it neither reads nor writes the user's window settings, so screenshots
look the same on every machine.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.domain.errors import AnnotatorError
from annotator.resources import resource_path
from annotator.store.project import Project
from annotator.store.server import is_server_url
from annotator.ui.i18n import install_for_startup
from annotator.ui.main_window import MainWindow
from annotator.ui.welcome import first_start

ORGANIZATION = "Annotator"
APPLICATION = "Annotator"
SCREENSHOT_SIZE = (1440, 860)


class ProjectFileOpener(QObject):
    """Opens a project the system hands to the running app.

    On macOS, double-clicking a ``.annotator`` file while Annotator runs (and often at
    launch too) arrives as a ``FileOpen`` event, not on the command line. The main window
    is looked up when the event comes, since switching the language rebuilds it.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen:
            return False
        path = event.file()
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MainWindow) and w.isVisible()), None)
        if not path or window is None:
            return False
        window.projects.open_path(path)
        return True


def application() -> QApplication:
    """The one QApplication, with names set so QSettings finds the user's settings."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    # The icon in the title bar and task switcher; the desktop file name lets Wayland and
    # the Linux desktop file match the running window to its launcher.
    app.setWindowIcon(QIcon(str(resource_path("icons", "annotator.png"))))
    app.setDesktopFileName("annotator")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    install_translations(app)
    if app.findChild(ProjectFileOpener) is None:
        app.installEventFilter(ProjectFileOpener(app))
    return app


def install_translations(app: QApplication) -> str:
    """Qt's own strings and ours in the user's language (``ui/i18n.py``); returns it."""
    return install_for_startup(app)


def build_window(project_path: Path | str | None, *, document: str | None = None,
                 settings: QSettings | None = None, persist: bool = True) -> MainWindow:
    """The main window on a project: the one given, else the project file used last.

    A team project is opened only when asked for (it may need a password, its server may
    be away): it waits in the recent list instead. One that does not open is offered in
    the team project dialog, with the reason.
    """
    window = MainWindow(settings, persist=persist)
    if project_path is None and persist:
        last = str(window.settings.value("lastProject", "") or "")
        if last and not is_server_url(last) and Path(last).exists():
            project_path = Path(last)
    if is_server_url(project_path):
        window.projects.open_path(str(project_path))
    elif project_path is not None:
        try:
            window.projects.open_project(Project.open(project_path), document=document)
        except AnnotatorError as exc:
            if not persist:
                raise
            QMessageBox.critical(window, APPLICATION, str(exc))
    if not persist:
        window.resize(*SCREENSHOT_SIZE)
    elif window.settings.value("window/geometry") is None:
        window.resize(1280, 800)
    return window


def run(project_path: Path | str | None, *, screenshot: Path | None = None,
        document: str | None = None) -> int:
    app = application()
    if screenshot is None:
        window = build_window(project_path, document=document)
        window.show()
        first_start(window)  # the coder name, asked once
        return app.exec()
    scratch = Path(tempfile.mkdtemp(prefix="annotator-shot-"))
    try:
        settings = QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat)
        window = build_window(project_path, document=document, settings=settings,
                              persist=False)
        window.show()

        def grab() -> None:
            window.grab().save(str(screenshot))
            window.close()
            app.quit()

        QTimer.singleShot(400, grab)
        return app.exec()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
