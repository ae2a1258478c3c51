"""Krippendorff's unitizing α family: uα, |uα, cuα and (k)uα — what ATLAS.ti reports.

Character α treats every character as a unit of its own. Unitizing α (Krippendorff 1995,
revised for more than two coders by Krippendorff, Mathet, Bouvry & Widlöcher 2016, and
in Krippendorff 2019, § 12.6) takes the *units coders identify* — a coding is one
indivisible unit, the stretches between a coder's units are gaps — so agreeing on where a
unit starts and ends is part of what is measured. Each present coder partitions a
document into sections: units with a value c (a code) and gaps (``GAP``).

* Observed coincidences (eq. 1): l_ck = Σ over ordered pairs of coders i ≠ j of the
  lengths of the intersections of i's sections valued c with j's sections valued k,
  divided by m − 1 — the character coincidences of α, gaps being one more value.
* Expected coincidences (eq. 4): e_ck = l·· (l_c· l_·k − [c = k] S_c) / (l··² − S),
  where S_c sums, over every section valued c, its length squared for a unit (a unit
  cannot pair with itself by chance) and its length for a gap (a gap is divisible).
* **uα** = 1 − (l·· − Σ l_cc) / (l·· − Σ e_cc): units and their values together.
* **|uα** = 1 − (l_∅· − l_∅∅) / (e_∅· − e_∅∅): relevant (any unit) against irrelevant
  matter (gaps): ATLAS.ti's "α binary". For one code it equals uα
  (``binary_unitizing_alpha``, from the counts ``compute_agreement`` holds anyway).
* **cuα** (eqs. 10–11): the values of units where units of two coders intersect, the
  gaps left aside: margins l_c = l_c· − l_c∅, expected
  e_ck = (l_c l_k − [c = k] Q_c / (m − 1)) / (l − Q / (l (m − 1))), Q_c summing over
  every unit g valued c and every other coder j the square of g's intersection with j's
  units. ATLAS.ti's "cu-α" for a semantic domain; over domains as values, its "Cu-α".
* **(k)uα** (eq. 13b) = 1 − (e_k / l_k) (l_k − l_kk) / (e_k − e_kk): one value's share
  of cuα; its ``coverage`` is the part of value k's units that other coders' units meet.

Several documents are one continuum cut into pieces: their counts add up, each document
with the coders present in it (m − 1 of that document in the divisions). Documents with
fewer than two present coders take no part. Undefined values (no pairable matter, no
expected disagreement, one value only for cuα) are None.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from annotator.domain.agreement import Coincidences, binary_unitizing_alpha, coincidences
from annotator.domain.errors import InvalidInput
from annotator.domain.intervals import overlapping_pairs

Value = Hashable
Section = tuple[int, int, Value]  # a unit [start, end) with its value
GAP = "∅"


@dataclass(frozen=True)
class ValueAlpha:
    """(k)uα of one value, and the share of its units that other coders' units meet."""

    value: Value
    alpha: float | None
    coverage: float | None


@dataclass(frozen=True)
class UnitizingAlpha:
    """The family over one continuum (one or more documents)."""

    u_alpha: float | None
    binary_alpha: float | None
    cu_alpha: float | None
    values: tuple[ValueAlpha, ...]
    pairable: float


def _ratio(numerator: Fraction, denominator: Fraction) -> float | None:
    return None if denominator == 0 else float(1 - numerator / denominator)


def _checked(units: Sequence[Section], length: int) -> list[Section]:
    ordered = sorted(u for u in units if u[1] > u[0])
    previous = 0
    for start, end, value in ordered:
        if start < previous or end > length or start < 0:
            raise InvalidInput("a coder's units must not overlap and must lie in 0..{length}",
                               length=length)
        if value == GAP:
            raise InvalidInput("a unit cannot have the gap value {gap!r}", gap=GAP)
        previous = end
    return ordered


def unitizing_alpha(
    documents: Iterable[tuple[int, Sequence[Sequence[Section] | None]]],
) -> UnitizingAlpha:
    """uα, |uα, cuα and (k)uα of documents ``(length, coders)``.

    ``coders[i]`` is coder i's units in the document — ``(start, end, value)``, not
    overlapping — or None when the coder is missing there (see the module docstring).
    """
    observed = Coincidences()
    squares: dict[Value, Fraction] = defaultdict(Fraction)      # S_c of eq. 4
    meet_squares: dict[Value, Fraction] = defaultdict(Fraction)  # Q_c / (m − 1) of eq. 10
    met: dict[Value, int] = defaultdict(int)       # unit length other coders' units meet
    for length, coders in documents:
        present = [_checked(units, length) for units in coders if units is not None]
        m = len(present)
        if m < 2 or length == 0:
            continue
        observed = observed + coincidences(length, present, GAP)
        for units in present:
            gap = length
            for start, end, value in units:
                squares[value] += (end - start) ** 2
                gap -= end - start
            squares[GAP] += gap
        spans = [[(s, e) for s, e, _v in units] for units in present]
        for i, units in enumerate(present):
            reached: dict[int, int] = defaultdict(int)
            for j in range(m):
                if j == i:
                    continue
                per_unit: dict[int, int] = defaultdict(int)
                for g, _h, overlap in overlapping_pairs(spans[i], spans[j]):
                    per_unit[g] += overlap
                for g, total in per_unit.items():
                    meet_squares[units[g][2]] += Fraction(total * total, m - 1)
                    reached[g] = max(reached[g], total)
            for g, (start, end, value) in enumerate(units):
                if reached.get(g):
                    met[value] += _covered(spans, i, g, start, end)
    return _family(observed, squares, meet_squares, met)


def _covered(spans: list[list[tuple[int, int]]], i: int, g: int, start: int, end: int) -> int:
    """Characters of unit g of coder i that some other coder's unit covers."""
    pieces = [(max(s, start), min(e, end)) for j, units in enumerate(spans) if j != i
              for s, e in units if s < end and e > start]
    covered, reach = 0, start
    for s, e in sorted(pieces):
        if e > reach:
            covered += e - max(s, reach)
            reach = e
    return covered


def _family(
    observed: Coincidences,
    squares: dict[Value, Fraction],
    meet_squares: dict[Value, Fraction],
    met: dict[Value, int],
) -> UnitizingAlpha:
    cells = observed.cells
    values = sorted({c for c, _k in cells} | {k for _c, k in cells}, key=repr)
    margin = {c: sum((cells.get((c, k), Fraction(0)) for k in values), Fraction(0))
              for c in values}
    total = sum(margin.values(), Fraction(0))
    if total == 0:
        return UnitizingAlpha(None, None, None, (), 0.0)
    s = sum(squares.values(), Fraction(0))
    scale = total * total - s

    def expected(c: Value, k: Value) -> Fraction:
        if scale == 0:
            return Fraction(0)
        return total * (margin[c] * margin[k] - (squares.get(c, 0) if c == k else 0)) / scale

    agree = sum((cells.get((c, c), Fraction(0)) for c in values), Fraction(0))
    agree_e = sum((expected(c, c) for c in values), Fraction(0))
    u_alpha = _ratio(total - agree, total - agree_e) if scale else None
    binary = None
    if GAP in margin and scale:
        gap_e = sum((expected(GAP, k) for k in values), Fraction(0))
        binary = _ratio(margin[GAP] - cells.get((GAP, GAP), Fraction(0)),
                        gap_e - expected(GAP, GAP))
    cu_alpha, per_value = _coding_alpha(cells, values, margin, meet_squares, met)
    return UnitizingAlpha(u_alpha, binary, cu_alpha, per_value, float(total))


def _coding_alpha(cells, values, margin, meet_squares, met):
    """cuα and (k)uα from the coincidences of intersecting units (eqs. 10, 11, 13b)."""
    coded = [v for v in values if v != GAP]
    cu = {c: margin[c] - cells.get((c, GAP), Fraction(0)) for c in coded}
    total = sum(cu.values(), Fraction(0))
    if len(coded) < 2 or total == 0:
        return None, tuple(ValueAlpha(v, None, None) for v in coded)
    q = sum(meet_squares.values(), Fraction(0))
    scale = total - q / total
    if scale == 0:
        return None, tuple(ValueAlpha(v, None, None) for v in coded)

    def expected(c: Value, k: Value) -> Fraction:
        return (cu[c] * cu[k] - (meet_squares.get(c, 0) if c == k else 0)) / scale

    agree = sum((cells.get((c, c), Fraction(0)) for c in coded), Fraction(0))
    agree_e = sum((expected(c, c) for c in coded), Fraction(0))
    cu_alpha = _ratio(total - agree, total - agree_e)
    per_value = []
    for k in coded:
        e_k = sum((expected(k, c) for c in coded), Fraction(0))
        l_k, l_kk, e_kk = cu[k], cells.get((k, k), Fraction(0)), expected(k, k)
        alpha = None
        if l_k and e_k != e_kk:
            alpha = float(1 - (e_k / l_k) * (l_k - l_kk) / (e_k - e_kk))
        own = margin[k]
        per_value.append(ValueAlpha(k, alpha, float(met.get(k, 0) / own) if own else None))
    return cu_alpha, tuple(per_value)


__all__ = ["GAP", "UnitizingAlpha", "ValueAlpha", "binary_unitizing_alpha", "unitizing_alpha"]
