"""The interface language: which one, and installing the translators for it.

Which language, first match wins:

1. ``ANNOTATOR_LANG`` (``zh`` or ``en``) forces it (tests, screenshots, a support call);
2. the choice made in Settings, stored in QSettings under ``interface/language``
   (``system``, ``zh`` or ``en``);
3. the system locale (``QLocale.system()``): any Chinese locale gives Simplified
   Chinese (``zh_CN``), anything else English.

For Chinese two translators are installed: Qt's own (``qtbase_zh_CN.qm`` from
``QLibraryInfo``'s translations folder, else PySide6's ``Qt/translations``: the buttons
of QMessageBox, QFileDialog's "查找范围" and "文件类型", the context menus of text
fields …) and ours (``annotator/data/translations/annotator_zh_CN.qm``,
compiled from the ``.ts`` by ``make translations``). English needs none: it is the
source language.

Why our translator falls back to the empty context: ``pyside6-lupdate`` gives a string
its class as context only when it is written ``self.tr("…")``; the window builds its
actions through a local alias (``tr = self.tr``) and the undo commands through
``_t(…)`` (``QCoreApplication.translate("Commands", …)``), whose strings lupdate files
under the empty context. At run time they are looked up under their real context, so
``ContextFallbackTranslator`` tries the empty context when the real one has no entry.
"""

import os
import re
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtWidgets import QToolBar, QWidget

from annotator import messages
from annotator.resources import resource_path

LANGUAGES = ("zh", "en")
LANGUAGE_KEY = "interface/language"
SYSTEM = "system"
ENV = "ANNOTATOR_LANG"
CATALOG = "annotator"
QT_CATALOGS = ("qtbase",)
# Qt's own strings that its Chinese catalogue lacks: Qt 6 gave the file dialog's labels
# mnemonics ("&Look in:"), and qtbase_zh_CN.qm has them only without, so the dialog said
# "Look in:" and "Files of type:" in a Chinese window. Our catalogue has them (lupdate
# reads these marks); our translator is installed last, so it is asked first.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

_state: dict[str, object] = {"language": None, "translators": []}


class ContextFallbackTranslator(QTranslator):
    """A translator that also finds strings lupdate filed under the empty context."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        text = super().translate(context, source_text, disambiguation, n)
        if not text and context:
            text = super().translate("", source_text, disambiguation, n)
        # None is a null QString: "not mine", so Qt asks the next translator (qtbase)
        # and falls back to the source text. An empty string would be taken as the
        # translation and blank out Qt's own texts.
        return text or None


def forced_language() -> str | None:
    """``zh`` or ``en`` when ANNOTATOR_LANG sets one, else None."""
    value = os.environ.get(ENV, "").strip().lower()[:2]
    return value if value in LANGUAGES else None


def system_language() -> str:
    """The system locale's language: ``zh`` for any Chinese locale, else ``en``."""
    loc = QLocale.system()
    # the interface language the user prefers first (macOS, Windows), else the locale
    first = (loc.uiLanguages() or [loc.name()])[0]
    return "zh" if first.lower().startswith("zh") or loc.name().lower().startswith("zh") \
        else "en"


def chosen_language(settings: QSettings | None = None) -> str:
    """What the user chose in Settings: ``system``, ``zh`` or ``en``."""
    st = settings if settings is not None else QSettings()
    value = str(st.value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def resolve_language(settings: QSettings | None = None) -> str:
    """The language to show: forced, else chosen, else the system's."""
    forced = forced_language()
    if forced:
        return forced
    chosen = chosen_language(settings)
    return chosen if chosen in LANGUAGES else system_language()


def current_language() -> str:
    """The language the interface speaks now (installed by ``apply_language``)."""
    lang = _state["language"]
    return str(lang) if lang else resolve_language()


def translations_dir() -> Path:
    return resource_path("translations")


def qt_translations_dirs() -> list[str]:
    """Where Qt's own catalogues may be: the folder Qt reports, then PySide6's own
    ``Qt/translations`` folder (in a wheel and in the bundle that is where they are,
    whatever prefix a frozen or relocated Qt reports)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    found = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
             str(package / "Qt" / "translations"), str(package / "translations")]
    return list(dict.fromkeys(d for d in found if d))


def load_qt_catalog(translator: QTranslator, locale: QLocale, catalog: str) -> bool:
    """Load one of Qt's catalogues (``qtbase``: the file dialogs' "Look in:", the
    message boxes' buttons …) from the first folder that has it."""
    return any(translator.load(locale, catalog, "_", folder)
               for folder in qt_translations_dirs())


def apply_language(lang: str, app: QCoreApplication | None = None) -> bool:
    """Install the translators for ``lang`` (``zh`` or ``en``), replacing the previous.

    Installing or removing a translator sends every widget a LanguageChange event.
    Returns False when Chinese was asked for and our catalogue could not be loaded (the
    interface then stays in English, apart from Qt's own strings).
    """
    app = app or QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "en"
    for translator in list(_state["translators"]):  # type: ignore[arg-type]
        app.removeTranslator(translator)
    _state["translators"] = []
    _state["language"] = lang
    messages.set_language(lang)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    installed = []
    for catalog in QT_CATALOGS:
        qt = QTranslator(app)
        if load_qt_catalog(qt, locale, catalog):
            installed.append(qt)
    ours = ContextFallbackTranslator(app)
    loaded = ours.load(locale, CATALOG, "_", str(translations_dir()))
    if loaded:
        installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    _state["translators"] = installed
    return loaded


def install_for_startup(app: QCoreApplication, settings: QSettings | None = None) -> str:
    """At start: install the language the user wants (see the module docstring)."""
    lang = resolve_language(settings)
    apply_language(lang, app)
    return lang


def language_choices() -> list[tuple[str, str]]:
    """(stored value, label) for the Settings dialog; language names in their own
    language, as every program shows them."""
    system_name = "简体中文" if system_language() == "zh" else "English"
    return [
        (SYSTEM, QCoreApplication.translate("Settings", "System language ({0})")
         .format(system_name)),
        ("zh", "简体中文"),
        ("en", "English"),
    ]


# "打开项目(&O)…": Chinese menus put the mnemonic in brackets after the text. Qt drops
# the "&" for a tool button but keeps "(O)"; a tool button has no mnemonic, so drop it.
_BRACKET_MNEMONIC = re.compile(r"\s*[(（]&(\w)[)）]")


def button_text(text: str) -> str:
    text = _BRACKET_MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


class _ToolBarTexts(QObject):
    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.ActionAdded, QEvent.Type.ActionChanged):
            _tidy(event.action())
        return False


def _tidy(action) -> None:
    text = action.text()
    if _BRACKET_MNEMONIC.search(text):
        wanted = button_text(text)
        if action.iconText() != wanted:
            action.setIconText(wanted)


def tidy_toolbars(window: QWidget) -> None:
    """Tool buttons without bracketed mnemonics, now and for actions added later."""
    watcher = _ToolBarTexts(window)
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            _tidy(action)
        bar.installEventFilter(watcher)
