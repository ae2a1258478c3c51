"""Opening, creating and closing projects, and the recent-projects lists.

The window shows one project at a time; these are the ways to get one into it (a file,
a new project from a codebook template, the demo) and the lists that remember them
(File > Open recent and the welcome page).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QToolButton

from annotator.domain.errors import AnnotatorError
from annotator.services.project_coder import copy_participant
from annotator.services.projects import create_demo_project, new_project
from annotator.services.templates import load_template, template_names
from annotator.store.project import PROJECT_SUFFIX, Project
from annotator.ui import window_state
from annotator.ui.i18n import current_language
from annotator.ui.welcome import demo_location

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate

MAX_RECENT = 10


def demo_path() -> Path:
    """Where "Open demo project" keeps its copy (``welcome.demo_location``)."""
    return demo_location()


def project_coder(window: Window, project: Project) -> str | None:
    """Who codes in ``project``: the coder last used in it on this machine, else the
    participant a workshop copy was made for, else None (the usual coder name,
    ``services.coders.resolve_coder_name``)."""
    remembered = window_state.remembered_coder(window.settings, project.path)
    if remembered:
        return remembered
    try:
        return copy_participant(project)
    except AnnotatorError:
        return None


def open_project(window: Window, project: Project, document: str | None = None) -> None:
    """Show an open project (the caller opened it); the window now owns it."""
    window_state.save_project_state(window)
    window.session.open(project, project_coder(window, project))
    if window.persist and window.session.coder is not None:
        window_state.remember_coder(window.settings, project.path, window.session.coder.name)
    remember_recent(window, project.path)
    window_state.restore_project_state(window, document)


def open_path(window: Window, path: Path | str) -> bool:
    """Open a project file and show it; an error is shown, not raised."""
    try:
        project = Project.open(path)
    except AnnotatorError as exc:
        window.show_error(str(exc))
        return False
    window.open_project(project)
    window.say(translate("MainWindow", "Opened {0}").format(project.path))
    return True


def open_project_dialog(window: Window) -> None:
    """Ask for a project file and open it."""
    path = window.prompts.open_file(
        translate("MainWindow", "Open project"), start_folder(window),
        translate("MainWindow", "Annotator projects (*{0});;All files (*)").format(PROJECT_SUFFIX))
    if path:
        window.open_path(path)


def new_project_dialog(window: Window) -> None:
    """Ask for a codebook template and a file name, create the project, show it."""
    names = template_names()
    labels = []
    for name in names:
        try:
            title = load_template(name).title
        except AnnotatorError:
            title = {}
        label = title.get(current_language()) or title.get("en") or name
        labels.append(label if label not in labels else f"{label} ({name})")
    default = names.index("governance") if "governance" in names else 0
    label = window.prompts.choice(
        translate("MainWindow", "New project"),
        translate("MainWindow", "Codebook to start with:"), labels, default)
    if label is None:
        return
    template = names[labels.index(label)] if label in labels else names[default]
    path = window.prompts.save_file(
        translate("MainWindow", "New project"), start_folder(window),
        translate("MainWindow", "Annotator projects (*{0})").format(PROJECT_SUFFIX))
    if not path:
        return
    path = Path(path)
    if path.suffix != PROJECT_SUFFIX:
        path = path.with_name(path.name + PROJECT_SUFFIX)
    try:
        project = new_project(path, template)
    except AnnotatorError as exc:
        window.show_error(str(exc))
        return
    window.open_project(project)
    window.say(translate("MainWindow", "Created {0} with the codebook “{1}”").format(
        path, labels[names.index(template)]))


def open_demo(window: Window) -> None:
    """Open the demo project, creating it on first use."""
    path = demo_path()
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_demo_project(path).close()
        except (AnnotatorError, OSError) as exc:
            window.show_error(str(exc))
            return
    window.open_path(path)


def close_project(window: Window) -> None:
    """Close the project, remembering where the user was."""
    window_state.save_project_state(window)
    window.session.close()


def save_copy(window: Window) -> None:
    """Ask where, then save a consistent copy of the open project."""
    p = window.session.project
    if p is None:
        return
    path = window.prompts.save_file(
        translate("MainWindow", "Save a copy"),
        str(p.path.with_name(p.path.stem + "-copy" + PROJECT_SUFFIX)),
        translate("MainWindow", "Annotator projects (*{0})").format(PROJECT_SUFFIX))
    if path:
        done = window.session.call(p.save_copy, path)
        if done is not None:
            window.say(translate("MainWindow", "Saved a copy as {0}").format(path))


def start_folder(window: Window) -> str:
    """Where file dialogs start: beside the last project, else home."""
    recent = window.recent_projects()
    return str(Path(recent[0]).parent) if recent else str(Path.home())

# -- recent projects -----------------------------------------------------------------


def recent_projects(window: Window) -> list[str]:
    """The projects opened last, newest first (as stored in QSettings)."""
    value = window.settings.value("recentProjects", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def remember_recent(window: Window, path: Path) -> None:
    """Put a project first in the recent list (not in a throw-away window)."""
    if not window.persist:
        return
    path_s = str(Path(path).resolve())
    recent = [p for p in window.recent_projects() if p != path_s]
    window.settings.setValue("recentProjects", [path_s, *recent][:MAX_RECENT])
    window.settings.setValue("lastProject", path_s)


def fill_recent_menu(window: Window) -> None:
    """Fill File > Open recent just before it shows, so it is never stale."""
    window.recent_menu.clear()
    recent = [p for p in window.recent_projects() if Path(p).exists()]
    if not recent:
        empty = window.recent_menu.addAction(translate("MainWindow", "(none yet)"))
        empty.setEnabled(False)
    for n, path in enumerate(recent, start=1):
        act = window.recent_menu.addAction(f"&{n % 10}  {Path(path).name}")
        act.setToolTip(path)
        act.triggered.connect(lambda _c=False, p=path: window.open_path(p))

# -- where the user was --------------------------------------------------------------


def fill_empty_recent(window: Window) -> None:
    """List the recent projects on the welcome page."""
    box = window.empty.recent_box
    while box.count():
        w = box.takeAt(0).widget()
        if w is not None:
            w.deleteLater()
    recent = [p for p in window.recent_projects() if Path(p).exists()][:5]
    if recent:
        box.addWidget(QLabel(translate("MainWindow", "Recent projects:")), 0,
                      Qt.AlignmentFlag.AlignHCenter)
    for path in recent:
        button = QToolButton(text=Path(path).name)
        button.setToolTip(path)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _c=False, p=path: window.open_path(p))
        box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
