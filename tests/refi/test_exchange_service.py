"""REFI-QDA files into and out of projects, through the services and the CLI."""

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from refi_helpers import real_file

from annotator import __version__
from annotator.cli import main
from annotator.domain.errors import AnnotatorError
from annotator.io.refi import read_qdpx, validate
from annotator.services.codebook import add_code, code_tree, find_code, set_code_memo
from annotator.services.coders import ensure_coder, list_coders
from annotator.services.coding import code_span, segments
from annotator.services.documents import (
    add_document,
    document_text,
    list_documents,
    set_document_memo,
)
from annotator.services.exchange import (
    export_refi,
    import_codebook,
    new_project_from_qdpx,
)
from annotator.services.projects import new_project
from annotator.store.project import Project

NVIVO = ["nvivo-mac-12.7-hungarian-emoji.qdpx", "nvivo-win-12.6-hungarian-crlf-bom.qdpx",
         "nvivo-win-12.6-small.qdpx"]
ALL = [*NVIVO, "nvivo-mac-15-codebook-only.qdpx", "qc-1.3.2-offspec-paths.qdpx",
       "atlasti-23-three-codes.qdpx", "atlasti-23-users-only.qdpx"]


def _state(p: Project) -> tuple:
    docs = [(d.guid, d.name, d.sha256, d.memo) for d in list_documents(p)]
    codes = [(c.guid, c.path, c.color, c.description, c.memo) for c in code_tree(p)]
    codings = sorted((s.document, s.code_path, s.coder, s.start, s.end, s.memo, s.text)
                     for s in segments(p))
    return docs, codes, codings


@pytest.mark.parametrize("name", ALL)
def test_every_real_export_becomes_a_project_with_all_its_codings(name: str,
                                                                  tmp_path: Path) -> None:
    src = real_file(name)
    refi = read_qdpx(src)
    project, report = new_project_from_qdpx(tmp_path / "p.annotator", src)
    with project:
        codings = sum(len(sel.codings) for s in refi.sources for sel in s.selections)
        assert report.codings == codings == len(segments(project))
        assert len(code_tree(project)) == sum(1 for _ in refi.all_codes())
        with_text = [s for s in refi.sources if s.text.strip()]
        assert len(list_documents(project)) == len({s.text for s in with_text})
        # Every coded segment is the very text the other tool coded.
        texts = {s.guid: s.text for s in refi.sources}
        expected = sorted(texts[s.guid][sel.start:sel.end]
                          for s in refi.sources for sel in s.selections for _ in sel.codings)
        assert sorted(g.text for g in segments(project)) == expected


@pytest.mark.parametrize("name", NVIVO)
def test_nvivo_selections_land_on_word_boundaries(name: str, tmp_path: Path) -> None:
    project, _ = new_project_from_qdpx(tmp_path / "p.annotator", real_file(name))
    with project:
        bad = 0
        segs = segments(project)
        assert segs
        docs = {d.id: document_text(project, d.id) for d in list_documents(project)}
        for g in segs:
            text = docs[g.document_id]
            before = text[g.start - 1] if g.start else " "
            after = text[g.end] if g.end < len(text) else " "
            bad += (before.isalnum() and text[g.start].isalnum())
            bad += (after.isalnum() and text[g.end - 1].isalnum())
        assert bad <= 3, f"{bad} selection ends fall inside words"


def test_mac_and_windows_exports_of_one_study_code_the_same_passages(tmp_path: Path) -> None:
    mac, _ = new_project_from_qdpx(tmp_path / "m.annotator",
                                   real_file("nvivo-mac-12.7-hungarian-emoji.qdpx"))
    win, _ = new_project_from_qdpx(tmp_path / "w.annotator",
                                   real_file("nvivo-win-12.6-hungarian-crlf-bom.qdpx"))
    with mac, win:
        m = {(g.code_path, g.text) for g in segments(mac)}
        w = {(g.code_path, g.text) for g in segments(win)}
    assert m <= w and len(m) > 200


def _rich(tmp_path: Path) -> Project:
    p = new_project(tmp_path / "src.annotator", "governance")
    a, b = ensure_coder(p, "甲").id, ensure_coder(p, "乙 Li").id
    d1 = add_document(p, "访谈 01", "𠮷野家😀：居民说“党组织🙂值得信任”。\n第二行\t完。")
    d2 = add_document(p, "政策文件", "社区议事会每月召开，居民参与协商。")
    set_document_memo(p, d1.id, "第一次访谈的备忘录")
    add_code(p, "新代码\\/斜杠/子", color="#123456", description="带斜杠的名字")
    with p.read() as s:
        trust = find_code(s, "信任/政治信任").id
        talk = find_code(s, "整合/协商对话机制").id
    set_code_memo(p, trust, "代码备忘录")
    code_span(p, d1.id, 0, 3, trust, a, memo="星号前")
    code_span(p, d1.id, 9, 17, trust, a)
    code_span(p, d1.id, 9, 17, talk, b, memo="重叠")
    code_span(p, d2.id, 0, 5, talk, b)
    return p


def test_round_trip_through_qdpx_gives_back_the_same_project(tmp_path: Path) -> None:
    src = _rich(tmp_path)
    export_refi(src, out := tmp_path / "交换.qdpx")
    assert validate(out, "project") == []
    names = zipfile.ZipFile(out).namelist()
    assert "project.qde" in names
    assert all(re.fullmatch(r"sources/[0-9a-f-]{36}\.txt", n) for n in names if n != "project.qde")
    back, report = new_project_from_qdpx(tmp_path / "back.annotator", out)
    with src, back:
        assert _state(back) == _state(src)
        assert {c.name for c in list_coders(back)} == {"甲", "乙 Li"}
    # Nothing adapted or dropped; the report only says how the offsets were read.
    [note] = [n.render("en") for n in report.notes]
    assert note.startswith(
        "The file's offsets were read as code points, line ends as in the file "
        f"(producer: Annotator {__version__}): the reading expected from the producer ")
    assert note.endswith("the window asks for it, the command line takes --offsets utf16 or "
                         "codepoints, --crlf 1 or 2.")


def test_exported_offsets_are_code_points(tmp_path: Path) -> None:
    src = _rich(tmp_path)
    export_refi(src, out := tmp_path / "x.qdpx")
    src.close()
    qde = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
    starts = sorted(int(e.get("startPosition"))
                    for e in qde.iter("{urn:QDA-XML:project:1.0}PlainTextSelection"))
    assert 9 in starts  # after 𠮷 and 😀: 9 in code points, 11 in UTF-16 units


def test_codebook_export_validates_and_imports_into_another_project(tmp_path: Path,
                                                                    empty_project) -> None:
    src = _rich(tmp_path)
    export_refi(src, out := tmp_path / "codebook.qdc")
    assert validate(out, "codebook") == []
    report = import_codebook(empty_project, out)
    with src:
        assert [(c.guid, c.path, c.color) for c in code_tree(empty_project)] == [
            (c.guid, c.path, c.color) for c in code_tree(src)
        ]
    assert report.codes == len(code_tree(empty_project))
    again = import_codebook(empty_project, out)  # nothing twice
    assert again.codes == 0


def test_spec_codebook_and_cli(tmp_path: Path, capsys) -> None:
    proj = tmp_path / "p.annotator"
    assert main(["new", str(proj), "--template", "empty"]) == 0
    assert main(["import", str(proj), str(real_file("spec-annex-a1-codebook.qdc"))]) == 0
    assert "codes added" in capsys.readouterr().out
    assert main(["export", str(proj), str(tmp_path / "o.qdpx")]) == 0
    assert main(["export", str(proj), str(tmp_path / "o.csv")]) == 1
    assert main(["import", str(proj), str(tmp_path / "o.qdpx")]) == 1
    err = capsys.readouterr().err
    assert "merge" in err
    new = tmp_path / "n.annotator"
    assert main(["new", str(new), "--from", str(real_file("nvivo-win-12.6-small.qdpx"))]) == 0
    assert "97 codings" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_bad_qdpx_leaves_no_project_behind(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(content)
    with pytest.raises(AnnotatorError):
        new_project_from_qdpx(tmp_path / "p.annotator", bad)
    assert not (tmp_path / "p.annotator").exists()


def test_a_qdpx_with_offsets_beyond_the_text_changes_nothing(tmp_path: Path, capsys) -> None:
    src = _rich(tmp_path)
    export_refi(src, good := tmp_path / "g.qdpx")
    src.close()
    with zipfile.ZipFile(good) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["project.qde"] = re.sub(rb'endPosition="\d+"', b'endPosition="999999"',
                                    members["project.qde"], count=1)
    bad = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    target = tmp_path / "t.annotator"
    assert main(["new", str(target), "--from", str(bad)]) == 1
    assert "annotator: error:" in capsys.readouterr().err
    assert not target.exists()


def test_merging_a_qdpx_twice_adds_its_codings_once(tmp_path: Path, capsys) -> None:
    target = tmp_path / "t.annotator"
    assert main(["new", str(target), "--template", "empty"]) == 0
    src = str(real_file("nvivo-win-12.6-small.qdpx"))
    assert main(["merge", str(target), src]) == 0
    assert main(["merge", str(target), src]) == 0
    with Project.open(target) as p:
        assert len(segments(p)) == 97
        assert len(code_tree(p)) == 60
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK\x03\x04")
    before = target.read_bytes()
    capsys.readouterr()
    assert main(["merge", str(target), str(bad)]) == 1
    assert "not merged" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_same_name_siblings_in_one_file_stay_two_codes(tmp_path: Path, empty_project) -> None:
    from annotator.io.refi import RefiCode, write_qdc

    qdc = tmp_path / "twins.qdc"
    write_qdc([RefiCode("aaaaaaaa-0000-4000-8000-000000000001", "信任"),
               RefiCode("aaaaaaaa-0000-4000-8000-000000000002", "信任"),
               RefiCode("aaaaaaaa-0000-4000-8000-000000000003", " 整合 ")], qdc)
    report = import_codebook(empty_project, qdc)
    assert [c.path for c in code_tree(empty_project)] == ["信任", "信任 (2)", "整合"]
    assert report.codes == 3
    assert [n.render("en") for n in report.notes] == [
        "code '信任' was renamed '信任 (2)' (the name was already used beside it)"]
    assert report.changes.codes == {c.id for c in code_tree(empty_project)}  # what it made
    again = import_codebook(empty_project, qdc)  # the same GUIDs: nothing new
    assert (again.codes, again.skipped_codes) == (0, 3)
    assert not again.changes
