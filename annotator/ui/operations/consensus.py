"""Undo steps of a workshop's consensus: accept a coder's coding into the consensus, or
code a disputed span directly for the consensus coder."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.services.agreement import Disagreement, accept_into_consensus, code_consensus
from annotator.services.changes import Changes
from annotator.services.coding import CodingInfo
from annotator.ui.operations.coding import RestoresRows
from annotator.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkshopViews", text)


class ConsensusCoding(RestoresRows):
    """One coding for the consensus coder (accepted from a coder, or coded directly);
    undo deletes it, redo puts the same row back."""

    def __init__(self, session: Session, text: str, run: Callable[[], CodingInfo],
                 done: str) -> None:
        super().__init__(session, text)
        self.run, self.done = run, done

    def execute(self) -> Changes:
        info = self.run()
        self.created = (info,)
        self.message = self.done
        # the consensus coder may be new to this project
        return Changes(codings_added=self.created, coders=frozenset({info.coder_id}))


def accept_command(session: Session, coding_id: int, coder: str, code_path: str
                   ) -> ConsensusCoding:
    project = session.project
    return ConsensusCoding(
        session, _t("Accept {0}'s coding of {1} into consensus").format(coder, code_path),
        lambda: accept_into_consensus(project, coding_id),
        _t("Accepted {0}'s coding of {1} into the consensus").format(coder, code_path))


def consensus_command(session: Session, d: Disagreement) -> ConsensusCoding:
    project = session.project
    return ConsensusCoding(
        session, _t("Code {0} characters with {1} for consensus").format(
            d.end - d.start, d.code_path),
        lambda: code_consensus(project, d.document_id, d.code_id, d.start, d.end),
        _t("Coded {0} characters with {1} for the consensus").format(
            d.end - d.start, d.code_path))


__all__ = ["ConsensusCoding", "accept_command", "consensus_command"]
