"""The project's health in the window: File → Check project… and Salvage…, and the mark
that says a project is open read-only.

Both commands run ``services/repair`` off the window's thread (``BackgroundJob``): a full
check hashes the text of every document, which takes seconds on a large project. With a
project open they act on it; with none (a file the window refused to open as damaged)
they ask for the file. A check that finds damage offers to salvage; a salvage offers to
open the copy it wrote.

The mark: a project can be read-only from the start (a read-only file, folder or mount)
or turn read-only when damage shows itself while it is read (``store/integrity.py``). In
both cases the window title says "(read-only)" and the status bar keeps a label whose
tooltip says why and, for damage, exactly what is damaged. Every edit is then refused by
the project in one line (``Project.write``), shown once.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressDialog

from annotator.messages import msg
from annotator.services.repair import check_project, salvage_project
from annotator.store.integrity import Examination
from annotator.store.project import PROJECT_SUFFIX
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.context import AppContext

APP_TITLE = " — Annotator"


class RepairController(QObject):
    """Check project…, Salvage…, and the read-only mark (see the module docstring)."""

    def __init__(self, ctx: AppContext, open_path: Callable[[Path], bool],
                 start_folder: Callable[[], str]) -> None:
        super().__init__(ctx.window)
        self.ctx, self.open_path, self.start_folder = ctx, open_path, start_folder
        self.job: BackgroundJob | None = None
        ctx.registry.action(
            "check_project", self.tr("C&heck project…"), self.check_dialog, None,
            self.tr("Check the project file through: its structure and the text of every "
                    "document"))
        ctx.registry.action(
            "salvage_project", self.tr("Sal&vage project…"), self.salvage_dialog, None,
            self.tr("Save what is readable of a damaged project as a new project"))
        self.mark = QLabel()
        self.mark.setObjectName("readOnlyMark")
        self.mark.hide()
        window = ctx.window
        window.statusBar().addPermanentWidget(self.mark)
        # Damage can show itself in any read; each ends in a message (status bar or box).
        ctx.session.projectChanged.connect(self.show_mark)
        ctx.session.error.connect(self.show_mark)
        window.statusBar().messageChanged.connect(self.show_mark)
        window.windowTitleChanged.connect(self.show_mark)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def wait(self) -> None:
        if self.job is not None:
            self.job.wait()

    # -- the read-only mark -------------------------------------------------------------

    def show_mark(self, *_args: object) -> None:
        """Title and status bar say whether (and why) the open project is read-only."""
        p = self.ctx.session.project
        reason = p.read_only if p is not None else None
        self.mark.setVisible(reason is not None)
        if p is None or reason is None:
            return
        why = str(reason)
        if p.damage is not None:
            self.mark.setText(self.tr("Damaged — read-only"))
            why = f"{p.damage.describe()}\n{why}"
        else:
            self.mark.setText(self.tr("Read-only"))
        self.mark.setToolTip(why)
        window = self.ctx.window
        title = window.windowTitle()
        name = title[:-len(APP_TITLE)] if title.endswith(APP_TITLE) else title
        marked = self.tr("{0} (read-only)")
        if not name.endswith(marked.format("")):
            window.setWindowTitle(marked.format(name) + APP_TITLE)

    # -- check and salvage --------------------------------------------------------------

    def _source(self, title: str) -> Path | None:
        """The open project's file, else one the user picks."""
        p = self.ctx.session.project
        if p is not None:
            if p.path is None:
                self.ctx.show_error(self.tr("A team project on a server is checked by its "
                                            "database server, not here."))
                return None
            return p.path
        path = self.ctx.prompts.open_file(
            title, self.start_folder(),
            self.tr("Annotator projects (*{0});;All files (*)").format(PROJECT_SUFFIX))
        return Path(path) if path else None

    def check_dialog(self) -> None:
        """Check the open project (or a chosen file) through; offer to salvage damage."""
        if self.job is not None:
            return
        path = self._source(self.tr("Check project"))
        if path is not None:
            label = self.tr("Checking {0}…").format(path.name)
            self._run(label, lambda progress: check_project(path, _stages(progress, label)),
                      lambda found: self._checked(path, found))

    def _checked(self, path: Path, found: Examination) -> None:
        report = str(msg("{path}: {report}", path=path, report=found.describe()))
        title = self.tr("Check project")
        if found.whole:
            self.ctx.say(report)
            self.ctx.prompts.inform(title, report)
        elif self.ctx.prompts.confirm(title, report + "\n\n" + self.tr(
                "Save what is readable as a new project now?")):
            self.salvage_dialog(path)
        else:
            self.ctx.say(report)

    def salvage_dialog(self, source: Path | None = None) -> None:
        """Save what is readable of the open project (or a chosen file) as a new one."""
        if self.job is not None:
            return
        source = source or self._source(self.tr("Salvage project"))
        if source is None:
            return
        answer = self.ctx.prompts.save_file(
            self.tr("Save what is readable as"),
            str(source.with_name(source.stem + "-salvaged" + PROJECT_SUFFIX)),
            self.tr("Annotator projects (*{0})").format(PROJECT_SUFFIX))
        if not answer:
            return
        dest = Path(answer)
        if dest.suffix != PROJECT_SUFFIX:
            dest = dest.with_name(dest.name + PROJECT_SUFFIX)
        label = self.tr("Saving what is readable of {0}…").format(source.name)
        self._run(label, lambda progress: salvage_project(source, dest,
                                                          _stages(progress, label)),
                  lambda found: self._salvaged(dest, found))

    def _salvaged(self, dest: Path, found: Examination) -> None:
        report = str(msg("saved what is readable as {path}: {report}", path=dest,
                         report=found.describe()))
        self.ctx.say(report)
        if self.ctx.prompts.confirm(self.tr("Salvage project"), report + "\n\n" + self.tr(
                "Open the new project now?")):
            self.open_path(dest)

    def _run(self, label: str, work: Callable[[Progress], Any],
             done: Callable[[Any], None]) -> None:
        """``work`` in a thread behind a progress dialog; ``done`` with its result."""
        progress = QProgressDialog(label, "", 0, 0, self.ctx.window)
        progress.setObjectName("repairProgress")
        progress.setWindowTitle(self.tr("Annotator"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        job = self.job = BackgroundJob(work, self, "repair")

        def finish() -> None:
            progress.close()
            progress.deleteLater()
            job.deleteLater()
            self.job = None

        def finished(result: object) -> None:
            finish()
            done(result)

        def failed(message: str) -> None:
            finish()
            self.ctx.show_error(message)

        job.staged.connect(lambda _text, done_, total: (
            progress.setMaximum(total), progress.setValue(done_)))
        job.finished.connect(finished)
        job.failed.connect(failed)
        job.cancelled.connect(finish)
        job.start()


def _stages(progress: Progress, label: str) -> Callable[[int, int], None]:
    """A service's (documents done, in all) as the job's stage."""
    return lambda done, total: progress.stage(label, done, total)


__all__ = ["RepairController"]
