"""Settings: the interface language and the coder name.

Switching the language rebuilds the main window rather than retranslating it in place:
the window builds its menus, actions and panels once, with their texts, in many places
(and more modules add to it), so re-running that construction is the one way that
cannot miss a string. Nothing is lost: every change is already in the project file (one
transaction per operation), and the new window reopens the same project on the same
document, caret, scroll position and selected code, at the same size and place, with
the same docks. Only the undo history starts afresh; the dialog says so.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from annotator.domain.errors import AnnotatorError
from annotator.services.coders import resolve_coder_name
from annotator.settings import save_setting
from annotator.store.project import Project
from annotator.ui.context import AppContext
from annotator.ui.i18n import (
    LANGUAGE_KEY,
    apply_language,
    chosen_language,
    forced_language,
    language_choices,
    resolve_language,
)

# windows rebuilt by a language switch: kept alive here (the first one is the caller's)
_windows: list = []


def _t(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


class SettingsDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for value, label in language_choices():
            self.language.addItem(label, value)
        current = chosen_language(window.settings)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        lang_note = QLabel(self.tr(
            "Changing the language rebuilds the window: the open project, the document, "
            "the place in it and the selected code stay as they are, but the undo "
            "history starts afresh."))
        lang_note.setWordWrap(True)
        forced = forced_language()
        if forced:
            self.language.setEnabled(False)
            lang_note.setText(self.tr(
                "The environment variable ANNOTATOR_LANG sets the language ({0}).")
                .format(forced))
        session = window.session
        self.coder = QLineEdit(session.coder.name if session.coder else resolve_coder_name())
        self.coder.setObjectName("coderNameSetting")
        coder_note = QLabel(self.tr(
            "Your codings are recorded under this name, in the window and on the "
            "command line."))
        coder_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow("", lang_note)
        form.addRow(self.tr("Coder name:"), self.coder)
        form.addRow("", coder_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> str:
        return str(self.language.currentData())

    def coder_name(self) -> str:
        return self.coder.text().strip()


def apply_settings(window, language: str | None, coder: str | None):
    """Apply what the dialog returned; the window to go on with (a new one after a
    language switch)."""
    session = window.session
    if coder and (session.coder is None or coder != session.coder.name):
        if window.persist:
            save_setting("coder", coder)
        if session.is_open and session.set_coder(coder):
            window.ctx.say(_t("You are now coding as {0}").format(coder))
    if language is None or language == chosen_language(window.settings):
        return window
    before = resolve_language(window.settings)
    window.settings.setValue(LANGUAGE_KEY, language)
    window.settings.sync()
    if window.persist:  # the command line reads the language from the shared settings
        save_setting("language", language)
    after = resolve_language(window.settings)
    if after == before:
        return window
    return switch_language(window, after)


def open_settings(window):
    dialog = SettingsDialog(window)
    accepted = window.prompts.dialog(dialog)
    language, coder = dialog.chosen(), dialog.coder_name()
    dialog.deleteLater()
    if not accepted:
        return window
    return apply_settings(window, language, coder)


def _place(window) -> dict:
    """Everything needed to put a new window where the old one was."""
    s = window.session
    doc = s.document(window.view.doc_id) if window.view.doc_id is not None else None
    return {
        # a team project's URL as it was opened (its password, if typed, in memory only)
        "path": (s.project.url or s.project.path) if s.project is not None else None,
        "document": doc.name if doc is not None else None,
        "caret": window.view.caret_position() if doc is not None else 0,
        "scroll": window.view.verticalScrollBar().value(),
        "code": window.codebook.current_code(),
        "coder": s.coder.name if s.coder else None,
        "others": s.show_other_coders,
        "geometry": window.saveGeometry(),
        "size": window.size(),
        "pos": window.pos(),
        "state": window.saveState(),
        "splitters": [sp.saveState() for sp in
                      (window.main_split, window.right_split, window.doc_split)],
        "font": window.state.font_size,
        "visible": window.isVisible(),
        "maximized": window.isMaximized(),
    }


def switch_language(window, lang: str):
    """Install ``lang`` and rebuild the main window on the same project and place.

    Returns the new window (the old one is closed and deleted later).
    """
    place = _place(window)
    window.projects.close_project()  # saves the place, closes the file: the new window reopens it
    apply_language(lang)
    new = type(window)(window.settings, persist=window.persist)
    new.restoreGeometry(place["geometry"])
    if not place["maximized"]:  # restoreGeometry may clamp to the screen: exactly as it was
        new.resize(place["size"])
        new.move(place["pos"])
    new.restoreState(place["state"])
    for split, state in zip((new.main_split, new.right_split, new.doc_split),
                            place["splitters"], strict=True):
        split.restoreState(state)
    if place["font"] != new.state.font_size:
        new.state.set_font_size(place["font"])
    if place["path"] is not None:
        try:
            new.projects.open_project(Project.open(place["path"]), document=place["document"])
        except AnnotatorError as exc:
            new.ctx.show_error(str(exc))
        else:
            s = new.session
            if place["coder"] and (s.coder is None or s.coder.name != place["coder"]):
                s.set_coder(place["coder"])
            s.set_show_other_coders(place["others"])
            if place["code"] in s.codes:
                new.codebook.select_code(place["code"])
            if place["document"] is not None:
                new.state.pending_place = (place["caret"], place["scroll"])
    if place["visible"]:
        if place["maximized"]:
            new.showMaximized()
        else:
            new.show()
        QTimer.singleShot(0, new.state.go_to_place)
    _windows[:] = [w for w in _windows if w is not window] + [new]
    window.hide()
    window.close()
    window.deleteLater()
    new.ctx.say(_t("Settings saved"))
    return new


class SettingsController(QObject):
    """Edit → Settings… (Preferences on macOS, Ctrl+,): the interface language and the
    coder name. ``open_dialog`` asks and applies (``open_settings`` on the main window,
    which a language switch replaces by a new one)."""

    def __init__(self, ctx: AppContext, open_dialog: Callable[[], object]) -> None:
        super().__init__(ctx.window)
        act = ctx.registry.action("settings", _t("Se&ttings…"), open_dialog, "Ctrl+,",
                                  _t("Interface language and coder name"),
                                  name="settingsAction")
        act.setMenuRole(QAction.MenuRole.PreferencesRole)


__all__ = [
    "SettingsController", "SettingsDialog", "apply_settings", "open_settings",
    "switch_language",
]
