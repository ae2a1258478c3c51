"""Word frequencies per case and per attribute value, and the sheet in the main export."""

from collections import Counter
from pathlib import Path

import openpyxl

from annotator.io.word_sheet import WORD_LABELS
from annotator.services.attributes import define_attribute, set_value
from annotator.services.cases import create_case
from annotator.store.project import Project
from tests.conftest import shared_file
from tests.words.helpers import new_project_with, run, run_json

INTERVIEWS = {
    "访谈甲": "社区治理需要居民参与。居民参与很重要。",
    "访谈乙": "物业服务不好，居民投诉物业。",
    "访谈丙": "党建引领社区治理，治理靠党建。",
}


def _project(capsys, tmp_path: Path) -> Path:
    files = []
    for name, text in INTERVIEWS.items():
        f = tmp_path / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        files.append(f)
    proj = new_project_with(capsys, tmp_path, *files)
    with Project.open(proj) as p:
        create_case(p, "王五", ["访谈甲", "访谈丙"])
        create_case(p, "赵六", ["访谈乙"])
        define_attribute(p, "街道", "document")
        set_value(p, "街道", "访谈甲", "东城")
        set_value(p, "街道", "访谈乙", "西城")
        set_value(p, "街道", "访谈丙", "东城")
        define_attribute(p, "年龄组", "case")
        set_value(p, "年龄组", "赵六", "青年", scope="case")
    return proj


def _counts(data: dict) -> dict[str, int]:
    return {r["word"]: r["count"] for r in data["words"]}


def test_a_case_counts_only_its_documents(tmp_path: Path, capsys) -> None:
    proj = _project(capsys, tmp_path)
    data = run_json(capsys, "words", proj, "--case", "王五")
    assert data["documents"] == 2
    counts = _counts(data)
    assert counts["治理"] == 3 and counts["居民"] == 2
    assert "物业" not in counts
    data = run_json(capsys, "words", proj, "--cases", "赵六")
    assert _counts(data)["物业"] == 2 and data["documents"] == 1


def test_an_attribute_value_of_documents_or_of_cases(tmp_path: Path, capsys) -> None:
    proj = _project(capsys, tmp_path)
    east = run_json(capsys, "words", proj, "--where", "街道=东城")
    assert east["documents"] == 2 and "物业" not in _counts(east)
    young = run_json(capsys, "words", proj, "--where", "年龄组=青年")
    assert young["documents"] == 1 and _counts(young)["物业"] == 2
    # both must hold: no document is in 东城 and in a 青年 case
    code, _, err = run(capsys, "words", proj, "--where", "街道=东城", "--where", "年龄组=青年")
    assert code == 1 and "no text to count" in err


def test_a_search_narrowed_to_a_case(tmp_path: Path, capsys) -> None:
    proj = _project(capsys, tmp_path)
    hits = run_json(capsys, "kwic", proj, "居民", "--case", "赵六")["hits"]
    assert [h["document"] for h in hits] == ["访谈乙"]


def test_unknown_case_or_attribute_is_one_line_and_changes_nothing(tmp_path: Path,
                                                                   capsys) -> None:
    proj = _project(capsys, tmp_path)
    before = proj.read_bytes()
    code, _, err = run(capsys, "words", proj, "--case", "无此人")
    assert code != 0 and "无此人" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "words", proj, "--where", "街道")
    assert code != 0 and "ATTRIBUTE=VALUE" in err
    assert proj.read_bytes() == before


def test_the_default_export_carries_the_word_sheet(tmp_path: Path, capsys) -> None:
    paper = shared_file("corpus", "seed-paper-zh.txt")
    proj = new_project_with(capsys, tmp_path, paper)
    top = run_json(capsys, "words", proj, "--top", "20")["words"]
    out = tmp_path / "导出.xlsx"
    assert run(capsys, "export", proj, out, "--lang", "zh")[0] == 0
    ws = openpyxl.load_workbook(out)[WORD_LABELS["zh"]["sheet"]]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=2, max_row=21)]
    assert [(w, n) for w, n, *_ in rows] == [(r["word"], r["count"]) for r in top]
    assert rows[0][0] == "治理"
    bare = tmp_path / "bare.xlsx"
    assert run(capsys, "export", proj, bare, "--no-words", "--lang", "en")[0] == 0
    assert WORD_LABELS["en"]["sheet"] not in openpyxl.load_workbook(bare).sheetnames
    # counts in the sheet are the document's, not invented: 治理 occurs that often
    text = paper.read_text("utf-8")
    assert rows[0][1] <= text.count("治理")
    assert Counter(r[0] for r in rows).most_common(1)[0][1] == 1
