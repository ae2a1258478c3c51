"""File names a user did not choose: GBK bytes from an unzipped Windows archive, ANSI
escape sequences. The import goes on, and the terminal shows the names escaped."""

import os
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.codebook import code_tree
from annotator.services.documents import list_documents
from annotator.services.projects import new_project
from annotator.store.project import Project


def test_a_gbk_name_and_an_escape_name_import_with_the_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.fsencode("\udcb7") != b"\xb7":
        pytest.skip("the file system encoding does not keep raw bytes")
    project = tmp_path / "p.annotator"
    new_project(project, "empty").close()
    folder = tmp_path / "in"
    folder.mkdir()
    gbk = folder / os.fsdecode("访谈一".encode("gbk") + b".txt")
    gbk.write_text("第一份访谈的文字。", encoding="utf-8")
    esc = folder / "x\x1b[2Jclear.txt"
    esc.write_text("第二份。", encoding="utf-8")
    good = folder / "正常.txt"
    good.write_text("第三份。", encoding="utf-8")
    code = main(["import", str(project), str(gbk), str(esc), str(good)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "\x1b" not in out.out + out.err
    assert "x\\x1b[2Jclear.txt" in out.out
    assert "3 imported, 0 refused" in out.out
    with Project.open(project) as p:
        names = sorted(d.name for d in list_documents(p))
    assert names == sorted(["访谈一", "x\x1b[2Jclear", "正常"])


def test_an_argument_that_is_not_utf8_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.annotator"
    new_project(project, "governance").close()
    with Project.open(project) as p:
        before = [c.path for c in code_tree(p)]
    bad = os.fsdecode(b"\xb7\xc3")
    code = main(["add-code", str(project), bad])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "not UTF-8" in err and "nothing was changed" in err
    with Project.open(project) as p:
        assert [c.path for c in code_tree(p)] == before
