"""Attribute tables: the preview, the import, and every kind of bad table."""

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from annotator.cli import main
from annotator.domain.errors import ImportRefused
from annotator.io.attribute_table import apply, preview
from annotator.services.attributes import list_attributes
from annotator.services.cases import list_cases
from tests.analysis.helpers import build


@pytest.fixture
def proj(tmp_path: Path):
    p = build(tmp_path / "表.annotator")
    yield p
    p.close()


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def values(p) -> dict:
    return {(a.scope, a.name): a.values for a in list_attributes(p)}


def test_preview_then_apply_a_document_table(proj, tmp_path) -> None:
    table = xlsx(tmp_path / "属性.xlsx", [
        ["文件名", "年龄", "地区", "访谈日期"],
        ["访谈甲", 35, "华北", "2024-03-01"],
        ["访谈乙", 34, "华南", None],
        ["访谈丙", 61.0, "华北", "2024-03-09"],
    ])
    plan = preview(proj, table)
    assert plan.ok and plan.unmatched == []
    assert dict(plan.new_attributes) == {"地区": "text", "访谈日期": "date"}
    assert [(c.owner, c.old, c.new) for c in plan.changed] == [("访谈甲", "34", "35")]
    assert plan.unchanged == 2
    assert len(plan.created) == 5
    assert values(proj)[("document", "年龄")]["访谈甲"] == "34"     # nothing written yet
    apply(proj, plan)
    v = values(proj)
    assert v[("document", "年龄")]["访谈甲"] == "35"
    assert v[("document", "访谈日期")] == {"访谈甲": "2024-03-01", "访谈丙": "2024-03-09"}


def test_a_case_table_creates_new_cases(proj, tmp_path) -> None:
    table = tmp_path / "cases.csv"
    table.write_text("案例,学历\n张三,本科\n王五,硕士\n", encoding="gbk")
    plan = preview(proj, table, "case")
    assert plan.ok and plan.new_cases == ["王五"]
    apply(proj, plan)
    assert [c.name for c in list_cases(proj)] == ["张三", "李四", "王五"]
    assert values(proj)[("case", "学历")] == {"张三": "本科", "王五": "硕士"}


def test_every_problem_is_reported_and_nothing_is_written(proj, tmp_path) -> None:
    table = xlsx(tmp_path / "坏.xlsx", [
        ["名称", "年龄", None, "分数"],
        ["访谈甲", 40, "x", 1],
        ["访谈丁", 41, None, 2],
        ["访谈甲", 42, None, 3],
        ["访谈乙", "三十", None, "=1+1"],
        [None, 5, None, 4],
    ])
    before = values(proj)
    plan = preview(proj, table)
    text = "\n".join(str(p) for p in plan.problems)
    assert "column 3: the header cell is empty" in text
    assert "row 4: '访谈甲' again (first in row 2)" in text
    assert "1 rows name no document of this project: 访谈丁" in text
    assert "row 5, column '年龄': '三十' is not a number" in text
    assert "row 5, column 4: a formula (=1+1)" in text
    assert "row 6: the first column, the name, is empty" in text
    with pytest.raises(ImportRefused, match="nothing was changed"):
        apply(proj, plan)
    assert values(proj) == before


def test_mixed_types_in_a_new_numeric_column(proj, tmp_path) -> None:
    table = tmp_path / "m.csv"
    table.write_text("doc,收入\n访谈甲,3000\n访谈乙,4000\n访谈丙,不详\n", encoding="utf-8")
    text = " ".join(str(p) for p in preview(proj, table).problems)
    assert "'收入' holds numbers and also text ('不详')" in text


def test_a_huge_table_is_reported_in_one_go(proj, tmp_path, capsys) -> None:
    table = tmp_path / "big.csv"
    rows = ["name,分数"] + [f"文档{i},{i}" for i in range(100_000)]
    table.write_text("\n".join(rows), encoding="utf-8")
    before = values(proj)
    code = main(["attributes", str(proj.path), "import", str(table), "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and "100000 rows name no document" in err and err.count("\n") == 1
    report = json.loads(out)
    assert report["applied"] is False and len(report["unmatched"]) == 100_000
    assert values(proj) == before


@pytest.mark.parametrize("content,suffix,words", [
    (b"", ".csv", "no rows below its header"),
    (b"name\n", ".csv", "no rows below its header"),
    (b"PK\x03\x04broken", ".xlsx", "not a readable Excel workbook"),
    (b"a,b\n", ".txt", "must be .xlsx or .csv"),
    (b"\xff\xfe\x00\xd8", ".csv", "neither UTF-8 nor GB18030"),
])
def test_unreadable_tables_are_refused(proj, tmp_path, content, suffix, words) -> None:
    path = tmp_path / f"t{suffix}"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=words):
        preview(proj, path)


def test_dry_run_prints_the_preview_and_writes_nothing(proj, tmp_path, capsys) -> None:
    table = tmp_path / "d.csv"
    table.write_text("x,年龄\n访谈甲,50\n", encoding="utf-8")
    assert main(["attributes", str(proj.path), "import", str(table), "--dry-run",
                 "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changed"] == [{"owner": "访谈甲", "attribute": "年龄", "old": "34",
                                  "new": "50"}]
    assert values(proj)[("document", "年龄")]["访谈甲"] == "34"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_exported_table_reads_back_unchanged(proj, tmp_path, suffix) -> None:
    from annotator.services.attributes import define_attribute, set_value
    define_attribute(proj, "备注", "document", "text")
    set_value(proj, "备注", "访谈甲", "=SUM(A1)")
    for scope in ("document", "case"):
        out = tmp_path / f"{scope}{suffix}"
        assert main(["attributes", str(proj.path), "export", str(out)]
                    + (["--case"] if scope == "case" else [])) == 0
        plan = preview(proj, out, scope)
        assert plan.ok and plan.created == [] and plan.changed == []
        assert plan.new_attributes == [] and plan.unchanged == (4 if scope == "document" else 2)
