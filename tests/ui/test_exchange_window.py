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
from tests.ui.helpers import merge_in_window, trigger

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
    dialogs.answer(str(SMALL), str(dest), lambda dialog: True)  # the detected reading
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


def _counted_once(tmp_path: Path) -> tuple[Path, str]:
    """A MAXQDA-like file whose CRLF text is indexed with each line end counted once."""
    from tests.refi.refi_helpers import make_project, selection_xml

    text = "第一行。\n居民说，我们信任社区。\n第三行：我们信任邻居。"
    spans = [(text.index("我们"), text.index("我们") + 6),
             (text.rindex("我们"), text.rindex("我们") + 6)]
    sels = "".join(selection_xml(f"44444444-4444-4444-8444-44444444440{i}", s, e)
                   for i, (s, e) in enumerate(spans))
    qdpx = make_project(tmp_path, text.replace("\n", "\r\n").encode(), sels,
                        origin="MAXQDA 24")
    return qdpx, text


def test_new_project_from_qdpx_asks_how_positions_count(window, tmp_path: Path,
                                                        dialogs) -> None:
    """The window's --offsets/--crlf: the detected reading preselected with its reason, each
    choice saying what it does; choosing the other line-end reading reads the file so."""
    qdpx, _ = _counted_once(tmp_path)
    seen = {}

    def look(dialog) -> bool:
        from PySide6.QtWidgets import QLabel, QRadioButton

        seen["evidence"] = dialog.findChild(QLabel, "offsetsEvidence").text()
        seen["buttons"] = [(b.text(), b.isChecked()) for b in dialog.findChildren(QRadioButton)]
        seen["labels"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        return True

    dialogs.answer(str(qdpx), str(tmp_path / "kept"), look)
    trigger(window.exchange_ui.act_new_from_qdpx)
    assert "Producer: MAXQDA 24" in seen["evidence"]
    assert "Detected reading: code points, each line end counted once" in seen["evidence"]
    assert "puts 4 selection end(s) inside a word, a character or against punctuation, " \
        "this one 0" in seen["evidence"]
    checked = [text for text, on in seen["buttons"] if on]
    assert len(seen["buttons"]) == 4 and len(checked) == 2
    assert checked[0].startswith("Code points") and checked[0].endswith("(detected)")
    assert checked[1] == "Each line end once (detected)"
    assert "is two positions, as NVivo counts" in seen["labels"]  # what each choice does
    assert "A Windows line end (CRLF) is two positions" in seen["labels"]
    assert [g.text for g in segments(window.session.project)] == ["我们信任社区", "我们信任邻居"]
    assert "each line end counted once" in window.exchange_ui.last_report

    def crlf_two(dialog) -> bool:
        dialog.choose(utf16=False, crlf=2)
        return True

    dialogs.answer(str(qdpx), str(tmp_path / "forced"), crlf_two)
    trigger(window.exchange_ui.act_new_from_qdpx)
    project = window.session.project
    assert project.path.name == "forced.annotator"
    assert [g.text for g in segments(project)] == ["，我们信任社", "行：我们信任"]
    assert "as the user chose" in window.exchange_ui.last_report

    # closing the question creates nothing
    dialogs.answer(str(qdpx), str(tmp_path / "cancelled"))
    trigger(window.exchange_ui.act_new_from_qdpx)
    assert not (tmp_path / "cancelled.annotator").exists()

    # an impossible reading is refused with the reason, and no file is left
    def codepoints_beyond(dialog) -> bool:
        dialog.choose(utf16=False, crlf=2)
        return True

    shorter = tmp_path / "short"
    shorter.mkdir()
    from tests.refi.refi_helpers import make_project, selection_xml

    beyond = make_project(shorter, "ab😀\ncd", selection_xml(  # "cd" in UTF-16 units
        "44444444-4444-4444-8444-444444444499", 5, 7), origin="NVivo 14")
    dialogs.answer(str(beyond), str(tmp_path / "beyond"), codepoints_beyond)
    trigger(window.exchange_ui.act_new_from_qdpx)
    assert "beyond the end of its text" in dialogs.warnings[-1]
    assert not (tmp_path / "beyond.annotator").exists()


def test_merging_a_qdpx_asks_how_it_counts_positions(window, demo: Path, tmp_path: Path,
                                                     dialogs) -> None:
    qdpx, _ = _counted_once(tmp_path)
    window.projects.open_path(demo)

    def crlf_two(dialog) -> bool:
        dialog.choose(utf16=False, crlf=2)
        return True

    dialogs.answer([str(qdpx)], True, crlf_two)
    merge_in_window(window)
    texts = sorted(g.text for g in segments(window.session.project) if "我们" in g.text)
    assert texts == ["行：我们信任", "，我们信任社"]
    tree = window.workshop_ui.report_dialog.tree
    lines = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        lines.append(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    assert any("as the user chose" in line for line in lines), lines
