"""Coding queries as interval algebra over the code points of one document.

Each operand is a *union* (``intervals.union``: sorted, merged half-open spans) of the
characters one code marks in a document, so every operator is a linear merge or a
binary search over span boundaries, never a walk over characters:

* ``A AND B``: the characters that carry both (the overlap, as NVivo's and MAXQDA's
  intersection);
* ``A OR B``: the characters that carry either;
* ``A NOT B``: the characters of A that do not carry B;
* ``A NEAR B``: the passages of A and of B that lie within N characters of each other
  (gap ≤ N, overlap counts as 0), or in the same sentence or paragraph;
* ``A FOLLOWED BY B``: from the start of an A passage to the end of a B passage that
  begins at or after A's end, within the same reach as ``NEAR``.

Sentences end after 。！？!?；; (with closing quotes and brackets that follow) and at
line ends; paragraphs end at line ends. Offsets are code points, as everywhere.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.domain.intervals import Span, overlapping_pairs, union

OPERATORS = ("and", "or", "not", "near", "followed_by")
SCOPES = ("chars", "sentence", "paragraph")

_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)\]】]*|\n+")
_PARAGRAPH_END = re.compile(r"\n+")


@dataclass(frozen=True)
class Reach:
    """How close two passages must be for ``near`` / ``followed_by``."""

    scope: str = "chars"      # one of SCOPES
    within: int = 0           # characters, for scope "chars"


def unit_bounds(text: str, scope: str) -> list[int]:
    """Sorted end offsets of the sentences or paragraphs of ``text`` (the last is its length)."""
    pattern = _SENTENCE_END if scope == "sentence" else _PARAGRAPH_END
    ends = [m.end() for m in pattern.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return ends


def intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """A AND B: the characters both unions cover."""
    out = []
    for i, j, _n in overlapping_pairs(a, b):
        out.append((max(a[i][0], b[j][0]), min(a[i][1], b[j][1])))
    return out


def subtract(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """A NOT B: the characters of union ``a`` outside union ``b``."""
    out: list[Span] = []
    j = 0
    for start, end in a:
        pos = start
        while j < len(b) and b[j][1] <= pos:
            j += 1
        k = j
        while k < len(b) and b[k][0] < end:
            if b[k][0] > pos:
                out.append((pos, b[k][0]))
            pos = max(pos, b[k][1])
            k += 1
        if pos < end:
            out.append((pos, end))
    return out


def _window(span: Span, reach: Reach, bounds: list[int] | None) -> Span:
    """Open interval (lo, hi): a span of B is within reach of ``span`` if it overlaps it."""
    start, end = span
    if bounds is None:
        return start - reach.within - 1, end + reach.within + 1
    # Unit i covers [bounds[i-1], bounds[i]); the window is the units of both ends.
    first = bisect_right(bounds, start)
    last = bisect_right(bounds, end - 1)
    lo = bounds[first - 1] if first else 0
    return lo, bounds[min(last, len(bounds) - 1)]


def near(a: Sequence[Span], b: Sequence[Span], reach: Reach,
         bounds: list[int] | None = None) -> list[Span]:
    """A NEAR B: every passage of A and of B that has a passage of the other within reach."""
    if not a or not b:
        return []
    ends = [e for _s, e in b]
    starts = [s for s, _e in b]
    out: list[Span] = []
    for span in a:
        lo, hi = _window(span, reach, bounds)
        found = range(bisect_right(ends, lo), bisect_left(starts, hi))
        if found:
            out.append(span)
            out.extend(b[k] for k in found)
    return union(out)


def followed_by(a: Sequence[Span], b: Sequence[Span], reach: Reach,
                bounds: list[int] | None = None) -> list[Span]:
    """A FOLLOWED BY B: ``[a.start, b.end)`` for each B passage starting at or after A's end."""
    if not a or not b:
        return []
    starts = [s for s, _e in b]
    out: list[Span] = []
    for span in a:
        _lo, hi = _window(span, reach, bounds)
        first = bisect_left(starts, span[1])
        for k in range(first, bisect_left(starts, hi)):
            out.append((span[0], b[k][1]))
    return union(out)


def combine(op: str, a: Sequence[Span], b: Sequence[Span], reach: Reach | None = None,
            text: str | None = None) -> list[Span]:
    """One operator applied to two unions of the same document (``text`` for units)."""
    if op == "and":
        return intersect(a, b)
    if op == "or":
        return union([*a, *b])
    if op == "not":
        return subtract(a, b)
    reach = reach or Reach()
    bounds = None
    if reach.scope != "chars":
        bounds = unit_bounds(text or "", reach.scope)
    if op == "near":
        return near(a, b, reach, bounds)
    if op == "followed_by":
        return followed_by(a, b, reach, bounds)
    raise ValueError(op)
