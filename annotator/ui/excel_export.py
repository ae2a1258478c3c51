"""The export controller: the project to an Excel workbook without freezing the window.

The export runs as a ``BackgroundJob`` (its outcome reported on the GUI thread), and
``wait()`` (called when the window closes) lets it finish. The controller registers
File → Export to Excel.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QProgressDialog

from annotator.services.export import export_workbook
from annotator.services.repair import export_readable, left_out_note
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.context import AppContext
from annotator.ui.i18n import current_language
from annotator.ui.project_place import beside_project

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


class ExportController(QObject):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx.window)
        self.ctx, self.parent_widget = ctx, ctx.window
        self.job: BackgroundJob | None = None
        ctx.registry.action(
            "export", translate("MainWindow", "&Export to Excel…"), self.export_dialog, "Ctrl+E",
            translate("MainWindow", "Export segments, codebook and matrix to an Excel workbook"),
            enabled=ctx.is_open)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def wait(self) -> None:
        if self.job is not None:
            self.job.wait()

    def export_dialog(self) -> None:
        """Ask where, then export to Excel in a thread while a progress dialog shows."""
        p = self.ctx.session.project
        if p is None or self.job is not None:
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
        lang = current_language()

        def work(_progress: Progress) -> str | None:
            _, damage = export_readable(p, out, lambda project, found: export_workbook(
                project, out, lang=lang, damage=found))
            # what was left out, and why
            return None if damage is None else str(left_out_note(p, out, damage))

        def ended() -> None:
            progress.close()
            progress.deleteLater()
            self.job = None

        def finished(left_out: str | None) -> None:
            ended()
            if left_out is not None:
                self.ctx.show_error(left_out)
            else:
                self.ctx.say(translate("MainWindow", "Exported {0}").format(out))

        def failed(message: str) -> None:
            ended()
            self.ctx.show_error(message)

        self.job = job = BackgroundJob(work, self, "export")
        job.finished.connect(finished)
        job.failed.connect(failed)
        job.start()


__all__ = ["ExportController"]
