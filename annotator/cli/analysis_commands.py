"""Subcommands of analysis: attributes, cases, sets, query, cooccurrence, crosstab.

They call the services the window calls. ``--json`` prints what a script reads; without
it a short summary in the user's language. ``--xlsx FILE`` writes the result as a
workbook sheet with the filters above the table; ``--svg``/``--png`` draw the chart
(the PNG drawn from the SVG by QtSvg on the offscreen platform: no window, no display).
"""

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from annotator.domain.errors import Conflict, InvalidInput
from annotator.io import attribute_table, charts_svg
from annotator.messages import msg
from annotator.services import attributes, cases, sets
from annotator.services.analysis_scope import Scope, parse_where
from annotator.services.cooccurrence import cooccurrence
from annotator.services.crosstab import crosstab
from annotator.services.project_coder import coder_name
from annotator.services.queries import (
    QuerySpec,
    parse_within,
    run_query,
    run_saved,
    save_as_code,
    save_query,
    saved_queries,
)
from annotator.store.project import Project

# an attribute's scope and type, as the summary names them
_WORDS = {"document": msg("document"), "case": msg("case"), "text": msg("text"),
          "number": msg("number"), "date": msg("date"), "category": msg("category")}


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _names(values: list[str] | None) -> tuple[str, ...]:
    """Repeated or comma-separated names (Chinese commas too)."""
    out: list[str] = []
    for v in values or ():
        out.extend(n.strip() for n in v.replace("，", ",").split(",") if n.strip())
    return tuple(out)


def _scope(a: argparse.Namespace) -> Scope:
    return Scope(_names(a.docs), _names(a.cases), parse_where(a.where or ()),
                 _names(a.coders), _names(a.document_sets), _names(a.code_sets))


def _set_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--document-sets", action="append", metavar="SET",
                   help=str(msg("only the documents of these document sets (names, commas)")))
    p.add_argument("--code-sets", action="append", metavar="SET",
                   help=str(msg("only the codes of these code sets (names, commas)")))


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--docs", action="append", help=str(msg("only these documents (names, commas)")))
    p.add_argument("--cases", action="append",
                   help=str(msg("only the documents of these cases (or their coded stretches)")))
    _set_filters(p)
    p.add_argument("--where", action="append", metavar="ATTR=VALUE",
                   help=str(msg("only documents (or their cases) with this attribute value")))
    p.add_argument("--coders", action="append", help=str(msg("only these coders' codings")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))


def _cmd_attributes(a: argparse.Namespace) -> int:
    scope = "case" if a.case else "document"
    with Project.open(a.project) as p:
        if a.action == "list":
            listing = attributes.list_attributes(p)
            if a.json:
                _print_json([{"name": x.name, "scope": x.scope, "type": x.type,
                              "categories": x.categories, "values": x.values}
                             for x in listing])
            for x in listing if not a.json else ():
                print(msg("{name} ({scope}, {type}): {count} values", name=x.name,
                          scope=_WORDS[x.scope], type=_WORDS[x.type], count=len(x.values)))
            return 0
        if a.action == "set":
            if len(a.args) != 3:
                raise InvalidInput("attributes set takes ATTRIBUTE NAME VALUE")
            name, owner, value = a.args
            if name not in {x.name for x in attributes.list_attributes(p)
                            if x.scope == scope}:
                attributes.define_attribute(p, name, scope, a.type or "text")
            attributes.set_value(p, name, owner, value, scope)
            if a.json:
                _print_json({"attribute": name, "owner": owner, "value": value})
            return 0
        if len(a.args) != 1:
            raise InvalidInput("attributes import and export take one FILE (.xlsx or .csv)")
        if a.action == "export":
            attribute_table.export(p, Path(a.args[0]), scope)
            return 0
        plan = attribute_table.preview(p, Path(a.args[0]), scope)
        if a.json:
            _print_json({**plan.to_json(), "applied": plan.ok and not a.dry_run})
        else:
            print(msg("{created} values to create, {changed} to change, {unchanged} "
                      "unchanged, {unmatched} rows unmatched", created=len(plan.created),
                      changed=len(plan.changed), unchanged=plan.unchanged,
                      unmatched=len(plan.unmatched)))
        if a.dry_run and plan.ok:
            return 0
        if not plan.ok and not a.json:
            for problem in plan.problems:
                print(problem)
        attribute_table.apply(p, plan)
        return 0


def _cmd_cases(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        docs = _names(a.docs)
        if a.action != "list" and not a.name:
            raise InvalidInput("this cases action needs a case name")
        if a.action in ("code-segment", "uncode-segment"):
            if len(docs) != 1 or a.start is None or a.end is None:
                raise InvalidInput("cases code-segment and uncode-segment take one --docs "
                                   "NAME, --start and --end")
            change = cases.code_segment if a.action == "code-segment" else cases.uncode_segment
            change(p, a.name, docs[0], a.start, a.end)
        elif a.action == "add":
            cases.create_case(p, a.name, docs)
        elif a.action == "add-docs":
            cases.add_documents(p, a.name, docs)
        elif a.action == "remove-docs":
            cases.remove_documents(p, a.name, docs)
        elif a.action == "delete":
            cases.delete_case(p, a.name)
        listing = cases.list_cases(p)
    if a.json:
        _print_json([{"name": c.name, "documents": c.documents,
                      "segments": {d: [list(sp) for sp in spans]
                                   for d, spans in c.segments.items()}}
                     for c in listing])
    else:
        for c in listing:
            print(msg("{name}: {count} documents", name=c.name, count=len(c.documents)))
            for doc, spans in c.segments.items():
                print(msg("  {document}: {count} coded stretches, {chars} characters",
                          document=doc, count=len(spans),
                          chars=sum(b - a for a, b in spans)))
    return 0


def _cmd_sets(a: argparse.Namespace) -> int:
    kind = "code" if a.code else "document"
    members = _names(a.members)
    with Project.open(a.project) as p:
        if a.action != "list" and not a.name:
            raise InvalidInput("this sets action needs a set name")
        if a.action == "add":
            sets.create_set(p, kind, a.name, members)
        elif a.action == "add-members":
            sets.add_members(p, kind, a.name, members)
        elif a.action == "remove-members":
            sets.remove_members(p, kind, a.name, members)
        elif a.action == "delete":
            sets.delete_set(p, kind, a.name)
        listing = sets.list_sets(p, None if a.action == "list" else kind)
    if a.json:
        _print_json([{"kind": x.kind, "name": x.name, "members": x.members} for x in listing])
    else:
        for x in listing:
            print(msg("{name} ({kind} set): {count} members", name=x.name,
                      kind=msg("document") if x.kind == "document" else msg("code"),
                      count=len(x.members)))
    return 0


def _cmd_query(a: argparse.Namespace) -> int:
    ops = [(op, getattr(a, op)) for op in ("and_", "or_", "not_", "near", "followed_by")
           if getattr(a, op)]
    if len(ops) > 1:
        raise InvalidInput("a query combines two codes with one operator")
    with Project.open(a.project) as p:
        if a.saved:
            result = run_saved(p, a.saved)
        else:
            if not a.code:
                raise InvalidInput("a query needs --code (or --run NAME)")
            op, other = (ops[0][0].rstrip("_"), ops[0][1]) if ops else (None, None)
            spec = QuerySpec(a.code, op, other, parse_within(a.within))
            result = run_query(p, spec, _scope(a))
            if a.save_query and a.save_query.strip() in dict(saved_queries(p)):
                raise Conflict("there is already a saved query named {name!r}",
                               name=a.save_query.strip())
        if a.save_as:
            save_as_code(p, result, a.save_as, coder_name(p))
        if a.save_query and not a.saved:
            save_query(p, a.save_query, result.spec, result.scope)
        if a.xlsx:
            from annotator.io.analysis_workbook import write_query
            write_query(Path(a.xlsx), result)
    if a.json:
        _print_json({**result.to_json(), "saved_as": a.save_as})
    else:
        print(msg("{count} passages, {chars} characters", count=len(result.segments),
                  chars=result.characters))
    return 0


def _pictures(svg_path: str | None, png_path: str | None, draw: Callable[[], str]) -> None:
    """Write the chart ``draw`` makes as SVG and/or PNG (drawn by QtSvg, no window)."""
    if not svg_path and not png_path:
        return
    svg = draw()
    if svg_path:
        charts_svg.save_svg(svg_path, svg)
    if png_path:
        from annotator.ui.chart_png import svg_to_png
        svg_to_png(svg, png_path)


def _cmd_cooccurrence(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        table = cooccurrence(p, _names(a.codes) or None, _scope(a))
    if a.xlsx:
        from annotator.io.analysis_workbook import write_cooccurrence
        write_cooccurrence(Path(a.xlsx), table)
    _pictures(a.svg, a.png, lambda: charts_svg.cooccurrence_heatmap(table))
    _pictures(a.network_svg, a.network_png, lambda: charts_svg.cooccurrence_network(table))
    if a.json:
        _print_json(table.to_json())
    else:
        print(msg("{count} pairs of codes occur together",
                  count=len(table.to_json()["pairs"])))
    return 0


def _cmd_crosstab(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        table = crosstab(p, a.by, _names(a.codes) or None, _scope(a))
    if a.xlsx:
        from annotator.io.analysis_workbook import write_crosstab
        write_crosstab(Path(a.xlsx), table)
    _pictures(a.svg, a.png, lambda: charts_svg.crosstab_bars(table))
    if a.json:
        _print_json(table.to_json())
    else:
        print(msg("{rows} codes × {columns} columns", rows=len(table.codes),
                  columns=len(table.columns)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attributes", help=str(msg("attributes of documents and cases")))
    p.add_argument("project", type=Path, help=str(msg("the project file")))
    p.add_argument("action", choices=["list", "set", "import", "export"])
    p.add_argument("args", nargs="*",
                   help=str(msg("set: ATTRIBUTE NAME VALUE; import/export: FILE")))
    p.add_argument("--case", action="store_true",
                   help=str(msg("attributes of cases, not documents")))
    p.add_argument("--type", choices=attributes.TYPES, help=str(msg("type of a new attribute")))
    p.add_argument("--dry-run", action="store_true", help=str(msg("import: only show the preview")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.set_defaults(run=_cmd_attributes)

    p = sub.add_parser("cases", help=str(msg("cases: groups of documents")))
    p.add_argument("project", type=Path, help=str(msg("the project file")))
    p.add_argument("action", nargs="?", default="list",
                   choices=["list", "add", "add-docs", "remove-docs", "delete",
                            "code-segment", "uncode-segment"])
    p.add_argument("name", nargs="?")
    p.add_argument("--docs", action="append", help=str(msg("document names (commas)")))
    p.add_argument("--start", type=int,
                   help=str(msg("code-segment: first character (code points)")))
    p.add_argument("--end", type=int, help=str(msg("code-segment: character after the last")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.set_defaults(run=_cmd_cases)

    p = sub.add_parser("sets", help=str(msg("document sets and code sets")))
    p.add_argument("project", type=Path, help=str(msg("the project file")))
    p.add_argument("action", nargs="?", default="list",
                   choices=["list", "add", "add-members", "remove-members", "delete"])
    p.add_argument("name", nargs="?")
    p.add_argument("--code", action="store_true", help=str(msg("a code set, not a document set")))
    p.add_argument("--members", action="append",
                   help=str(msg("document names, or code paths with --code (commas)")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.set_defaults(run=_cmd_sets)

    p = sub.add_parser("query", help=str(msg("coding query: combine codes, retrieve the passages")))
    p.add_argument("project", type=Path, help=str(msg("the project file")))
    p.add_argument("--code", help=str(msg("code path")))
    p.add_argument("--and", dest="and_", metavar="B", help=str(msg("the text that carries both")))
    p.add_argument("--or", dest="or_", metavar="B", help=str(msg("the text that carries either")))
    p.add_argument("--not", dest="not_", metavar="B", help=str(msg("the text of A without B")))
    p.add_argument("--near", metavar="B", help=str(msg("passages of A and B within reach")))
    p.add_argument("--followed-by", metavar="B", help=str(msg("A, then B within reach")))
    p.add_argument("--within", help=str(msg("N characters, sentence or paragraph (default 0)")))
    p.add_argument("--save-as", metavar="PATH", help=str(msg("code the results with a new code")))
    p.add_argument("--save-query", metavar="NAME", help=str(msg("keep the query to re-run")))
    p.add_argument("--run", dest="saved", metavar="NAME", help=str(msg("re-run a saved query")))
    p.add_argument("--xlsx", help=str(msg("write the results to this workbook")))
    _filters(p)
    p.set_defaults(run=_cmd_query)

    p = sub.add_parser("cooccurrence", help=str(msg("code × code co-occurrence")))
    p.add_argument("project", type=Path, help=str(msg("the project file")))
    p.add_argument("--codes", action="append", help=str(msg("only these codes (paths, commas)")))
    p.add_argument("--xlsx", help=str(msg("write the matrix to this workbook")))
    p.add_argument("--svg", help=str(msg("draw the matrix as a heatmap (.svg)")))
    p.add_argument("--network-svg", help=str(msg("draw the codes as a network (.svg)")))
    p.add_argument("--png", help=str(msg("draw the matrix as a heatmap (.png)")))
    p.add_argument("--network-png", help=str(msg("draw the codes as a network (.png)")))
    _filters(p)
    p.set_defaults(run=_cmd_cooccurrence)

    p = sub.add_parser("crosstab", help=str(msg("codes × attribute values or cases")))
    p.add_argument("project", type=Path, help=str(msg("the project file")))
    p.add_argument("--codes", action="append", help=str(msg("codes (paths, commas); default all")))
    p.add_argument("--by", required=True, help=str(msg("attribute name, or 'case'")))
    p.add_argument("--xlsx", help=str(msg("write the crosstab to this workbook")))
    p.add_argument("--svg", help=str(msg("draw the code frequencies as bars (.svg)")))
    p.add_argument("--png", help=str(msg("draw the code frequencies as bars (.png)")))
    _filters(p)
    p.set_defaults(run=_cmd_crosstab)
