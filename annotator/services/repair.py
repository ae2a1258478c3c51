"""Checking a project through, saving what is readable of a damaged one, exporting it.

The open check is quick (``quick_check``); ``check_project`` is the full one a user asks
for when something looks wrong, and ``salvage_project`` writes a new, whole project of
everything readable (see ``store/integrity.py``), which the user then works on.
``export_readable`` exports a damaged project as it is: what is readable goes out, the
damaged documents are named, and the project file is only read.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from annotator.messages import Msg, msg
from annotator.store import integrity
from annotator.store.debris import temporary_name
from annotator.store.project import Project, check_project_file

T = TypeVar("T")


def check_project(path: Path | str, step: integrity.Step | None = None
                  ) -> integrity.Examination:
    """The full check of a project file: the open check, then ``integrity_check`` and
    every document's SHA-256 (``ProjectFileError`` when the file does not even open);
    ``step(done, total)`` after each document."""
    path = Path(path)
    Project.open(path).close()
    return integrity.examine(path, step)


def salvage_project(source: Path | str, dest: Path | str,
                    step: integrity.Step | None = None) -> integrity.Examination:
    """A whole copy of what is readable in ``source`` at ``dest``; what was found
    (``step(done, total)`` after each document checked)."""
    source, dest = Path(source), Path(dest)
    check_project_file(source)
    return integrity.salvage(source, dest, step)


@contextmanager
def readable_copy(
    project: Project, beside: Path
) -> Iterator[tuple[Project, integrity.Examination]]:
    """What is readable of the damaged ``project``, open as a project of its own.

    It is a salvaged copy (``integrity.salvage``) under a temporary name beside ``beside``
    (what is being written from it), removed on every path; a kill leaves it to the
    sweep (``store/debris.py``). The damaged file itself is only read.
    """
    copy = temporary_name(beside, "salvage")
    try:
        found = integrity.salvage(project.path, copy)
        with Project.open(copy) as readable:
            yield readable, found
    finally:
        for leftover in (copy, copy.with_name(copy.name + "-journal")):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)


def export_readable(
    project: Project, out: Path, write: "Callable[[Project, integrity.Examination | None], T]"
) -> tuple[T, integrity.Examination | None]:
    """``write(project, None)``; if the project is damaged (known already, or found while
    writing), ``write(copy, found)`` from what is readable instead (``readable_copy``).

    Returns what ``write`` returned and what was found damaged (None: nothing was).
    ``write`` must leave nothing behind when it fails, as every export does.
    """
    if project.damage is None:
        try:
            return write(project, None), None
        except integrity.ProjectDamaged:
            if project.path is None:
                raise
    with readable_copy(project, out) as (copy, found):
        return write(copy, found), found


def left_out_note(project: Project, out: Path, found: integrity.Examination) -> Msg:
    """The one sentence after exporting a damaged project: what is in ``out``, what is not
    (a workbook lists it again on its first sheet)."""
    if out.suffix.lower() == ".xlsx":
        return msg(
            "{path}: the project file is damaged, so only what is readable was exported to "
            "{out} — {report}. Its first sheet lists what was left out; the project file "
            "was not changed", path=project.location, out=out.name, report=found.describe(),
        )
    return msg(
        "{path}: the project file is damaged, so only what is readable was exported to "
        "{out} — {report}. The project file was not changed",
        path=project.location, out=out.name, report=found.describe(),
    )
