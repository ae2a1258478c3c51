"""The interface in Simplified Chinese: every visible string of the window, its menus
and its dialogs has a translation; Qt's own strings too; the language can be switched
without losing the open project."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from annotator.resources import resource_path
from annotator.ui import i18n
from annotator.ui.help_menu import AboutDialog, GuideDialog, ShortcutsDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings_dialog import SettingsDialog, apply_settings
from annotator.ui.welcome import CoderNameDialog, WelcomePage
from tests.ui.helpers import trigger

TS = resource_path("translations", "annotator_zh_CN.ts")
QM = TS.with_suffix(".qm")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# Names, symbols and notations that stay as they are in Chinese.
ALLOWED = re.compile(
    r"Annotator|κ|α|SHA-256|REFI-QDA|Excel|NVivo|ATLAS\.ti|MAXQDA|QualCoder|Python|PySide6|"
    r"\bQt\b|English|ANNOTATOR_LANG|UTF-8|UTF-16|GB18030|GBK|GB2312|Big5|"
    r"\b(?:Ctrl|Shift|Alt)(?:\+\w+)+|\b(?:Esc|Insert|Delete|F\d+)\b|"
    r"\S*\.(?:annotator|xlsx|qdpx|qdc|txt|docx|pdf)\b|\d")


def untranslated(text: str) -> bool:
    """A visible string with Latin letters, no Chinese, and not only allowed names."""
    text = text.replace("&", "")
    if not text.strip() or CJK.search(text):
        return False
    return bool(re.search(r"[A-Za-z]", ALLOWED.sub("", text)))


@pytest.fixture(scope="session")
def compiled() -> Path:
    """The .qm, compiled from the .ts when it is missing or older (``make translations``)."""
    if not QM.exists() or QM.stat().st_mtime < TS.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(QM)], check=True)
    return QM


@pytest.fixture
def chinese(compiled, qapp, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_LANG", "zh")
    assert i18n.apply_language("zh", qapp)
    yield
    i18n.apply_language("en", qapp)


def strings_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a user can read in a widget and its children."""
    found: list[tuple[str, str]] = []

    def add(where: object, text: str | None) -> None:
        if text:
            found.append((f"{type(where).__name__} {getattr(where, 'objectName', str)()}",
                          text))

    for w in [root, *root.findChildren(QWidget)]:
        if w.isWindow():
            add(w, w.windowTitle())
        add(w, w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, w.text())
        if isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        if isinstance(w, QGroupBox):
            add(w, w.title())
        if isinstance(w, QDockWidget):
            add(w, w.windowTitle())
        if isinstance(w, QMenu):
            add(w, w.title())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i))
        if isinstance(w, QTreeWidget) and not w.isHeaderHidden():
            head = w.headerItem()
            for c in range(w.columnCount()):
                add(w, head.text(c))
                add(w, head.toolTip(c))
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                if item is not None:
                    add(w, item.text())
    for act in root.findChildren(QAction):
        if not act.isSeparator():
            add(act, act.text())
            add(act, act.toolTip())
            add(act, act.statusTip())
    return found


def assert_translated(found: list[tuple[str, str]]) -> None:
    missing = sorted({(where, text) for where, text in found if untranslated(text)})
    assert not missing, "no Chinese for:\n" + "\n".join(f"  {w}: {t!r}" for w, t in missing)


def test_every_entry_of_the_ts_is_translated() -> None:
    tree = ET.parse(TS)
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 300
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished"
                  or not (m.findtext("translation") or "").strip()]
    assert not unfinished, unfinished
    for m in messages:
        source, text = m.findtext("source"), m.findtext("translation")
        # the same placeholders, so .format() fills them all
        assert sorted(re.findall(r"\{[^}]*\}", source)) == \
            sorted(re.findall(r"\{[^}]*\}", text)), source
        # a Chinese text in full-width punctuation, file filters keep "(*.x)" for Qt
        if CJK.search(text) and "(*" not in text:
            assert not re.search(r"[\u4e00-\u9fff][,:;?!]", text), text


def test_the_glossary_terms() -> None:
    """One term per concept: 代码 for a code, 编码 for the act, 文本编码 for encodings."""
    pairs = {m.findtext("source"): m.findtext("translation")
             for m in ET.parse(TS).getroot().iter("message")}
    assert pairs["&Code"] == "编码(&C)"
    assert pairs["Code&book"] == "编码本(&B)"
    assert pairs["Code"] == "代码"
    assert pairs["undefined"] == "无法计算"
    assert pairs["Detected text encoding"] == "检测到的文本编码"
    assert pairs["Welcome to Annotator"] == "欢迎使用 Annotator"
    assert pairs["&Help"] == "帮助(&H)"


def test_main_window_menus_and_dialogs_speak_chinese(qtbot, chinese, settings, demo,
                                                     dialogs, tmp_path) -> None:
    window = MainWindow(settings, prompts=dialogs)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    found = strings_of(window)  # the welcome page, menus, actions, toolbar, docks
    assert window.menus["file"].title() == "文件(&F)"
    assert window.empty.findChild(QLabel, "welcomeTitle").text() == "欢迎使用 Annotator"
    window.projects.open_path(demo)
    window.overview.dock.show()
    window.search.results_dock.show()
    window.projects.recent_menu.aboutToShow.emit()
    found += strings_of(window)

    # every dialog the window can open
    opened: list[QWidget] = [
        SettingsDialog(window), AboutDialog(window), ShortcutsDialog(window),
        GuideDialog(window), CoderNameDialog("张三", window), WelcomePage(),
    ]
    from annotator.ui.agreement_view import AgreementView
    from annotator.ui.code_chooser import CodeChooser
    from annotator.ui.disagreements_view import DisagreementsView
    from annotator.ui.import_dialogs import DocumentProperties
    from annotator.ui.workshop_menu import ParticipantCopiesDialog

    opened += [DocumentProperties(window.session.documents[0], window),
               ParticipantCopiesDialog(tmp_path, window),
               AgreementView(window.session), DisagreementsView(window.session),
               CodeChooser("编码", "代码：", ["信任"], 0, window)]
    for dialog in opened:
        qtbot.addWidget(dialog)
        found += strings_of(dialog)
    # Qt's own buttons (OK, Cancel, Close) come from qtbase_zh_CN.qm
    buttons = opened[0].findChild(QDialogButtonBox).buttons()
    assert all(CJK.search(b.text()) for b in buttons), [b.text() for b in buttons]

    # the questions asked through QInputDialog / QMessageBox (answered by ``dialogs``)
    window.codebook.select_code(window.session.code_order[0])
    for act in (window.registry["add_code"], window.registry["add_child"], window.registry["coder"],
                window.registry["doc_rename"], window.registry["delete_code"]):
        trigger(act)
    asked = [text for _kind, text in dialogs.asked if text]
    assert len(asked) >= 5
    found += [("asked", text) for text in asked]
    found += [("status bar", window.statusBar().currentMessage())]
    assert_translated(found)
    assert len(found) > 400


def test_qt_own_dialog_strings_are_chinese(chinese) -> None:
    assert CJK.search(QCoreApplication.translate("QPlatformTheme", "&Yes"))
    assert CJK.search(QCoreApplication.translate("QPlatformTheme", "Cancel"))
    assert CJK.search(QCoreApplication.translate("QFileDialog", "File &name:"))


def test_the_allowlist_catches_english() -> None:
    assert untranslated("&Open project…")
    assert untranslated("Coder: 张三") is False
    assert not untranslated("Annotator 0.1.0")
    assert not untranslated("Ctrl+Shift+Z")
    assert not untranslated("示例项目.annotator")
    assert untranslated("Export to Excel")


def test_language_follows_env_then_setting_then_system(monkeypatch, settings) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: "zh")
    monkeypatch.delenv("ANNOTATOR_LANG")
    assert i18n.resolve_language(settings) == "zh"
    settings.setValue(i18n.LANGUAGE_KEY, "en")
    assert i18n.resolve_language(settings) == "en"
    monkeypatch.setenv("ANNOTATOR_LANG", "zh")
    assert i18n.resolve_language(settings) == "zh"
    settings.setValue(i18n.LANGUAGE_KEY, "system")
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    monkeypatch.delenv("ANNOTATOR_LANG")
    assert i18n.resolve_language(settings) == "en"


def test_switching_language_keeps_the_project_and_the_place(qtbot, compiled, qapp,
                                                            settings, demo,
                                                            monkeypatch) -> None:
    monkeypatch.delenv("ANNOTATOR_LANG")
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    i18n.apply_language("en", qapp)
    old = MainWindow(settings)
    old.resize(1200, 800)
    old.show()
    qtbot.waitExposed(old)
    old.projects.open_path(demo)
    text = old.session.text(old.view.doc_id)
    place = text.index("社会信任指社会个体")
    old.view.go_to(place)
    trust = next(c.id for c in old.session.codes.values() if c.path == "信任/社会信任")
    old.codebook.select_code(trust)
    document = old.doc_title.text()
    size = old.size()
    assert old.menus["file"].title() == "&File"
    try:
        new = apply_settings(old, "zh", None)  # old is closed and deleted
        assert new is not old and new.isVisible() and not old.isVisible()
        assert settings.value(i18n.LANGUAGE_KEY) == "zh"
        assert new.menus["file"].title() == "文件(&F)"
        assert new.session.project.path.resolve() == demo.resolve()
        assert new.doc_title.text() == document
        assert new.codebook.current_code() == trust
        qtbot.waitUntil(lambda: new.view.caret_position() == place, timeout=3000)
        assert new.size() == size

        back = apply_settings(new, "system", None)  # the system speaks English here
        qtbot.addWidget(back)
        assert back.menus["file"].title() == "&File"
        assert back.doc_title.text() == document
        assert back.codebook.current_code() == trust
        qtbot.waitUntil(lambda: back.view.caret_position() == place, timeout=3000)
    finally:
        i18n.apply_language("en", qapp)
