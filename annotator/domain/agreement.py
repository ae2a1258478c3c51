"""Intercoder agreement over characters: percent agreement, Cohen's κ, Krippendorff's α,
and MAXQDA-style segment agreement. Pure Python: no Qt, no SQL, no numpy.

What the numbers mean (see DESIGN.md, "Agreement"):

* The unit is one character (code point) of a document. For one code, a coder's value at
  a character is 1 when one of their codings of that code covers it, else 0. Overlapping
  codings of one coder are unioned first, so coding a sentence twice counts once.
* A coder who coded *nothing at all* (no code) in a document is **missing** there: they
  did not look at it, which is not the same as looking and disagreeing. Callers say who
  is missing by passing ``None`` instead of a list of spans ("present but never used this
  code" is the empty list ``[]``). A pair with a missing coder yields no table and is left
  out of pooled and weighted κ; in α a missing coder contributes no values.
* Undefined values (0/0: an empty document, a κ whose chance agreement is 1, an α with no
  pairable values or no expected disagreement) are ``None``, never 0 or 1.

Everything is computed from span boundaries (see ``intervals``), never per character:
a document is cut at every boundary of every coder into elementary runs within which all
coders' values are constant, and each run adds ``length × (per-character contribution)``.
Counts are exact integers (α's coincidences exact fractions) until the final division.

The result types are plain frozen dataclasses of ints, floats, ``None``, ids and tuples,
so ``dataclasses.asdict(report)`` goes straight to ``json.dumps`` (if ids are str/int).
"""

import gc
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from fractions import Fraction
from itertools import combinations, pairwise
from typing import NamedTuple, TypeVar, overload

from annotator.domain.errors import InvalidInput
from annotator.domain.intervals import Span, intersect_length, overlapping_pairs, union

DocId = Hashable
CodeId = Hashable
CoderId = Hashable
Value = Hashable
# (start, end, value): a coder's value on [start, end); value None = missing there.
ValueRun = tuple[int, int, Value | None]

DEFAULT_THRESHOLD = 0.9
#: How segments are compared: ``pairs`` — a coder's touching or overlapping codings of a
#: code merge into one segment, segments are matched one-to-one (a maximum matching) and
#: a matched pair counts once; ``maxqda`` — MAXQDA's rule: every coding is a segment of
#: its own, a segment agrees when the other coder has *any* segment of the code reaching
#: the threshold with it, and each coder's segments are counted, so an agreeing pair
#: counts twice (once from each side).
SEGMENT_RULES = ("pairs", "maxqda")

_T = TypeVar("_T")


# --------------------------------------------------------------------------- 2×2 tables


@dataclass(frozen=True)
class Table2x2:
    """Character counts of one code for coders A and B in one document (or pooled).

    Tables add up (``t1 + t2``), which is how the pooled κ across documents is made.
    """

    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    def __add__(self, other: "Table2x2") -> "Table2x2":
        if not isinstance(other, Table2x2):
            return NotImplemented
        return Table2x2(
            self.both + other.both,
            self.only_a + other.only_a,
            self.only_b + other.only_b,
            self.neither + other.neither,
        )

    @property
    def n(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def percent_agreement(self) -> float | None:
        """Observed agreement po = (both + neither) / n; None for n = 0."""
        n = self.n
        return (self.both + self.neither) / n if n else None

    @property
    def expected_agreement(self) -> float | None:
        """Chance agreement pe from the two coders' marginals (Cohen 1960); None for n = 0."""
        n = self.n
        return self._pe_numerator() / (n * n) if n else None

    @property
    def cohen_kappa(self) -> float | None:
        """κ = (po − pe) / (1 − pe); None when undefined (n = 0 or pe = 1).

        Computed as (n·agree − Σ marginal products) / (n² − Σ marginal products) in
        integers, so pe = 1 is detected exactly rather than through rounding.
        """
        n = self.n
        pe_num = self._pe_numerator()
        denominator = n * n - pe_num
        if n == 0 or denominator == 0:
            return None
        return (n * (self.both + self.neither) - pe_num) / denominator

    def _pe_numerator(self) -> int:
        a_yes = self.both + self.only_a
        b_yes = self.both + self.only_b
        n = self.n
        return a_yes * b_yes + (n - a_yes) * (n - b_yes)


def _table_from_unions(a: Sequence[Span], b: Sequence[Span], length: int) -> Table2x2:
    both = intersect_length(a, b)
    a_len = sum(end - start for start, end in a)
    b_len = sum(end - start for start, end in b)
    return Table2x2(both, a_len - both, b_len - both, length - a_len - b_len + both)


def _checked_union(spans: Iterable[Span], length: int) -> list[Span]:
    merged = union(spans)
    if merged and (merged[0][0] < 0 or merged[-1][1] > length):
        raise InvalidInput("a coding reaches outside the document of {length} characters",
                           length=length)
    return merged


@overload
def pair_table(a_spans: Iterable[Span], b_spans: Iterable[Span], length: int) -> Table2x2: ...
@overload
def pair_table(
    a_spans: Iterable[Span] | None, b_spans: Iterable[Span] | None, length: int
) -> Table2x2 | None: ...
def pair_table(
    a_spans: Iterable[Span] | None, b_spans: Iterable[Span] | None, length: int
) -> Table2x2 | None:
    """The 2×2 character table of one code for coders A and B in one document.

    Spans may overlap (they are unioned). ``None`` for a coder means *missing in this
    document* (coded nothing there), and then there is no table: ``None``.
    """
    if length < 0:
        raise InvalidInput("a document length cannot be negative ({length})", length=length)
    if a_spans is None or b_spans is None:
        return None
    return _table_from_unions(
        _checked_union(a_spans, length), _checked_union(b_spans, length), length
    )


def pooled_kappa(tables: Iterable[Table2x2 | None]) -> float | None:
    """κ of the summed table over documents; ``None`` entries (missing pairs) are skipped."""
    present = [t for t in tables if t is not None]
    if not present:
        return None
    return sum(present, Table2x2()).cohen_kappa


def weighted_mean_kappa(tables: Iterable[Table2x2 | None]) -> float | None:
    """Mean of per-document κ weighted by document length n.

    Documents whose κ is undefined (or whose pair is missing) are left out of both the
    sum and the weights: averaging in a made-up value would bias the mean. None when no
    document has a defined κ.
    """
    weighted = 0.0
    weights = 0
    for table in tables:
        if table is None:
            continue
        kappa = table.cohen_kappa
        if kappa is not None:
            weighted += kappa * table.n
            weights += table.n
    return weighted / weights if weights else None


# --------------------------------------------------------------- segment agreement


@dataclass(frozen=True)
class SegmentMatch:
    """A segment of A and a segment of B taken as "the same coding"."""

    a: Span
    b: Span
    overlap: int
    union: int
    ratio: float


@dataclass(frozen=True)
class SegmentAgreement:
    """MAXQDA-style segment agreement of one code between two coders.

    ``agreement`` = matched / (matched + unmatched_a + unmatched_b), MAXQDA's percentage
    of agreeing segments (a matched pair counts once); None when neither coder has a
    segment.
    """

    matched: tuple[SegmentMatch, ...]
    unmatched_a: tuple[Span, ...]
    unmatched_b: tuple[Span, ...]
    agreement: float | None


def check_segment_rule(rule: str) -> str:
    if rule not in SEGMENT_RULES:
        raise InvalidInput("the segment rule is one of {rules}, not {rule!r}",
                           rules=", ".join(SEGMENT_RULES), rule=rule)
    return rule


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold <= 1:
        raise InvalidInput("the segment threshold must be in (0, 1], not {threshold}",
                           threshold=threshold)


def segment_agreement(
    a_segments: Iterable[Span],
    b_segments: Iterable[Span],
    threshold: float = DEFAULT_THRESHOLD,
    rule: str = "pairs",
) -> SegmentAgreement:
    """Match A's and B's segments of one code one-to-one: overlap/union ≥ ``threshold``.

    A coder's segments are the maximal runs of characters they coded with the code:
    overlapping or touching codings of one code are merged first (as MAXQDA merges
    overlapping codings of one code), so the result depends only on what was marked.

    The matching has as many pairs as any one-to-one matching can have (a maximum
    matching): pairs are first taken greedily, best ratio first (ties: leftmost A
    segment, then leftmost B segment), and the greedy matching is then grown along
    augmenting paths, so a pair given up there is one that blocked two others. For
    thresholds above 0.5 — the default 0.9 included — a segment can reach the threshold
    with at most one segment of the other coder (more than half of it would have to lie
    in each of two disjoint segments), so there the matching is unique.

    The ratio is compared as a correctly rounded float ``overlap / union >= threshold``,
    so 9 of 10 characters matches at 0.9 exactly as a user expects.

    ``rule="maxqda"`` compares the codings as they are instead (see ``SEGMENT_RULES``):
    ``matched`` then holds, for every agreeing segment of either coder, its best partner
    (so a pair that agrees from both sides is listed twice, as MAXQDA counts it).
    """
    _check_threshold(threshold)
    if check_segment_rule(rule) == "maxqda":
        return _maxqda_segments(_distinct(a_segments), _distinct(b_segments), threshold)
    return _match_segments(union(a_segments), union(b_segments), threshold)


def _distinct(spans: Iterable[Span]) -> list[Span]:
    return sorted({(start, end) for start, end in spans if end > start})


def _best_partners(
    a: Sequence[Span], b: Sequence[Span], threshold: float
) -> list[SegmentMatch | None]:
    """For each segment of ``a`` (sorted) its best segment of ``b`` reaching the threshold.

    ``b`` may overlap itself (codings as they are); a segment can only reach the
    threshold with one no longer than its length / threshold, so the search window in
    ``b`` (sorted by start) is bounded by the longest segment of ``b``.
    """
    starts = [start for start, _end in b]
    longest = max((end - start for start, end in b), default=0)
    best: list[SegmentMatch | None] = []
    for a_start, a_end in a:
        found: SegmentMatch | None = None
        for j in range(bisect_left(starts, a_start - longest), bisect_left(starts, a_end)):
            b_start, b_end = b[j]
            overlap = min(a_end, b_end) - max(a_start, b_start)
            if overlap <= 0:
                continue
            joint = max(a_end, b_end) - min(a_start, b_start)
            ratio = overlap / joint
            if ratio >= threshold and (found is None or ratio > found.ratio):
                found = SegmentMatch((a_start, a_end), (b_start, b_end), overlap, joint, ratio)
        best.append(found)
    return best


def _maxqda_segments(a: Sequence[Span], b: Sequence[Span], threshold: float) -> SegmentAgreement:
    from_a = _best_partners(a, b, threshold)
    from_b = _best_partners(b, a, threshold)
    matched = [m for m in from_a if m is not None]
    matched += [SegmentMatch(m.b, m.a, m.overlap, m.union, m.ratio)
                for m in from_b if m is not None]
    unmatched_a = tuple(s for s, m in zip(a, from_a, strict=True) if m is None)
    unmatched_b = tuple(s for s, m in zip(b, from_b, strict=True) if m is None)
    total = len(matched) + len(unmatched_a) + len(unmatched_b)
    return SegmentAgreement(
        tuple(matched), unmatched_a, unmatched_b, len(matched) / total if total else None
    )


def _match_segments(a: Sequence[Span], b: Sequence[Span], threshold: float) -> SegmentAgreement:
    candidates: list[tuple[float, int, int, int, int]] = []
    for i, j, overlap in overlapping_pairs(a, b):
        joint = max(a[i][1], b[j][1]) - min(a[i][0], b[j][0])
        ratio = overlap / joint
        if ratio >= threshold:
            candidates.append((-ratio, i, j, overlap, joint))
    candidates.sort()
    edges: dict[int, list[int]] = defaultdict(list)
    details: dict[tuple[int, int], tuple[int, int, float]] = {}
    partner_of_a: dict[int, int] = {}
    partner_of_b: dict[int, int] = {}
    for neg_ratio, i, j, overlap, joint in candidates:
        edges[i].append(j)
        details[(i, j)] = (overlap, joint, -neg_ratio)
        if i not in partner_of_a and j not in partner_of_b:
            partner_of_a[i] = j
            partner_of_b[j] = i
    for i in sorted(edges):
        if i not in partner_of_a:
            _augment(i, edges, partner_of_a, partner_of_b)
    used_a = set(partner_of_a)
    used_b = set(partner_of_b)
    matched = [
        SegmentMatch(a[i], b[j], *details[(i, j)]) for i, j in sorted(partner_of_a.items())
    ]
    unmatched_a = tuple(s for i, s in enumerate(a) if i not in used_a)
    unmatched_b = tuple(s for j, s in enumerate(b) if j not in used_b)
    total = len(matched) + len(unmatched_a) + len(unmatched_b)
    return SegmentAgreement(
        tuple(matched), unmatched_a, unmatched_b, len(matched) / total if total else None
    )


def _augment(
    start: int,
    edges: Mapping[int, Sequence[int]],
    partner_of_a: dict[int, int],
    partner_of_b: dict[int, int],
) -> None:
    """Grow the matching by one pair along an augmenting path from free A segment ``start``.

    Iterative depth-first search (Kuhn's algorithm): a chain of overlapping segments
    can be as long as a document, deeper than Python's recursion allows. A free A
    segment that finds no path now finds none later either, so one try each suffices.
    """
    came_from: dict[int, int] = {}  # B segment -> the A segment that reached it
    seen_b: set[int] = set()
    stack = [(start, iter(edges[start]))]
    while stack:
        i, neighbours = stack[-1]
        for j in neighbours:
            if j in seen_b:
                continue
            seen_b.add(j)
            came_from[j] = i
            if j not in partner_of_b:
                while True:  # flip the path back to start
                    i = came_from[j]
                    previous = partner_of_a.get(i)
                    partner_of_a[i] = j
                    partner_of_b[j] = i
                    if i == start:
                        return
                    j = previous  # type: ignore[assignment]
            owner = partner_of_b[j]
            stack.append((owner, iter(edges.get(owner, ()))))
            break
        else:
            stack.pop()


def _overlap_and_matches(a: Sequence[Span], b: Sequence[Span], threshold: float) -> tuple[int, int]:
    """Characters in both unions, and how many segments ``segment_agreement`` matches.

    One merge serves both numbers. Above a threshold of 0.5 the segments reaching it
    already form a one-to-one matching (see ``segment_agreement``), so they are counted
    without sorting; lower thresholds with competing pairs take the matching path.
    """
    both = 0
    reaching = 0
    conflict = False
    last_i = last_j = -1
    for i, j, overlap in overlapping_pairs(a, b):
        both += overlap
        a_start, a_end = a[i]
        b_start, b_end = b[j]
        joint = (a_end if a_end > b_end else b_end) - (a_start if a_start < b_start else b_start)
        if overlap / joint >= threshold:
            reaching += 1
            conflict = conflict or i == last_i or j == last_j
            last_i, last_j = i, j
    if conflict and threshold <= 0.5:
        reaching = len(_match_segments(a, b, threshold).matched)
    return both, reaching


# ------------------------------------------------------------------ Krippendorff's α


@dataclass(frozen=True)
class CoincidenceCell:
    """One cell o_ck of a coincidence matrix (JSON-friendly)."""

    value_a: Value
    value_b: Value
    count: float


@dataclass(frozen=True)
class AlphaResult:
    """Krippendorff's α (nominal) with the counts behind it.

    ``pairable_values`` is n (values in units coded by ≥ 2 coders), the disagreements are
    D_o and D_e of Krippendorff (2011), α = 1 − D_o / D_e.
    """

    alpha: float | None
    pairable_values: float
    observed_disagreement: float | None
    expected_disagreement: float | None
    coincidences: tuple[CoincidenceCell, ...]


@dataclass(frozen=True)
class Coincidences:
    """A coincidence matrix o_ck (Krippendorff 2011), exact, keyed by (value, value).

    Matrices of several documents (or codes) add up; α of the sum is the pooled α.
    """

    cells: Mapping[tuple[Value, Value], Fraction] = field(default_factory=dict)

    def __add__(self, other: "Coincidences") -> "Coincidences":
        if not isinstance(other, Coincidences):
            return NotImplemented
        merged = dict(self.cells)
        for key, count in other.cells.items():
            merged[key] = merged.get(key, Fraction(0)) + count
        return Coincidences(merged)

    def totals(self) -> dict[Value, Fraction]:
        """n_c: how many pairable values are c."""
        totals: dict[Value, Fraction] = defaultdict(Fraction)
        for (c, _k), count in self.cells.items():
            totals[c] += count
        return dict(totals)

    def _parts(self) -> tuple[Fraction, Fraction | None, Fraction | None]:
        totals = self.totals()
        n = sum(totals.values(), Fraction(0))
        if n <= 1:
            return n, None, None
        disagree = sum((v for (c, k), v in self.cells.items() if c != k), Fraction(0))
        squares = sum((t * t for t in totals.values()), Fraction(0))
        d_o = disagree / n
        d_e = (n * n - squares) / (n * (n - 1))
        return n, d_o, d_e

    def alpha(self) -> float | None:
        """α = 1 − D_o / D_e; None without pairable values or when D_e = 0."""
        _n, d_o, d_e = self._parts()
        if d_o is None or d_e is None or d_e == 0:
            return None
        return float(1 - d_o / d_e)

    def result(self) -> AlphaResult:
        n, d_o, d_e = self._parts()
        alpha = None if d_o is None or d_e is None or d_e == 0 else float(1 - d_o / d_e)
        cells = tuple(
            CoincidenceCell(c, k, float(v))
            for (c, k), v in sorted(self.cells.items(), key=lambda kv: repr(kv[0]))
            if v
        )
        return AlphaResult(
            alpha,
            float(n),
            None if d_o is None else float(d_o),
            None if d_e is None else float(d_e),
            cells,
        )


def coincidences(
    length: int, coders: Sequence[Sequence[ValueRun] | None], background: Value
) -> Coincidences:
    """Coincidence matrix of one document whose units are its characters.

    ``coders[i]`` is coder i's value runs, or None when the coder is missing in the whole
    document. A run ``(start, end, v)`` gives the coder value v on [start, end); ``v is
    None`` makes those characters missing for that coder; characters outside every run
    have the value ``background``. A coder's runs must not overlap one another.

    The document is cut at every run boundary of every coder. Within each elementary
    run of L characters every character has the same multiset of values — n_v coders
    say v, m = Σ n_v in all — so the run adds L·n_c·n_k/(m−1) to o_ck (c ≠ k) and
    L·n_c·(n_c−1)/(m−1) to o_cc; characters with m < 2 are not pairable and add nothing.
    """
    deltas: dict[int, list[tuple[Value | None, int]]] = defaultdict(list)
    present = 0
    for runs in coders:
        if runs is None:
            continue
        present += 1
        for start, end, value in runs:
            if not 0 <= start <= end <= length:
                raise InvalidInput("a run [{start}, {end}) lies outside 0..{length}",
                                   start=start, end=end, length=length)
            if end == start or value == background:
                continue
            deltas[start] += ((background, -1), (value, 1))
            deltas[end] += ((value, -1), (background, 1))
    counts: dict[Value | None, int] = {background: present}
    accumulated: dict[tuple[int, Value, Value], int] = defaultdict(int)
    previous = 0
    for position in [*sorted(deltas), length]:
        run = position - previous
        if run > 0:
            values = [(v, n) for v, n in counts.items() if n and v is not None]
            m = sum(n for _v, n in values)
            if m >= 2:
                for c, n_c in values:
                    for k, n_k in values:
                        accumulated[(m, c, k)] += run * n_c * (n_k - 1 if c == k else n_k)
        for value, delta in deltas.get(position, ()):
            counts[value] = counts.get(value, 0) + delta
        previous = position
    cells: dict[tuple[Value, Value], Fraction] = defaultdict(Fraction)
    for (m, c, k), count in accumulated.items():
        cells[(c, k)] += Fraction(count, m - 1)
    return Coincidences(dict(cells))


def code_coincidences(length: int, coders: Sequence[Iterable[Span] | None]) -> Coincidences:
    """Coincidences of one code in one document: values 1 (coded) / 0 (not coded).

    ``coders[i]`` is coder i's spans of the code (unioned here) or None when the coder is
    missing in the document. Same result as ``coincidences`` with runs of value 1 and
    background 0, but faster: m is the same for every character (the present coders),
    so one sweep counting how many coders cover each run is enough.
    """
    unions = [None if spans is None else _checked_union(spans, length) for spans in coders]
    return _binary_coincidences(length, unions)


def _binary_coincidences(length: int, unions: Sequence[Sequence[Span] | None]) -> Coincidences:
    m = sum(1 for u in unions if u is not None)
    if m < 2 or length == 0:
        return Coincidences({})
    events: list[tuple[int, int]] = []
    for spans in unions:
        if spans:
            for start, end in spans:
                events.append((start, 1))
                events.append((end, -1))
    events.sort()
    ones = zeros = mixed = 0  # Σ L·n1(n1−1), Σ L·n0(n0−1), Σ L·n1·n0
    covered = 0  # n1 on the current run
    previous = 0
    for position, delta in [*events, (length, 0)]:
        run = position - previous
        if run:
            uncovered = m - covered
            ones += run * covered * (covered - 1)
            zeros += run * uncovered * (uncovered - 1)
            mixed += run * covered * uncovered
            previous = position
        covered += delta
    cells = {
        (1, 1): Fraction(ones, m - 1),
        (0, 0): Fraction(zeros, m - 1),
        (0, 1): Fraction(mixed, m - 1),
        (1, 0): Fraction(mixed, m - 1),
    }
    return Coincidences({key: count for key, count in cells.items() if count})


def set_value_runs(spans_by_code: Mapping[CodeId, Iterable[Span]]) -> tuple[list[ValueRun], int]:
    """One coder's value runs over a set of mutually exclusive codes, and their overlap.

    A character covered by exactly one code of the set has that code as its value; one
    covered by none gets the caller's "none" value (it is outside every run). **Rule for
    overlaps:** a character covered by two or more codes of the set is *missing* for
    that coder (value None) — the coder said two things the set declares exclusive, so
    the character neither agrees nor disagrees with anyone, and no combined category is
    invented. The second result counts such characters, so callers can report them.
    """
    deltas: dict[int, list[tuple[CodeId, int]]] = defaultdict(list)
    for code, spans in spans_by_code.items():
        for start, end in union(spans):
            deltas[start].append((code, 1))
            deltas[end].append((code, -1))
    positions = sorted(deltas)
    active: set[CodeId] = set()
    runs: list[ValueRun] = []
    ambiguous = 0
    for here, after in pairwise(positions):
        for code, delta in deltas[here]:
            if delta > 0:
                active.add(code)
            else:
                active.discard(code)
        if not active:
            continue
        value = next(iter(active)) if len(active) == 1 else None
        if value is None:
            ambiguous += after - here
        if runs and runs[-1][1] == here and runs[-1][2] == value and value is not None:
            runs[-1] = (runs[-1][0], after, value)
        else:
            runs.append((here, after, value))
    return runs, ambiguous


def set_coincidences(
    length: int,
    coders: Sequence[Mapping[CodeId, Iterable[Span]] | None],
    none_value: Value = "none",
) -> tuple[Coincidences, int]:
    """Coincidences over a set of mutually exclusive codes in one document.

    ``coders[i]`` maps each code of the set to coder i's spans of it (codes not used may
    be absent), or is None when the coder is missing in the document. Values are the
    code ids plus ``none_value`` for characters no code of the set covers; see
    ``set_value_runs`` for characters covered by two codes of one coder. Also returns
    the number of such (coder, character) units made missing by an overlap.
    """
    all_runs: list[Sequence[ValueRun] | None] = []
    ambiguous = 0
    for by_code in coders:
        if by_code is None:
            all_runs.append(None)
            continue
        if none_value in by_code:
            raise InvalidInput("the 'none' value {value!r} is also a code of the set",
                               value=none_value)
        runs, overlap = set_value_runs(by_code)
        all_runs.append(runs)
        ambiguous += overlap
    return coincidences(length, all_runs, none_value), ambiguous


def krippendorff_alpha_nominal(
    documents: Iterable[tuple[int, Sequence[Sequence[ValueRun] | None]]],
    background: Value = 0,
) -> float | None:
    """Krippendorff's α (nominal) over the characters of several documents, pooled.

    Each document is ``(length, coders)`` as for ``coincidences``: per coder a list of
    value runs, or None when missing. The coincidence matrices of the documents add up,
    and α is that of the sum. Per code: runs of value 1, background 0 (or use
    ``code_coincidences``); over a set of codes: ``set_coincidences``. None when
    undefined (no pairable values, or only one value anywhere so D_e = 0).
    """
    total = Coincidences()
    for length, coders in documents:
        total = total + coincidences(length, coders, background)
    return total.alpha()


# ------------------------------------------------------ top level (service layer)


class Coding(NamedTuple):
    """One coding as the service layer hands it over; a plain 5-tuple works too."""

    doc_id: DocId
    code_id: CodeId
    coder_id: CoderId
    start: int
    end: int


@dataclass(frozen=True)
class PairResult:
    """Two coders, one code, one document. ``table`` is None when either is missing.

    The segment counts are those of ``segment_agreement`` on the pair's codings; call
    that function for the segments themselves (to walk through the disagreements):
    keeping every segment of every pair in the report would cost more than computing it.
    """

    coder_a: CoderId
    coder_b: CoderId
    table: Table2x2 | None
    percent_agreement: float | None
    cohen_kappa: float | None
    segment_agreement: float | None
    segments_matched: int
    segments_unmatched_a: int
    segments_unmatched_b: int


@dataclass(frozen=True)
class CellResult:
    """One code in one document.

    With exactly two coders, ``percent_agreement``, ``cohen_kappa``,
    ``segment_agreement`` and ``table`` are that pair's; with more coders they are None
    and each pair's values are in ``pairs`` (look one up with ``pair(a, b)``).
    ``krippendorff_alpha`` is over all present coders either way, and so is
    ``unitizing_alpha``, Krippendorff's uα of the code's units (= |uα, ATLAS.ti's
    "α binary"; ``domain.agreement_unitizing``). ``left_out`` is True
    when uncoded documents do not take part and no present coder used the code here:
    then nothing is compared (no table, no α values), as if every coder were missing.
    """

    code_id: CodeId
    doc_id: DocId
    length: int
    coders_present: tuple[CoderId, ...]
    coders_missing: tuple[CoderId, ...]
    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None
    segment_agreement: float | None
    table: Table2x2 | None
    alpha: AlphaResult
    pairs: tuple[PairResult, ...]
    left_out: bool = False
    unitizing_alpha: float | None = None

    def pair(self, coder_a: CoderId, coder_b: CoderId) -> PairResult:
        return _find_pair(self.pairs, coder_a, coder_b)


@dataclass(frozen=True)
class PairSummary:
    """Two coders, one code, over all documents where both are present."""

    coder_a: CoderId
    coder_b: CoderId
    documents: int
    pooled_table: Table2x2
    percent_agreement: float | None
    pooled_kappa: float | None
    weighted_kappa: float | None
    segments_matched: int
    segments_unmatched_a: int
    segments_unmatched_b: int
    segment_agreement: float | None


@dataclass(frozen=True)
class CodeSummary:
    """One code over all documents. Pair fields at the top are filled for two coders."""

    code_id: CodeId
    percent_agreement: float | None
    pooled_kappa: float | None
    weighted_kappa: float | None
    segment_agreement: float | None
    pooled_table: Table2x2 | None
    krippendorff_alpha: float | None
    alpha: AlphaResult
    pairs: tuple[PairSummary, ...]
    unitizing_alpha: float | None = None

    def pair(self, coder_a: CoderId, coder_b: CoderId) -> PairSummary:
        return _find_pair(self.pairs, coder_a, coder_b)


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[CoderId, ...]
    codes: tuple[CodeId, ...]
    threshold: float
    cells: tuple[CellResult, ...]
    summaries: tuple[CodeSummary, ...]
    segment_rule: str = "pairs"

    def cell(self, code_id: CodeId, doc_id: DocId) -> CellResult:
        for cell in self.cells:
            if cell.code_id == code_id and cell.doc_id == doc_id:
                return cell
        raise KeyError((code_id, doc_id))

    def summary(self, code_id: CodeId) -> CodeSummary:
        for summary in self.summaries:
            if summary.code_id == code_id:
                return summary
        raise KeyError(code_id)


@dataclass(frozen=True)
class SetAlphaResult:
    """α over a set of mutually exclusive codes, pooled and per document.

    ``overlap_units`` counts (coder, character) units made missing because the coder
    put two codes of the set on the character.
    """

    codes: tuple[CodeId, ...]
    none_value: Value
    krippendorff_alpha: float | None
    alpha: AlphaResult
    per_document: tuple[tuple[DocId, AlphaResult], ...]
    overlap_units: int


_P = TypeVar("_P", "PairResult", "PairSummary")


def _find_pair(pairs: Sequence[_P], a: CoderId, b: CoderId) -> _P:
    for pair in pairs:
        if (pair.coder_a, pair.coder_b) in ((a, b), (b, a)):
            return pair
    raise KeyError((a, b))


class _Index:
    """Codings grouped by (document, code, coder), and who is present in which document."""

    def __init__(
        self,
        doc_lengths: Mapping[DocId, int],
        codings: Iterable[tuple[DocId, CodeId, CoderId, int, int]],
        coders: Sequence[CoderId],
        codes: Sequence[CodeId],
        present: Iterable[tuple[DocId, CoderId]] | None,
        keep_codings: bool = False,
    ) -> None:
        for doc, length in doc_lengths.items():
            if length < 0:
                raise InvalidInput("document {doc!r} has a negative length {length}",
                                   doc=doc, length=length)
        wanted_coders = set(coders)
        wanted_codes = set(codes)
        spans: dict[tuple[DocId, CodeId, CoderId], list[Span]] = defaultdict(list)
        seen: set[tuple[DocId, CoderId]] = set()
        for doc, code, coder, start, end in codings:
            if doc not in doc_lengths:
                raise InvalidInput("a coding refers to an unknown document {doc!r}", doc=doc)
            if not 0 <= start <= end <= doc_lengths[doc]:
                raise InvalidInput(
                    "coding [{start}, {end}) lies outside document {doc!r} of {length} "
                    "characters", start=start, end=end, doc=doc, length=doc_lengths[doc],
                )
            if end > start:  # an empty coding marks nothing: it does not make a coder present
                seen.add((doc, coder))
            if coder in wanted_coders and code in wanted_codes:
                spans[(doc, code, coder)].append((start, end))
        self.present = seen if present is None else set(present)
        self.unions = {key: union(value) for key, value in spans.items()}
        self.codings = (
            {key: _distinct(value) for key, value in spans.items()} if keep_codings else {}
        )

    def spans(self, doc: DocId, code: CodeId, coder: CoderId) -> list[Span] | None:
        """The coder's union for the code, [] if unused, None if missing in the document."""
        if (doc, coder) not in self.present:
            return None
        return self.unions.get((doc, code, coder), [])


def _unique(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block with Python's cyclic garbage collector paused.

    A report at workshop size is millions of small acyclic objects (tuples, frozen
    dataclasses, and their JSON dicts): the collector would walk them again and again as
    they are made — a third of the time at 20 coders — and could free none of them.
    Reference counting still frees everything; the collector resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compute_agreement(
    doc_lengths: Mapping[DocId, int],
    codings: Iterable[tuple[DocId, CodeId, CoderId, int, int]],
    coders: Sequence[CoderId],
    codes: Sequence[CodeId],
    threshold: float = DEFAULT_THRESHOLD,
    present: Iterable[tuple[DocId, CoderId]] | None = None,
    include_uncoded: bool = True,
    segment_rule: str = "pairs",
) -> AgreementReport:
    """Every agreement number per (code, document) and per code, for the given coders.

    ``codings`` may include codes and coders not asked for: they are ignored except that
    any (non-empty) coding makes its coder *present* in its document. Pass ``present`` — the
    (document, coder) pairs where the coder coded anything — when ``codings`` is only a
    subset (e.g. only some codes), so that presence still reflects all of a coder's work.
    Every code gets a cell for every document, used or not. With ``include_uncoded``
    False a document where no present coder used a code takes no part in that code's
    figures (its cell is ``left_out``): its "neither" units would otherwise raise κ, and
    two such documents could pool to a κ of 1. ``segment_rule`` is one of
    ``SEGMENT_RULES``; the report's ``segment_rule`` says which was used.
    """
    return compute_agreement_parts(doc_lengths, codings, coders, codes, threshold, present,
                                   include_uncoded, segment_rule)[0]


@dataclass(frozen=True)
class CellParts:
    """What a code's summary adds up from one of its cells, exact: the cell's coincidence
    matrix and Σ unit length². Kept beside the report (not in it: the report stays plain
    JSON-ready data), so that a changed cell can be recomputed alone and its code's
    summary added up again (``update_agreement``)."""

    observed: "Coincidences"
    unit_squares: int


Parts = dict[tuple[CodeId, DocId], CellParts]


def compute_agreement_parts(
    doc_lengths: Mapping[DocId, int],
    codings: Iterable[tuple[DocId, CodeId, CoderId, int, int]],
    coders: Sequence[CoderId],
    codes: Sequence[CodeId],
    threshold: float = DEFAULT_THRESHOLD,
    present: Iterable[tuple[DocId, CoderId]] | None = None,
    include_uncoded: bool = True,
    segment_rule: str = "pairs",
) -> tuple[AgreementReport, Parts]:
    """``compute_agreement`` with each cell's ``CellParts``, for ``update_agreement``."""
    with paused_gc():
        _check_threshold(threshold)
        check_segment_rule(segment_rule)
        coders = _unique(coders)
        codes = _unique(codes)
        index = _Index(doc_lengths, codings, coders, codes, present,
                       keep_codings=segment_rule == "maxqda")
        cells: list[CellResult] = []
        parts: Parts = {}
        for code in codes:
            for doc, length in doc_lengths.items():
                cell, part = _cell(index, code, doc, length, coders, threshold,
                                   include_uncoded, segment_rule)
                cells.append(cell)
                parts[(code, doc)] = part
        report = AgreementReport(coders, codes, threshold, tuple(cells), (), segment_rule)
        summaries = _summaries(report, parts, codes)
        return replace(report, summaries=tuple(summaries[c] for c in codes)), parts


def update_agreement(
    report: AgreementReport,
    parts: Parts,
    doc_lengths: Mapping[DocId, int],
    codings: Iterable[tuple[DocId, CodeId, CoderId, int, int]],
    present: Iterable[tuple[DocId, CoderId]],
    touched: Iterable[tuple[CodeId, DocId]],
    include_uncoded: bool = True,
) -> tuple[AgreementReport, Parts]:
    """The report after some codings changed: only the ``touched`` (code, document) cells
    are computed again, and the summaries of their codes added up again from their cells'
    parts. Every other cell is kept as it was, so the cost is that of the cells touched,
    not of the project.

    ``codings`` must hold every coding of the touched cells' documents (any code, any
    coder: they make coders present), ``present`` the (document, coder) pairs present in
    those documents now; ``doc_lengths`` every document of the report. A cell of a code
    or document the report does not have is ignored (a new code needs a full
    ``compute_agreement_parts``). Same figures as computing everything again.
    """
    with paused_gc():
        codes = set(report.codes)
        wanted = {(c, d) for c, d in touched if c in codes and d in doc_lengths}
        if not wanted:
            return report, parts
        docs = {d for _c, d in wanted}
        index = _Index({d: doc_lengths[d] for d in docs},
                       (c for c in codings if c[0] in docs), report.coders,
                       [c for c in report.codes if any((c, d) in wanted for d in docs)],
                       [p for p in present if p[0] in docs],
                       keep_codings=report.segment_rule == "maxqda")
        parts = dict(parts)
        fresh: dict[tuple[CodeId, DocId], CellResult] = {}
        for code, doc in wanted:
            cell, part = _cell(index, code, doc, doc_lengths[doc], report.coders,
                               report.threshold, include_uncoded, report.segment_rule)
            fresh[(code, doc)] = cell
            parts[(code, doc)] = part
        cells = tuple(fresh.get((c.code_id, c.doc_id), c) for c in report.cells)
        updated = replace(report, cells=cells)
        again = _summaries(updated, parts, {c for c, _d in wanted})
        summaries = tuple(again.get(s.code_id, s) for s in report.summaries)
        return replace(updated, summaries=summaries), parts


def _cell(index: "_Index", code: CodeId, doc: DocId, length: int,
          coders: Sequence[CoderId], threshold: float, include_uncoded: bool,
          segment_rule: str) -> tuple[CellResult, CellParts]:
    """One code in one document: its pairs' tables and segments, its α."""
    unions = [index.spans(doc, code, coder) for coder in coders]
    if not include_uncoded and not any(unions):
        return _left_out_cell(code, doc, length, coders, unions), CellParts(Coincidences(), 0)
    maxqda = segment_rule == "maxqda"
    lengths = [0 if u is None else sum(e - s for s, e in u) for u in unions]
    pairs: list[PairResult] = []
    for i, j in combinations(range(len(coders)), 2):
        a, b = unions[i], unions[j]
        if a is None or b is None:
            pairs.append(PairResult(coders[i], coders[j], None, None, None, None, 0, 0, 0))
            continue
        both, matched = _overlap_and_matches(a, b, threshold)
        a_len, b_len = lengths[i], lengths[j]
        table = Table2x2(both, a_len - both, b_len - both, length - a_len - b_len + both)
        unmatched_a, unmatched_b = len(a) - matched, len(b) - matched
        if maxqda:
            found = _maxqda_segments(index.codings.get((doc, code, coders[i]), []),
                                     index.codings.get((doc, code, coders[j]), []),
                                     threshold)
            matched = len(found.matched)
            unmatched_a, unmatched_b = len(found.unmatched_a), len(found.unmatched_b)
        segments_total = matched + unmatched_a + unmatched_b
        pairs.append(PairResult(
            coders[i], coders[j], table, table.percent_agreement, table.cohen_kappa,
            matched / segments_total if segments_total else None,
            matched, unmatched_a, unmatched_b,
        ))
    observed = _binary_coincidences(length, unions)
    squares = _unit_squares(unions)
    alpha = observed.result()
    only = pairs[0] if len(coders) == 2 else None
    cell = CellResult(
        code_id=code,
        doc_id=doc,
        length=length,
        coders_present=tuple(c for c, u in zip(coders, unions, strict=True) if u is not None),
        coders_missing=tuple(c for c, u in zip(coders, unions, strict=True) if u is None),
        percent_agreement=only.percent_agreement if only else None,
        cohen_kappa=only.cohen_kappa if only else None,
        krippendorff_alpha=alpha.alpha,
        segment_agreement=only.segment_agreement if only else None,
        table=only.table if only else None,
        alpha=alpha,
        pairs=tuple(pairs),
        unitizing_alpha=binary_unitizing_alpha(observed, squares),
    )
    return cell, CellParts(observed, squares)


def _summaries(report: AgreementReport, parts: Parts,
               codes: Iterable[CodeId]) -> dict[CodeId, "CodeSummary"]:
    """Each of ``codes`` over all its documents, added up from its cells and their parts
    (the tables and segment counts of the pairs compared, the exact coincidences)."""
    wanted = set(codes)
    by_code: dict[CodeId, list[CellResult]] = defaultdict(list)
    for cell in report.cells:
        if cell.code_id in wanted:
            by_code[cell.code_id].append(cell)
    coders = report.coders
    pair_indexes = list(combinations(range(len(coders)), 2))
    out = {}
    for code in wanted:
        pair_tables: list[list[Table2x2]] = [[] for _ in pair_indexes]
        pair_segments = [[0, 0, 0] for _ in pair_indexes]
        total = Coincidences()
        squares = 0
        for cell in by_code[code]:
            part = parts[(code, cell.doc_id)]
            total = total + part.observed
            squares += part.unit_squares
            for p, pair in enumerate(cell.pairs):
                if pair.table is None:
                    continue
                pair_tables[p].append(pair.table)
                counts = pair_segments[p]
                counts[0] += pair.segments_matched
                counts[1] += pair.segments_unmatched_a
                counts[2] += pair.segments_unmatched_b
        summary_pairs = tuple(
            _pair_summary(coders[i], coders[j], pair_tables[p], pair_segments[p])
            for p, (i, j) in enumerate(pair_indexes)
        )
        only = summary_pairs[0] if len(coders) == 2 else None
        alpha = total.result()
        out[code] = CodeSummary(
            code_id=code,
            percent_agreement=only.percent_agreement if only else None,
            pooled_kappa=only.pooled_kappa if only else None,
            weighted_kappa=only.weighted_kappa if only else None,
            segment_agreement=only.segment_agreement if only else None,
            pooled_table=only.pooled_table if only and only.documents else None,
            krippendorff_alpha=alpha.alpha,
            alpha=alpha,
            pairs=summary_pairs,
            unitizing_alpha=binary_unitizing_alpha(total, squares),
        )
    return out


def _unit_squares(unions: Sequence[Sequence[Span] | None]) -> int:
    """Σ length² of the present coders' units (maximal runs) when two or more are present."""
    present = [u for u in unions if u is not None]
    if len(present) < 2:
        return 0
    return sum((end - start) ** 2 for spans in present for start, end in spans)


def binary_unitizing_alpha(observed: "Coincidences", unit_squares: int) -> float | None:
    """uα (= |uα) of one code from its 1/0 coincidences and Σ unit length² (see
    ``domain.agreement_unitizing``, whose eq. 4 this is for one value): the gaps' S
    is their total length, the 0 margin."""
    cells = observed.cells
    zero = Fraction(0)
    ones = cells.get((1, 1), zero) + cells.get((1, 0), zero)
    zeros = cells.get((0, 0), zero) + cells.get((0, 1), zero)
    total = ones + zeros
    scale = total * total - unit_squares - zeros
    if total == 0 or scale == 0:
        return None
    e_11 = total * (ones * ones - unit_squares) / scale
    e_00 = total * (zeros * zeros - zeros) / scale
    d_e = total - e_11 - e_00
    if d_e == 0:
        return None
    return float(1 - (total - cells.get((1, 1), zero) - cells.get((0, 0), zero)) / d_e)


def _left_out_cell(code: CodeId, doc: DocId, length: int, coders: Sequence[CoderId],
                   unions: Sequence[Sequence[Span] | None]) -> CellResult:
    pairs = tuple(PairResult(a, b, None, None, None, None, 0, 0, 0)
                  for a, b in combinations(coders, 2))
    return CellResult(
        code, doc, length,
        tuple(c for c, u in zip(coders, unions, strict=True) if u is not None),
        tuple(c for c, u in zip(coders, unions, strict=True) if u is None),
        None, None, None, None, None, Coincidences().result(), pairs, left_out=True,
    )


def _pair_summary(
    coder_a: CoderId, coder_b: CoderId, tables: list[Table2x2], segments: list[int]
) -> PairSummary:
    pooled = sum(tables, Table2x2())
    matched, unmatched_a, unmatched_b = segments
    total = matched + unmatched_a + unmatched_b
    return PairSummary(
        coder_a=coder_a,
        coder_b=coder_b,
        documents=len(tables),
        pooled_table=pooled,
        percent_agreement=pooled.percent_agreement,
        pooled_kappa=pooled.cohen_kappa if tables else None,
        weighted_kappa=weighted_mean_kappa(tables),
        segments_matched=matched,
        segments_unmatched_a=unmatched_a,
        segments_unmatched_b=unmatched_b,
        segment_agreement=matched / total if total else None,
    )


def set_alpha(
    doc_lengths: Mapping[DocId, int],
    codings: Iterable[tuple[DocId, CodeId, CoderId, int, int]],
    coders: Sequence[CoderId],
    codes: Sequence[CodeId],
    present: Iterable[tuple[DocId, CoderId]] | None = None,
    none_value: Value = "none",
) -> SetAlphaResult:
    """Krippendorff's α over ``codes`` taken as mutually exclusive values, all documents.

    A character's value for a coder is the code of the set covering it, ``none_value``
    when none does, and missing when two do (see ``set_value_runs``) or when the coder
    is missing in the document. Roll child codes up to their set member before calling
    if the hierarchy should count (e.g. map every coding to its top-level code).
    """
    coders = _unique(coders)
    codes = _unique(codes)
    if none_value in codes:
        raise InvalidInput("the 'none' value {value!r} is also a code of the set",
                               value=none_value)
    index = _Index(doc_lengths, codings, coders, codes, present)
    total = Coincidences()
    per_document: list[tuple[DocId, AlphaResult]] = []
    overlap_units = 0
    for doc, length in doc_lengths.items():
        by_coder: list[Mapping[CodeId, Iterable[Span]] | None] = []
        for coder in coders:
            if (doc, coder) not in index.present:
                by_coder.append(None)
            else:
                by_coder.append({code: index.unions.get((doc, code, coder), []) for code in codes})
        doc_coincidences, ambiguous = set_coincidences(length, by_coder, none_value)
        overlap_units += ambiguous
        total = total + doc_coincidences
        per_document.append((doc, doc_coincidences.result()))
    alpha = total.result()
    return SetAlphaResult(codes, none_value, alpha.alpha, alpha, tuple(per_document), overlap_units)
