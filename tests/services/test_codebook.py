"""Managing the codebook: every operation, with its codings, and its undo."""

import pytest

from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services import codebook as cb
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document
from annotator.store.project import Project


def _id(p: Project, path: str) -> int:
    with p.read() as s:
        return cb.find_code(s, path).id


def _paths(p: Project) -> list[str]:
    return [c.path for c in cb.code_tree(p)]


def _state(p: Project) -> tuple:
    return (
        [(c.id, c.parent_id, c.name, c.color, c.description, c.position, c.count)
         for c in cb.code_tree(p)],
        sorted((s.coding_id, s.code_id, s.start, s.end, s.memo) for s in segments(p)),
    )


@pytest.fixture
def coded(empty_project: Project):
    p = empty_project
    doc = add_document(p, "访谈", "居民对党组织很信任，也信任邻居。社区议事会每月开。")
    me = ensure_coder(p, "甲").id
    for path in ("信任/政治信任", "信任/社会信任", "整合/协商对话机制", "整合/协商"):
        cb.add_code(p, path)
    code_span(p, doc.id, 0, 9, _id(p, "信任/政治信任"), me, "备注A")
    code_span(p, doc.id, 10, 16, _id(p, "信任/社会信任"), me)
    code_span(p, doc.id, 0, 9, _id(p, "信任/社会信任"), me, "备注B")
    code_span(p, doc.id, 17, 24, _id(p, "整合/协商对话机制"), me)
    return p, doc, me


def test_add_creates_missing_parents_with_colours(empty_project: Project) -> None:
    c = cb.add_code(empty_project, "协调/多主体协同/社区", color="#12abEF", description="定义")
    assert c.path == "协调/多主体协同/社区"
    assert c.color == "#12ABEF" and c.description == "定义"
    assert _paths(empty_project) == ["协调", "协调/多主体协同", "协调/多主体协同/社区"]
    with pytest.raises(Conflict):
        cb.add_code(empty_project, "协调/多主体协同")
    with pytest.raises(InvalidInput):
        cb.add_code(empty_project, "x", color="red")


def test_names_with_slashes(empty_project: Project) -> None:
    c = cb.add_code(empty_project, "党建\\/治理/子")
    assert c.path == "党建\\/治理/子"
    with empty_project.read() as s:
        assert cb.find_code(s, "党建\\/治理").name == "党建/治理"


def test_rename_recolour_describe_memo(coded) -> None:
    p, _, _ = coded
    cid = _id(p, "信任")
    assert cb.rename_code(p, cid, "信任感") == "信任"
    assert "信任感/政治信任" in _paths(p)
    with pytest.raises(Conflict):
        cb.rename_code(p, cid, "整合")
    assert cb.set_code_color(p, cid, "#000000") != "#000000"
    assert cb.set_code_description(p, cid, "新定义") == ""
    assert cb.set_code_memo(p, cid, "备忘") == ""
    info = next(c for c in cb.code_tree(p) if c.id == cid)
    assert (info.color, info.description, info.memo) == ("#000000", "新定义", "备忘")


def test_move_and_undo(coded) -> None:
    p, _, _ = coded
    before = _state(p)
    snap = cb.move_code(p, _id(p, "信任/社会信任"), _id(p, "整合"), 0)
    assert _paths(p)[:3] == ["信任", "信任/政治信任", "整合"]
    assert _paths(p)[3] == "整合/社会信任"
    cb.restore_snapshot(p, snap)
    assert _state(p) == before


def test_move_into_own_child_or_onto_a_name_clash_is_refused(coded) -> None:
    p, _, _ = coded
    with pytest.raises(Conflict, match="itself"):
        cb.move_code(p, _id(p, "整合"), _id(p, "整合/协商"))
    cb.add_code(p, "信任/协商")
    with pytest.raises(Conflict, match="already exists"):
        cb.move_code(p, _id(p, "信任/协商"), _id(p, "整合"))


def test_delete_takes_children_and_codings_and_undo_restores_ids(coded) -> None:
    p, _, _ = coded
    before = _state(p)
    trust = _id(p, "信任")
    assert cb.count_codings(p, trust) == 3
    snap = cb.delete_code(p, trust)
    assert not any(path.startswith("信任") for path in _paths(p))
    assert [s.code_path for s in segments(p)] == ["整合/协商对话机制"]
    cb.restore_snapshot(p, snap)
    assert _state(p) == before
    with pytest.raises(NotFound):
        cb.delete_code(p, 9999)


def test_merge_moves_codings_dedupes_and_merges_children(coded) -> None:
    p, _doc, _me = coded
    before = _state(p)
    source, target = _id(p, "信任/社会信任"), _id(p, "信任/政治信任")
    snap = cb.merge_code(p, source, target)
    segs = [(s.code_path, s.start, s.end, s.memo) for s in segments(p, code_id=target)]
    # [0, 9) was coded with both: one coding remains, with both memos.
    assert segs == [("信任/政治信任", 0, 9, "备注A\n备注B"), ("信任/政治信任", 10, 16, "")]
    assert "信任/社会信任" not in _paths(p)
    cb.restore_snapshot(p, snap)
    assert _state(p) == before


def test_merge_with_children_of_the_same_name(coded) -> None:
    p, doc, me = coded
    cb.add_code(p, "整合/协商/小组")
    cb.add_code(p, "信任/政治信任/协商")
    code_span(p, doc.id, 1, 3, _id(p, "信任/政治信任/协商"), me)
    cb.merge_code(p, _id(p, "信任/政治信任"), _id(p, "整合"))
    paths = _paths(p)
    assert "整合/协商/小组" in paths and "信任/政治信任" not in paths
    assert [(s.code_path, s.start) for s in segments(p, code_id=_id(p, "整合/协商"))] == [
        ("整合/协商", 1)
    ]
    with pytest.raises(Conflict):
        cb.merge_code(p, _id(p, "整合"), _id(p, "整合/协商"))
    with pytest.raises(Conflict):
        cb.merge_code(p, _id(p, "整合"), _id(p, "整合"))
