"""Agreement of a project through the service, against hand arithmetic (in the comments)."""

import json
from fractions import Fraction

import pytest

from annotator.domain.errors import InvalidInput, NotFound
from annotator.services import codebook
from annotator.services.agreement import (
    CONSENSUS_CODER,
    code_consensus,
    project_agreement,
    segment_matches,
)
from annotator.services.agreement_measures import code_measures
from annotator.services.agreement_notes import agreement_notes
from annotator.services.documents import find_document
from annotator.services.progress import Cancelled
from annotator.store.project import Project
from tests.workshop.helpers import CHARACTERS, add_doc, code_many


@pytest.fixture
def two(empty_project: Project) -> Project:
    """Coders A and B, codes X, Y, Z, W; documents D1 (20 chars), D2, D3 (10), D4 (8).

    D1: X  A [0, 10)  B [0, 9)     Y  A [15, 20)  B [2, 6)     Z  A [0, 1)
    D2: X  A [0, 5)                — B codes nothing in D2: B is missing there
    D3: X  A [0, 4)   B [0, 4)     Y  B [6, 8)
    D4: nobody codes anything
    """
    p = empty_project
    for path in ("X", "Y", "Z", "W"):
        codebook.add_code(p, path)
    add_doc(p, "D1", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸")
    add_doc(p, "D2", "abcdefghij")
    add_doc(p, "D3", "0123456789")
    add_doc(p, "D4", "没有人编码这个")
    code_many(p, [
        ("A", "D1", "X", 0, 10), ("B", "D1", "X", 0, 9),
        ("A", "D1", "Y", 15, 20), ("B", "D1", "Y", 2, 6),
        ("A", "D1", "Z", 0, 1),
        ("A", "D2", "X", 0, 5),
        ("A", "D3", "X", 0, 4), ("B", "D3", "X", 0, 4), ("B", "D3", "Y", 6, 8),
    ])
    return p


def _doc(code_entry: dict, name: str) -> dict:
    return next(d for d in code_entry["documents"] if d["document"] == name)


def test_two_coders_hand_computed(two: Project) -> None:
    data = json.loads(json.dumps(project_agreement(two, **CHARACTERS).to_json()))
    assert data["coders"] == ["A", "B"]
    assert [c["code"] for c in data["codes"]] == ["X", "Y", "Z"]  # used codes, codebook order
    x = data["codes"][0]
    d1 = _doc(x, "D1")
    # D1, X: both 9, only A 1, only B 0, neither 10; n = 20
    assert d1["table"] == {"both": 9, "only_a": 1, "only_b": 0, "neither": 10, "units": 20}
    # po = 19/20 = 0.95; pe = (10·9 + 10·11)/400 = 0.5; κ = (0.95 − 0.5)/0.5 = 0.9
    assert d1["percent_agreement"] == pytest.approx(0.95)
    assert d1["cohen_kappa"] == pytest.approx(0.9)
    # α: o11 = 9·2 = 18, o00 = 10·2 = 20, o01 = o10 = 1; n = 40, n1 = 19, n0 = 21
    # D_o = 2/40; D_e = (40² − 19² − 21²)/(40·39) = 798/1560; α = 1 − 13/133 = 120/133
    assert d1["krippendorff_alpha"] == pytest.approx(120 / 133)
    assert d1["alpha"]["pairable_values"] == 40
    # segments: overlap 9 / union 10 = 0.9 ≥ 0.9 → one matched pair, nothing unmatched
    assert d1["segments"] == {"matched": 1, "unmatched_a": 0, "unmatched_b": 0, "total": 1}
    assert d1["segment_agreement"] == 1.0
    assert d1["coders_present"] == ["A", "B"] and d1["coders_missing"] == []

    # D2: B coded nothing there → missing, not disagreeing: no table, every value null
    d2 = _doc(x, "D2")
    assert d2["coders_missing"] == ["B"]
    assert d2["table"] is None and d2["segments"] is None
    for key in ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "segment_agreement"):
        assert d2[key] is None
    # D3: both 4, neither 6: po = 1, pe = (4·4 + 6·6)/100 = 0.52 → κ = 1
    assert _doc(x, "D3")["cohen_kappa"] == pytest.approx(1.0)
    # D4: nobody coded anything: both missing
    assert _doc(x, "D4")["coders_missing"] == ["A", "B"]

    # pooled over D1 + D3: both 13, only A 1, only B 0, neither 16; n = 30
    # po = 29/30; pe = (14·13 + 16·17)/900 = 454/900; κ = (870 − 454)/(900 − 454) = 208/223
    assert x["pooled_table"] == {"both": 13, "only_a": 1, "only_b": 0, "neither": 16,
                                 "units": 30}
    assert x["pooled_kappa"] == pytest.approx(208 / 223)
    # weighted by length: (0.9·20 + 1·10)/30 = 28/30
    assert x["weighted_kappa"] == pytest.approx(28 / 30)
    assert x["documents_compared"] == 2
    assert x["segments"] == {"matched": 2, "unmatched_a": 0, "unmatched_b": 0, "total": 2}

    y = data["codes"][1]
    d1y = _doc(y, "D1")
    # D1, Y: both 0, only A 5, only B 4, neither 11: po = 0.55,
    # pe = (5·4 + 15·16)/400 = 0.65, κ = (0.55 − 0.65)/0.35 = −2/7
    assert d1y["cohen_kappa"] == pytest.approx(-2 / 7)
    assert d1y["segments"] == {"matched": 0, "unmatched_a": 1, "unmatched_b": 1, "total": 2}
    assert d1y["segment_agreement"] == 0.0
    # D3, Y: only B 2, neither 8: po = 0.8, pe = (0·2 + 10·8)/100 = 0.8 → κ = 0
    assert _doc(y, "D3")["cohen_kappa"] == pytest.approx(0.0)


def test_undefined_values_are_null(two: Project) -> None:
    data = project_agreement(two, **CHARACTERS, codes=["Z", "W"]).to_json()
    z, w = data["codes"]
    # D3, Z: present, nobody used Z: neither 10 → pe = 1 → κ 0/0; α has one value → D_e = 0
    d3 = _doc(z, "D3")
    assert d3["table"] == {"both": 0, "only_a": 0, "only_b": 0, "neither": 10, "units": 10}
    assert d3["percent_agreement"] == 1.0
    assert d3["cohen_kappa"] is None
    assert d3["krippendorff_alpha"] is None
    assert d3["segment_agreement"] is None  # no segments at all
    # W is used by nobody anywhere: every ratio undefined, pooled and weighted too
    assert w["pooled_kappa"] is None and w["weighted_kappa"] is None
    assert w["krippendorff_alpha"] is None and w["segment_agreement"] is None
    assert "null" in json.dumps(data)


def test_presence_counts_every_code_not_only_the_chosen(two: Project) -> None:
    # Only Y is asked for. In D3, A coded X but not Y: A is present there (coded
    # something), so Y × D3 is a real table (only B 2, neither 8), not a missing pair.
    y = project_agreement(two, **CHARACTERS, codes=["Y"]).to_json()["codes"][0]
    d3 = _doc(y, "D3")
    assert d3["coders_missing"] == []
    assert d3["table"] == {"both": 0, "only_a": 0, "only_b": 2, "neither": 8, "units": 10}
    assert _doc(y, "D2")["coders_missing"] == ["B"]


def test_selection_and_errors(two: Project) -> None:
    r = project_agreement(two, **CHARACTERS, documents=["D1"], codes=["X"])
    assert [d.name for d in r.documents] == ["D1"] and [c.path for c in r.codes] == ["X"]
    with pytest.raises(InvalidInput, match="at least two coders"):
        project_agreement(two, **CHARACTERS, coders=["A"])
    with pytest.raises(NotFound):
        project_agreement(two, **CHARACTERS, coders=["A", "nobody"])
    with pytest.raises(NotFound):
        project_agreement(two, **CHARACTERS, codes=["no/such"])
    with pytest.raises(NotFound):
        project_agreement(two, **CHARACTERS, documents=["no such"])
    with pytest.raises(InvalidInput, match="threshold"):
        project_agreement(two, **CHARACTERS, threshold=0)


def test_consensus_coder_is_left_out_by_default(two: Project) -> None:
    with two.read() as s:
        doc = find_document(s, "D1").id
        x = codebook.find_code(s, "X").id
    code_consensus(two, doc, x, 0, 10)
    assert project_agreement(two, **CHARACTERS).to_json()["coders"] == ["A", "B"]
    data = project_agreement(two, **CHARACTERS, coders=["A", CONSENSUS_CODER]).to_json()
    assert data["coders"] == ["A", CONSENSUS_CODER]
    # A and the consensus both coded [0, 10) of D1 with X
    assert _doc(data["codes"][0], "D1")["cohen_kappa"] == 1.0


def test_threshold_changes_segment_matches(two: Project) -> None:
    # D1, X: 9/10 = 0.9 matches at 0.9 but not at 0.95
    x = project_agreement(two, **CHARACTERS, codes=["X"], threshold=0.95).to_json()["codes"][0]
    assert _doc(x, "D1")["segments"]["matched"] == 0
    assert _doc(x, "D1")["segment_agreement"] == 0.0
    with two.read() as s:
        d1 = find_document(s, "D1").id
        xid = codebook.find_code(s, "X").id
    ids = {c.name: c.id for c in project_agreement(two, **CHARACTERS).coders}
    m = segment_matches(two, d1, xid, ids["A"], ids["B"])
    assert [(s.a, s.b, s.overlap, s.union) for s in m.matched] == [((0, 10), (0, 9), 9, 10)]


@pytest.fixture
def tree(empty_project: Project) -> Project:
    """P1 with a child P1/c, and P2. One document of 10 characters.

    A: P1/c [0, 5), P2 [5, 10)       B: P1 [0, 5), P2 [5, 8)
    """
    p = empty_project
    for path in ("P1", "P1/c", "P2"):
        codebook.add_code(p, path)
    add_doc(p, "D", "0123456789")
    code_many(p, [("A", "D", "P1/c", 0, 5), ("A", "D", "P2", 5, 10),
                  ("B", "D", "P1", 0, 5), ("B", "D", "P2", 5, 8)])
    return p


def test_set_alpha_with_and_without_children(tree: Project) -> None:
    with_children = project_agreement(tree, **CHARACTERS, sets=[["P1", "P2"]]).to_json()["sets"][0]
    # P1 stands for its subtree: A = P1 ×5, P2 ×5; B = P1 ×5, P2 ×3, none ×2
    # o(P1,P1) = 10, o(P2,P2) = 6, o(P2,none) = o(none,P2) = 2; n = 20; n_P1 10, n_P2 8,
    # n_none 2. D_o = 4/20; D_e = (400 − 100 − 64 − 4)/380 = 232/380; α = 1 − 76/232 = 39/58
    assert with_children["codes"] == ["P1", "P2"] and with_children["include_children"]
    assert with_children["krippendorff_alpha"] == pytest.approx(39 / 58)
    assert with_children["pairable_values"] == 20
    cells = {(c["value_a"], c["value_b"]): c["count"] for c in with_children["coincidences"]}
    assert cells == {("P1", "P1"): 10, ("P2", "P2"): 6, ("P2", "none"): 2, ("none", "P2"): 2}
    own = project_agreement(tree, **CHARACTERS, sets=[["P1", "P2"]], include_children=False)
    own_set = own.to_json()["sets"][0]
    # own codings only: A = none ×5, P2 ×5; B = P1 ×5, P2 ×3, none ×2
    # o(P1,none) = o(none,P1) = 5, o(P2,P2) = 6, o(P2,none) = o(none,P2) = 2
    # n_P1 5, n_none 7, n_P2 8. D_o = 14/20; D_e = (400 − 25 − 49 − 64)/380 = 262/380
    # α = 1 − (14/20)(380/262) = 1 − 266/262 = −2/131
    assert own_set["krippendorff_alpha"] == pytest.approx(float(Fraction(-2, 131)))
    assert not own_set["include_children"]


def test_set_may_hold_a_parent_and_its_child(tree: Project) -> None:
    # P1/c is in the set itself, so A's coding counts as P1/c, not rolled up to P1:
    # A = P1/c ×5, P2 ×5; B = P1 ×5, P2 ×3, none ×2 → 5 + 2 disagreeing units of 10
    data = project_agreement(tree, **CHARACTERS, sets=[["P1", "P1/c", "P2"]]).to_json()["sets"][0]
    cells = {(c["value_a"], c["value_b"]): c["count"] for c in data["coincidences"]}
    assert cells[("P1", "P1/c")] == 5 and cells[("P2", "none")] == 2
    with pytest.raises(InvalidInput):
        project_agreement(tree, **CHARACTERS, sets=[[]])


def test_what_the_window_calls_intervals_notes_and_segments(two: Project) -> None:
    result = project_agreement(two, segment_rule="maxqda", threshold=0.5)
    seen: list[tuple[int, int]] = []
    measures = code_measures(result, resamples=100, alpha_min=0.667,
                             progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, len(result.codes)) and seen[-1] == (len(result.codes),) * 2
    by_path = {m.code.path: m for m in measures}
    # X is compared in D1 and D3 (D2: B missing; D4: nobody): documents are resampled
    assert by_path["X"].alpha_interval.resampled == "documents"
    assert by_path["X"].alpha_interval.parts == 2
    with pytest.raises(Cancelled):
        code_measures(result, resamples=10, cancel=lambda: True)
    notes = [str(n) for n in agreement_notes(result)]
    assert any("MAXQDA" in n and "0.5" in n for n in notes)
    assert notes[0].startswith("The unit of analysis was the character, whitespace and line")
    assert "Documents in which no coder used a code were left out" in " ".join(notes)
    with two.read() as s:
        d1 = find_document(s, "D1").id
        x = codebook.find_code(s, "X").id
    ids = {c.name: c.id for c in result.coders}
    found = segment_matches(two, d1, x, ids["A"], ids["B"], 0.5, rule="maxqda")
    assert len(found.matched) == 2  # one pair, counted from each side


def test_one_document_intervals_resample_its_runs(two: Project) -> None:
    result = project_agreement(two, documents=["D1"], codes=["X", "Y"])
    measures = code_measures(result, resamples=200)
    for m in measures:
        assert m.alpha_interval.resampled == "runs" and m.alpha_interval.parts > 1
        assert m.kappa_interval.resampled == "runs"
    assert "within it" in " ".join(str(n) for n in agreement_notes(result, True))
