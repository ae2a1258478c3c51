"""The chance-corrected family checked against published examples and statsmodels."""

import random
from collections import Counter

import numpy as np
import pytest
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

from annotator.domain.agreement import code_coincidences
from annotator.domain.agreement_family import (
    coincidence_family,
    multi_coder_family,
    two_coder_family,
)
from annotator.domain.errors import InvalidInput

# Fleiss (1971), Table 1: 30 patients, 6 psychiatrists, 5 diagnoses; κ = .430 in the paper.
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]

# Gwet (2014), Handbook of Inter-Rater Reliability, 4 raters × 12 subjects with missing
# ratings (irrCAC's cac.raw4raters): AC1 .7754, Fleiss .7612, Brennan–Prediger .7727,
# percent agreement .8182.
_ = None
GWET_4_RATERS = [
    [1, 1, _, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [_, 5, 5, 5], [_, _, 1, 1], [_, _, 3, _],
]


def _units(rows):
    return [(1, Counter(v for v in row if v is not None)) for row in rows]


def test_fleiss_1971_worked_example():
    result = multi_coder_family(_units(FLEISS_1971))
    assert round(result.scott_pi, 3) == 0.430
    assert result.units == 30 and result.categories == 5


def test_gwet_handbook_example_with_missing_ratings():
    result = multi_coder_family(_units(GWET_4_RATERS), categories=[1, 2, 3, 4, 5])
    assert round(result.gwet_ac1, 4) == 0.7754
    assert round(result.scott_pi, 4) == 0.7612
    assert round(result.brennan_prediger, 4) == 0.7727
    assert round(result.percent_agreement, 4) == 0.8182
    assert result.units == 11  # subject 12 has one rating: not pairable


def test_multi_coder_matches_statsmodels_fleiss_and_randolph_on_random_data():
    rng = random.Random(15)
    for _trial in range(40):
        raters, subjects, q = rng.randint(2, 7), rng.randint(2, 40), rng.randint(2, 5)
        rows = [[rng.randrange(q) for _ in range(raters)] for _ in range(subjects)]
        table, _cats = aggregate_raters(np.array(rows), n_cat=q)
        ours = multi_coder_family(_units(rows), categories=list(range(q)))
        expected = fleiss_kappa(table, method="fleiss")
        if np.isfinite(expected):
            assert ours.scott_pi == pytest.approx(expected, abs=1e-9)
        assert ours.brennan_prediger == pytest.approx(
            fleiss_kappa(table, method="randolph"), abs=1e-9
        )


def test_two_coders_match_statsmodels_cohen_on_random_multi_category_tables():
    rng = random.Random(1960)
    for _trial in range(40):
        q = rng.randint(2, 5)
        table = [[rng.randint(0, 20) for _ in range(q)] for _ in range(q)]
        confusion = {(i, j): table[i][j] for i in range(q) for j in range(q)}
        ours = two_coder_family(confusion, categories=list(range(q)))
        assert ours.cohen_kappa == pytest.approx(cohens_kappa(np.array(table)).kappa, abs=1e-9)
        # Scott's π of two coders is Fleiss' κ with two raters per unit.
        units = [(table[i][j], Counter([i, j])) for i in range(q) for j in range(q)]
        assert ours.scott_pi == pytest.approx(multi_coder_family(units).scott_pi, abs=1e-12)
        assert ours.gwet_ac1 == pytest.approx(
            multi_coder_family(units, categories=list(range(q))).gwet_ac1, abs=1e-12
        )


def test_high_agreement_paradox_kappa_low_ac1_and_pabak_high():
    # A code that covers little text: both coders say "no" almost everywhere.
    confusion = {(1, 1): 1, (1, 0): 4, (0, 1): 5, (0, 0): 990}
    result = two_coder_family(confusion)
    assert result.percent_agreement == pytest.approx(0.991)
    assert result.cohen_kappa < 0.2
    assert result.brennan_prediger == pytest.approx(2 * 0.991 - 1)  # PABAK
    assert result.gwet_ac1 > 0.99


def test_undefined_values_are_none_not_numbers():
    assert two_coder_family({}).cohen_kappa is None
    only_no = two_coder_family({(0, 0): 50})
    assert only_no.percent_agreement == 1.0
    assert only_no.cohen_kappa is None and only_no.scott_pi is None
    assert two_coder_family({(0, 0): 50}, categories=[0, 1]).brennan_prediger == 1.0
    lonely = multi_coder_family([(3, Counter({"a": 1}))])
    assert lonely.units == 0 and lonely.gwet_ac1 is None


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(InvalidInput, match="outside the categories"):
        two_coder_family({(0, 2): 1}, categories=[0, 1])
    with pytest.raises(InvalidInput, match="negative"):
        two_coder_family({(0, 0): -1})


def test_coincidence_family_equals_the_unit_by_unit_family_of_a_coded_document():
    rng = random.Random(71)
    for _trial in range(30):
        coders, length = rng.randint(2, 6), rng.randint(5, 300)
        spans = []
        for _ in range(coders):
            start = rng.randrange(length)
            spans.append([(start, min(length, start + rng.randint(1, 60)))])
        matrix = code_coincidences(length, spans)
        units = [
            (1, Counter(int(any(s <= i < e for s, e in c)) for c in spans))
            for i in range(length)
        ]
        ours = coincidence_family([(coders, matrix.cells)], categories=[0, 1])
        expected = multi_coder_family(units, categories=[0, 1])
        assert ours.units == pytest.approx(expected.units)
        for name in ("percent_agreement", "scott_pi", "gwet_ac1", "brennan_prediger"):
            mine, theirs = getattr(ours, name), getattr(expected, name)
            assert (mine is None) == (theirs is None)
            if mine is not None:
                assert mine == pytest.approx(theirs, abs=1e-12)
