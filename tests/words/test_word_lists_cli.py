"""The project's dictionary, stop words and synonyms, edited from the command line and kept
in the project file."""

from pathlib import Path

from tests.conftest import SEED_PAPER
from tests.words.helpers import new_project_with, run, run_json


def _counts(capsys, proj: Path) -> dict[str, int]:
    rows = run_json(capsys, "words", proj, "--top", "2000")["words"]
    return {r["word"]: r["count"] for r in rows}


def test_edits_persist_and_change_the_counts(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    text = SEED_PAPER.read_text("utf-8")
    before = _counts(capsys, proj)
    assert "整体性治理" not in before

    code, out, err = run(capsys, "dictionary", proj, "--add", "整体性治理,城市基层治理")
    assert code == 0 and "2 words added" in out, err
    assert "政治信任" in out.split()  # code names are listed as dictionary words
    after = _counts(capsys, proj)
    assert after["整体性治理"] == text.count("整体性治理")
    assert after["治理"] < before["治理"]

    code, out, _ = run(capsys, "synonyms", proj, "--merge", "基层,社区")
    assert code == 0 and "社区\t→ 基层" in out
    merged = _counts(capsys, proj)
    assert merged["基层"] == after["基层"] + after["社区"] and "社区" not in merged

    code, out, _ = run(capsys, "stopwords", proj, "--list", "zh", "--remove", "的")
    assert code == 0 and "1 stop words added" not in out
    assert _counts(capsys, proj)["的"] > 0
    code, out, _ = run(capsys, "stopwords", proj, "--list", "zh")
    assert "的" not in out.split() and "了" in out.split()

    code, _, err = run(capsys, "dictionary", proj, "--add", "两个 词")
    assert code == 1 and "not a word" in err
    code, _, err = run(capsys, "stopwords", proj, "--import", tmp_path / "无.txt")
    assert code == 1 and "cannot be read" in err


def test_words_of_one_code_only(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    assert run(capsys, "autocode", proj, "政治信任", "--code", "信任/政治信任",
               "--extent", "sentence")[0] == 0
    coded = run_json(capsys, "words", proj, "--code", "信任")
    whole = run_json(capsys, "words", proj)
    assert 0 < coded["total"] < whole["total"]
    assert coded["words"][0]["documents"] == 1
