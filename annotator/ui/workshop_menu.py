"""The Workshop menu (工作坊): a facilitator prepares one project, every participant codes
a copy under their own name, the facilitator merges the copies, reads the agreement,
walks through the disagreements and settles a consensus.

* Make participant copies… — a dialog: folder, participant names one per line, "without
  the existing codings"; reports the files written.
* Merge projects… — participants' ``.annotator`` copies and/or REFI-QDA ``.qdpx``
  projects; a confirmation says merging cannot be undone; a report lists per source the
  summary, added codes and coders, and every conflict; the window then re-reads
  everything. The undo history is cleared (earlier steps no longer describe the file).
* Intercoder agreement… and Disagreements… — docks at the bottom (``agreement_view``,
  ``disagreements_view``).
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.services.changes import Changes
from annotator.services.workshop import MergeReport, make_participant_copies, merge_copies
from annotator.store.project import PROJECT_SUFFIX
from annotator.ui.agreement_view import AgreementView
from annotator.ui.context import AppContext
from annotator.ui.disagreements_view import DisagreementsView
from annotator.ui.prompts import Prompts
from annotator.ui.workshop_views import HANDLE

REVIEW_SHARE = 0.6  # of the window's height, for the agreement and disagreements docks
REVIEW_MIN = 380


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkshopMenu", text)


class WideSeparators(QProxyStyle):
    """The main window's style with dock separators wide enough to grab (the platform
    styles draw 3-6 pixels). Set on the main window only: its children keep theirs."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DockWidgetSeparatorExtent:
            return max(HANDLE, value)
        return value


class ParticipantCopiesDialog(QDialog):
    """Folder, participant names (one per line), and whether codings go along."""

    def __init__(self, folder: Path, parent: QWidget | None = None,
                 prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts or Prompts(self)
        self.setObjectName("participantCopiesDialog")
        self.setWindowTitle(self.tr("Make participant copies"))
        self.folder = QLineEdit(str(folder))
        self.folder.setObjectName("copiesFolder")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.names = QPlainTextEdit()
        self.names.setObjectName("participantNames")
        self.names.setPlaceholderText(self.tr("One participant per line, e.g.\n张三\n李四"))
        self.without = QCheckBox(self.tr("&Without the existing codings (participants start "
                                         "from uncoded documents)"))
        self.without.setObjectName("withoutCodings")
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        names_label = QLabel(self.tr("&Participants:"))
        names_label.setBuddy(self.names)
        form.addRow(names_label, self.names)
        form.addRow("", self.without)
        hint = QLabel(self.tr(
            "Each participant gets a copy of this project with the documents and the "
            "codebook, coding under their own name. Merge the copies back with "
            "Workshop → Merge projects…"))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make copies"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def _browse(self) -> None:
        folder = self.prompts.folder(self.tr("Folder for the copies"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def participants(self) -> list[str]:
        return [n.strip() for n in self.names.toPlainText().splitlines() if n.strip()]


def headline(reports: list[MergeReport]) -> str:
    """The whole merge in a sentence, for the report and the status bar."""
    return QCoreApplication.translate(
        "MergeReportDialog", "Merged {0} of {1} files: codings {2} added, {3} skipped.").format(
        sum(1 for r in reports if r.ok), len(reports), sum(r.codings_added for r in reports),
        sum(r.codings_skipped for r in reports))


class MergeReportDialog(QDialog):
    """Per source: what matters first (codings added, skipped, conflicts) on a line short
    enough to read whole, then documents, codes and coders matched and added, and every
    conflict."""

    def __init__(self, reports: list[MergeReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeReport")
        self.setWindowTitle(self.tr("Merge report"))
        self.headline = QLabel(headline(reports))
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("mergeReportTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        for r in reports:
            top = QTreeWidgetItem([self.summary_line(r)])
            top.setToolTip(0, str(r.source))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if not r.ok:
                top.setForeground(0, Qt.GlobalColor.darkRed)
            self.tree.addTopLevelItem(top)
            if r.ok:
                for line in self.detail_lines(r):
                    QTreeWidgetItem(top, [line])
            if r.added_coders:
                QTreeWidgetItem(top, [self.tr("Coders added: {0}").format(
                    ", ".join(r.added_coders))])
            if r.added_documents:
                QTreeWidgetItem(top, [self.tr("Documents added: {0}").format(
                    ", ".join(r.added_documents))])
            if r.added_codes:
                codes = QTreeWidgetItem(top, [self.tr("Codes added: {0}").format(
                    len(r.added_codes))])
                for path, creator in r.added_codes:
                    label = path if not creator else self.tr("{0} (by {1})").format(path, creator)
                    QTreeWidgetItem(codes, [label])
            if r.conflicts:
                conflicts = QTreeWidgetItem(top, [self.tr("Conflicts: {0}").format(
                    len(r.conflicts))])
                for c in r.conflicts:
                    item = QTreeWidgetItem(conflicts, [c.describe()])
                    item.setToolTip(0, self.tr("here: {0}\nin the copy: {1}").format(
                        c.target_value, c.source_value))
            top.setExpanded(True)
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QLabel(self.tr(
            "Next: Workshop → Intercoder agreement… and Disagreements…")))
        layout.addWidget(buttons)
        self.resize(760, 440)

    def summary_line(self, r: MergeReport) -> str:
        """The codings first, as the command line counts them."""
        if r.error:
            return self.tr("{0}: not merged: {1}").format(r.source.name, r.error)
        return self.tr("{0}: codings {1} added, {2} already present, {3} skipped; "
                       "{4} conflicts").format(r.source.name, r.codings_added,
                                               r.codings_present, r.codings_skipped,
                                               len(r.conflicts))

    def detail_lines(self, r: MergeReport) -> list[str]:
        return [
            self.tr("Documents: {0} matched, {1} added").format(
                r.documents_matched, r.documents_added),
            self.tr("Codes: {0} matched, {1} added").format(r.codes_matched, r.codes_added),
            self.tr("Coders: {0} matched, {1} added").format(r.coders_matched, r.coders_added),
        ]

    def text(self) -> str:
        out = []

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            out.append("  " * depth + item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i), depth + 1)

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i), 0)
        return "\n".join(out)


class WorkshopUI(QObject):
    """The workshop controller: participant copies, merging them back, and the agreement
    and disagreement views in their docks. Given the context and where a disputed span
    is shown."""

    def __init__(self, ctx: AppContext, show_span: Callable[[int, int, int], None]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.copies_dialog: ParticipantCopiesDialog | None = None
        self.report_dialog: MergeReportDialog | None = None
        self.last_copies: list = []
        s = ctx.session

        self.agreement = AgreementView(s, ctx.prompts)
        self.agreement_dock = self._dock(self.tr("Intercoder agreement"), "agreementDock",
                                         self.agreement)
        self.disagreements = DisagreementsView(s, coders=self.agreement.chosen_coders)
        self.disagreements_dock = self._dock(self.tr("Disagreements"), "disagreementsDock",
                                             self.disagreements)
        self.disagreements.spanRequested.connect(show_span)
        self.disagreements.listed.connect(lambda: self.ctx.say(self.tr(
            "{0} disagreements").format(len(self.disagreements.items))))
        # the two share the bottom of the window, one tab each, and open large
        ctx.window.tabifyDockWidget(self.agreement_dock, self.disagreements_dock)
        self._separators = WideSeparators()
        self._separators.setParent(ctx.window)  # lives as long as the window that uses it
        ctx.window.setStyle(self._separators)
        s.closing.connect(self._wait)

        reg, is_open = ctx.registry, ctx.is_open
        self.act_copies = reg.action(
            "copies", self.tr("Make participant &copies…"), self.make_copies_dialog, None,
            self.tr("Write one copy of this project per participant, each coding under "
                    "their own name"), enabled=is_open)
        self.act_merge = reg.action(
            "merge_projects", self.tr("&Merge projects…"), self.merge_dialog, None,
            self.tr("Merge participants' copies (.annotator) or REFI-QDA projects (.qdpx) "
                    "into this project"), enabled=is_open)
        self.act_agreement = reg.action(
            "agreement", self.tr("Intercoder &agreement…"), self.show_agreement,
            "Ctrl+Shift+A",
            self.tr("Percent agreement, Cohen's κ, Krippendorff's α and segment agreement "
                    "per code and document (Ctrl+Shift+A)"), enabled=is_open)
        self.act_disagreements = reg.action(
            "disagreements", self.tr("&Disagreements…"), self.show_disagreements,
            "Ctrl+Shift+D",
            self.tr("Where the coders differ: jump to each place and settle the consensus "
                    "(Ctrl+Shift+D)"), enabled=is_open)
        self.menu = QMenu(self.tr("&Workshop"), ctx.window)
        self.menu.setObjectName("workshopMenu")
        reg.add_menu("workshop", self.menu)  # filled from the window's menu layout

        s.projectChanged.connect(self._project_changed)
        s.changed.connect(self._changed)
        self.agreement_dock.visibilityChanged.connect(
            lambda v: v and self.agreement.refresh())
        self.disagreements_dock.visibilityChanged.connect(
            lambda v: v and self.disagreements.refresh())
        self._project_changed()

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        """A review dock: it can be closed and moved to another side, not floated by a
        stray double-click on its title (a floating panel is lost on a projector)."""
        w = self.ctx.window
        dock = QDockWidget(title, w)
        dock.setObjectName(name)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        dock.setWidget(widget)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def _project_changed(self) -> None:
        is_open = self.ctx.is_open()
        self.agreement.fill_coders()
        if not is_open:
            self.agreement_dock.hide()
            self.disagreements_dock.hide()
        self._dirty()

    def _changed(self, changes: Changes) -> None:
        if changes.reset or changes.coders:
            self.agreement.fill_coders()
        self._dirty()

    def _dirty(self) -> None:
        self.agreement.mark_dirty()
        self.disagreements.mark_dirty()

    def _wait(self) -> None:
        """The project closes: let a computation reading it end first."""
        self.agreement.wait()
        if self.disagreements.job is not None:
            self.disagreements.job.wait()

    def _show_large(self, dock: QDockWidget) -> None:
        """Show a review dock at a size a room can read: most of the window's height,
        the document still above it."""
        w = self.ctx.window
        dock.show()
        dock.raise_()
        w.resizeDocks([dock], [max(REVIEW_MIN, int(w.height() * REVIEW_SHARE))],
                      Qt.Orientation.Vertical)

    # -- views ---------------------------------------------------------------------------

    def show_agreement(self) -> None:
        if not self.ctx.session.is_open:
            return
        self.agreement.fill_coders()
        self._show_large(self.agreement_dock)
        self.agreement.refresh()
        self.ctx.say(self.tr("Intercoder agreement of {0}").format(
            ", ".join(self.agreement.chosen_coders())))

    def show_disagreements(self) -> None:
        if not self.ctx.session.is_open:
            return
        self._show_large(self.disagreements_dock)
        self.disagreements.refresh()

    # -- participant copies --------------------------------------------------------------

    def make_copies_dialog(self) -> ParticipantCopiesDialog | None:
        p = self.ctx.session.project
        if p is None:
            return None
        if self.copies_dialog is not None:
            self.copies_dialog.deleteLater()
        dialog = ParticipantCopiesDialog(p.folder / f"{p.stem}-copies",
                                         self.ctx.window, self.ctx.prompts)
        dialog.accepted.connect(lambda: self.make_copies(
            Path(dialog.folder.text()), dialog.participants(), dialog.without.isChecked()))
        self.copies_dialog = dialog
        dialog.open()
        return dialog

    def make_copies(self, folder: Path, names: list[str], without_codings: bool) -> list:
        w, s = self.ctx, self.ctx.session
        if s.project is None:
            return []
        try:
            made = make_participant_copies(s.project, folder, names,
                                           without_codings=without_codings)
        except AnnotatorError as exc:
            w.show_error(str(exc))
            return []
        self.last_copies = made
        lines = [self.tr("{0}: {1} ({2} documents, {3} codes, {4} codings)").format(
            c.participant, c.path, c.documents, c.codes, c.codings) for c in made]
        w.say(self.tr("Wrote {0} participant copies to {1}").format(len(made), folder))
        w.prompts.inform(self.tr("Participant copies"), self.tr(
            "Wrote {0} participant copies:").format(len(made)) + "\n\n" + "\n".join(lines))
        return made

    # -- merging -------------------------------------------------------------------------

    def merge_dialog(self) -> list[MergeReport] | None:
        w, s = self.ctx, self.ctx.session
        if s.project is None:
            return None
        paths = w.prompts.open_files(
            self.tr("Merge projects"), str(s.project.folder),
            self.tr("Participants' copies and REFI-QDA projects (*{0} *.qdpx);;"
                    "All files (*)").format(PROJECT_SUFFIX))
        if not paths:
            return None
        names = "\n".join(f"• {Path(p).name}" for p in paths)
        sure = w.prompts.confirm(self.tr("Merge projects"), self.tr(
            "Merge these {0} files into {1}?\n\n{2}\n\nMerging cannot be undone, and the "
            "undo history is cleared. To keep the project as it is now, use "
            "File → Save a copy… first.").format(len(paths), s.project.shown_name, names))
        if not sure:
            return None
        return self.merge(paths)

    def merge(self, paths: list) -> list[MergeReport]:
        w, s = self.ctx, self.ctx.session
        w.say(self.tr("Merging {0} files…").format(len(paths)))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reports = merge_copies(s.project, [Path(p) for p in paths])
        except AnnotatorError as exc:
            w.show_error(str(exc))
            return []
        finally:
            QGuiApplication.restoreOverrideCursor()
        s.apply_outside_undo()
        w.say(headline(reports))
        if self.report_dialog is not None:
            self.report_dialog.deleteLater()
        self.report_dialog = MergeReportDialog(reports, w.window)
        self.report_dialog.show()
        return reports


__all__ = ["MergeReportDialog", "ParticipantCopiesDialog", "WorkshopUI"]
