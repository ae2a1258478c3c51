"""Text that must not be misread: NUL bytes taken for UTF-16, text hidden behind an XML
entity in a .docx. Each is refused in one line through ``annotator import``, in the
user's language, and the other files of the same import still come in."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from annotator.io.readers import read_document
from annotator.services.documents import list_documents
from annotator.services.projects import new_project
from annotator.store.project import Project
from tests.io.helpers import FIXTURES


def _import(project: Path, *files: Path, lang: str = "en") -> str:
    """``annotator import`` as a user runs it; its standard error."""
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--lang", lang, "import", str(project),
         *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )
    assert "Traceback" not in done.stderr
    return done.stderr


def _docx_with_entity(source: Path, dest: Path, declared: bool) -> Path:
    """The seed paper's .docx with an entity reference put into its first text run."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                head, sep, rest = data.partition(b"?>")
                doctype = b'<!DOCTYPE w:document [<!ENTITY org "ORG">]>' if declared else b""
                data = head + sep + doctype + rest.replace(b"</w:t>", b" &org; AFTER</w:t>", 1)
            zout.writestr(item, data)
    return dest


def test_nul_bytes_are_not_taken_for_utf16(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"abc\x00def\x00")
    with pytest.raises(Exception) as info:
        read_document(path)
    assert "contains NUL bytes" in str(info.value)
    assert "扡" not in str(info.value)


def test_real_utf16_without_a_bom_still_reads(tmp_path: Path) -> None:
    text = (FIXTURES.parent.parent.parent / "annotator" / "data" / "samples" /
            "seed-paper-zh.txt").read_text(encoding="utf-8")[:3000]
    path = tmp_path / "le.txt"
    path.write_bytes(("Interview 01\n" + text).encode("utf-16-le"))
    assert read_document(path).encoding == "utf-16-le"


@pytest.mark.parametrize("lang, words", [
    ("en", ("nul.txt: contains NUL bytes",)),
    ("zh", ("nul.txt：含有 NUL 字节",)),
])
def test_nul_file_is_refused_by_import_and_the_others_come_in(
    tmp_path: Path, lang: str, words: tuple[str, ...]
) -> None:
    project = tmp_path / "p.annotator"
    new_project(project, "empty").close()
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"abc\x00def\x00")
    good = tmp_path / "good.txt"
    good.write_text("正常的访谈文字。", encoding="utf-8")
    err = _import(project, nul, good, lang=lang)
    assert all(w in err for w in words), err
    with Project.open(project) as p:
        assert [d.name for d in list_documents(p)] == ["good"]


def test_text_after_an_xml_entity_in_docx_is_refused_not_dropped(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    new_project(project, "empty").close()
    hostile = _docx_with_entity(FIXTURES / "seed-paper-zh.docx", tmp_path / "ent.docx", True)
    err = _import(project, hostile)
    assert "ent.docx: uses an XML entity (&org;)" in err
    assert err.strip().count("\n") == 0
    err = _import(project, hostile, lang="zh")
    assert "ent.docx：使用了 XML 实体（&org;）" in err
    with Project.open(project) as p:
        assert list_documents(p) == []


def test_the_same_docx_without_the_entity_keeps_the_text_after_it(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(FIXTURES / "seed-paper-zh.docx") as zin, \
            zipfile.ZipFile(plain, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:t>", b" ORG AFTER</w:t>", 1)
            zout.writestr(item, data)
    assert " ORG AFTER" in read_document(plain).text
