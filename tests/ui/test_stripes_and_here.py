"""The coding stripes keep their lanes while the reader scrolls and name code and coder
on hover; "Codings here" follows the selection instead of going stale."""

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import list_documents
from annotator.store.project import Project
from tests.ui.helpers import click_at, code_id, select_with_keys


def lanes(window) -> dict[int, float]:
    """Each code's x in the stripes, from the bars painted now."""
    window.view.stripes.repaint()
    return {span.code_id: rect.x() for rect, span in window.view.stripes.bars()}


def with_codes_far_apart(demo: Path) -> Path:
    """Codes that sit only near the end of the document, so scrolling brings codes into
    view that were not on the first screen."""
    with Project.open(demo) as project:
        doc = list_documents(project)[0]
        codes = {c.path: c.id for c in code_tree(project)}
        who = ensure_coder(project, "李四").id
        end = doc.length
        code_span(project, doc.id, end - 40, end - 5, codes["协调/多主体协同"], who)
        code_span(project, doc.id, 10, 30, codes["信任/互动与监督渠道"], who)
    return demo


def test_lanes_stay_as_codes_scroll_into_view(qtbot, window, demo: Path) -> None:
    window.projects.open_path(with_codes_far_apart(demo))
    view = window.view
    view.go_to(0)
    view.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    top = lanes(window)
    assert top
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    QApplication.processEvents()
    bottom = lanes(window)
    assert set(bottom) - set(top), "a code new on this screen"
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    QApplication.processEvents()
    middle = lanes(window)
    seen = {**top, **bottom, **middle}
    for screen in (top, bottom, middle):
        for code, x in screen.items():
            assert x == seen[code], window.session.code_path(code)  # same lane everywhere
    # one lane per code of the document, in codebook order, left to right
    order = sorted(seen, key=window.session.code_rank)
    assert [seen[c] for c in order] == sorted(seen.values())


def test_hovering_a_stripe_names_its_code_and_coder(qtbot, window, demo: Path) -> None:
    window.projects.open_path(demo)
    view = window.view
    text = window.session.text(view.doc_id)
    view.go_to(text.index("政治信任是一种自下而上"))
    QApplication.processEvents()
    view.stripes.repaint()
    political = code_id(window, "信任/政治信任")
    rect, span = next((r, s) for r, s in view.stripes.bars() if s.code_id == political)
    point = rect.center().toPoint()
    qtbot.mouseMove(view.stripes, point)
    QApplication.sendEvent(view.stripes, QHelpEvent(
        QEvent.Type.ToolTip, point, view.stripes.mapToGlobal(point)))  # after the delay
    shown = QToolTip.text()
    assert "信任/政治信任" in shown and "示例编码员" in shown
    # a click on the bar selects that coding
    qtbot.mouseClick(view.stripes, Qt.MouseButton.LeftButton, pos=point)
    start = view.map.to_codepoint(span.start)
    assert view.selection_span() == (start, view.map.to_codepoint(span.end))


def test_codings_here_follows_the_selection(qtbot, window, demo: Path) -> None:
    window.projects.open_path(demo)
    text = window.session.text(window.view.doc_id)
    inside = text.index("政治信任是一种自下而上") + 2
    click_at(qtbot, window, inside)
    here = window.codings_here
    assert here.list.topLevelItemCount() >= 2  # 信任 and 信任/政治信任
    # select plain text far from any coding: the list says so, not the old place
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 4)
    assert window.view.spans_at_cursor() == []
    assert here.list.topLevelItemCount() == 0
    # a selection reaching into a coded passage lists what it touches
    social = text.index("社会信任指社会个体")
    select_with_keys(qtbot, window, social - 3, social + 2)
    listed = {here.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).code_id
              for i in range(here.list.topLevelItemCount())}
    assert code_id(window, "信任/社会信任") in listed
    assert "selection" in here.title.text()
    # coding the selection shows the new coding at once
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    QApplication.processEvents()
    assert here.list.topLevelItemCount() == len(listed) + 1
