"""Codings as arrays of merged passages, for analyses over a whole project at once.

Co-occurrence and crosstabs need, for each document and code, the union of its codings
(``intervals.union``); 100,000 codings make 30,000 such unions, too many for a Python
loop each. Here they are all built in one pass of numpy: rows are sorted by (document,
code, start) and shifted so that each (document, code) group lies in its own stretch of
one number line, where one running maximum finds every merge at once.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Passages:
    """Merged passages, sorted by (document, code, start); parallel arrays."""

    doc: np.ndarray          # document id
    code: np.ndarray         # code id
    start: np.ndarray
    end: np.ndarray
    codings: np.ndarray      # codings merged into each passage

    @property
    def length(self) -> np.ndarray:
        return self.end - self.start


def merge(a: np.ndarray) -> Passages:
    """``(document, code, start, end)`` rows (``analysis_scope.coding_array`` with
    ``spans_only``) → merged passages.

    Touching codings merge, as in ``intervals.union``.
    """
    if not len(a):
        empty = np.zeros(0, dtype=np.int64)
        return Passages(empty, empty, empty, empty, empty)
    doc, code, start, end = a[:, 0], a[:, 1], a[:, 2], a[:, 3]
    order = np.lexsort((start, code, doc))
    doc, code, start, end = doc[order], code[order], start[order], end[order]
    new_group = np.ones(len(doc), dtype=bool)
    new_group[1:] = (doc[1:] != doc[:-1]) | (code[1:] != code[:-1])
    group = np.cumsum(new_group) - 1
    span = int(end.max()) + 1
    s = start + group * span
    e = end + group * span
    reach = np.maximum.accumulate(e)
    begins = np.ones(len(s), dtype=bool)
    begins[1:] = s[1:] > reach[:-1]
    first = np.flatnonzero(begins)
    merged_end = np.maximum.reduceat(e, first) - group[first] * span
    counts = np.diff(np.append(first, len(s)))
    return Passages(doc[first], code[first], start[first], merged_end, counts)


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values: a sort and a comparison (numpy's ``unique`` is slower here)."""
    values = np.sort(values)
    keep = np.ones(len(values), dtype=bool)
    keep[1:] = values[1:] != values[:-1]
    return values[keep]


def fan_out(owner: np.ndarray, members: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Each entry once per member of its owner: ``(entry index, member)`` arrays.

    ``owner[i]`` indexes ``members`` (a document's cases, or its crosstab columns); an
    owner with no members drops its entries. This is the loop "for each entry, for each
    member of its document" as three numpy steps.
    """
    sizes = np.array([len(m) for m in members], dtype=np.int64)
    if sizes.max(initial=0) <= 1:  # each owner in one place at most: a lookup, no repeat
        only = np.array([m[0] if m else -1 for m in members], dtype=np.int64)
        member = only[owner] if len(owner) else np.zeros(0, dtype=np.int64)
        entry = np.flatnonzero(member >= 0)
        return entry, member[entry]
    first = np.cumsum(sizes) - sizes
    flat = np.array([x for m in members for x in m], dtype=np.int64)
    repeat = sizes[owner] if len(owner) else np.zeros(0, dtype=np.int64)
    entry = np.repeat(np.arange(len(owner)), repeat)
    within = np.arange(len(entry)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    return entry, flat[first[owner[entry]] + within] if len(entry) else entry


def mark_distinct(keys: np.ndarray, size: int, dense_limit: int = 50_000_000) -> np.ndarray:
    """The sorted distinct ``keys`` (all below ``size``): marked in a flat array when it
    is small enough (several times quicker than sorting 1.7 million keys), else sorted."""
    if size > dense_limit:
        return distinct(keys)
    mark = np.zeros(size, dtype=bool)
    mark[keys] = True
    return np.flatnonzero(mark)
