"""Cases: a case groups documents (one participant, several interviews), or stretches of
documents (a focus group's speakers: the case is coded on the turns they speak)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.domain.codepath import check_name
from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.domain.intervals import Span, union
from annotator.domain.query import subtract
from annotator.services.documents import find_document
from annotator.store.models import Case, CaseDocument, CaseSegment, Document
from annotator.store.project import Project, now


@dataclass(frozen=True)
class CaseInfo:
    id: int
    name: str
    documents: list[str]
    segments: dict[str, list[Span]] = field(default_factory=dict)  # document → stretches


def find_case(s: Session, name: str) -> Case:
    case = s.scalar(select(Case).where(Case.name == name))
    if case is None:
        raise NotFound("no case named {name!r} in this project", name=name)
    return case


def create_case_row(s: Session, name: str) -> Case:
    name = check_name(name)
    if s.scalar(select(Case.id).where(Case.name == name)) is not None:
        raise Conflict("there is already a case named {name!r}", name=name)
    case = Case(guid=str(uuid.uuid4()), name=name, memo="", created_at=now())
    s.add(case)
    s.flush()
    return case


def create_case(project: Project, name: str, documents: Sequence[str] = ()) -> CaseInfo:
    """A new case holding ``documents`` (names); one transaction."""
    with project.write() as s:
        case = create_case_row(s, name)
        for doc in documents:
            s.add(CaseDocument(case_id=case.id, document_id=find_document(s, doc).id))
    return next(c for c in list_cases(project) if c.id == case.id)


def add_documents(project: Project, case: str, documents: Sequence[str]) -> None:
    with project.write() as s:
        c = find_case(s, case)
        have = set(s.scalars(select(CaseDocument.document_id)
                             .where(CaseDocument.case_id == c.id)))
        for doc in documents:
            did = find_document(s, doc).id
            if did not in have:
                s.add(CaseDocument(case_id=c.id, document_id=did))
                replace_segments(s, c.id, did, [])   # held whole now: no stretches
                have.add(did)


def remove_documents(project: Project, case: str, documents: Sequence[str]) -> None:
    with project.write() as s:
        c = find_case(s, case)
        ids = [find_document(s, doc).id for doc in documents]
        s.execute(delete(CaseDocument).where(CaseDocument.case_id == c.id,
                                             CaseDocument.document_id.in_(ids)))


def delete_case(project: Project, name: str) -> None:
    """The case and its attribute values go; its documents stay."""
    with project.write() as s:
        s.delete(find_case(s, name))


def list_cases(project: Project) -> list[CaseInfo]:
    with project.read() as s:
        members: dict[int, list[str]] = {}
        for cid, dname in s.execute(
            select(CaseDocument.case_id, Document.name)
            .join(Document, Document.id == CaseDocument.document_id)
            .order_by(Document.position, Document.id)
        ):
            members.setdefault(cid, []).append(dname)
        segs: dict[int, dict[str, list[Span]]] = {}
        for cid, dname, start, end in s.execute(
            select(CaseSegment.case_id, Document.name, CaseSegment.start, CaseSegment.end)
            .join(Document, Document.id == CaseSegment.document_id)
            .order_by(Document.position, Document.id, CaseSegment.start)
        ):
            segs.setdefault(cid, {}).setdefault(dname, []).append((start, end))
        return [CaseInfo(cid, name, members.get(cid, []), segs.get(cid, {}))
                for cid, name in s.execute(select(Case.id, Case.name).order_by(Case.name))]


def _check_span(doc: Document, start: int, end: int) -> None:
    if not 0 <= start < end <= doc.length:
        raise InvalidInput("a segment of {name!r} runs from 0 to {length}, and its end comes "
                           "after its start (got {start}–{end})", name=doc.name,
                           length=doc.length, start=start, end=end)


def replace_segments(s: Session, case_id: int, doc_id: int, spans: list[Span]) -> None:
    """The case's stretches of the document become ``spans`` (already joined)."""
    s.execute(delete(CaseSegment).where(CaseSegment.case_id == case_id,
                                        CaseSegment.document_id == doc_id))
    for start, end in spans:
        s.add(CaseSegment(case_id=case_id, document_id=doc_id, start=start, end=end))


def segments_of(s: Session, case_id: int, doc_id: int) -> list[Span]:
    return [(a, b) for a, b in s.execute(
        select(CaseSegment.start, CaseSegment.end)
        .where(CaseSegment.case_id == case_id, CaseSegment.document_id == doc_id))]


def code_segment(project: Project, case: str, document: str, start: int, end: int
                 ) -> list[Span]:
    """Code ``[start, end)`` of ``document`` to ``case``; the case's stretches of that
    document afterwards (touching and overlapping ones are kept as one). One transaction.

    A document the case holds whole needs no segments: that is refused, so the case's
    extent stays what the user sees."""
    with project.write() as s:
        c = find_case(s, case)
        doc = find_document(s, document)
        _check_span(doc, start, end)
        whole = s.scalar(select(CaseDocument.case_id).where(
            CaseDocument.case_id == c.id, CaseDocument.document_id == doc.id))
        if whole is not None:
            raise Conflict("the case {case!r} already holds all of {name!r}", case=c.name,
                           name=doc.name)
        spans = union([*segments_of(s, c.id, doc.id), (start, end)])
        replace_segments(s, c.id, doc.id, spans)
        return spans


def uncode_segment(project: Project, case: str, document: str, start: int, end: int
                   ) -> list[Span]:
    """Take ``[start, end)`` of ``document`` out of ``case``'s stretches; what is left."""
    with project.write() as s:
        c = find_case(s, case)
        doc = find_document(s, document)
        _check_span(doc, start, end)
        spans = subtract(union(segments_of(s, c.id, doc.id)), [(start, end)])
        replace_segments(s, c.id, doc.id, spans)
        return spans
