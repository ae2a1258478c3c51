"""The agreement workbook read back with openpyxl: counts, undefined markers, safe text."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.domain.errors import AnnotatorError
from annotator.services import codebook
from annotator.services.agreement import disagreements, project_agreement
from annotator.services.agreement_export import LABELS, UNDEFINED_FILL, write_agreement_workbook
from annotator.store.project import Project
from tests.workshop.helpers import CHARACTERS, add_doc, code, code_many

RISKY = "=SUM(A1)+居民"


@pytest.fixture
def proj(empty_project: Project) -> Project:
    """D1 (20 chars): X A [0, 10) B [0, 9); Z A [0, 1). D2: only A (B missing).
    =D3 is formula-like text: A codes Y [8, 11), B [0, 11): they differ on "=SUM(A1)"."""
    p = empty_project
    for path in ("X", "Y", "Z"):
        codebook.add_code(p, path)
    add_doc(p, "D1", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸")
    add_doc(p, "D2", "abcdefghij")
    add_doc(p, "=D3", RISKY)
    code_many(p, [
        ("A", "D1", "X", 0, 10), ("B", "D1", "X", 0, 9), ("A", "D1", "Z", 0, 1),
        ("A", "D2", "X", 0, 5), ("A", "=D3", "Y", 8, 11), ("B", "=D3", "Y", 0, 11),
    ])
    return p


def _rows(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in row), strict=True))
            for row in ws.iter_rows(min_row=2)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_workbook_has_the_numbers_and_the_counts(proj: Project, tmp_path: Path,
                                                 lang: str) -> None:
    L = LABELS[lang]
    result = project_agreement(proj, **CHARACTERS, sets=[["X", "Y", "Z"]])
    out = write_agreement_workbook(result, disagreements(proj), tmp_path / "a.xlsx", lang)
    wb = load_workbook(out)
    assert wb.sheetnames == [L["agreement"], L["sets"], L["disagreements"]]
    ws = wb[L["agreement"]]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    rows = _rows(ws)
    x_d1 = next(r for r in rows if r[L["code"]] == "X" and r[L["document"]] == "D1")
    assert (x_d1[L["both"]], x_d1[L["only_a"]], x_d1[L["only_b"]], x_d1[L["neither"]]) == (
        9, 1, 0, 10)
    assert x_d1[L["characters"]] == 20
    assert x_d1[L["kappa"]] == pytest.approx(0.9)
    assert x_d1[L["percent"]] == pytest.approx(0.95)
    assert x_d1[L["alpha"]] == pytest.approx(120 / 133)
    assert x_d1[L["seg_matched"]] == 1
    assert x_d1[L["seg_agreement"].format(t=0.9)] == 1.0
    # B coded nothing in D2: missing, the cells are empty and the note says why
    x_d2 = next(r for r in rows if r[L["code"]] == "X" and r[L["document"]] == "D2")
    assert x_d2[L["missing"]] == "B" and x_d2[L["kappa"]] is None and x_d2[L["both"]] is None
    assert "B" in x_d2[L["note"]]
    # Z in =D3: present, nobody used it → κ and α undefined: empty grey cell + marker
    z_d3 = next(r for r in rows if r[L["code"]] == "Z" and r[L["document"]] == "=D3")
    assert z_d3[L["kappa"]] is None and z_d3[L["alpha"]] is None
    assert z_d3[L["percent"]] == 1.0
    assert L["undefined"] in z_d3[L["note"]]
    kappa_col = [c.value for c in ws[1]].index(L["kappa"])
    grey = next(r for r in ws.iter_rows(min_row=2)
            if r[0].value == "Z" and r[1].value == "=D3")[kappa_col]
    assert grey.fill.fgColor.rgb.endswith(UNDEFINED_FILL.lstrip("#"))
    # per-code summary rows: pooled and weighted κ, pooled table
    x_all = next(r for r in rows if r[L["code"]] == "X"
                 and r[L["document"]] == L["all_documents"])
    # X pooled over D1 and =D3 (present there, neither used X: 11 × neither):
    # both 9, only A 1, neither 21, n 31; pe = (10·9 + 21·22)/961 = 552/961
    # κ = (31·30 − 552)/(961 − 552) = 378/409. The weighted mean leaves =D3 out (its κ
    # is 0/0), so it is D1's 0.9.
    assert x_all[L["pooled"]] == pytest.approx(378 / 409)
    assert x_all[L["weighted"]] == pytest.approx(0.9)
    assert x_all[L["both"]] == 9 and x_all[L["neither"]] == 21
    assert x_all[L["characters"]] is None  # the pooled table counts units
    units = L["unit_count"].format(unit=L["characters_unit"])
    assert x_all[units] == 31 and x_d1[units] == 20
    assert x_d1[L["u_alpha"]] == pytest.approx(result.report.cell(
        next(c.id for c in result.codes if c.path == "X"),
        next(d.id for d in result.documents if d.name == "D1")).unitizing_alpha)
    # formula-like text stays text
    names = [r[1] for r in ws.iter_rows(min_row=2) if r[1].value == "=D3"]
    assert names and all(c.data_type == "s" for c in names)

    sets = _rows(wb[L["sets"]])
    assert sets[-1][L["document"]] == L["all_documents"]
    assert sets[-1][L["alpha"]] == pytest.approx(result.sets[0].result.krippendorff_alpha)

    dis = _rows(wb[L["disagreements"]])
    assert [(r[L["document"]], r[L["code"]], r[L["start"]], r[L["end"]], r[L["text"]],
             r[L["coded_by"]], r[L["not_coded_by"]]) for r in dis] == [
        ("D1", "X", 9, 10, "十", "A", "B"),
        ("D1", "Z", 0, 1, "一", "A", "B"),
        ("=D3", "Y", 0, 8, "=SUM(A1)", "B", "A"),
    ]


def test_more_than_two_coders_give_a_row_per_pair(proj: Project, tmp_path: Path) -> None:
    code(proj, "C", "D1", "X", 0, 10)
    result = project_agreement(proj, **CHARACTERS, codes=["X"])
    out = write_agreement_workbook(result, [], tmp_path / "a.xlsx", "en")
    L = LABELS["en"]
    rows = [r for r in _rows(load_workbook(out)[L["agreement"]]) if r[L["document"]] == "D1"]
    assert [(r[L["coder_a"]], r[L["coder_b"]]) for r in rows] == [
        ("A", "B"), ("A", "C"), ("B", "C")]
    assert rows[1][L["kappa"]] == 1.0  # A and C coded the same characters
    assert len({r[L["alpha"]] for r in rows}) == 1  # α is over all three coders


def test_workbook_path_is_checked(proj: Project, tmp_path: Path) -> None:
    result = project_agreement(proj, **CHARACTERS)
    with pytest.raises(AnnotatorError, match="xlsx"):
        write_agreement_workbook(result, [], tmp_path / "a.csv")
    with pytest.raises(AnnotatorError, match="no such folder"):
        write_agreement_workbook(result, [], tmp_path / "nope" / "a.xlsx")
