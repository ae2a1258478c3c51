"""The action registry: every command has a tip and can be reached (a shortcut or a menu
entry); the menus and the toolbar name only registered commands; enablement follows the
window's state."""

from pathlib import Path

from PySide6.QtGui import QAction

from annotator.ui.window_actions import MENUS, TOOLBAR


def test_every_action_has_a_tip_and_a_shortcut_or_a_menu_entry(window) -> None:
    reg = window.registry
    assert len(reg.actions) > 60
    for id_, act in reg.actions.items():
        assert act.toolTip().strip(), f"{id_} has no tip"
        reachable = bool(act.shortcuts()) or id_ in reg.placed
        assert reachable, f"{id_}: neither a shortcut nor a menu entry"


def test_the_layout_names_only_registered_actions_and_each_once(window) -> None:
    reg = window.registry
    seen: list[str] = []
    for _id, _context, _title, entries in MENUS:
        for entry in entries:
            if entry is None:
                continue
            assert (entry[5:] in reg.menus) if entry.startswith("menu:") \
                else entry in reg.actions, entry
            seen.append(entry)
    assert len(seen) == len(set(seen)), "an entry sits in two menus"
    assert all(e is None or e in reg.actions for e in TOOLBAR)
    # every QAction of the window with a text is registered (nothing is wired by hand)
    texts = {id(a) for a in reg.actions.values()}
    loose = [a.text() for a in window.findChildren(QAction)
             if a.text() and id(a) not in texts and not a.menu()
             and a.parent() is window and not a.isSeparator()]
    assert loose == []


def test_enablement_follows_the_project_the_selection_and_the_code(window, demo: Path
                                                                   ) -> None:
    reg = window.registry
    assert not reg["close"].isEnabled() and not reg["code"].isEnabled()
    window.projects.open_path(demo)
    assert reg["close"].isEnabled() and reg["doc_memo"].isEnabled()
    assert not reg["in_vivo"].isEnabled()
    window.view.select_span(10, 20)
    assert reg["in_vivo"].isEnabled() and reg["quick_1"].isEnabled()
    window.codebook.select_code(window.session.code_order[0])
    assert reg["code"].isEnabled() and reg["delete_code"].isEnabled()
