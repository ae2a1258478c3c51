"""What the window's parts are given: the application context, and the window as its
parts see it.

``AppContext`` is what every controller needs whatever it does: the session (the open
project, its caches, the undo stack), the settings, the questions to the user
(``Prompts``), the action registry, and the two ways to tell the user something. The
main window builds one and hands it to the controllers (``CodingController``,
``CodebookController``, ``SearchController``, ``ExportController`` …) together with
the panels each needs.

``Window`` is the window as the older function modules (``document_list``,
``project_lifecycle``, ``window_actions``, ``window_state``) see it:
they take it as their first argument. It is a protocol so that they depend on what they
use, not on ``main_window``: nothing under ``ui/`` imports the main window but the entry
point (``tests/ui/test_structure.py``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QSettings

from annotator.ui.actions import Registry
from annotator.ui.codebook_view import CodebookTree
from annotator.ui.document_view import DocumentView
from annotator.ui.panels import CodingsHere, FindBar, SearchResults
from annotator.ui.prompts import Prompts
from annotator.ui.segments_view import SegmentsPanel
from annotator.ui.session import Session


@dataclass(frozen=True)
class AppContext:
    """The application context every controller receives."""

    session: Session
    settings: QSettings
    persist: bool  # False: a throw-away window (tests, screenshots) remembers nothing
    prompts: Prompts
    registry: Registry
    say: Callable[[str], None]  # the status bar
    show_error: Callable[[str], None]  # the status bar and a message box


class Window(Protocol):
    """The window's panels and commands, as its function modules use them."""

    session: Session
    settings: QSettings
    persist: bool
    prompts: Prompts
    registry: Registry
    view: DocumentView
    codebook: CodebookTree
    segments: SegmentsPanel
    codings_here: CodingsHere
    find_bar: FindBar
    results: SearchResults
    font_size: float

    def say(self, message: str) -> None: ...

    def show_error(self, message: str) -> None: ...

    def __getattr__(self, name: str) -> Any: ...  # the other panels and act_* actions


__all__ = ["AppContext", "Window"]
