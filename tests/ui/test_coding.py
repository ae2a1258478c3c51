"""Reading, selecting and coding in the window, as a researcher does it."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from annotator.services.documents import add_document
from annotator.store.project import Project
from annotator.ui.document_view import SPAN_MIME
from tests.ui.conftest import make_window
from tests.ui.helpers import (
    click_at,
    code_id,
    double_click_code,
    press,
    select_with_keys,
    stored,
    trigger,
)

PHRASE = "整体性治理理论"
ME = "测试编码员"  # ANNOTATOR_CODER in tests/conftest.py


def mine(window, **filters) -> list[tuple]:
    return [c for c in stored(window, **filters) if c[1] == ME]


def _open(window, demo: Path) -> str:
    assert window.projects.open_path(demo)
    assert window.view.doc_id is not None
    return window.session.text(window.view.doc_id)


def test_the_demo_opens_with_its_codings_shown(window, demo: Path) -> None:
    _open(window, demo)
    assert window.findChild(type(window.documents), "documentList").count() == 1
    assert window.view.objectName() == "documentView"
    assert window.codebook.objectName() == "codebookTree"
    assert window.segments.view.objectName() == "segmentsView"
    assert len(window.view.index) == 7
    assert window.windowTitle().startswith("示例项目")
    assert window.stack.currentWidget() is window.main_split
    assert window.session.coder.name == ME
    # the codebook shows colours and counts; the first code with codings is chosen
    trust = window.codebook.items[code_id(window, "信任")]
    assert trust.text(1) == "1 (3)"  # its own, and with its subcodes
    assert window.segments.model.rowCount() >= 1


def test_code_by_double_click_then_undo_redo_and_reopen(qtbot, window, demo: Path,
                                                        settings, dialogs) -> None:
    text = _open(window, demo)
    start = text.index(PHRASE)
    end = start + len(PHRASE)
    select_with_keys(qtbot, window, start, end)
    assert window.view.selected_text() == PHRASE
    consult = code_id(window, "整合/协商对话机制")
    double_click_code(qtbot, window, consult)

    assert (("整合/协商对话机制", ME, start, end, PHRASE)
            in stored(window, code_id=consult))
    assert "Coded 7 characters with 整合/协商对话机制" in window.statusBar().currentMessage()
    # the segments view shows the code's segments, the new one with its text
    assert window.segments.code_id == consult
    assert [s.text for s in window.segments.model.rows] == [PHRASE]
    # the margin has a stripe for it beside those lines, and the count went up
    window.view.stripes.repaint()
    stripes = [s for _rect, s in window.view.stripes.bars() if s.code_id == consult]
    assert len(stripes) == 1
    assert window.codebook.items[consult].text(1) == "1"
    # the characters are highlighted with the code's colour
    block = window.view.document().findBlock(window.view.map.to_utf16(start))
    formats = block.layout().formats()
    assert any(f.start <= start - block.position() < f.start + f.length for f in formats)

    press(qtbot, window.view, "Ctrl+Z")
    assert stored(window, code_id=consult) == []
    assert window.segments.model.rowCount() == 0
    assert len(window.view.index) == 7
    assert window.codebook.items[consult].text(1) == "0"
    press(qtbot, window.view, "Ctrl+Shift+Z")
    assert stored(window, code_id=consult) == [("整合/协商对话机制", ME, start, end, PHRASE)]
    assert window.segments.model.rowCount() == 1

    window.close()
    again = make_window(qtbot, settings)
    assert again.projects.open_path(demo)
    assert stored(again, code_id=consult) == [("整合/协商对话机制", ME, start, end, PHRASE)]
    assert len(again.view.index) == 8
    again.close()


def test_number_keys_code_with_the_first_nine_codes_at_first(qtbot, window, demo: Path) -> None:
    text = _open(window, demo)
    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + 3)
    third = window.session.code_order[2]
    assert window.codebook.items[third].text(2) == "3"
    press(qtbot, window.view, "3")
    path = window.session.code_path(third)
    assert mine(window, code_id=third) == [(path, ME, start, start + 3, text[start:start + 3])]
    # "recent codes" mode: key 1 is now the code just used
    trigger(window.registry["keys_recent"])
    assert window.codebook.items[third].text(2) == "1"
    select_with_keys(qtbot, window, start + 5, start + 7)
    press(qtbot, window.view, "1")
    assert mine(window, code_id=third)[-1][2:4] == (start + 5, start + 7)


def test_characters_outside_the_bmp_are_coded_in_code_points(qtbot, window,
                                                             demo: Path) -> None:
    text = "𠮷野家😀：居民说“党组织🙂值得信任”。第二句𠀀。"
    with Project.open(demo) as p:
        add_document(p, "访谈 emoji", text)
    window.projects.open_path(demo)
    window.docs.select_document(window.session.documents[-1].id)
    assert window.view.toPlainText().replace("\u2029", "\n") == text
    start, end = text.index("党组织"), text.index("”")
    select_with_keys(qtbot, window, start, end)  # Shift+Right moves one character
    cursor = window.view.textCursor()
    assert cursor.selectionStart() == start + 2  # 𠮷 and 😀 are two UTF-16 units each
    assert window.view.selected_text() == "党组织🙂值得信任"
    trust = code_id(window, "信任/政治信任")
    double_click_code(qtbot, window, trust)
    doc = window.view.doc_id
    assert stored(window, code_id=trust, document_id=doc) == [
        ("信任/政治信任", ME, 9, 17, "党组织🙂值得信任")]
    assert (start, end) == (9, 17)
    # the segments view jumps back to exactly those characters
    window.view.go_to(0)
    row = next(i for i, s in enumerate(window.segments.model.rows) if s.document_id == doc)
    index = window.segments.model.index(row, 0)
    window.segments.view.scrollTo(index)
    qtbot.mouseClick(window.segments.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.segments.view.visualRect(index).center())
    assert window.view.selection_span() == (9, 17)
    assert window.view.textCursor().selectedText() == "党组织🙂值得信任"
    # the last astral character too
    last = text.index("𠀀")
    select_with_keys(qtbot, window, last, last + 1)
    press(qtbot, window.view, "1")
    assert stored(window, document_id=doc)[-1][2:] == (last, last + 1, "𠀀")
    press(qtbot, window.view, "Ctrl+Z")
    press(qtbot, window.view, "Ctrl+Z")
    assert stored(window, document_id=doc) == []


def test_clicking_a_coded_passage_shows_its_codes_and_removes_one(qtbot, window,
                                                                  demo: Path) -> None:
    text = _open(window, demo)
    trust = code_id(window, "信任")
    political = code_id(window, "信任/政治信任")
    inside = text.index("政治信任是一种自下而上建立的信任") + 3
    click_at(qtbot, window, inside)
    listed = {window.codings_here.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).code_id
              for i in range(window.codings_here.list.topLevelItemCount())}
    assert {trust, political} <= listed  # overlapping codings: both are there
    labels = [window.codings_here.list.topLevelItem(i).text(0)
              for i in range(window.codings_here.list.topLevelItemCount())]
    assert any("信任/政治信任 — 示例编码员" in label for label in labels)
    # choose the political-trust coding and remove it
    for i in range(window.codings_here.list.topLevelItemCount()):
        item = window.codings_here.list.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole).code_id == political:
            window.codings_here.list.setCurrentItem(item)
    qtbot.mouseClick(window.codings_here.remove_button, Qt.MouseButton.LeftButton)
    assert stored(window, code_id=political) == []
    assert len(window.view.index) == 6
    press(qtbot, window.view, "Ctrl+Z")
    assert len(stored(window, code_id=political)) == 1


def test_stripes_name_the_code_and_a_click_selects_the_coding(qtbot, window,
                                                              demo: Path) -> None:
    text = _open(window, demo)
    start = text.index("政治信任是一种自下而上建立的信任")
    window.view.go_to(start)
    window.view.stripes.repaint()
    political = code_id(window, "信任/政治信任")
    rect, span = next((r, s) for r, s in window.view.stripes.bars() if s.code_id == political)
    assert "信任/政治信任" in window.view.describe(span)
    qtbot.mouseClick(window.view.stripes, Qt.MouseButton.LeftButton,
                     pos=rect.center().toPoint())
    a, b = window.view.selection_span()
    assert text[a:b].startswith("政治信任是一种自下而上建立的信任")
    assert text[a:b].endswith("提升政策执行效果。")


def test_uncode_trims_and_undo_restores(qtbot, window, demo: Path) -> None:
    text = _open(window, demo)
    political = code_id(window, "信任/政治信任")
    [(_p, _c, a, b, _t)] = stored(window, code_id=political)
    # code a passage as me, then uncode its middle: NVivo trims/splits
    select_with_keys(qtbot, window, a, a + 20)
    window.codebook.select_code(political)
    trigger(window.registry["code"])
    select_with_keys(qtbot, window, a + 5, a + 10)
    trigger(window.registry["uncode"])
    mine = [(s, e) for _p, coder, s, e, _t in stored(window, code_id=political) if coder == ME]
    assert mine == [(a, a + 5), (a + 10, a + 20)]
    assert "Uncoded 信任/政治信任 from 5 characters" in window.statusBar().currentMessage()
    press(qtbot, window.view, "Ctrl+Z")
    mine = [(s, e) for _p, coder, s, e, _t in stored(window, code_id=political) if coder == ME]
    assert mine == [(a, a + 20)]
    assert text[a:b]  # the demo coder's coding was never touched
    assert len([c for c in stored(window, code_id=political) if c[1] == "示例编码员"]) == 1


def test_in_vivo_code_is_named_from_the_words(qtbot, window, demo: Path) -> None:
    text = _open(window, demo)
    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + len(PHRASE))
    press(qtbot, window.view, "Ctrl+I")
    new = code_id(window, PHRASE)
    assert stored(window, code_id=new) == [(PHRASE, ME, start, start + len(PHRASE), PHRASE)]
    assert new in window.codebook.items
    assert window.session.counts[new] == 1  # the new code's one coding, counted once
    press(qtbot, window.view, "Ctrl+Z")
    assert all(c.path != PHRASE for c in window.session.codes.values())
    press(qtbot, window.view, "Ctrl+Shift+Z")
    assert stored(window, code_id=new)[0][4] == PHRASE  # same code id back
    assert window.session.counts[new] == 1


def test_dropping_a_selection_on_a_code_codes_it(qtbot, window, demo: Path) -> None:
    text = _open(window, demo)
    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + 4)
    mime = window.view.createMimeDataFromSelection()
    assert mime.hasFormat(SPAN_MIME)
    social = code_id(window, "信任/社会信任")
    tree = window.codebook
    pos = QPointF(tree.visualItemRect(tree.items[social]).center())
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(drop)
    QApplication.processEvents()
    assert mine(window, code_id=social) == [
        ("信任/社会信任", ME, start, start + 4, text[start:start + 4])]
    assert isinstance(mime, QMimeData)


def test_context_menu_offers_the_codes(qtbot, window, demo: Path) -> None:
    from PySide6.QtWidgets import QMenu

    text = _open(window, demo)
    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + 2)
    menu = QMenu()
    window.coding.fill_document_menu(menu, [])
    titles = [a.text() for a in menu.actions()]
    assert any(t.startswith("Code with") for t in titles)
    sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Code with")
    social = next(a for a in sub.actions() if a.text() == "信任/社会信任")
    social.trigger()
    assert mine(window, code_id=code_id(window, "信任/社会信任"))[0][2:4] == (start, start + 2)


def test_number_keys_stay_with_their_codes_as_codes_come_and_go(qtbot, window, settings,
                                                                demo: Path, dialogs) -> None:
    text = _open(window, demo)
    tree = window.codebook

    def keys(w=window) -> dict[str, str]:
        return {w.session.code_path(c): it.text(2) for c, it in w.codebook.items.items()
                if it.text(2)}

    before = keys()
    assert sorted(before.values()) == [str(n) for n in range(1, 10)]
    first, second = window.session.code_order[:2]
    # a new code beside the first one: nothing shifts, the new code has no key
    tree.select_code(first)
    tree.setFocus()
    dialogs.answer("新代码")
    press(qtbot, tree, "Ins")
    assert "新代码" in {c.name for c in window.session.codes.values()}
    assert keys() == before
    # deleting the code on key 2 frees key 2 and moves no other key
    second_path = window.session.code_path(second)
    tree.select_code(second)
    tree.setFocus()
    press(qtbot, tree, "Del")
    assert second not in window.session.codes
    assert keys() == {p: k for p, k in before.items() if p != second_path}
    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + 3)
    coded = stored(window)
    press(qtbot, window.view, "2")
    assert stored(window) == coded  # a free key codes nothing
    # the next new code takes the free key
    tree.select_code(first)
    tree.setFocus()
    dialogs.answer("又一个代码")
    press(qtbot, tree, "Ins")
    assert keys()["又一个代码"] == "2"
    remembered = keys()
    # and the project keeps them, in a new window too
    window.close()
    again = make_window(qtbot, settings)
    again.projects.open_path(demo)
    assert keys(again) == remembered
    again.close()


def test_the_user_gives_a_code_its_number_key(qtbot, window, demo: Path, dialogs) -> None:
    text = _open(window, demo)
    trust = code_id(window, "信任/社会信任")
    third = window.session.code_order[2]
    window.codebook.select_code(trust)
    dialogs.answer(lambda items: items[2])  # key 3, from the list of keys and their codes
    trigger(window.registry["assign_key"])
    assert window.codebook.items[trust].text(2) == "3"
    assert window.codebook.items[third].text(2) == ""  # the code that had 3 lost it
    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + 3)
    press(qtbot, window.view, "3")
    assert mine(window, code_id=trust)[-1][2:4] == (start, start + 3)
