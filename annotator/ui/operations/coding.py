"""Undo steps on codings: code, uncode, remove, memo, in-vivo (coding from concordance
hits is ``operations/autocode``)."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from annotator.domain.errors import AnnotatorError
from annotator.domain.intervals import total_length
from annotator.services import codebook, coding
from annotator.services.changes import Changes, added
from annotator.services.codebook import CodebookSnapshot
from annotator.services.rows import CodingInfo, CodingRow
from annotator.services.window_ops import code_in_vivo
from annotator.ui.operations.base import Operation
from annotator.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class RestoresRows(Operation):
    """A step whose undo deletes the codings it made and whose redo puts the same rows
    (same ids) back."""

    created: Sequence[CodingInfo]

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(session, text)
        self.created = ()
        self.rows: tuple[CodingRow, ...] = ()

    def revert(self) -> Changes:
        gone = coding.delete_codings(self.project, [c.id for c in self.created])
        self.rows = gone.rows
        return gone.changes

    def again(self) -> Changes:
        return coding.restore_codings(self.project, self.rows)


class CodeSpan(RestoresRows):
    """Code ``[start, end)`` (code points) of a document with a code, as the current coder."""

    def __init__(self, session: Session, doc_id: int, start: int, end: int, code_id: int,
                 memo: str = "") -> None:
        path = session.code_path(code_id)
        super().__init__(session, _t("Code {0} characters with {1}").format(end - start, path))
        self.args = (doc_id, start, end, code_id)
        self.memo = memo

    def execute(self) -> Changes:
        doc_id, start, end, code_id = self.args
        assert self.session.coder is not None
        one = coding.code_span(self.project, doc_id, start, end, code_id,
                               self.session.coder.id, self.memo)
        self.created = (one,)
        self.session.used_code(code_id)
        self.message = _t("Coded {0} characters with {1}").format(
            end - start, self.session.code_path(code_id))
        return added(self.created)


class UncodeSpan(Operation):
    """NVivo's uncode: the characters stop being coded with the code (trim or split)."""

    def __init__(self, session: Session, doc_id: int, start: int, end: int,
                 code_id: int, coder_id: int | None = None) -> None:
        path = session.code_path(code_id)
        super().__init__(session, _t("Uncode {0} from {1} characters").format(path, end - start))
        assert session.coder is not None
        self.args = (doc_id, start, end, code_id, coder_id or session.coder.id)
        self.removed: tuple[CodingRow, ...] = ()
        self.created: tuple[CodingInfo, ...] = ()

    def execute(self) -> Changes:
        doc_id, start, end, code_id, coder_id = self.args
        result = coding.uncode_span(self.project, doc_id, start, end, code_id, coder_id)
        self.removed, self.created = result.removed, result.created
        gone = total_length((max(r.start, start), min(r.end, end)) for r in self.removed)
        self.message = _t("Uncoded {0} from {1} characters").format(
            self.session.code_path(code_id), gone)
        return result.changes

    def revert(self) -> Changes:
        return coding.restore_codings(self.project, self.removed, self.created)


class RemoveCodings(Operation):
    """Remove whole codings (the "remove" button where a coded passage is clicked)."""

    def __init__(self, session: Session, codings: Sequence[CodingInfo]) -> None:
        if len(codings) == 1:
            text = _t("Remove coding {0}").format(session.code_path(codings[0].code_id))
        else:
            text = _t("Remove {0} codings").format(len(codings))
        super().__init__(session, text)
        self.ids = [c.id for c in codings]
        self.rows: tuple[CodingRow, ...] = ()

    def execute(self) -> Changes:
        gone = coding.delete_codings(self.project, self.ids)
        if not gone.rows:
            raise AnnotatorError(_t("the coding no longer exists"))
        self.rows = gone.rows
        self.message = _t("Removed {0}").format(
            ", ".join(self.session.code_path(r.code_id) for r in self.rows))
        return gone.changes

    def revert(self) -> Changes:
        return coding.restore_codings(self.project, self.rows)


class CodingMemo(Operation):
    def __init__(self, session: Session, info: CodingInfo, memo: str) -> None:
        super().__init__(session, _t("Edit coding memo"))
        self.info, self.memo, self.old = info, memo, info.memo

    def _set(self, memo: str) -> tuple[str, Changes]:
        old = coding.set_coding_memo(self.project, self.info.id, memo)
        i = self.info
        return old, Changes(codings_changed=(
            CodingInfo(i.id, i.document_id, i.code_id, i.coder_id, i.start, i.end, memo),))

    def execute(self) -> Changes:
        self.old, changes = self._set(self.memo)
        self.message = _t("Saved the coding memo")
        return changes

    def again(self) -> Changes:
        return self._set(self.memo)[1]

    def revert(self) -> Changes:
        return self._set(self.old)[1]


class InVivo(Operation):
    """A new code named from the selected words, coded on them (one step)."""

    def __init__(self, session: Session, doc_id: int, start: int, end: int,
                 parent_id: int | None = None) -> None:
        super().__init__(session, _t("In-vivo code"))
        self.args = (doc_id, start, end, parent_id)
        self.code_created = False
        self.coding: CodingInfo | None = None
        self.snapshot: CodebookSnapshot | None = None
        self.rows: tuple[CodingRow, ...] = ()

    def execute(self) -> Changes:
        doc_id, start, end, parent_id = self.args
        assert self.session.coder is not None
        result = code_in_vivo(self.project, doc_id, start, end, self.session.coder.id,
                              parent_id)
        code, self.coding, self.code_created = result
        self.setText(_t("In-vivo code {0}").format(code.name))
        self.session.used_code(code.id)
        self.message = _t("Coded {0} characters with the new code {1}").format(
            end - start, code.path)
        return result.changes

    def revert(self) -> Changes:
        assert self.coding is not None
        if self.code_created:
            self.snapshot = codebook.delete_code(self.project, self.coding.code_id)
            return self.snapshot.changes
        gone = coding.delete_codings(self.project, [self.coding.id])
        self.rows = gone.rows
        return gone.changes

    def again(self) -> Changes:
        if self.code_created:
            assert self.snapshot is not None
            return codebook.restore_snapshot(self.project, self.snapshot)
        return coding.restore_codings(self.project, self.rows)


__all__ = ["CodeSpan", "CodingMemo", "InVivo", "RemoveCodings", "UncodeSpan"]
