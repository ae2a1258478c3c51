"""A report updated for changed codings equals the report computed again from scratch."""

import random

import pytest

from annotator.domain.agreement import compute_agreement_parts, update_agreement

LENGTHS = {"d1": 400, "d2": 300, "d3": 250}
CODERS = ["ann", "ben", "cai"]
CODES = ["x", "y", "z"]


def _random_codings(rng: random.Random, n: int) -> list[tuple]:
    out = []
    for _ in range(n):
        doc = rng.choice(list(LENGTHS))
        start = rng.randrange(0, LENGTHS[doc] - 20)
        out.append((doc, rng.choice(CODES), rng.choice(CODERS), start,
                    start + rng.randint(1, 20)))
    return out


def _present(codings: list[tuple]) -> set[tuple]:
    return {(d, c) for d, _code, c, s, e in codings if e > s}


def _touched(before: list[tuple], after: list[tuple], report_codes) -> set[tuple]:
    """What the window knows from the change record: the codings' (code, document), and
    every code of a document where someone's presence changed."""
    changed = set(before) ^ set(after)
    touched = {(code, doc) for doc, code, *_rest in changed}
    old, new = _present(before), _present(after)
    for doc in {d for d, *_r in changed}:
        if {p for p in old if p[0] == doc} != {p for p in new if p[0] == doc}:
            touched |= {(code, doc) for code in report_codes}
    return touched


@pytest.mark.parametrize("include_uncoded", [True, False])
@pytest.mark.parametrize("rule", ["pairs", "maxqda"])
def test_an_updated_report_equals_one_computed_again(include_uncoded: bool, rule: str) -> None:
    rng = random.Random(11)
    codings = _random_codings(rng, 60)
    # ben has not coded d3 yet: his first coding there makes him present in it
    codings = [c for c in codings if not (c[0] == "d3" and c[2] == "ben")]
    report, parts = compute_agreement_parts(LENGTHS, codings, CODERS, CODES,
                                            include_uncoded=include_uncoded,
                                            segment_rule=rule)
    for step in range(12):
        before = list(codings)
        if step % 3 == 2 and codings:
            codings.pop(rng.randrange(len(codings)))  # an undo
        else:
            codings += _random_codings(rng, 1 + step % 2)
        if step == 4:
            codings.append(("d3", "z", "ben", 10, 60))
        touched = _touched(before, codings, report.codes)
        docs = {d for _c, d in touched}
        report, parts = update_agreement(
            report, parts, LENGTHS, [c for c in codings if c[0] in docs],
            [p for p in _present(codings) if p[0] in docs], touched,
            include_uncoded=include_uncoded)
        again, _ = compute_agreement_parts(LENGTHS, codings, CODERS, CODES,
                                           include_uncoded=include_uncoded,
                                           segment_rule=rule)
        assert report == again, f"step {step}"


def test_nothing_touched_keeps_the_report() -> None:
    codings = _random_codings(random.Random(3), 20)
    report, parts = compute_agreement_parts(LENGTHS, codings, CODERS, CODES)
    assert update_agreement(report, parts, LENGTHS, codings, _present(codings),
                            [("unknown code", "d1")])[0] is report
