"""The memo editor: a window to write a memo in, beside the document.

A memo is written while reading: the editor is not modal (the document, the codebook and
the coded segments stay usable while it is open), can be made as large as the thought,
and says above the text what the memo is attached to — the document, the code, or the
coding with its code, coder and the words it codes. Ctrl+Enter saves and closes, Tab
moves the focus on (a memo is prose, not a table), Esc closes and asks first when
something written would be lost. One editor per memo: asking again for the same memo
brings its open editor to the front.
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.document_view import reading_font
from annotator.ui.prompts import Prompts, title_width

SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MemoEditor(QDialog):
    """One memo being written (``objectName`` ``memoEditor``); ``saved`` carries the
    new text when the user saves a changed memo."""

    saved = Signal(str)

    def __init__(self, title: str, about: str, context: str, text: str,
                 prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoEditor")
        self.setWindowTitle(title)
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.prompts = prompts
        self.original = text
        self._closing = False
        self.about = QLabel(about)
        self.about.setObjectName("memoAbout")
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        font = self.about.font()
        font.setBold(True)
        self.about.setFont(font)
        self.context = QLabel(context)
        self.context.setObjectName("memoContext")
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.setWordWrap(True)
        self.context.setStyleSheet("color: #555;")
        self.context.setVisible(bool(context))
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("memoText")
        self.edit.setTabChangesFocus(True)
        self.edit.setFont(reading_font(self.edit.font().pointSizeF() + 1))
        self.edit.setPlaceholderText(self.tr("Write the memo here…"))
        self.edit.installEventFilter(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(self.tr("Save the memo and close (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc closes · Tab moves to the buttons"))
        hint.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.context)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(max(560, title_width(self, title)), 400)
        end = self.edit.textCursor()
        end.movePosition(end.MoveOperation.End)
        self.edit.setTextCursor(end)
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText()

    def changed(self) -> bool:
        return self.text() != self.original

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in SAVE_KEYS
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.changed():
            self.saved.emit(self.text())
        self._closing = True
        super().accept()

    def reject(self) -> None:
        if self.changed() and not self.prompts.confirm(
                self.tr("Discard the memo?"),
                self.tr("What you wrote in this memo has not been saved. Close it and "
                        "lose the changes?")):
            return
        self._closing = True
        super().reject()

    def done(self, result: int) -> None:
        """Closed: the keys go back to the window it was opened from."""
        parent = self.parentWidget()
        super().done(result)
        if parent is not None:
            parent.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button asks like Esc does."""
        if self._closing:
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()


__all__ = ["MemoEditor"]
