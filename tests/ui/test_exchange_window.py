"""REFI-QDA exchange through the File menu: codebook import, new project from .qdpx,
export .qdpx / .qdc, save a copy."""

import zipfile
from pathlib import Path

import pytest

from annotator.io.refi import validate
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.project import Project
from tests.ui.helpers import trigger

SHARED = Path("/work/shared/refi")
QDC = SHARED / "spec-annex-a1-codebook.qdc"
SMALL = SHARED / "nvivo-win-12.6-small.qdpx"


def test_entries_sit_in_the_file_menu(window) -> None:
    ui = window.exchange_ui
    actions = window.menus["file"].actions()
    for act in (ui.act_import_qdc, ui.act_new_from_qdpx):
        assert act in actions and act.toolTip()
    assert ui.export_menu.menuAction() in actions
    assert not ui.act_export_qdpx.isEnabled()  # no project yet
    assert window.registry["copy_project"] in actions


def test_export_qdpx_and_qdc_validate(window, demo: Path, dialogs, tmp_path: Path) -> None:
    window.projects.open_path(demo)
    ui = window.exchange_ui
    dialogs.answer(str(tmp_path / "out"))  # the suffix is added
    trigger(ui.act_export_qdpx)
    assert validate(tmp_path / "out.qdpx") == []
    dialogs.answer(str(tmp_path / "book.qdc"))
    trigger(ui.act_export_qdc)
    assert validate(tmp_path / "book.qdc") == []
    assert "Exported" in window.statusBar().currentMessage()


@pytest.mark.skipif(not QDC.exists(), reason="shared REFI samples absent")
def test_import_codebook(window, tmp_path: Path, dialogs) -> None:
    from annotator.services.projects import new_project

    new_project(tmp_path / "empty.annotator", "empty").close()
    window.projects.open_path(tmp_path / "empty.annotator")
    before = len(window.session.codes)
    dialogs.answer(str(QDC))
    trigger(window.exchange_ui.act_import_qdc)
    assert len(window.session.codes) > before
    assert window.codebook.topLevelItemCount() > 0
    assert "Imported the codebook" in window.exchange_ui.last_report
    # a broken file: a message box with the reason, the codebook untouched
    bad = tmp_path / "bad.qdc"
    bad.write_text("<nope/>", encoding="utf-8")
    count = len(window.session.codes)
    dialogs.answer(str(bad))
    trigger(window.exchange_ui.act_import_qdc)
    assert dialogs.warnings and "Traceback" not in dialogs.warnings[-1]
    assert len(window.session.codes) == count


@pytest.mark.skipif(not SMALL.exists(), reason="shared REFI samples absent")
def test_new_project_from_qdpx(window, tmp_path: Path, dialogs) -> None:
    dest = tmp_path / "from-nvivo"
    dialogs.answer(str(SMALL), str(dest))
    trigger(window.exchange_ui.act_new_from_qdpx)
    project = window.session.project
    assert project is not None and project.path == dest.with_suffix(".annotator")
    assert len(segments(project)) == 97
    assert window.documents.count() > 0
    assert "97 codings" in window.exchange_ui.last_report
    # the same destination again: refused with a message, nothing overwritten
    dialogs.answer(str(SMALL), str(dest))
    trigger(window.exchange_ui.act_new_from_qdpx)
    assert "already exists" in dialogs.warnings[-1]


def test_save_a_copy(window, demo: Path, dialogs, tmp_path: Path) -> None:
    window.projects.open_path(demo)
    dialogs.answer(str(tmp_path / "copy.annotator"))
    trigger(window.registry["copy_project"])
    with Project.open(tmp_path / "copy.annotator") as copy:
        assert len(segments(copy)) == 7


def test_export_for_nvivo_counts_utf16_and_each_entry_says_what_it_does(
        window, dialogs, tmp_path: Path) -> None:
    text = "𠮷野家😀：居民信任社区"
    with new_project(tmp_path / "p.annotator", "governance") as p:
        doc = add_document(p, "访谈", text)
        with p.read() as s:
            code = find_code(s, "信任").id
        code_span(p, doc.id, text.index("信任"), len(text), code, ensure_coder(p, "甲").id)
    window.projects.open_path(tmp_path / "p.annotator")
    ui = window.exchange_ui
    assert ui.export_menu.actions()[:2] == [ui.act_export_qdpx, ui.act_export_qdpx_nvivo]
    assert "code points" in ui.act_export_qdpx.toolTip()
    assert "UTF-16" in ui.act_export_qdpx_nvivo.toolTip()
    dialogs.answer(str(tmp_path / "standard"))
    trigger(ui.act_export_qdpx)
    dialogs.answer(str(tmp_path / "nvivo"))
    trigger(ui.act_export_qdpx_nvivo)
    starts = {}
    for name in ("standard", "nvivo"):
        qde = zipfile.ZipFile(tmp_path / f"{name}.qdpx").read("project.qde").decode()
        starts[name] = int(qde.split('startPosition="')[1].split('"')[0])
    assert starts == {"standard": text.index("信任"), "nvivo": text.index("信任") + 2}
