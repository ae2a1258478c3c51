"""The Help menu: the user guide, the keyboard shortcuts, About.

* The user guide is the bundled HTML (``annotator/data/guide/guide_zh.html`` or
  ``guide_en.html``, in the interface language) in a window of its own that can stay
  open beside the document.
* The keyboard shortcuts are read from the window's actions when the table opens, so the
  table is never out of date: every menu entry with a key, in menu order, then any
  other action of the window that has one.
* About: the version, the licence, the versions of Python and Qt, and the licences of
  the bundled libraries (``annotator/data/LICENSES.md``).
"""

import platform
import re

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.resources import resource_path
from annotator.ui.context import AppContext
from annotator.ui.i18n import current_language

ICON = "annotator-128.png"


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpMenu", text)


def plain(text: str) -> str:
    """A menu text without its mnemonic: "&Undo" → "Undo", "撤销(&U)" → "撤销"."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def guide_path(lang: str | None = None):
    lang = lang or current_language()
    path = resource_path("guide", f"guide_{lang}.html")
    return path if path.exists() else resource_path("guide", "guide_en.html")


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action of the window that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def keys_of(act: QAction) -> str:
        return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                         for k in act.shortcuts() if not k.isEmpty())

    def walk(menu: QMenu, where: str) -> None:
        for act in menu.actions():
            if act.isSeparator():
                continue
            sub = act.menu()
            if sub is not None:
                walk(sub, f"{where} › {plain(sub.title())}")
                continue
            if id(act) in seen or not act.isVisible():
                continue
            keys = keys_of(act)
            if keys:
                seen.add(id(act))
                rows.append((where, plain(act.text()), keys))

    for top in window.menuBar().actions():
        if top.menu() is not None and top.isVisible():
            walk(top.menu(), plain(top.menu().title()))
    for act in window.findChildren(QAction):
        if id(act) in seen or not act.isVisible():
            continue
        keys = keys_of(act)
        if keys and act.text():
            seen.add(id(act))
            rows.append((_t("Other"), plain(act.text()), keys))
    return rows


class GuideDialog(QDialog):
    """The user guide, in the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Annotator user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 720)


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, read from its actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("The keys of the codebook (Insert, F2, Delete, Alt+arrows) "
                              "work when the codebook has the focus (Ctrl+3)."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 680)


class AboutDialog(QDialog):
    """Version, licence, and the licences of the bundled libraries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Annotator"))
        icon = QLabel()
        pixmap = QPixmap(str(resource_path("icons", ICON)))
        if not pixmap.isNull():
            icon.setPixmap(pixmap.scaled(
                96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        name = QLabel(self.tr("Annotator {0}").format(__version__))
        name.setObjectName("aboutVersion")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        text = QLabel(self.tr(
            "Qualitative coding of texts: codebook, codings, memos, intercoder agreement, "
            "export to Excel and REFI-QDA."))
        text.setWordWrap(True)
        licence = QLabel(self.tr("Free software under the MIT licence."))
        versions = QLabel(self.tr("Python {0}, Qt {1}, PySide6 {2}").format(
            platform.python_version(), qVersion(), PySide6.__version__))
        versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head_text = QVBoxLayout()
        for w in (name, text, licence, versions):
            head_text.addWidget(w)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)
        libs_title = QLabel(self.tr("Licences of the bundled libraries:"))
        self.licences = QTextBrowser()
        self.licences.setObjectName("licences")
        self.licences.setOpenExternalLinks(True)
        try:
            self.licences.setMarkdown(
                resource_path("LICENSES.md").read_text(encoding="utf-8"))
        except OSError:
            self.licences.setPlainText(self.tr("(the licence file is missing)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(libs_title)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(640, 600)


class HelpController(QObject):
    """Help → User guide (F1), Keyboard shortcuts (Ctrl+/), About; one guide and one
    shortcuts window per main window, raised when asked again."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.guide_dialog: GuideDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        reg = ctx.registry
        reg.action("guide", self.tr("&User guide"), self.show_guide,
                   QKeySequence.StandardKey.HelpContents,
                   self.tr("How to code with Annotator, step by step (F1)"))
        reg.action("shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/",
                   self.tr("Every keyboard shortcut of the window (Ctrl+/)"))
        about = reg.action("about", QCoreApplication.translate("MainWindow", "&About Annotator"),
                           self.about, None,
                           QCoreApplication.translate("MainWindow", "About Annotator"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        icon = resource_path("icons", ICON)
        if icon.exists() and ctx.window.windowIcon().isNull():
            ctx.window.setWindowIcon(QIcon(str(icon)))

    def show_guide(self) -> QDialog:
        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self.ctx.window)
        return _raise(self.guide_dialog)

    def show_shortcuts(self) -> QDialog:
        if self.shortcuts_dialog is not None:  # the shortcuts may have changed: build anew
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self.ctx.window)
        return _raise(self.shortcuts_dialog)

    def about(self) -> None:
        dialog = AboutDialog(self.ctx.window)
        self.ctx.prompts.dialog(dialog)
        dialog.deleteLater()


def _raise(dialog: QDialog) -> QDialog:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


__all__ = ["AboutDialog", "GuideDialog", "HelpController", "ShortcutsDialog", "guide_path",
           "shortcut_rows"]
