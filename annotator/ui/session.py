"""The open project as the window sees it: one object that runs operations and says what
changed.

Every change goes through ``Session.execute(command)``: the command calls one service
(one transaction); if that succeeds it lands on the undo stack, and the session emits a
signal naming exactly what changed. Views listen and update only that: adding a coding
emits ``codingsChanged`` with the one new coding, so the document view re-highlights the
blocks it covers and the codebook bumps one count, nothing is re-read.

The session also keeps the small things every view needs by id: the codebook (codes,
paths, colours, counts), the documents, the coders, the current coder, and document
texts (which never change once imported).
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.domain.errors import AnnotatorError
from annotator.services.codebook import CodeInfo, code_tree
from annotator.services.coders import CoderInfo, ensure_coder, list_coders, resolve_coder_name
from annotator.services.coding import CodingInfo
from annotator.services.documents import DocumentInfo, document_text, list_documents
from annotator.store.project import Project

RECENT_CODES = 9


@dataclass
class CodingChange:
    """What one operation did to codings. ``reset`` means: re-read (codebook reshaped)."""

    added: list[CodingInfo] = field(default_factory=list)
    removed: list[CodingInfo] = field(default_factory=list)
    memos: list[CodingInfo] = field(default_factory=list)
    reset: bool = False

    def documents(self) -> set[int]:
        return {c.document_id for c in (*self.added, *self.removed, *self.memos)}


def coding_from_row(row: dict) -> CodingInfo:
    return CodingInfo(row["id"], row["document_id"], row["code_id"], row["coder_id"],
                      row["start"], row["end"], row.get("memo") or "")


class Session(QObject):
    projectChanged = Signal()
    documentsChanged = Signal()
    codebookChanged = Signal()
    codingsChanged = Signal(object)  # CodingChange
    coderChanged = Signal()
    visibilityChanged = Signal()
    message = Signal(str)  # what happened, for the status bar
    error = Signal(str)  # a user-caused failure, for a message box

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self.coder: CoderInfo | None = None
        self.show_other_coders = True
        self.codes: dict[int, CodeInfo] = {}
        self.code_order: list[int] = []
        self.counts: dict[int, int] = {}
        self.documents: list[DocumentInfo] = []
        self.coders: dict[int, str] = {}
        self.recent_codes: deque[int] = deque(maxlen=RECENT_CODES)
        self._texts: dict[int, str] = {}
        self._doc_pos: dict[int, int] = {}

    # -- opening and closing -------------------------------------------------------------

    def open(self, project: Project, coder_name: str | None = None) -> None:
        self.close()
        self.project = project
        self.coder = ensure_coder(project, resolve_coder_name(coder_name))
        self._reload_codebook()
        self._reload_documents()
        self._reload_coders()
        self.projectChanged.emit()

    def close(self) -> None:
        if self.project is None:
            return
        self.undo_stack.clear()
        self.project.close()
        self.project = None
        self.coder = None
        self.codes, self.code_order, self.counts = {}, [], {}
        self.documents, self.coders, self._texts, self._doc_pos = [], {}, {}, {}
        self.recent_codes.clear()
        self.projectChanged.emit()

    @property
    def is_open(self) -> bool:
        return self.project is not None

    # -- running operations --------------------------------------------------------------

    def execute(self, command: "Operation") -> bool:
        """Run a command's operation; on success it becomes one undo step."""
        if self.project is None:
            return False
        try:
            command.execute()
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return False
        self.undo_stack.push(command)
        if command.message:
            self.message.emit(command.message)
        return True

    def call(self, fn, *args, **kwargs):
        """A read or a non-undoable call; a user-caused failure is reported, returns None."""
        try:
            return fn(*args, **kwargs)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return None

    # -- notifications (called by commands after each service call) -----------------------

    def notify_codings(self, change: CodingChange) -> None:
        if change.reset:
            # codingsChanged(reset) below rebuilds every view; a codebookChanged as well
            # would rebuild and restyle them all a second time.
            self._reload_codebook(emit=False)
        else:
            for c in change.added:
                self.counts[c.code_id] = self.counts.get(c.code_id, 0) + 1
            for c in change.removed:
                self.counts[c.code_id] = max(0, self.counts.get(c.code_id, 0) - 1)
        self.codingsChanged.emit(change)

    def notify_codings_counted(self, change: CodingChange) -> None:
        """Codings changed, and the counts are already right (the codebook was just
        re-read after restoring codes together with their codings)."""
        self.codingsChanged.emit(change)

    def notify_codebook(self) -> None:
        self._reload_codebook(emit=True)

    def notify_documents(self) -> None:
        self._reload_documents()
        self.documentsChanged.emit()

    # -- caches --------------------------------------------------------------------------

    def _reload_codebook(self, emit: bool = False) -> None:
        tree = code_tree(self.project) if self.project else []
        self.codes = {c.id: c for c in tree}
        self.code_order = [c.id for c in tree]
        self.counts = {c.id: c.count for c in tree}
        for cid in [c for c in self.recent_codes if c not in self.codes]:
            self.recent_codes.remove(cid)
        if emit:
            self.codebookChanged.emit()

    def _reload_documents(self) -> None:
        self.documents = list_documents(self.project) if self.project else []
        self._doc_pos = {d.id: i for i, d in enumerate(self.documents)}
        for doc_id in [d for d in self._texts if d not in self._doc_pos]:
            del self._texts[doc_id]

    def _reload_coders(self) -> None:
        self.coders = {c.id: c.name for c in list_coders(self.project)} if self.project else {}

    def document(self, doc_id: int) -> DocumentInfo | None:
        i = self._doc_pos.get(doc_id)
        return None if i is None else self.documents[i]

    def document_position(self, doc_id: int) -> int:
        return self._doc_pos.get(doc_id, len(self._doc_pos))

    def text(self, doc_id: int) -> str:
        """A document's text (cached: texts never change after import)."""
        if doc_id not in self._texts:
            self._texts[doc_id] = document_text(self.project, doc_id)
        return self._texts[doc_id]

    def code_path(self, code_id: int) -> str:
        code = self.codes.get(code_id)
        return code.path if code else f"#{code_id}"

    def code_color(self, code_id: int) -> str:
        code = self.codes.get(code_id)
        return code.color if code else "#999999"

    def code_rank(self, code_id: int) -> int:
        """Position of a code in the tree (parents before children), for stable lanes."""
        try:
            return self.code_order.index(code_id)
        except ValueError:
            return len(self.code_order)

    def children(self, parent_id: int | None) -> list[CodeInfo]:
        return [self.codes[i] for i in self.code_order if self.codes[i].parent_id == parent_id]

    def subtree(self, code_id: int) -> set[int]:
        out, stack = set(), [code_id]
        while stack:
            cid = stack.pop()
            out.add(cid)
            stack.extend(c.id for c in self.codes.values() if c.parent_id == cid)
        return out

    # -- coders --------------------------------------------------------------------------

    def set_coder(self, name: str) -> bool:
        if self.project is None:
            return False
        coder = self.call(ensure_coder, self.project, name)
        if coder is None:
            return False
        self.coder = coder
        self._reload_coders()
        self.coderChanged.emit()
        if not self.show_other_coders:
            self.visibilityChanged.emit()
        return True

    def set_show_other_coders(self, show: bool) -> None:
        if show != self.show_other_coders:
            self.show_other_coders = show
            self.visibilityChanged.emit()

    def coder_visible(self, coder_id: int) -> bool:
        return self.show_other_coders or (self.coder is not None and coder_id == self.coder.id)

    def coder_name(self, coder_id: int) -> str:
        if coder_id not in self.coders and self.project is not None:
            self._reload_coders()
        return self.coders.get(coder_id, f"#{coder_id}")

    # -- recent codes --------------------------------------------------------------------

    def used_code(self, code_id: int) -> None:
        if code_id in self.recent_codes:
            self.recent_codes.remove(code_id)
        self.recent_codes.appendleft(code_id)

    def quick_codes(self, mode: str = "tree") -> list[int]:
        """The codes number keys 1–9 assign: the first nine, or the recently used first."""
        first = list(self.code_order[:RECENT_CODES])
        if mode != "recent":
            return first
        out = [c for c in self.recent_codes if c in self.codes]
        out += [c for c in self.code_order if c not in out]
        return out[:RECENT_CODES]


class Operation(QUndoCommand):
    """One user operation. ``execute`` runs it the first time (may raise a user error and
    then never reaches the stack); ``again`` redoes it after an undo; ``revert`` undoes it.
    Each calls one service and then tells the session what changed."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.message = ""
        self._pending_first_redo = True

    @property
    def project(self) -> Project:
        assert self.session.project is not None
        return self.session.project

    def execute(self) -> None:
        raise NotImplementedError

    def again(self) -> None:
        self.execute()

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._pending_first_redo:  # QUndoStack.push calls redo(): already done
            self._pending_first_redo = False
            return
        self._guard(self.again, "Redone")

    def undo(self) -> None:
        self._guard(self.revert, "Undone")

    def _guard(self, fn, verb: str) -> None:
        try:
            fn()
        except AnnotatorError as exc:
            # The project changed under this step (another window, a merge): it can no
            # longer be replayed. Say so, and let the stack drop it.
            self.setObsolete(True)
            self.session.error.emit(str(exc))
            return
        if verb == "Undone":
            label = QCoreApplication.translate("Session", "Undone: {0}")
        else:
            label = QCoreApplication.translate("Session", "Redone: {0}")
        self.session.message.emit(label.format(self.text()))


def iter_codings(rows: Iterable[dict]) -> list[CodingInfo]:
    return [coding_from_row(r) for r in rows]
