"""The one normalisation a document's text gets before it is stored.

Offsets of every coding point into the stored text, so it must never change after
import: only the byte-order mark and line-end variants are normalised, nothing else.
"""

import hashlib

BOM = "\ufeff"


def normalise_text(text: str) -> str:
    """Drop a leading BOM and turn CRLF and lone CR into LF."""
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_sha256(text: str) -> str:
    """Identity of a document's text across copies of a project, whatever its file name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
