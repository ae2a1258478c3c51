"""Text from files shown on a terminal: escaped, so a file name cannot drive the terminal.

A name holding ESC sequences (``\\x1b[2J`` clears the screen, others retitle the window
or fake output) is printed with its control characters as ``\\x1b``-style escapes; bytes
that were not UTF-8 (kept by Python as lone surrogates) are shown as ``\\xNN`` too.
"""

import re

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape of an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` safe to print to a terminal, as one line."""
    return _UNSAFE.sub(_escape, str(text)).replace("\n", "\\n")
