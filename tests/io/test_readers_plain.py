"""Plain text and Markdown: encodings detected or given, on real Chinese documents."""

from __future__ import annotations

import codecs
import random
import re
from pathlib import Path

import pytest

from annotator.domain.errors import ImportRefused
from annotator.domain.text import normalise_text
from annotator.io.readers import read_document
from tests.io.helpers import FIXTURES, ROOT, SEED

HANT = FIXTURES / "seed-paper-zh-hant.txt"  # the seed paper in Traditional (Taiwan) script
HONGLOUMENG = ROOT.parent / "shared" / "corpus" / "hongloumeng-gbk.txt"

SEED_TEXT = normalise_text(SEED.read_text(encoding="utf-8"))
HANT_TEXT = normalise_text(HANT.read_text(encoding="utf-8"))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *words: str, encoding: str | None = None) -> str:
    """Reading ``path`` raises ImportRefused (and nothing else) naming the file and problem."""
    with pytest.raises(ImportRefused) as info:
        read_document(path, encoding)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    for word in words:
        assert word in message
    return message


# --- the real GBK novel -------------------------------------------------------------


def test_hongloumeng_reads_as_gbk_with_every_character() -> None:
    if not HONGLOUMENG.exists():
        pytest.skip(f"{HONGLOUMENG} is not on this machine (shared corpus missing)")
    data = HONGLOUMENG.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # the trap: a detector answering GB2312 fails here
    document = read_document(HONGLOUMENG)
    assert len(document.text) == 882_440
    assert document.encoding in ("gb18030", "gbk")
    assert document.source_format == "txt"
    assert document.source_size == 1_746_751
    assert document.warnings == ()
    assert "贾宝玉" in document.text and "林黛玉" in document.text
    assert document.text == normalise_text(data.decode("gb18030"))


# --- the seed paper in every encoding a researcher's machine produces -----------------

VARIANTS = {
    "utf-8": (SEED_TEXT.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "utf-8-sig"),
    "utf-16 LE with BOM": (codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"), "utf-16"),
    "utf-16 BE with BOM": (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16"),
    "gb18030": (SEED_TEXT.encode("gb18030"), "gb18030"),
    "utf-8 CRLF": (SEED_TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "utf-8 CR": (SEED_TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),
    "gb18030 CRLF": (SEED_TEXT.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
    "utf-16 LE BOM CRLF": (
        codecs.BOM_UTF16_LE + SEED_TEXT.replace("\n", "\r\n").encode("utf-16-le"),
        "utf-16",
    ),
    "utf-8 BOM CRLF": (
        codecs.BOM_UTF8 + SEED_TEXT.replace("\n", "\r\n").encode("utf-8"),
        "utf-8-sig",
    ),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_paper_reads_the_same_in_every_encoding(tmp_path: Path, variant: str) -> None:
    data, encoding = VARIANTS[variant]
    document = read_document(write(tmp_path, "种子 论文.txt", data))
    assert document.text == SEED_TEXT
    assert document.encoding == encoding
    assert document.source_size == len(data)
    assert document.source_name == "种子 论文.txt"
    assert "\r" not in document.text and "\ufeff" not in document.text


def test_seed_paper_file_itself(tmp_path: Path) -> None:
    document = read_document(SEED)
    assert document.text == SEED_TEXT
    assert document.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_when_it_looks_like_it(tmp_path: Path, codec: str) -> None:
    text = "Interview 01, 访谈记录\nQ: How long have you lived here?\nA: 十年了。\n" * 20
    document = read_document(write(tmp_path, "a.txt", text.encode(codec)))
    assert document.text == text
    assert document.encoding == codec


def test_markdown_is_read_as_its_source(tmp_path: Path) -> None:
    source = "# 访谈提纲\n\n- **协调**：多主体协同\n- [链接](https://example.org)\n"
    document = read_document(write(tmp_path, "提纲.md", source.encode("gb18030")))
    assert document.text == source
    assert document.source_format == "md"
    assert document.encoding == "gb18030"


# --- Big5 against GB18030 -------------------------------------------------------------


def test_traditional_chinese_in_big5_is_not_misread_as_gb18030(tmp_path: Path) -> None:
    data = HANT_TEXT.encode("big5")
    data.decode("gb18030")  # the trap: these Big5 bytes are also valid GB18030
    document = read_document(write(tmp_path, "繁體.txt", data))
    assert document.text == HANT_TEXT
    assert document.encoding in ("big5", "cp950", "big5hkscs")


def test_traditional_chinese_in_gb18030_stays_gb18030(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "繁體.txt", HANT_TEXT.encode("gb18030")))
    assert document.text == HANT_TEXT
    assert document.encoding == "gb18030"


@pytest.mark.parametrize(
    "text",
    ["人人生而自由，在尊嚴和權利上一律平等。", "學而時習之，不亦說乎？", "中文", "臺灣"],
)
def test_short_big5_texts(tmp_path: Path, text: str) -> None:
    document = read_document(write(tmp_path, "t.txt", text.encode("big5")))
    assert document.text == text
    assert document.encoding == "big5"


@pytest.mark.parametrize("text", ["党建引领城市基层治理", "我们的国家", "你好", "信任、协调与整合"])
def test_short_gb18030_texts(tmp_path: Path, text: str) -> None:
    document = read_document(write(tmp_path, "t.txt", text.encode("gb18030")))
    assert document.text == text
    assert document.encoding == "gb18030"


def test_gb18030_four_byte_characters(tmp_path: Path) -> None:
    text = "扩展字符𠮷与表情😀，以及“党建”。"
    document = read_document(write(tmp_path, "t.txt", text.encode("gb18030")))
    assert document.text == text
    assert document.encoding == "gb18030"


# --- other code pages: charset-normalizer's guess, with a warning ---------------------


def test_shift_jis_is_guessed_with_a_warning(tmp_path: Path) -> None:
    text = "これは日本語の文章です。東京都に住んでいます。インタビューの記録。"
    document = read_document(write(tmp_path, "t.txt", text.encode("shift_jis")))
    assert document.text == text
    assert document.encoding in ("shift_jis", "cp932")
    assert any("guessed" in warning for warning in map(str, document.warnings))


def test_windows_1252_is_guessed_with_a_warning(tmp_path: Path) -> None:
    text = "Grüße aus München: schöne Äpfel, Öl für die Küche und die Straße."
    document = read_document(write(tmp_path, "t.txt", text.encode("cp1252")))
    assert document.text == text
    assert any("guessed" in warning for warning in map(str, document.warnings))


# --- an explicit encoding -------------------------------------------------------------


def test_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    data = "你好".encode("gb18030")  # detection reads GB18030 ...
    document = read_document(write(tmp_path, "t.txt", data), encoding="big5")
    assert document.text == data.decode("big5")  # ... but the user said Big5
    assert document.encoding == "big5"


@pytest.mark.parametrize(
    ("label", "codec", "reported"),
    [
        ("GBK", "gbk", "gbk"),
        ("gb18030", "gb18030", "gb18030"),
        ("big5", "big5", "big5"),
        ("UTF8", "utf-8", "utf-8"),
        ("utf-16", "utf-16", "utf-16"),
    ],
)
def test_explicit_encodings_read_the_seed_paper(
    tmp_path: Path, label: str, codec: str, reported: str
) -> None:
    text = HANT_TEXT if codec == "big5" else SEED_TEXT
    document = read_document(write(tmp_path, "t.txt", text.encode(codec)), encoding=label)
    assert document.text == text
    assert document.encoding == reported


def test_explicit_utf8_on_a_file_with_bom_drops_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", codecs.BOM_UTF8 + "访谈".encode())
    assert read_document(path, encoding="utf-8").text == "访谈"


def test_bytes_invalid_in_the_asked_encoding_are_refused_with_their_offset(
    tmp_path: Path,
) -> None:
    data = SEED_TEXT.encode("gb18030")
    with pytest.raises(UnicodeDecodeError) as expected:
        data.decode("utf-8")
    path = write(tmp_path, "访谈 02.txt", data)
    message = refused(path, "utf-8", f"offset {expected.value.start}", encoding="utf-8")
    assert "not valid" in message


def test_gbk_bytes_asked_as_big5_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", SEED_TEXT.encode("gbk"))
    refused(path, "big5", "offset", encoding="big5")


@pytest.mark.parametrize("label", ["klingon", "base64", "rot13"])
def test_unknown_or_non_text_encodings_are_refused(tmp_path: Path, label: str) -> None:
    refused(write(tmp_path, "t.txt", b"abc"), label, "not a known text encoding", encoding=label)


# --- bad text files -------------------------------------------------------------------


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", "访谈记录".encode() + b"\x00\x00" + b"more text")
    refused(path, "contains NUL bytes", "probably not a text file")


def test_nul_bytes_are_refused_with_an_explicit_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", b"text\x00text")
    refused(path, "contains NUL bytes", encoding="utf-8")


def test_a_word_document_renamed_txt_is_refused(tmp_path: Path) -> None:
    data = (FIXTURES / "seed-paper-zh.docx").read_bytes()
    refused(write(tmp_path, "报告.txt", data), "probably not a text file")


def test_a_pdf_renamed_txt_is_refused(tmp_path: Path) -> None:
    data = (FIXTURES / "seed-paper-zh.pdf").read_bytes()
    refused(write(tmp_path, "报告.txt", data), "not a text file")


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    rnd = random.Random(20240501)
    data = bytes(rnd.randrange(1, 256) for _ in range(4096))
    message = refused(write(tmp_path, "noise.txt", data))
    assert re.search(r"not a text file|could not be recognised", message)


def test_control_characters_are_refused_as_binary(tmp_path: Path) -> None:
    rnd = random.Random(7)
    data = bytes(rnd.choice([1, 2, 3, 4, 5, 6, 65, 66, 67]) for _ in range(2000))
    refused(write(tmp_path, "t.txt", data), "not a text file")  # valid UTF-8, yet binary
    refused(write(tmp_path, "t.txt", data + "中文".encode("gb18030")), "not a text file")


def test_broken_utf16_after_a_bom_is_refused(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "访谈".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    refused(write(tmp_path, "t.txt", data), "byte-order mark", "offset")


def test_empty_text_file_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, "空.txt", b""), "is empty")


@pytest.mark.parametrize("data", [b"   \n\r\n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_text_file_without_text_is_refused(tmp_path: Path, data: bytes) -> None:
    refused(write(tmp_path, "空白.txt", data), "contains no text")
