"""Subcommands of a coding workshop: copies, merge, agreement, disagreements, consensus."""

import argparse
import json
import sys
import unicodedata

import orjson

from annotator.cli.project_commands import offset_options, path_help
from annotator.domain.agreement import DEFAULT_THRESHOLD, SEGMENT_RULES
from annotator.domain.agreement_units import DEFAULT_UNIT, UNITS
from annotator.domain.errors import InvalidInput
from annotator.i18n import LANGUAGES, default_language
from annotator.messages import Msg, msg
from annotator.services import codebook, documents
from annotator.services.agreement import (
    CONSENSUS_CODER,
    ProjectAgreement,
    accept_into_consensus,
    code_consensus,
    disagreements,
    project_agreement,
)
from annotator.services.agreement_export import write_agreement_workbook
from annotator.services.agreement_measures import (
    code_measures,
    measures_json,
    methods_paragraph,
    one_document_interval,
)
from annotator.services.agreement_notes import agreement_notes
from annotator.services.reviewed import list_reviewed, mark_reviewed, unmark_reviewed
from annotator.services.workshop import make_participant_copies, merge_copies
from annotator.store.project import Project


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _print_compact_json(data: object) -> None:
    """Compact UTF-8 JSON through orjson: a 20-coder report is 30+ MB, which the standard
    encoder took longer to write than the agreement took to compute."""
    encoded = orjson.dumps(data, default=str,
                           option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (redirected in a script)
        sys.stdout.write(encoded.decode("utf-8"))
    else:
        buffer.write(encoded)
        buffer.flush()


def _names(value: str) -> list[str]:
    """``A,B,C`` (also with Chinese commas) → names."""
    return [n.strip() for n in value.replace("，", ",").split(",") if n.strip()]


def _cmd_copies(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        made = make_participant_copies(
            p, a.outdir, [*(a.participant or ()), *_names(a.participants or "")],
            without_codings=not a.with_codings
        )
    if a.json:
        _print_json([
            {"participant": m.participant, "path": str(m.path), "coder_guid": m.coder_guid,
             "documents": m.documents, "codes": m.codes, "codings": m.codings}
            for m in made
        ])
        return 0
    for m in made:
        print(msg("{participant}: {path} ({documents} documents, {codes} codes, {codings} "
                  "codings)", participant=m.participant, path=m.path, documents=m.documents,
                  codes=m.codes, codings=m.codings))
    print(msg("{count} participant copies written to {folder}", count=len(made),
              folder=a.outdir))
    return 0


def _cmd_merge(a: argparse.Namespace) -> int:
    with Project.open(a.target) as p:
        reports = merge_copies(p, a.sources, crlf=a.crlf,
                               utf16=None if a.offsets is None else a.offsets == "utf16")
    if a.json:
        _print_json([r.to_json() for r in reports])
    else:
        for r in reports:
            if not r.ok:
                continue
            print(msg("merged {summary}", summary=r.summary()))
            for path, creator in r.added_codes:
                print(msg("  added code {path} (by {creator})", path=path, creator=creator)
                      if creator else msg("  added code {path} (by an unknown coder)",
                                          path=path))
            for name in r.added_coders:
                print(msg("  added coder {name}", name=name))
            for c in r.conflicts:
                print(msg("  conflict {kind}: {subject}: {resolution}", kind=c.kind,
                          subject=c.subject, resolution=c.resolution))
            for note in r.notes:
                print(msg("  note: {note}", note=note))
    failed = [r for r in reports if not r.ok]
    for r in failed:
        reason = (r.error if str(r.source) in (r.error or "") else
                  msg("{source}: {error}", source=r.source, error=r.error))
        print(msg("annotator: error: not merged: {reason}", reason=reason), file=sys.stderr)
    return 1 if failed else 0


def _fmt(value: float | None, percent: bool = False, applies: bool = True) -> str:
    if value is None:
        return str(msg("undefined")) if applies else "—"
    return f"{value:.1%}" if percent else f"{value:.3f}"


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    """``text`` shortened to at most ``width`` terminal columns."""
    out = ""
    for ch in text:
        if _width(out + ch) > width:
            break
        out += ch
    return out


def _left(text: object, width: int) -> str:
    s = _cut(str(text), width)
    return s + " " * (width - _width(s))


def _right(text: object, width: int) -> str:
    s = str(text)
    return " " * max(0, width - _width(s)) + s


def _unit_name(unit: str) -> Msg:
    return {
        "characters": msg("characters (whitespace included)"),
        "non_whitespace": msg("characters without whitespace"),
        "sentences": msg("sentences"), "paragraphs": msg("paragraphs"),
    }[unit]


def _row(cells: list[tuple[object, int]], first: int = 24) -> str:
    """One table line: the first cell left-aligned in ``first`` columns, the others
    right-aligned in their widths, one space between."""
    (head, _), *rest = cells
    return " ".join([_left(head, first), *(_right(text, w) for text, w in rest)])


def _print_agreement(r: ProjectAgreement) -> None:
    two = len(r.coders) == 2
    print(msg("Agreement of {coders} on {documents} documents, {codes} codes (segment "
              "threshold {threshold})", coders=", ".join(c.name for c in r.coders),
              documents=len(r.documents), codes=len(r.codes), threshold=r.threshold))
    print(msg("units: {unit}; every count and figure below is in these units; documents "
              "where no coder used a code: {uncoded}", unit=_unit_name(r.unit),
              uncoded=msg("counted") if r.include_uncoded else
              msg("left out (--include-uncoded counts them)")))
    print(msg("segments: MAXQDA's rule: each coding a segment, each coder's segments "
              "counted (a pair counts twice)") if r.report.segment_rule == "maxqda" else
          msg("segments: touching codings merge, one-to-one matching, a pair counts once"))
    print(msg("'undefined' = 0/0; '—' = not compared (a coder coded nothing in that "
              "document, or nobody used the code there)"))
    names = {c.id: c.name for c in r.coders}
    docs = {d.id: d.name for d in r.documents}
    cells: dict = {}
    for cell in r.report.cells:
        cells.setdefault(cell.code_id, []).append(cell)
    if two:
        header = _row([(msg("document"), 0), (msg("units"), 8), (msg("both"), 7),
                       (msg("only A"), 7), (msg("only B"), 7), (msg("neither"), 8),
                       ("%", 7), ("κ", 9), ("α", 9), (msg("segments"), 9),
                       (msg("seg. %"), 9)])
    else:
        header = _row([(msg("document"), 0), (msg("units"), 8), (msg("present"), 8),
                       ("α", 9)])
    for ref, sm in zip(r.codes, r.report.summaries, strict=True):
        print()
        print(ref.path)
        print("  " + header)
        for cell in cells.get(ref.id, []):
            compared = len(cell.coders_present) >= 2
            missing = ("  " + str(msg("(missing: {coders})", coders=", ".join(
                names[c] for c in cell.coders_missing))) if cell.coders_missing else "")
            if cell.left_out:
                missing += "  " + str(msg("(nobody used the code here: left out)"))
            if two:
                t = cell.table
                pair = cell.pairs[0]
                counts = ([(t.both, 7), (t.only_a, 7), (t.only_b, 7), (t.neither, 8)] if t
                          else [("—", 7), ("—", 7), ("—", 7), ("—", 8)])
                total = (pair.segments_matched + pair.segments_unmatched_a
                         + pair.segments_unmatched_b)
                segs = f"{pair.segments_matched}/{total}" if t else "—"
                print("  " + _row([
                    (docs[cell.doc_id], 0), (cell.length, 8), *counts,
                    (_fmt(cell.percent_agreement, True, t is not None), 7),
                    (_fmt(cell.cohen_kappa, applies=t is not None), 9),
                    (_fmt(cell.krippendorff_alpha, applies=compared), 9), (segs, 9),
                    (_fmt(cell.segment_agreement, True, t is not None), 9)]) + missing)
            else:
                print("  " + _row([
                    (docs[cell.doc_id], 0), (cell.length, 8), (len(cell.coders_present), 8),
                    (_fmt(cell.krippendorff_alpha, applies=compared), 9)]) + missing)
        pairable = sm.alpha.pairable_values > 0
        alpha = _fmt(sm.krippendorff_alpha, applies=pairable)
        u_alpha = _fmt(sm.unitizing_alpha, applies=pairable)
        if two:
            pair = sm.pairs[0]
            ok = pair.documents > 0
            print(msg("  all documents: pooled κ {pooled}, weighted κ {weighted}, percent "
                      "{percent}, α {alpha}, unitizing uα {u_alpha}, segments {matched} "
                      "matched, {unmatched} unmatched ({segment}), {documents} documents",
                      pooled=_fmt(sm.pooled_kappa, applies=ok),
                      weighted=_fmt(sm.weighted_kappa, applies=ok),
                      percent=_fmt(sm.percent_agreement, True, ok), alpha=alpha,
                      u_alpha=u_alpha, matched=pair.segments_matched,
                      unmatched=pair.segments_unmatched_a + pair.segments_unmatched_b,
                      segment=_fmt(sm.segment_agreement, True, ok),
                      documents=pair.documents))
        else:
            print(msg("  all documents: α {alpha}, unitizing uα {u_alpha} (pairwise κ: "
                      "--json or --xlsx)", alpha=alpha, u_alpha=u_alpha))
    for st in r.sets:
        a = st.result.alpha
        members = ", ".join(c.path for c in st.codes)
        scope = msg("with child codes") if st.include_children else msg("own codings only")
        print()
        value = _fmt(a.alpha, applies=a.pairable_values > 0)
        print(msg("set {{{members}}} ({scope}): α {alpha} over {values:g} pairable values; "
                  "{overlaps} units with two codes of the set left out", members=members,
                  scope=scope, alpha=value, values=a.pairable_values,
                  overlaps=st.result.overlap_units)
              if st.result.overlap_units else
              msg("set {{{members}}} ({scope}): α {alpha} over {values:g} pairable values",
                  members=members, scope=scope, alpha=value, values=a.pairable_values))
        if st.unitizing is not None:
            _print_unitizing(st.unitizing, {c.id: c.path for c in st.codes})
    if r.across_sets is not None:
        print()
        print(msg("across the sets, each set one value (ATLAS.ti's Cu-α is this cuα):"))
        _print_unitizing(r.across_sets, {i: " + ".join(c.path for c in st.codes)
                                         for i, st in enumerate(r.sets)})


def _print_unitizing(u, names: dict) -> None:
    print(msg("  unitizing: uα {u_alpha}, |uα (α binary) {binary}, cuα {cu_alpha}",
              u_alpha=_fmt(u.u_alpha), binary=_fmt(u.binary_alpha), cu_alpha=_fmt(u.cu_alpha)))
    for v in u.values:
        coverage = "—" if v.coverage is None else f"{v.coverage:.1%}"
        print(msg("    (k)uα {value}: {alpha} (units met by other coders' units: {coverage})",
                  value=names.get(v.value, v.value), alpha=_fmt(v.alpha), coverage=coverage))


def _coder_names(a: argparse.Namespace) -> list[str] | None:
    """Names from repeatable ``--coder NAME`` (any name, commas too) and ``--coders A,B``."""
    names = [*(a.coder or ()), *(_names(a.coders) if a.coders else ())]
    return names or None


def _selection(a: argparse.Namespace) -> dict:
    return {
        "coders": _coder_names(a),
        "codes": a.codes or None,
        "documents": a.docs or None,
    }


def _cmd_agreement(a: argparse.Namespace) -> int:
    if not 0 < a.threshold <= 1:
        raise InvalidInput("--threshold must be in (0, 1], not {value}", value=a.threshold)
    with Project.open(a.project) as p:
        result = project_agreement(
            p, **_selection(a), sets=a.set or (), threshold=a.threshold,
            include_children=not a.set_own_codings, unit=a.unit,
            include_uncoded=a.include_uncoded, segment_rule=a.segments,
        )
        items = disagreements(p, **_selection(a)) if a.xlsx else []
    options = {"resamples": a.bootstrap, "level": a.level, "alpha_min": a.alpha_min}
    measures = code_measures(result, **options)
    sentences = methods_paragraph(result, measures, **options)
    methods = ("" if a.lang == "zh" else " ").join(m.render(a.lang) for m in sentences)
    notes = [n.render(a.lang) for n in agreement_notes(result, one_document_interval(result)
                                                       if a.bootstrap else False)]
    if a.xlsx:
        write_agreement_workbook(result, items, a.xlsx, lang=a.lang, measures=measures,
                                 methods=methods, notes=notes)
    if a.json:
        data = result.to_json()
        data["measures"] = measures_json(measures)
        data["methods"] = methods
        data["notes"] = notes
        _print_compact_json(data)
    else:
        _print_agreement(result)
        _print_measures(measures, result.unit)
        if a.notes:
            print()
            print(msg("notes:"))
            for note in notes:
                print(f"  {note}")
        if a.methods:
            print()
            print(methods)
        if a.xlsx:
            print()
            print(msg("wrote {path}", path=a.xlsx))
    return 0


def _print_measures(measures: tuple, unit: str) -> None:
    print()
    print(msg("chance-corrected family (units: {unit}; values coded / not coded):",
              unit=_unit_name(unit)))
    for m in measures:
        f = m.family
        parts = [str(msg("  {code}: AC1 {ac1}, Brennan–Prediger {bp}, Scott's π {pi}",
                         code=m.code.path, ac1=_fmt(f.gwet_ac1),
                         bp=_fmt(f.brennan_prediger), pi=_fmt(f.scott_pi))
                     if f.cohen_kappa is not None else
                     msg("  {code}: AC1 {ac1}, Brennan–Prediger {bp}, Fleiss' κ {fleiss}",
                         code=m.code.path, ac1=_fmt(f.gwet_ac1),
                         bp=_fmt(f.brennan_prediger), fleiss=_fmt(f.scott_pi)))]
        for label, interval in (("κ", m.kappa_interval), ("α", m.alpha_interval)):
            if interval is not None and interval.low is not None:
                parts.append(str(msg("; {measure} {level} % CI [{low}, {high}]",
                                     measure=label, level=round(interval.level * 100),
                                     low=f"{interval.low:.3f}",
                                     high=f"{interval.high:.3f}")))
                if interval.below_minimum is not None:
                    parts.append(str(msg(", q(α < {minimum}) = {q}",
                                         minimum=f"{interval.minimum:g}",
                                         q=f"{interval.below_minimum:.3f}")))
        print("".join(parts))


def _cmd_disagreements(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        items = disagreements(p, **_selection(a))
    if a.json:
        _print_json([d.to_json() for d in items])
        return 0
    for d in items:
        text = d.text if len(d.text) <= 60 else d.text[:57] + "…"
        print(msg("{document} [{start}, {end}) {code}: coded by {coded_by}; not by "
                  "{not_coded_by}: {text!r}", document=d.document, start=d.start, end=d.end,
                  code=d.code_path, coded_by=", ".join(d.coded_by),
                  not_coded_by=", ".join(d.not_coded_by), text=text))
    print(msg("{count} disagreements", count=len(items)))
    return 0


def _cmd_consensus(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        if a.coding is not None:
            c = accept_into_consensus(p, a.coding, a.start, a.end)
        else:
            if not (a.doc and a.code and a.start is not None and a.end is not None):
                raise InvalidInput("give --doc, --code, --start and --end (or --coding ID)")
            with p.read() as s:
                doc_id = documents.find_document(s, a.doc).id
                code_id = codebook.find_code(s, a.code).id
            c = code_consensus(p, doc_id, code_id, a.start, a.end, a.memo or "")
        with p.read() as s:
            doc = documents.get_document(s, c.document_id).name
            code = codebook.code_paths(s)[c.code_id]
    print(msg("{coder}: coded [{start}, {end}) of {document} with {code}",
              coder=CONSENSUS_CODER, start=c.start, end=c.end, document=doc, code=code))
    return 0


def _review_line(document: str, coder: str, unmarked: bool, changed: bool) -> Msg:
    if unmarked:
        return (msg("{document}: not reviewed by {coder}", document=document, coder=coder)
                if changed else
                msg("{document}: not reviewed by {coder} (unchanged)", document=document,
                    coder=coder))
    return (msg("{document}: reviewed by {coder}", document=document, coder=coder) if changed
            else msg("{document}: reviewed by {coder} (unchanged)", document=document,
                     coder=coder))


def _cmd_reviewed(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        if a.doc and a.coder:
            change = unmark_reviewed if a.unmark else mark_reviewed
            changed = change(p, a.doc, a.coder)
            if not a.json:
                print(_review_line(a.doc, a.coder, a.unmark, changed))
                return 0
        elif a.unmark or (a.doc and not a.list and not a.coder):
            raise InvalidInput("give --doc and --coder to mark or unmark, or --list")
        marks = list_reviewed(p, a.coder, a.doc)
    if a.json:
        _print_json([{"document": m.document, "coder": m.coder} for m in marks])
        return 0
    for m in marks:
        print(f"{m.document}\t{m.coder}")
    print(msg("{count} reviewed marks", count=len(marks)))
    return 0


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--coders", help=str(msg("coder names, comma-separated (default: all who "
                                            "coded, except {consensus})",
                                            consensus=CONSENSUS_CODER)))
    p.add_argument("--coder", action="append", metavar="NAME",
                   help=str(msg("one coder, repeatable; the name is taken whole, so it may hold a "
                                "comma (\"Li, Wei\")")))
    p.add_argument("--codes", nargs="+", metavar="PATH",
                   help=str(msg("codes to compare (default: all used); {path_help}",
                                path_help=path_help())))
    p.add_argument("--docs", nargs="+", metavar="NAME", help=str(msg("documents (default: all)")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("copies", help=str(msg("write one participant copy per participant")))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("outdir", help=str(msg("the folder the copies are written to")))
    p.add_argument("--participants", help=str(msg("names, comma-separated: A,B,C")))
    p.add_argument("--participant", action="append", metavar="NAME",
                   help=str(msg("one participant, repeatable; the name is taken whole "
                                "(commas too)")))
    p.add_argument("--with-codings", action="store_true",
                   help=str(msg("copies also carry the project's codings (default: documents and "
                                "codebook only, for independent coding)")))
    p.add_argument("--without-codings", action="store_true",
                   help=str(msg("documents and codebook only (the default; kept for scripts)")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.set_defaults(run=_cmd_copies)

    p = sub.add_parser("merge", help=str(msg("merge participant copies into a project")))
    p.add_argument("target", help=str(msg("the project the copies are merged into")))
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help=str(msg("participant copies, projects or .qdpx files")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    offset_options(p)
    p.set_defaults(run=_cmd_merge)

    p = sub.add_parser("agreement", help=str(msg("intercoder agreement (κ, α, segments)")))
    p.add_argument("project", help=str(msg("the project file")))
    _add_selection(p)
    p.add_argument("--set", nargs="+", action="append", metavar="PATH",
                   help=str(msg("α over these codes as mutually exclusive values (repeatable); a "
                                "code stands for its subtree")))
    p.add_argument("--set-own-codings", action="store_true",
                   help=str(msg("in --set, count each code's own codings only, not its "
                                "children's")))
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                   help=str(msg("segments match when overlap/union ≥ this (default 0.9)")))
    p.add_argument("--unit", choices=UNITS, default=DEFAULT_UNIT,
                   help=str(msg("what agreement counts: characters (whitespace too), "
                                "non_whitespace (the default), sentences or paragraphs")))
    p.add_argument("--include-uncoded", action="store_true",
                   help=str(msg("count documents where no coder used a code (default: left out of "
                                "that code's figures)")))
    p.add_argument("--segments", choices=SEGMENT_RULES, default="pairs",
                   help=str(msg("segment agreement: 'pairs' (touching codings merge, "
                                "one-to-one matching, a pair counts once; the default) or "
                                "'maxqda' (each coding a segment, each coder's segments "
                                "counted: a pair counts twice)")))
    p.add_argument("--xlsx", metavar="OUT", help=str(msg("also write an agreement workbook")))
    p.add_argument("--bootstrap", type=int, default=0, metavar="N",
                   help=str(msg("confidence intervals from N bootstrap resamples of documents "
                                "(e.g. 1000; default: none)")))
    p.add_argument("--level", type=float, default=0.95,
                   help=str(msg("interval level (default 0.95)")))
    p.add_argument("--alpha-min", type=float, metavar="A",
                   help=str(msg("with --bootstrap: the probability q that α falls below A "
                                "(e.g. 0.667 or 0.8)")))
    p.add_argument("--methods", action="store_true",
                   help=str(msg("also print a methods paragraph (in --lang's language)")))
    p.add_argument("--notes", action="store_true",
                   help=str(msg("also print what every figure depends on (unit, missing coders, "
                                "segment rule …; always in --json and --xlsx)")))
    p.add_argument("--lang", choices=LANGUAGES, default=default_language(),
                   help=str(msg("language of the methods paragraph, the notes and the workbook")))
    p.set_defaults(run=_cmd_agreement)

    p = sub.add_parser("reviewed", help=str(msg(
        "mark a document reviewed by a coder (finished reading: no codings there then mean "
        "'nothing to code', not missing)")))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("--doc", help=str(msg("document name")))
    p.add_argument("--coder", help=str(msg("coder name (taken whole: commas too)")))
    p.add_argument("--unmark", action="store_true", help=str(msg("take the mark away")))
    p.add_argument("--list", action="store_true",
                   help=str(msg("list the marks (of --coder / --doc)")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.set_defaults(run=_cmd_reviewed)

    p = sub.add_parser("disagreements", help=str(msg("where coders differ, span by span")))
    p.add_argument("project", help=str(msg("the project file")))
    _add_selection(p)
    p.set_defaults(run=_cmd_disagreements)

    p = sub.add_parser("consensus", help=str(msg("code a span for the consensus coder {coder}",
                                                 coder=CONSENSUS_CODER)))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("--doc", help=str(msg("document name")))
    p.add_argument("--code", help=path_help())
    p.add_argument("--start", type=int, help=str(msg("first character (code points, from 0)")))
    p.add_argument("--end", type=int, help=str(msg("one past the last character")))
    p.add_argument("--coding", type=int, metavar="ID",
                   help=str(msg("accept this coding (ids: disagreements --json); "
                                "--start/--end adjust")))
    p.add_argument("--memo", help=str(msg("a memo on the consensus coding")))
    p.set_defaults(run=_cmd_consensus)
