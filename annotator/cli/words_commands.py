"""Subcommands for text analysis: word frequencies, concordance, coding from hits, and the
project's dictionary, stop words and synonyms."""

import argparse
import json
from pathlib import Path

from annotator.cli.project_commands import path_help
from annotator.domain.errors import InvalidInput, NotFound
from annotator.i18n import LANGUAGES, default_language
from annotator.io.word_sheet import write_word_workbook
from annotator.messages import msg
from annotator.services import autocode as autocoding
from annotator.services import words
from annotator.services.analysis_scope import Scope, parse_where, resolve
from annotator.services.codebook import find_code
from annotator.services.coders import get_or_create_coder
from annotator.services.kwic import MAX_CONTEXT, Query, concordance
from annotator.services.project_coder import coder_name
from annotator.store.project import Project
from annotator.text.cloud import cloud_svg
from annotator.text.stopwords import STOP_LANGUAGES, read_word_file


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _scope(a: argparse.Namespace) -> Scope:
    """The documents, cases, attribute values, sets and coder the command was given."""
    coders = (a.coder,) if getattr(a, "coder", None) else ()
    return Scope(tuple(a.doc or ()), tuple(a.cases or ()), parse_where(a.where or ()),
                 coders, tuple(a.document_sets or ()))


def _doc_ids(p: Project, a: argparse.Namespace) -> words.Selection | None:
    """The text a search covers: documents, or their stretches of a case coded on
    segments (None: every document)."""
    if not (a.doc or a.cases or a.where or a.document_sets):
        return None
    with p.read() as s:
        return resolve(s, _scope(a)).selection()


def _cmd_words(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        with p.read() as s:
            code_ids = [find_code(s, c).id for c in a.code] if a.code else None
            selection = words.scope_selection(s, _scope(a), code_ids)
        if not selection:
            raise NotFound("no text to count: no documents (or no coded text) in this selection")
        pos = frozenset(t.strip() for t in a.pos.split(",") if t.strip()) if a.pos else None
        options = words.WordOptions(min_length=a.min_length, pos=pos,
                                    stopwords=not a.no_stopwords, top=a.top)
        table = words.word_frequencies(p, selection, options)
    if a.xlsx:
        write_word_workbook(table, a.xlsx, a.lang)
    if a.cloud:
        _write_cloud(Path(a.cloud), [(r.word, r.count) for r in table.rows])
    if a.json:
        _print_json({"documents": table.documents, "total": table.total,
                     "distinct": table.distinct,
                     "words": [{"word": r.word, "count": r.count, "share": r.share,
                                "documents": r.documents} for r in table.rows]})
        return 0
    print(msg("{total} words ({distinct} different) in {documents} documents",
              total=table.total, distinct=table.distinct, documents=table.documents))
    for r in table.rows:
        print(f"{r.word}\t{r.count}\t{r.share:.2%}\t{r.documents}")
    if a.xlsx:
        print(msg("saved {path}", path=str(a.xlsx)))
    return 0


def _write_cloud(out: Path, counts: list[tuple[str, int]]) -> None:
    suffix = out.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise InvalidInput("{name}: the word cloud is saved as .svg or .png", name=out.name)
    try:
        if suffix == ".png":  # drawn by Qt (offscreen), only when a picture is asked for
            from annotator.ui.cloud_image import save_png

            save_png(cloud_svg(counts), out)
        else:
            out.write_text(cloud_svg(counts), encoding="utf-8")
    except OSError as exc:
        raise InvalidInput("{path}: cannot be written ({reason})", path=str(out),
                           reason=exc.strerror or str(exc)) from exc


def _query(a: argparse.Namespace) -> Query:
    return Query(a.term, regex=a.regex, whole_words=a.whole_words, ignore_case=a.ignore_case,
                 synonyms=getattr(a, "synonyms", False))


def _cmd_kwic(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        result = concordance(p, _query(a), _doc_ids(p, a), context=a.context,
                             limit=a.limit, sort=a.sort)
    if a.json:
        _print_json({"truncated": result.truncated, "hits": [
            {"document": h.document, "start": h.start, "end": h.end, "left": h.left,
             "hit": h.match, "right": h.right} for h in result.hits]})
        return 0
    width = max((len(h.left) for h in result.hits), default=0)
    for h in result.hits:
        print(f"{h.document}\t{h.start}\t{h.left.rjust(width, '　')} 【{h.match}】 {h.right}")
    print(msg("{count} hits", count=len(result.hits)))
    if result.truncated:
        print(msg("only the first {count} hits are shown", count=len(result.hits)))
    return 0


def _cmd_autocode(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        doc_ids = _doc_ids(p, a)
        name = coder_name(p, a.coder)  # a participant copy codes as its participant
        with p.write() as s:
            code_id = find_code(s, a.code).id
            coder_id = get_or_create_coder(s, name).id
        r = autocoding.autocode(p, _query(a), code_id, coder_id, extent=a.extent,
                                document_ids=doc_ids)
    print(msg("{hits} hits: {added} codings added with {code}, {already} already coded",
              hits=r.hits, added=len(r.added), code=a.code, already=r.already))
    return 0


def _words_arg(values: list[str] | None) -> list[str]:
    return [w for v in values or [] for w in v.split(",") if w.strip()]


def _cmd_dictionary(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        added = words.add_dictionary_words(p, _words_arg(a.add), a.pos) if a.add else []
        removed = words.remove_dictionary_words(p, _words_arg(a.remove)) if a.remove else []
        with p.read() as s:
            current = words.dictionary_words(s)
    if added or removed:
        print(msg("{added} words added, {removed} removed", added=len(added),
                  removed=len(removed)))
    for word in sorted(current):
        print(word if current[word] is None else f"{word}\t{current[word]}")
    return 0


def _cmd_stopwords(a: argparse.Namespace) -> int:
    add = _words_arg(a.add)
    if a.import_file:
        path = Path(a.import_file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise NotFound("{path}: cannot be read ({reason})", path=str(path),
                           reason=exc.strerror or str(exc)) from exc
        add += read_word_file(data, path.name)
    with Project.open(a.project) as p:
        added, removed = words.edit_stopwords(p, a.list, add=add, remove=_words_arg(a.remove))
        with p.read() as s:
            current = words.stopwords(s, a.list)
    if add or a.remove:
        print(msg("{added} stop words added, {removed} removed", added=len(added),
                  removed=len(removed)))
    else:
        print("\n".join(sorted(current)))
    return 0


def _cmd_synonyms(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        if a.merge:
            head, *rest = _words_arg(a.merge)
            done = words.merge_synonyms(p, head, rest)
            print(msg("{count} words now counted as {head}", count=len(done), head=head))
        if a.unmerge:
            words.unmerge_synonyms(p, _words_arg(a.unmerge))
        with p.read() as s:
            current = words.synonyms(s)
    for word, head in sorted(current.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"{word}\t→ {head}")
    return 0


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(str(msg("must be at least 1")))
    return n


def _context(value: str) -> int:
    n = int(value)
    if not 0 <= n <= MAX_CONTEXT:
        raise argparse.ArgumentTypeError(str(msg("must be 0 to {most}", most=MAX_CONTEXT)))
    return n


def _search_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("term", help=str(msg("word, phrase or (with --regex) regular expression")))
    p.add_argument("--regex", action="store_true", help=str(msg("TERM is a regular expression")))
    p.add_argument("--whole-words", action="store_true",
                   help=str(msg("only hits that are whole words of the segmentation")))
    p.add_argument("--ignore-case", action="store_true",
                   help=str(msg("match upper and lower case alike")))
    _filter_args(p)


def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", action="append", help=str(msg("document name (repeat for several)")))
    p.add_argument("--case", "--cases", dest="cases", action="append",
                   help=str(msg("only the documents of this case (repeat for several)")))
    p.add_argument("--where", action="append", metavar="ATTR=VALUE",
                   help=str(msg("only documents (or their cases) with this attribute value")))
    p.add_argument("--document-set", dest="document_sets", action="append", metavar="SET",
                   help=str(msg("only the documents of this document set (repeat for several)")))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("words", help=str(msg("word frequencies (Chinese-aware segmentation)")))
    p.add_argument("project", help=str(msg("the project file")))
    _filter_args(p)
    p.add_argument("--code", action="append",
                   help=str(msg("{path_help}; only the text it codes (with its children)",
                                path_help=path_help())))
    p.add_argument("--coder", help=str(msg("only the text this coder coded")))
    p.add_argument("--top", type=_positive, default=50,
                   help=str(msg("how many words (default 50)")))
    p.add_argument("--min-length", type=_positive, default=1,
                   help=str(msg("characters, default 1")))
    p.add_argument("--pos",
                   help=str(msg("part-of-speech tags to keep, e.g. n,v (prefixes: n takes nr)")))
    p.add_argument("--no-stopwords", action="store_true", help=str(msg("count stop words too")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.add_argument("--xlsx", help=str(msg("also save the table as an Excel workbook")))
    p.add_argument("--cloud", metavar="OUT.svg|OUT.png",
                   help=str(msg("also save a word cloud of the top words (SVG or PNG)")))
    p.add_argument("--lang", choices=LANGUAGES, default=default_language(),
                   help=str(msg("language of the workbook's labels")))
    p.set_defaults(run=_cmd_words)

    p = sub.add_parser("kwic", help=str(msg("keyword in context (concordance)")))
    _search_args(p)
    p.add_argument("--context", type=_context, default=20, help=str(msg("characters each side")))
    p.add_argument("--synonyms", action="store_true",
                   help=str(msg("find the words merged with TERM (its synonyms) too")))
    p.add_argument("--sort", choices=("position", "left", "right", "hit"), default="position",
                   help=str(msg("order of the hits: by position, by the words left or right "
                                "of the hit, or by the hit")))
    p.add_argument("--limit", type=_positive, default=200_000,
                   help=str(msg("at most this many hits")))
    p.add_argument("--json", action="store_true", help=str(msg("print JSON")))
    p.set_defaults(run=_cmd_kwic)

    p = sub.add_parser("autocode", help=str(msg("code every hit of a term (one undoable step)")))
    _search_args(p)
    p.add_argument("--code", required=True, help=path_help())
    p.add_argument("--extent", choices=autocoding.EXTENTS, default="hit",
                   help=str(msg("code the hit, its sentence or its paragraph")))
    p.add_argument("--coder", help=str(msg("who codes (default: the project's coder)")))
    p.set_defaults(run=_cmd_autocode)

    p = sub.add_parser("dictionary", help=str(msg("the project dictionary (code names are in it)")))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("--add", action="append", help=str(msg("words to add (comma-separated)")))
    p.add_argument("--remove", action="append", help=str(msg("words to take out")))
    p.add_argument("--pos", help=str(msg("part-of-speech tag of the added words (default nz)")))
    p.set_defaults(run=_cmd_dictionary)

    p = sub.add_parser("stopwords", help=str(msg("the project's stop-word lists")))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("--list", choices=STOP_LANGUAGES, default="zh", help=str(msg("which list")))
    p.add_argument("--add", action="append", help=str(msg("words to add (comma-separated)")))
    p.add_argument("--remove", action="append", help=str(msg("words to remove")))
    p.add_argument("--import", dest="import_file", metavar="FILE",
                   help=str(msg("add the words of a text file, one a line (UTF-8, GBK … "
                                "detected)")))
    p.set_defaults(run=_cmd_stopwords)

    p = sub.add_parser("synonyms", help=str(msg("words counted as another word")))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("--merge", action="append", metavar="HEAD,WORD,...",
                   help=str(msg("count the words after the first as the first")))
    p.add_argument("--unmerge", action="append",
                   help=str(msg("words to count as themselves again")))
    p.set_defaults(run=_cmd_synonyms)
