"""The first things a new user sees: the welcome page and the coder name, asked once.

The welcome page fills the central area whenever no project is open (the first run, or
after "Close project"): open the demo project, start a new project (the governance
codebook or an empty one), open a project file, or one of the recent projects. The
window connects the buttons and fills ``recent_box`` (``project_lifecycle.fill_empty_recent``).

The coder name goes on every coding. It is asked once, on the first start, when the
``coder`` setting (shared with the command line, ``annotator.settings``) is empty and
``ANNOTATOR_CODER`` does not set one; the operating-system user name is offered.
Later changes: Settings, or the coder button in the status bar.
"""

import getpass
import os
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.settings import CODER_ENV, load_settings, save_setting, settings_path
from annotator.ui.prompts import Prompts

DEMO_FILE = "示例项目.annotator"


def demo_location() -> Path:
    """Where "Open the demo project" keeps its copy: the user's data folder
    (``platformdirs.user_data_dir``), or beside the settings when ANNOTATOR_CONFIG_DIR
    moves them (tests, a portable install on a USB stick)."""
    if os.environ.get("ANNOTATOR_CONFIG_DIR"):
        return settings_path().parent / DEMO_FILE
    return Path(user_data_dir("Annotator", appauthor=False)) / DEMO_FILE


class WelcomePage(QWidget):
    """Shown when no project is open: the ways to start, and the recent projects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to Annotator"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Code interviews, policy documents and other texts: select a passage, give it "
            "one or more codes from your codebook, write memos, retrieve every coded "
            "segment and export them to Excel. A project keeps your documents, your "
            "codebook and every coding in one file."))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setFixedWidth(560)
        intro.setMinimumHeight(intro.heightForWidth(560))

        self.demo_button = QPushButton(self.tr("Open the demo project"))
        self.demo_button.setObjectName("openDemoButton")
        self.demo_button.setDefault(True)
        self.new_button = QPushButton(self.tr("New project…"))
        self.new_button.setObjectName("newProjectButton")
        self.open_button = QPushButton(self.tr("Open project…"))
        self.open_button.setObjectName("openProjectButton")
        hints = (
            self.tr("A paper on party-building-led urban grassroots governance, coded "
                    "with the governance codebook: the quickest way to see how coding "
                    "works."),
            self.tr("Start from the governance codebook (coordination, integration, "
                    "trust) or from an empty codebook."),
            self.tr("Open a project file (.annotator) from your computer or a shared "
                    "folder."),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for row, (button, hint) in enumerate(zip(
                (self.demo_button, self.new_button, self.open_button), hints, strict=True)):
            button.setMinimumHeight(36)
            button.setMinimumWidth(200)
            button.setToolTip(hint)
            label = QLabel(hint)
            label.setWordWrap(True)
            label.setFixedWidth(360)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)

        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(2)
        box = QVBoxLayout()
        box.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(6)
        box.addWidget(intro, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(22)
        box.addLayout(grid)
        box.setAlignment(grid, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(18)
        box.addLayout(self.recent_box)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box)
        outer.addStretch(2)


def os_user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


class CoderNameDialog(QDialog):
    """Who is coding? Asked once, on the first start."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coderNameDialog")
        self.setWindowTitle(self.tr("Your coder name"))
        text = QLabel(self.tr(
            "Every coding records who made it, so that the codings of several coders "
            "can be compared and merged. Under which name do you code?"))
        text.setWordWrap(True)
        self.edit = QLineEdit(name)
        self.edit.setObjectName("coderName")
        self.edit.selectAll()
        note = QLabel(self.tr("You can change it later in Settings or with the coder "
                              "button in the status bar."))
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.edit.textChanged.connect(
            lambda t: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.edit)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def name(self) -> str:
        return self.edit.text().strip()


def needs_coder_name() -> bool:
    """True on the first start: no coder setting yet and none forced by ANNOTATOR_CODER."""
    if (os.environ.get(CODER_ENV) or "").strip():
        return False
    return not str(load_settings().get("coder") or "").strip()


def ask_coder_once(parent: QWidget | None = None, prompts: Prompts | None = None
                   ) -> str | None:
    """Ask for the coder name if it was never given; save it; return it (else None).

    Closing the dialog keeps the name offered (the OS user name), so the question is
    never asked twice.
    """
    if not needs_coder_name():
        return None
    offered = os_user_name()
    dialog = CoderNameDialog(offered, parent)
    (prompts or Prompts(parent)).dialog(dialog)
    name = dialog.name() or offered
    dialog.deleteLater()
    if not name:
        return None
    save_setting("coder", name)
    return name


def first_start(window) -> None:
    """After the window is shown: ask for the coder name once, and code under it."""
    name = ask_coder_once(window, window.prompts)
    if name and window.session.is_open:
        window.session.set_coder(name)
