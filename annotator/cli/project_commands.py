"""Subcommands over one project: create, codebook, import, code, retrieve, export."""

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from annotator.cli.terminal import shown
from annotator.domain.errors import InvalidInput
from annotator.i18n import LANGUAGES, default_language
from annotator.messages import Msg, msg
from annotator.services import codebook, coding, documents
from annotator.services.coders import (
    ensure_coder,
    find_coder,
    get_or_create_coder,
)
from annotator.services.project_coder import coder_name
from annotator.services.projects import create_demo_project, new_project
from annotator.services.templates import template_names
from annotator.store.integrity import Examination
from annotator.store.project import Project


def path_help() -> str:
    return str(msg("code path from the root, names joined by '/', e.g. 信任/政治信任 "
                   "(write '\\/' for a / inside a name)"))


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _print_json_rows(rows: Iterable[dict]) -> None:
    """A JSON array written as its items come, laid out as ``_print_json`` lays it out
    (the same text, never the whole list in memory)."""
    out = sys.stdout
    first = True
    for row in rows:  # JSON has no raw line break in a value: every line is indented
        item = json.dumps(row, ensure_ascii=False, indent=2, default=str)
        out.write(("[\n  " if first else ",\n  ") + item.replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def _cmd_new(a: argparse.Namespace) -> int:
    if a.from_file:
        from annotator.services import exchange  # REFI-QDA: imported when used

        refi = exchange.read_exchange_file(
            a.from_file, utf16=None if a.offsets is None else a.offsets == "utf16",
            crlf=a.crlf)
        project, report = exchange.new_project_from_qdpx(a.project, a.from_file, refi=refi)
        project.close()
        print(msg("created {project} from {source}: {summary}", project=a.project,
                  source=a.from_file, summary=report.summary()))
        for note in report.notes:
            print(msg("note: {note}", note=note), file=sys.stderr)
        return 0
    new_project(a.project, a.template).close()
    print(msg("created {project} (codebook template: {template})", project=a.project,
              template=a.template))
    return 0


def _cmd_add_code(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        creator = ensure_coder(p, coder_name(p, a.coder)).id
        c = codebook.add_code(
            p, a.path, color=a.color, description=a.description or "", created_by=creator
        )
    print(msg("added code {path} ({color})", path=c.path, color=c.color))
    return 0


def _cmd_import(a: argparse.Namespace) -> int:
    files = [Path(f) for f in a.files]
    codebooks = [f for f in files if f.suffix.lower() == ".qdc"]
    for f in files:
        if f.suffix.lower() == ".qdpx":
            raise InvalidInput(
                "{name}: a whole REFI-QDA project; use 'annotator merge PROJECT {path}' to add "
                "it or 'annotator new NEW.annotator --from {path}' to start from it",
                name=f.name, path=str(f),
            )
    from annotator.services import exchange  # the .qdc reader

    with Project.open(a.project) as p:
        for f in codebooks:
            report = exchange.import_codebook(p, f)
            print(msg("imported codebook {name}: {added} codes added, {present} already "
                      "present", name=f.name, added=report.codes,
                      present=report.skipped_codes))
        texts = [f for f in files if f not in codebooks]
        summary = documents.import_files(p, texts, encoding=a.encoding)
        if summary.imported:  # the importer becomes a coder of the project
            ensure_coder(p, coder_name(p, a.coder))
    if not texts:
        return 0
    for d in summary.imported:
        source, name = shown(d.source_name), shown(repr(d.name))
        print(msg("imported {source} as {name}: {characters} characters, {encoding}",
                  source=source, name=name, characters=d.length, encoding=d.encoding)
              if d.encoding else
              msg("imported {source} as {name}: {characters} characters", source=source,
                  name=name, characters=d.length))
    for f, w in summary.warnings:
        print(msg("warning: {file}: {warning}", file=shown(f), warning=shown(w)),
              file=sys.stderr)
    for f, reason in summary.refused:
        line = (msg("refused: {reason}", reason=reason) if f in str(reason) else
                msg("refused: {file}: {reason}", file=f, reason=reason))
        print(shown(line), file=sys.stderr)
    print(msg("{imported} imported, {refused} refused", imported=len(summary.imported),
              refused=len(summary.refused)))
    return 1 if summary.refused else 0


def _resolve(p: Project, a: argparse.Namespace, create_coder: bool) -> tuple[int, int, int]:
    name = coder_name(p, a.coder)  # a participant copy codes as its participant
    with p.write() as s:
        doc = documents.find_document(s, a.doc)
        code = codebook.find_code(s, a.code)
        coder = get_or_create_coder(s, name) if create_coder else find_coder(s, name)
        return doc.id, code.id, coder.id


def _cmd_code(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        doc_id, code_id, coder_id = _resolve(p, a, create_coder=True)
        c = coding.code_span(p, doc_id, a.start, a.end, code_id, coder_id, a.memo or "")
    print(msg("coded {characters} characters [{start}, {end}) of {document} with {code}",
              characters=c.end - c.start, start=c.start, end=c.end, document=a.doc,
              code=a.code))
    return 0


def _cmd_uncode(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        doc_id, code_id, coder_id = _resolve(p, a, create_coder=False)
        r = coding.uncode_span(p, doc_id, a.start, a.end, code_id, coder_id)
    print(msg("uncoded {code} from [{start}, {end}) of {document} ({touched} codings "
              "touched, {kept} kept in part)", code=a.code, start=a.start, end=a.end,
              document=a.doc, touched=len(r.removed), kept=len(r.created)))
    return 0


def _cmd_segments(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        with p.read() as s:
            code_id = codebook.find_code(s, a.code).id if a.code else None
            doc_id = documents.find_document(s, a.doc).id if a.doc else None
            coder_id = find_coder(s, a.coder).id if a.coder else None
        segs = coding.iter_segments(p, code_id=code_id, document_id=doc_id,
                                    coder_id=coder_id, with_children=a.with_children)
        if a.json:  # streamed: a million segments take the memory of one
            _print_json_rows(
                {"document": g.document, "code": g.code_path, "coder": g.coder,
                 "start": g.start, "end": g.end, "text": g.text, "memo": g.memo,
                 "created_at": g.created_at.isoformat()} for g in segs)
        else:
            for g in segs:
                print(f"{g.document} [{g.start}, {g.end}) {g.code_path} ({g.coder}): "
                      f"{g.text!r}")
    return 0


def _cmd_export(a: argparse.Namespace) -> int:
    out = Path(a.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".qdpx", ".qdc"):
        raise InvalidInput("{name}: export to .xlsx (Excel), .qdpx or .qdc (REFI-QDA)",
                           name=out.name)
    # Workbook and REFI-QDA writers are imported when used: they are not needed by the
    # other commands.
    from annotator.services import exchange
    from annotator.services.export import export_workbook
    from annotator.services.repair import export_readable, left_out_note

    def write(project: Project, damage: Examination | None) -> list[Msg]:
        if suffix == ".xlsx":
            export_workbook(project, out, lang=a.lang, agreement=not a.no_agreement,
                            words=not a.no_words, analysis=not a.no_analysis, damage=damage)
            return []
        return exchange.export_refi(project, out, utf16=a.for_nvivo)

    with Project.open(a.project) as p:
        notes, damage = export_readable(p, out, write)
        for note in notes:
            print(msg("note: {note}", note=note), file=sys.stderr)
        if damage is not None:
            print(left_out_note(p, out, damage), file=sys.stderr)
    print(msg("exported {path}", path=out))
    return 0


def _cmd_demo(a: argparse.Namespace) -> int:
    path = Path(a.project)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_demo_project(path).close()
        print(msg("created the demo project {path}", path=path))
    if a.no_open:
        return 0
    from annotator.cli import open_window

    return open_window(path)


def offset_options(p: argparse.ArgumentParser) -> None:
    """How a .qdpx counts its offsets, when the import report's reading was wrong."""
    p.add_argument("--offsets", choices=("utf16", "codepoints"),
                   help=str(msg(".qdpx offsets count UTF-16 units (NVivo) or code points "
                                "(the standard); default: decided from the file, said in "
                                "the report")))
    p.add_argument("--crlf", type=int, choices=(1, 2),
                   help=str(msg("a CRLF line end in the .qdpx texts counts 1 or 2 "
                                "positions; default: decided from the file")))


def register(sub: argparse._SubParsersAction) -> None:

    p = sub.add_parser("new", help=str(msg("create a project")))
    p.add_argument("project")
    p.add_argument("--template", default="governance", choices=template_names())
    p.add_argument("--from", dest="from_file", metavar="FILE.qdpx",
                   help=str(msg("start from a REFI-QDA project (NVivo, ATLAS.ti, "
                                "MAXQDA...)")))
    offset_options(p)
    p.set_defaults(run=_cmd_new)

    p = sub.add_parser("add-code", help=str(msg("add a code (parents created as needed)")))
    p.add_argument("project")
    p.add_argument("path", help=path_help())
    p.add_argument("--color", help=str(msg("the colour, #RRGGBB")))
    p.add_argument("--description", help=str(msg("the code's definition")))
    p.add_argument("--coder", help=str(msg("who adds the code (recorded as its author)")))
    p.set_defaults(run=_cmd_add_code)

    p = sub.add_parser("import", help=str(msg(
        "import documents (.txt .md .docx .pdf .odt .html) or a REFI-QDA codebook (.qdc)")))
    p.add_argument("project")
    p.add_argument("files", nargs="+")
    p.add_argument("--coder")
    p.add_argument("--encoding",
                   help=str(msg("text encoding of .txt/.md files (default: detected)")))
    p.set_defaults(run=_cmd_import)

    for name, fn, help_ in (("code", _cmd_code, msg("code a span")),
                            ("uncode", _cmd_uncode, msg("remove a code from a span"))):
        p = sub.add_parser(name, help=str(help_))
        p.add_argument("project")
        p.add_argument("--doc", required=True, help=str(msg("document name")))
        p.add_argument("--start", required=True, type=int,
                       help=str(msg("first character (code points, from 0)")))
        p.add_argument("--end", required=True, type=int,
                       help=str(msg("one past the last character")))
        p.add_argument("--code", required=True, help=path_help())
        p.add_argument("--coder")
        if name == "code":
            p.add_argument("--memo")
        p.set_defaults(run=fn)

    p = sub.add_parser("segments", help=str(msg("coded segments (code-and-retrieve)")))
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.add_argument("--code", help=path_help())
    p.add_argument("--with-children", action="store_true",
                   help=str(msg("include the code's children")))
    p.add_argument("--doc")
    p.add_argument("--coder")
    p.set_defaults(run=_cmd_segments)

    p = sub.add_parser("export",
                       help=str(msg("export to Excel (.xlsx) or REFI-QDA (.qdpx, .qdc)")))
    p.add_argument("project")
    p.add_argument("out", help=str(msg("the file to write: OUT.xlsx, OUT.qdpx or OUT.qdc")))
    p.add_argument("--lang", choices=LANGUAGES, default=default_language())
    p.add_argument("--no-agreement", action="store_true",
                   help=str(msg("leave out the agreement and disagreement sheets")))
    p.add_argument("--no-words", action="store_true",
                   help=str(msg("leave out the word-frequency sheet")))
    p.add_argument("--no-analysis", action="store_true",
                   help=str(msg("leave out the analysis sheets (co-occurrence, crosstabs, "
                                "saved queries)")))
    p.add_argument("--for-nvivo", action="store_true",
                   help=str(msg(".qdpx offsets in UTF-16 units, as NVivo counts them "
                                "(default: code points, as the standard says); they differ "
                                "only after emoji and other characters beyond the BMP")))
    p.set_defaults(run=_cmd_export)

    p = sub.add_parser("demo", help=str(msg("create (if needed) and open the demo project")))
    p.add_argument("project", nargs="?", default="demo/示例项目.annotator")
    p.add_argument("--no-open", action="store_true", help=str(msg("only create it")))
    p.set_defaults(run=_cmd_demo)
