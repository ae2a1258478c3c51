"""Work off the window's thread: a job that reports its stage and can be cancelled.

The workshop views compute agreement, bootstrap intervals and disagreements over every
coding of a merged workshop: seconds on a large project, during which the window must
keep painting and answering. ``BackgroundJob`` runs a function in a thread; the function
gets a ``Progress`` to say which stage it is in and to ask whether the user cancelled
(it stops at the next stage). A timer on the window's thread polls the thread, so the
result, the error or the cancellation is delivered there, as a signal. The services it
calls open their own read transaction (SQLAlchemy's pool gives the thread its own
connection), so nothing of the window's session crosses threads.
"""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.domain.errors import AnnotatorError


class Cancelled(Exception):
    """The user cancelled: raised by ``Progress.stage`` at the next stage."""


class Progress:
    """What the job tells the window (its stage) and asks it (cancelled?)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._stage: tuple[str, int, int] = ("", 0, 0)

    def stage(self, text: str, done: int = 0, total: int = 0) -> None:
        """Enter a stage (``done`` of ``total`` steps; 0 of 0: no count); raises
        ``Cancelled`` when the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled
        with self._lock:
            self._stage = (text, done, total)

    def current(self) -> tuple[str, int, int]:
        with self._lock:
            return self._stage

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class BackgroundJob(QObject):
    """One function in a thread; ``finished(result)``, ``failed(message)`` or
    ``cancelled()`` on the window's thread, ``staged(text, done, total)`` meanwhile."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    staged = Signal(str, int, int)

    POLL_MS = 40

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None,
                 name: str = "job") -> None:
        super().__init__(parent)
        self.progress = Progress()
        self._outcome: dict[str, Any] = {}
        self._seen: tuple[str, int, int] = ("", 0, 0)

        def run() -> None:
            try:
                self._outcome["result"] = work(self.progress)
            except Cancelled:
                self._outcome["cancelled"] = True
            except AnnotatorError as exc:
                self._outcome["error"] = str(exc)
            except Exception as exc:  # shown, never lost in a thread
                self._outcome["error"] = f"{type(exc).__name__}: {exc}"

        self.thread = threading.Thread(target=run, name=name, daemon=True)
        self.timer = QTimer(self, interval=self.POLL_MS)
        self.timer.timeout.connect(self._poll)

    def start(self) -> "BackgroundJob":
        self.thread.start()
        self.timer.start()
        return self

    @property
    def running(self) -> bool:
        return self.thread.is_alive()

    def cancel(self) -> None:
        """Ask the job to stop; ``cancelled`` comes when it has."""
        self.progress.cancel()

    def wait(self, timeout: float | None = None) -> None:
        """Let the thread end (the project is closing), then deliver its outcome."""
        self.thread.join(timeout)
        self._poll()

    def _poll(self) -> None:
        stage = self.progress.current()
        if stage != self._seen:
            self._seen = stage
            self.staged.emit(*stage)
        if self.thread.is_alive() or not self.timer.isActive():
            return
        self.timer.stop()
        if self.progress.cancelled or self._outcome.get("cancelled"):
            self.cancelled.emit()
        elif "error" in self._outcome:
            self.failed.emit(self._outcome["error"])
        else:
            self.finished.emit(self._outcome.get("result"))


__all__ = ["BackgroundJob", "Cancelled", "Progress"]
