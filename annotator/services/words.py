"""Word frequencies, and the project's dictionary, stop words and synonyms.

What is counted is a ``Selection``: for each document id, the ranges of its text to count
(``None`` = the whole document). Whole documents, the text coded with some codes, and the
text a coder coded are selections built here; ``scope_selection`` narrows them with the
analysis ``Scope`` (documents, cases, attribute values, coders), so a filter means the
same thing here as in every other analysis.

The segmenter of a project is built from jieba's dictionary, the codebook's names (a code
named 红色物业 keeps 红色物业 one word) and the project dictionary, and is kept between
calls: a word added to the dictionary takes effect at once, without rebuilding.
"""

import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple
from weakref import WeakKeyDictionary

import regex
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.domain.errors import InvalidInput, NotFound
from annotator.domain.intervals import union
from annotator.domain.query import intersect
from annotator.services.analysis_scope import Scope, resolve
from annotator.services.codebook import subtree_ids
from annotator.services.progress import CancelFn, ProgressFn, step
from annotator.store.models import Code, Coding, DictionaryWord, Document, StopWord, Synonym
from annotator.store.project import Project, now
from annotator.text.segment import Segmenter
from annotator.text.stopwords import STOP_LANGUAGES, default_stopwords

Ranges = list[tuple[int, int]]
Selection = dict[int, Ranges | None]

# A code name is split at punctuation and spaces into dictionary words ("党建/治理").
_NAME_SPLIT = regex.compile(r"[\s\p{P}\p{S}]+")
_HAN = regex.compile(r"\p{Han}")
MAX_WORD = 200


@dataclass(frozen=True)
class WordOptions:
    """How words are counted. ``pos``: jieba tags or their prefixes ("n" takes nr, ns …)."""

    min_length: int = 1
    pos: frozenset[str] | None = None
    stopwords: bool = True
    synonyms: bool = True
    top: int | None = None


class WordCount(NamedTuple):
    """One row of the table (a tuple: a novel has 45,000 different words)."""

    word: str
    count: int
    share: float  # of every word counted (after stop words and filters)
    documents: int


@dataclass
class FrequencyTable:
    rows: list[WordCount]
    total: int  # words counted, all rows (not only the top ones)
    distinct: int
    documents: int  # documents in the selection
    merged: dict[str, list[str]] = field(default_factory=dict)  # head → words merged in


# -- selections ------------------------------------------------------------------------


def whole_documents(s: Session, document_ids: Iterable[int] | None = None) -> Selection:
    q = select(Document.id).order_by(Document.position, Document.id)
    if document_ids is not None:
        q = q.where(Document.id.in_(list(document_ids)))
    return dict.fromkeys(s.scalars(q), None)


def coded_text(s: Session, code_ids: Iterable[int] | None = None, *,
               coder_ids: Iterable[int] | None = None, with_children: bool = True,
               document_ids: Iterable[int] | None = None) -> Selection:
    """The text coded with these codes (and their children), by these coders, counted once
    where codings overlap."""
    q = select(Coding.document_id, Coding.start, Coding.end)
    if code_ids is not None:
        ids: set[int] = set()
        for cid in code_ids:
            ids.update(subtree_ids(s, cid) if with_children else [cid])
        q = q.where(Coding.code_id.in_(ids))
    if coder_ids is not None:
        q = q.where(Coding.coder_id.in_(list(coder_ids)))
    if document_ids is not None:
        q = q.where(Coding.document_id.in_(list(document_ids)))
    spans: dict[int, Ranges] = {}
    for doc, start, end in s.execute(q):
        spans.setdefault(doc, []).append((start, end))
    order = whole_documents(s, spans)
    return {doc: union(spans[doc]) for doc in order}


def scope_selection(s: Session, scope: Scope, code_ids: Iterable[int] | None = None, *,
                    with_children: bool = True) -> Selection:
    """The text a scope covers: its documents whole, or (with codes or coders) the text
    coded there with those codes, by those coders."""
    r = resolve(s, scope)
    if code_ids is None and r.coder_ids is None:
        return {d: r.regions.get(d) for d in whole_documents(s, r.documents)}
    coded = coded_text(s, code_ids, coder_ids=r.coder_ids, with_children=with_children,
                       document_ids=r.documents)
    if not r.regions:
        return coded
    # a case coded on segments: only the coded text inside its stretches
    inside = {d: intersect(spans or [], r.regions[d]) if d in r.regions else spans
              for d, spans in coded.items()}
    return {d: spans for d, spans in inside.items() if spans}


# -- the project's word lists ------------------------------------------------------------


def code_name_words(names: Iterable[str]) -> set[str]:
    """Dictionary words from code names: each name, split at punctuation and spaces."""
    out = set()
    for name in names:
        for piece in _NAME_SPLIT.split(name):
            if len(piece) >= 2 and _HAN.search(piece):
                out.add(piece)
    return out


def dictionary_words(s: Session) -> dict[str, str | None]:
    """The project dictionary in force: code names and added words, less excluded ones."""
    rows = s.execute(select(DictionaryWord.word, DictionaryWord.pos, DictionaryWord.excluded))
    excluded = set()
    words: dict[str, str | None] = dict.fromkeys(code_name_words(s.scalars(select(Code.name))))
    for word, pos, is_excluded in rows:
        if is_excluded:
            excluded.add(word)
        else:
            words[word] = pos
    return {w: p for w, p in words.items() if w not in excluded}


_segmenters_lock = threading.Lock()
_segmenters: "WeakKeyDictionary[Project, Segmenter]" = WeakKeyDictionary()


def project_segmenter(project: Project, words: Mapping[str, str | None] | None = None
                      ) -> Segmenter:
    """The project's segmenter; words added since the last call are added to it at once,
    a word taken out rebuilds it."""
    if words is None:
        with project.read() as s:
            words = dictionary_words(s)
    with _segmenters_lock:  # the window builds it ahead in a worker; a search may ask too
        seg = _segmenters.get(project)
        if seg is None or any(w not in words or words[w] != p for w, p in seg.added.items()):
            seg = Segmenter(sorted(words.items()))
            _segmenters[project] = seg
        else:
            for word, pos in words.items():
                seg.add_word(word, pos)
        return seg


def check_word(word: str) -> str:
    word = word.strip()
    if not word or len(word) > MAX_WORD or any(c.isspace() for c in word):
        raise InvalidInput("{word!r} is not a word: one word without spaces, at most 200 "
                           "characters", word=word)
    return word


def add_dictionary_words(project: Project, words: Iterable[str], pos: str | None = None
                         ) -> list[str]:
    """Add words to the project dictionary (or take back their exclusion); returns the new."""
    checked = [check_word(w) for w in words]
    added = []
    with project.write() as s:
        for word in dict.fromkeys(checked):
            row = s.scalar(select(DictionaryWord).where(DictionaryWord.word == word))
            if row is None:
                s.add(DictionaryWord(word=word, pos=pos, excluded=False, added_at=now()))
                added.append(word)
            elif row.excluded or row.pos != pos:
                row.excluded, row.pos = False, pos
                added.append(word)
    return added


def remove_dictionary_words(project: Project, words: Iterable[str]) -> list[str]:
    """Take words out; a code name stays out through an exclusion row."""
    checked = [check_word(w) for w in words]
    removed = []
    with project.write() as s:
        names = code_name_words(s.scalars(select(Code.name)))
        for word in dict.fromkeys(checked):
            row = s.scalar(select(DictionaryWord).where(DictionaryWord.word == word))
            if word in names:
                if row is None:
                    s.add(DictionaryWord(word=word, excluded=True, added_at=now()))
                elif not row.excluded:
                    row.excluded = True
                else:
                    continue
            elif row is not None and not row.excluded:
                s.delete(row)
            else:
                continue
            removed.append(word)
    return removed


def _check_language(language: str) -> str:
    if language not in STOP_LANGUAGES:
        raise InvalidInput("stop-word lists are {languages}, not {language!r}",
                           languages=", ".join(STOP_LANGUAGES), language=language)
    return language


def stopwords(s: Session, language: str | None = None) -> set[str]:
    """The stop words in force: the shipped list with the project's changes."""
    out: set[str] = set()
    for lang in [_check_language(language)] if language else STOP_LANGUAGES:
        words = set(default_stopwords(lang))
        for word, removed in s.execute(select(StopWord.word, StopWord.removed)
                                       .where(StopWord.language == lang)):
            (words.discard if removed else words.add)(word)
        out |= words
    return out


def edit_stopwords(project: Project, language: str, *, add: Iterable[str] = (),
                   remove: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Add words to / remove words from a project's stop-word list, in one transaction.

    Returns (added, removed): the words whose state changed.
    """
    language = _check_language(language)
    add = [check_word(w).lower() for w in add]
    remove = [check_word(w).lower() for w in remove]
    defaults = default_stopwords(language)
    added, removed = [], []
    with project.write() as s:
        now_in = stopwords(s, language)
        for word, want in [(w, True) for w in dict.fromkeys(add)] + [
                (w, False) for w in dict.fromkeys(remove)]:
            if (word in now_in) == want:
                continue
            s.execute(delete(StopWord).where(StopWord.language == language,
                                             StopWord.word == word))
            if want != (word in defaults):
                s.add(StopWord(language=language, word=word, removed=not want))
            (added if want else removed).append(word)
            (now_in.add if want else now_in.discard)(word)
    return added, removed


def synonyms(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Synonym.word, Synonym.head)).all())


def merge_synonyms(project: Project, head: str, words: Iterable[str]) -> list[str]:
    """Count ``words`` as ``head`` from now on; returns the words newly merged."""
    head = check_word(head)
    merged = []
    with project.write() as s:
        current = synonyms(s)
        if head in current:
            raise InvalidInput("{head!r} is itself merged into {other!r}; merge into that word",
                               head=head, other=current[head])
        for word in dict.fromkeys(check_word(w) for w in words):
            if word == head or current.get(word) == head:
                continue
            s.execute(delete(Synonym).where(Synonym.word == word))
            # words merged into ``word`` follow it to the new head
            for row in s.scalars(select(Synonym).where(Synonym.head == word)):
                row.head = head
            s.add(Synonym(word=word, head=head))
            merged.append(word)
    return merged


def set_synonyms(project: Project, heads: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Replace every synonym with ``head → words`` (the window's list), in one transaction:
    a word that is refused, or a head that is itself merged into another, changes nothing."""
    wanted: dict[str, str] = {}
    for head, words in heads.items():
        head = check_word(head)
        for word in (check_word(w) for w in words):
            if word != head:
                wanted[word] = head
    for head in wanted.values():
        if head in wanted:
            raise InvalidInput("{head!r} is itself merged into {other!r}; merge into that word",
                               head=head, other=wanted[head])
    with project.write() as s:
        s.execute(delete(Synonym))
        s.add_all(Synonym(word=w, head=h) for w, h in wanted.items())
    return wanted


def unmerge_synonyms(project: Project, words: Iterable[str]) -> list[str]:
    words = [check_word(w) for w in words]
    with project.write() as s:
        found = list(s.scalars(select(Synonym.word).where(Synonym.word.in_(words))))
        if not found:
            raise NotFound("none of these words is merged into another")
        s.execute(delete(Synonym).where(Synonym.word.in_(found)))
    return found


# -- counting ------------------------------------------------------------------------


def _pos_ok(tag: str, wanted: frozenset[str]) -> bool:
    return any(tag.startswith(p) for p in wanted)


def word_frequencies(
    project: Project,
    selection: Selection | None = None,
    options: WordOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> FrequencyTable:
    """Words of the selection with their count, share and number of documents.

    Words of other scripts are counted in lower case (``The`` and ``the`` are one word);
    synonyms are merged before stop words and the minimum length are applied, so a merged
    word counts under its head. ``progress``/``cancel`` are checked once per document.
    """
    options = options or WordOptions()
    if options.min_length < 1:
        raise InvalidInput("the minimum length is at least 1 (got {n})", n=options.min_length)
    with project.read() as s:
        if selection is None:
            selection = whole_documents(s)
        words = dictionary_words(s)
        stop = stopwords(s) if options.stopwords else set()
        merge = synonyms(s) if options.synonyms else {}
    seg = project_segmenter(project, words)
    counts: Counter[str] = Counter()
    doc_counts: Counter[str] = Counter()
    merged: dict[str, set[str]] = {}
    total_docs = len(selection)
    for done, (doc_id, ranges) in enumerate(selection.items()):
        step(done, total_docs, progress, cancel)
        with project.read() as s:
            text = s.scalar(select(Document.text).where(Document.id == doc_id))
        if text is None:
            continue
        raw: Counter[str] = Counter()
        for start, end in ranges if ranges is not None else [(0, len(text))]:
            if options.pos is None:
                raw.update(seg.count(text, start=start, end=end))
            else:
                pairs = Counter((t.word, t.pos) for t in
                                seg.tokens(text, pos=True, start=start, end=end))
                for (word, tag), n in pairs.items():
                    if _pos_ok(tag, options.pos):
                        raw[word] += n
        here: Counter[str] = Counter()
        for word, n in raw.items():
            key = word if _HAN.search(word) else word.lower()
            head = merge.get(key, key)
            if head != key:
                merged.setdefault(head, set()).add(key)
            if len(head) < options.min_length or head in stop or head.lower() in stop:
                continue
            here[head] += n
        counts.update(here)
        doc_counts.update(here.keys())
    step(total_docs, total_docs, progress, None)
    total = sum(counts.values())
    # by count, most first, then by word: two sorts in C (the second one is stable)
    ranked = sorted(sorted(counts.items(), key=itemgetter(0)), key=itemgetter(1),
                    reverse=True)
    if options.top is not None:
        ranked = ranked[: options.top]
    rows = [WordCount(w, n, n / total, doc_counts[w]) for w, n in ranked]
    return FrequencyTable(rows, total, len(counts), total_docs,
                          {h: sorted(ws) for h, ws in merged.items() if h in counts})
