"""Two windows on one team project: each sees what the other does, without reloading.

Two ``MainWindow``s in one test process, each with its own settings and its own open
project (its own connections and origin), against the real server; one codes, edits the
codebook, writes memos, and the other shows it — the highlight in the text, the count in
the codebook, the renamed code, the memo — and a window never applies its own step twice.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings

from annotator.services import documents
from annotator.services.codebook import find_code
from annotator.services.projects import new_project
from annotator.services.rows import CodingInfo
from annotator.ui.codebook_view import COL_COUNT, COL_NAME
from annotator.ui.main_window import MainWindow
from annotator.ui.operations.codebook import SetCodeValue
from annotator.ui.operations.coding import CodeSpan, CodingMemo, UncodeSpan
from annotator.ui.operations.documents import DocumentValue
from tests.conftest import shared_file
from tests.ui.conftest import ScriptedPrompts

#: how long a test waits at most for the other window (the live delay is measured by
#: bench/bench_team_window.py; this only keeps a broken feed from hanging the run)
PATIENCE_MS = 15_000


@pytest.fixture
def team_project(postgres_database: str) -> tuple[str, int, int]:
    """A team project with the seed paper and the governance codebook: (url, doc, code)."""
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")[:6000]
    project = new_project(postgres_database, "governance")
    doc = documents.add_document(project, "整体性治理", text)
    with project.read() as s:
        code = find_code(s, "信任/社会信任").id
    project.close()
    return postgres_database, doc.id, code


def team_window(qtbot, tmp_path, name: str, url: str, coder: str) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, persist=False, prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    assert window.projects.open_path(url), window.prompts.warnings
    assert window.session.set_coder(coder)
    return window


def shown_codings(window: MainWindow) -> set[int]:
    return {span.coding_id for span in window.view.index}


def test_each_window_sees_the_others_codings_codebook_edits_and_memos(
        qtbot, tmp_path, team_project):
    url, doc, code = team_project
    a = team_window(qtbot, tmp_path, "a", url, "王丽")
    b = team_window(qtbot, tmp_path, "b", url, "李强")
    seen_by_a: list = []
    a.session.changed.connect(seen_by_a.append)
    try:
        assert a.view.doc_id == doc and b.view.doc_id == doc
        # A codes: B shows the highlight and the count, without reloading
        assert a.session.execute(CodeSpan(a.session, doc, 10, 30, code))
        coding_id = a.session.undo_stack.command(0).created[0].id
        qtbot.waitUntil(lambda: coding_id in shown_codings(b), timeout=PATIENCE_MS)
        assert b.session.counts[code] == 1
        assert b.codebook.items[code].text(COL_COUNT) == "1"
        span = next(sp for sp in b.view.index if sp.coding_id == coding_id)
        assert (b.view.map.to_codepoint(span.start), b.view.map.to_codepoint(span.end)) == \
            (10, 30)
        assert b.session.coder_name(span.coder_id) == "王丽"

        # A renames the code: B's codebook shows the new name
        assert a.session.execute(SetCodeValue(a.session, code, "name", "邻里之间的信任"))
        qtbot.waitUntil(lambda: b.codebook.items[code].text(COL_NAME) == "邻里之间的信任",
                        timeout=PATIENCE_MS)
        assert b.session.code_path(code) == "信任/邻里之间的信任"

        # A writes a document memo: B's document list has it
        assert a.session.execute(DocumentValue(a.session, doc, "memo", "第二段需要再读"))
        qtbot.waitUntil(lambda: b.session.document(doc).memo == "第二段需要再读",
                        timeout=PATIENCE_MS)

        # B writes a memo on A's coding: A's coded segments list shows it
        a.codebook.select_code(code)
        a.segments.flush()
        info = CodingInfo(coding_id, doc, code, span.coder_id, 10, 30, "")
        assert b.session.execute(CodingMemo(b.session, info, "B 的备忘：这里是社会信任"))

        def memo_in_a() -> bool:
            a.segments.flush()
            return [s.memo for s in a.segments.model.rows] == ["B 的备忘：这里是社会信任"]

        qtbot.waitUntil(memo_in_a, timeout=PATIENCE_MS)

        # B uncodes A's coding: it leaves A's text and A's count
        assert b.session.execute(UncodeSpan(b.session, doc, 10, 30, code, span.coder_id))
        qtbot.waitUntil(lambda: coding_id not in shown_codings(a), timeout=PATIENCE_MS)
        assert a.session.counts[code] == 0
        assert a.codebook.items[code].text(COL_COUNT) == "0"

        # A's own steps reached A once, from its own operations; the rest came from B
        own = [c for c in seen_by_a if c.codings_added]
        assert len(own) == 1 and own[0].codings_added[0].id == coding_id
        assert not any(c.reset for c in seen_by_a)
    finally:
        a.close()
        b.close()
