"""The wider agreement family, intervals and a methods paragraph for a project's report.

``project_agreement`` computes κ, α and segment agreement; this module adds, per code,
what a methods section cites beyond them — Fleiss' κ, Gwet's AC1, Brennan–Prediger's κ
(MAXQDA's κ; PABAK for one code) and, on request, bootstrap intervals over documents
with Krippendorff's q for a chosen α_min — from the same counts, without reading the
project again. ``methods_paragraph`` states coders, units, measures and values with
their intervals in the user's language, ready to paste into a paper.
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import asdict, dataclass, replace

from annotator.domain.agreement import CellResult, Coincidences
from annotator.domain.agreement_bootstrap import (
    DEFAULT_LEVEL,
    BootstrapInterval,
    alpha_interval,
    kappa_interval,
    run_coincidences,
    run_tables,
)
from annotator.domain.agreement_family import (
    ChanceCorrected,
    coincidence_family,
    two_coder_family,
)
from annotator.messages import Msg, msg
from annotator.services.agreement import CodeRef, ProjectAgreement
from annotator.services.agreement_notes import choice_sentences
from annotator.services.progress import CancelFn, ProgressFn, step


@dataclass(frozen=True)
class CodeMeasures:
    """One code's chance-corrected family and (when asked for) its intervals."""

    code: CodeRef
    family: ChanceCorrected
    kappa_interval: BootstrapInterval | None
    alpha_interval: BootstrapInterval | None


def _document_matrices(cells: list[CellResult]) -> list[tuple[int, Coincidences]]:
    return [
        (len(c.coders_present),
         Coincidences({(x.value_a, x.value_b): x.count for x in c.alpha.coincidences}))
        for c in cells
        if len(c.coders_present) >= 2
    ]


def _single_document(result: ProjectAgreement, cells: list[CellResult]
                     ) -> tuple[int, list] | None:
    """(length, unions) of the only document compared for a code, if just one is."""
    compared = [c for c in cells if len(c.coders_present) >= 2 and not c.left_out]
    if len(compared) != 1 or not result.lengths:
        return None
    cell = compared[0]
    return result.lengths[cell.doc_id], result.unions(cell.doc_id, cell.code_id)


def one_document_interval(result: ProjectAgreement) -> bool:
    """Whether some code's intervals come from runs of one document, not documents."""
    by_code: dict[object, list[CellResult]] = defaultdict(list)
    for cell in result.report.cells:
        by_code[cell.code_id].append(cell)
    return any(_single_document(result, cells) is not None for cells in by_code.values())


def code_measures(
    result: ProjectAgreement,
    *,
    resamples: int = 0,
    level: float = DEFAULT_LEVEL,
    alpha_min: float | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    only: Collection[int] | None = None,
) -> tuple[CodeMeasures, ...]:
    """Per code: the family over all documents; intervals when ``resamples`` > 0.
    ``only``: the ids of the codes to measure (those an update changed), else every code.

    Values are "coded" (1) and "not coded" (0), so q = 2 for Brennan–Prediger and AC1.
    With two coders the family comes from the pooled 2×2 table (Cohen's κ included);
    with more, from the documents' coincidences (Fleiss' κ in ``scott_pi``).

    The bootstrap takes seconds at workshop size, so the window runs this in a worker:
    ``progress(done, total)`` is called per code and ``cancel()`` returning true stops
    it with ``services.progress.Cancelled`` (nothing is written either way).
    """
    by_code: dict[object, list[CellResult]] = defaultdict(list)
    for cell in result.report.cells:
        if only is None or cell.code_id in only:
            by_code[cell.code_id].append(cell)
    two = len(result.coders) == 2
    measures = []
    chosen = [(ref, summary) for ref, summary in zip(result.codes, result.report.summaries,
                                                     strict=True)
              if only is None or ref.id in only]
    total = len(chosen)
    for done, (ref, summary) in enumerate(chosen):
        step(done, total, progress, cancel)
        cells = by_code[ref.id]
        matrices = _document_matrices(cells)
        if two:
            t = summary.pooled_table
            confusion = {} if t is None else {
                (1, 1): t.both, (1, 0): t.only_a, (0, 1): t.only_b, (0, 0): t.neither,
            }
            family = two_coder_family(confusion, categories=[0, 1])
        else:
            family = coincidence_family(((m, o.cells) for m, o in matrices), categories=[0, 1])
        k_interval = a_interval = None
        if resamples > 0:
            options = {"resamples": resamples, "level": level}
            tables = [c.table for c in cells if c.table is not None]
            alpha_parts = [o for _m, o in matrices]
            within = _single_document(result, cells)
            if within is not None:  # one document: resample its runs instead
                length, unions = within
                tables = run_tables(length, *unions) if two else []
                alpha_parts = run_coincidences(length, unions)
            if two:
                k_interval = kappa_interval(tables, **options)
            a_interval = alpha_interval(alpha_parts, minimum=alpha_min, **options)
            if within is not None:
                k_interval = k_interval and replace(k_interval, resampled="runs")
                a_interval = replace(a_interval, resampled="runs")
        measures.append(CodeMeasures(ref, family, k_interval, a_interval))
    step(total, total, progress, cancel)
    return tuple(measures)


def measures_json(measures: tuple[CodeMeasures, ...]) -> list[dict]:
    """Stable keys, ``null`` for undefined values, one entry per code in report order."""
    return [
        {
            "code": m.code.path,
            **asdict(m.family),
            "kappa_interval": None if m.kappa_interval is None else asdict(m.kappa_interval),
            "alpha_interval": None if m.alpha_interval is None else asdict(m.alpha_interval),
        }
        for m in measures
    ]


def _n(value: float | None) -> str:
    """APA style: no leading zero for coefficients bounded by 1; "undefined" as a dash."""
    if value is None:
        return "—"
    text = f"{value:.2f}"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _with_interval(value: float | None, interval: BootstrapInterval | None) -> str:
    if interval is None or interval.low is None or interval.high is None:
        return _n(value)
    return f"{_n(value)} [{_n(interval.low)}, {_n(interval.high)}]"


def _runs_resampled(m: CodeMeasures) -> bool:
    return any(i is not None and i.resampled == "runs"
               for i in (m.kappa_interval, m.alpha_interval))


def methods_paragraph(
    result: ProjectAgreement, measures: tuple[CodeMeasures, ...], resamples: int = 0,
    level: float = DEFAULT_LEVEL, alpha_min: float | None = None,
) -> list[Msg]:
    """Sentences for a methods section (render each with ``str`` in the user's language)."""
    coders = ", ".join(c.name for c in result.coders)
    characters = sum(d.length for d in result.documents)
    two = len(result.coders) == 2
    sentences = [
        msg("Intercoder agreement was assessed for {count} coders ({coders}) on {documents} "
            "documents ({characters} characters) and {codes} codes.",
            count=len(result.coders), coders=coders, documents=len(result.documents),
            characters=characters, codes=len(result.codes)),
        *choice_sentences(result),
        msg("Per code we report Cohen's κ of the table pooled over documents, "
            "Krippendorff's α (nominal), Krippendorff's unitizing α (uα), Gwet's AC1 and "
            "Brennan–Prediger's κ (PABAK).")
        if two else
        msg("Per code we report Krippendorff's α (nominal), Krippendorff's unitizing α (uα), "
            "Fleiss' κ, Gwet's AC1 and Brennan–Prediger's κ."),
    ]
    if resamples:
        sentences.append(msg(
            "Intervals are {level} % percentile intervals from {resamples} bootstrap "
            "resamples of documents.", level=round(level * 100), resamples=resamples)
            if not any(_runs_resampled(m) for m in measures) else
            msg("Intervals are {level} % percentile intervals from {resamples} bootstrap "
                "resamples; where only one document was compared, of the stretches between "
                "the coders' boundaries within it.", level=round(level * 100),
                resamples=resamples))
    for m, summary in zip(measures, result.report.summaries, strict=True):
        alpha = _with_interval(summary.krippendorff_alpha, m.alpha_interval)
        if two:
            sentences.append(msg(
                "{code}: κ = {kappa}, α = {alpha}, uα = {u_alpha}, AC1 = {ac1}, "
                "Brennan–Prediger = {bp}.",
                code=m.code.path, kappa=_with_interval(summary.pooled_kappa, m.kappa_interval),
                alpha=alpha, u_alpha=_n(summary.unitizing_alpha), ac1=_n(m.family.gwet_ac1),
                bp=_n(m.family.brennan_prediger)))
        else:
            sentences.append(msg(
                "{code}: α = {alpha}, uα = {u_alpha}, Fleiss' κ = {fleiss}, AC1 = {ac1}, "
                "Brennan–Prediger = {bp}.",
                code=m.code.path, alpha=alpha, u_alpha=_n(summary.unitizing_alpha),
                fleiss=_n(m.family.scott_pi), ac1=_n(m.family.gwet_ac1),
                bp=_n(m.family.brennan_prediger)))
        interval = m.alpha_interval
        if alpha_min is not None and interval is not None and interval.below_minimum is not None:
            sentences.append(msg(
                "The probability that α of {code} falls below {minimum} is q = {q}.",
                code=m.code.path, minimum=_n(alpha_min), q=f"{interval.below_minimum:.3f}"))
    return sentences
