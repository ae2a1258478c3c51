"""Parsing XML from files we did not write, without letting the file attack the machine.

REFI-QDA files never need a DTD, so any ``<!DOCTYPE`` is refused outright: that closes
entity expansion ("billion laughs"), external entities (reading local files, network
requests) and DTD retrieval in one rule, with a message that says why. The parser is
hardened as well (no entity resolution, no network, no DTD loading, libxml2's default
size and depth limits kept with ``huge_tree=False``) so that a DOCTYPE the pre-scan misses
still cannot do harm; lxml is used rather than the standard library for its speed on large
projects and for line numbers in error messages.

``huge_tree=False`` caps a single text node at 10 MB: inline ``PlainTextContent`` larger
than that is refused. Producers in the wild store source texts as separate files.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from annotator.domain.errors import ImportRefused

_PRESCAN_BYTES = 64 * 1024


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers are not thread-safe.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _prolog(data: bytes) -> str:
    """The text before the root element, decoded well enough to look for a DOCTYPE."""
    head = data[:_PRESCAN_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(head) >= 2 and 0 in head[:2]
    ):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("latin-1")
    pos = 0
    while True:
        pos = text.find("<", pos)
        if pos < 0 or pos + 1 >= len(text) or text[pos + 1] not in "?!":
            return text[: pos if pos >= 0 else len(text)]
        pos += 1


def parse_xml(data: bytes, what: object) -> etree._Element:
    """Parse ``data`` (the contents of ``what``, a name for messages) and return the root.

    Raises :class:`ImportRefused` for an empty document, malformed XML or any DTD.
    """
    if not data.strip():
        raise ImportRefused("{what} is empty.", what=what)
    if "<!DOCTYPE" in _prolog(data):
        raise ImportRefused(
            "{what} declares a DTD or XML entities, which REFI-QDA files never use; "
            "it was refused as unsafe.", what=what,
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "entit" in str(exc).lower():
            raise ImportRefused(
                "{what} uses XML entities, which REFI-QDA files never use; it was refused as "
                "unsafe.", what=what,
            ) from None
        if "huge" in str(exc).lower():
            raise ImportRefused(
                "{what} holds a text of more than 10 MB inside its XML, more than an import "
                "reads.", what=what,
            ) from None
        detail = re.sub(r",? line \d+, column \d+$", "", exc.msg or "").strip() or "error"
        raise ImportRefused(
            "{what} is not well-formed XML (line {line}: {detail}).",
            what=what, line=exc.lineno, detail=detail,
        ) from None
    if root is None:
        raise ImportRefused("{what} holds no XML element.", what=what)
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:
        raise ImportRefused(
            "{what} declares a DTD or XML entities, which REFI-QDA files never use; "
            "it was refused as unsafe.", what=what,
        )
    return root
