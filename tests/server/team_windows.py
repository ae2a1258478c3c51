"""Windows on a team project for the tests: each with its own settings, its own open
project and its own questions answered by the test (``ScriptedPrompts``)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from annotator.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompts

#: how long a test waits at most for another window to follow (the live delay is measured
#: by bench/bench_team_window.py; this only keeps a broken feed from hanging the run)
PATIENCE_MS = 15_000


def team_window(qtbot, tmp_path, name: str, url: str, coder: str) -> MainWindow:
    """A shown window on ``url``, coding as ``coder``."""
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, persist=False, prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    assert window.projects.open_path(url), window.prompts.warnings
    assert window.session.set_coder(coder)
    return window


def shown_codings(window: MainWindow) -> set[int]:
    """The codings highlighted in the window's text (its index holds every coder's)."""
    end = window.view.document().characterCount()
    return {span.coding_id for span in window.view.visible_spans(0, end)}
