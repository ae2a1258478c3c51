"""The wider agreement family, intervals and a methods paragraph for a project's report.

``project_agreement`` computes κ, α and segment agreement; this module adds, per code,
what a methods section cites beyond them — Fleiss' κ, Gwet's AC1, Brennan–Prediger's κ
(MAXQDA's κ; PABAK for one code) and, on request, bootstrap intervals over documents
with Krippendorff's q for a chosen α_min — from the same counts, without reading the
project again. ``methods_paragraph`` states coders, units, measures and values with
their intervals in the user's language, ready to paste into a paper.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass

from annotator.domain.agreement import CellResult, Coincidences
from annotator.domain.agreement_bootstrap import (
    DEFAULT_LEVEL,
    BootstrapInterval,
    alpha_interval,
    kappa_interval,
)
from annotator.domain.agreement_family import (
    ChanceCorrected,
    coincidence_family,
    two_coder_family,
)
from annotator.messages import Msg, msg
from annotator.services.agreement import CodeRef, ProjectAgreement


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


def code_measures(
    result: ProjectAgreement,
    *,
    resamples: int = 0,
    level: float = DEFAULT_LEVEL,
    alpha_min: float | None = None,
) -> tuple[CodeMeasures, ...]:
    """Per code: the family over all documents; intervals when ``resamples`` > 0.

    Values are "coded" (1) and "not coded" (0), so q = 2 for Brennan–Prediger and AC1.
    With two coders the family comes from the pooled 2×2 table (Cohen's κ included);
    with more, from the documents' coincidences (Fleiss' κ in ``scott_pi``).
    """
    by_code: dict[object, list[CellResult]] = defaultdict(list)
    for cell in result.report.cells:
        by_code[cell.code_id].append(cell)
    two = len(result.coders) == 2
    measures = []
    for ref, summary in zip(result.codes, result.report.summaries, strict=True):
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
            if two:
                k_interval = kappa_interval([c.table for c in cells], **options)
            a_interval = alpha_interval([o for _m, o in matrices], minimum=alpha_min, **options)
        measures.append(CodeMeasures(ref, family, k_interval, a_interval))
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


def _unit_sentence(unit: str) -> Msg:
    if unit == "characters":
        return msg("The unit of analysis was the character, whitespace and line breaks "
                   "included: for each code, a character was coded or not coded by each "
                   "coder.")
    if unit == "non_whitespace":
        return msg("The unit of analysis was the character, whitespace and line breaks "
                   "excluded: for each code, a character was coded or not coded by each "
                   "coder.")
    if unit == "sentences":
        return msg("The unit of analysis was the sentence: for each code, a sentence was "
                   "coded by a coder when their coding covered any of it.")
    return msg("The unit of analysis was the paragraph: for each code, a paragraph was "
               "coded by a coder when their coding covered any of it.")


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
        _unit_sentence(result.unit),
        msg("A coder who coded nothing in a document was treated as missing there unless "
            "they had marked it as reviewed."),
        msg("Documents in which no coder used a code were counted for that code.")
        if result.include_uncoded else
        msg("Documents in which no coder used a code were left out of that code's figures."),
        msg("Per code we report Cohen's κ of the table pooled over documents, "
            "Krippendorff's α (nominal), Gwet's AC1 and Brennan–Prediger's κ (PABAK).")
        if two else
        msg("Per code we report Krippendorff's α (nominal), Fleiss' κ, Gwet's AC1 and "
            "Brennan–Prediger's κ."),
    ]
    if resamples:
        sentences.append(msg(
            "Intervals are {level} % percentile intervals from {resamples} bootstrap "
            "resamples of documents.", level=round(level * 100), resamples=resamples))
    for m, summary in zip(measures, result.report.summaries, strict=True):
        alpha = _with_interval(summary.krippendorff_alpha, m.alpha_interval)
        if two:
            sentences.append(msg(
                "{code}: κ = {kappa}, α = {alpha}, AC1 = {ac1}, Brennan–Prediger = {bp}.",
                code=m.code.path, kappa=_with_interval(summary.pooled_kappa, m.kappa_interval),
                alpha=alpha, ac1=_n(m.family.gwet_ac1), bp=_n(m.family.brennan_prediger)))
        else:
            sentences.append(msg(
                "{code}: α = {alpha}, Fleiss' κ = {fleiss}, AC1 = {ac1}, "
                "Brennan–Prediger = {bp}.",
                code=m.code.path, alpha=alpha, fleiss=_n(m.family.scott_pi),
                ac1=_n(m.family.gwet_ac1), bp=_n(m.family.brennan_prediger)))
        interval = m.alpha_interval
        if alpha_min is not None and interval is not None and interval.below_minimum is not None:
            sentences.append(msg(
                "The probability that α of {code} falls below {minimum} is q = {q}.",
                code=m.code.path, minimum=_n(alpha_min), q=f"{interval.below_minimum:.3f}"))
    return sentences
