"""Plain text (``.txt``) and Markdown (``.md``): the file's characters, decoded.

Markdown is kept as its source text, markup included: a coder codes what the author
wrote, and rendering would make offsets depend on a Markdown dialect.
"""

from __future__ import annotations

from .charsets import decode
from .common import Extracted, require_text


def read_plain(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Decode a text file (see ``charsets`` for how the encoding is chosen)."""
    decoded = decode(data, name, encoding)
    require_text(decoded.text, name)
    return Extracted(decoded.text, decoded.encoding, decoded.warnings)
