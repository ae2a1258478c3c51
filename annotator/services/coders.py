"""Who is coding.

The coder's name comes from, in order: an explicit name (``--coder`` or the window's
coder switch), the ``ANNOTATOR_CODER`` environment variable, the ``coder`` setting
(asked once on first run), and finally the operating-system user name.
"""

import getpass
import os
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.errors import InvalidInput, NotFound
from annotator.settings import CODER_ENV, load_settings
from annotator.store.guards import insert_unless_taken
from annotator.store.models import Coder
from annotator.store.project import Project, now


@dataclass(frozen=True)
class CoderInfo:
    id: int
    guid: str
    name: str


def resolve_coder_name(explicit: str | None = None) -> str:
    for candidate in (explicit, os.environ.get(CODER_ENV), load_settings().get("coder")):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "coder"


#: The coder table's name length: the same limit in a file and on a server.
MAX_CODER_NAME = 200


def get_or_create_coder(session: Session, name: str, guid: str | None = None) -> Coder:
    name = name.strip()
    if not name:
        raise InvalidInput("a coder name cannot be empty")
    if len(name) > MAX_CODER_NAME:
        raise InvalidInput("a coder name can have at most {limit} characters, not {length}",
                           limit=MAX_CODER_NAME, length=len(name))
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        coder = Coder(guid=guid or str(uuid.uuid4()), name=name, created_at=now())
        if not insert_unless_taken(session, coder):  # a team member just added them
            coder = session.scalars(select(Coder).where(Coder.name == name)).one()
    return coder


def find_coder(session: Session, name: str) -> Coder:
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        raise NotFound("no coder named {name!r} in this project", name=name)
    return coder


def ensure_coder(project: Project, name: str) -> CoderInfo:
    """The coder of that name, added to the project if new.

    A project open read-only is not written: it gets the coder it already has, or one
    that is not stored (id 0), since nothing can be coded in it anyway.
    """
    if project.read_only is not None:
        with project.read() as s:
            c = s.scalar(select(Coder).where(Coder.name == name.strip()))
        return CoderInfo(c.id, c.guid, c.name) if c else CoderInfo(0, "", name.strip())
    with project.write() as s:
        c = get_or_create_coder(s, name)
        return CoderInfo(c.id, c.guid, c.name)


def list_coders(project: Project) -> list[CoderInfo]:
    with project.read() as s:
        coders = s.scalars(select(Coder).order_by(Coder.id))
        return [CoderInfo(c.id, c.guid, c.name) for c in coders]
