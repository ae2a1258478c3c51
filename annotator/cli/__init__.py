"""``annotator``: the window with no arguments, headless subcommands otherwise.

Every subcommand calls the same services the window does. Success exits 0; a failure a
user caused exits 1 with one line on stderr; a usage error exits 2 (argparse). Each
``*_commands`` module registers its own subcommands.

Messages speak the interface language: ``annotator --lang zh|en …`` first, else
``ANNOTATOR_LANG``, the language setting and the system locale (``annotator.messages``).
``--lang`` goes before the subcommand, since ``export --lang`` names the workbook's.
"""

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from types import ModuleType

from annotator.cli import argparse_words
from annotator.domain.errors import AnnotatorError
from annotator.messages import LANG_ENV, LANGUAGES, fixed_language, msg, set_language
from annotator.store.file_errors import file_refusal

# Which module registers each subcommand. A command imports only its own module, so
# ``--version`` and ``info`` do not pay for numpy, jieba or openpyxl
# (tests/cli/test_startup_imports.py keeps this table equal to what the modules register).
COMMANDS: dict[str, str] = {
    **dict.fromkeys(("new", "add-code", "import", "code", "uncode", "segments", "export",
                     "demo"), "project_commands"),
    "info": "info_commands",
    **dict.fromkeys(("copies", "merge", "agreement", "reviewed", "disagreements",
                     "consensus"), "workshop_commands"),
    **dict.fromkeys(("push", "save-copy"), "team_commands"),
    **dict.fromkeys(("attributes", "cases", "sets", "query", "cooccurrence", "crosstab"),
                    "analysis_commands"),
    **dict.fromkeys(("words", "kwic", "autocode", "dictionary", "stopwords", "synonyms"),
                    "words_commands"),
    **dict.fromkeys(("check", "salvage"), "repair_commands"),
    "blind": "blind_commands",
}


def command_module(name: str) -> ModuleType:
    """The module that implements subcommand ``name``, imported now."""
    return import_module(f"annotator.cli.{COMMANDS[name]}")


class _ShowVersion(argparse.Action):
    """``--version``: the installed version is looked up only when it is asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help=str(msg("show the program's version and exit")))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from annotator import __version__

        print(f"{parser.prog} {__version__}")  # a name and a number: the same in every language
        parser.exit()


def _build_parser(command: str) -> argparse.ArgumentParser:
    """The parser for one subcommand: only the module that holds it is imported."""
    ap = argparse.ArgumentParser(prog="annotator",
                                 description=str(msg("Qualitative coding of texts.")))
    ap.add_argument("--version", action=_ShowVersion)
    sub = ap.add_subparsers(dest="command", required=True)
    command_module(command).register(sub)
    return ap


def _window_parser(commands: list[str]) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="annotator",
        description=str(msg("Open the window. Subcommands: {commands} (annotator CMD -h).",
                            commands=", ".join(commands))),
    )
    ap.add_argument("--version", action=_ShowVersion)
    ap.add_argument("project", nargs="?", type=_project_location,
                    help=str(msg("a project file or a team project's URL (postgresql://…)")))
    ap.add_argument("--screenshot", type=Path,
                    help=str(msg("save a screenshot of the window and exit")))
    ap.add_argument("--doc", help=str(msg("document to show")))
    return ap


def _project_location(text: str) -> Path | str:
    """A file's path, or a team project's URL kept as it was typed (a ``Path`` would
    fold its ``//``)."""
    from annotator.store.server import is_server_url

    return text if is_server_url(text) else Path(text)


def open_window(project: Path | str | None, screenshot: Path | None = None,
                doc: str | None = None) -> int:
    from annotator.ui.app import run

    return run(project, screenshot=screenshot, document=doc)


def _take_language(args: list[str]) -> list[str]:
    """Remove a leading ``--lang zh|en`` and make it this process's language.

    Set through the environment so that the window, started from here, follows it too.
    """
    if args and args[0].startswith("--lang="):
        value, rest = args[0].partition("=")[2], args[1:]
    elif len(args) >= 2 and args[0] == "--lang":
        value, rest = args[1], args[2:]
    else:
        return args
    if value not in LANGUAGES:
        raise SystemExit(str(msg("annotator: --lang takes one of {languages}",
                                 languages=", ".join(LANGUAGES))))
    os.environ[LANG_ENV] = value
    set_language(value)
    return rest


def _drop_half_built_output(exc: BaseException) -> None:
    """Let go of what a refused command had half built, without noise on the terminal.

    A workbook whose export stopped half-way holds suspended sheet writers and an open
    zip file, kept alive by the error's traceback; when they are collected, openpyxl and
    zipfile complain on stderr ("Exception ignored in …") about output that is being
    thrown away anyway, after the one line that says what happened. The traceback's frames
    are cleared and collected now, with those complaints silenced.
    """
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        seen: set[int] = set()
        current: BaseException | None = exc
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            traceback.clear_frames(current.__traceback__)
            current = current.__cause__ or current.__context__
        gc.collect()
    finally:
        sys.unraisablehook = hook


@contextmanager
def _language_of_one_command() -> Iterator[None]:
    """``--lang`` holds for one command only: the language and ``ANNOTATOR_LANG`` are
    given back as they were when it returns (or exits), so a caller that runs several
    commands in one process — a test, a script — is not left in another language."""
    before = fixed_language(), os.environ.get(LANG_ENV)
    try:
        yield
    finally:
        set_language(before[0])
        if before[1] is None:
            os.environ.pop(LANG_ENV, None)
        else:
            os.environ[LANG_ENV] = before[1]


def main(argv: Sequence[str] | None = None) -> int:
    argparse_words.install()
    with _language_of_one_command():
        args = _take_language(list(sys.argv[1:] if argv is None else argv))
        try:
            if args and args[0] in COMMANDS:
                ns = _build_parser(args[0]).parse_args(args)
                return ns.run(ns)
            ns = _window_parser(list(COMMANDS)).parse_args(args)
            return open_window(ns.project, ns.screenshot, ns.doc)
        except AnnotatorError as exc:
            _drop_half_built_output(exc)
            message = " ".join(str(exc).split())
            print(msg("annotator: error: {message}", message=message), file=sys.stderr)
            return 1
        except UnicodeEncodeError:
            # Bytes that are not UTF-8 in a name, memo or code reached text that is stored or
            # matched; file paths themselves are accepted as they are.
            print(msg("annotator: error: an argument holds bytes that are not UTF-8 text — "
                      "retype it (nothing was changed)"), file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # output piped into `head` and the like
            sys.stderr.close()
            return 0
        except OSError as exc:  # a name too long, a full or read-only disk (``file_errors``)
            _drop_half_built_output(exc)
            message = " ".join(str(file_refusal(exc)).split())
            print(msg("annotator: error: {message}", message=message), file=sys.stderr)
            return 1
