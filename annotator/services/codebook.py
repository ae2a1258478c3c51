"""The codebook: a tree of codes, managed per project.

Sibling names are unique (a path names exactly one code). Operations that remove or
reshape codes (delete, merge, move) return a ``CodebookSnapshot`` of every row they
touch (typed rows, ``services/rows.py``); ``restore_snapshot`` puts those rows back with
their old ids, which is how the window undoes them. The snapshot also says what the
operation changed (``changes``).
"""

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from annotator.domain.codepath import check_name, join_path, split_path
from annotator.domain.codetree import Tree
from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services.changes import RESET, Changes, added, removed
from annotator.services.rows import CodeRow, CodingRow
from annotator.store.guards import insert_unless_taken
from annotator.store.models import Code, Coding
from annotator.store.project import Project

PALETTE = (
    "#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4",
    "#F032E6", "#BFEF45", "#469990", "#9A6324", "#800000", "#808000",
)
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class CodeInfo:
    id: int
    guid: str
    parent_id: int | None
    name: str
    path: str
    color: str
    description: str
    memo: str
    position: int
    count: int = 0
    is_codable: bool = True


@dataclass(frozen=True)
class CodebookSnapshot:
    """Rows as they were before an operation: enough to put everything back.

    ``exact`` says the operation removed exactly ``codings`` (a delete); a merge moves
    and folds codings in ways only a re-read shows, a move changes no coding.
    """

    codes: tuple[CodeRow, ...] = ()
    codings: tuple[CodingRow, ...] = ()
    exact: bool = False

    @property
    def code_ids(self) -> frozenset[int]:
        return frozenset(c.id for c in self.codes)

    @property
    def changes(self) -> Changes:
        """What the operation that took this snapshot changed."""
        return self._changes(removed)

    @property
    def restored(self) -> Changes:
        """What putting the snapshot back changes (``restore_snapshot``)."""
        return self._changes(added)

    def _changes(self, codings: Callable[[tuple[CodingRow, ...]], Changes]) -> Changes:
        codes = Changes(codes=self.code_ids)
        if not self.codings:
            return codes
        return codings(self.codings) | codes if self.exact else RESET


def check_color(color: str) -> str:
    if not _COLOR.match(color):
        raise InvalidInput("colour {color!r} is not of the form #RRGGBB", color=color)
    return color.upper()


def code_paths(session: Session) -> dict[int, str]:
    """Every code's path, built from one query (the codebook is small)."""
    rows = session.execute(select(Code.id, Code.parent_id, Code.name)).all()
    return Tree((r.id, r.parent_id) for r in rows).paths({r.id: r.name for r in rows})


def child_named(session: Session, parent_id: int | None, name: str) -> Code | None:
    cond = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return session.scalar(select(Code).where(cond, Code.name == name))


def find_code(session: Session, path: str) -> Code:
    parent: Code | None = None
    for depth, name in enumerate(split_path(path)):
        code = child_named(session, parent.id if parent else None, name)
        if code is None:
            missing = join_path(split_path(path)[: depth + 1])
            raise NotFound("no code {path!r} in the codebook", path=missing)
        parent = code
    assert parent is not None
    return parent


def get_code(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise NotFound("code #{id} no longer exists", id=code_id)
    return code


def _next_position(session: Session, parent_id: int | None) -> int:
    cond = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return (session.scalar(select(func.max(Code.position)).where(cond)) or 0) + 1


def colour_distance(a: str, b: str) -> float:
    """How different two ``#RRGGBB`` colours look ("redmean": RGB weighted for the eye)."""
    (r1, g1, b1), (r2, g2, b2) = [[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in (a, b)]
    mean = (r1 + r2) / 2
    return ((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2
            + (2 + (255 - mean) / 256) * (b1 - b2) ** 2) ** 0.5


def _default_color(session: Session) -> str:
    """The palette colour that stands out most from the colours in use (a new code must
    not look like an existing one: the codebook and the margin tell codes by colour)."""
    # each colour once: a codebook of thousands uses a few dozen
    used = {c.upper() for c in session.scalars(select(Code.color).distinct())
            if c and _COLOR.match(c)}
    if not used:
        return PALETTE[0]
    return max(PALETTE, key=lambda p: min(colour_distance(p, u) for u in used))


def create_code(
    session: Session,
    parent_id: int | None,
    name: str,
    *,
    color: str | None = None,
    description: str = "",
    guid: str | None = None,
    created_by: int | None = None,
    is_codable: bool = True,
) -> Code:
    name = check_name(name)
    if child_named(session, parent_id, name) is not None:
        raise Conflict("a code named {name!r} already exists there", name=name)
    code = Code(
        guid=guid or str(uuid.uuid4()),
        parent_id=parent_id,
        name=name,
        description=description,
        memo="",
        color=check_color(color) if color else _default_color(session),
        position=_next_position(session, parent_id),
        is_codable=is_codable,
        created_by=created_by,
    )
    if not insert_unless_taken(session, code):  # a team member added it a moment ago
        raise Conflict("a code named {name!r} already exists there", name=name)
    return code


def info(session: Session, code: Code, paths: dict[int, str] | None = None) -> CodeInfo:
    path = (paths or code_paths(session))[code.id]
    return CodeInfo(
        code.id, code.guid, code.parent_id, code.name, path, code.color,
        code.description, code.memo, code.position, is_codable=code.is_codable,
    )


def add_code(
    project: Project,
    path: str,
    *,
    color: str | None = None,
    description: str = "",
    created_by: int | None = None,
) -> CodeInfo:
    """Add the code at ``path``, creating missing parents; the code itself must be new.

    Serialized (``Project.serialized``): its position and colour follow from the codes
    already there, also when team members add codes at the same moment.
    """
    names = split_path(path)

    def add(s: Session) -> CodeInfo:
        parent: Code | None = None
        for name in names[:-1]:
            existing = child_named(s, parent.id if parent else None, name)
            parent = existing or create_code(
                s, parent.id if parent else None, name, created_by=created_by
            )
        code = create_code(
            s, parent.id if parent else None, names[-1],
            color=color, description=description, created_by=created_by,
        )
        return info(s, code)

    return project.serialized(add)


def add_child_code(
    project: Project, parent_id: int | None, name: str, *, color: str | None = None
) -> CodeInfo:
    def add(s: Session) -> CodeInfo:
        if parent_id is not None:
            get_code(s, parent_id)
        return info(s, create_code(s, parent_id, name, color=color))

    return project.serialized(add)


def rename_code(project: Project, code_id: int, new_name: str) -> str:
    """Returns the old name (for undo)."""
    new_name = check_name(new_name)
    with project.write() as s:
        code = get_code(s, code_id)
        old = code.name
        if new_name != old:
            clash = child_named(s, code.parent_id, new_name)
            if clash is not None and clash.id != code.id:
                raise Conflict("a code named {name!r} already exists there", name=new_name)
            code.name = new_name
        return old


def set_code_color(project: Project, code_id: int, color: str) -> str:
    color = check_color(color)
    with project.write() as s:
        code = get_code(s, code_id)
        old, code.color = code.color, color
        return old


def set_code_description(project: Project, code_id: int, description: str) -> str:
    with project.write() as s:
        code = get_code(s, code_id)
        old, code.description = code.description, description
        return old


def set_code_memo(project: Project, code_id: int, memo: str) -> str:
    with project.write() as s:
        code = get_code(s, code_id)
        old, code.memo = code.memo, memo
        return old


def subtree_ids(session: Session, code_id: int) -> list[int]:
    """The code and all its descendants, parents before children."""
    rows = session.execute(select(Code.id, Code.parent_id).order_by(Code.position)).all()
    return Tree((r.id, r.parent_id) for r in rows).subtree(code_id)


def _code_rows(session: Session, where) -> tuple[CodeRow, ...]:
    rows = session.execute(select(Code.__table__).where(where))
    return tuple(CodeRow.of(r._mapping) for r in rows)


def snapshot(session: Session, code_ids: Iterable[int], exact: bool = False) -> CodebookSnapshot:
    ids = list(code_ids)
    codes = {r.id: r for r in _code_rows(session, Code.id.in_(ids))}
    codings = tuple(CodingRow.of(r._mapping) for r in session.execute(
        select(Coding.__table__).where(Coding.code_id.in_(ids))))
    return CodebookSnapshot(tuple(codes[i] for i in ids if i in codes), codings, exact)


def _siblings_snapshot(session: Session, parent_id: int | None) -> list[int]:
    cond = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return list(session.scalars(select(Code.id).where(cond)))


def move_code(
    project: Project, code_id: int, new_parent_id: int | None, position: int | None = None
) -> CodebookSnapshot:
    """Move a code (with its subtree) under another parent, at ``position`` among siblings
    (0-based; ``None`` = last). Returns the codes' rows before, for undo. Serialized: the
    siblings' positions are renumbered from what it read."""
    return project.serialized(lambda s: _move(s, code_id, new_parent_id, position))


def _move(
    s: Session, code_id: int, new_parent_id: int | None, position: int | None
) -> CodebookSnapshot:
    code = get_code(s, code_id)
    if new_parent_id is not None:
        get_code(s, new_parent_id)
        if new_parent_id in subtree_ids(s, code_id):
            raise Conflict("a code cannot be moved into itself or one of its children")
    clash = child_named(s, new_parent_id, code.name)
    if clash is not None and clash.id != code.id:
        raise Conflict("a code named {name!r} already exists there", name=code.name)
    touched = {code_id, *_siblings_snapshot(s, code.parent_id)}
    touched |= set(_siblings_snapshot(s, new_parent_id))
    before = CodebookSnapshot(codes=_code_rows(s, Code.id.in_(touched)))
    cond = (
        Code.parent_id.is_(None) if new_parent_id is None
        else Code.parent_id == new_parent_id
    )
    siblings = [
        c for c in s.scalars(select(Code).where(cond).order_by(Code.position))
        if c.id != code_id
    ]
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, code)
    code.parent_id = new_parent_id
    for pos, sib in enumerate(siblings, start=1):
        sib.position = pos
    return before


def delete_code(project: Project, code_id: int) -> CodebookSnapshot:
    """Delete a code, its children and all their codings. Returns them for undo."""
    with project.write() as s:
        get_code(s, code_id)
        ids = subtree_ids(s, code_id)
        before = snapshot(s, ids, exact=True)
        s.execute(delete(Code).where(Code.id == code_id))
        return before


def count_codings(project: Project, code_id: int, with_children: bool = True) -> int:
    """How many codings a delete would remove (the confirmation names this number)."""
    with project.read() as s:
        ids = subtree_ids(s, code_id) if with_children else [code_id]
        return s.scalar(select(func.count(Coding.id)).where(Coding.code_id.in_(ids))) or 0


def _merge_into(s: Session, source: Code, target: Code) -> None:
    """Move codings and children of ``source`` into ``target``, then drop ``source``.

    A coding the target already has (same document, coder and span) is not duplicated:
    its memo is appended to the target's. Children with a name the target already uses
    are merged in turn, so no coding is lost and no sibling names clash.
    """
    existing = {
        (r.document_id, r.coder_id, r.start, r.end): r
        for r in s.scalars(select(Coding).where(Coding.code_id == target.id))
    }
    for coding in s.scalars(select(Coding).where(Coding.code_id == source.id)).all():
        twin = existing.get((coding.document_id, coding.coder_id, coding.start, coding.end))
        if twin is None:
            coding.code_id = target.id
        else:
            if coding.memo and coding.memo not in twin.memo:
                twin.memo = f"{twin.memo}\n{coding.memo}".strip()
            s.delete(coding)
    s.flush()
    children = s.scalars(select(Code).where(Code.parent_id == source.id)).all()
    for child in children:
        twin = child_named(s, target.id, child.name)
        if twin is None:
            child.parent_id = target.id
            child.position = _next_position(s, target.id)
            s.flush()
        else:
            _merge_into(s, child, twin)
    if source.memo and source.memo not in target.memo:
        target.memo = f"{target.memo}\n{source.memo}".strip()
    s.flush()
    s.execute(delete(Code).where(Code.id == source.id))


def merge_code(project: Project, source_id: int, target_id: int) -> CodebookSnapshot:
    """Merge ``source`` into ``target``: codings follow, ``source`` disappears.

    Serialized: children that move get the next positions under the target."""
    return project.serialized(lambda s: _merge(s, source_id, target_id))


def _merge(s: Session, source_id: int, target_id: int) -> CodebookSnapshot:
    source, target = get_code(s, source_id), get_code(s, target_id)
    if source_id == target_id:
        raise Conflict("a code cannot be merged into itself")
    if target_id in subtree_ids(s, source_id):
        raise Conflict("a code cannot be merged into one of its own children")
    before = snapshot(s, subtree_ids(s, source_id) + subtree_ids(s, target_id))
    _merge_into(s, source, target)
    return before


def restore_snapshot(project: Project, before: CodebookSnapshot) -> Changes:
    """Put codes and their codings back exactly as ``before`` holds them (undo); returns
    what that changed."""
    with project.write() as s:
        code_ids = [c.id for c in before.codes]
        if before.codings:
            s.execute(delete(Coding).where(Coding.code_id.in_(code_ids)))
        present = set(s.scalars(select(Code.id).where(Code.id.in_(code_ids))))
        for row in before.codes:  # parents come before children
            if row.id in present:
                s.execute(update(Code).where(Code.id == row.id).values(**row.values()))
            else:
                s.execute(insert(Code).values(**row.values()))
        if before.codings:
            s.execute(insert(Coding), [r.values() for r in before.codings])
    return before.restored


def code_tree(project: Project) -> list[CodeInfo]:
    """All codes, parents before children, siblings in order, with coding counts."""
    with project.read() as s:
        counts = dict(
            s.execute(select(Coding.code_id, func.count(Coding.id)).group_by(Coding.code_id)).all()
        )
        paths = code_paths(s)
        codes = s.scalars(select(Code).order_by(Code.position, Code.id)).all()
        by_id = {c.id: c for c in codes}
        return [
            CodeInfo(c.id, c.guid, c.parent_id, c.name, paths[c.id], c.color, c.description,
                     c.memo, c.position, counts.get(c.id, 0), c.is_codable)
            for c in map(by_id.get, Tree((c.id, c.parent_id) for c in codes).preorder())
        ]
