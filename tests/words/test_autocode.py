"""Coding from hits: one operation, exact spans, undone and redone as one step."""

from pathlib import Path

import pytest

from annotator.domain.errors import InvalidInput
from annotator.services.autocode import HitSpan, autocode, code_hits
from annotator.services.codebook import add_code, find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import delete_codings, restore_codings, segments
from annotator.services.documents import add_document
from annotator.services.kwic import Query
from annotator.store.project import Project
from tests.conftest import SEED_PAPER
from tests.words.helpers import new_project_with, run, run_json

TEXT = "😀居民不信任物业！他们说：“信任要慢慢建。”\n𠮷家信任社区。\n\n第二段没有。"


def _setup(project: Project) -> tuple[int, int, int]:
    doc = add_document(project, "访谈", TEXT)
    coder = ensure_coder(project, "甲").id
    with project.read() as s:
        code = find_code(s, "信任/社会信任").id
    return doc.id, code, coder


def _texts(project: Project) -> list[str]:
    return [g.text for g in segments(project)]


@pytest.mark.parametrize(("extent", "expected"), [
    ("hit", ["信任", "信任", "信任"]),
    ("sentence", ["😀居民不信任物业！", "他们说：“信任要慢慢建。”", "𠮷家信任社区。"]),
    ("paragraph", ["😀居民不信任物业！他们说：“信任要慢慢建。”", "𠮷家信任社区。"]),
])
def test_extents(project: Project, extent: str, expected: list[str]) -> None:
    _, code, coder = _setup(project)
    result = autocode(project, Query("信任"), code, coder, extent=extent)
    assert result.hits == 3 and len(result.added) == len(expected)
    assert _texts(project) == expected
    for row in result.added:
        assert TEXT[row.start:row.end] in expected


def test_one_step_to_undo_and_redo(project: Project) -> None:
    doc, code, coder = _setup(project)
    result = code_hits(project, [HitSpan(doc, 4, 6), HitSpan(doc, 15, 17)], code, coder)
    assert [(r.start, r.end) for r in result.added] == [(4, 6), (15, 17)]
    delete_codings(project, result.ids)  # the window's undo
    assert _texts(project) == []
    restore_codings(project, result.added)  # redo: the same rows, the same ids
    assert [g.coding_id for g in segments(project)] == result.ids
    again = code_hits(project, [HitSpan(doc, 4, 6)], code, coder)
    assert again.added == [] and again.already == 1


def test_a_bad_hit_changes_nothing(project: Project) -> None:
    doc, code, coder = _setup(project)
    with pytest.raises(InvalidInput):
        code_hits(project, [HitSpan(doc, 4, 6), HitSpan(doc, 5, 999)], code, coder)
    assert _texts(project) == []
    add_code(project, "标题")
    with project.write() as s:
        find_code(s, "标题").is_codable = False
        title = find_code(s, "标题").id
    with pytest.raises(InvalidInput, match="heading"):
        code_hits(project, [HitSpan(doc, 4, 6)], title, coder)


def test_cli_autocode_on_the_seed_paper(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    text = SEED_PAPER.read_text("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    code, out, err = run(capsys, "autocode", proj, "信任", "--code", "信任/政治信任",
                         "--extent", "sentence")
    assert code == 0, err
    segs = run_json(capsys, "segments", proj, "--code", "信任/政治信任")
    assert segs and all("信任" in g["text"] for g in segs)
    assert all(text[g["start"]:g["end"]] == g["text"] for g in segs)
    assert f"{text.count('信任')} hits" in out
    code, out, _ = run(capsys, "autocode", proj, "信任", "--code", "信任/政治信任",
                       "--extent", "sentence")
    assert code == 0 and "0 codings added" in out
    code, _, err = run(capsys, "autocode", proj, "信任", "--code", "没有/这个")
    assert code == 1 and err.count("\n") == 1
