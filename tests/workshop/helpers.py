"""Building workshop projects in tests: documents, coders and codings by name."""

import hashlib
from pathlib import Path

from sqlalchemy import select

from annotator.domain.text import text_sha256
from annotator.services.codebook import code_paths, find_code
from annotator.services.coders import get_or_create_coder
from annotator.services.coding import insert_coding
from annotator.services.documents import find_document, insert_document
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project


def add_doc(p: Project, name: str, text: str) -> int:
    with p.write() as s:
        return insert_document(s, name, text).id


def code(p: Project, coder: str, doc: str, path: str, start: int, end: int,
         memo: str = "") -> int:
    """Code [start, end) of document ``doc`` with ``path`` for ``coder`` (created if new)."""
    with p.write() as s:
        c = get_or_create_coder(s, coder)
        return insert_coding(s, find_document(s, doc), find_code(s, path), c.id, start, end,
                             memo).id


def coding_set(p: Project) -> set[tuple[str, str, str, int, int]]:
    """Every coding as (document sha256, code path, coder name, start, end)."""
    with p.read() as s:
        paths = code_paths(s)
        rows = s.execute(
            select(Document.text, Coding.code_id, Coder.name, Coding.start, Coding.end)
            .join(Document, Document.id == Coding.document_id)
            .join(Coder, Coder.id == Coding.coder_id)
        ).all()
        return {(text_sha256(t), paths[c], n, a, b) for t, c, n, a, b in rows}


def count(p: Project, model: type) -> int:
    with p.read() as s:
        return len(s.scalars(select(model.id)).all())


def code_guids(p: Project) -> set[str]:
    with p.read() as s:
        return set(s.scalars(select(Code.guid)))


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def code_many(p: Project, rows: list[tuple[str, str, str, int, int]]) -> list[int]:
    """Several (coder, document, code path, start, end) in one transaction (fast fixtures)."""
    with p.write() as s:
        return [
            insert_coding(s, find_document(s, doc), find_code(s, path),
                          get_or_create_coder(s, coder).id, start, end).id
            for coder, doc, path, start, end in rows
        ]


#: The options under which agreement counts every character and every document, as the
#: hand arithmetic and the reference packages in these tests do.
CHARACTERS = {"unit": "characters", "include_uncoded": True}
