"""Blind coding: in a workshop, each participant sees only their own codings until the
facilitator reveals everyone's.

Seeing a colleague's highlight before deciding on one's own is the quickest way to
agreement that measures nothing. So a facilitator switches blind coding on; from then on
every window open under another coder name shows that coder's codings only — in the
text, the codes' counts, the coded segments, the overview, the memo list — and refuses
the agreement and disagreement views. The facilitator's own window shows everything, and
its agreement view fills as the participants code. When the facilitator reveals, every
window shows everyone's codings again.

The setting is stored in the project (two ``meta`` rows: whether it is on and who the
facilitator is), so it holds in every window and program that opens the project, on a
team server and in a file alike; on a server, the other windows learn of it as it
commits. In a file workshop the participants code in copies of their own, which hold
nobody else's codings anyway; the setting then matters for a file opened by several
coders in turn (a shared folder, one laptop passed around), and is copied into the
participant copies made from it.

It is a matter of what the window shows, not a lock: whoever can read the database or
file can read every coding (the command line's ``segments`` still lists them all).
"""

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.services.coders import get_or_create_coder
from annotator.store.models import Meta
from annotator.store.project import Project

BLIND_KEY = "blind_coding"
FACILITATOR_KEY = "blind_facilitator"


@dataclass(frozen=True)
class Blind:
    """Whether blind coding is on, and who the facilitator is (sees everything)."""

    on: bool = False
    facilitator: str = ""

    def hides_others_from(self, coder: str | None) -> bool:
        """Whether ``coder``'s window shows only ``coder``'s own codings."""
        return self.on and coder != self.facilitator


def blind_state(project: Project) -> Blind:
    with project.read() as s:
        rows = dict(s.execute(select(Meta.key, Meta.value)
                              .where(Meta.key.in_((BLIND_KEY, FACILITATOR_KEY)))).all())
    return Blind(rows.get(BLIND_KEY) == "on", rows.get(FACILITATOR_KEY) or "")


def start_blind(project: Project, facilitator: str) -> Blind:
    """Switch blind coding on; ``facilitator`` (a coder name, made a coder of the project
    if new) goes on seeing everything."""
    with project.write() as s:
        name = get_or_create_coder(s, facilitator).name
        return _store(s, Blind(True, name))


def reveal(project: Project) -> Blind:
    """Switch blind coding off: everyone sees everyone's codings again."""
    facilitator = blind_state(project).facilitator
    with project.write() as s:
        return _store(s, Blind(False, facilitator))


def _store(s: Session, state: Blind) -> Blind:
    s.execute(delete(Meta).where(Meta.key.in_((BLIND_KEY, FACILITATOR_KEY))))
    s.add_all([Meta(key=BLIND_KEY, value="on" if state.on else "off"),
               Meta(key=FACILITATOR_KEY, value=state.facilitator)])
    return state


__all__ = ["Blind", "blind_state", "reveal", "start_blind"]
