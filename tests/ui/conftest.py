"""Window tests: offscreen Qt, settings in tmp folders, questions answered by the test.

The window asks every question through its ``Prompts`` (``annotator/ui/prompts.py``);
tests give it ``ScriptedPrompts``: a test queues the answers it wants, and every
question asked and message shown is recorded, so a test never blocks on a dialog and
can check what the user would have been told. No Qt class is patched.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator.services.projects import create_demo_project
from annotator.ui.main_window import MainWindow


class ScriptedPrompts:
    """The window's ``Prompts`` answered from a queue (empty queue: the user cancels,
    except "are you sure?", which is answered yes)."""

    def __init__(self) -> None:
        self.answers: deque = deque()
        self.asked: list[tuple[str, str]] = []  # (kind, text shown)
        self.warnings: list[str] = []  # every message box shown (warning or information)
        self.offered: list[list[str]] = []  # the choices of each choice question
        self.preselected: list[int] = []  # the choice each one starts at
        self.filters: list[str] = []  # the file-type filter of each file question

    def answer(self, *values: object) -> None:
        self.answers.extend(values)

    def _next(self, kind: str, text: str, default: object) -> object:
        self.asked.append((kind, text))
        return self.answers.popleft() if self.answers else default

    def text(self, _title: str, label: str, text: str = "") -> str | None:
        return self._next("text", label, None)

    def multiline(self, _title: str, label: str, text: str = "") -> str | None:
        return self._next("multiline", label, None)

    def choice(self, _title: str, label: str, items: list[str], current: int = 0,
               editable: bool = False) -> str | None:
        self.offered.append(list(items))
        self.preselected.append(current)
        value = self._next("item", label, None)
        if callable(value):  # pick from what is offered
            value = value(items)
        assert value is None or editable or value in items, (
            f"{value!r} is not offered; choices: {items}")
        return value

    def colour(self, _title: str, initial: str) -> str | None:
        value = self._next("color", "", None)
        return str(value).upper() if value else None

    def confirm(self, _title: str, text: str) -> bool:
        return bool(self._next("question", text, True))

    def inform(self, _title: str, text: str) -> None:
        self.warnings.append(text)

    def warn(self, _title: str, text: str) -> None:
        self.warnings.append(text)

    def open_file(self, _title: str, _folder: str, filter_: str) -> str | None:
        self.filters.append(filter_)
        return str(self._next("open", "", "")) or None

    def open_files(self, _title: str, _folder: str, filter_: str) -> list[str]:
        self.filters.append(filter_)
        return [str(p) for p in self._next("open", "", [])]

    def save_file(self, _title: str, _suggestion: str, filter_: str) -> str | None:
        self.filters.append(filter_)
        return str(self._next("save", "", "")) or None

    def folder(self, _title: str, folder: str) -> str | None:
        value = self._next("folder", "", None)
        return str(value) if value else None

    def dialog(self, dialog) -> bool:
        """The answer is a function that fills the dialog in (and returns whether the
        user pressed OK); none queued: the user closes it."""
        answer = self._next("dialog", dialog.objectName(), None)
        return bool(answer(dialog)) if answer is not None else False


_current: list[ScriptedPrompts] = []


@pytest.fixture(autouse=True)
def dialogs() -> ScriptedPrompts:
    """The prompts every window made in this test asks (``make_window``)."""
    prompts = ScriptedPrompts()
    _current[:] = [prompts]
    return prompts


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path_factory: pytest.TempPathFactory, qapp) -> None:
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    qapp.setOrganizationName("AnnotatorTests")
    qapp.setApplicationName("AnnotatorTests")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.annotator"
    create_demo_project(path).close()
    return path


def make_window(qtbot, settings: QSettings) -> MainWindow:
    window = MainWindow(settings, prompts=_current[0])
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    w = make_window(qtbot, settings)
    yield w
    w.close()
