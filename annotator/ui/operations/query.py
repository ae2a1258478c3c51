"""The undo step of saving a coding query's results as a new code: the code and every
passage coded with it in one transaction; undo deletes the code (its codings with it),
redo puts both back as they were (same ids)."""

from PySide6.QtCore import QCoreApplication

from annotator.services.changes import Changes, added
from annotator.services.queries import QueryResult, save_as_new_code
from annotator.ui.operations.codebook import MakesCode
from annotator.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class SaveQueryAsCode(MakesCode):
    """Code every passage of ``result`` with a new code at ``path``, as the current
    coder."""

    def __init__(self, session: Session, result: QueryResult, path: str) -> None:
        super().__init__(session, _t("Save the query as the code {0}").format(path))
        self.result, self.path = result, path

    def execute(self) -> Changes:
        coder = self.session.coder.name if self.session.coder else None
        saved = save_as_new_code(self.project, self.result, self.path, coder)
        self.code_id = saved.code_id
        self.message = _t("Coded {0} passages with the new code “{1}”").format(
            len(saved.codings), self.path)
        return (Changes(codes=frozenset({saved.code_id}), coders=frozenset({saved.coder_id}))
                | added(saved.codings))


__all__ = ["SaveQueryAsCode"]
