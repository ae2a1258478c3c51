"""First run: the welcome page, the demo project, the coder name asked once; the Help
menu (user guide, keyboard shortcuts, About) and the Settings dialog."""

import getpass
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from annotator import __version__
from annotator.settings import load_settings, save_setting
from annotator.ui import help_menu, welcome
from annotator.ui.project_lifecycle import demo_path
from annotator.ui.welcome import WelcomePage, ask_coder_once, demo_location
from tests.ui.helpers import trigger


def test_welcome_page_on_first_run_and_its_demo_button(qtbot, window) -> None:
    assert isinstance(window.empty, WelcomePage)
    assert window.stack.currentWidget() is window.empty
    assert window.empty.isVisible()
    assert not demo_path().exists()
    qtbot.mouseClick(window.empty.demo_button, Qt.MouseButton.LeftButton)
    assert demo_path().exists()
    assert window.session.project is not None
    assert Path(window.session.project.path).name == "示例项目.annotator"
    assert window.stack.currentWidget() is window.main_split
    assert window.documents.count() == 1 and len(window.view.index) > 0
    trigger(window.registry["close"])  # back on the welcome page, with the demo as a recent project
    assert window.stack.currentWidget() is window.empty
    buttons = [window.empty.recent_box.itemAt(i).widget()
               for i in range(window.empty.recent_box.count())]
    assert any(getattr(b, "text", lambda: "")() == "示例项目.annotator" for b in buttons)


def test_the_demo_lives_in_the_user_data_folder(monkeypatch) -> None:
    monkeypatch.delenv("ANNOTATOR_CONFIG_DIR")
    folder = Path(user_data_dir("Annotator", appauthor=False))
    assert demo_location() == folder / "示例项目.annotator"


def test_coder_name_is_asked_once_and_saved(monkeypatch, qtbot, dialogs) -> None:
    monkeypatch.delenv("ANNOTATOR_CODER")
    asked: list[str] = []

    def answer(dialog: QDialog) -> int:
        asked.append(dialog.edit.text())  # what was offered
        dialog.edit.setText("  王五 ")
        return QDialog.DialogCode.Accepted

    dialogs.answer(answer)
    assert ask_coder_once(prompts=dialogs) == "王五"
    assert asked == [getpass.getuser()]
    assert load_settings()["coder"] == "王五"
    assert ask_coder_once(prompts=dialogs) is None  # never twice
    assert len(asked) == 1


def test_coder_not_asked_when_set(monkeypatch, dialogs) -> None:
    monkeypatch.delenv("ANNOTATOR_CODER")
    save_setting("coder", "赵六")
    assert ask_coder_once(prompts=dialogs) is None
    assert dialogs.asked == []


def test_first_start_codes_under_the_new_name(monkeypatch, window, demo: Path,
                                              dialogs) -> None:
    monkeypatch.delenv("ANNOTATOR_CODER")
    window.projects.open_path(demo)

    def answer(dialog: QDialog) -> int:
        dialog.edit.setText("钱七")
        return QDialog.DialogCode.Accepted

    dialogs.answer(answer)
    welcome.first_start(window)
    assert window.session.coder.name == "钱七"
    assert "钱七" in window.coder_button.text()


def test_help_menu_has_guide_shortcuts_and_about(qtbot, window, dialogs) -> None:
    texts = [a.text() for a in window.menus["help"].actions() if not a.isSeparator()]
    assert texts[:2] == ["&User guide", "&Keyboard shortcuts"]
    assert texts[-1] == "&About Annotator"

    trigger(window.registry["guide"])
    guide = window.help.guide_dialog
    assert guide.isVisible()
    assert "Annotator" in guide.browser.toPlainText()
    assert guide.browser.source().toLocalFile().endswith("guide_en.html")
    trigger(window.registry["guide"])  # raised again, not a second window
    assert window.help.guide_dialog is guide
    guide.close()

    trigger(window.registry["shortcuts"])
    table = window.help.shortcuts_dialog.table
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert ("Undo", "Ctrl+Z") in rows
    assert ("Code with current code", "Ctrl+Return") in rows
    assert ("User guide", "F1") in rows
    assert ("Settings…", "Ctrl+,") in rows
    # generated from the actions: every action with a key is listed
    assert table.rowCount() >= len([a for a in help_menu.shortcut_rows(window)])
    window.help.shortcuts_dialog.close()

    shown: list[help_menu.AboutDialog] = []

    def show(dialog) -> int:
        shown.append(dialog)
        return 0

    dialogs.answer(show)
    trigger(window.registry["about"])
    about = shown[0]
    assert __version__ in about.findChild(QLabel, "aboutVersion").text()
    assert "MIT licence" in " ".join(w.text() for w in about.findChildren(QLabel))
    assert "PySide6" in about.licences.toPlainText()  # LICENSES.md, rendered


def test_guide_speaks_the_interface_language(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(help_menu, "current_language", lambda: "zh")
    dialog = help_menu.GuideDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.browser.source().toLocalFile().endswith("guide_zh.html")
    assert "编码" in dialog.browser.toPlainText()


def test_settings_dialog_changes_the_coder(qtbot, window, demo: Path, dialogs) -> None:
    window.projects.open_path(demo)

    def answer(dialog) -> int:
        assert dialog.language.count() == 3
        assert not dialog.language.isEnabled()  # ANNOTATOR_LANG=en in the tests
        dialog.coder.setText("孙八")
        return QDialog.DialogCode.Accepted

    dialogs.answer(answer)
    trigger(window.registry["settings"])
    assert window.session.coder.name == "孙八"
    assert load_settings()["coder"] == "孙八"
