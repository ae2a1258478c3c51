"""How a file's offsets are read when the producer counts a CRLF line end as one position,
why the report says so, and the user's overrides (``--offsets``, ``--crlf``).

The word-boundary signal says nothing on Chinese text (every character is a letter); what a
shift of one position per line break leaves behind is a selection that starts on the
punctuation before it ("，我们信任社") — the evidence these tests feed the reader.
"""

import re
from pathlib import Path

from refi_helpers import make_project, selection_xml

from annotator.cli import main
from annotator.io.refi import read_qdpx
from annotator.io.refi.positions import CODEPOINTS_LF
from annotator.services.coding import segments
from annotator.store.project import Project
from tests.conftest import SEED_PAPER

SEL = "44444444-4444-4444-8444-4444444444{:02d}"


def _clauses(text: str, word: str) -> list[tuple[int, int]]:
    """Each clause holding ``word``, from after one punctuation mark to the next."""
    marks = "，。,;；：:\n"
    spans = []
    for m in re.finditer(word, text):
        start = max(text.rfind(c, 0, m.start()) for c in marks) + 1
        end = min(i for i in (text.find(c, m.start()) for c in marks) if i >= 0)
        spans.append((start, end))
    return list(dict.fromkeys(spans))


def _counted_once(tmp_path: Path, lf_text: str, spans: list[tuple[int, int]],
                  origin: str = "MAXQDA 24") -> Path:
    """A .qdpx whose text file has CRLF line ends and whose offsets count each as one."""
    sels = "".join(selection_xml(SEL.format(i), s, e) for i, (s, e) in enumerate(spans))
    return make_project(tmp_path, lf_text.replace("\n", "\r\n").encode(), sels, origin=origin)


def test_the_issues_example_lands_on_the_right_characters(tmp_path: Path) -> None:
    text = "第一行。\n居民说，我们信任社区。"
    start = text.index("我们")
    qdpx = _counted_once(tmp_path, text, [(start, start + 6)])
    refi = read_qdpx(qdpx)
    src = refi.sources[0]
    assert [src.text[s.start:s.end] for s in src.selections] == ["我们信任社区"]
    assert refi.offset_rule == CODEPOINTS_LF.label
    assert refi.offset_reason.render("en") == (
        "the reading expected from the producer (MAXQDA 24) puts 2 selection end(s) inside a "
        "word, a character or against punctuation, this one 0")


def test_a_real_chinese_paper_with_crlf_counted_once(tmp_path: Path, capsys) -> None:
    text = SEED_PAPER.read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n")
    spans = _clauses(text, "信任")
    assert len(spans) > 10
    qdpx = _counted_once(tmp_path, text, spans)
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx)]) == 0
    err = capsys.readouterr().err
    assert "read as code points, each line end counted once (producer: MAXQDA 24)" in err
    assert "--crlf 1 or 2" in err
    with Project.open(tmp_path / "p.annotator") as p:
        got = sorted((g.start, g.text) for g in segments(p))
    assert got == sorted((s, text[s:e]) for s, e in spans)
    assert all("信任" in t for _, t in got)


def test_crlf_2_forced_on_the_same_file_shifts_and_says_it_was_asked(
        tmp_path: Path, capsys) -> None:
    text = "第一行。\n居民说，我们信任社区。"
    start = text.index("我们")
    qdpx = _counted_once(tmp_path, text, [(start, start + 6)])
    assert main(["new", str(tmp_path / "p.annotator"), "--from", str(qdpx), "--crlf", "2"]) == 0
    err = capsys.readouterr().err
    assert "line ends as in the file (producer: MAXQDA 24): as the user chose" in err
    with Project.open(tmp_path / "p.annotator") as p:
        assert [g.text for g in segments(p)] == ["，我们信任社"]


def test_an_impossible_override_is_refused_and_creates_nothing(tmp_path: Path, capsys) -> None:
    # 4 is only valid in UTF-16 units: the text is 3 code points long.
    qdpx = make_project(tmp_path, "ab😀", selection_xml(SEL.format(1), 0, 4))
    target = tmp_path / "p.annotator"
    assert main(["new", str(target), "--from", str(qdpx), "--offsets", "codepoints"]) != 0
    err = capsys.readouterr().err
    assert "read as code points, line ends as in the file, a selection ends beyond" in err
    assert not target.exists()
    assert main(["new", str(target), "--from", str(qdpx), "--offsets", "utf16"]) == 0
    with Project.open(target) as p:
        assert [g.text for g in segments(p)] == ["ab😀"]


def test_merge_takes_the_overrides_too(tmp_path: Path, capsys) -> None:
    text = "第一行。\n居民说，我们信任社区。"
    start = text.index("我们")
    qdpx = _counted_once(tmp_path, text, [(start, start + 6)])
    target = tmp_path / "t.annotator"
    assert main(["new", str(target), "--template", "empty"]) == 0
    assert main(["merge", str(target), str(qdpx), "--crlf", "1"]) == 0
    with Project.open(target) as p:
        assert [g.text for g in segments(p)] == ["我们信任社区"]
