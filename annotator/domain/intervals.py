"""Interval arithmetic on half-open character spans ``[start, end)``.

Agreement statistics count characters, and a project can hold millions of them coded by
tens of coders, so nothing here ever walks a text character by character: every function
works on the span boundaries only and costs O(k log k) for k spans, whatever the lengths.

A *union* is a list of spans that is sorted, non-overlapping, non-touching and has no
empty span; ``union`` makes one from any spans. Functions that take "two unions" rely on
that shape and do not check it (checking would cost as much as the work itself).
"""

from collections.abc import Iterable, Sequence

Span = tuple[int, int]


def union(spans: Iterable[Span]) -> list[Span]:
    """Sorted, merged spans covering the same characters; empty spans are dropped.

    Overlapping *and* touching spans merge (``[0, 5) + [5, 9) → [0, 9)``): for counting
    characters the two are the same, and one canonical form lets two codings that mark
    the same characters compare equal.
    """
    ordered = sorted((start, end) for start, end in spans if end > start)
    merged: list[Span] = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def total_length(spans: Iterable[Span]) -> int:
    """Number of characters covered by ``spans`` (overlaps counted once)."""
    return sum(end - start for start, end in union(spans))


def intersect_length(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters covered by both of two unions (a linear merge of the two lists)."""
    return sum(overlap for _i, _j, overlap in overlapping_pairs(a, b))


def overlapping_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[int, int, int]]:
    """``(i, j, overlap)`` for every span ``a[i]`` sharing characters with ``b[j]``.

    Both arguments are unions. The overlaps sum to ``intersect_length(a, b)``; segment
    matching uses the pairs themselves, so it never compares segments that cannot match.
    This merge is the inner loop of pairwise agreement (20 coders make 190 pairs per
    code and document), hence the plain comparisons instead of ``min``/``max``.
    """
    pairs: list[tuple[int, int, int]] = []
    a_count, b_count = len(a), len(b)
    if not a_count or not b_count:
        return pairs
    i = j = 0
    a_start, a_end = a[0]
    b_start, b_end = b[0]
    while True:
        if a_end <= b_start:
            i += 1
            if i == a_count:
                return pairs
            a_start, a_end = a[i]
        elif b_end <= a_start:
            j += 1
            if j == b_count:
                return pairs
            b_start, b_end = b[j]
        else:
            lo = a_start if a_start > b_start else b_start
            if a_end < b_end:
                pairs.append((i, j, a_end - lo))
                i += 1
                if i == a_count:
                    return pairs
                a_start, a_end = a[i]
            else:
                pairs.append((i, j, b_end - lo))
                j += 1
                if j == b_count:
                    return pairs
                b_start, b_end = b[j]


def clip(spans: Iterable[Span], length: int) -> list[Span]:
    """The union of ``spans`` cut to the document ``[0, length)``."""
    return union((max(start, 0), min(end, length)) for start, end in spans)


def coverage(spans: Iterable[Span], length: int) -> float | None:
    """Share of a document of ``length`` characters covered by ``spans``.

    Spans reaching outside the document are cut to it. An empty document has no share
    (0/0), so the answer is ``None`` rather than a made-up 0 or 1.
    """
    if length <= 0:
        return None
    return sum(end - start for start, end in clip(spans, length)) / length
