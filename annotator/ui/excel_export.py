"""Exporting the project to an Excel workbook without freezing the window.

The export runs in a thread; a timer polls it so the result is reported on the GUI
thread, and ``closeEvent`` waits for it (``window._export_thread``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from annotator.domain.errors import AnnotatorError
from annotator.services.export import export_workbook
from annotator.ui.i18n import current_language

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


def export_dialog(window: Window) -> None:
    """Ask where, then export to Excel in a thread while a progress dialog shows."""
    p = window.session.project
    if p is None or window._export_thread is not None:
        return
    path = window.prompts.save_file(
        translate("MainWindow", "Export to Excel"), str(p.path.with_suffix(".xlsx")),
        translate("MainWindow", "Excel workbooks (*.xlsx)"))
    if not path:
        return
    out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
    progress = QProgressDialog(translate("MainWindow", "Exporting to {0}…").format(out.name),
                               "", 0, 0, window)
    progress.setObjectName("exportProgress")
    progress.setWindowTitle(translate("MainWindow", "Export to Excel"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    result: dict[str, object] = {}

    def work() -> None:
        try:
            export_workbook(p, out, lang=current_language())
        except AnnotatorError as exc:
            result["error"] = str(exc)
        except Exception as exc:
            result["error"] = f"{type(exc).__name__}: {exc}"

    window._export_thread = threading.Thread(target=work, name="export", daemon=True)
    window._export_thread.start()
    timer = QTimer(window, interval=50)

    def poll() -> None:
        if window._export_thread is not None and window._export_thread.is_alive():
            return
        timer.stop()
        timer.deleteLater()
        progress.close()
        progress.deleteLater()
        window._export_thread = None
        if "error" in result:
            window.show_error(str(result["error"]))
        else:
            window.say(translate("MainWindow", "Exported {0}").format(out))

    timer.timeout.connect(poll)
    timer.start()
