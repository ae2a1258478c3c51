"""The codebook controller: add, rename, recolour, describe, move, merge and delete
codes, and the codebook tree's context menu.

It is given the application context, the codebook tree it edits, the coded-segments
panel (which lists the chosen code's segments), the document view (whether text is
selected) and a way to ask for a code; every edit is an operation on the session.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from annotator.services.codebook import count_codings
from annotator.ui.codebook_view import CodebookTree
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.operations import codebook as codebook_ops
from annotator.ui.segments_view import SegmentsPanel
from annotator.ui.session import Session

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


class CodebookController(QObject):
    def __init__(self, ctx: AppContext, codebook: CodebookTree, segments: SegmentsPanel,
                 view: DocumentView,
                 choose_code: Callable[..., int | None]) -> None:
        super().__init__(codebook)
        self.ctx, self.codebook, self.segments, self.view = ctx, codebook, segments, view
        self.choose_code = choose_code
        s = ctx.session
        codebook.currentItemChanged.connect(self.code_selected)
        codebook.renameRequested.connect(
            lambda cid, name: s.execute(codebook_ops.SetCodeValue(s, cid, "name", name)))
        codebook.moveRequested.connect(
            lambda cid, parent, pos: s.execute(codebook_ops.move_code(s, cid, parent, pos)))
        codebook.customContextMenuRequested.connect(self.codebook_menu)

    @property
    def session(self) -> Session:
        return self.ctx.session

    def code_selected(self, *_args) -> None:
        """List the chosen code's segments and enable the code actions."""
        self.segments.show_code(self.codebook.current_code())
        self.ctx.registry.update()


    def ask_name(self, title: str, label: str, text: str = "") -> str | None:
        """Ask for a name; None when cancelled or blank."""
        name = self.ctx.prompts.text(title, label, text)
        return name.strip() if name and name.strip() else None


    def add_sibling_code(self) -> None:
        """Add a code beside the chosen one."""
        current = self.codebook.current_code()
        parent = self.session.codes[current].parent_id if current in self.session.codes else None
        name = self.ask_name(translate("MainWindow", "Add code"),
                        translate("MainWindow", "Name of the new code:"))
        if name:
            self.add_code(parent, name)


    def add_child_code(self) -> None:
        """Add a code under the chosen one (beside it when none is chosen)."""
        parent = self.codebook.current_code()
        if parent is None:
            self.add_sibling_code()
            return
        name = self.ask_name(translate("MainWindow", "Add child code"),
                        translate("MainWindow", "Name of the new code under {0}:")
                        .format(self.session.code_path(parent)))
        if name:
            self.add_code(parent, name)


    def add_code(self, parent: int | None, name: str) -> None:
        """Add a code and choose it, its parent opened."""
        command = codebook_ops.AddCode(self.session, parent, name)
        if self.session.execute(command):
            if parent is not None and parent in self.codebook.items:
                self.codebook.items[parent].setExpanded(True)
            self.codebook.select_code(command.code_id)


    def rename_code(self) -> None:
        """Rename the chosen code in place, in the tree."""
        code = self.codebook.current_code()
        if code is not None:
            self.codebook.setFocus()
            self.codebook.editItem(self.codebook.items[code], 0)


    def code_color(self) -> None:
        """Choose the colour of the chosen code."""
        code = self.codebook.current_code()
        if code is None:
            return
        color = self.ctx.prompts.colour(translate("MainWindow", "Colour of {0}").format(
            self.session.code_path(code)), self.session.code_color(code))
        if color is not None and color != self.session.code_color(code).upper():
            self.session.execute(codebook_ops.SetCodeValue(self.session, code, "color", color))


    def code_definition(self) -> None:
        """Edit the definition of the chosen code."""
        self._edit_code_text("description", translate("MainWindow", "Definition"),
                             translate("MainWindow",
                                       "Definition of {0} (what belongs here, what does not):"))

    def _edit_code_text(self, field: str, title: str, label: str) -> None:
        """A code's definition: one text, one undoable step (memos: ``memo_actions``)."""
        code = self.codebook.current_code()
        if code is None:
            return
        old = getattr(self.session.codes[code], field)
        text = self.ctx.prompts.multiline(title, label.format(self.session.code_path(code)), old)
        if text is not None and text != old:
            self.session.execute(codebook_ops.SetCodeValue(self.session, code, field, text))


    def merge_code(self) -> None:
        """Merge the chosen code into another one outside its subtree, saying how many
        codings move; the choice starts at its parent (else a sibling), never at an
        unrelated first code; afterwards the target is the chosen code."""
        code = self.codebook.current_code()
        if code is None or self.session.project is None:
            return
        n = self.session.call(count_codings, self.session.project, code)
        if n is None:
            return
        inside = self.session.subtree(code)
        targets = [c for c in self.session.code_order if c not in inside]
        info = self.session.codes[code]
        near = [info.parent_id] if info.parent_id is not None else []
        near += [c.id for c in self.session.children(info.parent_id) if c.id != code]
        target = self.choose_code(
            translate("MainWindow", "Merge code"),
            translate("MainWindow", "Merge {0} into (its {1} codings move there):").format(
                self.session.code_path(code), n),
            targets, next((c for c in near if c in targets), None))
        if target is not None and self.session.execute(
                codebook_ops.merge_code(self.session, code, target)):
            self.codebook.select_code(target)

    def delete_code(self) -> None:
        """Delete the chosen code, its children and codings after asking (undoable);
        afterwards its parent, else a neighbour, is the chosen code."""
        code = self.codebook.current_code()
        if code is None or self.session.project is None:
            return
        n = self.session.call(count_codings, self.session.project, code)
        if n is None:
            return
        children = len(self.session.subtree(code)) - 1
        text = translate("MainWindow", "Delete the code “{0}”?").format(
            self.session.code_path(code))
        if children:
            text += " " + translate(
                "MainWindow", "Its {0} child codes go with it.").format(children)
        text += " " + translate(
            "MainWindow", "{0} codings will be removed. You can undo this (Ctrl+Z).").format(n)
        parent = self.session.codes[code].parent_id
        siblings = [c.id for c in self.session.children(parent)]
        i = siblings.index(code)
        neighbours = siblings[i + 1:i + 2] + siblings[max(0, i - 1):i]
        after = parent if parent is not None else next(iter(neighbours), None)
        if self.ctx.prompts.confirm(translate("MainWindow", "Delete code"), text) and \
                self.session.execute(codebook_ops.delete_code(self.session, code)):
            self.codebook.select_code(after)


    def move_step(self, step: int) -> None:
        """Move the chosen code up or down among its siblings."""
        code = self.codebook.current_code()
        if code is None:
            return
        parent = self.session.codes[code].parent_id
        siblings = [c.id for c in self.session.children(parent)]
        i = siblings.index(code) + step
        if 0 <= i < len(siblings):
            self.session.execute(codebook_ops.move_code(self.session, code, parent, i))
            self.codebook.select_code(code)


    def indent_code(self) -> None:
        """Make the chosen code a child of its previous sibling."""
        code = self.codebook.current_code()
        if code is None:
            return
        parent = self.session.codes[code].parent_id
        siblings = [c.id for c in self.session.children(parent)]
        i = siblings.index(code)
        if i > 0:
            self.session.execute(codebook_ops.move_code(self.session, code, siblings[i - 1], None))
            self.codebook.select_code(code)


    def outdent_code(self) -> None:
        """Move the chosen code out of its parent, just after it."""
        code = self.codebook.current_code()
        if code is None or self.session.codes[code].parent_id is None:
            return
        parent = self.session.codes[code].parent_id
        grand = self.session.codes[parent].parent_id
        uncles = [c.id for c in self.session.children(grand)]
        self.session.execute(codebook_ops.move_code(self.session, code, grand,
                                             uncles.index(parent) + 1))
        self.codebook.select_code(code)


    def codebook_menu(self, pos) -> None:
        """The codebook tree's context menu."""
        item = self.codebook.itemAt(pos)
        if item is not None:
            self.codebook.setCurrentItem(item)
        menu = QMenu(self.codebook)
        reg = self.ctx.registry
        menu.setToolTipsVisible(True)
        if self.view.selection_span() is not None and item is not None:
            menu.addAction(reg["code"])
            menu.addSeparator()
        for act in (reg["add_code"], reg["add_child"], reg["rename_code"],
                    reg["color"], reg["definition"], reg["code_memo"], None,
                    reg["move_up"], reg["move_down"], reg["indent"], reg["outdent"],
                    reg["merge"], reg["delete_code"]):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(self.codebook.viewport().mapToGlobal(pos))


__all__ = ["CodebookController"]
