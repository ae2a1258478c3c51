"""The exceptions that may reach a user, named; any other ``raise`` fails this test.

A user sees one sentence for everything they can cause (``AnnotatorError`` and its family,
``domain/errors.py``). The command line's boundary turns a few more into one line: an
operating system refusal (``store/file_errors.py``), bytes that are not UTF-8 in an
argument, Ctrl+C, a closed pipe, and argparse's usage errors. What remains are invariants
that only a bug can break (an offset outside its text, a GUID used twice in a REFI export
the code itself built): those keep their traceback, and each is named here, by module.

The source is parsed, not run: every ``raise`` of a class, or of a helper that returns an
error, is looked up; re-raising a caught exception (``raise``, ``raise exc``) is not.
"""

import ast
import builtins
from pathlib import Path

from tests.test_messages import _error_names

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"

# Raised for the user: AnnotatorError and its family (found as ``test_messages`` finds it).
#: Turned into one line by ``annotator.cli.main`` (its ``except`` clauses, checked below).
CLI_BOUNDARY = {"AnnotatorError", "UnicodeEncodeError", "KeyboardInterrupt",
                "BrokenPipeError", "OSError"}
#: argparse's way of ending with a usage message (exit 2), and ``--lang`` checked the same.
USAGE = {"SystemExit", "ArgumentTypeError"}
#: Invariants a bug would break, by module: never caused by a user's file or input.
INVARIANTS = {
    "domain/offsets.py": {"ValueError"},  # an offset outside the text it maps
    "domain/query.py": {"ValueError"},  # an operator the parser never produces
    "domain/agreement.py": {"KeyError"},  # a cell asked for that the table does not have
    "io/refi/writer.py": {"ValueError"},  # an export model the exporter built wrongly
    "__init__.py": {"AttributeError"},  # the module ``__getattr__`` protocol (__version__)
}
#: Raised and caught inside one module; never leaves it.
INTERNAL = {
    "store/integrity.py": {"_TextDamaged"},  # inside SQLite's call of the text check
}


def _trees(package: Path = PACKAGE) -> dict[str, ast.Module]:
    return {
        p.relative_to(package).as_posix(): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(package.rglob("*.py"))
        if "ui" not in p.relative_to(package).parts
    }


def _error_helpers(trees: dict[str, ast.Module], errors: set[str]) -> set[str]:
    """Functions whose declared return type is one of ``errors`` (``refusal``, …)."""
    helpers = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
                returned = ast.unparse(node.returns).strip("'\"").split(".")[-1]
                if returned in errors:
                    helpers.add(node.name)
    return helpers


def _classes(trees: dict[str, ast.Module]) -> set[str]:
    return {n.name for t in trees.values() for n in ast.walk(t) if isinstance(n, ast.ClassDef)}


def stray_raises(trees: dict[str, ast.Module]) -> list[str]:
    """Every ``raise`` of a type not named in this module's lists, as ``file:line: Type``."""
    errors = _error_names(trees)
    helpers = _error_helpers(trees, errors)
    known_types = _classes(trees) | {n for n in dir(builtins) if n[0].isupper()} | USAGE
    problems = []
    for rel, tree in trees.items():
        allowed = errors | helpers | USAGE | INVARIANTS.get(rel, set()) | INTERNAL.get(rel, set())
        for node in ast.walk(tree):
            if not isinstance(node, ast.Raise) or node.exc is None:
                continue
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
            if name is None:
                continue
            raised_class = name in known_types
            called_helper = isinstance(node.exc, ast.Call) and name in helpers
            if not (raised_class or called_helper):
                continue  # a caught exception raised again, or an error held in a variable
            if name not in allowed:
                problems.append(f"{rel}:{node.lineno}: {name}")
    return problems


def test_every_raise_is_a_user_error_or_a_named_invariant() -> None:
    problems = stray_raises(_trees())
    assert not problems, "exception types not allowed to reach the user:\n" + "\n".join(
        problems)


def test_an_unexpected_exception_type_fails_the_check(tmp_path: Path) -> None:
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "errors.py").write_text(
        "class AnnotatorError(Exception): ...\nclass NotFound(AnnotatorError): ...\n")
    (tmp_path / "services.py").write_text(
        "from domain.errors import NotFound\n"
        "def find(x):\n"
        "    if x is None:\n"
        "        raise NotFound('no such thing')\n"
        "    try:\n"
        "        return int(x)\n"
        "    except ValueError as exc:\n"
        "        raise exc\n"  # re-raised: not a new type
        "def store(x):\n"
        "    raise RuntimeError('disk on fire')\n"
        "def parse(x):\n"
        "    raise ValueError(x)\n"  # ValueError is an invariant only in the named modules
    )
    assert stray_raises(_trees(tmp_path)) == ["services.py:10: RuntimeError",
                                             "services.py:12: ValueError"]


def test_the_command_line_turns_exactly_the_named_types_into_one_line() -> None:
    tree = ast.parse((PACKAGE / "cli" / "__init__.py").read_text(encoding="utf-8"))
    main = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")
    handled = set()
    for node in ast.walk(main):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            handled |= {ast.unparse(t) for t in types}
    assert handled == CLI_BOUNDARY
