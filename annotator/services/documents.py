"""Documents in a project: adding, importing files, renaming, memos, deleting.

A document's text is stored once, normalised (``normalise_text``), and never edited, so
every coding's offsets stay valid. Its SHA-256 identifies it across copies of a project;
the same text imported twice is refused with the name it already has.
"""

import os
import uuid
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from annotator.domain.errors import AnnotatorError, Conflict, InvalidInput, NotFound
from annotator.domain.text import normalise_text, text_sha256
from annotator.io.readers import ReadDocument, read_document
from annotator.services.changes import Changes, added, removed
from annotator.services.coding import coding_rows
from annotator.services.rows import CodingRow, DocumentRow
from annotator.store.guards import insert_unless_taken
from annotator.store.models import Coding, Document
from annotator.store.project import Project, now

IMPORT_BATCH_CHARS = 20_000_000


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    guid: str
    name: str
    length: int
    sha256: str
    source_name: str | None
    source_size: int | None
    source_format: str | None
    encoding: str | None
    imported_at: datetime
    memo: str


@dataclass(frozen=True)
class ImportSummary:
    imported: list[DocumentInfo] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes(documents=frozenset(d.id for d in self.imported))


@dataclass(frozen=True)
class DeletedDocument:
    """A deleted document and its codings, as whole rows (``restore_documents``)."""

    document: DocumentRow
    codings: tuple[CodingRow, ...]

    @property
    def changes(self) -> Changes:
        return Changes(documents=frozenset({self.document.id})) | removed(self.codings)

    @property
    def restored(self) -> Changes:
        return Changes(documents=frozenset({self.document.id})) | added(self.codings)


def _info(d: Document) -> DocumentInfo:
    return DocumentInfo(
        d.id, d.guid, d.name, d.length, d.sha256, d.source_name, d.source_size,
        d.source_format, d.encoding, d.imported_at, d.memo,
    )


def find_document(session: Session, name: str) -> Document:
    doc = session.scalar(select(Document).where(Document.name == name))
    if doc is None:
        raise NotFound("no document named {name!r} in this project", name=name)
    return doc


def get_document(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound("document #{id} no longer exists", id=document_id)
    return doc


#: How often a document looks for a free name when team members import at the same moment.
NAME_ATTEMPTS = 20


def _free_name(session: Session, name: str) -> str:
    """``name``, or ``name (2)``, ``name (3)``... if a document already has it."""
    taken = set(
        # A prefix compare, not LIKE: names may hold % or _ and be longer than SQLite's
        # pattern limit (50,000 bytes).
        session.scalars(select(Document.name).where(
            func.substr(Document.name, 1, len(name)) == name))
    )
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def insert_document(
    session: Session,
    name: str,
    text: str,
    *,
    source_name: str | None = None,
    source_size: int | None = None,
    source_format: str | None = None,
    encoding: str | None = None,
    guid: str | None = None,
    memo: str = "",
) -> Document:
    name = name.strip()
    if not name:
        raise InvalidInput("a document name cannot be empty")
    text = normalise_text(text)
    if not text.strip():
        raise InvalidInput("{name}: the document has no text", name=source_name or name)
    sha = text_sha256(text)
    twin = session.scalar(select(Document.name).where(Document.sha256 == sha))
    if twin is not None:
        raise Conflict(
            "{name}: the same text is already in the project as {twin!r}",
            name=source_name or name, twin=twin,
        )
    doc = Document(
        guid=guid or str(uuid.uuid4()),
        text=text,
        length=len(text),
        sha256=sha,
        source_name=source_name,
        source_size=source_size,
        source_format=source_format,
        encoding=encoding,
        imported_at=now(),
        memo=memo,
    )
    for _ in range(NAME_ATTEMPTS):  # on a server, another member may take the name first
        doc.name = _free_name(session, name)
        doc.position = (session.scalar(select(func.max(Document.position))) or 0) + 1
        if insert_unless_taken(session, doc):
            return doc
    raise Conflict("{name}: no free document name could be found; try again", name=name)


def add_document(project: Project, name: str, text: str, **source: object) -> DocumentInfo:
    """Serialized: the document's position follows those already there."""
    return project.serialized(
        lambda s: _info(insert_document(s, name, text, **source)))  # type: ignore[arg-type]


def readable_name(name: str) -> str:
    """A file name as text that can be stored, from whatever bytes the file system holds.

    Unzipping a Chinese Windows zip on Linux leaves GBK bytes in names, which Python keeps
    as lone surrogates that no database accepts: such a name is read as GBK when it is
    valid GBK, else with U+FFFD for the undecodable bytes. The file itself is still opened
    by its real path.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gbk")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def import_files(
    project: Project,
    paths: Iterable[Path],
    encoding: str | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> ImportSummary:
    """Read every file, then store the good ones; a bad file is reported, the rest come in.

    Files are read outside any transaction and stored in batches of up to
    ``IMPORT_BATCH_CHARS`` characters, one transaction per batch, so a thousand small
    files cost a handful of commits rather than a thousand, and other windows on the same
    file wait for one batch at a time, not for the whole import. On a server, where a
    transaction held open blocks no one, the whole import is one serialized transaction
    (the batches are flushed as they come, to keep memory flat): a connection lost half-way
    leaves none of it, and a clash with another member's step runs it again from the first
    file. ``progress`` is called with the number of files done and the name of the next one.
    """
    if project.url is None:
        return _import(paths, encoding, progress, project.write)
    files = list(map(Path, paths))
    return project.serialized(
        lambda s: _import(files, encoding, progress, lambda: nullcontext(s)))


def _import(
    paths: Iterable[Path], encoding: str | None, progress: Callable[[int, str], None] | None,
    batch: Callable[[], AbstractContextManager[Session]],
) -> ImportSummary:
    """Read and store the files; each batch is stored in ``batch()``'s session."""
    summary = ImportSummary()
    pending: list[tuple[Path, ReadDocument]] = []

    def store() -> None:
        with batch() as s:
            for path, read in pending:
                try:
                    doc = insert_document(
                        s, readable_name(path.stem), read.text,
                        source_name=readable_name(read.source_name),
                        source_size=read.source_size,
                        source_format=read.source_format, encoding=read.encoding,
                    )
                except AnnotatorError as exc:  # raised before anything is added
                    summary.refused.append((path.name, str(exc)))
                    continue
                summary.imported.append(_info(doc))
                summary.warnings.extend((path.name, str(w)) for w in read.warnings)
            s.flush()
            s.expunge_all()  # the texts stored so far need not stay in memory
        pending.clear()

    size = 0
    for done, path in enumerate(map(Path, paths)):
        if progress is not None:
            progress(done, path.name)
        try:
            read = read_document(path, encoding=encoding)
        except AnnotatorError as exc:
            summary.refused.append((path.name, str(exc)))
            continue
        pending.append((path, read))
        size += len(read.text)
        if size >= IMPORT_BATCH_CHARS:
            store()
            size = 0
    if pending:
        store()
    return summary


def list_documents(project: Project) -> list[DocumentInfo]:
    with project.read() as s:
        docs = s.scalars(
            select(Document).order_by(Document.position, Document.id)
            .execution_options(populate_existing=True)
        ).all()
        return [_info(d) for d in docs]


def document_text(project: Project, document_id: int) -> str:
    with project.read() as s:
        text = s.scalar(select(Document.text).where(Document.id == document_id))
        if text is None:
            raise NotFound("document #{id} no longer exists", id=document_id)
        return text


def rename_document(project: Project, document_id: int, new_name: str) -> str:
    new_name = new_name.strip()
    if not new_name:
        raise InvalidInput("a document name cannot be empty")
    with project.write() as s:
        doc = get_document(s, document_id)
        if new_name != doc.name and s.scalar(select(Document.id).where(Document.name == new_name)):
            raise Conflict("a document named {name!r} already exists", name=new_name)
        old, doc.name = doc.name, new_name
        return old


def set_document_memo(project: Project, document_id: int, memo: str) -> str:
    with project.write() as s:
        doc = get_document(s, document_id)
        old, doc.memo = doc.memo, memo
        return old


def delete_documents(project: Project, document_ids: list[int]) -> list[DeletedDocument]:
    """Delete documents with their codings in one transaction; returns them for undo."""
    with project.write() as s:
        deleted = []
        for document_id in document_ids:
            get_document(s, document_id)
            row = s.execute(select(Document.__table__).where(Document.id == document_id)).one()
            deleted.append(DeletedDocument(DocumentRow.of(row._mapping),
                                           coding_rows(s, Coding.document_id == document_id)))
        s.execute(delete(Document).where(Document.id.in_(document_ids)))
        return deleted


def restore_documents(project: Project, deleted: list[DeletedDocument]) -> Changes:
    """Undo of ``delete_documents``: the same rows, with their ids, in one transaction."""
    with project.write() as s:
        for d in deleted:
            s.execute(insert(Document).values(**d.document.values()))
            if d.codings:
                s.execute(insert(Coding), [r.values() for r in d.codings])
    out = Changes()
    for d in deleted:
        out |= d.restored
    return out


def delete_document(project: Project, document_id: int) -> DeletedDocument:
    return delete_documents(project, [document_id])[0]


def restore_document(project: Project, deleted: DeletedDocument) -> Changes:
    return restore_documents(project, [deleted])
