"""Code paths as users type them: names from the root joined by ``/``.

A name may itself contain ``/`` (e.g. "党建/治理") or ``\\``; in a path those are written
``\\/`` and ``\\\\``. So ``协调/党建\\/治理`` is the child "党建/治理" of "协调". Names are
stripped of surrounding white space and may not be empty.
"""

from annotator.domain.errors import InvalidInput

SEPARATOR = "/"
ESCAPE = "\\"


def escape_name(name: str) -> str:
    return name.replace(ESCAPE, ESCAPE * 2).replace(SEPARATOR, ESCAPE + SEPARATOR)


def join_path(names: list[str] | tuple[str, ...]) -> str:
    return SEPARATOR.join(escape_name(n) for n in names)


def split_path(path: str) -> list[str]:
    """Names of a path from the root; raises ``InvalidInput`` on an empty name."""
    names: list[str] = []
    current: list[str] = []
    chars = iter(path)
    for ch in chars:
        if ch == ESCAPE:
            nxt = next(chars, None)
            if nxt not in (SEPARATOR, ESCAPE):
                raise InvalidInput(
                    "code path {path!r}: a backslash must be followed by / or \\", path=path
                )
            current.append(nxt)
        elif ch == SEPARATOR:
            names.append("".join(current))
            current = []
        else:
            current.append(ch)
    names.append("".join(current))
    names = [n.strip() for n in names]
    if any(not n for n in names):
        raise InvalidInput("code path {path!r} has an empty name", path=path)
    return names


#: The longest code name the project holds (the column's length, enforced by a server).
MAX_CODE_NAME = 500


def check_name(name: str) -> str:
    """A code name as stored: stripped, not empty, within the column's length.

    Checked here rather than left to the database because SQLite stores any length while
    PostgreSQL refuses: the same name must get the same answer in a file and on a server.
    """
    name = name.strip()
    if not name:
        raise InvalidInput("a code name cannot be empty")
    if len(name) > MAX_CODE_NAME:
        raise InvalidInput("a code name can have at most {limit} characters, not {length}",
                           limit=MAX_CODE_NAME, length=len(name))
    return name
