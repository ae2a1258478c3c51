"""OpenDocument .odt: LibreOffice exports, hand-built content for the rules, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from annotator.io.readers import read_document
from tests.io.helpers import FIXTURES, SEED_TEXT, refused

#: structure.fodt → structure.odt by LibreOffice 7.4, which recomputes the page-number and
#: date fields (hence "0" and "5/1/24"); otherwise the same text as from structure.docx.
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
第 0 页，日期 5/1/24。

——— 脚注 Footnotes ———
[1] 脚注内容：来源于访谈。

——— 尾注 Endnotes ———
[i] 尾注内容。"""

CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">
<office:body><office:text>{body}</office:text></office:body></office:document-content>"""


def odt_with_body(path: Path, body: str, replace: dict[str, bytes] | None = None) -> Path:
    """The seed .odt with its content.xml replaced by one whose text is ``body``."""
    members = {"content.xml": CONTENT.format(body=body).encode("utf-8"), **(replace or {})}
    with (
        zipfile.ZipFile(FIXTURES / "seed-paper-zh.odt") as seed,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in seed.infolist():
            data = members.get(info.filename, seed.read(info.filename))
            out.writestr(info, data)
    return path




def test_seed_paper_odt_has_the_text_of_the_txt() -> None:
    document = read_document(FIXTURES / "seed-paper-zh.odt")
    assert document.text == SEED_TEXT
    assert (document.source_format, document.encoding, document.warnings) == ("odt", None, ())


def test_structure_odt_paragraphs_lists_tables_fields_notes() -> None:
    document = read_document(FIXTURES / "structure.odt")
    assert document.text == STRUCTURE_TEXT


def test_odt_and_docx_of_one_document_agree_apart_from_recomputed_fields() -> None:
    odt = read_document(FIXTURES / "structure.odt").text.split("\n")
    docx = read_document(FIXTURES / "structure.docx").text.split("\n")
    assert len(odt) == len(docx)
    differing = [index for index, (a, b) in enumerate(zip(odt, docx, strict=True)) if a != b]
    assert [odt[index] for index in differing] == ["第 0 页，日期 5/1/24。"]


def test_chinese_file_name_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "会议 纪要 (定稿).odt"
    path.write_bytes((FIXTURES / "seed-paper-zh.odt").read_bytes())
    assert read_document(path).source_name == "会议 纪要 (定稿).odt"


def test_white_space_collapses_as_odf_says(tmp_path: Path) -> None:
    body = (
        "<text:p>  前面\n   的空白  <text:span> 合并 </text:span>  为一个<text:s/>"
        "<text:s text:c='3'/>保留<text:tab/>制表 </text:p>"
        "<text:p><text:s text:c='2'/>缩进</text:p>"
    )
    document = read_document(odt_with_body(tmp_path / "w.odt", body))
    assert document.text == "前面 的空白 合并 为一个    保留\t制表\n  缩进"


def test_hidden_ruby_annotations_sections_and_indexes(tmp_path: Path) -> None:
    body = (
        "<text:section text:name='S'><text:p>节内</text:p></text:section>"
        "<text:p>显示<text:hidden-text text:condition='1' text:string-value='隐'>"
        "隐</text:hidden-text>"
        "<text:ruby><text:ruby-base>治</text:ruby-base><text:ruby-text>zhì</text:ruby-text>"
        "</text:ruby><office:annotation><text:p>批注</text:p></office:annotation></text:p>"
        "<text:table-of-content text:name='T'><text:table-of-content-source>"
        "<text:index-title-template>模板</text:index-title-template>"
        "</text:table-of-content-source><text:index-body><text:p>目录一</text:p>"
        "</text:index-body></text:table-of-content>"
        "<text:numbered-paragraph><text:p>编号段</text:p></text:numbered-paragraph>"
    )
    document = read_document(odt_with_body(tmp_path / "h.odt", body))
    assert document.text == "节内\n显示治\n目录一\n编号段"


def test_tables_with_spans_repeats_and_row_groups(tmp_path: Path) -> None:
    body = (
        "<table:table><table:table-column table:number-columns-repeated='3'/>"
        "<table:table-header-rows><table:table-row>"
        "<table:table-cell table:number-columns-spanned='2'><text:p>合并</text:p>"
        "</table:table-cell>"
        "<table:covered-table-cell/><table:table-cell><text:p>C</text:p></table:table-cell>"
        "</table:table-row></table:table-header-rows>"
        "<table:table-row><table:table-cell table:number-columns-repeated='2'>"
        "<text:p>重复</text:p></table:table-cell><table:table-cell><text:p>a</text:p>"
        "<text:p>b</text:p></table:table-cell></table:table-row>"
        "<table:table-row table:number-rows-repeated='100000'><table:table-cell/></table:table-row>"
        "</table:table><text:p>表后</text:p>"
    )
    lines = read_document(odt_with_body(tmp_path / "t.odt", body)).text.split("\n")
    assert lines[:2] == ["合并\t\tC", "重复\t重复\ta b"]
    assert lines[2:] == [""] * 1000 + ["表后"]  # repeats are capped


def test_frames_and_shapes_give_lines_after_their_paragraph(tmp_path: Path) -> None:
    body = (
        "<text:p>图<draw:frame draw:name='I'><draw:image xlink:href='Pictures/x.png'>"
        "<svg:title>图片标题</svg:title></draw:image></draw:frame>后"
        "<draw:frame draw:name='F'><draw:text-box><text:p>框一</text:p>"
        "<text:list><text:list-item><text:p>框二</text:p></text:list-item></text:list>"
        "</draw:text-box></draw:frame></text:p>"
        "<draw:custom-shape draw:name='C'><text:p>形状文字</text:p></draw:custom-shape>"
    )
    document = read_document(odt_with_body(tmp_path / "f.odt", body))
    assert document.text == "图后\n框一\n框二\n形状文字"


def test_odt_without_mimetype_member_is_read_if_it_has_content(tmp_path: Path) -> None:
    path = tmp_path / "nomime.odt"
    with (
        zipfile.ZipFile(FIXTURES / "seed-paper-zh.odt") as seed,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in seed.infolist():
            if info.filename != "mimetype":
                out.writestr(info, seed.read(info.filename))
    assert read_document(path).text == SEED_TEXT


# --- bad files ------------------------------------------------------------------------


def test_password_protected_odt_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "seed-paper-zh.odt") as seed:
        manifest = seed.read("META-INF/manifest.xml").decode()
    manifest = manifest.replace(
        'manifest:full-path="content.xml"',
        'manifest:full-path="content.xml"><manifest:encryption-data '
        'manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>'
        '<manifest:file-entry manifest:media-type="" manifest:full-path="ignored"',
        1,
    )
    path = odt_with_body(
        tmp_path / "加密.odt", "<text:p>x</text:p>", {"META-INF/manifest.xml": manifest.encode()}
    )
    refused(path, "password-protected")


def test_empty_odt_is_refused(tmp_path: Path) -> None:
    refused(odt_with_body(tmp_path / "e.odt", "<text:p> </text:p>"), "contains no text")


def test_broken_content_xml_is_refused(tmp_path: Path) -> None:
    path = odt_with_body(tmp_path / "b.odt", "<text:p>未闭合")
    refused(path, "not an OpenDocument text", "damaged")


def test_entity_expansion_in_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.odt"
    odt_with_body(path, "<text:p>x</text:p>")
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + CONTENT.split("?>", 1)[1].format(body="<text:p>&b;</text:p>")
    )
    odt_with_body(path, "", {"content.xml": bomb.encode()})
    refused(path, "not an OpenDocument text")


def test_truncated_odt_is_refused(tmp_path: Path) -> None:
    data = (FIXTURES / "seed-paper-zh.odt").read_bytes()
    path = tmp_path / "t.odt"
    path.write_bytes(data[: len(data) // 3])
    refused(path, "not an OpenDocument text", "damaged")


def test_docx_renamed_odt_is_named(tmp_path: Path) -> None:
    path = tmp_path / "报告.odt"
    path.write_bytes((FIXTURES / "seed-paper-zh.docx").read_bytes())
    refused(path, "Word document (.docx), not an OpenDocument text", "rename it to .docx")


def test_spreadsheet_renamed_odt_is_named(tmp_path: Path) -> None:
    path = tmp_path / "表.odt"
    odt_with_body(
        path, "<text:p>x</text:p>", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
    )
    refused(path, "OpenDocument spreadsheet (.ods)", "save it as .odt")


def test_zip_bomb_named_odt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w") as member:
            for _ in range(64):
                member.write(b" " * (1024 * 1024))
    refused(path, "zip bomb")


def test_plain_zip_named_odt_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hi")
    path = tmp_path / "x.odt"
    path.write_bytes(buffer.getvalue())
    refused(path, "ZIP archive, not an OpenDocument text")
