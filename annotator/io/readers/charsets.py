"""Turn the bytes of a text file into ``str``: a given encoding, or a detected one.

Why not simply ask a detector? Generic detectors guess from a few sampled blocks and
answer with the narrowest charset that fits them: for a GBK novel they say "GB2312" and
the decode then fails on the first character outside GB2312, and Big5 text often comes
back as GB18030 because nearly every Big5 byte pair is also a valid GBK pair. Our
researchers' files are overwhelmingly UTF-8, UTF-16 (Windows Notepad), GBK or Big5, so
those are decided here deterministically, and ``charset-normalizer`` is only asked when
none of them reads plausibly (Shift_JIS, Windows-1252, ...).

Order of detection (``detect``):

1. Byte-order mark: UTF-32, UTF-8 (reported ``"utf-8-sig"``), UTF-16 (``"utf-16"``).
   A BOM is a statement by the writing program; bytes that then fail are refused.
2. UTF-16 without a BOM, only when it looks like it: even length, NUL bytes on one side
   only (the ASCII characters of UTF-16), decoding strictly and without NULs, and what is
   not ASCII reads as common Chinese, kana or punctuation rather than as rare ideographs
   (two ASCII bytes taken as one unit: ``abc\0def\0`` is refused, not read "扡c敤f").
3. NUL bytes anywhere else: refused, "probably not a text file".
4. A charset declared by the file itself (``<meta charset>`` in HTML), decoded strictly.
5. Strict UTF-8 (pure ASCII counts as UTF-8).
6. Strict GB18030 and strict Big5 (then its supersets CP950 and Big5-HKSCS). Each reading
   that decodes cleanly is scored for plausibility: the share of its non-ASCII characters
   that are common Chinese characters (GB2312 level 1 or Big5 level 1) or CJK/full-width
   punctuation. A wrong reading of Chinese bytes produces rare characters, kana, box
   drawing and private-use code points, and scores far lower (Big5 read as GB18030:
   ~0.3; the right reading: ~1.0). The higher score wins; on a tie GB18030 wins, since
   most users write Simplified Chinese and both readings are then equally readable.
7. ``charset-normalizer`` over the whole file when no reading above scores at least
   ``PLAUSIBLE`` (Japanese, Korean, European code pages), with a warning that the
   encoding was guessed. If it finds nothing, the best low-scoring reading is used (also
   with a warning); if there is none either, the file is refused.

Decoded text with more than a few control characters is refused as "not a text file".
GBK is reported as ``"gb18030"``: GB18030 is a strict superset of GBK and GB2312 and
decodes every file they encode identically.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.messages import Msg, msg

from .common import refusal

#: A reading whose plausibility score is below this is not trusted without a second opinion.
PLAUSIBLE = 0.6

#: Scoring looks at most this many characters (three slices): enough to be sure, and it
#: keeps detection of a 200 MB file from costing seconds.
_SCORE_SAMPLE = 300_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Double-byte Chinese encodings tried after UTF-8, as families: the first member of a
#: family that decodes strictly stands for it (Big5 before its vendor supersets).
_CJK_FAMILIES: tuple[tuple[str, ...], ...] = (("gb18030",), ("big5", "cp950", "big5hkscs"))

#: C0 control characters that do not belong in text (tab, line ends, form feed, vertical
#: tab, DOS end-of-file and escape do).
_BINARY_CONTROLS = re.compile("[\x01-\x08\x0e-\x19\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    """The text of a file and the encoding it was read with."""

    text: str
    encoding: str
    warnings: tuple[Msg, ...] = ()


def decode(
    data: bytes, name: str, encoding: str | None = None, declared: str | None = None
) -> Decoded:
    """Decode ``data`` with ``encoding`` when given, otherwise with a detected encoding.

    ``declared`` is a charset the file names for itself (see ``detect``).
    """
    if encoding:
        decoded = decode_as(data, name, encoding)
    else:
        decoded = detect(data, name, declared)
        _refuse_binary(decoded.text, name)
    if "\x00" in decoded.text:
        raise refusal(name, "contains NUL bytes — probably not a text file")
    return decoded


def decode_as(data: bytes, name: str, encoding: str) -> Decoded:
    """Decode strictly with the encoding the user asked for; say where it does not fit."""
    try:
        codec = codecs.lookup(encoding).name
        text = data.decode(codec)
    except LookupError as exc:
        raise refusal(
            name, "{encoding!r} is not a known text encoding", encoding=encoding
        ) from exc
    except UnicodeDecodeError as exc:
        raise refusal(
            name,
            "the bytes at offset {offset} are not valid {codec} — "
            "choose another encoding, or leave it out to detect it",
            offset=exc.start, codec=codec,
        ) from exc
    return Decoded(text, codec)


def detect(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` with the first encoding of the module's order that fits it.

    ``declared`` is a charset named inside the file (HTML ``<meta charset>``); it is tried
    after the BOM and before any guessing, and a warning says so when it does not fit.
    """
    bom = _decode_bom(data, name)
    if bom is not None:
        return bom
    utf16 = _decode_utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise refusal(name, "contains NUL bytes — probably not a text file")

    warnings: list[Msg] = []
    if declared:
        text = _strict(data, declared)
        if text is not None:
            return Decoded(text, declared)
        warnings.append(
            msg("the declared encoding {declared} does not fit the bytes; detected",
                declared=declared)
        )

    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", tuple(warnings))

    readings = list(_cjk_readings(data))
    best = max(readings, key=lambda r: r[2], default=None)  # first of equals: GB18030
    if best is not None and best[2] >= PLAUSIBLE:
        return Decoded(best[1], best[0], tuple(warnings))

    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        codec, text = guessed
        warnings.append(_guess_warning(codec))
        return Decoded(text, codec, tuple(warnings))
    if best is not None:
        warnings.append(_guess_warning(best[0]))
        return Decoded(best[1], best[0], tuple(warnings))
    raise refusal(
        name,
        "the text encoding could not be recognised — if this is a text file, "
        "choose its encoding explicitly",
    )


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common in Chinese writing.

    1.0 for text without any non-ASCII character. Looks at three slices of a long text.
    """
    if len(text) > _SCORE_SAMPLE:
        third = _SCORE_SAMPLE // 3
        middle = len(text) // 2
        text = text[:third] + text[middle : middle + third] + text[-third:]
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii == 0:
        return 1.0
    common = _common_characters()
    return sum(map(common.__contains__, text)) / non_ascii


def _decode_bom(data: bytes, name: str) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                if codec == "utf-32":  # FF FE 00 00 may be a UTF-16 BOM and a NUL
                    continue
                raise refusal(
                    name,
                    "starts with a {bom} byte-order mark but the bytes at offset {offset} "
                    "are not valid {codec}",
                    bom=codec.removesuffix("-sig").upper(), offset=exc.start, codec=codec,
                ) from exc
    return None


def _decode_utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM is only believed when it looks like (mostly ASCII) UTF-16."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    units = len(head) // 2
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= max(2, units * 0.01) and other <= units * 0.02:
            text = _strict(data, codec)
            if text is not None and "\x00" not in text and _reads_as_utf16(text[:2048]):
                return Decoded(text, codec)
    return None


def _reads_as_utf16(head: str) -> bool:
    """Whether the characters that are not ASCII read as writing, not as byte pairs.

    Two ASCII bytes taken as one UTF-16 unit give a code point between U+2020 and U+7E7E:
    mostly rare ideographs (``abc\\0def\\0`` reads "扡c敤f"). Real UTF-16 text in the
    range up to U+9FFF is common Chinese, kana or punctuation; other scripts lie outside.
    """
    suspect = [c for c in head if "\u2000" <= c < "\ua000"]
    if not suspect:
        return True
    common = _common_characters()
    fitting = sum(c in common or "\u3040" <= c < "\u3100" for c in suspect)
    return fitting >= PLAUSIBLE * len(suspect)


def _cjk_readings(data: bytes) -> Iterable[tuple[str, str, float]]:
    for family in _CJK_FAMILIES:
        for codec in family:
            text = _strict(data, codec)
            if text is not None:
                yield codec, text, plausibility(text)
                break


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported late: only the rare path needs it

    match = from_bytes(data).best()
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.encoding).name
    except LookupError:
        return None
    text = _strict(data, codec)
    return None if text is None else (codec, text)


def _refuse_binary(text: str, name: str) -> None:
    """More than 1 % control characters (other than tab, line ends, form feed, escape …)
    means a binary file that happened to decode."""
    sample = text[:100_000]
    controls = len(_BINARY_CONTROLS.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise refusal(name, "does not look like text — probably not a text file")


def _guess_warning(codec: str) -> Msg:
    return msg(
        "the encoding was guessed as {codec}; if the text looks wrong, "
        "import the file again with its encoding chosen", codec=codec,
    )


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


@functools.cache
def _common_characters() -> frozenset[str]:
    """GB2312 level 1 (3,755 most used simplified) ∪ Big5 level 1 (5,401 most used
    traditional) characters, plus CJK, full-width and general punctuation."""
    chars: set[str] = set()
    gb_trail = range(0xA1, 0xFF)
    for lead in range(0xB0, 0xD8):
        for trail in gb_trail:
            _add_decoded(chars, bytes((lead, trail)), "gb2312")
    big5_trail = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):
        for trail in big5_trail:
            if lead == 0xC6 and trail > 0x7E:
                break
            _add_decoded(chars, bytes((lead, trail)), "big5")
    chars.update(map(chr, range(0x3000, 0x3040)))  # CJK symbols and punctuation
    chars.update(map(chr, range(0xFF01, 0xFF5F)))  # full-width forms
    chars.update(map(chr, range(0x2010, 0x2028)))  # dashes, quotes, ellipsis
    chars.add("\u00b7")  # middle dot in names
    return frozenset(chars)


def _add_decoded(chars: set[str], pair: bytes, codec: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):  # unassigned code points in the range
        chars.add(pair.decode(codec))
