"""Memos: an editor worth writing in (not modal, resizable, says what it is attached to,
Ctrl+Enter saves, Tab moves on, Esc asks before losing text) and the memo list that
gathers document, code and coding memos, searchable, double-click to go there."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.services.coding import segments
from annotator.services.documents import list_documents
from tests.ui.helpers import (
    click_at,
    code_id,
    memo_editor,
    press,
    trigger,
    type_text,
    write_memo,
)

SOCIAL = "信任/社会信任"


def _open(window, demo: Path) -> str:
    assert window.projects.open_path(demo)
    return window.session.text(window.view.doc_id)


def _coding_here(qtbot, window, text: str, path: str = SOCIAL) -> None:
    """Click inside the coded passage of ``path`` and choose it under Codings here."""
    click_at(qtbot, window, text.index("社会信任指社会个体") + 2)
    wanted = code_id(window, path)
    for i in range(window.codings_here.list.topLevelItemCount()):
        item = window.codings_here.list.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole).code_id == wanted:
            window.codings_here.list.setCurrentItem(item)


def test_the_coding_memo_editor_says_what_it_is_on_and_is_not_modal(qtbot, window,
                                                                   demo: Path) -> None:
    text = _open(window, demo)
    _coding_here(qtbot, window, text)
    press(qtbot, window.view, "Ctrl+M")
    editor = memo_editor(window)
    assert not editor.isModal()
    about = editor.about.text()
    assert SOCIAL in about and "示例编码员" in about and window.doc_title.text() in about
    assert "社会信任指社会个体" in editor.context.text()  # the words it codes
    assert editor.edit.hasFocus() or editor.focusWidget() is editor.edit
    # resizable: a grip, and it takes a larger size
    assert editor.isSizeGripEnabled()
    editor.resize(900, 600)
    QApplication.processEvents()
    assert editor.width() >= 890 and editor.height() >= 590

    type_text(editor.edit, "居民互助")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)  # moves the focus, inserts nothing
    assert editor.edit.toPlainText() == "居民互助"
    assert not editor.edit.hasFocus()

    # the window stays usable while the editor is open: go somewhere else in the text
    window.activateWindow()
    click_at(qtbot, window, text.index("政治信任是一种自下而上") + 1)
    assert window.view.caret_position() == text.index("政治信任是一种自下而上") + 1

    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    social = code_id(window, SOCIAL)
    assert segments(window.session.project, code_id=social)[0].memo == "居民互助"
    press(qtbot, window.view, "Ctrl+Z")  # one undo step
    assert segments(window.session.project, code_id=social)[0].memo == ""


def test_plain_enter_is_a_new_line_and_esc_asks_before_losing_text(qtbot, window,
                                                                   demo: Path,
                                                                   dialogs) -> None:
    _open(window, demo)
    press(qtbot, window.view, "Ctrl+Shift+M")
    editor = memo_editor(window)
    assert window.doc_title.text() in editor.about.text()
    type_text(editor.edit, "第一段")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    type_text(editor.edit, "第二段")
    assert editor.edit.toPlainText() == "第一段\n第二段"
    dialogs.answer(False)  # "lose the changes?" — no
    qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)
    assert editor.isVisible() and dialogs.asked[-1][0] == "question"
    dialogs.answer(True)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert list_documents(window.session.project)[0].memo == ""


def test_one_editor_per_memo_and_closing_the_project_keeps_what_was_written(
        qtbot, window, demo: Path) -> None:
    _open(window, demo)
    window.codebook.select_code(code_id(window, SOCIAL))
    press(qtbot, window.codebook, "Ctrl+Alt+M")
    editor = memo_editor(window)
    assert SOCIAL in editor.about.text()
    window.activateWindow()
    press(qtbot, window.codebook, "Ctrl+Alt+M")  # the same memo: the same editor
    assert memo_editor(window) is editor
    type_text(editor.edit, "和政治信任常常一起出现")
    window.projects.close_project()
    from annotator.store.project import Project

    with Project.open(demo) as project:
        from annotator.services.codebook import code_tree

        memo = next(c.memo for c in code_tree(project) if c.path == SOCIAL)
    assert memo == "和政治信任常常一起出现"


def _rows(window) -> list[str]:
    return [f"{e.kind}:{e.memo}" for e in window.memos.list.shown()]


def _activate(qtbot, window, memo: str) -> None:
    """Double-click the memo's row in the list."""
    tree = window.memos.list.tree
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).memo == memo)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()


def test_the_memo_list_gathers_searches_and_jumps(qtbot, window, demo: Path) -> None:
    text = _open(window, demo)
    press(qtbot, window.view, "Ctrl+Shift+M")
    write_memo(qtbot, window, "访谈者：李老师")
    trust = code_id(window, "信任")
    window.codebook.select_code(trust)
    press(qtbot, window.codebook, "Ctrl+Alt+M")
    write_memo(qtbot, window, "信任的总代码")
    _coding_here(qtbot, window, text)
    press(qtbot, window.view, "Ctrl+M")
    write_memo(qtbot, window, "居民互助的例子")

    press(qtbot, window.view, "Ctrl+Shift+O")
    assert window.memos.dock.isVisible()
    assert _rows(window) == ["document:访谈者：李老师", "code:信任的总代码",
                             "coding:居民互助的例子"]
    search = window.memos.list.search
    assert search.hasFocus()
    type_text(search, "互助")
    assert _rows(window) == ["coding:居民互助的例子"]
    search.clear()
    type_text(search, SOCIAL)  # what it is attached to counts too
    assert _rows(window) == ["coding:居民互助的例子"]
    search.clear()
    kinds = window.memos.list.kind
    kinds.setCurrentIndex(kinds.findData("code"))
    assert _rows(window) == ["code:信任的总代码"]
    kinds.setCurrentIndex(0)

    # double-click: the coded passage is selected in the document
    window.view.go_to(0)
    _activate(qtbot, window, "居民互助的例子")
    social = segments(window.session.project, code_id=code_id(window, SOCIAL))[0]
    assert window.view.selection_span() == (social.start, social.end)
    # a code memo: the code is chosen, its segments listed
    window.codebook.select_code(code_id(window, SOCIAL))
    _activate(qtbot, window, "信任的总代码")
    assert window.codebook.current_code() == trust
    assert window.segments.code_id == trust

    # a memo written or undone while the list is open shows up there
    window.activateWindow()
    press(qtbot, window.view, "Ctrl+Z")
    qtbot.waitUntil(lambda: "coding:居民互助的例子" not in _rows(window), timeout=2000)
    # Edit memo… opens the chosen one
    tree = window.memos.list.tree
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.mouseClick(window.memos.list.edit_button, Qt.MouseButton.LeftButton,
                     pos=QPoint(5, 5))
    assert memo_editor(window).edit.toPlainText() == "访谈者：李老师"


def test_a_memo_on_a_coding_removed_meanwhile_is_not_lost(qtbot, window, demo: Path,
                                                          dialogs) -> None:
    text = _open(window, demo)
    _coding_here(qtbot, window, text)
    press(qtbot, window.view, "Ctrl+M")
    editor = memo_editor(window)
    type_text(editor.edit, "还没写完的想法")
    trigger(window.registry["remove_coding"])  # Code → Remove coding here: the memo's coding
    assert not [c for c in window.view.index if c.code_id == code_id(window, SOCIAL)]
    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert "还没写完的想法" in dialogs.warnings[-1]  # shown, to copy elsewhere
