"""The codebook controller: add, rename, recolour, describe, move, merge and delete
codes, the codebook tree's context menu, and the coded segments of the chosen code.

It is given the application context, the codebook tree it edits, the coded-segments
panel (which lists the chosen code's segments), the document view (whether text is
selected) and a way to ask for a code; it registers the Codebook menu's actions, and
every edit is an operation on the session.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from annotator.services.changes import Changes
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
        s.projectChanged.connect(self.project_changed)
        self._register(ctx)

    def _register(self, ctx: AppContext) -> None:
        reg, tree = ctx.registry, self.codebook

        def has_code() -> bool:
            return ctx.is_open() and tree.current_code() is not None

        reg.action("add_code", translate("MainWindow", "&Add code…"), self.add_sibling_code, "Ins",
                   translate("MainWindow", "Add a code beside the chosen one (Insert)"),
                   widget=tree,
                   enabled=ctx.is_open)
        reg.action("add_child", translate("MainWindow", "Add c&hild code…"), self.add_child_code,
                   "Ctrl+Ins", translate("MainWindow",
                                         "Add a code under the chosen one (Ctrl+Insert)"),
                   widget=tree, enabled=ctx.is_open)
        reg.action("rename_code", translate("MainWindow", "&Rename code"), self.rename_code, "F2",
                   translate("MainWindow", "Rename the chosen code in place (F2)"), widget=tree,
                   enabled=has_code)
        reg.action("color", translate("MainWindow", "C&olour…"), self.code_color, None,
                   translate("MainWindow", "Choose the colour of the chosen code"),
                   enabled=has_code)
        reg.action("definition", translate("MainWindow", "&Definition…"), self.code_definition,
                   None,
                   translate("MainWindow", "Edit the definition of the chosen code"),
                   enabled=has_code)
        reg.action("merge", translate("MainWindow", "&Merge into…"), self.merge_code, None,
                   translate("MainWindow",
                             "Merge the chosen code into another: its codings follow"),
                   enabled=has_code)
        reg.action("delete_code", translate("MainWindow", "De&lete code…"), self.delete_code, "Del",
                   translate("MainWindow", "Delete the chosen code with its codings (Delete)"),
                   widget=tree, enabled=has_code)
        reg.action("move_up", translate("MainWindow", "Move &up"), lambda: self.move_step(-1),
                   "Alt+Up",
                   translate("MainWindow", "Move the chosen code up among its siblings"),
                   widget=tree,
                   enabled=has_code)
        reg.action("move_down", translate("MainWindow", "Move do&wn"), lambda: self.move_step(1),
                   "Alt+Down", translate("MainWindow",
                                         "Move the chosen code down among its siblings"),
                   widget=tree, enabled=has_code)
        reg.action("indent", translate("MainWindow", "Make &child of the code above"),
                   self.indent_code,
                   "Alt+Right", translate("MainWindow", "Move the chosen code under its previous "
                                                 "sibling"), widget=tree, enabled=has_code)
        reg.action("outdent", translate("MainWindow", "Move ou&t of its parent"), self.outdent_code,
                   "Alt+Left", translate("MainWindow", "Move the chosen code up one level"),
                   widget=tree,
                   enabled=has_code)
        reg.action("expand", translate("MainWindow", "E&xpand all"), tree.expandAll, None,
                   translate("MainWindow", "Show every code"), enabled=ctx.is_open)
        reg.action("collapse", translate("MainWindow", "Colla&pse all"), tree.collapseAll, None,
                   translate("MainWindow", "Show only the top-level codes"), enabled=ctx.is_open)
        reg.action("focus_3", translate("MainWindow", "Go to the codebook"), tree.setFocus,
                   "Ctrl+3",
                   translate("MainWindow", "Move the keyboard focus to the codebook"))
        reg.action("focus_4", translate("MainWindow", "Go to coded segments"),
                   self.segments.view.setFocus, "Ctrl+4",
                   translate("MainWindow", "Move the keyboard focus to the coded segments"))

    def project_changed(self) -> None:
        self.codebook.rebuild()
        if not self.session.is_open:
            self.segments.show_code(None)

    def apply_change(self, ch: Changes) -> None:
        """The tree: its shape, or only its counts."""
        if ch.reset:
            self.codebook.rebuild()
        elif ch.codes:
            self.codebook.apply_codes(ch.codes)
        if ch.counts and not ch.reset:
            self.codebook.update_counts(ch.coding_codes())

    def update_segments(self, ch: Changes) -> None:
        """The coded segments of the chosen code (after the text: what the user just
        did is repainted first)."""
        if ch.codebook and self.segments.code_id not in self.session.codes:
            self.segments.show_code(self.codebook.current_code())
        else:
            self.segments.apply_change(ch)

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
