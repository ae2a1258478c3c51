"""The undo step of coding from a concordance: the chosen hits — each hit, its sentence or
its paragraph — coded with one code in one transaction, undone and redone as one step."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from annotator.domain.errors import AnnotatorError
from annotator.services.autocode import Extent, HitSpan, code_hits
from annotator.services.changes import Changes, added
from annotator.ui.operations.coding import RestoresRows
from annotator.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def extent_name(extent: Extent) -> str:
    """The extent as the user reads it."""
    return {"hit": _t("the hit"), "sentence": _t("its sentence"),
            "paragraph": _t("its paragraph")}[extent]


class CodeHits(RestoresRows):
    """Code the chosen hits (widened to ``extent``) with one code, as the current coder."""

    def __init__(self, session: Session, hits: Sequence[HitSpan], code_id: int,
                 extent: Extent) -> None:
        super().__init__(session, _t("Code {0} hits ({1}) with {2}").format(
            len(hits), extent_name(extent), session.code_path(code_id)))
        self.hits = list(hits)
        self.code_id, self.extent = code_id, extent

    def execute(self) -> Changes:
        assert self.session.coder is not None
        result = code_hits(self.project, self.hits, self.code_id, self.session.coder.id,
                           extent=self.extent)
        path = self.session.code_path(self.code_id)
        if not result.added:
            raise AnnotatorError(_t("every chosen hit is already coded with {0}").format(path))
        self.created = [row.info for row in result.added]
        self.session.used_code(self.code_id)
        self.message = _t("Coded {0} hits ({1}) with {2}: {3} codings added, {4} already "
                          "there").format(result.hits, extent_name(self.extent), path,
                                          len(result.added), result.already)
        return added(self.created)


__all__ = ["CodeHits", "extent_name"]
