"""Confidence intervals for κ and α: a bootstrap over documents, and Krippendorff's α_min.

Characters of one document are not independent observations — a coder marks whole
passages — so resampling characters would make intervals far too narrow. The bootstrap
here resamples whole *parts* (documents; or, for one document, its coded passages) with
replacement: each part contributes additive counts (a 2×2 table, a coincidence matrix),
a replicate sums the counts of the drawn parts and computes the coefficient of the sum,
exactly as the pooled figure is computed from all parts.

The interval is the percentile interval of the replicates. ``below_minimum`` is the
share of replicates below a chosen α_min (Krippendorff's q, the probability of failing
to reach the smallest acceptable α; Hayes & Krippendorff 2007), so a report can say
"α = .81, 95 % CI [.74, .87], q(α < .667) = .002". The draws come from a seeded
generator: the same project gives the same interval every time it is computed.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from random import Random

from annotator.domain.agreement import Coincidences, Table2x2
from annotator.domain.errors import InvalidInput

DEFAULT_RESAMPLES = 1000
DEFAULT_LEVEL = 0.95
DEFAULT_SEED = 20260101

Vector = tuple[float, ...]


@dataclass(frozen=True)
class BootstrapInterval:
    """A coefficient, its percentile interval, and how often it fell below a minimum.

    ``replicates`` counts the resamples whose coefficient was defined; ``low``/``high``
    are None when fewer than two were. ``below_minimum`` is None without a minimum.
    ``resampled`` says what the ``parts`` were: ``documents``, or ``runs`` of one
    document (``run_tables`` / ``run_coincidences``).
    """

    estimate: float | None
    low: float | None
    high: float | None
    level: float
    parts: int
    replicates: int
    minimum: float | None
    below_minimum: float | None
    resampled: str = "documents"


def _percentile(ordered: Sequence[float], share: float) -> float:
    """Linear interpolation between order statistics (numpy's default, type 7)."""
    position = share * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def bootstrap(
    parts: Sequence[Vector],
    statistic: Callable[[Vector], float | None],
    resamples: int = DEFAULT_RESAMPLES,
    level: float = DEFAULT_LEVEL,
    minimum: float | None = None,
    seed: int = DEFAULT_SEED,
) -> BootstrapInterval:
    """Resample ``parts`` (additive count vectors) and summarise ``statistic`` of the sums."""
    if resamples < 1:
        raise InvalidInput("the number of resamples must be at least 1, not {n}", n=resamples)
    if not 0 < level < 1:
        raise InvalidInput("the confidence level must lie between 0 and 1, not {level}",
                           level=level)
    width = len(parts[0]) if parts else 0
    total = tuple(sum(p[k] for p in parts) for k in range(width))
    estimate = statistic(total) if parts else None
    values: list[float] = []
    if parts:
        rng = Random(seed)
        n = len(parts)
        for _ in range(resamples):
            sums = [0.0] * width
            for index in rng.choices(range(n), k=n):
                part = parts[index]
                for k in range(width):
                    sums[k] += part[k]
            value = statistic(tuple(sums))
            if value is not None:
                values.append(value)
    values.sort()
    tail = (1 - level) / 2
    low = _percentile(values, tail) if len(values) >= 2 else None
    high = _percentile(values, 1 - tail) if len(values) >= 2 else None
    below = None
    if minimum is not None and values:
        below = sum(1 for v in values if v < minimum) / len(values)
    return BootstrapInterval(estimate, low, high, level, len(parts), len(values), minimum, below)


def _kappa_of(vector: Vector) -> float | None:
    both, only_a, only_b, neither = vector
    n = both + only_a + only_b + neither
    a_yes, b_yes = both + only_a, both + only_b
    pe_num = a_yes * b_yes + (n - a_yes) * (n - b_yes)
    denominator = n * n - pe_num
    if n == 0 or abs(denominator) <= 1e-9 * n * n:
        return None
    return (n * (both + neither) - pe_num) / denominator


def kappa_interval(tables: Sequence[Table2x2 | None], **options: object) -> BootstrapInterval:
    """Cohen's κ of the pooled table with a bootstrap over the tables (documents)."""
    parts = [(t.both, t.only_a, t.only_b, t.neither) for t in tables if t is not None]
    return bootstrap([tuple(map(float, p)) for p in parts], _kappa_of, **options)  # type: ignore[arg-type]


def alpha_interval(matrices: Sequence[Coincidences], **options: object) -> BootstrapInterval:
    """Krippendorff's α of the summed coincidences with a bootstrap over the matrices."""
    keys = sorted({key for m in matrices for key in m.cells}, key=repr)
    values = sorted({c for c, _k in keys}, key=repr)
    parts = [tuple(float(m.cells.get(key, Fraction(0))) for key in keys) for m in matrices]
    diagonal = [i for i, (c, k) in enumerate(keys) if c == k]
    rows = [[i for i, (c, _k) in enumerate(keys) if c == v] for v in values]

    def alpha_of(vector: Vector) -> float | None:
        n = sum(vector)
        if n <= 1:
            return None
        disagree = n - sum(vector[i] for i in diagonal)
        squares = sum(sum(vector[i] for i in row) ** 2 for row in rows)
        d_e = (n * n - squares) / (n * (n - 1))
        if d_e <= 1e-12:
            return None
        return 1 - (disagree / n) / d_e

    return bootstrap(parts, alpha_of, **options)  # type: ignore[arg-type]


def _runs(length: int, unions: Sequence[Sequence[tuple[int, int]] | None]
          ) -> list[tuple[int, tuple[bool, ...]]]:
    """The stretches of one document between any present coder's boundaries, each with
    its length and which present coders coded it."""
    present = [u for u in unions if u is not None]
    cuts = {0, length}
    for spans in present:
        for start, end in spans:
            cuts.update((start, end))
    ordered = sorted(cuts)
    runs = []
    cursors = [0] * len(present)
    for start, end in pairwise(ordered):
        flags = []
        for k, spans in enumerate(present):
            i = cursors[k]
            while i < len(spans) and spans[i][1] <= start:
                i += 1
            cursors[k] = i
            flags.append(i < len(spans) and spans[i][0] <= start)
        runs.append((end - start, tuple(flags)))
    return runs


def run_tables(length: int, a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]
               ) -> list[Table2x2]:
    """One document's 2×2 table cut into the runs between the two coders' boundaries
    (unions of one code): the parts of a bootstrap *within* the document.

    Within one document the characters are not independent, but the runs are the
    decisions the coders made — where one of them began or stopped coding — so they,
    not characters, are resampled when there is no second document to resample.
    """
    tables = []
    for size, (in_a, in_b) in _runs(length, [a, b]):
        tables.append(Table2x2(size if in_a and in_b else 0, size if in_a and not in_b else 0,
                               size if in_b and not in_a else 0,
                               size if not (in_a or in_b) else 0))
    return tables


def run_coincidences(length: int, unions: Sequence[Sequence[tuple[int, int]] | None]
                     ) -> list[Coincidences]:
    """One document's 1/0 coincidences cut into runs (see ``run_tables``), for α."""
    out = []
    for size, flags in _runs(length, unions):
        m = len(flags)
        if m < 2:
            return []
        ones = sum(flags)
        zeros = m - ones
        cells = {(1, 1): Fraction(size * ones * (ones - 1), m - 1),
                 (0, 0): Fraction(size * zeros * (zeros - 1), m - 1),
                 (0, 1): Fraction(size * ones * zeros, m - 1),
                 (1, 0): Fraction(size * ones * zeros, m - 1)}
        out.append(Coincidences({k: v for k, v in cells.items() if v}))
    return out
