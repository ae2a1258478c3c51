"""Undo commands: each runs one service operation; undo runs its inverse.

redo the first time = the service (``execute``); undo = the inverse service
(``delete_codings`` / ``restore_codings`` / ``restore_snapshot`` / the returned old value);
redo after an undo = put back exactly what was there (same ids), or run the service again
where that is the same thing.
"""

from collections.abc import Callable, Sequence
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.domain.errors import AnnotatorError
from annotator.domain.intervals import total_length
from annotator.services import codebook, coding, documents
from annotator.services.codebook import CodebookSnapshot
from annotator.services.coding import CodingInfo
from annotator.services.window_ops import code_in_vivo, code_spans, codings_by_ids
from annotator.ui.session import CodingChange, Operation, Session, coding_from_row, iter_codings


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


# -- codings -----------------------------------------------------------------------------


class CodeSpan(Operation):
    """Code ``[start, end)`` (code points) of a document with a code, as the current coder."""

    def __init__(self, session: Session, doc_id: int, start: int, end: int, code_id: int,
                 memo: str = "") -> None:
        path = session.code_path(code_id)
        super().__init__(session, _t("Code {0} characters with {1}").format(end - start, path))
        self.args = (doc_id, start, end, code_id)
        self.memo = memo
        self.rows: list[dict] = []
        self.coding: CodingInfo | None = None

    def execute(self) -> None:
        doc_id, start, end, code_id = self.args
        assert self.session.coder is not None
        self.coding = coding.code_span(self.project, doc_id, start, end, code_id,
                                       self.session.coder.id, self.memo)
        self.session.used_code(code_id)
        self.message = _t("Coded {0} characters with {1}").format(
            end - start, self.session.code_path(code_id))
        self.session.notify_codings(CodingChange(added=[self.coding]))

    def revert(self) -> None:
        assert self.coding is not None
        self.rows = coding.delete_codings(self.project, [self.coding.id])
        self.session.notify_codings(CodingChange(removed=iter_codings(self.rows)))

    def again(self) -> None:
        coding.restore_codings(self.project, self.rows)
        self.session.notify_codings(CodingChange(added=iter_codings(self.rows)))


class CodeSpans(Operation):
    """Code many spans with one code in one step (auto-coding all search hits)."""

    def __init__(self, session: Session, spans: Sequence[tuple[int, int, int]],
                 code_id: int) -> None:
        path = session.code_path(code_id)
        super().__init__(session, _t("Code {0} hits with {1}").format(len(spans), path))
        self.spans = list(spans)
        self.code_id = code_id
        self.created: list[CodingInfo] = []
        self.rows: list[dict] = []

    def execute(self) -> None:
        assert self.session.coder is not None
        self.created = code_spans(self.project, self.spans, self.code_id, self.session.coder.id)
        if not self.created:
            raise AnnotatorError(_t("every hit is already coded with {0}").format(
                self.session.code_path(self.code_id)))
        self.session.used_code(self.code_id)
        skipped = len(self.spans) - len(self.created)
        self.message = _t("Coded {0} hits with {1} ({2} already coded)").format(
            len(self.created), self.session.code_path(self.code_id), skipped)
        self.session.notify_codings(CodingChange(added=self.created))

    def revert(self) -> None:
        self.rows = coding.delete_codings(self.project, [c.id for c in self.created])
        self.session.notify_codings(CodingChange(removed=iter_codings(self.rows)))

    def again(self) -> None:
        coding.restore_codings(self.project, self.rows)
        self.session.notify_codings(CodingChange(added=iter_codings(self.rows)))


class UncodeSpan(Operation):
    """NVivo's uncode: the characters stop being coded with the code (trim or split)."""

    def __init__(self, session: Session, doc_id: int, start: int, end: int,
                 code_id: int, coder_id: int | None = None) -> None:
        path = session.code_path(code_id)
        super().__init__(session, _t("Uncode {0} from {1} characters").format(path, end - start))
        assert session.coder is not None
        self.args = (doc_id, start, end, code_id, coder_id or session.coder.id)
        self.removed: list[dict] = []
        self.created: list[CodingInfo] = []

    def execute(self) -> None:
        doc_id, start, end, code_id, coder_id = self.args
        result = coding.uncode_span(self.project, doc_id, start, end, code_id, coder_id)
        self.removed = result.removed
        self.created = codings_by_ids(self.project, result.created) if result.created else []
        gone = total_length((max(r["start"], start), min(r["end"], end)) for r in self.removed)
        self.message = _t("Uncoded {0} from {1} characters").format(
            self.session.code_path(code_id), gone)
        self.session.notify_codings(
            CodingChange(added=self.created, removed=iter_codings(self.removed)))

    def revert(self) -> None:
        coding.restore_codings(self.project, self.removed, [c.id for c in self.created])
        self.session.notify_codings(
            CodingChange(added=iter_codings(self.removed), removed=self.created))


class RemoveCodings(Operation):
    """Remove whole codings (the "remove" button where a coded passage is clicked)."""

    def __init__(self, session: Session, codings: Sequence[CodingInfo]) -> None:
        if len(codings) == 1:
            text = _t("Remove coding {0}").format(session.code_path(codings[0].code_id))
        else:
            text = _t("Remove {0} codings").format(len(codings))
        super().__init__(session, text)
        self.ids = [c.id for c in codings]
        self.rows: list[dict] = []

    def execute(self) -> None:
        self.rows = coding.delete_codings(self.project, self.ids)
        if not self.rows:
            raise AnnotatorError(_t("the coding no longer exists"))
        self.message = _t("Removed {0}").format(
            ", ".join(self.session.code_path(r["code_id"]) for r in self.rows))
        self.session.notify_codings(CodingChange(removed=iter_codings(self.rows)))

    def revert(self) -> None:
        coding.restore_codings(self.project, self.rows)
        self.session.notify_codings(CodingChange(added=iter_codings(self.rows)))


class CodingMemo(Operation):
    def __init__(self, session: Session, info: CodingInfo, memo: str) -> None:
        super().__init__(session, _t("Edit coding memo"))
        self.info, self.memo, self.old = info, memo, info.memo

    def _set(self, memo: str) -> str:
        old = coding.set_coding_memo(self.project, self.info.id, memo)
        i = self.info
        self.session.notify_codings(CodingChange(memos=[
            CodingInfo(i.id, i.document_id, i.code_id, i.coder_id, i.start, i.end, memo)]))
        return old

    def execute(self) -> None:
        self.old = self._set(self.memo)
        self.message = _t("Saved the coding memo")

    def again(self) -> None:
        self._set(self.memo)

    def revert(self) -> None:
        self._set(self.old)


class InVivo(Operation):
    """A new code named from the selected words, coded on them (one step)."""

    def __init__(self, session: Session, doc_id: int, start: int, end: int,
                 parent_id: int | None = None) -> None:
        super().__init__(session, _t("In-vivo code"))
        self.args = (doc_id, start, end, parent_id)
        self.code_created = False
        self.coding: CodingInfo | None = None
        self.snapshot: CodebookSnapshot | None = None
        self.rows: list[dict] = []

    def execute(self) -> None:
        doc_id, start, end, parent_id = self.args
        assert self.session.coder is not None
        code, self.coding, self.code_created = code_in_vivo(
            self.project, doc_id, start, end, self.session.coder.id, parent_id)
        self.setText(_t("In-vivo code {0}").format(code.name))
        if self.code_created:
            self.session.notify_codebook()
        self.session.used_code(code.id)
        self.message = _t("Coded {0} characters with the new code {1}").format(
            end - start, code.path)
        if self.code_created:  # the codebook just re-read counts this coding already
            self.session.notify_codings_counted(CodingChange(added=[self.coding]))
        else:
            self.session.notify_codings(CodingChange(added=[self.coding]))

    def revert(self) -> None:
        assert self.coding is not None
        if self.code_created:
            self.snapshot = codebook.delete_code(self.project, self.coding.code_id)
            self.session.notify_codings(CodingChange(removed=[self.coding]))
            self.session.notify_codebook()
        else:
            self.rows = coding.delete_codings(self.project, [self.coding.id])
            self.session.notify_codings(CodingChange(removed=iter_codings(self.rows)))

    def again(self) -> None:
        assert self.coding is not None
        if self.code_created:
            assert self.snapshot is not None
            codebook.restore_snapshot(self.project, self.snapshot)
            self.session.notify_codebook()
            self.session.notify_codings_counted(CodingChange(added=[self.coding]))
        else:
            coding.restore_codings(self.project, self.rows)
            self.session.notify_codings(CodingChange(added=iter_codings(self.rows)))


# -- the codebook ------------------------------------------------------------------------


class AddCode(Operation):
    def __init__(self, session: Session, parent_id: int | None, name: str,
                 color: str | None = None) -> None:
        super().__init__(session, _t("Add code {0}").format(name))
        self.parent_id, self.name, self.color = parent_id, name, color
        self.code_id: int | None = None
        self.snapshot: CodebookSnapshot | None = None

    def execute(self) -> None:
        info = codebook.add_child_code(self.project, self.parent_id, self.name, color=self.color)
        self.code_id = info.id
        self.message = _t("Added the code {0}").format(info.path)
        self.session.notify_codebook()

    def revert(self) -> None:
        assert self.code_id is not None
        self.snapshot = codebook.delete_code(self.project, self.code_id)
        self.session.notify_codings(
            CodingChange(removed=iter_codings(self.snapshot.codings)))
        self.session.notify_codebook()

    def again(self) -> None:
        assert self.snapshot is not None
        codebook.restore_snapshot(self.project, self.snapshot)
        self.session.notify_codebook()
        self.session.notify_codings_counted(
            CodingChange(added=iter_codings(self.snapshot.codings)))


class SetCodeValue(Operation):
    """Rename, colour, definition or memo of a code: the service returns the old value."""

    SETTERS: ClassVar[dict[str, Callable]] = {
        "name": codebook.rename_code,
        "color": codebook.set_code_color,
        "description": codebook.set_code_description,
        "memo": codebook.set_code_memo,
    }
    LABELS: ClassVar[dict[str, str]] = {
        "name": QT_TRANSLATE_NOOP("Commands", "Rename code {0}"),
        "color": QT_TRANSLATE_NOOP("Commands", "Change the colour of {0}"),
        "description": QT_TRANSLATE_NOOP("Commands", "Edit the definition of {0}"),
        "memo": QT_TRANSLATE_NOOP("Commands", "Edit the memo of {0}"),
    }

    def __init__(self, session: Session, code_id: int, what: str, value: str) -> None:
        super().__init__(session, _t(self.LABELS[what]).format(session.code_path(code_id)))
        self.code_id, self.what, self.value = code_id, what, value
        self.old: str | None = None

    def _set(self, value: str) -> str:
        old = self.SETTERS[self.what](self.project, self.code_id, value)
        self.session.notify_codebook()
        return old

    def execute(self) -> None:
        self.old = self._set(self.value)
        done = {
            "name": _t("Renamed {0} to {1}"), "color": _t("Changed the colour of {1}"),
            "description": _t("Saved the definition of {1}"),
            "memo": _t("Saved the memo of {1}"),
        }[self.what]
        self.message = done.format(self.old, self.session.code_path(self.code_id))

    def again(self) -> None:
        self._set(self.value)

    def revert(self) -> None:
        assert self.old is not None
        self._set(self.old)


class Reshape(Operation):
    """Move, merge or delete a code: the service returns a snapshot that undo restores."""

    def __init__(self, session: Session, text: str, run: Callable[[], CodebookSnapshot],
                 message: Callable[[], str], precise: bool = False) -> None:
        super().__init__(session, text)
        self.run, self.describe, self.precise = run, message, precise
        self.snapshot: CodebookSnapshot | None = None

    def execute(self) -> None:
        self.snapshot = self.run()
        self.message = self.describe()
        self._notify(undo=False)

    def revert(self) -> None:
        assert self.snapshot is not None
        codebook.restore_snapshot(self.project, self.snapshot)
        self._notify(undo=True)

    def _notify(self, undo: bool) -> None:
        assert self.snapshot is not None
        if not self.snapshot.codings:
            self.session.notify_codebook()
        elif self.precise:  # delete: the snapshot's codings are exactly what went
            rows = iter_codings(self.snapshot.codings)
            if undo:
                self.session.notify_codebook()
                self.session.notify_codings_counted(CodingChange(added=rows))
            else:
                self.session.notify_codings(CodingChange(removed=rows))
                self.session.notify_codebook()
        else:
            self.session.notify_codings(CodingChange(reset=True))


def move_code(session: Session, code_id: int, parent_id: int | None,
              position: int | None) -> Reshape:
    p = session.project
    return Reshape(
        session, _t("Move code {0}").format(session.code_path(code_id)),
        lambda: codebook.move_code(p, code_id, parent_id, position),
        lambda: _t("Moved the code to {0}").format(session.code_path(code_id)),
    )


def merge_code(session: Session, source_id: int, target_id: int) -> Reshape:
    p = session.project
    source, target = session.code_path(source_id), session.code_path(target_id)
    return Reshape(
        session, _t("Merge {0} into {1}").format(source, target),
        lambda: codebook.merge_code(p, source_id, target_id),
        lambda: _t("Merged {0} into {1}").format(source, target),
    )


def delete_code(session: Session, code_id: int) -> Reshape:
    p = session.project
    path = session.code_path(code_id)
    cmd = Reshape(session, _t("Delete code {0}").format(path),
                  lambda: codebook.delete_code(p, code_id), lambda: "", precise=True)
    cmd.describe = lambda: _t("Deleted the code {0} and {1} codings").format(
        path, len(cmd.snapshot.codings) if cmd.snapshot else 0)
    return cmd


# -- documents ---------------------------------------------------------------------------


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
        old = fn(self.project, self.doc_id, value)
        self.session.notify_documents()
        return old

    def execute(self) -> None:
        self.old = self._set(self.value)
        self.message = (_t("Saved the memo of {0}") if self.what == "memo"
                        else _t("Renamed the document to {0}")).format(
            self.session.document(self.doc_id).name)

    def again(self) -> None:
        self._set(self.value)

    def revert(self) -> None:
        assert self.old is not None
        self._set(self.old)


class DeleteDocument(Operation):
    def __init__(self, session: Session, doc_id: int) -> None:
        doc = session.document(doc_id)
        self.name = doc.name if doc else f"#{doc_id}"
        super().__init__(session, _t("Delete document {0}").format(self.name))
        self.doc_id = doc_id
        self.deleted: documents.DeletedDocument | None = None

    def execute(self) -> None:
        self.deleted = documents.delete_document(self.project, self.doc_id)
        self.message = _t("Deleted the document {0} and {1} codings").format(
            self.name, len(self.deleted.codings))
        self.session.notify_documents()
        self.session.notify_codings(CodingChange(removed=iter_codings(self.deleted.codings)))

    def revert(self) -> None:
        assert self.deleted is not None
        documents.restore_document(self.project, self.deleted)
        self.session.notify_documents()
        self.session.notify_codings(CodingChange(added=iter_codings(self.deleted.codings)))


__all__ = [
    "AddCode", "CodeSpan", "CodeSpans", "CodingMemo", "DeleteDocument", "DocumentValue",
    "InVivo", "RemoveCodings", "Reshape", "SetCodeValue", "UncodeSpan",
    "coding_from_row", "delete_code", "merge_code", "move_code",
]
