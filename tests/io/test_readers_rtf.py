"""RTF: read through striprtf where it is installed, otherwise refused with advice."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from annotator.io.readers import read_document, rtf
from tests.io.helpers import FIXTURES, SEED_TEXT, refused

SEED_RTF = FIXTURES / "seed-paper-zh.rtf"  # LibreOffice 7.4 from the seed .txt




def rtf_unicode(text: str) -> str:
    """``\\uN?`` escapes of ``text``'s UTF-16 code units, as Word writes them."""
    units = text.encode("utf-16-le")
    escapes = []
    for index in range(0, len(units), 2):
        unit = int.from_bytes(units[index : index + 2], "little")
        escapes.append(f"\\u{unit - 65536 if unit > 32767 else unit}?")
    return "".join(escapes)


def test_without_striprtf_rtf_is_refused_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "striprtf", None)
    monkeypatch.setitem(sys.modules, "striprtf.striprtf", None)
    assert not rtf.available()
    message = refused(SEED_RTF, "RTF", ".docx")
    assert "save it as .docx" in message


def test_seed_paper_rtf() -> None:
    pytest.importorskip("striprtf", reason="striprtf is an optional dependency")
    document = read_document(SEED_RTF)
    assert document.source_format == "rtf"
    assert re.sub(r"\s", "", document.text) == re.sub(r"\s", "", SEED_TEXT)


def test_characters_outside_the_bmp_are_joined(tmp_path: Path) -> None:
    pytest.importorskip("striprtf", reason="striprtf is an optional dependency")
    source = "{\\rtf1\\ansi\\ansicpg936\\uc1 " + rtf_unicode("扩展字符𠮷与表情😀。") + "\\par}"
    path = tmp_path / "ext.rtf"
    path.write_text(source, encoding="ascii")
    document = read_document(path)
    assert document.text.strip() == "扩展字符𠮷与表情😀。"
    assert document.warnings == ()


def test_table_cells_are_separated_by_tabs(tmp_path: Path) -> None:
    pytest.importorskip("striprtf", reason="striprtf is an optional dependency")
    source = (
        "{\\rtf1\\ansi \\trowd\\cellx1000\\cellx2000 "
        + rtf_unicode("编码")
        + "\\cell "
        + rtf_unicode("定义")
        + "\\cell \\row "
        + "\\trowd\\cellx1000\\cellx2000 a\\cell b\\cell \\row }"
    )
    path = tmp_path / "t.rtf"
    path.write_text(source, encoding="ascii")
    assert read_document(path).text.strip() == "编码\t定义\na\tb"


def test_file_that_is_not_rtf_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("striprtf", reason="striprtf is an optional dependency")
    path = tmp_path / "x.rtf"
    path.write_text("plain text", encoding="utf-8")
    refused(path, "is not an RTF file")
