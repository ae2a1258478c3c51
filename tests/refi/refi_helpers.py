"""Shared helpers for the REFI-QDA tests: the real exports, and small hand-made archives."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

# The real exports other tools wrote live beside these tests (not shipped with the app).
REFI_DIR = Path(os.environ.get("ANNOTATOR_REFI_DIR", Path(__file__).resolve().parent / "files"))
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "annotator" / "io" / "refi" / "schemas"

PROJECT_NS = "urn:QDA-XML:project:1.0"
USER = "11111111-1111-4111-8111-111111111111"
CODE = "22222222-2222-4222-8222-222222222222"
SOURCE = "33333333-3333-4333-8333-333333333333"


def real_file(name: str) -> Path:
    path = REFI_DIR / name
    if not path.exists():
        pytest.skip(f"real REFI-QDA export {name} is not available")
    return path


def make_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    """A zip at ``path`` with ``members`` (str is written as UTF-8)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def selection_xml(guid: str, start: int, end: int, code: str = CODE, user: str = USER) -> str:
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{guid[:-4]}eeee" creatingUser="{user}"><CodeRef targetGUID="{code}"/>'
        "</Coding></PlainTextSelection>"
    )


def project_xml(
    selections: str = "",
    *,
    origin: str = "Test",
    path: str = f"internal://{SOURCE}.txt",
    extra_codes: str = "",
    notes: str = "",
    prolog: str = '<?xml version="1.0" encoding="UTF-8"?>',
) -> str:
    """A small valid project document with one user, one code and one text source."""
    return (
        f'{prolog}<Project xmlns="{PROJECT_NS}" name="t" origin="{origin}">'
        f'<Users><User guid="{USER}" name="ann"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="c" isCodable="true"/>{extra_codes}'
        "</Codes></CodeBook>"
        f'<Sources><TextSource guid="{SOURCE}" name="doc" plainTextPath="{path}">'
        f"{selections}</TextSource></Sources>{notes}</Project>"
    )


def make_project(
    tmp_path: Path, text: str | bytes, selections: str = "", name: str = "t.qdpx", **kw: str
) -> Path:
    """A ``.qdpx`` with :func:`project_xml` and ``text`` as its one source's file."""
    return make_zip(
        tmp_path / name,
        {"project.qde": project_xml(selections, **kw), f"sources/{SOURCE}.txt": text},
    )
