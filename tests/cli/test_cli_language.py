"""The command line speaks the user's language: ``--lang zh``, the language setting or a
Chinese locale give Chinese success lines, notes, help texts and argparse's own words;
``--lang en`` (or an English locale) English."""

import argparse
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

from annotator.messages.catalog import catalog
from tests.conftest import SEED_PAPER, shared_file

# argparse's sentences a user never meets: mistakes in the program's own parser setup
PROGRAMMER_ERRORS = {
    ".__call__() not defined", "%r is not callable", "'required' is an invalid argument for "
    "positionals", 'argument "-" with mode %r', "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r", "conflicting option string: %s",
    "conflicting option strings: %s", "conflicting subparser alias: %s",
    "conflicting subparser: %s", "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
}


def argparse_sentences() -> set[str]:
    """Every sentence this Python's argparse marks for translation."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("_", "ngettext"):
            for arg in node.args[:1 if node.func.id == "_" else 2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    out.add(arg.value)
    return out - PROGRAMMER_ERRORS


def run(*args: object, lang: str | None = None, env_lang: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("ANNOTATOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    if env_lang:
        env["LANG"] = env_lang
    head = ["--lang", lang] if lang else []
    return subprocess.run([sys.executable, "-m", "annotator", *head, *map(str, args)],
                          capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_every_sentence_of_argparse_has_its_chinese_with_the_same_slots() -> None:
    zh = catalog("zh")
    sentences = argparse_sentences()
    assert "usage: " in sentences and "positional arguments" in sentences
    missing = sorted(s for s in sentences if s not in zh)
    assert not missing, missing
    slot = re.compile(r"%(?:\(\w+\))?[sr]")
    for s in sentences:
        assert sorted(slot.findall(zh[s])) == sorted(slot.findall(s)), s


def test_a_usage_error_in_chinese_and_in_english(tmp_path: Path) -> None:
    zh = run("code", lang="zh", cwd=tmp_path)
    assert zh.returncode == 2
    assert zh.stderr.startswith("用法：annotator code")
    assert "annotator code：错误：缺少以下必需参数：project" in zh.stderr
    en = run("code", lang="en", cwd=tmp_path)
    assert en.returncode == 2 and en.stderr.startswith("usage: annotator code")
    assert "error: the following arguments are required: project" in en.stderr


def test_help_in_chinese_from_the_locale(tmp_path: Path) -> None:
    done = run("export", "-h", env_lang="zh_CN.UTF-8", cwd=tmp_path)
    assert done.returncode == 0
    assert "位置参数" in done.stdout and "显示此帮助信息并退出" in done.stdout
    assert "要写入的文件：OUT.xlsx" in done.stdout and "不包括词频工作表" in done.stdout
    assert "leave out" not in done.stdout
    window = run("-h", env_lang="zh_CN.UTF-8", cwd=tmp_path)
    assert "打开窗口。子命令：new" in window.stdout


def test_a_session_of_commands_in_chinese(tmp_path: Path) -> None:
    """New, import (a GBK novel, the seed paper, an empty file), code, export: what each
    did, in Chinese."""
    proj = tmp_path / "访谈.annotator"
    novel = shared_file("corpus", "hongloumeng-gbk.txt")
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    done = run("new", proj, lang="zh", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith(f"已新建 {proj}（编码本模板：")
    done = run("import", proj, novel, SEED_PAPER, empty, lang="zh", cwd=tmp_path)
    assert done.returncode == 1  # one file refused
    lines = done.stdout.splitlines()
    assert lines[0].startswith("已导入 hongloumeng-gbk.txt，文档名 ") and "文本编码 " in lines[0]
    assert lines[-1] == "已导入 2 个，拒绝 1 个"
    assert done.stderr.startswith("已拒绝：") and "空.txt" in done.stderr
    done = run("code", proj, "--doc", "hongloumeng-gbk", "--start", "0", "--end", "4",
               "--code", "信任/政治信任", lang="zh", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("已用 信任/政治信任 编码 hongloumeng-gbk 的 4 个字符")
    out = tmp_path / "out.xlsx"
    done = run("export", proj, out, "--no-words", lang="zh", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"已导出 {out}"
    done = run("export", proj, out, "--no-words", lang="en", cwd=tmp_path)
    assert done.stdout.strip() == f"exported {out}"
