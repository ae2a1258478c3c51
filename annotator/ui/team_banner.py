"""The strip above the window's contents that says how a team project's server is.

A team project lives on a server that can go away (a laptop leaves the Wi-Fi, the server
restarts). The user must see that at once and keep seeing it while it lasts, not only
in a status-bar line that fades: the banner stays until the server is back, then says so
for a few seconds. It shows; ``ui/team_feed.TeamFeed`` decides what it says.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

BACK_MS = 6000

_STYLES = {
    "lost": "QFrame#teamBanner { background: #fde2e1; border-bottom: 1px solid #d9534f; }"
            "QFrame#teamBanner QLabel { color: #7a1f1c; }",
    "back": "QFrame#teamBanner { background: #e3f4e1; border-bottom: 1px solid #5cb85c; }"
            "QFrame#teamBanner QLabel { color: #1f5a1c; }",
}


class TeamBanner(QFrame):
    """One line of text on a coloured strip; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamBanner")
        self.label = QLabel()
        self.label.setObjectName("teamBannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        self.state = ""
        self._hide = QTimer(self, singleShot=True, interval=BACK_MS)
        self._hide.timeout.connect(self.clear)
        self.hide()

    def show_lost(self, text: str) -> None:
        """The server is gone: shown until ``show_back`` or ``clear``."""
        self._hide.stop()
        self._show("lost", text)

    def show_back(self, text: str) -> None:
        """The server is back: shown for a few seconds."""
        self._show("back", text)
        self._hide.start()

    def clear(self) -> None:
        self._hide.stop()
        self.state = ""
        self.hide()

    def _show(self, state: str, text: str) -> None:
        self.state = state
        self.setStyleSheet(_STYLES[state])
        self.label.setText(text)
        self.show()


__all__ = ["TeamBanner"]
