"""The unit agreement is counted in: characters, characters without whitespace, sentences
or paragraphs — as a change of coordinates, so every measure stays one computation.

Counting every character lets layout move the figures: 900 added newlines that nobody
codes add 900 "neither" characters and raise κ. A unit choice maps a document onto
positions 0..n of its units and each coding onto the half-open range of units it
reaches; the agreement functions then run unchanged on those positions, and every
figure (κ, α, the family, segments, unitizing α) is a figure *in that unit*:

* ``characters`` — every code point, whitespace and line breaks included (NVivo's unit);
* ``non_whitespace`` — every code point that is not whitespace (``str.isspace``); a
  coding keeps the non-whitespace characters it covers, so where it starts or stops
  inside a run of spaces does not matter;
* ``sentences`` / ``paragraphs`` — the sentences or paragraphs of ``query.unit_bounds``
  (sentences end after 。！？!?；;… and at line ends, paragraphs at line ends), leading
  and trailing whitespace trimmed, whitespace-only ones dropped. A coding *reaches* a
  sentence when it covers at least one character of the trimmed sentence; a sentence is
  then coded (1) for that coder, however little of it the coding covers.

A coding that reaches no unit (only whitespace) marks nothing in that unit.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from annotator.domain.errors import InvalidInput
from annotator.domain.intervals import Span
from annotator.domain.query import unit_bounds

UNITS = ("characters", "non_whitespace", "sentences", "paragraphs")
#: Least surprising in a workshop: spacing and blank lines nobody codes do not count.
DEFAULT_UNIT = "non_whitespace"

_WHITESPACE = re.compile(r"\s+")


def check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise InvalidInput("the unit is one of {units}, not {unit!r}",
                           units=", ".join(UNITS), unit=unit)
    return unit


@dataclass(frozen=True)
class UnitMap:
    """One document in the chosen unit: how many units it has, and where a span lands."""

    length: int
    _map: Callable[[int, int], Span | None]

    def span(self, start: int, end: int) -> Span | None:
        """``[start, end)`` in characters → the units it reaches, or None when none."""
        return self._map(start, end)


def _whitespace_map(text: str) -> UnitMap:
    starts: list[int] = []
    before: list[int] = []  # whitespace characters before each run
    ends: list[int] = []
    total = 0
    for m in _WHITESPACE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        before.append(total)
        total += m.end() - m.start()

    def position(p: int) -> int:
        i = bisect_left(starts, p) - 1  # the last run starting before p
        if i < 0:
            return p
        return p - before[i] - (min(p, ends[i]) - starts[i])

    def span(start: int, end: int) -> Span | None:
        a, b = position(start), position(end)
        return (a, b) if b > a else None

    return UnitMap(len(text) - total, span)


def _segment_map(text: str, scope: str) -> UnitMap:
    lefts: list[int] = []
    rights: list[int] = []
    previous = 0
    for end in unit_bounds(text, scope):
        piece = text[previous:end]
        stripped = piece.strip()
        if stripped:
            left = previous + (len(piece) - len(piece.lstrip()))
            lefts.append(left)
            rights.append(left + len(stripped))
        previous = end

    def span(start: int, end: int) -> Span | None:
        first = bisect_right(rights, start)  # first unit ending after start
        last = bisect_left(lefts, end)       # units starting before end
        return (first, last) if last > first else None

    return UnitMap(len(lefts), span)


def unit_map(text: str, unit: str) -> UnitMap:
    """The map of ``text`` for ``unit`` (one of ``UNITS``)."""
    check_unit(unit)
    if unit == "characters":
        return UnitMap(len(text), lambda start, end: (start, end) if end > start else None)
    if unit == "non_whitespace":
        return _whitespace_map(text)
    return _segment_map(text, "sentence" if unit == "sentences" else "paragraph")


def in_units(
    texts: Mapping[object, str],
    codings: Iterable[tuple[object, object, object, int, int]],
    unit: str,
) -> tuple[dict[object, int], list[tuple[object, object, object, int, int]]]:
    """Document lengths and codings in ``unit``; codings reaching no unit are dropped."""
    maps = {doc: unit_map(text, unit) for doc, text in texts.items()}
    out = []
    for doc, code, coder, start, end in codings:
        mapped = maps[doc].span(start, end)
        if mapped is not None:
            out.append((doc, code, coder, *mapped))
    return {doc: m.length for doc, m in maps.items()}, out
