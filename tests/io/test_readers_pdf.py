"""PDF: the text layer in reading order, visible page markers, scans and encryption."""

from __future__ import annotations

import difflib
import io
import re
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from annotator.domain.text import normalise_text
from annotator.io.readers import read_document
from annotator.io.readers.pdf import page_marker
from tests.io.helpers import FIXTURES, SEED_TEXT, refused

SEED_PDF = FIXTURES / "seed-paper-zh.pdf"  # 2 pages, LibreOffice 7.4 from the seed .txt


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def without_markers(text: str) -> str:
    return re.sub(r"\n\n— \d+ —\n\n", "\n", text)




def write_pdf(path: Path, writer: PdfWriter) -> Path:
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_seed_paper_pdf_has_the_text_of_the_txt_up_to_layout() -> None:
    document = read_document(SEED_PDF)
    assert document.source_format == "pdf"
    assert document.encoding is None
    assert document.warnings == ()
    text = without_markers(document.text)
    assert squash(text) == squash(SEED_TEXT)
    ratio = difflib.SequenceMatcher(None, text, SEED_TEXT, autojunk=False).ratio()
    assert ratio > 0.95


def test_pages_are_separated_by_a_visible_marker_not_a_form_feed() -> None:
    text = read_document(SEED_PDF).text
    assert page_marker(2) == "\n\n— 2 —\n\n"
    assert text.count("— 2 —") == 1
    assert "— 1 —" not in text and "— 3 —" not in text
    assert "\f" not in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", text)  # nothing Excel would refuse
    first, second = text.split(page_marker(2))
    assert first.startswith("【经验材料】党建引领城市基层治理")
    assert second.strip() and squash(first + second) == squash(SEED_TEXT)


def test_pages_without_text_keep_their_number_and_are_reported(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(SEED_PDF))
    writer.insert_blank_page(index=1)  # page 2 of 3 is blank
    writer.add_blank_page()  # and page 4
    document = read_document(write_pdf(tmp_path / "有空白页.pdf", writer))
    assert tuple(map(str, document.warnings)) == ("2 pages without text (pages 2, 4)",)
    assert "\n\n— 2 —\n\n\n\n— 3 —\n\n" in document.text
    assert document.text.endswith("\n\n— 4 —\n\n")
    assert squash(without_markers(document.text)) == squash(SEED_TEXT)


def test_scanned_pdf_without_text_layer_is_refused() -> None:
    message = refused(FIXTURES / "scanned.pdf", "no text layer")
    assert "OCR" in message


def test_blank_pdf_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    refused(write_pdf(tmp_path / "空白.pdf", writer), "no text layer")


def test_pdf_with_a_user_password_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(SEED_PDF))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    refused(write_pdf(tmp_path / "加密 文件.pdf", writer), "password-protected")


def test_pdf_encrypted_with_an_empty_user_password_opens(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(SEED_PDF))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    document = read_document(write_pdf(tmp_path / "限制打印.pdf", writer))
    assert document.text == read_document(SEED_PDF).text


def test_aes_encrypted_pdf_reads_or_is_refused_clearly() -> None:
    """AES needs the optional ``cryptography`` package in pypdf (qpdf, AES-256, no user
    password). With it the text is read; without it the refusal says why."""
    path = FIXTURES / "structure-aes256.pdf"
    try:
        import cryptography  # noqa: F401
    except ImportError:
        refused(path, "encrypted with AES")
    else:
        assert "访谈记录" in read_document(path).text


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = SEED_PDF.read_bytes()
    for cut in (100, len(data) // 2):
        path = tmp_path / "截断.pdf"
        path.write_bytes(data[:cut])
        refused(path, "PDF")


def test_file_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    path.write_bytes((FIXTURES / "seed-paper-zh.docx").read_bytes())
    refused(path, "is not a PDF file")


def test_pdf_header_with_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 50)
    refused(path, "PDF")


def test_pdf_read_from_memory_matches_pypdf_directly() -> None:
    reader = PdfReader(io.BytesIO(SEED_PDF.read_bytes()))
    pages = [page.extract_text() for page in reader.pages]
    assert read_document(SEED_PDF).text == normalise_text(
        pages[0].strip("\n") + page_marker(2) + pages[1].strip("\n")
    )
