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

from annotator.domain.intervals import Span, union
from annotator.services.analysis_scope import (
    ALL,
    CancelFlag,
    Progress,
    Scope,
    check_cancel,
    codings,
    resolve,
)
from annotator.services.codebook import code_paths, find_code
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


def _pairs(flat: list[tuple[int, int, int]], width: int
           ) -> tuple[np.ndarray, np.ndarray]:
    """Overlapping passages of different codes in one document: pair keys and overlaps.

    ``flat`` holds ``(start, end, code)`` of each code's merged passages. Sorted by start,
    passage ``i`` overlaps exactly the later passages ``j`` with ``start[j] < end[i]``, so
    the pairs are index ranges, expanded with numpy rather than a Python loop per pair.
    A key is ``low code × width + high code``.
    """
    if not flat:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    arr = np.array(flat, dtype=np.int64)
    arr = arr[np.lexsort((arr[:, 1], arr[:, 0]))]
    starts, ends, codes = arr[:, 0], arr[:, 1], arr[:, 2]
    stop = np.searchsorted(starts, ends, side="left")
    counts = stop - np.arange(1, len(arr) + 1)
    counts[counts < 0] = 0
    first = np.repeat(np.arange(len(arr)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + offsets
    ca, cb = codes[first], codes[second]
    keep = ca != cb
    first, second, ca, cb = first[keep], second[keep], ca[keep], cb[keep]
    overlap = np.minimum(ends[first], ends[second]) - starts[second]
    keys = np.minimum(ca, cb) * width + np.maximum(ca, cb)
    return keys, overlap


def cooccurrence(project: Project, code_paths_: Sequence[str] | None = None,
                 scope: Scope = ALL, progress: Progress | None = None,
                 cancel: CancelFlag | None = None) -> Cooccurrence:
    """The co-occurrence of the given codes (default: every code) inside ``scope``."""
    with project.read() as s:
        paths = code_paths(s)
        ids = ([find_code(s, p).id for p in code_paths_] if code_paths_
               else sorted(paths, key=paths.get))
        r = resolve(s, scope)
        rows = codings(s, r, ids if code_paths_ else None)
    per_doc: dict[int, dict[int, list[Span]]] = {}
    for _cid, did, code, _coder, start, end in rows:
        per_doc.setdefault(did, {}).setdefault(code, []).append((start, end))
    index = {code: i for i, code in enumerate(sorted({row[2] for row in rows}))}
    width = max(len(index), 1)
    dense = width * width <= DENSE_CELLS
    all_keys, all_overlaps, doc_keys = [], [], []
    case_keys: dict[int, list[np.ndarray]] = {}
    chars: dict[int, int] = {}
    for done, (did, by_code) in enumerate(per_doc.items(), start=1):
        check_cancel(cancel)
        flat = []
        for code, spans in by_code.items():
            merged = union(spans)
            chars[code] = chars.get(code, 0) + sum(e - s for s, e in merged)
            flat.extend((s, e, index[code]) for s, e in merged)
        keys, overlap = _pairs(flat, width)
        all_keys.append(keys)
        all_overlaps.append(overlap)
        present = (np.flatnonzero(np.bincount(keys, minlength=width * width)) if dense
                   else np.unique(keys))
        doc_keys.append(present)
        for case in r.case_of.get(did, ()):
            case_keys.setdefault(case, []).append(present)
        if progress:
            progress(done, len(per_doc))
    codes = sorted(index, key=index.get)
    passages, both = _tally(all_keys, all_overlaps, width, codes)
    documents, _ = _tally(doc_keys, None, width, codes)
    cases, _ = _tally([np.unique(np.concatenate(v)) for v in case_keys.values()], None,
                      width, codes)
    return Cooccurrence(ids, paths, scope, passages, documents, cases, both, chars)


def _tally(keys: list[np.ndarray], weights: list[np.ndarray] | None, width: int,
           codes: list[int]) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """Counts (and summed weights) per pair key, as ``(low code id, high code id) → n``."""
    if not keys:
        return {}, {}
    flat = np.concatenate(keys)
    if width * width <= DENSE_CELLS:
        count = np.bincount(flat, minlength=width * width)
        found = np.flatnonzero(count)
        sums = (np.bincount(flat, weights=np.concatenate(weights), minlength=width * width)
                [found] if weights is not None else None)
        count = count[found]
    else:
        found, inverse, count = np.unique(flat, return_inverse=True, return_counts=True)
        sums = (np.bincount(inverse, weights=np.concatenate(weights), minlength=len(found))
                if weights is not None else None)
    pairs = [(codes[k // width], codes[k % width]) for k in found.tolist()]
    pairs = [(a, b) if a < b else (b, a) for a, b in pairs]
    counts = dict(zip(pairs, count.tolist(), strict=True))
    if sums is None:
        return counts, {}
    return counts, dict(zip(pairs, sums.astype(np.int64).tolist(), strict=True))


def cell_segments(project: Project, a: str, b: str, scope: Scope = ALL) -> QueryResult:
    """The passages behind one cell: the text that carries both codes."""
    return run_query(project, QuerySpec(a, "and", b), scope)
