"""The REFI-QDA exchange model: what a ``.qdpx`` / ``.qdc`` file holds, in Python terms.

This layer sits between the XML and the project store. It owns nothing but data: reading
fills it from any producer's dialect (NVivo, ATLAS.ti, qc, ...), writing turns it into
schema-valid REFI-QDA 1.0, and the services map it to and from the database.

Conventions every reader guarantees, so that callers never have to think about dialects:

- ``text`` is normalised with :func:`annotator.domain.text.normalise_text` (no BOM, LF
  line ends) and ``start``/``end`` are half-open ``[start, end)`` offsets in **code
  points** of that text (Python ``str`` indices), whatever unit the file used.
- GUIDs are lower case without braces (``{ABC-...}`` and ``abc-...`` are the same GUID in
  the wild; references are matched on this canonical form).
- Colours are ``"#RRGGBB"`` in upper case, or ``None``.
- A range coded several times is one :class:`RefiSelection` with several codings (see
  :attr:`RefiSelection.merged_from`).

Facts about the file that was read (``origin``, the offset rule used, warnings) are kept on
:class:`RefiProject` but excluded from equality: two projects are equal when their content
is, whichever program wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from annotator.messages import Msg


@dataclass
class RefiUser:
    """A person (or program) that created codings; REFI's ``<User>``."""

    guid: str
    name: str


@dataclass
class RefiCode:
    """A code of the codebook, with its children in order."""

    guid: str
    name: str
    color: str | None = None
    description: str | None = None
    is_codable: bool = True
    children: list[RefiCode] = field(default_factory=list)
    memo: str | None = None

    def walk(self) -> Iterator[RefiCode]:
        """This code and all its descendants, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class RefiCoding:
    """One code applied to a selection by one coder.

    ``guid`` is the ``<Coding>`` element's GUID; the writer mints one when it is ``None``.
    """

    code_guid: str
    coder_guid: str | None = None
    created: datetime | None = None
    memo: str | None = None
    guid: str | None = None


@dataclass
class RefiSelection:
    """A coded range ``[start, end)`` of a source, in code points of the normalised text.

    ``merged_from`` lists the GUIDs of further ``<PlainTextSelection>`` elements of the file
    that had exactly the same range and were folded into this one (NVivo writes one element
    per coding). ``1 + len(merged_from)`` is therefore the number of elements this selection
    came from, which lets a caller reconcile counts with the file. It describes the file
    read, not the selection: the writer writes one element per selection and ignores it, and
    it takes no part in equality.
    """

    guid: str
    start: int
    end: int
    codings: list[RefiCoding] = field(default_factory=list)
    creator_guid: str | None = None
    created: datetime | None = None
    memo: str | None = None
    merged_from: list[str] = field(default_factory=list, compare=False)


@dataclass
class RefiSource:
    """A text document: its normalised text and the selections coded in it."""

    guid: str
    name: str
    text: str
    selections: list[RefiSelection] = field(default_factory=list)
    memo: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    """Variable GUID → value (REFI ``VariableValue``), as written (``true``, ``3.5``, a date)."""


VARIABLE_TYPES = ("Text", "Boolean", "Integer", "Float", "Date", "DateTime")


@dataclass
class RefiVariable:
    """A variable (an attribute) of sources or cases; ``kind`` is REFI's ``typeOfVariable``."""

    guid: str
    name: str
    kind: str = "Text"
    description: str | None = None


@dataclass
class RefiCase:
    """A case: a named group of sources, or of stretches of them, with variable values of
    its own.

    ``segments`` are the stretches the case is coded on, ``(source GUID, start, end)`` in
    code points: what the file's ``<CodeRef>`` s (every selection coded with that code
    belongs to the case) and ``<SelectionRef>`` s resolve to. NVivo's convention — and what
    QualCoder reads — is a code with the case's own GUID whose codings are the case's text:
    the reader resolves that too and leaves such a code out of the codebook.

    ``code_guids`` and ``selection_guids`` are the references to write (the writer puts
    them out as ``<CodeRef>`` / ``<SelectionRef>``); ``unresolved`` counts references of
    the file that point at nothing it holds. Those three describe the file and take no part
    in equality.
    """

    guid: str
    name: str
    description: str | None = None
    source_guids: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    segments: list[tuple[str, int, int]] = field(default_factory=list)
    code_guids: list[str] = field(default_factory=list, compare=False)
    selection_guids: list[str] = field(default_factory=list, compare=False)
    unresolved: int = field(default=0, compare=False)


@dataclass
class RefiSet:
    """A named group of codes and/or sources (ATLAS.ti code groups, MAXQDA document sets).

    ``notes`` counts member notes, which Annotator cannot group; it takes no part in
    equality.
    """

    guid: str
    name: str
    description: str | None = None
    code_guids: list[str] = field(default_factory=list)
    source_guids: list[str] = field(default_factory=list)
    notes: int = field(default=0, compare=False)


@dataclass
class RefiNote:
    """A free-standing memo: a ``<Note>`` that no code, source or selection refers to."""

    guid: str
    name: str
    text: str
    creator_guid: str | None = None
    created: datetime | None = None


REVIEWED_LINK = "Annotator: reviewed"
"""The ``name`` of a ``<Link>`` from a ``<Note>`` to a ``<TextSource>`` saying that the note's
``creatingUser`` finished reading that source (a reviewed mark, see
:mod:`annotator.services.reviewed`). REFI-QDA has no element for it; a named link between a
note and a source is schema-valid, and a reader that does not know the convention sees one
free-standing note (QualCoder skips notes without a file or a reference)."""


@dataclass
class RefiReviewed:
    """One reviewed mark: ``user_guid`` finished reading the source ``source_guid``."""

    source_guid: str
    user_guid: str
    at: datetime | None = None


@dataclass
class RefiProject:
    """A whole exchange file: users, codebook (roots), sources, memos.

    ``origin`` (the producing program), ``offset_rule`` and ``offset_reason`` (how the file's
    offsets were read and why, see :mod:`annotator.io.refi.positions`), ``warnings`` (what
    was skipped, one readable sentence each) and ``original_ids`` describe the file read and
    do not take part in equality. On writing, ``original_ids`` gives elements back the
    identifiers their producer knows them by.
    """

    name: str
    users: list[RefiUser] = field(default_factory=list)
    codes: list[RefiCode] = field(default_factory=list)
    sources: list[RefiSource] = field(default_factory=list)
    memo: str | None = None
    notes: list[RefiNote] = field(default_factory=list)
    variables: list[RefiVariable] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    sets: list[RefiSet] = field(default_factory=list)
    reviewed: list[RefiReviewed] = field(default_factory=list)
    origin: str | None = field(default=None, compare=False)
    offset_rule: str | None = field(default=None, compare=False)
    offset_reason: Msg | None = field(default=None, compare=False)
    warnings: list[Msg] = field(default_factory=list, compare=False)
    original_ids: dict[str, str] = field(default_factory=dict, compare=False)
    """GUID used inside → the identifier the file had, for identifiers that were no GUIDs."""

    def all_codes(self) -> Iterator[RefiCode]:
        """Every code of the codebook, depth first."""
        for root in self.codes:
            yield from root.walk()
