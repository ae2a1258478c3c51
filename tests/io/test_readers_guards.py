"""What every format shares: the file system, limits, names, and only ImportRefused."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import random
import shutil
from pathlib import Path

import pytest

from annotator.domain.errors import ImportRefused
from annotator.io.readers import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    ReadDocument,
    read_document,
)
from tests.io.helpers import FIXTURES, SEED

SAMPLES = {
    ".txt": SEED,
    ".docx": FIXTURES / "seed-paper-zh.docx",
    ".odt": FIXTURES / "seed-paper-zh.odt",
    ".pdf": FIXTURES / "seed-paper-zh.pdf",
    ".docx ": FIXTURES / "structure.docx",
    ".odt ": FIXTURES / "structure.odt",
}


def refused(path: Path, *words: str) -> str:
    with pytest.raises(ImportRefused) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    assert "\n" not in message  # one sentence, one line
    for word in words:
        assert word in message
    return message


def test_the_contract() -> None:
    assert MAX_FILE_BYTES == 200 * 1024 * 1024
    for suffix in (".txt", ".md", ".docx", ".pdf", ".odt", ".html", ".htm"):
        assert suffix in SUPPORTED_SUFFIXES
    document = read_document(SEED)
    assert isinstance(document, ReadDocument)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = ""  # type: ignore[misc]
    assert document.source_size == SEED.stat().st_size


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".odt", ".html", ".rtf"])
def test_empty_file_is_refused_for_every_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"空文件{suffix}"
    path.touch()
    refused(path, "is empty")


def test_missing_file_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "不存在 的.docx", "does not exist")


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "访谈.txt"
    folder.mkdir()
    refused(folder, "is a folder")


def test_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "巨大.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened although it is too large")

    monkeypatch.setattr(Path, "open", no_reading)
    refused(path, "is too large", "200 MB")


def test_file_that_grew_past_the_limit_after_stat_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import annotator.io.readers as readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 50)
    real_open = Path.open

    def grow_then_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        with real_open(self, "wb") as handle:
            handle.write(b"x" * 500)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", grow_then_open)
    refused(path, "is too large")


def test_file_without_permission_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "受保护 文件.txt"
    path.write_text("访谈", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", denied)
    refused(path, "permission denied")


def test_unreadable_file_on_disk_is_refused_and_the_others_come_in(unprivileged) -> None:
    """A file the user may not read (run as a user that permissions bind: root reads
    every file): one line naming it, the readable file beside it imported."""
    project = unprivileged.folder / "p.annotator"
    assert unprivileged.run_cli("new", str(project)).returncode == 0
    locked = unprivileged.folder / "受保护.docx"
    shutil.copy(FIXTURES / "seed-paper-zh.docx", locked)
    locked.chmod(0)
    readable = unprivileged.folder / "seed-paper-zh.odt"
    shutil.copy(FIXTURES / "seed-paper-zh.odt", readable)
    done = unprivileged.run_cli("import", str(project), str(locked), str(readable))
    assert "Traceback" not in done.stderr, done.stderr
    refusal = [line for line in done.stderr.splitlines() if locked.name in line]
    assert len(refusal) == 1 and "permission denied" in refusal[0], done.stderr
    listed = unprivileged.run_cli("info", str(project))
    assert "seed-paper-zh" in listed.stdout and "受保护" not in listed.stdout


def test_file_vanishing_while_opened_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "消失.pdf"
    shutil.copy(FIXTURES / "seed-paper-zh.pdf", path)
    real_open = Path.open

    def vanish_then_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        self.unlink()
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", vanish_then_open)
    refused(path, "does not exist")


def test_read_error_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "坏盘.txt"
    path.write_text("访谈", encoding="utf-8")

    def io_error(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "open", io_error)
    refused(path, "cannot be read", "Input/output error")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("旧文档.doc", ("Word 97–2003", ".docx")),
        ("文档.wps", ("WPS", ".docx")),
        ("论文.caj", ("CAJ", "PDF")),
        ("表格.xlsx", (".xlsx files are not supported", ".docx")),
        ("没有后缀", ("no file extension",)),
    ],
)
def test_unsupported_types_are_refused_with_advice(
    tmp_path: Path, name: str, words: tuple[str, ...]
) -> None:
    path = tmp_path / name
    path.write_bytes(b"anything")
    refused(path, *words)


@pytest.mark.parametrize("name", ["访谈 01.TXT", "Interview 01 final.Txt", "报告 终稿.MD"])
def test_names_with_chinese_spaces_and_any_case(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(SEED.read_bytes())
    document = read_document(path)
    assert document.source_name == name
    assert document.text.startswith("【经验材料】")


def test_a_path_given_as_a_string_is_accepted() -> None:
    assert read_document(str(SEED)).source_name == SEED.name  # type: ignore[arg-type]


@pytest.mark.parametrize("key", SAMPLES)
def test_reading_never_changes_the_file(tmp_path: Path, key: str) -> None:
    path = tmp_path / f"copy{key.strip()}"
    shutil.copy2(SAMPLES[key], path)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    listing = sorted(p.name for p in tmp_path.iterdir())
    read_document(path)
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    assert before == after
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no lock or temp files


@pytest.mark.parametrize("key", SAMPLES)
def test_damaged_files_raise_nothing_but_import_refused(tmp_path: Path, key: str) -> None:
    """Truncations and random byte damage of real files: each either reads or is refused."""
    data = SAMPLES[key].read_bytes()
    suffix = key.strip()
    rnd = random.Random(f"{key}-damage")
    variants = [data[:cut] for cut in (1, 7, 64, len(data) // 3, len(data) - 1)]
    for _ in range(12):
        damaged = bytearray(data)
        start = rnd.randrange(len(data))
        for offset in range(start, min(len(data), start + rnd.randrange(1, 64))):
            damaged[offset] = rnd.randrange(256)
        variants.append(bytes(damaged))
    for index, variant in enumerate(variants):
        path = tmp_path / f"damaged {index}{suffix}"
        path.write_bytes(variant)
        try:
            document = read_document(path)
        except ImportRefused as refusal:
            assert str(refusal).startswith(f"{path.name}: ")
        else:
            assert isinstance(document.text, str)
            document.text.encode("utf-8")  # storable


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".odt", ".html", ".htm"])
def test_random_bytes_raise_nothing_but_import_refused(tmp_path: Path, suffix: str) -> None:
    rnd = random.Random(suffix)
    for index in range(8):
        path = tmp_path / f"noise{index}{suffix}"
        path.write_bytes(bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 3000))))
        with pytest.raises(ImportRefused):
            read_document(path)
