"""What other tools' readers get from our exports, and what imports no longer drop.

QualCoder's importer (refi.py) gives every coding of a ``<PlainTextSelection>`` to the
selection's ``creatingUser``, takes its ``<Description>`` as the memo of every coding in it,
reads a ``<Note>``'s date with ``.replace()`` (so a note without one stops the import), and
keeps one coding per code, range and coder. The export tests below check exactly those
properties of the XML.
"""

import os
import stat
import zipfile
from pathlib import Path

from lxml import etree
from refi_helpers import CODE, SOURCE, USER, make_project, make_zip, project_xml, selection_xml

from annotator.cli import main
from annotator.io.refi import read_qdpx
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document, list_documents, set_document_memo
from annotator.services.exchange import export_refi, new_project_from_qdpx
from annotator.services.projects import new_project
from annotator.store.models import Meta
from annotator.store.project import Project

Q = {"q": "urn:QDA-XML:project:1.0"}
TEXT = "𠮷野家😀：居民说“党组织值得信任”。\n第二行完。"
BOB = "55555555-5555-4555-8555-555555555555"


def _two_coders(tmp_path: Path) -> Project:
    """Two coders coding the same span with the same code, each with their own memo."""
    p = new_project(tmp_path / "src.annotator", "governance")
    a, b = ensure_coder(p, "alice").id, ensure_coder(p, "bob").id
    doc = add_document(p, "访谈", TEXT)
    set_document_memo(p, doc.id, "文档备忘")
    with p.read() as s:
        trust = find_code(s, "信任/政治信任").id
    start = TEXT.index("党组织")
    for coder, memo in ((a, "A 的备忘"), (b, "B 的备忘")):
        code_span(p, doc.id, start, start + 7, trust, coder, memo=memo)
    code_span(p, doc.id, 0, 3, trust, a)
    return p


def _qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("project.qde"))


def test_each_coding_is_its_own_selection_with_its_coder_and_memo(tmp_path: Path) -> None:
    with _two_coders(tmp_path) as p:
        export_refi(p, out := tmp_path / "out.qdpx")
    root = _qde(out)
    users = {u.get("guid"): u.get("name") for u in root.xpath("//q:User", namespaces=Q)}
    got = sorted(
        (users[s.get("creatingUser")], s.get("startPosition"),
         s.findtext("q:Description", namespaces=Q), len(s.xpath("q:Coding", namespaces=Q)))
        for s in root.xpath("//q:PlainTextSelection", namespaces=Q)
    )
    start = str(TEXT.index("党组织"))
    assert got == [("alice", "0", None, 1), ("alice", start, "A 的备忘", 1),
                   ("bob", start, "B 的备忘", 1)]
    assert root.findtext("q:Sources/q:TextSource/q:Description", namespaces=Q) == "文档备忘"


def test_every_note_and_time_is_dated_in_utc(tmp_path: Path) -> None:
    with _two_coders(tmp_path) as p:
        export_refi(p, out := tmp_path / "out.qdpx")
    root = _qde(out)
    notes = root.xpath("//q:Note", namespaces=Q)
    assert len(notes) == 3  # two coding memos, the document's memo
    stamps = [n.get(a) for n in notes for a in ("creationDateTime", "modifiedDateTime")]
    stamps += root.xpath("//@creationDateTime")
    assert stamps and all(s and s.endswith("Z") for s in stamps)


def test_a_round_trip_keeps_each_coders_memo(tmp_path: Path) -> None:
    with _two_coders(tmp_path) as p:
        export_refi(p, out := tmp_path / "out.qdpx")
        before = sorted((g.coder, g.start, g.memo) for g in segments(p))
    back, _ = new_project_from_qdpx(tmp_path / "back.annotator", out)
    with back:
        assert sorted((g.coder, g.start, g.memo) for g in segments(back)) == before


def test_exports_honour_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with _two_coders(tmp_path) as p:
            for name in ("out.qdpx", "out.qdc"):
                export_refi(p, out := tmp_path / name)
                assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_export_for_nvivo_counts_utf16_units(tmp_path: Path) -> None:
    with _two_coders(tmp_path) as p:
        p.close()
    assert main(["export", str(tmp_path / "src.annotator"), str(tmp_path / "nv.qdpx"),
                 "--for-nvivo"]) == 0
    assert main(["export", str(tmp_path / "src.annotator"), str(tmp_path / "cp.qdpx")]) == 0
    nv = sorted(int(v) for v in _qde(tmp_path / "nv.qdpx").xpath("//@startPosition"))
    cp = sorted(int(v) for v in _qde(tmp_path / "cp.qdpx").xpath("//@startPosition"))
    assert cp[-1] == TEXT.index("党组织") and nv[-1] == cp[-1] + 2  # 𠮷 and 😀 are two units
    assert nv[0] == cp[0] == 0


# -- import ---------------------------------------------------------------------------------


def _same_range(memo_a: str, memo_b: str) -> str:
    sel = (
        '<PlainTextSelection guid="{g}" startPosition="0" endPosition="5" creatingUser="{u}">'
        '<Description>{m}</Description><Coding guid="{g2}" creatingUser="{u}">'
        f'<CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
    )
    return (
        sel.format(g="44444444-4444-4444-8444-444444444401", u=USER, m=memo_a,
                   g2="44444444-4444-4444-8444-4444444444a1")
        + sel.format(g="44444444-4444-4444-8444-444444444402", u=BOB, m=memo_b,
                     g2="44444444-4444-4444-8444-4444444444a2")
    )


def _with_bob(path: Path) -> Path:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["project.qde"] = members["project.qde"].replace(
        b"</Users>", f'<User guid="{BOB}" name="bob"/></Users>'.encode())
    return make_zip(path, members)


def test_a_memo_stays_with_its_own_coding(tmp_path: Path) -> None:
    qdpx = _with_bob(make_project(tmp_path, "hello world", _same_range("Alice 的", "Bob 的")))
    project, _ = new_project_from_qdpx(tmp_path / "p.annotator", qdpx)
    with project:
        assert sorted((g.coder, g.memo) for g in segments(project)) == [
            ("ann", "Alice 的"), ("bob", "Bob 的")]


def test_a_document_keeps_its_description_beside_its_note(tmp_path: Path) -> None:
    note = "66666666-6666-4666-8666-666666666666"
    xml = project_xml(notes=f'<Notes><Note guid="{note}" name="n"><PlainTextContent>笔记'
                            "</PlainTextContent></Note></Notes>")
    xml = xml.replace(f'plainTextPath="internal://{SOURCE}.txt">',
                      f'plainTextPath="internal://{SOURCE}.txt"><Description>描述</Description>')
    xml = xml.replace("</TextSource>", f'<NoteRef targetGUID="{note}"/></TextSource>')
    qdpx = make_zip(tmp_path / "d.qdpx", {"project.qde": xml, f"sources/{SOURCE}.txt": "hello"})
    assert read_qdpx(qdpx).sources[0].memo == "笔记\n\n描述"


def test_a_comment_on_uncoded_text_becomes_a_memo_and_the_rest_is_named(tmp_path: Path,
                                                                           capsys) -> None:
    comment = (f'<PlainTextSelection guid="{SOURCE[:-4]}cccc" startPosition="6" endPosition="11">'
               "<Description>看这里</Description></PlainTextSelection>")
    xml = project_xml(selection_xml("44444444-4444-4444-8444-444444444401", 0, 5) + comment)
    xml = xml.replace("</Project>", (
        '<Sets><Set guid="77777777-7777-4777-8777-777777777771" name="组"/>'
        '<Set guid="77777777-7777-4777-8777-777777777772" name="组2"/></Sets>'
        "<Description>项目描述</Description></Project>"))
    qdpx = make_zip(tmp_path / "c.qdpx",
                    {"project.qde": xml, f"sources/{SOURCE}.txt": "hello world"})
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx)]) == 0
    err = capsys.readouterr().err
    assert "2 set(s)" in err and "not imported" in err
    with Project.open(tmp_path / "p.annotator") as p:
        (doc,) = list_documents(p)
        assert "“world”\n看这里" in doc.memo
        with p.read() as s:
            assert s.get(Meta, "memo").value == "项目描述"


def test_a_codebook_in_namespace_0_4_inside_a_project_is_read(tmp_path: Path) -> None:
    """Derived from what a MAXQDA 24 project rewritten by a user's script looks like."""
    xml = project_xml(selection_xml("44444444-4444-4444-8444-444444444401", 0, 5))
    xml = xml.replace(
        f'<CodeBook><Codes><Code guid="{CODE}" name="c" isCodable="true"/></Codes></CodeBook>',
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4"><Codes>'
        f'<Code guid="{CODE}" name="c" isCodable="true"><Code guid="{CODE[:-4]}0001" '
        'name="child" isCodable="true"/></Code></Codes></CodeBook>',
    )
    qdpx = make_zip(tmp_path / "m.qdpx", {"project.qde": xml, f"sources/{SOURCE}.txt": "hello"})
    refi = read_qdpx(qdpx)
    assert [c.name for c in refi.all_codes()] == ["c", "child"]
    assert sum(len(s.codings) for s in refi.sources[0].selections) == 1
    assert any("urn:QDA-XML:codebook:0:4" in str(w) for w in refi.warnings)


def test_non_guid_identifiers_as_openqda_writes_them(tmp_path: Path) -> None:
    xml = project_xml(selection_xml("44444444-4444-4444-8444-444444444401", 0, 5))
    xml = xml.replace(CODE, "c001")
    qdpx = make_zip(tmp_path / "o.qdpx", {"project.qde": xml, f"sources/{SOURCE}.txt": "hello"})
    project, report = new_project_from_qdpx(tmp_path / "p.annotator", qdpx)
    with project:
        assert [(g.code_path, g.text) for g in segments(project)] == [("c", "hello")]
    assert any("“c001”" in str(n) for n in report.notes)


def test_nul_bytes_in_a_source_are_refused_and_nothing_is_created(tmp_path: Path,
                                                                   capsys) -> None:
    qdpx = make_project(tmp_path, b"abc\x00def\x00", selection_xml(SOURCE[:-4] + "0001", 0, 2))
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx)]) != 0
    assert "NUL" in capsys.readouterr().err
    assert not (tmp_path / "p.annotator").exists()


def test_a_source_name_over_50_kb_is_imported_twice(tmp_path: Path) -> None:
    name = "访" * 20_000 + "%_"  # 60 KB of UTF-8, and LIKE's wildcards
    xml = project_xml().replace('name="doc"', f'name="{name}"')
    qdpx = make_zip(tmp_path / "n.qdpx", {"project.qde": xml, f"sources/{SOURCE}.txt": "hello"})
    project, _ = new_project_from_qdpx(tmp_path / "p.annotator", qdpx)
    with project:
        add_document(project, name, "another text")
        assert sorted(d.name for d in list_documents(project)) == [name, f"{name} (2)"]


def test_new_from_a_codebook_points_to_import(tmp_path: Path, capsys) -> None:
    qdc = tmp_path / "codes.qdc"
    qdc.write_text("<CodeBook/>", encoding="utf-8")
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdc)]) != 0
    err = capsys.readouterr().err
    assert "annotator import PROJECT" in err and "zip" not in err
    assert not (tmp_path / "p.annotator").exists()


def test_reviewed_marks_go_out_and_come_back_per_coder_and_document(tmp_path: Path) -> None:
    """A reviewed mark (a coder finished reading a document) travels as a note by that
    coder linked to the source; the file stays valid, and the marks come back — also
    through merge — while the project memo and free notes stay untouched."""
    from annotator.io.refi import validate
    from annotator.services.agreement import project_agreement
    from annotator.services.reviewed import list_reviewed, mark_reviewed
    from annotator.services.workshop import merge_copy

    with _two_coders(tmp_path) as p:
        add_document(p, "第二份", "第二份材料，没有可以编码的内容。")
        ensure_coder(p, "carol")
        mark_reviewed(p, "访谈", "bob")
        mark_reviewed(p, "第二份", "carol")
        mark_reviewed(p, "第二份", "alice")
        before = list_reviewed(p)
        export_refi(p, out := tmp_path / "out.qdpx")
    assert validate(out) == []
    root = _qde(out)
    links = root.xpath("//q:Link", namespaces=Q)
    assert len(links) == 3 and {link.get("name") for link in links} == {"Annotator: reviewed"}
    notes = {n.get("guid"): n for n in root.xpath("//q:Notes/q:Note", namespaces=Q)}
    users = {u.get("guid"): u.get("name") for u in root.xpath("//q:User", namespaces=Q)}
    sources = {s.get("guid"): s.get("name") for s in root.xpath("//q:TextSource", namespaces=Q)}
    assert sorted((sources[link.get("targetGUID")], users[notes[link.get("originGUID")]
                   .get("creatingUser")]) for link in links) == [
        ("第二份", "alice"), ("第二份", "carol"), ("访谈", "bob")]

    back, report = new_project_from_qdpx(tmp_path / "back.annotator", out)
    with back:
        assert list_reviewed(back) == before
        with back.read() as s:
            memo = s.get(Meta, "memo")
        assert memo is None or "reviewed" not in memo.value  # no journal entry made of them
        notes_en = [n.render("en") for n in report.notes]
        assert any(n.startswith("3 reviewed mark(s) came in") for n in notes_en), notes_en
        assert not any("link(s)" in n for n in notes_en)
        # carol reviewed 第二份 and coded nothing: she counts, as "not coded"
        data = project_agreement(back, coders=["alice", "carol"], include_uncoded=True).to_json()
        cells = [c for e in data["codes"] for c in e["documents"] if c["document"] == "第二份"]
        assert cells and all(c["coders_present"] == ["alice", "carol"] for c in cells)

    target = new_project(tmp_path / "target.annotator", "governance")
    with target:
        merge_copy(target, out)
        merge_copy(target, out)  # the same file again adds nothing
        assert list_reviewed(target) == before
