"""Other members' committed changes to a team project, as the window's change record.

The server tells which rows changed (``store/change_feed.ServerChange``); a window needs
a ``Changes`` record, the same one its own operations yield, so that every part updates
from it the way it does after the user's own step. A new or changed coding is read back
(its memo is not in the notification), a deleted one is described by the span the
notification carried; codes, documents and coders are named by id and re-read by the
session; a changed project setting (blind coding switched on or off) is a reset. The
window re-reads the counts of the codes whose codings changed (``coding_counts``) instead
of adding them up: a change seen twice (committed just before the window listened, then
announced) must not count twice.

No Qt: the window calls ``to_changes`` on its feed's worker thread, then applies the
record on its own thread.
"""

from sqlalchemy import func, select

from annotator.services.changes import RESET, Changes
from annotator.services.rows import CodingInfo
from annotator.store.change_feed import ServerChange
from annotator.store.models import Coding
from annotator.store.project import Project


def to_changes(project: Project, events: list[ServerChange]) -> Changes:
    """The record of ``events`` (in commit order), read against the project as it is now.

    A coding added and deleted again within the batch is left out; a coding that was
    added and is gone by now is left to the delete that follows it.
    """
    last: dict[int, ServerChange] = {}
    added_here: set[int] = set()
    codes: set[int] = set()
    documents: set[int] = set()
    coders: set[int] = set()
    settings = False
    for e in events:
        if e.table == "coding":
            if e.op == "insert":
                added_here.add(e.id)
            elif e.op == "delete" and e.id in added_here:
                added_here.discard(e.id)
                last.pop(e.id, None)
                continue
            last[e.id] = e
        elif e.table == "code":
            codes.add(e.id)
        elif e.table == "document":
            documents.add(e.id)
        elif e.table == "coder":
            coders.add(e.id)
        elif e.table == "meta":
            settings = True
    if settings:  # a project setting (blind coding on or off): everything shown may change
        return RESET
    alive = [i for i, e in last.items() if e.op != "delete"]
    rows = _codings(project, alive)
    added: list[CodingInfo] = []
    changed: list[CodingInfo] = []
    removed: list[CodingInfo] = []
    for coding_id, e in last.items():
        if e.op == "delete":
            if e.span is not None and e.document is not None:
                code, coder, start, end = e.span
                removed.append(CodingInfo(coding_id, e.document, code, coder, start, end, ""))
        elif coding_id in rows:
            (added if e.op == "insert" else changed).append(rows[coding_id])
    return Changes(codings_added=tuple(added), codings_removed=tuple(removed),
                   codings_changed=tuple(changed), codes=frozenset(codes),
                   documents=frozenset(documents), coders=frozenset(coders))


def _codings(project: Project, ids: list[int]) -> dict[int, CodingInfo]:
    if not ids:
        return {}
    with project.read() as s:
        rows = s.execute(select(Coding.id, Coding.document_id, Coding.code_id,
                                Coding.coder_id, Coding.start, Coding.end, Coding.memo)
                         .where(Coding.id.in_(ids))).all()
    return {r[0]: CodingInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "") for r in rows}


def coding_counts(project: Project, code_ids: set[int],
                  coder_id: int | None = None) -> dict[int, int]:
    """How many codings each of ``code_ids`` has now (0 for none); only ``coder_id``'s
    when given (blind coding)."""
    if not code_ids:
        return {}
    query = select(Coding.code_id, func.count(Coding.id)).where(Coding.code_id.in_(code_ids))
    if coder_id is not None:
        query = query.where(Coding.coder_id == coder_id)
    with project.read() as s:
        found = dict(s.execute(query.group_by(Coding.code_id)).all())
    return {c: int(found.get(c, 0)) for c in code_ids}


__all__ = ["coding_counts", "to_changes"]
