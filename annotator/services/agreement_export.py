"""The agreement workbook: the numbers with the counts behind them, and the disagreements.

Sheets:

* **Agreement** — one row per code × document × pair of coders (one pair with two
  coders): characters, coders present and missing, the 2×2 character table (both /
  only A / only B / neither), percent agreement, Cohen's κ, Krippendorff's α (over all
  present coders), segments matched / unmatched and segment agreement. After each
  code's documents, a summary row per pair ("all documents") with the pooled table,
  pooled κ, length-weighted κ and the pooled α, so every number can be re-computed by
  hand from the row it stands in.
* **Code sets α** — when sets were asked for: α per document and pooled.
* **Agreement family** — when given: per code over all documents, percent agreement,
  Cohen's κ (two coders), Scott's π (two) or Fleiss' κ (more), Gwet's AC1,
  Brennan–Prediger's κ, bootstrap intervals and q for α_min; the methods paragraph last.
* **Disagreements** — document, code, start, end, text, who coded it, who did not.
* **Notes** — when given: every choice the figures depend on (unit, missing coders,
  uncoded documents, what a code stands for, the segment rule), one sentence a row.

Counts are in the report's unit, named in the count column's header ("Units
(characters without whitespace)"); the Characters column is the document's characters.

An undefined value (0/0) is an empty, grey cell and the row's note says "undefined
(0/0)" / "无法计算" — never 0 or 1, which a reader would take for a result. A value that
does not apply (a coder missing in the document) is an empty cell and the note names the
missing coder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not at start-up
    from openpyxl import Workbook

from annotator.domain.agreement import AlphaResult, Table2x2, paused_gc
from annotator.domain.agreement_unitizing import UnitizingAlpha
from annotator.i18n import default_language
from annotator.io.workbook import (
    Column,
    SheetWriter,
    check_target,
    excel_safe,
    new_workbook,
    save_workbook,
)
from annotator.services.agreement import NONE_VALUE, Disagreement, ProjectAgreement
from annotator.services.agreement_measures import CodeMeasures

UNDEFINED_FILL = "#E7E6E6"
RATIO = "0.000"
PERCENT = "0.0%"

LABELS = {
    "zh": {
        "agreement": "编码员间一致性", "sets": "代码集合 α", "disagreements": "分歧",
        "code": "代码", "document": "文档", "coder_a": "编码员 A", "coder_b": "编码员 B",
        "characters": "字符数", "present": "参与比较的编码员",
        "missing": "缺失的编码员（该文档未编码）", "both": "双方均编码",
        "only_a": "仅 A 编码", "only_b": "仅 B 编码", "neither": "双方均未编码",
        "percent": "百分比一致性", "kappa": "Cohen's κ 系数",
        "alpha": "Krippendorff's α 系数", "seg_matched": "匹配片段",
        "seg_unmatched_a": "未匹配片段（A）", "seg_unmatched_b": "未匹配片段（B）",
        "seg_agreement": "片段层面一致性（重叠阈值 {t}）", "pooled": "合并 κ",
        "weighted": "加权 κ", "note": "注意", "all_documents": "（全部文档）",
        "undefined": "无法计算", "undefined_note": "{what}：无法计算（0/0）",
        "missing_note": "{names} 未在该文档中编码（缺失），不参与比较",
        "no_pair_note": "没有两位编码员同时编码的文档",
        "set": "代码集合", "pairable": "可配对值", "d_o": "观测不一致 D_o",
        "d_e": "期望不一致 D_e", "overlap_units": "同时编码两个集合代码的字符单元",
        "children": "含子代码", "yes": "是", "no": "否",
        "start": "起始", "end": "结束", "length": "字符数", "text": "文本",
        "coded_by": "已编码的编码员", "not_coded_by": "未编码的编码员",
        "control": "{n} 个 Excel 不接受的控制字符以 ␀ 类符号显示",
        "truncated": "文本超过 Excel 单元格上限，只显示前 {n} 个字符（共 {total} 个）",
        "measures": "一致性系数族", "units": "可配对单位（{unit}）", "scott": "Scott's π",
        "fleiss": "Fleiss' κ", "ac1": "Gwet's AC1", "bp": "Brennan–Prediger κ（PABAK）",
        "low": "{what} 下限", "high": "{what} 上限", "alpha_min": "α_min",
        "q": "q（α < α_min 的概率）", "methods": "方法说明",
        "unit_count": "单位数（{unit}）", "u_alpha": "单元化 uα（α binary）",
        "set_u": "单元化 uα", "set_binary": "|uα（α binary）", "set_cu": "cuα",
        "notes": "说明", "left_out_note": "没有编码员在该文档中使用此代码：不计入",
        "characters_unit": "字符（含空白）", "non_whitespace_unit": "字符（不含空白）",
        "sentences_unit": "句子", "paragraphs_unit": "段落",
    },
    "en": {
        "agreement": "Agreement", "sets": "Code sets alpha", "disagreements": "Disagreements",
        "code": "Code", "document": "Document", "coder_a": "Coder A", "coder_b": "Coder B",
        "characters": "Characters", "present": "Coders present",
        "missing": "Coders missing (coded nothing here)", "both": "Both coded",
        "only_a": "Only A", "only_b": "Only B", "neither": "Neither",
        "percent": "Percent agreement", "kappa": "Cohen's κ",
        "alpha": "Krippendorff's α", "seg_matched": "Segments matched",
        "seg_unmatched_a": "Unmatched (A)", "seg_unmatched_b": "Unmatched (B)",
        "seg_agreement": "Segment agreement (overlap ≥ {t})", "pooled": "Pooled κ",
        "weighted": "Weighted κ", "note": "Note", "all_documents": "(all documents)",
        "undefined": "undefined (0/0)", "undefined_note": "{what}: undefined (0/0)",
        "missing_note": "{names} coded nothing in this document (missing): not compared",
        "no_pair_note": "no document coded by both coders",
        "set": "Code set", "pairable": "Pairable values", "d_o": "Observed disagreement D_o",
        "d_e": "Expected disagreement D_e", "overlap_units": "Units with two codes of the set",
        "children": "With child codes", "yes": "yes", "no": "no",
        "start": "Start", "end": "End", "length": "Characters", "text": "Text",
        "coded_by": "Coded by", "not_coded_by": "Not coded by",
        "control": "{n} control characters Excel refuses are shown as ␀-style symbols",
        "truncated": "text over Excel's cell limit: first {n} of {total} characters shown",
        "measures": "Agreement family", "units": "Pairable units ({unit})",
        "scott": "Scott's π", "fleiss": "Fleiss' κ", "ac1": "Gwet's AC1",
        "bp": "Brennan–Prediger κ (PABAK)", "low": "{what} lower", "high": "{what} upper",
        "alpha_min": "α_min", "q": "q (probability α < α_min)", "methods": "Methods",
        "unit_count": "Units ({unit})", "u_alpha": "Unitizing uα (α binary)",
        "set_u": "Unitizing uα", "set_binary": "|uα (α binary)", "set_cu": "cuα",
        "notes": "Notes", "left_out_note": "nobody used the code in this document: left out",
        "characters_unit": "characters, whitespace included",
        "non_whitespace_unit": "characters without whitespace",
        "sentences_unit": "sentences", "paragraphs_unit": "paragraphs",
    },
}


class _Rows:
    """Builds one row: values, and the notes that explain the empty cells."""

    def __init__(self, sheet: SheetWriter, labels: dict[str, str]) -> None:
        self.sheet = sheet
        self.L = labels
        self.notes: list[str] = []
        self.undefined: list[str] = []
        # One styled cell per column and style, given each row's value: openpyxl's
        # write-only sheet writes a row as it is appended (and reuses its own cells the
        # same way), so making and styling a new cell per number is wasted work.
        self._cells: dict[tuple[str, str], Any] = {}

    def text(self, value: str) -> str | None:
        """Text made safe for a cell; ``None`` for an empty one: an empty string would still
        be written as a cell, and most rows have no missing coder and no note."""
        if not value:
            return None
        text, fix = excel_safe(value)
        if fix is not None:
            self.notes.append(fix.describe(self.L))
        return text

    def number(self, value: float | None, fmt: str, name: str, applies: bool = True) -> Any:
        """A statistic: the number, or (undefined) an empty grey cell and a note."""
        if value is not None:
            return self._styled(name, value, fmt=fmt)
        if not applies:
            return None
        self.undefined.append(name)
        return self._styled(name, None, fill=UNDEFINED_FILL)

    def _styled(self, name: str, value: Any, fmt: str | None = None,
                fill: str | None = None) -> Any:
        key = (name, fmt or fill or "")
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = self.sheet.styled(value, fmt=fmt, fill=fill)
            cell.__class__ = _quiet_cell()
        else:
            cell.value = value
        return cell

    def note(self) -> str | None:
        """The row's note; ``None`` (no cell at all, not an empty one) when there is none."""
        if not self.notes and not self.undefined:
            return None
        notes = list(self.notes)
        if self.undefined:
            notes.insert(0, self.L["undefined_note"].format(what=", ".join(self.undefined)))
        self.notes, self.undefined = [], []
        return "; ".join(notes)


_QUIET: list[type] = []


def _quiet_cell() -> type:
    """openpyxl's Cell, with a repr that costs nothing.

    A write-only sheet first tries every appended value as a cell's value; for a styled
    cell that fails with a ValueError whose message holds the cell's repr (its sheet's
    title and coordinate): about 8 µs each, a tenth of the workbook for the half million
    statistics cells of a large workshop. Same slots, so a cell can take this class."""
    if not _QUIET:
        from openpyxl.cell.cell import Cell

        class QuietCell(Cell):
            __slots__ = ()

            def __repr__(self) -> str:
                return "<statistic cell>"

        _QUIET.append(QuietCell)
    return _QUIET[0]


def _table_cells(t: Table2x2 | None) -> tuple:
    if t is None:
        return (None, None, None, None)
    return (t.both, t.only_a, t.only_b, t.neither)


def unit_count_header(result: ProjectAgreement, L: dict[str, str], key: str = "unit_count"
                      ) -> str:
    """A count column's header naming the unit, e.g. "Units (sentences)"."""
    return L[key].format(unit=L[f"{result.unit}_unit"])


def _agreement_sheet(wb, result: ProjectAgreement, L: dict[str, str]) -> None:
    sheet = SheetWriter(wb, L["agreement"], [
        Column(L["code"], 28), Column(L["document"], 24), Column(L["coder_a"], 12),
        Column(L["coder_b"], 12), Column(L["characters"], 11),
        Column(unit_count_header(result, L), 14), Column(L["present"], 18),
        Column(L["missing"], 18), Column(L["both"], 10), Column(L["only_a"], 10),
        Column(L["only_b"], 10), Column(L["neither"], 11), Column(L["percent"], 11),
        Column(L["kappa"], 10), Column(L["alpha"], 12), Column(L["u_alpha"], 12),
        Column(L["seg_matched"], 10),
        Column(L["seg_unmatched_a"], 10), Column(L["seg_unmatched_b"], 10),
        Column(L["seg_agreement"].format(t=result.threshold), 14), Column(L["pooled"], 10),
        Column(L["weighted"], 10), Column(L["note"], 40, wrap=True),
    ])
    names = {c.id: c.name for c in result.coders}
    docs = {d.id: d for d in result.documents}
    row = _Rows(sheet, L)
    cells_by_code: dict[Any, list] = {}
    for cell in result.report.cells:
        cells_by_code.setdefault(cell.code_id, []).append(cell)
    for ref, summary in zip(result.codes, result.report.summaries, strict=True):
        code = row.text(ref.path)
        for cell in cells_by_code.get(ref.id, []):
            doc = row.text(docs[cell.doc_id].name)
            present = ", ".join(names[c] for c in cell.coders_present) or None
            missing = ", ".join(names[c] for c in cell.coders_missing) or None
            alpha_applies = len(cell.coders_present) >= 2 and not cell.left_out
            for pair in cell.pairs:
                compared = pair.table is not None
                if cell.left_out:
                    row.notes.append(L["left_out_note"])
                elif not compared:
                    absent = [names[c] for c in (pair.coder_a, pair.coder_b)
                              if c in cell.coders_missing]
                    row.notes.append(L["missing_note"].format(names=", ".join(absent)))
                segs = (
                    (pair.segments_matched, pair.segments_unmatched_a,
                     pair.segments_unmatched_b) if compared else (None, None, None)
                )
                values = (
                    code, doc, names[pair.coder_a], names[pair.coder_b],
                    docs[cell.doc_id].length, cell.length,
                    present, missing, *_table_cells(pair.table),
                    row.number(pair.percent_agreement, PERCENT, L["percent"], compared),
                    row.number(pair.cohen_kappa, RATIO, L["kappa"], compared),
                    row.number(cell.krippendorff_alpha, RATIO, L["alpha"], alpha_applies),
                    row.number(cell.unitizing_alpha, RATIO, L["u_alpha"], alpha_applies),
                    *segs,
                    row.number(pair.segment_agreement, PERCENT, L["seg_agreement"].format(
                        t=result.threshold), compared),
                    None, None,
                )
                sheet.append((*values, row.note()))
        for pair in summary.pairs:
            compared = pair.documents > 0
            if not compared:
                row.notes.append(L["no_pair_note"])
            pairable = summary.alpha.pairable_values > 0
            values = (
                code, L["all_documents"], names[pair.coder_a], names[pair.coder_b],
                None, pair.pooled_table.n if compared else None, None, None,
                *_table_cells(pair.pooled_table if compared else None),
                row.number(pair.percent_agreement if compared else None, PERCENT,
                           L["percent"], compared),
                None,
                row.number(summary.krippendorff_alpha, RATIO, L["alpha"], pairable),
                row.number(summary.unitizing_alpha, RATIO, L["u_alpha"], pairable),
                pair.segments_matched, pair.segments_unmatched_a, pair.segments_unmatched_b,
                row.number(pair.segment_agreement, PERCENT,
                           L["seg_agreement"].format(t=result.threshold), compared),
                row.number(pair.pooled_kappa, RATIO, L["pooled"], compared),
                row.number(pair.weighted_kappa, RATIO, L["weighted"], compared),
            )
            sheet.append((*values, row.note()))
    sheet.finish()


def _sets_sheet(wb, result: ProjectAgreement, L: dict[str, str]) -> None:
    sheet = SheetWriter(wb, L["sets"], [
        Column(L["set"], 36), Column(L["children"], 9), Column(L["document"], 24),
        Column(L["alpha"], 12), Column(L["pairable"], 12), Column(L["d_o"], 12),
        Column(L["d_e"], 12), Column(L["overlap_units"], 14), Column(L["set_u"], 12),
        Column(L["set_binary"], 12), Column(L["set_cu"], 12), Column(L["note"], 30, wrap=True),
    ])
    docs = {d.id: d for d in result.documents}
    row = _Rows(sheet, L)

    def line(label: str, children: str, doc: str, a: AlphaResult, overlap: Any,
             u: UnitizingAlpha | None = None) -> None:
        applies = a.pairable_values > 0
        family = () if u is None else (
            row.number(u.u_alpha, RATIO, L["set_u"], applies),
            row.number(u.binary_alpha, RATIO, L["set_binary"], applies),
            row.number(u.cu_alpha, RATIO, L["set_cu"], applies),
        )
        values = (
            label, children, doc, row.number(a.alpha, RATIO, L["alpha"], applies),
            a.pairable_values, a.observed_disagreement, a.expected_disagreement, overlap,
            *(family or (None, None, None)),
        )
        sheet.append((*values, row.note()))

    for st in result.sets:
        label = row.text("; ".join([r.path for r in st.codes] + [f"({NONE_VALUE})"]))
        children = L["yes"] if st.include_children else L["no"]
        for doc_id, a in st.result.per_document:
            line(label, children, row.text(docs[doc_id].name), a, None)
        line(label, children, L["all_documents"], st.result.alpha, st.result.overlap_units,
             st.unitizing)
    sheet.finish()


def _measures_sheet(wb, result: ProjectAgreement, measures: Sequence[CodeMeasures],
                    methods: str | None, L: dict[str, str]) -> None:
    """Per code the chance-corrected family and its intervals; the methods paragraph last."""
    two = len(result.coders) == 2
    chance = L["scott"] if two else L["fleiss"]
    kappa, alpha = L["kappa"], L["alpha"]
    sheet = SheetWriter(wb, L["measures"], [
        Column(L["code"], 28), Column(unit_count_header(result, L, "units"), 12),
        Column(L["percent"], 12),
        Column(kappa, 12), Column(chance, 12), Column(L["ac1"], 12), Column(L["bp"], 14),
        Column(L["low"].format(what=kappa), 12), Column(L["high"].format(what=kappa), 12),
        Column(alpha, 12), Column(L["low"].format(what=alpha), 12),
        Column(L["high"].format(what=alpha), 12), Column(L["alpha_min"], 9),
        Column(L["q"], 12), Column(L["note"], 30, wrap=True),
    ])
    row = _Rows(sheet, L)
    for m, summary in zip(measures, result.report.summaries, strict=True):
        f, ki, ai = m.family, m.kappa_interval, m.alpha_interval
        values = (
            row.text(m.code.path), f.units, row.number(f.percent_agreement, PERCENT, L["percent"]),
            row.number(f.cohen_kappa, RATIO, kappa, two),
            row.number(f.scott_pi, RATIO, chance), row.number(f.gwet_ac1, RATIO, L["ac1"]),
            row.number(f.brennan_prediger, RATIO, L["bp"]),
            None if ki is None else ki.low, None if ki is None else ki.high,
            row.number(summary.krippendorff_alpha, RATIO, alpha),
            None if ai is None else ai.low, None if ai is None else ai.high,
            None if ai is None else ai.minimum, None if ai is None else ai.below_minimum,
        )
        sheet.append((*values, row.note()))
    if methods:
        sheet.append((L["methods"], row.text(methods)))
    sheet.finish()


def _notes_sheet(wb, notes: Sequence[str], L: dict[str, str]) -> None:
    sheet = SheetWriter(wb, L["notes"], [Column(L["notes"], 120, wrap=True)])
    for note in notes:
        sheet.append((excel_safe(note)[0],))
    sheet.finish()


def _disagreement_sheet(wb, items: Sequence[Disagreement], L: dict[str, str]) -> None:
    sheet = SheetWriter(wb, L["disagreements"], [
        Column(L["document"], 24), Column(L["code"], 28), Column(L["start"], 9),
        Column(L["end"], 9), Column(L["length"], 9), Column(L["text"], 60, wrap=True),
        Column(L["coded_by"], 18), Column(L["not_coded_by"], 18), Column(L["missing"], 18),
        Column(L["note"], 30, wrap=True),
    ])
    row = _Rows(sheet, L)
    for d in items:
        values = (
            row.text(d.document), row.text(d.code_path), d.start, d.end, d.end - d.start,
            row.text(d.text), row.text(", ".join(d.coded_by)),
            row.text(", ".join(d.not_coded_by)), row.text(", ".join(d.missing)),
        )
        sheet.append((*values, row.note()))
    sheet.finish()


def write_agreement_workbook(
    result: ProjectAgreement,
    disagreements: Sequence[Disagreement],
    out: Path | str,
    lang: str | None = None,
    measures: Sequence[CodeMeasures] = (),
    methods: str | None = None,
    notes: Sequence[str] = (),
) -> Path:
    """Write the agreement workbook to ``out`` (an .xlsx path; replaced atomically).

    ``notes`` (``agreement_notes.agreement_notes``, rendered) go on a last "Notes" sheet.
    """
    out = check_target(out)
    wb = new_workbook()
    with paused_gc():  # hundreds of thousands of rows of acyclic cells and tuples
        add_agreement_sheets(wb, result, disagreements, lang, measures, methods, notes)
        save_workbook(wb, out)
    return out


def add_agreement_sheets(
    wb: Workbook,
    result: ProjectAgreement,
    disagreements: Sequence[Disagreement],
    lang: str | None = None,
    measures: Sequence[CodeMeasures] = (),
    methods: str | None = None,
    notes: Sequence[str] = (),
) -> None:
    """The agreement (code-set, family) sheets, the disagreement sheet and the notes."""
    L = LABELS[lang or default_language()]
    _agreement_sheet(wb, result, L)
    if result.sets:
        _sets_sheet(wb, result, L)
    if measures:
        _measures_sheet(wb, result, measures, methods, L)
    _disagreement_sheet(wb, disagreements, L)
    if notes:
        _notes_sheet(wb, notes, L)
