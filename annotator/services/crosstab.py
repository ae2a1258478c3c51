"""Crosstabs: codes × the values of an attribute, or codes × cases.

Each cell counts codings, documents, cases and coded characters (overlaps counted once)
of one code in one column's documents, with percentages: of the code's codings in the
scope (row) and of the column's documents that carry the code. A document in two cases
counts in both columns, as it does in NVivo's framework matrices. ``cell_segments``
gives the coded segments behind a cell.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from annotator.domain.errors import InvalidInput, NotFound
from annotator.services.analysis_scope import (
    ALL,
    CancelFlag,
    Progress,
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

    def to_json(self) -> dict:
        return {
            "by": self.by, "filters": self.scope.to_json(), "columns": self.columns,
            "rows": [{"code": path, "cells": {col: self.cells[(cid, col)]
                                               for col in self.columns}}
                     for path, cid in zip(self.codes, self.code_ids, strict=True)],
        }


def _columns(s, by: str, r) -> dict[str, list[int]]:
    """Column → documents of the scope in it."""
    cols: dict[str, list[int]] = {}
    if by == "case":
        for did in r.documents:
            for case in r.case_of.get(did, ()):
                cols.setdefault(r.case_names[case], []).append(did)
        return dict(sorted(cols.items()))
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
            keys = sorted({values.get(c, NO_VALUE) for c in r.case_of.get(did, ())}) or [NO_VALUE]
        for key in keys:
            cols.setdefault(key, []).append(did)
    order = _value_order(attr.type, cols, json.loads(attr.categories or "[]"))
    return {k: cols[k] for k in order}


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
        cols = _columns(s, by, r)
        rows = coding_array(s, r, ids if code_paths_ else None, spans_only=True)
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
    check_cancel(cancel)
    cells: dict[tuple[int, str], dict] = {}
    n_l, chars_l, with_l, cases_l = n.tolist(), chars.tolist(), with_code.tolist(), n_cases.tolist()
    totals = row_total.tolist()
    sizes = [len(d) for d in cols.values()]
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
    return Crosstab(by, scope, [paths[c] for c in ids], ids, list(cols), cols, cells)


def cell_segments(project: Project, table: Crosstab, code_id: int, column: str
                  ) -> list[Segment]:
    """The coded segments behind one cell, in document order."""
    wanted = set(table.column_documents[column])
    coders = None
    if table.scope.coders:
        coders = set(table.scope.coders)
    return [g for g in segments(project, code_id=code_id)
            if g.document_id in wanted and (coders is None or g.coder in coders)]
