"""The concordance in the window, driven as a user does: search, read the hits in context,
sort them, choose some, choose the code and the extent, code them as one undoable step,
jump to a hit; bad patterns and long documents never hold the window."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from annotator.services.codebook import add_code
from annotator.services.documents import add_document
from annotator.store.project import Project
from tests.conftest import shared_file
from tests.ui.helpers import code_id, press, stored, trigger, type_text

SENTENCE_ENDS = "。！？；!?;"


def _open(qtbot, window, demo: Path, term: str = ""):
    window.projects.open_path(demo)
    trigger(window.registry["concordance"])
    ta = window.text_analysis
    assert ta.concordance_dock.isVisible()
    panel = ta.concordance
    if term:
        panel.term.clear()
        type_text(panel.term, term)
        qtbot.keyClick(panel.term, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    return panel


def _all_hits(window, term: str) -> list[tuple[int, int]]:
    out = []
    for d in window.session.documents:
        text = window.session.text(d.id)
        at = text.find(term)
        while at >= 0:
            out.append((d.id, at))
            at = text.find(term, at + 1)
    return out


def _toggle(qtbot, panel, row: int) -> None:
    """Space on a row's check box, as the keyboard user does."""
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(table.viewport(), Qt.Key.Key_Space)


def test_every_hit_with_its_context_then_code_two_sentences_in_one_step(
        qtbot, window, demo: Path, dialogs) -> None:
    panel = _open(qtbot, window, demo, "信任")
    hits = panel.model.hits
    assert [(h.document_id, h.start) for h in hits] == _all_hits(window, "信任")
    for h in hits:  # the context is the text's own, line breaks shown as ⏎
        text = window.session.text(h.document_id)
        assert text[h.start:h.end] == h.match == "信任"
        assert h.left == text[max(0, h.start - 30):h.start].replace("\n", "⏎")
        assert h.right == text[h.end:h.end + 30].replace("\n", "⏎")
    assert len(panel.model.checked) == len(hits)  # every hit starts chosen

    # choose two hits: none, then Space on two rows
    qtbot.mouseClick(panel.check_none, Qt.MouseButton.LeftButton)
    assert "0 chosen" in panel.status.text()
    assert not panel.code_hits_button.isEnabled()
    last = len(hits) - 1  # the first and the last hit: two sentences
    _toggle(qtbot, panel, 0)
    _toggle(qtbot, panel, last)
    chosen = [hits[0], hits[last]]
    assert panel.model.chosen() == sorted(chosen, key=lambda h: h.start)

    # the code, found by typing; the extent: its sentence
    def type_social(chooser: QDialog) -> bool:
        type_text(chooser.filter, "社会信")
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
        return chooser.result() == QDialog.DialogCode.Accepted

    dialogs.answer(type_social)
    qtbot.mouseClick(panel.code_button, Qt.MouseButton.LeftButton)
    social = code_id(window, "信任/社会信任")
    assert panel.code_id == social and "社会信任" in panel.code_button.text()
    panel.extent.setCurrentIndex(panel.extent.findData("sentence"))
    before = stored(window, code_id=social)
    assert panel.code_hits_button.text() == "Code 2 chosen hits"
    qtbot.mouseClick(panel.code_hits_button, Qt.MouseButton.LeftButton)

    after = stored(window, code_id=social)
    new = [row for row in after if row not in before]
    assert len(new) == 2
    text = window.session.text(chosen[0].document_id)
    for (path, _coder, start, end, coded), hit in zip(sorted(new, key=lambda r: r[2]),
                                                      sorted(chosen, key=lambda h: h.start),
                                                      strict=True):
        assert path == "信任/社会信任" and start <= hit.start and hit.end <= end
        # a whole sentence: it begins after a sentence end (or a line break) and stops at one
        assert start == 0 or text[start - 1] in SENTENCE_ENDS + "\n" or text[start - 1].isspace()
        assert coded[-1] in SENTENCE_ENDS or end == len(text) or text[end] == "\n"
        assert not any(c in SENTENCE_ENDS for c in coded[:-1])
    assert "2 codings added" in window.statusBar().currentMessage()
    assert window.session.counts[social] == len(after)

    # one step back, one step forward: the same codings (same rows)
    press(qtbot, window.view, "Ctrl+Z")
    assert stored(window, code_id=social) == before
    assert window.session.counts[social] == len(before)
    press(qtbot, window.view, "Ctrl+Shift+Z")
    assert stored(window, code_id=social) == after


def test_double_click_shows_the_hit_and_headers_sort(qtbot, window, demo: Path) -> None:
    panel = _open(qtbot, window, demo, "治理")
    hits = list(panel.model.hits)
    assert len(hits) > 20
    # sort by the left context: read backwards from the hit, nearest character first
    header = panel.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, 1))
    qtbot.waitUntil(lambda: panel.model.sort_key == "left" and not panel.busy,
                    timeout=10_000)  # sorted in a worker
    lefts = [h.left[::-1] for h in panel.model.hits]
    assert lefts == sorted(lefts) and sorted(panel.model.hits, key=lambda h: h.start) == \
        sorted(hits, key=lambda h: h.start)
    row = 7
    target = panel.model.hits[row]
    rect = panel.table.visualRect(panel.model.index(row, 2))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert window.view.doc_id == target.document_id
    assert window.view.selection_span() == (target.start, target.end)


def _section_centre(header, section: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_whole_words_leaves_out_hits_inside_a_longer_word(qtbot, window, demo: Path) -> None:
    panel = _open(qtbot, window, demo, "信任")
    every = len(panel.model.hits)
    panel.whole_words.setChecked(True)
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    whole = panel.model.hits
    assert 0 < len(whole) < every
    # 政治信任 is a code name, so one word: 信任 inside it is not a whole word
    for h in whole:
        text = window.session.text(h.document_id)
        assert text[max(0, h.start - 2):h.start] != "政治"


def test_a_bad_or_runaway_pattern_is_one_sentence_and_the_window_turns(
        qtbot, window, demo: Path) -> None:
    with Project.open(demo) as p:
        add_document(p, "长串", "x" * 5000)
    panel = _open(qtbot, window, demo)
    before = stored(window)
    panel.regex.setChecked(True)
    type_text(panel.term, "(信任")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert "does not compile" in panel.status.text() and not panel.model.hits
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(panel.busy))
    timer.start()
    panel.term.clear()
    type_text(panel.term, "(x+x+)+y")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    timer.stop()
    assert "backtracks too much" in panel.status.text()
    assert ticks.count(True) >= 5  # the event loop ran while the pattern was tried
    assert stored(window) == before


def test_stop_on_a_novel_searched_for_whole_words(qtbot, window, demo: Path) -> None:
    novel = shared_file("corpus", "hongloumeng-gbk.txt").read_bytes().decode("gbk")
    with Project.open(demo) as p:
        add_document(p, "红楼梦", novel)
    panel = _open(qtbot, window, demo)
    panel.whole_words.setChecked(True)
    type_text(panel.term, "宝玉")
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(panel.busy))
    timer.start()
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    assert panel.busy and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: ticks.count(True) >= 5, timeout=20_000)  # the window turns
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert not panel.busy and panel.search_button.isEnabled()
    shown = len(panel.model.hits)
    qtbot.wait(300)
    timer.stop()
    assert len(panel.model.hits) == shown  # nothing comes in after Stop
    assert "stopped" in panel.status.text()
    # searched to the end, the novel's hits are all there, in place
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    doc = next(d.id for d in window.session.documents if d.name == "红楼梦")
    found = [h for h in panel.model.hits if h.document_id == doc]
    assert len(found) > 3000 and all(novel[h.start:h.end] == "宝玉" for h in found)


def test_a_case_narrows_the_search_and_a_heading_code_is_refused(
        qtbot, window, demo: Path, dialogs) -> None:
    from annotator.services.cases import create_case

    with Project.open(demo) as p:
        add_document(p, "访谈", "居民说：我信任社区。")
        create_case(p, "张三", ["访谈"])
        add_code(p, "新主题")
    panel = _open(qtbot, window, demo)
    i = panel.scope.findText("Case: 张三")
    assert i >= 0
    panel.scope.setCurrentIndex(i)
    type_text(panel.term, "信任")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert [h.document for h in panel.model.hits] == ["访谈"]
    # "this document" is the one the window shows
    panel.scope.setCurrentIndex(panel.scope.findData("here"))
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert {h.document_id for h in panel.model.hits} == {window.view.doc_id}
    # a heading (a code with children) cannot code: one sentence, nothing written
    before = stored(window)
    panel.set_code(code_id(window, "信任"))
    with Project.open(demo) as p, p.write() as s:
        from annotator.store.models import Code

        s.get(Code, code_id(window, "信任")).is_codable = False
    qtbot.mouseClick(panel.code_hits_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings and "heading" in dialogs.warnings[-1]
    assert stored(window) == before


def test_search_the_chosen_documents(qtbot, window, demo: Path, dialogs) -> None:
    with Project.open(demo) as p:
        add_document(p, "访谈甲", "我信任社区。")
        add_document(p, "访谈乙", "他不信任物业。")
        add_document(p, "访谈丙", "信任很重要。")
    panel = _open(qtbot, window, demo)

    def tick_two(chooser: QDialog) -> bool:
        for r in range(chooser.list.count()):
            item = chooser.list.item(r)
            if item.text() in ("访谈甲", "访谈乙"):
                item.setCheckState(Qt.CheckState.Checked)
        return True

    dialogs.answer(tick_two)
    i = panel.scope.findData("chosen")
    panel.scope.setCurrentIndex(i)
    panel.scope.activated.emit(i)  # as a click on the entry does
    assert panel.scope.currentText() == "Chosen documents (2)…"
    type_text(panel.term, "信任")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert [(h.document, h.left[-1:]) for h in panel.model.hits] == [
        ("访谈甲", "我"), ("访谈乙", "不")]  # 信任 inside 不信任 too
