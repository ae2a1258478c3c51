"""Crosstabs: codes × the values of an attribute, or codes × cases.

Each cell counts codings, documents, cases and coded characters (overlaps counted once)
of one code in one column's documents, with percentages: of the code's codings in the
scope (row) and of the column's documents that carry the code. A document in two cases
counts in both columns, as it does in NVivo's framework matrices. A case coded on
segments (a focus group's speaker) holds only its stretches of a document: in its column
(and in its attribute values' columns) the codings count for the part inside them.
``cell_segments`` gives the coded segments behind a cell.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select

from annotator.domain.errors import InvalidInput, NotFound
from annotator.domain.intervals import Span, union
from annotator.domain.query import intersect
from annotator.services.analysis_scope import (
    ALL,
    CancelFlag,
    Progress,
    Resolved,
    Scope,
    check_cancel,
    coding_array,
    resolve,
)
from annotator.services.codebook import code_paths, find_code
from annotator.services.coding import Segment, segments
from annotator.services.passages import distinct, fan_out, mark_distinct, merge
from annotator.store.models import Attribute, AttributeValue
from annotator.store.project import Project

NO_VALUE = ""


@dataclass(frozen=True)
class Crosstab:
    by: str                                    # attribute name, or "case"
    scope: Scope
    codes: list[str]
    code_ids: list[int]
    columns: list[str]                         # values (NO_VALUE = not set) or case names
    column_documents: dict[str, list[int]]
    cells: dict[tuple[int, str], dict]         # (code id, column) → measures
    # column → document → its stretches in the column (cases coded on segments, or a
    # filter by such cases); a document not listed is in its column whole
    column_parts: dict[str, dict[int, list[Span]]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "by": self.by, "filters": self.scope.to_json(), "columns": self.columns,
            "rows": [{"code": path, "cells": {col: self.cells[(cid, col)]
                                               for col in self.columns}}
                     for path, cid in zip(self.codes, self.code_ids, strict=True)],
        }


Parts = dict[str, dict[int, dict[int, list[Span]]]]   # column → document → case → stretches


def _columns(s, by: str, r: Resolved) -> tuple[dict[str, list[int]], Parts]:
    """Column → documents of the scope wholly in it; and column → the stretches of
    documents its segment-coded cases hold (a document whole in a column has none)."""
    cols: dict[str, list[int]] = {}
    parts: Parts = {}

    def add_part(col: str, did: int, case: int, spans: list[Span]) -> None:
        if did not in cols.get(col, ()):
            parts.setdefault(col, {}).setdefault(did, {})[case] = spans

    if by == "case":
        for did in r.documents:
            for case in r.case_of.get(did, ()):
                cols.setdefault(r.case_names[case], []).append(did)
        for did in r.documents:
            for case, spans in r.case_segments.get(did, {}).items():
                add_part(r.case_names[case], did, case, spans)
        names = sorted(set(cols) | set(parts))
        return {k: cols.get(k, []) for k in names}, parts
    attrs = s.scalars(select(Attribute).where(Attribute.name == by)
                      .order_by(Attribute.scope.desc())).all()
    if not attrs:
        raise NotFound("no attribute named {name!r} in this project", name=by)
    attr = attrs[0]
    owner = AttributeValue.document_id if attr.scope == "document" else AttributeValue.case_id
    values = dict(s.execute(select(owner, AttributeValue.value)
                            .where(AttributeValue.attribute_id == attr.id)).all())
    for did in r.documents:
        if attr.scope == "document":
            keys = [values.get(did, NO_VALUE)]
        else:
            keys = sorted({values.get(c, NO_VALUE) for c in r.case_of.get(did, ())})
            if not keys and not r.case_segments.get(did):
                keys = [NO_VALUE]
        for key in keys:
            cols.setdefault(key, []).append(did)
    if attr.scope == "case":
        for did in r.documents:
            for case, spans in r.case_segments.get(did, {}).items():
                add_part(values.get(case, NO_VALUE), did, case, spans)
    merged = {k: cols.get(k, []) for k in set(cols) | set(parts)}
    order = _value_order(attr.type, merged, json.loads(attr.categories or "[]"))
    return {k: merged[k] for k in order}, parts


def _pieces(rows: np.ndarray, owners: list[int], stretches: list[tuple[int, int, int]]
            ) -> np.ndarray:
    """The rows (sorted by document) cut to each stretch ``(document, lo, hi)`` at once,
    as ``(owner, code, start, end)``: the document's place taken by the stretch's owner
    ``owners[k]`` (a column's document, or a column's case), so that one ``merge`` and
    one count serve every stretch."""
    if not stretches or not len(rows):
        return np.zeros((0, 4), dtype=np.int64)
    doc = np.array([d for d, _a, _b in stretches], dtype=np.int64)
    lo = np.array([a for _d, a, _b in stretches], dtype=np.int64)
    hi = np.array([b for _d, _a, b in stretches], dtype=np.int64)
    first = np.searchsorted(rows[:, 0], doc, side="left")
    count = np.searchsorted(rows[:, 0], doc, side="right") - first
    which = np.repeat(np.arange(len(stretches)), count)
    at = first[which] + np.arange(len(which)) - np.repeat(np.cumsum(count) - count, count)
    cut = rows[at]
    keep = (cut[:, 2] < hi[which]) & (cut[:, 3] > lo[which])
    cut, which = cut[keep].copy(), which[keep]
    np.maximum(cut[:, 2], lo[which], out=cut[:, 2])
    np.minimum(cut[:, 3], hi[which], out=cut[:, 3])
    cut[:, 0] = np.array(owners, dtype=np.int64)[which]
    return cut


def _part_cells(rows: np.ndarray, parts: Parts, col_names: list[str], code_pos: dict[int, int],
                size: int, width: int) -> tuple[np.ndarray, ...]:
    """Codings, characters, documents and cases per cell from the segment-coded cases'
    stretches: the rows of each (column, document) cut to the union of its cases'
    stretches and merged as one more document; each (column, case) is marked where a
    code falls inside its own stretches (a case in several documents counts once)."""
    n = np.zeros(size, dtype=np.int64)
    chars, docs, cases = n.copy(), n.copy(), n.copy()
    code_idx = np.full(int(rows[:, 1].max(initial=0)) + 1, -1, dtype=np.int64)
    for code, k in code_pos.items():
        if code < len(code_idx):
            code_idx[code] = k
    rows = rows[np.argsort(rows[:, 0], kind="stable")]   # each document's rows one run
    owners, stretches, owner_col = [], [], []            # (column, document): one owner
    case_owner, case_stretches = [], []                   # (column, case): one owner
    case_ids: dict[tuple[int, int], int] = {}
    for k, col in enumerate(col_names):
        for did, by_case in parts.get(col, {}).items():
            owner = len(owner_col)
            owner_col.append(k)
            for lo, hi in union(sp for sps in by_case.values() for sp in sps):
                owners.append(owner)
                stretches.append((did, lo, hi))
            for case, spans in by_case.items():
                key = case_ids.setdefault((k, case), len(case_ids))
                for lo, hi in spans:
                    case_owner.append(key)
                    case_stretches.append((did, lo, hi))
    cut = _pieces(rows, owners, stretches)
    p = merge(cut)
    if len(p.doc):
        cols = np.array(owner_col, dtype=np.int64)
        key = code_idx[p.code] * width + cols[p.doc]
        n += np.bincount(key, weights=p.codings, minlength=size).astype(np.int64)
        chars += np.bincount(key, weights=p.length, minlength=size).astype(np.int64)
        present = mark_distinct(p.doc * size + key, len(owner_col) * size)
        docs += np.bincount(present % size, minlength=size)
    inside = _pieces(rows, case_owner, case_stretches)
    if len(inside):
        col_of_key = np.array([k for (k, _c) in case_ids], dtype=np.int64)
        cell = code_idx[inside[:, 1]] * width + col_of_key[inside[:, 0]]
        marks = mark_distinct(inside[:, 0] * size + cell, len(case_ids) * size)
        cases += np.bincount(marks % size, minlength=size)
    return n, chars, docs, cases


def _value_order(kind: str, cols: dict, categories: list[str]) -> list[str]:
    """Numbers by size, a category's values in the order it lists them, other values
    by their text; documents without a value last."""
    rank = {v: i for i, v in enumerate(categories)}

    def key(v: str):
        if v == NO_VALUE:
            return (1, 0, "")
        if kind == "number":
            return (0, float(v), "")
        return (0, rank.get(v, len(rank)), v)
    return sorted(cols, key=key)


def crosstab(project: Project, by: str, code_paths_: Sequence[str] | None = None,
             scope: Scope = ALL, progress: Progress | None = None,
             cancel: CancelFlag | None = None) -> Crosstab:
    if not by.strip():
        raise InvalidInput("--by takes an attribute name or 'case'")
    with project.read() as s:
        paths = code_paths(s)
        ids = ([find_code(s, p).id for p in code_paths_] if code_paths_
               else sorted(paths, key=paths.get))
        r = resolve(s, scope)
        if r.code_ids is not None and not code_paths_:
            ids = [c for c in ids if c in r.code_ids]
        cols, parts = _columns(s, by, r)
        rows = coding_array(s, r, ids if code_paths_ or r.code_ids is not None else None,
                            spans_only=True)
    check_cancel(cancel)
    merged = merge(rows)
    # Passages are sorted by (document, code): each (code, document) pair is one run.
    new_pair = np.ones(len(merged.doc), dtype=bool)
    new_pair[1:] = (merged.doc[1:] != merged.doc[:-1]) | (merged.code[1:] != merged.code[:-1])
    first = np.flatnonzero(new_pair)
    pair_codings = np.add.reduceat(merged.codings, first) if len(first) else first
    pair_chars = np.add.reduceat(merged.length, first) if len(first) else first
    col_names = list(cols)
    pair_doc, pair_code = merged.doc[first], merged.code[first]
    docs = distinct(pair_doc)
    doc_idx = np.searchsorted(docs, pair_doc)
    code_pos = {c: k for k, c in enumerate(ids)}
    code_idx = np.array([code_pos[c] for c in pair_code.tolist()], dtype=np.int64)
    doc_list = docs.tolist()
    columns_of: dict[int, list[int]] = {}
    for k, docs_in in enumerate(cols.values()):
        for did in docs_in:
            columns_of.setdefault(did, []).append(k)
    width = max(len(col_names), 1)
    size = len(ids) * width
    # each (code, document) run once per column its document is in
    entry, col = fan_out(doc_idx, [columns_of.get(d, []) for d in doc_list])
    key = code_idx[entry] * width + col
    n = np.bincount(key, weights=pair_codings[entry], minlength=size).astype(np.int64)
    chars = np.bincount(key, weights=pair_chars[entry], minlength=size).astype(np.int64)
    with_code = np.bincount(key, minlength=size)
    # the cases behind each cell: each run once more per case of its document
    case_list = sorted({c for d in doc_list for c in r.case_of.get(d, ())})
    case_index = {c: k for k, c in enumerate(case_list)}
    in_case, case = fan_out(doc_idx[entry], [sorted({case_index[c] for c in r.case_of.get(d, ())})
                                             for d in doc_list])
    n_case = max(len(case_list), 1)
    marks = mark_distinct(key[in_case] * n_case + case, size * n_case)
    n_cases = np.bincount(marks // n_case, minlength=size)
    row_total = np.bincount(code_idx, weights=pair_codings, minlength=len(ids)).astype(np.int64)
    if parts:
        more = _part_cells(rows, parts, col_names, code_pos, size, width)
        n, chars, with_code, n_cases = (x + y for x, y in
                                        zip((n, chars, with_code, n_cases), more, strict=True))
    check_cancel(cancel)
    cells: dict[tuple[int, str], dict] = {}
    n_l, chars_l, with_l, cases_l = n.tolist(), chars.tolist(), with_code.tolist(), n_cases.tolist()
    totals = row_total.tolist()
    sizes = [len(d) + len(parts.get(k, {})) for k, d in cols.items()]
    for row, code in enumerate(ids):
        for k, name in enumerate(col_names):
            cell = row * width + k
            cells[(code, name)] = {
                "codings": n_l[cell], "documents": with_l[cell], "cases": cases_l[cell],
                "characters": chars_l[cell],
                "codings_percent": n_l[cell] / totals[row] * 100 if totals[row] else None,
                "documents_percent": with_l[cell] / sizes[k] * 100 if sizes[k] else None,
            }
        if progress:
            progress(row + 1, len(ids))
    return Crosstab(by, scope, [paths[c] for c in ids], ids, list(cols), cols, cells,
                    _column_stretches(cols, parts, r))


def _column_stretches(cols: dict[str, list[int]], parts: Parts, r: Resolved
                      ) -> dict[str, dict[int, list[Span]]]:
    """Per column, the stretches of each document covered in part (inside the scope)."""
    out: dict[str, dict[int, list[Span]]] = {}
    for col, docs in cols.items():
        mine = {d: r.regions[d] for d in docs if d in r.regions}
        for did, by_case in parts.get(col, {}).items():
            spans = union(sp for sps in by_case.values() for sp in sps)
            if did in r.regions:
                spans = intersect(spans, r.regions[did])
            mine[did] = spans
        if mine:
            out[col] = mine
    return out


def cell_segments(project: Project, table: Crosstab, code_id: int, column: str
                  ) -> list[Segment]:
    """The coded segments behind one cell, in document order."""
    wanted = set(table.column_documents[column])
    parts = table.column_parts.get(column, {})
    coders = None
    if table.scope.coders:
        coders = set(table.scope.coders)

    def inside(g: Segment) -> bool:
        if g.document_id in parts:
            return any(g.start < hi and g.end > lo for lo, hi in parts[g.document_id])
        return g.document_id in wanted

    return [g for g in segments(project, code_id=code_id)
            if inside(g) and (coders is None or g.coder in coders)]
