"""Keyword in context (concordance): every hit of a word, phrase or regular expression.

A term matches wherever its characters occur (for Chinese that is every occurrence:
信任 is found inside 不信任 too); ``whole_words`` keeps only hits that begin and end at
word boundaries of the project's segmentation, and ``synonyms`` finds the words the user
merged with the term (its synonyms) as well. Hits come in batches from a generator, so
the window can show the first ones at once, keep its event loop turning between batches
and stop (``cancel``) whenever the user asks; every regular-expression search step is
bounded by a time limit (the ``regex`` module's ``timeout``), so a pattern that would
backtrack for hours stops with a message instead. Offsets are code points.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import regex
from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.errors import InvalidInput
from annotator.services import words
from annotator.services.progress import CancelFn, ProgressFn, step
from annotator.services.words import project_segmenter, whole_documents
from annotator.store.models import Document
from annotator.store.project import Project

SEARCH_TIMEOUT = 2.0  # seconds for one search step (finding the next hit)
MAX_HITS = 200_000
MAX_TERM = 1_000
MAX_CONTEXT = 500
BATCH = 1_000
# Line breaks and tabs in the context are shown, so the columns stay aligned.
_SHOWN = str.maketrans({"\n": "⏎", "\t": " ", "\r": "⏎"})

SortKey = Literal["position", "left", "right", "hit"]
# Which documents: ids, a selection (id → stretches or None for all of it), or None = all.
Documents = Iterable[int] | Mapping[int, Sequence[tuple[int, int]] | None] | None


@dataclass(frozen=True)
class Query:
    term: str
    regex: bool = False
    whole_words: bool = False
    ignore_case: bool = False
    synonyms: bool = False   # a word finds the words merged with it too (not for a regex)


def synonym_group(s: Session, term: str) -> list[str]:
    """``term`` and the words the user merged with it (its head and the head's other
    words), longest first so that an alternation prefers the longer word."""
    table = words.synonyms(s)
    head = table.get(term, term)
    group = {head, term} | {w for w, h in table.items() if h == head}
    return sorted(group, key=lambda w: (-len(w), w))


def _pattern(project: Project, query: Query) -> regex.Pattern:
    pattern = compile_query(query)
    if not query.synonyms or query.regex:
        return pattern
    with project.read() as s:
        group = synonym_group(s, query.term)
    if len(group) == 1:
        return pattern
    flags = regex.V1 | (regex.IGNORECASE if query.ignore_case else 0)
    return regex.compile("|".join(regex.escape(w) for w in group), flags)


@dataclass(frozen=True, slots=True)
class Hit:
    """One hit: ``text[start:end] == match``; left/right are the context (line breaks ⏎)."""

    document_id: int
    document: str
    start: int
    end: int
    left: str
    match: str
    right: str


def compile_query(query: Query) -> regex.Pattern:
    """The pattern for a query, or ``InvalidInput`` saying what is wrong with it."""
    term = query.term
    if not term or not term.strip():
        raise InvalidInput("the search term is empty")
    if len(term) > MAX_TERM:
        raise InvalidInput("the search term has {n} characters; at most {max}",
                           n=len(term), max=MAX_TERM)
    flags = regex.V1 | (regex.IGNORECASE if query.ignore_case else 0)
    try:
        pattern = regex.compile(term if query.regex else regex.escape(term), flags)
    except regex.error as exc:
        raise InvalidInput("the regular expression {term!r} does not compile: {reason}",
                           term=term, reason=str(exc)) from exc
    if pattern.search("", timeout=SEARCH_TIMEOUT) is not None and query.regex:
        raise InvalidInput("the regular expression {term!r} matches empty text; "
                           "it must match at least one character", term=term)
    return pattern


def find_spans(pattern: regex.Pattern, text: str, *, term: str = "",
               timeout: float = SEARCH_TIMEOUT) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-empty match, one time-limited search step at a time."""
    pos, n = 0, len(text)
    while pos <= n:
        try:
            m = pattern.search(text, pos, timeout=timeout, concurrent=True)
        except TimeoutError as exc:
            raise InvalidInput(
                "the regular expression {term!r} took more than {seconds} s to find the next "
                "hit (it backtracks too much on this text); simplify it",
                term=term, seconds=timeout) from exc
        if m is None:
            return
        start, end = m.span()
        if end > start:
            yield start, end
            pos = end
        else:
            pos = end + 1


class _WholeWords:
    """Word boundaries of one document, for "whole words only".

    A document up to ``WHOLE_DOCUMENT`` characters is segmented once; in a longer one
    (a 50 MB single line) each hit is checked against the segmentation of the stretch
    around it, so the time stays proportional to the hits.
    """

    WHOLE_DOCUMENT = 5_000_000
    AROUND = 64

    def __init__(self, project: Project, text: str) -> None:
        self.seg = project_segmenter(project)
        self.text = text
        self.bounds = self.seg.boundaries(text) if len(text) <= self.WHOLE_DOCUMENT else None

    def fits(self, start: int, end: int) -> bool:
        bounds = self.bounds
        if bounds is None:
            a, b = max(0, start - self.AROUND), min(len(self.text), end + self.AROUND)
            bounds = self.seg.boundaries(self.text, a, b)
        return start in bounds and end in bounds


def _hits_in(pattern: regex.Pattern, query: Query, project: Project, doc_id: int, name: str,
             text: str, context: int) -> Iterator[Hit]:
    whole = _WholeWords(project, text) if query.whole_words else None
    for start, end in find_spans(pattern, text, term=query.term):
        if whole is not None and not whole.fits(start, end):
            continue
        yield Hit(doc_id, name, start, end,
                  text[max(0, start - context):start].translate(_SHOWN),
                  text[start:end], text[end:end + context].translate(_SHOWN))


def iter_hits(
    project: Project, query: Query, document_ids: Documents = None, *,
    context: int = 20, batch: int = BATCH, limit: int = MAX_HITS,
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> Iterator[list[Hit]]:
    """Hits in batches of at most ``batch``, in document order, stopping after ``limit``.

    ``document_ids`` may be a selection (document → stretches, or None for the whole
    document: an analysis ``Scope`` covering a case coded on segments); then only the
    hits inside the stretches count. The query is checked before the first batch (a bad
    pattern fails at once).
    """
    if not 0 <= context <= MAX_CONTEXT:
        raise InvalidInput("context is 0 to {max} characters (got {n})", max=MAX_CONTEXT,
                           n=context)
    pattern = _pattern(project, query)
    with project.read() as s:
        docs = list(whole_documents(s, document_ids))
        names = dict(s.execute(select(Document.id, Document.name)).all())
    regions = ({d: v for d, v in document_ids.items() if v is not None}
               if isinstance(document_ids, Mapping) else {})
    return _batches(project, query, pattern, docs, names, regions, context, batch, limit,
                    progress, cancel)


def _inside(hit: Hit, spans: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= hit.start and hit.end <= hi for lo, hi in spans)


def _batches(project: Project, query: Query, pattern: regex.Pattern, docs: list[int],
             names: dict[int, str], regions: Mapping[int, Sequence[tuple[int, int]]],
             context: int, batch: int, limit: int,
             progress: ProgressFn | None, cancel: CancelFn | None) -> Iterator[list[Hit]]:
    out: list[Hit] = []
    found = 0
    for done, doc_id in enumerate(docs):
        step(done, len(docs), progress, cancel)
        with project.read() as s:
            text = s.scalar(select(Document.text).where(Document.id == doc_id)) or ""
        spans = regions.get(doc_id)
        for hit in _hits_in(pattern, query, project, doc_id, names[doc_id], text, context):
            if spans is not None and not _inside(hit, spans):
                continue
            out.append(hit)
            found += 1
            if len(out) >= batch or found >= limit:
                yield out
                out = []
                step(done, len(docs), None, cancel)
            if found >= limit:
                return
    if out:
        yield out
    step(len(docs), len(docs), progress, None)


@dataclass
class Concordance:
    hits: list[Hit]
    truncated: bool  # more hits than ``limit`` exist


def concordance(project: Project, query: Query, document_ids: Documents = None,
                *, context: int = 20, limit: int = MAX_HITS, sort: SortKey = "position",
                cancel: CancelFn | None = None) -> Concordance:
    """Every hit at once (the command line; the window uses ``iter_hits``)."""
    hits: list[Hit] = []
    for chunk in iter_hits(project, query, document_ids, context=context, limit=limit + 1,
                           cancel=cancel):
        hits.extend(chunk)
    truncated = len(hits) > limit
    return Concordance(sort_hits(hits[:limit], sort), truncated)


SORT_KEY_CHARS = 100  # characters of a sort key compared (ties keep document order)


def sort_order(hits: Sequence[Hit], key: SortKey) -> list[int]:
    """The indices of ``hits`` in concordance order: by the left context read backwards
    from the hit (the nearest word first), by the right context, by the hit (each then by
    the hit or the right context), or by place. numpy sorts the keys, without holding
    Python's interpreter lock, so a window sorting 200,000 hits in a worker stays free."""
    if key not in ("position", "left", "right", "hit"):
        raise InvalidInput("sort by position, left, right or hit (not {key!r})", key=key)
    if key == "position" or not hits:
        return list(range(len(hits)))
    # one string per hit; \x01 joins the two parts so that a shorter first part sorts
    # first, as a tuple would
    if key == "left":
        keys = [(h.left[::-1] + "\x01" + h.match)[:SORT_KEY_CHARS] for h in hits]
    elif key == "right":
        keys = [(h.right + "\x01" + h.match)[:SORT_KEY_CHARS] for h in hits]
    else:
        keys = [(h.match + "\x01" + h.right)[:SORT_KEY_CHARS] for h in hits]
    import numpy as np  # when sorting, not when the window starts

    return np.argsort(np.array(keys), kind="stable").tolist()


def sort_hits(hits: list[Hit], key: SortKey) -> list[Hit]:
    """The hits in concordance order (``sort_order``)."""
    return [hits[i] for i in sort_order(hits, key)]
