"""Editing the codebook in the tree, every edit undoable."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.services.codebook import PALETTE, code_tree, colour_distance
from annotator.ui.codebook_view import COL_COUNT
from tests.ui.helpers import (
    code_id,
    double_click_code,
    press,
    select_with_keys,
    stored,
    trigger,
    write_memo,
)


def _paths(window) -> list[str]:
    return [c.path for c in code_tree(window.session.project)]


def _open(window, demo: Path) -> None:
    assert window.projects.open_path(demo)


def test_rename_in_place_and_undo(qtbot, window, demo: Path) -> None:
    _open(window, demo)
    trust = code_id(window, "信任")
    window.codebook.select_code(trust)
    trigger(window.registry["rename_code"])  # F2: the name becomes editable in the tree
    editor = window.codebook.findChild(QLineEdit)
    assert editor is not None
    editor.setText("信任逻辑")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert "信任逻辑/政治信任" in _paths(window)
    assert window.codebook.items[trust].text(0) == "信任逻辑"
    assert stored(window, code_id=code_id(window, "信任逻辑/政治信任"))[0][0] == "信任逻辑/政治信任"
    press(qtbot, window.codebook, "Ctrl+Z")
    assert "信任/政治信任" in _paths(window)
    assert window.codebook.items[trust].text(0) == "信任"


def test_rename_to_a_taken_name_is_refused_readably(qtbot, window, demo: Path,
                                                    dialogs) -> None:
    _open(window, demo)
    trust = code_id(window, "信任")
    window.codebook.renameRequested.emit(trust, "整合")
    assert dialogs.warnings and "already exists" in dialogs.warnings[-1]
    assert window.session.undo_stack.count() == 0
    assert window.codebook.items[trust].text(0) == "信任"


def test_colour_definition_and_memo(qtbot, window, demo: Path, dialogs) -> None:
    _open(window, demo)
    social = code_id(window, "信任/社会信任")
    window.codebook.select_code(social)
    dialogs.answer("#123456")
    trigger(window.registry["color"])
    assert window.session.codes[social].color == "#123456"
    dialogs.answer("居民之间、居民与组织之间的信任。")
    trigger(window.registry["definition"])
    assert window.session.codes[social].description == "居民之间、居民与组织之间的信任。"
    assert "居民之间" in window.codebook.items[social].toolTip(0)
    trigger(window.registry["code_memo"])
    write_memo(qtbot, window, "和政治信任常常一起出现")
    assert window.session.codes[social].memo == "和政治信任常常一起出现"
    for _ in range(3):
        press(qtbot, window.codebook, "Ctrl+Z")
    code = window.session.codes[social]
    assert code.color != "#123456"
    assert code.description != "居民之间、居民与组织之间的信任。"
    assert code.memo == ""
    press(qtbot, window.codebook, "Ctrl+Shift+Z")
    assert window.session.codes[social].color == "#123456"


def test_add_child_and_sibling_codes(qtbot, window, demo: Path, dialogs) -> None:
    _open(window, demo)
    window.codebook.select_code(code_id(window, "信任"))
    window.codebook.setFocus()
    dialogs.answer("制度信任")
    press(qtbot, window.codebook, "Ctrl+Ins")
    assert "信任/制度信任" in _paths(window)
    assert window.codebook.current_code() == code_id(window, "信任/制度信任")
    dialogs.answer("人际信任")
    press(qtbot, window.codebook, "Ins")  # beside the chosen code
    assert "信任/人际信任" in _paths(window)
    press(qtbot, window.codebook, "Ctrl+Z")
    press(qtbot, window.codebook, "Ctrl+Z")
    assert not {"信任/制度信任", "信任/人际信任"} & set(_paths(window))
    press(qtbot, window.codebook, "Ctrl+Shift+Z")
    assert "信任/制度信任" in _paths(window)


def test_move_by_keyboard_and_by_dragging(qtbot, window, demo: Path) -> None:
    _open(window, demo)
    social = code_id(window, "信任/社会信任")
    political = code_id(window, "信任/政治信任")
    window.codebook.select_code(social)
    window.codebook.setFocus()
    press(qtbot, window.codebook, "Alt+Up")
    assert [c.name for c in window.session.children(code_id(window, "信任"))][:2] == [
        "社会信任", "政治信任"]
    press(qtbot, window.codebook, "Alt+Left")  # out of its parent
    assert "社会信任" in _paths(window)
    press(qtbot, window.codebook, "Ctrl+Z")
    press(qtbot, window.codebook, "Ctrl+Z")
    assert [c.name for c in window.session.children(code_id(window, "信任"))][:2] == [
        "政治信任", "社会信任"]
    # drag 政治信任 onto 整合: it becomes a child there, with its coding
    tree = window.codebook
    integration = code_id(window, "整合")
    window.codebook.moveRequested.emit(political, integration, None)
    assert "整合/政治信任" in _paths(window)
    assert stored(window, code_id=political)[0][0] == "整合/政治信任"
    press(qtbot, tree, "Ctrl+Z")
    assert "信任/政治信任" in _paths(window)


def test_drop_on_a_code_moves_under_it(qtbot, window, demo: Path) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QAbstractItemView

    _open(window, demo)
    tree = window.codebook
    political = code_id(window, "信任/政治信任")
    integration = code_id(window, "整合")
    tree.select_code(political)
    mime = tree.model().mimeData([tree.indexFromItem(tree.items[political])])
    center = tree.visualItemRect(tree.items[integration]).center()
    drop = QDropEvent(QPointF(center), Qt.DropAction.MoveAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt sets the indicator while dragging; a drop in the middle of an item is "on" it
    tree.dropIndicatorPosition = lambda: QAbstractItemView.DropIndicatorPosition.OnItem
    drop.source = lambda: tree
    tree.dropEvent(drop)
    assert "整合/政治信任" in _paths(window)
    assert QPoint(1, 1)  # the tree was rebuilt, nothing was deleted by Qt itself
    assert political in tree.items


def test_merge_into_another_code(qtbot, window, demo: Path, dialogs) -> None:
    _open(window, demo)
    social = code_id(window, "信任/社会信任")
    political = code_id(window, "信任/政治信任")
    window.codebook.select_code(social)
    dialogs.answer("信任/政治信任")
    trigger(window.registry["merge"])
    kind, label = dialogs.asked[-1]
    assert kind == "item" and "1 codings move" in label
    assert window.codebook.current_code() == political  # the target, not the first code
    assert "信任/社会信任" not in _paths(window)
    assert len(stored(window, code_id=political)) == 2
    assert window.codebook.items[political].text(1) == "2"
    press(qtbot, window.codebook, "Ctrl+Z")
    assert "信任/社会信任" in _paths(window)
    assert len(stored(window, code_id=political)) == 1
    assert len(stored(window, code_id=social)) == 1
    assert len(window.view.index) == 7


def test_merge_starts_at_the_parent_and_delete_keeps_the_place(qtbot, window, demo: Path,
                                                                 dialogs) -> None:
    _open(window, demo)
    social = code_id(window, "信任/社会信任")
    window.codebook.select_code(social)
    dialogs.answer(None)  # looks at the choice, cancels
    trigger(window.registry["merge"])
    assert "信任/社会信任" in _paths(window)
    assert dialogs.offered[-1][dialogs.preselected[-1]] == "信任"  # starts at its parent
    window.codebook.select_code(social)
    window.codebook.setFocus()
    dialogs.answer(True)
    press(qtbot, window.codebook, "Del")
    assert window.codebook.current_code() == code_id(window, "信任")  # its parent


def test_delete_asks_with_the_number_of_codings(qtbot, window, demo: Path,
                                                dialogs) -> None:
    _open(window, demo)
    trust = code_id(window, "信任")
    window.codebook.select_code(trust)
    window.codebook.setFocus()
    dialogs.answer(False)  # "No": nothing happens
    press(qtbot, window.codebook, "Del")
    kind, text = dialogs.asked[-1]
    assert kind == "question"
    assert "信任" in text and "3 child codes" in text and "3 codings" in text
    assert "信任" in _paths(window)
    dialogs.answer(True)
    press(qtbot, window.codebook, "Del")
    assert window.codebook.current_code() == code_id(window, "整合")  # its neighbour
    assert not [p for p in _paths(window) if p.startswith("信任")]
    assert len(window.view.index) == 4
    assert "Deleted the code 信任 and 3 codings" in window.statusBar().currentMessage()
    press(qtbot, window.codebook, "Ctrl+Z")
    assert "信任/政治信任" in _paths(window)
    assert len(window.view.index) == 7
    assert window.codebook.items[code_id(window, "信任/政治信任")].text(1) == "1"


def test_parent_codes_show_their_own_and_their_subtree_counts(qtbot, window, demo) -> None:
    window.projects.open_path(demo)

    def shown(path: str) -> str:
        return window.codebook.items[code_id(window, path)].text(COL_COUNT)

    def counted(path: str) -> tuple[int, int]:
        rows = [r[0] for r in stored(window)]
        return rows.count(path), sum(1 for p in rows if p == path or p.startswith(path + "/"))

    own, total = counted("信任")
    assert total > own  # the demo codes 信任's subcodes too
    assert shown("信任") == f"{own} ({total})"
    assert shown("信任/社会信任") == str(counted("信任/社会信任")[0])  # a leaf: one number
    # coding a subcode raises the parent's total, not its own count
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 3)
    double_click_code(qtbot, window, code_id(window, "信任/社会信任"))
    assert counted("信任") == (own, total + 1)
    assert shown("信任") == f"{own} ({total + 1})"
    window.session.undo_stack.undo()
    assert shown("信任") == f"{own} ({total})"


def test_a_new_code_gets_a_colour_unlike_those_in_use(qtbot, window, demo: Path) -> None:
    _open(window, demo)
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 5)
    before = {c.id: c.color.upper() for c in window.session.codes.values()}
    press(qtbot, window.view, "Ctrl+I")  # an in-vivo code
    new = next(c for c in window.session.codes.values() if c.id not in before)
    nearest = min(colour_distance(new.color, c) for c in before.values())
    # as far from every colour in use as any colour of the palette can be
    best = max(min(colour_distance(p, c) for c in before.values()) for p in PALETTE)
    assert nearest == best
    trust = next(c.color for c in window.session.codes.values() if c.path == "信任")
    assert colour_distance(new.color, trust) > 150


def _tree_rows(tree) -> list[tuple]:
    """Every row of the codebook as shown: depth, name, count, key, in order."""
    rows = []

    def walk(item, depth: int) -> None:
        rows.append((depth, item.text(0), item.text(COL_COUNT), item.text(2),
                     item.isExpanded()))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i), 0)
    return rows


def test_codes_added_in_place_show_as_a_rebuilt_tree_does(qtbot, window, demo: Path) -> None:
    from annotator.ui.operations.codebook import AddCode

    window.projects.open_path(demo)
    s, tree = window.session, window.codebook
    deep = max(s.code_order, key=lambda c: s.codes[c].path.count("/"))
    leaf = next(c for c in s.code_order if not s.tree.children(c) and c != deep)
    for parent, name in [(deep, "更深"), (None, "顶层新代码"), (leaf, "叶子之下")]:
        assert s.execute(AddCode(s, parent, name))
        shown = _tree_rows(tree)
        tree.rebuild()
        assert shown == _tree_rows(tree), name
    s.undo_stack.undo()  # the code under the leaf goes: the leaf is a leaf again
    shown = _tree_rows(tree)
    tree.rebuild()
    assert shown == _tree_rows(tree)
