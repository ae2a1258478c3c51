"""Where a save or open dialog starts for the open project: beside its file, or — for a
team project, which has no file — in the home folder, under the database's name.

A file project suggests ``访谈.xlsx`` beside ``访谈.annotator``; a team project on
``postgresql://…/workshop`` suggests ``~/workshop.xlsx``.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from annotator.store.project import Project


def project_stem(project: Project) -> str:
    """The project's file name without its suffix, or a team project's database name."""
    if project.path is not None:
        return project.path.stem
    return unquote(urlsplit(project.url or "").path.lstrip("/")) or "team-project"


def project_folder(project: Project) -> Path:
    """The project file's folder; the home folder for a team project."""
    return project.path.parent if project.path is not None else Path.home()


def beside_project(project: Project, tail: str) -> Path:
    """A file named after the project (``stem + tail``) in ``project_folder``."""
    return project_folder(project) / (project_stem(project) + tail)


__all__ = ["beside_project", "project_folder", "project_stem"]
