"""The GitHub workflows run what the Makefile and the tree hold.

The workflows cannot run here; what can be checked is that every command they give names
something that exists (a make target, a script, a file) and that the steps which spell out
a make recipe by hand (Windows has no make; the release jobs install from the lock) run
the same commands as the recipe: the same ruff paths, the same test script, the same
translation files. The schema itself is checked with ``check-jsonschema
--builtin-schema vendor.github-workflows`` (see the README's "Continuous integration").
"""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
# files a workflow step writes itself (the Windows job fetches Inno Setup's Chinese)
MADE_BY_A_STEP = {"packaging/windows/ChineseSimplified.isl"}


def run_commands(workflow: Path) -> list[str]:
    """Every shell line of every ``run:`` step (one-line and block form); Python steps
    (``shell: python``) are left out."""
    lines = workflow.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)(?:- )?run: ?(.*)$", lines[i])
        if not m:
            i += 1
            continue
        shell_python = any("shell: python" in lines[j] for j in range(max(0, i - 3), i))
        indent, value = len(m.group(1)), m.group(2).strip()
        block: list[str] = []
        if value in ("|", ">"):
            i += 1
            while i < len(lines) and (not lines[i].strip()
                                      or len(lines[i]) - len(lines[i].lstrip()) > indent):
                block.append(lines[i].strip())
                i += 1
        else:
            block, i = [value], i + 1
        if not shell_python:
            joined = "\n".join(block).replace("\\\n", " ")
            out.extend(line for line in joined.splitlines() if line and not line.startswith("#"))
    return out


def make_targets() -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w-]*):", MAKEFILE, re.M))


def recipe(target: str) -> list[str]:
    """The recipe lines of ``target`` in the Makefile."""
    m = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", MAKEFILE, re.M)
    assert m, target
    return [line.strip() for line in m.group(1).splitlines()]


def all_commands() -> list[tuple[str, str]]:
    return [(w.name, c) for w in WORKFLOWS for c in run_commands(w)]


def test_the_workflows_are_read() -> None:
    names = {w.name for w in WORKFLOWS}
    assert {"ci.yml", "release.yml"} <= names
    commands = [c for _, c in all_commands()]
    assert "make test" in commands and any(c.startswith("pyinstaller") for c in commands)


def test_every_make_target_a_workflow_runs_is_in_the_makefile() -> None:
    targets = make_targets()
    used = {word for _, c in all_commands() if c.startswith("make ")
            for word in shlex.split(c)[1:] if not word.startswith("-")}
    assert used and used <= targets, sorted(used - targets)


def test_every_script_and_file_a_workflow_names_is_in_the_tree() -> None:
    missing = []
    for name, command in all_commands():
        for word in shlex.split(command.replace("\\", "/"), posix=True):
            word = word.strip("\"'")
            named = re.match(r"^(packaging|annotator|tests|bench)/[\w./-]+\.\w+$", word) \
                or word in ("build.spec", "pyproject.toml", "Makefile")
            if named and not (ROOT / word).exists() and word not in MADE_BY_A_STEP:
                missing.append(f"{name}: {word}")
    assert not missing, missing


def test_ruff_runs_on_the_paths_make_lint_checks() -> None:
    (lint,) = [line for line in recipe("lint") if "ruff check" in line]
    paths = lint.split("ruff check", 1)[1].split()
    for name, command in all_commands():
        if "ruff check" in command:
            assert command.split("ruff check", 1)[1].split() == paths, (name, command)


def test_the_hand_written_test_steps_run_the_make_test_script() -> None:
    (script,) = [line.split("$(PY)", 1)[1].strip() for line in recipe("test")
                 if "$(PY)" in line]
    windows = [c for name, c in all_commands()
               if name == "ci.yml" and "packaging/test_installed.py" in c]
    assert windows and all(c.split("python", 1)[1].strip() == script for c in windows)


def test_the_release_compiles_the_translation_make_compiles() -> None:
    ts = re.search(r"^TS := (.+)$", MAKEFILE, re.M).group(1).strip()
    qm = re.search(r"^QM := (.+)$", MAKEFILE, re.M).group(1).strip()
    compiles = [c for _, c in all_commands() if c.startswith("pyside6-lrelease")]
    assert compiles
    for command in compiles:
        words = shlex.split(command)
        assert words[words.index("-qm") + 1] == qm and ts in words, command
