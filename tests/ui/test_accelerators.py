"""Menu accelerators: in every menu (the menu bar, each menu and submenu, the context
menus built from the same actions), no two entries share the underlined letter, in
English and in Chinese, so Alt+letter always reaches the entry the user sees."""

import re

import pytest
from PySide6.QtWidgets import QMenu

from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from tests.ui.test_translations import compiled  # noqa: F401  (the .qm fixture)

MNEMONIC = re.compile(r"&([^&\s])")


def accelerator(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand)."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def clashes(title: str, texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    out = []
    for text in texts:
        key = accelerator(text)
        if key is None:
            continue
        if key in seen:
            out.append(f"{title}: {seen[key]!r} and {text!r} both use {key}")
        seen[key] = text
    return out


def menu_clashes(window: MainWindow) -> list[str]:
    """Clashes in the menu bar and in every menu of the window: the menus and their
    submenus, the context menus built from the same actions (each shown first, as the
    recent-projects menu fills itself then)."""
    found = clashes("menu bar", [a.text() for a in window.menuBar().actions()])
    for menu in window.findChildren(QMenu):
        menu.aboutToShow.emit()
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        found += clashes(menu.title() or menu.objectName() or "a context menu", texts)
    return sorted(set(found))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_menu_has_two_entries_with_one_accelerator(qtbot, qapp, compiled, settings,  # noqa: F811
                                                      demo, dialogs, language) -> None:
    assert i18n.apply_language(language, qapp)
    try:
        window = MainWindow(settings, prompts=dialogs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.projects.open_path(demo)
        assert window.menus["file"].title() == ("&File" if language == "en" else "文件(&F)")
        found = menu_clashes(window)
        assert not found, "\n".join(found)
    finally:
        i18n.apply_language("en", qapp)


def test_the_check_sees_a_clash() -> None:
    assert accelerator("Save a &copy…") == "C"
    assert accelerator("另存副本(&C)…") == "C"
    assert accelerator("Tom && Jerry") is None
    assert clashes("File", ["&Close", "Save a &copy…", "&Open"]) == [
        "File: '&Close' and 'Save a &copy…' both use C"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_text_analysis_docks_take_no_letter_of_the_menu_bar(
        qtbot, qapp, compiled, settings, demo, dialogs, language) -> None:  # noqa: F811
    """Alt+letter of a button or label in the concordance or word-frequency dock would
    make the menu bar's Alt+letter ambiguous while the dock shows: none may share one."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    assert i18n.apply_language(language, qapp)
    try:
        window = MainWindow(settings, prompts=dialogs)
        qtbot.addWidget(window)
        window.show()
        window.projects.open_path(demo)
        bar = {accelerator(a.text()) for a in window.menuBar().actions()} - {None}
        for panel in (window.text_analysis.concordance, window.text_analysis.words):
            texts = [w.text() for w in panel.findChildren(QAbstractButton)]
            texts += [w.text() for w in panel.findChildren(QLabel)]
            taken = {t: accelerator(t) for t in texts if accelerator(t)}
            assert len(taken) >= 4
            assert not {t: k for t, k in taken.items() if k in bar}, bar
            assert not clashes(panel.objectName(), texts)
        window.close()
    finally:
        i18n.apply_language("en", qapp)
