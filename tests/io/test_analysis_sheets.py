"""The default workbook carries the analysis: co-occurrence, codes × cases, codes × an
attribute, the saved queries re-run — read back with openpyxl against the commands'
JSON, on the seed paper coded by autocoding; ``--no-analysis`` leaves them out."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.messages import msg, set_language
from tests.analysis.test_analysis_cli import run
from tests.conftest import shared_file


@pytest.fixture(autouse=True)
def _language_back():
    """``--lang zh`` fixes the language for the process: the next test gets it back."""
    yield
    set_language(None)

@pytest.fixture
def paper(tmp_path: Path, capsys) -> Path:
    """The seed paper twice (two "interviews"), coded by autocoding three words by
    sentence; a case of each, an attribute, two saved queries (one over a code deleted
    since)."""
    path = tmp_path / "论文.annotator"
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")
    half = len(text) // 2
    for name, part in (("上篇", text[:half]), ("下篇", text[half:])):
        (tmp_path / f"{name}.txt").write_text(part, encoding="utf-8")
    steps = [("new", path, "--template", "empty"),
             ("import", path, tmp_path / "上篇.txt", tmp_path / "下篇.txt")]
    for code, term in (("信任", "信任"), ("党建", "党建"), ("治理", "治理"), ("临时", "居民")):
        steps += [("add-code", path, code),
                  ("autocode", path, term, "--code", code, "--extent", "sentence")]
    steps += [("cases", path, "add", "甲", "--docs", "上篇"),
              ("cases", path, "add", "乙", "--docs", "下篇"),
              ("attributes", path, "set", "部分", "上篇", "前", "--type", "category"),
              ("attributes", path, "set", "部分", "下篇", "后"),
              ("query", path, "--code", "信任", "--and", "党建", "--save-query", "信任与党建"),
              ("query", path, "--code", "临时", "--near", "治理", "--within", "sentence",
               "--save-query", "居民近治理")]
    for args in steps:
        assert main([str(a) for a in args]) == 0, args
    capsys.readouterr()
    return path


def rows_of(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_analysis_sheets_equal_the_commands(paper, tmp_path, capsys, lang) -> None:
    # a saved query whose code went since: its row says so, the export still works
    _, before, _ = run(capsys, "query", paper, "--run", "信任与党建", "--json")
    out = tmp_path / "全部.xlsx"
    assert run(capsys, "export", paper, out, "--lang", lang)[0] == 0
    wb = load_workbook(out)
    t = {k: msg(k).render(lang) for k in ("Co-occurrence", "Co-occurring pairs",
                                           "Codes × cases", "Saved queries")}
    attr_sheet = msg("Codes × {name}", name="部分").render(lang)
    for name in (*t.values(), attr_sheet):
        assert name in wb.sheetnames
        ws = wb[name]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    _, co, _ = run(capsys, "cooccurrence", paper, "--json")
    matrix = rows_of(wb[t["Co-occurrence"]])
    codes = matrix[0][1:]
    assert codes == co["codes"]
    pairs = {(p["a"], p["b"]): p for p in co["pairs"]}
    assert pairs, "the paper's codes co-occur"
    for row in matrix[1:]:
        for other, value in zip(codes, row[1:], strict=True):
            if other == row[0]:
                assert value is None
                continue
            key = (row[0], other) if (row[0], other) in pairs else (other, row[0])
            assert (value or 0) == pairs.get(key, {}).get("passages", 0)
    listed = rows_of(wb[t["Co-occurring pairs"]])[1:]
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in listed] == [
        (p["a"], p["b"], p["passages"], p["documents"], p["cases"], p["characters"])
        for p in co["pairs"]]
    assert all(abs(r[6] - p["jaccard"]) < 1e-9 for r, p in zip(listed, co["pairs"],
                                                                strict=True))
    for sheet, by in ((t["Codes × cases"], "case"), (attr_sheet, "部分")):
        _, cross, _ = run(capsys, "crosstab", paper, "--by", by, "--json")
        got = rows_of(wb[sheet])
        assert len(got[0]) == 1 + 3 * len(cross["columns"])
        for row, want in zip(got[1:], cross["rows"], strict=True):
            assert row[0] == want["code"]
            assert row[1:] == [c[m] for col in cross["columns"]
                               for c in [want["cells"][col]]
                               for m in ("codings", "documents", "characters")]
    queries = rows_of(wb[t["Saved queries"]])[1:]
    first = [r for r in queries if r[0] == "信任与党建"]
    assert [(r[3], r[4], r[5], r[6]) for r in first] == [
        (g["document"], g["start"], g["end"], g["text"]) for g in before["segments"]]
    assert first[0][1] == "信任 AND 党建"
    assert any(r[0] == "居民近治理" and r[1] == "临时 NEAR 治理 (sentence)" for r in queries)


def test_a_saved_query_over_a_deleted_code_and_no_analysis(paper, tmp_path, capsys) -> None:
    from annotator.services.codebook import delete_code, find_code
    from annotator.store.project import Project

    with Project.open(paper) as p:
        with p.read() as s:
            gone = find_code(s, "临时").id
        delete_code(p, gone)
    out = tmp_path / "a.xlsx"
    assert run(capsys, "--lang", "zh", "export", paper, out, "--lang", "zh")[0] == 0
    rows = rows_of(load_workbook(out)[msg("Saved queries").render("zh")])[1:]
    said = [r for r in rows if r[0] == "居民近治理"]
    assert len(said) == 1 and "临时" in said[0][1] and "删除" in said[0][1]
    assert run(capsys, "export", paper, tmp_path / "b.xlsx", "--no-analysis",
               "--lang", "en")[0] == 0
    names = load_workbook(tmp_path / "b.xlsx").sheetnames
    assert not {"Co-occurrence", "Co-occurring pairs", "Codes × cases", "Saved queries"
                } & set(names)
    assert "Word frequencies" in names
