"""Operations the coding window needs that the other service modules do not offer.

No Qt here: like every service, each function is one user operation in one transaction,
and the command line could call it as well. Offsets are code points, half-open.

- ``code_spans``: code many spans with one code at once (the benchmarks fill
  big projects with it),
  one transaction and so one undo step; spans already coded that way are skipped.
- ``code_in_vivo``: a new code named from the selected words, and the coding, together.
- ``codings_by_ids``: codings the window knows by id (a row of "codings here", a
  disagreement's codings), so it can act on them without re-reading a whole document.
- ``search_text``: find a string or pattern in one or all documents, with context.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.codepath import check_name
from annotator.domain.errors import InvalidInput
from annotator.services.changes import Changes
from annotator.services.codebook import CodeInfo, child_named, create_code, get_code, info
from annotator.services.coding import CodingInfo, check_span, insert_coding
from annotator.services.documents import get_document
from annotator.store.models import Coding, Document
from annotator.store.project import Project

IN_VIVO_MAX = 40


@dataclass(frozen=True)
class Hit:
    """One search hit: where it is, and the words around it for a result list."""

    document_id: int
    document: str
    start: int
    end: int
    before: str
    text: str
    after: str


def _info(c: Coding) -> CodingInfo:
    return CodingInfo(c.id, c.document_id, c.code_id, c.coder_id, c.start, c.end, c.memo)


def code_spans(
    project: Project,
    spans: Iterable[tuple[int, int, int]],
    code_id: int,
    coder_id: int,
    memo: str = "",
) -> list[CodingInfo]:
    """Code every ``(document_id, start, end)`` with one code, in one transaction.

    A span this coder already coded with this code is skipped (auto-coding the same
    search twice adds nothing). Returns the codings created, in the order given.
    """
    with project.write() as s:
        code = get_code(s, code_id)
        docs: dict[int, Document] = {}
        seen: set[tuple[int, int, int]] = set()
        existing: dict[int, set[tuple[int, int]]] = {}
        out: list[CodingInfo] = []
        for doc_id, start, end in spans:
            if doc_id not in docs:
                docs[doc_id] = get_document(s, doc_id)
                existing[doc_id] = {
                    (a, b) for a, b in s.execute(
                        select(Coding.start, Coding.end).where(
                            Coding.document_id == doc_id, Coding.code_id == code_id,
                            Coding.coder_id == coder_id))
                }
            key = (doc_id, start, end)
            if key in seen or (start, end) in existing[doc_id]:
                continue
            seen.add(key)
            out.append(insert_coding(s, docs[doc_id], code, coder_id, start, end, memo))
        return out


class InVivoResult(NamedTuple):
    """An in-vivo coding: the code (new or found by name), the coding, whether the code
    is new."""

    code: CodeInfo
    coding: CodingInfo
    created: bool

    @property
    def changes(self) -> Changes:
        return Changes(codings_added=(self.coding,),
                       codes=frozenset({self.code.id}) if self.created else frozenset())


def in_vivo_name(text: str) -> str:
    """A code name from selected words: white space collapsed, at most 40 characters."""
    name = " ".join(text.split())
    if len(name) > IN_VIVO_MAX:
        name = name[: IN_VIVO_MAX - 1].rstrip() + "…"
    return check_name(name)


def code_in_vivo(
    project: Project,
    document_id: int,
    start: int,
    end: int,
    coder_id: int,
    parent_id: int | None = None,
    name: str | None = None,
) -> InVivoResult:
    """In-vivo coding: code ``[start, end)`` with a code named from those words.

    The code goes under ``parent_id`` (top level for ``None``); if a code of that name
    is already there it is used. Serialized, as a new code's position and colour are.
    """
    def code(s: Session) -> InVivoResult:
        doc = get_document(s, document_id)
        check_span(doc, start, end)
        code_name = in_vivo_name(name if name is not None else doc.text[start:end])
        if parent_id is not None:
            get_code(s, parent_id)
        found = child_named(s, parent_id, code_name)
        created = found is None
        if found is None:
            found = create_code(s, parent_id, code_name, created_by=coder_id)
        coding = insert_coding(s, doc, found, coder_id, start, end)
        return InVivoResult(info(s, found), coding, created)

    return project.serialized(code)


def codings_by_ids(project: Project, ids: Iterable[int]) -> list[CodingInfo]:
    ids = list(ids)
    if not ids:
        return []
    with project.read() as s:
        rows = s.scalars(select(Coding).where(Coding.id.in_(ids)).order_by(Coding.start))
        return [_info(c) for c in rows]


def _pattern(query: str, regex: bool, case_sensitive: bool, whole_words: bool) -> re.Pattern:
    if not query:
        raise InvalidInput("the search text is empty")
    body = query if regex else re.escape(query)
    if whole_words:
        body = rf"\b(?:{body})\b"
    try:
        return re.compile(body, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise InvalidInput(
            "the pattern {pattern!r} is not a valid regular expression ({reason})",
            pattern=query, reason=str(exc)) from exc


def search_text(
    project: Project,
    query: str,
    *,
    document_ids: Iterable[int] | None = None,
    regex: bool = False,
    case_sensitive: bool = False,
    whole_words: bool = False,
    context: int = 30,
    limit: int = 10_000,
) -> list[Hit]:
    """Hits of ``query`` in the given documents (all when ``None``), in document order.

    Empty matches of a pattern are skipped. At most ``limit`` hits are returned.
    """
    pattern = _pattern(query, regex, case_sensitive, whole_words)
    with project.read() as s:
        q = select(Document.id, Document.name).order_by(Document.position, Document.id)
        if document_ids is not None:
            q = q.where(Document.id.in_(list(document_ids)))
        docs = s.execute(q).all()
        hits: list[Hit] = []
        for doc_id, name in docs:
            text = s.scalar(select(Document.text).where(Document.id == doc_id)) or ""
            for m in pattern.finditer(text):
                a, b = m.span()
                if a == b:
                    continue
                hits.append(Hit(
                    doc_id, name, a, b, text[max(0, a - context):a], text[a:b],
                    text[b:b + context],
                ))
                if len(hits) >= limit:
                    return hits
        return hits
