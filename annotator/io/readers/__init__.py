"""Read a document file into the text a project stores: ``read_document(path)``.

One entry point for every format, chosen by the file's suffix (case-insensitive):

======================  ==========  ===============================================
suffix                  format      module
======================  ==========  ===============================================
.txt                    txt         ``plain`` (encoding detected, see ``charsets``)
.md, .markdown          md          ``plain`` (the Markdown source, not rendered)
.docx                   docx        ``docx``
.pdf                    pdf         ``pdf`` (text layer; pages marked ``— 2 —``)
.odt                    odt         ``odt``
.html, .htm             html        ``html`` (visible text only)
.rtf                    rtf         ``rtf`` (only when ``striprtf`` is installed)
======================  ==========  ===============================================

Guarantees, whatever the file:

* the file is read once, into memory, and never written, renamed or locked;
* its size is checked against ``MAX_FILE_BYTES`` before a byte is read;
* every problem with the file — missing, unreadable, empty, too large, damaged, of
  another kind than its suffix says, a zip bomb, encrypted, without text — raises
  ``ImportRefused`` with one sentence that starts with the file's name. Library errors
  are caught at this boundary and turned into such a sentence (the original is kept as
  the exception's ``__cause__`` for logs); no other exception leaves for a bad file;
* the text is normalised exactly once, by ``normalise_text`` (BOM dropped, CRLF/CR →
  LF), so offsets into it are stable.
"""

from __future__ import annotations

import importlib
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.domain.errors import ImportRefused
from annotator.domain.text import normalise_text
from annotator.messages import Msg, msg
from annotator.store.file_errors import os_reason

from . import rtf
from .common import (
    MAX_FILE_BYTES,
    Extracted,
    check_text_length,
    refusal,
    repair_surrogates,
)
from .plain import read_plain

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "ReadDocument", "read_document"]


@dataclass(frozen=True)
class ReadDocument:
    """A document's text as it will be stored, and where it came from."""

    text: str  # normalised with normalise_text, ready to store
    source_name: str  # file name only, e.g. "访谈 01.docx"
    source_size: int  # bytes
    source_format: str  # "txt" | "md" | "docx" | "pdf" | "odt" | "html" | "rtf"
    encoding: str | None  # text encoding for txt/md/html, None for the other formats
    warnings: tuple[Msg, ...] = ()  # e.g. "3 pages without text (pages 2, 5, 9)"


_Reader = Callable[[bytes, str, "str | None"], Extracted]


def _on_first_use(module: str, function: str) -> _Reader:
    """The reader ``function`` of ``.module``, imported when a file of its kind is read:
    python-docx, pypdf, odfpy and lxml.html would otherwise slow every start-up."""

    def read(data: bytes, name: str, encoding: str | None = None) -> Extracted:
        reader = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        return reader(data, name, encoding)

    return read


read_docx = _on_first_use("docx", "read_docx")
read_html = _on_first_use("html", "read_html")
read_odt = _on_first_use("odt", "read_odt")
read_pdf = _on_first_use("pdf", "read_pdf")

_TEXT_FILE = msg("a text file")
_WEB_PAGE = msg("a web page")
#: suffix → (format, reader, what the file should be, for messages)
_FORMATS: dict[str, tuple[str, _Reader, Msg]] = {
    ".txt": ("txt", read_plain, _TEXT_FILE),
    ".md": ("md", read_plain, _TEXT_FILE),
    ".markdown": ("md", read_plain, _TEXT_FILE),
    ".docx": ("docx", read_docx, msg("a Word document")),
    ".pdf": ("pdf", read_pdf, msg("a PDF document")),
    ".odt": ("odt", read_odt, msg("an OpenDocument text")),
    ".html": ("html", read_html, _WEB_PAGE),
    ".htm": ("html", read_html, _WEB_PAGE),
    ".rtf": ("rtf", rtf.read_rtf, msg("an RTF document")),
}

#: Suffixes a file chooser should offer (``.rtf`` only where it can be read).
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(
    suffix for suffix in _FORMATS if suffix != ".rtf" or rtf.available()
)

_HINTS = {
    ".doc": msg("the old Word 97–2003 format is not supported — save it as .docx in Word, "
                "WPS or LibreOffice"),
    ".wps": msg("WPS documents are not supported — save it as .docx in WPS"),
    ".pages": msg("Pages documents are not supported — export it as .docx"),
    ".caj": msg("CAJ files are not supported — download the PDF version instead"),
}


def read_document(path: Path, encoding: str | None = None) -> ReadDocument:
    """Read ``path`` into a ``ReadDocument``; raise ``ImportRefused`` for any bad file.

    ``encoding`` forces the text encoding of .txt, .md and .html files (any name Python
    knows, e.g. ``"gbk"``, ``"big5"``, ``"utf-16"``); the other formats ignore it.
    """
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        reason = _unsupported(suffix)
        raise refusal(name, reason)
    source_format, reader, what = _FORMATS[suffix]
    data = _read_bytes(path, name)
    try:
        extracted = reader(data, name, encoding)
    except ImportRefused:
        raise
    except RecursionError as exc:
        raise refusal(
            name, "is not {what} that can be read (it is nested too deeply)", what=what
        ) from exc
    except MemoryError as exc:
        raise refusal(name, "is too large to read with the memory available") from exc
    except Exception as exc:  # the parsers raise dozens of types for damaged files
        raise refusal(
            name,
            "is not {what} that can be read (the file is damaged or not what its name says)",
            what=what,
        ) from exc
    check_text_length(len(extracted.text), name)
    text, replaced = repair_surrogates(extracted.text)
    warnings = extracted.warnings
    if replaced:
        warnings += (
            msg("1 character could not be read and became \ufffd") if replaced == 1 else
            msg("{count} characters could not be read and became \ufffd", count=replaced),
        )
    return ReadDocument(
        text=normalise_text(text),
        source_name=name,
        source_size=len(data),
        source_format=source_format,
        encoding=extracted.encoding,
        warnings=warnings,
    )


def _read_bytes(path: Path, name: str) -> bytes:
    """The whole file, read once; refused when missing, unreadable, empty or too large."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise refusal(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise refusal(name, "is not a regular file")
        _check_size(info.st_size, name)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise refusal(name, "does not exist (it was moved, renamed or deleted)") from exc
    except PermissionError as exc:
        raise refusal(name, "cannot be read: permission denied") from exc
    except IsADirectoryError as exc:
        raise refusal(name, "is a folder, not a file") from exc
    except OSError as exc:
        reason = os_reason(exc)
        raise refusal(name, "cannot be read ({reason})", reason=reason) from exc
    _check_size(len(data), name)  # it may have grown since stat()
    return data


def _check_size(size: int, name: str) -> None:
    if size == 0:
        raise refusal(name, "is empty")
    if size > MAX_FILE_BYTES:
        raise refusal(
            name, "is too large ({size:,.0f} MB; the limit is {limit} MB)",
            size=size / 1024 / 1024, limit=MAX_FILE_BYTES // 1024 // 1024,
        )


def _unsupported(suffix: str) -> Msg:
    if suffix in _HINTS:
        return _HINTS[suffix]
    supported = ", ".join(SUPPORTED_SUFFIXES)
    if not suffix:
        return msg(
            "has no file extension, so its format is unknown (supported: {supported})",
            supported=supported,
        )
    return msg("{suffix} files are not supported (supported: {supported})",
               suffix=suffix, supported=supported)
