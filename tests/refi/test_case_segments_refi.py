"""Cases coded on stretches of text (a focus group's speakers) through REFI-QDA.

Out: valid against the schema, each speaker's turns read by QualCoder's own importer as
that case's text (NVivo's convention: a code with the case's GUID), and back in Annotator
as the same segments with no extra code. In: a ``<Case>``'s ``<CodeRef>`` (every selection
of that code), ``<SelectionRef>`` (one selection, coded or not) and NVivo's code with the
case's GUID become the case's segments on the right text — by ``new --from`` and by
``merge`` alike — and what points at nothing is counted in the report.
"""

import re
import zipfile
from pathlib import Path

from lxml import etree
from refi_helpers import CODE, SOURCE, USER, make_zip
from test_qualcoder import _qualcoder, _rows

from annotator.cli import main
from annotator.io.refi import read_qdpx, validate
from annotator.services import cases
from annotator.services.codebook import add_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document
from annotator.services.exchange import export_refi, new_project_from_qdpx
from annotator.services.projects import new_project
from annotator.services.workshop import merge_copy
from annotator.store.project import Project

Q = {"q": "urn:QDA-XML:project:1.0"}
TRANSCRIPT = ("主持人：请大家谈谈对社区的信任。\n"
              "张阿姨：我信任居委会，他们办事公道😀。但是补贴发放太慢。\n"
              "李师傅：我不太信任物业，收费不透明。补贴的事也没人管。\n"
              "张阿姨：后来党支部来了，红色物业让大家放心。\n")
CASE_A = "c0000000-0000-4000-8000-00000000000a"
CASE_B = "c0000000-0000-4000-8000-00000000000b"
CASE_C = "c0000000-0000-4000-8000-00000000000c"
SPEAKER = "d0000000-0000-4000-8000-000000000001"
SEL_CODED = "e0000000-0000-4000-8000-000000000001"
SEL_PLAIN = "e0000000-0000-4000-8000-000000000002"
SEL_CASE = "e0000000-0000-4000-8000-000000000003"
MISSING = "f0000000-0000-4000-8000-000000000009"


def turns(speaker: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(f"^{speaker}：.*$", TRANSCRIPT, re.M)]


def _focus_group(path: Path) -> Project:
    """Two speakers, each a case coded on their turns; a code on one passage; a third
    case holding the whole document."""
    p = new_project(path, "empty")
    doc = add_document(p, "座谈", TRANSCRIPT)
    coder = ensure_coder(p, "alice").id
    trust = add_code(p, "信任").id
    start = TRANSCRIPT.index("我信任居委会")
    code_span(p, doc.id, start, start + 6, trust, coder)
    for speaker in ("张阿姨", "李师傅"):
        cases.create_case(p, speaker)
        for a, b in turns(speaker):
            cases.code_segment(p, speaker, "座谈", a, b)
    cases.create_case(p, "整场", ["座谈"])
    return p


def _held(p: Project) -> dict[str, tuple[list[str], dict]]:
    return {c.name: (c.documents, c.segments) for c in cases.list_cases(p)}


def test_case_segments_go_out_valid_and_qualcoder_reads_them_as_case_text(
        tmp_path: Path) -> None:
    with _focus_group(tmp_path / "焦点小组.annotator") as p:
        before = _held(p)
        coded = sorted((g.code_path, g.text) for g in segments(p))
        export_refi(p, out := tmp_path / "focus.qdpx")
    assert validate(out) == []
    root = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
    case = root.xpath("//q:Case[@name='张阿姨']", namespaces=Q)[0]
    assert case.xpath("q:CodeRef/@targetGUID", namespaces=Q) == [case.get("guid")]

    _qualcoder("import", out, qc := tmp_path / "qc.qda")
    texts = _rows(qc, "select cases.name, pos0, pos1 from case_text "
                      "join cases on cases.caseid = case_text.caseid order by pos0")
    assert texts == sorted([("张阿姨", a, b) for a, b in turns("张阿姨")]
                           + [("李师傅", a, b) for a, b in turns("李师傅")],
                           key=lambda row: row[1])
    # QualCoder's positions count code points too: each stretch is the speaker's turn
    assert all(TRANSCRIPT[a:b].startswith(name + "：") for name, a, b in texts)
    assert _rows(qc, "select name from code_name") == [("信任",)]
    assert _rows(qc, "select seltext from code_text") == [("我信任居委会",)]

    back, report = new_project_from_qdpx(tmp_path / "back.annotator", out)
    with back:
        assert _held(back) == before
        assert sorted((g.code_path, g.text) for g in segments(back)) == coded
    said = [n.render("en") for n in report.notes]
    assert "3 stretch(es) of text coded to cases came in as the cases' segments" in said
    assert any("code(s) have the GUID of a case" in n for n in said)


def _producer_file(tmp_path: Path) -> Path:
    """Cases coded on text as producers write them: 张阿姨 by a <CodeRef> to a code of
    its own (SPEAKER) and by a <SelectionRef> to an uncoded selection; 李师傅 the NVivo
    way (a code with the case's GUID); 王主任 by references that point at nothing."""
    (a1, b1), (a2, b2) = turns("张阿姨")
    [(a3, b3)] = turns("李师傅")
    trust = TRANSCRIPT.index("我信任居委会")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="座谈" origin="NVivo 14">'
        f'<Users><User guid="{USER}" name="ann"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="信任" isCodable="true"/>'
        f'<Code guid="{SPEAKER}" name="发言人" isCodable="true"/>'
        f'<Code guid="{CASE_B}" name="李师傅" isCodable="true"/></Codes></CodeBook>'
        "<Cases>"
        f'<Case guid="{CASE_A}" name="张阿姨"><CodeRef targetGUID="{SPEAKER}"/>'
        f'<SelectionRef targetGUID="{SEL_PLAIN}"/></Case>'
        f'<Case guid="{CASE_B}" name="李师傅"/>'
        f'<Case guid="{CASE_C}" name="王主任"><CodeRef targetGUID="{MISSING}"/>'
        f'<SelectionRef targetGUID="{MISSING}"/></Case>'
        "</Cases>"
        f'<Sources><TextSource guid="{SOURCE}" name="座谈" plainTextPath="internal://{SOURCE}.txt">'
        f'<PlainTextSelection guid="{SEL_CODED}" startPosition="{a1}" endPosition="{b1}">'
        f'<Coding guid="{SEL_CODED[:-4]}eeee" creatingUser="{USER}">'
        f'<CodeRef targetGUID="{SPEAKER}"/></Coding></PlainTextSelection>'
        f'<PlainTextSelection guid="{SEL_PLAIN}" startPosition="{a2}" endPosition="{b2}"/>'
        f'<PlainTextSelection guid="{SEL_CASE}" startPosition="{a3}" endPosition="{b3}">'
        f'<Coding guid="{SEL_CASE[:-4]}eeee" creatingUser="{USER}">'
        f'<CodeRef targetGUID="{CASE_B}"/></Coding></PlainTextSelection>'
        f'<PlainTextSelection guid="{SEL_CODED[:-4]}0004" startPosition="{trust}" '
        f'endPosition="{trust + 6}"><Coding guid="{SEL_CODED[:-4]}ffff" '
        f'creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources></Project>"
    )
    return make_zip(tmp_path / "producer.qdpx",
                    {"project.qde": xml, f"sources/{SOURCE}.txt": TRANSCRIPT})


def _texts(p: Project) -> dict[str, list[str]]:
    return {name: [TRANSCRIPT[a:b] for a, b in segs.get("座谈", [])]
            for name, (_, segs) in _held(p).items()}


def _expected() -> dict[str, list[str]]:
    return {"张阿姨": [TRANSCRIPT[a:b] for a, b in turns("张阿姨")],
            "李师傅": [TRANSCRIPT[a:b] for a, b in turns("李师傅")], "王主任": []}


def test_cases_coded_on_codes_and_selections_come_in_on_the_right_text(
        tmp_path: Path, capsys) -> None:
    qdpx = _producer_file(tmp_path)
    assert validate(qdpx) == []
    refi = read_qdpx(qdpx)
    assert [c.name for c in refi.codes] == ["信任", "发言人"]  # 李师傅 is a case, not a code
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx)]) == 0
    err = capsys.readouterr().err
    with Project.open(tmp_path / "p.annotator") as p:
        assert _texts(p) == _expected()
        # the code the case was coded on stays a code with its coding; the case's own
        # stand-in code does not
        assert sorted((g.code_path, g.text) for g in segments(p)) == [
            ("信任", "我信任居委会"), ("发言人", TRANSCRIPT[slice(*turns("张阿姨")[0])])]
    assert "3 stretch(es) of text coded to cases came in as the cases' segments" in err
    assert "2 reference(s) of cases to codes or selections the file does not hold" in err
    assert "1 code(s) have the GUID of a case" in err


def test_merge_brings_the_case_segments_once(tmp_path: Path) -> None:
    qdpx = _producer_file(tmp_path)
    with new_project(tmp_path / "target.annotator", "empty") as target:
        add_document(target, "座谈", TRANSCRIPT)
        report = merge_copy(target, qdpx)
        assert report.ok, report.error
        assert _texts(target) == _expected()
        assert any("3 stretch(es) of text coded to cases" in n for n in report.notes)
        assert any("2 reference(s) of cases" in n for n in report.notes)
        again = merge_copy(target, qdpx)
        assert _texts(target) == _expected()
        assert not any("stretch(es)" in n for n in again.notes)


def test_a_stretch_that_is_the_whole_document_makes_the_case_hold_it(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="Test">'
        f'<Users><User guid="{USER}" name="ann"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="信任" isCodable="true"/></Codes></CodeBook>'
        f'<Cases><Case guid="{CASE_A}" name="全文"><SelectionRef targetGUID="{SEL_PLAIN}"/>'
        "</Case></Cases>"
        f'<Sources><TextSource guid="{SOURCE}" name="座谈" plainTextPath="internal://{SOURCE}.txt">'
        f'<PlainTextSelection guid="{SEL_PLAIN}" startPosition="0" '
        f'endPosition="{len(TRANSCRIPT)}"/></TextSource></Sources></Project>'
    )
    qdpx = make_zip(tmp_path / "whole.qdpx",
                    {"project.qde": xml, f"sources/{SOURCE}.txt": TRANSCRIPT})
    p, _ = new_project_from_qdpx(tmp_path / "w.annotator", qdpx)
    with p:
        assert _held(p) == {"全文": (["座谈"], {})}
