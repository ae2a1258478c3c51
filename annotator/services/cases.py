"""Cases: a case groups documents (one participant, several interviews)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.domain.codepath import check_name
from annotator.domain.errors import Conflict, NotFound
from annotator.services.documents import find_document
from annotator.store.models import Case, CaseDocument, Document
from annotator.store.project import Project, now


@dataclass(frozen=True)
class CaseInfo:
    id: int
    name: str
    documents: list[str]


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
        return [CaseInfo(cid, name, members.get(cid, []))
                for cid, name in s.execute(select(Case.id, Case.name).order_by(Case.name))]
