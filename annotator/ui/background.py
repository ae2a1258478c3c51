"""Work off the window's thread, its outcome handed to the window on its own thread.

Two shapes of long read use it. A concordance of 的 across a novel, or the word
frequencies of every document, stream many results: ``Job`` runs the work in a daemon
thread, which ``emit``s results and reports ``progress``; a timer on the GUI thread drains
them in order every few tens of milliseconds, so every widget is touched on the GUI thread
only. Its ``cancel()`` lets the work stop at its next check and drops what it still sends,
at once: the window does not wait for the thread.

The workshop views compute agreement, bootstrap intervals and disagreements over every
coding of a merged workshop, one result at the end: ``BackgroundJob`` runs a function that
gets a ``Progress`` to say which stage it is in and to ask whether the user cancelled (it
stops at the next stage); the result, the error or the cancellation comes on the window's
thread, as a signal. The services both call open their own read transaction (SQLAlchemy's
pool gives the thread its own connection), so nothing of the window's session crosses
threads. Both run their thread at a lower priority and turn a failure into the message
shown (``_guarded``).

While a ``Job`` runs, the objects that existed when it started are kept out of the cycle
collector's sight (``gc.freeze``): a full collection walks every object of the window —
hundreds of milliseconds with a novel open — and runs in whichever thread allocates, so
the worker's many small objects would otherwise stop the window now and then. Reference
counting still frees those objects; only cycles among them wait until the job ends
(``gc.unfreeze``).
"""

import contextlib
import gc
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.domain.errors import AnnotatorError

Emit = Callable[[object], None]
Report = Callable[[int, int], None]
Work = Callable[[Emit, Callable[[], bool], Report], None]

POLL_MS = 30
WORKER_NICE = 10


class Cancelled(Exception):
    """The user cancelled: raised by ``Progress.stage`` at the next stage."""


def _guarded(work: Callable[[], Any]) -> tuple[str, Any]:
    """Run ``work`` in the worker: ("result", value), ("cancelled", None) or
    ("error", message) — a failure is shown to the user, never lost in a thread."""
    _lower_priority()
    try:
        return "result", work()
    except Cancelled:
        return "cancelled", None
    except AnnotatorError as exc:
        return "error", str(exc)
    except Exception as exc:  # shown to the user; the window goes on
        return "error", f"{type(exc).__name__}: {exc}"


def _thread(target: Callable[[], None], name: str) -> threading.Thread:
    return threading.Thread(target=target, name=name, daemon=True)


class Job(QObject):
    """One run of ``work(emit, cancelled, progress)`` in a thread.

    ``on_item`` gets each emitted value, ``on_progress`` the latest (done, total), and
    ``on_done`` once at the end: ``None`` when the work finished, else the message of the
    user error (or the failure) that stopped it. Nothing is called after ``cancel()``.
    """

    def __init__(self, parent: QObject, work: Work, on_item: Callable[[object], None],
                 on_progress: Callable[[int, int], None],
                 on_done: Callable[[str | None], None]) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._on_item, self._on_progress, self._on_done = on_item, on_progress, on_done
        self._thread = _thread(lambda: self._run(work), "annotator-job")
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._drain)

    def start(self) -> None:
        gc.freeze()
        self._thread.start()
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        self._stop.set()
        self._timer.stop()
        gc.unfreeze()

    def wait(self, seconds: float | None = None) -> None:
        """Let the thread end (the window closing, tests); what it sent is still drained."""
        self._thread.join(seconds)
        self._drain()

    def _run(self, work: Work) -> None:
        def emit(item: object) -> None:
            self._queue.put(("item", item))
            time.sleep(0)  # hand the interpreter to the window now, not at the next switch

        def progress(done: int, total: int) -> None:
            self._queue.put(("progress", (done, total)))
            time.sleep(0)

        kind, value = _guarded(lambda: work(emit, self._stop.is_set, progress))
        self._queue.put(("done", value if kind == "error" else None))

    def _drain(self) -> None:
        progress = None
        while not self._stop.is_set():
            try:
                kind, value = self._queue.get_nowait()
            except queue.Empty:
                break
            if kind == "item":
                self._on_item(value)
            elif kind == "progress":
                progress = value
            else:
                self._timer.stop()
                self._stop.set()
                gc.unfreeze()
                if progress is not None:
                    self._on_progress(*progress)
                self._on_done(value)
                return
        if progress is not None and not self._stop.is_set():
            self._on_progress(*progress)


class Progress:
    """What a ``BackgroundJob`` tells the window (its stage) and asks it (cancelled?)."""

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
        self._outcome: tuple[str, Any] = ("cancelled", None)
        self._seen: tuple[str, int, int] = ("", 0, 0)

        def run() -> None:
            self._outcome = _guarded(lambda: work(self.progress))

        self.thread = _thread(run, name)
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
        kind, value = self._outcome
        if self.progress.cancelled or kind == "cancelled":
            self.cancelled.emit()
        elif kind == "error":
            self.failed.emit(value)
        else:
            self.finished.emit(value)


def _lower_priority() -> None:
    """On Linux a thread has its own nice value: the worker's is raised, so that on a busy
    machine the window's thread is scheduled first (elsewhere the call would name a
    process, so it is not made)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)


__all__ = ["BackgroundJob", "Cancelled", "Job", "Progress"]
