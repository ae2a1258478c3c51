"""Intercoder agreement of a project, the disagreements behind it, and the consensus.

The statistics are ``domain.agreement``'s (read its docstring for what each number
means); this module picks what to compare from the project and names the results:

* **coders**: by default every coder with codings in the chosen documents, except the
  consensus coder (it is the group's answer, not a rater); at least two are needed.
* **codes**: by default every code the chosen coders used there, in codebook order. A
  code stands for itself only — its children's codings are not counted under it (as in
  NVivo's coding comparison), so a parent and a child can be compared side by side.
* **documents**: by default all of them.
* **unit** (``domain.agreement_units``): characters, characters without whitespace (the
  default: spacing and blank lines nobody codes do not count), sentences or paragraphs.
  Every figure of the report is in that unit, and the report says which.
* **uncoded documents**: by default a document where none of the coders present used a
  code takes no part in that code's figures (its "neither" units would raise κ);
  ``include_uncoded=True`` counts them, as NVivo does.
* **presence**: a coder who coded nothing in a document — with *any* code, not only the
  chosen ones — is missing there: no table, no α values, no disagreement; unless they
  marked the document *reviewed* (``services.reviewed``): then their empty document is
  a "no" on every character, and counts.
* **sets** of codes (``--set``) are treated as mutually exclusive values of one variable
  and get Krippendorff's α (nominal). By default a code in a set **stands for its
  subtree**: a coding of ``信任/政治信任`` counts as ``信任`` in the set {协调, 整合,
  信任}, which is what researchers mean by "agreement on the three top-level codes". A
  coding rolls up to its nearest ancestor-or-self in the set, so a set may hold a parent
  and one of its children. ``include_children=False`` counts each code's own codings only.

Undefined values are ``None`` (JSON ``null``), never 0 or 1.

Disagreements are listed per document and code as maximal runs of characters with the
same pattern of who coded them, among the coders present in that document. Consensus is
a coder like the others (``CONSENSUS_CODER``), coded through ``insert_coding``, so it is
retrieved, exported and compared like any coder.
"""

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.agreement import (
    DEFAULT_THRESHOLD,
    AgreementReport,
    AlphaResult,
    CellResult,
    CodeSummary,
    PairResult,
    PairSummary,
    SegmentAgreement,
    SetAlphaResult,
    Table2x2,
    compute_agreement_parts,
    paused_gc,
    segment_agreement,
    set_alpha,
    set_value_runs,
    update_agreement,
)
from annotator.domain.agreement_unitizing import UnitizingAlpha, unitizing_alpha
from annotator.domain.agreement_units import DEFAULT_UNIT, check_unit, in_units
from annotator.domain.codetree import Tree
from annotator.domain.errors import InvalidInput, NotFound
from annotator.domain.intervals import union
from annotator.services.codebook import code_paths, find_code
from annotator.services.coders import find_coder, get_or_create_coder
from annotator.services.coding import CodingInfo, code_row, doc_row, insert_coding
from annotator.services.documents import find_document
from annotator.services.reviewed import REVIEWED, reviewed_pairs
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project

CONSENSUS_CODER = "共识"
BATCH = 2_000  # codings fetched at a time
NONE_VALUE = "none"  # the value of a character no code of a set covers (JSON/Excel label)


@dataclass(frozen=True)
class CoderRef:
    id: int
    name: str


@dataclass(frozen=True)
class CodeRef:
    id: int
    path: str


@dataclass(frozen=True)
class DocumentRef:
    id: int
    name: str
    length: int


@dataclass(frozen=True)
class Selection:
    """What is compared: coders, codes and documents, in display order."""

    coders: tuple[CoderRef, ...]
    codes: tuple[CodeRef, ...]
    documents: tuple[DocumentRef, ...]


@dataclass(frozen=True)
class CodeSetResult:
    """α over one set of codes taken as mutually exclusive values."""

    codes: tuple[CodeRef, ...]
    include_children: bool
    result: SetAlphaResult
    unitizing: UnitizingAlpha | None = None


@dataclass(frozen=True)
class ProjectAgreement:
    """The domain report, with the names needed to show it."""

    selection: Selection
    threshold: float
    report: AgreementReport
    sets: tuple[CodeSetResult, ...]
    unit: str = "characters"
    include_uncoded: bool = True
    #: With two or more sets: the unitizing family with each set as one value (cuα of
    #: it is ATLAS.ti's Cu-α across semantic domains).
    across_sets: UnitizingAlpha | None = None
    #: What the figures were computed from, in the report's unit: document lengths,
    #: codings (document, code, coder, start, end) and the (document, coder) pairs
    #: present — kept so that intervals within one document need no second read.
    lengths: Mapping[int, int] = field(default_factory=dict)
    codings: Sequence[tuple[int, int, int, int, int]] = ()
    present: frozenset[tuple[int, int]] = frozenset()
    #: Each cell's exact parts (``domain.agreement.CellParts``), for an update that
    #: computes only the cells a change touched (``update_project_agreement``).
    parts: Mapping = field(default_factory=dict, compare=False, repr=False)
    #: Which of coders and codes were left to the defaults (an update checks that the
    #: defaults still pick the same).
    defaults: frozenset[str] = frozenset()

    def unions(self, doc: int, code: int) -> list[list[tuple[int, int]] | None]:
        """Each chosen coder's union of ``code`` in ``doc``; None where missing."""
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for d, c, coder, start, end in self.codings:
            if d == doc and c == code:
                spans[coder].append((start, end))
        return [union(spans.get(coder.id, [])) if (doc, coder.id) in self.present else None
                for coder in self.coders]

    @property
    def coders(self) -> tuple[CoderRef, ...]:
        return self.selection.coders

    @property
    def codes(self) -> tuple[CodeRef, ...]:
        return self.selection.codes

    @property
    def documents(self) -> tuple[DocumentRef, ...]:
        return self.selection.documents

    def to_json(self) -> dict:
        """The JSON ``annotator agreement --json`` prints (keys are stable)."""
        with paused_gc():
            return agreement_json(self)


# ------------------------------------------------------------------ choosing


def _dedupe(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i.strip()))


def _tree_order(s: Session) -> list[int]:
    rows = s.execute(select(Code.id, Code.parent_id).order_by(Code.position, Code.id)).all()
    return Tree(rows).preorder()


def _select(
    s: Session,
    coders: Sequence[str] | None,
    codes: Sequence[str] | None,
    documents: Sequence[str] | None,
) -> Selection:
    if documents:
        docs = [find_document(s, name) for name in _dedupe(documents)]
        doc_refs = tuple(DocumentRef(d.id, d.name, d.length) for d in docs)
    else:
        rows = s.execute(
            select(Document.id, Document.name, Document.length)
            .order_by(Document.position, Document.id)
        ).all()
        doc_refs = tuple(DocumentRef(*r) for r in rows)
    doc_ids = [d.id for d in doc_refs]
    if coders:
        coder_refs = tuple(
            CoderRef(c.id, c.name) for c in (find_coder(s, n) for n in _dedupe(coders))
        )
    else:
        used = set(s.scalars(
            select(Coding.coder_id).where(Coding.document_id.in_(doc_ids)).distinct()))
        used |= set(s.scalars(select(REVIEWED.c.coder_id).where(
            REVIEWED.c.document_id.in_(doc_ids)).distinct()))
        rows = s.execute(select(Coder.id, Coder.name).order_by(Coder.id)).all()
        coder_refs = tuple(
            CoderRef(i, n) for i, n in rows if i in used and n != CONSENSUS_CODER
        )
    if len(coder_refs) < 2:
        found = ", ".join(c.name for c in coder_refs) or "none"
        raise InvalidInput(
            "agreement needs at least two coders with codings; found {count} ({found})",
            count=len(coder_refs), found=found,
        )
    paths = code_paths(s)
    if codes:
        code_refs = tuple(
            CodeRef(c.id, paths[c.id]) for c in (find_code(s, p) for p in _dedupe(codes))
        )
    else:
        used = set(s.scalars(
            select(Coding.code_id).where(
                Coding.document_id.in_(doc_ids),
                Coding.coder_id.in_([c.id for c in coder_refs]),
            ).distinct()
        ))
        code_refs = tuple(CodeRef(i, paths[i]) for i in _tree_order(s) if i in used)
    return Selection(coder_refs, code_refs, doc_refs)


def _id_list(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _load_codings(s: Session, sel: Selection) -> list[tuple[int, int, int, int, int]]:
    """Every coding of the chosen coders in the chosen documents, of any code.

    Plain SQL with the (integer) ids inlined, read without SQLAlchemy's row processing:
    100,000 codings load in a fraction of the time the typed query takes.
    """
    if not sel.documents or not sel.coders:
        return []
    sql = (
        'SELECT document_id, code_id, coder_id, start, "end" FROM coding '
        f"WHERE coder_id IN ({_id_list([c.id for c in sel.coders])}) "
        f"AND document_id IN ({_id_list([d.id for d in sel.documents])})"
    )
    # fetched in batches: one fetch of every row would hold the interpreter lock for the
    # whole read, and a window computing this in a thread would stop meanwhile
    return list(s.connection().execution_options(yield_per=BATCH).exec_driver_sql(sql))


def _rollup(s: Session, members: Sequence[int]) -> dict[int, int]:
    """Each code → its nearest ancestor-or-self among ``members`` (codes under none: absent)."""
    return Tree(s.execute(select(Code.id, Code.parent_id)).all()).rollup(members)


# ------------------------------------------------------------------ agreement


def project_agreement(
    project: Project,
    *,
    coders: Sequence[str] | None = None,
    codes: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    sets: Sequence[Sequence[str]] = (),
    threshold: float = DEFAULT_THRESHOLD,
    include_children: bool = True,
    unit: str = DEFAULT_UNIT,
    include_uncoded: bool = False,
    segment_rule: str = "pairs",
) -> ProjectAgreement:
    """Every agreement number of the chosen coders, codes and documents (see module doc).

    ``coders`` are names, ``codes`` and each set's members are code paths, ``documents``
    are names; ``None`` or empty means the defaults. ``include_children`` applies to
    sets only; ``unit`` is one of ``domain.agreement_units.UNITS``, ``segment_rule``
    one of ``domain.agreement.SEGMENT_RULES`` (``maxqda``: MAXQDA's definition). Raises
    ``InvalidInput`` with fewer than two coders or an unknown unit and ``NotFound`` for
    a name or path the project does not have.
    """
    check_unit(unit)
    with project.read() as s:
        sel = _select(s, coders, codes, documents)
        codings = _load_codings(s, sel)
        texts = _texts(s, sel) if unit != "characters" else None
        reviewed = reviewed_pairs(s, [d.id for d in sel.documents], [c.id for c in sel.coders])
        set_specs: list[tuple[tuple[CodeRef, ...], dict[int, int]]] = []
        paths = code_paths(s)
        for members in sets:
            names = _dedupe(members)
            if not names:
                raise InvalidInput("a code set needs at least one code")
            refs = tuple(CodeRef(c.id, paths[c.id]) for c in (find_code(s, p) for p in names))
            ids = [r.id for r in refs]
            mapping = _rollup(s, ids) if include_children else {i: i for i in ids}
            set_specs.append((refs, mapping))
    coder_ids = [c.id for c in sel.coders]
    present = {(doc, coder) for doc, _code, coder, start, end in codings if end > start}
    present |= reviewed
    if texts is None:
        lengths = {d.id: d.length for d in sel.documents}
    else:
        lengths, codings = in_units(texts, codings, unit)
    report, parts = compute_agreement_parts(
        lengths, codings, coder_ids, [c.id for c in sel.codes], threshold, present=present,
        include_uncoded=include_uncoded, segment_rule=segment_rule,
    )
    set_results = []
    domain_of: dict[int, int] = {}
    for index, (refs, mapping) in enumerate(set_specs):
        mapped = [
            (doc, mapping[code], coder, start, end)
            for doc, code, coder, start, end in codings if code in mapping
        ]
        result = set_alpha(
            lengths, mapped, coder_ids, [r.id for r in refs], present=present,
            none_value=NONE_VALUE,
        )
        family = unitizing_alpha(_value_units(lengths, mapped, coder_ids, present))
        set_results.append(CodeSetResult(refs, include_children, result, family))
        for code in mapping:
            domain_of.setdefault(code, index)
    across = None
    if len(set_specs) >= 2:
        by_domain = [(doc, domain_of[code], coder, start, end)
                     for doc, code, coder, start, end in codings if code in domain_of]
        across = unitizing_alpha(_value_units(lengths, by_domain, coder_ids, present))
    defaults = frozenset(k for k, v in (("coders", coders), ("codes", codes)) if not v)
    return ProjectAgreement(sel, threshold, report, tuple(set_results), unit, include_uncoded,
                            across, lengths, codings, frozenset(present), parts, defaults)


def update_project_agreement(
    project: Project, previous: ProjectAgreement, documents: Collection[int],
    codes: Collection[int],
) -> tuple[ProjectAgreement, frozenset[int]] | None:
    """``previous`` after codings of ``codes`` in ``documents`` changed, and the codes
    whose figures were computed again: only those (code, document) cells are — and every
    code of a document where a coder became present or missing. The same figures as
    ``project_agreement`` with the same choices, at the cost of the documents touched.

    None when an update cannot follow: code sets (α over a set spans its codes), or the
    defaults would now pick other coders or codes (a coder's first coding, a code used
    for the first time or no longer), or a document the report does not have. Compute
    the whole report then.
    """
    sel = previous.selection
    docs = {d for d in documents}
    if previous.sets or not previous.parts or not docs <= set(previous.lengths):
        return None
    touched_docs = tuple(d for d in sel.documents if d.id in docs)
    coder_ids = [c.id for c in sel.coders]
    with project.read() as s:
        if previous.defaults:
            again = _select(s, None if "coders" in previous.defaults else
                            [c.name for c in sel.coders],
                            None if "codes" in previous.defaults else
                            [c.path for c in sel.codes],
                            [d.name for d in sel.documents])
            if again.coders != sel.coders or again.codes != sel.codes:
                return None
        part = replace(sel, documents=touched_docs)
        codings = _load_codings(s, part)
        texts = _texts(s, part) if previous.unit != "characters" else None
        present = reviewed_pairs(s, sorted(docs), coder_ids)
    present |= {(doc, coder) for doc, _code, coder, start, end in codings if end > start}
    if texts is not None:
        _lengths, codings = in_units(texts, codings, previous.unit)
    wanted = {c.id for c in sel.codes} & set(codes)
    touched = {(code, doc) for doc in docs for code in wanted}
    for doc in docs:
        if {p for p in previous.present if p[0] == doc} != {p for p in present if p[0] == doc}:
            touched |= {(c.id, doc) for c in sel.codes}
    report, parts = update_agreement(previous.report, previous.parts, previous.lengths,
                                     codings, present, touched, previous.include_uncoded)
    kept = [c for c in previous.codings if c[0] not in docs]
    return replace(
        previous, report=report, parts=parts, codings=kept + list(codings),
        present=frozenset(p for p in previous.present if p[0] not in docs) | present,
    ), frozenset(c for c, _d in touched)


def _value_units(
    lengths: dict[int, int],
    codings: Sequence[tuple[int, int, int, int, int]],
    coders: Sequence[int],
    present: set[tuple[int, int]],
) -> list[tuple[int, list[list[tuple[int, int, int]] | None]]]:
    """Per document each present coder's units over mutually exclusive values.

    A unit is a maximal run of one value (``set_value_runs``); characters where a coder
    put two values of the set belong to no unit (a gap for that coder).
    """
    spans: dict[tuple[int, int], dict[int, list[tuple[int, int]]]] = defaultdict(
        lambda: defaultdict(list))
    for doc, value, coder, start, end in codings:
        spans[(doc, coder)][value].append((start, end))
    documents = []
    for doc, length in lengths.items():
        units: list[list[tuple[int, int, int]] | None] = []
        for coder in coders:
            if (doc, coder) not in present:
                units.append(None)
                continue
            runs, _overlap = set_value_runs(spans.get((doc, coder), {}))
            units.append([(a, b, v) for a, b, v in runs if v is not None])
        documents.append((length, units))
    return documents


def _texts(s: Session, sel: Selection) -> dict[int, str]:
    rows = s.execute(select(Document.id, Document.text).where(
        Document.id.in_([d.id for d in sel.documents]))).all()
    return {doc: text for doc, text in rows}


# ------------------------------------------------------------------ JSON


def _table(t: Table2x2 | None) -> dict | None:
    if t is None:
        return None
    return {"both": t.both, "only_a": t.only_a, "only_b": t.only_b, "neither": t.neither,
            "units": t.n}


def _unitizing(u: UnitizingAlpha | None, value_name: dict[Any, str]) -> dict | None:
    if u is None:
        return None
    return {
        "u_alpha": u.u_alpha, "binary_alpha": u.binary_alpha, "cu_alpha": u.cu_alpha,
        "pairable": u.pairable,
        "values": [{"value": value_name.get(v.value, v.value), "alpha": v.alpha,
                    "coverage": v.coverage} for v in u.values],
    }


def _alpha(a: AlphaResult, value_name: dict[Any, str] | None = None) -> dict:
    def name(v: Any) -> Any:
        return value_name.get(v, v) if value_name else v

    return {
        "krippendorff_alpha": a.alpha,
        "pairable_values": a.pairable_values,
        "observed_disagreement": a.observed_disagreement,
        "expected_disagreement": a.expected_disagreement,
        "coincidences": [
            {"value_a": name(c.value_a), "value_b": name(c.value_b), "count": c.count}
            for c in a.coincidences
        ],
    }


def _pair(p: PairResult, names: dict[int, str]) -> dict:
    compared = p.table is not None
    return {
        "coder_a": names[p.coder_a],
        "coder_b": names[p.coder_b],
        "compared": compared,
        "table": _table(p.table),
        "percent_agreement": p.percent_agreement,
        "cohen_kappa": p.cohen_kappa,
        "segment_agreement": p.segment_agreement,
        "segments": _segments(p.segments_matched, p.segments_unmatched_a,
                              p.segments_unmatched_b) if compared else None,
    }


def _segments(matched: int, unmatched_a: int, unmatched_b: int) -> dict:
    return {"matched": matched, "unmatched_a": unmatched_a, "unmatched_b": unmatched_b,
            "total": matched + unmatched_a + unmatched_b}


def _pair_summary(p: PairSummary, names: dict[int, str]) -> dict:
    return {
        "coder_a": names[p.coder_a],
        "coder_b": names[p.coder_b],
        "documents_compared": p.documents,
        "pooled_table": _table(p.pooled_table) if p.documents else None,
        "percent_agreement": p.percent_agreement if p.documents else None,
        "pooled_kappa": p.pooled_kappa,
        "weighted_kappa": p.weighted_kappa,
        "segment_agreement": p.segment_agreement,
        "segments": _segments(p.segments_matched, p.segments_unmatched_a,
                              p.segments_unmatched_b),
    }


def _cell(c: CellResult, doc: DocumentRef, names: dict[int, str]) -> dict:
    only = c.pairs[0] if len(c.pairs) == 1 else None
    return {
        "document": doc.name,
        "characters": doc.length,
        "units": c.length,
        "left_out": c.left_out,
        "coders_present": [names[i] for i in c.coders_present],
        "coders_missing": [names[i] for i in c.coders_missing],
        "percent_agreement": c.percent_agreement,
        "cohen_kappa": c.cohen_kappa,
        "krippendorff_alpha": c.krippendorff_alpha,
        "unitizing_alpha": c.unitizing_alpha,
        "segment_agreement": c.segment_agreement,
        "table": _table(c.table),
        "segments": (
            _segments(only.segments_matched, only.segments_unmatched_a,
                      only.segments_unmatched_b)
            if only is not None and only.table is not None else None
        ),
        "alpha": _alpha(c.alpha),
        "pairs": [_pair(p, names) for p in c.pairs],
    }


def _summary(sm: CodeSummary, names: dict[int, str]) -> dict:
    only = sm.pairs[0] if len(sm.pairs) == 1 else None
    return {
        "percent_agreement": sm.percent_agreement,
        "pooled_kappa": sm.pooled_kappa,
        "weighted_kappa": sm.weighted_kappa,
        "krippendorff_alpha": sm.krippendorff_alpha,
        "unitizing_alpha": sm.unitizing_alpha,
        "segment_agreement": sm.segment_agreement,
        "documents_compared": only.documents if only else None,
        "pooled_table": _table(sm.pooled_table),
        "segments": (
            _segments(only.segments_matched, only.segments_unmatched_a,
                      only.segments_unmatched_b) if only else None
        ),
        "alpha": _alpha(sm.alpha),
        "pairs": [_pair_summary(p, names) for p in sm.pairs],
    }


def code_json(result: ProjectAgreement, only: Collection[int] | None = None) -> list[dict]:
    """The JSON's ``codes`` entries, in report order: of the codes in ``only`` when
    given (what an update changed), else of every code."""
    names = {c.id: c.name for c in result.coders}
    docs = {d.id: d for d in result.documents}
    cells: dict[int, list[CellResult]] = defaultdict(list)
    for cell in result.report.cells:
        if only is None or cell.code_id in only:
            cells[cell.code_id].append(cell)
    codes = []
    for ref, sm in zip(result.codes, result.report.summaries, strict=True):
        if only is not None and ref.id not in only:
            continue
        entry = {"code": ref.path, **_summary(sm, names)}
        entry["documents"] = [_cell(c, docs[c.doc_id], names) for c in cells[ref.id]]
        codes.append(entry)
    return codes


def agreement_json(result: ProjectAgreement) -> dict:
    """Stable keys; ``null`` for every undefined (0/0) or not applicable value.

    ``unit`` and ``uncoded_documents`` say what every count and figure is of; a table's
    ``units`` and a document's ``units`` are in that unit, ``characters`` are always
    characters.

    With exactly two coders the pair's numbers are at the top of each code and cell;
    with more they are ``null`` there and each pair is under ``pairs`` (α is always over
    all present coders).
    """
    docs = {d.id: d for d in result.documents}
    codes = code_json(result)
    sets = []
    for st in result.sets:
        value_name = {r.id: r.path for r in st.codes}
        sets.append({
            "codes": [r.path for r in st.codes],
            "include_children": st.include_children,
            "none_value": NONE_VALUE,
            "overlap_units": st.result.overlap_units,
            **_alpha(st.result.alpha, value_name),
            "unitizing": _unitizing(st.unitizing, value_name),
            "documents": [
                {"document": docs[doc].name, **_alpha(a, value_name)}
                for doc, a in st.result.per_document
            ],
        })
    return {
        "unit": result.unit,
        "uncoded_documents": "included" if result.include_uncoded else "left_out",
        "segment_rule": result.report.segment_rule,
        "threshold": result.threshold,
        "coders": [c.name for c in result.coders],
        "documents": [{"name": d.name, "characters": d.length} for d in result.documents],
        "codes": codes,
        "sets": sets,
        "across_sets": _unitizing(result.across_sets, {
            i: " + ".join(r.path for r in st.codes) for i, st in enumerate(result.sets)}),
    }


# ------------------------------------------------------------------ segments


def segment_matches(
    project: Project, document_id: int, code_id: int, coder_a: int, coder_b: int,
    threshold: float = DEFAULT_THRESHOLD, rule: str = "pairs",
) -> SegmentAgreement:
    """Which segments of two coders match (and which do not) for one code in one document.

    In characters, whatever unit the figures were counted in: these are the passages a
    group walks through. ``rule`` as in ``project_agreement``'s ``segment_rule``.
    """
    with project.read() as s:
        rows = s.execute(
            select(Coding.coder_id, Coding.start, Coding.end).where(
                Coding.document_id == document_id, Coding.code_id == code_id,
                Coding.coder_id.in_([coder_a, coder_b]),
            )
        ).all()
    a = [(st, en) for c, st, en in rows if c == coder_a]
    b = [(st, en) for c, st, en in rows if c == coder_b]
    return segment_agreement(a, b, threshold, rule)


# ------------------------------------------------------------------ disagreements


@dataclass(frozen=True)
class Disagreement:
    """A maximal run of one document where the present coders differ on one code.

    ``coded_by`` coded every character of [start, end) with the code, ``not_coded_by``
    (present in the document) coded none of it; ``missing`` coded nothing in the
    document at all. ``coding_ids`` are the codings of ``coded_by`` that cover the run,
    in coder order — what "accept into consensus" takes.
    """

    document_id: int
    document: str
    code_id: int
    code_path: str
    start: int
    end: int
    text: str
    coded_by: tuple[str, ...]
    not_coded_by: tuple[str, ...]
    missing: tuple[str, ...]
    coding_ids: tuple[int, ...]

    def to_json(self) -> dict:
        return {
            "document": self.document, "code": self.code_path, "start": self.start,
            "end": self.end, "text": self.text, "coded_by": list(self.coded_by),
            "not_coded_by": list(self.not_coded_by), "missing": list(self.missing),
            "coding_ids": list(self.coding_ids),
        }


def _runs(rows: Sequence, present: Sequence[int]) -> list[tuple[int, int, frozenset, list]]:
    """Maximal runs where a non-empty, non-full subset of ``present`` coded the code.

    One sweep over the codings' boundaries keeps, per coder, the codings covering the
    current position, so each run comes out with the codings behind it. Overlapping or
    touching codings of one coder do not cut a run (the pattern does not change there).
    """
    rank = {c: i for i, c in enumerate(present)}
    events: list[tuple[int, int, int, int]] = []
    for r in rows:
        if r.coder_id in rank and r.end > r.start:
            events.append((r.start, 1, r.coder_id, r.id))
            events.append((r.end, -1, r.coder_id, r.id))
    events.sort()
    everyone = len(present)
    active: dict[int, dict[int, None]] = {}  # coder → ids of the codings covering here
    runs: list[list] = []
    previous = -1
    i, count = 0, len(events)
    while i < count:
        position = events[i][0]
        if active and position > previous and len(active) < everyone:
            pattern = frozenset(active)
            ids = [cid for covering in active.values() for cid in covering]
            last = runs[-1] if runs else None
            if last is not None and last[1] == previous and last[2] == pattern:
                last[1] = position
                last[3].update(dict.fromkeys(ids))
            else:
                runs.append([previous, position, pattern, dict.fromkeys(ids)])
        while i < count and events[i][0] == position:
            _pos, delta, coder, cid = events[i]
            if delta > 0:
                active.setdefault(coder, {})[cid] = None
            else:
                covering = active[coder]
                del covering[cid]
                if not covering:
                    del active[coder]
            i += 1
        previous = position
    return [(a, b, pattern, list(ids)) for a, b, pattern, ids in runs]


def disagreements(
    project: Project,
    *,
    coders: Sequence[str] | None = None,
    codes: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
) -> list[Disagreement]:
    """Every place where the chosen coders differ, by document, code and position.

    The same choice of coders, codes and documents as ``project_agreement``; documents
    where fewer than two chosen coders are present have nothing to compare.
    """
    with project.read() as s:
        sel = _select(s, coders, codes, documents)
        q = select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id,
                   Coding.start, Coding.end).where(
            Coding.coder_id.in_([c.id for c in sel.coders]),
            Coding.document_id.in_([d.id for d in sel.documents]),
        )
        # Core rows (no ORM loading per row), in batches (see ``_load_codings``)
        rows = list(s.connection().execute(q.execution_options(yield_per=BATCH)))
        present: set[tuple[int, int]] = {(r.document_id, r.coder_id) for r in rows
                                         if r.end > r.start}
        present |= reviewed_pairs(s, [d.id for d in sel.documents], [c.id for c in sel.coders])
        wanted = {c.id for c in sel.codes}
        grouped: dict[tuple[int, int], list] = defaultdict(list)
        for r in rows:
            if r.code_id in wanted:
                grouped[(r.document_id, r.code_id)].append(r)
        names = {c.id: c.name for c in sel.coders}
        order = [c.id for c in sel.coders]
        out: list[Disagreement] = []
        for doc in sel.documents:
            here = [c for c in order if (doc.id, c) in present]
            if len(here) < 2:
                continue
            missing = tuple(names[c] for c in order if c not in here)
            rank = {c: i for i, c in enumerate(here)}
            text: str | None = None
            for code in sel.codes:
                group = grouped.get((doc.id, code.id))
                if not group:
                    continue
                runs = _runs(group, here)
                if not runs:
                    continue
                if text is None:
                    text = s.scalar(select(Document.text).where(Document.id == doc.id))
                where = {r.id: (rank[r.coder_id], r.start, r.id) for r in group
                         if r.coder_id in rank}
                for start, end, pattern, ids in runs:
                    out.append(Disagreement(
                        doc.id, doc.name, code.id, code.path, start, end, text[start:end],
                        tuple(names[c] for c in here if c in pattern),
                        tuple(names[c] for c in here if c not in pattern),
                        missing,
                        tuple(sorted(ids, key=where.__getitem__)),
                    ))
        return out


# ------------------------------------------------------------------ consensus


def accept_into_consensus(
    project: Project, coding_id: int, start: int | None = None, end: int | None = None
) -> CodingInfo:
    """Code a coder's coding — or an adjusted span of it — for the consensus coder.

    The span may be widened or narrowed as the group decides (it must lie inside the
    document). The coding's memo comes along. One transaction: one undo step; undo it
    with ``coding.delete_codings([info.id])``. ``Conflict`` if the consensus coder has
    exactly that coding already.
    """
    with project.write() as s:
        source = s.get(Coding, coding_id)
        if source is None:
            raise NotFound("coding #{id} no longer exists", id=coding_id)
        coder = get_or_create_coder(s, CONSENSUS_CODER)
        return insert_coding(
            s, doc_row(s, source.document_id), code_row(s, source.code_id), coder.id,
            source.start if start is None else start,
            source.end if end is None else end,
            source.memo,
        )


def code_consensus(
    project: Project, document_id: int, code_id: int, start: int, end: int, memo: str = ""
) -> CodingInfo:
    """Code a span for the consensus coder directly (what ``annotator consensus`` does)."""
    with project.write() as s:
        coder = get_or_create_coder(s, CONSENSUS_CODER)
        return insert_coding(s, doc_row(s, document_id), code_row(s, code_id), coder.id,
                             start, end, memo)
