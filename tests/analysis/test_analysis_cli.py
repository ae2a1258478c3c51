"""query, cooccurrence, crosstab, cases and attributes run as a user runs them."""

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli import main
from tests.analysis.helpers import TEXTS, build, find


def run(capsys, *args: object) -> tuple[int, object, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    try:
        data = json.loads(out) if out.strip() else None
    except json.JSONDecodeError:
        data = out
    return code, data, err


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    build(tmp_path / "分析.annotator").close()
    return tmp_path / "分析.annotator"


def test_and_query_returns_the_overlap_with_exact_code_point_offsets(proj, capsys) -> None:
    code, data, _ = run(capsys, "query", proj, "--code", "信任", "--and", "不满", "--json")
    assert code == 0
    start, end = find(TEXTS["访谈甲"], "办事公道😀")
    assert data["segments"] == [{"document": "访谈甲", "start": start, "end": end,
                                 "text": "办事公道😀"}]
    assert data["characters"] == 5      # 😀 counts once


def test_or_not_near_and_filters(proj, capsys) -> None:
    _, data, _ = run(capsys, "query", proj, "--code", "信任", "--or", "透明", "--json")
    assert [s["document"] for s in data["segments"]] == ["访谈甲", "访谈乙", "访谈乙"]
    _, data, _ = run(capsys, "query", proj, "--code", "信任", "--not", "不满", "--json")
    assert data["segments"][0]["text"] == "我信任村干部。𠮷他们"
    _, data, _ = run(capsys, "query", proj, "--code", "透明", "--near", "信任", "--within",
                     "sentence", "--json")
    assert data["segments"] == []
    _, data, _ = run(capsys, "query", proj, "--code", "透明", "--near", "信任", "--within",
                     "paragraph", "--json")
    assert [s["text"] for s in data["segments"]] == ["政府很透明", "我不太信任镇上"]
    _, data, _ = run(capsys, "query", proj, "--code", "不满", "--where", "年龄=34.0",
                     "--coders", "乙员", "--json")
    assert [s["text"] for s in data["segments"]] == ["希望改进"]
    _, data, _ = run(capsys, "query", proj, "--code", "不满", "--where", "性别=女", "--json")
    assert data["segments"] == []
    _, data, _ = run(capsys, "query", proj, "--code", "不满", "--cases", "张三",
                     "--docs", "访谈乙", "--json")
    assert [s["text"] for s in data["segments"]] == ["补贴的事没人管"]


def test_results_saved_as_a_code_and_as_a_query(proj, capsys) -> None:
    code, _, _ = run(capsys, "query", proj, "--code", "信任", "--and", "不满",
                     "--save-as", "结果/信任且不满", "--save-query", "信任与不满")
    assert code == 1                    # the parent 结果 does not exist: nothing saved
    assert run(capsys, "query", proj, "--code", "信任", "--and", "不满", "--save-as",
               "信任且不满", "--save-query", "信任与不满", "--json")[0] == 0
    _, data, _ = run(capsys, "query", proj, "--code", "信任且不满", "--json")
    assert [s["text"] for s in data["segments"]] == ["办事公道😀"]
    _, again, _ = run(capsys, "query", proj, "--run", "信任与不满", "--json")
    assert again["segments"] == data["segments"]
    assert main(["add-code", str(proj), "临时"]) == 0
    capsys.readouterr()


def test_a_saved_query_over_a_deleted_code_says_so(proj, capsys) -> None:
    assert run(capsys, "query", proj, "--code", "透明", "--or", "信任",
               "--save-query", "q")[0] == 0
    from annotator.services import codebook
    from annotator.store.project import Project
    with Project.open(proj) as p:
        codebook.delete_code(p, next(c.id for c in codebook.code_tree(p) if c.name == "透明"))
    code, _, err = run(capsys, "query", proj, "--run", "q", "--json")
    assert code == 1 and "透明" in err and "deleted" in err and err.count("\n") == 1


@pytest.mark.parametrize("args,words", [
    (["--code", "没有"], "no code"),
    (["--code", "信任", "--and", "不满", "--or", "透明"], "one operator"),
    (["--code", "信任", "--near", "不满", "--within", "句子"], "--within"),
    (["--code", "信任", "--where", "年龄"], "ATTRIBUTE=VALUE"),
    (["--code", "信任", "--where", "身高=3"], "no attribute"),
    (["--code", "信任", "--where", "年龄=三十"], "not a number"),
    (["--code", "信任", "--docs", "访谈丁"], "no document"),
    (["--code", "信任", "--coders", "无名"], "no coder"),
])
def test_bad_queries_fail_with_one_line(proj, capsys, args, words) -> None:
    code, _, err = run(capsys, "query", proj, *args, "--json")
    assert code == 1 and words in err and err.count("\n") == 1


def test_cooccurrence_counts_passages_documents_cases_and_jaccard(proj, capsys) -> None:
    code, data, _ = run(capsys, "cooccurrence", proj, "--json")
    assert code == 0
    pair = next(p for p in data["pairs"] if {p["a"], p["b"]} == {"信任", "不满"})
    assert (pair["passages"], pair["documents"], pair["cases"], pair["characters"]) == (
        1, 1, 1, 5)
    trust = len("我信任村干部。𠮷他们办事公道😀") + len("我不太信任镇上")
    unhappy = len("办事公道😀，但是补贴发放太慢") + len("希望改进") + len("补贴的事没人管")
    assert pair["jaccard"] == pytest.approx(5 / (trust + unhappy - 5))
    _, data, _ = run(capsys, "cooccurrence", proj, "--coders", "乙员", "--json")
    assert data["pairs"] == []


def test_crosstab_by_attribute_and_by_case(proj, capsys, tmp_path) -> None:
    code, data, _ = run(capsys, "crosstab", proj, "--codes", "信任,不满", "--by", "年龄",
                        "--json")
    assert code == 0 and data["columns"] == ["34", "61"]
    unhappy = data["rows"][1]["cells"]
    assert unhappy["34"]["codings"] == 3 and unhappy["34"]["documents"] == 2
    assert unhappy["61"]["documents_percent"] == 0
    _, data, _ = run(capsys, "crosstab", proj, "--by", "case", "--json")
    assert data["columns"] == ["张三", "李四"]
    _, data, _ = run(capsys, "crosstab", proj, "--by", "性别", "--json")
    assert data["columns"] == ["男", "女"]        # the category's own order
    out = tmp_path / "交叉表.xlsx"
    assert run(capsys, "crosstab", proj, "--by", "性别", "--where", "性别=男", "--xlsx",
               out)[0] == 0
    ws = load_workbook(out).worksheets[0]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "Attribute 性别 = 男" in cells and "不满" in cells
    code, _, err = run(capsys, "crosstab", proj, "--by", "身高")
    assert code == 1 and "no attribute" in err


def test_query_and_cooccurrence_workbooks_read_back(proj, capsys, tmp_path) -> None:
    out = tmp_path / "q.xlsx"
    assert run(capsys, "query", proj, "--code", "信任", "--xlsx", out)[0] == 0
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert ("访谈甲", 0, 15, "我信任村干部。𠮷他们办事公道😀") in rows
    assert any(r[0] == "All documents, all coders" for r in rows)
    out = tmp_path / "c.xlsx"
    assert run(capsys, "cooccurrence", proj, "--xlsx", out)[0] == 0
    wb = load_workbook(out)
    assert len(wb.sheetnames) == 2
    code, _, err = run(capsys, "cooccurrence", proj, "--xlsx", tmp_path / "c.csv")
    assert code == 1 and ".xlsx" in err


def test_cases_and_attributes_commands(proj, capsys) -> None:
    _, data, _ = run(capsys, "cases", proj, "list", "--json")
    assert data == [{"name": "张三", "documents": ["访谈甲", "访谈乙"], "segments": {}},
                    {"name": "李四", "documents": ["访谈丙"], "segments": {}}]
    assert run(capsys, "cases", proj, "add", "王五", "--docs", "访谈丙")[0] == 0
    code, _, err = run(capsys, "cases", proj, "add", "王五")
    assert code == 1 and "already" in err
    code, _, err = run(capsys, "cases", proj, "add-docs", "王五", "--docs", "访谈丁")
    assert code == 1 and "no document" in err
    assert run(capsys, "attributes", proj, "set", "地区", "访谈丙", "华北")[0] == 0
    code, _, err = run(capsys, "attributes", proj, "set", "年龄", "访谈丙", "六十")
    assert code == 1 and "not a number" in err
    _, data, _ = run(capsys, "attributes", proj, "list", "--json")
    by_name = {a["name"]: a for a in data}
    assert by_name["年龄"]["values"] == {"访谈甲": "34", "访谈乙": "34", "访谈丙": "61"}
    assert by_name["地区"]["values"] == {"访谈丙": "华北"}
    assert by_name["性别"]["categories"] == ["男", "女"]
