"""The shipped stop-word lists (zh, en) and reading a user's stop-word file.

The defaults are package data (``annotator/text/stopwords/*.txt``), read with
``importlib.resources`` so they are found in a wheel and in the frozen bundle alike. A
project keeps only its changes to them (words added, defaults removed), so a better
default list in a later version still reaches old projects.
"""

from functools import cache
from importlib.resources import files

from annotator.domain.errors import ImportRefused

STOP_LANGUAGES = ("zh", "en")
MAX_STOPWORD_FILE = 5 * 1024 * 1024


@cache
def default_stopwords(language: str) -> frozenset[str]:
    """The shipped list for ``zh`` or ``en``."""
    text = files("annotator.text").joinpath("stopwords", f"{language}.txt").read_text("utf-8")
    return frozenset(parse_word_list(text))


def parse_word_list(text: str) -> list[str]:
    """One word a line; blank lines and lines starting with ``#`` are left out."""
    out = []
    for line in text.splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            out.append(word)
    return out


def read_word_file(data: bytes, name: str) -> list[str]:
    """The words of a stop-word (or dictionary) file, in any encoding the importer knows.

    UTF-8 with or without BOM, UTF-16 with BOM and GB18030/GBK are detected the same way
    documents are; a file that is binary, too big or in no recognisable encoding is refused
    with a sentence that names it, before anything changes.
    """
    from annotator.io.readers.charsets import decode

    if len(data) > MAX_STOPWORD_FILE:
        raise ImportRefused("{name}: a word list of {size} bytes is too big (at most 5 MB)",
                            name=name, size=len(data))
    if not data.strip():
        raise ImportRefused("{name}: the word list is empty", name=name)
    words = parse_word_list(decode(data, name).text)
    if not words:
        raise ImportRefused("{name}: the word list is empty", name=name)
    return words
