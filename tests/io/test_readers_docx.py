"""Word .docx: real LibreOffice exports, hand-built XML for the hard cases, bad files."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from annotator.io.readers import read_document, zipguard
from tests.io.helpers import FIXTURES, SEED_TEXT, refused

#: structure.fodt → structure.docx by LibreOffice 7.4 (see fixtures/README.md).
STRUCTURE_TEXT = """访谈记录 Interview notes
第一段：社区党组织很重要[1]。
两个  空格与制表\t符，换行
之后。
批注之外。删除之后，新增的文字。
链接 示例网站 与尾注[i]。
扩展字符 𠮷 与表情 😀。
项目一
项目二
第一步
第二步
编码\t定义\t例子
协调\t多主体协同 第二行\t联席会议
文本框：结束。
文本框里的文字
第 1 页，日期 24年5月1日。

——— 脚注 Footnotes ———
[1] 脚注内容：来源于访谈。

——— 尾注 Endnotes ———
[i] 尾注内容。"""

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def docx_with_body(path: Path, body_xml: str) -> Path:
    """A real .docx (python-docx's template) whose body is ``body_xml``."""
    document = Document()
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section:
            body.remove(child)
    for child in list(parse_xml(f"<w:body {NS}>{body_xml}</w:body>")):
        section.addprevious(child)
    document.save(str(path))
    return path


def p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'




def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


# --- real documents ---------------------------------------------------------------------


def test_seed_paper_docx_has_the_text_of_the_txt() -> None:
    document = read_document(FIXTURES / "seed-paper-zh.docx")
    assert document.text == SEED_TEXT
    assert document.source_format == "docx"
    assert document.encoding is None
    assert document.warnings == ()


def test_structure_docx_paragraphs_lists_tables_fields_notes() -> None:
    document = read_document(FIXTURES / "structure.docx")
    assert document.text == STRUCTURE_TEXT
    assert "已删除" not in document.text  # tracked deletion
    assert "批注" in document.text and "不应出现" not in document.text  # comment left out
    assert "PAGE" not in document.text and "DATE" not in document.text  # field codes
    assert document.text.count("文本框里的文字") == 1  # choice and fallback read once
    assert "<w:" not in document.text


def test_chinese_file_name_with_spaces_and_upper_case_suffix(tmp_path: Path) -> None:
    path = tmp_path / "访谈 01 终稿.DOCX"
    path.write_bytes((FIXTURES / "seed-paper-zh.docx").read_bytes())
    document = read_document(path)
    assert document.source_name == "访谈 01 终稿.DOCX"
    assert document.source_size == path.stat().st_size
    assert document.text == SEED_TEXT


# --- hand-built XML: what Word writes and LibreOffice does not --------------------------


def test_fields_show_their_result_never_their_code(tmp_path: Path) -> None:
    body = p(
        r("共 ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("12")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + r(" 页；")
        # a field inside another field's code: nothing of either code shows
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + "<w:r><w:instrText> IF </w:instrText></w:r>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("3")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:instrText> = 3 "是" "否" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("是")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        # an index entry: a field with no result
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText> XE "治理" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:fldSimple w:instr=" AUTHOR "><w:r><w:t>张三</w:t></w:r></w:fldSimple>'
    )
    document = read_document(docx_with_body(tmp_path / "f.docx", body))
    assert document.text == "共 12 页；是张三"


def test_hidden_text_tracked_changes_and_moves(tmp_path: Path) -> None:
    body = (
        p(
            r("看得见")
            + r("隐藏", "<w:rPr><w:vanish/></w:rPr>")
            + r("不隐藏", '<w:rPr><w:vanish w:val="0"/></w:rPr>')
            + '<w:ins w:id="1" w:author="A">'
            + r("插入")
            + "</w:ins>"
            + '<w:del w:id="2" w:author="A"><w:r><w:delText>删除</w:delText></w:r></w:del>'
            + '<w:moveFrom w:id="3" w:author="A">'
            + r("移走")
            + "</w:moveFrom>"
            + '<w:moveTo w:id="4" w:author="A">'
            + r("移来")
            + "</w:moveTo>"
        )
        + (
            # a whole paragraph deleted as a tracked change leaves no empty line
            '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr>'
            '<w:del w:id="6" w:author="A"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>'
        )
        + p(r("最后"))
    )
    document = read_document(docx_with_body(tmp_path / "t.docx", body))
    assert document.text == "看得见不隐藏插入移来\n最后"


def test_content_controls_symbols_breaks_and_ruby(tmp_path: Path) -> None:
    body = (
        "<w:sdt><w:sdtPr><w:alias w:val='标题'/></w:sdtPr><w:sdtContent>"
        + p(r("控件里的段落"))
        + "</w:sdtContent></w:sdt>"
        + p(
            r("行内")
            + "<w:sdt><w:sdtPr/><w:sdtContent>"
            + r("控件")
            + "</w:sdtContent></w:sdt>"
            + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Arial" w:char="2605"/>'
            + "<w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/>"
            + "<w:tab/><w:t>D</w:t></w:r>"
            + "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhì</w:t></w:r></w:rt>"
            + "<w:rubyBase><w:r><w:t>治</w:t></w:r></w:rubyBase></w:ruby></w:r>"
        )
    )
    document = read_document(docx_with_body(tmp_path / "c.docx", body))
    assert document.text == "控件里的段落\n行内控件★A-B\nC\n\tD治"


def test_tables_merged_nested_and_in_content_controls(tmp_path: Path) -> None:
    def tc(inner: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"

    nested = "<w:tbl><w:tr>" + tc(p(r("内1"))) + tc(p(r("内2"))) + "</w:tr></w:tbl>"
    body = (
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        + "<w:tr>"
        + tc(p(r("合并两列")), '<w:gridSpan w:val="2"/>')
        + tc(p(r("C")))
        + "</w:tr>"
        + "<w:tr>"
        + tc(p(r("纵向")), '<w:vMerge w:val="restart"/>')
        + tc(p(r("甲")) + p(r("乙")))
        + tc(nested)
        + "</w:tr>"
        + "<w:tr>"
        + tc(p(""), "<w:vMerge/>")
        + tc(p(r("x\ty")))
        + "<w:sdt><w:sdtContent>"
        + tc(p(r("控件单元格")))
        + "</w:sdtContent></w:sdt>"
        + "</w:tr></w:tbl>"
        + p(r("表后"))
    )
    document = read_document(docx_with_body(tmp_path / "t.docx", body))
    assert document.text.split("\n") == [
        "合并两列\tC",
        "纵向\t甲 乙\t内1 内2",
        "\tx y\t控件单元格",
        "表后",
    ]


def test_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    box = p(r("框内文字"))
    body = p(
        r("正文")
        + "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp><wps:txbx>"
        + f"<w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        + "<mc:Fallback><w:pict><v:rect><v:textbox>"
        + f"<w:txbxContent>{box}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>"
        + "</mc:AlternateContent></w:r>"
        + r("继续")
    )
    document = read_document(docx_with_body(tmp_path / "b.docx", body))
    assert document.text == "正文继续\n框内文字"


def test_paragraph_with_only_spaces_keeps_them(tmp_path: Path) -> None:
    body = p(r("  ")) + p(r(" 前后空格 "))
    document = read_document(docx_with_body(tmp_path / "s.docx", body))
    assert document.text == "  \n 前后空格 "


# --- bad files ------------------------------------------------------------------------


def test_document_without_text_is_refused(tmp_path: Path) -> None:
    refused(docx_with_body(tmp_path / "空白.docx", p("") + p(r("  "))), "contains no text")


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    data = (FIXTURES / "seed-paper-zh.docx").read_bytes()
    for cut in (10, len(data) // 2, len(data) - 30):
        path = tmp_path / "截断 的.docx"
        path.write_bytes(data[:cut])
        refused(path, "not a Word document", "damaged, truncated")


def test_docx_with_damaged_compressed_data_is_refused(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "seed-paper-zh.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 50
    rnd = random.Random(3)
    for offset in range(start, start + 200):
        data[offset] = rnd.randrange(256)
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    refused(path, "Word document", "damaged")


def test_zip_bomb_named_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    content_types = (FIXTURES / "seed-paper-zh.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(content_types)) as seed:
        types = seed.read("[Content_Types].xml")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", types)
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(100):  # 100 MiB of zeros → ~100 KiB compressed
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    refused(path, "zip bomb")


def test_archive_expanding_past_the_total_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipguard, "MAX_UNCOMPRESSED_BYTES", 16 * 1024)
    refused(FIXTURES / "seed-paper-zh.docx", "zip bomb", "expand to more than")


def test_archive_with_too_many_members_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipguard, "MAX_MEMBERS", 5)
    refused(FIXTURES / "seed-paper-zh.docx", "zip bomb", "9 parts")


def test_excel_workbook_renamed_docx_is_named(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "编码"
    path = tmp_path / "codes.docx"
    workbook.save(str(path))
    refused(path, "Excel workbook (.xlsx), not a Word document", "save it as .docx")


def test_odt_renamed_docx_is_named(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes((FIXTURES / "seed-paper-zh.odt").read_bytes())
    refused(path, "OpenDocument text (.odt), not a Word document", "rename it to .odt")


def test_other_zip_renamed_docx_is_refused(tmp_path: Path) -> None:
    path = zip_of(tmp_path / "photos.docx", {"a.txt": b"hello", "b/c.txt": b"world"})
    refused(path, "ZIP archive", "not a Word document")


def test_word_97_doc_renamed_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    refused(path, "old-style Office file", ".docx")


def test_docx_without_its_main_part_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "seed-paper-zh.docx") as seed:
        members = {name: seed.read(name) for name in seed.namelist() if name != "word/document.xml"}
    refused(zip_of(tmp_path / "hollow.docx", members), "Word document")


def test_text_file_renamed_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("只是文字", encoding="utf-8")
    refused(path, "not a Word document")


def test_zip_bomb_lying_about_its_sizes_is_refused(tmp_path: Path) -> None:
    """A bomb that declares small sizes inflates no further than it declares (zipfile stops
    there and then fails the CRC check), so it is refused as damaged, without the memory."""
    with zipfile.ZipFile(FIXTURES / "seed-paper-zh.docx") as seed:
        members = {name: seed.read(name) for name in seed.namelist()}
    members["word/document.xml"] = b"\0" * (50 * 1024 * 1024)
    data = bytearray(zip_of(tmp_path / "x.zip", members).read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")  # the central directory entry of that member
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # declared size
    data[info.header_offset + 22 : info.header_offset + 26] = (1000).to_bytes(4, "little")
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    refused(path, "damaged")
