"""Every memo of a project in one list: documents, codes, codings; blank memos left out;
each entry says where it is, with the coded words counted in code points."""

from annotator.services.codebook import code_tree, set_code_memo
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, set_coding_memo
from annotator.services.documents import add_document, set_document_memo
from annotator.services.memos import list_memos
from annotator.store.project import Project

TEXT = "𠮷野家😀：居民说“党组织🙂值得信任”。第二句。"


def test_an_empty_project_has_no_memos(project: Project) -> None:
    assert list_memos(project) == []


def test_memos_in_document_code_and_coding_order(project: Project) -> None:
    first = add_document(project, "访谈甲", TEXT)
    second = add_document(project, "访谈乙", "另一份材料。" + TEXT)
    codes = {c.path: c.id for c in code_tree(project)}
    who = ensure_coder(project, "李四").id
    start = TEXT.index("党组织")
    late = code_span(project, second.id, 8, 12, codes["信任"], who)
    early = code_span(project, first.id, start, start + 9, codes["信任/政治信任"], who)
    set_coding_memo(project, late.id, "乙的编码备忘")
    set_coding_memo(project, early.id, "甲的编码备忘")
    set_code_memo(project, codes["信任/社会信任"], "社会信任的备忘")
    set_code_memo(project, codes["协调"], "协调的备忘")
    set_code_memo(project, codes["整合"], "   \n ")  # blank: not a memo
    set_document_memo(project, second.id, "乙的文档备忘")
    memos = list_memos(project)
    assert [(m.kind, m.memo) for m in memos] == [
        ("document", "乙的文档备忘"),
        ("code", "协调的备忘"), ("code", "社会信任的备忘"),  # codebook order
        ("coding", "甲的编码备忘"), ("coding", "乙的编码备忘"),  # document order
    ]
    coding = memos[3]
    assert (coding.document, coding.code_path, coding.coder) == ("访谈甲", "信任/政治信任",
                                                                 "李四")
    assert (coding.start, coding.end) == (start, start + 9)
    assert coding.excerpt == "党组织🙂值得信任”"  # code points: 🙂 counts once
    assert coding.matches(["李四", "值得"]) and coding.matches(["政治信任"])
    assert not coding.matches(["乙的"])
    assert memos[0].matches(["访谈乙"]) and memos[0].matches(["文档备忘"])
