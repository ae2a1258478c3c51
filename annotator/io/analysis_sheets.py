"""The analysis sheets of the default workbook: co-occurrence, crosstabs, saved queries.

The export covers the whole project, so these sheets start with their header row like
the export's other sheets (``workbook.SheetWriter``: header frozen, autofilter, safe
cells); a saved query keeps its own filters, written in a column beside its passages.
Labels are rendered in the workbook's language (``Msg.render``), whatever the window's.
"""

from collections.abc import Iterable
from typing import Any

from annotator.io.workbook import Column, SheetWriter
from annotator.messages import Msg, msg
from annotator.services.cooccurrence import Cooccurrence
from annotator.services.crosstab import NO_VALUE, Crosstab
from annotator.services.queries import QueryResult, spec_json


def _t(m: Msg, lang: str) -> str:
    return m.render(lang)


def add_cooccurrence_sheets(wb: Any, table: Cooccurrence, lang: str) -> None:
    """Code × code passages carrying both, and the list of co-occurring pairs."""
    ids = table.code_ids
    names = [table.paths[c] for c in ids]
    matrix = SheetWriter(wb, _t(msg("Co-occurrence"), lang),
                         [Column(_t(msg("Code"), lang), 36),
                          *(Column(n, 10) for n in names)])
    for name, a in zip(names, ids, strict=True):
        matrix.append((name, *(table.cell(a, b)["passages"] if a != b else None
                               for b in ids)))
    matrix.finish()
    pairs = SheetWriter(wb, _t(msg("Co-occurring pairs"), lang), [
        Column(_t(msg("Code A"), lang), 30), Column(_t(msg("Code B"), lang), 30),
        Column(_t(msg("Passages"), lang), 10), Column(_t(msg("Documents"), lang), 10),
        Column(_t(msg("Cases"), lang), 8), Column(_t(msg("Characters"), lang), 11),
        Column(_t(msg("Jaccard"), lang), 9),
    ])
    for p in table.to_json()["pairs"]:
        jaccard = p["jaccard"]
        pairs.append((p["a"], p["b"], p["passages"], p["documents"], p["cases"],
                      p["characters"], pairs.styled(jaccard, fmt="0.000")
                      if jaccard is not None else None))
    pairs.finish()


def crosstab_title(table: Crosstab, lang: str) -> str:
    """"Codes × cases", or "Codes × 性别": a sheet name of at most 31 characters."""
    return _t(msg("Codes × cases") if table.by == "case"
              else msg("Codes × {name}", name=table.by), lang)[:31]


def add_crosstab_sheet(wb: Any, table: Crosstab, lang: str, title: str) -> None:
    """One row per code; per column its codings, documents and coded characters."""
    cols = [c if c != NO_VALUE else _t(msg("(no value)"), lang) for c in table.columns]
    header = [Column(_t(msg("Code"), lang), 36)]
    for col in cols:
        header += [Column(_t(msg("{column}: codings", column=col), lang), 12),
                   Column(_t(msg("{column}: documents", column=col), lang), 12),
                   Column(_t(msg("{column}: characters", column=col), lang), 12)]
    sheet = SheetWriter(wb, title, header)
    for path, cid in zip(table.codes, table.code_ids, strict=True):
        row: list[Any] = [path]
        for col in table.columns:
            c = table.cells[(cid, col)]
            row += [c["codings"], c["documents"], c["characters"]]
        sheet.append(row)
    sheet.finish()


def describe_query(result: QueryResult) -> str:
    """``A``, ``A AND B``, ``A NEAR B (sentence)``, ``A FOLLOWED BY B (40)``: the query
    language's words, as the command line's options spell them."""
    q = spec_json(result.spec)
    if q["op"] is None:
        return q["code"]
    text = f"{q['code']} {q['op'].replace('_', ' ').upper()} {q['other']}"
    if q["op"] in ("near", "followed_by"):
        text += f" ({q['within'] if q['scope'] == 'chars' else q['scope']})"
    return text


def add_saved_queries_sheet(wb: Any, results: Iterable[tuple[str, QueryResult | Msg]],
                            lang: str) -> None:
    """Every saved query re-run: its passages, one row each, with the query and its
    filters beside them; a query that finds nothing gets one row without passages, and
    one that can no longer run one row saying why."""
    sheet = SheetWriter(wb, _t(msg("Saved queries"), lang), [
        Column(_t(msg("Saved query"), lang), 20), Column(_t(msg("Query"), lang), 30),
        Column(_t(msg("Filters"), lang), 30, wrap=True),
        Column(_t(msg("Document"), lang), 24), Column(_t(msg("Start"), lang), 9),
        Column(_t(msg("End"), lang), 9), Column(_t(msg("Text"), lang), 60, wrap=True),
    ])
    for name, result in results:
        if isinstance(result, Msg):
            sheet.append((name, _t(result, lang)))
            continue
        what = describe_query(result)
        filters = "; ".join(_t(line, lang) for line in result.scope.describe())
        for g in result.segments:
            sheet.append((name, what, filters, g.document, g.start, g.end, g.text))
        if not result.segments:  # found nothing: the query is still listed
            sheet.append((name, what, filters))
    sheet.finish()
