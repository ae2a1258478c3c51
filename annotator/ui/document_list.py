"""The document list and the commands on the current document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem, QMenu

from annotator.ui.operations import documents as document_ops

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate

DOC_ID = Qt.ItemDataRole.UserRole


def documents_changed(window: Window) -> None:
    """Rebuild the document list, keeping the current document if it is still there."""
    current = window.current_document()
    window.documents.blockSignals(True)
    window.documents.clear()
    row = None
    for i, d in enumerate(window.session.documents):
        item = QListWidgetItem(d.name)
        item.setData(DOC_ID, d.id)
        tip = [d.name, translate("MainWindow", "{0} characters").format(d.length)]
        if d.source_name:
            tip.append(translate("MainWindow", "from {0}").format(d.source_name))
        if d.memo:
            tip.append(translate("MainWindow", "Memo: {0}").format(d.memo))
        item.setToolTip("\n".join(tip))
        window.documents.addItem(item)
        if d.id == current:
            row = i
    window.documents.blockSignals(False)
    if row is not None:
        window.documents.blockSignals(True)
        window.documents.setCurrentRow(row)
        window.documents.blockSignals(False)
        show_title(window)
    elif window.documents.count():
        window.documents.setCurrentRow(0)
    else:
        window.view.load(None)
        show_title(window)
    window._overview_dirty()


def current_document(window: Window) -> int | None:
    """The id of the document chosen in the list, if any."""
    item = window.documents.currentItem()
    return None if item is None else item.data(DOC_ID)


def document_selected(window: Window, item: QListWidgetItem | None, _prev=None) -> None:
    """Load the document chosen in the list."""
    doc_id = None if item is None else item.data(DOC_ID)
    if doc_id != window.view.doc_id:
        window.view.load(doc_id)
    show_title(window)
    window.codings_here.show_spans([])
    window.registry.update()


def show_title(window: Window) -> None:
    """The document's name above the text."""
    info = window.session.document(window.view.doc_id) if window.view.doc_id else None
    window.doc_title.setText(info.name if info else "")
    show_doc_info(window)


def show_doc_info(window: Window) -> None:
    """Its size and number of codings in the status bar."""
    info = window.session.document(window.view.doc_id) if window.view.doc_id else None
    if info is None:
        window.doc_info.setText("")
        return
    window.doc_info.setText(translate("MainWindow", "{0} characters, {1} codings").format(
        info.length, len(window.view.index)))


def select_document(window: Window, doc_id: int) -> None:
    """Choose a document in the list (which loads it)."""
    for i in range(window.documents.count()):
        if window.documents.item(i).data(DOC_ID) == doc_id:
            window.documents.setCurrentRow(i)
            return


def show_span(window: Window, doc_id: int, start: int, end: int) -> None:
    """Open a document at a place with the span selected (code-and-retrieve)."""
    if window.view.doc_id != doc_id:
        window.select_document(doc_id)
    if window.view.doc_id == doc_id:
        window.view.select_span(start, end)
        window.view.setFocus()


def step_document(window: Window, step: int) -> None:
    """Go to the next or previous document, wrapping around."""
    n = window.documents.count()
    if n:
        window.documents.setCurrentRow((window.documents.currentRow() + step) % n)


def documents_menu(window: Window, pos) -> None:
    """The document list's context menu."""
    item = window.documents.itemAt(pos)
    if item is not None:
        window.documents.setCurrentItem(item)
    menu = QMenu(window)
    menu.setToolTipsVisible(True)
    for act in (window.act_doc_memo, window.act_doc_rename, window.act_doc_delete, None,
                window.act_import):
        if act is None:
            menu.addSeparator()
        else:
            menu.addAction(act)
    menu.exec(window.documents.viewport().mapToGlobal(pos))


def rename_document(window: Window) -> None:
    """Rename the current document."""
    doc_id = window.current_document()
    info = window.session.document(doc_id) if doc_id is not None else None
    if info is None:
        return
    name = window.prompts.text(translate("MainWindow", "Rename document"),
                               translate("MainWindow", "New name:"), info.name)
    if name and name.strip() and name.strip() != info.name:
        window.session.execute(document_ops.DocumentValue(window.session, info.id, "name", name))


def delete_document(window: Window) -> None:
    """Delete the current document after asking (undoable)."""
    doc_id = window.current_document()
    info = window.session.document(doc_id) if doc_id is not None else None
    if info is None:
        return
    if window.prompts.confirm(
            translate("MainWindow", "Delete document"),
            translate("MainWindow",
                      "Delete the document “{0}” and its {1} codings? You can undo this.")
            .format(info.name, len(window.view.index))):
        window.session.execute(document_ops.DeleteDocument(window.session, info.id))
