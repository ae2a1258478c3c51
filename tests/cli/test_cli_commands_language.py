"""The analysis, words and workshop commands speak the user's language: with ``--lang zh``
every line they print and every help text is Chinese, with ``--lang en`` English; the
keys of their JSON stay the same in both; and ``--lang`` lasts for one command only."""

import argparse
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from annotator.cli import COMMANDS, _build_parser, main
from annotator.messages import current_language, fixed_language, set_language
from tests.conftest import SEED_PAPER

MODULES = ("analysis_commands", "words_commands", "workshop_commands")
HAN = re.compile(r"[\u4e00-\u9fff]")


def run(capsys: pytest.CaptureFixture[str], lang: str, *args: object) -> tuple[int, str, str]:
    code = main(["--lang", lang, *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workshop(tmp_path: Path, capsys) -> Path:
    """The seed paper coded by two coders who agree on one passage and differ on another,
    in a case and a document set."""
    path = tmp_path / "工作坊.annotator"
    assert run(capsys, "en", "new", path)[0] == 0
    assert run(capsys, "en", "import", path, SEED_PAPER)[0] == 0
    text = SEED_PAPER.read_text(encoding="utf-8")
    start = text.index("党建引领")
    for coder, end in (("alice", start + 8), ("bob", start + 8), ("alice", start + 40)):
        assert run(capsys, "en", "code", path, "--doc", SEED_PAPER.stem, "--start",
                   start if end != start + 40 else start + 20, "--end", end, "--code",
                   "信任/政治信任", "--coder", coder)[0] == 0
    assert run(capsys, "en", "cases", path, "add", "社区甲", "--docs", SEED_PAPER.stem)[0] == 0
    assert run(capsys, "en", "sets", path, "add", "访谈材料", "--members",
               SEED_PAPER.stem)[0] == 0
    assert run(capsys, "en", "attributes", path, "set", "年份", SEED_PAPER.stem, "2023",
               "--type", "number")[0] == 0
    return path


def _sentences(zh: str, en: str) -> tuple[list[str], list[str]]:
    """The lines in which the two outputs differ: the sentences (data — words, counts,
    passages of the text — is the same in both)."""
    zh_lines, en_lines = zh.splitlines(), en.splitlines()
    assert len(zh_lines) == len(en_lines), (zh, en)
    pairs = [(z, e) for z, e in zip(zh_lines, en_lines, strict=True) if z != e]
    return [z for z, _ in pairs], [e for _, e in pairs]


def test_agreement_and_the_workshop_commands_in_chinese_and_in_english(
        workshop: Path, tmp_path: Path, capsys) -> None:
    code, zh, _ = run(capsys, "zh", "agreement", workshop, "--notes", "--methods")
    assert code == 0
    assert zh.startswith("alice, bob 在 1 个文档、1 个代码上的一致性（片段阈值 0.9）")
    assert "全部文档：合并 κ" in zh and "机遇校正系数" in zh and "说明：" in zh
    assert "双方" in zh.splitlines()[6] and "Agreement" not in zh and "pooled" not in zh
    code, en, _ = run(capsys, "en", "agreement", workshop, "--notes")
    assert code == 0 and en.startswith("Agreement of alice, bob on 1 documents, 1 codes")
    assert "all documents: pooled κ" in en and not HAN.search(en.replace("信任/政治信任", ""))
    # the figures are the same in both languages, only the words around them differ
    assert re.findall(r"\d+\.\d{3}", zh) == re.findall(r"\d+\.\d{3}", en)

    code, zh, _ = run(capsys, "zh", "disagreements", workshop)
    assert code == 0 and zh.splitlines()[-1] == "1 处分歧" and "alice 编码了；bob 没有" in zh
    code, en, _ = run(capsys, "en", "disagreements", workshop)
    assert en.splitlines()[-1] == "1 disagreements" and "coded by alice; not by bob" in en

    code, zh, _ = run(capsys, "zh", "reviewed", workshop, "--doc", SEED_PAPER.stem,
                      "--coder", "bob")
    assert code == 0 and zh.strip() == f"{SEED_PAPER.stem}：bob 已审阅"
    code, en, _ = run(capsys, "en", "reviewed", workshop, "--doc", SEED_PAPER.stem,
                      "--coder", "bob")
    assert en.strip() == f"{SEED_PAPER.stem}: reviewed by bob (unchanged)"
    code, zh, _ = run(capsys, "zh", "reviewed", workshop, "--list")
    assert zh.splitlines()[-1] == "1 个审阅标记"

    code, zh, _ = run(capsys, "zh", "consensus", workshop, "--doc", SEED_PAPER.stem,
                      "--code", "信任/政治信任", "--start", "0", "--end", "4")
    assert code == 0 and "：已用 信任/政治信任 编码 " in zh and "[0, 4)" in zh

    code, zh, _ = run(capsys, "zh", "copies", workshop, tmp_path / "副本", "--participants",
                      "张三")
    assert code == 0 and zh.splitlines()[-1].startswith("已把 1 份参与者副本写入 ")
    copy = next((tmp_path / "副本").iterdir())
    code, zh, _ = run(capsys, "zh", "merge", workshop, copy)
    assert code == 0 and zh.startswith(f"已合并 {copy.name}：文档 1 个对应")
    code, en, _ = run(capsys, "en", "merge", workshop, copy)
    assert en.startswith(f"merged {copy.name}: documents 1 matched")
    code, _, err = run(capsys, "zh", "merge", workshop, tmp_path / "无.annotator")
    assert code == 1 and err.startswith("annotator：错误：未合并：")


def test_analysis_and_words_commands_in_chinese_and_in_english(workshop: Path,
                                                               tmp_path: Path,
                                                               capsys) -> None:
    commands = [
        ("cases", "社区甲：1 个文档", "社区甲: 1 documents"),
        ("sets", "访谈材料（文档集）：1 个成员", "访谈材料 (document set): 1 members"),
        ("attributes", "年份（文档，数值）：1 个值", "年份 (document, number): 1 values", "list"),
        ("query", "个片段", "passages", "--code", "信任/政治信任"),
        ("cooccurrence", "对代码", "pairs of codes", ),
        ("crosstab", "个代码 × ", "codes × ", "--by", "case"),
        ("words", "个不同", "different", "--top", "3"),
        ("kwic", "处命中", "hits", "党建引领", "--limit", "2"),
        ("dictionary", "已添加 1 个词", "1 words added", "--add", "楼栋长"),
        ("stopwords", "已添加 1 个停用词", "1 stop words added", "--add", "的的"),
        ("synonyms", "计作“居民”", "counted as 居民", "--merge", "居民,群众"),
        ("autocode", "处命中", "hits", "党建引领", "--code", "协调"),
    ]
    english = tmp_path / "en"
    english.mkdir()
    shutil.copy(workshop, english / workshop.name)
    for name, in_zh, in_en, *args in commands:
        code, zh, err = run(capsys, "zh", name, workshop, *args)
        assert code == 0, err
        code, en, err = run(capsys, "en", name, english / workshop.name, *args)
        assert code == 0, err
        zh_sentences, en_sentences = _sentences(zh, en)
        assert zh_sentences, name  # every command says what it did or found
        assert all(HAN.search(line) for line in zh_sentences), (name, zh_sentences)
        assert all(re.search(r"[A-Za-z]{3,}", line) for line in en_sentences), name
        assert in_zh in zh and in_en in en, (name, zh, en)


def _keys(data: dict | list) -> list[str]:
    return sorted(data if isinstance(data, dict) else data[0])


def test_json_keys_are_the_same_in_both_languages(workshop: Path, capsys) -> None:
    for args in (("agreement", workshop, "--json"), ("cases", workshop, "--json"),
                 ("query", workshop, "--code", "信任/政治信任", "--json"),
                 ("disagreements", workshop, "--json")):
        zh = json.loads(run(capsys, "zh", *args)[1])
        en = json.loads(run(capsys, "en", *args)[1])
        assert _keys(zh) == _keys(en), args


def _helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Every help text of a subcommand's parser, by the option it explains."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    out = {}
    for choice in sub._choices_actions:
        out[f"{choice.dest}"] = choice.help
    for name, p in sub.choices.items():
        for action in p._actions:
            if action.help and action.help != argparse.SUPPRESS:
                out[f"{name} {'/'.join(action.option_strings) or action.dest}"] = action.help
    return out


@pytest.mark.parametrize("module", MODULES)
def test_every_help_text_is_in_the_chosen_language(module: str) -> None:
    try:
        for name in (n for n, m in COMMANDS.items() if m == module):
            set_language("zh")
            zh = _helps(_build_parser(name))
            set_language("en")
            en = _helps(_build_parser(name))
            assert zh.keys() == en.keys()
            for where, text in zh.items():
                if where.endswith(("-h/--help", "--version")):
                    continue
                assert HAN.search(text), f"{where}: {text}"
                assert text != en[where], where
    finally:
        set_language(None)


def test_help_of_a_workshop_command_reads_in_chinese(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "agreement", "-h"])
    out = capsys.readouterr().out
    flat = re.sub(r"\s+", "", out)  # argparse wraps lines, inside Chinese words too
    assert out.startswith("用法：annotator agreement")
    assert "重叠/并集≥此值时片段匹配（默认0.9）" in flat and "α低于A的概率q" in flat
    assert "segments match" not in out and "bootstrap resamples" not in out


def test_lang_lasts_for_one_command_only(workshop: Path, capsys) -> None:
    assert os.environ["ANNOTATOR_LANG"] == "en"
    before = fixed_language()
    assert run(capsys, "zh", "cases", workshop)[1].startswith("社区甲：")
    assert fixed_language() == before and os.environ["ANNOTATOR_LANG"] == "en"
    assert current_language() == "en"
    assert run(capsys, "en", "cases", workshop)[1].startswith("社区甲: 1 documents")
    # a command that ends in SystemExit (help, a usage error) gives the language back too
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "cases", "-h"])
    assert current_language() == "en" and os.environ["ANNOTATOR_LANG"] == "en"
    # with no language fixed before, none is fixed after
    set_language(None)
    main(["--lang", "zh", "cases", str(workshop)])
    assert fixed_language() is None
    capsys.readouterr()
