"""Cases coded on the selected text, category cells picked from a list, document and code
sets in the filter, and the concordance's case, attribute and synonym searches — driven
in the window on six chapters of the novel."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import select

from annotator.services import attributes, cases, sets, words
from annotator.services.analysis_scope import Scope
from annotator.services.crosstab import crosstab
from annotator.services.kwic import Query, concordance
from annotator.services.queries import QuerySpec, run_query
from annotator.store.models import Document
from annotator.ui.concordance_panel import scope_key
from annotator.ui.main_window import MainWindow
from tests.analysis.test_matrices_agree_with_queries import random_project
from tests.ui.conftest import make_window
from tests.ui.helpers import trigger


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "novel.annotator"
    p = random_project(path)
    attributes.define_attribute(p, "部分", "document", "category", ["前", "后"])
    sets.create_set(p, "document", "开头", ["章0", "章1"])
    sets.create_set(p, "code", "两码", ["码0", "码1"])
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
    qtbot.waitUntil(lambda: not window.analysis.runner.busy, timeout=20_000)
    QApplication.processEvents()


def doc_id(window: MainWindow, name: str) -> int:
    return next(d.id for d in window.session.documents if d.name == name)


def test_a_case_is_coded_on_the_selection_and_the_crosstab_counts_it(qtbot, window,
                                                                    dialogs) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cases"])
    panel = a.cases
    dialogs.answer("宝玉", lambda dialog: True)          # a case of no whole document
    qtbot.mouseClick(panel.new_case, Qt.MouseButton.LeftButton)
    p = window.session.project
    assert panel.chosen_case() == "宝玉"
    # no selection: a sentence says what to do, nothing is written
    window.docs.select_document(doc_id(window, "章4"))
    qtbot.mouseClick(panel.code_selection, Qt.MouseButton.LeftButton)
    assert {c.name: c.segments for c in cases.list_cases(p)}["宝玉"] == {}
    window.docs.show_span(doc_id(window, "章4"), 100, 900)
    qtbot.mouseClick(panel.code_selection, Qt.MouseButton.LeftButton)
    window.docs.show_span(doc_id(window, "章5"), 0, 400)
    qtbot.mouseClick(panel.code_selection, Qt.MouseButton.LeftButton)
    window.docs.show_span(doc_id(window, "章5"), 200, 300)
    qtbot.mouseClick(panel.uncode_selection, Qt.MouseButton.LeftButton)
    info = {c.name: c for c in cases.list_cases(p)}["宝玉"]
    assert info.segments == {"章4": [(100, 900)], "章5": [(0, 200), (300, 400)]}
    assert "章4 ×1 (800" in panel.members.text()
    # the filter offers the case; a query over it gives only the text inside its stretches
    assert "宝玉" in [act.text() for act in a.scope.cases.menu().actions()]
    trigger(window.registry["analysis_crosstab"])
    a.crosstab.by.setCurrentIndex(a.crosstab.by.findData("case"))
    qtbot.mouseClick(a.crosstab.run_button, Qt.MouseButton.LeftButton)
    finish(qtbot, window)
    table = crosstab(p, "case")
    assert a.crosstab.table.cells == table.cells
    assert "宝玉" in a.crosstab.table.columns
    a.scope.cases.choose(["宝玉"])
    result = run_query(p, QuerySpec("码0"), a.scope.scope())
    assert result.segments and all(
        (g.document == "章4" and g.start >= 100 and g.end <= 900)
        or (g.document == "章5" and (g.end <= 200 or g.start >= 300) and g.end <= 400)
        for g in result.segments)


def test_category_cells_are_picked_from_their_values(qtbot, window) -> None:
    trigger(window.registry["analysis_cases"])
    panel = window.analysis.cases
    column = [panel.table.horizontalHeaderItem(c).text()
              for c in range(panel.table.columnCount())].index("部分 (category)")
    item = panel.table.item(2, column)
    panel.table.setCurrentItem(item)
    panel.table.editItem(item)
    editor = panel.table.findChild(QComboBox, "categoryEditor")
    assert editor is not None
    assert [editor.itemText(i) for i in range(editor.count())] == ["—", "前", "后"]
    editor.setCurrentIndex(editor.findText("后"))
    panel.table.commitData(editor)
    panel.table.closeEditor(editor, panel.table.itemDelegate().EndEditHint.NoHint)
    p = window.session.project
    assert {x.name: x.values for x in attributes.list_attributes(p)}["部分"] == {"章2": "后"}
    # a number column keeps its typed editor
    assert panel._categories(column) == ["前", "后"]


def test_document_and_code_sets_filter_the_matrix(qtbot, window) -> None:
    a = window.analysis
    trigger(window.registry["analysis_cooccurrence"])
    assert a.scope.document_sets.isVisibleTo(a.scope) and a.scope.code_sets.isVisibleTo(a.scope)
    a.scope.document_sets.choose(["开头"])
    a.scope.code_sets.choose(["两码"])
    assert a.scope.scope() == Scope(document_sets=("开头",), code_sets=("两码",))
    qtbot.mouseClick(a.cooccurrence.run_button, Qt.MouseButton.LeftButton)
    finish(qtbot, window)
    table = a.cooccurrence.table
    assert [table.paths[c] for c in table.code_ids] == ["码0", "码1"]
    cell = table.cell(*table.code_ids)
    want = run_query(window.session.project, QuerySpec("码0", "and", "码1"),
                     Scope(documents=("章0", "章1"))).segments
    assert cell["passages"] == len(want) and {g.document for g in want} <= {"章0", "章1"}


def _search(qtbot, window, term: str, scope_data) -> list:
    trigger(window.registry["concordance"])
    panel = window.text_analysis.concordance
    panel.scope.setCurrentIndex(panel.scope.findData(scope_data))
    assert panel.scope.currentIndex() >= 0 and panel.scope.currentData() == scope_data
    panel.search(term)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    return panel.model.hits


def test_the_concordance_searches_an_attribute_value_a_case_and_synonyms(qtbot,
                                                                         window) -> None:
    p = window.session.project
    attributes.set_value(p, "部分", "章3", "后")
    cases.create_case(p, "黛玉")
    cases.code_segment(p, "黛玉", "章1", 500, 1500)
    window.text_analysis.project_changed()
    hits = _search(qtbot, window, "了", scope_key("where", "部分", "后"))
    assert hits and {h.document for h in hits} == {"章3"}
    assert len(hits) == len(concordance(p, Query("了"), [doc_id(window, "章3")]).hits)
    hits = _search(qtbot, window, "了", scope_key("case", "黛玉"))
    with p.read() as s:
        text = s.scalar(select(Document.text).where(Document.name == "章1"))
    assert len(hits) == text[500:1500].count("了")
    assert all(h.document == "章1" and h.start >= 500 and h.end <= 1500 for h in hits)
    # synonyms: 笑 merged with 说 — the search for 笑 finds both when asked
    words.set_synonyms(p, {"笑": ["说"]})
    panel = window.text_analysis.concordance
    plain = len(_search(qtbot, window, "笑", "all"))
    panel.synonyms.setChecked(True)
    both = _search(qtbot, window, "笑", "all")
    assert len(both) == plain + len(concordance(p, Query("说")).hits)
    assert {h.match for h in both} == {"笑", "说"}
    panel.regex.setChecked(True)
    assert not panel.synonyms.isEnabled() and not panel.query().synonyms
