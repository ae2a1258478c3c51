"""The controllers on their own: each is built from an ``AppContext`` on a bare
``QMainWindow`` and the panels it needs — no ``MainWindow``, no keys or clicks — and is
driven through the scripted prompts; the tests read the project file back.

This is the composition API other parts of the window use (``ui/__init__.py``): if a
controller needs more than its context and its panels, building it here fails.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QToolButton

from annotator.services.coding import segments
from annotator.store.project import Project
from annotator.ui.actions import Registry
from annotator.ui.codebook_editing import CodebookController
from annotator.ui.codebook_view import CodebookTree
from annotator.ui.coding_actions import CodingController
from annotator.ui.context import AppContext
from annotator.ui.document_list import DocumentsController
from annotator.ui.document_view import DocumentView
from annotator.ui.memo_actions import MemoController
from annotator.ui.panels import CodingsHere, FindBar, SearchResults
from annotator.ui.project_lifecycle import ProjectController
from annotator.ui.segments_view import SegmentsPanel
from annotator.ui.session import Session
from annotator.ui.text_search import SearchController
from annotator.ui.welcome import WelcomePage
from annotator.ui.window_state import WindowState
from tests.ui.conftest import ScriptedPrompts


class Parts:
    """A context and the panels, as ``MainWindow`` makes them, and the controllers
    built from them; ``changed`` goes to the panels in the window's order."""

    def __init__(self, qtbot, settings: QSettings, prompts: ScriptedPrompts,
                 persist: bool = False) -> None:
        self.host = QMainWindow()
        qtbot.addWidget(self.host)
        s = self.session = Session(self.host)
        self.prompts = prompts
        self.ctx = AppContext(self.host, s, settings, persist, prompts, Registry(self.host))
        self.view, self.codebook = DocumentView(s), CodebookTree(s)
        self.segments, self.codings_here = SegmentsPanel(s), CodingsHere(s)
        self.find_bar, self.results = FindBar(), SearchResults()
        self.docs = DocumentsController(self.ctx, QListWidget(), self.view,
                                        self.codings_here, QLabel(), QLabel())
        self.state = WindowState(self.ctx, self.docs, self.view, self.codebook,
                                 self.segments, {})
        self.projects = ProjectController(self.ctx, self.state, WelcomePage())
        self.coding = CodingController(self.ctx, self.view, self.codebook,
                                       self.codings_here, QToolButton())
        self.codebook_edit = CodebookController(self.ctx, self.codebook, self.segments,
                                                self.view, self.coding.choose_code)
        self.search = SearchController(self.ctx, self.view, self.find_bar, self.results,
                                       self.docs.show_span)
        self.memos = MemoController(self.ctx, self.view, self.codebook, self.codings_here,
                                    self.docs.show_span, self.docs.select_document)
        s.projectChanged.connect(self.docs.documents_changed)
        for apply in (self.docs.apply_change, self.codebook_edit.apply_change,
                      self.view.apply_change, self.codebook_edit.update_segments,
                      self.coding.apply_change):
            s.changed.connect(apply)

    def code(self, path: str) -> int:
        return next(c.id for c in self.session.codes.values() if c.path == path)

    def stored(self) -> list[tuple[str, str, int, int]]:
        return [(g.code_path, g.coder, g.start, g.end) for g in segments(self.session.project)]


@pytest.fixture
def parts(qtbot, settings: QSettings, dialogs: ScriptedPrompts) -> Parts:
    p = Parts(qtbot, settings, dialogs)
    yield p
    p.session.close()


def test_a_new_project_from_a_template_a_copy_and_closing(parts: Parts, tmp_path: Path
                                                          ) -> None:
    reg = parts.ctx.registry
    reg.update()
    assert not reg["close"].isEnabled() and reg["new"].isEnabled()
    parts.prompts.answer(  # the codebook by its title, as the user reads it
        lambda items: next(i for i in items if i.startswith("Holistic governance")),
        tmp_path / "新项目")
    parts.projects.new_project_dialog()
    s = parts.session
    assert s.is_open and s.project.path == tmp_path / "新项目.annotator"
    assert "协调" in {c.path for c in s.codes.values()}
    reg.update()
    assert reg["close"].isEnabled()
    parts.prompts.answer(tmp_path / "副本.annotator")
    parts.projects.save_copy()
    with Project.open(tmp_path / "副本.annotator") as copy:
        assert copy.path.exists()
    parts.projects.close_project()
    assert not s.is_open


def test_a_file_that_is_no_project_is_one_message(parts: Parts, tmp_path: Path) -> None:
    bad = tmp_path / "坏.annotator"
    bad.write_bytes(b"not a database at all")
    assert not parts.projects.open_path(bad)
    assert len(parts.prompts.warnings) == 1 and "坏.annotator" in parts.prompts.warnings[0]
    assert not parts.session.is_open


def test_recent_projects_newest_first(qtbot, settings: QSettings, dialogs: ScriptedPrompts,
                                      demo: Path, tmp_path: Path) -> None:
    parts = Parts(qtbot, settings, dialogs, persist=True)
    other = tmp_path / "other.annotator"
    other.write_bytes(demo.read_bytes())
    try:
        assert parts.projects.open_path(demo) and parts.projects.open_path(other)
        assert parts.projects.recent_projects() == [str(other.resolve()), str(demo.resolve())]
        parts.projects.fill_recent_menu()
        assert [a.toolTip() for a in parts.projects.recent_menu.actions()] == [
            str(other.resolve()), str(demo.resolve())]
        assert parts.projects.start_folder() == str(tmp_path.resolve())
    finally:
        parts.session.close()


def test_documents_rename_memo_delete_through_the_prompts(parts: Parts, demo: Path) -> None:
    parts.projects.open_path(demo)
    s, docs = parts.session, parts.docs
    (doc,) = s.documents
    assert docs.current_document() == doc.id and parts.view.doc_id == doc.id
    parts.prompts.answer("访谈一")
    docs.rename_document()
    assert docs.documents.item(0).text() == "访谈一" and docs.title.text() == "访谈一"
    editor = parts.memos.document_memo()  # the memo editor, on the current document
    editor.edit.setPlainText("第一次访谈")
    editor.accept()
    assert s.document(doc.id).memo == "第一次访谈"
    assert "第一次访谈" in docs.documents.item(0).toolTip()
    n = len(parts.stored())
    parts.prompts.answer(False)  # "Delete the document …?" — no
    docs.delete_document()
    assert len(s.documents) == 1
    docs.delete_document()  # yes
    assert s.documents == [] and docs.documents.count() == 0 and parts.view.doc_id is None
    s.undo_stack.undo()
    assert docs.documents.item(0).text() == "访谈一" and len(parts.stored()) == n


def test_coding_as_a_new_coder_asks_once_and_uncode_asks_which(parts: Parts, demo: Path
                                                               ) -> None:
    parts.projects.open_path(demo)
    coding, prompts, s = parts.coding, parts.prompts, parts.session
    me = s.coder.name  # not the demo's coder: has not coded here yet
    a, b = parts.code("信任/政治信任"), parts.code("信任/社会信任")
    parts.view.select_span(100, 110)
    assert coding.code_selection(a)  # "Code as …?" — yes
    assert coding.code_selection(b)  # asked once only
    assert [kind for kind, _text in prompts.asked] == ["question"]
    assert me in prompts.asked[0][1]
    assert sorted(r for r in parts.stored() if r[1] == me) == [
        ("信任/政治信任", me, 100, 110), ("信任/社会信任", me, 100, 110)]
    parts.codebook.setCurrentItem(None)  # no code chosen in the codebook
    prompts.answer("信任/社会信任")  # two of my codes there: which one?
    coding.uncode_selection()
    assert prompts.offered[-1] == ["信任/政治信任", "信任/社会信任"]
    assert [r for r in parts.stored() if r[1] == me] == [("信任/政治信任", me, 100, 110)]
    prompts.answer("乙")  # a name chosen on purpose is not asked about again
    assert coding.switch_coder() and "乙" in coding.coder_button.text()
    assert coding.code_selection(b) and len(prompts.asked) == 3
    assert ("信任/社会信任", "乙", 100, 110) in parts.stored()


def test_codebook_add_delete_and_merge_through_the_prompts(parts: Parts, demo: Path) -> None:
    parts.projects.open_path(demo)
    edit, prompts, s = parts.codebook_edit, parts.prompts, parts.session
    parts.codebook.select_code(parts.code("信任"))
    prompts.answer("  居民信任  ")
    edit.add_child_code()
    new = parts.code("信任/居民信任")
    assert parts.codebook.items[new].text(0) == "居民信任"
    parts.codebook.select_code(new)
    prompts.answer(False)
    edit.delete_code()
    assert new in s.codes
    prompts.answer(True)
    edit.delete_code()
    assert new not in s.codes and parts.codebook.current_code() == parts.code("信任")
    social, political = parts.code("信任/社会信任"), parts.code("信任/政治信任")
    moving = s.counts[social]
    parts.codebook.select_code(social)
    prompts.answer("信任/政治信任")
    before = s.counts[political]
    edit.merge_code()
    assert social not in s.codes and parts.codebook.current_code() == political
    assert s.counts[political] == before + moving
    assert parts.segments.code_id == political


def test_search_finds_the_next_and_previous_hit_and_lists_them_all(parts: Parts, demo: Path
                                                            ) -> None:
    parts.projects.open_path(demo)
    s, search = parts.session, parts.search
    text = s.text(parts.view.doc_id)
    count = text.count("信任")
    search.find("信任")
    first = text.index("信任")
    assert parts.view.selection_span() == (first, first + 2)
    assert parts.find_bar.count.text().endswith(str(count))
    search.find("信任")  # the next hit
    second = text.index("信任", first + 1)
    assert parts.view.selection_span() == (second, second + 2)
    search.find("信任", backwards=True)
    assert parts.view.selection_span() == (first, first + 2)
    search.search_all("信任")
    hits = parts.results.hits
    assert [(h.document_id, h.start) for h in hits][:2] == [
        (parts.view.doc_id, first), (parts.view.doc_id, second)]
    assert sum(s.text(d.id).count("信任") for d in s.documents) == len(hits)


