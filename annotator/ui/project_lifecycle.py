"""The project controller: opening, creating, copying and closing projects, the
recent-projects lists, and the project's undo history (Edit → Undo / Redo).

The window shows one project at a time; these are the ways to get one into it (a file,
a new project from a codebook template, the demo, a team project on a server — the same
steps, through ``Project.open/create`` with a URL for the last) and the lists that
remember them (File > Open recent and the welcome page; a team project as its URL
without the password). It is given the application context, the
window state (to save and restore where the user was in each project) and the welcome
page (its buttons and recent list).
"""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

from annotator.domain.errors import AnnotatorError
from annotator.messages import msg
from annotator.services.project_coder import copy_participant
from annotator.services.projects import create_demo_project, new_project
from annotator.services.templates import load_template, template_names
from annotator.store.project import PROJECT_SUFFIX, Project
from annotator.store.server import display_url, is_server_url
from annotator.ui.context import AppContext
from annotator.ui.i18n import current_language
from annotator.ui.project_place import beside_project
from annotator.ui.team_dialog import TeamProjectDialog
from annotator.ui.welcome import WelcomePage, demo_location
from annotator.ui.window_state import WindowState, remember_coder, remembered_coder

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate

MAX_RECENT = 10


def demo_path() -> Path:
    """Where "Open demo project" keeps its copy (``welcome.demo_location``)."""
    return demo_location()


class ProjectController(QObject):
    def __init__(self, ctx: AppContext, state: WindowState, welcome: WelcomePage) -> None:
        super().__init__(ctx.window)
        self.ctx, self.state, self.welcome = ctx, state, welcome
        welcome.demo_button.clicked.connect(self.open_demo)
        welcome.new_button.clicked.connect(self.new_project_dialog)
        welcome.open_button.clicked.connect(self.open_project_dialog)
        ctx.session.projectChanged.connect(self.fill_welcome_recent)
        K = QKeySequence.StandardKey
        reg, is_open = ctx.registry, ctx.is_open
        reg.action("new", translate("MainWindow", "&New project…"), self.new_project_dialog, K.New,
                   translate("MainWindow", "Create a project file with a codebook template"))
        reg.action("open", translate("MainWindow", "&Open project…"), self.open_project_dialog,
                   K.Open,
                   translate("MainWindow", "Open a project file"))
        reg.action("open_team", translate("MainWindow", "Open &team project…"),
                   self.open_team_dialog, None,
                   translate("MainWindow", "Open a team project on a PostgreSQL server"))
        reg.action("new_team", translate("MainWindow", "New team pro&ject…"),
                   self.new_team_dialog, None,
                   translate("MainWindow", "Create a team project in an empty database on a "
                                           "PostgreSQL server"))
        reg.action("demo", translate("MainWindow", "Open de&mo project"), self.open_demo, None,
                   translate("MainWindow", "Open the demo project: a paper coded with the "
                                    "governance codebook"))
        reg.action("copy_project", translate("MainWindow", "&Save a copy…"), self.save_copy,
                   "Ctrl+Shift+S", translate("MainWindow",
                                             "Save a consistent copy of the project file"),
                   enabled=is_open)
        reg.action("close", translate("MainWindow", "&Close project"), self.close_project, K.Close,
                   translate("MainWindow", "Close the project"), enabled=is_open)
        reg.action("quit", translate("MainWindow", "&Quit"), ctx.window.close, K.Quit,
                   translate("MainWindow", "Quit Annotator"))
        self.recent_menu = reg.add_menu("recent", QMenu(translate("MainWindow", "Open &recent"),
                                                        ctx.window))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        # Undo/redo keep their short names (the toolbar must not re-lay itself out on every
        # change); what they would undo is in the tooltip and the status bar.
        stack = ctx.session.undo_stack
        undo = reg.action("undo", translate("MainWindow", "&Undo"), stack.undo, K.Undo,
                          translate("MainWindow", "Undo the last change"))
        redo = reg.action("redo", translate("MainWindow", "&Redo"), stack.redo,
                          ["Ctrl+Shift+Z", "Ctrl+Y"], translate("MainWindow",
                                                                "Redo the change undone last"))
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: undo_tip(undo, text, True))
        stack.redoTextChanged.connect(lambda text: undo_tip(redo, text, False))
        undo.setEnabled(False)
        redo.setEnabled(False)

    def project_coder(self, project: Project) -> str | None:
        """Who codes in ``project``: the coder last used in it on this machine, else the
        participant a workshop copy was made for, else None (the usual coder name,
        ``services.coders.resolve_coder_name``)."""
        remembered = remembered_coder(self.ctx.settings, project.location)
        if remembered:
            return remembered
        try:
            return copy_participant(project)
        except AnnotatorError:
            return None

    def open_project(self, project: Project, document: str | None = None) -> None:
        """Show an open project (the caller opened it); the window now owns it."""
        ctx = self.ctx
        self.state.save_project_state()
        ctx.session.open(project, self.project_coder(project))
        if ctx.persist and ctx.session.coder is not None:
            remember_coder(ctx.settings, project.location, ctx.session.coder.name)
        self.remember_recent(project.url or project.path)
        self.state.restore_project_state(document)
        if project.read_only is not None:
            ctx.say(str(msg("{path}: opened read-only — {reason}", path=project.location,
                            reason=project.read_only)))

    def open_path(self, path: Path | str) -> bool:
        """Open a project file or team project and show it; an error is shown, not raised.

        A team project that does not open (a password is needed, the server is away) is
        offered again in the team project dialog, with the reason in it.
        """
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            if is_server_url(path):
                return self.open_team_dialog(str(path), str(exc))
            self.ctx.show_error(str(exc))
            return False
        try:
            self.open_project(project)
        except AnnotatorError as exc:  # damage the first reads met (the document list)
            if self.ctx.session.project is project:
                self.ctx.session.close()
            else:
                project.close()
            self.ctx.show_error(str(exc) + "\n\n" + translate(
                "MainWindow", "File → Salvage project… saves what is readable of it as a new "
                "project."))
            return False
        if project.read_only is None:  # else open_project said so, and why
            self.ctx.say(translate("MainWindow", "Opened {0}").format(project.location))
        return True

    def team_dialog(self, title: str, url: str, note: str, templates: list[str] | None = None,
                    template: int = 0) -> TeamProjectDialog | None:
        """Ask where a team project is; the dialog (its URL, template) or None."""
        dialog = TeamProjectDialog(self.ctx.window, title, url=url or self.last_team_url(),
                                   note=note, templates=templates, template=template)
        try:
            return dialog if self.ctx.prompts.dialog(dialog) else None
        finally:
            dialog.deleteLater()

    def open_team_dialog(self, url: str = "", note: str = "") -> bool:
        """Ask for a team project's server and database, and open it."""
        dialog = self.team_dialog(translate("MainWindow", "Open team project"), url, note)
        if dialog is None:
            return False
        try:
            project = Project.open(dialog.url())
        except AnnotatorError as exc:
            self.ctx.show_error(str(exc))
            return False
        self.open_project(project)
        self.ctx.say(translate("MainWindow", "Opened the team project {0}").format(
            project.location))
        return True

    def new_team_dialog(self) -> bool:
        """Ask for an empty database and a codebook template; make a team project there."""
        names, labels, default = self.templates()
        dialog = self.team_dialog(translate("MainWindow", "New team project"), "", "",
                                  templates=labels, template=default)
        if dialog is None:
            return False
        index = dialog.chosen_template()
        template = names[index] if 0 <= index < len(names) else names[default]
        try:
            project = new_project(dialog.url(), template)
        except AnnotatorError as exc:
            self.ctx.show_error(str(exc))
            return False
        self.open_project(project)
        self.ctx.say(translate("MainWindow", "Created the team project {0} with the codebook "
                               "“{1}”").format(project.location, labels[names.index(template)]))
        return True

    def last_team_url(self) -> str:
        """The team project opened last (where the dialog starts), or nothing."""
        return next((p for p in self.recent_projects() if is_server_url(p)), "")

    def templates(self) -> tuple[list[str], list[str], int]:
        """The codebook templates: names, labels in the user's language, the default."""
        names = template_names()
        labels = []
        for name in names:
            try:
                title = load_template(name).title
            except AnnotatorError:
                title = {}
            label = title.get(current_language()) or title.get("en") or name
            labels.append(label if label not in labels else f"{label} ({name})")
        return names, labels, names.index("governance") if "governance" in names else 0

    def open_project_dialog(self) -> None:
        """Ask for a project file and open it."""
        path = self.ctx.prompts.open_file(
            translate("MainWindow", "Open project"), self.start_folder(),
            translate("MainWindow", "Annotator projects (*{0});;All files (*)").format(
                PROJECT_SUFFIX))
        if path:
            self.open_path(path)

    def new_project_dialog(self) -> None:
        """Ask for a codebook template and a file name, create the project, show it."""
        prompts = self.ctx.prompts
        names, labels, default = self.templates()
        label = prompts.choice(
            translate("MainWindow", "New project"),
            translate("MainWindow", "Codebook to start with:"), labels, default)
        if label is None:
            return
        template = names[labels.index(label)] if label in labels else names[default]
        path = prompts.save_file(
            translate("MainWindow", "New project"), self.start_folder(),
            translate("MainWindow", "Annotator projects (*{0})").format(PROJECT_SUFFIX))
        if not path:
            return
        path = Path(path)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        try:
            project = new_project(path, template)
        except AnnotatorError as exc:
            self.ctx.show_error(str(exc))
            return
        self.open_project(project)
        self.ctx.say(translate("MainWindow", "Created {0} with the codebook “{1}”").format(
            path, labels[names.index(template)]))

    def open_demo(self) -> None:
        """Open the demo project, creating it on first use."""
        path = demo_path()
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                create_demo_project(path).close()
            except (AnnotatorError, OSError) as exc:
                self.ctx.show_error(str(exc))
                return
        self.open_path(path)

    def close_project(self) -> None:
        """Close the project, remembering where the user was."""
        self.state.save_project_state()
        self.ctx.session.close()

    def save_copy(self) -> None:
        """Ask where, then save a consistent copy of the open project."""
        s = self.ctx.session
        p = s.project
        if p is None:
            return
        path = self.ctx.prompts.save_file(
            translate("MainWindow", "Save a copy"),
            str(beside_project(p, "-copy" + PROJECT_SUFFIX)),
            translate("MainWindow", "Annotator projects (*{0})").format(PROJECT_SUFFIX))
        if path:
            done = s.call(p.save_copy, path)
            if done is not None:
                self.ctx.say(translate("MainWindow", "Saved a copy as {0}").format(path))

    def start_folder(self) -> str:
        """Where file dialogs start: beside the last project file, else home."""
        recent = [p for p in self.recent_projects() if not is_server_url(p)]
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # -- recent projects ---------------------------------------------------------------

    def recent_projects(self) -> list[str]:
        """The projects opened last, newest first (as stored in QSettings)."""
        value = self.ctx.settings.value("recentProjects", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember_recent(self, path: Path | str) -> None:
        """Put a project first in the recent list (not in a throw-away window); a team
        project as its URL without the password."""
        if not self.ctx.persist:
            return
        path_s = display_url(path) if is_server_url(path) else str(Path(path).resolve())
        recent = [p for p in self.recent_projects() if p != path_s]
        self.ctx.settings.setValue("recentProjects", [path_s, *recent][:MAX_RECENT])
        if not is_server_url(path_s):  # the file the window reopens at start
            self.ctx.settings.setValue("lastProject", path_s)

    def fill_recent_menu(self) -> None:
        """Fill File > Open recent just before it shows, so it is never stale."""
        menu = self.recent_menu
        menu.clear()
        recent = [p for p in self.recent_projects() if _listed(p)]
        if not recent:
            empty = menu.addAction(translate("MainWindow", "(none yet)"))
            empty.setEnabled(False)
        for n, path in enumerate(recent, start=1):
            act = menu.addAction(f"&{n % 10}  {recent_label(path)}")
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    def fill_welcome_recent(self) -> None:
        """List the recent projects on the welcome page."""
        box = self.welcome.recent_box
        while box.count():
            w = box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        recent = [p for p in self.recent_projects() if _listed(p)][:5]
        if recent:
            box.addWidget(QLabel(translate("MainWindow", "Recent projects:")), 0,
                          Qt.AlignmentFlag.AlignHCenter)
        for path in recent:
            button = QToolButton(text=recent_label(path))
            button.setToolTip(path)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, p=path: self.open_path(p))
            box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)


def _listed(location: str) -> bool:
    """A recent project still worth offering: a team project, or a file that exists."""
    return is_server_url(location) or Path(location).exists()


def recent_label(location: str) -> str:
    """How a recent project is named in a menu: the file's name; a team project's
    database and server."""
    if not is_server_url(location):
        return Path(location).name
    parts = urlsplit(location)
    database = unquote(parts.path.lstrip("/"))
    service = parse_qs(parts.query).get("service", [""])[0]
    if service and not (database and parts.hostname):  # the service file says where
        return translate("MainWindow", "{0} (team)").format(database or service)
    return translate("MainWindow", "{0} on {1} (team)").format(
        database, parts.hostname or "localhost")


def undo_tip(action: QAction, text: str, undo: bool) -> None:
    """Say in the tooltip what undo/redo would do; the action text stays short."""
    if not text:
        tip = (translate("MainWindow", "Nothing to undo") if undo
               else translate("MainWindow", "Nothing to redo"))
    else:
        tip = (translate("MainWindow", "Undo: {0} (Ctrl+Z)") if undo
               else translate("MainWindow", "Redo: {0} (Ctrl+Shift+Z)")).format(text)
    action.setToolTip(tip)
    action.setStatusTip(tip)


__all__ = ["MAX_RECENT", "ProjectController", "demo_path", "recent_label", "undo_tip"]
