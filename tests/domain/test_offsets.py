import random

import pytest

from annotator.domain.offsets import Utf16Map


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", ["", "abc", "协调整合信任", "𠮷野家", "a😀b𠮷c", "😀😀😀"])
def test_every_codepoint_maps_to_the_utf16_length_of_its_prefix(text: str) -> None:
    m = Utf16Map.of(text)
    assert m.utf16_length == utf16_len(text)
    for pos in range(len(text) + 1):
        unit = m.to_utf16(pos)
        assert unit == utf16_len(text[:pos])
        assert m.to_codepoint(unit) == pos


def test_a_unit_inside_a_surrogate_pair_rounds_down_to_the_character() -> None:
    text = "信任𠮷x"
    m = Utf16Map.of(text)
    # 信=0, 任=1, 𠮷 = units 2 and 3, x = unit 4
    assert m.to_codepoint(3) == 2
    assert m.to_codepoint(4) == 3


def test_out_of_range_is_refused() -> None:
    m = Utf16Map.of("ab😀")
    with pytest.raises(ValueError):
        m.to_utf16(4)
    with pytest.raises(ValueError):
        m.to_codepoint(5)


def test_random_texts_round_trip() -> None:
    rng = random.Random(7)
    alphabet = ["a", "中", "\n", "😀", "𠮷", "é"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        m = Utf16Map.of(text)
        for pos in range(len(text) + 1):
            assert m.to_codepoint(m.to_utf16(pos)) == pos
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        assert m.astral_between(a, b) == sum(ord(c) > 0xFFFF for c in text[a:b])
