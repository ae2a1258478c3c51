"""OpenDocument text ``.odt`` (LibreOffice, WPS): the visible text, laid out like .docx.

odfpy parses the package (through defusedxml, so entity tricks are refused; ``_load``
catches the one error it would hide). The walk is ours and follows the rules of the .docx
reader, so that one document saved in either format imports to the same text: a line per
paragraph, list items as typed, table cells separated by tabs, text boxes after their
paragraph, notes as ``[1]`` / ``[i]`` with their text appended at the end, and nothing
from tracked deletions, comments or hidden text.

White space follows ODF 1.3 §6.1.2: within a paragraph, runs of spaces, tabs and line
ends in the XML collapse to one space and are dropped at the paragraph's start and end;
the writer stores significant spaces as ``text:s``, ``text:tab`` and ``text:line-break``.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from odf.element import Node
from odf.namespaces import DRAWNS, OFFICENS, TABLENS, TEXTNS
from odf.opendocument import load

from .common import (
    ENDNOTES_MARKER,
    FOOTNOTES_MARKER,
    Extracted,
    check_text_length,
    refusal,
    require_text,
    roman,
)
from .zipguard import ODT, open_checked, package_kind, read_small, wrong_kind

_WHITESPACE = re.compile(r"[ \t\r\n]+")


# fmt: off
#: Block-level elements that hold no body text: change records (deleted text lives
#: here), declarations, forms, the templates of indexes.
_SKIPPED_BLOCKS = frozenset(
    [(TEXTNS, tag) for tag in (
        "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls",
        "dde-connection-decls", "soft-page-break", "index-title-template",
    )]
    + [(OFFICENS, "forms"), (TABLENS, "table-columns"), (TABLENS, "table-column")]
)
#: Inline elements that hold no visible text.
_SKIPPED_INLINE = frozenset(
    [(OFFICENS, "annotation"), (OFFICENS, "annotation-end")]
    + [(TEXTNS, tag) for tag in (
        "ruby-text", "hidden-text", "hidden-paragraph", "change", "change-start",
        "change-end", "soft-page-break", "note-citation",
    )]
)
#: Containers of paragraphs (sections, list items, index bodies, note bodies ...).
_BLOCK_CONTAINERS = frozenset(
    [(TEXTNS, tag) for tag in (
        "section", "list", "list-item", "list-header", "numbered-paragraph", "index-body",
        "table-of-content", "alphabetical-index", "illustration-index", "table-index",
        "object-index", "user-index", "bibliography", "index-title", "note-body",
    )]
    + [(OFFICENS, "text"), (DRAWNS, "text-box")]
)
# fmt: on
_ROW_GROUPS = frozenset(
    (TABLENS, tag) for tag in ("table-header-rows", "table-rows", "table-row-group")
)
_MAX_REPEAT = 1000


def read_odt(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Extract the text of an .odt (``encoding`` is ignored: the XML says its own)."""
    archive = open_checked(data, name, ODT[0])
    kind = package_kind(archive)
    names = set(archive.namelist())
    if kind != ODT and (kind is not None or "content.xml" not in names):
        reason = wrong_kind(kind, ODT)  # (no mimetype but content.xml: try it)
        raise refusal(name, reason)
    if "META-INF/manifest.xml" in names and b"encryption-data" in read_small(
        archive, "META-INF/manifest.xml", 16 * 1024 * 1024
    ):
        raise refusal(
            name, "is password-protected — save it without a password and import it again"
        )
    document = _load(data, name)
    body = getattr(document, "text", None)
    if body is None:
        raise refusal(name, "is not an OpenDocument text (.odt)")
    walker = _Walker(name)
    lines = walker.blocks(body)
    lines.extend(walker.note_lines())
    text = "\n".join(lines)
    require_text(text, name)
    return Extracted(text)


def _load(data: bytes, name: str) -> object:
    """odfpy's ``load``, made strict.

    odfpy catches the XML parser's error for a damaged part, prints the whole part to
    standard output and carries on with a partial document. Its output is captured here
    (it must not reach a log: it is the interview text) and that case is refused.
    """
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        document = load(io.BytesIO(data))
    if "FAILED TO PARSE" in printed.getvalue():
        raise refusal(name, "is not an OpenDocument text that can be read (its XML is damaged)")
    return document


@dataclass
class _Line:
    """One paragraph being assembled, with ODF's white-space collapsing."""

    pieces: list[str] = field(default_factory=list)
    pending_space: bool = False

    def collapsible(self, text: str) -> None:
        for index, token in enumerate(_WHITESPACE.split(text)):
            if index:  # a white-space run stood before this token
                self.pending_space = True
            if token:
                self.literal(token)

    def literal(self, text: str) -> None:
        if self.pending_space and self.pieces:
            self.pieces.append(" ")
        self.pending_space = False
        self.pieces.append(text)

    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class _Walker:
    name: str
    produced: int = 0  # characters so far, held to MAX_TEXT_CHARS while repeats expand
    notes: dict[str, list[tuple[str, Node]]] = field(
        default_factory=lambda: {"footnote": [], "endnote": []}
    )

    def blocks(self, container: Node) -> list[str]:
        lines: list[str] = []
        for child in _elements(container):
            qname = child.qname
            if qname in _SKIPPED_BLOCKS:
                continue
            if qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                lines.extend(self.paragraph(child))
            elif qname == (TABLENS, "table"):
                lines.extend(self.table(child))
            elif qname[0] == DRAWNS:
                lines.extend(self.drawing(child))
            elif qname in _BLOCK_CONTAINERS:
                lines.extend(self.blocks(child))
        return lines

    def paragraph(self, p: Node) -> list[str]:
        line = _Line()
        boxes: list[str] = []
        self._inline(p, line, boxes)
        text = line.text()
        self._spend(len(text) + 1)
        return [text, *boxes]

    def _spend(self, chars: int) -> None:
        self.produced += chars
        check_text_length(self.produced, self.name)

    def table(self, table: Node) -> list[str]:
        lines: list[str] = []
        for row in _rows(table):
            cells: list[str] = []
            for cell in _elements(row):
                if cell.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                    continue
                text = self._cell(cell) if cell.qname[1] == "table-cell" else ""
                columns = _repeat(cell, "number-columns-repeated")
                self._spend((len(text) + 1) * (columns - 1))  # the first was counted inside
                cells.extend([text] * columns)
            rows = _repeat(row, "number-rows-repeated")
            self._spend((sum(len(c) + 1 for c in cells) + 1) * (rows - 1))
            lines.extend(["\t".join(cells)] * rows)
        return lines

    def drawing(self, shape: Node) -> list[str]:
        """Text of frames, text boxes and shapes; images and their SVG titles have none."""
        lines: list[str] = []
        for child in _elements(shape):
            if child.qname[0] == DRAWNS:
                lines.extend(
                    self.drawing(child) if child.qname[1] != "text-box" else self.blocks(child)
                )
            elif child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                lines.extend(self.paragraph(child))
            elif child.qname == (TEXTNS, "list"):
                lines.extend(self.blocks(child))
        return [line for line in lines if line.strip()]

    def note_lines(self) -> list[str]:
        lines: list[str] = []
        for kind, marker in (("footnote", FOOTNOTES_MARKER), ("endnote", ENDNOTES_MARKER)):
            if not self.notes[kind]:
                continue
            lines += ["", marker]
            for label, body in self.notes[kind]:
                text = " ".join(self.blocks(body)).strip()
                lines.append(f"{label} {text}")
        return lines

    def _cell(self, cell: Node) -> str:
        lines = (line.strip() for line in self.blocks(cell))
        return " ".join(line for line in lines if line).replace("\t", " ").replace("\n", " ")

    def _inline(self, element: Node, line: _Line, boxes: list[str]) -> None:
        for child in element.childNodes:
            if child.nodeType == Node.TEXT_NODE:
                line.collapsible(child.data)
                continue
            if child.nodeType != Node.ELEMENT_NODE:
                continue
            qname = child.qname
            if qname in _SKIPPED_INLINE:
                continue
            if qname == (TEXTNS, "s"):
                line.literal(" " * _repeat(child, "c", TEXTNS))
            elif qname == (TEXTNS, "tab"):
                line.literal("\t")
            elif qname == (TEXTNS, "line-break"):
                line.literal("\n")
            elif qname == (TEXTNS, "note"):
                line.literal(self._note(child))
            elif qname[0] == DRAWNS:
                boxes.extend(self.drawing(child))
            else:  # spans, links, fields (their content is the shown value), ruby bases
                self._inline(child, line, boxes)

    def _note(self, note: Node) -> str:
        kind = "endnote" if note.getAttrNS(TEXTNS, "note-class") == "endnote" else "footnote"
        number = len(self.notes[kind]) + 1
        label = f"[{number}]" if kind == "footnote" else f"[{roman(number)}]"
        for child in _elements(note):
            if child.qname == (TEXTNS, "note-body"):
                self.notes[kind].append((label, child))
        return label


def _elements(parent: Node) -> Iterator[Node]:
    return (child for child in parent.childNodes if child.nodeType == Node.ELEMENT_NODE)


def _rows(table: Node) -> Iterator[Node]:
    for child in _elements(table):
        if child.qname == (TABLENS, "table-row"):
            yield child
        elif child.qname in _ROW_GROUPS:
            yield from _rows(child)


def _repeat(node: Node, attribute: str, namespace: str = TABLENS) -> int:
    """A repeat count attribute, 1 when absent or unreadable, at most ``_MAX_REPEAT``."""
    try:
        return max(1, min(int(node.getAttrNS(namespace, attribute) or 1), _MAX_REPEAT))
    except (TypeError, ValueError):
        return 1
