"""Reviewed marks: a coder says they finished reading a document.

Without the mark a coder who coded nothing in a document is *missing* there — they may
never have opened it. With it, their empty document is an answer: "nothing here to code",
a "no" on every character, which agreement must count against a coder who did code it.
Participant copies carry the marks (a copy is the whole project file) and the merge
brings them back (``services.workshop``); REFI-QDA files carry them as a note by the coder
linked to the document (``io.refi.model.REVIEWED_LINK``, ``services.exchange``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, MetaData, Table, and_, delete, select
from sqlalchemy.orm import Session

from annotator.services.coders import find_coder, get_or_create_coder
from annotator.services.documents import find_document
from annotator.store.models import Coder, Document
from annotator.store.project import Project, now

REVIEWED = Table(
    "reviewed", MetaData(),
    Column("document_id", Integer, primary_key=True),
    Column("coder_id", Integer, primary_key=True),
    Column("reviewed_at", DateTime, nullable=False),
)


@dataclass(frozen=True)
class ReviewedMark:
    document: str
    coder: str


def _set(s: Session, document_id: int, coder_id: int, at: datetime | None = None) -> bool:
    """Mark (at ``at``, else now); False when the mark was already there."""
    there = s.execute(select(REVIEWED.c.document_id).where(
        REVIEWED.c.document_id == document_id, REVIEWED.c.coder_id == coder_id)).first()
    if there:
        return False
    s.execute(REVIEWED.insert().values(document_id=document_id, coder_id=coder_id,
                                       reviewed_at=at or now()))
    return True


def mark_reviewed(project: Project, document: str, coder: str) -> bool:
    """Mark ``document`` reviewed by ``coder`` (created if new); False if it already was."""
    with project.write() as s:
        return _set(s, find_document(s, document).id, get_or_create_coder(s, coder).id)


def unmark_reviewed(project: Project, document: str, coder: str) -> bool:
    """Take the mark away; False if there was none."""
    with project.write() as s:
        doc, who = find_document(s, document).id, find_coder(s, coder).id
        gone = s.execute(delete(REVIEWED).where(
            REVIEWED.c.document_id == doc, REVIEWED.c.coder_id == who))
        return bool(gone.rowcount)


def list_reviewed(project: Project, coder: str | None = None,
                  document: str | None = None) -> list[ReviewedMark]:
    """Marks in document then coder order, optionally for one coder or document."""
    with project.read() as s:
        query = (select(Document.name, Coder.name)
                 .join(REVIEWED, REVIEWED.c.document_id == Document.id)
                 .join(Coder, Coder.id == REVIEWED.c.coder_id)
                 .order_by(Document.position, Document.id, Coder.name))
        if coder is not None:
            query = query.where(Coder.id == find_coder(s, coder).id)
        if document is not None:
            query = query.where(Document.id == find_document(s, document).id)
        return [ReviewedMark(d, c) for d, c in s.execute(query)]


def reviewed_pairs(s: Session, document_ids: Iterable[int],
                   coder_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(document id, coder id) of the marks among these documents and coders."""
    docs, coders = list(document_ids), list(coder_ids)
    rows = s.execute(select(REVIEWED.c.document_id, REVIEWED.c.coder_id).where(
        and_(REVIEWED.c.document_id.in_(docs), REVIEWED.c.coder_id.in_(coders))))
    return {(d, c) for d, c in rows}


def copy_marks(s: Session, marks: Iterable[tuple[int, int]]) -> int:
    """Add marks given as (document id, coder id) of this project; returns how many were new."""
    return sum(_set(s, d, c) for d, c in set(marks))


def add_dated_marks(s: Session, marks: Iterable[tuple[int, int, datetime | None]]) -> int:
    """Add marks (document id, coder id, when) keeping their time; how many were new."""
    return sum(_set(s, d, c, at) for d, c, at in marks)


def all_marks(s: Session) -> list[tuple[int, int, datetime]]:
    """Every mark as (document id, coder id, when), in a stable order."""
    return [tuple(r) for r in s.execute(
        select(REVIEWED.c.document_id, REVIEWED.c.coder_id, REVIEWED.c.reviewed_at)
        .order_by(REVIEWED.c.document_id, REVIEWED.c.coder_id))]
