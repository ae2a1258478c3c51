"""Krippendorff's unitizing α family against hand arithmetic and, where it reduces to
plain α, against the ``krippendorff`` package."""

import random

import krippendorff
import numpy as np
import pytest

from annotator.domain.agreement import compute_agreement
from annotator.domain.agreement_unitizing import GAP, unitizing_alpha
from annotator.domain.errors import InvalidInput


def test_one_code_by_hand() -> None:
    # L = 10, A's unit [0, 4), B's [2, 6). Ordered pairs A→B and B→A:
    # l_cc = 2 + 2, l_c∅ = l_∅c = 2 + 2, l_∅∅ = 4 + 4; l·· = 20, l_c· = 8, l_∅· = 12.
    # S_c = 4² + 4² = 32 (units are indivisible), S_∅ = 6 + 6 = 12 (gaps are not).
    # e_cc = 20 (64 − 32) / 356, e_∅∅ = 20 (144 − 12) / 356
    # uα = 1 − 8 / (20 − 3280/356) = 1 − 2848/3840 = 31/120
    family = unitizing_alpha([(10, [[(0, 4, "c")], [(2, 6, "c")]])])
    assert family.u_alpha == pytest.approx(31 / 120)
    assert family.binary_alpha == pytest.approx(31 / 120)  # one value: |uα = uα
    assert family.cu_alpha is None                        # needs two values
    assert family.pairable == 20
    # the same counts as compute_agreement holds for the code
    report = compute_agreement({"d": 10}, [("d", "X", "A", 0, 4), ("d", "X", "B", 2, 6)],
                               ["A", "B"], ["X"])
    assert report.summary("X").unitizing_alpha == pytest.approx(31 / 120)
    assert report.cell("X", "d").unitizing_alpha == pytest.approx(31 / 120)
    # character α counts each character as a unit: here it is lower, 1 − 0.4 · 380/192
    assert report.summary("X").krippendorff_alpha == pytest.approx(1 - 0.4 * 380 / 192)


def test_coding_given_units_by_hand() -> None:
    # A: c [0, 5), k [5, 10); B: c [0, 5), c [5, 10). No gaps.
    # l_cc = 10, l_ck = l_kc = 5; Q_c = 25 + 25 + 25, Q_k = 25; scale = 20 − 100/20 = 15
    # e_cc = (225 − 75)/15 = 10, e_kk = (25 − 25)/15 = 0: cuα = 1 − 10/10 = 0,
    # as plain α on two units rated (c, c) and (k, c).
    family = unitizing_alpha([(10, [[(0, 5, "c"), (5, 10, "k")],
                                    [(0, 5, "c"), (5, 10, "c")]])])
    assert family.cu_alpha == pytest.approx(0.0)
    plain = krippendorff.alpha(reliability_data=[[1, 2], [1, 1]],
                               level_of_measurement="nominal")
    assert family.cu_alpha == pytest.approx(plain)
    by_value = {v.value: v for v in family.values}
    assert by_value["c"].coverage == 1.0 and by_value["k"].coverage == 1.0


def test_units_of_one_character_give_character_alpha() -> None:
    """With every unit one character long, S counts each once, as α's n_c(n_c − 1)."""
    rng = random.Random(5)
    for _ in range(20):
        length, coders = rng.randint(5, 40), rng.randint(2, 4)
        rows = [[rng.choice(["c", "k", GAP, GAP]) for _ in range(length)]
                for _ in range(coders)]
        units = [[(i, i + 1, v) for i, v in enumerate(row) if v != GAP] for row in rows]
        family = unitizing_alpha([(length, units)])
        codes = {"c": 1, "k": 2, GAP: 0}
        data = np.array([[codes[v] for v in row] for row in rows], dtype=float)
        if len(np.unique(data)) < 2:
            assert family.u_alpha is None
            continue
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert family.u_alpha == pytest.approx(expected, abs=1e-9)


def test_shared_units_give_plain_alpha_over_the_units() -> None:
    """Coders who mark the same units of one length and only differ on values: cuα is α
    of the units' values (Krippendorff's coding of given units)."""
    rng = random.Random(8)
    for _ in range(20):
        count, size, coders = rng.randint(3, 12), rng.randint(1, 6), rng.randint(2, 5)
        values = [[rng.choice("abc") for _ in range(count)] for _ in range(coders)]
        units = [[(u * size, (u + 1) * size, row[u]) for u in range(count)] for row in values]
        family = unitizing_alpha([(count * size, units)])
        data = np.array([[ord(v) for v in row] for row in values], dtype=float)
        if len(np.unique(data)) < 2:
            continue
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert family.cu_alpha == pytest.approx(expected, abs=1e-9)


def test_missing_coders_documents_and_bad_units() -> None:
    one = (10, [[(0, 4, "c")], [(2, 6, "c")], None])
    alone = (8, [[(0, 8, "c")], None, None])  # one coder present: takes no part
    assert unitizing_alpha([one, alone]) == unitizing_alpha([one])
    assert unitizing_alpha([alone]).u_alpha is None
    with pytest.raises(InvalidInput):
        unitizing_alpha([(10, [[(0, 5, "c"), (3, 8, "k")], []])])
    with pytest.raises(InvalidInput):
        unitizing_alpha([(10, [[(0, 12, "c")], []])])
