"""Coding from hits: the hit, its sentence or its paragraph, as one operation.

Whatever the number of hits, coding them is one transaction with one bulk INSERT, and the
result lists every coding it added (full rows with their ids), so the window undoes it as
one step (``coding.delete_codings``) and redoes it exactly (``coding.restore_codings``).
Hits that widen to the same sentence give one coding; spans already coded with that code
by that coder are left as they are and counted.
"""

import bisect
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import regex
from sqlalchemy import insert, select

from annotator.domain.errors import InvalidInput
from annotator.services.changes import Changes, added
from annotator.services.coding import check_span, code_row, doc_row
from annotator.services.kwic import MAX_HITS, Documents, Query, iter_hits
from annotator.services.progress import CancelFn
from annotator.services.rows import CodingRow
from annotator.store.models import Coding, Document
from annotator.store.project import Project, now

Extent = Literal["hit", "sentence", "paragraph"]
EXTENTS = ("hit", "sentence", "paragraph")

# A sentence ends after 。！？!?；;… (with closing quotes and brackets) or ". " in other
# scripts; a paragraph after a line break. Both are character classes: linear on any text.
_SENTENCE_END = regex.compile(r"[。！？!?；;…]+[”’」』）)\]\"']*|\.(?=\s)|\n")
_PARAGRAPH_END = regex.compile(r"\n")


@dataclass(frozen=True)
class HitSpan:
    document_id: int
    start: int
    end: int


@dataclass
class AutocodeResult:
    added: list[CodingRow] = field(default_factory=list)  # rows as inserted, ids included
    already: int = 0  # spans that were coded so already
    hits: int = 0

    @property
    def ids(self) -> list[int]:
        return [row.id for row in self.added]

    @property
    def changes(self) -> Changes:
        return added(self.added)


def _cuts(text: str, extent: Extent) -> list[int]:
    pattern = _SENTENCE_END if extent == "sentence" else _PARAGRAPH_END
    return [0, *(m.end() for m in pattern.finditer(text)), len(text)]


def widen(text: str, cuts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentences/paragraphs that hold ``[start, end)``, without surrounding spaces."""
    a = cuts[bisect.bisect_right(cuts, start) - 1]
    b = cuts[bisect.bisect_left(cuts, end)]
    while a < start and text[a].isspace():
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def code_hits(project: Project, hits: Iterable[HitSpan], code_id: int, coder_id: int, *,
              extent: Extent = "hit", memo: str = "") -> AutocodeResult:
    """Code the chosen hits (widened to ``extent``) in one transaction."""
    if extent not in EXTENTS:
        raise InvalidInput("the extent is hit, sentence or paragraph (not {extent!r})",
                           extent=extent)
    by_doc: dict[int, list[tuple[int, int]]] = {}
    count = 0
    for h in hits:
        by_doc.setdefault(h.document_id, []).append((h.start, h.end))
        count += 1
    result = AutocodeResult(hits=count)
    with project.write() as s:
        code = code_row(s, code_id)
        if not code.is_codable:
            raise InvalidInput("code {name!r} is a heading and cannot be used for coding",
                               name=code.name)
        rows: list[dict] = []
        stamp = now()
        for doc_id, spans in by_doc.items():
            doc = doc_row(s, doc_id)
            for start, end in spans:
                check_span(doc, start, end)
            if extent != "hit":
                text = s.scalar(select(Document.text).where(Document.id == doc_id))
                cuts = _cuts(text, extent)
                spans = [widen(text, cuts, a, b) for a, b in spans]
            existing = set(s.execute(select(Coding.start, Coding.end).where(
                Coding.document_id == doc_id, Coding.code_id == code_id,
                Coding.coder_id == coder_id)))
            for start, end in dict.fromkeys(spans):
                if (start, end) in existing:
                    result.already += 1
                    continue
                rows.append({"document_id": doc_id, "code_id": code_id, "coder_id": coder_id,
                             "start": start, "end": end, "memo": memo, "created_at": stamp,
                             "guid": str(uuid.uuid4())})
        if rows:
            # RETURNING in batches (a statement per thousand rows), the ids told apart by
            # GUID: asking SQLAlchemy to keep the rows' order made it insert one by one
            table = Coding.__table__
            made = {guid: new_id for guid, new_id in s.execute(
                insert(table).returning(table.c.guid, table.c.id), rows)}
            result.added = [CodingRow.of({**row, "id": made[row["guid"]]}) for row in rows]
    return result


def autocode(project: Project, query: Query, code_id: int, coder_id: int, *,
             extent: Extent = "hit", document_ids: Documents = None,
             cancel: CancelFn | None = None) -> AutocodeResult:
    """Code every hit of a query (the command line's ``autocode``)."""
    hits: list[HitSpan] = []
    for batch in iter_hits(project, query, document_ids, context=0, limit=MAX_HITS + 1,
                           cancel=cancel):
        hits.extend(HitSpan(h.document_id, h.start, h.end) for h in batch)
    if len(hits) > MAX_HITS:
        raise InvalidInput("{term!r} has more than {max} hits; narrow the search first",
                           term=query.term, max=MAX_HITS)
    return code_hits(project, hits, code_id, coder_id, extent=extent)
