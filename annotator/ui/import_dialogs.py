"""Importing documents in the window: the file dialog, the text-encoding choice, progress,
the summary of what came in and what was refused, drops on the document list, and the
read-only "Document properties" dialog.

Why the encoding is a submenu, not a control inside the file dialog: the native file
dialogs of Windows and macOS cannot carry extra widgets, and a second question after
every file choice is friction for the common case (auto-detection is right almost
always). "Import documents…" detects the encoding; "Import with text encoding ▸"
forces UTF-8, GB18030, Big5 or UTF-16 for that one import when detection guessed wrong.

The import runs file by file (``import_files`` on one file at a time, off the window's
thread) so that Cancel in the progress dialog stops before the next file and every file
stored so far is in the summary and in the undo step: undo removes exactly the documents
that came in.
"""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.io.readers import SUPPORTED_SUFFIXES
from annotator.services import documents
from annotator.services.documents import DocumentInfo, ImportSummary
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.context import AppContext
from annotator.ui.document_list import DocumentsController
from annotator.ui.operations.documents import ImportDocuments
from annotator.ui.session import Session

#: (label, Python codec name); None = detect
ENCODINGS: tuple[tuple[str, str | None], ...] = (
    ("Auto-detect", None),
    ("UTF-8", "utf-8"),
    ("GB18030 (GBK, GB2312)", "gb18030"),
    ("Big5", "big5"),
    ("UTF-16", "utf-16"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportDialogs", text)


def human_size(size: int | None) -> str:
    if size is None:
        return _t("unknown")
    if size < 1024:
        return _t("{0} bytes").format(size)
    if size < 1024 * 1024:
        return _t("{0:.1f} KB ({1} bytes)").format(size / 1024, size)
    return _t("{0:.1f} MB ({1} bytes)").format(size / 1024 / 1024, size)


def run_import(parent: QWidget, session: Session, paths: Sequence[Path],
               encoding: str | None = None) -> ImportSummary:
    """Import ``paths`` one by one with a progress dialog; returns what happened. A file
    that fails is in ``refused``; Cancel stops before the next file.

    Each file is read and stored off the window's thread (``BackgroundJob``): a 100 MB
    file takes seconds to decode, during which the window repaints and the progress
    moves. Until the progress dialog shows (it blocks the window), clicks and keys wait."""
    project = session.project
    assert project is not None
    paths = list(paths)
    progress = QProgressDialog(_t("Importing…"), _t("Cancel"), 0, len(paths), parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle(_t("Import documents"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    imported: list[DocumentInfo] = []
    refused: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []

    def tick(name: str, done: int, total: int) -> None:
        progress.setValue(done)
        progress.setLabelText(_t("Reading {0} ({1} of {2})").format(name, done + 1, total))

    for i, path in enumerate(paths):
        if progress.wasCanceled():
            refused.extend((p.name, _t("not imported: the import was cancelled"))
                           for p in paths[i:])
            break
        outcome = _in_background(parent, tick, progress, lambda report, path=path, i=i:
                                 _import_one(project, path, encoding, report, i, len(paths)))
        if isinstance(outcome, str):
            refused.append((path.name, outcome))
            continue
        imported.extend(outcome.imported)
        refused.extend(outcome.refused)
        warnings.extend(outcome.warnings)
    progress.setValue(len(paths))
    progress.close()
    progress.deleteLater()
    return ImportSummary(imported, refused, warnings)


def _import_one(project, path: Path, encoding: str | None, report: Progress, base: int,
                total: int) -> ImportSummary | str:
    """One file, in the worker: what came in, or why it did not."""
    try:
        return documents.import_files(project, [path], encoding=encoding,
                                      progress=lambda d, n: report.stage(n, base + d, total))
    except ImportError as exc:  # a reader's library is not installed
        return _t("this format is not available: {0}").format(exc)
    except AnnotatorError as exc:
        return str(exc)


def _in_background(parent: QWidget, tick: Callable[[str, int, int], None],
                   progress: QProgressDialog, work: Callable[[Progress], object]) -> object:
    """Run ``work`` in a thread and wait for it, the window's events going on meanwhile
    (user input only once the progress dialog shows); its result, or the failure's
    message."""
    job = BackgroundJob(work, parent, "annotator-import")
    outcome: list[object] = []
    job.staged.connect(tick)
    job.finished.connect(outcome.append)
    job.failed.connect(outcome.append)
    job.cancelled.connect(lambda: outcome.append(_t("not imported: the import was cancelled")))
    job.start()
    Flag = QEventLoop.ProcessEventsFlag
    while not outcome:
        flags = Flag.WaitForMoreEvents
        if not progress.isVisible():
            flags |= Flag.ExcludeUserInputEvents
        QApplication.processEvents(flags)
    job.deleteLater()
    return outcome[0]


class ImportSummaryDialog(QDialog):
    """What came in (name, characters, detected text encoding, format) and what was
    refused and why. Not modal: the window stays usable behind it."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Import summary"))
        self.summary = summary
        self.headline = QLabel(self.tr("Imported {0} documents, refused {1} files.").format(
            len(summary.imported), len(summary.refused)))
        self.headline.setWordWrap(True)
        self.imported = QTreeWidget()
        self.imported.setObjectName("importedList")
        self.imported.setRootIsDecorated(False)
        self.imported.setHeaderLabels([self.tr("Document"), self.tr("Characters"),
                                       self.tr("Detected text encoding"), self.tr("Format"),
                                       self.tr("From file")])
        for d in summary.imported:
            item = QTreeWidgetItem([d.name, f"{d.length:,}",
                                    d.encoding or self.tr("(not a text file)"),
                                    d.source_format or "", d.source_name or ""])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.imported.addTopLevelItem(item)
        self.refused = QTreeWidget()
        self.refused.setObjectName("refusedList")
        self.refused.setRootIsDecorated(False)
        self.refused.setWordWrap(True)
        self.refused.setHeaderLabels([self.tr("File"), self.tr("Why it was not imported")])
        for name, reason in summary.refused:
            item = QTreeWidgetItem([name, reason])
            item.setToolTip(1, reason)
            self.refused.addTopLevelItem(item)
        for name, warning in summary.warnings:
            item = QTreeWidgetItem([name, self.tr("imported, but: {0}").format(warning)])
            item.setToolTip(1, warning)
            self.refused.addTopLevelItem(item)
        for tree in (self.imported, self.refused):
            for col in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(col)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(QLabel(self.tr("Imported:")))
        layout.addWidget(self.imported, 2)
        self.refused_label = QLabel(self.tr("Refused, and why:"))
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused, 1)
        if not summary.refused and not summary.warnings:
            self.refused_label.hide()
            self.refused.hide()
        if undo_hint := (self.tr("Undo (Ctrl+Z) removes the imported documents again.")
                         if summary.imported else ""):
            layout.addWidget(QLabel(undo_hint))
        layout.addWidget(buttons)
        self.resize(720, 420)

    def imported_rows(self) -> list[list[str]]:
        return [[self.imported.topLevelItem(i).text(c) for c in range(5)]
                for i in range(self.imported.topLevelItemCount())]

    def refused_rows(self) -> list[list[str]]:
        return [[self.refused.topLevelItem(i).text(c) for c in range(2)]
                for i in range(self.refused.topLevelItemCount())]


class DocumentProperties(QDialog):
    """Read-only facts about a document: where it came from and what it is."""

    def __init__(self, info: DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentProperties")
        self.setWindowTitle(self.tr("Properties of {0}").format(info.name))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        imported = info.imported_at.strftime("%Y-%m-%d %H:%M") if info.imported_at else ""
        rows = (
            ("name", self.tr("Name"), info.name),
            ("source", self.tr("Source file"), info.source_name or self.tr("(unknown)")),
            ("size", self.tr("File size"), human_size(info.source_size)),
            ("format", self.tr("Format"), info.source_format or self.tr("(unknown)")),
            ("encoding", self.tr("Detected text encoding"),
             info.encoding or self.tr("(not a text file)")),
            ("imported", self.tr("Imported"), imported),
            ("characters", self.tr("Characters"), f"{info.length:,}"),
            ("sha256", self.tr("SHA-256 of the text"), info.sha256),
        )
        for key, label, value in rows:
            edit = QLineEdit(value)
            edit.setReadOnly(True)
            edit.setObjectName(f"property_{key}")
            edit.setCursorPosition(0)
            self.fields[key] = edit
            form.addRow(label + ":", edit)
        self.fields["sha256"].setToolTip(self.tr(
            "Identifies the same text across participants' copies when merging"))
        self.fields["sha256"].setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 66))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self, key: str) -> str:
        return self.fields[key].text()


class _DropFilter(QObject):
    """Files dropped on the document list are imported like File → Import documents."""

    def __init__(self, ui: "ImportUI") -> None:
        super().__init__(ui.ctx.window)
        self.ui = ui

    @staticmethod
    def _files(event) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.ui.ctx.is_open() and self._files(event):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif kind == QEvent.Type.Drop:
            files = self._files(event)
            if files and self.ui.ctx.is_open():
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.ui.import_paths(files)
                return True
        return False


class ImportUI(QObject):
    """The import controller of a window (see the module doc): File → Import documents,
    Import with text encoding ▸, Document → Properties, drops on the document list."""

    def __init__(self, ctx: AppContext, docs: DocumentsController,
                 start_folder: Callable[[], str]) -> None:
        super().__init__(ctx.window)
        self.ctx, self.docs, self.start_folder = ctx, docs, start_folder
        self.summary_dialog: ImportSummaryDialog | None = None
        self.properties_dialog: DocumentProperties | None = None
        w = ctx.window
        ctx.registry.action(
            "import", QCoreApplication.translate("MainWindow", "&Import documents…"),
            self.import_dialog, "Ctrl+Shift+I",
            self.tr("Import text, Word, PDF, OpenDocument or web-page files as documents "
                    "(the text encoding is detected)"), enabled=ctx.is_open)
        reg = ctx.registry
        self.encoding_menu = reg.add_menu(
            "import_encoding", QMenu(self.tr("Import with te&xt encoding"), w), ctx.is_open)
        self.encoding_menu.setObjectName("importEncodingMenu")
        self.encoding_actions: dict[str, QAction] = {
            codec: reg.action(
                f"import_{codec}", self.tr("{0}…").format(label),
                lambda e=codec: self.import_dialog(e), None,
                self.tr("Import text files read as {0} (when detection guessed wrong)"
                        ).format(label), enabled=ctx.is_open)
            for label, codec in ENCODINGS[1:]}
        reg.fill(self.encoding_menu, [f"import_{codec}" for codec in self.encoding_actions])
        self.act_properties = reg.action(
            "properties", self.tr("Pr&operties…"), self.show_properties, "Alt+Return",
            self.tr("Where the document came from: file, size, format, text encoding, "
                    "import time, SHA-256 (Alt+Enter)"),
            enabled=lambda: ctx.is_open() and docs.current_document() is not None,
            name="documentPropertiesAction")
        # drops on the document list
        self.drop_filter = _DropFilter(self)
        docs.documents.setAcceptDrops(True)
        docs.documents.viewport().setAcceptDrops(True)
        docs.documents.viewport().installEventFilter(self.drop_filter)

    # -- importing -----------------------------------------------------------------------

    def file_filter(self) -> str:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        return self.tr("Documents ({0});;All files (*)").format(patterns)

    def import_dialog(self, encoding: str | None = None) -> ImportSummary | None:
        if not self.ctx.is_open():
            return None
        title = self.tr("Import documents")
        if encoding:
            title = self.tr("Import documents read as {0}").format(encoding.upper())
        paths = self.ctx.prompts.open_files(title, self.start_folder(), self.file_filter())
        if not paths:
            return None
        return self.import_paths([Path(p) for p in paths], encoding)

    def import_paths(self, paths: Sequence[Path], encoding: str | None = None
                     ) -> ImportSummary | None:
        ctx = self.ctx
        s = ctx.session
        if not s.is_open:
            return None
        ctx.say(self.tr("Importing {0} files…").format(len(paths)))
        step = ImportDocuments(s, lambda: run_import(ctx.window, s, paths, encoding))
        s.execute(step)
        summary = step.summary
        if summary.imported:
            self.docs.select_document(summary.imported[0].id)
        else:
            ctx.say(self.tr("Nothing was imported"))
        self.show_summary(summary)
        return summary

    def show_summary(self, summary: ImportSummary) -> None:
        if self.summary_dialog is not None:
            self.summary_dialog.close()
            self.summary_dialog.deleteLater()
        self.summary_dialog = ImportSummaryDialog(summary, self.ctx.window)
        for id_ in ("undo", "redo"):  # Ctrl+Z works here too
            self.summary_dialog.addAction(self.ctx.registry[id_])
        self.summary_dialog.show()

    # -- properties ----------------------------------------------------------------------

    def show_properties(self, doc_id: int | None = None) -> DocumentProperties | None:
        ctx = self.ctx
        doc_id = doc_id if doc_id is not None else self.docs.current_document()
        info = ctx.session.document(doc_id) if doc_id is not None else None
        if info is None:
            ctx.say(self.tr("Choose a document first"))
            return None
        if self.properties_dialog is not None:
            self.properties_dialog.close()
            self.properties_dialog.deleteLater()
        self.properties_dialog = DocumentProperties(info, ctx.window)
        self.properties_dialog.show()
        ctx.say(self.tr("Properties of {0}").format(info.name))
        return self.properties_dialog


__all__ = ["ENCODINGS", "DocumentProperties", "ImportSummaryDialog",
           "ImportUI", "run_import"]
