"""Reading the real exports in shared/refi: counts, alignment of offsets, known passages."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from refi_helpers import REFI_DIR, make_zip, real_file

from annotator.domain.text import normalise_text
from annotator.io.refi import RefiCode, RefiProject, read_qdc, read_qdpx, validate
from annotator.io.refi.positions import CODEPOINTS, UTF16

NS = {"q": "urn:QDA-XML:project:1.0"}

# name: (users, codes, sources, <PlainTextSelection>, <Coding>, distinct ranges)
EXPECTED = {
    "nvivo-mac-12.7-hungarian-emoji.qdpx": (2, 152, 2, 297, 297, 187),
    "nvivo-win-12.6-hungarian-crlf-bom.qdpx": (2, 152, 2, 303, 303, 188),
    "nvivo-win-12.6-small.qdpx": (2, 60, 1, 97, 97, 20),
    "pyqdpx-nvivo-win-12.6-rewritten.qdpx": (3, 152, 2, 330, 330, 195),
    "nvivo-mac-15-codebook-only.qdpx": (2, 262, 2, 0, 0, 0),
    "qc-1.3.2-offspec-paths.qdpx": (1, 262, 2, 158, 205, 158),
    "atlasti-23-three-codes.qdpx": (2, 3, 0, 0, 0, 0),
    "atlasti-23-users-only.qdpx": (2, 0, 0, 0, 0, 0),
    "pyqdpx-0.1.8-added-to-annotator.qdpx": (3, 13, 1, 4, 4, 3),
}
OFF_SCHEMA = {
    # pyqdpx appends the selection it adds after the source's other children
    "pyqdpx-0.1.8-added-to-annotator.qdpx": "Unexpected child with tag "
    "'{urn:QDA-XML:project:1.0}PlainTextSelection'",
}
NVIVO_CODED = [
    "nvivo-mac-12.7-hungarian-emoji.qdpx",
    "nvivo-win-12.6-hungarian-crlf-bom.qdpx",
    "nvivo-win-12.6-small.qdpx",
    "pyqdpx-nvivo-win-12.6-rewritten.qdpx",
]

_cache: dict[str, RefiProject] = {}


def project(name: str) -> RefiProject:
    if name not in _cache:
        _cache[name] = read_qdpx(real_file(name))
    return _cache[name]


def raw_xml(path: Path) -> etree._Element:
    """The project document of an archive, parsed independently of the reader."""
    with zipfile.ZipFile(path) as zf:
        qde = next(n for n in zf.namelist() if n.endswith(".qde"))
        return etree.fromstring(zf.read(qde))


def xml_counts(path: Path) -> tuple[int, int, int, int, int, int]:
    root = raw_xml(path)

    def n(xpath: str) -> int:
        return int(root.xpath(f"count({xpath})", namespaces=NS))

    ranges = {
        (sel.getparent().get("guid"), sel.get("startPosition"), sel.get("endPosition"))
        for sel in root.xpath("//q:PlainTextSelection", namespaces=NS)
    }
    return (
        n("//q:Users/q:User"),
        n("//q:CodeBook//q:Code"),
        n("//q:Sources/q:TextSource"),
        n("//q:PlainTextSelection"),
        n("//q:PlainTextSelection/q:Coding"),
        len(ranges),
    )


def model_counts(p: RefiProject) -> tuple[int, int, int, int, int, int]:
    sels = [sel for s in p.sources for sel in s.selections]
    return (
        len(p.users),
        len(list(p.all_codes())),
        len(p.sources),
        sum(1 + len(sel.merged_from) for sel in sels),
        sum(len(sel.codings) for sel in sels),
        len(sels),
    )


def code_paths(p: RefiProject) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(code: RefiCode, prefix: str) -> None:
        out[code.guid] = prefix + code.name
        for child in code.children:
            walk(child, out[code.guid] + "/")

    for root in p.codes:
        walk(root, "")
    return out


def coded_passages(p: RefiProject) -> Counter[tuple[str, str, str]]:
    """(source name, code path, selected text) for every coding."""
    paths = code_paths(p)
    return Counter(
        (s.name, paths[c.code_guid], s.text[sel.start : sel.end])
        for s in p.sources
        for sel in s.selections
        for c in sel.codings
    )


def selection(p: RefiProject, guid: str) -> str:
    for s in p.sources:
        for sel in s.selections:
            if sel.guid == guid or guid in sel.merged_from:
                return s.text[sel.start : sel.end]
    raise AssertionError(f"no selection {guid}")


def depth(code: RefiCode) -> int:
    return 1 + max((depth(c) for c in code.children), default=0)


def inside_word(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


def misaligned_endpoints(p: RefiProject) -> tuple[int, int]:
    bad = total = 0
    for s in p.sources:
        for sel in s.selections:
            total += 2
            bad += inside_word(s.text, sel.start) + inside_word(s.text, sel.end)
    return bad, total


# -- every file ------------------------------------------------------------------------------


def test_every_shared_file_is_covered() -> None:
    if not REFI_DIR.exists():
        pytest.skip("shared/refi is not available")
    assert {p.name for p in REFI_DIR.glob("*.qdpx")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts_match_the_xml(name: str) -> None:
    p = project(name)
    assert model_counts(p) == xml_counts(real_file(name)) == EXPECTED[name]
    assert p.warnings == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_file_is_schema_valid_and_reexports_validly(name: str, tmp_path: Path) -> None:
    from annotator.io.refi import write_qdpx

    problems = validate(real_file(name))
    if name in OFF_SCHEMA:  # read all the same; our export of it is valid
        assert len(problems) == 1 and OFF_SCHEMA[name] in problems[0], problems
    else:
        assert problems == []
    p = project(name)
    out = tmp_path / "again.qdpx"
    write_qdpx(p, out)
    assert validate(out) == []
    again = read_qdpx(out)
    assert again == p
    assert coded_passages(again) == coded_passages(p)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_reference_resolves(name: str) -> None:
    p = project(name)
    codes = {c.guid for c in p.all_codes()}
    users = {u.guid for u in p.users}
    for s in p.sources:
        for sel in s.selections:
            assert 0 <= sel.start < sel.end <= len(s.text)
            assert sel.codings
            for c in sel.codings:
                assert c.code_guid in codes
                assert c.coder_guid in users


# -- NVivo: offsets in UTF-16 units, CRLF counted as 2 ----------------------------------------


@pytest.mark.parametrize("name", NVIVO_CODED)
def test_nvivo_offsets_are_read_as_utf16_units(name: str) -> None:
    assert project(name).offset_rule == UTF16.label


@pytest.mark.parametrize("name", NVIVO_CODED)
def test_nvivo_selections_fall_on_word_boundaries(name: str) -> None:
    bad, total = misaligned_endpoints(project(name))
    # Three endpoints in the Hungarian study really are mid-word (the coder's choice; the
    # same three come out in both the Mac and the Windows export).
    assert total > 0
    assert bad <= 4, f"{bad} of {total} endpoints inside a word"


def test_reading_nvivo_offsets_naively_would_misalign(tmp_path: Path) -> None:
    """The check above has teeth: the same file read as code points falls apart."""
    src = real_file("nvivo-win-12.6-hungarian-crlf-bom.qdpx")
    root = raw_xml(src)
    with zipfile.ZipFile(src) as zf:
        text = normalise_text(zf.read("Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt").decode())
    bad = 0
    for sel in root.xpath("//q:PlainTextSelection", namespaces=NS):
        for attr in ("startPosition", "endPosition"):
            bad += inside_word(text, int(sel.get(attr)))
    assert bad > 100


def test_mac_emoji_selections_are_aligned() -> None:
    p = project("nvivo-mac-12.7-hungarian-emoji.qdpx")
    # Three 🤣 precede this selection in the text; it holds two 😡 itself.
    assert selection(p, "84f98b7a-541d-400b-b9a8-199e4a0bd2a4") == (
        "Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣"
    )
    assert selection(p, "8bcf8be9-b485-4300-9e50-34fc9cf1f41b") == "Nem tehetik kötelezővé! 😡😡"
    # 79 emoji before this one: each would shift it by one if counted as one position.
    assert selection(p, "1b55e88a-ac40-41d1-99ef-cec5b4dc3f69") == (
        "CDC announces 79% of all U.S. omicron cases have occurred in vaccinated individuals"
    )
    assert selection(p, "f6b69f64-15e8-4ca2-b743-8e418deb9844") == (
        "Az oltás erősebb, le is győzi az immunrendszert."
    )


def test_windows_crlf_bom_selections_are_aligned() -> None:
    p = project("nvivo-win-12.6-hungarian-crlf-bom.qdpx")
    source = next(s for s in p.sources if s.selections)
    assert "\r" not in source.text and not source.text.startswith("\ufeff")
    # After 79 emoji and 1,990 CRLF line ends.
    assert selection(p, "246304c5-80c1-46cd-99dd-ae1dc1e49017") == (
        "CDC announces 79% of all U.S. omicron cases have occurred in vaccinated individuals"
    )
    assert selection(p, "00f0cbf5-ea21-46d7-a0dd-ae1dc300b366") == "Nem tehetik kötelezővé! 😡😡"
    assert selection(p, "bb40285a-6464-4e26-84dd-ae1dc2884285") == (
        "Az oltás erősebb, le is győzi az immunrendszert."
    )


def test_windows_small_selections_are_aligned() -> None:
    p = project("nvivo-win-12.6-small.qdpx")
    assert selection(p, "7b3c3431-07e3-4ec8-b5dd-a919049b9922") == (
        "Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣"
    )
    text = selection(p, "608237ec-ce64-47bc-96dd-a91d7184b712")
    assert text.startswith("Természetesen a transzhumanista ügynök szándékosan nem beszél")
    assert text.endswith("https://www.youtube.com/watch?v=cxUp2aWkEnk&t=454s")
    assert len(text) == 21164 - 19326


def test_mac_and_windows_exports_of_the_same_study_agree() -> None:
    mac = coded_passages(project("nvivo-mac-12.7-hungarian-emoji.qdpx"))
    win = coded_passages(project("nvivo-win-12.6-hungarian-crlf-bom.qdpx"))
    # Every passage coded in the Mac export is coded with the same code and the same text
    # in the Windows export; the Windows one has six more, on selections Gergo added later.
    assert mac - win == Counter()
    assert sum((win - mac).values()) == 6
    texts_mac = {t for _, _, t in mac}
    texts_win = {t for _, _, t in win}
    assert texts_mac <= texts_win


def test_the_two_exports_normalise_to_the_same_text() -> None:
    mac = project("nvivo-mac-12.7-hungarian-emoji.qdpx")
    win = project("nvivo-win-12.6-hungarian-crlf-bom.qdpx")
    by_name = {s.name: s.text for s in win.sources}
    for s in mac.sources:
        # The Mac file has one extra trailing newline; nothing else differs.
        assert s.text.rstrip("\n") == by_name[s.name].rstrip("\n")


def test_nvivo_repeated_ranges_are_merged_into_one_selection() -> None:
    p = project("nvivo-win-12.6-small.qdpx")
    (source,) = p.sources
    assert len(source.selections) == 20
    sel = next(
        s
        for s in source.selections
        if s.guid == "608237ec-ce64-47bc-96dd-a91d7184b712"
        or "608237ec-ce64-47bc-96dd-a91d7184b712" in s.merged_from
    )
    assert len(sel.codings) == 1 + len(sel.merged_from) == 4
    assert len({c.code_guid for c in sel.codings}) == 4


def test_nvivo_detection_does_not_need_the_origin(tmp_path: Path) -> None:
    """With the origin attribute removed, the boundary check still finds UTF-16 + CRLF."""
    src = real_file("nvivo-win-12.6-hungarian-crlf-bom.qdpx")
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["project.qde"] = re.sub(
        rb'origin="[^"]*"', b'origin="Some Tool 1.0"', members["project.qde"], count=1
    )
    blind = read_qdpx(make_zip(tmp_path / "blind.qdpx", members))
    assert blind.offset_rule == UTF16.label
    assert blind == project("nvivo-win-12.6-hungarian-crlf-bom.qdpx")


def test_nvivo_texts_come_from_plain_text_not_docx() -> None:
    p = project("nvivo-mac-12.7-hungarian-emoji.qdpx")
    for s in p.sources:
        assert s.text.startswith("video_id\nvideo_title\n")


def test_nvivo_users_and_descriptions() -> None:
    p = project("nvivo-win-12.6-small.qdpx")
    assert sorted(u.name for u in p.users) == ["Gergo", "floriansipos"]
    first = p.codes[0]
    assert first.name == "1. Perceived Susceptibility – Észlelt fogékonyság"
    assert first.description == (
        "Az emberek akkor hajlandók cselekedni, ha hisznek abban, hogy ők is veszélyben "
        "vannak (Rosenstock, 1974)."
    )
    assert [c.name for c in first.children] == [
        "alacsony fogékonyság",
        "csoportszintű fogékonyság",
        "teljes tagadás",
    ]
    mac = project("nvivo-mac-12.7-hungarian-emoji.qdpx")
    assert [c.color for c in mac.all_codes() if c.color] == ["#00FF7F"]


def test_nvivo_codebook_only_project_nests_seven_deep() -> None:
    p = project("nvivo-mac-15-codebook-only.qdpx")

    assert max(depth(c) for c in p.codes) == 7
    assert all(s.selections == [] for s in p.sources)


# -- qc and ATLAS.ti ---------------------------------------------------------------------------


def test_qc_offspec_paths_and_line_selections() -> None:
    p = project("qc-1.3.2-offspec-paths.qdpx")
    assert p.offset_rule == CODEPOINTS.label
    assert [s.name for s in p.sources] == ["board_2017", "admin-1"]
    board = p.sources[0]
    assert len(board.text) == 52543
    # qc codes whole lines: every selection starts after a line end and ends with one.
    for sel in board.selections:
        assert sel.start == 0 or board.text[sel.start - 1] == "\n"
        assert board.text[sel.end - 1] == "\n"
    assert selection(p, "37323865-3734-6533-3337-623138653238") == (
        "This district goal is engage every student in joyful, purposeful learning that \n"
    )
    assert max(len(sel.codings) for sel in board.selections) > 1


def test_atlasti_projects() -> None:
    p = project("atlasti-23-three-codes.qdpx")
    assert p.name == "target-atlas-project"
    assert [c.name for c in p.all_codes()] == [
        "Commits",
        "2022-05-10T02:05:59Z 19e4dce",
        "2022-02-11T10:39:25Z cdbfd92",
    ]
    # GUIDs are upper case in the file, canonical lower case in the model.
    assert p.codes[0].guid == "a182cd3a-d83c-4d8c-bc80-26d9103ec6d6"
    users = project("atlasti-23-users-only.qdpx").users
    assert [u.name for u in users] == ["Enric Llagostera", "ATLAS.ti"]


def test_spec_codebook() -> None:
    path = real_file("spec-annex-a1-codebook.qdc")
    root = etree.parse(str(path)).getroot()
    assert int(root.xpath("count(//c:Code)", namespaces={"c": "urn:QDA-XML:codebook:1.0"})) == 2
    (topics,) = read_qdc(path)
    assert topics.guid == "5215cc69-b628-4e02-afb9-9beeaee55808"  # braces dropped
    assert topics.name == "Topics" and topics.is_codable is False
    (economy,) = topics.children
    assert economy.color == "#FFFF00"
    assert economy.description == "Anything about jobs or taxes or business"
    assert economy.is_codable is True
    assert validate(path, "codebook") == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_code_descriptions_match_the_xml(name: str) -> None:
    root = raw_xml(real_file(name))
    described = root.xpath("//q:Code/q:Description[normalize-space()]", namespaces=NS)
    p = project(name)
    assert sum(1 for c in p.all_codes() if c.description) == len(described)
    by_guid = {c.guid: c.description for c in p.all_codes()}
    for el in described:
        guid = el.getparent().get("guid").strip("{}").lower()
        assert by_guid[guid] == el.text.replace("\r\n", "\n")


def test_hungarian_codebook_is_four_levels_deep() -> None:
    for name in NVIVO_CODED[:2]:
        assert max(depth(c) for c in project(name).codes) == 4


def test_pyqdpx_rewritten_nvivo_project() -> None:
    """pyqdpx (its own write test) added a coder with 27 codings to the Windows export and
    moved four selection ends, writing NVivo's units: every one lands on whole comments."""
    p = project("pyqdpx-nvivo-win-12.6-rewritten.qdpx")
    assert p.offset_rule == UTF16.label
    users = {u.guid: u.name for u in p.users}
    added = [(s.text, sel) for s in p.sources for sel in s.selections
             if any(users[c.coder_guid] == "test_user" for c in sel.codings)]
    assert sum(len(sel.codings) for _, sel in added) == 27
    for text, sel in added:
        assert text[sel.start - 1] == "\n" and text[sel.end] == "\n"
    # A moved end (50700 in the file's units: UTF-16, CRLF = 2) closes the comment's line,
    # emoji and all; NVivo's own end was one later, past the line break.
    moved = selection(p, "3c23e29e-8f82-4fae-88dd-ae1f25876826")
    assert moved.endswith("És milyen igazad lett!☝️👌👍👍👍")
    assert selection(project("nvivo-win-12.6-hungarian-crlf-bom.qdpx"),
                     "3c23e29e-8f82-4fae-88dd-ae1f25876826") == moved + "\n"
