"""Open the ZIP container of a .docx or .odt only after checking it is safe and right.

A .docx or .odt is a ZIP archive of XML. Before any parser sees it we check, from the
archive's directory alone (nothing is decompressed yet):

* it is a ZIP at all (a truncated download loses the directory at the end of the file);
* it is not a zip bomb: the declared uncompressed total and each member's compression
  ratio stay within limits (Python's ``zipfile`` stops a member at its declared size and
  checks its CRC, so the declared sizes bound what parsing can inflate);
* it is the kind of document its suffix promises, so that an .xlsx or an .odt renamed
  .docx is named for what it is instead of failing deep inside a parser.
"""

from __future__ import annotations

import io
import re
import zipfile

from annotator.messages import Msg, msg

from .common import refusal

#: Refuse archives that would inflate to more than this in total (1 GiB).
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
#: Deflate cannot beat about 1,030:1; real documents stay below 30:1 (XML), images ~1:1.
#: A member larger than ``RATIO_CHECKED_FROM`` must not exceed ``MAX_RATIO``.
MAX_RATIO = 100
RATIO_CHECKED_FROM = 32 * 1024 * 1024
#: More members than any real document has; many tiny members are a bomb of another kind.
MAX_MEMBERS = 20_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Kinds of package, as ``(what it is, in words, its usual suffix)``.
Kind = tuple[Msg, str]
WORD: Kind = (msg("a Word document"), ".docx")
ODT: Kind = (msg("an OpenDocument text"), ".odt")
_ODF_KINDS: dict[str, Kind] = {
    "application/vnd.oasis.opendocument.text": ODT,
    "application/vnd.oasis.opendocument.spreadsheet":
        (msg("an OpenDocument spreadsheet"), ".ods"),
    "application/vnd.oasis.opendocument.presentation":
        (msg("an OpenDocument presentation"), ".odp"),
    "application/vnd.oasis.opendocument.graphics": (msg("an OpenDocument drawing"), ".odg"),
}
#: The main part of an OOXML package names its kind; embedded objects (an Excel chart in
#: a Word file) list other content types too, but never a second ``main+xml``.
_EXCEL: Kind = (msg("an Excel workbook"), ".xlsx")
_POWERPOINT: Kind = (msg("a PowerPoint presentation"), ".pptx")
_OOXML_KINDS = (
    ("wordprocessingml.", WORD),
    ("ms-word.", WORD),
    ("spreadsheetml.", _EXCEL),
    ("ms-excel.", _EXCEL),
    ("presentationml.", _POWERPOINT),
    ("ms-powerpoint.", _POWERPOINT),
)
_CONTENT_TYPE = re.compile(r'ContentType="([^"]+\.main\+xml)"')


def open_checked(data: bytes, name: str, what: Msg) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after the safety checks; ``what`` names the expected kind
    in messages ("a Word document")."""
    if data.startswith(_OLE_MAGIC):
        raise refusal(
            name,
            "is not {what} but an old-style Office file (a Word 97–2003 .doc, or a "
            "password-protected document) — save it as an unprotected .docx or .odt",
            what=what,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise refusal(
            name, "is not {what} (the file is damaged, truncated or of another kind)",
            what=what,
        ) from exc
    if len(members) > MAX_MEMBERS:
        raise refusal(
            name, "looks like a zip bomb ({parts:,} parts; a document has far fewer)",
            parts=len(members),
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > RATIO_CHECKED_FROM and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise refusal(
                name, "looks like a zip bomb (a part expands more than {ratio}-fold)",
                ratio=MAX_RATIO,
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise refusal(
            name, "looks like a zip bomb (it would expand to more than {limit:,.0f} MB)",
            limit=MAX_UNCOMPRESSED_BYTES / 1024 / 1024,
        )
    return archive


def package_kind(archive: zipfile.ZipFile) -> Kind | None:
    """What an Office/OpenDocument archive is — ``(in words, usual suffix)`` — or None
    for a ZIP of another kind."""
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = read_small(archive, "mimetype").decode("ascii", "replace").strip()
        for prefix, kind in _ODF_KINDS.items():
            if mimetype.startswith(prefix):
                return kind
    if "[Content_Types].xml" in names:
        types = read_small(archive, "[Content_Types].xml").decode("utf-8", "replace")
        for main in _CONTENT_TYPE.findall(types):
            for marker, kind in _OOXML_KINDS:
                if marker in main:
                    return kind
    return None


def wrong_kind(kind: Kind | None, expected: Kind) -> Msg:
    """The reason to give for an archive of ``kind`` named like ``expected``."""
    what, suffix = expected
    if kind is None:
        return msg("is a ZIP archive, not {what} ({suffix})", what=what, suffix=suffix)
    other, other_suffix = kind
    if other_suffix in (".docx", ".odt"):
        return msg("is {other} ({other_suffix}), not {what} — rename it to {other_suffix}",
                   other=other, other_suffix=other_suffix, what=what)
    return msg("is {other} ({other_suffix}), not {what} — save it as {suffix}",
               other=other, other_suffix=other_suffix, what=what, suffix=suffix)


def read_small(archive: zipfile.ZipFile, member: str, limit: int = 1024 * 1024) -> bytes:
    """A member that should be small (a content-type list, a mimetype), read at most
    ``limit`` bytes of it."""
    with archive.open(member) as handle:
        return handle.read(limit)
