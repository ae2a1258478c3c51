"""Long analysis work off the GUI thread: one task at a time, with progress and cancel.

A query over every document, a 300 × 300 co-occurrence or a crosstab can take a second;
the window must not freeze for it. ``TaskRunner.start(label, work, done)`` runs
``work(progress, cancel)`` (the services' own ``Progress`` and ``CancelFlag``) in a
thread; a timer on the GUI thread shows the progress in the ``TaskBar`` and hands the
result to ``done`` there. Cancel sets a flag the service polls; it then raises
``Cancelled`` and nothing was changed. Starting a task while another runs cancels the
first (its result is dropped), so the last thing asked for is what is shown.
"""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from annotator.domain.errors import AnnotatorError
from annotator.services.analysis_scope import CancelFlag, Cancelled, Progress
from annotator.ui.prompts import Prompts

Work = Callable[[Progress, CancelFlag], Any]


class _Job:
    """One run: its thread, its flag, and what it left (read on the GUI thread)."""

    def __init__(self, work: Work) -> None:
        self.cancelled = threading.Event()
        self.done_of: tuple[int, int] = (0, 0)
        self.result: Any = None
        self.error: str | None = None
        self.was_cancelled = False
        self.thread = threading.Thread(target=self._run, args=(work,), name="analysis",
                                       daemon=True)

    def _progress(self, done: int, total: int) -> None:
        self.done_of = (done, total)

    def _run(self, work: Work) -> None:
        try:
            self.result = work(self._progress, self.cancelled.is_set)
        except Cancelled:
            self.was_cancelled = True
        except AnnotatorError as exc:
            self.error = str(exc)
        except Exception as exc:  # shown, never lost in a thread
            self.error = f"{type(exc).__name__}: {exc}"


class TaskBar(QWidget):
    """What runs, how far it is, and a button to stop it; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisTaskBar")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("analysisProgress")
        self.bar.setMaximumWidth(220)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("analysisCancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        layout.addStretch(1)
        self.hide()


class TaskRunner(QObject):
    """Runs one task at a time for a panel set; ``failed`` carries a message to show."""

    failed = Signal(str)
    cancelled = Signal()
    idle = Signal()

    def __init__(self, bar: TaskBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.job: _Job | None = None
        self._done: Callable[[Any], None] | None = None
        self._timer = QTimer(self, interval=40)
        self._timer.timeout.connect(self._poll)
        bar.cancel.clicked.connect(self.cancel)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, label: str, work: Work, done: Callable[[Any], None]) -> None:
        """Run ``work`` in a thread; ``done(result)`` on the GUI thread when it ends."""
        self.cancel()
        self.job = _Job(work)
        self._done = done
        self.bar.label.setText(label)
        self.bar.bar.setRange(0, 0)  # busy until the first progress report
        self.bar.show()
        self.job.thread.start()
        self._timer.start()

    def cancel(self) -> None:
        """Stop the running task (its result, if it still comes, is dropped)."""
        if self.job is None:
            return
        self.job.cancelled.set()
        self._finish()
        self.cancelled.emit()

    def wait(self, timeout: float | None = None) -> None:
        """Let the running task end (the window closes, a test waits for a result)."""
        if self.job is not None:
            self.job.thread.join(timeout)
            self._poll()

    def _poll(self) -> None:
        job = self.job
        if job is None:
            return
        done, total = job.done_of
        if total:
            self.bar.bar.setRange(0, total)
            self.bar.bar.setValue(done)
        if job.thread.is_alive():
            return
        done_fn = self._done
        self._finish()
        if job.was_cancelled:
            self.cancelled.emit()
        elif job.error is not None:
            self.failed.emit(job.error)
        elif done_fn is not None:
            done_fn(job.result)
        self.idle.emit()

    def _finish(self) -> None:
        self._timer.stop()
        self.job = None
        self._done = None
        self.bar.hide()


def attempt(prompts: Prompts, title: str, fn: Callable[[], object]) -> bool:
    """Run a short step on the GUI thread (one small write); a refusal is shown to the
    user, not raised. True when it went through."""
    try:
        fn()
    except AnnotatorError as exc:
        prompts.warn(title, str(exc))
        return False
    return True


__all__ = ["TaskBar", "TaskRunner", "Work", "attempt"]
