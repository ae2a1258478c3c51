"""Work off the window's thread, its outcome handed to the window on its own thread.

One ``Runner`` does it all (a daemon thread, a queue, a timer that delivers on the GUI
thread); three shapes of long read use it. A concordance of 的 across a novel, or the word
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

The Analysis dock runs one analysis at a time (a query, a 300 × 300 co-occurrence, a
crosstab, a chart): ``TaskRunner`` hands the services' own ``progress`` and ``cancel``
to the work, shows the progress in a task bar with a Cancel button and drops a
cancelled task's result at once; a new task cancels the one before.

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
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from annotator.domain.errors import AnnotatorError
from annotator.services.analysis_scope import Cancelled as AnalysisCancelled

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
    except (Cancelled, AnalysisCancelled):
        return "cancelled", None
    except AnnotatorError as exc:
        return "error", str(exc)
    except Exception as exc:  # shown to the user; the window goes on
        return "error", f"{type(exc).__name__}: {exc}"


def _thread(target: Callable[[], None], name: str) -> threading.Thread:
    return threading.Thread(target=target, name=name, daemon=True)


class Runner(QObject):
    """The one worker-thread runner the window has: ``work(emit, cancelled, progress)``
    runs in a daemon thread at a lower priority; a timer on the GUI thread delivers, in
    order, what it streams (``on_item``), its latest progress (``on_progress``) and once
    its end (``on_end(kind, value)``: "result" and the value work returned, "error" and
    the message, or "cancelled"). Streaming and single-result work are the same run:
    ``Job``, ``BackgroundJob`` and ``TaskRunner`` are shapes of it.

    With ``drop`` (the default) ``cancel()`` is final at once: nothing more is delivered,
    the window does not wait for the thread. Without it the work is only asked to stop
    (``cancelled()`` turns true) and its end still comes. With ``freeze`` the objects
    that existed at the start are kept from the cycle collector while it runs.
    """

    def __init__(self, parent: QObject | None, work: Callable[[Emit, Callable[[], bool],
                                                                 Report], Any],
                 on_end: Callable[[str, Any], None], *,
                 on_item: Callable[[object], None] | None = None,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_tick: Callable[[], None] | None = None, drop: bool = True,
                 freeze: bool = False, poll_ms: int = POLL_MS,
                 name: str = "annotator-job") -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()      # the work is asked to stop
        self._dropped = False               # nothing more is delivered
        self._on_item, self._on_progress, self._on_end = on_item, on_progress, on_end
        self._on_tick, self._drop, self._freeze = on_tick, drop, freeze
        self.thread = _thread(lambda: self._run(work), name)
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self._drain)

    def start(self) -> None:
        if self._freeze:
            gc.freeze()
        self.thread.start()
        self.timer.start()

    @property
    def running(self) -> bool:
        """Delivering: started, not ended, not dropped."""
        return self.timer.isActive()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()
        if self._drop:
            self._end_delivery()

    def wait(self, seconds: float | None = None) -> None:
        """Let the thread end (the window closing, tests); what it sent is still drained."""
        self.thread.join(seconds)
        self._drain()

    def _run(self, work) -> None:
        def emit(item: object) -> None:
            self._queue.put(("item", item))
            time.sleep(0)  # hand the interpreter to the window now, not at the next switch

        def progress(done: int, total: int) -> None:
            self._queue.put(("progress", (done, total)))
            time.sleep(0)

        kind, value = _guarded(lambda: work(emit, self._stop.is_set, progress))
        if kind == "result" and self._stop.is_set():
            kind, value = "cancelled", None   # asked to stop: what it made is not shown
        self._queue.put(("end", (kind, value)))

    def _end_delivery(self) -> None:
        if not self._dropped:
            self._dropped = True
            self.timer.stop()
            if self._freeze:
                gc.unfreeze()

    def _drain(self) -> None:
        if self._on_tick is not None and not self._dropped:
            self._on_tick()
        progress = None
        while not self._dropped:
            try:
                kind, value = self._queue.get_nowait()
            except queue.Empty:
                break
            if kind == "item":
                if self._on_item is not None:
                    self._on_item(value)
            elif kind == "progress":
                progress = value
            else:
                self._end_delivery()
                if progress is not None and self._on_progress is not None:
                    self._on_progress(*progress)
                self._on_end(*value)
                return
        if progress is not None and not self._dropped and self._on_progress is not None:
            self._on_progress(*progress)


class Job(Runner):
    """One run of ``work(emit, cancelled, progress)`` in a thread (streamed items).

    ``on_item`` gets each emitted value, ``on_progress`` the latest (done, total), and
    ``on_done`` once at the end: ``None`` when the work finished, else the message of the
    user error (or the failure) that stopped it. Nothing is called after ``cancel()``.
    """

    def __init__(self, parent: QObject, work: Work, on_item: Callable[[object], None],
                 on_progress: Callable[[int, int], None],
                 on_done: Callable[[str | None], None]) -> None:
        super().__init__(parent, work,
                         lambda kind, value: on_done(value if kind == "error" else None),
                         on_item=on_item, on_progress=on_progress, freeze=True)


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
        self._seen: tuple[str, int, int] = ("", 0, 0)
        self._runner = Runner(self, lambda _emit, _stop, _report: work(self.progress),
                              self._ended, on_tick=self._staged, drop=False,
                              poll_ms=self.POLL_MS, name=name)
        self.thread, self.timer = self._runner.thread, self._runner.timer

    def start(self) -> "BackgroundJob":
        self._runner.start()
        return self

    @property
    def running(self) -> bool:
        return self.thread.is_alive()

    def cancel(self) -> None:
        """Ask the job to stop; ``cancelled`` comes when it has."""
        self.progress.cancel()

    def wait(self, timeout: float | None = None) -> None:
        """Let the thread end (the project is closing), then deliver its outcome."""
        self._runner.wait(timeout)

    def _staged(self) -> None:
        stage = self.progress.current()
        if stage != self._seen:
            self._seen = stage
            self.staged.emit(*stage)

    def _ended(self, kind: str, value: Any) -> None:
        self._staged()
        if self.progress.cancelled or kind == "cancelled":
            self.cancelled.emit()
        elif kind == "error":
            self.failed.emit(value)
        else:
            self.finished.emit(value)


class TaskView(Protocol):
    """What shows a ``TaskRunner``'s task: a label, a progress bar, a Cancel button
    (``ui/task_bar.TaskBar``)."""

    label: QLabel
    bar: QProgressBar
    cancel: QPushButton

    def show(self) -> None: ...
    def hide(self) -> None: ...


AnalysisWork = Callable[[Report, Callable[[], bool]], Any]


class TaskRunner(QObject):
    """One task at a time for a set of panels (the Analysis dock), shown in a task view.

    ``start(label, work, done)`` runs ``work(progress, cancel)`` (the services' own
    progress and cancel arguments) and hands the result to ``done`` on the GUI thread.
    Cancel sets the flag the service polls (it raises ``Cancelled``; nothing was
    changed) and drops the result at once; starting a task while another runs cancels
    the first, so the last thing asked for is what is shown. ``failed`` carries a
    message to show.
    """

    failed = Signal(str)
    cancelled = Signal()
    idle = Signal()

    POLL_MS = 40

    def __init__(self, view: TaskView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = view
        self.job: Runner | None = None
        view.cancel.clicked.connect(self.cancel)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, label: str, work: AnalysisWork, done: Callable[[Any], None]) -> None:
        """Run ``work`` in a thread; ``done(result)`` on the GUI thread when it ends."""
        self.cancel()

        def ended(kind: str, value: Any) -> None:
            self.job = None
            self.bar.hide()
            if kind == "cancelled":
                self.cancelled.emit()
            elif kind == "error":
                self.failed.emit(value)
            else:
                done(value)
            self.idle.emit()

        self.job = Runner(self, lambda _emit, stop, report: work(report, stop), ended,
                          on_progress=self._progress, poll_ms=self.POLL_MS, name="analysis")
        self.bar.label.setText(label)
        self.bar.bar.setRange(0, 0)  # busy until the first progress report
        self.bar.show()
        self.job.start()

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.bar.bar.setRange(0, total)
            self.bar.bar.setValue(done)

    def cancel(self) -> None:
        """Stop the running task (its result, if it still comes, is dropped)."""
        if self.job is None:
            return
        self.job.cancel()
        self.job = None
        self.bar.hide()
        self.cancelled.emit()

    def wait(self, timeout: float | None = None) -> None:
        """Let the running task end (the window closes, a test waits for a result)."""
        if self.job is not None:
            self.job.wait(timeout)


def _lower_priority() -> None:
    """On Linux a thread has its own nice value: the worker's is raised, so that on a busy
    machine the window's thread is scheduled first (elsewhere the call would name a
    process, so it is not made)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)


__all__ = ["BackgroundJob", "Cancelled", "Job", "Progress", "Runner", "TaskRunner"]
