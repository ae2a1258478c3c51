"""The Chinese window, walked as a facilitator uses it: Qt's own file dialog, New
project's codebook choice, the workshop review with its numbers, the memo editor and the
memo list, the text's context menu — nothing left in English."""

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu

from annotator.services.workshop import make_participant_copies
from tests.ui.conftest import make_window
from tests.ui.helpers import click_at, memo_editor, merge_in_window, select_with_keys, trigger
from tests.ui.test_translations import (  # noqa: F401 (fixtures)
    CJK,
    assert_translated,
    chinese,
    compiled,
    strings_of,
)
from tests.ui.test_workshop_window import CODINGS, _code_in_copy

pytestmark = pytest.mark.usefixtures("chinese")


def test_qt_file_dialog_speaks_chinese(qtbot, tmp_path: Path) -> None:
    """The file dialog Qt draws itself (no desktop portal): 查找范围, 文件类型."""
    dialog = QFileDialog(None, "打开项目", str(tmp_path), "Annotator 项目 (*.annotator)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"].startswith("查找范围")
    assert labels["fileTypeLabel"].startswith("文件类型")
    assert labels["fileNameLabel"].startswith("文件名")
    assert CJK.search(QCoreApplication.translate("QFileDialog", "Look in:"))


def test_new_project_offers_the_codebooks_by_their_chinese_titles(qtbot, settings,
                                                                  dialogs) -> None:
    window = make_window(qtbot, settings)
    trigger(window.registry["new"])  # the choice is answered "cancel"
    offered = dialogs.offered[-1]
    assert "整体性治理：协调、整合、信任" in offered and "空白编码本" in offered
    assert not any(label.startswith(("governance", "empty")) for label in offered)


def test_the_workshop_review_and_memos_speak_chinese(qtbot, settings, demo: Path,
                                                     dialogs, tmp_path: Path) -> None:
    window = make_window(qtbot, settings)
    window.projects.open_path(demo)
    copies = make_participant_copies(window.session.project, tmp_path / "c",
                                     ["Alice", "Bob"], without_codings=True)
    for copy in copies:
        _code_in_copy(copy.path, copy.participant, CODINGS[copy.participant])
    dialogs.answer([c.path for c in copies], True)
    merge_in_window(window)
    found = strings_of(window.workshop_ui.report_dialog)
    window.workshop_ui.report_dialog.close()

    ui = window.workshop_ui
    trigger(ui.act_agreement)
    qtbot.waitUntil(lambda: not ui.agreement.busy, timeout=20_000)
    ui.agreement.intervals.setChecked(True)
    qtbot.waitUntil(lambda: ui.agreement.busy, timeout=2000)
    qtbot.waitUntil(lambda: not ui.agreement.busy, timeout=30_000)
    assert CJK.search(ui.agreement.methods_box.toPlainText())  # the services' zh paragraph
    found += strings_of(ui.agreement_dock)
    found += cells(ui.agreement.codes) + cells(ui.agreement.docs)
    trigger(ui.act_disagreements)
    qtbot.waitUntil(lambda: not ui.disagreements.busy, timeout=20_000)
    ui.disagreements.select_row(0)
    ui.disagreements.accept_buttons[0].click()
    qtbot.waitUntil(lambda: bool(ui.disagreements.settled), timeout=5000)
    found += strings_of(ui.disagreements_dock) + cells(ui.disagreements.list)

    # memos: the editor on a coding, the list
    text = window.session.text(window.view.doc_id)
    window.view.go_to(text.index("社会信任指社会个体"))  # on screen above the review
    click_at(qtbot, window, text.index("社会信任指社会个体") + 2)
    trigger(window.registry["coding_memo"])  # Code → Coding memo…
    editor = memo_editor(window)
    found += strings_of(editor)
    editor.close()
    trigger(window.registry["memos"])  # View → Memos
    found += strings_of(window.memos.dock)

    # the text's context menu, with a selection inside a coded passage
    select_with_keys(qtbot, window, text.index("社会信任指社会个体"),
                     text.index("社会信任指社会个体") + 3)
    menu = QMenu(window)
    for hook in window.view.context_menu_hooks:  # what the right-click shows
        hook(menu, window.view.spans_at_cursor())
    found += [("context menu", a.text()) for a in menu.actions() if not a.isSeparator()]
    found += [("codings here", window.codings_here.title.text())]
    found += [("status bar", window.statusBar().currentMessage())]
    assert_translated(found)
    assert len(found) > 120


def cells(tree) -> list[tuple[str, str]]:
    """The texts and tips of a table's cells (the "undefined" words, the marks)."""
    out = []
    if not hasattr(tree, "topLevelItem"):  # a view over a model
        model = tree.model()
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                text = index.data() or ""
                out.append((tree.objectName(), index.data(Qt.ItemDataRole.ToolTipRole)))
                if text and not any(ch.isdigit() for ch in text):
                    out.append((tree.objectName(), text))
        names = {"Alice", "Bob", "Alice, Bob", "Alice – Bob"}
        return [(w, t) for w, t in out if t and t not in names]
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    for item in items:
        items += [item.child(k) for k in range(item.childCount())]
    for item in items:
        for col in range(tree.columnCount()):
            out.append((tree.objectName(), item.toolTip(col)))
            if item.text(col) and not any(ch.isdigit() for ch in item.text(col)):
                out.append((tree.objectName(), item.text(col)))
    names = {"Alice", "Bob", "Alice, Bob", "Alice – Bob"}  # people's names stay as they are
    return [(w, t) for w, t in out if t and t not in names]

