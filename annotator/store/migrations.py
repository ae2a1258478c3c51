"""Schema history, oldest first. A new project is built by running all of it.

Running every step for new projects too means the path an old file takes is the path
every test takes. Steps use SQLAlchemy Core and plain ``ALTER TABLE ... ADD COLUMN`` so
they stay portable to a server database. Each step runs inside the caller's transaction.
"""

import uuid
from collections.abc import Callable

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

_AUTOINC = {"sqlite_autoincrement": True}


def _v1_initial(conn: Connection) -> None:
    """The first schema: the data model sketched in the design notes."""
    md = MetaData()
    Table("meta", md, Column("key", String(64), primary_key=True), Column("value", Text))
    Table(
        "coder", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(36), nullable=False),
        Column("name", String(200), nullable=False),
        Column("created_at", DateTime, nullable=False),
        UniqueConstraint("guid"), UniqueConstraint("name"), **_AUTOINC,
    )
    Table(
        "document", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(36), nullable=False),
        Column("name", String(500), nullable=False),
        Column("text", Text, nullable=False),
        Column("length", Integer, nullable=False),
        Column("sha256", String(64), nullable=False, index=True),
        Column("source_name", String(500)),
        Column("imported_at", DateTime, nullable=False),
        Column("memo", Text, nullable=False),
        UniqueConstraint("name"), UniqueConstraint("guid"), **_AUTOINC,
    )
    Table(
        "code", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(36), nullable=False),
        Column("parent_id", Integer, ForeignKey("code.id", ondelete="CASCADE")),
        Column("name", String(500), nullable=False),
        Column("description", Text, nullable=False),
        Column("color", String(7), nullable=False),
        Column("position", Integer, nullable=False),
        Column("is_codable", Integer, nullable=False),
        UniqueConstraint("guid"), Index("ix_code_parent", "parent_id", "position"), **_AUTOINC,
    )
    Table(
        "coding", md,
        Column("id", Integer, primary_key=True),
        Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"),
               nullable=False),
        Column("code_id", Integer, ForeignKey("code.id", ondelete="CASCADE"), nullable=False),
        Column("coder_id", Integer, ForeignKey("coder.id", ondelete="RESTRICT"),
               nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("memo", Text, nullable=False),
        Column("created_at", DateTime, nullable=False),
        UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),
        CheckConstraint('start >= 0 AND start < "end"', name="ck_coding_span"),
        Index("ix_coding_document_start", "document_id", "start"),
        Index("ix_coding_code", "code_id"),
        **_AUTOINC,
    )
    md.create_all(conn)


def _v2_sources_memos_guids(conn: Connection) -> None:
    """Where a document came from, code memos and authors, and coding GUIDs.

    Importers record the source's size, format and detected text encoding; merging
    workshop copies needs a stable identity per coding and the coder who added a code.
    """
    for ddl in (
        "ALTER TABLE document ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE document ADD COLUMN source_size INTEGER",
        "ALTER TABLE document ADD COLUMN source_format VARCHAR(16)",
        "ALTER TABLE document ADD COLUMN encoding VARCHAR(32)",
        "ALTER TABLE code ADD COLUMN memo TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE code ADD COLUMN created_by INTEGER REFERENCES coder (id) ON DELETE SET NULL",
        "ALTER TABLE coding ADD COLUMN guid VARCHAR(36)",
    ):
        conn.execute(text(ddl))
    conn.execute(text("UPDATE document SET position = id"))
    ids = [row[0] for row in conn.execute(text("SELECT id FROM coding"))]
    if ids:
        conn.execute(
            text("UPDATE coding SET guid = :guid WHERE id = :id"),
            [{"guid": str(uuid.uuid4()), "id": i} for i in ids],
        )
    conn.execute(text("CREATE UNIQUE INDEX ux_coding_guid ON coding (guid)"))


def _reviewed_marks(conn: Connection) -> None:
    """Adds ``reviewed``: a coder finished reading a document (with or without coding it).

    Agreement needs it to tell "read it and found nothing to code" (a "no" everywhere)
    from "never looked at it" (missing). One row per (document, coder); gone with either.
    """
    md = MetaData()
    Table("document", md, Column("id", Integer, primary_key=True))
    Table("coder", md, Column("id", Integer, primary_key=True))
    Table(
        "reviewed", md,
        Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"),
               primary_key=True),
        Column("coder_id", Integer, ForeignKey("coder.id", ondelete="CASCADE"),
               primary_key=True),
        Column("reviewed_at", DateTime, nullable=False),
    )
    md.tables["reviewed"].create(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial, _v2_sources_memos_guids, _reviewed_marks,
]
CURRENT_VERSION = len(MIGRATIONS)


def migrate(conn: Connection, from_version: int) -> None:
    """Bring a schema at ``from_version`` (0 = empty file) to ``CURRENT_VERSION``."""
    for step in MIGRATIONS[from_version:]:
        step(conn)
