"""HTML (``.html``, ``.htm``): the text a browser would show, nothing it would hide or fetch.

Saved web pages are a common source (news, policy documents, forum threads). What is kept:

* the text of ``<body>``; never ``<head>``, scripts, styles, templates, ``<noscript>``
  fallbacks, embedded frames and objects, SVG or form selects, nor anything marked
  ``hidden`` or ``style="display:none"``;
* block elements (paragraphs, headings, list items, divs, ``<br>`` …) end a line; inside
  them white space collapses to one space as a browser renders it, except in ``<pre>``;
* tables row by row, cells separated by a tab (as for .docx).

Nothing is loaded from anywhere: lxml's HTML parser is run without network access, and
images, stylesheets and frames are never followed.

Encoding: an explicit encoding wins; then a BOM; then the ``<meta charset>`` (or
``http-equiv`` content type) in the first 4 KiB, mapped to what browsers use for it
(GB2312 and GBK labels decode as GB18030, Latin-1 as Windows-1252); then detection as for
plain text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from annotator.messages import msg

from .charsets import decode
from .common import Extracted, refusal, require_text

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
# fmt: off
#: WHATWG encoding labels that browsers read with a wider decoder than the name says.
_LABELS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "iso-ir-58": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
    "x-user-defined": "cp1252",
}
#: Never shown: the head, code, fallbacks, embedded documents and media, form choices.
_SKIPPED = frozenset((
    "head", "script", "style", "template", "noscript", "iframe", "frame", "frameset",
    "object", "embed", "svg", "math", "canvas", "select", "datalist", "audio", "video",
    "map", "title", "meta", "link", "base",
))
#: Elements a browser lays out as blocks: each starts and ends a line.
_BLOCKS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "address", "article", "aside", "footer", "header", "hgroup",
    "main", "nav", "section", "figure", "figcaption", "form", "fieldset", "legend",
    "details", "summary", "table", "caption", "thead", "tbody", "tfoot", "hr", "center",
    "dialog", "menu", "body", "html",
))
# fmt: on
_CELLS = frozenset(("td", "th"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def read_html(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Extract the visible text of an HTML file."""
    decoded = decode(data, name, encoding, declared=_declared_charset(data))
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
    )
    try:
        root = lxml.html.document_fromstring(decoded.text.encode("utf-8"), parser=parser)
    except etree.ParserError as exc:  # "Document is empty"
        raise refusal(name, "contains no text") from exc
    text = _VisibleText().render(root)
    require_text(text, name)
    warnings = decoded.warnings
    if any(error.level_name == "FATAL" for error in parser.error_log):
        # e.g. more than 2,048 nested elements: libxml2 stops, the rest would be lost
        warnings += (msg("the page could not be read to its end; some text may be missing"),)
    return Extracted(text, decoded.encoding, warnings)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    label = _LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


@dataclass
class _VisibleText:
    """Walks the tree once (iteratively: web pages can nest thousands deep)."""

    lines: list[str] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    pending_space: bool = False
    cells_open: int = 0
    pre_open: int = 0
    cell_index: list[int] = field(default_factory=list)

    def render(self, root: etree._Element) -> str:
        skipping = 0
        for event, element in etree.iterwalk(root, events=("start", "end")):
            tag = element.tag if isinstance(element.tag, str) else ""
            tag = tag.lower()
            if event == "start":
                if skipping or tag in _SKIPPED or _hidden(element):
                    skipping += 1
                    continue
                self._open(tag)
                if element.text:
                    self._text(element.text)
            else:
                if skipping:
                    skipping -= 1
                    if skipping:
                        continue
                else:
                    self._close(tag)
                if element.tail and element.getparent() is not None:
                    self._text(element.tail)
        self._end_line()
        return "\n".join(self.lines).strip("\n")

    def _open(self, tag: str) -> None:
        if tag == "tr":
            self._break()  # a row of a table nested in a cell stays on the cell's line
            self.cell_index.append(0)
        elif tag in _CELLS:
            if self.cell_index:
                if self.cell_index[-1] and not self.cells_open:
                    self._literal("\t")
                self.cell_index[-1] += 1
            self.cells_open += 1
        elif tag == "br" or tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self.pre_open += 1

    def _close(self, tag: str) -> None:
        if tag in _CELLS:
            self.cells_open = max(0, self.cells_open - 1)
            self.pending_space = False
        elif tag == "tr":
            if self.cell_index:
                self.cell_index.pop()
            self._break()
        elif tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self.pre_open = max(0, self.pre_open - 1)

    def _text(self, text: str) -> None:
        if self.pre_open and not self.cells_open:
            parts = text.split("\n")
            for index, part in enumerate(parts):
                if index:
                    self._end_line(force=True)
                if part:
                    self._literal(part)
            return
        for index, token in enumerate(_WHITESPACE.split(text)):
            if index:
                self.pending_space = True
            if token:
                self._literal(token)

    def _literal(self, text: str) -> None:
        if self.pending_space and self.line and self.line[-1] != "\t":
            self.line.append(" ")
        self.pending_space = False
        self.line.append(text)

    def _break(self) -> None:
        """A block boundary: a new line, or one space inside a table cell."""
        if self.cells_open:
            self.pending_space = True
        else:
            self._end_line()

    def _end_line(self, force: bool = False) -> None:
        if self.line or force:
            self.lines.append("".join(self.line))
        self.line = []
        self.pending_space = False


def _hidden(element: etree._Element) -> bool:
    attributes = element.attrib
    if "hidden" in attributes:
        return True
    style = attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))
