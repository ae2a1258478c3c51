"""HTML: visible text only, in lines as a browser lays blocks out, in the declared charset."""

from __future__ import annotations

import codecs
import html
import re
import socket
from pathlib import Path

import pytest

from annotator.io.readers import read_document
from tests.io.helpers import SEED_TEXT, refused

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>标题不显示</title>
<style>p {{ color: red; }} .x::before {{ content: "样式文字"; }}</style>
<script>var secret = "脚本文字"; document.write("<p>写入</p>");</script>
<link rel="stylesheet" href="http://192.0.2.1/style.css">
</head>
<body>
<h1>访谈记录</h1>
<p>第一段：社区<b>党组织</b>
   很重要。</p>
<div>第二段<br>换行之后</div>
<ul><li>项目一</li><li>项目<i>二</i></li></ul>
<table><tr><th>编码</th><th>定义</th></tr>
<tr><td>协调</td><td><p>多主体</p><p>协同</p></td></tr></table>
<pre>保留   空格
  和缩进</pre>
<p hidden>隐藏段落</p><p style="display: none">不显示</p>
<noscript>请启用脚本</noscript><template><p>模板</p></template>
<iframe src="http://192.0.2.1/frame.html">框架</iframe>
<img src="http://192.0.2.1/x.png" alt="图片说明">
<p>实体&nbsp;&amp;&lt;符号&gt; &#x4E2D;</p><!-- 注释不显示 -->
</body></html>
"""

EXPECTED = """访谈记录
第一段：社区党组织 很重要。
第二段
换行之后
项目一
项目二
编码\t定义
协调\t多主体 协同
保留   空格
  和缩进
实体\xa0&<符号> 中"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path




@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("no_network")
def test_visible_text_in_utf8(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "页面.html", PAGE.format(charset="utf-8").encode()))
    assert document.text == EXPECTED
    assert document.source_format == "html"
    assert document.encoding == "utf-8"
    for hidden in (
        "标题不显示",
        "样式文字",
        "脚本文字",
        "写入",
        "隐藏段落",
        "不显示",
        "请启用脚本",
        "模板",
        "框架",
        "图片说明",
        "注释",
        "192.0.2.1",
    ):
        assert hidden not in document.text


@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("gb2312", "gb18030", "访谈记录：党建引领城市基层治理"),
        ("GBK", "gb18030", "访谈记录：党建引领城市基层治理"),
        ("big5", "big5hkscs", "訪談記錄：黨建引領城市基層治理"),
        ("utf-8", "utf-8", "访谈记录：党建引领城市基层治理"),
    ],
)
def test_meta_charset_is_respected(tmp_path: Path, label: str, codec: str, text: str) -> None:
    page = f"<html><head><meta charset='{label}'></head><body><p>{text}</p></body></html>"
    document = read_document(write(tmp_path, "p.htm", page.encode(codec)))
    assert (document.text, document.encoding) == (text, codec)


def test_http_equiv_content_type_is_respected(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "</head><body><p>党建引领城市基层治理</p></body></html>"
    )
    document = read_document(write(tmp_path, "p.html", page.encode("gbk")))
    assert (document.text, document.encoding) == ("党建引领城市基层治理", "gb18030")


def test_meta_charset_that_does_not_fit_falls_back_to_detection(tmp_path: Path) -> None:
    page = '<meta charset="big5"><p>党建引领城市基层治理，信任与整合。</p>'
    document = read_document(write(tmp_path, "p.html", page.encode("utf-8")))
    assert document.text == "党建引领城市基层治理，信任与整合。"
    assert document.encoding == "utf-8"
    assert any("declared encoding" in warning for warning in map(str, document.warnings))


def test_bom_wins_over_meta_charset(tmp_path: Path) -> None:
    page = '<meta charset="gbk"><p>访谈</p>'
    data = codecs.BOM_UTF16_LE + page.encode("utf-16-le")
    document = read_document(write(tmp_path, "p.html", data))
    assert (document.text, document.encoding) == ("访谈", "utf-16")


def test_explicit_encoding_wins_over_meta_charset(tmp_path: Path) -> None:
    page = '<meta charset="utf-8"><p>访谈</p>'
    document = read_document(write(tmp_path, "p.html", page.encode("gbk")), encoding="gbk")
    assert (document.text, document.encoding) == ("访谈", "gbk")


def test_seed_paper_as_a_web_page(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in SEED_TEXT.split("\n"))
    page = f"<html><head><meta charset='gbk'></head><body>{paragraphs}</body></html>"
    document = read_document(write(tmp_path, "种子 论文.html", page.encode("gb18030")))
    assert document.encoding == "gb18030"
    assert re.sub(r"\s", "", document.text) == re.sub(r"\s", "", SEED_TEXT)


def test_deeply_nested_page_is_read_without_recursion(tmp_path: Path) -> None:
    page = "<div>" * 2000 + "深处" + "</div>" * 2000
    document = read_document(write(tmp_path, "deep.html", page.encode()))
    assert (document.text, document.warnings) == ("深处", ())


def test_page_nested_past_the_parser_limit_warns(tmp_path: Path) -> None:
    page = "<p>开头</p>" + "<div>" * 5000 + "深处" + "</div>" * 5000
    document = read_document(write(tmp_path, "deep.html", page.encode()))
    assert document.text.startswith("开头")
    assert any("some text may be missing" in warning for warning in map(str, document.warnings))


def test_external_entities_are_not_loaded(tmp_path: Path, no_network: None) -> None:
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>前&x;后</p></body></html>"
    )
    document = read_document(write(tmp_path, "x.html", page.encode()))
    assert "root:" not in document.text
    assert "前" in document.text and "后" in document.text


def test_page_without_visible_text_is_refused(tmp_path: Path) -> None:
    page = "<html><head><title>只有标题</title><script>x()</script></head><body> </body></html>"
    refused(write(tmp_path, "空.html", page.encode()), "contains no text")


def test_binary_named_html_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, "x.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "NUL bytes")


def test_empty_html_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, "x.htm", b""), "is empty")
