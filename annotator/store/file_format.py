"""The project file's format as plain data: how a file says it is ours, the current format
number and every table's columns.

``models.py`` and ``migrations.py`` say the same through SQLAlchemy, which takes a third of
a second to import. A command that only reads a file (``annotator info``) checks it
against this instead (``store/file_summary.py``), and a file that does not match exactly
goes the full way (``Project.open``: upgraded, or refused with the reason).
``tests/store/test_file_format.py`` keeps this equal to ``migrations.CURRENT_VERSION`` and
the models: a new migration step updates ``VERSION`` and ``TABLES`` here (the test prints
them). Until it does, every file counts as not current here, so nothing reads a file
wrongly: ``info`` only loses its speed.
"""

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id marks a SQLite file as ours ("ANNO").
APPLICATION_ID = 0x414E4E4F

#: ``migrations.CURRENT_VERSION``
VERSION = 10

#: every table of the current format and its columns (``models.Base.metadata``)
TABLES: dict[str, tuple[str, ...]] = {
    "attribute": ("id", "guid", "scope", "name", "type", "categories", "position"),
    "cases": ("id", "guid", "name", "memo", "created_at"),
    "code_set": ("id", "guid", "name", "memo"),
    "coder": ("id", "guid", "name", "created_at"),
    "dictionary_word": ("id", "word", "pos", "excluded", "added_at"),
    "document": ("id", "guid", "name", "text", "length", "sha256", "source_name",
                 "imported_at", "memo", "position", "source_size", "source_format",
                 "encoding"),
    "document_set": ("id", "guid", "name", "memo"),
    "meta": ("key", "value"),
    "saved_query": ("id", "guid", "name", "definition", "created_at"),
    "stop_word": ("id", "language", "word", "removed"),
    "synonym": ("id", "word", "head"),
    "attribute_value": ("id", "attribute_id", "document_id", "case_id", "value"),
    "case_document": ("case_id", "document_id"),
    "case_segment": ("id", "case_id", "document_id", "start", "end"),
    "code": ("id", "guid", "parent_id", "name", "description", "color", "position",
             "is_codable", "memo", "created_by"),
    "document_set_member": ("set_id", "document_id"),
    "code_set_member": ("set_id", "code_id"),
    "coding": ("id", "document_id", "code_id", "coder_id", "start", "end", "memo",
               "created_at", "guid"),
}

__all__ = ["APPLICATION_ID", "SQLITE_MAGIC", "TABLES", "VERSION"]
