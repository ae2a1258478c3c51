"""What one operation changed in a project: the ``Changes`` record.

Every operation a user performs — coding, uncoding, a memo, a codebook edit, an import,
a delete, a merge, a REFI-QDA import, a consensus coding — yields one frozen ``Changes``.
Whoever keeps copies of the project (the window's session and its panels) applies it and
updates only what it names, instead of re-reading everything or being told piecemeal by
hand-written notifications.

Why one record and not one signal per kind: an operation often changes several kinds at
once (deleting a code removes its codings; an in-vivo code adds a code and a coding), and
the order in which separate notifications arrive then decides whether counts are right.
One record, applied once, cannot be half-applied.

The record is plain data (no Qt, no SQLAlchemy) so that it can travel: on a team project
the other members' committed changes arrive as the same record
(``services/team_changes.py``), and the window applies them like its own.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.services.rows import CodingInfo, CodingRow


@dataclass(frozen=True)
class Changes:
    """What changed. Codings are named with their document and code (``CodingInfo``), so
    a view can tell whether they concern it; codes, documents and coders by id.

    ``reset`` means "anything may have changed": re-read it all (a merge, a REFI-QDA
    codebook import, another writer's change that could not be followed). ``shown`` means
    the project is the same but what is shown of it changed (the current coder, whose
    codings are visible).
    """

    codings_added: tuple[CodingInfo, ...] = ()
    codings_removed: tuple[CodingInfo, ...] = ()
    codings_changed: tuple[CodingInfo, ...] = ()  # same span, new memo
    codes: frozenset[int] = field(default_factory=frozenset)
    documents: frozenset[int] = field(default_factory=frozenset)
    coders: frozenset[int] = field(default_factory=frozenset)
    reset: bool = False
    shown: bool = False

    def __bool__(self) -> bool:
        return bool(self.codings_added or self.codings_removed or self.codings_changed
                    or self.codes or self.documents or self.coders or self.reset
                    or self.shown)

    def __or__(self, other: "Changes") -> "Changes":
        """Both changes, as one record (a step that does two things)."""
        return Changes(
            self.codings_added + other.codings_added,
            self.codings_removed + other.codings_removed,
            self.codings_changed + other.codings_changed,
            self.codes | other.codes, self.documents | other.documents,
            self.coders | other.coders, self.reset or other.reset,
            self.shown or other.shown)

    @property
    def codebook(self) -> bool:
        """The codebook itself (names, colours, shape) changed, not only its counts."""
        return self.reset or bool(self.codes)

    @property
    def counts(self) -> bool:
        """Some code's count of codings changed (a memo changes none)."""
        return self.reset or bool(self.codings_added or self.codings_removed)

    def coding_documents(self) -> set[int]:
        """The documents whose codings changed."""
        return {c.document_id for c in (*self.codings_added, *self.codings_removed,
                                        *self.codings_changed)}

    def coding_codes(self) -> set[int]:
        """The codes that gained or lost codings."""
        return {c.code_id for c in (*self.codings_added, *self.codings_removed)}


def added(rows: Iterable[CodingInfo | CodingRow]) -> Changes:
    """Codings that came (back) in."""
    return Changes(codings_added=_infos(rows))


def removed(rows: Iterable[CodingInfo | CodingRow]) -> Changes:
    """Codings that went."""
    return Changes(codings_removed=_infos(rows))


def _infos(rows: Iterable[CodingInfo | CodingRow]) -> tuple[CodingInfo, ...]:
    return tuple(r.info if isinstance(r, CodingRow) else r for r in rows)


RESET = Changes(reset=True)

__all__ = ["RESET", "Changes", "added", "removed"]
