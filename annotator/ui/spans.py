"""Codings indexed by position, for the document view's per-block lookups.

The view asks one question thousands of times: which codings touch ``[a, b)`` (a block,
the visible part of the document, the character under the mouse)? Positions here are
UTF-16 units, the positions of Qt's ``QTextDocument``; the view converts from code points
with ``Utf16Map`` once, when a coding enters the index.

Codings are kept in *tiers* by length (up to 64 units, 512, 4,096, 32,768, 262,144, and
longer), each sorted by start in parallel arrays (8 bytes per field). A lookup bisects
each tier for the codings that start before ``b`` and not earlier than ``a`` minus the
longest coding of that tier, so it reads only codings that can reach ``[a, b)``: a
coding of a whole chapter costs a lookup nothing more than a word does, and no list of
long codings is scanned whole. Adding or removing a coding is a bisect and an insert or
delete in one tier's arrays.
"""

import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple


class Span(NamedTuple):
    start: int  # UTF-16 units
    end: int
    code_id: int
    coder_id: int
    coding_id: int


TIER_LIMITS = (64, 512, 4096, 32768, 262144)  # the longest coding of each tier but the last


def tier_of(length: int) -> int:
    return bisect_left(TIER_LIMITS, length)


class _Tier:
    """Codings of similar length, sorted by start, in parallel arrays."""

    __slots__ = ("coders", "codes", "ends", "ids", "longest", "starts")

    def __init__(self, spans: Sequence[Span] = ()) -> None:
        spans = sorted(spans)
        self.fill([s.start for s in spans], [s.end for s in spans],
                  [s.code_id for s in spans], [s.coder_id for s in spans],
                  [s.coding_id for s in spans])

    def fill(self, starts: list[int], ends: list[int], codes: list[int], coders: list[int],
             ids: list[int]) -> None:
        """Hold these columns, sorted by start."""
        self.starts, self.ends = array("q", starts), array("q", ends)
        self.codes, self.coders, self.ids = array("q", codes), array("q", coders), \
            array("q", ids)
        self.longest = max(map(operator.sub, ends, starts), default=0)

    def arrays(self) -> tuple[array, ...]:
        return self.starts, self.ends, self.codes, self.coders, self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def span(self, i: int) -> Span:
        return Span(self.starts[i], self.ends[i], self.codes[i], self.coders[i], self.ids[i])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, *self.arrays())

    def find(self, coding_id: int, start: int) -> int | None:
        i = bisect_left(self.starts, start)
        n = len(self.starts)
        while i < n and self.starts[i] == start:
            if self.ids[i] == coding_id:
                return i
            i += 1
        return None

    def add(self, span: Span) -> None:
        i = bisect_right(self.starts, span.start)
        for arr, value in zip(self.arrays(), span, strict=True):
            arr.insert(i, value)
        self.longest = max(self.longest, span.end - span.start)

    def delete(self, i: int) -> None:
        for arr in self.arrays():
            del arr[i]

    def overlapping(self, a: int, b: int, out: list[Span]) -> None:
        starts, ends = self.starts, self.ends
        hi = bisect_left(starts, b)
        for i in range(bisect_left(starts, a - self.longest, 0, hi), hi):
            if ends[i] > a:
                out.append(self.span(i))


class SpanIndex:
    """Codings by position (UTF-16 units); see the module doc."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        by_tier: list[list[Span]] = [[] for _ in range(len(TIER_LIMITS) + 1)]
        for s in spans:
            by_tier[tier_of(s.end - s.start)].append(s)
        self._tiers = [_Tier(t) for t in by_tier]

    @classmethod
    def from_rows(cls, rows: Sequence, to_utf16: Callable[[int], int] | None = None
                  ) -> "SpanIndex":
        """From ``(coding id, code id, coder id, start, end)`` rows sorted by start, with
        offsets in code points converted by ``to_utf16`` (``None``: no conversion needed).

        Straight into each tier's columns, no ``Span`` per row: a stretch of a novel
        with 300,000 codings (1,400 rows) is read while the view jumps there.
        """
        index = cls()
        columns: list[tuple[list[int], ...]] = [([], [], [], [], []) for _ in index._tiers]
        for cid, code, coder, start, end in rows:
            if to_utf16 is not None:
                start, end = to_utf16(start), to_utf16(end)
            starts, ends, codes, coders, ids = columns[bisect_left(TIER_LIMITS, end - start)]
            starts.append(start)
            ends.append(end)
            codes.append(code)
            coders.append(coder)
            ids.append(cid)
        for tier, cols in zip(index._tiers, columns, strict=True):
            if cols[0]:
                tier.fill(*cols)
        return index

    def __len__(self) -> int:
        return sum(map(len, self._tiers))

    def __iter__(self) -> Iterator[Span]:
        """Every coding, by start."""
        return iter(sorted(s for t in self._tiers for s in t))

    def code_ids(self, coder_shown: Callable[[int], bool] | None = None) -> set[int]:
        """The codes of the codings (of the coders ``coder_shown(coder id)`` accepts, or
        all), without building a ``Span`` per coding."""
        codes: set[int] = set()
        for t in self._tiers:
            if coder_shown is None:
                codes.update(t.codes)
                continue
            shown = {k for k in set(t.coders) if coder_shown(k)}
            codes.update(c for c, k in zip(t.codes, t.coders, strict=True) if k in shown)
        return codes

    def add(self, span: Span) -> None:
        self._tiers[tier_of(span.end - span.start)].add(span)

    def has(self, coding_id: int, start: int) -> bool:
        """Whether coding ``coding_id`` (starting at ``start``) is in the index."""
        return any(t.find(coding_id, start) is not None for t in self._tiers)

    def remove(self, coding_id: int, start: int) -> Span | None:
        """Remove the coding ``coding_id`` that starts at ``start``; returns it, if found."""
        for t in self._tiers:
            i = t.find(coding_id, start)
            if i is not None:
                span = t.span(i)
                t.delete(i)
                return span
        return None

    def overlapping(self, a: int, b: int) -> list[Span]:
        """Codings sharing at least one unit with ``[a, b)``, by start."""
        out: list[Span] = []
        for t in self._tiers:
            if len(t):
                t.overlapping(a, b, out)
        out.sort()
        return out

    def at(self, pos: int) -> list[Span]:
        return self.overlapping(pos, pos + 1)
