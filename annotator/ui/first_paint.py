"""Running something once a window is on the screen: after its first paint.

The window starts as its frame (``MainWindow(build=False)``: title, size, menu bar,
toolbar, status bar) and is built, and its project opened, only once that frame has been
painted: the user sees the window at once, and the services, SQLAlchemy and the
controllers load behind it. A top-level widget receives a ``Paint`` event each time it is
drawn; the work is queued from the first one, so it runs once the event loop is back,
after that paint has reached the screen.

A window that is never painted (started minimised, on a platform that does not expose
it) must still be built: ``FALLBACK_MS`` after it is shown, the work runs anyway.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class _AfterFirstPaint(QObject):
    """Runs ``then`` once: after ``widget``'s first paint, or after the fallback delay."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget, self._then = widget, then
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        then()


def after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` once ``widget`` (a top-level window about to be shown, or just shown)
    has been drawn for the first time."""
    _AfterFirstPaint(widget, then)


__all__ = ["FALLBACK_MS", "after_first_paint"]
