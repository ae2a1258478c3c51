"""Segmentation: exact code-point offsets, mixed scripts, the project's own words."""

from collections import Counter
from itertools import pairwise

import rjieba

from annotator.text.segment import CHUNK, Segmenter, stretches
from tests.conftest import shared_file

MIXED = "他对𠮷野家😀不信任，红色物业和一核多元。Hello world's naïve CO2 3.14 e-mail"


def test_offsets_are_code_points_and_cover_each_word() -> None:
    seg = Segmenter()
    tokens = list(seg.tokens(MIXED, pos=True))
    for t in tokens:
        assert MIXED[t.start:t.end] == t.word
    by_word = {t.word: t for t in tokens}
    # 𠮷 (outside the BMP) and the emoji count once: 不 is the 7th code point
    assert by_word["不"].start == 6
    assert by_word["𠮷"].end - by_word["𠮷"].start == 1
    assert by_word["world's"].pos == "eng" and by_word["3.14"].pos == "m"
    assert "naïve" in by_word and "CO2" in by_word
    assert [t.word for t in tokens] == list(seg.words(MIXED))


def test_added_words_take_effect_at_once_and_stay_in_their_segmenter() -> None:
    seg, other = Segmenter(), Segmenter()
    assert "红色物业" not in list(seg.words(MIXED))
    seg.add_word("红色物业")
    seg.add_word("一核多元", "n")
    words = list(seg.words(MIXED))
    assert "红色物业" in words and "一核多元" in words
    assert "红色物业" not in list(other.words(MIXED))
    tags = {t.word: t.pos for t in seg.tokens(MIXED, pos=True)}
    assert tags["红色物业"] == "nz" and tags["一核多元"] == "n"


def test_a_stretch_of_the_text_keeps_offsets_of_the_whole() -> None:
    seg = Segmenter()
    tokens = list(seg.tokens(MIXED, start=10, end=20))
    assert tokens and tokens[0].start >= 10 and tokens[-1].end <= 20
    assert all(MIXED[t.start:t.end] == t.word for t in tokens)
    assert seg.boundaries(MIXED) >= {6, 7, 9}


def test_a_long_text_cut_in_stretches_gives_the_words_of_one_cut() -> None:
    """The novel goes to jieba in stretches (so a worker thread lets the window run):
    every stretch ends at a block separator and the words are those of one whole cut."""
    novel = shared_file("corpus", "hongloumeng-gbk.txt").read_bytes().decode("gbk")
    cuts = list(stretches(novel, 0, len(novel)))
    assert len(cuts) > 40 and cuts[0][0] == 0 and cuts[-1][1] == len(novel)
    assert all(b - a <= CHUNK for a, b in cuts)
    assert all(a == b for (_, a), (b, _) in pairwise(cuts))
    seg = Segmenter()
    whole = rjieba.Jieba().cut(novel)
    han = [w for w in whole if any("\u4e00" <= c <= "\u9fff" for c in w)]
    assert [w for w in seg.words(novel) if any("\u4e00" <= c <= "\u9fff" for c in w)] == han
    # a line with no separator at all is still cut, at the stretch size
    assert list(stretches("好" * 40_000, 0, 40_000)) == [
        (0, CHUNK), (CHUNK, 2 * CHUNK), (2 * CHUNK, 40_000)]


def test_counting_gives_the_words_one_by_one() -> None:
    """``count`` (pieces counted at once, other scripts found in the gaps) is exactly the
    Counter of ``words``, on the novel, the seed paper, mixed text, a stretch, and with a
    dictionary word that mixes Han with Latin (the word-by-word path then)."""
    novel = shared_file("corpus", "hongloumeng-gbk.txt").read_bytes().decode("gbk")
    paper = shared_file("corpus", "seed-paper-zh.txt").read_text("utf-8")
    seg = Segmenter([("红色物业", None)])
    for text in (novel, paper, MIXED, "abc", "", "。。", "a中b"):
        assert seg.count(text) == Counter(seg.words(text))
    assert seg.count(paper, start=100, end=5000) == Counter(
        seg.words(paper, start=100, end=5000))
    mixed = Segmenter([("T恤", None)])
    text = "我买了T恤，abc T恤衫 def"
    assert mixed.count(text) == Counter(mixed.words(text))
    assert mixed.count(text)["T恤"] == 1 and mixed.count(text)["abc"] == 1
