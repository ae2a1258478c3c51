"""Code × code co-occurrence: passages, documents and cases that carry both codes.

A *passage* carrying A and B is one stretch where a passage of A overlaps one of B (the
characters of ``A AND B``, counted as stretches). Jaccard is over characters: the
characters carrying both over those carrying either. One sweep per document over all its
codes' passages finds every overlapping pair at once, so 300 codes cost no 45,000 pair
comparisons, and numpy expands the
pairs. Every cell's segments come from ``cell_segments`` (the query ``A AND B``).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

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
from annotator.services.passages import distinct, fan_out, mark_distinct, merge
from annotator.services.queries import QueryResult, QuerySpec, run_query
from annotator.store.project import Project

# Up to this many code pairs (2,000 codes) are counted in flat arrays, beyond it sorted.
DENSE_CELLS = 4_000_000


@dataclass(frozen=True)
class Cooccurrence:
    code_ids: list[int]
    paths: dict[int, str]
    scope: Scope
    passages: dict[tuple[int, int], int]       # (a, b) with a < b → stretches carrying both
    documents: dict[tuple[int, int], int]
    cases: dict[tuple[int, int], int]
    both_chars: dict[tuple[int, int], int]
    chars: dict[int, int]                       # characters each code marks

    def _get(self, table: dict, a: int, b: int) -> int:
        return table.get((a, b) if a < b else (b, a), 0)

    def jaccard(self, a: int, b: int) -> float | None:
        both = self._get(self.both_chars, a, b)
        either = self.chars.get(a, 0) + self.chars.get(b, 0) - both
        return both / either if either else None

    def cell(self, a: int, b: int) -> dict:
        return {"passages": self._get(self.passages, a, b),
                "documents": self._get(self.documents, a, b),
                "cases": self._get(self.cases, a, b),
                "characters": self._get(self.both_chars, a, b),
                "jaccard": self.jaccard(a, b)}

    def to_json(self) -> dict:
        ids = self.code_ids
        return {
            "filters": self.scope.to_json(),
            "codes": [self.paths[c] for c in ids],
            "pairs": [{"a": self.paths[a], "b": self.paths[b], **self.cell(a, b)}
                      for i, a in enumerate(ids) for b in ids[i + 1:]
                      if self._get(self.passages, a, b)],
        }


def _pairs(start: np.ndarray, end: np.ndarray, codes: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs ``(i, j)``, ``i < j``, of overlapping passages of different codes.

    The passages are sorted by start. Passage ``i`` overlaps exactly the later passages
    ``j`` with ``start[j] < end[i]``, so the pairs are index ranges, expanded with numpy
    rather than a Python loop per pair.
    """
    stop = np.searchsorted(start, end, side="left")
    counts = np.maximum(stop - np.arange(1, len(start) + 1), 0)
    first = np.repeat(np.arange(len(start)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + offsets
    keep = codes[first] != codes[second]
    return first[keep], second[keep]


def _count(keys: np.ndarray, cells: int, weights: np.ndarray | None = None
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Distinct keys, how often each occurs and (optionally) their summed weights."""
    if cells <= DENSE_CELLS:
        count = np.bincount(keys, minlength=cells)
        found = np.flatnonzero(count)
        sums = (np.bincount(keys, weights=weights, minlength=cells)[found]
                if weights is not None else None)
        return found, count[found], sums
    found, inverse, count = np.unique(keys, return_inverse=True, return_counts=True)
    sums = (np.bincount(inverse, weights=weights, minlength=len(found))
            if weights is not None else None)
    return found, count, sums


def _case_counts(present_doc: np.ndarray, present_key: np.ndarray, doc_ids: list[int],
                 case_of: dict[int, list[int]], cells: int,
                 segment_marks: list[tuple[int, np.ndarray]] = ()
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the cases with a document carrying it: each (document, pair) mark is
    repeated once per case of its document, the (case, pair) marks of the cases coded on
    segments added, and the distinct (case, pair) marks counted."""
    case_list = sorted({c for d in doc_ids for c in case_of.get(d, ())}
                       | {c for c, _keys in segment_marks})
    if not case_list:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    case_index = {c: k for k, c in enumerate(case_list)}
    per_doc = [sorted({case_index[c] for c in case_of.get(d, ())}) for d in doc_ids]
    entry, case = fan_out(present_doc, per_doc)
    keys = [case * cells + present_key[entry]]
    keys += [case_index[c] * cells + k for c, k in segment_marks]
    keys = mark_distinct(np.concatenate(keys), len(case_list) * cells)
    found, count, _ = _count(keys % cells, cells)
    return found, count


def _segment_marks(case_segments: dict[int, dict[int, list]], docs: np.ndarray,
                   pair_doc: np.ndarray, lo: np.ndarray, hi: np.ndarray, keys: np.ndarray
                   ) -> list[tuple[int, np.ndarray]]:
    """For each case coded on segments, the pairs whose shared text ``[lo, hi)`` falls in
    its stretches (a speaker's turns)."""
    out = []
    for did, by_case in case_segments.items():
        k = int(np.searchsorted(docs, did))
        if k >= len(docs) or docs[k] != did:
            continue
        mine = pair_doc == k
        d_lo, d_hi, d_keys = lo[mine], hi[mine], keys[mine]
        for case, spans in by_case.items():
            hit = np.zeros(len(d_lo), dtype=bool)
            for a, b in spans:
                hit |= (d_lo < b) & (d_hi > a)
            if hit.any():
                out.append((case, d_keys[hit]))
    return out


def cooccurrence(project: Project, code_paths_: Sequence[str] | None = None,
                 scope: Scope = ALL, progress: Progress | None = None,
                 cancel: CancelFlag | None = None) -> Cooccurrence:
    """The co-occurrence of the given codes (default: every code) inside ``scope``.

    The work is a few whole-array steps, not a loop per document, so ``progress`` is
    called after each step and ``cancel`` polled between them.
    """
    with project.read() as s:
        paths = code_paths(s)
        ids = ([find_code(s, p).id for p in code_paths_] if code_paths_
               else sorted(paths, key=paths.get))
        r = resolve(s, scope)
        if r.code_ids is not None and not code_paths_:
            ids = [c for c in ids if c in r.code_ids]
        rows = coding_array(s, r, ids if code_paths_ or r.code_ids is not None else None,
                            spans_only=True)
    steps = 4

    def step(done: int) -> None:
        check_cancel(cancel)
        if progress:
            progress(done, steps)

    step(0)
    p = merge(rows)
    step(1)
    codes, docs = distinct(p.code), distinct(p.doc)
    code_idx, doc_idx = np.searchsorted(codes, p.code), np.searchsorted(docs, p.doc)
    width = max(len(codes), 1)
    cells = width * width
    code_list = codes.tolist()
    chars = dict(zip(code_list, np.bincount(code_idx, weights=p.length,
                                            minlength=len(codes)).astype(np.int64).tolist(),
                     strict=True))
    # All documents on one number line, each in its own stretch: one sweep for all.
    line = int(p.end.max(initial=0)) + 1
    shift = doc_idx * line
    start, end = p.start + shift, p.end + shift
    order = np.lexsort((end, start))
    start, end, code_idx, doc_idx = start[order], end[order], code_idx[order], doc_idx[order]
    i, j = _pairs(start, end, code_idx)
    low, high = np.minimum(code_idx[i], code_idx[j]), np.maximum(code_idx[i], code_idx[j])
    keys = low * width + high
    overlap = np.minimum(end[i], end[j]) - start[j]
    step(2)
    found, count, sums = _count(keys, cells, overlap)
    present = mark_distinct(doc_idx[i] * cells + keys, len(docs) * cells)
    present_doc, present_key = present // cells, present % cells
    doc_found, doc_count, _ = _count(present_key, cells)
    step(3)
    seg_marks = []
    if r.case_segments:
        back = doc_idx[j] * line            # the shared text's offsets in its document
        seg_marks = _segment_marks(r.case_segments, docs, doc_idx[i], start[j] - back,
                                   np.minimum(end[i], end[j]) - back, keys)
    case_found, case_count = _case_counts(present_doc, present_key, docs.tolist(),
                                          r.case_of, cells, seg_marks)
    step(4)

    def pairs(keys_: np.ndarray) -> list[tuple[int, int]]:
        # ``codes`` is sorted and each key is (lower index, higher index): the pairs come
        # out as (a, b) with a < b, as ``Cooccurrence`` keeps them.
        return list(zip(codes[keys_ // width].tolist(), codes[keys_ % width].tolist(),
                        strict=True))

    both = pairs(found)
    return Cooccurrence(
        ids, paths, scope, dict(zip(both, count.tolist(), strict=True)),
        dict(zip(pairs(doc_found), doc_count.tolist(), strict=True)),
        dict(zip(pairs(case_found), case_count.tolist(), strict=True)),
        dict(zip(both, sums.astype(np.int64).tolist(), strict=True)), chars)


def cell_segments(project: Project, a: str, b: str, scope: Scope = ALL) -> QueryResult:
    """The passages behind one cell: the text that carries both codes."""
    return run_query(project, QuerySpec(a, "and", b), scope)
