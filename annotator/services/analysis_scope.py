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
from annotator.messages import Msg, msg
from annotator.services.attributes import canonical
from annotator.store.models import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    Coder,
    Coding,
    Document,
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

    def describe(self) -> list[Msg]:
        """One line per filter, for the top of a sheet or a report."""
        lines = []
        if self.documents:
            lines.append(msg("Documents: {names}", names=", ".join(self.documents)))
        if self.cases:
            lines.append(msg("Cases: {names}", names=", ".join(self.cases)))
        for name, value in self.where:
            lines.append(msg("Attribute {name} = {value}", name=name, value=value))
        if self.coders:
            lines.append(msg("Coders: {names}", names=", ".join(self.coders)))
        if not lines:
            lines.append(msg("All documents, all coders"))
        return lines

    def to_json(self) -> dict:
        return {"documents": list(self.documents), "cases": list(self.cases),
                "where": [list(w) for w in self.where], "coders": list(self.coders)}

    @classmethod
    def from_json(cls, data: dict) -> "Scope":
        return cls(tuple(data.get("documents", ())), tuple(data.get("cases", ())),
                   tuple((str(a), str(v)) for a, v in data.get("where", ())),
                   tuple(data.get("coders", ())))


@dataclass
class Resolved:
    """A scope turned into ids: the documents (in project order) and coders it covers."""

    documents: dict[int, str]                  # id → name, project order
    coder_ids: list[int] | None                # None = every coder
    case_of: dict[int, list[int]] = field(default_factory=dict)   # document → cases
    case_names: dict[int, str] = field(default_factory=dict)
    all_documents: int = 0                     # documents in the project


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


def resolve(s: Session, scope: Scope) -> Resolved:
    docs = dict(s.execute(select(Document.id, Document.name)
                          .order_by(Document.position, Document.id)).all())
    memberships = s.execute(select(CaseDocument.document_id, CaseDocument.case_id)).all()
    case_of: dict[int, list[int]] = {}
    for did, cid in memberships:
        case_of.setdefault(did, []).append(cid)
    case_names = dict(s.execute(select(Case.id, Case.name)).all())
    keep = set(docs)
    if scope.documents:
        by_name = {name: did for did, name in docs.items()}
        for name in scope.documents:
            if name not in by_name:
                raise NotFound("no document named {name!r} in this project", name=name)
        keep &= {by_name[n] for n in scope.documents}
    if scope.cases:
        by_name = {name: cid for cid, name in case_names.items()}
        for name in scope.cases:
            if name not in by_name:
                raise NotFound("no case named {name!r} in this project", name=name)
        wanted = {by_name[n] for n in scope.cases}
        keep &= {d for d, cs in case_of.items() if wanted & set(cs)}
    for name, value in scope.where:
        attr = _attribute(s, name)
        value = canonical(attr.type, value)         # "34.0" finds the stored "34"
        owners = set(s.scalars(
            select(AttributeValue.document_id if attr.scope == "document"
                   else AttributeValue.case_id)
            .where(AttributeValue.attribute_id == attr.id, AttributeValue.value == value)
        ))
        if attr.scope == "document":
            keep &= owners
        else:
            keep &= {d for d, cs in case_of.items() if owners & set(cs)}
    coder_ids = None
    if scope.coders:
        found = dict(s.execute(select(Coder.name, Coder.id)
                               .where(Coder.name.in_(scope.coders))).all())
        for name in scope.coders:
            if name not in found:
                raise NotFound("no coder named {name!r} in this project", name=name)
        coder_ids = sorted(found.values())
    return Resolved({d: n for d, n in docs.items() if d in keep}, coder_ids, case_of,
                    case_names, len(docs))


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
    if len(r.documents) < r.all_documents:
        doc = a[:, 0 if spans_only else 1]
        a = a[np.isin(doc, np.fromiter(r.documents, dtype=np.int64))]
    return a


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
    return [tuple(row) for row in rows if row[1] in docs]


def check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("the analysis was cancelled; nothing was changed")
