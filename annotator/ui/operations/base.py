"""The undo step every operation is: ``execute`` does the work, ``revert`` undoes it,
``again`` redoes it; each returns the ``Changes`` it made, which the session applies.

A step that can no longer be replayed — the project changed under it (another window or
process coded the same span, a merge removed the code), so the service raises a user
error or the database refuses (a constraint, a locked or read-only file) — ends in a
clear message, is dropped from the stack, and the views re-read the project so that the
stack, the views and the file agree again. Every service call is one transaction, so a
refused step has changed nothing.
"""

import sqlite3

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from annotator.domain.errors import AnnotatorError
from annotator.services.changes import Changes
from annotator.store.project import Project
from annotator.ui.session import Session

#: what a step that cannot replay may raise: a user error, or any database error
REPLAY_ERRORS = (AnnotatorError, SQLAlchemyError, sqlite3.Error)


class Operation(QUndoCommand):
    """One user operation, one undo step. ``execute`` runs it the first time (a user
    error there means it never reaches the stack); ``again`` redoes it after an undo
    (by default: execute again); ``revert`` undoes it."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.message = ""
        self._pending_first_redo = True

    @property
    def project(self) -> Project:
        assert self.session.project is not None
        return self.session.project

    def execute(self) -> Changes:
        raise NotImplementedError

    def done_message(self) -> str:
        """What the status bar says once the step is done and applied."""
        return self.message

    def again(self) -> Changes:
        return self.execute()

    def revert(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        if self._pending_first_redo:  # QUndoStack.push calls redo(): already done
            self._pending_first_redo = False
            return
        self._replay(self.again, QCoreApplication.translate("Session", "Redone: {0}"),
                     QCoreApplication.translate("Session", "Cannot redo “{0}”: {1}"))

    def undo(self) -> None:
        self._replay(self.revert, QCoreApplication.translate("Session", "Undone: {0}"),
                     QCoreApplication.translate("Session", "Cannot undo “{0}”: {1}"))

    def _replay(self, fn, done: str, failed: str) -> None:
        try:
            changes = fn()
        except REPLAY_ERRORS as exc:
            # The project changed under this step: it can no longer be replayed. Say so,
            # let the stack drop it, and re-read the project (nothing was written).
            self.setObsolete(True)
            self.session.stale()
            self.session.error.emit(failed.format(self.text(), _reason(exc)))
            return
        self.session.apply(changes)
        self.session.message.emit(done.format(self.text()))


def _reason(exc: Exception) -> str:
    """What to tell the user: a user error says it itself; a database error is said in
    the user's words (its own text is for developers)."""
    if isinstance(exc, AnnotatorError):
        return str(exc)
    return QCoreApplication.translate(
        "Session", "the project was changed elsewhere (another window or program)")


__all__ = ["REPLAY_ERRORS", "Operation"]
