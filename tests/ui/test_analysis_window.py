"""The Analysis dock, driven as a user drives it: choose, run, click a cell, land on the
passage; queries saved and re-run; cases and attributes edited and imported; charts
saved; long work cancelled. The project is six chapters of the novel with 600 codings.
"""

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from annotator.io.attribute_table import preview
from annotator.services import attributes, cases, codebook
from annotator.services.analysis_scope import Scope, check_cancel
from annotator.services.coding import segments
from annotator.services.cooccurrence import cell_segments, cooccurrence
from annotator.services.crosstab import cell_segments as crosstab_segments
from annotator.services.crosstab import crosstab
from annotator.services.queries import QuerySpec, run_query
from annotator.ui.cases_panel import AttributeDialog, ImportPreviewDialog
from annotator.ui.main_window import MainWindow
from tests.analysis.test_matrices_agree_with_queries import random_project
from tests.ui.conftest import make_window
from tests.ui.helpers import trigger
from tests.ui.test_translations import (  # noqa: F401  (chinese, compiled: fixtures)
    assert_translated,
    chinese,
    compiled,
    strings_of,
)


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "novel.annotator"
    p = random_project(path)
    attributes.define_attribute(p, "部分", "document", "category", ["前", "后"])
    for i in range(6):
        attributes.set_value(p, "部分", f"章{i}", "前" if i < 4 else "后")
    p.close()
    return path


@pytest.fixture
def window(qtbot, settings, novel) -> MainWindow:
    w = make_window(qtbot, settings)
    assert w.projects.open_path(novel)
    yield w
    w.analysis.runner.cancel()
    w.close()


def finish(qtbot, window: MainWindow) -> None:
    """Wait for the analysis thread (the window stays responsive meanwhile)."""
    qtbot.waitUntil(lambda: not window.analysis.runner.busy, timeout=20_000)
    QApplication.processEvents()


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_cell(qtbot, view, row: int, column: int) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.cell_rect_center(row, column))


def test_a_cooccurrence_cell_opens_its_passages_in_the_text(qtbot, window) -> None:
    trigger(window.registry["analysis_cooccurrence"])
    panel = window.analysis.cooccurrence
    assert window.analysis.dock.isVisible()
    click(qtbot, panel.run_button)
    # the click returns at once: the counting runs in the analysis thread
    assert window.analysis.runner.busy and panel.table is None
    assert not window.analysis.task_bar.isHidden()
    finish(qtbot, window)
    p = window.session.project
    table = cooccurrence(p)
    ids = table.code_ids
    # the matrix shows what the service counts, cell for cell
    model = panel.matrix.matrix
    assert model.rowCount() == model.columnCount() == len(ids) == 6
    for r, a in enumerate(ids):
        for c, b in enumerate(ids):
            want = "" if a == b else str(table.cell(a, b)["passages"] or "")
            assert model.data(model.index(r, c)) in (want, "—")
    # the busiest pair: click its cell, the passages are those of "A AND B"
    r, c = max(((r, c) for r in range(6) for c in range(6) if r != c),
               key=lambda rc: table.cell(ids[rc[0]], ids[rc[1]])["passages"])
    click_cell(qtbot, panel.matrix, r, c)
    finish(qtbot, window)
    want = cell_segments(p, table.paths[ids[r]], table.paths[ids[c]]).segments
    shown = panel.passages.passages.passages
    assert [(g.document_id, g.start, g.end) for g in shown] == \
        [(g.document_id, g.start, g.end) for g in want]
    assert want
    # ... and the document is open at the first, the passage selected
    first = want[0]
    assert window.view.doc_id == first.document_id
    assert window.view.selection_span() == (first.start, first.end)
    # a click on another passage of the list lands there
    if len(want) > 1:
        last = len(want) - 1
        index = panel.passages.passages.index(last, 3)
        panel.passages.scrollTo(index)
        qtbot.mouseClick(panel.passages.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.passages.visualRect(index).center())
        assert window.view.selection_span() == (want[last].start, want[last].end)
    # another measure: the same matrix shows documents and Jaccard
    panel.measure.setCurrentIndex(panel.measure.findData("documents"))
    assert model.data(model.index(r, c)) == str(table.cell(ids[r], ids[c])["documents"])


def test_the_filter_applies_to_the_matrix_and_its_cells(qtbot, window) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cooccurrence"])
    a.scope.coders.choose(["乙"])
    a.scope.set_where("部分", "前")
    click(qtbot, a.cooccurrence.run_button)
    finish(qtbot, window)
    scope = Scope(where=(("部分", "前"),), coders=("乙",))
    assert a.scope.scope() == scope
    table = cooccurrence(window.session.project, scope=scope)
    ids = table.code_ids
    model = a.cooccurrence.matrix.matrix
    assert [model.data(model.index(0, c)) for c in range(1, 6)] == \
        [str(table.cell(ids[0], b)["passages"] or "") for b in ids[1:]]
    assert "乙" in a.cooccurrence.summary.text()
    click_cell(qtbot, a.cooccurrence.matrix, 0, 1)
    finish(qtbot, window)
    want = cell_segments(window.session.project, table.paths[ids[0]], table.paths[ids[1]],
                         scope).segments
    assert len(a.cooccurrence.passages.passages.passages) == len(want)
    docs = {d.id: d.name for d in window.session.documents}
    assert all(docs[g.document_id] in {"章0", "章1", "章2", "章3"}
               for g in a.cooccurrence.passages.passages.passages)


def test_a_query_runs_saves_reruns_and_becomes_a_code(qtbot, window, dialogs) -> None:
    a = window.analysis
    trigger(window.registry["analysis_query"])
    panel = a.query
    panel.set_query("码0", "near", "码1")
    panel.reach.setCurrentIndex(panel.reach.findData("sentence"))
    click(qtbot, panel.run_button)
    finish(qtbot, window)
    p = window.session.project
    from annotator.domain.query import Reach
    want = run_query(p, QuerySpec("码0", "near", "码1", Reach("sentence"))).segments
    got = panel.results.passages.passages
    assert [(g.document_id, g.start, g.end, g.text) for g in got] == \
        [(g.document_id, g.start, g.end, g.text) for g in want]
    assert str(len(want)) in panel.summary.text()
    # clicking a result opens the document there
    index = panel.results.passages.index(0, 3)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.results.visualRect(index).center())
    assert window.view.selection_span() == (want[0].start, want[0].end)
    # kept as a query, re-run by name after its code was renamed
    dialogs.answer("近句")
    click(qtbot, panel.save_query_button)
    assert panel.saved.currentText() == "近句"
    code = next(c for c in window.session.codes.values() if c.path == "码1")
    codebook.rename_code(p, code.id, "码一")
    panel.results.show_passages([])
    click(qtbot, panel.run_saved_button)
    finish(qtbot, window)
    assert len(panel.results.passages.passages) == len(want)
    # saved as a new code: every passage coded, the codebook shows it
    dialogs.answer("码0/近句")
    click(qtbot, panel.save_code_button)
    new = next(c for c in window.session.codes.values() if c.path == "码0/近句")
    assert window.session.counts.get(new.id, 0) == len(want)
    rows = [(g.document_id, g.start, g.end) for g in segments(p, code_id=new.id)]
    assert rows == [(g.document_id, g.start, g.end) for g in want]
    # one undo step: undo takes the code and all its codings away, redo brings them back
    stack = window.session.undo_stack
    assert stack.undoText().endswith("码0/近句")
    stack.undo()
    assert "码0/近句" not in {c.path for c in window.session.codes.values()}
    assert all(g.code_path != "码0/近句" for g in segments(p))
    assert panel.code_a.findText("码0/近句") == -1
    stack.redo()
    again = next(c for c in window.session.codes.values() if c.path == "码0/近句")
    assert again.id == new.id and window.session.counts.get(new.id, 0) == len(want)
    assert [(g.document_id, g.start, g.end) for g in segments(p, code_id=new.id)] == rows
    assert panel.code_a.findText("码0/近句") >= 0
    # a second save under the same path is refused in one sentence; nothing changes
    dialogs.answer("码0/近句")
    click(qtbot, panel.save_code_button)
    assert stack.count() == 1 and window.session.counts.get(new.id, 0) == len(want)


def test_a_saved_query_over_a_deleted_code_says_so(qtbot, window, dialogs) -> None:
    panel = window.analysis.query
    trigger(window.registry["analysis_query"])
    panel.set_query("码2", "and", "码3")
    dialogs.answer("与")
    click(qtbot, panel.save_query_button)
    p = window.session.project
    codebook.delete_code(p, next(c.id for c in window.session.codes.values()
                                 if c.path == "码3"))
    click(qtbot, panel.run_saved_button)
    finish(qtbot, window)
    assert any("码3" in w and "deleted" in w for w in dialogs.warnings), dialogs.warnings


def test_a_crosstab_cell_lists_the_codings_behind_it(qtbot, window) -> None:
    a = window.analysis
    trigger(window.registry["analysis_crosstab"])
    panel = a.crosstab
    panel.by.setCurrentIndex(panel.by.findData("部分"))
    panel.measure.setCurrentIndex(panel.measure.findData("codings"))
    click(qtbot, panel.run_button)
    finish(qtbot, window)
    p = window.session.project
    table = crosstab(p, "部分")
    model = panel.matrix.matrix
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["前", "后"]
    for r, code in enumerate(table.code_ids):
        for c, col in enumerate(table.columns):
            n = table.cells[(code, col)]["codings"]
            assert model.data(model.index(r, c)) == (str(n) if n else "")
    click_cell(qtbot, panel.matrix, 2, 1)
    finish(qtbot, window)
    want = crosstab_segments(p, table, table.code_ids[2], "后")
    shown = panel.passages.passages.passages
    assert [(g.start, g.end, g.note) for g in shown] == [(g.start, g.end, g.coder) for g in want]
    assert window.view.selection_span() == (want[0].start, want[0].end)
    # percentages: of the code's codings, of the column's documents
    panel.measure.setCurrentIndex(panel.measure.findData("documents_percent"))
    pct = table.cells[(table.code_ids[2], "后")]["documents_percent"]
    assert model.data(model.index(2, 1)) == f"{pct:.1f}"


def test_cases_and_attributes_are_edited_in_the_table(qtbot, window, dialogs) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cases"])
    panel = a.cases
    assert [panel.cases.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(panel.cases.count())] == ["前", "后"]

    def tick(names):
        def fill(dialog) -> bool:
            box = dialog.findChild(type(panel.cases), "documentChoices")
            for i in range(box.count()):
                if box.item(i).text() in names:
                    box.item(i).setCheckState(Qt.CheckState.Checked)
            return True
        return fill

    dialogs.answer("尾", tick({"章4", "章5"}))
    click(qtbot, panel.new_case)
    p = window.session.project
    assert {c.name: c.documents for c in cases.list_cases(p)}["尾"] == ["章4", "章5"]
    assert "尾" in [act.text() for act in a.scope.cases.menu().actions()]

    def new_attribute(name, kind, values=()):
        def fill(dialog) -> bool:
            dialog.name.setText(name)
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
            dialog.categories.setPlainText("\n".join(values))
            return True
        return fill

    dialogs.answer(new_attribute("年龄", "number"))
    click(qtbot, panel.new_attr)
    column = [panel.table.horizontalHeaderItem(c).text()
              for c in range(panel.table.columnCount())].index("年龄 (number)")
    panel.table.item(0, column).setText("34.0")
    assert {x.name: x.values for x in attributes.list_attributes(p)}["年龄"] == {"章0": "34"}
    assert panel.table.item(0, column).text() == "34"
    # a value of the wrong type is refused, and the cell shows what is stored
    panel.table.item(1, column).setText("三十")
    assert any("三十" in w for w in dialogs.warnings)
    assert panel.table.item(1, column).text() == ""
    assert "章1" not in {x.name: x.values for x in attributes.list_attributes(p)}["年龄"]
    # the crosstab offers the new attribute at once
    assert a.crosstab.by.findData("年龄") >= 0


def test_an_attribute_table_is_previewed_and_refused_as_a_whole(qtbot, window, dialogs,
                                                               tmp_path) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cases"])
    panel = a.cases
    bad = tmp_path / "bad.csv"
    bad.write_text("文档,性别,年龄\n章0,女,30\n章九,男,41\n章1,男,四十\n", encoding="utf-8")
    seen = {}

    def look(dialog) -> bool:
        seen["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        seen["summary"] = dialog.summary.text()
        return True  # the user presses Import: still nothing may be written

    dialogs.answer(str(bad), look)
    click(qtbot, panel.import_button)
    finish(qtbot, window)
    assert seen["ok"] is False
    assert "章九" in seen["summary"] or "problems" in seen["summary"]
    p = window.session.project
    assert {x.name for x in attributes.list_attributes(p)} == {"部分"}

    good = tmp_path / "good.csv"
    good.write_text("名称,性别,部分\n章0,女,前\n章5,男,前\n", encoding="utf-8")

    def accept(dialog) -> bool:
        seen["good"] = dialog.summary.text()
        return True

    dialogs.answer(str(good), accept)
    click(qtbot, panel.import_button)
    finish(qtbot, window)
    values = {x.name: x.values for x in attributes.list_attributes(p)}
    assert values["性别"] == {"章0": "女", "章5": "男"}
    assert values["部分"]["章5"] == "前"
    assert "1" in seen["good"]  # one value changed (章5: 后 → 前)


def test_charts_show_and_save_as_png_and_svg(qtbot, window, dialogs, tmp_path) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cooccurrence"])
    click(qtbot, a.cooccurrence.run_button)
    finish(qtbot, window)
    heat = a.cooccurrence.charts["heatmap"]
    a.cooccurrence.tabs.setCurrentWidget(heat)
    assert heat.picture.isVisible() and not heat.picture.pixmap().isNull()
    png, svg = tmp_path / "heat.png", tmp_path / "net"
    dialogs.answer(str(png))
    click(qtbot, heat.png_button)
    qtbot.waitUntil(lambda: not heat.saving, timeout=20_000)  # drawn in a worker
    assert heat.png_button.isEnabled()
    image = QImage(str(png))
    root = ET.fromstring(heat.svg)
    assert (image.width(), image.height()) == (2 * int(root.get("width")),
                                               2 * int(root.get("height")))
    assert heat.chart.image.size().width() * 2 == image.width()  # shown at its own size
    net = a.cooccurrence.charts["network"]
    dialogs.answer(str(svg))
    click(qtbot, net.svg_button)
    texts = [t.text for t in ET.parse(tmp_path / "net.svg").getroot().iter(
        "{http://www.w3.org/2000/svg}text")]
    assert {"码0", "码5"} <= set(texts)
    # the document portrait of the open document
    window.docs.select_document(window.session.documents[0].id)
    trigger(window.registry["analysis_portrait"])
    click(qtbot, a.portrait.draw_button)
    finish(qtbot, window)
    assert "章0" in a.portrait_chart.svg and a.portrait_chart.png_button.isEnabled()


def test_long_work_can_be_cancelled_and_changes_nothing(qtbot, window) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cooccurrence"])

    def slow(progress, cancel):
        for step in range(10_000):
            progress(step, 10_000)
            check_cancel(cancel)
            time.sleep(0.005)
        return "finished"

    results = []
    a.runner.start("…", slow, results.append)
    assert a.task_bar.isVisible()
    qtbot.waitUntil(lambda: a.task_bar.bar.value() > 0, timeout=5000)
    click(qtbot, a.task_bar.cancel)
    assert not a.runner.busy and not a.task_bar.isVisible()
    qtbot.wait(100)
    assert results == []
    # the real analysis, cancelled the moment it starts, leaves the matrix as it was
    a.cooccurrence.run()
    a.runner.cancel()
    qtbot.wait(50)
    assert a.cooccurrence.table is None


def test_closing_the_project_clears_the_analysis(qtbot, window) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cooccurrence"])
    click(qtbot, a.cooccurrence.run_button)
    finish(qtbot, window)
    window.projects.close_project()
    assert a.cooccurrence.table is None and not a.dock.isVisible()
    assert not window.registry["analysis_query"].isEnabled()


def test_the_analysis_dock_speaks_chinese(qtbot, chinese, settings, novel, dialogs,  # noqa: F811
                                          tmp_path) -> None:
    window = make_window(qtbot, settings)
    window.projects.open_path(novel)
    a = window.analysis
    assert window.menus["analysis"].title() == "分析(&A)"
    for id_ in ("analysis_cooccurrence", "analysis_crosstab", "analysis_query",
                "analysis_portrait", "analysis_cases"):
        trigger(window.registry[id_])
    click(qtbot, a.cooccurrence.run_button)
    finish(qtbot, window)
    table = tmp_path / "t.csv"
    table.write_text("名称,年龄\n章0,三十\n", encoding="utf-8")
    found = strings_of(a.dock) + strings_of(window.menus["analysis"])
    for dialog in (AttributeDialog("case", window),
                   ImportPreviewDialog(preview(window.session.project, table), window)):
        qtbot.addWidget(dialog)
        found += strings_of(dialog)
    assert_translated(found)
    # the chart titles come from the message catalogue
    assert "同时带有两个代码的片段数" in a.cooccurrence.charts["heatmap"].svg
    window.analysis.runner.cancel()
    window.close()
