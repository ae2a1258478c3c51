"""The position index the document view highlights from."""

import random

from annotator.ui.spans import Span, SpanIndex


def _brute(spans: list[Span], a: int, b: int) -> list[Span]:
    return sorted(s for s in spans if s.start < b and s.end > a)


def test_lookups_match_a_brute_force_scan() -> None:
    rnd = random.Random(7)
    spans = []
    for i in range(2000):
        start = rnd.randrange(0, 50_000)
        length = rnd.choice([1, 5, 40, 300, 3000, 20_000])
        spans.append(Span(start, start + length, rnd.randrange(5), rnd.randrange(2), i))
    index = SpanIndex(spans)
    rows = sorted(((s.coding_id, s.code_id, s.coder_id, s.start, s.end) for s in spans),
                  key=lambda r: r[3])
    from_rows = SpanIndex.from_rows(rows)
    assert len(index) == len(from_rows) == 2000
    for _ in range(300):
        a = rnd.randrange(0, 70_000)
        b = a + rnd.choice([1, 10, 200, 5000])
        assert index.overlapping(a, b) == _brute(spans, a, b)
        assert sorted(from_rows.overlapping(a, b)) == _brute(spans, a, b)


def test_add_and_remove() -> None:
    index = SpanIndex()
    index.add(Span(10, 20, 1, 1, 1))
    index.add(Span(10, 15, 2, 1, 2))
    index.add(Span(0, 100_000, 3, 1, 3))
    assert [s.coding_id for s in index.at(12)] == [3, 2, 1] or \
        {s.coding_id for s in index.at(12)} == {1, 2, 3}
    assert index.has(2, 10) and index.has(3, 0) and not index.has(2, 11)
    assert index.remove(2, 10).coding_id == 2
    assert index.remove(2, 10) is None
    assert index.remove(3, 0).coding_id == 3
    assert [s.coding_id for s in index.overlapping(0, 50)] == [1]
    assert index.at(20) == []


def test_conversion_to_utf16() -> None:
    from annotator.domain.offsets import Utf16Map

    text = "𠮷a😀bc"
    m = Utf16Map.of(text)
    index = SpanIndex.from_rows([(1, 1, 1, 1, 3)], m.to_utf16)
    [span] = index.at(2)
    assert (span.start, span.end) == (2, 5)  # "a😀" in UTF-16 units
