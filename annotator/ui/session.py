"""The open project as the window sees it: one object that runs operations and applies
what they changed.

Every change goes through ``Session.execute(operation)`` (the undo commands of
``ui/operations``): the operation calls one service (one transaction) and returns one
``Changes`` record (``services/changes.py``); if that succeeds the step lands on the
undo stack, the session applies the record to its caches (codebook, counts, documents,
coders) and emits ``changed`` once with it. Panels listen to ``changed`` and update only
what they show: adding a coding re-highlights the blocks it covers and bumps one count,
nothing is re-read. Steps that are not undoable (a merge, a REFI-QDA codebook import)
go through ``Session.apply`` with the record they produce.

The session also keeps the small things every view needs by id: the codebook (codes,
paths, colours, counts), the documents, the coders, the current coder, and document
texts (which never change once imported).

Blind coding (``services/blind.py``) is kept here too: while it is on, a window open under
a participant's name shows only that coder's codings — ``show_other_coders`` is off and
cannot be switched on, and the codes' counts are the participant's own.
"""

from collections import deque

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.domain.codetree import Tree
from annotator.domain.errors import AnnotatorError
from annotator.messages import msg
from annotator.services.blind import Blind, blind_state
from annotator.services.changes import RESET, Changes
from annotator.services.codebook import CodeInfo, code_tree
from annotator.services.coders import CoderInfo, ensure_coder, list_coders, resolve_coder_name
from annotator.services.documents import DocumentInfo, document_text, list_documents
from annotator.services.team_changes import coding_counts
from annotator.store.project import Project

RECENT_CODES = 9


class Session(QObject):
    projectChanged = Signal()  # another project (or none) is open: everything is new
    opening = Signal(object)  # Project: about to be read (a team feed listens first)
    closing = Signal()  # the project is about to close: last chance to write to it
    changed = Signal(object)  # Changes: what one operation changed, already applied
    message = Signal(str)  # what happened, for the status bar
    error = Signal(str)  # a user-caused failure, for a message box

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self.coder: CoderInfo | None = None
        self._show_others = True
        #: The team project's server is gone (``ui/team_feed``): a read that fails is told in
        #: the status bar, not in a message box each time — the banner says why already.
        self.offline = False
        self.blind = Blind()
        self.codes: dict[int, CodeInfo] = {}
        self.code_order: list[int] = []
        self.tree = Tree(())
        self.counts: dict[int, int] = {}
        self.documents: list[DocumentInfo] = []
        self.coders: dict[int, str] = {}
        self.recent_codes: deque[int] = deque(maxlen=RECENT_CODES)
        self._texts: dict[int, str] = {}
        self._doc_pos: dict[int, int] = {}
        self._rank: dict[int, int] = {}
        # the change ``changed`` is being emitted with: what a part reads from the project
        # meanwhile already holds it (``DocumentView`` must not apply it twice)
        self.delivering: Changes | None = None

    # -- opening and closing -------------------------------------------------------------

    def open(self, project: Project, coder_name: str | None = None) -> None:
        self.close()
        self.project = project
        self.opening.emit(project)
        self.coder = ensure_coder(project, resolve_coder_name(coder_name))
        self.blind = blind_state(project)
        self._reload_codebook()
        self._reload_documents()
        self._reload_coders()
        self.projectChanged.emit()

    def close(self) -> None:
        if self.project is None:
            return
        self.closing.emit()
        self.undo_stack.clear()
        self.project.close()
        self.project = None
        self.coder = None
        self.blind = Blind()
        self.offline = False
        self.codes, self.code_order, self.counts, self.tree = {}, [], {}, Tree(())
        self._rank = {}
        self.documents, self.coders, self._texts, self._doc_pos = [], {}, {}, {}
        self.recent_codes.clear()
        self.projectChanged.emit()

    @property
    def is_open(self) -> bool:
        return self.project is not None

    # -- running operations --------------------------------------------------------------

    def execute(self, operation) -> bool:
        """Run an operation (``ui/operations``) the first time; when it changed something
        it becomes one undo step and its ``Changes`` are applied."""
        if self.project is None:
            return False
        try:
            changes = operation.execute()
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return False
        if changes:
            self.undo_stack.push(operation)
            self.apply(changes)
        done = operation.done_message()
        if done:
            self.message.emit(done)
        return bool(changes)

    def call(self, fn, *args, **kwargs):
        """A read or a non-undoable call; a user-caused failure is reported, returns None."""
        try:
            return fn(*args, **kwargs)
        except AnnotatorError as exc:
            (self.message if self.offline else self.error).emit(str(exc))
            return None

    def apply(self, changes: Changes, recount: bool = False) -> None:
        """Bring the caches up to date with ``changes``, then tell the panels, once.

        ``recount``: the counts of the codes whose codings changed are read again rather
        than added up (another member's change, which the window may have read already).
        """
        if self.project is None or not changes:
            return
        if changes.reset:
            self.blind = blind_state(self.project)
            self._reload_codebook()
            self._reload_documents()
            self._reload_coders()
        else:
            if changes.codes:
                self._reload_codebook()  # re-read counts too: they are right by construction
            elif recount:
                self.counts.update(coding_counts(self.project, changes.coding_codes(),
                                                 self._counted_coder()))
            else:
                for c in changes.codings_added:
                    if self._counted(c.coder_id):
                        self.counts[c.code_id] = self.counts.get(c.code_id, 0) + 1
                for c in changes.codings_removed:
                    if self._counted(c.coder_id):
                        self.counts[c.code_id] = max(0, self.counts.get(c.code_id, 0) - 1)
            if changes.documents:
                self._reload_documents()
            if changes.coders:
                self._reload_coders()
        outer, self.delivering = self.delivering, changes
        try:
            self.changed.emit(changes)
        finally:
            self.delivering = outer

    def stale(self) -> None:
        """The project changed under the window (another writer): re-read all of it."""
        self.apply(RESET)

    def apply_outside_undo(self, changes: Changes = RESET) -> None:
        """A step that is not undoable (a merge, a codebook import) changed the project:
        the undo history no longer fits it, so it goes, and the parts update from the one
        record as after any other step."""
        self.undo_stack.clear()
        self.apply(changes)

    # -- caches --------------------------------------------------------------------------

    def _reload_codebook(self) -> None:
        tree = code_tree(self.project) if self.project else []
        self.codes = {c.id: c for c in tree}
        self.code_order = [c.id for c in tree]
        self._rank = {c: i for i, c in enumerate(self.code_order)}
        self.tree = Tree((c.id, c.parent_id) for c in tree)
        self.counts = {c.id: c.count for c in tree}
        if self._counted_coder() is not None:
            self.counts = coding_counts(self.project, set(self.codes), self._counted_coder())
        for cid in [c for c in self.recent_codes if c not in self.codes]:
            self.recent_codes.remove(cid)

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
        return self._rank.get(code_id, len(self.code_order))

    def children(self, parent_id: int | None) -> list[CodeInfo]:
        return [self.codes[i] for i in self.tree.children(parent_id)]

    def subtree(self, code_id: int) -> set[int]:
        return set(self.tree.subtree(code_id))

    # -- coders --------------------------------------------------------------------------

    def set_coder(self, name: str) -> bool:
        if self.project is None:
            return False
        coder = self.call(ensure_coder, self.project, name)
        if coder is None:
            return False
        self.coder = coder
        # blind coding: whether the coder is the facilitator decides the counts too
        counts = frozenset(self.codes) if self.blind.on else frozenset()
        self.apply(Changes(codes=counts, coders=frozenset({coder.id}),
                           shown=not self.show_other_coders or self.blind.on))
        return True

    @property
    def blinded(self) -> bool:
        """Blind coding hides the other coders' codings from this window's coder."""
        return self.blind.hides_others_from(self.coder.name if self.coder else None)

    @property
    def show_other_coders(self) -> bool:
        """Whether the other coders' codings show (the user's choice; never when blind)."""
        return self._show_others and not self.blinded

    def set_show_other_coders(self, show: bool) -> None:
        if show and self.blinded:
            self.error.emit(str(msg(
                "blind coding is on: you see only your own codings until the facilitator "
                "({name}) reveals everyone's", name=self.blind.facilitator)))
            self.apply(Changes(shown=True))  # the menu's tick goes back
            return
        if show != self.show_other_coders:
            self._show_others = show
            self.apply(Changes(shown=True))

    def _counted_coder(self) -> int | None:
        """Whose codings the counts count: only the coder's own when blind, else all."""
        return self.coder.id if self.blinded and self.coder is not None else None

    def _counted(self, coder_id: int) -> bool:
        counted = self._counted_coder()
        return counted is None or coder_id == counted

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
