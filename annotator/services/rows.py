"""Typed rows the services hand back: what a coding is, and whole rows kept for undo.

``CodingInfo`` is a coding as the views need it (span, code, coder, memo). The ``*Row``
classes are every column of a coding, a code or a document as it was before an operation
removed or reshaped it, so that undo puts exactly that row back (same id, same GUID, same
time). They are plain frozen dataclasses instead of ``dict`` rows so that no caller has to
know column names; ``tests/store/test_schema.py`` checks that each has exactly its table's
columns, so a column added by a migration cannot be dropped by an undo.

No Qt and no SQLAlchemy objects here: a row travels (to the window's undo stack, later to
a team server's other clients) without a database session.
"""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Self


@dataclass(frozen=True)
class CodingInfo:
    id: int
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str


class _Row:
    """Built from a database row (``of``) and written back (``values``) by column name."""

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Self:
        return cls(**{f.name: row[f.name] for f in fields(cls)})  # type: ignore[arg-type]

    def values(self) -> dict[str, Any]:
        # not ``asdict``: it deep-copies every value, a second per 10,000 codings redone
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class CodingRow(CodingInfo, _Row):
    """Every column of a coding: what ``CodingInfo`` says, and when and under which
    GUID it was made."""

    created_at: datetime
    guid: str | None

    @property
    def info(self) -> CodingInfo:
        return CodingInfo(self.id, self.document_id, self.code_id, self.coder_id,
                          self.start, self.end, self.memo or "")


@dataclass(frozen=True)
class CodeRow(_Row):
    """Every column of a code."""

    id: int
    guid: str
    parent_id: int | None
    name: str
    description: str
    color: str
    position: int
    is_codable: bool
    memo: str
    created_by: int | None


@dataclass(frozen=True)
class DocumentRow(_Row):
    """Every column of a document, its text included."""

    id: int
    guid: str
    name: str
    text: str
    length: int
    sha256: str
    source_name: str | None
    imported_at: datetime
    memo: str
    position: int
    source_size: int | None
    source_format: str | None
    encoding: str | None


__all__ = ["CodeRow", "CodingInfo", "CodingRow", "DocumentRow"]
