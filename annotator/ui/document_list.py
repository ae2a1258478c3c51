"""The documents controller: the document list, the current document's title and size,
and the commands on the current document (memo, rename, delete, next, previous).

It is given the application context, the list widget, the document view (which shows
the chosen document), "codings here" (cleared on another document), and the title and
status-bar labels it fills. Every change is an operation on the session.
"""

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu

from annotator.domain.errors import AnnotatorError
from annotator.services.changes import Changes
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.operations import documents as document_ops
from annotator.ui.panels import CodingsHere

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate

DOC_ID = Qt.ItemDataRole.UserRole


class DocumentsController(QObject):
    def __init__(self, ctx: AppContext, documents: QListWidget, view: DocumentView,
                 codings_here: CodingsHere, title: QLabel, info: QLabel) -> None:
        super().__init__(ctx.window)
        self.ctx, self.documents, self.view = ctx, documents, view
        self.codings_here, self.title, self.info = codings_here, title, info
        documents.currentItemChanged.connect(self.document_selected)
        documents.customContextMenuRequested.connect(self.documents_menu)
        reg = ctx.registry
        reg.action("doc_rename", translate("MainWindow", "&Rename document…"), self.rename_document,
                   None, translate("MainWindow", "Rename the document"), enabled=self.has_doc)
        reg.action("doc_delete", translate("MainWindow", "&Delete document…"), self.delete_document,
                   None, translate("MainWindow", "Delete the document and its codings"),
                   enabled=self.has_doc)
        reg.action("doc_next", translate("MainWindow", "&Next document"),
                   lambda: self.step_document(1),
                   "Ctrl+PgDown", translate("MainWindow", "Show the next document"))
        reg.action("doc_prev", translate("MainWindow", "&Previous document"),
                   lambda: self.step_document(-1), "Ctrl+PgUp",
                   translate("MainWindow", "Show the previous document"))
        reg.action("focus_1", translate("MainWindow", "Go to documents"), documents.setFocus,
                   "Ctrl+1",
                   translate("MainWindow", "Move the keyboard focus to the document list"))

    def has_doc(self) -> bool:
        return self.ctx.is_open() and self.view.doc_id is not None

    def apply_change(self, ch: Changes) -> None:
        if ch.reset or ch.documents:
            self.documents_changed()

    def documents_changed(self) -> None:
        """Rebuild the document list, keeping the current document if it is still there."""
        lst = self.documents
        current = self.current_document()
        lst.blockSignals(True)
        lst.clear()
        row = None
        for i, d in enumerate(self.ctx.session.documents):
            item = QListWidgetItem(d.name)
            item.setData(DOC_ID, d.id)
            tip = [d.name, translate("MainWindow", "{0} characters").format(d.length)]
            if d.source_name:
                tip.append(translate("MainWindow", "from {0}").format(d.source_name))
            if d.memo:
                tip.append(translate("MainWindow", "Memo: {0}").format(d.memo))
            item.setToolTip("\n".join(tip))
            lst.addItem(item)
            if d.id == current:
                row = i
        lst.blockSignals(False)
        if row is not None:
            lst.blockSignals(True)
            lst.setCurrentRow(row)
            lst.blockSignals(False)
            self.show_title()
        elif lst.count():
            lst.setCurrentRow(0)
        else:
            self.view.load(None)
            self.show_title()
        self.ctx.registry.update()  # a document more or less: what is enabled

    def current_document(self) -> int | None:
        """The id of the document chosen in the list, if any."""
        item = self.documents.currentItem()
        return None if item is None else item.data(DOC_ID)

    def document_selected(self, item: QListWidgetItem | None, _prev=None) -> None:
        """Load the document chosen in the list."""
        doc_id = None if item is None else item.data(DOC_ID)
        if doc_id != self.view.doc_id:
            try:
                self.view.load(doc_id)
            except AnnotatorError as exc:
                if self.ctx.session.offline:  # a team project's server is gone
                    self.ctx.say(str(exc))
                    self._choose_quietly(self.view.doc_id)
                    return
                # its text is damaged: the others still open
                self.view.load(None)
                self._mark_unreadable(item)
                self.show_title()
                self.title.setText(f"{item.text()} — {item.toolTip()}")
                self.ctx.show_error(str(exc))
                self.ctx.registry.update()
                return
        self.show_title()
        self.codings_here.show_spans([])
        self.ctx.registry.update()

    @staticmethod
    def _mark_unreadable(item: QListWidgetItem) -> None:
        """A document whose text cannot be read stays in the list, greyed, and says why."""
        item.setForeground(Qt.GlobalColor.gray)
        item.setToolTip(translate("MainWindow", "The text of this document is damaged and "
                                                "cannot be shown"))

    def show_title(self) -> None:
        """The document's name above the text."""
        info = self.ctx.session.document(self.view.doc_id) if self.view.doc_id else None
        self.title.setText(info.name if info else "")
        self.show_doc_info()

    def show_doc_info(self, _changes: Changes | None = None) -> None:
        """Its size and number of codings in the status bar."""
        info = self.ctx.session.document(self.view.doc_id) if self.view.doc_id else None
        if info is None:
            self.info.setText("")
            return
        shown = (len(self.view.index) if self.ctx.session.show_other_coders else
                 len(self.view.visible_spans(0, self.view.document().characterCount())))
        self.info.setText(translate("MainWindow", "{0} characters, {1} codings").format(
            info.length, shown))

    def select_document(self, doc_id: int) -> None:
        """Choose a document in the list (which loads it)."""
        for i in range(self.documents.count()):
            if self.documents.item(i).data(DOC_ID) == doc_id:
                self.documents.setCurrentRow(i)
                return

    def _choose_quietly(self, doc_id: int | None) -> None:
        """Mark ``doc_id`` chosen in the list without loading it (it is shown already)."""
        self.documents.blockSignals(True)
        for i in range(self.documents.count()):
            if self.documents.item(i).data(DOC_ID) == doc_id:
                self.documents.setCurrentRow(i)
        self.documents.blockSignals(False)

    def select_named(self, name: str) -> bool:
        """Choose the document called ``name``, else the first; whether it was there."""
        rows = [i for i in range(self.documents.count()) if self.documents.item(i).text() == name]
        if self.documents.count():
            self.documents.setCurrentRow(rows[-1] if rows else 0)
        return bool(rows)

    def show_span(self, doc_id: int, start: int, end: int) -> None:
        """Open a document at a place with the span selected (code-and-retrieve)."""
        if self.view.doc_id != doc_id:
            self.select_document(doc_id)
        if self.view.doc_id == doc_id:
            self.view.select_span(start, end)
            self.view.setFocus()

    def step_document(self, step: int) -> None:
        """Go to the next or previous document, wrapping around."""
        n = self.documents.count()
        if n:
            self.documents.setCurrentRow((self.documents.currentRow() + step) % n)

    def documents_menu(self, pos) -> None:
        """The document list's context menu."""
        item = self.documents.itemAt(pos)
        if item is not None:
            self.documents.setCurrentItem(item)
        menu = QMenu(self.ctx.window)
        self.ctx.registry.fill(menu, ["doc_memo", "doc_rename", "doc_delete", None, "import"])
        menu.exec(self.documents.viewport().mapToGlobal(pos))

    def _current_info(self):
        doc_id = self.current_document()
        return self.ctx.session.document(doc_id) if doc_id is not None else None

    def rename_document(self) -> None:
        """Rename the current document."""
        info = self._current_info()
        if info is None:
            return
        name = self.ctx.prompts.text(translate("MainWindow", "Rename document"),
                                     translate("MainWindow", "New name:"), info.name)
        if name and name.strip() and name.strip() != info.name:
            s = self.ctx.session
            s.execute(document_ops.DocumentValue(s, info.id, "name", name))

    def delete_document(self) -> None:
        """Delete the current document after asking (undoable)."""
        info = self._current_info()
        if info is None:
            return
        if self.ctx.prompts.confirm(
                translate("MainWindow", "Delete document"),
                translate("MainWindow",
                          "Delete the document “{0}” and its {1} codings? You can undo this.")
                .format(info.name, len(self.view.index))):
            s = self.ctx.session
            s.execute(document_ops.DeleteDocument(s, info.id))


__all__ = ["DOC_ID", "DocumentsController"]
