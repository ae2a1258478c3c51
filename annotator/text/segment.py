"""Splitting text into words, with exact code-point offsets, Chinese and other scripts alike.

Chinese has no spaces, so the text goes to jieba-rs
(``rjieba``): its dictionary ships inside the wheel, nothing is downloaded, and it gives
jieba's part-of-speech tags; its own splitting keeps ``5G基站`` or ``T恤`` possible
dictionary words. Pieces without a Han character follow Unicode's default word boundaries
(UAX #29, the ``regex`` module's ``(?w)`` mode), so ``world's`` and ``naïve`` stay one word
and mixed Chinese/English text is handled in one pass over the text.

Offsets are code points of the text (Python ``str`` indices): 𠮷 and emoji count once.
The segmenter holds Python's interpreter lock while it cuts, so a long text is given to it
in stretches of about ``CHUNK`` characters, each ending at a character that jieba itself
separates blocks at (punctuation, a space, a line break): the words are the same, and a
window whose worker thread segments a novel stays responsive between stretches.
Each ``Segmenter`` owns its own dictionary, so two open projects never share their words.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

_HAN = regex.compile(r"\p{Han}")
_WORD_BREAK = regex.compile(r"(?wV1)\b")
_HAS_WORD_CHAR = regex.compile(r"\w")
_NUMBER = regex.compile(r"[\d.,]+")
# A stretch without Han characters that holds a letter or digit (maximal: from the Han
# character before it to the one after), for counting the words of other scripts.
_OTHER_RUN = regex.compile(r"[^\p{Han}]*[^\p{Han}\W][^\p{Han}]*")
_NOT_HAN = regex.compile(r"[^\p{Han}]")
# Where jieba starts a new block: not Han, not a letter or digit, not one of +#&._%-.
_BLOCK_END = regex.compile(r"(?rV1)[^\p{Han}\w+#&._%\-]")
CHUNK = 16_000

# jieba's tag for words outside its dictionary that are not Chinese; numbers are "m".
OTHER_SCRIPT_POS = "eng"
NUMBER_POS = "m"
# Project-dictionary words added without a tag: jieba's "other proper noun".
DICTIONARY_POS = "nz"


class Token(NamedTuple):
    """One word: ``text[start:end] == word``; ``pos`` is jieba's tag, or "" when not asked."""

    start: int
    end: int
    word: str
    pos: str = ""


_default_taken = [False]


def _new_jieba():
    """A jieba with only its own dictionary. Importing rjieba builds one (its module-level
    ``cut`` and friends use it, nothing here does): the first segmenter of the process
    takes that one instead of building a second, so the first segmentation pays for one
    dictionary build, not two (each holds the interpreter lock for 0.1–0.5 s)."""
    import rjieba  # its dictionary loads when a project first segments, not at start-up

    if not _default_taken[0]:
        _default_taken[0] = True
        return rjieba._DEFAULT_JIEBA
    return rjieba.Jieba()


class Segmenter:
    """A segmenter with its own dictionary: jieba's, plus the words ``add_word`` was given.

    An added word takes effect for the next call at once. Removing a word means building a
    new segmenter (about 0.1 s), which is what ``services.words`` does when the project
    dictionary loses a word.
    """

    def __init__(self, words: Iterable[tuple[str, str | None]] = ()) -> None:
        self._jieba = _new_jieba()
        self.added: dict[str, str | None] = {}
        for word, pos in words:
            self.add_word(word, pos)

    def add_word(self, word: str, pos: str | None = None) -> None:
        word = word.strip()
        if word and word not in self.added:
            self._jieba.add_word(word, None, pos or None)
            self.added[word] = pos

    def tokens(self, text: str, *, pos: bool = False, start: int = 0,
               end: int | None = None) -> Iterator[Token]:
        """The words of ``text[start:end]`` in order, punctuation and spaces left out.

        One call of the segmenter over the whole stretch (jieba cuts everything, Chinese
        or not, and returns pieces that cover the text exactly); the pieces without a Han
        character are joined again and split at Unicode word boundaries instead.
        """
        end = len(text) if end is None else end
        at = start
        other_from = None
        for word, tag in self._pieces(text, start, end, pos):
            nxt = at + len(word)
            if _is_han(word):
                if other_from is not None:
                    yield from _other_script(text, other_from, at, pos)
                    other_from = None
                yield Token(at, nxt, word, tag or (DICTIONARY_POS if pos else ""))
            elif other_from is None:
                other_from = at
            at = nxt
        if other_from is not None:
            yield from _other_script(text, other_from, end, pos)

    def words(self, text: str, *, start: int = 0, end: int | None = None) -> Iterator[str]:
        """The words of ``tokens`` without offsets or tags: the counting path, kept lean
        because word frequencies of a whole novel must take about a second."""
        end = len(text) if end is None else end
        at = start
        other_from = None
        for word in self._cut(text, start, end):
            if _is_han(word):
                if other_from is not None:
                    for token in _other_script(text, other_from, at, False):
                        yield token.word
                    other_from = None
                yield word
            elif other_from is None:
                other_from = at
            at += len(word)
        if other_from is not None:
            for token in _other_script(text, other_from, end, False):
                yield token.word

    def count(self, text: str, *, start: int = 0, end: int | None = None) -> Counter[str]:
        """``Counter(words(...))``, computed without a Python step per word: jieba's pieces
        are counted as they come, and the words of other scripts are found in the stretches
        without Han characters. When a dictionary word mixes Han with other characters
        (T恤, 5G基站), those stretches are not the gaps between Han pieces any more, and
        the counting goes word by word as ``words`` does."""
        end = len(text) if end is None else end
        pieces: Counter[str] = Counter()
        for a, b in stretches(text, start, end):
            pieces.update(self._jieba.cut(text[a:b]))
        han = Counter({w: n for w, n in pieces.items() if _is_han(w)})
        if _NOT_HAN.search("".join(han)):
            return Counter(self.words(text, start=start, end=end))
        for run in _OTHER_RUN.finditer(text, start, end):
            han.update(token.word for token in _other_script(text, *run.span(), False))
        return han

    def _cut(self, text: str, start: int, end: int) -> Iterator[str]:
        for a, b in stretches(text, start, end):
            yield from self._jieba.cut(text[a:b])

    def _pieces(self, text: str, start: int, end: int, pos: bool
                ) -> Iterator[tuple[str, str]]:
        for a, b in stretches(text, start, end):
            if pos:
                yield from self._jieba.tag(text[a:b])
            else:
                for word in self._jieba.cut(text[a:b]):
                    yield word, ""

    def boundaries(self, text: str, start: int = 0, end: int | None = None) -> set[int]:
        """Every offset where a word begins or ends ("whole words only" in the concordance)."""
        out: set[int] = set()
        for token in self.tokens(text, start=start, end=end):
            out.add(token.start)
            out.add(token.end)
        return out


def stretches(text: str, start: int, end: int, size: int = CHUNK
              ) -> Iterator[tuple[int, int]]:
    """``[start, end)`` in stretches of at most about ``size`` characters, each cut just
    after a block separator (so jieba cuts each exactly as it cuts the whole); a stretch
    with no separator in its second half is cut at ``size`` anyway."""
    a = start
    while end - a > size:
        m = _BLOCK_END.search(text, a + size // 2, a + size)
        b = m.end() if m else a + size
        yield a, b
        a = b
    if a < end:
        yield a, end


_SINGLE_IS_HAN: dict[str, bool] = {}


def _is_han(piece: str) -> bool:
    """Whether a piece holds a Han character. The common block is decided by comparison and
    single characters (punctuation mostly) are remembered: this runs once per piece."""
    first = piece[0]
    if "\u4e00" <= first <= "\u9fff":
        return True
    if len(piece) == 1:
        known = _SINGLE_IS_HAN.get(first)
        if known is None:
            known = _SINGLE_IS_HAN[first] = _HAN.match(first) is not None
        return known
    return _HAN.search(piece) is not None


def _other_script(text: str, start: int, end: int, pos: bool) -> Iterator[Token]:
    """UAX #29 words of a stretch without Han characters."""
    if not _HAS_WORD_CHAR.search(text, start, end):  # punctuation and spaces: most stretches
        return
    at = start
    for piece in _WORD_BREAK.split(text[start:end]):
        nxt = at + len(piece)
        if piece and _HAS_WORD_CHAR.search(piece):
            tag = ""
            if pos:
                tag = NUMBER_POS if _NUMBER.fullmatch(piece) else OTHER_SCRIPT_POS
            yield Token(at, nxt, piece, tag)
        at = nxt
