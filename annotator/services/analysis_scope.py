"""What an analysis looks at: documents, cases, attribute values and coders.

Every analysis (queries, co-occurrence, crosstabs) takes one ``Scope`` and asks it for
the documents and coders it covers and for the codings inside it, read as plain rows in
one query, so a filter means the same thing everywhere and is written above each sheet.
Long work reports progress and stops when asked: ``Progress`` is called with
``(done, total)`` and the ``cancel`` callable is polled once per document.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.errors import AnnotatorError, InvalidInput, NotFound
from annotator.domain.intervals import Span, union
from annotator.domain.query import intersect
from annotator.messages import Msg, msg
from annotator.services.attributes import canonical
from annotator.store.models import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    CaseSegment,
    Coder,
    CodeSet,
    CodeSetMember,
    Coding,
    Document,
    DocumentSet,
    DocumentSetMember,
)

if TYPE_CHECKING:  # numpy is imported when an analysis runs, not when the window starts
    import numpy as np

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]


class Cancelled(AnnotatorError):
    """The user stopped a long analysis; nothing was written."""


@dataclass(frozen=True)
class Scope:
    """Names as the user gives them; empty means "all"."""

    documents: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    where: tuple[tuple[str, str], ...] = ()       # (attribute name, value), all must hold
    coders: tuple[str, ...] = ()
    document_sets: tuple[str, ...] = ()          # documents of any of these sets
    code_sets: tuple[str, ...] = ()              # matrices: only the codes of these sets

    def describe(self) -> list[Msg]:
        """One line per filter, for the top of a sheet or a report."""
        lines = []
        if self.documents:
            lines.append(msg("Documents: {names}", names=", ".join(self.documents)))
        if self.document_sets:
            lines.append(msg("Document sets: {names}", names=", ".join(self.document_sets)))
        if self.cases:
            lines.append(msg("Cases: {names}", names=", ".join(self.cases)))
        for name, value in self.where:
            lines.append(msg("Attribute {name} = {value}", name=name, value=value))
        if self.coders:
            lines.append(msg("Coders: {names}", names=", ".join(self.coders)))
        if self.code_sets:
            lines.append(msg("Code sets: {names}", names=", ".join(self.code_sets)))
        if not lines:
            lines.append(msg("All documents, all coders"))
        return lines

    def to_json(self) -> dict:
        out = {"documents": list(self.documents), "cases": list(self.cases),
               "where": [list(w) for w in self.where], "coders": list(self.coders)}
        if self.document_sets:
            out["document_sets"] = list(self.document_sets)
        if self.code_sets:
            out["code_sets"] = list(self.code_sets)
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Scope":
        return cls(tuple(data.get("documents", ())), tuple(data.get("cases", ())),
                   tuple((str(a), str(v)) for a, v in data.get("where", ())),
                   tuple(data.get("coders", ())), tuple(data.get("document_sets", ())),
                   tuple(data.get("code_sets", ())))


# A filter's reach: document → the stretches of it inside (None: the whole document).
Part = dict[int, list[Span] | None]


@dataclass
class Resolved:
    """A scope turned into ids: the documents (in project order) and coders it covers."""

    documents: dict[int, str]                  # id → name, project order
    coder_ids: list[int] | None                # None = every coder
    case_of: dict[int, list[int]] = field(default_factory=dict)   # document → cases
    case_names: dict[int, str] = field(default_factory=dict)
    all_documents: int = 0                     # documents in the project
    # documents the scope covers only in part (cases coded on segments): their stretches
    regions: dict[int, list[Span]] = field(default_factory=dict)
    # document → case → the stretches of the document coded to that case
    case_segments: dict[int, dict[int, list[Span]]] = field(default_factory=dict)
    code_ids: set[int] | None = None           # None = every code (no code-set filter)

    def selection(self) -> Part:
        """The text the scope covers, per document in project order."""
        return {d: self.regions.get(d) for d in self.documents}


ALL = Scope()


def parse_where(items: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``ATTR=VALUE`` strings → pairs; anything else is refused."""
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput("--where takes ATTRIBUTE=VALUE, not {item!r}", item=item)
        pairs.append((name.strip(), value.strip()))
    return tuple(pairs)


def _attribute(s: Session, name: str) -> Attribute:
    rows = s.scalars(select(Attribute).where(Attribute.name == name)
                     .order_by(Attribute.scope.desc())).all()
    if not rows:
        raise NotFound("no attribute named {name!r} in this project", name=name)
    return rows[0]          # a document attribute wins over a case attribute of that name


def _meet(a: Part, b: Part) -> Part:
    """Text inside both filters."""
    out: Part = {}
    for d, spans in a.items():
        if d not in b:
            continue
        other = b[d]
        both = other if spans is None else spans if other is None else intersect(spans, other)
        if both is None or both:
            out[d] = both
    return out


def _case_part(wanted: set[int], case_of: dict[int, list[int]],
               segments: dict[int, dict[int, list[Span]]]) -> Part:
    """The text of the ``wanted`` cases: their whole documents, and their stretches."""
    part: Part = {d: None for d, cs in case_of.items() if wanted & set(cs)}
    for d, by_case in segments.items():
        if d in part:
            continue
        spans = [sp for c, sps in by_case.items() if c in wanted for sp in sps]
        if spans:
            part[d] = union(spans)
    return part


def _names_to_ids(s: Session, model, names: tuple[str, ...], missing: str) -> set[int]:
    found = dict(s.execute(select(model.name, model.id).where(model.name.in_(names))).all())
    for name in names:
        if name not in found:
            raise NotFound(missing, name=name)
    return set(found.values())


def resolve(s: Session, scope: Scope) -> Resolved:
    docs = dict(s.execute(select(Document.id, Document.name)
                          .order_by(Document.position, Document.id)).all())
    memberships = s.execute(select(CaseDocument.document_id, CaseDocument.case_id)).all()
    case_of: dict[int, list[int]] = {}
    for did, cid in memberships:
        case_of.setdefault(did, []).append(cid)
    segments: dict[int, dict[int, list[Span]]] = {}
    for cid, did, start, end in s.execute(
            select(CaseSegment.case_id, CaseSegment.document_id, CaseSegment.start,
                   CaseSegment.end).order_by(CaseSegment.start)):
        segments.setdefault(did, {}).setdefault(cid, []).append((start, end))
    case_names = dict(s.execute(select(Case.id, Case.name)).all())
    keep: Part = dict.fromkeys(docs)
    if scope.documents:
        by_name = {name: did for did, name in docs.items()}
        for name in scope.documents:
            if name not in by_name:
                raise NotFound("no document named {name!r} in this project", name=name)
        keep = _meet(keep, dict.fromkeys(by_name[n] for n in scope.documents))
    if scope.document_sets:
        sets = _names_to_ids(s, DocumentSet, scope.document_sets,
                             "no document set named {name!r} in this project")
        keep = _meet(keep, dict.fromkeys(s.scalars(
            select(DocumentSetMember.document_id).where(DocumentSetMember.set_id.in_(sets)))))
    if scope.cases:
        wanted = _names_to_ids(s, Case, scope.cases, "no case named {name!r} in this project")
        keep = _meet(keep, _case_part(wanted, case_of, segments))
    for name, value in scope.where:
        attr = _attribute(s, name)
        value = canonical(attr.type, value)         # "34.0" finds the stored "34"
        owners = set(s.scalars(
            select(AttributeValue.document_id if attr.scope == "document"
                   else AttributeValue.case_id)
            .where(AttributeValue.attribute_id == attr.id, AttributeValue.value == value)
        ))
        keep = _meet(keep, dict.fromkeys(owners) if attr.scope == "document"
                     else _case_part(owners, case_of, segments))
    coder_ids = None
    if scope.coders:
        coder_ids = sorted(_names_to_ids(s, Coder, scope.coders,
                                         "no coder named {name!r} in this project"))
    code_ids = None
    if scope.code_sets:
        sets = _names_to_ids(s, CodeSet, scope.code_sets,
                             "no code set named {name!r} in this project")
        code_ids = set(s.scalars(select(CodeSetMember.code_id)
                                 .where(CodeSetMember.set_id.in_(sets))))
    return Resolved({d: n for d, n in docs.items() if d in keep}, coder_ids, case_of,
                    case_names, len(docs),
                    {d: spans for d, spans in keep.items() if spans is not None},
                    segments, code_ids)


def clip_rows(a: "np.ndarray", regions: dict[int, list[Span]], doc_col: int,
              start_col: int) -> "np.ndarray":
    """Rows of documents covered in part cut to the stretches inside: a coding that
    crosses a speaker's turn counts for the part inside it; one wholly outside goes."""
    import numpy as np

    if not regions or not len(a):
        return a
    doc = a[:, doc_col]
    partial = np.isin(doc, np.fromiter(regions, dtype=np.int64))
    pieces = [a[~partial]]
    inside = a[partial]
    end_col = start_col + 1
    for did, spans in regions.items():
        rows = inside[inside[:, doc_col] == did]
        for lo, hi in spans:
            cut = rows[(rows[:, start_col] < hi) & (rows[:, end_col] > lo)].copy()
            np.maximum(cut[:, start_col], lo, out=cut[:, start_col])
            np.minimum(cut[:, end_col], hi, out=cut[:, end_col])
            pieces.append(cut)
    return np.concatenate(pieces)


def coding_array(s: Session, r: Resolved, code_ids: Iterable[int] | None = None,
                 spans_only: bool = False) -> "np.ndarray":
    """The codings inside the scope as an integer array read in one query: ``(coding id,
    document, code, coder, start, end)`` rows, or with ``spans_only`` just ``(document,
    code, start, end)`` (what the matrices need: a third less to read).

    The rows go through the DB-API cursor and straight into numpy: reading 100,000 rows
    as SQLAlchemy rows and then tuples cost more than the analyses done with them. Only
    integers are bound, and they are written into the statement as literals, so the same
    text runs on SQLite and PostgreSQL.
    """
    import numpy as np

    columns = ((Coding.document_id, Coding.code_id, Coding.start, Coding.end) if spans_only
               else (Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id,
                     Coding.start, Coding.end))
    q = select(*columns)
    if code_ids is not None:
        q = q.where(Coding.code_id.in_([int(c) for c in code_ids]))
    if r.coder_ids is not None:
        q = q.where(Coding.coder_id.in_([int(c) for c in r.coder_ids]))
    conn = s.connection()
    sql = str(q.compile(conn, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    width = len(columns)
    a = np.fromiter(chain.from_iterable(rows), dtype=np.int64,
                    count=width * len(rows)).reshape(-1, width)
    doc_col = 0 if spans_only else 1
    if len(r.documents) < r.all_documents:
        a = a[np.isin(a[:, doc_col], np.fromiter(r.documents, dtype=np.int64))]
    return clip_rows(a, r.regions, doc_col, doc_col + 2 if spans_only else doc_col + 3)


def codings(s: Session, r: Resolved, code_ids: Iterable[int] | None = None
            ) -> list[tuple[int, int, int, int, int, int]]:
    """``(coding id, document, code, coder, start, end)`` inside the scope, one query; for
    a query's few codes (the statement is compiled once and cached, unlike
    ``coding_array``'s, which pays off only for many rows)."""
    q = select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start,
               Coding.end)
    if code_ids is not None:
        q = q.where(Coding.code_id.in_(list(code_ids)))
    if r.coder_ids is not None:
        q = q.where(Coding.coder_id.in_(r.coder_ids))
    rows = s.connection().execute(q).all()
    docs = r.documents
    # Plain tuples: the loops of a query read them many times faster than rows.
    out = [tuple(row) for row in rows if row[1] in docs]
    if not r.regions:
        return out
    clipped = []
    for row in out:
        cid, d, code, coder, start, end = row
        if d not in r.regions:
            clipped.append(row)
            continue
        clipped.extend((cid, d, code, coder, max(start, lo), min(end, hi))
                       for lo, hi in r.regions[d] if start < hi and end > lo)
    return clipped


def check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("the analysis was cancelled; nothing was changed")
