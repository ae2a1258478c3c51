"""Window tests: offscreen Qt, settings in tmp folders, dialogs answered by the test.

Every modal dialog the window opens (QInputDialog, QColorDialog, QFileDialog,
QMessageBox) is replaced by ``Dialogs``: a test queues the answers it wants, and every
question asked and warning shown is recorded, so a test never blocks on a dialog and can
check what the user would have been told.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QFileDialog, QInputDialog, QMessageBox

from annotator.services.projects import create_demo_project
from annotator.ui.main_window import MainWindow


class Dialogs:
    def __init__(self) -> None:
        self.answers: deque = deque()
        self.asked: list[tuple[str, str]] = []  # (kind, text shown)
        self.warnings: list[str] = []

    def answer(self, *values: object) -> None:
        self.answers.extend(values)

    def _next(self, kind: str, text: str, default: object) -> object:
        self.asked.append((kind, text))
        return self.answers.popleft() if self.answers else default

    # stand-ins with the signatures the window calls
    def get_text(self, _parent, _title, label, *_a, **kw):
        value = self._next("text", label, None)
        return (value, True) if value is not None else (kw.get("text", ""), False)

    def get_multiline(self, _parent, _title, label, text="", *_a, **_kw):
        value = self._next("multiline", label, None)
        return (value, True) if value is not None else (text, False)

    def get_item(self, _parent, _title, label, items, current=0, editable=True,
                 *_a, **_kw):
        value = self._next("item", label, None)
        if value is None:
            return "", False
        assert editable or value in items, f"{value!r} is not offered; choices: {items}"
        return value, True

    def get_color(self, initial, *_a, **_kw):
        value = self._next("color", "", None)
        return QColor(value) if value else QColor()

    def question(self, _parent, _title, text, *_a, **_kw):
        value = self._next("question", text, True)
        return QMessageBox.StandardButton.Yes if value else QMessageBox.StandardButton.No

    def warning(self, _parent, _title, text, *_a, **_kw):
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def save_file(self, *_a, **_kw):
        return str(self._next("save", "", "")), ""

    def open_file(self, *_a, **_kw):
        return str(self._next("open", "", "")), ""


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    d = Dialogs()
    monkeypatch.setattr(QInputDialog, "getText", d.get_text)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", d.get_multiline)
    monkeypatch.setattr(QInputDialog, "getItem", d.get_item)
    monkeypatch.setattr(QColorDialog, "getColor", d.get_color)
    monkeypatch.setattr(QMessageBox, "question", d.question)
    for name in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, d.warning)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", d.save_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", d.open_file)
    return d


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
    window = MainWindow(settings)
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
