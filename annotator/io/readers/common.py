"""What every format reader shares: the result shape, the limits, and how a refusal reads.

Each format module turns the bytes of one file into an ``Extracted``; ``read_document`` in
``__init__`` adds the file facts and applies the single normalisation of DESIGN.md. Keeping
the readers on bytes (read once, up front) means no reader ever touches the file system:
nothing on disk changes, and a file that vanishes half-way cannot surprise a parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from annotator.domain.errors import ImportRefused
from annotator.messages import Msg

#: Largest file accepted at all, checked from the file's size before a byte is read.
#: 200 MiB holds any interview transcript or report with room to spare (the whole of
#: 红楼梦 is 1.7 MB in GBK), yet keeps decoding plus parsing within a laptop's memory.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Largest extracted text, in characters: some fifty times 红楼梦. A small crafted file
#: (repeated table rows and columns in an .odt) can expand into billions; every reader's
#: result is held to this, and the .odt reader counts while it expands.
MAX_TEXT_CHARS = 50_000_000


def check_text_length(length: int, name: str) -> None:
    """Refuse text beyond ``MAX_TEXT_CHARS``, saying so (nothing is imported)."""
    if length > MAX_TEXT_CHARS:
        raise refusal(
            name,
            "its text would be longer than 50 million characters — too long to import as one "
            "document (it may be a crafted file); nothing was imported",
        )


@dataclass(frozen=True)
class Extracted:
    """Text taken out of one file, before normalisation."""

    text: str
    encoding: str | None = None
    warnings: tuple[Msg, ...] = ()


def refusal(name: str, reason: str | Msg, /, **args: Any) -> ImportRefused:
    """One sentence for the user that starts with the file's name: ``"a.docx: is empty"``.

    ``reason`` is an English template filled from ``args`` (or a ``Msg`` made elsewhere),
    so the whole sentence is shown in the user's language.
    """
    why = reason if isinstance(reason, Msg) else Msg(reason, args)
    return ImportRefused("{name}: {reason}", name=name, reason=why)


def require_text(text: str, name: str) -> None:
    """A document with nothing to code in it is refused rather than stored empty."""
    if not text.strip():
        raise refusal(name, "contains no text")


#: Lines that introduce the notes appended after a document's body (.docx, .odt). Visible
#: and bilingual, so that a coder sees where the body ends and nobody mistakes them for
#: the author's words.
FOOTNOTES_MARKER = "——— 脚注 Footnotes ———"
ENDNOTES_MARKER = "——— 尾注 Endnotes ———"

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    """Lower-case roman numeral: Word and LibreOffice number endnotes i, ii, iii …"""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_surrogates(text: str) -> tuple[str, int]:
    """Join UTF-16 surrogate pairs into their character; replace lone halves with U+FFFD.

    RTF writes characters outside the BMP (𠮷, emoji) as two ``\\uN`` escapes and some
    PDF fonts map glyphs to surrogate code points; such a ``str`` cannot be encoded as
    UTF-8, so it could be neither hashed nor stored. Returns the text and how many lone
    halves were replaced.
    """
    if _SURROGATE.search(text) is None:
        return text, 0
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return joined, joined.count("\ufffd") - text.count("\ufffd")
