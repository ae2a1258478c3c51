"""Editing the codebook tree: add, rename, recolour, describe, move, merge, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from annotator.services.codebook import count_codings
from annotator.ui.operations import codebook as codebook_ops

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


def code_selected(window: Window, *_args) -> None:
    """List the chosen code's segments and enable the code actions."""
    window.segments.show_code(window.codebook.current_code())
    window.registry.update()


def ask_name(window: Window, title: str, label: str, text: str = "") -> str | None:
    """Ask for a name; None when cancelled or blank."""
    name = window.prompts.text(title, label, text)
    return name.strip() if name and name.strip() else None


def add_sibling_code(window: Window) -> None:
    """Add a code beside the chosen one."""
    current = window.codebook.current_code()
    parent = window.session.codes[current].parent_id if current in window.session.codes else None
    name = ask_name(window, translate("MainWindow", "Add code"),
                    translate("MainWindow", "Name of the new code:"))
    if name:
        add_code(window, parent, name)


def add_child_code(window: Window) -> None:
    """Add a code under the chosen one (beside it when none is chosen)."""
    parent = window.codebook.current_code()
    if parent is None:
        window.add_sibling_code()
        return
    name = ask_name(window, translate("MainWindow", "Add child code"),
                    translate("MainWindow", "Name of the new code under {0}:")
                    .format(window.session.code_path(parent)))
    if name:
        add_code(window, parent, name)


def add_code(window: Window, parent: int | None, name: str) -> None:
    """Add a code and choose it, its parent opened."""
    command = codebook_ops.AddCode(window.session, parent, name)
    if window.session.execute(command):
        if parent is not None and parent in window.codebook.items:
            window.codebook.items[parent].setExpanded(True)
        window.codebook.select_code(command.code_id)


def rename_code(window: Window) -> None:
    """Rename the chosen code in place, in the tree."""
    code = window.codebook.current_code()
    if code is not None:
        window.codebook.setFocus()
        window.codebook.editItem(window.codebook.items[code], 0)


def code_color(window: Window) -> None:
    """Choose the colour of the chosen code."""
    code = window.codebook.current_code()
    if code is None:
        return
    color = window.prompts.colour(translate("MainWindow", "Colour of {0}").format(
        window.session.code_path(code)), window.session.code_color(code))
    if color is not None and color != window.session.code_color(code).upper():
        window.session.execute(codebook_ops.SetCodeValue(window.session, code, "color", color))


def code_definition(window: Window) -> None:
    """Edit the definition of the chosen code."""
    code = window.codebook.current_code()
    if code is None:
        return
    old = window.session.codes[code].description
    text = window.prompts.multiline(
        translate("MainWindow", "Definition"),
        translate("MainWindow", "Definition of {0} (what belongs here, what does not):").format(
            window.session.code_path(code)), old)
    if text is not None and text != old:
        window.session.execute(codebook_ops.SetCodeValue(window.session, code, "description", text))


def code_memo(window: Window) -> None:
    """Edit the memo of the chosen code."""
    code = window.codebook.current_code()
    if code is None:
        return
    old = window.session.codes[code].memo
    text = window.prompts.multiline(
        translate("MainWindow", "Code memo"),
        translate("MainWindow", "Memo on {0}:").format(window.session.code_path(code)), old)
    if text is not None and text != old:
        window.session.execute(codebook_ops.SetCodeValue(window.session, code, "memo", text))


def merge_code(window: Window) -> None:
    """Merge the chosen code into another one outside its subtree."""
    code = window.codebook.current_code()
    if code is None:
        return
    inside = window.session.subtree(code)
    targets = [c for c in window.session.code_order if c not in inside]
    target = window.coding.choose_code(
        translate("MainWindow", "Merge code"),
        translate("MainWindow", "Merge {0} into:").format(window.session.code_path(code)),
        targets)
    if target is not None:
        window.session.execute(codebook_ops.merge_code(window.session, code, target))


def delete_code(window: Window) -> None:
    """Delete the chosen code, its children and codings after asking (undoable)."""
    code = window.codebook.current_code()
    if code is None or window.session.project is None:
        return
    n = window.session.call(count_codings, window.session.project, code)
    if n is None:
        return
    children = len(window.session.subtree(code)) - 1
    text = translate("MainWindow", "Delete the code “{0}”?").format(window.session.code_path(code))
    if children:
        text += " " + translate("MainWindow", "Its {0} child codes go with it.").format(children)
    text += " " + translate(
        "MainWindow", "{0} codings will be removed. You can undo this (Ctrl+Z).").format(n)
    if window.prompts.confirm(translate("MainWindow", "Delete code"), text):
        window.session.execute(codebook_ops.delete_code(window.session, code))


def move_step(window: Window, step: int) -> None:
    """Move the chosen code up or down among its siblings."""
    code = window.codebook.current_code()
    if code is None:
        return
    parent = window.session.codes[code].parent_id
    siblings = [c.id for c in window.session.children(parent)]
    i = siblings.index(code) + step
    if 0 <= i < len(siblings):
        window.session.execute(codebook_ops.move_code(window.session, code, parent, i))
        window.codebook.select_code(code)


def indent_code(window: Window) -> None:
    """Make the chosen code a child of its previous sibling."""
    code = window.codebook.current_code()
    if code is None:
        return
    parent = window.session.codes[code].parent_id
    siblings = [c.id for c in window.session.children(parent)]
    i = siblings.index(code)
    if i > 0:
        window.session.execute(codebook_ops.move_code(window.session, code, siblings[i - 1], None))
        window.codebook.select_code(code)


def outdent_code(window: Window) -> None:
    """Move the chosen code out of its parent, just after it."""
    code = window.codebook.current_code()
    if code is None or window.session.codes[code].parent_id is None:
        return
    parent = window.session.codes[code].parent_id
    grand = window.session.codes[parent].parent_id
    uncles = [c.id for c in window.session.children(grand)]
    window.session.execute(codebook_ops.move_code(window.session, code, grand,
                                         uncles.index(parent) + 1))
    window.codebook.select_code(code)


def codebook_menu(window: Window, pos) -> None:
    """The codebook tree's context menu."""
    item = window.codebook.itemAt(pos)
    if item is not None:
        window.codebook.setCurrentItem(item)
    menu = QMenu(window)
    menu.setToolTipsVisible(True)
    if window.view.selection_span() is not None and item is not None:
        menu.addAction(window.act_code)
        menu.addSeparator()
    for act in (window.act_add_code, window.act_add_child, window.act_rename_code,
                window.act_color, window.act_definition, window.act_code_memo, None,
                window.act_move_up, window.act_move_down, window.act_indent, window.act_outdent,
                window.act_merge, window.act_delete_code):
        if act is None:
            menu.addSeparator()
        else:
            menu.addAction(act)
    menu.exec(window.codebook.viewport().mapToGlobal(pos))
