"""The workbook read back with openpyxl: every sheet against the project."""

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.domain.intervals import union
from annotator.io.word_sheet import WORD_LABELS
from annotator.io.workbook import EXCEL_CELL_LIMIT
from annotator.messages import msg
from annotator.services.agreement_export import LABELS as AGREEMENT_LABELS
from annotator.services.codebook import add_code, code_tree, find_code, set_code_memo
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document, list_documents
from annotator.services.export import LABELS, export_workbook
from annotator.store.project import Project
from tests.conftest import SEED_PAPER

RISKY = "=HYPERLINK(\"http://x\")+1 居民"


@pytest.fixture
def rich(project: Project) -> Project:
    p = project
    a, b = ensure_coder(p, "甲").id, ensure_coder(p, "乙").id
    seed = add_document(p, "种子论文", SEED_PAPER.read_text(encoding="utf-8"))
    odd = add_document(
        p, "=怪文档",
        f"{RISKY}\n+加号开头\n-减号\n@at\n控制\x0b字符\x0c和\x00空字符\n𠮷😀结束",
    )
    huge = add_document(p, "长文档", "长" * 40_000 + "尾")
    for path in ("信任/政治信任", "整合/协商对话机制", "协调"):
        with p.read() as s:
            code = find_code(s, path).id
        code_span(p, seed.id, 100, 180, code, a, memo="@提及")
        code_span(p, seed.id, 150, 260, code, b)
    with p.read() as s:
        trust = find_code(s, "信任").id
    text = odd.length
    lines = [0]
    src = f"{RISKY}\n+加号开头\n-减号\n@at\n控制\x0b字符\x0c和\x00空字符\n𠮷😀结束"
    for i, ch in enumerate(src):
        if ch == "\n":
            lines.append(i + 1)
    for start in lines:
        end = src.find("\n", start)
        code_span(p, odd.id, start, end if end != -1 else text, trust, a, memo="-负")
    code_span(p, huge.id, 0, huge.length, trust, b)
    add_code(p, "新代码/子", color="#00FF00", description="+定义")
    set_code_memo(p, trust, "信任的备忘录")
    return p


def read_sheet(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sheet_matches_the_project(rich: Project, tmp_path: Path, lang: str) -> None:
    out = export_workbook(rich, tmp_path / "导出.xlsx", lang=lang)
    L = LABELS[lang]
    wb = load_workbook(out)
    A = AGREEMENT_LABELS[lang]
    # Two coders coded: the agreement and disagreement sheets come too.
    assert wb.sheetnames == [L["segments"], L["codebook"], L["matrix"], L["coverage"],
                             L["documents"], WORD_LABELS[lang]["sheet"],
                             msg("Co-occurrence").render(lang),
                             msg("Co-occurring pairs").render(lang), A["agreement"],
                             A["disagreements"]]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(c.font.b for c in ws[1])

    # Coded segments: one row per coding, text exact unless Excel cannot hold it.
    rows = read_sheet(wb[L["segments"]])[1:]
    segs = segments(rich)
    assert len(rows) == len(segs)
    for row, seg in zip(rows, segs, strict=True):
        doc, code, coder, start, end, length, text, memo, created, note = row
        assert (doc, code, coder, start, end, length) == (
            seg.document, seg.code_path, seg.coder, seg.start, seg.end, seg.end - seg.start
        )
        assert memo == (seg.memo or None)
        # Excel keeps times as fractions of a day: exact to about a millisecond.
        assert abs(created - seg.created_at) < timedelta(milliseconds=2)
        if "\x0b" in seg.text or "\x00" in seg.text:
            assert text == seg.text.replace("\x0b", "␋").replace("\x0c", "␌").replace("\x00", "␀")
            assert note and "3" in note
        elif len(seg.text) > EXCEL_CELL_LIMIT:
            assert len(text) == EXCEL_CELL_LIMIT and text.endswith("…[✂]")
            assert text[:100] == seg.text[:100]
            assert str(len(seg.text)) in note
        else:
            assert text == seg.text
            assert note is None
    # Strings that look like formulas are text cells, never formulas.
    ws = wb[L["segments"]]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert any(c.value == RISKY for c in cells)
    assert any(c.value == "=怪文档" for c in cells)
    for c in cells:
        assert c.data_type == "s"
        if c.value[0] in "=+-@":
            assert c.quotePrefix
    long_text = [c for c in cells if c.column == 7 and len(c.value) > 60]
    assert long_text and all(c.alignment.wrap_text for c in long_text)

    # Codebook: path, level, definition, colour cell filled with the colour, counts.
    book = wb[L["codebook"]]
    codes = code_tree(rich)
    assert [r[0] for r in read_sheet(book)[1:]] == [c.path for c in codes]
    for row, c in zip(book.iter_rows(min_row=2), codes, strict=True):
        assert row[1].value == c.path.count("/") + 1
        assert (row[2].value or "") == c.description
        assert row[3].value == c.color
        assert row[3].fill.fgColor.rgb[-6:] == c.color[1:]
        assert (row[4].value or "") == c.memo
        assert row[5].value == c.count

    # Matrix and coverage, computed here from the segments independently.
    docs = list_documents(rich)
    counts = read_sheet(wb[L["matrix"]])
    cover = read_sheet(wb[L["coverage"]])
    assert counts[0] == (L["path"], *[d.name for d in docs], L["total"])
    for crow, vrow, c in zip(counts[1:], cover[1:], codes, strict=True):
        assert crow[0] == vrow[0] == c.path
        for i, d in enumerate(docs, start=1):
            mine = [(s.start, s.end) for s in segs if s.code_id == c.id and s.document_id == d.id]
            assert crow[i] == len(mine)
            covered = sum(e - s for s, e in union(mine))
            assert vrow[i] == pytest.approx(covered / d.length)
        assert crow[-1] == c.count
    assert wb[L["coverage"]]["B2"].number_format == "0.0%"

    # Documents.
    drows = read_sheet(wb[L["documents"]])[1:]
    assert [(r[0], r[1], r[3]) for r in drows] == [(d.name, d.length, d.sha256) for d in docs]
    assert sum(r[2] for r in drows) == len(segs)


def test_export_refuses_a_wrong_target_and_leaves_no_partial_file(
    rich: Project, tmp_path: Path
) -> None:
    from annotator.domain.errors import AnnotatorError

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(AnnotatorError, match=r"\.xlsx"):
        export_workbook(rich, out / "x.csv")
    with pytest.raises(AnnotatorError, match="no such folder"):
        export_workbook(rich, out / "missing" / "x.xlsx")
    assert list(out.iterdir()) == []


def test_one_coder_gives_no_agreement_sheets(project: Project, tmp_path: Path) -> None:
    doc = add_document(project, "d", "一二三四五")
    with project.read() as s:
        code = find_code(s, "信任").id
    code_span(project, doc.id, 0, 2, code, ensure_coder(project, "甲").id)
    wb = load_workbook(export_workbook(project, tmp_path / "one.xlsx", analysis=False))
    assert len(wb.sheetnames) == 6


def test_column_widths_are_readable(rich: Project, tmp_path: Path) -> None:
    wb = load_workbook(export_workbook(rich, tmp_path / "w.xlsx"))
    ws = wb.worksheets[0]
    assert ws.column_dimensions["G"].width >= 50
    assert ws.column_dimensions["A"].width >= 20
