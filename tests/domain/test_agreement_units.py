"""Units of agreement (characters, without whitespace, sentences, paragraphs) and the
segment rules, on the domain functions."""

import random

import pytest

from annotator.domain.agreement import compute_agreement, segment_agreement
from annotator.domain.agreement_units import in_units, unit_map
from annotator.domain.errors import InvalidInput


def test_whitespace_is_not_a_unit() -> None:
    text = "ab  c\n\nd e"
    m = unit_map(text, "non_whitespace")
    assert m.length == 5  # a b c d e
    assert m.span(0, 10) == (0, 5)
    assert m.span(2, 4) is None          # only spaces
    assert m.span(1, 6) == (1, 3)        # b, c (the spaces and the newline drop out)
    assert m.span(3, 8) == (2, 4)        # starting inside the spaces changes nothing
    assert unit_map(text, "characters").span(2, 4) == (2, 4)


def test_a_random_text_maps_like_counting_visible_characters() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice("字 \n\t𠮷a") for _ in range(400))
    m = unit_map(text, "non_whitespace")
    for _ in range(300):
        start = rng.randrange(400)
        end = rng.randrange(start, 401)
        visible = [i for i in range(start, end) if not text[i].isspace()]
        expected = None
        if visible:
            before = sum(not ch.isspace() for ch in text[:start])
            expected = (before, before + len(visible))
        assert m.span(start, end) == expected


def test_sentences_and_paragraphs() -> None:
    text = "居民信任党组织。社区协商！\n\n  第二段第一句；第二句。\n"
    sentences = unit_map(text, "sentences")
    assert sentences.length == 4
    assert sentences.span(0, 2) == (0, 1)              # a piece of the first sentence
    assert sentences.span(6, 10) == (0, 2)             # the end of one, start of the next
    assert sentences.span(13, 18) == (2, 3)            # leading spaces reach nothing
    assert sentences.span(13, 17) is None              # blank line and spaces only
    paragraphs = unit_map(text, "paragraphs")
    assert paragraphs.length == 2
    assert paragraphs.span(3, 4) == (0, 1) and paragraphs.span(20, 22) == (1, 2)
    with pytest.raises(InvalidInput):
        unit_map(text, "words")


def test_added_newlines_move_character_kappa_but_not_the_default_unit() -> None:
    text = "居民对党组织的信任逐步提高社区协商议事会每月召开一次"
    codings = [("d", "X", "A", 0, 12), ("d", "X", "B", 6, 20)]

    def kappa(doc_text: str, unit: str) -> float | None:
        lengths, mapped = in_units({"d": doc_text}, codings, unit)
        report = compute_agreement(lengths, mapped, ["A", "B"], ["X"])
        return report.summary("X").pooled_kappa

    padded = text + "\n" * 900
    assert kappa(padded, "characters") > kappa(text, "characters") + 0.3
    assert kappa(padded, "non_whitespace") == pytest.approx(kappa(text, "characters"))


def test_uncoded_documents_can_be_left_out() -> None:
    lengths = {"d1": 100, "d2": 100, "d3": 100}
    codings = [
        ("d1", "X", "A", 0, 50), ("d1", "X", "B", 25, 75),
        ("d2", "Y", "A", 0, 10), ("d2", "Y", "B", 0, 10),   # present in d2, X unused there
        ("d3", "X", "A", 0, 100), ("d3", "X", "B", 0, 100),
    ]
    counted = compute_agreement(lengths, codings, ["A", "B"], ["X", "Y"])
    left = compute_agreement(lengths, codings, ["A", "B"], ["X", "Y"], include_uncoded=False)
    # d2's 100 "neither" characters raise pooled κ of X when counted
    assert counted.summary("X").pair("A", "B").documents == 3
    assert left.summary("X").pair("A", "B").documents == 2
    assert counted.summary("X").pooled_kappa > left.summary("X").pooled_kappa
    cell = left.cell("X", "d2")
    assert cell.left_out and cell.table is None and cell.krippendorff_alpha is None
    assert cell.coders_missing == ()
    assert not counted.cell("X", "d2").left_out
    # Two documents whose own κ are undefined: counted, they pool to 1; left out, undefined.
    only = {"d3": 100, "d2": 100}
    rest = [c for c in codings if c[0] in only]
    assert compute_agreement(only, rest, ["A", "B"], ["X"]).summary("X").pooled_kappa == 1
    assert compute_agreement(only, rest, ["A", "B"], ["X"],
                             include_uncoded=False).summary("X").pooled_kappa is None


def test_maxqda_rule_keeps_codings_apart_and_counts_each_side() -> None:
    a = [(0, 10), (10, 20)]          # two touching codings
    b = [(0, 20)]
    merged = segment_agreement(a, b, 0.9)
    assert len(merged.matched) == 1 and merged.agreement == 1.0  # one segment [0, 20)
    maxqda = segment_agreement(a, b, 0.5, rule="maxqda")
    # each of A's codings covers half of B's: 10/20 = 0.5 ≥ 0.5, both agree; B's coding
    # agrees with its best partner: 3 agreeing segments of 3
    assert len(maxqda.matched) == 3 and maxqda.agreement == 1.0
    strict = segment_agreement(a, b, 0.9, rule="maxqda")
    assert strict.matched == () and len(strict.unmatched_a) == 2 and strict.agreement == 0.0
    # a pair that agrees counts twice: 2 of 3 (A's second coding has no partner)
    twice = segment_agreement([(0, 10), (30, 40)], [(0, 10)], 0.9, rule="maxqda")
    assert (len(twice.matched), len(twice.unmatched_a), len(twice.unmatched_b)) == (2, 1, 0)
    assert twice.agreement == pytest.approx(2 / 3)
    once = segment_agreement([(0, 10), (30, 40)], [(0, 10)], 0.9)
    assert once.agreement == pytest.approx(1 / 2)
    with pytest.raises(InvalidInput):
        segment_agreement(a, b, 0.9, rule="nvivo")


def test_maxqda_rule_in_the_report_matches_the_segment_function() -> None:
    rng = random.Random(11)
    codings = []
    for coder in ("A", "B"):
        for _ in range(30):
            start = rng.randrange(990)
            codings.append(("d", "X", coder, start, start + rng.randint(1, 10)))
    report = compute_agreement({"d": 1000}, codings, ["A", "B"], ["X"], threshold=0.6,
                               segment_rule="maxqda")
    pair = report.cell("X", "d").pairs[0]
    a = [(s, e) for _d, _c, who, s, e in codings if who == "A"]
    b = [(s, e) for _d, _c, who, s, e in codings if who == "B"]
    direct = segment_agreement(a, b, 0.6, rule="maxqda")
    assert (pair.segments_matched, pair.segments_unmatched_a, pair.segments_unmatched_b) == (
        len(direct.matched), len(direct.unmatched_a), len(direct.unmatched_b))
    assert report.segment_rule == "maxqda"
