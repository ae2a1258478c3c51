"""The workshop review as a facilitator projects it: the agreement and disagreements
docks open large, with handles one can grab and no stray floating; the demo's example
coder is left out; the numbers are computed in a thread (the window answers, Cancel
stops); intervals and the methods paragraph are those of the services; a disagreement
accepted into consensus is marked settled, and stays so after Refresh."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QStyle

from annotator.services.agreement import CONSENSUS_CODER, project_agreement
from annotator.services.agreement_measures import code_measures, methods_paragraph
from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import add_document
from annotator.services.projects import DEMO_CODER, new_project
from annotator.ui.workshop_views import HANDLE
from tests.ui.helpers import press, trigger

TEXT = ("社区党组织牵头召开议事会，居民代表、物业和业委会一起商量停车难的问题。"
        "大家对党组织的信任来自长期的走访和兑现承诺。") * 3


def computed(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.busy, timeout=30_000)


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    """Three documents coded by the demo's example coder and two participants, with the
    participants agreeing on some passages and not on others."""
    path = tmp_path / "工作坊.annotator"
    project = new_project(path, "governance")
    codes = {c.path: c.id for c in code_tree(project)}
    docs = [add_document(project, f"访谈{n}", TEXT + f"（第 {n} 次访谈）") for n in range(1, 4)]
    coders = {name: ensure_coder(project, name).id for name in (DEMO_CODER, "张三", "李明")}
    for n, doc in enumerate(docs):
        code_span(project, doc.id, 0, 20, codes["协调"], coders[DEMO_CODER])
        code_span(project, doc.id, 30, 60, codes["信任"], coders["张三"])
        code_span(project, doc.id, 30 + 4 * n, 62, codes["信任"], coders["李明"])
        code_span(project, doc.id, 70, 90, codes["整合"], coders["张三"])
        if n != 1:
            code_span(project, doc.id, 72, 90, codes["整合"], coders["李明"])
    project.close()
    return path


def test_the_review_opens_large_with_handles_and_no_float(qtbot, window, workshop) -> None:
    window.projects.open_path(workshop)
    ui = window.workshop_ui
    press(qtbot, window.view, "Ctrl+Shift+A")
    view = ui.agreement
    assert ui.agreement_dock.isVisible()
    computed(qtbot, view)
    QApplication.processEvents()
    assert ui.agreement_dock.height() >= 0.5 * window.height()
    row = view.codes.sizeHintForRow(0)
    assert view.codes.viewport().height() >= 5 * row  # not a one-row table
    assert view.docs.viewport().height() >= 3 * row
    assert view.coders.viewport().height() >= view.coders.count() * \
        view.coders.sizeHintForRow(0)  # every coder in sight, one per line
    # handles one can grab: the dock separator and the splitters inside
    extent = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent,
                                        None, window)
    assert extent >= HANDLE
    assert view.split.handleWidth() >= HANDLE and view.tables.handleWidth() >= HANDLE
    # a double-click on the title does not float it away
    features = ui.agreement_dock.features()
    assert not features & QDockWidget.DockWidgetFeature.DockWidgetFloatable
    title = QPoint(40, 8)
    qtbot.mouseDClick(ui.agreement_dock, Qt.MouseButton.LeftButton, pos=title)
    assert not ui.agreement_dock.isFloating()
    # the disagreements share the place, as a tab, as large
    press(qtbot, window.view, "Ctrl+Shift+D")
    computed(qtbot, ui.disagreements)
    assert ui.disagreements_dock.height() >= 0.5 * window.height()
    assert ui.disagreements_dock in window.tabifiedDockWidgets(ui.agreement_dock)


def _undefined(view) -> int:
    """Cells reading "undefined" in the code table, its pair rows included."""
    rows = []
    for i in range(view.codes.topLevelItemCount()):
        top = view.codes.topLevelItem(i)
        rows += [top, *(top.child(k) for k in range(top.childCount()))]
    return sum(item.text(c) == "undefined" for item in rows for c in range(2, 8))


def test_the_example_coder_is_left_out_by_default(qtbot, window, workshop) -> None:
    window.projects.open_path(workshop)
    ui = window.workshop_ui
    trigger(ui.act_agreement)
    view = ui.agreement
    assert view.chosen_coders() == ["张三", "李明"]
    computed(qtbot, view)
    participants = _undefined(view)
    example = next(view.coders.item(i) for i in range(view.coders.count())
                   if view.coders.item(i).text() == DEMO_CODER)
    rect = view.coders.visualItemRect(example)
    qtbot.mouseClick(view.coders.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))  # its tick box
    assert DEMO_CODER in view.chosen_coders()
    qtbot.waitUntil(lambda: view.busy or (view.data and len(view.data["coders"]) == 3))
    computed(qtbot, view)
    assert len(view.data["coders"]) == 3
    assert _undefined(view) > participants  # what its rows would have read


def test_computing_never_blocks_and_cancel_keeps_what_was_shown(qtbot, window,
                                                                workshop) -> None:
    window.projects.open_path(workshop)
    ui = window.workshop_ui
    trigger(ui.act_agreement)
    view = ui.agreement
    computed(qtbot, view)
    rows = view.codes.topLevelItemCount()
    assert rows > 0
    qtbot.mouseClick(view.intervals, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, view.intervals.height() // 2))
    assert view.intervals.isChecked()
    view.refresh()  # returns at once: the numbers come from a thread
    assert view.busy and view.busy_box.isVisible()
    window.view.setFocus()
    before = window.view.caret_position()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # the window answers meanwhile
    assert window.view.caret_position() == before + 1
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert not view.busy and not view.busy_box.isVisible()
    assert "Cancelled" in view.status.text()
    assert view.codes.topLevelItemCount() == rows  # what was shown stays


def test_intervals_and_methods_are_the_services(qtbot, window, workshop) -> None:
    window.projects.open_path(workshop)
    ui = window.workshop_ui
    trigger(ui.act_agreement)
    view = ui.agreement
    computed(qtbot, view)
    assert view.codes.topLevelItem(0).text(view.ALPHA_INTERVAL_COL) == ""  # not asked
    qtbot.mouseClick(view.intervals, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, view.intervals.height() // 2))
    qtbot.waitUntil(lambda: view.busy, timeout=2000)
    computed(qtbot, view)
    result = project_agreement(window.session.project, coders=["张三", "李明"])
    measures = code_measures(result, resamples=view.RESAMPLES)
    shown = {view.codes.topLevelItem(i).text(0): view.codes.topLevelItem(i)
             for i in range(view.codes.topLevelItemCount())}
    for m in measures:
        item = shown[m.code.path]
        a = m.alpha_interval
        raw = item.data(view.ALPHA_INTERVAL_COL, Qt.ItemDataRole.UserRole)
        assert raw == (None if a.low is None else (a.low, a.high))
        if a.low is not None:
            assert item.text(view.ALPHA_INTERVAL_COL) == f"[{a.low:.3f}, {a.high:.3f}]"
        assert item.data(view.AC1_COL, Qt.ItemDataRole.UserRole) == m.family.gwet_ac1
    assert any(m.alpha_interval.low is not None for m in measures)  # three documents
    sentences = methods_paragraph(result, measures, resamples=view.RESAMPLES)
    assert view.methods_box.toPlainText() == " ".join(s.render("en") for s in sentences)
    assert "bootstrap" in view.methods_box.toPlainText()


def test_an_accepted_disagreement_is_marked_settled_and_stays_so(qtbot, window,
                                                                 workshop) -> None:
    window.projects.open_path(workshop)
    ui = window.workshop_ui
    trigger(ui.act_disagreements)
    view = ui.disagreements
    computed(qtbot, view)
    assert not view.settled
    assert all(DEMO_CODER not in (*d.coded_by, *d.not_coded_by) for d in view.items)
    n = len(view.items)
    row = next(i for i, d in enumerate(view.items) if d.code_path == "整合")
    rect = view.row_rect(row)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    button = view.accept_buttons[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.is_settled(row), timeout=5000)
    assert view.text(row, view.SETTLED_COL) == "✓ settled"
    assert len(view.items) == n  # still listed, for the room to see
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    computed(qtbot, view)
    assert view.is_settled(row) and len(view.settled) == 1
    assert f"{n} disagreements" in view.status.text() and "1 settled" in view.status.text()
    qtbot.mouseClick(view.hide_settled, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, view.hide_settled.height() // 2))
    assert view.is_hidden(row)
    # undone: no longer settled
    window.activateWindow()
    press(qtbot, window.view, "Ctrl+Z")
    assert CONSENSUS_CODER in window.session.coders.values()
    qtbot.waitUntil(lambda: not view.settled and not view.busy, timeout=5000)
    assert not view.is_hidden(row)
