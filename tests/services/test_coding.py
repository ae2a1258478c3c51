"""Coding and uncoding spans, exact text, characters outside the BMP."""

import pytest

from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import (
    code_span,
    delete_codings,
    document_spans,
    restore_codings,
    segments,
    set_coding_memo,
    uncode_span,
)
from annotator.services.documents import add_document
from annotator.services.rows import CodingInfo
from annotator.store.project import Project

TEXT = "𠮷野家😀：居民说“党组织🙂值得信任”。第二句。"


@pytest.fixture
def setup(project: Project):
    doc = add_document(project, "访谈", TEXT)
    with project.read() as s:
        code = find_code(s, "信任/政治信任").id
    return project, doc, code, ensure_coder(project, "甲").id


def test_offsets_are_code_points_and_text_is_exact(setup) -> None:
    p, doc, code, me = setup
    start = TEXT.index("党组织")
    end = TEXT.index("”")
    c = code_span(p, doc.id, start, end, code, me, memo="原话")
    # 𠮷 and 😀 come before: two astral characters, each one position.
    assert start == 9
    [seg] = segments(p)
    assert seg.text == "党组织🙂值得信任" == TEXT[start:end]
    assert (seg.start, seg.end, seg.memo, seg.coder) == (start, end, "原话", "甲")
    assert (c.start, c.end) == (start, end)
    code_span(p, doc.id, 0, 1, code, me)
    assert segments(p)[0].text == "𠮷"


def test_spans_outside_the_text_or_empty_are_refused(setup) -> None:
    p, doc, code, me = setup
    for start, end in ((-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1)):
        with pytest.raises(InvalidInput, match="not inside"):
            code_span(p, doc.id, start, end, code, me)
    code_span(p, doc.id, 0, len(TEXT), code, me)
    with pytest.raises(Conflict, match="already coded"):
        code_span(p, doc.id, 0, len(TEXT), code, me)


def test_overlapping_codings_of_several_codes_and_coders(setup) -> None:
    p, doc, code, me = setup
    other = ensure_coder(p, "乙").id
    with p.read() as s:
        social = find_code(s, "信任/社会信任").id
    code_span(p, doc.id, 2, 10, code, me)
    code_span(p, doc.id, 5, 15, social, me)
    code_span(p, doc.id, 2, 10, code, other)
    got = [(code, coder, s, e) for _id, code, coder, s, e in document_spans(p, doc.id)]
    assert got == [(code, me, 2, 10), (code, other, 2, 10), (social, me, 5, 15)]
    assert len(segments(p, coder_id=other)) == 1


def test_uncode_trims_and_splits_like_nvivo(setup) -> None:
    p, doc, code, me = setup
    code_span(p, doc.id, 0, 20, code, me, memo="m")
    r = uncode_span(p, doc.id, 5, 8, code, me)
    assert [(s.start, s.end, s.memo) for s in segments(p)] == [(0, 5, "m"), (8, 20, "m")]
    assert r.characters == 20 and len(r.created) == 2
    assert [(c.start, c.end) for c in r.changes.codings_added] == [(0, 5), (8, 20)]
    assert [(c.start, c.end) for c in r.changes.codings_removed] == [(0, 20)]
    undone = restore_codings(p, r.removed, r.created)  # undo
    assert undone.codings_added == r.changes.codings_removed
    assert undone.codings_removed == r.changes.codings_added
    assert [(s.start, s.end) for s in segments(p)] == [(0, 20)]
    uncode_span(p, doc.id, 0, 20, code, me)
    assert segments(p) == []
    with pytest.raises(NotFound):
        uncode_span(p, doc.id, 0, 20, code, me)


def test_uncode_touches_only_that_coder_and_code(setup) -> None:
    p, doc, code, me = setup
    other = ensure_coder(p, "乙").id
    code_span(p, doc.id, 0, 10, code, me)
    code_span(p, doc.id, 0, 10, code, other)
    uncode_span(p, doc.id, 0, 10, code, me)
    assert [s.coder for s in segments(p)] == ["乙"]


def test_delete_and_restore_keep_ids_and_memos(setup) -> None:
    p, doc, code, me = setup
    c = code_span(p, doc.id, 1, 4, code, me)
    assert set_coding_memo(p, c.id, "新") == ""
    gone = delete_codings(p, [c.id])
    assert gone.changes.codings_removed == (CodingInfo(c.id, doc.id, code, me, 1, 4, "新"),)
    assert segments(p) == []
    assert restore_codings(p, gone.rows).codings_added == gone.changes.codings_removed
    [seg] = segments(p)
    assert (seg.coding_id, seg.memo) == (c.id, "新")
