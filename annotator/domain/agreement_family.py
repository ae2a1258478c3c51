"""The chance-corrected agreement family beyond Cohen's κ and Krippendorff's α.

Methodologists ask for different corrections for chance, and peers report different ones
(MAXQDA's κ is Brennan–Prediger's, ATLAS.ti reports α, Gwet's AC1 is robust where one
category dominates — the common case of a code that covers little text). All of them
share one form, (p_o − p_e) / (1 − p_e), and differ only in p_e, so they are computed
here from one description of the data:

* **Two coders**: a confusion matrix ``{(value of A, value of B): count}`` gives percent
  agreement, Cohen's κ (multi-category, Cohen 1960), Scott's π (1955), Gwet's AC1
  (2008) and Brennan–Prediger's κ (1981), which is PABAK (Byrt, Bishop & Carlin 1993)
  for two categories.
* **Any number of coders**: units described by how many coders chose each value give
  Fleiss' κ (1971), Gwet's AC1 and Brennan–Prediger's κ in Gwet's (2014) form, which
  lets units be rated by different numbers of coders (a missing coder rates nothing);
  units rated by fewer than two coders are not pairable and leave p_o alone.

Counts are weighted (a unit may stand for a run of many identical characters), exact
fractions until the end. Undefined values (no units, p_e = 1) are ``None``.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from annotator.domain.errors import InvalidInput

Value = Hashable


@dataclass(frozen=True)
class ChanceCorrected:
    """One data set's percent agreement and the coefficients corrected for chance.

    ``categories`` is q, the number of values the coders could choose from; the caller
    names them (a value nobody chose still counts for Brennan–Prediger and AC1).
    For more than two coders ``scott_pi`` is Fleiss' κ (Fleiss 1971 generalises Scott's
    π, not Cohen's κ) and ``cohen_kappa`` is None: Cohen's κ is defined for two coders.
    """

    units: float
    categories: int
    percent_agreement: float | None
    cohen_kappa: float | None
    scott_pi: float | None
    gwet_ac1: float | None
    brennan_prediger: float | None


def _corrected(p_o: Fraction | None, p_e: Fraction | None) -> float | None:
    if p_o is None or p_e is None or p_e == 1:
        return None
    return float((p_o - p_e) / (1 - p_e))


def _ac1_chance(shares: Iterable[Fraction], q: int) -> Fraction | None:
    """Gwet's p_e = Σ π_k (1 − π_k) / (q − 1); undefined for one category."""
    if q < 2:
        return None
    return sum((p * (1 - p) for p in shares), Fraction(0)) / (q - 1)


def _category_count(categories: Sequence[Value] | None, seen: set[Value]) -> int:
    if categories is None:
        return len(seen)
    missing = seen - set(categories)
    if missing:
        raise InvalidInput(
            "values outside the categories: {values}",
            values=", ".join(sorted(map(repr, missing))),
        )
    return len(set(categories))


def two_coder_family(
    confusion: Mapping[tuple[Value, Value], int | Fraction],
    categories: Sequence[Value] | None = None,
) -> ChanceCorrected:
    """Percent agreement, κ, π, AC1 and Brennan–Prediger of two coders.

    ``confusion[(a, b)]`` is how many units coder A gave value a and coder B value b.
    ``categories`` lists the values the coders could choose (default: those that occur).
    """
    n = Fraction(0)
    agree = Fraction(0)
    a_totals: dict[Value, Fraction] = defaultdict(Fraction)
    b_totals: dict[Value, Fraction] = defaultdict(Fraction)
    for (a, b), count in confusion.items():
        count = Fraction(count)
        if count < 0:
            raise InvalidInput("a count cannot be negative")
        n += count
        a_totals[a] += count
        b_totals[b] += count
        if a == b:
            agree += count
    q = _category_count(categories, {v for v, c in {**a_totals, **b_totals}.items() if c})
    if n == 0:
        return ChanceCorrected(0.0, q, None, None, None, None, None)
    p_o = agree / n
    values = set(a_totals) | set(b_totals)
    pa = {v: a_totals.get(v, Fraction(0)) / n for v in values}
    pb = {v: b_totals.get(v, Fraction(0)) / n for v in values}
    shares = [(pa[v] + pb[v]) / 2 for v in values]
    cohen_pe = sum((pa[v] * pb[v] for v in values), Fraction(0))
    scott_pe = sum((s * s for s in shares), Fraction(0))
    return ChanceCorrected(
        float(n),
        q,
        float(p_o),
        _corrected(p_o, cohen_pe),
        _corrected(p_o, scott_pe),
        _corrected(p_o, _ac1_chance(shares, q)),
        _corrected(p_o, Fraction(1, q) if q else None),
    )


def multi_coder_family(
    units: Iterable[tuple[int | Fraction, Mapping[Value, int]]],
    categories: Sequence[Value] | None = None,
) -> ChanceCorrected:
    """Fleiss' κ, Gwet's AC1 and Brennan–Prediger's κ for any number of coders.

    Each unit is ``(weight, {value: how many coders chose it})``; a unit that stands for
    a run of L identical characters has weight L. Following Gwet (2014, ch. 2), the
    chance shares π_k average r_ik / r_i over units rated by anyone, and p_o averages
    Σ r_ik (r_ik − 1) / (r_i (r_i − 1)) over units rated by at least two coders. With
    every unit rated by all coders this is exactly Fleiss (1971).
    """
    rated = Fraction(0)
    pairable = Fraction(0)
    agree = Fraction(0)
    share_sums: dict[Value, Fraction] = defaultdict(Fraction)
    for weight, counts in units:
        weight = Fraction(weight)
        r = sum(counts.values())
        if weight == 0 or r == 0:
            continue
        rated += weight
        for value, count in counts.items():
            if count:
                share_sums[value] += weight * Fraction(count, r)
        if r >= 2:
            pairable += weight
            agree += weight * Fraction(sum(c * (c - 1) for c in counts.values()), r * (r - 1))
    q = _category_count(categories, {v for v, s in share_sums.items() if s})
    if pairable == 0:
        return ChanceCorrected(0.0, q, None, None, None, None, None)
    p_o = agree / pairable
    shares = [s / rated for s in share_sums.values()]
    fleiss_pe = sum((p * p for p in shares), Fraction(0))
    return ChanceCorrected(
        float(pairable),
        q,
        float(p_o),
        None,
        _corrected(p_o, fleiss_pe),
        _corrected(p_o, _ac1_chance(shares, q)),
        _corrected(p_o, Fraction(1, q) if q else None),
    )


def coincidence_family(
    documents: Iterable[tuple[int, Mapping[tuple[Value, Value], int | float | Fraction]]],
    categories: Sequence[Value] | None = None,
) -> ChanceCorrected:
    """Fleiss' κ, AC1 and Brennan–Prediger from per-document coincidence matrices.

    Each document is ``(m, o)``: the number of coders present in it (every unit of the
    document is rated by all m) and its coincidences ``o[(c, k)]`` (Krippendorff 2011).
    A unit's term Σ_k r_k (r_k − 1) / (r (r − 1)) sums over a document to Σ_k o_kk / m,
    its share r_k / r to n_k / m, and each unit carries m pairable values, so the
    coincidences the α computation already holds give the same numbers as
    ``multi_coder_family`` on the units, without visiting them again.
    """
    pairable = Fraction(0)
    agree = Fraction(0)
    share_sums: dict[Value, Fraction] = defaultdict(Fraction)
    for m, cells in documents:
        if m < 2:
            continue
        for (c, k), count in cells.items():
            count = Fraction(count)
            pairable += count / m
            share_sums[c] += count / m
            if c == k:
                agree += count / m
    q = _category_count(categories, {v for v, s in share_sums.items() if s})
    if pairable == 0:
        return ChanceCorrected(0.0, q, None, None, None, None, None)
    p_o = agree / pairable
    shares = [s / pairable for s in share_sums.values()]
    return ChanceCorrected(
        float(pairable),
        q,
        float(p_o),
        None,
        _corrected(p_o, sum((p * p for p in shares), Fraction(0))),
        _corrected(p_o, _ac1_chance(shares, q)),
        _corrected(p_o, Fraction(1, q) if q else None),
    )
