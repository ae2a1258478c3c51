"""REFI-QDA variables, cases and sets to and from the analysis tables.

A REFI ``<Variable>`` has no scope: the values on ``<TextSource>`` s make it a document
attribute, the values on ``<Case>`` s a case attribute, and a variable used on both becomes
one attribute of each scope (the second with a GUID derived from the first). Types map as

==========  =============================  ======================================
REFI        Annotator attribute            back out
==========  =============================  ======================================
Text        text                           Text
Integer     number                         Integer (Float when a value has a point)
Float       number                         (same)
Date        date                           Date
DateTime    date (the time is dropped)     Date
Boolean     category ``true`` / ``false``  Boolean
==========  =============================  ======================================

A ``<Set>`` of codes becomes a code set, a set of sources a document set (a set with both
becomes both, under the set's GUID, and goes back out as one set). What Annotator cannot
hold — notes in a set, a value that does not fit its variable's type, a case's reference to
something the file does not hold — is counted in the report.

A case coded on stretches of text (``<CodeRef>`` / ``<SelectionRef>``, or NVivo's code with
the case's GUID, resolved by the reader) gets them as its segments (``case_segment``); on
export a case's segments go out as NVivo writes them and QualCoder reads them: a code with
the case's GUID and name coding each stretch, which the ``<Case>`` refers to by
``<CodeRef>``, as the standard has a case made of a code's selections.

Also here: the identifiers an imported element had when they were no GUIDs
(``exchange_id``), written back on export.
"""

import json
import uuid
from collections.abc import Container, Mapping
from decimal import Decimal

from sqlalchemy import Column, MetaData, String, Table, delete, insert, select
from sqlalchemy.orm import Session

from annotator.domain.errors import InvalidInput
from annotator.domain.intervals import Span, union
from annotator.io.refi import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiVariable,
)
from annotator.messages import Msg, msg
from annotator.services.attributes import canonical, define_row
from annotator.services.cases import replace_segments, segments_of
from annotator.store.models import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    CaseSegment,
    Code,
    CodeSet,
    CodeSetMember,
    Document,
    DocumentSet,
    DocumentSetMember,
)
from annotator.store.project import now

EXCHANGE_ID = Table(
    "exchange_id", MetaData(),
    Column("guid", String(36), primary_key=True),
    Column("original", String(200), nullable=False),
)

_KIND = {"Text": "text", "Integer": "number", "Float": "number", "Date": "date",
         "DateTime": "date", "Boolean": "category"}
_NAMESPACE = uuid.UUID("3b0f5f43-9c55-4c61-a7f7-1f5e2f0d8a21")


def free_name(taken: Container[str], name: str) -> str:
    """``name``, or ``name (2)``, ``name (3)``… the first not in ``taken``."""
    name = name.strip() or "(unnamed)"
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _value(var: RefiVariable, value: str) -> str:
    if var.kind == "DateTime":
        return value[:10]
    if var.kind == "Boolean":
        return "true" if value.strip().lower() in ("true", "1") else "false"
    return value


class AnalysisImport:
    """Adds one file's variables, cases and sets; ``notes`` says what did not fit."""

    def __init__(self, s: Session, refi: RefiProject, documents: Mapping[str, int],
                 codes: Mapping[str, int]) -> None:
        self.s, self.refi = s, refi
        self.documents, self.codes = documents, codes
        self.notes: list[Msg] = []
        self.variables = {v.guid: v for v in refi.variables}
        self.attributes: dict[tuple[str, str], Attribute] = {}  # (variable, scope) → row
        self.bad_values: dict[str, int] = {}
        self.values: dict[tuple[int, int], tuple[str, str]] = {}  # (attribute, owner) → value
        self.unknown_variables = 0
        self.counts = {"attributes": 0, "cases": 0, "sets": 0, "stretches": 0}

    def run(self) -> None:
        self.define_attributes()
        for source in self.refi.sources:
            doc_id = self.documents.get(source.guid)
            if doc_id is not None:
                self.set_values(source.values, "document", doc_id)
        self.add_cases()
        self.store_values()
        self.add_sets()
        for name, n in self.bad_values.items():
            self.notes.append(msg(
                "{count} value(s) of the variable {name!r} do not fit its type and were not "
                "imported", count=n, name=name))
        described = sum(1 for var in self.refi.variables if var.description)
        if described:
            self.notes.append(msg(
                "{count} description(s) of variables were not imported: attributes have no "
                "description", count=described))
        if self.unknown_variables:
            self.notes.append(msg(
                "{count} variable value(s) refer to no variable of the file and were not "
                "imported", count=self.unknown_variables))
        added = {k: v for k, v in self.counts.items() if k != "stretches"}
        if any(added.values()):
            self.notes.append(msg(
                "{attributes} attribute(s), {cases} case(s) and {sets} set(s) were imported",
                **added))

    # variables ------------------------------------------------------------------------

    def define_attributes(self) -> None:
        on_sources = {g for src in self.refi.sources for g in src.values}
        on_cases = {g for case in self.refi.cases for g in case.values}
        for var in self.refi.variables:
            scopes = [scope for scope, used in (("document", var.guid in on_sources),
                                                ("case", var.guid in on_cases)) if used]
            for scope in scopes or ["document"]:
                guid = var.guid if scope == (scopes or ["document"])[0] else str(
                    uuid.uuid5(_NAMESPACE, f"{var.guid}/{scope}"))
                self.attributes[(var.guid, scope)] = self.attribute(var, scope, guid)

    def attribute(self, var: RefiVariable, scope: str, guid: str) -> Attribute:
        kind = _KIND[var.kind]
        s = self.s
        found = s.scalar(select(Attribute).where(Attribute.guid == guid))
        if found is not None and found.scope != scope:  # came in before for the other scope
            guid = str(uuid.uuid5(_NAMESPACE, f"{var.guid}/{scope}"))
            found = s.scalar(select(Attribute).where(Attribute.guid == guid))
        if found is None:
            same = s.scalar(select(Attribute).where(Attribute.name == var.name.strip(),
                                                    Attribute.scope == scope))
            if same is not None and same.type == kind:
                return same
            taken = set(s.scalars(select(Attribute.name).where(Attribute.scope == scope)))
            name = free_name(taken, var.name)
            cats = ["true", "false"] if var.kind == "Boolean" else None
            found = define_row(s, name, scope, kind, cats)
            found.guid = guid
            self.counts["attributes"] += 1
        return found

    def set_values(self, values: Mapping[str, str], scope: str, owner_id: int) -> None:
        """Queue one owner's values, in their stored form (see :meth:`store_values`)."""
        for guid, value in values.items():
            var = self.variables.get(guid)
            if var is None:
                self.unknown_variables += 1
                continue
            attr = self.attributes[(guid, scope)]
            try:
                text = canonical(attr.type, _value(var, value))
            except InvalidInput:
                self.bad_values[var.name] = self.bad_values.get(var.name, 0) + 1
                continue
            if attr.type == "category":
                cats = json.loads(attr.categories)
                if text not in cats:
                    attr.categories = json.dumps([*cats, text], ensure_ascii=False)
            self.values[(attr.id, owner_id)] = (scope, text)

    def store_values(self) -> None:
        """Write the queued values at once, replacing what their owners had: one statement
        per thousands of values, not two per value (20,000 values in a second or so)."""
        if not self.values:
            return
        s = self.s
        ids = sorted({aid for aid, _ in self.values})
        old = [row.id for row in s.execute(
            select(AttributeValue.id, AttributeValue.attribute_id, AttributeValue.document_id,
                   AttributeValue.case_id).where(AttributeValue.attribute_id.in_(ids)))
            if (row.attribute_id, row.document_id or row.case_id) in self.values]
        for chunk in range(0, len(old), 5000):
            s.execute(delete(AttributeValue).where(
                AttributeValue.id.in_(old[chunk:chunk + 5000])))
        rows = [{"attribute_id": aid, "value": text, "document_id": None, "case_id": None,
                 ("document_id" if scope == "document" else "case_id"): owner}
                for (aid, owner), (scope, text) in self.values.items()]
        for chunk in range(0, len(rows), 5000):
            s.execute(insert(AttributeValue), rows[chunk:chunk + 5000])

    # cases and sets -------------------------------------------------------------------

    def add_cases(self) -> None:
        s = self.s
        taken = set(s.scalars(select(Case.name)))
        created: set[str] = set()
        unresolved = missing = 0
        for case in self.refi.cases:
            row = s.scalar(select(Case).where(Case.guid == case.guid))
            if row is None and case.name.strip() in taken - created:
                row = s.scalar(select(Case).where(Case.name == case.name.strip()))
            if row is None:
                name = free_name(taken, case.name)
                row = Case(guid=case.guid, name=name, memo=case.description or "",
                           created_at=now())
                s.add(row)
                s.flush()
                taken.add(name)
                created.add(name)
                self.counts["cases"] += 1
            have = set(s.scalars(select(CaseDocument.document_id)
                                 .where(CaseDocument.case_id == row.id)))
            for guid in case.source_guids:
                doc_id = self.documents.get(guid)
                if doc_id is None:
                    missing += 1
                elif doc_id not in have:
                    s.add(CaseDocument(case_id=row.id, document_id=doc_id))
                    have.add(doc_id)
            missing += self.add_segments(row.id, case, have)
            self.set_values(case.values, "case", row.id)
            unresolved += case.unresolved
        if self.counts["stretches"]:
            self.notes.append(msg(
                "{count} stretch(es) of text coded to cases came in as the cases' segments",
                count=self.counts["stretches"]))
        if unresolved:
            self.notes.append(msg(
                "{count} reference(s) of cases to codes or selections the file does not hold "
                "were not imported", count=unresolved))
        if missing:
            self.notes.append(msg(
                "{count} document(s) of cases are not in the file's text sources and were "
                "left out of their cases", count=missing))

    def add_segments(self, case_id: int, case: RefiCase, whole: set[int]) -> int:
        """The stretches ``case`` is coded on, added to the case's segments (joined with
        those it has); a stretch that is a whole document makes the case hold that
        document. Returns how many stretches lie in documents that did not come in."""
        s = self.s
        spans: dict[int, list[Span]] = {}
        missing = 0
        for guid, start, end in case.segments:
            doc_id = self.documents.get(guid)
            if doc_id is None:
                missing += 1
            else:
                spans.setdefault(doc_id, []).append((start, end))
        for doc_id, new in spans.items():
            length = s.scalar(select(Document.length).where(Document.id == doc_id)) or 0
            new = [(a, b) for a, b in new if 0 <= a < b <= length]
            if doc_id in whole or not new:
                continue
            if (0, length) in new:
                s.execute(delete(CaseSegment).where(CaseSegment.case_id == case_id,
                                                    CaseSegment.document_id == doc_id))
                s.add(CaseDocument(case_id=case_id, document_id=doc_id))
                whole.add(doc_id)
                self.counts["stretches"] += 1
                continue
            old = segments_of(s, case_id, doc_id)
            joined = union([*old, *new])
            if joined == union(old):
                continue
            self.counts["stretches"] += len(set(new) - set(old))
            replace_segments(s, case_id, doc_id, joined)
        return missing

    def add_sets(self) -> None:
        notes = empty = 0
        for group in self.refi.sets:
            codes = [self.codes[g] for g in group.code_guids if g in self.codes]
            docs = [self.documents[g] for g in group.source_guids if g in self.documents]
            notes += group.notes
            if not codes and not docs:
                empty += 1
            if codes:
                self.fill(CodeSet, CodeSetMember, "code_id", group, codes)
            if docs:
                self.fill(DocumentSet, DocumentSetMember, "document_id", group, docs)
        if notes:
            self.notes.append(msg(
                "{count} note(s) in sets were not imported: Annotator groups codes and "
                "documents only", count=notes))
        if empty:
            self.notes.append(msg(
                "{count} set(s) hold no code or text source of the file and were not "
                "imported", count=empty))

    def fill(self, table: type, members: type, key: str, group: RefiSet,
             ids: list[int]) -> None:
        s = self.s
        row = (s.scalar(select(table).where(table.guid == group.guid))
               or s.scalar(select(table).where(table.name == group.name.strip())))
        if row is None:
            name = free_name(set(s.scalars(select(table.name))), group.name)
            row = table(guid=group.guid, name=name, memo=group.description or "")
            s.add(row)
            s.flush()
            self.counts["sets"] += 1
        have = set(s.scalars(select(getattr(members, key)).where(members.set_id == row.id)))
        for i in dict.fromkeys(ids):
            if i not in have:
                s.add(members(set_id=row.id, **{key: i}))


# -- export -------------------------------------------------------------------------------


def _kind(attr: Attribute, values: list[str]) -> str:
    if attr.type == "number":
        return "Integer" if all("." not in v and "e" not in v for v in values) else "Float"
    if attr.type == "date":
        return "Date"
    if attr.type == "category" and set(json.loads(attr.categories)) == {"true", "false"}:
        return "Boolean"
    return "Text"


def analysis_to_refi(s: Session, refi: RefiProject) -> None:
    """Fill ``refi`` (sources already in it) with the project's attributes, cases, sets."""
    doc_guid = dict(s.execute(select(Document.id, Document.guid)).all())
    values: dict[int, list[tuple[int | None, int | None, str]]] = {}
    for aid, did, cid, value in s.execute(select(
            AttributeValue.attribute_id, AttributeValue.document_id, AttributeValue.case_id,
            AttributeValue.value)):
        values.setdefault(aid, []).append((did, cid, value))
    source_values: dict[str, dict[str, str]] = {}
    case_values: dict[int, dict[str, str]] = {}
    for attr in s.scalars(select(Attribute).order_by(Attribute.position)):
        rows = values.get(attr.id, [])
        kind = _kind(attr, [v for *_, v in rows])
        refi.variables.append(RefiVariable(attr.guid, attr.name, kind))
        for did, cid, value in rows:
            if kind == "Float":  # xsd:decimal has no exponent: 1e-05 is 0.00001
                value = format(Decimal(value), "f")
            if did is not None:
                source_values.setdefault(doc_guid[did], {})[attr.guid] = value
            else:
                case_values.setdefault(cid, {})[attr.guid] = value
    for source in refi.sources:
        source.values = source_values.get(source.guid, {})
    members: dict[int, list[str]] = {}
    for cid, did in s.execute(select(CaseDocument.case_id, CaseDocument.document_id)
                              .order_by(CaseDocument.document_id)):
        members.setdefault(cid, []).append(doc_guid[did])
    for case in s.scalars(select(Case).order_by(Case.name)):
        refi.cases.append(RefiCase(case.guid, case.name, case.memo or None,
                                   members.get(case.id, []), case_values.get(case.id, {})))
    _segments_to_refi(s, refi, doc_guid)
    code_guid = dict(s.execute(select(Code.id, Code.guid)).all())
    sets: dict[str, RefiSet] = {}
    for table, member, key, guids, attr in (
        (CodeSet, CodeSetMember, "code_id", code_guid, "code_guids"),
        (DocumentSet, DocumentSetMember, "document_id", doc_guid, "source_guids"),
    ):
        inside: dict[int, list[str]] = {}
        for sid, mid in s.execute(select(member.set_id, getattr(member, key))):
            inside.setdefault(sid, []).append(guids[mid])
        for row in s.scalars(select(table).order_by(table.name)):
            group = sets.setdefault(row.guid, RefiSet(row.guid, row.name, row.memo or None))
            getattr(group, attr).extend(inside.get(row.id, []))
    refi.sets = list(sets.values())


def _segments_to_refi(s: Session, refi: RefiProject, doc_guid: Mapping[int, str]) -> None:
    """Cases coded on stretches of documents, the way NVivo writes them and QualCoder reads
    them: a code with the case's GUID and name (a root code, after the others) codes each
    stretch, and the ``<Case>`` refers to it with ``<CodeRef>`` — in the standard, a case
    made of the selections coded with a code."""
    stretches: dict[int, list[tuple[int, int, int]]] = {}
    for cid, did, start, end in s.execute(
            select(CaseSegment.case_id, CaseSegment.document_id, CaseSegment.start,
                   CaseSegment.end).order_by(CaseSegment.document_id, CaseSegment.start)):
        stretches.setdefault(cid, []).append((did, start, end))
    if not stretches:
        return
    case_ids = dict(s.execute(select(Case.guid, Case.id)).all())
    sources = {src.guid: src for src in refi.sources}
    taken = {code.name for code in refi.codes}
    for case in refi.cases:
        spans = stretches.get(case_ids[case.guid], [])
        if not spans:
            continue
        name = free_name(taken, case.name)
        taken.add(name)
        refi.codes.append(RefiCode(case.guid, name))
        case.code_guids = [case.guid]
        for did, start, end in spans:
            source = sources[doc_guid[did]]
            source.selections.append(RefiSelection(
                guid=str(uuid.uuid5(_NAMESPACE, f"case-segment/{case.guid}/{did}/{start}")),
                start=start, end=end, codings=[RefiCoding(code_guid=case.guid)]))


# -- identifiers that were no GUIDs -------------------------------------------------------


def keep_original_ids(s: Session, originals: Mapping[str, str]) -> None:
    """Remember the identifiers of a file that were no GUIDs, by the GUID used inside."""
    have = set(s.scalars(select(EXCHANGE_ID.c.guid)))
    rows = [{"guid": g, "original": o} for g, o in originals.items() if g not in have]
    if rows:
        s.execute(insert(EXCHANGE_ID), rows)


def original_ids(s: Session) -> dict[str, str]:
    return dict(s.execute(select(EXCHANGE_ID.c.guid, EXCHANGE_ID.c.original)).all())
