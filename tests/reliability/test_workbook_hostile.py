"""Hostile text in every field that reaches a workbook cell: never a formula, never a
crash on control characters, long names cut with the visible mark."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from annotator.domain.errors import AnnotatorError
from annotator.io.workbook import EXCEL_CELL_LIMIT, TRUNCATED_MARK
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import add_document
from annotator.services.export import export_workbook
from annotator.store.models import Code, Coder, Document
from annotator.store.project import Project

HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")"]
CONTROL = "代码\x1b[31m红\x07\x00"


def test_every_cell_of_a_hostile_project_is_text_and_the_export_succeeds(
    project: Project, tmp_path: Path
) -> None:
    docs = [add_document(project, name, f"{name} 文本 {CONTROL}" * 3) for name in HOSTILE]
    ctrl_doc = add_document(project, "ctrl", "文本")
    a = ensure_coder(project, "甲").id
    b = ensure_coder(project, "乙").id
    with project.write() as s:
        code = find_code(s, "信任/政治信任")
        code_id, parent_id = code.id, code.parent_id
        s.execute(update(Code).where(Code.id == code_id).values(
            name="=1+1" + "长" * (EXCEL_CELL_LIMIT + 10), memo="=memo()",
            description="@desc"))
        s.execute(update(Code).where(Code.id == parent_id).values(name=CONTROL))
        s.execute(update(Coder).where(Coder.id == b).values(name="=coder()" + CONTROL))
        s.execute(update(Document).where(Document.id == ctrl_doc.id).values(
            name="=" + CONTROL, memo="-memo" + CONTROL))
    for d in docs:
        for coder in (a, b):
            code_span(project, d.id, 0, 5, code_id, coder, memo="=memo" + CONTROL)
    out = export_workbook(project, tmp_path / "hostile.xlsx", lang="zh")
    wb = load_workbook(out)
    strings = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    strings += 1
                    assert "\x1b" not in c.value and "\x00" not in c.value
                    assert len(c.value) <= EXCEL_CELL_LIMIT
                    if c.value[:1] in "=+-@":
                        assert c.quotePrefix, (ws.title, c.coordinate, c.value)
    assert strings
    # The document names heading the matrix and coverage sheets are guarded too.
    headers = [c.value for ws in wb.worksheets for c in next(ws.iter_rows(max_row=1))]
    assert HOSTILE[0] in headers
    # A code path over the cell limit is cut with the visible mark.
    paths = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and "长长长" in c.value]
    assert paths and all(p.endswith(TRUNCATED_MARK) for p in paths)


def test_a_254_byte_export_name_works_and_leaves_no_temporary(
    project: Project, tmp_path: Path
) -> None:
    name = "x" * (254 - len(".xlsx")) + ".xlsx"
    out = export_workbook(project, tmp_path / name)
    assert load_workbook(out).worksheets
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".annotator") == [name]


def test_exporting_onto_a_folder_is_one_sentence(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    with pytest.raises(AnnotatorError, match="is a folder"):
        export_workbook(project, folder)


def test_exporting_into_a_folder_the_user_cannot_write_is_one_sentence(
    project: Project, unprivileged
) -> None:
    """Run as a user that permissions bind (as root every folder is writable)."""
    mine = unprivileged.folder / "p.annotator"
    project.save_copy(mine)
    unprivileged.give(mine)
    locked = unprivileged.folder / "locked"
    locked.mkdir()
    locked.chmod(0o755 if unprivileged.as_other_user else 0o500)  # root's: not the user's
    for lang, words in (("en", ["cannot be written", "nothing was written"]),
                        ("zh", ["无法写入"])):
        done = unprivileged.run_cli("--lang", lang, "export", str(mine), str(locked / "a.xlsx"))
        assert done.returncode == 1, done.stdout
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert all(w in done.stderr for w in words), done.stderr
    assert list(locked.iterdir()) == []
    assert sorted(p.name for p in unprivileged.folder.iterdir()) == ["home", "locked",
                                                                     "p.annotator"]
