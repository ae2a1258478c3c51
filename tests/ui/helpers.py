"""Driving the window as a user does: keys, clicks, menus."""

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.services.coding import segments
from annotator.ui.main_window import MainWindow


def code_id(window: MainWindow, path: str) -> int:
    return next(c.id for c in window.session.codes.values() if c.path == path)


def select_with_keys(qtbot, window: MainWindow, start: int, end: int) -> None:
    """Put the caret at code point ``start`` and extend the selection with Shift+Right."""
    view = window.view
    view.setFocus()
    view.go_to(start)
    for _ in range(end - start):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_span() == (start, end)


def click_at(qtbot, window: MainWindow, pos: int) -> None:
    """Click on the character at code point ``pos`` in the document."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.map.to_utf16(pos))
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.right() + 3, rect.center().y()))


def double_click_code(qtbot, window: MainWindow, code: int) -> None:
    tree = window.codebook
    item = tree.items[code]
    tree.scrollToItem(item)
    center = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QApplication.processEvents()


def press(qtbot, widget, key: str) -> None:
    """A key sequence such as "Ctrl+Z" or "3", sent to ``widget``."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(key)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


def stored(window: MainWindow, **filters) -> list[tuple]:
    """Codings in the project file: (code path, coder, start, end, text)."""
    return [(s.code_path, s.coder, s.start, s.end, s.text)
            for s in segments(window.session.project, **filters)]


def trigger(action) -> None:
    assert action.isEnabled(), f"{action.text()} is disabled"
    action.trigger()
    QApplication.processEvents()


def merge_in_window(window, timeout: float = 30.0) -> None:
    """Workshop → Merge projects… (the files and the confirmation already answered),
    then wait while the merge runs in its thread: the window repaints meanwhile."""
    ui = window.workshop_ui
    trigger(ui.act_merge)
    end = time.monotonic() + timeout
    while ui.merging:
        assert time.monotonic() < end, "the merge did not end"
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Type ``text`` as an input method delivers it (Chinese comes this way, committed
    word by word; QtTest's keyClicks only knows ASCII)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def memo_editor(window: MainWindow):
    """The memo editor that is open (exactly one)."""
    from annotator.ui.memo_editor import MemoEditor

    editors = [w for w in window.findChildren(MemoEditor) if w.isVisible()]
    assert len(editors) == 1, f"{len(editors)} memo editors open"
    return editors[0]


def write_memo(qtbot, window: MainWindow, text: str) -> None:
    """In the open memo editor: select what is there, type ``text``, Ctrl+Enter."""
    editor = memo_editor(window)
    editor.edit.selectAll()
    type_text(editor.edit, text)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    from annotator.ui.memo_editor import MemoEditor

    assert not [w for w in window.findChildren(MemoEditor) if w.isVisible()]  # it closed
