"""The codings of the open document, indexed by position for per-block lookups.

The view asks one question thousands of times: which codings touch ``[a, b)`` (a block,
the visible part of the document, the character under the mouse)? Positions here are
UTF-16 units, the positions of Qt's ``QTextDocument``; the view converts from code points
with ``Utf16Map`` once, when a coding enters the index.

Codings are kept sorted by start in parallel arrays (8 bytes per field, so 20,000
codings cost under 1 MB). A lookup bisects for the codings that start before ``b`` and
not earlier than ``a - LONG``; the few codings longer than ``LONG`` units live in a
separate list that every lookup scans. Adding or removing a coding is a bisect and an
array insert or delete.
"""

import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple


class Span(NamedTuple):
    start: int  # UTF-16 units
    end: int
    code_id: int
    coder_id: int
    coding_id: int


class SpanIndex:
    LONG = 2048

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        spans = list(spans)
        short = sorted(s for s in spans if s.end - s.start <= self.LONG)
        self._starts = array("q", (s.start for s in short))
        self._ends = array("q", (s.end for s in short))
        self._codes = array("q", (s.code_id for s in short))
        self._coders = array("q", (s.coder_id for s in short))
        self._ids = array("q", (s.coding_id for s in short))
        self._long: list[Span] = sorted(s for s in spans if s.end - s.start > self.LONG)

    @classmethod
    def from_rows(cls, rows, to_utf16=None) -> "SpanIndex":
        """From ``(coding id, code id, coder id, start, end)`` rows sorted by start, with
        offsets in code points converted by ``to_utf16`` (``None``: no conversion needed).

        Column arrays are built in C (``zip``), so 20,000 rows take a few milliseconds.
        """
        index = cls()
        if not rows:
            return index
        ids, codes, coders, starts, ends = zip(*rows, strict=True)
        if to_utf16 is not None:
            starts = [to_utf16(x) for x in starts]
            ends = [to_utf16(x) for x in ends]
        index._starts = array("q", starts)
        index._ends = array("q", ends)
        index._codes = array("q", codes)
        index._coders = array("q", coders)
        index._ids = array("q", ids)
        if max(map(operator.sub, ends, starts)) > cls.LONG:
            long = [i for i, (s, e) in enumerate(zip(starts, ends, strict=True))
                    if e - s > cls.LONG]
            index._long = sorted(index._span(i) for i in long)
            for i in reversed(long):
                for arr in (index._starts, index._ends, index._codes, index._coders,
                            index._ids):
                    del arr[i]
        return index

    def __len__(self) -> int:
        return len(self._ids) + len(self._long)

    def __iter__(self):
        for i in range(len(self._ids)):
            yield self._span(i)
        yield from self._long

    def code_ids(self, coder_shown=None) -> set[int]:
        """The codes of the codings (of the coders ``coder_shown(coder id)`` accepts, or
        all): one pass over the arrays, no ``Span`` built — the stripes ask on every
        coding of a document with thousands."""
        if coder_shown is None:
            codes = set(self._codes)
            codes.update(s.code_id for s in self._long)
            return codes
        shown = {k for k in set(self._coders) if coder_shown(k)}
        codes = {c for c, k in zip(self._codes, self._coders, strict=True) if k in shown}
        codes.update(s.code_id for s in self._long if s.coder_id in shown)
        return codes

    def _span(self, i: int) -> Span:
        return Span(self._starts[i], self._ends[i], self._codes[i], self._coders[i],
                    self._ids[i])

    def add(self, span: Span) -> None:
        if span.end - span.start > self.LONG:
            self._long.append(span)
            self._long.sort()
            return
        i = bisect_right(self._starts, span.start)
        self._starts.insert(i, span.start)
        self._ends.insert(i, span.end)
        self._codes.insert(i, span.code_id)
        self._coders.insert(i, span.coder_id)
        self._ids.insert(i, span.coding_id)

    def has(self, coding_id: int, start: int) -> bool:
        """Whether coding ``coding_id`` (starting at ``start``) is in the index."""
        i = bisect_left(self._starts, start)
        while i < len(self._starts) and self._starts[i] == start:
            if self._ids[i] == coding_id:
                return True
            i += 1
        return any(s.coding_id == coding_id for s in self._long)

    def remove(self, coding_id: int, start: int) -> Span | None:
        """Remove the coding ``coding_id`` that starts at ``start``; returns it, if found."""
        i = bisect_left(self._starts, start)
        n = len(self._starts)
        while i < n and self._starts[i] == start:
            if self._ids[i] == coding_id:
                span = self._span(i)
                for arr in (self._starts, self._ends, self._codes, self._coders, self._ids):
                    del arr[i]
                return span
            i += 1
        for k, span in enumerate(self._long):
            if span.coding_id == coding_id:
                del self._long[k]
                return span
        return None

    def overlapping(self, a: int, b: int) -> list[Span]:
        """Codings sharing at least one unit with ``[a, b)``, by start."""
        starts, ends = self._starts, self._ends
        lo = bisect_left(starts, a - self.LONG)
        hi = bisect_left(starts, b)
        out = [self._span(i) for i in range(lo, hi) if ends[i] > a]
        if self._long:
            out.extend(s for s in self._long if s.start < b and s.end > a)
            out.sort()
        return out

    def at(self, pos: int) -> list[Span]:
        return self.overlapping(pos, pos + 1)
