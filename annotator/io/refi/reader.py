"""Reading REFI-QDA projects (``.qdpx``) and codebooks (``.qdc``) from any producer.

Everything is read and checked in memory before anything is returned, so a refused file
(:class:`ImportRefused`, one sentence naming the file and the problem) leaves no trace.

Dialects handled, all seen in real exports:

- the project document is ``project.qde`` or, from ATLAS.ti, ``<project name>.qde``;
- the sources folder is ``sources/`` or ``Sources/`` (NVivo for Windows);
- ``plainTextPath`` is ``internal://<file>`` (the spec) or a bare ``<file>`` (qc); other
  schemes (``relative://``, ``absolute://``, ``file://``) point outside the archive and are
  looked up by file name in the sources folder, never on the user's disk;
- text files are UTF-8 with or without BOM (UTF-16 with a BOM is accepted too), with LF or
  CRLF line ends; a rich-text twin (``richTextPath``, .docx) is ignored, the plain text is
  the one the offsets refer to;
- offsets in UTF-16 units or code points, CRLF counted as 1 or 2: see
  :mod:`annotator.io.refi.positions` for the detection rule;
- NVivo writes one ``<PlainTextSelection>`` per coding, repeating the range. Selections with
  the same range in a source are **merged** into one :class:`RefiSelection` carrying all
  the codings, in file order; the GUIDs of the folded elements are kept in
  ``merged_from`` so that ``sum(1 + len(s.merged_from))`` equals the number of elements in
  the file. A coding repeated on the same range by the same coder with the same code is
  kept once (the project store is unique on that) and counted in a warning; every
  ``<Coding>`` element is otherwise one :class:`RefiCoding`;
- codebook namespaces ``urn:QDA-XML:codebook:1.0`` and ``urn:QDA-XML:codebook:0:4``;
- GUIDs with or without braces, in any case (stored lower case without braces).

Skipped with a warning on :attr:`RefiProject.warnings` rather than refused, because the rest
of the project is still worth having: picture, PDF, audio and video sources, codings that
refer to a code missing from the codebook, empty selections, and every source when the
archive's sources folder holds no files at all (a codebook passed on inside a project).
A coder GUID missing from ``<Users>`` gets a placeholder user.

Variables, cases and sets are read into the model; links and graphs are counted in a
warning. Identifiers that are no GUIDs are kept in :attr:`RefiProject.original_ids`.
"""

from __future__ import annotations

import codecs
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import NoReturn

from lxml import etree

from annotator.domain.errors import ImportRefused
from annotator.domain.text import normalise_text
from annotator.io.refi.archive import Limits, SafeArchive, member_path
from annotator.io.refi.model import (
    REVIEWED_LINK,
    VARIABLE_TYPES,
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiReviewed,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiUser,
    RefiVariable,
)
from annotator.io.refi.positions import (
    CANDIDATES,
    Decision,
    OffsetRule,
    SourcePositions,
    cost_of,
    detect_rule,
    forced_rule,
)
from annotator.io.refi.safexml import parse_xml
from annotator.messages import Msg, msg

PROJECT_NS_PREFIX = "urn:QDA-XML:project:"
CODEBOOK_NS_PREFIX = "urn:QDA-XML:codebook:"

_HEX = "[0-9a-fA-F]"
_GUID = re.compile(rf"^\{{?({_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}})\}}?$")
_RGB = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


# -- small parsers ---------------------------------------------------------------------------


def canonical_guid(value: str | None) -> str | None:
    """``value`` as a lower-case GUID without braces, or ``None`` if it is not a GUID."""
    if value is None:
        return None
    match = _GUID.match(value.strip())
    return match.group(1).lower() if match else None


_FOREIGN_ID = uuid.UUID("0d6c8a4e-5f0b-4b8e-9d0c-6a7e2f1b3c55")
_TOKEN = re.compile(r"^[^\s]{1,200}$")


def reference_guid(value: str | None) -> str | None:
    """The GUID an element is known by inside Annotator.

    A real GUID in canonical form; any other identifier a producer uses (openQDA writes
    ``guid="c001"``) is mapped to a GUID derived from it, so that references to it still
    meet. ``None`` when there is no usable identifier.
    """
    guid = canonical_guid(value)
    if guid is not None or value is None or not _TOKEN.match(value.strip()):
        return guid
    return str(uuid.uuid5(_FOREIGN_ID, value.strip()))


def canonical_color(value: str | None) -> str | None:
    """``#RGB`` / ``#rrggbb`` as ``#RRGGBB``; ``None`` for a missing or malformed colour."""
    if not value:
        return None
    match = _RGB.match(value.strip())
    if not match:
        return None
    digits = match.group(1).upper()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits


def parse_datetime(value: str | None) -> datetime | None:
    """An ``xsd:dateTime``; ``None`` when missing or unreadable (it is only metadata).

    Handles ``Z``, offsets, and .NET's seven fractional digits (cut to microseconds).
    """
    if not value:
        return None
    match = _DATETIME.match(value.strip())
    if not match:
        return None
    base, frac, zone = match.groups()
    text = base + ((frac + "000000")[:7] if frac else "")
    if zone:
        text += "+00:00" if zone == "Z" else zone
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _joined(memo: str | None, more: str | None) -> str | None:
    """``memo`` with ``more`` appended, once (a memo written both as a note and as a
    description is one memo)."""
    if not more or more == memo:
        return memo
    return f"{memo}\n\n{more}" if memo else more


def _bool(value: str | None, default: bool = True) -> bool:
    if value is None:
        return default
    return value.strip().lower() in ("true", "1")


def decode_text(data: bytes, what: Msg | str) -> str:
    """A source text file's content: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRefused("{what} is not UTF-8 text, so its codings cannot be placed.",
                            what=what) from None
    if "\x00" in text:
        raise ImportRefused("{what} contains NUL bytes — probably not a text file.", what=what)
    return text


# -- XML access in whatever namespace the file uses -------------------------------------------


class _Doc:
    """Element lookup in the document's own namespace, and messages that name the file."""

    def __init__(self, ns: str, label: str) -> None:
        self.q = f"{{{ns}}}" if ns else ""
        self.label = label
        self.originals: dict[str, str] = {}
        """Derived GUID → the identifier the file had, for identifiers that were no GUIDs."""

    def child(self, el: etree._Element, name: str) -> etree._Element | None:
        return el.find(self.q + name)

    def children(self, el: etree._Element, name: str) -> list[etree._Element]:
        return el.findall(self.q + name)

    def text_of(self, el: etree._Element, name: str) -> str | None:
        found = self.child(el, name)
        if found is None or found.text is None:
            return None
        text = normalise_text(found.text)
        return text if text.strip() else None

    def refuse(self, el: etree._Element, problem: Msg) -> ImportRefused:
        return ImportRefused("{file} is damaged: {problem} (line {line}).",
                             file=self.label, problem=problem, line=el.sourceline)

    def guid(self, el: etree._Element, attr: str = "guid") -> str:
        value = el.get(attr)
        guid = reference_guid(value)
        if guid is not None and canonical_guid(value) is None:
            self.originals[guid] = (value or "").strip()
        if guid is None:
            what = etree.QName(el).localname
            if value is None:
                raise self.refuse(el, msg("a {element} has no {attribute}", element=what,
                                             attribute=attr))
            raise self.refuse(el, msg("a {element} has an invalid {attribute} “{value}”",
                                         element=what, attribute=attr, value=value))
        return guid

    def optional_guid(self, el: etree._Element, attr: str) -> str | None:
        return reference_guid(el.get(attr))


def _namespace(root: etree._Element) -> str:
    return etree.QName(root).namespace or ""


# -- codebooks --------------------------------------------------------------------------------


def _read_codes(
    doc: _Doc, codes_el: etree._Element | None, memos: _Memos | None = None
) -> list[RefiCode]:
    if codes_el is None:
        return []
    seen: set[str] = set()

    def one(el: etree._Element) -> RefiCode:
        guid = doc.guid(el)
        if guid in seen:
            raise doc.refuse(el, msg("the code GUID {guid} is used twice", guid=guid))
        seen.add(guid)
        name = el.get("name")
        if name is None:
            raise doc.refuse(el, msg("a code has no name"))
        return RefiCode(
            guid=guid,
            name=name,
            color=canonical_color(el.get("color")),
            description=doc.text_of(el, "Description"),
            is_codable=_bool(el.get("isCodable")),
            children=[one(child) for child in doc.children(el, "Code")],
            memo=memos.of(el) if memos else None,
        )

    return [one(el) for el in doc.children(codes_el, "Code")]


def read_qdc(
    path: str | Path, *, limits: Limits | None = None,
    original_ids: dict[str, str] | None = None,
) -> list[RefiCode]:
    """The root codes of a REFI-QDA codebook file (``.qdc``), children nested.

    ``original_ids``, when given, receives GUID → identifier for the codes whose identifier
    was no GUID (openQDA's ``c001``), as :attr:`RefiProject.original_ids` does.
    """
    path = Path(path)
    label = f"“{path.name}”"
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        if size > limits.max_member_bytes:
            raise ImportRefused("{file} is too large to be a codebook ({size} bytes).",
                                file=label, size=size)
        data = path.read_bytes()
    except OSError:
        raise ImportRefused("{file} cannot be opened: no such file.", file=label) from None
    root = parse_xml(data, label)
    ns = _namespace(root)
    if etree.QName(root).localname != "CodeBook" or not (
        ns == "" or ns.startswith(CODEBOOK_NS_PREFIX)
    ):
        raise ImportRefused("{file} is not a REFI-QDA codebook (its root is not CodeBook).",
                            file=label)
    doc = _Doc(ns, label)
    codes = _read_codes(doc, doc.child(root, "Codes"))
    if original_ids is not None:
        original_ids.update(doc.originals)
    return codes


# -- notes ------------------------------------------------------------------------------------


@dataclass
class _Memos:
    """The project's ``<Note>`` elements, resolved through ``<NoteRef>``."""

    doc: _Doc
    notes: dict[str, RefiNote] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def of(self, el: etree._Element) -> str | None:
        """The memo of an element: the texts of the notes it refers to, or ``None``."""
        texts = []
        for ref in self.doc.children(el, "NoteRef"):
            guid = reference_guid(ref.get("targetGUID"))
            note = self.notes.get(guid) if guid else None
            if note is not None:
                self.used.add(note.guid)
                if note.text.strip():
                    texts.append(note.text)
        if texts:
            return "\n\n".join(texts)
        return None

    def of_or_description(self, el: etree._Element) -> str | None:
        """The notes an element refers to and its ``<Description>``: both, once each (a
        producer may write one memo in both forms, or two different texts)."""
        return _joined(self.of(el), self.doc.text_of(el, "Description"))


# -- projects ---------------------------------------------------------------------------------


@dataclass
class _RawSelection:
    el: etree._Element
    guid: str
    start: int
    end: int
    codings: list[RefiCoding]
    creator: str | None
    created: datetime | None
    memo: str | None
    whole_source: bool = False


@dataclass
class _RawSource:
    guid: str
    name: str
    positions: SourcePositions
    memo: str | None
    selections: list[_RawSelection]
    values: dict[str, str]

    def endpoints(self) -> list[int]:
        """Every start and end offset as written in the file (whole-source codings have none)."""
        return [p for sel in self.selections if not sel.whole_source for p in (sel.start, sel.end)]


class _ProjectReader:
    def __init__(
        self, archive: SafeArchive, label: str, utf16: bool | None = None,
        crlf: int | None = None,
    ) -> None:
        self.archive = archive
        self.label = label
        self.warnings: list[Msg] = []
        self.utf16 = utf16
        self.crlf = crlf
        # A sources folder with no files in it (a codebook exchanged inside a project):
        # the sources are skipped, the rest is read.
        self.no_source_files = not any(
            PurePosixPath(n).parent.name.lower() == "sources"
            and PurePosixPath(n).name != ".root" for n in archive.names())
        self.sources_without_files = 0

    # sources' and notes' text files ------------------------------------------------------

    def resolve(self, base_dir: str, path: str) -> str | None:
        """The archive member a ``plainTextPath`` refers to, or ``None``."""
        value = path.strip().replace("\\", "/")
        scheme, sep, rest = value.partition("://")
        if not sep:
            scheme, rest = "", value
        if scheme.lower() == "internal" or not scheme:
            tries = [f"sources/{rest}", rest] if not rest.lower().startswith("sources/") else [rest]
        else:
            # Outside the archive by definition: look for the same file name inside it.
            tries = [f"sources/{PurePosixPath(rest).name}"]
        for candidate in tries:
            found = self.archive.find(member_path(base_dir, candidate))
            if found is not None:
                return found
        return None

    def text_of(self, doc: _Doc, el: etree._Element, base_dir: str, what: Msg) -> str:
        inline = doc.child(el, "PlainTextContent")
        path = el.get("plainTextPath")
        if path:
            member = self.resolve(base_dir, path)
            if member is None:
                raise ImportRefused(
                    "{file} is incomplete: the text of {what} (“{path}”) is missing from the "
                    "archive.", file=self.label, what=what, path=path,
                )
            return decode_text(self.archive.read(member),
                               msg("The text of {what} in {file}", what=what, file=self.label))
        if inline is not None:
            return inline.text or ""
        raise ImportRefused("{file} is incomplete: {what} has no text.", file=self.label,
                            what=what)

    # the project ------------------------------------------------------------------------

    def read(self) -> RefiProject:
        qde = self.archive.find_project_xml()
        base_dir = str(PurePosixPath(qde).parent) if "/" in qde else ""
        root = parse_xml(self.archive.read(qde), self.label)
        ns = _namespace(root)
        if etree.QName(root).localname != "Project" or not (
            ns == "" or ns.startswith(PROJECT_NS_PREFIX)
        ):
            raise ImportRefused(
                "{file} is not a REFI-QDA project (its {member} is not a Project).",
                file=self.label, member=qde,
            )
        doc = _Doc(ns, self.label)
        origin = root.get("origin")

        users = self.read_users(doc, root)
        memos = self.read_notes(doc, root, base_dir)
        codebook_doc, codes_el = self.codebook_of(doc, root)
        codes = _read_codes(codebook_doc, codes_el, memos)
        code_guids = {code.guid for root_code in codes for code in root_code.walk()}

        variables = self.read_variables(doc, root)
        raw_sources = self.read_sources(doc, root, base_dir, memos)
        if self.sources_without_files:
            self.warnings.append(msg(
                "{count} source(s) were skipped: the archive's sources folder holds no files. "
                "The codebook, users and notes were read.", count=self.sources_without_files,
            ))
        decision = self.decide(origin, raw_sources)

        user_guids = {u.guid for u in users}
        sources = [self.finish_source(s, decision.rule, code_guids, users, user_guids)
                   for s in raw_sources]

        project_memo = memos.of_or_description(root)
        cases = self.file_variables(self.read_cases(doc, root), sources)
        codes = self.cases_on_text(cases, codes, sources)
        sets = self.read_sets(doc, root)
        reviewed = self.read_reviewed(doc, root, memos, {s.guid for s in sources}, user_guids)
        self.note_what_is_not_read(doc, root, len(reviewed))
        originals = {**codebook_doc.originals, **doc.originals}
        if originals:
            self.warnings.append(msg(
                "{count} identifier(s) in the file are not GUIDs (such as “c001”); they were "
                "given GUIDs derived from them, and an export writes them back.",
                count=len(originals),
            ))
        free_notes = [n for g, n in memos.notes.items() if g not in memos.used]
        return RefiProject(
            name=root.get("name") or self.archive.path.stem,
            users=users,
            codes=codes,
            sources=sources,
            memo=project_memo,
            notes=free_notes,
            variables=variables,
            cases=cases,
            sets=sets,
            reviewed=reviewed,
            origin=origin,
            offset_rule=decision.rule.label,
            offset_reason=decision.reason,
            warnings=self.warnings,
            original_ids=originals,
        )

    def decide(self, origin: str | None, raw: list[_RawSource]) -> Decision:
        """The offset rule: detected, then with the user's ``--offsets``/``--crlf`` put in."""
        evidence = [(s.positions, s.endpoints()) for s in raw]
        decision = detect_rule(origin, evidence)
        if self.utf16 is None and self.crlf is None:
            if decision is None:
                self.refuse_out_of_range(raw)
            return decision
        rule = forced_rule(decision.rule if decision else CANDIDATES[0], utf16=self.utf16,
                           crlf=self.crlf)
        if not cost_of(rule, evidence).possible:
            raise ImportRefused(
                "{file}: read as {rule}, a selection ends beyond the end of its text; try "
                "the other --offsets or --crlf.", file=self.label, rule=rule.describe(),
            )
        return Decision(rule, msg("as the user chose"))

    def read_values(self, doc: _Doc, el: etree._Element) -> dict[str, str]:
        """An element's ``<VariableValue>`` s: variable GUID → the value as written."""
        values: dict[str, str] = {}
        for vv in doc.children(el, "VariableValue"):
            ref = doc.child(vv, "VariableRef")
            guid = doc.optional_guid(ref, "targetGUID") if ref is not None else None
            if guid is None:
                raise doc.refuse(vv, msg("a variable value has no VariableRef"))
            for child in vv:
                if (isinstance(child.tag, str) and child is not ref
                        and etree.QName(child).localname.endswith("Value")):
                    text = (child.text or "").strip()
                    if text:
                        values[guid] = normalise_text(text)
        return values

    def read_variables(self, doc: _Doc, root: etree._Element) -> list[RefiVariable]:
        container = doc.child(root, "Variables")
        out = []
        for el in doc.children(container, "Variable") if container is not None else []:
            kind = el.get("typeOfVariable") or "Text"
            out.append(RefiVariable(
                guid=doc.guid(el),
                name=el.get("name") or "",
                kind=kind if kind in VARIABLE_TYPES else "Text",
                description=doc.text_of(el, "Description"),
            ))
        return out

    def refs(self, doc: _Doc, el: etree._Element, name: str) -> list[str]:
        return [g for ref in doc.children(el, name)
                if (g := doc.optional_guid(ref, "targetGUID")) is not None]

    def read_cases(self, doc: _Doc, root: etree._Element) -> list[RefiCase]:
        container = doc.child(root, "Cases")
        out = []
        for el in doc.children(container, "Case") if container is not None else []:
            out.append(RefiCase(
                guid=doc.guid(el),
                name=el.get("name") or "",
                description=doc.text_of(el, "Description"),
                source_guids=self.refs(doc, el, "SourceRef"),
                values=self.read_values(doc, el),
                code_guids=self.refs(doc, el, "CodeRef"),
                selection_guids=self.refs(doc, el, "SelectionRef"),
            ))
        return out

    def file_variables(self, cases: list[RefiCase], sources: list[RefiSource]) -> list[RefiCase]:
        """MAXQDA and Quirkos carry a source's variable values in a ``<Case>`` without a name
        that refers to that one source: those values are the source's, not a case's."""
        by_guid = {s.guid: s for s in sources}
        kept = []
        for case in cases:
            source = by_guid.get(case.source_guids[0]) if len(case.source_guids) == 1 else None
            if case.name or source is None or case.code_guids or case.selection_guids:
                kept.append(case)
                continue
            for guid, value in case.values.items():
                source.values.setdefault(guid, value)
        return kept

    def cases_on_text(
        self, cases: list[RefiCase], codes: list[RefiCode], sources: list[RefiSource]
    ) -> list[RefiCode]:
        """Resolve what each case is coded on into stretches of its sources
        (:attr:`RefiCase.segments`); returns the codebook without the codes that stand
        for cases.

        A ``<CodeRef>`` gives the case every selection coded with that code, a
        ``<SelectionRef>`` one selection. A code with a case's own GUID is NVivo's way of
        coding a case on text (QualCoder reads it so): its codings are the case's
        stretches, and it is no code of the project."""
        case_guids = {case.guid for case in cases}
        known = {code.guid for root in codes for code in root.walk()}
        stand_ins = case_guids & known
        by_code: dict[str, list[tuple[str, int, int]]] = {}
        by_selection: dict[str, tuple[str, int, int]] = {}
        for src in sources:
            kept = []
            for sel in src.selections:
                span = (src.guid, sel.start, sel.end)
                for guid in (sel.guid, *sel.merged_from):
                    by_selection[guid] = span
                for coding in sel.codings:
                    by_code.setdefault(coding.code_guid, []).append(span)
                codings = [c for c in sel.codings if c.code_guid not in stand_ins]
                if codings or not sel.codings or sel.memo:
                    sel.codings = codings
                    kept.append(sel)
            src.selections = kept
        for case in cases:
            refs = [*case.code_guids, *([case.guid] if case.guid in stand_ins else [])]
            spans = [span for guid in dict.fromkeys(refs) for span in by_code.get(guid, [])]
            spans += [by_selection[g] for g in case.selection_guids if g in by_selection]
            case.segments = sorted(set(spans))
            case.unresolved = (sum(g not in known for g in case.code_guids)
                               + sum(g not in by_selection for g in case.selection_guids))
        if stand_ins:
            self.warnings.append(msg(
                "{count} code(s) have the GUID of a case (NVivo's way of coding cases on "
                "text): their codings were read as the cases' stretches of text, not as codes.",
                count=len(stand_ins)))

        def without(nodes: list[RefiCode]) -> list[RefiCode]:
            out: list[RefiCode] = []
            for node in nodes:
                node.children = without(node.children)
                out.extend(node.children if node.guid in stand_ins else [node])
            return out

        return without(codes) if stand_ins else codes

    def read_sets(self, doc: _Doc, root: etree._Element) -> list[RefiSet]:
        container = doc.child(root, "Sets")
        out = []
        for el in doc.children(container, "Set") if container is not None else []:
            out.append(RefiSet(
                guid=doc.guid(el),
                name=el.get("name") or "",
                description=doc.text_of(el, "Description"),
                code_guids=self.refs(doc, el, "MemberCode"),
                source_guids=self.refs(doc, el, "MemberSource"),
                notes=len(doc.children(el, "MemberNote")),
            ))
        return out

    def read_reviewed(
        self, doc: _Doc, root: etree._Element, memos: _Memos, sources: set[str],
        users: set[str],
    ) -> list[RefiReviewed]:
        """Reviewed marks: ``REVIEWED_LINK`` links from a note by a user to a text source
        (the convention the writer follows). Their notes are no free-standing memos."""
        links = doc.child(root, "Links")
        marks: list[RefiReviewed] = []
        for link in doc.children(links, "Link") if links is not None else []:
            if link.get("name") != REVIEWED_LINK:
                continue
            note = memos.notes.get(doc.optional_guid(link, "originGUID") or "")
            source = doc.optional_guid(link, "targetGUID")
            if note is None or source not in sources or note.creator_guid not in users:
                continue
            memos.used.add(note.guid)
            marks.append(RefiReviewed(source, note.creator_guid, note.created))
        return marks

    def note_what_is_not_read(self, doc: _Doc, root: etree._Element, read_links: int) -> None:
        """Name, with counts, the parts of the project Annotator cannot hold yet (the
        ``read_links`` links that carried reviewed marks were read)."""
        for container, item, what, read in (
            ("Links", "Link", msg("link(s)"), read_links),
            ("Graphs", "Graph", msg("graph(s)"), 0),
        ):
            el = doc.child(root, container)
            n = (len(doc.children(el, item)) if el is not None else 0) - read
            if n:
                self.warnings.append(msg(
                    "{count} {what} in the file were not imported: Annotator cannot hold them "
                    "yet.", count=n, what=what,
                ))
        notes = doc.child(root, "Notes")
        coded = sum(len(doc.children(note, "PlainTextSelection"))
                    for note in (doc.children(notes, "Note") if notes is not None else []))
        if coded:
            self.warnings.append(msg(
                "{count} selection(s) in the text of notes were not imported: Annotator codes "
                "documents, and a note came in as a memo.", count=coded,
            ))

    def codebook_of(
        self, doc: _Doc, root: etree._Element
    ) -> tuple[_Doc, etree._Element | None]:
        """The project's ``<Codes>``, and the namespace to read them in.

        Some producers (MAXQDA 24, scripts that paste a ``.qdc`` in) put the codebook in a
        codebook namespace, such as ``urn:QDA-XML:codebook:0:4``, inside the project.
        """
        codebook = doc.child(root, "CodeBook")
        if codebook is not None:
            return doc, doc.child(codebook, "Codes")
        for el in root:
            if not isinstance(el.tag, str) or etree.QName(el).localname != "CodeBook":
                continue
            ns = _namespace(el)
            if ns.startswith(CODEBOOK_NS_PREFIX):
                inner = _Doc(ns, doc.label)
                self.warnings.append(msg(
                    "The codebook is written in the namespace {namespace}; it was read as such.",
                    namespace=ns,
                ))
                return inner, inner.child(el, "Codes")
        return doc, None

    def read_users(self, doc: _Doc, root: etree._Element) -> list[RefiUser]:
        users_el = doc.child(root, "Users")
        users: list[RefiUser] = []
        seen: set[str] = set()
        for el in doc.children(users_el, "User") if users_el is not None else []:
            guid = doc.guid(el)
            if guid in seen:
                continue
            seen.add(guid)
            users.append(RefiUser(guid=guid, name=el.get("name") or el.get("id") or guid))
        return users

    def read_notes(self, doc: _Doc, root: etree._Element, base_dir: str) -> _Memos:
        memos = _Memos(doc)
        notes_el = doc.child(root, "Notes")
        for el in doc.children(notes_el, "Note") if notes_el is not None else []:
            guid = doc.guid(el)
            name = el.get("name") or ""
            text = self.text_of(doc, el, base_dir, msg("the note “{name}”", name=name or guid))
            memos.notes[guid] = RefiNote(
                guid=guid,
                name=name,
                text=normalise_text(text),
                creator_guid=doc.optional_guid(el, "creatingUser"),
                created=parse_datetime(el.get("creationDateTime")),
            )
        return memos

    def read_sources(
        self, doc: _Doc, root: etree._Element, base_dir: str, memos: _Memos
    ) -> list[_RawSource]:
        sources_el = doc.child(root, "Sources")
        if sources_el is None:
            return []
        skipped: dict[str, int] = {}
        out: list[_RawSource] = []
        seen: set[str] = set()
        for el in sources_el:
            if not isinstance(el.tag, str):
                continue
            kind = etree.QName(el).localname
            if kind != "TextSource":
                skipped[kind] = skipped.get(kind, 0) + 1
                continue
            guid = doc.guid(el)
            if guid in seen:
                raise doc.refuse(el, msg("the source GUID {guid} is used twice", guid=guid))
            seen.add(guid)
            path = el.get("plainTextPath") or ""
            if path and self.no_source_files and self.resolve(base_dir, path) is None:
                self.sources_without_files += 1
                continue
            name = el.get("name") or (PurePosixPath(path.split("://")[-1]).stem if path else "")
            name = name or f"Source {len(out) + 1}"
            raw = self.text_of(doc, el, base_dir, msg("the source “{name}”", name=name))
            out.append(
                _RawSource(
                    guid=guid,
                    name=name,
                    positions=SourcePositions(raw),
                    memo=memos.of_or_description(el),
                    selections=self.read_selections(doc, el, name, memos),
                    values=self.read_values(doc, el),
                )
            )
        for kind, n in skipped.items():
            self.warnings.append(msg(
                "{count} {kind} source(s) were skipped: only text sources can be imported.",
                count=n, kind=kind.removesuffix("Source").lower(),
            ))
        return out

    def read_codings(self, doc: _Doc, el: etree._Element, memos: _Memos) -> list[RefiCoding]:
        codings = []
        for c in doc.children(el, "Coding"):
            ref = doc.child(c, "CodeRef")
            if ref is None:
                raise doc.refuse(c, msg("a coding has no CodeRef"))
            codings.append(
                RefiCoding(
                    code_guid=doc.guid(ref, "targetGUID"),
                    coder_guid=doc.optional_guid(c, "creatingUser"),
                    created=parse_datetime(c.get("creationDateTime")),
                    memo=memos.of(c),
                    guid=doc.optional_guid(c, "guid"),
                )
            )
        return codings

    def read_selections(
        self, doc: _Doc, source_el: etree._Element, name: str, memos: _Memos
    ) -> list[_RawSelection]:
        out = []
        for el in doc.children(source_el, "PlainTextSelection"):
            try:
                start = int(el.get("startPosition", ""))
                end = int(el.get("endPosition", ""))
            except ValueError:
                raise doc.refuse(
                    el, msg("a selection in the source “{name}” has no valid start or end",
                            name=name)
                ) from None
            if start < 0 or end < start:
                raise ImportRefused(
                    "{file} is damaged: a selection in the source “{name}” runs from {start} to "
                    "{end} (line {line}).", file=self.label, name=name, start=start, end=end,
                    line=el.sourceline,
                )
            out.append(
                _RawSelection(
                    el=el,
                    guid=doc.guid(el),
                    start=start,
                    end=end,
                    codings=self.read_codings(doc, el, memos),
                    creator=doc.optional_guid(el, "creatingUser"),
                    created=parse_datetime(el.get("creationDateTime")),
                    memo=memos.of_or_description(el),
                )
            )
        # A <Coding> directly on the source codes all of it.
        whole = self.read_codings(doc, source_el, memos)
        if whole:
            out.append(
                _RawSelection(
                    el=source_el,
                    guid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"refi-source:{doc.guid(source_el)}")),
                    start=0,
                    end=0,
                    codings=whole,
                    creator=None,
                    created=None,
                    memo=None,
                    whole_source=True,
                )
            )
        return out

    def refuse_out_of_range(self, sources: list[_RawSource]) -> NoReturn:
        """Name the first selection that no reading of the offsets can fit in its text."""
        for s in sources:
            limit = max(s.positions.length(rule) for rule in CANDIDATES)
            for sel in s.selections:
                if sel.end > limit:
                    raise ImportRefused(
                        "{file} is damaged: a selection in the source “{name}” ends at {end}, "
                        "beyond the end of its text ({limit}) (line {line}).", file=self.label,
                        name=s.name, end=sel.end, limit=limit, line=sel.el.sourceline,
                    )
        raise ImportRefused("{file} is damaged: its selections do not fit their texts.",
                            file=self.label)

    def finish_source(
        self,
        raw: _RawSource,
        rule: OffsetRule,
        code_guids: set[str],
        users: list[RefiUser],
        user_guids: set[str],
    ) -> RefiSource:
        text = raw.positions.text
        merged: dict[tuple[int, int], RefiSelection] = {}
        dangling = duplicates = empty = 0
        for sel in raw.selections:
            if sel.whole_source:
                start, end = 0, len(text)
            else:
                start = raw.positions.convert(sel.start, rule)[0]
                end = raw.positions.convert(sel.end, rule)[0]
            if start == end:
                empty += 1
                continue
            codings = []
            for coding in sel.codings:
                if coding.code_guid not in code_guids:
                    dangling += 1
                    continue
                self.ensure_user(coding.coder_guid, users, user_guids)
                # A selection's memo is its own codings' memo (one element per coding is how
                # NVivo and QualCoder write it); merging same-range selections must not hand
                # one coder's memo to another.
                coding.memo = _joined(coding.memo, sel.memo)
                codings.append(coding)
            self.ensure_user(sel.creator, users, user_guids)
            # Only a selection without codings keeps its memo: a comment on uncoded text.
            comment = None if sel.codings else sel.memo
            target = merged.get((start, end))
            if target is None:
                merged[(start, end)] = RefiSelection(
                    guid=sel.guid,
                    start=start,
                    end=end,
                    codings=[],
                    creator_guid=sel.creator,
                    created=sel.created,
                    memo=comment,
                )
                target = merged[(start, end)]
            else:
                target.merged_from.append(sel.guid)
                target.memo = _joined(target.memo, comment)
            have = {(c.code_guid, c.coder_guid) for c in target.codings}
            for coding in codings:
                key = (coding.code_guid, coding.coder_guid)
                if key in have:
                    duplicates += 1
                    continue
                have.add(key)
                target.codings.append(coding)
        if dangling:
            self.warnings.append(msg(
                "{count} coding(s) in the source “{name}” refer to codes missing from the "
                "codebook and were skipped.", count=dangling, name=raw.name,
            ))
        if duplicates:
            self.warnings.append(msg(
                "{count} repeated coding(s) in the source “{name}” (same code, coder and "
                "range) were kept once.", count=duplicates, name=raw.name,
            ))
        if empty:
            self.warnings.append(msg(
                "{count} empty selection(s) in the source “{name}” were skipped.",
                count=empty, name=raw.name,
            ))
        return RefiSource(
            guid=raw.guid,
            name=raw.name,
            text=text,
            selections=list(merged.values()),
            memo=raw.memo,
            values=raw.values,
        )

    def ensure_user(self, guid: str | None, users: list[RefiUser], known: set[str]) -> None:
        if guid is None or guid in known:
            return
        known.add(guid)
        users.append(RefiUser(guid=guid, name=f"Unknown user {guid[:8]}"))
        self.warnings.append(msg(
            "User {guid} is not listed in the project; they were added as “Unknown user "
            "{short}”.", guid=guid, short=guid[:8],
        ))


def read_qdpx(
    path: str | Path, *, limits: Limits | None = None, utf16: bool | None = None,
    crlf: int | None = None,
) -> RefiProject:
    """Read a REFI-QDA project archive; offsets come back in code points of normalised text.

    ``utf16`` (offsets count UTF-16 units, else code points) and ``crlf`` (a CRLF line end
    counts 1 or 2 positions) override what detection decides; ``None`` leaves it to it.
    Raises :class:`ImportRefused` for anything unsafe, damaged or incomplete.
    """
    path = Path(path)
    with SafeArchive(path, limits) as archive:
        return _ProjectReader(archive, f"“{path.name}”", utf16, crlf).read()
