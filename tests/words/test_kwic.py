"""Keyword in context: every hit, exact offsets, whole words, sorting, bad patterns."""

from pathlib import Path

import pytest

from annotator.domain.errors import InvalidInput
from annotator.services.documents import add_document
from annotator.services.kwic import Query, concordance, iter_hits, sort_hits
from annotator.services.progress import Cancelled
from annotator.store.project import Project
from tests.conftest import SEED_PAPER
from tests.words.helpers import new_project_with, run, run_json

TEXT = "😀居民不信任物业。\n𠮷家信任社区，信任是基础。"


def test_a_term_matches_everywhere_its_characters_occur(project: Project) -> None:
    doc = add_document(project, "访谈", TEXT)
    hits = concordance(project, Query("信任"), context=3).hits
    assert [(h.start, h.end) for h in hits] == [
        (i, i + 2) for i in range(len(TEXT)) if TEXT.startswith("信任", i)]
    assert len(hits) == 3  # 不信任 included
    first = hits[0]
    assert first.document_id == doc.id and first.start == 4  # 😀 counts once
    assert (first.left, first.match, first.right) == ("居民不", "信任", "物业。")
    assert hits[1].left == "⏎𠮷家"  # line break shown, 𠮷 one character


def test_whole_words_only_uses_the_segmentation(project: Project) -> None:
    # 政治信任 is a code name, so one word of the project's segmentation
    text = "居民的政治信任很高，信任社区。"
    add_document(project, "访谈", text)
    assert [h.start for h in concordance(project, Query("信任")).hits] == [5, 10]
    whole = concordance(project, Query("信任", whole_words=True)).hits
    assert [h.start for h in whole] == [10]


def test_sorting_by_either_side(project: Project) -> None:
    add_document(project, "a", "乙信任丙。甲信任乙。丙信任甲。")
    hits = concordance(project, Query("信任"), context=1).hits
    assert [h.left for h in sort_hits(hits, "left")] == ["丙", "乙", "甲"]
    assert [h.right for h in sort_hits(hits, "right")] == ["丙", "乙", "甲"]
    assert [h.start for h in sort_hits(hits, "position")] == [1, 6, 11]


def test_regex_that_does_not_compile_or_matches_nothing(project: Project) -> None:
    add_document(project, "a", TEXT)
    with pytest.raises(InvalidInput, match="does not compile"):
        concordance(project, Query("信任(", regex=True))
    with pytest.raises(InvalidInput, match="matches empty text"):
        concordance(project, Query("x*", regex=True))
    with pytest.raises(InvalidInput, match="empty"):
        concordance(project, Query("  "))


def test_a_runaway_regex_stops_with_a_message(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "长.txt"
    doc.write_text("x" * 5000 + "\n", encoding="utf-8")
    proj = new_project_with(capsys, tmp_path, doc)
    before = proj.read_bytes()
    code, _, err = run(capsys, "kwic", proj, "(x+x+)+y", "--regex")
    assert code == 1 and "backtracks too much" in err and err.count("\n") == 1
    assert proj.read_bytes() == before


def test_a_fifty_megabyte_line_stays_bounded(project: Project) -> None:
    line = "居民对社区的信任在增加，" * (50 * 1024 * 1024 // 36)  # ~50 MB as UTF-8
    add_document(project, "一行", line)
    batches = iter_hits(project, Query("信任"), context=5, batch=500, limit=1200)
    first = next(batches)
    assert len(first) == 500 and first[0].start == 6
    rest = [h for b in batches for h in b]
    assert len(first) + len(rest) == 1200
    assert all(line[h.start:h.end] == "信任" for h in rest[-3:])
    whole = concordance(project, Query("信任", whole_words=True), limit=10)
    assert whole.truncated and [h.start for h in whole.hits][:2] == [6, 18]


def test_batches_cancel_between_documents(project: Project) -> None:
    for i in range(3):
        add_document(project, f"d{i}", f"第{i}份：信任。")
    stop = {"now": False}
    batches = iter_hits(project, Query("信任"), batch=1, cancel=lambda: stop["now"])
    assert next(batches)[0].document == "d0"
    stop["now"] = True
    with pytest.raises(Cancelled):
        next(batches)


def test_cli_kwic_json_on_the_seed_paper(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    text = SEED_PAPER.read_text("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    data = run_json(capsys, "kwic", proj, "信任", "--context", "4", "--doc", "seed-paper-zh")
    assert len(data["hits"]) == text.count("信任") and not data["truncated"]
    for h in data["hits"]:
        assert text[h["start"]:h["end"]] == "信任"
        assert h["left"] == text[max(0, h["start"] - 4):h["start"]].replace("\n", "⏎")
    regex_hits = run_json(capsys, "kwic", proj, "政治|社会信任", "--regex")["hits"]
    assert {h["hit"] for h in regex_hits} == {"政治", "社会信任"}
    code, out, _ = run(capsys, "kwic", proj, "不存在的词")
    assert code == 0 and "0 hits" in out


def test_sorting_the_novel_agrees_with_tuple_keys(tmp_path) -> None:
    """numpy's order is the order of Python's own (left backwards, hit) tuples."""
    from annotator.services.documents import add_document
    from annotator.services.projects import new_project
    from tests.conftest import shared_file

    novel = shared_file("corpus", "hongloumeng-gbk.txt").read_bytes().decode("gbk")
    p = new_project(tmp_path / "n.annotator", "empty")
    add_document(p, "红楼梦", novel)
    hits = [h for b in iter_hits(p, Query("宝玉|黛玉", regex=True), context=20) for h in b]
    assert len(hits) > 4000
    by_place = sorted(hits, key=lambda h: h.start)
    assert sort_hits(hits, "left") == sorted(by_place, key=lambda h: (h.left[::-1], h.match))
    assert sort_hits(hits, "right") == sorted(by_place, key=lambda h: (h.right, h.match))
    assert sort_hits(hits, "hit") == sorted(by_place, key=lambda h: (h.match, h.right))
    p.close()
