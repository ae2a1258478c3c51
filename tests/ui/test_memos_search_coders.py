"""Memos, search and auto-coding, coders, the overview and the Excel export."""

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from annotator.services.documents import list_documents
from tests.ui.helpers import (
    click_at,
    code_id,
    press,
    select_with_keys,
    stored,
    trigger,
    write_memo,
)

ME = "测试编码员"


def _open(window, demo: Path) -> str:
    assert window.projects.open_path(demo)
    return window.session.text(window.view.doc_id)


def test_memos_on_document_code_and_coding(qtbot, window, demo: Path,
                                           dialogs) -> None:
    text = _open(window, demo)
    press(qtbot, window.view, "Ctrl+Shift+M")
    write_memo(qtbot, window, "访谈者：李老师；2023 年 5 月")
    assert list_documents(window.session.project)[0].memo == "访谈者：李老师；2023 年 5 月"
    assert "李老师" in window.documents.item(0).toolTip()
    press(qtbot, window.view, "Ctrl+Z")
    assert list_documents(window.session.project)[0].memo == ""

    # a memo on a coding: click inside it, then Ctrl+M
    inside = text.index("社会信任指社会个体") + 2
    click_at(qtbot, window, inside)
    assert window.codings_here.list.topLevelItemCount() >= 1
    social = code_id(window, "信任/社会信任")
    for i in range(window.codings_here.list.topLevelItemCount()):
        item = window.codings_here.list.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole).code_id == social:
            window.codings_here.list.setCurrentItem(item)
    press(qtbot, window.view, "Ctrl+M")
    write_memo(qtbot, window, "居民互助的例子")
    [seg] = [s for s in window.segments.model.rows if s.code_id == social] or [None]
    assert stored(window, code_id=social)[0][2:4] == (seg.start, seg.end) if seg else True
    from annotator.services.coding import segments

    assert segments(window.session.project, code_id=social)[0].memo == "居民互助的例子"
    window.codebook.select_code(social)
    assert window.segments.model.rows[0].memo == "居民互助的例子"
    press(qtbot, window.view, "Ctrl+Z")
    assert segments(window.session.project, code_id=social)[0].memo == ""
    assert window.segments.model.rows[0].memo == ""


def test_find_in_document_then_the_concordance(qtbot, window, demo: Path) -> None:
    text = _open(window, demo)
    before = stored(window, code_id=code_id(window, "信任/社会信任"))
    word = "信任"
    expected = text.count(word)
    assert expected > 5
    window.view.setFocus()
    press(qtbot, window.view, "Ctrl+Home")  # the search starts at the caret
    press(qtbot, window.view, "Ctrl+F")
    assert window.find_bar.isVisible()
    window.find_bar.edit.insert(word)  # typed through an input method
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    first = text.index(word)
    assert window.view.selection_span() == (first, first + 2)
    assert window.find_bar.count.text() == f"1 of {expected}"
    press(qtbot, window.view, "F3")
    second = text.index(word, first + 1)
    assert window.view.selection_span() == (second, second + 2)
    # coding the hits is the concordance's: the find bar only hands its words over
    assert not hasattr(window.find_bar, "code_all_button")
    qtbot.mouseClick(window.find_bar.concordance_button, Qt.MouseButton.LeftButton)
    panel = window.text_analysis.concordance
    assert window.text_analysis.concordance_dock.isVisible()
    assert panel.term.text() == word
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert len(panel.model.hits) == sum(window.session.text(d.id).count(word)
                                        for d in window.session.documents)
    assert stored(window, code_id=code_id(window, "信任/社会信任")) == before


def test_search_across_documents_lists_hits(qtbot, window, demo: Path) -> None:
    from annotator.services.documents import add_document
    from annotator.store.project import Project

    with Project.open(demo) as p:
        add_document(p, "访谈一", "居民对社区很有信任感。\n第二段也谈信任。")
    text = _open(window, demo)
    window.find_bar.open_bar("信任感")
    press(qtbot, window.find_bar.edit, "Ctrl+Shift+F")
    hits = window.results.hits
    assert [h.document for h in hits] == ["访谈一"]
    assert window.search.results_dock.isVisible()
    window.results.itemClicked.emit(window.results.topLevelItem(0), 0)
    assert window.session.document(window.view.doc_id).name == "访谈一"
    assert window.view.selected_text() == "信任感"
    assert text  # the first document is still there


def test_switch_coder_and_hide_other_coders(qtbot, window, demo: Path,
                                            dialogs) -> None:
    text = _open(window, demo)
    assert window.coder_button.text() == f"Coder: {ME}"
    # my coding, then switch to 王五 and code too
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 3)
    press(qtbot, window.view, "1")
    dialogs.answer("王五")
    trigger(window.registry["coder"])
    assert window.session.coder.name == "王五"
    assert window.coder_button.text() == "Coder: 王五"
    from annotator.settings import load_settings

    assert load_settings().get("coder") != "王五"  # the project's, not every project's
    select_with_keys(qtbot, window, start + 4, start + 6)
    press(qtbot, window.view, "1")
    coders = {c[1] for c in stored(window)}
    assert {"王五", ME, "示例编码员"} <= coders
    # only mine (王五's) are shown
    trigger(window.registry["others"])
    assert not window.session.show_other_coders
    window.view.repaint()
    shown = window.view.visible_spans(0, window.view.map.utf16_length)
    assert [window.session.coder_name(s.coder_id) for s in shown] == ["王五"]
    assert all(s.coder == "王五" for s in window.segments.model.rows)
    trigger(window.registry["others"])
    assert len(window.view.visible_spans(0, window.view.map.utf16_length)) == 9


def _cell(table, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return table.model().index(row, col).data(role)


def test_overview_counts_and_matrix(qtbot, window, demo: Path) -> None:
    _open(window, demo)
    trigger(window.registry["overview"])
    freq = window.overview.panel.frequencies
    qtbot.waitUntil(lambda: freq.model().rowCount() > 0, timeout=3000)
    rows = {_cell(freq, r, 0, Qt.ItemDataRole.ToolTipRole): int(_cell(freq, r, 1))
            for r in range(freq.model().rowCount())}
    assert rows["信任/政治信任"] == 1
    assert rows["协调/多主体协同"] == 0
    table = window.overview.panel.table
    model = table.model()
    assert model.columnCount() == 2
    header = model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "党建引领城市基层治理的路径研究"
    window.overview.panel.coverage_button.setChecked(True)
    cells = [_cell(table, r, 1) for r in range(model.rowCount())]
    assert any(c.endswith("%") for c in cells)
    window.overview.panel.counts_button.setChecked(True)
    # a new coding: its cell and its code's row change, told cell by cell
    second = next(r for r in range(model.rowCount())
                  if _cell(table, r, 0) == "协调/基层党组织建设与顶层设计")
    before = [[_cell(table, r, c) for c in range(model.columnCount())]
              for r in range(model.rowCount())]
    told: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: told.append((a.row(), b.row())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 3)
    press(qtbot, window.view, "2")  # second code: 协调/基层党组织建设与顶层设计
    qtbot.waitUntil(lambda: int(_cell(freq, 1, 1)) == 2, timeout=3000)
    after = [[_cell(table, r, c) for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert after[second][1] == str(int(before[second][1] or 0) + 1)
    assert [row for i, row in enumerate(after) if i != second] == [
        row for i, row in enumerate(before) if i != second]
    assert not resets and told  # no rebuild: the cell was told
    tip = _cell(table, second, 1, Qt.ItemDataRole.ToolTipRole)
    assert f": {after[second][1]} codings" in tip
    # undo: back as it was
    trigger(window.registry["undo"])
    qtbot.waitUntil(lambda: int(_cell(freq, 1, 1)) == 1, timeout=3000)
    assert [[_cell(table, r, c) for c in range(model.columnCount())]
            for r in range(model.rowCount())] == before


def test_export_from_the_menu(qtbot, window, demo: Path, dialogs, tmp_path: Path) -> None:
    _open(window, demo)
    out = tmp_path / "导出.xlsx"
    dialogs.answer(str(out))
    trigger(window.registry["export"])
    qtbot.waitUntil(lambda: not window.export.busy, timeout=20_000)
    assert not dialogs.warnings
    assert "Exported" in window.statusBar().currentMessage()
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    texts = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(texts) == 7
    assert any(t and t.startswith("政治信任是一种自下而上建立的信任") for t in texts)
