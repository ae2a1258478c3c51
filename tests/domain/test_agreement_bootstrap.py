"""Bootstrap intervals over documents, checked against the krippendorff package."""

import random

import krippendorff
import numpy as np
import pytest

from annotator.domain.agreement import Table2x2, code_coincidences, pair_table
from annotator.domain.agreement_bootstrap import (
    alpha_interval,
    bootstrap,
    kappa_interval,
    run_coincidences,
    run_tables,
)
from annotator.domain.errors import InvalidInput
from annotator.domain.intervals import union


def _document(rng: random.Random, length: int, coders: int, noise: float):
    """Coders who mostly mark the same passages, each missing or adding some."""
    spans = []
    pos = 0
    while pos < length - 10:
        start = pos + rng.randint(1, 20)
        end = min(length, start + rng.randint(3, 15))
        spans.append((start, end))
        pos = end
    return [[s for s in spans if rng.random() > noise] for _ in range(coders)]


def _matrix_row(length, spans):
    row = np.zeros(length)
    for start, end in spans:
        row[start:end] = 1
    return row


def test_each_replicate_is_the_pooled_alpha_of_the_drawn_documents():
    rng = random.Random(3)
    docs = [(rng.randint(50, 120), _document(rng, 100, 3, 0.3)) for _ in range(12)]
    docs = [(length, [[s for s in c if s[1] <= length] for c in coders]) for length, coders in docs]
    matrices = [code_coincidences(length, coders) for length, coders in docs]
    # The estimate equals the krippendorff package on all documents concatenated.
    data = np.hstack([np.vstack([_matrix_row(n, c) for c in coders]) for n, coders in docs])
    result = alpha_interval(matrices, resamples=200, minimum=0.667)
    assert result.estimate == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"), abs=1e-9
    )
    assert result.low <= result.estimate <= result.high
    assert result.parts == 12 and result.replicates == 200
    assert 0 <= result.below_minimum <= 1
    # Same project, same interval; another seed, another draw.
    assert alpha_interval(matrices, resamples=200, minimum=0.667) == result
    assert alpha_interval(matrices, resamples=200, seed=1) != result


def test_more_documents_narrow_the_interval_and_clear_agreement_passes_the_minimum():
    rng = random.Random(8)

    def interval(count: int, noise: float):
        matrices = [code_coincidences(200, _document(rng, 200, 2, noise)) for _ in range(count)]
        return alpha_interval(matrices, resamples=300, minimum=0.667)

    few, many = interval(5, 0.3), interval(80, 0.3)
    assert (many.high - many.low) < (few.high - few.low)
    assert interval(40, 0.02).below_minimum == 0.0
    assert interval(40, 0.7).below_minimum == 1.0


def test_kappa_interval_of_identical_documents_is_a_point():
    tables = [Table2x2(10, 2, 3, 85)] * 6 + [None]
    result = kappa_interval(tables, resamples=50)
    assert result.parts == 6
    assert result.low == pytest.approx(result.estimate)
    assert result.high == pytest.approx(result.estimate)
    assert result.estimate == pytest.approx(sum(tables[:6], Table2x2()).cohen_kappa)


def test_undefined_everywhere_gives_no_interval():
    result = kappa_interval([Table2x2(0, 0, 0, 40)] * 3, resamples=20)
    assert result.estimate is None and result.low is None and result.replicates == 0
    assert kappa_interval([], resamples=20).estimate is None


def test_bad_options_are_refused():
    with pytest.raises(InvalidInput, match="resamples"):
        bootstrap([(1.0,)], lambda v: v[0], resamples=0)
    with pytest.raises(InvalidInput, match="confidence level"):
        bootstrap([(1.0,)], lambda v: v[0], level=1.5)


def test_runs_of_one_document_add_up_to_its_counts() -> None:
    rng = random.Random(4)
    for _ in range(30):
        length = rng.randint(1, 200)
        coders = []
        for _c in range(rng.randint(2, 4)):
            spans = []
            for _s in range(rng.randint(0, 5)):
                start = rng.randrange(length)
                spans.append((start, rng.randint(start, length)))
            coders.append(union(spans))
        tables = run_tables(length, coders[0], coders[1])
        total = tables[0]
        for t in tables[1:]:
            total = total + t
        assert total == pair_table(coders[0], coders[1], length)
        parts = run_coincidences(length, coders)
        summed = parts[0]
        for part in parts[1:]:
            summed = summed + part
        expected = code_coincidences(length, coders)
        assert {k: v for k, v in summed.cells.items() if v} == expected.cells
