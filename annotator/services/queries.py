"""Coding queries: combine two codes, retrieve the passages, save them as a code or a query.

A query names its codes by path; a saved query keeps their GUIDs too, so renaming a code
keeps the query working and deleting one gives a clear message instead of empty results.
"""

import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from annotator.domain.codepath import join_path, split_path
from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.domain.intervals import Span, union
from annotator.domain.query import OPERATORS, SCOPES, Reach, combine
from annotator.services.analysis_scope import (
    ALL,
    CancelFlag,
    Progress,
    Scope,
    check_cancel,
    codings,
    resolve,
)
from annotator.services.codebook import code_paths, create_code, find_code
from annotator.services.coders import get_or_create_coder, resolve_coder_name
from annotator.services.rows import CodingRow
from annotator.store.models import Code, Coding, Document, SavedQuery
from annotator.store.project import Project, now


@dataclass(frozen=True)
class QuerySpec:
    """``code`` alone, or ``code OP other`` with a reach for near / followed_by."""

    code: str
    op: str | None = None
    other: str | None = None
    reach: Reach = field(default_factory=Reach)

    def check(self) -> None:
        if self.op is not None and self.op not in OPERATORS:
            raise InvalidInput("unknown query operator {op!r}", op=self.op)
        if (self.op is None) != (self.other is None):
            raise InvalidInput("an operator needs a second code, and a second code an operator")
        if self.reach.scope not in SCOPES:
            raise InvalidInput("--within takes a number of characters, sentence or paragraph")
        if self.reach.within < 0:
            raise InvalidInput("--within takes a number of characters, sentence or paragraph")


@dataclass(frozen=True)
class QuerySegment:
    document_id: int
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QueryResult:
    spec: QuerySpec
    scope: Scope
    segments: list[QuerySegment]

    @property
    def characters(self) -> int:
        return sum(s.end - s.start for s in self.segments)

    def to_json(self) -> dict:
        return {
            "query": spec_json(self.spec), "filters": self.scope.to_json(),
            "segments": [{"document": s.document, "start": s.start, "end": s.end,
                          "text": s.text} for s in self.segments],
            "count": len(self.segments), "characters": self.characters,
        }


def spec_json(spec: QuerySpec) -> dict:
    return {"code": spec.code, "op": spec.op, "other": spec.other,
            "scope": spec.reach.scope, "within": spec.reach.within}


def parse_within(value: str | None) -> Reach:
    """``--within N|sentence|paragraph``."""
    if value is None:
        return Reach()
    if value in ("sentence", "paragraph"):
        return Reach(value)
    if value.isdigit():
        return Reach("chars", int(value))
    raise InvalidInput("--within takes a number of characters, sentence or paragraph")


def document_spans(rows, code_id: int) -> dict[int, list[Span]]:
    """Per document, the union of the characters ``code_id`` marks among ``rows``."""
    spans: dict[int, list[Span]] = {}
    for _cid, did, code, _coder, start, end in rows:
        if code == code_id:
            spans.setdefault(did, []).append((start, end))
    return {d: union(v) for d, v in spans.items()}


def _texts(s: Session, ids) -> dict[int, str]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(s.execute(select(Document.id, Document.text).where(Document.id.in_(ids))).all())


def run_in_session(s: Session, spec: QuerySpec, scope: Scope,
                   progress: Progress | None = None,
                   cancel: CancelFlag | None = None) -> QueryResult:
    spec.check()
    a = find_code(s, spec.code).id
    b = find_code(s, spec.other).id if spec.other is not None else None
    r = resolve(s, scope)
    rows = codings(s, r, [a] if b is None else [a, b])
    spans_a = document_spans(rows, a)
    spans_b = document_spans(rows, b) if b is not None else {}
    needs_text = spec.op in ("near", "followed_by") and spec.reach.scope != "chars"
    candidates = [d for d in r.documents if d in spans_a or (spec.op == "or" and d in spans_b)]
    texts = _texts(s, candidates) if needs_text else {}
    found: dict[int, list[Span]] = {}
    for done, did in enumerate(candidates, start=1):
        check_cancel(cancel)
        got = (spans_a.get(did, []) if spec.op is None else
               combine(spec.op, spans_a.get(did, []), spans_b.get(did, []), spec.reach,
                       texts.get(did)))
        if got:
            found[did] = got
        if progress:
            progress(done, len(candidates))
    texts = _texts(s, found)
    segments = [QuerySegment(did, r.documents[did], start, end, texts[did][start:end])
                for did in r.documents if did in found for start, end in found[did]]
    return QueryResult(spec, scope, segments)


def run_query(project: Project, spec: QuerySpec, scope: Scope = ALL,
              progress: Progress | None = None, cancel: CancelFlag | None = None
              ) -> QueryResult:
    """The passages the query finds, in document order, with their exact text."""
    with project.read() as s:
        return run_in_session(s, spec, scope, progress, cancel)


@dataclass(frozen=True)
class SavedCode:
    """The code a query was saved as, with the codings made (what an undo removes)."""

    code_id: int
    coder_id: int
    codings: list[CodingRow]


def save_as_new_code(project: Project, result: QueryResult, path: str,
                     coder: str | None = None) -> SavedCode:
    """Code every passage of ``result`` with a new code at ``path``.

    One serialized transaction: the code and all its codings, or nothing.
    """
    return project.serialized(lambda s: _save_as_new_code(s, result, path, coder))


def _save_as_new_code(s: Session, result: QueryResult, path: str,
                      coder: str | None) -> SavedCode:
    names = split_path(path)
    parent = find_code(s, join_path(names[:-1])).id if len(names) > 1 else None
    code = create_code(s, parent, names[-1])
    coder_id = get_or_create_coder(s, resolve_coder_name(coder)).id
    made: list[CodingRow] = []
    if result.segments:
        stamp = now()
        rows = [{"document_id": g.document_id, "code_id": code.id, "coder_id": coder_id,
                 "start": g.start, "end": g.end, "memo": "", "created_at": stamp,
                 "guid": str(uuid.uuid4())} for g in result.segments]
        ids = s.execute(insert(Coding.__table__).returning(
            Coding.__table__.c.id, sort_by_parameter_order=True), rows).scalars().all()
        made = [CodingRow.of({**row, "id": new_id})
                for row, new_id in zip(rows, ids, strict=True)]
    return SavedCode(code.id, coder_id, made)


def save_as_code(project: Project, result: QueryResult, path: str,
                 coder: str | None = None) -> int:
    """``save_as_new_code``'s code id (the command line's ``--save-as``)."""
    return save_as_new_code(project, result, path, coder).code_id


def save_query(project: Project, name: str, spec: QuerySpec, scope: Scope) -> None:
    """Keep a query to re-run; its codes are remembered by GUID as well as by path."""
    spec.check()
    name = name.strip()
    if not name:
        raise InvalidInput("a saved query needs a name")
    with project.write() as s:
        if s.scalar(select(SavedQuery.id).where(SavedQuery.name == name)) is not None:
            raise Conflict("there is already a saved query named {name!r}", name=name)
        guids = [find_code(s, spec.code).guid]
        if spec.other is not None:
            guids.append(find_code(s, spec.other).guid)
        definition = {"query": spec_json(spec), "code_guids": guids,
                      "filters": scope.to_json()}
        s.add(SavedQuery(guid=str(uuid.uuid4()), name=name, created_at=now(),
                         definition=json.dumps(definition, ensure_ascii=False)))


def saved_queries(project: Project) -> list[tuple[str, dict]]:
    with project.read() as s:
        return [(n, json.loads(d)) for n, d in
                s.execute(select(SavedQuery.name, SavedQuery.definition)
                          .order_by(SavedQuery.id)).all()]


def run_saved(project: Project, name: str, progress: Progress | None = None,
              cancel: CancelFlag | None = None) -> QueryResult:
    """Re-run a saved query with its codes' current paths."""
    with project.read() as s:
        raw = s.scalar(select(SavedQuery.definition).where(SavedQuery.name == name))
        if raw is None:
            raise NotFound("no saved query named {name!r}", name=name)
        d = json.loads(raw)
        paths = code_paths(s)
        by_guid = dict(s.execute(select(Code.guid, Code.id)).all())
        current = []
        for guid, old in zip(d["code_guids"],
                             [d["query"]["code"], d["query"]["other"]], strict=False):
            if guid not in by_guid:
                raise NotFound("the saved query {name!r} uses the code {path!r}, which "
                               "has been deleted", name=name, path=old)
            current.append(paths[by_guid[guid]])
        q = d["query"]
        spec = QuerySpec(current[0], q["op"], current[1] if len(current) > 1 else None,
                         Reach(q["scope"], q["within"]))
        return run_in_session(s, spec, Scope.from_json(d["filters"]), progress, cancel)
