"""Questions to the user, through one seam.

Every question the window asks — a name, a choice among codes, a colour, "are you sure",
a file to open or save, a folder — goes through a ``Prompts``. The application uses the
Qt dialogs below; tests give the window a scripted stand-in with the same methods
(``tests/ui/conftest.py``) that answers from a queue and records what was asked, so no
test patches a Qt class and no test blocks on a modal dialog.

Every method returns the answer, or None (False, an empty list) when the user cancels.
"""

from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from annotator.domain.errors import AnnotatorError


def title_width(widget: QWidget, title: str) -> int:
    """The width a window needs to show ``title`` whole in its title bar, with the
    application's name a window manager appends and the title bar's buttons."""
    app = QApplication.applicationDisplayName() or "Annotator"
    return widget.fontMetrics().horizontalAdvance(f"{title} — {app}") + 160


class Prompts:
    """The Qt dialogs, parented to the window that asks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def input_dialog(self, title: str, label: str) -> QInputDialog:
        """A question box wide enough for its whole title (window managers cut a title
        to the box's width, and add the application's name)."""
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        # the box's layout sizes it to its contents: widen the label it lays out
        label_widget = dialog.findChild(QLabel)
        if label_widget is not None:
            label_widget.setMinimumWidth(title_width(dialog, title))
        return dialog

    def text(self, title: str, label: str, text: str = "") -> str | None:
        dialog = self.input_dialog(title, label)
        dialog.setTextValue(text)
        return dialog.textValue() if self._run(dialog) else None

    def multiline(self, title: str, label: str, text: str = "") -> str | None:
        dialog = self.input_dialog(title, label)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(text)
        return dialog.textValue() if self._run(dialog) else None

    def choice(self, title: str, label: str, items: list[str], current: int = 0,
               editable: bool = False) -> str | None:
        dialog = self.input_dialog(title, label)
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(editable)
        if 0 <= current < len(items):
            dialog.setTextValue(items[current])
        return dialog.textValue() if self._run(dialog) else None

    @staticmethod
    def _run(dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def colour(self, title: str, initial: str) -> str | None:
        """A colour as ``#RRGGBB`` (upper case)."""
        color = QColorDialog.getColor(QColor(initial), self.parent, title)
        return color.name().upper() if color.isValid() else None

    def message_box(self, icon: QMessageBox.Icon, title: str, text: str,
                    buttons: QMessageBox.StandardButton) -> QMessageBox:
        """A message box wide enough for its whole title (see ``input_dialog``)."""
        box = QMessageBox(icon, title, text, buttons, self.parent)
        grid = box.layout()
        if isinstance(grid, QGridLayout):  # a message box sizes itself: widen its grid
            grid.addItem(QSpacerItem(title_width(box, title), 0, QSizePolicy.Policy.Minimum,
                                     QSizePolicy.Policy.Minimum),
                         grid.rowCount(), 0, 1, grid.columnCount())
        return box

    def confirm(self, title: str, text: str) -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = self.message_box(QMessageBox.Icon.Question, title, text, yes | no)
        try:
            return box.exec() == yes
        finally:
            box.deleteLater()

    def inform(self, title: str, text: str) -> None:
        self._run(self.message_box(QMessageBox.Icon.Information, title, text,
                                   QMessageBox.StandardButton.Ok))

    def warn(self, title: str, text: str) -> None:
        self._run(self.message_box(QMessageBox.Icon.Warning, title, text,
                                   QMessageBox.StandardButton.Ok))

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


def attempt(prompts: Prompts, title: str, fn: Callable[[], object]) -> bool:
    """Run a short step on the GUI thread (one small write); a refusal is shown to the
    user, not raised. True when it went through."""
    try:
        fn()
    except AnnotatorError as exc:
        prompts.warn(title, str(exc))
        return False
    return True


__all__ = ["Prompts", "attempt"]
