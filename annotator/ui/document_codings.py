"""The codings of the open document, read from the project a stretch at a time.

Opening a document must cost what is on screen, not what the project holds: a novel
with 300,000 codings took a second to read whole, before the first line showed. So the
document is cut into stretches of ``STRETCH`` characters; a stretch's codings (those that
start in it) are read, through the covering index, the first time a lookup needs them —
a block being highlighted, the stripes, the caret — and kept, each stretch in its own
``SpanIndex``. The codings longer than ``LONG`` characters reach into stretches far from
their start, so those few are read at once, through the index on coding length. The
number of codings and the codes used (the stripes' lanes) are asked of the index too,
when first wanted.

A change (``Changes``) updates the stretches already read; the others will be read as
they are now. What was read while the session was delivering a change (a panel that
updates before the view asked for the count) already holds it and is not changed twice.
Lookups and results are in UTF-16 units, as ``SpanIndex``'s.
"""

import gc
from collections.abc import Callable, Iterator

from annotator.domain.offsets import Utf16Map
from annotator.services.changes import Changes
from annotator.services.coding import (
    coding_count,
    document_codes,
    first_coded,
    long_spans,
    spans_starting_in,
)
from annotator.store.project import Project
from annotator.ui.spans import Span, SpanIndex

STRETCH = 4096  # characters (code points): a few screens of text
LONG = 2048  # characters: longer codings are read with the document


class DocumentCodings:
    """The codings of one document, by position (see the module doc)."""

    def __init__(self, project: Project, doc_id: int, utf16: Utf16Map,
                 delivering: Callable[[], Changes | None]) -> None:
        self.project, self.doc_id, self.map = project, doc_id, utf16
        self._delivering = delivering
        convert = utf16.to_utf16 if utf16.astral else None
        self._convert = convert
        self._long = SpanIndex.from_rows(long_spans(project, doc_id, LONG), convert)
        self._stretches: dict[int, SpanIndex] = {}
        self._count: int | None = None
        self._counted_during: Changes | None = None
        # coder (None: any) -> (codes used, the change being delivered when asked)
        self._codes: dict[int | None, tuple[set[int], Changes | None]] = {}

    # -- reading -------------------------------------------------------------------------

    def _read(self, first: int, last: int) -> None:
        """Read the stretches ``first..last`` not read yet (adjacent ones in one query).

        The rows read are short-lived and in no cycle: the cyclic collector is kept
        still meanwhile (a full collection with a window open takes 100–200 ms, and
        thousands of new rows would start one now and then)."""
        if all(k in self._stretches for k in range(first, last + 1)):
            return
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._read_missing(first, last)
        finally:
            if collecting:
                gc.enable()

    def _read_missing(self, first: int, last: int) -> None:
        k = first
        while k <= last:
            if k in self._stretches:
                k += 1
                continue
            end = k
            while end + 1 <= last and end + 1 not in self._stretches:
                end += 1
            rows = spans_starting_in(self.project, self.doc_id, k * STRETCH,
                                     (end + 1) * STRETCH, LONG)
            by_stretch: dict[int, list] = {n: [] for n in range(k, end + 1)}
            for row in rows:
                by_stretch[row[3] // STRETCH].append(row)
            for n, part in by_stretch.items():
                self._stretches[n] = SpanIndex.from_rows(part, self._convert)
            k = end + 1

    def _stretches_for(self, a: int, b: int) -> Iterator[SpanIndex]:
        """The stretches holding every short coding that can touch UTF-16 ``[a, b)``."""
        m = self.map
        lo = m.to_codepoint(max(0, min(a, m.utf16_length)))
        hi = m.to_codepoint(max(0, min(b, m.utf16_length)))
        first, last = max(0, lo - LONG) // STRETCH, hi // STRETCH
        self._read(first, last)
        return (self._stretches[k] for k in range(first, last + 1))

    # -- lookups -------------------------------------------------------------------------

    def overlapping(self, a: int, b: int) -> list[Span]:
        """Codings sharing at least one unit with UTF-16 ``[a, b)``, by start."""
        out = self._long.overlapping(a, b)
        for part in self._stretches_for(a, b):
            out.extend(part.overlapping(a, b))
        if len(out) > 1 and len(self._long):
            out.sort()
        return out

    def at(self, pos: int) -> list[Span]:
        return self.overlapping(pos, pos + 1)

    def __len__(self) -> int:
        """How many codings the document has (counted once, then kept up to date)."""
        if self._count is None:
            self._count = coding_count(self.project, self.doc_id)
            self._counted_during = self._delivering()
        return self._count

    def __iter__(self) -> Iterator[Span]:
        """Every coding, by start (reads the whole document: for tests and tools)."""
        self._read(0, self.map.length // STRETCH)
        spans = list(self._long)
        for k in sorted(self._stretches):
            spans.extend(self._stretches[k])
        return iter(sorted(spans))

    def code_ids(self, coder_id: int | None = None) -> set[int]:
        """The codes used in the document (by ``coder_id``, or by anyone)."""
        known = self._codes.get(coder_id)
        if known is None:
            known = self._codes[coder_id] = (
                document_codes(self.project, self.doc_id, coder_id), self._delivering())
        return known[0]

    def first_start(self, code_id: int | None = None) -> int | None:
        """Where (UTF-16) the first coding (with ``code_id``, or any) starts."""
        start = first_coded(self.project, self.doc_id, code_id)
        return None if start is None else self.map.to_utf16(start)

    # -- changes -------------------------------------------------------------------------

    def apply(self, change: Changes) -> list[tuple[int, int]]:
        """Bring what was read so far up to date; returns the UTF-16 ranges the changed
        codings cover."""
        touched: list[tuple[int, int]] = []
        to16 = self.map.to_utf16
        removed = added = 0
        for c in change.codings_removed:
            if c.document_id != self.doc_id:
                continue
            removed += 1
            start = to16(c.start)
            part = self._part(c.start, c.end)
            if part is not None:
                part.remove(c.id, start)
            touched.append((start, to16(c.end)))
        for c in change.codings_added:
            if c.document_id != self.doc_id:
                continue
            added += 1
            span = Span(to16(c.start), to16(c.end), c.code_id, c.coder_id, c.id)
            part = self._part(c.start, c.end)
            if part is not None and not part.has(c.id, span.start):
                part.add(span)
            touched.append((span.start, span.end))
            for coder, (codes, during) in self._codes.items():
                if during is not change and coder in (None, c.coder_id):
                    codes.add(c.code_id)
        if removed:  # a code may have left the document: asked again when wanted
            self._codes = {k: v for k, v in self._codes.items() if v[1] is change}
        if self._count is not None and self._counted_during is not change:
            self._count += added - removed
        return touched

    def _part(self, start: int, end: int) -> SpanIndex | None:
        """The index a coding (code points) belongs in, if it has been read."""
        if end - start > LONG:
            return self._long
        return self._stretches.get(start // STRETCH)


class NoCodings:
    """What the view holds while it shows no document."""

    def overlapping(self, a: int, b: int) -> list[Span]:
        return []

    def at(self, pos: int) -> list[Span]:
        return []

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[Span]:
        return iter(())

    def code_ids(self, coder_id: int | None = None) -> set[int]:
        return set()

    def first_start(self, code_id: int | None = None) -> int | None:
        return None

    def apply(self, change: Changes) -> list[tuple[int, int]]:
        return []
