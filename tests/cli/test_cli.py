"""Every subcommand, run the way a user runs it, with its output and exit code."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from tests.conftest import SEED_PAPER


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def info(capsys, project: Path) -> dict:
    code, out, _ = run(capsys, "info", project, "--json")
    assert code == 0
    return json.loads(out)


@pytest.fixture
def proj(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "研究 项目.annotator"
    assert run(capsys, "new", path)[0] == 0
    return path


def test_new_with_each_template(tmp_path: Path, capsys) -> None:
    assert run(capsys, "new", tmp_path / "g.annotator", "--template", "governance")[0] == 0
    assert run(capsys, "new", tmp_path / "e.annotator", "--template", "empty")[0] == 0
    assert len(info(capsys, tmp_path / "g.annotator")["codes"]) == 13
    assert info(capsys, tmp_path / "e.annotator")["codes"] == []
    code, _, err = run(capsys, "new", tmp_path / "g.annotator")
    assert code == 1 and "already exists" in err and err.count("\n") == 1


def test_add_code_with_parents_colour_and_description(proj: Path, capsys) -> None:
    code, out, _ = run(capsys, "add-code", proj, "协调/社区/楼栋长", "--color", "#112233",
                       "--description", "楼栋长的协调作用")
    assert code == 0 and "协调/社区/楼栋长" in out
    codes = {c["path"]: c for c in info(capsys, proj)["codes"]}
    assert codes["协调/社区/楼栋长"]["color"] == "#112233"
    assert "协调/社区" in codes
    code, _, err = run(capsys, "add-code", proj, "x", "--color", "blue")
    assert code == 1 and "#RRGGBB" in err


def test_import_code_segments_uncode(proj: Path, tmp_path: Path, capsys) -> None:
    doc = tmp_path / "访谈 01.txt"
    doc.write_text("\ufeff第一行：𠮷野家😀\r\n居民信任党组织。\r\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", proj, doc, SEED_PAPER, "--coder", "王")
    assert code == 0, out
    assert "2 imported, 0 refused" in out
    data = info(capsys, proj)
    names = [d["name"] for d in data["documents"]]
    assert names == ["访谈 01", "seed-paper-zh"]
    assert data["documents"][0]["characters"] == len("第一行：𠮷野家😀\n居民信任党组织。\n")
    assert [c["name"] for c in data["coders"]] == ["王"]

    text = "第一行：𠮷野家😀\n居民信任党组织。\n"
    s, e = text.index("居民"), text.index("。")
    code, out, _ = run(capsys, "code", proj, "--doc", "访谈 01", "--start", s, "--end", e,
                       "--code", "信任/政治信任", "--coder", "王", "--memo", "=SUM(A1)")
    assert code == 0 and f"coded {e - s} characters" in out
    assert run(capsys, "code", proj, "--doc", "访谈 01", "--start", 4, "--end", 8,
               "--code", "信任")[0] == 0  # coder from ANNOTATOR_CODER

    code, out, _ = run(capsys, "segments", proj, "--json", "--coder", "王")
    segs = json.loads(out)
    got = [(g["document"], g["code"], g["coder"], g["start"], g["end"], g["text"], g["memo"])
           for g in segs]
    assert got == [("访谈 01", "信任/政治信任", "王", s, e, "居民信任党组织", "=SUM(A1)")]
    code, out, _ = run(capsys, "segments", proj, "--json", "--code", "信任")
    assert [g["text"] for g in json.loads(out)] == ["𠮷野家😀"]
    code, out, _ = run(capsys, "segments", proj, "--json", "--code", "信任", "--with-children")
    assert len(json.loads(out)) == 2
    code, out, _ = run(capsys, "segments", proj, "--json", "--doc", "seed-paper-zh")
    assert json.loads(out) == []

    assert info(capsys, proj)["total_codings"] == 2
    code, out, _ = run(capsys, "uncode", proj, "--doc", "访谈 01", "--start", s, "--end", e,
                       "--code", "信任/政治信任", "--coder", "王")
    assert code == 0
    assert info(capsys, proj)["total_codings"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doc", "没有", "--start", "0", "--end", "1", "--code", "信任"], "no document"),
        (["--doc", "d", "--start", "0", "--end", "1", "--code", "信任/无"], "no code"),
        (["--doc", "d", "--start", "3", "--end", "99", "--code", "信任"], "not inside"),
        (["--doc", "d", "--start", "3", "--end", "3", "--code", "信任"], "not inside"),
    ],
)
def test_code_errors_are_one_line(proj: Path, tmp_path: Path, capsys, args, message) -> None:
    f = tmp_path / "d.txt"
    f.write_text("短文本", encoding="utf-8")
    run(capsys, "import", proj, f)
    before = proj.read_bytes()
    code, _out, err = run(capsys, "code", proj, *args)
    assert code == 1 and message in err
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert proj.read_bytes() == before


def test_uncode_by_an_unknown_coder_is_an_error(proj: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "d.txt"
    f.write_text("短文本", encoding="utf-8")
    run(capsys, "import", proj, f)
    code, _, err = run(capsys, "uncode", proj, "--doc", "d", "--start", "0", "--end", "1",
                       "--code", "信任", "--coder", "无名")
    assert code == 1 and "no coder" in err


def test_import_reports_the_same_text_twice(proj: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("同一文本", encoding="utf-8")
    g = tmp_path / "b.txt"
    g.write_text("同一文本", encoding="utf-8")
    code, out, err = run(capsys, "import", proj, f, g)
    assert code == 1
    assert "1 imported, 1 refused" in out and "already in the project as 'a'" in err


def test_export_writes_a_workbook(proj: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.xlsx"
    code, _stdout, _ = run(capsys, "export", proj, out)
    assert code == 0 and out.exists()
    code, _, err = run(capsys, "export", proj, tmp_path / "nofolder" / "x.xlsx")
    assert code == 1 and "no such folder" in err


def test_a_non_project_is_refused_by_every_command(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.annotator"
    bad.write_bytes(b"PK\x03\x04 not a project")
    for args in (["info", bad], ["add-code", bad, "x"], ["segments", bad],
                 ["export", bad, tmp_path / "o.xlsx"]):
        code, _, err = run(capsys, *args)
        assert code == 1 and "not an Annotator project" in err
    assert bad.read_bytes() == b"PK\x03\x04 not a project"


def test_demo_project_is_created_without_opening(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo" / "示例项目.annotator"
    assert run(capsys, "demo", path, "--no-open")[0] == 0
    data = info(capsys, path)
    assert data["total_codings"] >= 5 and len(data["documents"]) == 1
    assert data["documents"][0]["characters"] == 3418


def test_the_installed_command_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "annotator", "info", str(tmp_path / "missing.annotator")],
        capture_output=True, text=True,
    )
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "no such project file" in r.stderr
    r = subprocess.run([sys.executable, "-m", "annotator", "code"], capture_output=True, text=True)
    assert r.returncode == 2
    r = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True,
                       text=True)
    assert r.returncode == 0 and r.stdout.startswith("annotator ")


def test_export_leaves_out_agreement_on_request(proj: Path, tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    f = tmp_path / "d.txt"
    f.write_text("居民信任党组织，也信任邻居。", encoding="utf-8")
    run(capsys, "import", proj, f)
    for coder, end in (("甲", 6), ("乙", 7)):
        assert run(capsys, "code", proj, "--doc", "d", "--start", 0, "--end", end,
                   "--code", "信任", "--coder", coder)[0] == 0
    full, bare = tmp_path / "full.xlsx", tmp_path / "bare.xlsx"
    assert run(capsys, "export", proj, full, "--lang", "en")[0] == 0
    assert run(capsys, "export", proj, bare, "--lang", "en", "--no-agreement")[0] == 0
    assert "Agreement" in load_workbook(full).sheetnames
    assert "Agreement" not in load_workbook(bare).sheetnames
