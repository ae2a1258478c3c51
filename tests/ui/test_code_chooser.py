"""Choosing a code by typing (Ctrl+K): with 300 codes the user types part of a name, the
list narrows, arrows move, Enter codes, Esc cancels."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.services.codebook import create_code
from annotator.store.project import Project
from tests.ui.helpers import press, select_with_keys, stored, type_text


def with_300_codes(demo: Path) -> Path:
    with Project.open(demo) as project, project.write() as s:
        for group in range(30):
            parent = create_code(s, None, f"主题{group:02d}")
            for n in range(9):
                create_code(s, parent.id, f"子类{group:02d}-{n}")
    return demo


def visible(chooser) -> list[str]:
    return [chooser.list.item(r).text() for r in range(chooser.list.count())
            if not chooser.list.item(r).isHidden()]


def test_typing_narrows_the_codes_and_enter_codes(qtbot, window, demo, dialogs) -> None:
    window.projects.open_path(with_300_codes(demo))
    assert len(window.session.codes) > 300
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    seen: dict[str, list[str]] = {}

    def type_trust(chooser: QDialog) -> bool:
        assert chooser.filter.hasFocus() or chooser.focusWidget() is chooser.filter
        type_text(chooser.filter, "社会信")
        seen["社会信"] = visible(chooser)
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
        return chooser.result() == QDialog.DialogCode.Accepted

    select_with_keys(qtbot, window, start, start + 3)
    dialogs.answer(type_trust)
    press(qtbot, window.view, "Ctrl+K")
    assert seen["社会信"] == ["信任/社会信任"]
    assert ("信任/社会信任", "测试编码员", start, start + 3) in [r[:4] for r in stored(window)]


def test_arrows_move_among_the_matches_and_esc_cancels(qtbot, window, demo, dialogs) -> None:
    window.projects.open_path(with_300_codes(demo))
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    before = stored(window)
    seen: dict[str, object] = {}

    def second_of_group_07(chooser: QDialog) -> bool:
        type_text(chooser.filter, "子类07")
        seen["shown"] = visible(chooser)
        seen["first"] = chooser.chosen()
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Down)
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
        return chooser.result() == QDialog.DialogCode.Accepted

    def nothing_then_esc(chooser: QDialog) -> bool:
        type_text(chooser.filter, "没有这个代码")
        seen["none"] = visible(chooser)
        seen["ok"] = chooser.ok.isEnabled()
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)  # nothing to choose: stays open
        seen["still open"] = chooser.result() != QDialog.DialogCode.Accepted
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Escape)
        return chooser.result() == QDialog.DialogCode.Accepted

    select_with_keys(qtbot, window, start, start + 3)
    dialogs.answer(nothing_then_esc)
    press(qtbot, window.view, "Ctrl+K")
    assert seen["none"] == [] and seen["ok"] is False and seen["still open"]
    assert stored(window) == before

    dialogs.answer(second_of_group_07)
    press(qtbot, window.view, "Ctrl+K")
    assert seen["shown"] == [f"主题07/子类07-{n}" for n in range(9)]
    assert seen["first"] == "主题07/子类07-0"
    assert ("主题07/子类07-1", "测试编码员", start, start + 3) in [r[:4] for r in stored(window)]
