"""What is in a project: counts, the code × document matrix, the summary ``info`` prints."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select

from annotator.services.codebook import CodeInfo, code_tree
from annotator.services.coders import CoderInfo, list_coders
from annotator.services.documents import DocumentInfo, list_documents
from annotator.store.models import Coding
from annotator.store.project import Project


@dataclass(frozen=True)
class Matrix:
    codes: list[CodeInfo]
    documents: list[DocumentInfo]
    counts: dict[tuple[int, int], int]        # (code id, document id) → codings
    coverage: dict[tuple[int, int], float]    # share of the document's characters coded


def code_document_matrix(project: Project, coder_id: int | None = None) -> Matrix:
    """Counts and coverage per code and document; coverage unions overlapping codings."""
    codes, docs = code_tree(project), list_documents(project)
    lengths = {d.id: d.length for d in docs}
    with project.read() as s:
        q = select(Coding.code_id, Coding.document_id, Coding.start, Coding.end)
        if coder_id is not None:
            q = q.where(Coding.coder_id == coder_id)
        # in the order of the (document, start, ...) index: no sort, and each cell's
        # union is folded as its spans come (memory per cell, not per coding)
        q = q.order_by(Coding.document_id, Coding.start).execution_options(yield_per=5_000)
        counts, coverage = _cells(s.execute(q), lengths)
    return Matrix(codes, docs, counts, coverage)


def matrix_cells(
    project: Project, cells: Iterable[tuple[int, int]], lengths: Mapping[int, int],
    coder_id: int | None = None,
) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], float]]:
    """Counts and coverage of some (code id, document id) cells only — those a change
    touched — as ``code_document_matrix`` computes them (a cell with no coding is
    absent). ``lengths``: the documents' lengths. One query per document, on its index."""
    by_doc: dict[int, set[int]] = {}
    for code_id, doc_id in cells:
        by_doc.setdefault(doc_id, set()).add(code_id)
    rows: list = []
    with project.read() as s:
        for doc_id, code_ids in by_doc.items():
            q = select(Coding.code_id, Coding.document_id, Coding.start, Coding.end).where(
                Coding.document_id == doc_id, Coding.code_id.in_(sorted(code_ids)))
            if coder_id is not None:
                q = q.where(Coding.coder_id == coder_id)
            rows.extend(s.execute(q.order_by(Coding.start)))
    return _cells(rows, lengths)


def _cells(rows: Iterable, lengths: Mapping[int, int],
           ) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], float]]:
    """Counts and coverage from (code, document, start, end) rows that come in order of
    start within each document: each cell keeps its count, the length covered so far and
    the run it is in (overlapping codings count once)."""
    cells: dict[tuple[int, int], list[int]] = {}  # count, covered, run start, run end
    for code_id, doc_id, start, end in rows:
        cell = cells.get((code_id, doc_id))
        if cell is None:
            cells[(code_id, doc_id)] = [1, 0, start, end]
        elif start > cell[3]:
            cell[0] += 1
            cell[1] += cell[3] - cell[2]
            cell[2], cell[3] = start, end
        else:
            cell[0] += 1
            cell[3] = max(cell[3], end)
    counts = {key: c[0] for key, c in cells.items()}
    coverage = {key: (c[1] + c[3] - c[2]) / lengths[key[1]]
                for key, c in cells.items() if lengths[key[1]]}
    return counts, coverage


def project_info(project: Project) -> dict:
    """The JSON ``annotator info`` prints: stable keys, scripts read them."""
    docs = list_documents(project)
    codes = code_tree(project)
    coders: list[CoderInfo] = list_coders(project)
    with project.read() as s:
        total = s.scalar(select(func.count(Coding.id))) or 0
        per_coder = dict(
            s.execute(
                select(Coding.coder_id, func.count(Coding.id)).group_by(Coding.coder_id)
            ).all()
        )
    return {
        "name": project.name,
        "path": project.location,
        "documents": [
            {"name": d.name, "characters": d.length, "sha256": d.sha256,
             "source": d.source_name, "encoding": d.encoding}
            for d in docs
        ],
        "codes": [
            {"path": c.path, "guid": c.guid, "color": c.color, "codings": c.count}
            for c in codes
        ],
        "coders": [
            {"name": c.name, "guid": c.guid, "codings": per_coder.get(c.id, 0)} for c in coders
        ],
        "total_codings": total,
    }
