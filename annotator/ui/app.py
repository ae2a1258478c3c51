"""Starting the window: the application object, translations, the main window,
``--screenshot``.

``run(None)`` reopens the project used last, where it was left. ``--screenshot OUT.png``
opens the project, lets the window lay itself out and paint, saves a picture of the main
window and quits; it neither reads nor writes the user's window settings, so screenshots
look the same on every machine.
"""

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.domain.errors import AnnotatorError
from annotator.resources import resource_path
from annotator.ui.first_paint import after_first_paint
from annotator.ui.i18n import install_for_startup
from annotator.ui.main_window import MainWindow

ORGANIZATION = "Annotator"
APPLICATION = "Annotator"
SCREENSHOT_SIZE = (1440, 860)
TRACE_ENV = "ANNOTATOR_TRACE_START"


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
        window.when_built(lambda: window.projects.open_path(path))
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
    """The main window, built, on a project: the one given, else the one used last.

    A project that cannot be opened is said in a message box, and the window stays on
    its welcome page; a throw-away window (``persist=False``) raises it instead.
    """
    window = MainWindow(settings, persist=persist)
    try:
        open_start_project(window, project_path, document)
    except AnnotatorError as exc:
        if not persist:
            raise
        QMessageBox.critical(window, APPLICATION, str(exc))
    size_window(window)
    return window


def open_start_project(window: MainWindow, project_path: Path | str | None,
                       document: str | None = None) -> None:
    """Open the project a built window starts on: the one given, else the project file
    used last (if any). A team project is opened only when asked for (it may need a
    password, its server may be away): it waits in the recent list instead, and one that
    does not open is offered in the team project dialog, with the reason. Raises the
    AnnotatorError that says why a project file cannot be opened."""
    from annotator.store.project import Project
    from annotator.store.server import is_server_url

    if project_path is None and window.persist:
        last = str(window.settings.value("lastProject", "") or "")
        if last and not is_server_url(last) and Path(last).exists():
            project_path = Path(last)
    if is_server_url(project_path):
        window.projects.open_path(str(project_path))
    elif project_path is not None:
        window.projects.open_project(Project.open(project_path), document=document)


def size_window(window: MainWindow) -> None:
    """The size it was left at (restored with the frame), else a first-start size; a
    throw-away window always the screenshot size."""
    if not window.persist:
        window.resize(*SCREENSHOT_SIZE)
        return
    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)


def start(project_path: Path | str | None, *, document: str | None = None,
          settings: QSettings | None = None, persist: bool = True,
          then: Callable[[MainWindow], object] | None = None,
          refused: Callable[[AnnotatorError], object] | None = None) -> MainWindow:
    """The window as a user starts it: its frame shown at once, then — after the first
    paint — built and opened on the project, then ``then(window)``.

    What the frame needs is Qt and a few small modules; the rest (the services,
    SQLAlchemy, the controllers) loads behind the painted frame (``ui/first_paint``).
    A project that cannot be opened goes to ``refused``, else to a message box.
    """
    window = MainWindow(settings, persist=persist, build=False)
    size_window(window)

    def open_project() -> None:
        try:
            open_start_project(window, project_path, document)
        except AnnotatorError as exc:
            if refused is None:
                QMessageBox.critical(window, APPLICATION, str(exc))
            else:
                refused(exc)

    # in this order, before a file the system hands over (ProjectFileOpener) is opened
    window.when_built(open_project)
    trace = startup_trace()
    if trace is not None:
        window.when_built(lambda: after_first_paint(window, lambda: trace("ready")))
    if then is not None:
        window.when_built(lambda: then(window))

    def painted() -> None:
        if trace is not None:
            trace("painted")
        if window.isVisible():  # not closed in the meantime
            window.build()

    after_first_paint(window, painted)
    window.show()
    if trace is not None:
        trace("shown")
    return window


def startup_trace() -> Callable[[str], None] | None:
    """With ``ANNOTATOR_TRACE_START=1``, a line on stderr at each step of the start
    (shown, painted, ready): how ``bench/bench_startup.py`` and the smoke test time the
    first paint from outside."""
    if os.environ.get(TRACE_ENV) != "1" or sys.stderr is None:
        return None

    def trace(step: str) -> None:
        print(f"annotator start: {step}", file=sys.stderr, flush=True)

    return trace


def run(project_path: Path | str | None, *, screenshot: Path | None = None,
        document: str | None = None) -> int:
    app = application()
    if screenshot is None:
        from annotator.ui.welcome import first_start

        window = start(project_path, document=document, then=first_start)  # coder asked once
        code = app.exec()
        del window  # held until here: nothing else keeps a top-level window alive
        return code
    scratch = Path(tempfile.mkdtemp(prefix="annotator-shot-"))
    try:
        settings = QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat)

        def grab_later(window: MainWindow) -> None:
            def grab() -> None:
                window.grab().save(str(screenshot))
                window.close()
                app.quit()

            if not failed:
                QTimer.singleShot(400, grab)

        failed: list[AnnotatorError] = []
        window = start(project_path, document=document, settings=settings, persist=False,
                       then=grab_later, refused=lambda exc: (failed.append(exc), app.quit()))
        code = app.exec()
        del window
        if failed:
            raise failed[0]
        return code
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
