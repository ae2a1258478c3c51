"""Every message from below the interface reaches the user in their language.

The source is parsed, not run: each literal template handed to ``msg()`` or to an
``AnnotatorError``-family constructor outside ``annotator/ui`` (the window translates its
own strings with Qt) must have a Chinese entry with the same placeholders, and no such
call may build its sentence in code (an f-string, ``+``, ``.format``), because a built
sentence cannot be looked up.
"""

import ast
from pathlib import Path

import pytest

from annotator.domain.errors import ImportRefused, NotFound
from annotator.messages import Msg, msg, placeholders, set_language
from annotator.messages.catalog import catalog

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"
ROOT_ERRORS = {"AnnotatorError"}
# Helpers that take a message as their n-th positional argument, besides msg() itself.
MESSAGE_HELPERS = {"msg": 0, "refusal": 1, "_writing_beside": 2}
# Helpers that fill the template's arguments themselves (from the error they catch).
FILLED_BY_HELPER = {"_writing_beside"}

# Files whose messages are still built in code; remove a file once it is converted.
NOT_YET_CONVERTED: set[str] = set()

# Command-line modules whose printed lines and help texts are still English literals;
# remove a file once it says them through msg().
CLI_NOT_YET_CONVERTED: set[str] = set()
# keywords of argparse that take a sentence for the user
CLI_TEXT_KEYWORDS = {"help", "description", "epilog"}


def _sources() -> dict[str, ast.Module]:
    return {
        p.relative_to(PACKAGE).as_posix(): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(PACKAGE.rglob("*.py"))
        if "ui" not in p.relative_to(PACKAGE).parts
    }


def _error_names(trees: dict[str, ast.Module]) -> set[str]:
    """AnnotatorError and every class that derives from it, anywhere in the package."""
    names = set(ROOT_ERRORS)
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                             for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _message_calls():
    """(file, call, the argument that holds the message) for every message call."""
    trees = _sources()
    targets = dict.fromkeys(_error_names(trees), 0) | MESSAGE_HELPERS
    for rel, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            index = targets.get(name)
            if index is not None and len(node.args) > index:
                yield rel, node, node.args[index]


def _built(arg: ast.expr) -> bool:
    return isinstance(arg, ast.JoinedStr | ast.BinOp | ast.Call)


def test_every_template_is_translated_with_the_same_placeholders():
    zh = catalog("zh")
    problems = []
    for rel, call, first in _message_calls():
        where = f"{rel}:{call.lineno}"
        if rel in NOT_YET_CONVERTED:
            continue
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            template = first.value
            given = {k.arg for k in call.keywords if k.arg}
            func = call.func
            filled = (func.id if isinstance(func, ast.Name) else func.attr) in FILLED_BY_HELPER
            if template not in zh:
                problems.append(f"{where}: no Chinese for {template!r}")
                continue
            unpacked = any(k.arg is None for k in call.keywords)
            if not (unpacked or filled) and placeholders(template) != given:
                problems.append(f"{where}: arguments {sorted(given)} for {template!r}")
            if placeholders(zh[template]) != placeholders(template):
                problems.append(f"{where}: the Chinese of {template!r} has other placeholders")
        elif _built(first):
            problems.append(f"{where}: a sentence built in code cannot be translated")
    assert not problems, "\n".join(problems)


def test_the_not_yet_converted_list_names_only_files_that_still_build_sentences():
    built = {rel for rel, _, arg in _message_calls() if _built(arg)}
    converted = NOT_YET_CONVERTED - built
    assert not converted, f"converted, remove from NOT_YET_CONVERTED: {sorted(converted)}"


def _has_words(arg: ast.expr) -> bool:
    """A sentence written in the code: a literal (or f-string, or ``+`` / ``.format`` of
    one) holding letters. Data laid out without words (``f"{a}\\t{b}"``) is not."""
    if isinstance(arg, ast.Constant):
        return isinstance(arg.value, str) and any(c.isalpha() for c in arg.value)
    if isinstance(arg, ast.JoinedStr):
        return any(_has_words(v) for v in arg.values if isinstance(v, ast.Constant))
    if isinstance(arg, ast.BinOp):
        return _has_words(arg.left) or _has_words(arg.right)
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute):
        return arg.func.attr == "format" and _has_words(arg.func.value)
    return False


def _cli_sentences():
    """(file, line, text node) for every line the command line prints, every help text
    and every message it exits with."""
    for rel, tree in _sources().items():
        if not rel.startswith("cli/"):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in ("print", "SystemExit", "error", "exit") and node.args:
                yield rel, node.lineno, node.args[-1 if name == "exit" else 0]
            for keyword in node.keywords:
                if keyword.arg in CLI_TEXT_KEYWORDS:
                    yield rel, node.lineno, keyword.value


def test_the_command_line_prints_and_explains_through_the_catalogs():
    """A converted command module says everything through msg(): its success lines,
    notes and warnings, and its argparse help (argparse's own words: ``cli/argparse_words``)."""
    problems = [f"{rel}:{line}: an English sentence printed as it is"
                for rel, line, arg in _cli_sentences()
                if rel not in CLI_NOT_YET_CONVERTED and _has_words(arg)]
    assert not problems, "\n".join(problems)


def test_the_cli_not_yet_converted_list_names_only_modules_with_english_left():
    left = {rel for rel, _, arg in _cli_sentences() if _has_words(arg)}
    converted = CLI_NOT_YET_CONVERTED - left
    assert not converted, f"converted, remove from CLI_NOT_YET_CONVERTED: {sorted(converted)}"


def test_catalog_entries_use_chinese_punctuation_and_differ_from_english():
    for template, text in catalog("zh").items():
        assert text != template, template
        assert not text.rstrip().endswith((".", ",", ":", ";")), text


@pytest.fixture
def chinese():
    set_language("zh")
    yield
    set_language("en")


def test_an_error_renders_in_the_language_current_when_it_is_shown(chinese):
    exc = NotFound("no document named {name!r} in this project", name="访谈1")
    assert "访谈1" in str(exc) and "no document" not in str(exc)
    set_language("en")
    assert str(exc) == "no document named '访谈1' in this project"


def test_nested_messages_render_in_one_language(chinese):
    inner = msg("a document name cannot be empty")
    outer = ImportRefused("{name}: {reason}", name="a.txt", reason=inner)
    assert str(outer).startswith("a.txt") and "empty" not in str(outer)


def test_an_untranslated_template_is_shown_in_english(chinese):
    assert str(Msg("nothing like this is in any catalog {n}", {"n": 3})) == \
        "nothing like this is in any catalog 3"
