"""REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA: projects (.qdpx) and codebooks (.qdc).

The io layer reads and writes the exchange model (offsets already in code points); this
module maps that model to and from a project. What the other tool has and a project
cannot hold the same way is adapted and reported, never dropped silently:

* two sibling codes with the same name → the second becomes "name (2)";
* two users with the same name → the second becomes "name (2)";
* a source with the same text as an earlier one → its selections go to the first;
* a source without text (codebook-only exports) → skipped;
* free-standing notes (a project journal) → appended to the project memo, under their names;
* variables, cases and sets → attributes, cases, code and document sets
  (:mod:`annotator.services.exchange_analysis`);
* identifiers that are no GUIDs → GUIDs derived from them, the originals kept for export.

A whole import is one transaction: a file that fails half-way leaves nothing behind.
"""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from annotator.domain.codepath import check_name
from annotator.domain.errors import AnnotatorError, InvalidInput
from annotator.domain.text import text_sha256
from annotator.io.refi import (
    RefiCode,
    RefiCoding,
    RefiProject,
    RefiReviewed,
    RefiSelection,
    RefiSource,
    RefiUser,
    read_qdc,
    read_qdpx,
    write_qdc,
    write_qdpx,
)
from annotator.io.refi.positions import CANDIDATES
from annotator.io.refi.writer import unsafe_characters
from annotator.messages import Msg, msg
from annotator.services.changes import RESET, Changes
from annotator.services.codebook import PALETTE, check_color
from annotator.services.coders import get_or_create_coder
from annotator.services.coding import insert_coding
from annotator.services.documents import insert_document
from annotator.services.exchange_analysis import (
    AnalysisImport,
    analysis_to_refi,
    free_name,
    keep_original_ids,
    original_ids,
)
from annotator.services.reviewed import add_dated_marks, all_marks
from annotator.store.guards import reserve_ids
from annotator.store.models import Code, Coder, Coding, Document, Meta
from annotator.store.project import Project

UNKNOWN_CODER = "(unknown coder)"

Progress = Callable[[int, int], None]
"""Called with (codes done, codes in the file) while a codebook is imported."""


@dataclass
class ExchangeReport:
    documents: int = 0
    codes: int = 0
    coders: int = 0
    codings: int = 0
    skipped_codes: int = 0
    notes: list[Msg] = field(default_factory=list)
    #: what the import changed, for the window (and a team project's other members)
    changes: Changes = RESET

    def summary(self) -> Msg:
        return msg("{documents} documents, {codes} codes, {coders} coders, {codings} codings",
                   documents=self.documents, codes=self.codes, coders=self.coders,
                   codings=self.codings)


def _add_codes(
    s: Session, roots: Iterable[RefiCode], report: ExchangeReport,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Create the codebook tree; returns code GUID → code id (existing ones included).

    A code the project already had (same GUID, or same name in the same place) is kept
    as it is and takes the file's codings. Two siblings of the same name within the file
    stay two codes: the second is renamed, since merging them would merge their codings.

    The existing codebook is read once and the new codes are inserted in one statement with
    ids chosen here, so the time grows with the number of codes, not with its square
    (50,000 codes in a few seconds).
    """
    ids: dict[str, int] = {}
    rows = s.execute(select(Code.id, Code.guid, Code.parent_id, Code.name, Code.position)).all()
    known = {r.guid: r.id for r in rows}
    names: dict[int | None, dict[str, int]] = {}  # parent → name → id
    last: dict[int | None, int] = {}  # parent → highest position
    for r in rows:
        names.setdefault(r.parent_id, {})[r.name] = r.id
        last[r.parent_id] = max(last.get(r.parent_id, 0), r.position)
    colours = len(rows)
    created_here: set[int] = set()
    new_rows: list[dict] = []
    total = sum(1 for root in roots for _ in root.walk())
    fresh_ids = reserve_ids(s, Code.__table__, total)

    def add(code: RefiCode, parent_id: int | None) -> None:
        nonlocal colours
        if code.guid in known:
            ids[code.guid] = known[code.guid]
            report.skipped_codes += 1
        else:
            wanted = code.name.strip()
            siblings = names.setdefault(parent_id, {})
            existing = siblings.get(wanted) if wanted else None
            if existing is not None and existing not in created_here:
                ids[code.guid] = existing
                report.skipped_codes += 1
            else:
                name = free_name(siblings.keys(), code.name)
                if name != wanted:
                    report.notes.append(msg(
                        "code {old!r} was renamed {new!r} (the name was already used beside "
                        "it)", old=code.name, new=name))
                last[parent_id] = position = last.get(parent_id, 0) + 1
                next_id = next(fresh_ids)
                new_rows.append({
                    "id": next_id, "guid": code.guid, "parent_id": parent_id,
                    "name": check_name(name), "description": code.description or "",
                    "memo": code.memo or "", "position": position,
                    "color": check_color(code.color) if code.color
                    else PALETTE[colours % len(PALETTE)],
                    "is_codable": code.is_codable, "created_by": None,
                })
                siblings[name] = ids[code.guid] = known[code.guid] = next_id
                created_here.add(next_id)
                colours += 1
                report.codes += 1
        done = len(ids)
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
        for child in code.children:
            add(child, ids[code.guid])

    for root in roots:
        add(root, None)
    for chunk in range(0, len(new_rows), 5000):
        s.execute(insert(Code), new_rows[chunk:chunk + 5000])
    return ids


def _add_coders(s: Session, users: list[RefiUser], report: ExchangeReport) -> dict[str, int]:
    ids: dict[str, int] = {}
    by_guid = {g: i for g, i in s.execute(select(Coder.guid, Coder.id))}
    taken = set(s.scalars(select(Coder.name)))
    for user in users:
        if user.guid in by_guid:
            ids[user.guid] = by_guid[user.guid]
            continue
        name = free_name(taken, user.name)
        taken.add(name)
        ids[user.guid] = get_or_create_coder(s, name, guid=user.guid).id
        report.coders += 1
    return ids


def _add_sources(
    s: Session, project: RefiProject, codes: dict[str, int], coders: dict[str, int],
    report: ExchangeReport,
) -> dict[str, int]:
    """Documents and codings; returns source GUID → document id."""
    used_guids = set(s.scalars(select(Coding.guid)))
    documents: dict[str, int] = {}
    for source in project.sources:
        doc = _document_for(s, source, report)
        if doc is None:
            continue
        documents[source.guid] = doc.id
        comments = []
        for sel in source.selections:
            for coding in sel.codings:
                _add_coding(s, doc, sel, coding, codes, coders, used_guids, report)
            if sel.memo and not sel.codings:
                excerpt = " ".join(source.text[sel.start:sel.end].split())[:60]
                comments.append(f"[{sel.start}–{sel.end}] “{excerpt}”\n{sel.memo}")
        if comments:
            doc.memo = "\n\n".join([doc.memo, *comments] if doc.memo else comments)
            report.notes.append(msg(
                "{count} comment(s) on uncoded text in {name!r} were added to the document's "
                "memo", count=len(comments), name=source.name))
    return documents


def _document_for(s: Session, source: RefiSource, report: ExchangeReport) -> Document | None:
    if not source.text.strip():
        report.notes.append(msg("source {name!r} has no text and was skipped",
                                name=source.name))
        return None
    twin = s.scalar(select(Document).where(Document.sha256 == text_sha256(source.text)))
    if twin is not None:
        report.notes.append(msg(
            "source {name!r} has the same text as {twin!r}; its codings go there",
            name=source.name, twin=twin.name,
        ))
        return twin
    guid_taken = s.scalar(select(Document.id).where(Document.guid == source.guid))
    doc = insert_document(
        s, source.name, source.text, source_name=source.name, source_format="qdpx",
        guid=None if guid_taken else source.guid, memo=source.memo or "",
    )
    report.documents += 1
    return doc


def _add_coding(
    s: Session, doc: Document, sel: RefiSelection, coding: RefiCoding, codes: dict[str, int],
    coders: dict[str, int], used_guids: set[str], report: ExchangeReport,
) -> None:
    code_id = codes.get(coding.code_guid)
    if code_id is None:
        report.notes.append(msg("a coding refers to an unknown code {guid}; skipped",
                                guid=coding.code_guid))
        return
    coder_guid = coding.coder_guid or sel.creator_guid
    coder_id = coders.get(coder_guid) if coder_guid else None
    if coder_id is None:
        coder_id = get_or_create_coder(s, UNKNOWN_CODER).id
    if s.scalar(select(Coding.id).where(
        Coding.document_id == doc.id, Coding.code_id == code_id, Coding.coder_id == coder_id,
        Coding.start == sel.start, Coding.end == sel.end,
    )) is not None:
        return
    guid = coding.guid if coding.guid and coding.guid not in used_guids else str(uuid.uuid4())
    used_guids.add(guid)
    code = s.get(Code, code_id)
    insert_coding(s, doc, code, coder_id, sel.start, sel.end, coding.memo or "", guid=guid,
                  created_at=_naive(coding.created or sel.created))
    report.codings += 1


def _naive(value: datetime | None) -> datetime | None:
    """Stored times are naive UTC; exchange files may carry a zone."""
    if value is not None and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _project_memo(s: Session, refi: RefiProject, report: ExchangeReport) -> None:
    parts = [refi.memo] if refi.memo else []
    parts += [f"{n.name}\n{n.text}" if n.name else n.text for n in refi.notes]
    if not parts:
        return
    row = s.get(Meta, "memo")
    text = "\n\n".join(p for p in ([row.value] if row and row.value else []) + parts)
    if row is None:
        s.add(Meta(key="memo", value=text))
    else:
        row.value = text
    if refi.notes:
        report.notes.append(msg("{count} free-standing notes were added to the project memo",
                                count=len(refi.notes)))


# How the reader placed the file's offsets, said in the report so that a user who sees
# shifted codings knows which reading was taken.
_RULES = {rule.label: rule.describe() for rule in CANDIDATES}


def _offsets_note(refi: RefiProject) -> Msg | None:
    rule = _RULES.get(refi.offset_rule or "")
    if rule is None or not any(src.selections for src in refi.sources):
        return None
    return msg(
        "The file's offsets were read as {rule} (producer: {origin}): {reason}. If codings "
        "look shifted, import again with the other reading: the window asks for it, the "
        "command line takes --offsets utf16 or codepoints, --crlf 1 or 2.",
        rule=rule, origin=refi.origin or "?", reason=refi.offset_reason or "")


def import_refi_project(
    project: Project, refi: RefiProject, progress: Progress | None = None
) -> ExchangeReport:
    """Add a whole exchange project (codebook, users, sources, codings, attributes, cases,
    sets) in one transaction."""
    report = ExchangeReport(notes=list(refi.warnings))
    offsets = _offsets_note(refi)
    if offsets is not None:
        report.notes.append(offsets)
    with project.write() as s:
        coders = _add_coders(s, refi.users, report)
        codes = _add_codes(s, refi.codes, report, progress)
        documents = _add_sources(s, refi, codes, coders, report)
        _add_reviewed(s, refi, documents, coders, report)
        _add_extras(s, refi, documents, codes, report)
    return report


def _add_reviewed(
    s: Session, refi: RefiProject, documents: dict[str, int], coders: dict[str, int],
    report: ExchangeReport,
) -> None:
    """The file's reviewed marks onto the documents and coders just matched or made."""
    marks = [(documents[m.source_guid], coders[m.user_guid], _naive(m.at))
             for m in refi.reviewed if m.source_guid in documents and m.user_guid in coders]
    added = add_dated_marks(s, marks)
    if added:
        report.notes.append(msg(
            "{count} reviewed mark(s) came in: a coder who marked a document reviewed and "
            "coded nothing in it counts as “not coded” in agreement", count=added))


def _add_extras(
    s: Session, refi: RefiProject, documents: dict[str, int], codes: dict[str, int],
    report: ExchangeReport,
) -> None:
    """What a file holds beside codes and codings: analysis parts, memo, identifiers."""
    analysis = AnalysisImport(s, refi, documents, codes)
    analysis.run()
    report.notes.extend(analysis.notes)
    _project_memo(s, refi, report)
    keep_original_ids(s, refi.original_ids)


def import_refi_extras(
    project: Project, refi: RefiProject, documents: dict[str, int]
) -> list[Msg]:
    """Attributes, cases, sets, the project memo and journal of ``refi`` into ``project``,
    whose documents ``documents`` (source GUID → id) already hold the sources: what
    ``merge`` adds after the codings. One serialized transaction (attributes take the
    next positions); returns the notes."""
    def add(s: Session) -> list[Msg]:
        report = ExchangeReport()
        codes = {guid: i for guid, i in s.execute(select(Code.guid, Code.id))}
        _add_extras(s, refi, documents, codes, report)
        return report.notes

    return project.serialized(add)


def documents_by_text(project: Project, refi: RefiProject) -> dict[str, int]:
    """Source GUID → the project's document with the same text (how merge matches them)."""
    with project.read() as s:
        by_sha = dict(s.execute(select(Document.sha256, Document.id)).all())
    return {src.guid: by_sha[sha] for src in refi.sources
            if (sha := text_sha256(src.text)) in by_sha}


def read_exchange_file(
    qdpx: Path | str, *, utf16: bool | None = None, crlf: int | None = None
) -> RefiProject:
    """Read a .qdpx for import (``utf16``/``crlf`` override the offset detection)."""
    if Path(qdpx).suffix.lower() == ".qdc":
        raise InvalidInput(
            "{name}: a REFI-QDA codebook, not a project; create the project, then add the "
            "codes with 'annotator import PROJECT {path}'", name=Path(qdpx).name, path=str(qdpx),
        )
    return read_qdpx(Path(qdpx), utf16=utf16, crlf=crlf)


def new_project_from_qdpx(
    project_path: Path | str, qdpx: Path | str, progress: Progress | None = None, *,
    refi: RefiProject | None = None,
) -> tuple[Project, ExchangeReport]:
    """A new project holding what the .qdpx holds (``refi``: already read); no file is left
    behind if it fails."""
    refi = refi if refi is not None else read_exchange_file(qdpx)
    project, report = Project.create_filled(
        project_path, refi.name or Path(qdpx).stem, lambda p: import_refi_project(p, refi, progress)
    )
    assert report is not None
    return project, report


def import_codebook(
    project: Project, qdc: Path | str, progress: Progress | None = None
) -> ExchangeReport:
    """Codes from a .qdc; codes already present (same GUID, or same path) are kept as they are."""
    originals: dict[str, str] = {}
    roots = read_qdc(Path(qdc), original_ids=originals)

    def add(s: Session) -> ExchangeReport:  # serialized: positions follow the codes there
        report = ExchangeReport()
        before = set(s.scalars(select(Code.id)))
        ids = _add_codes(s, roots, report, progress)
        keep_original_ids(s, originals)
        report.changes = Changes(codes=frozenset(set(ids.values()) - before))
        return report

    return project.serialized(add)


# -- export -------------------------------------------------------------------------------


def _refi_codes(s: Session) -> list[RefiCode]:
    codes = s.scalars(select(Code).order_by(Code.position, Code.id)).all()
    nodes = {
        c.id: RefiCode(guid=c.guid, name=c.name, color=c.color, description=c.description or None,
                       is_codable=c.is_codable, memo=c.memo or None)
        for c in codes
    }
    roots = []
    for c in codes:
        (nodes[c.parent_id].children if c.parent_id else roots).append(nodes[c.id])
    return roots


def project_to_refi(project: Project) -> RefiProject:
    """The project as an exchange model: one selection per coding, as NVivo and QualCoder
    write them, so that readers that give a selection's codings to its ``creatingUser`` (and
    its ``Description`` to all of them) keep every coder's coding and memo apart."""
    with project.read() as s:
        coders = {c.id: c for c in s.scalars(select(Coder))}
        code_guid = dict(s.execute(select(Code.id, Code.guid)).all())
        sources = []
        doc_guid: dict[int, str] = {}
        for doc in s.scalars(select(Document).order_by(Document.position, Document.id)):
            doc_guid[doc.id] = doc.guid
            rows = s.scalars(select(Coding).where(Coding.document_id == doc.id)
                             .order_by(Coding.start, Coding.end, Coding.id))
            selections = [
                RefiSelection(
                    guid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{doc.guid}/{c.guid}")),
                    start=c.start, end=c.end,
                    creator_guid=coders[c.coder_id].guid,
                    created=c.created_at,
                    codings=[RefiCoding(code_guid=code_guid[c.code_id],
                                        coder_guid=coders[c.coder_id].guid, created=c.created_at,
                                        memo=c.memo or None, guid=c.guid)],
                )
                for c in rows
            ]
            sources.append(RefiSource(guid=doc.guid, name=doc.name, text=doc.text,
                                      selections=selections, memo=doc.memo or None))
        memo = s.get(Meta, "memo")
        refi = RefiProject(
            name=project.name,
            users=[RefiUser(c.guid, c.name) for c in coders.values()],
            codes=_refi_codes(s),
            sources=sources,
            memo=memo.value if memo and memo.value else None,
            original_ids=original_ids(s),
            reviewed=[RefiReviewed(doc_guid[d], coders[c].guid, at)
                      for d, c, at in all_marks(s)],
        )
        analysis_to_refi(s, refi)
        return refi


def _replaced_characters(refi: RefiProject) -> int:
    """Characters XML cannot carry in names, descriptions and memos (texts go to files)."""
    texts = [refi.name, refi.memo or "", *(u.name for u in refi.users)]
    for code in refi.all_codes():
        texts += [code.name, code.description or "", code.memo or ""]
    for src in refi.sources:
        texts += [src.name, src.memo or "", *src.values.values()]
        for sel in src.selections:
            texts += [sel.memo or "", *(c.memo or "" for c in sel.codings)]
    for group in (*refi.variables, *refi.cases, *refi.sets):
        texts += [group.name, group.description or ""]
    texts += [v for case in refi.cases for v in case.values.values()]
    return sum(unsafe_characters(t) for t in texts)


def export_refi(project: Project, out: Path | str, *, utf16: bool = False) -> list[Msg]:
    """Write ``OUT.qdpx`` (the whole project) or ``OUT.qdc`` (the codebook); returns notes
    on what the file could not carry as it is.

    ``utf16`` ("for NVivo") counts offsets in UTF-16 code units instead of code points.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise AnnotatorError("{folder}: no such folder", folder=str(out.parent))
    suffix = out.suffix.lower()
    if suffix == ".qdpx":
        refi = project_to_refi(project)
        write_qdpx(refi, out, utf16=utf16)
    elif suffix == ".qdc":
        with project.read() as s:
            refi = RefiProject(name="", codes=_refi_codes(s), original_ids=original_ids(s))
        write_qdc(refi.codes, out, original_ids=refi.original_ids)
    else:
        raise InvalidInput("{name}: REFI-QDA files end in .qdpx or .qdc", name=out.name)
    notes = []
    present = {u.guid for u in refi.users} | {c.guid for c in refi.all_codes()}
    present |= {g.guid for g in (*refi.sources, *refi.variables, *refi.cases, *refi.sets)}
    kept = present & refi.original_ids.keys()
    replaced = _replaced_characters(refi)
    if replaced:
        notes.append(msg(
            "{count} control character(s) in names, descriptions or memos cannot be written "
            "in XML and were written as “\ufffd” (U+FFFD)", count=replaced))
    if kept:
        notes.append(msg(
            "{count} element(s) went out with the identifiers of the file they came from, "
            "which are not GUIDs (such as “c001”)", count=len(kept)))
    return notes
