"""Undo steps on the codebook: add a code; rename, recolour, define or write a memo on
it; move, merge or delete it. Undo of a reshape restores the snapshot the service took."""

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.services import codebook
from annotator.services.changes import Changes
from annotator.services.codebook import CodebookSnapshot
from annotator.ui.operations.base import Operation
from annotator.ui.session import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def _codes(*ids: int | None) -> Changes:
    return Changes(codes=frozenset(i for i in ids if i is not None))


class MakesCode(Operation):
    """A step that makes one new code (``execute`` sets ``code_id``): undo deletes it with
    whatever it coded, redo restores the snapshot the delete took (same ids)."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(session, text)
        self.code_id: int | None = None
        self.snapshot: CodebookSnapshot | None = None

    def revert(self) -> Changes:
        assert self.code_id is not None
        self.snapshot = codebook.delete_code(self.project, self.code_id)
        return self.snapshot.changes

    def again(self) -> Changes:
        assert self.snapshot is not None
        return codebook.restore_snapshot(self.project, self.snapshot)


class AddCode(MakesCode):
    def __init__(self, session: Session, parent_id: int | None, name: str,
                 color: str | None = None) -> None:
        super().__init__(session, _t("Add code {0}").format(name))
        self.parent_id, self.name, self.color = parent_id, name, color

    def execute(self) -> Changes:
        info = codebook.add_child_code(self.project, self.parent_id, self.name, color=self.color)
        self.code_id = info.id
        self.message = _t("Added the code {0}").format(info.path)
        return _codes(info.id)


class SetCodeValue(Operation):
    """Rename, colour, definition or memo of a code: the service returns the old value."""

    SETTERS: ClassVar[dict[str, Callable]] = {
        "name": codebook.rename_code,
        "color": codebook.set_code_color,
        "description": codebook.set_code_description,
        "memo": codebook.set_code_memo,
    }
    LABELS: ClassVar[dict[str, str]] = {
        "name": QT_TRANSLATE_NOOP("Commands", "Rename code {0}"),
        "color": QT_TRANSLATE_NOOP("Commands", "Change the colour of {0}"),
        "description": QT_TRANSLATE_NOOP("Commands", "Edit the definition of {0}"),
        "memo": QT_TRANSLATE_NOOP("Commands", "Edit the memo of {0}"),
    }

    def __init__(self, session: Session, code_id: int, what: str, value: str) -> None:
        super().__init__(session, _t(self.LABELS[what]).format(session.code_path(code_id)))
        self.code_id, self.what, self.value = code_id, what, value
        self.old: str | None = None

    def execute(self) -> Changes:
        self.old = self.SETTERS[self.what](self.project, self.code_id, self.value)
        return _codes(self.code_id)

    def done_message(self) -> str:
        done = {
            "name": _t("Renamed {0} to {1}"), "color": _t("Changed the colour of {1}"),
            "description": _t("Saved the definition of {1}"),
            "memo": _t("Saved the memo of {1}"),
        }[self.what]
        return done.format(self.old, self.session.code_path(self.code_id))

    def again(self) -> Changes:
        self.SETTERS[self.what](self.project, self.code_id, self.value)
        return _codes(self.code_id)

    def revert(self) -> Changes:
        assert self.old is not None
        self.SETTERS[self.what](self.project, self.code_id, self.old)
        return _codes(self.code_id)


class Reshape(Operation):
    """Move, merge or delete a code: the service returns a snapshot that undo restores,
    and that says what changed (``CodebookSnapshot.changes``)."""

    def __init__(self, session: Session, text: str, run: Callable[[], CodebookSnapshot],
                 message: Callable[[], str]) -> None:
        super().__init__(session, text)
        self.run, self.describe = run, message
        self.snapshot: CodebookSnapshot | None = None

    def execute(self) -> Changes:
        self.snapshot = self.run()
        return self.snapshot.changes

    def done_message(self) -> str:
        return self.describe()

    def revert(self) -> Changes:
        assert self.snapshot is not None
        return codebook.restore_snapshot(self.project, self.snapshot)


def move_code(session: Session, code_id: int, parent_id: int | None,
              position: int | None) -> Reshape:
    p = session.project
    return Reshape(
        session, _t("Move code {0}").format(session.code_path(code_id)),
        lambda: codebook.move_code(p, code_id, parent_id, position),
        lambda: _t("Moved the code to {0}").format(session.code_path(code_id)),
    )


def merge_code(session: Session, source_id: int, target_id: int) -> Reshape:
    p = session.project
    source, target = session.code_path(source_id), session.code_path(target_id)
    return Reshape(
        session, _t("Merge {0} into {1}").format(source, target),
        lambda: codebook.merge_code(p, source_id, target_id),
        lambda: _t("Merged {0} into {1}").format(source, target),
    )


def delete_code(session: Session, code_id: int) -> Reshape:
    p = session.project
    path = session.code_path(code_id)
    cmd = Reshape(session, _t("Delete code {0}").format(path),
                  lambda: codebook.delete_code(p, code_id), lambda: "")
    cmd.describe = lambda: _t("Deleted the code {0} and {1} codings").format(
        path, len(cmd.snapshot.codings) if cmd.snapshot else 0)
    return cmd


__all__ = ["AddCode", "Reshape", "SetCodeValue", "delete_code", "merge_code", "move_code"]
