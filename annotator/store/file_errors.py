"""What the operating system refused, said in the user's language.

Every write of a project, copy, backup or workbook is built beside its target and renamed
when complete, and every change to a project is one transaction, so an error from the file
system half-way through leaves nothing changed. ``file_refusal`` turns such an error (a
name too long for the file system, a full or read-only disk, a missing folder) into the
one sentence the command line and the window show.
"""

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from annotator.domain.errors import ProjectFileError
from annotator.messages import Msg, msg

_REASONS: dict[int, Msg] = {
    errno.ENAMETOOLONG: msg("the file or folder name is too long for the file system — "
                            "choose a shorter name"),
    errno.EACCES: msg("permission denied"),
    errno.EPERM: msg("permission denied"),
    errno.ENOSPC: msg("the disk is full"),
    errno.EROFS: msg("the disk is read-only"),
    errno.ENOENT: msg("no such file or folder"),
    errno.EEXIST: msg("it already exists"),
    errno.EISDIR: msg("it is a folder"),
    errno.ENOTDIR: msg("a part of the path is not a folder"),
}


def os_reason(exc: OSError) -> Msg | str:
    """Why the system refused, in the user's language where the error is a common one
    (the system's own words are English on most machines)."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def file_refusal(exc: OSError) -> ProjectFileError:
    """One line for ``exc``: the file it names, why, and that nothing was changed."""
    reason = os_reason(exc)
    where = exc.filename if exc.filename is not None else ""
    return ProjectFileError("{path}: {reason} (nothing was changed)", path=where,
                            reason=reason)


@contextmanager
def system_refusals() -> Iterator[None]:
    """Inside: any ``OSError`` (a name too long to even look up) becomes ``file_refusal``.

    For the checks made before a file is built, which the window calls as well as the
    command line (whose boundary maps such errors itself).
    """
    try:
        yield
    except OSError as exc:
        raise file_refusal(exc) from exc
