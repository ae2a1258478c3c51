"""What every agreement figure depends on, said where the figures are read.

A κ means little without its unit, the rule for missing coders and documents, what a
code stands for and how segments were compared. ``agreement_notes`` states those choices
for one report as sentences in the user's language; the workbook writes them on its
"Notes" sheet, the CLI prints them with ``--notes``, and the window shows the same list.
The sentences that also open a methods paragraph are shared with it.
"""

from annotator.messages import Msg, msg
from annotator.services.agreement import ProjectAgreement


def unit_sentence(unit: str) -> Msg:
    """What one unit is, for ``unit`` of ``domain.agreement_units.UNITS``."""
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


def choice_sentences(result: ProjectAgreement) -> list[Msg]:
    """The unit, the missing-coder rule and the uncoded-document rule of ``result``."""
    return [
        unit_sentence(result.unit),
        msg("A coder who coded nothing in a document was treated as missing there unless "
            "they had marked it as reviewed."),
        msg("Documents in which no coder used a code were counted for that code.")
        if result.include_uncoded else
        msg("Documents in which no coder used a code were left out of that code's figures."),
    ]


def agreement_notes(result: ProjectAgreement, one_document_bootstrap: bool = False) -> list[Msg]:
    """Every choice behind the figures of ``result``, one sentence each."""
    notes = choice_sentences(result)
    notes.append(msg("Every count is in the unit above; the column of characters counts the "
                     "document's characters."))
    notes.append(msg("A code's own figures count its own codings, not its child codes'."))
    if result.sets:
        notes.append(
            msg("In a code set, a code stands for itself and its child codes.")
            if any(st.include_children for st in result.sets) else
            msg("In a code set, each code counts its own codings only."))
        notes.append(msg("Where a coder put two codes of one set on the same unit, that unit "
                         "is missing for that coder in the set's α (and a gap in its "
                         "unitizing α)."))
    if len(result.coders) > 2:
        notes.append(msg("With more than two coders, α and unitizing α are over all coders "
                         "present in a document, not a pair's; κ, percent and segment "
                         "agreement are per pair."))
    if result.report.segment_rule == "maxqda":
        notes.append(msg("Segments (MAXQDA's rule): every coding is a segment; a segment "
                         "agrees when the other coder has a segment of the code with "
                         "overlap / union ≥ {threshold}; each coder's segments are counted, "
                         "so an agreeing pair counts twice.", threshold=result.threshold))
    else:
        notes.append(msg("Segments: a coder's touching or overlapping codings of one code "
                         "form one segment; two segments match when overlap / union ≥ "
                         "{threshold}; the matching is one-to-one and as large as possible; a "
                         "matched pair counts once.", threshold=result.threshold))
    notes.append(msg("Unitizing α (Krippendorff 2019) takes each coder's run of a code as one "
                     "unit that cannot agree with itself by chance; character α takes every "
                     "unit alone. For one code, uα equals |uα (ATLAS.ti's α binary)."))
    if one_document_bootstrap:
        notes.append(msg("With one document, intervals resample the passages between the "
                         "coders' boundaries within it, not documents."))
    notes.append(msg("Undefined values (0/0) are shown as undefined, never as 0 or 1."))
    return notes
