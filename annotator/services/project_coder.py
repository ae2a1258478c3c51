"""Which coder a project is coded under: the participant a copy was made for, and
whether a coder has coded in a project yet.

A participant copy (``workshop.make_participant_copies``) records the GUID of its
participant's coder; the window opens such a copy as that participant, and the command
line codes in it as that participant (``coder_name``), so a participant's codings are
never made under the machine's usual coder name — two participants on one lab login
stay two coders.
"""

from sqlalchemy import exists, select

from annotator.services.coders import resolve_coder_name
from annotator.services.workshop import PARTICIPANT_META
from annotator.store.models import Coder, Coding, Meta
from annotator.store.project import Project


def copy_participant(project: Project) -> str | None:
    """The name of the participant a copy was made for; None for any other project
    (or when the recorded coder is no longer in it)."""
    with project.read() as s:
        guid = s.scalar(select(Meta.value).where(Meta.key == PARTICIPANT_META))
        if not guid:
            return None
        return s.scalar(select(Coder.name).where(Coder.guid == guid))


def coder_name(project: Project, explicit: str | None = None) -> str:
    """The coder a command codes under, in this order: ``explicit`` (``--coder``); the
    participant of a participant copy; ``ANNOTATOR_CODER``; the ``coder`` setting; the
    operating-system user (``coders.resolve_coder_name``)."""
    if explicit is not None and explicit.strip():
        return explicit.strip()
    return copy_participant(project) or resolve_coder_name()


def has_coded(project: Project, coder_id: int) -> bool:
    """True when the coder has at least one coding in the project."""
    with project.read() as s:
        return bool(s.scalar(select(exists().where(Coding.coder_id == coder_id))))


def coders_who_coded(project: Project) -> set[int]:
    """The ids of every coder with at least one coding: one pass over an index (the
    coding cover index ends in the coder), not one query per coder."""
    with project.read() as s:
        return set(s.scalars(select(Coding.coder_id).distinct()))


__all__ = ["coder_name", "coders_who_coded", "copy_participant", "has_coded"]
