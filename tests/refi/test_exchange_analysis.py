"""Variables, cases and sets through REFI-QDA: into the analysis tables and back out.

The real NVivo export carries none of them, so the project made from it is given cases,
attributes and sets the way a user does (the services the CLI calls), exported, checked
against the schema, and read back into a new project; a hand-made file carries them the
ways producers write them (typed values on sources and cases, a case coded on a code, a
set of codes, of sources, of both, with a note).
"""

import zipfile
from pathlib import Path

from lxml import etree
from refi_helpers import CODE, SOURCE, USER, make_zip, real_file, selection_xml
from sqlalchemy import select

from annotator.cli import main
from annotator.io.refi import read_qdpx, validate
from annotator.services.attributes import define_attribute, list_attributes, set_value
from annotator.services.cases import create_case, list_cases
from annotator.services.documents import list_documents
from annotator.services.exchange import export_refi, new_project_from_qdpx
from annotator.services.workshop import merge_copy
from annotator.store.models import (
    Code,
    CodeSet,
    CodeSetMember,
    Document,
    DocumentSet,
    DocumentSetMember,
    Meta,
)
from annotator.store.project import Project

Q = {"q": "urn:QDA-XML:project:1.0"}
VAR_AGE = "a0000000-0000-4000-8000-000000000001"
VAR_FLAG = "a0000000-0000-4000-8000-000000000002"
VAR_WHEN = "a0000000-0000-4000-8000-000000000003"
VAR_ROLE = "a0000000-0000-4000-8000-000000000004"
CASE = "c0000000-0000-4000-8000-000000000001"
SET_CODES = "e0000000-0000-4000-8000-000000000001"
SET_DOCS = "e0000000-0000-4000-8000-000000000002"
SET_BOTH = "e0000000-0000-4000-8000-000000000003"
SOURCE2 = "33333333-3333-4333-8333-333333333334"


def _sets(p: Project) -> dict[str, tuple[str, list[str]]]:
    """Set name → (kind, member names), as the tables hold them."""
    out: dict[str, tuple[str, list[str]]] = {}
    with p.read() as s:
        for table, member, key, things, kind in (
            (CodeSet, CodeSetMember, "code_id", Code, "codes"),
            (DocumentSet, DocumentSetMember, "document_id", Document, "documents"),
        ):
            for row in s.scalars(select(table)):
                names = sorted(s.scalars(
                    select(things.name).join(member, getattr(member, key) == things.id)
                    .where(member.set_id == row.id)))
                out[f"{kind}:{row.name}"] = (row.guid, names)
    return out


def _analysis(p: Project) -> tuple:
    attrs = sorted((a.name, a.scope, a.type, sorted(a.values.items()))
                   for a in list_attributes(p))
    cases = sorted((c.name, sorted(c.documents)) for c in list_cases(p))
    return attrs, cases, {k: v[1] for k, v in _sets(p).items()}


def test_cases_attributes_and_sets_of_a_real_nvivo_project_go_out_and_back(
        tmp_path: Path) -> None:
    nvivo = real_file("nvivo-win-12.6-small.qdpx")
    p, _ = new_project_from_qdpx(tmp_path / "nvivo.annotator", nvivo)
    with p:
        [doc] = [d.name for d in list_documents(p)]
        create_case(p, "受访者 甲", [doc])
        create_case(p, "受访者 乙")
        define_attribute(p, "年龄", "document", "number")
        set_value(p, "年龄", doc, "42")
        define_attribute(p, "权重", "document", "number")
        set_value(p, "权重", doc, "0.75")
        define_attribute(p, "访谈日期", "document", "date")
        set_value(p, "访谈日期", doc, "2024-05-01")
        define_attribute(p, "性别", "case", "category", ["女", "男"])
        set_value(p, "性别", "受访者 甲", "女", scope="case")
        define_attribute(p, "已转录", "case", "category", ["true", "false"])
        set_value(p, "已转录", "受访者 乙", "false", scope="case")
        with p.write() as s:
            codes = s.scalars(select(Code).order_by(Code.id).limit(3)).all()
            group = CodeSet(guid="f0000000-0000-4000-8000-000000000001", name="风险认知",
                            memo="组的说明")
            docs = DocumentSet(guid="f0000000-0000-4000-8000-000000000002", name="第一轮")
            s.add_all([group, docs])
            s.flush()
            s.add_all([CodeSetMember(set_id=group.id, code_id=c.id) for c in codes])
            s.add(DocumentSetMember(set_id=docs.id,
                                    document_id=s.scalar(select(Document.id))))
        before = _analysis(p)
        notes = export_refi(p, out := tmp_path / "带个案.qdpx")
    assert notes == []
    assert validate(out) == []
    root = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
    kinds = {v.get("name"): v.get("typeOfVariable")
             for v in root.xpath("//q:Variable", namespaces=Q)}
    assert kinds == {"年龄": "Integer", "权重": "Float", "访谈日期": "Date", "性别": "Text",
                     "已转录": "Boolean"}
    assert root.xpath("//q:TextSource/q:VariableValue/q:IntegerValue/text()",
                      namespaces=Q) == ["42"]
    assert root.xpath("//q:Case[@name='受访者 乙']/q:VariableValue/q:BooleanValue/text()",
                      namespaces=Q) == ["false"]

    back, report = new_project_from_qdpx(tmp_path / "back.annotator", out)
    # REFI has no category type: a category other than true/false comes back as text.
    attrs, cases, sets = before
    expected = ([(n, sc, "text" if n == "性别" else ty, v) for n, sc, ty, v in attrs], cases, sets)
    with back:
        assert _analysis(back) == expected
        assert _sets(back)["codes:风险认知"][0] == "f0000000-0000-4000-8000-000000000001"
    assert "5 attribute(s), 2 case(s) and 2 set(s) were imported" in [
        n.render("en") for n in report.notes]


def _producer_file(tmp_path: Path, name: str = "cases.qdpx") -> Path:
    """Variables, cases and sets as NVivo, QualCoder and ATLAS.ti write them."""
    sources = (
        f'<Sources><TextSource guid="{SOURCE}" name="访谈一" plainTextPath="internal://{SOURCE}.txt">'
        f"{selection_xml('44444444-4444-4444-8444-444444444401', 0, 2)}"
        f'<VariableValue><VariableRef targetGUID="{VAR_AGE}"/><IntegerValue>35</IntegerValue>'
        "</VariableValue>"
        f'<VariableValue><VariableRef targetGUID="{VAR_WHEN}"/>'
        "<DateTimeValue>2024-03-02T10:00:00Z</DateTimeValue></VariableValue>"
        f'<VariableValue><VariableRef targetGUID="{VAR_ROLE}"/><TextValue>居民</TextValue>'
        "</VariableValue>"
        "</TextSource>"
        f'<TextSource guid="{SOURCE2}" name="访谈二" plainTextPath="internal://{SOURCE2}.txt">'
        f'<VariableValue><VariableRef targetGUID="{VAR_AGE}"/><IntegerValue>三十</IntegerValue>'
        "</VariableValue></TextSource>"
        '<PictureSource guid="99999999-9999-4999-8999-999999999999" name="照片" '
        'path="internal://photo.jpg"/>'
        "</Sources>"
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="个案" origin="NVivo for Windows 14">'
        f'<Users><User guid="{USER}" name="ann"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="信任" isCodable="true"/></Codes></CodeBook>'
        "<Variables>"
        f'<Variable guid="{VAR_AGE}" name="年龄" typeOfVariable="Integer"/>'
        f'<Variable guid="{VAR_FLAG}" name="党员" typeOfVariable="Boolean">'
        "<Description>是否党员</Description></Variable>"
        f'<Variable guid="{VAR_WHEN}" name="访谈时间" typeOfVariable="DateTime"/>'
        f'<Variable guid="{VAR_ROLE}" name="身份" typeOfVariable="Text"/>'
        "</Variables>"
        "<Cases>"
        f'<Case guid="{CASE}" name="王阿姨"><Description>社区老住户</Description>'
        f'<CodeRef targetGUID="{CODE}"/>'
        '<SelectionRef targetGUID="44444444-4444-4444-8444-444444444401"/>'
        f'<VariableValue><VariableRef targetGUID="{VAR_FLAG}"/><BooleanValue>1</BooleanValue>'
        "</VariableValue>"
        f'<VariableValue><VariableRef targetGUID="{VAR_ROLE}"/><TextValue>党员志愿者</TextValue>'
        "</VariableValue>"
        f'<SourceRef targetGUID="{SOURCE}"/><SourceRef targetGUID="{SOURCE2}"/>'
        '<SourceRef targetGUID="99999999-9999-4999-8999-999999999999"/></Case>'
        "</Cases>"
        f"{sources}"
        "<Sets>"
        f'<Set guid="{SET_CODES}" name="信任类"><MemberCode targetGUID="{CODE}"/></Set>'
        f'<Set guid="{SET_DOCS}" name="第一批"><Description>三月</Description>'
        f'<MemberSource targetGUID="{SOURCE}"/><MemberSource targetGUID="{SOURCE2}"/></Set>'
        f'<Set guid="{SET_BOTH}" name="混合"><MemberCode targetGUID="{CODE}"/>'
        f'<MemberSource targetGUID="{SOURCE2}"/>'
        '<MemberNote targetGUID="77777777-7777-4777-8777-777777777777"/></Set>'
        "</Sets></Project>"
    )
    return make_zip(tmp_path / name, {"project.qde": xml, f"sources/{SOURCE}.txt": "居民信任社区",
                                      f"sources/{SOURCE2}.txt": "第二份访谈"})


def test_variables_cases_and_sets_as_producers_write_them(tmp_path: Path, capsys) -> None:
    qdpx = _producer_file(tmp_path)
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx)]) == 0
    err = capsys.readouterr().err
    with Project.open(tmp_path / "p.annotator") as p:
        attrs = {(a.name, a.scope): (a.type, a.categories, a.values) for a in list_attributes(p)}
        assert attrs == {
            ("年龄", "document"): ("number", [], {"访谈一": "35"}),
            ("访谈时间", "document"): ("date", [], {"访谈一": "2024-03-02"}),
            ("身份", "document"): ("text", [], {"访谈一": "居民"}),
            ("身份", "case"): ("text", [], {"王阿姨": "党员志愿者"}),
            ("党员", "case"): ("category", ["true", "false"], {"王阿姨": "true"}),
        }
        [case] = list_cases(p)
        assert (case.name, sorted(case.documents)) == ("王阿姨", ["访谈一", "访谈二"])
        with p.read() as s:
            assert s.scalar(select(Meta.value).where(Meta.key == "memo")) is None
        sets = _sets(p)
        assert {k: v[1] for k, v in sets.items()} == {
            "codes:信任类": ["信任"], "codes:混合": ["信任"],
            "documents:第一批": ["访谈一", "访谈二"], "documents:混合": ["访谈二"]}
        assert sets["codes:混合"][0] == sets["documents:混合"][0] == SET_BOTH
    for said in (
        "1 value(s) of the variable '年龄' do not fit its type and were not imported",
        "1 document(s) of cases are not in the file's text sources",
        "1 note(s) in sets were not imported",
        "1 picture source(s) were skipped",
        "5 attribute(s), 1 case(s) and 4 set(s) were imported",
    ):
        assert said in err, said
    # the case is coded on a stretch of 访谈一, which it holds whole anyway
    assert "stretch" not in err and "not imported: Annotator's cases" not in err


def test_merge_brings_the_files_cases_attributes_sets_and_says_what_it_skipped(
        tmp_path: Path) -> None:
    qdpx = _producer_file(tmp_path)
    p, _ = new_project_from_qdpx(tmp_path / "team.annotator", qdpx)
    p.close()
    with Project.create(tmp_path / "target.annotator", "目标") as target:
        report = merge_copy(target, qdpx)
        assert sorted((c.name, sorted(c.documents)) for c in list_cases(target)) == [
            ("王阿姨", ["访谈一", "访谈二"])]
        assert {(a.name, a.scope) for a in list_attributes(target)} == {
            ("年龄", "document"), ("访谈时间", "document"), ("身份", "document"),
            ("身份", "case"), ("党员", "case")}
        assert len(_sets(target)) == 4
        # Merging the same file again adds nothing new.
        merge_copy(target, qdpx)
        assert len(list_cases(target)) == 1 and len(list_attributes(target)) == 5
    assert "1 picture source(s) were skipped: only text sources can be imported." in report.notes
    assert any("5 attribute(s), 1 case(s) and 4 set(s)" in n for n in report.notes)


def test_a_project_journal_comes_in_under_merge_too(tmp_path: Path) -> None:
    journal = ('<Notes><Note guid="77777777-7777-4777-8777-777777777777" name="研究日志" '
               'creationDateTime="2024-01-01T00:00:00Z"><PlainTextContent>第一天：进入社区'
               "</PlainTextContent></Note></Notes><Description>项目说明</Description>")
    from refi_helpers import project_xml  # the one-source project, with notes after Sources

    qdpx = make_zip(tmp_path / "j.qdpx", {
        "project.qde": project_xml(selection_xml("44444444-4444-4444-8444-444444444401", 0, 5),
                                   notes=journal),
        f"sources/{SOURCE}.txt": "hello world"})
    with Project.create(tmp_path / "t.annotator", "t") as target:
        report = merge_copy(target, qdpx)
        with target.read() as s:
            memo = s.scalar(select(Meta.value).where(Meta.key == "memo"))
    assert memo == "项目说明\n\n研究日志\n第一天：进入社区"
    assert "1 free-standing notes were added to the project memo" in report.notes


def test_exported_sets_and_cases_refer_only_to_what_is_exported(tmp_path: Path) -> None:
    qdpx = _producer_file(tmp_path)
    p, _ = new_project_from_qdpx(tmp_path / "p.annotator", qdpx)
    with p:
        export_refi(p, out := tmp_path / "again.qdpx")
    assert validate(out) == []
    back = read_qdpx(out)
    assert {s.name: (len(s.code_guids), len(s.source_guids)) for s in back.sets} == {
        "信任类": (1, 0), "第一批": (0, 2), "混合": (1, 1)}
    assert [(c.name, c.description, len(c.source_guids)) for c in back.cases] == [
        ("王阿姨", "社区老住户", 2)]


def test_a_nameless_case_on_one_source_carries_that_sources_values(tmp_path: Path) -> None:
    """MAXQDA and Quirkos write a document's variables in a <Case> without a name."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="m" origin="MAXQDA 24">'
        f'<Variables><Variable guid="{VAR_AGE}" name="Alter" typeOfVariable="Float"/>'
        "</Variables>"
        f'<Cases><Case guid="{CASE}"><VariableValue><VariableRef targetGUID="{VAR_AGE}"/>'
        f'<FloatValue>0.00001</FloatValue></VariableValue><SourceRef targetGUID="{SOURCE}"/>'
        "</Case></Cases>"
        f'<Sources><TextSource guid="{SOURCE}" name="Interview" '
        f'plainTextPath="internal://{SOURCE}.txt"/></Sources></Project>'
    )
    qdpx = make_zip(tmp_path / "maxqda.qdpx", {"project.qde": xml,
                                               f"sources/{SOURCE}.txt": "Text"})
    p, _ = new_project_from_qdpx(tmp_path / "m.annotator", qdpx)
    with p:
        assert list_cases(p) == []
        [attr] = list_attributes(p)
        assert (attr.name, attr.scope, attr.type, attr.values) == (
            "Alter", "document", "number", {"Interview": "1e-05"})
        export_refi(p, out := tmp_path / "back.qdpx")
    # Written back as a decimal, which is all xsd:decimal allows.
    assert validate(out) == []
    root = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
    assert root.xpath("//q:FloatValue/text()", namespaces=Q) == ["0.00001"]
    # The same file merged into that project again: the variable, now on the documents,
    # meets its own attribute, nothing doubles.
    with Project.open(tmp_path / "m.annotator") as again:
        merge_copy(again, qdpx)
        assert [(a.name, a.scope) for a in list_attributes(again)] == [("Alter", "document")]


def test_a_variable_met_again_on_cases_becomes_a_case_attribute(tmp_path: Path) -> None:
    p, _ = new_project_from_qdpx(tmp_path / "p.annotator", _producer_file(tmp_path))
    p.close()
    xml = zipfile.ZipFile(_producer_file(tmp_path, "again.qdpx")).read("project.qde").decode()
    # The age now sits on the case only, not on the sources.
    for value in ("35", "三十"):
        xml = xml.replace(f'<VariableValue><VariableRef targetGUID="{VAR_AGE}"/>'
                          f"<IntegerValue>{value}</IntegerValue></VariableValue>", "")
    xml = xml.replace(f'<VariableRef targetGUID="{VAR_FLAG}"/><BooleanValue>1</BooleanValue>',
                      f'<VariableRef targetGUID="{VAR_AGE}"/><IntegerValue>70</IntegerValue>')
    later = make_zip(tmp_path / "later.qdpx", {
        "project.qde": xml, f"sources/{SOURCE}.txt": "居民信任社区",
        f"sources/{SOURCE2}.txt": "第二份访谈"})
    with Project.open(tmp_path / "p.annotator") as again:
        merge_copy(again, later)
        ages = {a.scope: a.values for a in list_attributes(again) if a.name == "年龄"}
    assert ages == {"document": {"访谈一": "35"}, "case": {"王阿姨": "70"}}
