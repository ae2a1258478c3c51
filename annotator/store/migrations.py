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


def _unique_sibling_names(conn: Connection) -> None:
    """A code's name is unique among its siblings, kept by the database itself.

    The services always checked it, but on a team's server two members adding the same code
    at once both pass the check; only an index decides. ``COALESCE`` makes the top level
    (no parent) one group of siblings, as NULLs would otherwise never clash. A file that
    somehow holds two siblings of one name keeps both, the later one as ``name (2)``.
    """
    seen: set[tuple[int, str]] = set()
    rows = conn.execute(text("SELECT id, parent_id, name FROM code ORDER BY id")).all()
    names = {(r.parent_id or 0, r.name) for r in rows}
    for row in rows:
        key = (row.parent_id or 0, row.name)
        if key not in seen:
            seen.add(key)
            continue
        n = 2
        while (key[0], f"{row.name} ({n})") in names:
            n += 1
        new = f"{row.name} ({n})"
        names.add((key[0], new))
        seen.add((key[0], new))
        conn.execute(text("UPDATE code SET name = :name WHERE id = :id"),
                     {"name": new, "id": row.id})
    conn.execute(text(
        "CREATE UNIQUE INDEX ux_code_sibling_name ON code (COALESCE(parent_id, 0), name)"
    ))


def _analysis_cases_attributes_queries_sets(conn: Connection) -> None:
    """Cases, attributes, saved queries and code/document sets.

    ``cases`` group documents (``case_document``); ``attribute`` defines a variable of
    documents or of cases (text, number, date or category, whose values are a JSON list)
    and ``attribute_value`` holds one value per document or case as canonical text;
    ``saved_query`` keeps a coding query's definition (JSON) to re-run; ``code_set`` and
    ``document_set`` are the named groups REFI-QDA files carry.
    """
    md = MetaData()
    # The tables referred to, as far as foreign keys need them (they exist: not created).
    for existing in ("document", "code"):
        Table(existing, md, Column("id", Integer, primary_key=True))
    Table(
        "cases", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(36), nullable=False),
        Column("name", String(500), nullable=False),
        Column("memo", Text, nullable=False),
        Column("created_at", DateTime, nullable=False),
        UniqueConstraint("guid"), UniqueConstraint("name"), **_AUTOINC,
    )
    Table(
        "case_document", md,
        Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"),
               primary_key=True),
        Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"),
               primary_key=True),
        Index("ix_case_document_document", "document_id"),
    )
    Table(
        "attribute", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(36), nullable=False),
        Column("scope", String(16), nullable=False),
        Column("name", String(200), nullable=False),
        Column("type", String(16), nullable=False),
        Column("categories", Text, nullable=False),
        Column("position", Integer, nullable=False),
        UniqueConstraint("guid"), UniqueConstraint("scope", "name"),
        CheckConstraint("scope IN ('document', 'case')", name="ck_attribute_scope"),
        CheckConstraint("type IN ('text', 'number', 'date', 'category')",
                        name="ck_attribute_type"),
        **_AUTOINC,
    )
    Table(
        "attribute_value", md,
        Column("id", Integer, primary_key=True),
        Column("attribute_id", Integer, ForeignKey("attribute.id", ondelete="CASCADE"),
               nullable=False),
        Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE")),
        Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE")),
        Column("value", Text, nullable=False),
        UniqueConstraint("attribute_id", "document_id"),
        UniqueConstraint("attribute_id", "case_id"),
        CheckConstraint("(document_id IS NULL) <> (case_id IS NULL)",
                        name="ck_attribute_value_owner"),
        **_AUTOINC,
    )
    Table(
        "saved_query", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(36), nullable=False),
        Column("name", String(200), nullable=False),
        Column("definition", Text, nullable=False),
        Column("created_at", DateTime, nullable=False),
        UniqueConstraint("guid"), UniqueConstraint("name"), **_AUTOINC,
    )
    for kind, target in (("code", "code"), ("document", "document")):
        Table(
            f"{kind}_set", md,
            Column("id", Integer, primary_key=True),
            Column("guid", String(36), nullable=False),
            Column("name", String(500), nullable=False),
            Column("memo", Text, nullable=False),
            UniqueConstraint("guid"), UniqueConstraint("name"), **_AUTOINC,
        )
        Table(
            f"{kind}_set_member", md,
            Column("set_id", Integer, ForeignKey(f"{kind}_set.id", ondelete="CASCADE"),
                   primary_key=True),
            Column(f"{kind}_id", Integer, ForeignKey(f"{target}.id", ondelete="CASCADE"),
                   primary_key=True),
        )
    md.create_all(conn, checkfirst=True)


def _words_dictionary_stopwords_synonyms(conn: Connection) -> None:
    """Text analysis: the project dictionary, changes to the stop-word lists, synonyms.

    ``dictionary_word`` holds the researcher's own words (``excluded`` takes a code name
    back out); ``stop_word`` only the project's changes to the shipped lists (``removed``
    marks a default the project does not want); ``synonym`` maps a word to the head word
    it is counted as.
    """
    md = MetaData()
    Table(
        "dictionary_word", md,
        Column("id", Integer, primary_key=True),
        Column("word", String(200), nullable=False),
        Column("pos", String(8)),
        Column("excluded", Integer, nullable=False),
        Column("added_at", DateTime, nullable=False),
        UniqueConstraint("word"), **_AUTOINC,
    )
    Table(
        "stop_word", md,
        Column("id", Integer, primary_key=True),
        Column("language", String(8), nullable=False),
        Column("word", String(200), nullable=False),
        Column("removed", Integer, nullable=False),
        UniqueConstraint("language", "word"), **_AUTOINC,
    )
    Table(
        "synonym", md,
        Column("id", Integer, primary_key=True),
        Column("word", String(200), nullable=False),
        Column("head", String(200), nullable=False),
        UniqueConstraint("word"), **_AUTOINC,
    )
    md.create_all(conn)


def _coding_covering_index(conn: Connection) -> None:
    """Opening a document reads its codings from the index alone.

    The document view asks for (id, code, coder, start, end) of every coding of one
    document, ordered by start. With only ``(document_id, start)`` indexed, SQLite fetched
    one table row per coding — most of the cost of opening a heavily coded document. The
    covering index replaces that one (it serves the same lookups; SQLite adds the rowid).
    """
    conn.execute(text("DROP INDEX ix_coding_document_start"))
    conn.execute(text(
        'CREATE INDEX ix_coding_document_cover ON coding (document_id, start, "end", code_id, '
        "coder_id)"
    ))


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


def _exchange_identifiers(conn: Connection) -> None:
    """Adds ``exchange_id``: the identifier an imported element had in its REFI-QDA file
    when that was no GUID (openQDA writes ``guid="c001"``).

    Inside, such an element has a GUID derived from it (``guid``); ``original`` is written
    back on export, so the program that made the file recognises its own codes and sources.
    """
    md = MetaData()
    Table(
        "exchange_id", md,
        Column("guid", String(36), primary_key=True),
        Column("original", String(200), nullable=False),
    )
    md.tables["exchange_id"].create(conn)


def _coding_length_index(conn: Connection) -> None:
    """Adds ``ix_coding_document_length``: a document's codings by their length.

    The document view reads a document's codings a stretch at a time, by where they
    start; the few long ones (a chapter, a whole answer) reach into stretches far from
    their start, so it reads those at once, through this index, instead of passing over
    every coding of the document to find them.
    """
    conn.execute(text(
        'CREATE INDEX ix_coding_document_length ON coding (document_id, ("end" - start))'))
def _case_segments(conn: Connection) -> None:
    """Adds ``case_segment``: stretches of documents coded to a case (a focus group's
    speakers), beside ``case_document``'s whole documents."""
    md = MetaData()
    for existing in ("document", "cases"):
        Table(existing, md, Column("id", Integer, primary_key=True))
    Table(
        "case_segment", md,
        Column("id", Integer, primary_key=True),
        Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"),
               nullable=False),
        Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"),
               nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        UniqueConstraint("case_id", "document_id", "start", "end"),
        CheckConstraint('start >= 0 AND start < "end"', name="ck_case_segment_span"),
        Index("ix_case_segment_document", "document_id", "start"),
        **_AUTOINC,
    )
    md.tables["case_segment"].create(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_initial, _v2_sources_memos_guids, _unique_sibling_names,
    _analysis_cases_attributes_queries_sets, _words_dictionary_stopwords_synonyms,
    _coding_covering_index, _reviewed_marks, _exchange_identifiers, _coding_length_index,
    _case_segments,
]
CURRENT_VERSION = len(MIGRATIONS)


def migrate(conn: Connection, from_version: int) -> None:
    """Bring a schema at ``from_version`` (0 = empty file) to ``CURRENT_VERSION``."""
    for step in MIGRATIONS[from_version:]:
        step(conn)
