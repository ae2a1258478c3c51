"""Code points (storage, Python ``str``) versus UTF-16 code units (Qt, NVivo).

A character outside the Basic Multilingual Plane (𠮷, emoji) is one code point and two
UTF-16 units. Every conversion between the two goes through ``Utf16Map`` so that there
is one tested place where it happens. The map stores only the positions of astral
characters, so building it is one pass and each conversion is a binary search.
"""

from bisect import bisect_left
from dataclasses import dataclass, field


def _astral_positions(text: str) -> list[int]:
    if text.isascii():
        return []
    # Fast path for the common case: the UTF-16 length tells whether any astral exists.
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return []
    return [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]


@dataclass(frozen=True)
class Utf16Map:
    """Converts offsets of one text between code points and UTF-16 units."""

    length: int
    astral: list[int] = field(repr=False)

    @classmethod
    def of(cls, text: str) -> "Utf16Map":
        return cls(len(text), _astral_positions(text))

    @property
    def utf16_length(self) -> int:
        return self.length + len(self.astral)

    def to_utf16(self, pos: int) -> int:
        """UTF-16 offset of code-point offset ``pos`` (0 ≤ pos ≤ length)."""
        if not 0 <= pos <= self.length:
            raise ValueError(f"offset {pos} outside 0..{self.length}")
        return pos + bisect_left(self.astral, pos)

    def to_codepoint(self, unit: int) -> int:
        """Code-point offset of UTF-16 offset ``unit``.

        A unit that falls between the two halves of a surrogate pair is rounded down to
        the start of that character, so a selection never splits a character.
        """
        if not 0 <= unit <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {unit} outside 0..{self.utf16_length}")
        # Astral character k (0-based) starts at UTF-16 unit astral[k] + k.
        lo, hi = 0, len(self.astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.astral[mid] + mid < unit:
                lo = mid + 1
            else:
                hi = mid
        # lo astral characters start before `unit`; if the last one straddles it, round down.
        if lo and self.astral[lo - 1] + (lo - 1) + 1 == unit:
            return self.astral[lo - 1]
        return unit - lo

    def astral_between(self, start: int, end: int) -> int:
        """Number of astral characters in code-point range ``[start, end)``."""
        return bisect_left(self.astral, end) - bisect_left(self.astral, start)
