"""Word ``.docx``: the visible text of the body, in order, then the notes.

python-docx opens the package and hands us its XML; the walk over that XML is ours,
because ``Paragraph.text`` only sees direct runs and hyperlinks and so drops text inside
tracked insertions, content controls and simple fields, while a walk over every ``w:t``
would let field codes, deleted text and doubled text-box content leak in. What we emit:

* one line per paragraph (headings and list items included, as typed: automatic list
  numbers and bullets belong to Word's numbering engine, not to the text, and are not
  reproduced);
* tables row by row, cells separated by a tab; the paragraphs inside a cell are joined
  by a space so that one row stays one line;
* fields as their shown result, never their code (``PAGE``, ``HYPERLINK …``); tracked
  deletions, hidden text (``w:vanish``), comments, headers and footers are left out;
* text boxes as lines after the paragraph they are anchored in, read once (Word stores
  each twice: a DrawingML choice and a VML fallback);
* a footnote or endnote reference as ``[1]`` / ``[i]`` where it stands, and the notes'
  text at the end under a ``FOOTNOTES_MARKER`` / ``ENDNOTES_MARKER`` line.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import docx as python_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from .common import ENDNOTES_MARKER, FOOTNOTES_MARKER, Extracted, refusal, require_text, roman
from .zipguard import WORD, open_checked, package_kind, wrong_kind

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_R, W_T, W_TAB, W_PTAB = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:ptab")
W_BR, W_CR, W_NOBREAKHYPHEN = qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
W_SDT, W_SDTCONTENT = qn("w:sdt"), qn("w:sdtContent")
W_FLDCHAR, W_FLDCHARTYPE = qn("w:fldChar"), qn("w:fldCharType")
W_FOOTNOTEREF, W_ENDNOTEREF = qn("w:footnoteReference"), qn("w:endnoteReference")
W_TXBXCONTENT, W_SYM, W_CHAR = qn("w:txbxContent"), qn("w:sym"), qn("w:char")
W_ID, W_VAL, W_RPR, W_VANISH = qn("w:id"), qn("w:val"), qn("w:rPr"), qn("w:vanish")
W_PPR, W_DEL = qn("w:pPr"), qn("w:del")

#: Never text: properties, tracked deletions and moves-away, field codes, ruby guides.
# fmt: off
_SKIPPED = frozenset(qn(f"w:{tag}") for tag in (
    "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblGrid", "sectPr", "sdtPr", "sdtEndPr",
    "del", "moveFrom", "instrText", "delText", "delInstrText", "rt",
))
# fmt: on
#: Containers whose children are paragraphs and tables again.
_BLOCK_CONTAINERS = frozenset(qn(f"w:{tag}") for tag in ("customXml", "ins", "moveTo"))
_FALSE = frozenset(("0", "false", "off"))
#: Elements that stand for text themselves.
_LEAVES = frozenset(
    (W_T, _MATH_T, W_TAB, W_PTAB, W_BR, W_CR, W_NOBREAKHYPHEN, W_SYM, W_FOOTNOTEREF, W_ENDNOTEREF)
)


def read_docx(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Extract the text of a .docx (``encoding`` is ignored: the XML says its own)."""
    kind = package_kind(open_checked(data, name, WORD[0]))
    if kind != WORD:
        reason = wrong_kind(kind, WORD)
        raise refusal(name, reason)
    document = python_docx.Document(io.BytesIO(data))
    footnotes, endnotes = _notes(document, RT.FOOTNOTES), _notes(document, RT.ENDNOTES)
    _refuse_entities(name, document.element, *footnotes.values(), *endnotes.values())
    walker = _Walker(footnotes, endnotes)
    lines = walker.blocks(document.element.body)
    lines.extend(walker.note_lines())
    text = "\n".join(lines)
    require_text(text, name)
    return Extracted(text)


def _refuse_entities(name: str, *roots: etree._Element) -> None:
    """A declared XML entity is left unexpanded (expanding it is how XML bombs work), and
    the text after it would be lost; Word never writes one, so such a file is refused."""
    for root in roots:
        for entity in root.iter(etree.Entity):
            raise refusal(
                name,
                "uses an XML entity ({entity}), which Word never writes — the text around it "
                "cannot be read reliably; open the file in Word, WPS or LibreOffice and save "
                "it again as .docx",
                entity=entity.text,
            )


def _notes(document: object, reltype: str) -> dict[str, etree._Element]:
    """The notes part of the given kind, by note id (empty when the document has none)."""
    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {note.get(W_ID): note for note in root if note.get(W_ID) is not None}
    return {}


@dataclass
class _Walker:
    footnotes: dict[str, etree._Element]
    endnotes: dict[str, etree._Element]
    #: Open fields, innermost last: True while inside the field's code (before "separate").
    fields: list[bool] = field(default_factory=list)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    order: dict[str, list[str]] = field(default_factory=lambda: {"footnote": [], "endnote": []})

    def blocks(self, container: etree._Element) -> list[str]:
        """Lines of the paragraphs and tables in ``container``, in document order."""
        lines: list[str] = []
        for child in _elements(container):
            tag = child.tag
            if tag == W_P:
                lines.extend(self.paragraph(child))
            elif tag == W_TBL:
                lines.extend(self.table(child))
            elif tag == W_SDT:
                for content in child.iterchildren(W_SDTCONTENT):
                    lines.extend(self.blocks(content))
            elif tag in _BLOCK_CONTAINERS:
                lines.extend(self.blocks(child))
            elif tag == f"{_MC}AlternateContent":
                lines.extend(self.blocks(_chosen(child)))
        return lines

    def paragraph(self, p: etree._Element) -> list[str]:
        """The paragraph's line, followed by the lines of text boxes anchored in it."""
        pieces: list[str] = []
        boxes: list[str] = []
        self._inline(p, pieces, boxes)
        text = "".join(pieces)
        if not text and _mark_deleted(p):
            return boxes  # a paragraph removed as a tracked change
        return [text, *boxes]

    def table(self, tbl: etree._Element) -> list[str]:
        return [
            "\t".join(self._cell(tc) for tc in _descend(tr, W_TC)) for tr in _descend(tbl, W_TR)
        ]

    def note_lines(self) -> list[str]:
        """Marker line plus one line per referenced note, footnotes then endnotes."""
        lines: list[str] = []
        for kind, marker, notes in (
            ("footnote", FOOTNOTES_MARKER, self.footnotes),
            ("endnote", ENDNOTES_MARKER, self.endnotes),
        ):
            ids = self.order[kind]
            if not ids:
                continue
            lines += ["", marker]
            index = 0
            while index < len(ids):  # a note may reference further notes
                note_id = ids[index]
                body = notes.get(note_id)
                text = "" if body is None else " ".join(self.blocks(body)).strip()
                lines.append(f"{self.labels[(kind, note_id)]} {text}")
                index += 1
        return lines

    def _cell(self, tc: etree._Element) -> str:
        lines = (line.strip() for line in self.blocks(tc))
        return " ".join(line for line in lines if line).replace("\t", " ").replace("\n", " ")

    def _inline(self, element: etree._Element, pieces: list[str], boxes: list[str]) -> None:
        for child in _elements(element):
            tag = child.tag
            if tag in _SKIPPED or (tag == W_R and _hidden(child)):
                continue
            if tag == W_FLDCHAR:
                self._field_char(child.get(W_FLDCHARTYPE))
            elif tag in _LEAVES:
                if not self._in_field_code():
                    pieces.append(self._leaf(child))
            elif tag == W_TXBXCONTENT:
                if not self._in_field_code():
                    boxes.extend(line for line in self.blocks(child) if line.strip())
            elif tag == f"{_MC}AlternateContent":
                self._inline(_chosen(child), pieces, boxes)
            else:  # runs, hyperlinks, insertions, content controls, simple fields, drawings
                self._inline(child, pieces, boxes)

    def _leaf(self, leaf: etree._Element) -> str:
        tag = leaf.tag
        if tag in (W_T, _MATH_T):
            return leaf.text or ""
        if tag in (W_TAB, W_PTAB):
            return "\t"
        if tag in (W_BR, W_CR):
            return "\n"
        if tag == W_NOBREAKHYPHEN:
            return "-"
        if tag == W_SYM:
            return _symbol(leaf.get(W_CHAR))
        kind = "footnote" if tag == W_FOOTNOTEREF else "endnote"
        return self._note_label(kind, leaf.get(W_ID))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(True)
        elif kind == "separate" and self.fields:
            self.fields[-1] = False
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _in_field_code(self) -> bool:
        return any(self.fields)

    def _note_label(self, kind: str, note_id: str | None) -> str:
        if note_id is None:
            return ""
        key = (kind, note_id)
        if key not in self.labels:
            self.order[kind].append(note_id)
            number = len(self.order[kind])
            self.labels[key] = f"[{number}]" if kind == "footnote" else f"[{roman(number)}]"
        return self.labels[key]


def _elements(parent: etree._Element) -> Iterator[etree._Element]:
    """Child elements only (no comments or processing instructions)."""
    return (child for child in parent if isinstance(child.tag, str))


def _descend(parent: etree._Element, tag: str) -> Iterable[etree._Element]:
    """Children ``tag`` of ``parent``, also when wrapped in content controls or custom XML."""
    for child in _elements(parent):
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, W_SDTCONTENT) or child.tag in _BLOCK_CONTAINERS:
            yield from _descend(child, tag)


def _chosen(alternate: etree._Element) -> etree._Element:
    """The one branch of ``mc:AlternateContent`` to read: the first choice, else the fallback."""
    for branch in _elements(alternate):
        if branch.tag == f"{_MC}Choice":
            return branch
    for branch in _elements(alternate):
        if branch.tag == f"{_MC}Fallback":
            return branch
    return etree.Element("empty")


def _hidden(run: etree._Element) -> bool:
    properties = run.find(W_RPR)
    vanish = None if properties is None else properties.find(W_VANISH)
    return vanish is not None and vanish.get(W_VAL, "true") not in _FALSE


def _mark_deleted(p: etree._Element) -> bool:
    properties = p.find(W_PPR)
    run_properties = None if properties is None else properties.find(W_RPR)
    return run_properties is not None and run_properties.find(W_DEL) is not None


def _symbol(code: str | None) -> str:
    """A ``w:sym`` character; symbol-font glyphs (private use F000–F0FF) have no text."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF or not 0x20 <= value <= 0x10FFFF:
        return ""
    return chr(value)
