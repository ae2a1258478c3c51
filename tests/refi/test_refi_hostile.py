"""Files crafted or damaged to break an importer: each is refused, and nothing is written."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from refi_helpers import SOURCE, make_project, make_zip, project_xml, selection_xml

from annotator.domain.errors import ImportRefused
from annotator.io.refi import Limits, read_qdc, read_qdpx, validate

SEL = "44444444-4444-4444-8444-444444444401"

LAUGHS = (
    "<!DOCTYPE lolz [\n"
    ' <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def refused(path: Path, reader: Callable[[Path], object] = read_qdpx) -> str:
    """Read ``path``, expect a refusal naming the file, and that nothing appeared on disk."""
    before = sorted(path.parent.rglob("*"))
    with pytest.raises(ImportRefused) as info:
        reader(path)
    message = str(info.value)
    assert path.name in message
    assert "\n" not in message and message.endswith(".")
    assert sorted(path.parent.rglob("*")) == before
    return message


# -- not a project at all ---------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.qdpx"
    path.write_bytes(b"")
    assert "empty" in refused(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "text.qdpx"
    path.write_text("this is not a zip archive at all")
    assert "not a zip" in refused(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "absent.qdpx")


def test_zip_without_project_document(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bare.qdpx", {"readme.txt": "hi"})
    assert "no project.qde" in refused(path)


def test_empty_project_document(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "e.qdpx", {"project.qde": ""})
    assert "empty" in refused(path)


def test_malformed_xml(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "m.qdpx", {"project.qde": project_xml()[:-20]})
    assert "not well-formed XML" in refused(path)


def test_wrong_root_element(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "r.qdpx", {"project.qde": "<Workbook/>"})
    assert "not a REFI-QDA project" in refused(path)


def test_codebook_that_is_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "c.qdc"
    path.write_bytes(b"\x00\x01garbage")
    refused(path, read_qdc)


# -- zip tricks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../evil.txt", "sources/../../evil.txt", "/etc/evil", "..\\evil.txt", "C:/evil.txt"],
)
def test_zip_slip_paths(tmp_path: Path, name: str) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    path = make_zip(
        inner / "slip.qdpx",
        {"project.qde": project_xml(), f"sources/{SOURCE}.txt": "hello", name: "owned"},
    )
    assert "unsafe path" in refused(path)
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    bomb = b"\0" * (32 * 1024 * 1024)  # deflates about 1000:1
    path = make_project(tmp_path, bomb)
    assert "zip bomb" in refused(path)


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    path = make_project(tmp_path, "hello world " * 1000)
    with pytest.raises(ImportRefused, match="too large"):
        read_qdpx(path, limits=Limits(max_member_bytes=4096))


def test_total_read_is_capped(tmp_path: Path) -> None:
    path = make_project(tmp_path, "hello world " * 1000)
    with pytest.raises(ImportRefused, match="too large"):
        read_qdpx(path, limits=Limits(max_read_bytes=8000))


def test_archive_declared_total_is_capped(tmp_path: Path) -> None:
    path = make_project(tmp_path, "hello world " * 1000)
    with pytest.raises(ImportRefused, match="would unpack"):
        read_qdpx(path, limits=Limits(max_archive_bytes=5000))


def test_too_many_members(tmp_path: Path) -> None:
    members: dict[str, bytes | str] = {f"sources/{i}.txt": "x" for i in range(50)}
    members["project.qde"] = project_xml()
    members[f"sources/{SOURCE}.txt"] = "hello"
    path = make_zip(tmp_path / "many.qdpx", members)
    with pytest.raises(ImportRefused, match="holds 52 files"):
        read_qdpx(path, limits=Limits(max_members=20))


def test_lying_size_header(tmp_path: Path) -> None:
    """A member that inflates past the size its headers declare is stopped at that size."""
    path = make_project(tmp_path, "hello world " * 1000)
    data = bytearray(path.read_bytes())
    name = f"sources/{SOURCE}.txt".encode()
    # Uncompressed size: offset 22 of a local header, 24 of a central directory entry.
    patched = 0
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = data.find(sig)
        while pos >= 0:
            if data[pos + name_at : pos + name_at + len(name)] == name:
                struct.pack_into("<I", data, pos + size_at, 100)
                patched += 1
            pos = data.find(sig, pos + 4)
    assert patched == 2
    path.write_bytes(bytes(data))
    message = refused(path)
    assert "damaged" in message


# -- XML attacks ------------------------------------------------------------------------------


def test_billion_laughs_in_project(tmp_path: Path) -> None:
    qde = project_xml(prolog=f'<?xml version="1.0"?>{LAUGHS}').replace('name="t"', 'name="&lol9;"')
    path = make_zip(tmp_path / "lol.qdpx", {"project.qde": qde, f"sources/{SOURCE}.txt": "hi"})
    assert "unsafe" in refused(path)


def test_billion_laughs_in_codebook(tmp_path: Path) -> None:
    path = tmp_path / "lol.qdc"
    path.write_text(
        f'<?xml version="1.0"?>{LAUGHS}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="22222222-2222-4222-8222-222222222222" name="&lol9;" isCodable="true"/>'
        "</Codes></CodeBook>"
    )
    assert "unsafe" in refused(path, read_qdc)


def test_external_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    dtd = XXE.replace("file:///etc/passwd", secret.as_uri())
    qde = project_xml(prolog=f'<?xml version="1.0"?>{dtd}').replace('name="t"', 'name="&xxe;"')
    path = make_zip(tmp_path / "xxe.qdpx", {"project.qde": qde, f"sources/{SOURCE}.txt": "hi"})
    message = refused(path)
    assert "TOP SECRET" not in message


def test_dtd_hidden_behind_a_long_comment(tmp_path: Path) -> None:
    """The pre-scan reads 64 KiB; the parsed document is checked for a DTD as well."""
    prolog = f'<?xml version="1.0"?><!--{"x" * 70_000}-->{XXE}'
    qde = project_xml(prolog=prolog)
    path = make_zip(tmp_path / "hidden.qdpx", {"project.qde": qde, f"sources/{SOURCE}.txt": "hi"})
    assert "unsafe" in refused(path)


def test_validate_refuses_hostile_xml_too() -> None:
    with pytest.raises(ImportRefused):
        validate(f'<?xml version="1.0"?>{LAUGHS}<Project name="&lol9;"/>'.encode())


# -- inconsistent content ---------------------------------------------------------------------


def test_missing_source_file(tmp_path: Path) -> None:
    # The sources folder holds a file, but not this source's text: the archive is broken.
    path = make_zip(tmp_path / "nosrc.qdpx", {"project.qde": project_xml(),
                                              "sources/other.txt": "other text"})
    assert "missing from the archive" in refused(path)


def test_offsets_beyond_the_text(tmp_path: Path) -> None:
    path = make_project(tmp_path, "short", selection_xml(SEL, 0, 50))
    assert "beyond the end of its text" in refused(path)


def test_end_before_start(tmp_path: Path) -> None:
    path = make_project(tmp_path, "hello world", selection_xml(SEL, 6, 2))
    assert "from 6 to 2" in refused(path)


def test_negative_start(tmp_path: Path) -> None:
    path = make_project(tmp_path, "hello world", selection_xml(SEL, -1, 2))
    refused(path)


def test_non_numeric_offset(tmp_path: Path) -> None:
    sel = selection_xml(SEL, 0, 2).replace('startPosition="0"', 'startPosition="zero"')
    assert "no valid start or end" in refused(make_project(tmp_path, "hello", sel))


def test_source_text_not_utf8(tmp_path: Path) -> None:
    path = make_project(tmp_path, "访谈记录".encode("gbk"), selection_xml(SEL, 0, 1))
    assert "not UTF-8" in refused(path)


def test_an_identifier_that_is_no_token_is_refused(tmp_path: Path) -> None:
    sel = selection_xml(SEL, 0, 2).replace(f'guid="{SEL}"', 'guid="not a guid"')
    assert "invalid guid" in refused(make_project(tmp_path, "hello", sel))


def test_refusal_leaves_an_existing_directory_untouched(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    path = make_zip(tmp_path / "bad.qdpx", {"project.qde": project_xml(), "../keep.txt": "x"})
    refused(path)
    assert (tmp_path / "keep.txt").read_text() == "mine"
    with zipfile.ZipFile(path) as zf:
        assert "../keep.txt" in zf.namelist()
