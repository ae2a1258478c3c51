"""Word frequencies from the command line and the service, checked on the seed paper."""

from collections import Counter
from pathlib import Path

import jieba
import openpyxl
import pytest

from annotator.services import words
from annotator.services.codebook import add_code, find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import add_document
from annotator.services.progress import Cancelled
from annotator.store.project import Project
from annotator.text.stopwords import default_stopwords
from tests.conftest import SEED_PAPER, shared_file
from tests.words.helpers import new_project_with, run, run_json


def test_seed_paper_top_50_agrees_with_an_independent_segmentation(tmp_path: Path,
                                                                    capsys) -> None:
    paper = shared_file("corpus", "seed-paper-zh.txt")
    proj = new_project_with(capsys, tmp_path, paper)
    table = run_json(capsys, "words", proj, "--top", "50")["words"]
    assert len(table) == 50
    # the same text, cut by the original jieba (a separate implementation), with the
    # codebook's names as user words and the shipped stop words
    text = paper.read_text("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    tk = jieba.Tokenizer()
    with Project.open(proj) as p, p.read() as s:
        for w in words.dictionary_words(s):
            tk.add_word(w)
    stop = default_stopwords("zh") | default_stopwords("en")
    independent = Counter(
        w.lower() for w in tk.lcut(text)
        if w.strip() and any(c.isalnum() for c in w) and w.lower() not in stop)
    for row in table:
        assert row["count"] == independent[row["word"]], row["word"]
    assert table[0]["word"] == "治理"
    assert "党建引领城市基层治理的路" not in {r["word"] for r in table}


def test_code_names_stay_one_word_and_a_new_dictionary_word_counts_at_once(
        project: Project) -> None:
    text = SEED_PAPER.read_text("utf-8")
    add_document(project, "论文", text)
    before = {r.word for r in words.word_frequencies(project).rows}
    assert "红色物业" not in before and "一核多元" not in before
    add_code(project, "整合/红色物业")
    add_code(project, "整合/一核多元")
    counts = {r.word: r.count for r in words.word_frequencies(project).rows}
    assert counts["红色物业"] == text.count("红色物业")
    assert counts["一核多元"] == text.count("一核多元")
    # a word of the user's own, in the same open project, without reopening it
    assert "整体性治理" not in counts
    words.add_dictionary_words(project, ["整体性治理"])
    counts = {r.word: r.count for r in words.word_frequencies(project).rows}
    assert counts["整体性治理"] == text.count("整体性治理")
    # taking a code name out again splits it
    words.remove_dictionary_words(project, ["红色物业"])
    assert "红色物业" not in {r.word for r in words.word_frequencies(project).rows}


def test_coded_text_only_per_code_and_per_coder(project: Project) -> None:
    doc = add_document(project, "访谈", "社区居民信任党组织。物业公司不太可靠。\n居民参加议事会。")
    alice = ensure_coder(project, "甲").id
    bob = ensure_coder(project, "乙").id
    with project.read() as s:
        trust = find_code(s, "信任/政治信任").id
    code_span(project, doc.id, 0, 10, trust, alice)
    code_span(project, doc.id, 4, 10, trust, bob)  # overlaps: counted once
    with project.read() as s:
        sel = words.coded_text(s, [trust])
        by_bob = words.coded_text(s, coder_ids=[bob])
    counts = {r.word: r.count for r in words.word_frequencies(project, sel).rows}
    assert counts == {"社区": 1, "居民": 1, "信任": 1, "党组织": 1}
    bob_words = {r.word for r in words.word_frequencies(project, by_bob).rows}
    assert bob_words == {"信任", "党组织"}
    assert "物业公司" in {r.word for r in words.word_frequencies(project).rows}


def test_stop_words_synonyms_min_length_and_part_of_speech(project: Project) -> None:
    add_document(project, "a", "居民的信任很重要。群众的信任也重要。The residents trust them.")
    table = words.word_frequencies(project)
    got = {r.word: r.count for r in table.rows}
    assert "的" not in got and "the" not in got and got["trust"] == 1
    assert abs(sum(r.share for r in table.rows) - 1) < 1e-9
    words.merge_synonyms(project, "居民", ["群众", "residents"])
    got = {r.word: r.count for r in words.word_frequencies(project).rows}
    assert got["居民"] == 3 and "群众" not in got
    words.edit_stopwords(project, "zh", add=["重要"], remove=["的"])
    got = {r.word: r.count for r in words.word_frequencies(project).rows}
    assert got["的"] == 2 and "重要" not in got
    long_only = words.word_frequencies(project, options=words.WordOptions(min_length=3))
    assert {r.word for r in long_only.rows} == {"trust"}
    nouns = words.word_frequencies(project, options=words.WordOptions(pos=frozenset({"n"})))
    assert "信任" in {r.word for r in nouns.rows}
    assert "很" not in {r.word for r in nouns.rows}


def test_stop_word_file_in_gbk_is_read_and_a_binary_one_refused(tmp_path: Path,
                                                                  capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    gbk = tmp_path / "停用词.txt"
    gbk.write_bytes("治理\n# 注释\n基层\n".encode("gbk"))
    code, _out, err = run(capsys, "stopwords", proj, "--list", "zh", "--import", gbk)
    assert code == 0, err
    top = [r["word"] for r in run_json(capsys, "words", proj, "--top", "5")["words"]]
    assert "治理" not in top and "基层" not in top
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    before = proj.read_bytes()
    code, _, err = run(capsys, "stopwords", proj, "--import", junk)
    assert code == 1 and "junk.txt" in err and err.count("\n") == 1
    assert proj.read_bytes() == before


def test_progress_and_cancel(project: Project) -> None:
    for i in range(3):
        add_document(project, f"d{i}", f"第{i}份材料：居民信任社区。")
    seen: list[tuple[int, int]] = []
    words.word_frequencies(project, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    with pytest.raises(Cancelled):
        words.word_frequencies(project, cancel=lambda: True)


def test_empty_project_and_empty_selection_say_so(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path)
    code, _out, err = run(capsys, "words", proj)
    assert code == 1 and "no text to count" in err
    code, _, err = run(capsys, "words", proj, "--code", "信任")
    assert code == 1 and "no text to count" in err


def test_word_sheet_reads_back_with_text_kept_as_text(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "公式.txt"
    doc.write_text("=SUM 居民 居民 信任\n", encoding="utf-8")
    proj = new_project_with(capsys, tmp_path, doc)
    out = tmp_path / "词频.xlsx"
    code, _, err = run(capsys, "words", proj, "--xlsx", out, "--lang", "zh")
    assert code == 0, err
    ws = openpyxl.load_workbook(out)["词频"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("词语", "频次", "占比", "文档数")
    assert rows[1][:2] == ("居民", 2)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert all(isinstance(r[0], str) for r in rows[1:])
