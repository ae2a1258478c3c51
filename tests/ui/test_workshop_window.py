"""The Workshop menu driven as a facilitator: copies, merge, agreement, disagreements,
consensus (undoable)."""

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from annotator.cli import main as cli_main
from annotator.services.agreement import CONSENSUS_CODER, disagreements, project_agreement
from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder, list_coders
from annotator.services.coding import code_span
from annotator.services.documents import list_documents
from annotator.services.workshop import make_participant_copies, merge_copies
from annotator.store.project import Project
from annotator.ui.agreement_view import AgreementView
from tests.ui.helpers import merge_in_window, stored, trigger

CODINGS = {
    "Alice": [(0, 50, "信任"), (100, 200, "协调")],
    "Bob": [(0, 60, "信任"), (300, 400, "整合")],
}


def _code_in_copy(path: Path, coder: str, spans) -> None:
    with Project.open(path) as q:
        who = ensure_coder(q, coder)
        doc = list_documents(q)[0]
        codes = {c.path: c.id for c in code_tree(q)}
        for start, end, code in spans:
            code_span(q, doc.id, start, end, codes[code], who.id)


@pytest.fixture
def merged(window, demo: Path, dialogs, tmp_path: Path):
    """Copies made through the dialog, coded by Alice and Bob, merged through the menu."""
    window.projects.open_path(demo)
    ui = window.workshop_ui
    assert ui.menu.title() == "&Workshop" and ui.menu in [
        a.menu() for a in window.menuBar().actions()]
    trigger(ui.act_copies)
    dialog = ui.copies_dialog
    assert dialog.isVisible()
    folder = tmp_path / "copies"
    dialog.folder.setText(str(folder))
    dialog.names.setPlainText("Alice\nBob\n")
    dialog.without.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    QApplication.processEvents()
    copies = sorted(folder.glob("*.annotator"))
    assert [c.name for c in copies] == ["demo-Alice.annotator", "demo-Bob.annotator"]
    assert "Wrote 2 participant copies" in dialogs.warnings[-1]  # the information box
    for copy in copies:
        _code_in_copy(copy, copy.stem.split("-")[-1], CODINGS[copy.stem.split("-")[-1]])

    dialogs.answer(copies, True)
    merge_in_window(window)
    kind, text = dialogs.asked[-1]
    assert kind == "question" and "cannot be undone" in text
    return window


def test_make_copies_merge_and_report(merged) -> None:
    window = merged
    report = window.workshop_ui.report_dialog
    assert report.isVisible()
    text = report.text()
    assert "demo-Alice.annotator: codings 2 added, 0 already present, 0 skipped" in text
    assert "Documents: 1 matched, 0 added" in text
    assert "demo-Bob.annotator" in text
    assert "Coders added: Alice" in text and "Coders added: Bob" in text
    assert {"Alice", "Bob"} <= set(window.session.coders.values())
    assert ("信任", "Bob", 0, 60) in [s[:4] for s in stored(window)]
    assert len(window.view.index) == 7 + 4  # the document view re-read its codings
    assert window.session.undo_stack.count() == 0
    assert "Merged 2 of 2 files" in window.statusBar().currentMessage()


def test_the_merge_report_shows_added_and_skipped_whole(qtbot, window, demo: Path,
                                                        dialogs, tmp_path: Path) -> None:
    """The counts the command line prints, on lines the dialog shows whole."""
    window.projects.open_path(demo)
    made = make_participant_copies(window.session.project, tmp_path, ["张三"],
                                   without_codings=True)
    copy = Path(made[0].path)
    _code_in_copy(copy, "张三", CODINGS["Alice"])
    with sqlite3.connect(copy) as db:  # a coding past its document's end: skipped
        db.execute("UPDATE coding SET \"end\" = 10000000 WHERE start = 100")
    dialogs.answer([copy], True)
    merge_in_window(window)
    dialog = window.workshop_ui.report_dialog
    qtbot.waitExposed(dialog)
    text = dialog.text()
    assert f"{copy.name}: codings 1 added, 0 already present, 1 skipped" in text
    assert "Merged 1 of 1 files: codings 1 added, 1 skipped." in (
        dialog.headline.text(), window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == dialog.headline.text()
    tree = dialog.tree
    top = tree.topLevelItem(0)
    for item in [top, *(top.child(i) for i in range(top.childCount()))]:
        rect = tree.visualItemRect(item)
        width = QFontMetrics(item.font(0)).horizontalAdvance(item.text(0))
        assert rect.left() + width <= tree.viewport().width(), item.text(0)


def test_merge_errors_are_reported_not_raised(window, demo: Path, dialogs,
                                              tmp_path: Path) -> None:
    window.projects.open_path(demo)
    junk = tmp_path / "junk.annotator"
    junk.write_bytes(b"not a project")
    dialogs.answer([junk], True)
    merge_in_window(window)
    assert "junk.annotator: not merged" in window.workshop_ui.report_dialog.text()
    # copies: an invalid participant list is a message box, not a traceback
    window.workshop_ui.make_copies(tmp_path / "c", ["A", "a"], False)
    assert "named twice" in dialogs.warnings[-1]


def _row_values(item, columns) -> list:
    return [item.data(c, Qt.ItemDataRole.UserRole) for c in columns]


def computed(qtbot, view) -> None:
    """Wait for the view's thread to deliver (the window answers meanwhile)."""
    qtbot.waitUntil(lambda: not view.busy, timeout=20_000)


def test_agreement_view_shows_the_service_numbers(qtbot, merged, dialogs,
                                                  tmp_path: Path) -> None:
    window = merged
    ui = window.workshop_ui
    trigger(ui.act_agreement)
    view: AgreementView = ui.agreement
    assert ui.agreement_dock.isVisible()
    assert view.threshold.value() == 0.9
    # the demo's example coder is left out by default, as is the consensus coder
    assert set(view.chosen_coders()) == {"Alice", "Bob"}
    computed(qtbot, view)
    view.set_coders(["示例编码员", "Alice", "Bob"])
    computed(qtbot, view)
    # three coders: α on the code row, each pair a child row with its numbers
    everyone = project_agreement(window.session.project).to_json()
    saw_undefined = False
    for i, entry in enumerate(everyone["codes"]):
        item = view.codes.topLevelItem(i)
        assert item.text(0) == entry["code"]
        assert item.data(5, Qt.ItemDataRole.UserRole) == entry["krippendorff_alpha"]
        assert item.childCount() == len(entry["pairs"]) == 3
        for k, pair in enumerate(entry["pairs"]):
            child = item.child(k)
            assert child.text(1) == f"{pair['coder_a']} – {pair['coder_b']}"
            assert _row_values(child, (2, 3, 4, 6)) == [
                pair["percent_agreement"], pair["pooled_kappa"], pair["weighted_kappa"],
                pair["segment_agreement"]]
            for col, key in ((3, "pooled_kappa"), (6, "segment_agreement")):
                if pair[key] is None:
                    saw_undefined = True
                    assert child.text(col) == "undefined"
                else:
                    assert child.text(col) not in ("undefined", "")
    assert saw_undefined  # e.g. 协调 for 示例编码员 – Bob: neither coded it
    view.set_coders(["Alice", "Bob"])
    computed(qtbot, view)
    expected = project_agreement(window.session.project, coders=["Alice", "Bob"]).to_json()
    assert view.codes.topLevelItemCount() == len(expected["codes"])
    for i, entry in enumerate(expected["codes"]):
        item = view.codes.topLevelItem(i)
        assert item.text(0) == entry["code"]
        assert _row_values(item, (2, 3, 4, 5, 6)) == [
            entry["percent_agreement"], entry["pooled_kappa"], entry["weighted_kappa"],
            entry["krippendorff_alpha"], entry["segment_agreement"]]
        for col, key in ((2, "percent_agreement"), (3, "pooled_kappa"),
                         (5, "krippendorff_alpha"), (6, "segment_agreement")):
            if entry[key] is None:
                assert item.text(col) == "undefined"
            else:
                assert item.text(col) not in ("undefined", "")
    trust = next(i for i in range(len(expected["codes"]))
                 if expected["codes"][i]["code"] == "信任")
    entry = expected["codes"][trust]
    assert entry["pooled_kappa"] is not None
    view.codes.setCurrentItem(view.codes.topLevelItem(trust))
    cell = entry["documents"][0]
    row = view.docs.topLevelItem(0)
    assert row.text(0) == cell["document"]
    assert _row_values(row, (2, 3, 4, 5, 6, 7, 8, 9, 10)) == [
        cell["units"], cell["table"]["both"], cell["table"]["only_a"], cell["table"]["only_b"],
        cell["table"]["neither"], cell["percent_agreement"], cell["cohen_kappa"],
        cell["krippendorff_alpha"], cell["segment_agreement"]]
    assert row.text(11) == "Alice, Bob"
    t = cell["table"]  # the count is in the chosen unit, as the four cells are
    assert cell["units"] == t["both"] + t["only_a"] + t["only_b"] + t["neither"]
    # the workbook
    out = tmp_path / "agreement.xlsx"
    dialogs.answer(str(out))
    view.export_button.click()
    computed(qtbot, view)
    assert out.exists() and out.stat().st_size > 0
    assert "Exported the agreement" in window.statusBar().currentMessage()


def test_disagreements_jump_and_consensus_with_undo(qtbot, merged) -> None:
    window = merged
    ui = window.workshop_ui
    trigger(ui.act_disagreements)
    view = ui.disagreements
    assert ui.disagreements_dock.isVisible()
    computed(qtbot, view)
    rows = [(d.code_path, d.start, d.end, d.coded_by) for d in view.items]
    assert ("协调", 100, 200, ("Alice",)) in rows
    i = rows.index(("协调", 100, 200, ("Alice",)))
    assert view.text(i, 2) == "Alice" and "Bob" in view.text(i, 3)
    rect = view.row_rect(i)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert window.view.selection_span() == (100, 200)
    button = view.findChild(QPushButton, "acceptConsensus_Alice")
    assert button is not None and "Alice" in button.text()
    button.click()
    assert ("协调", CONSENSUS_CODER, 100, 200) in [s[:4] for s in stored(window)]
    assert "Accepted Alice's coding" in window.statusBar().currentMessage()
    trigger(window.registry["undo"])
    assert ("协调", CONSENSUS_CODER, 100, 200) not in [s[:4] for s in stored(window)]
    trigger(window.registry["redo"])
    assert ("协调", CONSENSUS_CODER, 100, 200) in [s[:4] for s in stored(window)]
    # code a span for consensus directly
    view.refresh()
    computed(qtbot, view)
    j = next(k for k, d in enumerate(view.items) if (d.code_path, d.start) == ("整合", 300))
    view.select_row(j)
    assert window.view.selection_span() == (300, 400)
    view.consensus_button.click()
    assert ("整合", CONSENSUS_CODER, 300, 400) in [s[:4] for s in stored(window)]
    trigger(window.registry["undo"])
    assert ("整合", CONSENSUS_CODER, 300, 400) not in [s[:4] for s in stored(window)]


def _cli_agreement(project: Path, coders: list[str]) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["agreement", str(project), "--json", "--coders", ",".join(coders)]) == 0
    return json.loads(out.getvalue())


def _shown_codes(view: AgreementView) -> list[list]:
    return [[view.codes.topLevelItem(i).text(0),
             *_row_values(view.codes.topLevelItem(i), (2, 3, 4, 5, 6))]
            for i in range(view.codes.topLevelItemCount())]


def _expected_codes(data: dict) -> list[list]:
    return [[e["code"], e["percent_agreement"], e["pooled_kappa"], e["weighted_kappa"],
             e["krippendorff_alpha"], e["segment_agreement"]] for e in data["codes"]]


def test_the_agreement_dock_follows_a_coding_and_its_undo(qtbot, merged) -> None:
    """After a coding and after its undo the dock shows what `annotator agreement`
    prints, and only the touched cells were computed again (not a whole run)."""
    window = merged
    ui, session = window.workshop_ui, window.session
    trigger(ui.act_agreement)
    view: AgreementView = ui.agreement
    computed(qtbot, view)
    path = session.project.path
    before = _cli_agreement(path, ["Alice", "Bob"])
    assert _shown_codes(view) == _expected_codes(before)
    assert view.last_run == "whole"

    session.set_coder("Bob")
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not view.busy and not view._timer.isActive(), timeout=20_000)
    trust = next(c.id for c in session.codes.values() if c.path == "信任")
    window.view.select_span(70, 140)
    assert window.coding.code_selection(trust)
    qtbot.waitUntil(lambda: view.last_run == "update" and not view.busy, timeout=20_000)
    after = _cli_agreement(path, ["Alice", "Bob"])
    assert after != before
    assert _shown_codes(view) == _expected_codes(after)
    view.codes.setCurrentItem(next(
        view.codes.topLevelItem(i) for i in range(view.codes.topLevelItemCount())
        if view.codes.topLevelItem(i).text(0) == "信任"))
    cell = next(e for e in after["codes"] if e["code"] == "信任")["documents"][0]
    assert _row_values(view.docs.topLevelItem(0), (3, 4, 5, 6)) == [
        cell["table"]["both"], cell["table"]["only_a"], cell["table"]["only_b"],
        cell["table"]["neither"]]

    view.last_run = None
    trigger(window.registry["undo"])
    qtbot.waitUntil(lambda: view.last_run == "update" and not view.busy, timeout=20_000)
    assert _shown_codes(view) == _expected_codes(before)


def test_a_hidden_agreement_dock_computes_nothing(qtbot, merged) -> None:
    window = merged
    ui = window.workshop_ui
    assert not ui.agreement_dock.isVisible()
    window.session.set_coder("Bob")
    trust = next(c.id for c in window.session.codes.values() if c.path == "信任")
    window.view.select_span(500, 560)
    assert window.coding.code_selection(trust)
    qtbot.wait(600)  # longer than the dock's delays
    assert ui.agreement.result is None and not ui.agreement.busy
    assert ui.agreement.last_run is None
    trigger(ui.act_agreement)  # shown: computed once, with the coding
    computed(qtbot, ui.agreement)
    assert ui.agreement.last_run == "whole"
    expected = project_agreement(window.session.project, coders=["Alice", "Bob"]).to_json()
    assert _shown_codes(ui.agreement) == _expected_codes(expected)


def test_a_cancelled_merge_leaves_the_project_untouched(qtbot, window, demo: Path,
                                                        tmp_path: Path) -> None:
    window.projects.open_path(demo)
    made = make_participant_copies(window.session.project, tmp_path, ["张三"],
                                   without_codings=True)
    _code_in_copy(made[0].path, "张三", CODINGS["Alice"])
    before = sorted(stored(window))
    coders = set(window.session.coders.values())
    ui = window.workshop_ui
    job = ui.merge([made[0].path])
    assert ui.merging and ui.merge_progress.isVisible()
    ui.merge_progress.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not ui.merging, timeout=30_000)
    assert not job.running
    assert "nothing was merged" in window.statusBar().currentMessage()
    assert sorted(stored(window)) == before
    with Project.open(demo) as again:
        assert "张三" not in {c.name for c in list_coders(again)}
    assert set(window.session.coders.values()) == coders
    # not cancelled, the same merge goes through
    ui.merge([made[0].path])
    qtbot.waitUntil(lambda: not ui.merging, timeout=30_000)
    assert ("信任", "张三", 0, 50) in [s[:4] for s in stored(window)]


def test_with_many_coders_pair_rows_come_when_a_row_is_expanded(qtbot, window, demo: Path,
                                                                 tmp_path: Path) -> None:
    """Five coders (ten pairs): the code rows list their pairs when expanded, with the
    numbers of `project_agreement`."""
    names = ["甲", "乙", "丙", "丁", "戊"]
    with Project.open(demo) as p:
        copies = make_participant_copies(p, tmp_path, names, without_codings=True)
    for i, c in enumerate(copies):
        _code_in_copy(c.path, c.participant, [(0, 50 + 5 * i, "信任"), (100, 180 + i, "协调")])
    with Project.open(demo) as p:
        assert all(r.ok for r in merge_copies(p, [c.path for c in copies]))
    window.projects.open_path(demo)
    ui = window.workshop_ui
    trigger(ui.act_agreement)
    view: AgreementView = ui.agreement
    computed(qtbot, view)
    assert set(view.chosen_coders()) == set(names)
    expected = project_agreement(window.session.project, coders=names).to_json()
    row = next(view.codes.topLevelItem(i) for i in range(view.codes.topLevelItemCount())
               if view.codes.topLevelItem(i).text(0) == "信任")
    assert row.childCount() == 0 and not row.isExpanded()
    view.codes.expandItem(row)
    entry = next(e for e in expected["codes"] if e["code"] == "信任")
    assert row.childCount() == len(entry["pairs"]) == 10
    for k, pair in enumerate(entry["pairs"]):
        child = row.child(k)
        assert child.text(1) == f"{pair['coder_a']} – {pair['coder_b']}"
        assert _row_values(child, (2, 3, 6)) == [
            pair["percent_agreement"], pair["pooled_kappa"], pair["segment_agreement"]]
    view.codes.setCurrentItem(row)  # the chosen code's document: its pairs likewise
    doc = view.docs.topLevelItem(0)
    assert doc.childCount() == 0
    view.docs.expandItem(doc)
    assert doc.childCount() == 10


def test_the_disagreements_follow_a_coding_document_by_document(qtbot, merged) -> None:
    """After a coding the list equals the service's, and only the coded document was
    listed again."""
    window = merged
    ui, session = window.workshop_ui, window.session
    session.set_coder("Bob")
    trigger(ui.act_disagreements)
    view = ui.disagreements
    qtbot.waitUntil(lambda: not view.busy and not view._timer.isActive(), timeout=20_000)
    assert view.last_run == "whole"

    def listed() -> list[tuple]:
        return [(d.document, d.code_path, d.start, d.end, d.coded_by) for d in view.items]

    def service() -> list[tuple]:
        return [(d.document, d.code_path, d.start, d.end, d.coded_by)
                for d in disagreements(session.project, coders=["Alice", "Bob"])]

    assert listed() == service()
    trust = next(c.id for c in session.codes.values() if c.path == "协调")
    window.view.select_span(120, 150)
    assert window.coding.code_selection(trust)
    qtbot.waitUntil(lambda: view.last_run == "update" and not view.busy
                    and not view._timer.isActive(), timeout=20_000)
    assert listed() == service()
    assert ("协调", 100, 120, ("Alice",)) in [r[1:] for r in listed()]
    trigger(window.registry["undo"])
    qtbot.waitUntil(lambda: not view.busy and not view._timer.isActive()
                    and listed() == service(), timeout=20_000)
    assert ("协调", 100, 200, ("Alice",)) in [r[1:] for r in listed()]


def test_the_unit_and_uncoded_rule_are_chosen_and_shown_with_the_figures(
        qtbot, merged) -> None:
    """Every figure depends on the unit and on whether documents nobody coded with a code
    count: the view says both above the tables, and changing them recomputes."""
    window = merged
    ui = window.workshop_ui
    trigger(ui.act_agreement)
    view: AgreementView = ui.agreement
    computed(qtbot, view)
    assert view.unit.currentData() == "non_whitespace"
    assert not view.include_uncoded.isChecked()
    assert view.choice.text() == (
        "The unit of analysis was the character, whitespace and line breaks excluded: for "
        "each code, a character was coded or not coded by each coder. A coder who coded "
        "nothing in a document was treated as missing there unless they had marked it as "
        "reviewed. Documents in which no coder used a code were left out of that code's "
        "figures.")
    project = window.session.project

    def shown() -> list:
        return [_row_values(view.codes.topLevelItem(i), (0, 2, 3, 5))
                for i in range(view.codes.topLevelItemCount())]

    def expected(**choice) -> list:
        data = project_agreement(project, coders=["Alice", "Bob"], **choice).to_json()
        return [[e["code"], e["percent_agreement"], e["pooled_kappa"],
                 e["krippendorff_alpha"]] for e in data["codes"]]

    assert shown() == expected()
    view.unit.setCurrentIndex(view.unit.findData("characters"))
    view.include_uncoded.setChecked(True)
    view.refresh()
    computed(qtbot, view)
    assert view.result.unit == "characters" and view.result.include_uncoded
    assert shown() == expected(unit="characters", include_uncoded=True)
    assert shown() != expected()  # the choice moves the figures on this project
    assert view.choice.text().startswith(
        "The unit of analysis was the character, whitespace and line breaks included")
    assert "were counted for that code" in view.choice.text()
    view.unit.setCurrentIndex(view.unit.findData("paragraphs"))
    view.refresh()
    computed(qtbot, view)
    assert shown() == expected(unit="paragraphs", include_uncoded=True)
    assert view.unit.count() == 4 and view.unit.toolTip() and view.include_uncoded.toolTip()
