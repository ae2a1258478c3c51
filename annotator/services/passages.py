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


def merge(rows: list[tuple[int, int, int, int, int, int]]) -> Passages:
    """``(coding id, document, code, coder, start, end)`` rows → merged passages.

    Touching codings merge, as in ``intervals.union``.
    """
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return Passages(empty, empty, empty, empty, empty)
    a = np.array(rows, dtype=np.int64)
    doc, code, start, end = a[:, 1], a[:, 2], a[:, 4], a[:, 5]
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
