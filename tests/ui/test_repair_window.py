"""A damaged or read-only project in the window: marked read-only in the title and the
status bar, exported as far as it is readable, checked and salvaged from the File menu
(off the window's thread), and the salvaged copy opened."""

import random
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from annotator.services import coding, documents
from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from tests.conftest import SEED_PAPER
from tests.ui.helpers import trigger

PAGE = 4096
SEED = SEED_PAPER.stem
OTHER = "访谈一"


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """The seed paper with a page of its text overwritten (the file's structure intact),
    and a second document that is whole; each coded."""
    path = tmp_path / "p.annotator"
    with new_project(path, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
        documents.add_document(p, OTHER, "受访者谈到社区治理中的信任问题。" * 20)
        codes, coder = code_tree(p), ensure_coder(p, "甲")
        for doc in documents.list_documents(p):
            for i in range(5):
                coding.code_span(p, doc.id, i * 10, i * 10 + 5, codes[i].id, coder.id)
    with sqlite3.connect(path) as conn:  # the seed paper is the one text long enough to overflow:
        # its first overflow page holds text only (the columns after it come last)
        page = conn.execute("SELECT min(pageno) FROM dbstat WHERE name = 'document' "
                            "AND pagetype = 'overflow'").fetchone()[0]
    data = bytearray(path.read_bytes())
    at = (page - 1) * PAGE
    rng = random.Random(7)
    data[at + 4: at + PAGE] = bytes(rng.randrange(256) for _ in range(PAGE - 4))
    path.write_bytes(data)
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    return path


def _show_seed(window) -> None:
    doc = next(d for d in window.session.documents if d.name == SEED)
    window.docs.select_document(doc.id)


def test_damage_found_marks_the_window_read_only_and_export_saves_the_rest(
    qtbot, window, damaged: Path, dialogs
) -> None:
    assert window.projects.open_path(damaged), dialogs.warnings  # (it records the coder)
    _show_seed(window)
    qtbot.waitUntil(lambda: window.session.project.damage is not None)
    before = damaged.read_bytes()  # from now on, nothing is written
    item = window.documents.currentItem()
    assert item.text() == SEED and "damaged" in item.toolTip()
    assert window.view.doc_id is None
    assert any(SEED in w and "damaged" in w for w in dialogs.warnings), dialogs.warnings
    assert "(read-only)" in window.windowTitle()
    mark = window.repair.mark
    assert mark.isVisible() and mark.text() == "Damaged — read-only"
    assert SEED in mark.toolTip()

    dialogs.warnings.clear()
    out = damaged.with_name("out.xlsx")
    dialogs.answer(str(out))
    window.export.export_dialog()
    qtbot.waitUntil(lambda: not window.export.busy and bool(dialogs.warnings),
                    timeout=60_000)
    assert len(dialogs.warnings) == 1 and "only what is readable" in dialogs.warnings[0]
    book = openpyxl.load_workbook(out, read_only=True)
    assert [r[0] for r in book["Damage"].iter_rows(min_row=3, values_only=True)] == [SEED]
    assert {r[0] for r in book["Coded segments"].iter_rows(min_row=2, values_only=True)} \
        == {OTHER}
    assert damaged.read_bytes() == before
    assert not [p.name for p in damaged.parent.iterdir() if p.name.startswith(".")]


def test_check_then_salvage_from_the_menu_and_open_the_copy(
    qtbot, window, damaged: Path, dialogs
) -> None:
    assert window.projects.open_path(damaged)
    before = damaged.read_bytes()
    saved = damaged.with_name("saved.annotator")
    dialogs.answer(True, str(saved), True)  # salvage now? where; open it?
    trigger(window.registry["check_project"])
    qtbot.waitUntil(lambda: window.session.project is not None
                    and window.session.project.path == saved, timeout=60_000)
    asked = [text for kind, text in dialogs.asked if kind == "question"]
    assert f"the text of 1 document(s) is damaged: {SEED}" in asked[0]
    assert "saved what is readable" in asked[1]
    assert not window.repair.busy
    assert "(read-only)" not in window.windowTitle()
    assert not window.repair.mark.isVisible()
    assert [d.name for d in window.session.documents] == [OTHER]
    assert damaged.read_bytes() == before


def test_salvage_with_no_project_open_asks_for_the_file(
    qtbot, window, damaged: Path, dialogs
) -> None:
    saved = damaged.with_name("saved.annotator")
    dialogs.answer(str(damaged), str(saved), False)  # which file; where; open? no
    trigger(window.registry["salvage_project"])
    qtbot.waitUntil(lambda: saved.exists() and not window.repair.busy, timeout=60_000)
    assert window.session.project is None
    assert "saved what is readable" in window.statusBar().currentMessage()


def test_check_of_a_whole_project_says_so(qtbot, window, demo: Path, dialogs) -> None:
    assert window.projects.open_path(demo)
    trigger(window.registry["check_project"])
    qtbot.waitUntil(lambda: not window.repair.busy and bool(dialogs.warnings),
                    timeout=60_000)
    assert dialogs.warnings == [f"{demo}: no damage was found"]


def test_a_read_only_file_is_marked_in_the_title_and_status_bar(
    qtbot, window, demo: Path
) -> None:
    demo.chmod(0o444)
    assert window.projects.open_path(demo)
    assert window.windowTitle().endswith("(read-only) — Annotator")
    assert window.repair.mark.text() == "Read-only"
    assert "the file is read-only" in window.repair.mark.toolTip()
    window.projects.close_project()
    assert not window.repair.mark.isVisible() and window.windowTitle() == "Annotator"
