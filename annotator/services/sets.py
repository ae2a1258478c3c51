"""Document sets and code sets: named groups to filter an analysis by (REFI-QDA ``Sets``).

A document set narrows the documents of a scope (``Scope.document_sets``); a code set
narrows the codes a matrix shows (``Scope.code_sets``). Sets arrive with REFI-QDA
projects and are made here from the command line.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.domain.codepath import check_name
from annotator.domain.errors import Conflict, NotFound
from annotator.services.codebook import code_paths, find_code
from annotator.services.documents import find_document
from annotator.store.models import (
    CodeSet,
    CodeSetMember,
    Document,
    DocumentSet,
    DocumentSetMember,
)
from annotator.store.project import Project

Kind = Literal["document", "code"]


@dataclass(frozen=True)
class SetInfo:
    kind: Kind
    name: str
    members: list[str]      # document names, or code paths


def _tables(kind: Kind):
    return (DocumentSet, DocumentSetMember, DocumentSetMember.document_id) if kind == "document" \
        else (CodeSet, CodeSetMember, CodeSetMember.code_id)


def _find(s: Session, kind: Kind, name: str):
    model = _tables(kind)[0]
    row = s.scalar(select(model).where(model.name == name))
    if row is None:
        raise NotFound("no document set named {name!r} in this project" if kind == "document"
                       else "no code set named {name!r} in this project", name=name)
    return row


def _member_ids(s: Session, kind: Kind, members: Sequence[str]) -> list[int]:
    return [find_document(s, m).id if kind == "document" else find_code(s, m).id
            for m in members]


def create_set(project: Project, kind: Kind, name: str, members: Sequence[str] = ()) -> None:
    """A new set holding ``members`` (document names or code paths); one transaction."""
    model, member, column = _tables(kind)
    name = check_name(name)
    with project.write() as s:
        if s.scalar(select(model.id).where(model.name == name)) is not None:
            raise Conflict("there is already a set named {name!r}", name=name)
        row = model(guid=str(uuid.uuid4()), name=name, memo="")
        s.add(row)
        s.flush()
        for mid in dict.fromkeys(_member_ids(s, kind, members)):
            s.add(member(set_id=row.id, **{column.key: mid}))


def add_members(project: Project, kind: Kind, name: str, members: Sequence[str]) -> None:
    _model, member, column = _tables(kind)
    with project.write() as s:
        row = _find(s, kind, name)
        have = set(s.scalars(select(column).where(member.set_id == row.id)))
        for mid in dict.fromkeys(_member_ids(s, kind, members)):
            if mid not in have:
                s.add(member(set_id=row.id, **{column.key: mid}))


def remove_members(project: Project, kind: Kind, name: str, members: Sequence[str]) -> None:
    _model, member, column = _tables(kind)
    with project.write() as s:
        row = _find(s, kind, name)
        s.execute(delete(member).where(member.set_id == row.id,
                                       column.in_(_member_ids(s, kind, members))))


def delete_set(project: Project, kind: Kind, name: str) -> None:
    """The set goes; its documents or codes stay."""
    with project.write() as s:
        s.delete(_find(s, kind, name))


def list_sets(project: Project, kind: Kind | None = None) -> list[SetInfo]:
    """Every set (document sets first), members in project or codebook order."""
    out: list[SetInfo] = []
    with project.read() as s:
        if kind in (None, "document"):
            members: dict[int, list[str]] = {}
            for sid, dname in s.execute(
                select(DocumentSetMember.set_id, Document.name)
                .join(Document, Document.id == DocumentSetMember.document_id)
                .order_by(Document.position, Document.id)
            ):
                members.setdefault(sid, []).append(dname)
            out += [SetInfo("document", n, members.get(i, [])) for i, n in
                    s.execute(select(DocumentSet.id, DocumentSet.name)
                              .order_by(DocumentSet.name))]
        if kind in (None, "code"):
            paths = code_paths(s)
            codes: dict[int, list[str]] = {}
            for sid, cid in s.execute(select(CodeSetMember.set_id, CodeSetMember.code_id)):
                codes.setdefault(sid, []).append(paths[cid])
            out += [SetInfo("code", n, sorted(codes.get(i, []))) for i, n in
                    s.execute(select(CodeSet.id, CodeSet.name).order_by(CodeSet.name))]
    return out
