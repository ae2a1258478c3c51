"""Agreement statistics against published worked examples, hand arithmetic, the
``krippendorff`` and ``statsmodels`` packages, and a per-character brute force."""

import dataclasses
import json
import math
import random
from fractions import Fraction

import krippendorff
import numpy as np
import pytest
from statsmodels.stats.inter_rater import cohens_kappa

from annotator.domain.agreement import (
    Coding,
    Coincidences,
    Table2x2,
    code_coincidences,
    coincidences,
    compute_agreement,
    krippendorff_alpha_nominal,
    pair_table,
    pooled_kappa,
    segment_agreement,
    set_alpha,
    set_coincidences,
    set_value_runs,
    weighted_mean_kappa,
)
from annotator.domain.errors import InvalidInput

# ---------------------------------------------------------------- Cohen's κ, 2×2


def test_cohen_kappa_published_example() -> None:
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, two readers.
    # Both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    # po = (20 + 15) / 50 = 0.70
    # A says yes 25/50 = 0.5, B says yes 30/50 = 0.6
    # pe = 0.5·0.6 + 0.5·0.4 = 0.50
    # κ = (0.70 − 0.50) / (1 − 0.50) = 0.40
    table = Table2x2(both=20, only_a=5, only_b=10, neither=15)
    assert table.percent_agreement == pytest.approx(0.70)
    assert table.expected_agreement == pytest.approx(0.50)
    assert table.cohen_kappa == pytest.approx(0.40)


@pytest.mark.parametrize(
    ("table", "po", "pe", "kappa"),
    [
        # Same percent agreement, different κ (Wikipedia, "Cohen's kappa"), n = 100:
        # A yes 60, B yes 70: pe = .6·.7 + .4·.3 = .54; κ = (.60 − .54)/(1 − .54) = .1304
        (Table2x2(45, 15, 25, 15), 0.60, 0.54, 0.06 / 0.46),
        # A yes 60, B yes 30: pe = .6·.3 + .4·.7 = .46; κ = (.60 − .46)/(1 − .46) = .2593
        (Table2x2(25, 35, 5, 35), 0.60, 0.46, 0.14 / 0.54),
    ],
)
def test_cohen_kappa_same_agreement_different_kappa(
    table: Table2x2, po: float, pe: float, kappa: float
) -> None:
    assert table.percent_agreement == pytest.approx(po)
    assert table.expected_agreement == pytest.approx(pe)
    assert table.cohen_kappa == pytest.approx(kappa)
    assert round(table.cohen_kappa, 4) == round(kappa, 4)


@pytest.mark.parametrize("seed", range(30))
def test_cohen_kappa_matches_statsmodels(seed: int) -> None:
    rng = random.Random(seed)
    table = Table2x2(*(rng.randint(0, 10_000) for _ in range(4)))
    if table.cohen_kappa is None:
        pytest.skip("undefined table")
    reference = cohens_kappa(
        np.array([[table.both, table.only_a], [table.only_b, table.neither]])
    ).kappa
    assert table.cohen_kappa == pytest.approx(reference, abs=1e-12)


def test_kappa_undefined_when_chance_agreement_is_one() -> None:
    # Everyone said "no" everywhere: po = 1, pe = 1·1 + 0·0 = 1 -> κ = 0/0.
    table = Table2x2(neither=500)
    assert table.percent_agreement == 1.0
    assert table.cohen_kappa is None
    # Same when everyone said "yes" everywhere.
    assert Table2x2(both=7).cohen_kappa is None


def test_empty_table_is_all_undefined() -> None:
    table = Table2x2()
    assert table.n == 0
    assert table.percent_agreement is None
    assert table.expected_agreement is None
    assert table.cohen_kappa is None


def test_tables_add_and_pool() -> None:
    t1 = Table2x2(20, 5, 10, 15)  # κ = 0.4, n = 50
    t2 = Table2x2(45, 15, 25, 15)  # κ = 0.1304…, n = 100
    assert t1 + t2 == Table2x2(65, 20, 35, 30)
    # pooled: n = 150, po = 95/150; A yes 85, B yes 100:
    # pe = (85·100 + 65·50) / 150² = 11750/22500; κ = (95·150 − 11750)/(22500 − 11750)
    assert pooled_kappa([t1, None, t2]) == pytest.approx((95 * 150 - 11750) / (22500 - 11750))
    # weighted by n: (0.4·50 + (0.06/0.46)·100) / 150; the None (missing) and the
    # undefined table (all 'neither') are left out of sum and weights alike.
    expected = (0.4 * 50 + 0.06 / 0.46 * 100) / 150
    assert weighted_mean_kappa([t1, None, Table2x2(neither=1000), t2]) == pytest.approx(expected)


def test_pooled_and_weighted_undefined_without_tables() -> None:
    assert pooled_kappa([]) is None
    assert pooled_kappa([None, None]) is None
    assert weighted_mean_kappa([None, Table2x2(neither=10), Table2x2()]) is None


# ------------------------------------------------------ character-level, by hand


def test_overlapping_spans_of_one_coder_are_unioned() -> None:
    # Document of 20 characters. A codes [0,10) and [5,15): union [0,15), 15 characters.
    # B codes [10,20). both = [10,15) = 5; only A = [0,10) = 10; only B = [15,20) = 5;
    # neither = 0.
    table = pair_table([(0, 10), (5, 15)], [(10, 20)], 20)
    assert table == Table2x2(both=5, only_a=10, only_b=5, neither=0)
    # po = 5/20 = .25; A yes .75, B yes .5: pe = .75·.5 + .25·.5 = .5
    # κ = (.25 − .5)/(1 − .5) = −.5
    assert table.percent_agreement == 0.25
    assert table.cohen_kappa == pytest.approx(-0.5)


def test_missing_coder_gives_no_table() -> None:
    assert pair_table(None, [(0, 3)], 10) is None
    assert pair_table([(0, 3)], None, 10) is None
    # present but never used this code is not missing:
    assert pair_table([], [(0, 3)], 10) == Table2x2(0, 0, 3, 7)


def test_empty_document() -> None:
    table = pair_table([], [], 0)
    assert table is not None
    assert (table.percent_agreement, table.cohen_kappa) == (None, None)
    report = compute_agreement({"d": 0}, [], ["A", "B"], ["x"])
    cell = report.cell("x", "d")
    assert cell.coders_missing == ("A", "B")
    assert cell.percent_agreement is None
    assert cell.cohen_kappa is None
    assert cell.krippendorff_alpha is None
    assert cell.segment_agreement is None


def test_spans_outside_the_document_are_refused() -> None:
    with pytest.raises(InvalidInput):
        pair_table([(5, 11)], [], 10)
    with pytest.raises(InvalidInput):
        compute_agreement({"d": 10}, [("d", "x", "A", 3, 12)], ["A", "B"], ["x"])
    with pytest.raises(InvalidInput):
        compute_agreement({"d": 10}, [("e", "x", "A", 3, 5)], ["A", "B"], ["x"])
    with pytest.raises(InvalidInput):
        compute_agreement({"d": 10}, [("d", "x", "A", 5, 3)], ["A", "B"], ["x"])


def test_code_nobody_used_where_both_coded_something_else() -> None:
    # Both coders coded code "y" in d, nobody coded "x". For "x" every character is
    # 'neither': po = 100/100 = 1, pe = 0·0 + 1·1 = 1 -> κ undefined, α undefined
    # (only the value 0 occurs: D_e = 0), segment agreement undefined (no segments).
    codings = [("d", "y", "A", 0, 10), ("d", "y", "B", 0, 12)]
    report = compute_agreement({"d": 100}, codings, ["A", "B"], ["x", "y"])
    cell = report.cell("x", "d")
    assert cell.coders_missing == ()
    assert cell.table == Table2x2(neither=100)
    assert cell.percent_agreement == 1.0
    assert cell.cohen_kappa is None
    assert cell.krippendorff_alpha is None
    assert cell.segment_agreement is None
    summary = report.summary("x")
    assert summary.pooled_kappa is None
    assert summary.weighted_kappa is None
    assert summary.percent_agreement == 1.0


def test_missing_coder_is_excluded_from_pooled_and_weighted_kappa() -> None:
    # d1 (20 chars): A [0,10), B [0,10)+[15,20):
    #   both 10, only_a 0, only_b 5, neither 5; po = 15/20; A yes .5, B yes .75
    #   pe = .5·.75 + .5·.25 = .5; κ1 = (.75 − .5)/.5 = .5
    # d2 (30 chars): B coded, A coded nothing at all there -> A missing, no table.
    #   (Were A counted as 'coded nothing', d2 would be pure disagreement.)
    # d3 (10 chars): A and B both [0,5): κ3 = 1.
    codings = [
        ("d1", "x", "A", 0, 10),
        ("d1", "x", "B", 0, 10),
        ("d1", "x", "B", 15, 20),
        ("d2", "x", "B", 0, 30),
        ("d3", "x", "A", 0, 5),
        ("d3", "x", "B", 0, 5),
    ]
    report = compute_agreement({"d1": 20, "d2": 30, "d3": 10}, codings, ["A", "B"], ["x"])
    d2 = report.cell("x", "d2")
    assert d2.coders_missing == ("A",)
    assert d2.table is None
    assert (d2.percent_agreement, d2.cohen_kappa, d2.segment_agreement) == (None, None, None)
    assert d2.krippendorff_alpha is None  # one coder left: nothing pairable
    assert report.cell("x", "d1").cohen_kappa == pytest.approx(0.5)
    assert report.cell("x", "d3").cohen_kappa == pytest.approx(1.0)
    summary = report.summary("x")
    # pooled over d1 + d3 only: (10,0,5,5) + (5,0,0,5) = (15,0,5,10), n = 30
    assert summary.pooled_table == Table2x2(15, 0, 5, 10)
    # po = 25/30; A yes 15, B yes 20: pe = (15·20 + 15·10)/900 = 450/900 = .5
    # κ = (25/30 − .5)/.5 = 2/3
    assert summary.pooled_kappa == pytest.approx(2 / 3)
    # weighted: (.5·20 + 1·10)/30 = 2/3 as well
    assert summary.weighted_kappa == pytest.approx((0.5 * 20 + 1.0 * 10) / 30)
    assert summary.pair("A", "B").documents == 2


def test_explicit_presence_overrides_inference() -> None:
    # Only code x's codings are passed; A coded other codes in d2 (not passed), so the
    # caller says A is present there. A is then 'present, never used x' in d2.
    codings = [("d2", "x", "B", 0, 5)]
    present = [("d2", "A"), ("d2", "B")]
    report = compute_agreement({"d2": 10}, codings, ["A", "B"], ["x"], present=present)
    cell = report.cell("x", "d2")
    assert cell.coders_missing == ()
    assert cell.table == Table2x2(both=0, only_a=0, only_b=5, neither=5)


def test_an_empty_coding_does_not_make_a_coder_present() -> None:
    codings = [("d", "x", "A", 4, 4), ("d", "x", "B", 0, 5)]
    cell = compute_agreement({"d": 10}, codings, ["A", "B"], ["x"]).cell("x", "d")
    assert cell.coders_missing == ("A",)
    assert cell.table is None


# ------------------------------------------------------------- segment agreement


def test_segment_match_exactly_at_threshold() -> None:
    # A [0,10), B [1,10): overlap 9, union 10 -> 0.9 >= 0.9: a match.
    result = segment_agreement([(0, 10)], [(1, 10)], threshold=0.9)
    assert len(result.matched) == 1
    assert result.matched[0].ratio == 0.9
    assert result.agreement == 1.0
    # 900 of 1000 also exactly 0.9; 899 of 1000 is not.
    assert segment_agreement([(0, 1000)], [(100, 1000)]).agreement == 1.0
    below = segment_agreement([(0, 1000)], [(101, 1000)])
    assert below.matched == ()
    assert below.unmatched_a == ((0, 1000),)
    assert below.unmatched_b == ((101, 1000),)
    # MAXQDA's percentage: 0 / (0 + 1 + 1)
    assert below.agreement == 0.0


def test_segment_matching_is_one_to_one_best_ratio_first() -> None:
    # A [0,100); B [0,45) ratio .45 and [50,100) ratio .50. At threshold .4 both reach
    # it, but A can match only one: the best (B2). B1 is left over.
    result = segment_agreement([(0, 100)], [(0, 45), (50, 100)], threshold=0.4)
    assert [(m.a, m.b) for m in result.matched] == [((0, 100), (50, 100))]
    assert result.unmatched_a == ()
    assert result.unmatched_b == ((0, 45),)
    assert result.agreement == pytest.approx(1 / 2)


def test_report_uses_the_same_one_to_one_matching_below_half() -> None:
    codings = [("d", "x", "A", 0, 100), ("d", "x", "B", 0, 45), ("d", "x", "B", 50, 100)]
    cell = compute_agreement({"d": 100}, codings, ["A", "B"], ["x"], 0.4).cell("x", "d")
    pair = cell.pairs[0]
    assert (pair.segments_matched, pair.segments_unmatched_a, pair.segments_unmatched_b) == (
        1,
        0,
        1,
    )
    assert cell.segment_agreement == pytest.approx(1 / 2)


def test_segment_agreement_mixed_counts() -> None:
    # A: [0,10) [20,30) [50,60); B: [0,10) [21,30) [70,80)
    # [0,10)~[0,10) ratio 1; [20,30)~[21,30) ratio .9; [50,60) and [70,80) unmatched.
    # agreement = 2 / (2 + 1 + 1) = .5
    result = segment_agreement([(0, 10), (20, 30), (50, 60)], [(0, 10), (21, 30), (70, 80)])
    assert len(result.matched) == 2
    assert result.agreement == 0.5


def test_segments_of_one_coder_are_merged_first() -> None:
    # A coded [0,5) and [5,10) with the same code: one segment [0,10).
    result = segment_agreement([(0, 5), (5, 10)], [(0, 10)])
    assert result.agreement == 1.0
    assert len(result.matched) == 1


def test_segment_agreement_undefined_without_segments() -> None:
    assert segment_agreement([], []).agreement is None
    assert segment_agreement([(0, 3)], []).agreement == 0.0


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.01])
def test_segment_threshold_must_be_a_share(threshold: float) -> None:
    with pytest.raises(InvalidInput):
        segment_agreement([], [], threshold=threshold)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.9, 1.0])
def test_report_segment_counts_equal_segment_agreement(threshold: float) -> None:
    rng = random.Random(int(threshold * 100))
    doc_lengths, codings = _random_project(rng, coders=3, codes=2, docs=4, max_len=80)
    coders = ["c0", "c1", "c2"]
    report = compute_agreement(doc_lengths, codings, coders, ["k0", "k1"], threshold)
    for cell in report.cells:
        for pair in cell.pairs:
            a = _spans_of(codings, cell.doc_id, cell.code_id, pair.coder_a)
            b = _spans_of(codings, cell.doc_id, cell.code_id, pair.coder_b)
            if pair.table is None:
                continue
            expected = segment_agreement(a, b, threshold)
            assert pair.segments_matched == len(expected.matched)
            assert pair.segments_unmatched_a == len(expected.unmatched_a)
            assert pair.segments_unmatched_b == len(expected.unmatched_b)
            assert pair.segment_agreement == expected.agreement


# ------------------------------------------------------------ Krippendorff's α

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example:
# 4 observers × 12 units, '*' = missing. α = 0.743.
RELIABILITY = """
A: 1 2 3 3 2 1 4 1 2 * * *
B: 1 2 3 3 2 2 4 1 2 5 * 3
C: * 3 3 3 2 3 4 2 2 5 1 *
D: 1 2 3 3 2 4 4 1 2 5 1 *
"""
OBSERVERS = ["A", "B", "C", "D"]
VALUES = [1, 2, 3, 4, 5]


def _reliability() -> list[list[int | None]]:
    rows = [line.split(":")[1].split() for line in RELIABILITY.strip().splitlines()]
    return [[None if v == "*" else int(v) for v in row] for row in rows]


def test_krippendorff_2011_example_units_as_documents() -> None:
    # Unit i = a document of one character; a value v = that observer coded code v on
    # it; '*' = the observer coded nothing in that document, i.e. is missing there.
    # Pooling the 12 documents' coincidence matrices gives the paper's matrix.
    data = _reliability()
    doc_lengths = {unit: 1 for unit in range(12)}
    codings = [
        Coding(unit, value, OBSERVERS[o], 0, 1)
        for o, row in enumerate(data)
        for unit, value in enumerate(row)
        if value is not None
    ]
    result = set_alpha(doc_lengths, codings, OBSERVERS, VALUES)
    assert round(result.krippendorff_alpha, 3) == 0.743
    # The paper's n_c: 9, 13, 10, 5, 3 pairable values, n = 40; o_11 = 7, o_12 = 4/3.
    alpha = result.alpha
    assert alpha.pairable_values == 40
    totals = {v: 0.0 for v in VALUES}
    for cell in alpha.coincidences:
        totals[cell.value_a] += cell.count
    assert totals == pytest.approx({1: 9, 2: 13, 3: 10, 4: 5, 5: 3})
    matrix = {(c.value_a, c.value_b): c.count for c in alpha.coincidences}
    assert matrix[(1, 1)] == pytest.approx(7)
    assert matrix[(1, 2)] == pytest.approx(4 / 3)
    assert "none" not in totals  # every present observer coded each of its characters
    # Same number from the package:
    reference = krippendorff.alpha(
        reliability_data=np.array(
            [[np.nan if v is None else v for v in row] for row in data], dtype=float
        ),
        level_of_measurement="nominal",
    )
    assert result.krippendorff_alpha == pytest.approx(reference, abs=1e-12)


def test_krippendorff_2011_example_in_one_document_with_overlap_rule() -> None:
    # Unit i = character i of a single 12-character document. A '*' is produced by the
    # overlap rule: the observer put two codes of the set (1 and 2) on that character,
    # which makes the character missing for that observer.
    data = _reliability()
    codings = []
    for o, row in enumerate(data):
        for unit, value in enumerate(row):
            for code in [1, 2] if value is None else [value]:
                codings.append(("doc", code, OBSERVERS[o], unit, unit + 1))
    result = set_alpha({"doc": 12}, codings, OBSERVERS, VALUES)
    assert round(result.krippendorff_alpha, 3) == 0.743
    assert result.overlap_units == 7  # seven '*' in the table


def test_krippendorff_2011_example_as_runs_of_characters() -> None:
    # Each unit a run of 3 characters, codings spanning the runs; the unit's missing
    # values via the overlap rule. Characters are the units, so this is the package's
    # α on the data with every column repeated 3 times (not exactly 0.743: n is 120).
    data = _reliability()
    width = 3
    codings = []
    for o, row in enumerate(data):
        for unit, value in enumerate(row):
            start = unit * width
            for code in [1, 2] if value is None else [value]:
                codings.append(("doc", code, OBSERVERS[o], start, start + width))
    result = set_alpha({"doc": 12 * width}, codings, OBSERVERS, VALUES)
    repeated = np.array(
        [[np.nan if v is None else v for v in row for _ in range(width)] for row in data],
        dtype=float,
    )
    reference = krippendorff.alpha(reliability_data=repeated, level_of_measurement="nominal")
    assert result.krippendorff_alpha == pytest.approx(reference, abs=1e-12)
    assert round(result.krippendorff_alpha, 2) == 0.74


def test_set_alpha_overlap_rule_by_hand() -> None:
    # Document of 4 characters, set {X, Y}.
    # A: X on [0,2), Y on [1,3) -> values X, (missing: X and Y), Y, none
    # B: X on [0,3)             -> values X, X, X, none
    # unit 0: (X, X); unit 1: only B -> not pairable; unit 2: (Y, X); unit 3: (none, none)
    # o_XX = 2, o_XY = o_YX = 1, o_nn = 2; n = 6; n_X = 3, n_Y = 1, n_none = 2
    # D_o = 2/6; D_e = (6² − (3² + 1² + 2²)) / (6·5) = 22/30
    # α = 1 − (1/3)/(22/30) = 1 − 30/66 = 6/11
    codings = [
        ("d", "X", "A", 0, 2),
        ("d", "Y", "A", 1, 3),
        ("d", "X", "B", 0, 3),
    ]
    result = set_alpha({"d": 4}, codings, ["A", "B"], ["X", "Y"])
    assert result.overlap_units == 1
    assert result.krippendorff_alpha == pytest.approx(6 / 11)
    matrix = {(c.value_a, c.value_b): c.count for c in result.alpha.coincidences}
    assert matrix == {("X", "X"): 2, ("X", "Y"): 1, ("Y", "X"): 1, ("none", "none"): 2}
    runs, ambiguous = set_value_runs({"X": [(0, 2)], "Y": [(1, 3)]})
    assert runs == [(0, 1, "X"), (1, 2, None), (2, 3, "Y")]
    assert ambiguous == 1


def test_set_alpha_refuses_a_none_value_that_is_a_code() -> None:
    with pytest.raises(InvalidInput):
        set_alpha({"d": 4}, [], ["A", "B"], ["none", "Y"])
    with pytest.raises(InvalidInput):
        set_coincidences(4, [{"none": [(0, 1)]}, {}], none_value="none")


def test_alpha_undefined() -> None:
    assert Coincidences().alpha() is None
    # one coder present: nothing pairable
    assert code_coincidences(10, [[(0, 5)], None]).alpha() is None
    # everyone agrees on one value everywhere: D_e = 0
    assert code_coincidences(10, [[(0, 10)], [(0, 10)], [(0, 10)]]).alpha() is None
    # but two values and perfect agreement is α = 1
    assert code_coincidences(10, [[(0, 4)], [(0, 4)]]).alpha() == 1.0
    assert krippendorff_alpha_nominal([]) is None


def test_binary_alpha_by_hand() -> None:
    # 2 coders, 10 characters: A [0,4), B [2,6).
    # values: chars 0-1 (1,0), 2-3 (1,1), 4-5 (0,1), 6-9 (0,0)
    # o_11 = 2·2 = 4, o_00 = 4·2 = 8, o_10 = o_01 = 4 (each mixed char adds 1 to each)
    # n = 20, n_1 = 8, n_0 = 12; D_o = 8/20; D_e = (400 − 64 − 144)/(20·19) = 192/380
    # α = 1 − (8/20)/(192/380) = 1 − 3040/3840 = 0.208333…
    result = code_coincidences(10, [[(0, 4)], [(2, 6)]])
    assert dict(result.cells) == {(1, 1): 4, (0, 0): 8, (0, 1): 4, (1, 0): 4}
    assert result.alpha() == pytest.approx(1 - 3040 / 3840)


@pytest.mark.parametrize("seed", range(25))
def test_binary_fast_path_equals_general_sweep(seed: int) -> None:
    rng = random.Random(seed)
    length = rng.randint(0, 50)
    coders = [None if rng.random() < 0.2 else _random_spans(rng, length) for _ in range(4)]
    fast = code_coincidences(length, coders)
    runs = [None if c is None else [(s, e, 1) for s, e in _union(c)] for c in coders]
    general = coincidences(length, runs, background=0)
    assert {k: v for k, v in fast.cells.items() if v} == {
        k: v for k, v in general.cells.items() if v
    }


@pytest.mark.parametrize("seed", range(25))
def test_code_alpha_matches_package_and_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    coders = ["c0", "c1", "c2", "c3"]
    doc_lengths, codings = _random_project(rng, coders=4, codes=2, docs=3, max_len=40)
    report = compute_agreement(doc_lengths, codings, coders, ["k0", "k1"])
    present = {(c.doc_id, c.coder_id) for c in codings if c.end > c.start}
    for code in ["k0", "k1"]:
        columns = []
        for doc, length in doc_lengths.items():
            matrix = _code_matrix(codings, doc, length, code, coders, present)
            columns.append(matrix)
            cell = report.cell(code, doc)
            _assert_alpha(cell.krippendorff_alpha, matrix)
            _assert_pairs_brute_force(cell, matrix, coders, present)
        _assert_alpha(report.summary(code).krippendorff_alpha, np.concatenate(columns, axis=1))


@pytest.mark.parametrize("seed", range(25))
def test_set_alpha_matches_package_with_overlaps_and_missing(seed: int) -> None:
    rng = random.Random(1000 + seed)
    coders = ["c0", "c1", "c2"]
    codes = ["k0", "k1", "k2"]
    doc_lengths, codings = _random_project(rng, coders=3, codes=3, docs=3, max_len=40)
    result = set_alpha(doc_lengths, codings, coders, codes)
    present = {(c.doc_id, c.coder_id) for c in codings if c.end > c.start}
    columns = []
    overlaps = 0
    for doc, length in doc_lengths.items():
        matrix = np.full((len(coders), length), np.nan)
        for r, coder in enumerate(coders):
            if (doc, coder) not in present:
                continue
            for ch in range(length):
                covering = [
                    k
                    for k, code in enumerate(codes)
                    if any(s <= ch < e for s, e in _spans_of(codings, doc, code, coder))
                ]
                if len(covering) > 1:
                    overlaps += 1  # the overlap rule: missing for this coder
                else:
                    matrix[r, ch] = covering[0] if covering else len(codes)  # none value
        columns.append(matrix)
    assert result.overlap_units == overlaps
    _assert_alpha(result.krippendorff_alpha, np.concatenate(columns, axis=1))


def test_pooled_alpha_is_alpha_of_summed_coincidences() -> None:
    first = code_coincidences(10, [[(0, 4)], [(2, 6)]])
    second = code_coincidences(5, [[(0, 5)], [], [(1, 5)]])
    docs = [
        (10, [[(0, 4, 1)], [(2, 6, 1)]]),
        (5, [[(0, 5, 1)], [], [(1, 5, 1)]]),
    ]
    assert krippendorff_alpha_nominal(docs) == (first + second).alpha()
    assert (first + second).cells[(1, 1)] == first.cells[(1, 1)] + second.cells[(1, 1)]
    assert isinstance(first.cells[(1, 1)], Fraction)


# ------------------------------------------------------------- the report itself


def test_report_for_two_coders_has_the_contract_keys_and_is_json() -> None:
    codings = [("d", "x", "A", 0, 10), ("d", "x", "B", 1, 10), ("d", "y", "B", 20, 30)]
    report = compute_agreement({"d": 40}, codings, ["A", "B"], ["x", "y"])
    cell = report.cell("x", "d")
    as_dict = dataclasses.asdict(cell)
    for key in ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "segment_agreement"):
        assert key in as_dict
    # both 9, only A 1, only B 0, neither 30: po = 39/40
    assert cell.table == Table2x2(9, 1, 0, 30)
    assert cell.percent_agreement == 39 / 40
    assert cell.segment_agreement == 1.0  # 9/10 reaches 0.9
    assert cell.krippendorff_alpha is not None
    y = report.cell("y", "d")
    # A never used y, B coded 10 of 40: table (0, 0, 10, 30), po = 30/40,
    # A yes 0, B yes 10/40: pe = 0·.25 + 1·.75 = .75 = po -> κ = 0
    assert y.table == Table2x2(0, 0, 10, 30)
    assert y.cohen_kappa == 0.0
    assert y.segment_agreement == 0.0
    summary = dataclasses.asdict(report.summary("x"))
    for key in ("pooled_kappa", "weighted_kappa", "krippendorff_alpha"):
        assert key in summary
    text = json.dumps(dataclasses.asdict(report))
    assert json.loads(text)["cells"][0]["pairs"][0]["coder_a"] == "A"


def test_report_for_more_coders_gives_pairs_and_alpha_over_all() -> None:
    codings = [
        ("d", "x", "A", 0, 10),
        ("d", "x", "B", 0, 10),
        ("d", "x", "C", 5, 15),
        ("d", "y", "C", 0, 1),
    ]
    report = compute_agreement({"d": 20}, codings, ["A", "B", "C"], ["x"])
    cell = report.cell("x", "d")
    assert cell.cohen_kappa is None and cell.table is None  # see pairs instead
    assert [(p.coder_a, p.coder_b) for p in cell.pairs] == [("A", "B"), ("A", "C"), ("B", "C")]
    assert cell.pair("A", "B").cohen_kappa == 1.0
    assert cell.pair("C", "A").table == pair_table([(0, 10)], [(5, 15)], 20)
    assert cell.krippendorff_alpha == pytest.approx(
        code_coincidences(20, [[(0, 10)], [(0, 10)], [(5, 15)]]).alpha()
    )
    assert report.summary("x").pair("A", "B").pooled_kappa == 1.0
    json.dumps(dataclasses.asdict(report))


# ---------------------------------------------------------------------- helpers


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    from annotator.domain.intervals import union

    return union(spans)


def _random_spans(rng: random.Random, length: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(rng.randint(0, 4)):
        start = rng.randint(0, length)
        spans.append((start, rng.randint(start, min(length, start + 15))))
    return spans


def _random_project(
    rng: random.Random, coders: int, codes: int, docs: int, max_len: int
) -> tuple[dict[str, int], list[Coding]]:
    doc_lengths = {f"d{d}": rng.randint(0, max_len) for d in range(docs)}
    codings = []
    for doc, length in doc_lengths.items():
        for c in range(coders):
            if rng.random() < 0.2:
                continue  # this coder is missing in this document
            for k in range(codes):
                for start, end in _random_spans(rng, length):
                    codings.append(Coding(doc, f"k{k}", f"c{c}", start, end))
    return doc_lengths, codings


def _spans_of(codings: list, doc: str, code: str, coder: str) -> list[tuple[int, int]]:
    return [(c[3], c[4]) for c in codings if (c[0], c[1], c[2]) == (doc, code, coder)]


def _code_matrix(codings, doc, length, code, coders, present) -> np.ndarray:
    """Coders × characters, 1/0 per character, NaN where the coder is missing."""
    matrix = np.full((len(coders), length), np.nan)
    for r, coder in enumerate(coders):
        if (doc, coder) in present:
            matrix[r, :] = 0
            for s, e in _spans_of(codings, doc, code, coder):
                matrix[r, s:e] = 1
    return matrix


def _assert_alpha(ours: float | None, matrix: np.ndarray) -> None:
    """Compare with the package, which has no 'undefined' and raises or gives NaN."""
    per_unit = np.sum(~np.isnan(matrix), axis=0)
    pairable = matrix[:, per_unit >= 2]
    if len(set(pairable[~np.isnan(pairable)])) < 2:
        assert ours is None  # nothing pairable, or a single value: D_e = 0
        return
    reference = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert ours is not None
    assert math.isclose(ours, reference, abs_tol=1e-9)


def _assert_pairs_brute_force(cell, matrix: np.ndarray, coders: list[str], present) -> None:
    for pair in cell.pairs:
        a = matrix[coders.index(pair.coder_a)]
        b = matrix[coders.index(pair.coder_b)]
        if (cell.doc_id, pair.coder_a) not in present or (cell.doc_id, pair.coder_b) not in present:
            assert pair.table is None
            continue
        expected = Table2x2(
            both=int(((a == 1) & (b == 1)).sum()),
            only_a=int(((a == 1) & (b == 0)).sum()),
            only_b=int(((a == 0) & (b == 1)).sum()),
            neither=int(((a == 0) & (b == 0)).sum()),
        )
        assert pair.table == expected
        assert pair.cohen_kappa == expected.cohen_kappa


def test_low_thresholds_find_the_largest_one_to_one_matching():
    # Greedy best-ratio-first takes A[1]–B[0] (0.3125) and leaves one pair; two exist.
    a = [(12, 15), (16, 27)]
    b = [(11, 21), (23, 29)]
    result = segment_agreement(a, b, threshold=0.3)
    assert [(m.a, m.b) for m in result.matched] == [((12, 15), (11, 21)), ((16, 27), (23, 29))]
    assert result.agreement == 1.0
    assert not result.unmatched_a and not result.unmatched_b


def test_maximum_matching_on_long_chains_and_random_cases_is_as_large_as_brute_force():
    import itertools
    import random

    rng = random.Random(5)
    for _trial in range(300):
        def segments():
            spans, pos = [], 0
            for _ in range(rng.randint(0, 5)):
                pos += rng.randint(1, 4)
                end = pos + rng.randint(1, 8)
                spans.append((pos, end))
                pos = end
            return spans

        a, b = segments(), segments()
        threshold = rng.choice([0.1, 0.2, 0.3, 0.5])
        result = segment_agreement(a, b, threshold)
        ok = [
            (i, j)
            for i, x in enumerate(a)
            for j, y in enumerate(b)
            if max(0, min(x[1], y[1]) - max(x[0], y[0]))
            / (max(x[1], y[1]) - min(x[0], y[0])) >= threshold
        ]
        best = 0
        for size in range(len(ok), 0, -1):
            if any(
                len({i for i, _ in c}) == size == len({j for _, j in c})
                for c in itertools.combinations(ok, size)
            ):
                best = size
                break
        assert len(result.matched) == best
        assert len(result.matched) + len(result.unmatched_a) == len(a)
    # Greedy pairs every B with the next A (ratio 0.41) and leaves A[0] and the last B
    # free; the one augmenting path runs through the whole chain, deeper than Python's
    # recursion limit.
    chain_a = [(20 * k, 20 * k + 12) for k in range(5000)]
    chain_b = [(20 * k + 10, 20 * k + 29) for k in range(5000)]
    chained = segment_agreement(chain_a, chain_b, 0.05)
    assert len(chained.matched) == 5000
    assert all(m.a[0] + 10 == m.b[0] for m in chained.matched)
