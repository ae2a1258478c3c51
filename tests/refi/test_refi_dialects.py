"""Offset-unit detection and the producers' deviations from the standard, on small files."""

from __future__ import annotations

from pathlib import Path

import pytest
from refi_helpers import CODE, SOURCE, USER, make_project, make_zip, project_xml, selection_xml

from annotator.io.refi import read_qdc, read_qdpx
from annotator.io.refi.positions import (
    CODEPOINTS,
    CODEPOINTS_LF,
    UTF16,
    SourcePositions,
    detect_rule,
    expected_rule,
)
from annotator.io.refi.reader import parse_datetime

SEL = "44444444-4444-4444-8444-4444444444{:02d}"
CODE2 = "55555555-5555-4555-8555-555555555555"
OTHER_USER = "66666666-6666-4666-8666-666666666666"
NOTE = "77777777-7777-4777-8777-777777777777"


def texts(path: Path) -> list[str]:
    p = read_qdpx(path)
    return [s.text[sel.start : sel.end] for s in p.sources for sel in s.selections]


# -- positions --------------------------------------------------------------------------------


def test_utf16_with_crlf_and_bom_maps_to_normalised_code_points() -> None:
    # raw (BOM not counted): a b \r \n c d 😀(2 units) e f
    pos = SourcePositions("\ufeffab\r\ncd😀ef")
    assert pos.text == "ab\ncd😀ef"
    assert pos.length(UTF16) == 10 and pos.length(CODEPOINTS) == 9
    assert pos.convert(8, UTF16) == (6, False)  # "e"
    assert pos.convert(10, UTF16) == (8, False)  # end
    assert pos.convert(7, UTF16) == (5, True)  # between the halves of 😀: rounded down
    assert pos.convert(3, UTF16) == (2, True)  # between CR and LF: before the line end
    assert pos.convert(4, CODEPOINTS) == (3, False)  # "c"
    assert pos.convert(3, CODEPOINTS_LF) == (3, False)


def test_expected_rule_follows_the_producer() -> None:
    assert expected_rule("NVivo for Mac 12.7.0") == UTF16
    assert expected_rule("NVivo for Windows 12.6") == UTF16
    assert expected_rule("qc 1.3.2") == CODEPOINTS
    assert expected_rule(None) == CODEPOINTS


def latin_with_emoji() -> tuple[str, list[int]]:
    """A text where emoji precede words, and the words' code-point offsets."""
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    text = " ".join(f"😀😀 {w}" for w in words)
    cps = []
    for w in words:
        start = text.index(w)
        cps += [start, start + len(w)]
    return text, cps


def test_boundary_check_overrules_an_unknown_producer() -> None:
    text, cps = latin_with_emoji()
    units = [cp + text[:cp].count("😀") for cp in cps]  # each 😀 is 2 units, 1 code point
    pos = SourcePositions(text)
    assert detect_rule("Unknown 1.0", [(pos, units)]).rule == UTF16
    assert detect_rule("Unknown 1.0", [(pos, cps)]).rule == CODEPOINTS
    assert detect_rule("NVivo 14", [(pos, units)]).rule == UTF16


def test_cjk_text_gives_no_word_signal_so_the_producer_decides() -> None:
    text = "党建😀引领基层治理😀居民信任"
    s = text.index("基层")
    pos = SourcePositions(text)
    cps = [s, s + 4]
    assert detect_rule("qc 1.3.2", [(pos, cps)]).rule == CODEPOINTS
    assert detect_rule("NVivo for Mac", [(pos, [s + 1, s + 5])]).rule == UTF16


def test_offsets_only_valid_in_one_unit_decide_it() -> None:
    text = "ab😀"
    pos = SourcePositions(text)
    # 4 is only a valid offset in UTF-16 units (the text is 3 code points long).
    assert detect_rule("qc", [(pos, [0, 4])]).rule == UTF16
    assert detect_rule("qc", [(pos, [0, 9])]) is None


def test_windows_crlf_file_from_an_unknown_producer(tmp_path: Path) -> None:
    text = "first line\r\nsecond line\r\nthird 😀 line here\r\n"
    raw_units = text  # no BOM; offsets as NVivo counts them: CRLF = 2, 😀 = 2
    s = raw_units.index("line here")
    start, end = s + 1, s + 1 + len("line here")  # one emoji before: +1 unit
    sel = selection_xml(SEL.format(1), start, end)
    for origin in ("NVivo for Windows 12.6", "Unknown"):
        path = make_project(tmp_path, text.encode(), sel, name=f"{origin[:3]}.qdpx", origin=origin)
        assert texts(path) == ["line here"]


def test_datetimes() -> None:
    assert parse_datetime("2025-06-18T02:08:15.1234567Z").microsecond == 123456
    assert parse_datetime("2025-06-18T02:08:15+02:00").utcoffset().total_seconds() == 7200
    assert parse_datetime("yesterday") is None
    assert parse_datetime(None) is None


# -- archive layout ---------------------------------------------------------------------------


def test_atlasti_names_its_project_document_after_the_project(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "a.qdpx",
        {
            "My Study.qde": project_xml(selection_xml(SEL.format(1), 0, 5)),
            f"sources/{SOURCE}.txt": "hello world",
        },
    )
    assert texts(path) == ["hello"]


def test_project_one_folder_down(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "nested.qdpx",
        {
            "export/project.qde": project_xml(selection_xml(SEL.format(1), 6, 11)),
            f"export/sources/{SOURCE}.txt": "hello world",
        },
    )
    assert texts(path) == ["world"]


@pytest.mark.parametrize(
    ("member", "path_attr"),
    [
        (f"Sources/{SOURCE}.txt", f"internal://{SOURCE}.txt"),  # NVivo for Windows
        ("sources/board.txt", "board.txt"),  # qc: no internal://
        ("sources/board.txt", "relative://data/board.txt"),  # outside: found by name
        ("sources/board.txt", "file:///C:/Users/x/board.txt"),
    ],
)
def test_plain_text_path_variants(tmp_path: Path, member: str, path_attr: str) -> None:
    path = make_zip(
        tmp_path / "p.qdpx",
        {
            "project.qde": project_xml(selection_xml(SEL.format(1), 0, 5), path=path_attr),
            member: "hello world",
        },
    )
    assert texts(path) == ["hello"]


def test_inline_plain_text_content(tmp_path: Path) -> None:
    qde = (
        project_xml()
        .replace(
            f'plainTextPath="internal://{SOURCE}.txt">',
            ">",
        )
        .replace(
            "</TextSource>",
            f"<PlainTextContent>inline 𠮷 text</PlainTextContent>"
            f"{selection_xml(SEL.format(1), 9, 13)}</TextSource>",
        )
    )
    path = make_zip(tmp_path / "i.qdpx", {"project.qde": qde})
    assert texts(path) == ["text"]


def test_utf16_source_file_with_bom(tmp_path: Path) -> None:
    path = make_project(
        tmp_path, "hello wörld".encode("utf-16"), selection_xml(SEL.format(1), 6, 11)
    )
    assert texts(path) == ["wörld"]


def test_docx_twin_is_ignored(tmp_path: Path) -> None:
    qde = project_xml(selection_xml(SEL.format(1), 0, 5)).replace(
        'name="doc"', f'name="doc" richTextPath="internal://{SOURCE}.docx"'
    )
    path = make_zip(
        tmp_path / "d.qdpx",
        {
            "project.qde": qde,
            f"sources/{SOURCE}.txt": "hello world",
            f"sources/{SOURCE}.docx": b"PK\x03\x04 not really a docx",
        },
    )
    assert texts(path) == ["hello"]


# -- codebooks --------------------------------------------------------------------------------


@pytest.mark.parametrize("ns", ["urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:0:4"])
def test_codebook_namespaces(tmp_path: Path, ns: str) -> None:
    path = tmp_path / "c.qdc"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="{ns}" origin="ATLAS.ti">'
        f'<Codes><Code guid="{{{CODE.upper()}}}" name="Parent" isCodable="false" color="#0f0">'
        f'<Description>父</Description><Code guid="{CODE2}" name="Child" isCodable="true"/>'
        "</Code></Codes></CodeBook>",
        encoding="utf-8",
    )
    (parent,) = read_qdc(path)
    assert (parent.guid, parent.name, parent.color, parent.description) == (
        CODE,
        "Parent",
        "#00FF00",
        "父",
    )
    assert parent.is_codable is False
    assert [c.name for c in parent.children] == ["Child"]


# -- selections, codings, notes ---------------------------------------------------------------


def test_repeated_ranges_merge_and_duplicate_codings_are_kept_once(tmp_path: Path) -> None:
    sels = (
        selection_xml(SEL.format(1), 0, 5)
        + selection_xml(SEL.format(2), 0, 5, code=CODE2)
        + selection_xml(SEL.format(3), 0, 5, code=CODE2)  # same code, same coder: repeated
        + selection_xml(SEL.format(4), 0, 5, user=OTHER_USER)
        + selection_xml(SEL.format(5), 6, 11)
    )
    path = make_project(
        tmp_path,
        "hello world",
        sels,
        extra_codes=f'<Code guid="{CODE2}" name="d" isCodable="true"/>',
    )
    p = read_qdpx(path)
    first, second = p.sources[0].selections
    assert first.guid == SEL.format(1)
    assert first.merged_from == [SEL.format(2), SEL.format(3), SEL.format(4)]
    assert [(c.code_guid, c.coder_guid) for c in first.codings] == [
        (CODE, USER),
        (CODE2, USER),
        (CODE, OTHER_USER),
    ]
    assert (second.start, second.end, len(second.codings)) == (6, 11, 1)
    # The unknown coder got a placeholder user; both events are reported.
    assert [u.guid for u in p.users] == [USER, OTHER_USER]
    assert len(p.warnings) == 2
    assert any("repeated" in str(w) for w in p.warnings)
    assert any(OTHER_USER in str(w) for w in p.warnings)


def test_dangling_code_reference_is_skipped_with_a_warning(tmp_path: Path) -> None:
    missing = "88888888-8888-4888-8888-888888888888"
    sels = selection_xml(SEL.format(1), 0, 5, code=missing) + selection_xml(SEL.format(2), 6, 11)
    p = read_qdpx(make_project(tmp_path, "hello world", sels))
    (a, b) = p.sources[0].selections
    assert a.codings == [] and len(b.codings) == 1
    assert len(p.warnings) == 1 and "missing from the codebook" in str(p.warnings[0])


def test_non_text_sources_are_skipped_with_a_warning(tmp_path: Path) -> None:
    qde = project_xml(selection_xml(SEL.format(1), 0, 5)).replace(
        "</Sources>",
        '<PDFSource guid="99999999-9999-4999-8999-999999999999" name="scan" '
        'path="internal://x.pdf"/></Sources>',
    )
    path = make_zip(tmp_path / "s.qdpx", {"project.qde": qde, f"sources/{SOURCE}.txt": "hello"})
    p = read_qdpx(path)
    assert len(p.sources) == 1
    assert [str(w) for w in p.warnings] == [
        "1 pdf source(s) were skipped: only text sources can be imported."]


def test_coding_on_the_whole_source(tmp_path: Path) -> None:
    whole = (
        f'<Coding guid="{SEL.format(9)}" creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/>'
        "</Coding>"
    )
    p = read_qdpx(make_project(tmp_path, "all of it\r\n", whole))
    (sel,) = p.sources[0].selections
    assert (sel.start, sel.end) == (0, len("all of it\n"))


def test_notes_become_memos_and_free_notes(tmp_path: Path) -> None:
    free = "77777777-7777-4777-8777-777777777778"
    sel = selection_xml(SEL.format(1), 0, 5).replace(
        "</PlainTextSelection>", f'<NoteRef targetGUID="{NOTE}"/></PlainTextSelection>'
    )
    notes = (
        f'<Notes><Note guid="{NOTE}" name="m"><PlainTextContent>备忘 memo</PlainTextContent>'
        f'</Note><Note guid="{free}" name="free" creatingUser="{USER}">'
        "<PlainTextContent>自由</PlainTextContent></Note></Notes>"
    )
    p = read_qdpx(make_project(tmp_path, "hello world", sel, notes=notes))
    # A coded selection's memo belongs to its codings.
    only = p.sources[0].selections[0]
    assert (only.memo, [c.memo for c in only.codings]) == (None, ["备忘 memo"])
    assert [(n.guid, n.name, n.text, n.creator_guid) for n in p.notes] == [
        (free, "free", "自由", USER)
    ]


def test_empty_selection_is_skipped_with_a_warning(tmp_path: Path) -> None:
    sels = selection_xml(SEL.format(1), 3, 3) + selection_xml(SEL.format(2), 0, 5)
    p = read_qdpx(make_project(tmp_path, "hello world", sels))
    assert [(s.start, s.end) for s in p.sources[0].selections] == [(0, 5)]
    assert "empty" in str(p.warnings[0])
