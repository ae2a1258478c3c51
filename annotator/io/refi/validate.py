"""Checking a document against the REFI-QDA 1.0 schemas shipped with the program.

The schemas live in ``schemas/`` beside this module (copies of the official
``Project.xsd`` and ``Codebook.xsd``) so that validation works offline and in the frozen
application. Documents are parsed with the hardened parser of :mod:`safexml` first, so a
hostile file is refused before the validator sees it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lxml import etree

from annotator.domain.errors import ImportRefused
from annotator.io.refi.archive import SafeArchive
from annotator.io.refi.safexml import parse_xml

if TYPE_CHECKING:  # xmlschema is a test dependency: only the tests validate documents
    import xmlschema

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_FILES = {"project": "Project.xsd", "codebook": "Codebook.xsd"}

Schema = Literal["project", "codebook"]


@cache
def load_schema(schema: Schema) -> xmlschema.XMLSchema:
    """The compiled schema (compiled once per process: it takes a moment)."""
    import xmlschema

    return xmlschema.XMLSchema(str(SCHEMA_DIR / SCHEMA_FILES[schema]))


def _document(source: str | Path | bytes) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "the document"
    path = Path(source)
    label = f"“{path.name}”"
    if path.suffix.lower() == ".qdpx":
        with SafeArchive(path) as archive:
            return archive.read(archive.find_project_xml()), label
    try:
        return path.read_bytes(), label
    except OSError:
        raise ImportRefused("{file} cannot be opened: no such file.", file=label) from None


def validate(source: str | Path | bytes, schema: Schema | None = None) -> list[str]:
    """Schema problems of a document, one readable line each; an empty list means valid.

    ``source`` is XML bytes, a ``.qde``/``.qdc`` file, or a ``.qdpx`` archive (its project
    document is checked). ``schema`` is ``"project"`` or ``"codebook"``; by default it
    follows the root element. Raises :class:`ImportRefused` when the input is not safe,
    well-formed XML.
    """
    data, label = _document(source)
    root = parse_xml(data, label)
    if schema is None:
        schema = "codebook" if etree.QName(root).localname == "CodeBook" else "project"
    problems = []
    for error in load_schema(schema).iter_errors(root):
        where = f" at {error.path}" if error.path else ""
        problems.append(f"{error.reason or error.message}{where}")
    return problems
