"""Disagreements as maximal runs, and settling them into the consensus coder."""

import pytest

from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services import codebook
from annotator.services.agreement import (
    CONSENSUS_CODER,
    accept_into_consensus,
    code_consensus,
    disagreements,
)
from annotator.services.coders import list_coders
from annotator.services.coding import segments
from annotator.services.documents import find_document
from annotator.services.export import export_workbook
from annotator.store.project import Project
from tests.workshop.helpers import add_doc, code, code_many

TEXT = "零一二三四五六七八九十甲乙丙丁戊己庚辛壬"  # 20 characters


@pytest.fixture
def three(empty_project: Project) -> dict:
    """A, B, C on D (20 chars); C also on E, where only C coded: nothing to compare there.

    X:  A [0, 10) + [8, 12) (overlapping: one union [0, 12))
        B [5, 12)
        C [10, 15)
    Y:  A [2, 4)   B [2, 4)   C —          (C is present in D through X)
    F (another document): only A coded → one present coder, no disagreements
    """
    p = empty_project
    codebook.add_code(p, "X")
    codebook.add_code(p, "Y")
    add_doc(p, "D", TEXT)
    add_doc(p, "F", "只有一个人编码的文档")
    rows = {
        "a1": ("A", "D", "X", 0, 10), "a2": ("A", "D", "X", 8, 12),
        "b": ("B", "D", "X", 5, 12), "c": ("C", "D", "X", 10, 15),
        "ay": ("A", "D", "Y", 2, 4), "by": ("B", "D", "Y", 2, 4),
        "f": ("A", "F", "X", 0, 3),
    }
    ids = dict(zip(rows, code_many(p, list(rows.values())), strict=True))
    return {"p": p, "ids": ids}


def test_maximal_runs_with_coders_on_each_side(three: dict) -> None:
    p, ids = three["p"], three["ids"]
    got = disagreements(p)
    # X in D, cut where the set of coders covering a character changes:
    # [0, 5) A | [5, 10) A B | [10, 12) A B C (all: agreement) | [12, 15) C
    assert [(d.code_path, d.start, d.end, d.coded_by, d.not_coded_by) for d in got] == [
        ("X", 0, 5, ("A",), ("B", "C")),
        ("X", 5, 10, ("A", "B"), ("C",)),
        ("X", 12, 15, ("C",), ("A", "B")),
        ("Y", 2, 4, ("A", "B"), ("C",)),
    ]
    assert [d.text for d in got] == [TEXT[0:5], TEXT[5:10], TEXT[12:15], TEXT[2:4]]
    assert all(d.document == "D" and d.missing == () for d in got)
    # the codings behind each run, for "accept into consensus"
    assert got[0].coding_ids == (ids["a1"],)
    assert got[1].coding_ids == (ids["a1"], ids["a2"], ids["b"])
    assert got[2].coding_ids == (ids["c"],)


def test_missing_coders_are_not_disagreeing(three: dict) -> None:
    p = three["p"]
    add_doc(p, "G", "两个人编码的第三个文档")
    code(p, "A", "G", "X", 0, 4)
    code(p, "B", "G", "X", 0, 2)
    g = [d for d in disagreements(p) if d.document == "G"]
    assert [(d.start, d.end, d.coded_by, d.not_coded_by, d.missing) for d in g] == [
        (2, 4, ("A",), ("B",), ("C",))
    ]
    assert disagreements(p, coders=["A", "B"], codes=["Y"]) == []  # A and B agree on Y
    with pytest.raises(InvalidInput):
        disagreements(p, coders=["A"])


def test_adjacent_runs_of_one_pattern_are_one_run(empty_project: Project) -> None:
    p = empty_project
    codebook.add_code(p, "X")
    add_doc(p, "D", TEXT)
    code(p, "A", "D", "X", 0, 5)
    code(p, "A", "D", "X", 5, 9)  # touching codings of A: one run [0, 9)
    code(p, "B", "D", "X", 15, 16)
    got = disagreements(p)
    assert [(d.start, d.end, d.coded_by) for d in got] == [(0, 9, ("A",)), (15, 16, ("B",))]
    assert len(got[0].coding_ids) == 2


def test_accept_into_consensus(three: dict) -> None:
    p, ids = three["p"], three["ids"]
    accepted = accept_into_consensus(p, ids["b"])
    assert (accepted.start, accepted.end) == (5, 12)
    narrowed = accept_into_consensus(p, ids["c"], start=12, end=15)
    assert (narrowed.start, narrowed.end) == (12, 15)
    coders = {c.id: c.name for c in list_coders(p)}
    assert coders[accepted.coder_id] == CONSENSUS_CODER == coders[narrowed.coder_id]
    with pytest.raises(Conflict):
        accept_into_consensus(p, ids["b"])
    with pytest.raises(InvalidInput):
        accept_into_consensus(p, ids["b"], start=5, end=99)
    with pytest.raises(NotFound):
        accept_into_consensus(p, 9999)
    # the consensus coder is a coder like the others: retrieved and exported as such
    mine = [s for s in segments(p) if s.coder == CONSENSUS_CODER]
    assert [(s.start, s.end, s.text) for s in mine] == [(5, 12, TEXT[5:12]),
                                                        (12, 15, TEXT[12:15])]
    # and it does not take part in the disagreements by default
    assert {c for d in disagreements(p) for c in d.coded_by + d.not_coded_by} == {"A", "B", "C"}


def test_code_consensus_directly(three: dict, tmp_path) -> None:
    p = three["p"]
    with p.read() as s:
        doc, y = find_document(s, "D").id, codebook.find_code(s, "Y").id
    info = code_consensus(p, doc, y, 2, 4, memo="小组决定")
    assert (info.start, info.end, info.memo) == (2, 4, "小组决定")
    export_workbook(p, tmp_path / "all.xlsx")  # exports like any coder's coding
