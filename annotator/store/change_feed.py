"""What other users change in a team project, as it is committed.

Every row written to the tables a window shows (codings, codes, documents, coders, and the
project's settings in ``meta``) makes the server send a notification (``LISTEN``/``NOTIFY``)
when its transaction commits — never for a step that was rolled back. Each carries the
writer's *origin*, a token per open project, so a window can leave out the changes it made
itself (it has applied those already). The window turns the events into its change record;
this module only delivers them and knows nothing of Qt.

Why triggers rather than the services announcing their own changes: a second program, an
older version or a script writing to the same database is seen too, and a notification is
tied to the commit by the server itself.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text

from annotator.store.server import liveness_options

CHANNEL = "annotator_changes"
ORIGIN_SETTING = "annotator.origin"
WATCHED = ("coding", "code", "document", "coder", "meta")
#: How long to wait for the rest of a step's notifications once the first arrived.
DRAIN_SECONDS = 0.05
#: Written into the function's body: an older function (without the coding's span) is
#: replaced at the next open.
FUNCTION_VERSION = "annotator_notify v3"

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION annotator_notify() RETURNS trigger AS $$
DECLARE
    item record;
    span json;
BEGIN
    -- {FUNCTION_VERSION}
    IF TG_OP = 'DELETE' THEN item := OLD; ELSE item := NEW; END IF;
    IF TG_TABLE_NAME = 'meta' THEN  -- a project setting (blind coding): keyed by name
        PERFORM pg_notify('{CHANNEL}', json_build_object(
            'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', 0,
            'origin', current_setting('{ORIGIN_SETTING}', true))::text);
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'coding' THEN
        span := json_build_object('document', item.document_id, 'code', item.code_id,
                                  'coder', item.coder_id, 'start', item.start, 'end', item."end");
    ELSE
        span := json_build_object('document', NULL);
    END IF;
    PERFORM pg_notify('{CHANNEL}', (json_build_object(
        'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', item.id,
        'origin', current_setting('{ORIGIN_SETTING}', true))::jsonb || span::jsonb)::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def installed(conn: Connection) -> bool:
    """Whether every notifying trigger is there, with this version's function: one look at
    the catalogue, no rights needed."""
    present = conn.execute(text(
        "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'annotator\\_notify\\_%'"
    )).scalar()
    current = conn.execute(text(
        "SELECT count(*) FROM pg_proc WHERE proname = 'annotator_notify' "
        "AND position(:version in prosrc) > 0"), {"version": FUNCTION_VERSION}).scalar()
    return present == len(WATCHED) and bool(current)


def install(conn: Connection) -> None:
    """Create the notifying triggers, with the tables (``new``, ``push``, an upgrade), or
    bring them to this version's function (what a notice carries).

    This needs the rights of the tables' owner, which a team member coding in the project
    need not have: an open only looks (``installed``) and installs nothing unless
    triggers are missing or out of date and the role may create them (``Project``
    decides). Checked first because replacing a function while another member of the
    team opens the same project at the same moment fails ("tuple concurrently updated").
    """
    if installed(conn):
        return
    conn.execute(text(_FUNCTION))
    for table in WATCHED:
        conn.execute(text(
            f"CREATE OR REPLACE TRIGGER annotator_notify_{table} "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION annotator_notify()"
        ))


def new_origin() -> str:
    return secrets.token_hex(8)


def mark_origin(conn: Connection, origin: str) -> None:
    """Sign the current transaction's changes with the writer's origin."""
    conn.execute(text("SELECT set_config(:name, :origin, true)"),
                 {"name": ORIGIN_SETTING, "origin": origin})


@dataclass(frozen=True)
class ServerChange:
    """One committed row change: ``op`` is insert, update or delete.

    A coding also carries its span as it was (``span``: code, coder, start, end), so a
    window can take a deleted coding out of what it shows without reading it back.
    """

    table: str
    op: str
    id: int
    document: int | None
    origin: str | None
    span: tuple[int, int, int, int] | None = None


class ChangeFeed:
    """A listening connection of its own; ``wait`` returns the changes that arrived.

    Meant to run on a worker thread: ``wait`` blocks up to ``timeout`` seconds. Changes
    whose origin is ``ignore_origin`` (this window's own) are left out.
    """

    def __init__(self, url: str, ignore_origin: str | None = None) -> None:
        import psycopg

        self._conn = psycopg.connect(url, autocommit=True, **liveness_options(url))
        self._conn.execute(f"LISTEN {CHANNEL}")
        self._ignore = ignore_origin

    def wait(self, timeout: float) -> list[ServerChange]:
        notes = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if notes:  # one arrived: take what came with it (a step writes several rows)
            notes += self._conn.notifies(timeout=DRAIN_SECONDS)
        changes = []
        for note in notes:
            data = json.loads(note.payload)
            origin = data.get("origin") or None
            if origin is not None and origin == self._ignore:
                continue
            span = (tuple(int(data[k]) for k in ("code", "coder", "start", "end"))
                    if data.get("code") is not None else None)
            changes.append(ServerChange(data["table"], data["op"], int(data["id"]),
                                        data.get("document"), origin, span))
        return changes

    def close(self) -> None:
        self._conn.close()
