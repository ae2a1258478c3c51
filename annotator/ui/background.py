"""Long reads in a worker thread, their results handed to the window on its own thread.

A concordance of 的 across a novel, or the word frequencies of every document, take
seconds; the window must keep answering meanwhile and let the user stop. ``Job`` runs the
work in a daemon thread, which ``emit``s results and reports ``progress``; a timer on the
GUI thread drains them in order every few tens of milliseconds, so every widget is touched
on the GUI thread only. ``cancel()`` lets the work stop at its next check and drops what it
still sends, at once: the window does not wait for the thread.

While a job runs, the objects that existed when it started are kept out of the cycle
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

from PySide6.QtCore import QObject, QTimer

from annotator.domain.errors import AnnotatorError

Emit = Callable[[object], None]
Progress = Callable[[int, int], None]
Work = Callable[[Emit, Callable[[], bool], Progress], None]

POLL_MS = 30
WORKER_NICE = 10


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
        self._thread = threading.Thread(target=self._run, args=(work,), name="annotator-job",
                                        daemon=True)
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
        _lower_priority()

        def emit(item: object) -> None:
            self._queue.put(("item", item))
            time.sleep(0)  # hand the interpreter to the window now, not at the next switch

        def progress(done: int, total: int) -> None:
            self._queue.put(("progress", (done, total)))
            time.sleep(0)

        put = self._queue.put
        try:
            work(emit, self._stop.is_set, progress)
        except AnnotatorError as exc:
            put(("done", str(exc)))
        except Exception as exc:  # shown to the user; the window goes on
            put(("done", f"{type(exc).__name__}: {exc}"))
        else:
            put(("done", None))

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


def _lower_priority() -> None:
    """On Linux a thread has its own nice value: the worker's is raised, so that on a busy
    machine the window's thread is scheduled first (elsewhere the call would name a
    process, so it is not made)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)


__all__ = ["Job"]
