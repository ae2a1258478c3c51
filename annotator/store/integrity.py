"""Damage the open check cannot see: found when it shows itself, told as what can be saved.

``quick_check`` at open is fast because it does not compare indexes with their tables or
look inside the text of a document; a disk that flips bits there leaves a file that opens.
Three things catch such damage later:

* every document's text is checked against its stored SHA-256 the first time this process
  reads it (a SQLite function wraps every ``SELECT`` of ``document.text``: see
  ``VerifiedText`` in ``models.py``), and a mismatch, or bytes that are not UTF-8, refuses
  that document by name instead of crashing segments, export or the window;
* any other sign of damage met later (SQLite's "malformed", "not a database") runs the full
  ``integrity_check``;
* either way ``examine`` tells the user what is damaged and what is still readable, the
  project stays open read-only, and ``salvage`` writes a copy of everything readable.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Text, TypeDecorator
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from annotator.domain.errors import ProjectFileError
from annotator.messages import Msg, msg
from annotator.store.file_errors import system_refusals

#: Told how far a check has come: (documents done, documents in all).
Step = Callable[[int, int], None]

FUNCTION = "annotator_verified_text"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
#: Lines of ``integrity_check`` worth showing: the first few say where the damage is.
_SHOWN_PROBLEMS = 3

_failed = threading.local()  # the document whose text just failed, for the message


class ProjectDamaged(ProjectFileError):
    """Damage found after the project opened; the project is read-only from then on.

    ``found`` is what the full check found (None when even that could not read the file).
    """

    found: Examination | None = None


class _TextDamaged(Exception):
    """Raised inside the SQLite function; SQLite reports it as its own error."""


def register(dbapi_conn: sqlite3.Connection, verified: set[tuple[int, str, int]]) -> None:
    """Make the verifying function known to a new connection of one opened project.

    ``verified`` is shared by the project's connections: (id, SHA-256, byte length) of the
    documents already read intact, so each is hashed on its first read only.
    """

    def verified_text(doc_id: int, data: bytes | None, sha256: str | None) -> bytes | None:
        # The stored bytes themselves go back (decoded once, by ``StoredUtf8``): bytes
        # that hash to what the text hashed to at import are that text's UTF-8.
        if data is None:
            return None
        key = (doc_id, sha256 or "", len(data))
        if key not in verified:
            if hashlib.sha256(data).hexdigest() != sha256:
                _failed.document = doc_id
                raise _TextDamaged(doc_id)
            verified.add(key)
        return data

    dbapi_conn.create_function(FUNCTION, 3, verified_text, deterministic=True)


class StoredUtf8(TypeDecorator[str]):
    """Text that arrives as its stored UTF-8 bytes (from ``FUNCTION``), or as text."""

    impl = Text
    cache_ok = True

    def process_result_value(self, value: bytes | str | None, dialect: object) -> str | None:
        return value.decode("utf-8") if isinstance(value, bytes) else value


class VerifiedTextOf(FunctionElement[str]):
    """``document.text`` as a query reads it: through ``FUNCTION`` on SQLite, else as is."""

    type = StoredUtf8()
    inherit_cache = True
    name = FUNCTION


@compiles(VerifiedTextOf)
def _as_is(element: VerifiedTextOf, compiler: object, **kw: object) -> str:
    return compiler.process(list(element.clauses)[1], **kw)  # type: ignore[attr-defined]


@compiles(VerifiedTextOf, "sqlite")
def _verified_on_sqlite(element: VerifiedTextOf, compiler: object, **kw: object) -> str:
    doc_id, text, sha = (compiler.process(c, **kw) for c in element.clauses)  # type: ignore[attr-defined]
    return f"{FUNCTION}({doc_id}, CAST({text} AS BLOB), {sha})"


def take_failed_document() -> int | None:
    """The document whose text failed verification in this thread (once)."""
    doc_id = getattr(_failed, "document", None)
    _failed.document = None
    return doc_id


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error means the file is damaged (not busy, full or read-only)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    text = str(exc)
    return (
        code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "malformed" in text
        or text.startswith("Could not decode to UTF-8")
        or "user-defined function raised exception" in text
    )


@dataclass(frozen=True)
class Examination:
    """What ``examine`` found: the damage and what can still be read."""

    problems: tuple[str, ...]  # integrity_check's first lines ("ok" is left out)
    damaged_documents: tuple[str, ...]  # names
    documents: int  # readable documents
    codes: int
    codings: int  # codings on readable documents
    damaged_codings: tuple[int, ...] = ()  # the codings of each damaged document

    @property
    def whole(self) -> bool:
        return not self.problems and not self.damaged_documents

    def describe(self) -> Msg:
        """What is damaged and what is still readable, in the user's language."""
        if self.whole:
            return msg("no damage was found")
        parts = []
        if self.damaged_documents:
            parts.append(msg(
                "the text of {count} document(s) is damaged: {names}",
                count=len(self.damaged_documents),
                names=", ".join(self.damaged_documents[:5])
                + (" …" if len(self.damaged_documents) > 5 else ""),
            ))
        if self.problems:
            parts.append(msg("the file's structure is damaged ({problem})",
                             problem="; ".join(self.problems)))
        return msg(
            "{damage}; still readable: {documents} document(s), {codes} code(s), "
            "{codings} coding(s)",
            damage=parts[0] if len(parts) == 1 else msg(
                "{first}, and {second}", first=parts[0], second=parts[1]),
            documents=self.documents, codes=self.codes, codings=self.codings,
        )


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


def _damaged_documents(
    conn: sqlite3.Connection, step: Step | None = None
) -> tuple[list[int], dict[int, str]]:
    """Ids of documents whose text is not UTF-8 or not what its hash says; all names.

    ``step(done, total)`` is told after each document (hashing is what takes the time)."""
    bad, names = [], {}
    total = _count(conn, "SELECT count(*) FROM document NOT INDEXED")
    for doc_id, name, data, sha in conn.execute(
        "SELECT id, CAST(name AS BLOB), CAST(text AS BLOB), sha256 FROM document"
    ):
        if step is not None:
            step(len(names), total)
        names[doc_id] = bytes(name or b"").decode("utf-8", "replace")
        data = bytes(data or b"")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(doc_id)
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            bad.append(doc_id)
    return bad, names


def examine(path: Path, step: Step | None = None) -> Examination:
    """The full check, read-only: ``integrity_check`` and every document's hash
    (``step(done, total)`` after each document)."""
    conn = _ro(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        problems = [p for p in problems if p != "ok"][:_SHOWN_PROBLEMS]
        try:
            bad, names = _damaged_documents(conn, step)
        except sqlite3.DatabaseError as exc:
            return Examination(tuple(problems) or (str(exc),), (), 0, 0, 0)
        # NOT INDEXED: the tables themselves, whatever happened to their indexes
        codes = _count(conn, "SELECT count(*) FROM code NOT INDEXED")
        per_document: dict[int, int] = {}
        with suppress(sqlite3.DatabaseError):
            per_document = dict(conn.execute(
                "SELECT document_id, count(*) FROM coding NOT INDEXED GROUP BY document_id"))
        return Examination(
            tuple(problems), tuple(names[i] for i in bad),
            len(names) - len(bad), codes,
            sum(n for doc_id, n in per_document.items() if doc_id not in bad),
            tuple(per_document.get(i, 0) for i in bad),
        )
    finally:
        conn.close()


def _count(conn: sqlite3.Connection, query: str) -> int:
    try:
        return conn.execute(query).fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


def damage_refusal(path: Path, exc: BaseException | None = None) -> ProjectDamaged:
    """The message for damage met after opening: what is damaged, what can be saved."""
    failed = take_failed_document()
    try:
        found = examine(path)
    except sqlite3.Error as inner:
        return ProjectDamaged(
            "{path}: the project file is damaged ({reason}); it is open read-only — nothing "
            "was changed", path=path, reason=str(inner),
        )
    if found.whole:  # the error came from SQLite, and the check cannot say more
        reason = type(exc).__name__ if exc is None or failed is not None else str(exc)[:200]
        found = Examination((reason,), (), found.documents, found.codes, found.codings)
    refusal = ProjectDamaged(
        "{path}: the project file is damaged — {report}. It is open read-only: nothing was "
        "changed. Save what is readable with: annotator salvage {path} NEW-FILE",
        path=path, report=found.describe(),
    )
    refusal.found = found
    return refusal


def salvage(source: Path, dest: Path, step: Step | None = None) -> Examination:
    """Write to ``dest`` a whole project of everything readable in ``source``.

    The pages are copied (SQLite's backup API), documents whose text is damaged are
    removed with their codings, every index is rebuilt from its table, and the copy must
    then pass ``integrity_check``; it gets its name only when all that succeeded.
    Returns what was found in ``source``.
    """
    from annotator.store.debris import temporary_name
    from annotator.store.project import _writing_beside

    found = examine(source, step)
    with system_refusals():
        taken = dest.exists()
    if taken:
        raise ProjectFileError("{path}: already exists; choose another file name", path=dest)
    tmp = temporary_name(dest, "salvage")
    with _writing_beside(
        tmp, dest, "{path}: the copy cannot be written ({reason}); nothing was changed"
    ):
        src = _ro(source)
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("REINDEX")  # first: deleting must find every coding of a document
            out.execute("PRAGMA foreign_keys = ON")
            bad, _ = _damaged_documents(out)
            for doc_id in bad:
                out.execute("DELETE FROM document WHERE id = ?", (doc_id,))
            out.commit()
            check = [r[0] for r in out.execute("PRAGMA integrity_check(5)")]
            out.execute("VACUUM")
        finally:
            out.close()
            src.close()
        if check != ["ok"]:
            raise ProjectFileError(
                "{path}: the damage cannot be repaired in a copy ({problem}); nothing was "
                "written", path=source, problem="; ".join(check[:_SHOWN_PROBLEMS]),
            )
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    return found
