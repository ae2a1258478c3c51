"""Stand-in for QualCoder's ``helpers`` module, for running ``refi.py`` headless.

QualCoder's own ``helpers.py`` pulls in PDF, image and media-player libraries that the REFI
importer never touches; ``refi.py`` uses only its ``Message`` box. This ``Message`` is that
class (a styled QMessageBox, as in QualCoder) whose ``exec`` records the text instead of
waiting for a click, so the importer's closing and warning messages can be read back.
"""

from PyQt6 import QtWidgets

SHOWN: list[tuple[str, str]] = []


class Message(QtWidgets.QMessageBox):
    def __init__(self, app, title, text, icon=None):
        QtWidgets.QMessageBox.__init__(self)
        self.setWindowTitle(title)
        self.setText(text)

    def exec(self):
        SHOWN.append((self.windowTitle(), self.text()))
        return 0
