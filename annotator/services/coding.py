"""Coding and uncoding spans, and retrieving coded segments.

Offsets are code points of the stored text, half-open ``[start, end)``. Uncoding works
the way NVivo's "Uncode" does: the characters in the range stop being coded with that
code by that coder, so a coding that reaches past the range is trimmed (or split in two)
rather than removed whole. Each operation returns what it removed and created as typed
rows (``services/rows.py``) and what it changed as a ``Changes`` record, so the window can
undo and redo it exactly (rows come back with their old ids) and update only what changed.
"""

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services.changes import Changes, added, removed
from annotator.services.codebook import code_paths, subtree_ids
from annotator.services.rows import CodingInfo, CodingRow
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project, now


@dataclass(frozen=True)
class UncodeResult:
    """The codings an uncode removed (whole rows, for undo) and the trimmed parts it made."""

    removed: tuple[CodingRow, ...]
    created: tuple[CodingInfo, ...]

    @property
    def characters(self) -> int:
        """How many characters the removed codings covered."""
        return sum(r.end - r.start for r in self.removed)

    @property
    def changes(self) -> Changes:
        return added(self.created) | removed(self.removed)


@dataclass(frozen=True)
class RemovedCodings:
    """Codings a delete removed, as whole rows (``restore_codings`` puts them back)."""

    rows: tuple[CodingRow, ...]

    @property
    def changes(self) -> Changes:
        return removed(self.rows)


@dataclass(frozen=True)
class Segment:
    coding_id: int
    document_id: int
    document: str
    code_id: int
    code_path: str
    coder: str
    start: int
    end: int
    text: str
    memo: str
    created_at: datetime


class _Doc(Protocol):
    id: int
    name: str
    length: int


class _Code(Protocol):
    id: int
    name: str
    is_codable: bool


def check_span(doc: _Doc, start: int, end: int) -> None:
    if not 0 <= start < end <= doc.length:
        raise InvalidInput(
            "span [{start}, {end}) is not inside {name!r}, which has {length} characters "
            "(0 ≤ start < end ≤ {length})", start=start, end=end, name=doc.name,
            length=doc.length,
        )


def insert_coding(
    s: Session, doc: _Doc, code: _Code, coder_id: int, start: int, end: int,
    memo: str = "", guid: str | None = None, created_at: datetime | None = None,
) -> CodingInfo:
    """The one place a coding is written; ``doc`` and ``code`` may be ORM rows or light rows.

    A plain INSERT rather than an ORM object and a flush: coding a span is what users do
    most, and on a project of 100,000 codings the ORM's bookkeeping cost more than the
    commit itself.
    """
    check_span(doc, start, end)
    if not code.is_codable:
        raise InvalidInput("code {name!r} is a heading and cannot be used for coding",
                           name=code.name)
    twin = s.scalar(
        select(Coding.id).where(
            Coding.document_id == doc.id, Coding.code_id == code.id,
            Coding.coder_id == coder_id, Coding.start == start, Coding.end == end,
        )
    )
    if twin is not None:
        raise Conflict("[{start}, {end}) of {name!r} is already coded with {code!r}",
                       start=start, end=end, name=doc.name, code=code.name)
    result = s.execute(insert(Coding.__table__).values(
        document_id=doc.id, code_id=code.id, coder_id=coder_id, start=start, end=end,
        memo=memo, created_at=created_at or now(), guid=guid or str(uuid.uuid4()),
    ))
    return CodingInfo(result.inserted_primary_key[0], doc.id, code.id, coder_id, start, end, memo)


def doc_row(s: Session, document_id: int) -> _Doc:
    row = s.execute(select(Document.id, Document.name, Document.length)
                    .where(Document.id == document_id)).one_or_none()
    if row is None:
        raise NotFound("document #{id} no longer exists", id=document_id)
    return row


def code_row(s: Session, code_id: int) -> _Code:
    row = s.execute(select(Code.id, Code.name, Code.is_codable)
                    .where(Code.id == code_id)).one_or_none()
    if row is None:
        raise NotFound("code #{id} no longer exists", id=code_id)
    return row


def code_span(
    project: Project, document_id: int, start: int, end: int, code_id: int, coder_id: int,
    memo: str = "",
) -> CodingInfo:
    with project.write() as s:
        return insert_coding(s, doc_row(s, document_id), code_row(s, code_id), coder_id,
                             start, end, memo)


def uncode_span(
    project: Project, document_id: int, start: int, end: int, code_id: int, coder_id: int
) -> UncodeResult:
    with project.write() as s:
        doc, code = doc_row(s, document_id), code_row(s, code_id)
        check_span(doc, start, end)
        hits = s.scalars(
            select(Coding).where(
                Coding.document_id == document_id, Coding.code_id == code_id,
                Coding.coder_id == coder_id, Coding.start < end, Coding.end > start,
            )
        ).all()
        if not hits:
            raise NotFound(
                "nothing in [{start}, {end}) of {name!r} is coded with {code!r} by this coder",
                start=start, end=end, name=doc.name, code=code.name,
            )
        gone = tuple(_row(c) for c in hits)
        keep = [(c.start, start, c) for c in hits if c.start < start]
        keep += [(end, c.end, c) for c in hits if c.end > end]
        for c in hits:
            s.delete(c)
        s.flush()
        created: list[CodingInfo] = []
        for a, b, old in keep:
            exists = s.scalar(select(Coding.id).where(
                Coding.document_id == document_id, Coding.code_id == code_id,
                Coding.coder_id == coder_id, Coding.start == a, Coding.end == b,
            ))
            if exists is None:
                created.append(insert_coding(s, doc, code, coder_id, a, b, old.memo))
        return UncodeResult(gone, tuple(created))


def _row(c: Coding) -> CodingRow:
    return CodingRow.of({col.name: getattr(c, col.key) for col in Coding.__table__.columns})


def coding_rows(s: Session, where) -> tuple[CodingRow, ...]:
    """Whole coding rows (every column), for an undo that must put them back exactly."""
    return tuple(CodingRow.of(r._mapping) for r in s.execute(select(Coding.__table__).where(where)))


def delete_codings(project: Project, ids: Sequence[int]) -> RemovedCodings:
    """Remove codings by id (a click on a coded passage, or undoing a coding)."""
    ids = list(ids)
    with project.write() as s:
        rows = coding_rows(s, Coding.id.in_(ids))
        s.execute(delete(Coding).where(Coding.id.in_(ids)))
        return RemovedCodings(rows)


def restore_codings(project: Project, rows: Sequence[CodingRow],
                    drop: Sequence[CodingInfo] = ()) -> Changes:
    """Undo of a delete or an uncode: drop what it created (``drop``), put back the rows
    it removed, with their ids. Returns what changed."""
    with project.write() as s:
        if drop:
            s.execute(delete(Coding).where(Coding.id.in_([c.id for c in drop])))
        if rows:  # a Core insert: the ORM's bulk path took half a second per 10,000
            s.execute(insert(Coding.__table__), [r.values() for r in rows])
    return added(rows) | removed(drop)


def set_coding_memo(project: Project, coding_id: int, memo: str) -> str:
    with project.write() as s:
        coding = s.get(Coding, coding_id)
        if coding is None:
            raise NotFound("coding #{id} no longer exists", id=coding_id)
        old, coding.memo = coding.memo, memo
        return old


SpanRow = tuple[int, int, int, int, int]  # (coding id, code id, coder id, start, end)


def document_spans(project: Project, document_id: int) -> list[SpanRow]:
    """``(coding id, code id, coder id, start, end)`` of every coding of a document, by start.

    Plain rows from a Core select, not an object per coding (20,000 of those cost more
    than opening the view). The document view reads a stretch at a time instead
    (``spans_starting_in``, ``long_spans``): a whole novel's 300,000 take a second.
    """
    with project.read() as s:
        return list(s.connection().execute(
            _spans().where(Coding.document_id == document_id).order_by(Coding.start)
        ).all())


def _spans():
    return select(Coding.id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)


def _length():
    """A coding's length, spelled as the index ``ix_coding_document_length`` spells it
    (SQLite uses an index on an expression only for that same expression)."""
    return Coding.end - Coding.start


def spans_starting_in(project: Project, document_id: int, lo: int, hi: int,
                      longest: int) -> list[SpanRow]:
    """The codings of a document that start in ``[lo, hi)`` and are at most ``longest``
    characters long, by start: one stretch of the document view's index (a range of
    the covering index, so a few thousand rows take a millisecond)."""
    with project.read() as s:
        return list(s.connection().execute(
            _spans().where(Coding.document_id == document_id, Coding.start >= lo,
                           Coding.start < hi, _length() <= longest)
            .order_by(Coding.start)).all())


def long_spans(project: Project, document_id: int, longer_than: int) -> list[SpanRow]:
    """The codings of a document longer than ``longer_than`` characters (few: chapters,
    whole answers), found through the index on their length, not by reading them all."""
    with project.read() as s:
        # sorted here: an ORDER BY start would lead SQLite to the covering index instead
        return sorted(s.connection().execute(
            _spans().where(Coding.document_id == document_id, _length() > longer_than)
        ).all(), key=lambda row: row[3])


def coding_count(project: Project, document_id: int) -> int:
    """How many codings a document has (counted in the index)."""
    with project.read() as s:
        return s.scalar(select(func.count()).select_from(Coding)
                        .where(Coding.document_id == document_id)) or 0


_USED_CODES = """
WITH RECURSIVE used(code) AS (
    SELECT min(code_id) FROM coding WHERE document_id = :doc
    UNION ALL
    SELECT (SELECT min(code_id) FROM coding WHERE document_id = :doc AND code_id > used.code)
    FROM used WHERE used.code IS NOT NULL
)
SELECT code FROM used WHERE code IS NOT NULL"""
_BY_CODER = """ AND EXISTS (SELECT 1 FROM coding WHERE document_id = :doc
    AND code_id = used.code AND coder_id = :coder)"""


def document_codes(project: Project, document_id: int, coder_id: int | None = None
                   ) -> set[int]:
    """The codes used in a document (by ``coder_id``, or by anyone).

    One index seek per code found, never a pass over the document's codings: each step
    asks for the next code after the last one (a "skip scan" of the index on
    (document, code, coder, …)), all in one statement.
    """
    with project.read() as s:
        if coder_id is None:
            return set(s.execute(text(_USED_CODES), {"doc": document_id}).scalars())
        return set(s.execute(text(_USED_CODES + _BY_CODER),
                             {"doc": document_id, "coder": coder_id}).scalars())


def first_coded(project: Project, document_id: int, code_id: int | None = None
                ) -> int | None:
    """Where the first coding of a document (with ``code_id``, or any) starts."""
    where = [Coding.document_id == document_id]
    if code_id is not None:
        where.append(Coding.code_id == code_id)
    with project.read() as s:
        return s.scalar(select(func.min(Coding.start)).where(*where))


def segments(
    project: Project,
    *,
    code_id: int | None = None,
    document_id: int | None = None,
    coder_id: int | None = None,
    with_children: bool = False,
) -> list[Segment]:
    """Coded segments with their exact text, in document order (code-and-retrieve)."""
    return list(iter_segments(project, code_id=code_id, document_id=document_id,
                              coder_id=coder_id, with_children=with_children))


SEGMENT_BATCH = 2_000  # rows fetched at a time while streaming


def iter_segments(
    project: Project,
    *,
    code_id: int | None = None,
    document_id: int | None = None,
    coder_id: int | None = None,
    with_children: bool = False,
) -> Iterator[Segment]:
    """``segments`` one at a time, for writers (the workbook, ``segments --json``): rows
    are fetched in batches and only the current document's text is held, so a million
    codings take the memory of one batch, not of a million segments. The read
    transaction stays open until the iteration ends."""
    with project.read() as s:
        q = (
            select(Coding.id, Coding.document_id, Document.name, Coding.code_id, Coder.name,
                   Coding.start, Coding.end, Coding.memo, Coding.created_at)
            .join(Document, Document.id == Coding.document_id)
            .join(Coder, Coder.id == Coding.coder_id)
        )
        if code_id is not None:
            ids = subtree_ids(s, code_id) if with_children else [code_id]
            q = q.where(Coding.code_id.in_(ids))
        if document_id is not None:
            q = q.where(Coding.document_id == document_id)
        if coder_id is not None:
            q = q.where(Coding.coder_id == coder_id)
        q = q.order_by(Document.position, Coding.document_id, Coding.start, Coding.end,
                       Coding.id).execution_options(yield_per=SEGMENT_BATCH)
        paths = code_paths(s)
        text_of, text = None, ""
        for cid, did, dname, code, coder, start, end, memo, created in s.execute(q):
            if did != text_of:
                text_of, text = did, s.scalar(select(Document.text).where(Document.id == did))
            yield Segment(cid, did, dname, code, paths[code], coder, start, end,
                          text[start:end], memo, created)
