"""RTF (``.rtf``): read with ``striprtf`` when it is installed, refused otherwise.

RTF is an old, loosely specified format whose Chinese text hides in ``\\uN`` escapes and
code-page hex bytes (``\\'c4\\'e3`` under ``\\ansicpg936``). ``striprtf`` is a small, kept
library that handles both and skips the non-text destinations (font tables, pictures,
field instructions). Without it we do not guess: the user is asked to save the file as
.docx, which every word processor that writes RTF can do.

Table cells are separated by tabs, as for .docx (striprtf itself writes ``|``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .common import Extracted, refusal, require_text

_CELL = re.compile(r"\\(?:nest)?cell(?![a-zA-Z0-9]) ?")  # with its delimiting space
_ROW_END = re.compile(r"\t\n")  # the tab written for a row's last cell


def available() -> bool:
    """Whether ``.rtf`` files can be read on this installation."""
    return _rtf_to_text() is not None


def read_rtf(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Extract the text of an RTF file (``encoding`` is ignored: RTF names its code page)."""
    rtf_to_text = _rtf_to_text()
    if rtf_to_text is None:
        raise refusal(
            name,
            "RTF files cannot be read by this installation — open it in Word, WPS or "
            "LibreOffice and save it as .docx",
        )
    if not data.lstrip().startswith(b"{\\rtf"):
        raise refusal(name, "is not an RTF file")
    # RTF is 7-bit ASCII with escapes; Latin-1 keeps any stray 8-bit byte as one char.
    source = _CELL.sub(r"\\tab ", data.decode("latin-1"))
    text = _ROW_END.sub("\n", rtf_to_text(source, errors="strict"))
    require_text(text, name)
    return Extracted(text)


def _rtf_to_text() -> Callable[..., str] | None:
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError:
        return None
    return rtf_to_text
