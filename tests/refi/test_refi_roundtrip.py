"""Writing REFI-QDA 1.0 and reading it back: schema-valid, nothing lost."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from refi_helpers import SCHEMA_DIR

from annotator.io.refi import (
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSource,
    RefiUser,
    read_qdc,
    read_qdpx,
    validate,
    write_qdc,
    write_qdpx,
)
from annotator.io.refi.positions import CODEPOINTS

ANN = "a0000000-0000-4000-8000-000000000001"
BOB = "a0000000-0000-4000-8000-000000000002"
G = "b0000000-0000-4000-8000-0000000000{:02d}"  # code GUIDs
S1 = "c0000000-0000-4000-8000-000000000001"
S2 = "c0000000-0000-4000-8000-000000000002"

# 𠮷 (U+20BB7) and emoji are one code point in Python and two UTF-16 units elsewhere.
TEXT = (
    "访谈记录：𠮷野家的店员说，社区😀服务很好。\n"
    "第二段：党建引领🇨🇳基层治理，居民👍🏽信任度提高。\n"
    "Third line: café — naïve 😀 end.\n"
)


def codes() -> list[RefiCode]:
    return [
        RefiCode(
            G.format(1),
            "协调 Coordination",
            "#1F77B4",
            "基层党组织建设与顶层设计\nOrganisation building",
            False,
            [
                RefiCode(G.format(2), "政治引领", "#FF7F0E", "红色文化", True),
                RefiCode(
                    G.format(3),
                    "多主体协同",
                    None,
                    None,
                    True,
                    [RefiCode(G.format(4), "对话 😀 dialogue", "#2CA02C", "深层 𠮷", True)],
                ),
            ],
        ),
        RefiCode(G.format(5), "信任 Trust", "#D62728", "政治信任", True),
    ]


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_project() -> RefiProject:
    when = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    s1, e1 = find(TEXT, "社区😀服务很好")  # after 𠮷, emoji inside
    s2, e2 = find(TEXT, "基层治理")  # after a flag (two astral characters)
    s3, e3 = find(TEXT, "信任度提高")  # after 👍🏽
    s4, e4 = find(TEXT, "😀 end")  # starts with an emoji
    return RefiProject(
        name="工作坊 Workshop 😀",
        users=[RefiUser(ANN, "安 Ann"), RefiUser(BOB, "Bob")],
        codes=codes(),
        sources=[
            RefiSource(
                S1,
                "访谈一 interview 1",
                TEXT,
                [
                    RefiSelection(
                        "d0000000-0000-4000-8000-000000000001",
                        s1,
                        e1,
                        [
                            RefiCoding(G.format(2), ANN, when, "安的备注", guid=G.format(90)),
                            RefiCoding(G.format(2), BOB, None, None, guid=G.format(91)),
                            RefiCoding(G.format(4), BOB, when, None, guid=G.format(92)),
                        ],
                        ANN,
                        when,
                        "选段备忘 with 𠮷",
                    ),
                    RefiSelection(
                        "d0000000-0000-4000-8000-000000000002",
                        s2,
                        e2,
                        [RefiCoding(G.format(5), ANN, guid=G.format(93))],
                    ),
                    RefiSelection(
                        "d0000000-0000-4000-8000-000000000003",
                        s3,
                        e3,
                        [RefiCoding(G.format(5), BOB, guid=G.format(94))],
                        BOB,
                    ),
                    RefiSelection(
                        "d0000000-0000-4000-8000-000000000004",
                        s4,
                        e4,
                        [RefiCoding(G.format(4), ANN, guid=G.format(95))],
                    ),
                ],
                memo="来源备忘\n第二行",
            ),
            RefiSource(S2, "empty document", "", []),
        ],
        memo="项目备忘 project memo",
        notes=[RefiNote("e0000000-0000-4000-8000-000000000001", "自由笔记", "内容 😀", ANN, when)],
    )


def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA_DIR / "Project.xsd"))


def test_schemas_ship_with_the_package() -> None:
    assert (SCHEMA_DIR / "Project.xsd").is_file()
    assert (SCHEMA_DIR / "Codebook.xsd").is_file()


def test_project_round_trip(tmp_path: Path) -> None:
    original = build_project()
    out = tmp_path / "round.qdpx"
    write_qdpx(original, out)

    with zipfile.ZipFile(out) as zf:
        qde = zf.read("project.qde")
        assert sorted(zf.namelist()) == sorted(
            ["project.qde", f"sources/{S1}.txt", f"sources/{S2}.txt"]
        )
        raw_text = zf.read(f"sources/{S1}.txt")
    project_schema().validate(etree.fromstring(qde))  # the shipped XSD, directly
    assert validate(out) == []
    assert raw_text == TEXT.encode("utf-8")  # UTF-8, no BOM, LF

    back = read_qdpx(out)
    # The memo of a coded selection comes back on each of its codings, after their own.
    moved = original.sources[0].selections[0]
    assert [c.memo for c in back.sources[0].selections[0].codings] == [
        "安的备注\n\n选段备忘 with 𠮷", "选段备忘 with 𠮷", "选段备忘 with 𠮷"
    ]
    for coding, again in zip(moved.codings, back.sources[0].selections[0].codings, strict=True):
        coding.memo = again.memo
    moved.memo = None
    assert back == original
    assert back.offset_rule == CODEPOINTS.label
    assert back.warnings == []
    for a, b in zip(original.sources[0].selections, back.sources[0].selections, strict=True):
        assert TEXT[a.start : a.end] == back.sources[0].text[b.start : b.end]


def test_written_offsets_are_code_points(tmp_path: Path) -> None:
    out = tmp_path / "cp.qdpx"
    write_qdpx(build_project(), out)
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("project.qde"))
    ns = {"q": "urn:QDA-XML:project:1.0"}
    sel = root.xpath("//q:PlainTextSelection", namespaces=ns)[0]
    start, end = find(TEXT, "社区😀服务很好")
    assert (int(sel.get("startPosition")), int(sel.get("endPosition"))) == (start, end)
    assert root.xpath("//q:TextSource/@plainTextPath", namespaces=ns)[0] == f"internal://{S1}.txt"
    # Memos travel as notes referenced with NoteRef.
    note_guids = set(root.xpath("//q:Notes/q:Note/@guid", namespaces=ns))
    refs = root.xpath("//q:NoteRef/@targetGUID", namespaces=ns)
    assert len(refs) == 4 and set(refs) <= note_guids and len(note_guids) == 5


def test_writing_twice_gives_the_same_document(tmp_path: Path) -> None:
    project = build_project()
    for sel in project.sources[0].selections:
        for coding in sel.codings:
            coding.guid = None  # minted, deterministically
    a, b = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    when = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    write_qdpx(project, a, written=when)
    write_qdpx(project, b, written=when)
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.read("project.qde") == zb.read("project.qde")
    assert validate(a) == []
    back = read_qdpx(a)
    assert all(c.guid for s in back.sources for sel in s.selections for c in sel.codings)


def test_codebook_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "codes.qdc"
    write_qdc(codes(), out)
    xmlschema.XMLSchema(str(SCHEMA_DIR / "Codebook.xsd")).validate(str(out))
    assert validate(out) == []
    assert read_qdc(out) == codes()


def test_codebook_memos_are_not_part_of_a_qdc(tmp_path: Path) -> None:
    with_memo = codes()
    with_memo[0].memo = "only in projects"
    out = tmp_path / "codes.qdc"
    write_qdc(with_memo, out)
    assert read_qdc(out) == codes()


def test_empty_project_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "empty.qdpx"
    write_qdpx(RefiProject(name="empty"), out)
    assert validate(out) == []
    assert read_qdpx(out) == RefiProject(name="empty")


def test_colours_are_normalised(tmp_path: Path) -> None:
    out = tmp_path / "c.qdc"
    write_qdc([RefiCode(G.format(1), "x", "#abc")], out)
    assert read_qdc(out)[0].color == "#AABBCC"


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: setattr(p.sources[0].selections[0], "end", len(TEXT) + 1),
        lambda p: setattr(p.sources[0].selections[0], "start", 10**6),
        lambda p: setattr(p.sources[0], "text", TEXT.replace("\n", "\r\n")),
        lambda p: setattr(p.sources[0].selections[0].codings[0], "code_guid", G.format(77)),
        lambda p: setattr(p.sources[0].selections[0].codings[0], "coder_guid", G.format(78)),
        lambda p: setattr(p.codes[0], "color", "red"),
        lambda p: setattr(p.codes[0], "guid", "not-a-guid"),
        lambda p: setattr(p.sources[1], "guid", S1),
    ],
    ids=["end", "start", "crlf", "code", "coder", "colour", "guid", "duplicate"],
)
def test_writer_refuses_an_inconsistent_model(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    project = build_project()
    damage(project)
    out = tmp_path / "bad.qdpx"
    with pytest.raises(ValueError):
        write_qdpx(project, out)
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "keep.qdpx"
    write_qdpx(build_project(), out)
    before = out.read_bytes()
    broken = build_project()
    broken.sources[0].selections[0].end = 10**6
    with pytest.raises(ValueError):
        write_qdpx(broken, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.qdpx"]


def test_validate_reports_problems() -> None:
    bad = b'<Project xmlns="urn:QDA-XML:project:1.0"><Users/></Project>'
    problems = validate(bad, "project")
    assert problems and all(isinstance(p, str) for p in problems)
    assert validate(b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>') != []


def test_characters_xml_cannot_hold_do_not_break_the_export(tmp_path: Path) -> None:
    project = build_project()
    project.sources[0].memo = "Word\x0bpage\x0cbreak"
    project.codes[0].name = "bell\x07code"
    out = tmp_path / "ctl.qdpx"
    write_qdpx(project, out)
    assert validate(out) == []
    back = read_qdpx(out)
    assert back.sources[0].memo == "Word\ufffdpage\ufffdbreak"
    assert back.codes[0].name == "bell\ufffdcode"


def test_source_text_with_control_characters_is_kept(tmp_path: Path) -> None:
    text = "page one\x0cpage two 😀 end\n"
    project = RefiProject(
        name="ctl",
        users=[RefiUser(ANN, "Ann")],
        codes=[RefiCode(G.format(1), "c")],
        sources=[
            RefiSource(
                S1,
                "d",
                text,
                [
                    RefiSelection(
                        G.format(50), 9, 17, [RefiCoding(G.format(1), ANN, guid=G.format(51))]
                    )
                ],
            )
        ],
    )
    out = tmp_path / "t.qdpx"
    write_qdpx(project, out)
    back = read_qdpx(out)
    assert back == project
    assert back.sources[0].text[9:17] == "page two"
