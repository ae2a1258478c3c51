"""Writing REFI-QDA 1.0: ``.qdpx`` projects and ``.qdc`` codebooks.

We write the standard exactly, not any producer's dialect, so every conforming reader gets
the same thing: ``project.qde`` plus a lowercase ``sources/`` folder of GUID-named UTF-8
text files (no BOM, LF line ends) referenced as ``internal://<guid>.txt``; offsets in code
points; memos as ``<Note>`` elements referenced with ``<NoteRef>``. Element order follows
the schema's sequences, and empty containers (a ``<Users>`` without users...) are left out
because the schema requires at least one child.

The model is checked first (GUIDs, colours, ranges inside the texts, references to known
codes and users, normalised texts): a violation is a bug in the caller and raises
``ValueError`` before any file is touched. Output is written to a temporary file beside the
target and moved into place, so a failure never leaves a half-written file. GUIDs the model
leaves open (a coding's, a memo's note) are derived deterministically from their owner, so
writing the same project twice gives the same XML.

Two things are written beside the standard's minimum because readers depend on them: every
memo also as ``<Description>`` (QualCoder, NVivo and ATLAS.ti read memos there), and
variables, cases and sets (typed ``VariableValue`` s on sources and cases). An element that
came into the project with an identifier that is no GUID (``RefiProject.original_ids``,
openQDA's ``c001``) goes back out with it, so the program that wrote it recognises its own
codes; such a file is no more schema-valid than the one it came from.
"""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from lxml import etree

from annotator import __version__ as _version
from annotator.domain.offsets import Utf16Map
from annotator.domain.text import normalise_text
from annotator.io.refi.model import (
    REVIEWED_LINK,
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiProject,
    RefiSelection,
    RefiVariable,
)
from annotator.io.refi.reader import canonical_color, canonical_guid
from annotator.store.debris import temporary_name

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ORIGIN = f"Annotator {_version}"
_GUID_NAMESPACE = uuid.UUID("6f1f3f7c-0b7e-4d1e-9a56-3c2f0f6f7a11")


# Characters XML 1.0 cannot carry at all (control characters other than tab and line ends,
# lone surrogates, U+FFFE/U+FFFF). Word documents do contain some (vertical tab, form feed):
# in names, descriptions and memos they become U+FFFD rather than fail the export. Source
# texts go to their own files and are written unchanged.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def unsafe_characters(text: str) -> int:
    """How many characters of ``text`` :func:`xml_safe` replaces (the export says so)."""
    return len(_XML_ILLEGAL.findall(text))


# Attributes that hold an element's identifier or a reference to one: an element that came
# with another identifier than a GUID goes back out with it.
_ID_ATTRIBUTES = frozenset({"guid", "targetGUID", "creatingUser"})

# The typed element a variable's value is written in.
_VALUE_ELEMENT = {"Text": "TextValue", "Boolean": "BooleanValue", "Integer": "IntegerValue",
                  "Float": "FloatValue", "Date": "DateValue", "DateTime": "DateTimeValue"}


def _derived_guid(*parts: str) -> str:
    return str(uuid.uuid5(_GUID_NAMESPACE, "/".join(parts)))


def _xsd_datetime(value: datetime) -> str:
    """An ``xsd:dateTime`` in UTC with ``Z``: stored times are naive UTC, and a time without a
    zone is taken as local time by readers."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


# -- checks -----------------------------------------------------------------------------------


def _check_guid(guid: str | None, what: str) -> None:
    if guid is None or canonical_guid(guid) is None:
        raise ValueError(f"{what} has an invalid GUID {guid!r}")


def _check_codes(codes: Iterable[RefiCode], seen: set[str]) -> None:
    for root in codes:
        for code in root.walk():
            _check_guid(code.guid, f"code {code.name!r}")
            if code.guid in seen:
                raise ValueError(f"GUID {code.guid} is used twice")
            seen.add(code.guid)
            if code.color is not None and canonical_color(code.color) is None:
                raise ValueError(f"code {code.name!r} has an invalid colour {code.color!r}")


def _check_project(project: RefiProject) -> None:
    seen: set[str] = set()
    users: set[str] = set()
    for user in project.users:
        _check_guid(user.guid, f"user {user.name!r}")
        if user.guid in seen:
            raise ValueError(f"GUID {user.guid} is used twice")
        seen.add(user.guid)
        users.add(user.guid)
    _check_codes(project.codes, seen)
    codes = {code.guid for code in project.all_codes()}
    for source in project.sources:
        _check_guid(source.guid, f"source {source.name!r}")
        if source.guid in seen:
            raise ValueError(f"GUID {source.guid} is used twice")
        seen.add(source.guid)
        if normalise_text(source.text) != source.text:
            raise ValueError(f"source {source.name!r} text is not normalised")
        for sel in source.selections:
            _check_guid(sel.guid, f"a selection of {source.name!r}")
            if sel.guid in seen:
                raise ValueError(f"GUID {sel.guid} is used twice")
            seen.add(sel.guid)
            if not 0 <= sel.start < sel.end <= len(source.text):
                raise ValueError(
                    f"selection {sel.guid} [{sel.start}, {sel.end}) is not inside "
                    f"{source.name!r} (length {len(source.text)})"
                )
            for guid in (sel.creator_guid, *(c.coder_guid for c in sel.codings)):
                if guid is not None and guid not in users:
                    raise ValueError(f"user {guid} is not in the project's users")
            for coding in sel.codings:
                if coding.code_guid not in codes:
                    raise ValueError(f"code {coding.code_guid} is not in the codebook")
                if coding.guid is not None:
                    _check_guid(coding.guid, "a coding")
    for note in project.notes:
        _check_guid(note.guid, f"note {note.name!r}")
    variables = {v.guid for v in project.variables}
    sources = {s.guid for s in project.sources}
    for mark in project.reviewed:
        if mark.source_guid not in sources or mark.user_guid not in users:
            raise ValueError(f"reviewed mark {mark} names no source or user of the project")
    for group in (*project.variables, *project.cases, *project.sets):
        _check_guid(group.guid, f"{type(group).__name__} {group.name!r}")
        # NVivo's case coded on text: the code that stands for it shares its GUID
        stands_for = isinstance(group, RefiCase) and group.guid in group.code_guids
        if group.guid in seen and not (stands_for and group.guid in codes):
            raise ValueError(f"GUID {group.guid} is used twice")
        seen.add(group.guid)
    for owner in (*project.sources, *project.cases):
        for guid in owner.values:
            if guid not in variables:
                raise ValueError(f"variable {guid} is not in the project's variables")
    selections = {sel.guid for src in project.sources for sel in src.selections}
    for case in project.cases:
        if not set(case.source_guids) <= sources:
            raise ValueError(f"case {case.name!r} refers to a source that is not exported")
        if not set(case.code_guids) <= codes or not set(case.selection_guids) <= selections:
            raise ValueError(f"case {case.name!r} refers to a code or selection not exported")
    for group in project.sets:
        if not set(group.source_guids) <= sources or not set(group.code_guids) <= codes:
            raise ValueError(f"set {group.name!r} refers to a source or code not exported")


# -- XML building -----------------------------------------------------------------------------


class _Builder:
    """Builds the project document; collects memos into notes as it goes."""

    def __init__(self, project: RefiProject, written: datetime, utf16: bool) -> None:
        self.project = project
        self.utf16 = utf16
        self.q = f"{{{PROJECT_NS}}}"
        self.written = written
        self.notes: list[tuple[str, str, str, datetime]] = []  # (guid, name, text, created)
        self.kinds = {v.guid: v.kind for v in project.variables}

    def el(self, parent: etree._Element, tag: str, /, **attrs: str | None) -> etree._Element:
        sub = etree.SubElement(parent, self.q + tag)
        for key, value in attrs.items():
            if value is not None:
                if key in _ID_ATTRIBUTES:
                    value = self.project.original_ids.get(value, value)
                sub.set(key, xml_safe(value))
        return sub

    def values(self, parent: etree._Element, values: dict[str, str]) -> None:
        for guid, value in values.items():
            vv = self.el(parent, "VariableValue")
            self.el(vv, "VariableRef", targetGUID=guid)
            self.el(vv, _VALUE_ELEMENT[self.kinds[guid]]).text = xml_safe(value)

    def variable(self, parent: etree._Element, var: RefiVariable) -> None:
        el = self.el(parent, "Variable", guid=var.guid, name=var.name,
                     typeOfVariable=var.kind)
        self.description(el, var.description)

    def cases(self, root: etree._Element) -> None:
        if not self.project.cases:
            return
        cases = self.el(root, "Cases")
        for case in self.project.cases:
            el = self.el(cases, "Case", guid=case.guid, name=case.name)
            self.description(el, case.description)
            for guid in case.code_guids:
                self.el(el, "CodeRef", targetGUID=guid)
            self.values(el, case.values)
            for guid in case.source_guids:
                self.el(el, "SourceRef", targetGUID=guid)
            for guid in case.selection_guids:
                self.el(el, "SelectionRef", targetGUID=guid)

    def sets(self, root: etree._Element) -> None:
        if not self.project.sets:
            return
        sets = self.el(root, "Sets")
        for group in self.project.sets:
            el = self.el(sets, "Set", guid=group.guid, name=group.name)
            self.description(el, group.description)
            for guid in group.code_guids:
                self.el(el, "MemberCode", targetGUID=guid)
            for guid in group.source_guids:
                self.el(el, "MemberSource", targetGUID=guid)

    def memo(
        self, parent: etree._Element, owner: str, name: str, text: str | None,
        created: datetime | None = None,
    ) -> None:
        if not text:
            return
        guid = _derived_guid("memo", owner)
        self.notes.append((guid, name, text, created or self.written))
        self.el(parent, "NoteRef", targetGUID=guid)

    def description(self, parent: etree._Element, text: str | None) -> None:
        """The memo again as ``<Description>``: QualCoder, NVivo and ATLAS.ti read a
        selection's, a source's and the project's memo there, not from a ``<Note>``."""
        if text:
            self.el(parent, "Description").text = xml_safe(text)

    def code(self, parent: etree._Element, code: RefiCode) -> None:
        el = self.el(
            parent,
            "Code",
            guid=code.guid,
            name=code.name,
            isCodable="true" if code.is_codable else "false",
            color=canonical_color(code.color),
        )
        if code.description:
            self.el(el, "Description").text = xml_safe(code.description)
        self.memo(el, code.guid, f"Memo: {code.name}", code.memo)
        for child in code.children:
            self.code(el, child)

    def coding(self, parent: etree._Element, sel: RefiSelection, i: int, c: RefiCoding) -> None:
        guid = c.guid or _derived_guid("coding", sel.guid, str(i), c.code_guid)
        el = self.el(
            parent,
            "Coding",
            guid=guid,
            creatingUser=c.coder_guid,
            creationDateTime=_xsd_datetime(c.created) if c.created else None,
        )
        self.el(el, "CodeRef", targetGUID=c.code_guid)
        self.memo(el, guid, "Memo: coding", c.memo, c.created)

    def build(self, origin: str) -> etree._Element:
        p = self.project
        root = etree.Element(self.q + "Project", nsmap={None: PROJECT_NS, "xsi": XSI_NS})
        root.set("name", xml_safe(p.name))
        root.set("origin", origin)
        root.set(
            f"{{{XSI_NS}}}schemaLocation",
            f"{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd",
        )
        if p.users:
            users = self.el(root, "Users")
            for user in p.users:
                self.el(users, "User", guid=user.guid, name=user.name)
        if p.codes:
            codes = self.el(self.el(root, "CodeBook"), "Codes")
            for code in p.codes:
                self.code(codes, code)
        if p.variables:
            variables = self.el(root, "Variables")
            for var in p.variables:
                self.variable(variables, var)
        self.cases(root)
        if p.sources:
            sources = self.el(root, "Sources")
            for source in p.sources:
                src = self.el(
                    sources,
                    "TextSource",
                    guid=source.guid,
                    name=source.name,
                    plainTextPath=f"internal://{source.guid}.txt",
                    creationDateTime=_xsd_datetime(self.written),
                )
                self.description(src, source.memo)
                units = Utf16Map.of(source.text) if self.utf16 else None
                for sel in source.selections:
                    start, end = sel.start, sel.end
                    if units is not None:
                        start, end = units.to_utf16(start), units.to_utf16(end)
                    s = self.el(
                        src,
                        "PlainTextSelection",
                        guid=sel.guid,
                        startPosition=str(start),
                        endPosition=str(end),
                        creatingUser=sel.creator_guid,
                        creationDateTime=_xsd_datetime(sel.created) if sel.created else None,
                    )
                    self.description(s, _selection_description(sel))
                    for i, coding in enumerate(sel.codings):
                        self.coding(s, sel, i, coding)
                    self.memo(s, sel.guid, f"Memo: {source.name} [{sel.start}-{sel.end}]",
                              sel.memo, sel.created)
                self.memo(src, source.guid, f"Memo: {source.name}", source.memo)
                self.values(src, source.values)
        # The project's own memo is referenced last in the sequence, but its note must be
        # collected before <Notes> is written.
        project_note = _derived_guid("memo", "project", p.name) if p.memo else None
        if project_note and p.memo:
            self.notes.append((project_note, f"Memo: {p.name}", p.memo, self.written))
        # Every note carries its dates: QualCoder's importer stops on a note without one.
        free = [(n.guid, n.name, n.text, n.creator_guid, n.created or self.written)
                for n in p.notes]
        owned = [(guid, name, text, None, created) for guid, name, text, created in self.notes]
        reviewed = self.reviewed_notes()
        if owned or free or reviewed:
            notes = self.el(root, "Notes")
            for guid, name, text, creator, created in owned + free + [n for n, _ in reviewed]:
                stamp = _xsd_datetime(created)
                note = self.el(
                    notes,
                    "Note",
                    guid=guid,
                    name=name,
                    creatingUser=creator,
                    creationDateTime=stamp,
                    modifiedDateTime=stamp,
                )
                self.el(note, "PlainTextContent").text = xml_safe(text)
        if reviewed:
            links = self.el(root, "Links")
            for (note_guid, *_rest), source_guid in reviewed:
                self.el(links, "Link", guid=_derived_guid("reviewed-link", note_guid),
                        name=REVIEWED_LINK, direction="OneWay", originGUID=note_guid,
                        targetGUID=source_guid)
        self.sets(root)
        self.description(root, p.memo)
        if project_note:
            self.el(root, "NoteRef", targetGUID=project_note)
        return root


    def reviewed_notes(self) -> list[tuple[tuple[str, str, str, str, datetime], str]]:
        """Each reviewed mark as a note by its coder (and the source it is about), linked
        to the source by a ``REVIEWED_LINK`` link."""
        names = {u.guid: u.name for u in self.project.users}
        sources = {s.guid: s.name for s in self.project.sources}
        out = []
        for mark in self.project.reviewed:
            guid = _derived_guid("reviewed", mark.source_guid, mark.user_guid)
            text = f"{names.get(mark.user_guid, '?')} reviewed “{sources[mark.source_guid]}”."
            out.append(((guid, "Reviewed", text, mark.user_guid, mark.at or self.written),
                        mark.source_guid))
        return out


def _selection_description(sel: RefiSelection) -> str | None:
    """What a reader that takes ``PlainTextSelection/Description`` as the memo of every coding
    in it should see: the selection's memo, or its single coding's."""
    if sel.memo:
        return sel.memo
    if len(sel.codings) == 1:
        return sel.codings[0].memo
    return None


def project_xml(
    project: RefiProject, *, origin: str = ORIGIN, written: datetime | None = None,
    utf16: bool = False,
) -> bytes:
    """The ``project.qde`` document for ``project`` (checked, schema-valid).

    ``written`` dates what has no date of its own (a document's or the project's memo).
    ``utf16`` writes offsets in UTF-16 code units, as NVivo counts them, instead of the
    standard's code points; the two differ only after a character beyond the BMP (emoji,
    rare CJK ideographs).
    """
    _check_project(project)
    root = _Builder(project, written or datetime.now(UTC), utf16).build(origin)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def codebook_xml(
    codes: list[RefiCode], *, origin: str = ORIGIN, original_ids: dict[str, str] | None = None,
) -> bytes:
    """A ``.qdc`` codebook document for the root ``codes`` (memos are not part of it)."""
    _check_codes(codes, set())
    if not codes:
        raise ValueError("a codebook needs at least one code")
    q = f"{{{CODEBOOK_NS}}}"
    root = etree.Element(q + "CodeBook", nsmap={None: CODEBOOK_NS, "xsi": XSI_NS})
    root.set("origin", origin)
    root.set(
        f"{{{XSI_NS}}}schemaLocation",
        f"{CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd",
    )
    codes_el = etree.SubElement(root, q + "Codes")

    def one(parent: etree._Element, code: RefiCode) -> None:
        el = etree.SubElement(parent, q + "Code")
        el.set("guid", (original_ids or {}).get(code.guid, code.guid))
        el.set("name", xml_safe(code.name))
        el.set("isCodable", "true" if code.is_codable else "false")
        color = canonical_color(code.color)
        if color:
            el.set("color", color)
        if code.description:
            etree.SubElement(el, q + "Description").text = xml_safe(code.description)
        for child in code.children:
            one(el, child)

    for code in codes:
        one(codes_el, code)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# -- files ------------------------------------------------------------------------------------


@contextmanager
def _atomic(path: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside ``path`` that replaces it only if the block succeeds.

    Its name is short whatever the target's (``store/debris.py``), and it is created with
    the mode a plainly created file would have (0666 less the umask), so colleagues on a
    shared folder can open the export.
    """
    path = Path(path)
    tmp = temporary_name(path, "refi")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_qdpx(
    project: RefiProject, path: str | Path, *, origin: str = ORIGIN,
    written: datetime | None = None, utf16: bool = False,
) -> None:
    """Write ``project`` as a REFI-QDA 1.0 project archive at ``path`` (see :func:`project_xml`)."""
    qde = project_xml(project, origin=origin, written=written, utf16=utf16)
    stamp = datetime.now().timetuple()[:6]
    with _atomic(Path(path)) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("project.qde", date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, qde)
        for source in project.sources:
            info = zipfile.ZipInfo(f"sources/{source.guid}.txt", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, source.text.encode("utf-8"))


def write_qdc(
    codes: list[RefiCode], path: str | Path, *, origin: str = ORIGIN,
    original_ids: dict[str, str] | None = None,
) -> None:
    """Write the root ``codes`` as a REFI-QDA 1.0 codebook (``.qdc``) at ``path``; a code
    that came with another identifier than a GUID (``original_ids``) goes out with it."""
    data = codebook_xml(codes, origin=origin, original_ids=original_ids)
    with _atomic(Path(path)) as fh:
        fh.write(data)
