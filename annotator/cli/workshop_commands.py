"""Subcommands of a coding workshop: copies, merge, agreement, disagreements, consensus."""

import argparse
import json
import sys
from pathlib import Path

from annotator.domain.agreement import DEFAULT_THRESHOLD
from annotator.domain.errors import InvalidInput
from annotator.i18n import LANGUAGES, default_language
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
from annotator.services.workshop import make_participant_copies, merge_copies
from annotator.store.project import Project

PATH_HELP = "code path from the root, names joined by '/', e.g. 信任/政治信任"


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _names(value: str) -> list[str]:
    """``A,B,C`` (also with Chinese commas) → names."""
    return [n.strip() for n in value.replace("，", ",").split(",") if n.strip()]


def _cmd_copies(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        made = make_participant_copies(
            p, a.outdir, _names(a.participants), without_codings=a.without_codings
        )
    if a.json:
        _print_json([
            {"participant": m.participant, "path": str(m.path), "coder_guid": m.coder_guid,
             "documents": m.documents, "codes": m.codes, "codings": m.codings}
            for m in made
        ])
        return 0
    for m in made:
        print(f"{m.participant}: {m.path} ({m.documents} documents, {m.codes} codes, "
              f"{m.codings} codings)")
    print(f"{len(made)} participant copies written to {a.outdir}")
    return 0


def _cmd_merge(a: argparse.Namespace) -> int:
    with Project.open(a.target) as p:
        reports = merge_copies(p, [Path(s) for s in a.sources])
    if a.json:
        _print_json([r.to_json() for r in reports])
    else:
        for r in reports:
            if not r.ok:
                continue
            print(f"merged {r.summary()}")
            for path, creator in r.added_codes:
                print(f"  added code {path} (by {creator or 'unknown coder'})")
            for name in r.added_coders:
                print(f"  added coder {name}")
            for c in r.conflicts:
                print(f"  conflict {c.describe()}")
            for note in r.notes:
                print(f"  note: {note}")
    failed = [r for r in reports if not r.ok]
    for r in failed:
        reason = r.error if str(r.source) in (r.error or "") else f"{r.source}: {r.error}"
        print(f"annotator: error: not merged: {reason}", file=sys.stderr)
    return 1 if failed else 0


def _fmt(value: float | None, percent: bool = False, applies: bool = True) -> str:
    if value is None:
        return "undefined" if applies else "—"
    return f"{value:.1%}" if percent else f"{value:.3f}"


def _print_agreement(r: ProjectAgreement) -> None:
    two = len(r.coders) == 2
    print(f"Agreement of {', '.join(c.name for c in r.coders)} on {len(r.documents)} "
          f"documents, {len(r.codes)} codes (segment threshold {r.threshold})")
    print("'undefined' = 0/0; '—' = not compared (a coder coded nothing in that document)")
    names = {c.id: c.name for c in r.coders}
    docs = {d.id: d.name for d in r.documents}
    cells: dict = {}
    for cell in r.report.cells:
        cells.setdefault(cell.code_id, []).append(cell)
    if two:
        header = (f"{'document':<24} {'chars':>8} {'both':>7} {'onlyA':>7} {'onlyB':>7} "
                  f"{'neither':>8} {'%':>7} {'κ':>9} {'α':>9} {'segments':>9} {'seg%':>9}")
    else:
        header = f"{'document':<24} {'chars':>8} {'present':>8} {'α':>9}"
    for ref, sm in zip(r.codes, r.report.summaries, strict=True):
        print()
        print(ref.path)
        print("  " + header)
        for cell in cells.get(ref.id, []):
            compared = len(cell.coders_present) >= 2
            missing = (f"  (missing: {', '.join(names[c] for c in cell.coders_missing)})"
                       if cell.coders_missing else "")
            if two:
                t = cell.table
                pair = cell.pairs[0]
                counts = (f"{t.both:>7} {t.only_a:>7} {t.only_b:>7} {t.neither:>8}" if t
                          else f"{'—':>7} {'—':>7} {'—':>7} {'—':>8}")
                total = (pair.segments_matched + pair.segments_unmatched_a
                         + pair.segments_unmatched_b)
                segs = f"{pair.segments_matched}/{total}" if t else "—"
                print(f"  {docs[cell.doc_id][:24]:<24} {cell.length:>8} {counts} "
                      f"{_fmt(cell.percent_agreement, True, t is not None):>7} "
                      f"{_fmt(cell.cohen_kappa, applies=t is not None):>9} "
                      f"{_fmt(cell.krippendorff_alpha, applies=compared):>9} {segs:>9} "
                      f"{_fmt(cell.segment_agreement, True, t is not None):>9}{missing}")
            else:
                print(f"  {docs[cell.doc_id][:24]:<24} {cell.length:>8} "
                      f"{len(cell.coders_present):>8} "
                      f"{_fmt(cell.krippendorff_alpha, applies=compared):>9}{missing}")
        alpha = _fmt(sm.krippendorff_alpha, applies=sm.alpha.pairable_values > 0)
        if two:
            pair = sm.pairs[0]
            ok = pair.documents > 0
            print(f"  all documents: pooled κ {_fmt(sm.pooled_kappa, applies=ok)}, "
                  f"weighted κ {_fmt(sm.weighted_kappa, applies=ok)}, "
                  f"percent {_fmt(sm.percent_agreement, True, ok)}, α {alpha}, "
                  f"segments {pair.segments_matched} matched, "
                  f"{pair.segments_unmatched_a + pair.segments_unmatched_b} unmatched "
                  f"({_fmt(sm.segment_agreement, True, ok)}), {pair.documents} documents")
        else:
            print(f"  all documents: α {alpha} (pairwise κ: --json or --xlsx)")
    for st in r.sets:
        a = st.result.alpha
        members = ", ".join(c.path for c in st.codes)
        scope = "with child codes" if st.include_children else "own codings only"
        print()
        print(f"set {{{members}}} ({scope}): α {_fmt(a.alpha, applies=a.pairable_values > 0)} "
              f"over {a.pairable_values:g} pairable values"
              + (f"; {st.result.overlap_units} units with two codes of the set left out"
                 if st.result.overlap_units else ""))


def _selection(a: argparse.Namespace) -> dict:
    return {
        "coders": _names(a.coders) if a.coders else None,
        "codes": a.codes or None,
        "documents": a.docs or None,
    }


def _cmd_agreement(a: argparse.Namespace) -> int:
    if not 0 < a.threshold <= 1:
        raise InvalidInput(f"--threshold must be in (0, 1], not {a.threshold}")
    with Project.open(a.project) as p:
        result = project_agreement(
            p, **_selection(a), sets=a.set or (), threshold=a.threshold,
            include_children=not a.set_own_codings,
        )
        items = disagreements(p, **_selection(a)) if a.xlsx else []
    if a.xlsx:
        write_agreement_workbook(result, items, a.xlsx, lang=a.lang)
    if a.json:
        _print_json(result.to_json())
    else:
        _print_agreement(result)
        if a.xlsx:
            print(f"\nwrote {a.xlsx}")
    return 0


def _cmd_disagreements(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        items = disagreements(p, **_selection(a))
    if a.json:
        _print_json([d.to_json() for d in items])
        return 0
    for d in items:
        text = d.text if len(d.text) <= 60 else d.text[:57] + "…"
        print(f"{d.document} [{d.start}, {d.end}) {d.code_path}: coded by "
              f"{', '.join(d.coded_by)}; not by {', '.join(d.not_coded_by)}: {text!r}")
    print(f"{len(items)} disagreements")
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
    print(f"{CONSENSUS_CODER}: coded [{c.start}, {c.end}) of {doc} with {code}")
    return 0


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--coders", help="coder names, comma-separated (default: all who coded, "
                   f"except {CONSENSUS_CODER})")
    p.add_argument("--codes", nargs="+", metavar="PATH",
                   help="codes to compare (default: all used); " + PATH_HELP)
    p.add_argument("--docs", nargs="+", metavar="NAME", help="documents (default: all)")
    p.add_argument("--json", action="store_true")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("copies", help="write one participant copy per participant")
    p.add_argument("project")
    p.add_argument("outdir")
    p.add_argument("--participants", required=True, help="names, comma-separated: A,B,C")
    p.add_argument("--without-codings", action="store_true",
                   help="copies hold documents and codebook only")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_cmd_copies)

    p = sub.add_parser("merge", help="merge participant copies into a project")
    p.add_argument("target")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_cmd_merge)

    p = sub.add_parser("agreement", help="intercoder agreement (κ, α, segments)")
    p.add_argument("project")
    _add_selection(p)
    p.add_argument("--set", nargs="+", action="append", metavar="PATH",
                   help="α over these codes as mutually exclusive values (repeatable); a "
                   "code stands for its subtree")
    p.add_argument("--set-own-codings", action="store_true",
                   help="in --set, count each code's own codings only, not its children's")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                   help="segments match when overlap/union ≥ this (default 0.9)")
    p.add_argument("--xlsx", metavar="OUT", help="also write an agreement workbook")
    p.add_argument("--lang", choices=LANGUAGES, default=default_language())
    p.set_defaults(run=_cmd_agreement)

    p = sub.add_parser("disagreements", help="where coders differ, span by span")
    p.add_argument("project")
    _add_selection(p)
    p.set_defaults(run=_cmd_disagreements)

    p = sub.add_parser("consensus", help=f"code a span for the consensus coder {CONSENSUS_CODER}")
    p.add_argument("project")
    p.add_argument("--doc", help="document name")
    p.add_argument("--code", help=PATH_HELP)
    p.add_argument("--start", type=int, help="first character (code points, from 0)")
    p.add_argument("--end", type=int, help="one past the last character")
    p.add_argument("--coding", type=int, metavar="ID",
                   help="accept this coding (ids: disagreements --json); --start/--end adjust")
    p.add_argument("--memo")
    p.set_defaults(run=_cmd_consensus)
