"""Checking a project through and saving what is readable of a damaged one.

The open check is quick (``quick_check``); ``check_project`` is the full one a user asks
for when something looks wrong, and ``salvage_project`` writes a new, whole project of
everything readable (see ``store/integrity.py``), which the user then works on or exports.
"""

from pathlib import Path

from annotator.domain.errors import ProjectFileError
from annotator.store import integrity
from annotator.store.file_errors import os_reason
from annotator.store.project import SQLITE_MAGIC, Project


def check_project(path: Path | str) -> integrity.Examination:
    """The full check of a project file: the open check, then ``integrity_check`` and
    every document's SHA-256 (``ProjectFileError`` when the file does not even open)."""
    path = Path(path)
    Project.open(path).close()
    return integrity.examine(path)


def salvage_project(source: Path | str, dest: Path | str) -> integrity.Examination:
    """A whole copy of what is readable in ``source`` at ``dest``; what was found."""
    source, dest = Path(source), Path(dest)
    try:
        with source.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectFileError("{path}: cannot be read ({reason})", path=source,
                               reason=os_reason(exc)) from exc
    if head != SQLITE_MAGIC:
        raise ProjectFileError("{path}: not an Annotator project (not a database file)",
                               path=source)
    return integrity.salvage(source, dest)
