"""The project's tables at the current schema version.

Migrations (``migrations.py``) are the history that produces this schema; a test checks
that a project built by running every migration matches these models exactly.
Integer ids never get reused (AUTOINCREMENT), so an undo that restores a deleted row can
give it back its old id and every view that still holds that id stays right.
"""

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from annotator.store.integrity import VerifiedTextOf


class Base(DeclarativeBase):
    pass


class VerifiedText(TypeDecorator[str]):
    """A document's text, checked against its SHA-256 when read (``integrity.py``).

    Every ``SELECT`` of the column (an ORM load, ``select(Document.text)``) reads it through
    a SQLite function that refuses text whose bytes are not what was stored; the column
    itself is plain TEXT.
    """

    impl = Text
    cache_ok = True

    def column_expression(self, column):  # type: ignore[override]
        table = getattr(column, "table", None)
        if table is None or "sha256" not in table.c or "id" not in table.c:
            return column
        return VerifiedTextOf(table.c.id, column, table.c.sha256)


class IntegerBool(TypeDecorator[bool]):
    """A yes/no flag kept in an INTEGER column, as the migrations create it.

    SQLAlchemy's ``Boolean`` would declare BOOLEAN, another type than the files have, and
    PostgreSQL refuses a boolean in an integer column: the flag is sent as 0/1 and read
    back as a bool on both.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: bool | None, dialect: object) -> int | None:
        return None if value is None else int(bool(value))

    def process_result_value(self, value: int | None, dialect: object) -> bool | None:
        return None if value is None else bool(value)


_AUTOINC = {"sqlite_autoincrement": True}


class Meta(Base):
    """Key/value facts about the project file: schema version, name, creation time."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=True)  # as format 1 made it


class Coder(Base):
    __tablename__ = "coder"
    __table_args__ = (UniqueConstraint("guid"), UniqueConstraint("name"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("name"), UniqueConstraint("guid"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(500))
    # Loaded only when asked for: a million characters per row lookup would make every
    # coding pay for the whole document.
    text: Mapped[str] = mapped_column(VerifiedText, deferred=True)
    length: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_name: Mapped[str | None] = mapped_column(String(500))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    memo: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    source_size: Mapped[int | None] = mapped_column(Integer)
    source_format: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))


class Code(Base):
    __tablename__ = "code"
    __table_args__ = (
        UniqueConstraint("guid"),
        Index("ix_code_parent", "parent_id", "position"),
        Index("ux_code_sibling_name", func.coalesce(text("parent_id"), 0), "name", unique=True),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_codable: Mapped[bool] = mapped_column(IntegerBool, default=True)
    memo: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="SET NULL"))


class Coding(Base):
    __tablename__ = "coding"
    __table_args__ = (
        UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),
        Index("ux_coding_guid", "guid", unique=True),
        CheckConstraint("start >= 0 AND start < \"end\"", name="ck_coding_span"),
        Index("ix_coding_document_cover", "document_id", "start", "end", "code_id",
              "coder_id"),
        Index("ix_coding_code", "code_id"),
        Index("ix_coding_document_length", "document_id", text('("end" - start)')),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # added by format 2 (ALTER TABLE ADD COLUMN cannot add NOT NULL); always filled in
    guid: Mapped[str] = mapped_column(String(36), nullable=True)


class Case(Base):
    """A case groups documents (one participant, several interviews); table ``cases``."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("guid"), UniqueConstraint("name"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(500))
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CaseDocument(Base):
    __tablename__ = "case_document"
    __table_args__ = (Index("ix_case_document_document", "document_id"),)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)


class CaseSegment(Base):
    """A stretch of a document that belongs to a case: a focus group's speaker is a case
    coded on the turns they speak, as NVivo codes cases on segments."""

    __tablename__ = "case_segment"
    __table_args__ = (
        UniqueConstraint("case_id", "document_id", "start", "end"),
        CheckConstraint("start >= 0 AND start < \"end\"", name="ck_case_segment_span"),
        Index("ix_case_segment_document", "document_id", "start"),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Attribute(Base):
    """A variable of documents or of cases; ``categories`` is a JSON list of values."""

    __tablename__ = "attribute"
    __table_args__ = (
        UniqueConstraint("guid"), UniqueConstraint("scope", "name"),
        CheckConstraint("scope IN ('document', 'case')", name="ck_attribute_scope"),
        CheckConstraint("type IN ('text', 'number', 'date', 'category')",
                        name="ck_attribute_type"),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    scope: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(16))
    categories: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttributeValue(Base):
    """One attribute's value on one document or one case, as canonical text."""

    __tablename__ = "attribute_value"
    __table_args__ = (
        UniqueConstraint("attribute_id", "document_id"),
        UniqueConstraint("attribute_id", "case_id"),
        CheckConstraint("(document_id IS NULL) <> (case_id IS NULL)",
                        name="ck_attribute_value_owner"),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(Text)


class SavedQuery(Base):
    __tablename__ = "saved_query"
    __table_args__ = (UniqueConstraint("guid"), UniqueConstraint("name"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CodeSet(Base):
    """A named group of codes (REFI-QDA ``Sets``)."""

    __tablename__ = "code_set"
    __table_args__ = (UniqueConstraint("guid"), UniqueConstraint("name"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(500))
    memo: Mapped[str] = mapped_column(Text, default="")


class CodeSetMember(Base):
    __tablename__ = "code_set_member"
    set_id: Mapped[int] = mapped_column(
        ForeignKey("code_set.id", ondelete="CASCADE"), primary_key=True)
    code_id: Mapped[int] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), primary_key=True)


class DocumentSet(Base):
    """A named group of documents (REFI-QDA ``Sets``)."""

    __tablename__ = "document_set"
    __table_args__ = (UniqueConstraint("guid"), UniqueConstraint("name"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(500))
    memo: Mapped[str] = mapped_column(Text, default="")


class DocumentSetMember(Base):
    __tablename__ = "document_set_member"
    set_id: Mapped[int] = mapped_column(
        ForeignKey("document_set.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)


class DictionaryWord(Base):
    """A word of the project dictionary: segmented as one word (红色物业, 一核多元).

    Code names are in the dictionary without a row; a row with ``excluded`` set takes a
    code name (or any word) out again.
    """

    __tablename__ = "dictionary_word"
    __table_args__ = (UniqueConstraint("word"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(String(200))
    pos: Mapped[str | None] = mapped_column(String(8))
    excluded: Mapped[bool] = mapped_column(IntegerBool, default=False)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class StopWord(Base):
    """A project's change to a shipped stop-word list: a word added, or a default removed."""

    __tablename__ = "stop_word"
    __table_args__ = (UniqueConstraint("language", "word"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    word: Mapped[str] = mapped_column(String(200))
    removed: Mapped[bool] = mapped_column(IntegerBool, default=False)


class Synonym(Base):
    """``word`` is counted as ``head`` in word frequencies (the user's merging)."""

    __tablename__ = "synonym"
    __table_args__ = (UniqueConstraint("word"), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(String(200))
    head: Mapped[str] = mapped_column(String(200))
