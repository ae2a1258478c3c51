"""A small project with cases, attributes and three coders for the analysis tests."""

from pathlib import Path

from annotator.services import attributes, cases, codebook
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.project import Project

TEXTS = {
    "访谈甲": "我信任村干部。𠮷他们办事公道😀，但是补贴发放太慢。\n第二段：希望改进。",
    "访谈乙": "政府很透明。我不太信任镇上。\n补贴的事没人管。",
    "访谈丙": "都还行。",
}


def find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def build(path: Path) -> Project:
    """Three documents, codes 信任 / 不满 / 透明, cases 张三 (甲, 乙) and 李四 (丙)."""
    p = new_project(path, "empty")
    docs = {name: add_document(p, name, text) for name, text in TEXTS.items()}
    trust = codebook.add_code(p, "信任").id
    unhappy = codebook.add_code(p, "不满").id
    clear = codebook.add_code(p, "透明").id
    alice, bob = ensure_coder(p, "甲员").id, ensure_coder(p, "乙员").id
    a, b = TEXTS["访谈甲"], TEXTS["访谈乙"]
    code_span(p, docs["访谈甲"].id, *find(a, "我信任村干部。𠮷他们办事公道😀"), trust, alice)
    code_span(p, docs["访谈甲"].id, *find(a, "办事公道😀，但是补贴发放太慢"), unhappy, alice)
    code_span(p, docs["访谈甲"].id, *find(a, "希望改进"), unhappy, bob)
    code_span(p, docs["访谈乙"].id, *find(b, "政府很透明"), clear, bob)
    code_span(p, docs["访谈乙"].id, *find(b, "我不太信任镇上"), trust, bob)
    code_span(p, docs["访谈乙"].id, *find(b, "补贴的事没人管"), unhappy, alice)
    cases.create_case(p, "张三", ["访谈甲", "访谈乙"])
    cases.create_case(p, "李四", ["访谈丙"])
    attributes.define_attribute(p, "性别", "case", "category")
    attributes.set_value(p, "性别", "张三", "男", "case")
    attributes.set_value(p, "性别", "李四", "女", "case")
    attributes.define_attribute(p, "年龄", "document", "number")
    attributes.set_value(p, "年龄", "访谈甲", "34")
    attributes.set_value(p, "年龄", "访谈乙", 34.0)
    attributes.set_value(p, "年龄", "访谈丙", "61")
    return p
