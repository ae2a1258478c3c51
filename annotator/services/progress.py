"""Progress and cancelling for long text operations (word counts, concordance, auto-coding).

The window runs these in a worker thread: ``progress(done, total)`` lets it draw a bar,
``cancel()`` returning true stops the work at the next document or batch with
``Cancelled``, before anything is written.
"""

from collections.abc import Callable

from annotator.domain.errors import AnnotatorError

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class Cancelled(AnnotatorError):
    """The user stopped the operation; nothing was changed."""


def step(done: int, total: int, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
    """Report ``done`` of ``total`` and stop if the user asked to."""
    if cancel is not None and cancel():
        raise Cancelled("stopped before the end; nothing was changed")
    if progress is not None:
        progress(done, total)
