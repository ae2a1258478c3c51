"""Documents in the window: import, rename, delete, switch; all undoable."""

from pathlib import Path

from tests.ui.helpers import press, trigger


def _names(window) -> list[str]:
    return [window.documents.item(i).text() for i in range(window.documents.count())]


def test_import_a_gbk_text_file_and_undo(qtbot, window, demo: Path, dialogs,
                                         tmp_path: Path) -> None:
    source = tmp_path / "访谈01.txt"
    source.write_bytes("居民说：党组织值得信任。\r\n第二段。".encode("gb18030"))
    dialogs.answer([source])
    window.projects.open_path(demo)
    trigger(window.registry["import"])
    assert "访谈01" in _names(window)
    assert "Imported 1 documents" in window.statusBar().currentMessage()
    window.docs.select_document(window.session.documents[-1].id)
    assert window.view.toPlainText() == "居民说：党组织值得信任。\n第二段。"  # CRLF normalised
    press(qtbot, window.view, "Ctrl+Z")
    assert "访谈01" not in _names(window)
    press(qtbot, window.view, "Ctrl+Shift+Z")
    assert "访谈01" in _names(window)


def test_rename_and_delete_a_document(qtbot, window, demo: Path, dialogs) -> None:
    window.projects.open_path(demo)
    old = _names(window)[0]
    trust = next(c.id for c in window.session.codes.values() if c.path == "信任/政治信任")
    window.segments.show_code(trust)
    dialogs.answer("石家庄论文")
    trigger(window.registry["doc_rename"])
    assert _names(window) == ["石家庄论文"]
    assert window.doc_title.text() == "石家庄论文"
    assert [s.document for s in window.segments.model.rows] == ["石家庄论文"]
    dialogs.answer(True)
    trigger(window.registry["doc_delete"])
    kind, text = dialogs.asked[-1]
    assert kind == "question" and "7 codings" in text
    assert _names(window) == []
    assert window.view.doc_id is None
    press(qtbot, window, "Ctrl+Z")
    assert _names(window) == ["石家庄论文"]
    assert len(window.view.index) == 7
    press(qtbot, window, "Ctrl+Z")
    assert _names(window) == [old]


def test_text_size_and_keyboard_focus(qtbot, window, demo: Path) -> None:
    window.projects.open_path(demo)
    size = window.view.font().pointSizeF()
    press(qtbot, window.view, "Ctrl++")
    assert window.view.font().pointSizeF() == size + 1
    assert window.settings.value("view/fontSize") in (size + 1, str(size + 1))
    press(qtbot, window.view, "Ctrl+0")
    assert window.view.font().pointSizeF() == 12
    press(qtbot, window.view, "Ctrl+3")
    assert window.codebook.hasFocus() or window.focusWidget() is window.codebook
    press(qtbot, window.codebook, "Ctrl+2")
    assert window.focusWidget() is window.view


def test_every_action_has_a_tooltip_and_a_menu_entry(window) -> None:
    in_menus = set()

    def walk(menu) -> None:
        for a in menu.actions():
            if a.menu():
                walk(a.menu())
            elif not a.isSeparator():
                in_menus.add(a)

    for menu in window.menus.values():
        walk(menu)
    for id_, action in window.registry.actions.items():
        assert action.toolTip(), id_
        assert action in in_menus, id_
