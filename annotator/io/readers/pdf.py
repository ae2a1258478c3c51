"""PDF with a text layer: the text of each page, with a visible line between pages.

pypdf extracts each page's text in content-stream order, which for the PDFs our users
get (exported from Word, WPS or LibreOffice) is reading order, one line per printed
line. Pages are joined by a page marker line, ``page_marker(n)`` before page n:

    …last line of page 1
    (empty line)
    — 2 —
    (empty line)
    first line of page 2…

A form feed would be the classic page break, but Excel refuses control characters in
cells, so coded segments spanning a page would break the export. The marker is what a
printed Chinese page number looks like, and a coder can see and cite the page.
"""

from __future__ import annotations

import io

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from annotator.messages import Msg, msg

from .common import Extracted, refusal

_HEADER_WINDOW = 1024


def page_marker(number: int) -> str:
    """The separator placed before page ``number`` (2, 3, …)."""
    return f"\n\n— {number} —\n\n"


def read_pdf(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Extract the text layer of a PDF (``encoding`` is ignored)."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise refusal(name, "is not a PDF file")
    try:  # pypdf itself tries the empty password while opening an encrypted file
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt_with_empty_password(reader, name)
    except DependencyError as exc:  # AES without the optional ``cryptography`` package
        raise refusal(
            name,
            "is encrypted with AES, which this installation cannot decrypt — "
            "save an unprotected copy and import that",
        ) from exc
    pages: list[str] = []
    empty: list[int] = []
    unreadable: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception:  # one damaged page must not cost the others
            text = ""
            unreadable.append(number)
        text = text.strip("\n")
        if not text.strip() and number not in unreadable:
            empty.append(number)
        pages.append(text)
    if not any(page.strip() for page in pages):
        if unreadable:
            raise refusal(name, "is damaged: no page of it could be read")
        raise refusal(
            name,
            "has no text layer (it is probably a scan) — run text recognition (OCR) on it first",
        )
    joined = pages[0] + "".join(
        page_marker(number) + text for number, text in enumerate(pages[1:], start=2)
    )
    warnings = []
    if len(empty) == 1:
        warnings.append(msg("1 page without text ({pages})", pages=_page_list(empty)))
    elif empty:
        warnings.append(msg("{count} pages without text ({pages})",
                            count=len(empty), pages=_page_list(empty)))
    if len(unreadable) == 1:
        warnings.append(msg("1 page could not be read ({pages})", pages=_page_list(unreadable)))
    elif unreadable:
        warnings.append(msg("{count} pages could not be read ({pages})",
                            count=len(unreadable), pages=_page_list(unreadable)))
    return Extracted(joined, None, tuple(warnings))


def _decrypt_with_empty_password(reader: PdfReader, name: str) -> None:
    """Many PDFs are encrypted only to restrict printing and open without a password."""
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise refusal(name, "is password-protected — save an unprotected copy and import that")


def _page_list(numbers: list[int], shown: int = 10) -> Msg:
    listed = ", ".join(map(str, numbers[:shown]))
    if len(numbers) > shown:
        return msg("pages {listed} and {more} more", listed=listed, more=len(numbers) - shown)
    if len(numbers) == 1:
        return msg("page {listed}", listed=listed)
    return msg("pages {listed}", listed=listed)
