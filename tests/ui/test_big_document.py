"""A novel with tens of thousands of codings: the window reads them a stretch at a time,
and what it shows stays what the project holds — while scrolling, under the caret, after
a bulk step, its undo and its redo, and after reopening."""

import random
import uuid
from pathlib import Path

from PySide6.QtWidgets import QAbstractSlider, QApplication
from sqlalchemy import insert

from annotator.services.autocode import HitSpan
from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import document_spans, segments
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.models import Coding
from annotator.store.project import now
from annotator.ui.document_codings import LONG, STRETCH
from annotator.ui.document_view import MAX_LAYERS
from annotator.ui.operations.autocode import CodeHits
from tests.conftest import shared_file


def novel_project(path: Path, codings: int = 20_000) -> tuple[Path, str]:
    """红楼梦 coded at random by two coders, short codings and a few very long ones (a
    chapter, half the book) that reach far past the stretch they start in."""
    text = shared_file("corpus", "hongloumeng-gbk.txt").read_bytes().decode("gb18030")
    project = new_project(path, "governance")
    doc = add_document(project, "红楼梦", text).id
    codes = [c.id for c in code_tree(project) if c.is_codable][:12]
    coders = [ensure_coder(project, name).id for name in ("测试编码员", "李四")]
    rnd, stamp = random.Random(19), now()
    spans = set()
    while len(spans) < codings:
        start = rnd.randrange(len(text) - 300)
        spans.add((rnd.choice(codes), rnd.choice(coders), start, start + rnd.randint(1, 200)))
    for k in range(40):  # long ones: up to half the novel
        start = rnd.randrange(len(text) // 2)
        length = rnd.choice([LONG + 1, 5 * STRETCH, 100_000, len(text) // 2])
        spans.add((codes[k % len(codes)], coders[0], start, start + length))
    rows = [{"document_id": doc, "code_id": c, "coder_id": k, "start": a, "end": b,
             "memo": "", "created_at": stamp, "guid": str(uuid.uuid4())}
            for c, k, a, b in spans]
    with project.write() as s:
        s.execute(insert(Coding.__table__), rows)
    project.close()
    return path, text


def stored_at(window, a: int, b: int) -> list[tuple]:
    """What the project holds over code points ``[a, b)``, as (start, end, code, coder, id)."""
    doc = window.view.doc_id
    return sorted((r[3], r[4], r[1], r[2], r[0])
                  for r in document_spans(window.session.project, doc)
                  if r[3] < b and r[4] > a)


def shown_at(window, a: int, b: int) -> list[tuple]:
    view = window.view
    m = view.map
    return sorted((m.to_codepoint(s.start), m.to_codepoint(s.end), s.code_id, s.coder_id,
                   s.coding_id) for s in view.visible_spans(m.to_utf16(a), m.to_utf16(b)))


def background_under_caret(window):
    """The background colour the highlighter gave the character after the caret."""
    view = window.view
    cursor = view.textCursor()
    block, pos = cursor.block(), cursor.position() - cursor.block().position()
    for fr in block.layout().formats():
        if fr.start <= pos < fr.start + fr.length:
            return fr.format.background().color().name()
    return None


def expected_background(window, spans: list[tuple]) -> str | None:
    if not spans:
        return None
    ranks = sorted({window.session.code_rank(code) for _a, _b, code, _k, _id in spans})
    key = tuple(ranks) if len(ranks) <= MAX_LAYERS else (*ranks[:MAX_LAYERS], ranks[-1])
    return window.view.highlighter.format_for(key).background().color().name()


def test_scrolling_the_novel_shows_what_the_project_holds(window, tmp_path: Path) -> None:
    path, text = novel_project(tmp_path / "novel.annotator")
    assert window.projects.open_path(path)
    view = window.view
    assert len(view.index) == 20_040  # counted, without reading them all
    bar = view.verticalScrollBar()
    rnd = random.Random(3)
    for place in [0, *sorted(rnd.sample(range(len(text) - 10), 12)), len(text) - 5]:
        view.go_to(place)
        for _ in range(2):
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            QApplication.processEvents()
        middle = view.viewport().rect().center()  # the caret where the reader looks
        view.setTextCursor(view.cursorForPosition(middle))
        view.viewport().repaint()
        caret = view.caret_position()
        here = stored_at(window, caret, caret + 1)
        assert shown_at(window, caret, caret + 1) == here
        assert background_under_caret(window) == expected_background(window, here)
        # the whole screen, the stripes' codings too
        first = view.map.to_codepoint(view.firstVisibleBlock().position())
        last = min(len(text), first + 3000)
        assert shown_at(window, first, last) == stored_at(window, first, last)
    assert sorted(view.index.code_ids()) == sorted(
        {code for _i, code, _k, _a, _b in document_spans(window.session.project, view.doc_id)})


def test_bulk_step_undo_redo_and_reopen_keep_the_view_exact(window, tmp_path: Path) -> None:
    path, text = novel_project(tmp_path / "novel.annotator", codings=5_000)
    assert window.projects.open_path(path)
    session, view = window.session, window.view
    doc = view.doc_id
    view.go_to(len(text) // 3)  # some stretches read, most not
    QApplication.processEvents()
    before = stored_at(window, 0, len(text))
    hits = [HitSpan(doc, i, i + 1) for i, ch in enumerate(text) if ch == "的"]
    assert len(hits) > 15_000  # every hit, no cut at 10,000
    code = next(c for c in session.code_order if session.codes[c].is_codable)
    window.codebook.select_code(code)
    assert session.execute(CodeHits(session, hits, code, "hit"))
    QApplication.processEvents()
    after = stored_at(window, 0, len(text))
    assert len(after) == len(before) + len(hits)
    assert shown_at(window, 0, len(text)) == after
    assert len(view.index) == len(after)

    def listed() -> list[int]:
        return [s.coding_id for s in window.segments.model.rows]

    def retrieved() -> list[int]:
        return [s.coding_id for s in segments(session.project, code_id=code)]

    assert listed() == retrieved()
    session.undo_stack.undo()
    QApplication.processEvents()
    assert stored_at(window, 0, len(text)) == before
    assert shown_at(window, 0, len(text)) == before and len(view.index) == len(before)
    assert listed() == retrieved()
    session.undo_stack.redo()
    QApplication.processEvents()
    assert stored_at(window, 0, len(text)) == after  # the same rows, the same ids
    assert shown_at(window, 0, len(text)) == after and len(view.index) == len(after)
    assert listed() == retrieved()
    window.projects.close_project()
    assert window.projects.open_path(path)
    assert len(window.view.index) == len(after)
    assert shown_at(window, 0, len(text)) == after


def test_a_change_to_a_stretch_not_read_yet_shows_when_it_is(window, tmp_path: Path) -> None:
    path, text = novel_project(tmp_path / "novel.annotator", codings=2_000)
    assert window.projects.open_path(path)
    session, view = window.session, window.view
    view.go_to(0)
    QApplication.processEvents()
    far = len(text) - 1000
    code = next(c for c in session.code_order if session.codes[c].is_codable)
    count = len(view.index)
    assert session.execute(CodeHits(session, [HitSpan(view.doc_id, far, far + 7)], code,
                                    "hit"))
    assert len(view.index) == count + 1
    view.go_to(far)
    QApplication.processEvents()
    assert any(s[:3] == (far, far + 7, code) for s in shown_at(window, far, far + 7))
    session.undo_stack.undo()
    assert not any(s[:3] == (far, far + 7, code) for s in shown_at(window, far, far + 7))
    assert len(view.index) == count


def test_finding_的_steps_through_every_hit_and_the_list_says_its_cut(window,
                                                                     tmp_path: Path) -> None:
    path, text = novel_project(tmp_path / "novel.annotator", codings=100)
    assert window.projects.open_path(path)
    total = text.count("的")
    assert total > 10_000
    window.view.go_to(text.rindex("的") - 1)
    window.search.find("的")  # the last hit is found, not hit number 10,000
    assert window.view.selection_span()[0] == text.rindex("的")
    assert window.find_bar.count.text() == f"{total} of {total}"
    window.search.search_all("的")
    assert len(window.results.hits) == 10_000
    said = window.statusBar().currentMessage()
    assert "More than 10000 hits" in said and "concordance" in said
