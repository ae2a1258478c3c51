"""Undo steps on documents: an import, a rename, a memo, a delete."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.services import documents
from annotator.services.changes import Changes
from annotator.services.documents import ImportSummary
from annotator.ui.operations.base import Operation
from annotator.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def _docs(*ids: int) -> Changes:
    return Changes(documents=frozenset(ids))


class ImportDocuments(Operation):
    """The documents one import brings in, as one undo step.

    ``execute`` runs the import (``run``: file by file, with progress, so that Cancel
    stops before the next file); a run that brought nothing in is no step. Undo deletes
    exactly those documents; redo restores the same rows (same ids).
    """

    def __init__(self, session: Session, run: Callable[[], ImportSummary]) -> None:
        super().__init__(session, "")
        self.run = run
        self.summary = ImportSummary([], [], [])
        self.deleted: list[documents.DeletedDocument] = []

    def execute(self) -> Changes:
        self.summary = self.run()
        n = len(self.summary.imported)
        self.setText(QCoreApplication.translate("ImportDialogs", "Import {0} documents")
                     .format(n))
        if n:
            self.message = QCoreApplication.translate(
                "ImportDialogs", "Imported {0} documents, refused {1}").format(
                n, len(self.summary.refused))
        return self.summary.changes

    def revert(self) -> Changes:
        ids = [d.id for d in self.summary.imported]
        self.deleted = documents.delete_documents(self.project, ids)
        out = _docs(*ids)
        for d in self.deleted:
            out |= d.changes
        return out

    def again(self) -> Changes:
        return documents.restore_documents(self.project, self.deleted)


class DocumentValue(Operation):
    """A document's memo or name: the service returns the old value."""

    def __init__(self, session: Session, doc_id: int, what: str, value: str) -> None:
        doc = session.document(doc_id)
        name = doc.name if doc else f"#{doc_id}"
        label = _t("Edit the memo of {0}") if what == "memo" else _t("Rename document {0}")
        super().__init__(session, label.format(name))
        self.doc_id, self.what, self.value = doc_id, what, value
        self.old: str | None = None

    def _set(self, value: str) -> str:
        fn = documents.set_document_memo if self.what == "memo" else documents.rename_document
        return fn(self.project, self.doc_id, value)

    def execute(self) -> Changes:
        self.old = self._set(self.value)
        return _docs(self.doc_id)

    def done_message(self) -> str:
        doc = self.session.document(self.doc_id)
        return (_t("Saved the memo of {0}") if self.what == "memo"
                else _t("Renamed the document to {0}")).format(doc.name if doc else "")

    def again(self) -> Changes:
        self._set(self.value)
        return _docs(self.doc_id)

    def revert(self) -> Changes:
        assert self.old is not None
        self._set(self.old)
        return _docs(self.doc_id)


class DeleteDocument(Operation):
    def __init__(self, session: Session, doc_id: int) -> None:
        doc = session.document(doc_id)
        self.name = doc.name if doc else f"#{doc_id}"
        super().__init__(session, _t("Delete document {0}").format(self.name))
        self.doc_id = doc_id
        self.deleted: documents.DeletedDocument | None = None

    def execute(self) -> Changes:
        self.deleted = documents.delete_document(self.project, self.doc_id)
        self.message = _t("Deleted the document {0} and {1} codings").format(
            self.name, len(self.deleted.codings))
        return self.deleted.changes

    def revert(self) -> Changes:
        assert self.deleted is not None
        return documents.restore_document(self.project, self.deleted)


__all__ = ["DeleteDocument", "DocumentValue", "ImportDocuments"]
