"""The Excel workbook researchers take away: one sheet per question they ask.

Sheets: coded segments; codebook; code × document matrix (counts); coverage (share of
each document's characters coded, overlapping codings counted once); documents; word
frequencies (``services/words``, the most frequent words of every document); the
analysis of the whole project (``io/analysis_sheets``: code co-occurrence, codes × cases,
codes × each attribute with a few values, every saved query re-run). The labels follow
the interface language (terms from the project's glossary).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.domain.errors import AnnotatorError, InvalidInput
from annotator.io.word_sheet import add_word_sheet
from annotator.io.workbook import (
    Column,
    SheetWriter,
    check_target,
    discarded_on_error,
    excel_safe,
    new_workbook,
    save_workbook,
)
from annotator.messages import Msg
from annotator.services.agreement import disagreements, project_agreement
from annotator.services.agreement_export import add_agreement_sheets
from annotator.services.attributes import list_attributes
from annotator.services.cases import list_cases
from annotator.services.codebook import code_paths
from annotator.services.coding import iter_segments
from annotator.services.overview import code_document_matrix
from annotator.services.queries import QueryResult, run_saved, saved_queries
from annotator.services.words import WordOptions, word_frequencies
from annotator.store.integrity import Examination
from annotator.store.project import Project

if TYPE_CHECKING:
    from openpyxl import Workbook

EXPORT_WORDS = 1_000  # the word-frequency sheet: this many of the most frequent words
# an attribute gets a crosstab sheet when it has at most this many values (a category,
# a region; an age or a date has one column per person: no table to read)
CROSSTAB_VALUES = 20

LABELS = {
    "zh": {
        "segments": "编码片段", "codebook": "编码本", "matrix": "代码-文档矩阵",
        "coverage": "覆盖率", "documents": "文档",
        "document": "文档", "code": "代码", "coder": "编码员", "start": "起始",
        "end": "结束", "length": "字符数", "text": "文本", "memo": "备忘录",
        "created": "编码时间 (UTC)", "note": "注意", "path": "代码路径", "level": "层级",
        "definition": "定义", "color": "颜色", "codings": "编码片段数",
        "documents_count": "文档数", "total": "合计", "characters": "字符数",
        "sha256": "SHA-256", "source": "源文件", "size": "文件大小（字节）",
        "format": "格式", "encoding": "文本编码", "imported": "导入时间 (UTC)",
        "control": "{n} 个 Excel 不接受的控制字符以 ␀ 类符号显示",
        "truncated": "文本超过 Excel 单元格上限，只显示前 {n} 个字符（共 {total} 个）",
        "damage": "损坏说明", "left_out": "未导出的内容",
        "damage_intro": "项目文件已损坏：本工作簿只含可读取的部分，项目文件未被改动。",
        "damaged_doc": "此文档的文字已损坏：它和它的 {n} 个编码片段不在本工作簿中",
        "damaged_file": "文件结构损坏：{problem}",
    },
    "en": {
        "segments": "Coded segments", "codebook": "Codebook", "matrix": "Code x document",
        "coverage": "Coverage", "documents": "Documents",
        "document": "Document", "code": "Code", "coder": "Coder", "start": "Start",
        "end": "End", "length": "Characters", "text": "Text", "memo": "Memo",
        "created": "Coded at (UTC)", "note": "Note", "path": "Code path", "level": "Level",
        "definition": "Definition", "color": "Colour", "codings": "Codings",
        "documents_count": "Documents", "total": "Total", "characters": "Characters",
        "sha256": "SHA-256", "source": "Source file", "size": "Size (bytes)",
        "format": "Format", "encoding": "Text encoding", "imported": "Imported at (UTC)",
        "control": "{n} control characters Excel refuses are shown as ␀-style symbols",
        "truncated": "text over Excel's cell limit: first {n} of {total} characters shown",
        "damage": "Damage", "left_out": "Left out",
        "damage_intro": "The project file is damaged: this workbook holds only what is "
                        "readable. The project file was not changed.",
        "damaged_doc": "the text of this document is damaged: it and its {n} coding(s) are "
                       "not in this workbook",
        "damaged_file": "the file's structure is damaged: {problem}",
    },
}


def _safe(value: str, notes: list[str], labels: dict[str, str]) -> str:
    text, fix = excel_safe(value)
    if fix is not None:
        notes.append(fix.describe(labels))
    return text


def _damage_sheet(wb: "Workbook", damage: Examination, L: dict[str, str]) -> None:
    """The first sheet of a workbook exported from a damaged project: what is not in it."""
    sheet = SheetWriter(wb, L["damage"], [Column(L["document"], 30),
                                          Column(L["left_out"], 90, wrap=True)])
    sheet.append(("", L["damage_intro"]))
    for name, codings in zip(damage.damaged_documents, damage.damaged_codings, strict=False):
        sheet.append((name, L["damaged_doc"].format(n=codings)))
    for problem in damage.problems:
        sheet.append(("", L["damaged_file"].format(problem=problem)))
    sheet.finish()
def add_analysis_sheets(wb: Any, project: Project, lang: str) -> None:
    """Co-occurrence, codes × cases, codes × each attribute of at most ``CROSSTAB_VALUES``
    values, and the saved queries, over the whole project (separate writers, each on
    ``SheetWriter``). numpy comes with them: imported here, not when the window starts."""
    from annotator.io.analysis_sheets import (
        add_cooccurrence_sheets,
        add_crosstab_sheet,
        add_saved_queries_sheet,
        crosstab_title,
    )
    from annotator.services.cooccurrence import cooccurrence
    from annotator.services.crosstab import crosstab

    with project.read() as s:
        if not code_paths(s):
            return
    add_cooccurrence_sheets(wb, cooccurrence(project), lang)
    if list_cases(project):
        table = crosstab(project, "case")
        add_crosstab_sheet(wb, table, lang, crosstab_title(table, lang))
    seen = set()
    for attr in list_attributes(project):
        values = set(attr.values.values())
        if attr.name in seen or not values or len(values) > CROSSTAB_VALUES:
            continue
        seen.add(attr.name)  # a document attribute wins over a case one of that name
        table = crosstab(project, attr.name)
        add_crosstab_sheet(wb, table, lang, crosstab_title(table, lang))
    results: list[tuple[str, QueryResult | Msg]] = []
    for name, _definition in saved_queries(project):
        try:
            results.append((name, run_saved(project, name)))
        except AnnotatorError as exc:  # a code deleted since: the sheet says so
            results.append((name, exc.message))
    if results:
        add_saved_queries_sheet(wb, results, lang)


def export_workbook(
    project: Project, out: Path | str, lang: str = "en", agreement: bool = True,
    words: bool = True, analysis: bool = True, damage: Examination | None = None,
) -> Path:
    """The workbook; with ``words`` the word-frequency sheet (the top ``EXPORT_WORDS``
    words of every document); with ``analysis`` the analysis sheets
    (``add_analysis_sheets``); with ``agreement`` and codings by two or more coders, the
    agreement and disagreement sheets too (on random test data those run to many thousand
    rows). ``damage``: ``project`` is what was readable of a damaged one
    (``services/repair.export_readable``), and a first sheet says what was left out."""
    out = check_target(out)
    wb = new_workbook()
    with discarded_on_error(wb):
        _fill(wb, project, LABELS[lang], lang, agreement, words, analysis, damage)
        save_workbook(wb, out)
    return out


def _fill(
    wb: "Workbook", project: Project, L: dict[str, str], lang: str, agreement: bool,
    words: bool, analysis: bool, damage: Examination | None,
) -> None:
    matrix = code_document_matrix(project)
    if damage is not None:
        _damage_sheet(wb, damage, L)

    seg = SheetWriter(wb, L["segments"], [
        Column(L["document"], 24), Column(L["code"], 28), Column(L["coder"], 12),
        Column(L["start"], 9), Column(L["end"], 9), Column(L["length"], 9),
        Column(L["text"], 60, wrap=True), Column(L["memo"], 30, wrap=True),
        Column(L["created"], 19), Column(L["note"], 30, wrap=True),
    ])
    for sg in iter_segments(project):  # streamed: memory does not grow with codings
        notes: list[str] = []
        text = _safe(sg.text, notes, L)
        memo = _safe(sg.memo, notes, L) if sg.memo else ""
        seg.append((
            _safe(sg.document, notes, L), sg.code_path, sg.coder, sg.start, sg.end,
            sg.end - sg.start, text, memo, sg.created_at, "; ".join(notes),
        ))
    seg.finish()

    book = SheetWriter(wb, L["codebook"], [
        Column(L["path"], 36), Column(L["level"], 7), Column(L["definition"], 60, wrap=True),
        Column(L["color"], 10), Column(L["memo"], 30, wrap=True), Column(L["codings"], 11),
        Column(L["documents_count"], 9),
    ])
    docs_per_code: dict[int, int] = {}
    for code_id, _doc in matrix.counts:
        docs_per_code[code_id] = docs_per_code.get(code_id, 0) + 1
    depth: dict[int | None, int] = {None: 0}
    for c in matrix.codes:  # parents come before their children
        depth[c.id] = depth[c.parent_id] + 1
        notes: list[str] = []
        book.append((
            c.path, depth[c.id],
            _safe(c.description, notes, L), book.styled(c.color, fill=c.color),
            _safe(c.memo, notes, L), c.count, docs_per_code.get(c.id, 0),
        ))
    book.finish()

    doc_columns = [Column(_safe(d.name, [], L)[:255], 12) for d in matrix.documents]
    counts = SheetWriter(wb, L["matrix"], [Column(L["path"], 36), *doc_columns,
                                           Column(L["total"], 9)])
    cover = SheetWriter(wb, L["coverage"], [Column(L["path"], 36), *doc_columns])
    for c in matrix.codes:
        row = [matrix.counts.get((c.id, d.id), 0) for d in matrix.documents]
        counts.append((c.path, *row, sum(row)))
        cover.append((c.path, *(
            cover.styled(matrix.coverage.get((c.id, d.id), 0.0), fmt="0.0%")
            for d in matrix.documents
        )))
    counts.finish()
    cover.finish()

    docs = SheetWriter(wb, L["documents"], [
        Column(L["document"], 30), Column(L["characters"], 11), Column(L["codings"], 11),
        Column(L["sha256"], 20), Column(L["source"], 30), Column(L["size"], 12),
        Column(L["format"], 8), Column(L["encoding"], 11), Column(L["imported"], 19),
        Column(L["memo"], 40, wrap=True),
    ])
    per_doc: dict[int, int] = {}
    for (_code, doc_id), n in matrix.counts.items():
        per_doc[doc_id] = per_doc.get(doc_id, 0) + n
    for d in matrix.documents:
        notes: list[str] = []
        docs.append((
            _safe(d.name, notes, L), d.length, per_doc.get(d.id, 0), d.sha256,
            d.source_name or "", d.source_size, d.source_format or "", d.encoding or "",
            d.imported_at, _safe(d.memo, notes, L),
        ))
    docs.finish()
    if words:
        add_word_sheet(wb, word_frequencies(project, options=WordOptions(top=EXPORT_WORDS)),
                       lang)
    if analysis:
        add_analysis_sheets(wb, project, lang)
    if agreement:
        try:
            result = project_agreement(project)
        except InvalidInput:  # fewer than two coders have coded: nothing to compare
            result = None
        if result is not None:
            add_agreement_sheets(wb, result, disagreements(project), lang)
