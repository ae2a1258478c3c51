"""Temporary files and folders beside their target, and removing those a kill left behind.

Everything Annotator builds before it is complete (a new project, a copy, a pre-upgrade
backup, a workbook, the snapshot a merge reads a participant's copy through) lives under a
hidden name in the target's own folder, ``.TAG-PID-HOSTRANDOM.tmp`` (``.part`` for
workbooks):
short, so any legal target name leaves room for it, on the same disk, so the final rename
is atomic, and never in a shared temporary folder where a full copy of a participant's
project would outlive a crash. Every path out of the code that made one removes it; what a
SIGKILL or a power cut leaves is swept by ``sweep`` the next time a project in that folder
is opened, once the process whose id is in the name is gone. A folder may be shared with
other computers (a network drive), where that process id means nothing: the name carries
four hex digits of the computer's name, and another computer's debris is swept only once
it is a day old.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

TAGS = ("new", "copy", "bak", "salvage", "merge", "xlsx", "refi")
_DEBRIS = re.compile(
    rf"^\.(?:{'|'.join(TAGS)})-(\d+)-([0-9a-f]{{4}})[0-9a-f]{{6}}\.(?:tmp|part)(?:-journal)?$"
)
#: Debris whose process cannot be asked about (another computer's, or on Windows) is
#: swept once it is this old.
_STALE_SECONDS = 24 * 3600
#: This computer, in four hex digits of its name.
HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:4]


def temporary_name(beside: Path, tag: str, suffix: str = ".tmp") -> Path:
    """A hidden name in ``beside``'s folder for something being built for it (``tag`` is
    one of ``TAGS``, so that ``sweep`` knows it)."""
    return beside.with_name(f".{tag}-{os.getpid()}-{HOST}{os.urandom(3).hex()}{suffix}")


@contextmanager
def temporary_folder(folder: Path, tag: str) -> Iterator[Path]:
    """A hidden scratch folder inside ``folder``, removed with its contents on every path."""
    path = temporary_name(folder / "x", tag)
    path.mkdir()
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _left_behind(entry: Path, pid: int, host: str) -> bool:
    if host != HOST or sys.platform == "win32":  # os.kill(pid, 0) sends Ctrl+C on Windows
        with suppress(OSError):
            return time.time() - entry.lstat().st_mtime > _STALE_SECONDS
        return False
    return not _alive(pid)


def sweep(folder: Path) -> list[Path]:
    """Remove what killed processes left in ``folder``; what was removed."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _DEBRIS.match(entry.name)
        if match is None or not _left_behind(entry, int(match.group(1)), match.group(2)):
            continue
        with suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
    return removed
