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


def check_name(name: str) -> str:
    """A code name as stored: stripped, not empty."""
    name = name.strip()
    if not name:
        raise InvalidInput("a code name cannot be empty")
    return name
