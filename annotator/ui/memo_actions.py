"""The memo controller: writing memos on documents, codes and codings in the memo
editor, and the memo list (View → Memos) that gathers them all.

Every save is one undoable operation (``DocumentValue``, ``SetCodeValue``,
``CodingMemo``), as before; what changed is where the user writes: a non-modal,
resizable editor that says what the memo is attached to (``memo_editor``), and a list
to find a memo again and go to its place (``memo_list``).
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from annotator.services.changes import Changes
from annotator.services.memos import MemoEntry, list_memos
from annotator.services.window_ops import codings_by_ids
from annotator.ui.codebook_view import CodebookTree
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.memo_editor import MemoEditor
from annotator.ui.memo_list import MemoList
from annotator.ui.operations import codebook as codebook_ops
from annotator.ui.operations import coding as coding_ops
from annotator.ui.operations import documents as document_ops
from annotator.ui.panels import CodingsHere
from annotator.ui.spans import Span

EXCERPT = 200


def _t(text: str) -> str:
    return QCoreApplication.translate("MemoController", text)


# The commands' strings keep the context (and translation) they had in the window.
translate = QCoreApplication.translate


class MemoController(QObject):
    """Opens memo editors (one per memo) and keeps the memo list dock."""

    def __init__(self, ctx: AppContext, view: DocumentView, codebook: CodebookTree,
                 codings_here: CodingsHere, show_span: Callable[[int, int, int], None],
                 select_document: Callable[[int], None]) -> None:
        super().__init__(ctx.window)
        main = ctx.window
        self.ctx, self.main, self.view, self.codebook = ctx, main, view, codebook
        self.codings_here = codings_here
        self.show_span, self.select_document = show_span, select_document
        self.editors: dict[tuple[str, int], MemoEditor] = {}
        self.list = MemoList(ctx.session)
        self.dock = QDockWidget(_t("Memos"), main)
        self.dock.setObjectName("memoDock")
        self.dock.setWidget(self.list)
        main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.list.placeRequested.connect(self.go_to)
        self.list.editRequested.connect(self.edit_entry)
        codings_here.memoRequested.connect(self.coding_memo)
        view.context_menu_hooks.append(self.fill_document_menu)
        ctx.session.changed.connect(self._changed)
        ctx.session.closing.connect(self.save_open_editors)
        ctx.session.projectChanged.connect(self._project_changed)
        self.dock.visibilityChanged.connect(lambda visible: visible and self.refresh())
        self._register(ctx)

    def _register(self, ctx: AppContext) -> None:
        """The memo commands: on the document, the code, the coding; the memo list."""
        reg = ctx.registry

        def has_doc() -> bool:
            return ctx.is_open() and self.view.doc_id is not None

        reg.action("doc_memo", translate("MainWindow", "Document &memo…"),
                   self.document_memo, "Ctrl+Shift+M",
                   translate("MainWindow", "Write a memo on the document"), enabled=has_doc)
        reg.action("code_memo", translate("MainWindow", "Code m&emo…"), self.code_memo,
                   "Ctrl+Alt+M", translate("MainWindow", "Write a memo on the chosen code"),
                   enabled=lambda: ctx.is_open() and self.codebook.current_code() is not None)
        reg.action("coding_memo", translate("MainWindow", "Coding m&emo…"),
                   self.coding_memo_at_cursor, "Ctrl+M",
                   translate("MainWindow", "Write a memo on the coding where the caret is"),
                   enabled=has_doc)
        act_memos = self.dock.toggleViewAction()
        act_memos.setText(_t("&Memos"))
        act_memos.setShortcut(QKeySequence("Ctrl+Shift+O"))
        tip = _t("Every memo on documents, codes and codings: search them, go to one "
                 "(Ctrl+Shift+O)")
        act_memos.setToolTip(tip)
        act_memos.setStatusTip(tip)
        act_memos.triggered.connect(  # after the dock's own slot has shown it
            lambda shown: shown and self.list.search.setFocus())
        ctx.window.addAction(act_memos)
        reg.add("memos", act_memos, ctx.is_open)

    # -- editing -------------------------------------------------------------------------

    def _open(self, key: tuple[str, int], title: str, about: str, context: str, text: str,
              save: Callable[[str], object]) -> MemoEditor:
        """The editor of one memo: the open one brought forward, else a new one."""
        editor = self.editors.get(key)
        if editor is not None:
            editor.show()
            editor.raise_()
            editor.activateWindow()
            return editor
        editor = MemoEditor(title, about, context, text, self.ctx.prompts, self.main)
        editor.saved.connect(save)
        editor.destroyed.connect(lambda _o=None, k=key: self.editors.pop(k, None))
        self.editors[key] = editor
        editor.show()
        editor.activateWindow()
        return editor

    def document_memo(self, doc_id: int | None = None) -> MemoEditor | None:
        """Edit the memo of a document (the current one by default)."""
        s = self.ctx.session
        doc_id = doc_id if doc_id is not None else self.view.doc_id
        info = s.document(doc_id) if doc_id is not None else None
        if info is None:
            return None
        return self._open(
            ("document", info.id), _t("Document memo"),
            _t("Memo on the document {0}").format(info.name), "", info.memo,
            lambda text, d=info.id: s.execute(document_ops.DocumentValue(s, d, "memo", text)))

    def code_memo(self, code_id: int | None = None) -> MemoEditor | None:
        """Edit the memo of a code (the chosen one by default)."""
        s = self.ctx.session
        code_id = code_id if code_id is not None else self.codebook.current_code()
        if code_id is None or code_id not in s.codes:
            return None
        info = s.codes[code_id]
        definition = info.description.strip()
        context = _t("Definition: {0}").format(definition[:EXCERPT]) if definition else ""
        return self._open(
            ("code", code_id), _t("Code memo"), _t("Memo on the code {0}").format(info.path),
            context, info.memo,
            lambda text, c=code_id: s.execute(codebook_ops.SetCodeValue(s, c, "memo", text)))

    def coding_memo(self, coding_id: int) -> MemoEditor | None:
        """Edit the memo of one coding; the editor shows the words it codes."""
        s = self.ctx.session
        found = s.call(codings_by_ids, s.project, [coding_id]) if s.project else None
        if not found:
            return None
        info = found[0]
        doc = s.document(info.document_id)
        words = " ".join(s.text(info.document_id)[info.start:info.end].split())
        if len(words) > EXCERPT:
            words = words[:EXCERPT] + "…"
        about = _t("Memo on the coding of {0} by {1} in {2}").format(
            s.code_path(info.code_id), s.coder_name(info.coder_id), doc.name if doc else "")
        return self._open(
            ("coding", coding_id), _t("Coding memo"), about, f"“{words}”", info.memo,
            lambda text, i=info: self._save_coding_memo(i.id, text))

    def _save_coding_memo(self, coding_id: int, text: str) -> None:
        """Read the coding again when saving: its memo may have changed since the editor
        opened (undo, another editor), and the undo step must restore that one."""
        s = self.ctx.session
        found = s.call(codings_by_ids, s.project, [coding_id]) if s.project else None
        if found:
            s.execute(coding_ops.CodingMemo(s, found[0], text))
        else:  # undone or removed meanwhile: the text is shown, to be copied elsewhere
            self.ctx.show_error(_t("That coding no longer exists, so the memo was not "
                                   "saved. What you wrote:\n\n{0}").format(text))

    def coding_memo_at_cursor(self) -> MemoEditor | None:
        """Edit the memo of the coding chosen under "Codings here" (or the first where
        the caret is)."""
        span = self.codings_here.current_span()
        if span is None:
            spans = self.view.spans_at_cursor()
            span = spans[0] if spans else None
        if span is None:
            self.ctx.say(translate("MainWindow", "Click inside a coded passage first"))
            return None
        return self.coding_memo(span.coding_id)

    def edit_entry(self, entry: MemoEntry) -> MemoEditor | None:
        """Open the editor of a memo chosen in the list."""
        if entry.kind == "document":
            return self.document_memo(entry.target_id)
        if entry.kind == "code":
            return self.code_memo(entry.target_id)
        return self.coding_memo(entry.target_id)

    def fill_document_menu(self, menu: QMenu, spans: list[Span]) -> None:
        """The memo entries of the text's context menu: each coding here, the document."""
        if spans:
            menu.addSeparator()
        for span in spans:
            act = menu.addAction(translate("MainWindow", "Memo on {0}…").format(
                self.ctx.session.code_path(span.code_id)))
            act.triggered.connect(lambda _c=False, i=span.coding_id: self.coding_memo(i))
        menu.addSeparator()
        menu.addAction(self.ctx.registry["doc_memo"])

    # -- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._timer.stop()
        s = self.ctx.session
        memos = (s.call(list_memos, s.project) or []) if s.project else []
        if s.blinded:  # blind coding: the memos on other coders' codings stay hidden too
            own = s.coder.name if s.coder else ""
            memos = [m for m in memos if m.kind != "coding" or m.coder == own]
        self.list.show_memos(memos)

    def go_to(self, entry: MemoEntry) -> None:
        """Where a memo is attached: the document shown, the code chosen (its segments
        listed), the coded passage selected."""
        if entry.kind == "document" and entry.document_id is not None:
            self.select_document(entry.document_id)
            self.view.setFocus()
        elif entry.kind == "code" and entry.code_id is not None:
            self.codebook.select_code(entry.code_id)
            self.codebook.setFocus()
        elif entry.document_id is not None:
            self.show_span(entry.document_id, entry.start, entry.end)
            self.codings_here.select_coding(entry.target_id)

    def _changed(self, ch: Changes) -> None:
        if self.dock.isVisible() and (ch.reset or ch.documents or ch.codes
                                      or ch.codings_changed or ch.codings_removed
                                      or ch.codings_added):
            self._timer.start()

    def save_open_editors(self) -> None:
        """The project is closing (another one opened, the window closed): what is
        written in open editors is saved into it, not lost, and the editors close."""
        for editor in list(self.editors.values()):
            editor.accept()

    def _project_changed(self) -> None:
        if self.dock.isVisible():
            self.refresh()


__all__ = ["MemoController"]
