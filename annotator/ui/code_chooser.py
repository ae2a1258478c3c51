"""Choosing a code by typing (Code with…, Ctrl+K).

With a few hundred codes, scrolling a drop-down list is slow; here the user types part
of a code's name or path and the list narrows as they type. Up/Down move among the codes
left, Enter codes with the highlighted one, Esc cancels. A code whose own name starts
with the typed text is highlighted before one that only contains it somewhere.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.codepath import split_path


def matches(path: str, typed: str) -> bool:
    """Every word typed occurs in the path, ignoring case."""
    folded = path.casefold()
    return all(word in folded for word in typed.casefold().split())


class CodeChooser(QDialog):
    """A filter line above the list of code paths; ``chosen()`` after it is accepted."""

    def __init__(self, title: str, label: str, paths: list[str], current: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeChooser")
        self.setWindowTitle(title)
        self.filter = QLineEdit()
        self.filter.setObjectName("codeFilter")
        self.filter.setPlaceholderText(self.tr("Type part of a code's name…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("codeList")
        for path in paths:
            self.list.addItem(QListWidgetItem(path))
        if paths:
            self.list.setCurrentRow(max(0, min(current, len(paths) - 1)))
        self.empty = QLabel(self.tr("No code contains these words"))
        self.empty.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.narrow)
        self.filter.installEventFilter(self)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.filter.setFocus()
        self.resize(460, 420)

    def narrow(self, typed: str) -> None:
        """Hide the codes that do not match; highlight the best of the rest."""
        best, first = None, None
        for row in range(self.list.count()):
            item = self.list.item(row)
            shown = matches(item.text(), typed)
            item.setHidden(not shown)
            if shown:
                first = first if first is not None else row
                name = split_path(item.text())[-1].casefold()
                if best is None and typed.strip() and name.startswith(typed.strip().casefold()):
                    best = row
        row = best if best is not None else first
        if row is not None:
            self.list.setCurrentRow(row)
            self.list.scrollToItem(self.list.item(row))
        else:
            self.list.setCurrentRow(-1)
        self.empty.setVisible(row is None)
        self.ok.setEnabled(row is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/PageUp/PageDown in the filter line move in the list."""
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (
                    Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.text() if item is not None and not item.isHidden() else None


__all__ = ["CodeChooser", "matches"]
