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
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli import (
    analysis_commands,
    project_commands,
    repair_commands,
    team_commands,
    words_commands,
    workshop_commands,
)
from annotator.domain.errors import AnnotatorError
from annotator.messages import LANG_ENV, LANGUAGES, msg, set_language
from annotator.store.file_errors import file_refusal

COMMAND_MODULES = (
    project_commands, workshop_commands, team_commands, analysis_commands, words_commands,
    repair_commands,
)


def _build_parser() -> tuple[argparse.ArgumentParser, list[str]]:
    ap = argparse.ArgumentParser(prog="annotator", description="Qualitative coding of texts.")
    ap.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return ap, list(sub.choices)


def _window_parser(commands: list[str]) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="annotator",
        description=f"Open the window. Subcommands: {', '.join(commands)} (annotator CMD -h).",
    )
    ap.add_argument("--version", action="version", version=f"annotator {__version__}")
    ap.add_argument("project", nargs="?", type=Path)
    ap.add_argument("--screenshot", type=Path, help="save a screenshot of the window and exit")
    ap.add_argument("--doc", help="document to show")
    return ap


def open_window(project: Path | None, screenshot: Path | None = None,
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
        raise SystemExit(f"annotator: --lang takes one of {', '.join(LANGUAGES)}")
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _take_language(list(sys.argv[1:] if argv is None else argv))
    parser, commands = _build_parser()
    try:
        if args and args[0] in commands:
            ns = parser.parse_args(args)
            return ns.run(ns)
        ns = _window_parser(commands).parse_args(args)
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
