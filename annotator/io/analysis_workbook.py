"""Analysis results as workbook sheets: the filters written above each table.

Each sheet starts with its title and one line per filter (``Scope.describe``), then a
blank row, the header and the table; the header row stays frozen. Text cells go through
``excel_safe`` and formula-like text gets Excel's quote prefix, as in the main export.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from annotator.io.workbook import (
    _FORMULA_START,
    check_target,
    excel_safe,
    new_workbook,
    save_workbook,
)
from annotator.messages import Msg, msg
from annotator.services.cooccurrence import Cooccurrence
from annotator.services.crosstab import NO_VALUE, Crosstab
from annotator.services.queries import QueryResult, spec_json


def _cell(ws: Any, value: Any, bold: bool = False) -> Any:
    if isinstance(value, Msg):
        value = str(value)
    if isinstance(value, str):
        value = excel_safe(value)[0]
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(wb: Workbook, title: Msg, lines: Sequence[Msg], header: Sequence[Any],
           rows: Sequence[Sequence[Any]]) -> None:
    ws = wb.create_sheet(str(title)[:31])
    ws.append([_cell(ws, title, bold=True)])
    for line in lines:
        ws.append([_cell(ws, line)])
    ws.append([])
    ws.freeze_panes = f"A{len(lines) + 4}"
    ws.append([_cell(ws, h, bold=True) for h in header])
    for row in rows:
        ws.append([_cell(ws, v) for v in row])


def add_query_sheet(wb: Workbook, result: QueryResult) -> None:
    q = spec_json(result.spec)
    what = (msg("Query: {a}", a=q["code"]) if q["op"] is None else
            msg("Query: {a} {op} {b} (reach: {scope} {within})", a=q["code"], op=q["op"],
                b=q["other"], scope=q["scope"], within=q["within"]))
    _sheet(wb, msg("Query results"), [what, *result.scope.describe()],
           [msg("Document"), msg("Start"), msg("End"), msg("Text")],
           [(g.document, g.start, g.end, g.text) for g in result.segments])


def add_cooccurrence_sheet(wb: Workbook, table: Cooccurrence) -> None:
    ids = table.code_ids
    names = [table.paths[c] for c in ids]
    rows = [[names[i], *[table.cell(a, b)["passages"] if a != b else None for b in ids]]
            for i, a in enumerate(ids)]
    _sheet(wb, msg("Co-occurrence"), [msg("Passages carrying both codes"),
                                      *table.scope.describe()],
           [msg("Code"), *names], rows)
    pairs = table.to_json()["pairs"]
    _sheet(wb, msg("Co-occurring pairs"), table.scope.describe(),
           [msg("Code A"), msg("Code B"), msg("Passages"), msg("Documents"), msg("Cases"),
            msg("Characters"), msg("Jaccard")],
           [(p["a"], p["b"], p["passages"], p["documents"], p["cases"], p["characters"],
             p["jaccard"]) for p in pairs])


def add_crosstab_sheet(wb: Workbook, table: Crosstab) -> None:
    cols = [c if c != NO_VALUE else str(msg("(no value)")) for c in table.columns]
    header = [msg("Code")]
    for col in cols:
        header += [msg("{column}: codings", column=col),
                   msg("{column}: documents", column=col),
                   msg("{column}: % of documents", column=col),
                   msg("{column}: characters", column=col)]
    rows = []
    for path, cid in zip(table.codes, table.code_ids, strict=True):
        row: list[Any] = [path]
        for col in table.columns:
            c = table.cells[(cid, col)]
            pct = c["documents_percent"]
            row += [c["codings"], c["documents"],
                    round(pct, 1) if pct is not None else None, c["characters"]]
        rows.append(row)
    by = msg("by case") if table.by == "case" else msg("by {name}", name=table.by)
    _sheet(wb, msg("Crosstab"), [by, *table.scope.describe()], header, rows)


def _write(out: Path, add, value) -> Path:
    out = check_target(out)
    wb = new_workbook()
    add(wb, value)
    save_workbook(wb, out)
    return out


def write_query(out: Path, result: QueryResult) -> Path:
    return _write(out, add_query_sheet, result)


def write_cooccurrence(out: Path, table: Cooccurrence) -> Path:
    return _write(out, add_cooccurrence_sheet, table)


def write_crosstab(out: Path, table: Crosstab) -> Path:
    return _write(out, add_crosstab_sheet, table)

