"""The service functions the window added (annotator/services/window_ops.py), no Qt."""

import pytest

from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services.codebook import code_tree, find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, document_spans, segments
from annotator.services.documents import add_document
from annotator.services.window_ops import (
    code_in_vivo,
    code_spans,
    codings_by_ids,
    in_vivo_name,
    search_text,
)

TEXT = "𠮷野家😀：居民说“党组织🙂值得信任”。\n信任是基础，信任要维护。"


@pytest.fixture
def setup(project):
    doc = add_document(project, "访谈", TEXT)
    with project.read() as s:
        code = find_code(s, "信任/政治信任").id
    return project, doc.id, code, ensure_coder(project, "甲").id


def test_search_finds_code_point_offsets_with_context(setup) -> None:
    p, doc, _code, _me = setup
    hits = search_text(p, "信任")
    starts = [i for i in range(len(TEXT)) if TEXT.startswith("信任", i)]
    assert [(h.start, h.end) for h in hits] == [(i, i + 2) for i in starts]
    assert starts[0] == 15  # 𠮷 and 😀 count one each
    assert all(TEXT[h.start:h.end] == "信任" for h in hits)
    assert hits[0].before.endswith("值得") and hits[0].after.startswith("”")
    assert hits[0].document == "访谈"
    assert search_text(p, "信任", document_ids=[doc + 99]) == []
    assert len(search_text(p, "信任", limit=2)) == 2
    assert [h.text for h in search_text(p, "信.", regex=True)][:1] == ["信任"]
    assert search_text(p, "🙂")[0].start == TEXT.index("🙂")


def test_search_refuses_empty_and_bad_patterns(setup) -> None:
    p, *_ = setup
    with pytest.raises(InvalidInput, match="empty"):
        search_text(p, "")
    with pytest.raises(InvalidInput, match="regular expression"):
        search_text(p, "信(", regex=True)
    assert search_text(p, "(", regex=False) == []


def test_code_spans_is_one_step_and_skips_twins(setup) -> None:
    p, doc, code, me = setup
    spans = [(doc, h.start, h.end) for h in search_text(p, "信任")]
    code_span(p, doc, spans[0][1], spans[0][2], code, me)
    created = code_spans(p, [*spans, spans[1]], code, me)
    assert [(c.start, c.end) for c in created] == [s[1:] for s in spans[1:]]
    assert code_spans(p, spans, code, me) == []
    assert len(segments(p, code_id=code)) == 3
    with pytest.raises(InvalidInput, match="not inside"):
        code_spans(p, [(doc, 0, len(TEXT) + 1)], code, me)
    assert len(segments(p, code_id=code)) == 3  # nothing of a failed call stays
    with pytest.raises(NotFound):
        code_spans(p, [(doc + 99, 0, 1)], code, me)


def test_in_vivo_names_a_code_from_the_words(setup) -> None:
    p, doc, _code, me = setup
    start = TEXT.index("党组织")
    info, coding, created = code_in_vivo(p, doc, start, start + 8, me)
    assert created and info.name == "党组织🙂值得信任" and info.parent_id is None
    assert (coding.start, coding.end, coding.code_id) == (start, start + 8, info.id)
    again, coding2, created2 = code_in_vivo(p, doc, start, start + 3, me,
                                            name="党组织🙂值得信任")
    assert not created2 and again.id == info.id and coding2.end == start + 3
    with pytest.raises(Conflict):
        code_in_vivo(p, doc, start, start + 8, me)
    assert in_vivo_name("  a\n b  ") == "a b"
    assert len(in_vivo_name("字" * 100)) == 40
    with pytest.raises(InvalidInput):
        in_vivo_name(" \n ")
    assert [c.path for c in code_tree(p)].count("党组织🙂值得信任") == 1


def test_document_spans_and_codings_by_ids(setup) -> None:
    p, doc, code, me = setup
    b = code_span(p, doc, 20, 25, code, me)
    a = code_span(p, doc, 3, 9, code, me)
    assert [tuple(r) for r in document_spans(p, doc)] == [
        (a.id, code, me, 3, 9), (b.id, code, me, 20, 25)]
    assert codings_by_ids(p, [b.id, a.id]) == [a, b]
    assert codings_by_ids(p, []) == []
