"""The export controller: the project to an Excel workbook without freezing the window.

The export runs in a thread; a timer polls it so the result is reported on the GUI
thread, and ``wait()`` (called when the window closes) lets it finish. The controller
keeps that thread as its own state, and registers File → Export to Excel.
"""

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from annotator.domain.errors import AnnotatorError
from annotator.services.export import export_workbook
from annotator.services.repair import export_readable, left_out_note
from annotator.ui.context import AppContext
from annotator.ui.i18n import current_language
from annotator.ui.project_place import beside_project

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


class ExportController(QObject):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx.window)
        self.ctx, self.parent_widget = ctx, ctx.window
        self.thread: threading.Thread | None = None
        ctx.registry.action(
            "export", translate("MainWindow", "&Export to Excel…"), self.export_dialog, "Ctrl+E",
            translate("MainWindow", "Export segments, codebook and matrix to an Excel workbook"),
            enabled=ctx.is_open)

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()

    def export_dialog(self) -> None:
        """Ask where, then export to Excel in a thread while a progress dialog shows."""
        p = self.ctx.session.project
        if p is None or self.thread is not None:
            return
        path = self.ctx.prompts.save_file(
            translate("MainWindow", "Export to Excel"), str(beside_project(p, ".xlsx")),
            translate("MainWindow", "Excel workbooks (*.xlsx)"))
        if not path:
            return
        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        progress = QProgressDialog(
            translate("MainWindow", "Exporting to {0}…").format(out.name), "", 0, 0,
            self.parent_widget)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(translate("MainWindow", "Export to Excel"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        result: dict[str, object] = {}

        lang = current_language()

        def work() -> None:
            try:
                _, damage = export_readable(p, out, lambda project, found: export_workbook(
                    project, out, lang=lang, damage=found))
                if damage is not None:  # what was left out, and why
                    result["left_out"] = str(left_out_note(p, out, damage))
            except AnnotatorError as exc:
                result["error"] = str(exc)
            except Exception as exc:
                result["error"] = f"{type(exc).__name__}: {exc}"

        self.thread = threading.Thread(target=work, name="export", daemon=True)
        self.thread.start()
        timer = QTimer(self, interval=50)

        def poll() -> None:
            if self.thread is not None and self.thread.is_alive():
                return
            timer.stop()
            timer.deleteLater()
            progress.close()
            progress.deleteLater()
            self.thread = None
            if "error" in result:
                self.ctx.show_error(str(result["error"]))
            elif "left_out" in result:
                self.ctx.show_error(str(result["left_out"]))
            else:
                self.ctx.say(translate("MainWindow", "Exported {0}").format(out))

        timer.timeout.connect(poll)
        timer.start()


__all__ = ["ExportController"]
