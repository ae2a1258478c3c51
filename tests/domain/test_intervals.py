"""Interval arithmetic, checked by hand and against a per-character brute force."""

import random

import pytest

from annotator.domain.intervals import (
    clip,
    coverage,
    intersect_length,
    overlapping_pairs,
    total_length,
    union,
)


def test_union_sorts_merges_overlapping_and_touching_and_drops_empty() -> None:
    spans = [(10, 20), (0, 5), (15, 25), (5, 7), (30, 30), (40, 35), (50, 60)]
    # (0,5)+(5,7) touch -> (0,7); (10,20)+(15,25) overlap -> (10,25); empty/reversed dropped.
    assert union(spans) == [(0, 7), (10, 25), (50, 60)]


def test_union_of_nothing_and_of_contained_spans() -> None:
    assert union([]) == []
    assert union([(0, 100), (10, 20), (30, 40)]) == [(0, 100)]


def test_total_length_counts_overlap_once() -> None:
    # [0,10) ∪ [5,15) = [0,15) -> 15, plus [20,22) -> 2
    assert total_length([(0, 10), (5, 15), (20, 22)]) == 17


def test_intersect_length_by_hand() -> None:
    a = [(0, 10), (20, 30)]
    b = [(5, 25), (29, 40)]
    # [5,10) = 5, [20,25) = 5, [29,30) = 1
    assert intersect_length(a, b) == 11
    assert intersect_length(b, a) == 11
    assert intersect_length(a, []) == 0


def test_overlapping_pairs_lists_each_overlap() -> None:
    a = [(0, 10), (20, 30)]
    b = [(5, 25), (29, 40)]
    assert overlapping_pairs(a, b) == [(0, 0, 5), (1, 0, 5), (1, 1, 1)]
    # touching is not overlapping
    assert overlapping_pairs([(0, 5)], [(5, 9)]) == []


def test_coverage_and_clip() -> None:
    assert coverage([(0, 25), (20, 50)], 100) == 0.5
    assert coverage([(-10, 10), (90, 120)], 100) == 0.2  # cut to the document
    assert clip([(-5, 3), (8, 20)], 10) == [(0, 3), (8, 10)]


def test_coverage_of_empty_document_is_undefined() -> None:
    assert coverage([], 0) is None


def _chars(spans: list[tuple[int, int]], length: int) -> set[int]:
    return {i for s, e in spans for i in range(max(s, 0), min(e, length))}


@pytest.mark.parametrize("seed", range(40))
def test_against_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    length = rng.randint(0, 60)

    def spans() -> list[tuple[int, int]]:
        out = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, length)
            out.append((s, rng.randint(s, length)))
        return out

    a, b = spans(), spans()
    ua, ub = union(a), union(b)
    # a union covers the same characters, is sorted and has gaps between its spans
    assert _chars(ua, length) == _chars(a, length)
    assert all(s < e for s, e in ua)
    assert all(ua[k][1] < ua[k + 1][0] for k in range(len(ua) - 1))
    assert total_length(a) == len(_chars(a, length))
    assert intersect_length(ua, ub) == len(_chars(a, length) & _chars(b, length))
    assert sum(o for _i, _j, o in overlapping_pairs(ua, ub)) == intersect_length(ua, ub)
    expected = len(_chars(a, length)) / length if length else None
    assert coverage(a, length) == expected
