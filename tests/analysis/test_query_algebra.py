"""The interval algebra of coding queries, on spans and on real sentences."""

from annotator.domain.query import Reach, combine, unit_bounds


def test_and_is_the_overlap_or_the_union_not_the_rest() -> None:
    a = [(0, 10), (20, 30)]
    b = [(5, 25)]
    assert combine("and", a, b) == [(5, 10), (20, 25)]
    assert combine("or", a, b) == [(0, 30)]
    assert combine("not", a, b) == [(0, 5), (25, 30)]
    assert combine("not", b, a) == [(10, 20)]
    assert combine("and", a, []) == []
    assert combine("not", a, []) == a


def test_not_with_several_holes_in_one_passage() -> None:
    assert combine("not", [(0, 100)], [(10, 20), (30, 40), (95, 120)]) == [
        (0, 10), (20, 30), (40, 95)]


def test_near_within_characters_counts_the_gap() -> None:
    a = [(0, 10)]
    b = [(15, 20), (40, 50)]
    assert combine("near", a, b, Reach("chars", 5)) == [(0, 10), (15, 20)]
    assert combine("near", a, b, Reach("chars", 4)) == []
    assert combine("near", a, b, Reach("chars", 30)) == [(0, 10), (15, 20), (40, 50)]
    # B before A is near too; touching passages are 0 apart
    assert combine("near", [(20, 30)], [(10, 20)], Reach("chars", 0)) == [(10, 30)]


def test_followed_by_needs_b_after_a() -> None:
    a = [(10, 20)]
    assert combine("followed_by", a, [(0, 5)], Reach("chars", 100)) == []
    assert combine("followed_by", a, [(25, 30)], Reach("chars", 5)) == [(10, 30)]
    assert combine("followed_by", a, [(26, 30)], Reach("chars", 5)) == []


def test_sentences_and_paragraphs_of_chinese_text() -> None:
    text = "他说：“走吧。”她没有回答。\n第二段开始了！还有一句"
    assert unit_bounds(text, "sentence") == [8, 14, 15, 22, 26]
    assert unit_bounds(text, "paragraph") == [15, 26]
    a = [(0, 2)]                        # 他说
    b = [(8, 10)]                       # 她没 (next sentence, same paragraph)
    c = [(16, 18)]                      # 二段 (next paragraph)
    assert combine("near", a, b, Reach("sentence"), text) == []
    assert combine("near", a, b, Reach("paragraph"), text) == [(0, 2), (8, 10)]
    assert combine("near", a, c, Reach("paragraph"), text) == []
    assert combine("followed_by", a, b, Reach("paragraph"), text) == [(0, 10)]


def test_offsets_are_code_points_beyond_the_bmp() -> None:
    text = "𠮷野家😀很好。𠮷😀不好"
    good = text.index("很好")
    assert good == 4                    # 𠮷 and 😀 count once each
    assert unit_bounds(text, "sentence") == [7, len(text)]
    assert combine("near", [(0, 1)], [(good, good + 2)], Reach("sentence"), text) == [
        (0, 1), (4, 6)]
