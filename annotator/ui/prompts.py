"""Questions to the user, through one seam.

Every question the window asks — a name, a choice among codes, a colour, "are you sure",
a file to open or save, a folder — goes through a ``Prompts``. The application uses the
Qt dialogs below; tests give the window a scripted stand-in with the same methods
(``tests/ui/conftest.py``) that answers from a queue and records what was asked, so no
test patches a Qt class and no test blocks on a modal dialog.

Every method returns the answer, or None (False, an empty list) when the user cancels.
"""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)


class Prompts:
    """The Qt dialogs, parented to the window that asks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def multiline(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getMultiLineText(self.parent, title, label, text)
        return value if ok else None

    def choice(self, title: str, label: str, items: list[str], current: int = 0,
               editable: bool = False) -> str | None:
        value, ok = QInputDialog.getItem(self.parent, title, label, items, current, editable)
        return value if ok else None

    def colour(self, title: str, initial: str) -> str | None:
        """A colour as ``#RRGGBB`` (upper case)."""
        color = QColorDialog.getColor(QColor(initial), self.parent, title)
        return color.name().upper() if color.isValid() else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def open_file(self, title: str, folder: str, filter_: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filter_)
        return path or None

    def open_files(self, title: str, folder: str, filter_: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, folder, filter_)
        return list(paths)

    def save_file(self, title: str, suggestion: str, filter_: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggestion, filter_)
        return path or None

    def folder(self, title: str, folder: str) -> str | None:
        return QFileDialog.getExistingDirectory(self.parent, title, folder) or None

    def dialog(self, dialog: QDialog) -> bool:
        """Run one of the window's own dialogs (settings, about, the coder name) modally;
        True when the user accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted


__all__ = ["Prompts"]
