"""Which unit a REFI-QDA file's ``startPosition``/``endPosition`` count, and conversion.

The standard says the offsets count characters of the source's plain-text file. Producers
disagree on what a character is:

- NVivo (Mac and Windows) counts **UTF-16 code units** (an emoji or 𠮷 is 2), and on
  Windows its text files start with a BOM and end lines with CRLF, which it counts as **2**
  positions; the BOM is not counted. Verified on the real exports in ``shared/refi``.
- The qc tool and this program count **code points** (Python string indices) of an LF
  text, as the standard intends.
- ATLAS.ti and MAXQDA are unverified (the exports at hand carry no selections): they get
  the standard's reading, and the boundary check below overrules it when the evidence says
  otherwise.

Two questions therefore decide a file's rule: UTF-16 units or code points, and whether the
offsets index the text with the file's own line ends (CRLF = 2) or with LF line ends. The
four combinations are the candidate :class:`OffsetRule` s. They only differ when a text
has astral characters or CRLF, which is exactly when getting it wrong shifts codings.

**Detection rule** (one rule per project, since one program wrote every source):

1. The *expected* rule comes from ``<Project origin=...>``: a name containing "NVivo" →
   UTF-16 units over the file's text; anything else (or no origin) → code points over the
   file's text, as the standard says.
2. Every selection endpoint of every source is converted under each candidate. A candidate
   with an endpoint beyond its text is impossible. For the others, endpoints are counted
   that fall *inside a character* (between the halves of a surrogate pair, or between the
   CR and LF of a line end: weighted 5, no program places a cursor there), *inside a
   word* (a letter or digit on both sides: weighted 1, people select whole words), or
   *against punctuation*: a selection that starts on closing or separating punctuation
   ("，我们信任社") or ends just after opening punctuation (weighted 1). Chinese text gives
   no word signal, since every character is a letter; the punctuation signal is what a
   shift of one position per line break leaves there. Selections that begin at a line
   start or end at a line end are counted too (people code whole paragraphs).
3. The expected rule is kept unless it is impossible, or another candidate has at most half
   its cost and at least 2 less, or (no dearer) puts at least twice as many selections on
   line breaks, and at least 2 more. Then that candidate wins (ties: the order of
   :data:`CANDIDATES`). If every candidate is impossible the file is refused.
4. The import report says which rule was taken and why, in numbers; a user who knows
   better overrides either half (``--offsets utf16|codepoints``, ``--crlf 1|2``).

Positions are mapped through the file's raw text (BOM removed, line ends untouched) and
then onto the normalised text (CRLF → LF), so a position counted with CRLF = 2 lands on the
same character after normalisation; a position between CR and LF lands before the line end.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from annotator.domain.offsets import Utf16Map
from annotator.domain.text import BOM, normalise_text
from annotator.messages import Msg, msg

INSIDE_CHARACTER_WEIGHT = 5


@dataclass(frozen=True)
class OffsetRule:
    """How a file counts positions."""

    utf16: bool
    """Offsets count UTF-16 code units (else code points)."""
    file_line_ends: bool
    """Offsets index the text with the file's own line ends, CRLF = 2 (else LF line ends)."""

    @property
    def label(self) -> str:
        unit = "UTF-16 code units" if self.utf16 else "code points"
        ends = "line ends as in the file" if self.file_line_ends else "LF line ends"
        return f"{unit}, {ends}"

    def describe(self) -> Msg:
        """The rule in the reader's language, for reports."""
        if self.utf16:
            return (msg("UTF-16 code units, line ends as in the file") if self.file_line_ends
                    else msg("UTF-16 code units, each line end counted once"))
        return (msg("code points, line ends as in the file") if self.file_line_ends
                else msg("code points, each line end counted once"))


CODEPOINTS = OffsetRule(utf16=False, file_line_ends=True)
UTF16 = OffsetRule(utf16=True, file_line_ends=True)
CODEPOINTS_LF = OffsetRule(utf16=False, file_line_ends=False)
UTF16_LF = OffsetRule(utf16=True, file_line_ends=False)
CANDIDATES: tuple[OffsetRule, ...] = (CODEPOINTS, UTF16, CODEPOINTS_LF, UTF16_LF)


def expected_rule(origin: str | None) -> OffsetRule:
    """The rule the producing program is known to use (step 1 of the module rule)."""
    if origin and "nvivo" in origin.casefold():
        return UTF16
    return CODEPOINTS


class SourcePositions:
    """One source's text as stored in the file, and conversion of its offsets.

    ``raw`` is the decoded file content; a leading BOM is dropped (never counted).
    """

    def __init__(self, raw: str) -> None:
        if raw.startswith(BOM):
            raw = raw[1:]
        self.raw = raw
        self.text = normalise_text(raw)
        # Indices in `raw` of the CR of each CRLF: the characters normalisation removes.
        self._crlf_cr = list(_find_all(raw, "\r\n")) if "\r\n" in raw else []

    @property
    def has_astral(self) -> bool:
        """Whether UTF-16 units and code points differ anywhere in this text."""
        return bool(self._raw_map.astral)

    @property
    def has_crlf(self) -> bool:
        """Whether the file's line ends and LF line ends differ anywhere in this text."""
        return bool(self._crlf_cr)

    @cached_property
    def _raw_map(self) -> Utf16Map:
        return Utf16Map.of(self.raw)

    @cached_property
    def _text_map(self) -> Utf16Map:
        return Utf16Map.of(self.text)

    def length(self, rule: OffsetRule) -> int:
        """Length of the text in the rule's unit: the largest valid offset."""
        base = self._raw_map if rule.file_line_ends else self._text_map
        return base.utf16_length if rule.utf16 else base.length

    def convert(self, pos: int, rule: OffsetRule) -> tuple[int, bool]:
        """Code-point position in the normalised text of offset ``pos`` under ``rule``.

        Returns ``(position, inside_character)`` where the flag says ``pos`` fell between
        the halves of a surrogate pair or between CR and LF (rounded down to the character).
        ``pos`` must be within ``0..length(rule)``.
        """
        inside = False
        if rule.file_line_ends:
            cp = pos
            if rule.utf16:
                cp = self._raw_map.to_codepoint(pos)
                inside = self._raw_map.to_utf16(cp) != pos
            removed = bisect_left(self._crlf_cr, cp)
            if removed and self._crlf_cr[removed - 1] == cp - 1:
                inside = True
            return cp - removed, inside
        if rule.utf16:
            cp = self._text_map.to_codepoint(pos)
            return cp, self._text_map.to_utf16(cp) != pos
        return pos, False

    def inside_word(self, pos: int) -> bool:
        """Whether normalised position ``pos`` has a letter or digit on both sides."""
        text = self.text
        return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()

    def odd(self, pos: int, is_start: bool) -> bool:
        """Whether no person would begin (``is_start``) or end a selection at ``pos``:
        inside a word, on closing or separating punctuation ("，我们…"), or just after
        opening punctuation ("…信任（")."""
        text = self.text
        if self.inside_word(pos):
            return True
        if is_start:
            return pos < len(text) and unicodedata.category(text[pos]) in ("Pe", "Pf", "Po")
        return pos > 0 and unicodedata.category(text[pos - 1]) in ("Ps", "Pi")

    def on_line_break(self, pos: int, is_start: bool) -> bool:
        """Whether a selection starting (ending) at ``pos`` starts (ends) a line."""
        text = self.text
        if is_start:
            return pos == 0 or text[pos - 1] == "\n"
        return pos == len(text) or text[pos] == "\n"


def _find_all(text: str, needle: str) -> Iterable[int]:
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + len(needle))


@dataclass(frozen=True)
class RuleCost:
    """What one candidate rule makes of the file's selections.

    ``cost`` weighs the endpoints no person would choose (see the module rule), ``aligned``
    counts selections that begin at a line start or end at a line end under the rule.
    """

    rule: OffsetRule
    possible: bool
    cost: int
    aligned: int = 0


def cost_of(
    rule: OffsetRule, sources: Iterable[tuple[SourcePositions, list[int]]]
) -> RuleCost:
    """Step 2 of the module rule for one candidate, over all sources' selections.

    Endpoints come in (start, end) pairs, as :meth:`_RawSource.endpoints` lists them.
    """
    cost = aligned = 0
    for positions, endpoints in sources:
        limit = positions.length(rule)
        for i, pos in enumerate(endpoints):
            if not 0 <= pos <= limit:
                return RuleCost(rule, possible=False, cost=0)
            converted, inside = positions.convert(pos, rule)
            cost += INSIDE_CHARACTER_WEIGHT if inside else positions.odd(converted, i % 2 == 0)
            aligned += positions.on_line_break(converted, i % 2 == 0)
    return RuleCost(rule, possible=True, cost=cost, aligned=aligned)


@dataclass(frozen=True)
class Decision:
    """The rule a file's offsets are read with, and why (said in the import report)."""

    rule: OffsetRule
    reason: Msg


def forced_rule(
    detected: OffsetRule, *, utf16: bool | None = None, crlf: int | None = None
) -> OffsetRule:
    """``detected`` with what the user asked for (``--offsets``, ``--crlf``) put in."""
    return OffsetRule(
        utf16=detected.utf16 if utf16 is None else utf16,
        file_line_ends=detected.file_line_ends if crlf is None else crlf == 2,
    )


def _producer(origin: str | None) -> str:
    return origin.strip() if origin and origin.strip() else "?"


def detect_rule(
    origin: str | None, sources: list[tuple[SourcePositions, list[int]]]
) -> Decision | None:
    """The rule to read this project's offsets with and why, or ``None`` if none fits.

    ``sources`` pairs each source's text with all its selections' start and end offsets.
    """
    expected = expected_rule(origin)
    producer = _producer(origin)
    candidates = [expected, *(r for r in CANDIDATES if r != expected)]
    # Rules that coincide on these texts need no separate evaluation.
    has_astral = any(p.has_astral for p, _ in sources)
    has_crlf = any(p.has_crlf for p, _ in sources)
    seen: set[tuple[bool, bool]] = set()
    costs: list[RuleCost] = []
    for rule in candidates:
        key = (rule.utf16 and has_astral, rule.file_line_ends and has_crlf)
        if key in seen:
            continue
        seen.add(key)
        costs.append(cost_of(rule, sources))
    possible = [c for c in costs if c.possible]
    if not possible:
        return None
    if len(costs) == 1:
        return Decision(expected, msg(
            "the texts have no characters beyond the BMP and no CRLF line ends, so every "
            "reading gives the same positions"))
    # min keeps the first of equal costs; more selections on line starts break ties
    best = min(possible, key=lambda c: (c.cost, -c.aligned))
    first = costs[0]
    if not first.possible:
        return Decision(best.rule, msg(
            "the reading expected from the producer ({producer}) puts a selection beyond the "
            "end of its text", producer=producer))
    if best.cost * 2 <= first.cost and first.cost - best.cost >= 2:
        return Decision(best.rule, msg(
            "the reading expected from the producer ({producer}) puts {expected} selection "
            "end(s) inside a word, a character or against punctuation, this one {best}",
            producer=producer, expected=first.cost, best=best.cost))
    lined = max(possible, key=lambda c: (c.aligned, -c.cost))
    if (lined.cost <= first.cost and lined.aligned >= 2 * first.aligned
            and lined.aligned - first.aligned >= 2):
        return Decision(lined.rule, msg(
            "{aligned} selection ends fall on a line break under this reading, {expected} "
            "under the one expected from the producer ({producer})",
            aligned=lined.aligned, expected=first.aligned, producer=producer))
    runner = min((c for c in possible if c is not first), key=lambda c: c.cost, default=None)
    return Decision(expected, msg(
        "the reading expected from the producer ({producer}); it fits the texts ({cost} "
        "selection end(s) inside a word, a character or against punctuation; {other} under "
        "the next reading)", producer=producer, cost=first.cost,
        other=runner.cost if runner else first.cost))
