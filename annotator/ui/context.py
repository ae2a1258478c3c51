"""What every controller of the window is given: the application context.

``AppContext`` is what a controller needs whatever it does: the window as a plain
``QMainWindow`` (the parent of its dialogs, where its docks go, the status bar), the
session (the open project, its caches, the undo stack), the settings, the questions to
the user (``Prompts``), the action registry, and the two ways to tell the user something.
The main window builds one and hands it to each controller together with the panels that
controller acts on (see ``ui/__init__.py`` for the pattern). Nothing under ``ui/``
imports the main window but the entry point (``tests/ui/test_structure.py``).
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMainWindow

from annotator.ui.actions import Registry
from annotator.ui.prompts import Prompts
from annotator.ui.session import Session


@dataclass(frozen=True)
class AppContext:
    """The application context every controller receives."""

    window: QMainWindow
    session: Session
    settings: QSettings
    persist: bool  # False: a throw-away window (tests, screenshots) remembers nothing
    prompts: Prompts
    registry: Registry

    def say(self, message: str, ms: int = 10_000) -> None:
        """A line in the status bar."""
        self.window.statusBar().showMessage(message, ms)

    def show_error(self, message: str) -> None:
        """The status bar and a message box."""
        self.say(message)
        self.prompts.warn(QCoreApplication.translate("MainWindow", "Annotator"), message)

    def is_open(self) -> bool:
        """A project is open (the enablement of most actions)."""
        return self.session.is_open


__all__ = ["AppContext"]
