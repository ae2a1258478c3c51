"""A coding workshop: participant copies out, merged projects back in.

The facilitator prepares one project; each participant codes a copy under their own
coder name, offline; the facilitator merges the copies back. NVivo, MAXQDA and ATLAS.ti
match documents by file name and codes by name, so a renamed file or code breaks the
merge. Here identities are the stable ones the project stores:

* **documents** by the SHA-256 of their text (whatever they are called in the copy);
* **codes** by GUID, then by path — the same name under the matched parent, so a child
  of a code renamed in the copy still finds its twin;
* **coders** by GUID, then by name;
* **codings** by GUID, then by (document, code, coder, start, end). Merging the same
  copy twice therefore adds nothing the second time.

**Rule for conflicts: the target wins, and nothing is dropped silently.** Every
difference is listed in the ``MergeReport`` (``conflicts``) and resolved so:

* a code renamed in the copy (``code_renamed``), given another definition
  (``code_definition``) or moved (``code_moved``): the target keeps its name, definition
  and place; the copy's name or definition is appended to the target code's memo as
  ``【copy】名称 name: …`` / ``【copy】定义 definition: …`` (once: merging again does not
  repeat it). A different colour (``code_colour``) is only reported.
* a document whose text is in the target under another name (``document_renamed``): the
  target's name is kept. A new document whose name the target already uses for another
  text (``document_name_taken``) comes in as ``name (2)``.
* a new code of the copy whose path is taken in the target by a code the copy *also*
  has, under its own GUID elsewhere (renamed or moved in the copy, ``code_name_taken``):
  not the same code, so it is added as ``name (copy)``.
* a coder whose GUID matches but whose name differs (``coder_renamed``): the target's
  name is kept. A coder matched by name is never one that another coder of the copy
  already claims by GUID (``coder_name_taken``): it is added as ``name (copy)``.
* a coding whose GUID is in the target with another code or span (``coding_changed``,
  e.g. after a code merge in the copy): the target's coding is kept.
* codings of a code that is a heading (not codable) in the target
  (``code_not_codable``), or that lie outside their document, are not merged; the
  report counts them (``codings_skipped``).
* a code the participant added comes in with ``created_by`` set to its creator in the
  copy; when the copy does not record one, to the participant the copy was made for
  (``make_participant_copies`` records that in the copy), else to the copy's only
  coder; else it stays empty and the report says so (``creator_unknown``).
* memos the copy added (of matched codes, documents and codings) are appended to the
  target's memo under the copy's name, once.
* a document of the copy whose stored text is not normalised (BOM, CR line ends: never
  written by Annotator) is not merged, nor its codings (``document_not_normalised``):
  its offsets could not be trusted.

"The copy's name" in memos is its file name without the extension (``项目-张三``), or
the database's name for a copy on a server.

The facilitator's project, a source and the target may each be a file or a team project
on a server (a ``postgresql://`` URL); participant copies are always files, to be coded
offline. One source is one transaction, on a server too: a source that cannot be read
(not a project, damaged, from a newer version) or fails halfway — a server that drops the
connection included — leaves the target exactly as it was, is reported, and the other
sources still merge. Source files are never modified: each is first copied with SQLite's
backup API (read-only) into a temporary file, and only that copy is opened — so even an
older-format source is upgraded in the temporary copy, not in place. A source on a server
is read in one repeatable-read transaction (what it held at one moment); an older-format
one is upgraded by that open, as by any member's.

Codings are inserted in bulk rather than one ``insert_coding`` call each: the same checks
(span inside the document, codable code, unique key) are made against sets built once,
which is what keeps 20 copies of 5,000 codings within seconds.
"""

import re
import sqlite3
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from annotator.domain.codepath import SEPARATOR, escape_name
from annotator.domain.codetree import tree_of
from annotator.domain.errors import AnnotatorError, Conflict, InvalidInput, ProjectFileError
from annotator.domain.text import normalise_text, text_sha256
from annotator.messages import Msg, msg
from annotator.services.agreement import CONSENSUS_CODER
from annotator.services.codebook import code_paths, create_code
from annotator.services.coders import get_or_create_coder
from annotator.services.documents import insert_document
from annotator.services.progress import CancelFn, Cancelled, ProgressFn, step
from annotator.services.reviewed import REVIEWED, copy_marks
from annotator.store.debris import sweep, temporary_folder
from annotator.store.models import Code, Coder, Coding, Document, Meta
from annotator.store.project import PROJECT_SUFFIX, Project, check_project_file, now
from annotator.store.server import display_url, is_server_url

# Meta key of a participant copy: the GUID of the coder the copy was made for.
PARTICIPANT_META = "workshop_participant_guid"
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_CHUNK = 900  # bound parameters per IN list (SQLite's old limit is 999)

# Kinds of conflict a merge reports (stable strings: the CLI's --json prints them).
CODE_RENAMED = "code_renamed"
CODE_DEFINITION = "code_definition"
CODE_MOVED = "code_moved"
CODE_COLOUR = "code_colour"
CODE_NAME_TAKEN = "code_name_taken"
CODE_NOT_CODABLE = "code_not_codable"
CREATOR_UNKNOWN = "creator_unknown"
DOCUMENT_RENAMED = "document_renamed"
DOCUMENT_NAME_TAKEN = "document_name_taken"
DOCUMENT_NOT_NORMALISED = "document_not_normalised"
CODER_RENAMED = "coder_renamed"
CODER_NAME_TAKEN = "coder_name_taken"
CODING_CHANGED = "coding_changed"
CODING_OUTSIDE = "coding_outside_document"


# ------------------------------------------------------------------ participant copies


@dataclass(frozen=True)
class ParticipantCopy:
    participant: str
    path: Path
    coder_guid: str
    documents: int
    codes: int
    codings: int


def copy_file_name(project_stem: str, participant: str) -> str:
    """``研究项目-张三.annotator``: characters no file system accepts become ``_``."""
    safe = _UNSAFE_FILE_CHARS.sub("_", participant).strip(" .") or "participant"
    return f"{project_stem}-{safe}{PROJECT_SUFFIX}"


def _check_participants(participants: Iterable[str]) -> list[str]:
    names = [p.strip() for p in participants]
    if not names or any(not n for n in names):
        raise InvalidInput("name at least one participant, and no empty names")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise InvalidInput("participant {name!r} is named twice", name=name)
        if name == CONSENSUS_CODER:
            raise InvalidInput("{name!r} is the consensus coder, not a participant",
                               name=CONSENSUS_CODER)
        seen.add(name.casefold())
    return names


def make_participant_copies(
    project: Project,
    outdir: Path | str,
    participants: Sequence[str],
    *,
    without_codings: bool = True,
) -> list[ParticipantCopy]:
    """One project file per participant: documents and codebook, codings only on request.

    Independent coding is the default: a copy made after a merge would otherwise hand
    every participant everyone's codings (and the consensus coder's), and agreement
    between people who saw each other's work measures nothing. ``without_codings=False``
    carries the project's codings, for a second round that builds on the first.

    Each copy is made with SQLite's backup API, so GUIDs of documents, codes, coders and
    codings are the facilitator's — which is what lets the merge recognise them. The
    participant's coder is created in the copy (and recorded in its meta table, so codes
    they add can be attributed even if they never set a creator). Nothing is written
    when any target file already exists; a failure removes the copies made so far.
    """
    names = _check_participants(participants)
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise InvalidInput("{path}: is a file, not a folder", path=outdir)
    stem = project.stem
    dests = [outdir / copy_file_name(stem, n) for n in names]
    if len({d.name.casefold() for d in dests}) != len(dests):
        raise InvalidInput("two participants' names give the same file name; rename one")
    for dest in dests:
        if dest.exists():
            raise Conflict("{path}: already exists; choose another folder", path=dest)
    outdir.mkdir(parents=True, exist_ok=True)
    title = project.name
    made: list[ParticipantCopy] = []
    try:
        for name, dest in zip(names, dests, strict=True):
            project.save_copy(dest)
            with Project.open(dest) as copy, copy.write() as s:
                if without_codings:
                    s.execute(delete(Coding))
                coder = get_or_create_coder(s, name)
                s.execute(update(Meta).where(Meta.key == "name").values(value=f"{title} – {name}"))
                s.merge(Meta(key=PARTICIPANT_META, value=coder.guid))
                made.append(ParticipantCopy(
                    name, dest, coder.guid,
                    len(s.scalars(select(Document.id)).all()),
                    len(s.scalars(select(Code.id)).all()),
                    len(s.scalars(select(Coding.id)).all()),
                ))
    except BaseException:
        for dest in dests[: len(made) + 1]:  # the copies made so far and the partial one
            dest.unlink(missing_ok=True)
            for extra in ("-journal", "-wal", "-shm"):
                Path(f"{dest}{extra}").unlink(missing_ok=True)
        raise
    return made


# ------------------------------------------------------------------ reading a copy


class _SourceCoding(NamedTuple):
    id: int
    guid: str
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str | None
    created_at: str | None  # as the SQLite file stores it


@dataclass
class _Copy:
    """Everything of a source project the merge needs, read once into memory."""

    label: str
    participant_guid: str | None
    coders: list[Mapping]  # row mappings: row["column"]
    codes: list[Mapping]  # parents before children
    documents: list[Mapping]
    codings: list[_SourceCoding]
    reviewed: list[tuple[int, int]] = field(default_factory=list)  # (document, coder) ids


def _scratch_folder(target: Project) -> Path:
    """Where a merge keeps its temporary copies: beside the target project (a team
    project: the system's temporary folder), after sweeping what a killed merge left."""
    folder = target.path.parent if target.path is not None else Path(tempfile.gettempdir())
    sweep(folder)
    return folder


def _snapshot_source(source: Path | str, scratch: Path) -> _Copy:
    """Read a source file through a temporary backup copy: the source is never written.

    The copy is made in a hidden folder in ``scratch`` and removed on every path out; if
    the process is killed, the next open of a project there removes it (``debris.py``).
    A source on a server is read directly, in one repeatable-read transaction.
    """
    if is_server_url(source):
        with Project.open(source) as copy:
            return _read_copy(copy, copy.stem)
    path = Path(source)
    check_project_file(path)
    with temporary_folder(scratch, "merge") as tmpdir:
        tmp = tmpdir / f"source{PROJECT_SUFFIX}"
        try:
            src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(tmp)
                try:
                    dst.execute("PRAGMA synchronous = OFF")  # a throwaway file: no fsync
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.Error as exc:
            raise ProjectFileError("{path}: the project file is damaged ({reason})", path=path,
                                   reason=exc) from exc
        try:
            with Project.open(tmp) as copy:
                return _read_copy(copy, path.stem)
        except ProjectFileError as exc:
            inner = exc.message  # the temporary copy's path in it becomes the source's
            renamed = Msg(inner.template, {
                k: str(v).replace(str(tmp), str(path)) if isinstance(v, str | Path) else v
                for k, v in inner.args.items()
            })
            raise ProjectFileError(renamed) from exc
        except (SQLAlchemyError, sqlite3.Error) as exc:
            reason = str(getattr(exc, "orig", exc))
            raise ProjectFileError("{path}: the project file is damaged ({reason})", path=path,
                                   reason=reason) from exc


def _rows(s: Session, table, *order) -> list:
    """Rows as read-only mappings (``row["name"]``): cheaper than dicts for 5,000 codings."""
    return list(s.execute(select(table).order_by(*order)).mappings())


def _read_copy(copy: Project, label: str) -> _Copy:
    with copy.read() as s:
        if copy.url is not None:  # every table as of one moment, whoever writes meanwhile
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        coders = _rows(s, Coder.__table__, Coder.id)
        codes = _tree_order(_rows(s, Code.__table__, Code.position, Code.id))
        documents = _rows(s, Document.__table__, Document.position, Document.id)
        # Raw tuples, created_at as stored: 5,000 rows skip SQLAlchemy's type processing
        # both here and when they are written into the target (see _insert_codings).
        codings = list(map(_SourceCoding._make, s.connection().exec_driver_sql(
            'SELECT id, guid, document_id, code_id, coder_id, start, "end", memo, '
            "created_at FROM coding ORDER BY id"
        ).fetchall()))
        participant = s.scalar(select(Meta.value).where(Meta.key == PARTICIPANT_META))
        reviewed = [(d, c) for d, c in s.execute(
            select(REVIEWED.c.document_id, REVIEWED.c.coder_id))]
    return _Copy(label, participant, coders, codes, documents, codings, reviewed)


def _tree_order(codes: list[Mapping]) -> list[Mapping]:
    """Parents before children, siblings by position (the order codes must be created)."""
    by_id = {c["id"]: c for c in codes}
    return [by_id[i] for i in tree_of(codes).preorder()]


# ------------------------------------------------------------------ the merge report


@dataclass(frozen=True)
class MergeConflict:
    """A difference between the copy and the target, and how it was resolved."""

    kind: str
    subject: str  # the target's code path / document name / coder name
    target_value: str
    source_value: str
    resolution: str

    def describe(self) -> str:
        return f"{self.kind}: {self.subject}: {self.resolution}"


@dataclass
class MergeReport:
    """What merging one source did (or, with ``error`` set, why it did nothing).

    ``source`` is the file, or a server project's URL without its password."""

    source: Path | str
    error: str | None = None
    documents_matched: int = 0
    documents_added: int = 0
    codes_matched: int = 0
    codes_matched_by_path: int = 0
    codes_added: int = 0
    coders_matched: int = 0
    coders_added: int = 0
    codings_added: int = 0
    codings_present: int = 0
    codings_skipped: int = 0
    memos_appended: int = 0
    added_codes: list[tuple[str, str | None]] = field(default_factory=list)  # path, creator
    added_documents: list[str] = field(default_factory=list)
    added_coders: list[str] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What a REFI-QDA file held that was adapted or not brought in (its import report)."""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> bool:
        return bool(
            self.documents_added or self.codes_added or self.coders_added
            or self.codings_added or self.memos_appended
        )

    def to_json(self) -> dict:
        data = asdict(self)
        data["source"] = str(self.source)
        data["added_codes"] = [{"path": p, "created_by": c} for p, c in self.added_codes]
        return data

    def summary(self) -> Msg:
        """One line, as the CLI prints it per source, in the user's language."""
        shown = self.source.name if isinstance(self.source, Path) else self.source
        if self.error:
            return msg("{source}: not merged: {error}", source=shown, error=self.error)
        counts = {"source": shown, "documents_matched": self.documents_matched,
                  "documents_added": self.documents_added,
                  "codes_matched": self.codes_matched, "codes_added": self.codes_added,
                  "coders_matched": self.coders_matched, "coders_added": self.coders_added,
                  "codings_added": self.codings_added,
                  "codings_present": self.codings_present, "conflicts": len(self.conflicts)}
        if self.codings_skipped:
            return msg("{source}: documents {documents_matched} matched, {documents_added} "
                       "added; codes {codes_matched} matched, {codes_added} added; coders "
                       "{coders_matched} matched, {coders_added} added; codings "
                       "{codings_added} added, {codings_present} already present, {skipped} "
                       "skipped; {conflicts} conflicts", skipped=self.codings_skipped,
                       **counts)
        return msg("{source}: documents {documents_matched} matched, {documents_added} added; "
                   "codes {codes_matched} matched, {codes_added} added; coders "
                   "{coders_matched} matched, {coders_added} added; codings {codings_added} "
                   "added, {codings_present} already present; {conflicts} conflicts", **counts)


# ------------------------------------------------------------------ merging


def _note(label: str, what: str, text: str) -> str:
    return f"【{label}】{what}: {text}"


def _append_memo(current: str, block: str) -> str | None:
    """The memo with ``block`` appended, or None when it is already there (idempotence)."""
    if not block.strip() or block in (current or ""):
        return None
    return f"{current}\n{block}" if current else block


class _Merger:
    """Merges one source snapshot into the target inside one open write session."""

    def __init__(self, s: Session, src: _Copy, report: MergeReport) -> None:
        self.s = s
        self.src = src
        self.report = report
        self.coder_map: dict[int, int] = {}
        self.code_map: dict[int, int] = {}
        self.doc_map: dict[int, int] = {}
        self.doc_length: dict[int, int] = {}
        self.not_codable: set[int] = set()
        self.new_coders: set[int] = set()  # target ids of coders this merge added
        # source ids of coders matched to the project's only by name (another GUID)
        self.matched_by_name: dict[int, str] = {}
        self._paths: dict[int, str] | None = None

    def path(self, code_id: int) -> str:
        """A target code's path, from one read of the codebook (``added`` extends it)."""
        if self._paths is None:
            self._paths = code_paths(self.s)
        return self._paths[code_id]

    def added(self, code: Code) -> str:
        """Record the path of a code this merge created; returns it."""
        name = escape_name(code.name)
        path = name if code.parent_id is None else self.path(code.parent_id) + SEPARATOR + name
        if self._paths is not None:
            self._paths[code.id] = path
        return path

    def conflict(self, kind: str, subject: str, target: str, source: str, resolution: str) -> None:
        self.report.conflicts.append(MergeConflict(kind, subject, target, source, resolution))

    def run(self) -> None:
        self.merge_coders()
        self.merge_documents()
        self.merge_codes()
        self.merge_codings()
        self.merge_reviewed()

    def merge_reviewed(self) -> None:
        """A participant's reviewed marks come back with their codings."""
        copy_marks(self.s, ((self.doc_map[d], self.coder_map[c]) for d, c in self.src.reviewed
                            if d in self.doc_map and c in self.coder_map))

    # -- coders
    def merge_coders(self) -> None:
        s, r = self.s, self.report
        by_guid = {c.guid: c for c in s.scalars(select(Coder))}
        by_name = {c.name: c for c in by_guid.values()}
        src_guids = {row["guid"] for row in self.src.coders}
        for row in self.src.coders:
            name = row["name"]
            target = by_guid.get(row["guid"])
            if target is not None:
                if target.name != name:
                    self.conflict(
                        CODER_RENAMED, target.name, target.name, name,
                        f"the copy calls this coder {name!r}; the project's name is kept",
                    )
            else:
                target = by_name.get(name)
                if target is not None and target.guid not in src_guids:
                    self.matched_by_name[row["id"]] = name
                if target is not None and target.guid in src_guids:
                    # that coder is in the copy under another name: this is someone else
                    taken, name, n = name, f"{name} ({self.src.label})", 2
                    while name in by_name:
                        name, n = f"{taken} ({self.src.label} {n})", n + 1
                    self.conflict(
                        CODER_NAME_TAKEN, taken, taken, row["name"],
                        f"another coder of the copy has this coder's GUID; this one was "
                        f"added as {name!r}",
                    )
                    target = None
            if target is None:
                target = Coder(guid=row["guid"], name=name, created_at=row["created_at"])
                s.add(target)
                s.flush()
                by_guid[target.guid] = by_name[target.name] = target
                self.new_coders.add(target.id)
                r.coders_added += 1
                r.added_coders.append(target.name)
            else:
                r.coders_matched += 1
            self.coder_map[row["id"]] = target.id

    # -- documents
    def merge_documents(self) -> None:
        s, r, label = self.s, self.report, self.src.label
        targets = {d.sha256: d for d in s.scalars(select(Document))}
        guids = set(s.scalars(select(Document.guid)))
        for row in self.src.documents:
            text = row["text"]
            if normalise_text(text) != text:
                self.conflict(
                    DOCUMENT_NOT_NORMALISED, row["name"], "", row["name"],
                    "the copy's text has BOM or CR line ends, so its offsets cannot be "
                    "trusted; the document and its codings are not merged",
                )
                continue
            sha = text_sha256(text)
            target = targets.get(sha)
            if target is not None:
                r.documents_matched += 1
                if target.name != row["name"]:
                    self.conflict(
                        DOCUMENT_RENAMED, target.name, target.name, row["name"],
                        f"the same text is called {row['name']!r} in the copy; "
                        "the project's name is kept",
                    )
                self._merge_memo(target, row["memo"], label)
            else:
                target = insert_document(
                    s, row["name"], text,
                    source_name=row["source_name"], source_size=row["source_size"],
                    source_format=row["source_format"], encoding=row["encoding"],
                    guid=row["guid"] if row["guid"] not in guids else None,
                    memo=row["memo"] or "",
                )
                guids.add(target.guid)
                targets[sha] = target
                r.documents_added += 1
                r.added_documents.append(target.name)
                if target.name != row["name"]:
                    self.conflict(
                        DOCUMENT_NAME_TAKEN, target.name, "", row["name"],
                        f"the project has another text named {row['name']!r}; "
                        f"the copy's document was added as {target.name!r}",
                    )
            self.doc_map[row["id"]] = target.id
            self.doc_length[target.id] = target.length

    # -- codes
    def _creator(self, row: Mapping) -> int | None:
        """Who added a code: its creator in the copy, the copy's participant, its only coder."""
        if row["created_by"] is not None and row["created_by"] in self.coder_map:
            return self.coder_map[row["created_by"]]
        copy_coders = self.src.coders
        if self.src.participant_guid:
            for c in copy_coders:
                if c["guid"] == self.src.participant_guid:
                    return self.coder_map[c["id"]]
        if len(copy_coders) == 1:
            return self.coder_map[copy_coders[0]["id"]]
        return None

    def merge_codes(self) -> None:
        s, r, label = self.s, self.report, self.src.label
        codes = list(s.scalars(select(Code)))
        by_guid = {c.guid: c for c in codes}
        by_place = {(c.parent_id, c.name): c for c in codes}
        src_paths = _paths(self.src.codes)
        src_guids = {row["guid"] for row in self.src.codes}
        unknown: list[str] = []  # paths of codes added without a creator
        for row in self.src.codes:
            parent = None if row["parent_id"] is None else self.code_map[row["parent_id"]]
            target = by_guid.get(row["guid"])
            matched_by = "guid"
            name = row["name"]
            if target is None:
                target = by_place.get((parent, name))
                matched_by = "path"
                if target is not None and target.guid in src_guids:
                    # The copy has the project's code under its own GUID elsewhere (renamed
                    # or moved) and a new code that took its old name: not the same code.
                    name = _free_code_name(by_place, parent, f"{name} ({label})")
                    self.conflict(
                        CODE_NAME_TAKEN, self.path(target.id), target.name, row["name"],
                        f"the copy added a new code named like this one; it was added as "
                        f"{name!r}",
                    )
                    target = None
            if target is None:
                creator = self._creator(row)
                target = create_code(
                    s, parent, name, color=row["color"], description=row["description"],
                    guid=row["guid"], created_by=creator, is_codable=bool(row["is_codable"]),
                )
                target.memo = row["memo"] or ""
                by_guid[target.guid] = by_place[(parent, target.name)] = target
                r.codes_added += 1
                path = self.added(target)
                creator_name = None if creator is None else s.get(Coder, creator).name
                r.added_codes.append((path, creator_name))
                if creator is None:
                    unknown.append(path)
            else:
                r.codes_matched += 1
                if matched_by == "path":
                    r.codes_matched_by_path += 1
                self._compare_code(target, row, parent, label, src_paths[row["id"]])
            self.code_map[row["id"]] = target.id
            if not target.is_codable:
                self.not_codable.add(target.id)
        if unknown:
            # Said once for the copy: a REFI file without creators would repeat it per code.
            self.conflict(
                CREATOR_UNKNOWN,
                ", ".join(unknown[:5]) + (f" … ({len(unknown)} codes)" if len(unknown) > 5 else ""),
                "", ", ".join(unknown),
                "the copy does not say who added these codes (no creator, no participant, "
                "several coders); they were added without a creator",
            )

    def _compare_code(self, target: Code, row: Mapping, parent: int | None, label: str,
                      src_path: str) -> None:
        r = self.report
        path = self.path(target.id)
        notes: list[str] = []
        if target.name != row["name"]:
            self.conflict(
                CODE_RENAMED, path, target.name, row["name"],
                f"renamed {row['name']!r} in the copy; the project's name is kept and the "
                "copy's name noted in the code's memo",
            )
            notes.append(_note(label, "名称 name", row["name"]))
        if (target.description or "") != (row["description"] or ""):
            self.conflict(
                CODE_DEFINITION, path, target.description, row["description"],
                "the copy's definition differs; the project's definition is kept and the "
                "copy's noted in the code's memo",
            )
            notes.append(_note(label, "定义 definition", row["description"] or "(—)"))
        if target.parent_id != parent:
            self.conflict(
                CODE_MOVED, path, path, src_path,
                f"the copy has this code at {src_path!r}; the project's place is kept",
            )
        if (target.color or "").upper() != (row["color"] or "").upper():
            self.conflict(
                CODE_COLOUR, path, target.color, row["color"],
                "the copy gives it another colour; the project's colour is kept",
            )
        for block in notes:
            memo = _append_memo(target.memo, block)
            if memo is not None:
                target.memo = memo
                r.memos_appended += 1
        self._merge_memo(target, row["memo"], label)

    def _merge_memo(self, target: Code | Document, source_memo: str | None, label: str) -> None:
        """Append what the copy wrote in a memo, unless the target already holds it."""
        if not source_memo or source_memo in (target.memo or ""):
            return
        memo = _append_memo(target.memo, _note(label, "备忘录 memo", source_memo))
        if memo is not None:
            target.memo = memo
            self.report.memos_appended += 1

    # -- codings
    def merge_codings(self) -> None:
        s, r, label = self.s, self.report, self.src.label
        by_guid = self._target_codings_by_guid()
        existing = self._target_codings_by_key(by_guid)
        new_rows: list[tuple] = []
        skipped_heading: dict[int, int] = {}
        memo_updates: dict[int, str] = {}
        for row in self.src.codings:
            doc = self.doc_map.get(row.document_id)
            if doc is None:  # its document was not merged (reported with the document)
                r.codings_skipped += 1
                continue
            key = (doc, self.code_map[row.code_id], self.coder_map[row.coder_id],
                   row.start, row.end)
            twin = by_guid.get(row.guid)
            if twin is not None:
                r.codings_present += 1
                if twin[1:6] != key:
                    self.conflict(
                        CODING_CHANGED, self.path(key[1]), _span_text(twin[1:6]),
                        _span_text(key),
                        "this coding has another code or span in the copy; the "
                        "project's coding is kept",
                    )
                self._coding_memo(twin[0], twin[6], row.memo, label, memo_updates)
                continue
            if key in existing:
                r.codings_present += 1
                cid, _guid, memo = existing[key]
                self._coding_memo(cid, memo, row.memo, label, memo_updates)
                continue
            if key[1] in self.not_codable:
                skipped_heading[key[1]] = skipped_heading.get(key[1], 0) + 1
                r.codings_skipped += 1
                continue
            if not 0 <= key[3] < key[4] <= self.doc_length[doc]:
                self.conflict(
                    CODING_OUTSIDE, self.path(key[1]), "", _span_text(key),
                    "the coding lies outside its document; it was not merged",
                )
                r.codings_skipped += 1
                continue
            new_rows.append((*key, row.memo or "", row.created_at or _stored_now(),
                             row.guid or str(uuid.uuid4())))
            existing[key] = (0, row.guid, row.memo or "")
            by_guid[row.guid] = (0, *key, row.memo or "")
        self._refuse_borrowed_coder(new_rows)
        _insert_codings(s, new_rows)
        for cid, memo in memo_updates.items():
            s.execute(update(Coding).where(Coding.id == cid).values(memo=memo))
        r.codings_added = len(new_rows)
        if skipped_heading:
            for code_id, n in skipped_heading.items():
                self.conflict(
                    CODE_NOT_CODABLE, self.path(code_id), "heading", "codable",
                    f"the code is a heading in the project; {n} codings of the copy "
                    "were not merged",
                )

    _COLUMNS = (Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id,
                Coding.start, Coding.end, Coding.memo)

    def _refuse_borrowed_coder(self, new_rows: list[tuple]) -> None:
        """Refuse a participant copy whose new codings sit under another coder of one name.

        Coding in a copy under the machine's name (a lab login, a shared laptop) gives
        two participants' codings one coder name with two GUIDs; matching them by name
        would silently make two people one coder and their disagreements vanish.
        """
        participant = self.src.participant_guid
        if participant is None or not self.matched_by_name:
            return
        borrowed = {self.coder_map[i]: name for i, name in self.matched_by_name.items()
                    if self._src_guid(i) != participant}
        counts: dict[int, int] = {}
        for row in new_rows:
            if row[2] in borrowed:
                counts[row[2]] = counts.get(row[2], 0) + 1
        if not counts:
            return
        coder, count = next(iter(counts.items()))
        owner = next((row["name"] for row in self.src.coders if row["guid"] == participant),
                     "?")
        raise Conflict(
            "{source}: {count} new codings of this copy for {participant!r} are by coder "
            "{coder!r}, another person than the project's {coder!r} of the same name; "
            "nothing merged. A copy codes as its participant: in the copy, rename that "
            "coder (to {participant!r} if the codings are theirs) and merge again",
            source=self.src.label, count=count, participant=owner, coder=borrowed[coder],
        )

    def _src_guid(self, source_coder_id: int) -> str:
        return next(row["guid"] for row in self.src.coders if row["id"] == source_coder_id)

    def _target_codings_by_guid(self) -> dict[str, tuple]:
        """The target's codings that have a GUID of the copy's: unique-index lookups."""
        found: dict[str, tuple] = {}
        guids = [c.guid for c in self.src.codings]
        conn = self.s.connection()  # Core rows: the ORM's row loader costs 5× as much
        for chunk in _chunks(guids):
            q = select(*self._COLUMNS).where(Coding.guid.in_(chunk))
            for cid, guid, doc, code, coder, start, end, memo in conn.execute(q).all():
                found[guid] = (cid, doc, code, coder, start, end, memo)
        return found

    def _target_codings_by_key(self, by_guid: dict[str, tuple]) -> dict[tuple, tuple]:
        """Target codings with the same (document, code, coder, span) as a copy's coding
        whose GUID the target lacks. Coders new to the target have none, so only codings
        of coders it had are looked up — per document through the unique index, never by
        scanning every coding of a document (which made each merge slower than the last).
        """
        wanted: dict[int, tuple[set[int], set[int]]] = {}
        for row in self.src.codings:
            if row.guid in by_guid:
                continue
            coder = self.coder_map[row.coder_id]
            doc = self.doc_map.get(row.document_id)
            if doc is None or coder in self.new_coders:
                continue
            codes, coders = wanted.setdefault(doc, (set(), set()))
            codes.add(self.code_map[row.code_id])
            coders.add(coder)
        existing: dict[tuple, tuple] = {}
        for doc, (codes, coders) in wanted.items():
            for chunk in _chunks(sorted(codes)):
                q = select(*self._COLUMNS).where(
                    Coding.document_id == doc, Coding.code_id.in_(chunk),
                    Coding.coder_id.in_(sorted(coders)),
                )
                for cid, guid, d, code, coder, start, end, memo in (
                        self.s.connection().execute(q).all()):
                    existing[(d, code, coder, start, end)] = (cid, guid, memo)
        return existing

    def _coding_memo(self, cid: int, target_memo: str, source_memo: str | None, label: str,
                     updates: dict[int, str]) -> None:
        if not cid or not source_memo:
            return
        current = updates.get(cid, target_memo or "")
        if source_memo in current:
            return
        memo = _append_memo(current, _note(label, "备忘录 memo", source_memo))
        if memo is not None:
            updates[cid] = memo
            self.report.memos_appended += 1


_INSERT_COLUMNS = ("document_id", "code_id", "coder_id", "start", "end", "memo", "created_at",
                   "guid")
_STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime in SQLite


def _stored_now() -> str:
    return now().strftime(_STORED_TIME)


def _insert_codings(s: Session, rows: list[tuple]) -> None:
    """Insert coding tuples (``_INSERT_COLUMNS``) in one ``executemany``.

    On SQLite the rows go to the driver as they are (created_at already in SQLite's
    stored form), which is what makes 100,000 codings a matter of seconds; any other
    database takes the portable Core path.
    """
    if not rows:
        return
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        columns = ", ".join(f'"{c}"' for c in _INSERT_COLUMNS)
        marks = ", ".join("?" for _ in _INSERT_COLUMNS)
        conn.exec_driver_sql(f"INSERT INTO coding ({columns}) VALUES ({marks})", rows)
        return
    dicts = [dict(zip(_INSERT_COLUMNS, r, strict=True)) for r in rows]
    for d in dicts:
        if isinstance(d["created_at"], str):
            d["created_at"] = datetime.fromisoformat(d["created_at"])
    conn.execute(Coding.__table__.insert(), dicts)


def _free_code_name(by_place: dict, parent: int | None, name: str) -> str:
    candidate, n = name, 2
    while (parent, candidate) in by_place:
        candidate, n = f"{name} {n}", n + 1
    return candidate


def _span_text(key: tuple) -> str:
    return f"[{key[3]}, {key[4]})"


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _paths(codes: list[Mapping]) -> dict[int, str]:
    """The copy's code paths (as the copy names them), for the report."""
    return tree_of(codes).paths({c["id"]: c["name"] for c in codes})


MERGE_CACHE_KIB = 64 * 1024


def _widen_cache(s: Session) -> None:
    """Give SQLite a 64 MiB page cache for the merge (default: 2 MiB).

    Codings arrive with random GUIDs, so each merge touches pages all over the GUID and
    unique-key indexes; with the default cache every copy merged cost more than the one
    before. The setting only affects this connection's memory use.
    """
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")


def _source_location(source: Path | str) -> Path | str:
    """A source as the report names it: a file's path, a server URL without its password."""
    return display_url(source) if is_server_url(source) else Path(source)


def _is_target(target: Project, source: Path | str) -> bool:
    if is_server_url(source):
        return target.url is not None and display_url(source) == target.location
    path = Path(source)
    return target.path is not None and path.exists() and path.resolve() == target.path.resolve()


def merge_copy(
    target: Project, source: Path | str, *, utf16: bool | None = None, crlf: int | None = None,
    cancel: CancelFn | None = None,
) -> MergeReport:
    """Merge one participant copy into ``target`` in one transaction (see module doc).

    Raises ``AnnotatorError`` (``ProjectFileError`` for a source that is not a readable
    project) and leaves the target untouched when the source cannot be merged, or when
    ``cancel()`` is true before the transaction commits (``Cancelled``). On a server the
    transaction is serialized against the team's other steps (``Project.serialized``):
    run again from the copy read into memory when another member's step clashed with it.
    """
    shown = _source_location(source)
    if isinstance(shown, Path) and shown.suffix.lower() == ".qdpx":
        return _merge_qdpx(target, shown, utf16, crlf, cancel)
    if _is_target(target, source):
        raise InvalidInput("{path}: a project cannot be merged into itself", path=shown)
    snapshot = _snapshot_source(source, _scratch_folder(target))

    def merge(s: Session) -> MergeReport:
        report = MergeReport(shown)
        _widen_cache(s)
        _Merger(s, snapshot, report).run()
        step(0, 0, None, cancel)  # cancelled: the transaction rolls back
        return report

    try:
        return target.serialized(merge)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc))
        raise AnnotatorError("{path}: merge failed, nothing merged ({reason})", path=shown,
                             reason=reason) from exc


def _merge_qdpx(
    target: Project, qdpx: Path, utf16: bool | None, crlf: int | None,
    cancel: CancelFn | None = None,
) -> MergeReport:
    """A REFI-QDA project (NVivo, ATLAS.ti, MAXQDA...) merges like a participant copy:
    it is read into a temporary project first, so the same matching rules apply.
    ``utf16``/``crlf`` override how its offsets are read (see ``read_exchange_file``)."""
    from annotator.services.exchange import (  # REFI-QDA: not needed at start-up
        documents_by_text,
        import_refi_extras,
        new_project_from_qdpx,
        read_exchange_file,
    )

    refi = read_exchange_file(qdpx, utf16=utf16, crlf=crlf)
    with temporary_folder(_scratch_folder(target), "merge") as tmp:
        converted = tmp / f"{qdpx.stem}{PROJECT_SUFFIX}"
        codings_only = replace(refi, variables=[], cases=[], sets=[], memo=None, notes=[])
        project, imported = new_project_from_qdpx(converted, qdpx, refi=codings_only)
        project.close()
        report = merge_copy(target, converted, cancel=cancel)
    # Attributes, cases, sets and the project memo are no participant's work: they come
    # from the file itself, onto the documents the merge matched by text.
    extras = import_refi_extras(target, refi, documents_by_text(target, refi))
    report.source = qdpx
    report.notes = [str(note) for note in [*imported.notes, *extras]]
    return report


def merge_copies(
    target: Project, sources: Iterable[Path | str], *, utf16: bool | None = None,
    crlf: int | None = None, offsets: Mapping[Path, tuple[bool | None, int | None]] | None = None,
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> list[MergeReport]:
    """Merge each source in turn; a source that fails is reported and the others go on.

    ``utf16``/``crlf`` override how every ``.qdpx`` counts positions; ``offsets`` gives
    one file its own ``(utf16, crlf)`` (the window asks per file). ``progress(done,
    total)`` is told before each source; ``cancel()`` returning true stops with
    ``Cancelled``: the source being merged is rolled back, those ``done`` before it stay
    merged (each is its own transaction)."""
    reports = []
    sources = list(sources)
    for done, source in enumerate(sources):
        step(done, len(sources), progress, cancel)
        own_utf16, own_crlf = (offsets or {}).get(Path(source), (utf16, crlf))
        try:
            reports.append(merge_copy(target, source, utf16=own_utf16, crlf=own_crlf,
                                      cancel=cancel))
        except Cancelled:
            raise
        except AnnotatorError as exc:
            reports.append(MergeReport(_source_location(source),
                                       error=" ".join(str(exc).split())))
    return reports

