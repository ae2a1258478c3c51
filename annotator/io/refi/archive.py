"""Reading members of a ``.qdpx`` (a zip) that may have been crafted to do harm.

Nothing is ever extracted to disk: members are looked up by name in the zip's directory
and read into memory, so a path like ``../../x`` cannot land anywhere. Such a path still
means the archive was not made by a QDA program, and the whole file is refused.

Zip bombs are stopped before any byte is inflated, from the central directory: too many
members, a declared size above the caps, or a compression ratio no real export has. The
declared size then bounds the read (``zipfile`` stops at it and checks the CRC), and the
bytes actually read are counted against the caps again, so a lying header gains nothing.
Only ``project.qde`` and the text files it refers to are read; rich-text and media members
are never opened, so their size only matters to the ratio check.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from annotator.domain.errors import ImportRefused

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps on what an import may read. The defaults fit real exports with room to spare."""

    max_members: int = 20_000
    #: declared uncompressed size of the whole archive, media included
    max_archive_bytes: int = 16 * 1024 * MiB
    #: one member that is read (project.qde or a text file)
    max_member_bytes: int = 256 * MiB
    #: all members read, together
    max_read_bytes: int = 1024 * MiB
    #: uncompressed/compressed ratio; text deflates ~3-20:1, a zeros bomb ~1000:1
    max_ratio: float = 200.0
    #: members smaller than this are not ratio-checked (tiny files compress oddly)
    ratio_floor_bytes: int = 1 * MiB


_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or bool(_DRIVE.match(name))
        or "\x00" in name
        or any(part == ".." for part in parts)
    )


class SafeArchive:
    """A zip opened for reading under :class:`Limits`; use as a context manager."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self._label = f"“{self.path.name}”"
        self._read_total = 0
        try:
            size = self.path.stat().st_size
        except OSError:
            raise ImportRefused("{file} cannot be opened: no such file.",
                                file=self._label) from None
        if size == 0:
            raise ImportRefused("{file} is empty.", file=self._label)
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            raise ImportRefused(
                "{file} is not a REFI-QDA project: it is not a zip archive.", file=self._label
            ) from None
        try:
            self._infos = self._check_directory()
        except ImportRefused:
            self._zip.close()
            raise
        self._by_name = {info.filename: info for info in self._infos}
        self._by_folded: dict[str, list[zipfile.ZipInfo]] = {}
        for info in self._infos:
            self._by_folded.setdefault(info.filename.casefold(), []).append(info)

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def _check_directory(self) -> list[zipfile.ZipInfo]:
        lim = self.limits
        infos = self._zip.infolist()
        if len(infos) > lim.max_members:
            raise ImportRefused(
                "{file} holds {count} files, more than the {limit} an import accepts.",
                file=self._label, count=len(infos), limit=lim.max_members,
            )
        total = 0
        for info in infos:
            if _unsafe(info.filename):
                raise ImportRefused(
                    "{file} contains an unsafe path “{member}” and was refused.",
                    file=self._label, member=info.filename,
                )
            total += info.file_size
            if info.file_size >= lim.ratio_floor_bytes and info.file_size > lim.max_ratio * max(
                info.compress_size, 1
            ):
                raise ImportRefused(
                    "{file} looks like a zip bomb: “{member}” would inflate {ratio} times; it "
                    "was refused.", file=self._label, member=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                )
        if total > lim.max_archive_bytes:
            raise ImportRefused(
                "{file} would unpack to {size} MiB, more than the {limit} MiB an import "
                "accepts.", file=self._label, size=total // MiB,
                limit=lim.max_archive_bytes // MiB,
            )
        return [info for info in infos if not info.is_dir()]

    # -- lookup ---------------------------------------------------------------------------

    def names(self) -> list[str]:
        return [info.filename for info in self._infos]

    def find(self, name: str) -> str | None:
        """The member called ``name``: exact match first, else the one match ignoring case.

        Case is ignored because NVivo for Windows writes ``Sources/`` while the spec and
        every ``plainTextPath`` say ``sources/``.
        """
        name = name.replace("\\", "/").lstrip("/")
        if name in self._by_name:
            return name
        found = self._by_folded.get(name.casefold(), [])
        return found[0].filename if len(found) == 1 else None

    def find_project_xml(self) -> str:
        """The project document: ``project.qde``, or the archive's only ``*.qde``.

        ATLAS.ti names it after the project (``<project>.qde``); some zippers put everything
        one folder down. Root-level files win over nested ones.
        """
        exact = self.find("project.qde")
        if exact is not None:
            return exact
        qdes = [n for n in self.names() if n.casefold().endswith(".qde")]
        top = [n for n in qdes if "/" not in n]
        for group in (top, qdes):
            if len(group) == 1:
                return group[0]
            if len(group) > 1:
                raise ImportRefused(
                    "{file} contains several project documents (.qde) and none is named "
                    "project.qde.", file=self._label,
                )
        raise ImportRefused(
            "{file} is not a REFI-QDA project: it has no project.qde inside.", file=self._label
        )

    # -- reading --------------------------------------------------------------------------

    def read(self, name: str) -> bytes:
        """The bytes of member ``name`` (as returned by :meth:`find`), within the limits."""
        info = self._by_name[name]
        lim = self.limits
        if info.flag_bits & 0x1:
            raise ImportRefused("{file} is password-protected (“{member}”).", file=self._label,
                                member=name)
        budget = min(lim.max_member_bytes, lim.max_read_bytes - self._read_total)
        if info.file_size > budget:
            raise ImportRefused(
                "{file} is too large to import: “{member}” would unpack to {size} MiB.",
                file=self._label, member=name, size=info.file_size // MiB,
            )
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as fh:
                while True:
                    chunk = fh.read(min(MiB, budget + 1 - got))
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > budget:
                        raise ImportRefused(
                            "{file} is too large to import: “{member}” inflates beyond its "
                            "declared size.", file=self._label, member=name,
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise ImportRefused("{file} is damaged: “{member}” cannot be read.",
                                file=self._label, member=name) from exc
        except (NotImplementedError, RuntimeError):
            raise ImportRefused(
                "{file} uses a compression or encryption this program cannot read (“{member}”).",
                file=self._label, member=name,
            ) from None
        self._read_total += got
        return b"".join(chunks)


def member_path(base_dir: str, name: str) -> str:
    """``name`` inside the archive folder ``base_dir`` (``""`` for the root)."""
    return str(PurePosixPath(base_dir) / name) if base_dir else name
