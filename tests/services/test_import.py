"""Importing files into a project: good files in, bad ones reported, nothing half-done."""

import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.documents import document_text, import_files, list_documents
from annotator.store.project import Project
from tests.conftest import SEED_PAPER, shared_file

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


def bad_files(folder: Path) -> list[Path]:
    files = {
        "空文件.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "nul.txt": "有\x00空字符".encode(),
        "truncated.docx": (FIXTURES / "seed-paper-zh.docx").read_bytes()[:3000],
        "scanned.pdf": (FIXTURES / "scanned.pdf").read_bytes(),
    }
    out = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out.append(folder / name)
    other_zip = folder / "表格.docx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("[Content_Types].xml", "<Types/>")
    out.append(other_zip)
    out.append(folder / "vanished.txt")  # never existed
    return out


def test_good_files_come_in_and_each_bad_one_is_reported(project: Project,
                                                         tmp_path: Path) -> None:
    good = tmp_path / "访谈 记录 01.txt"
    good.write_bytes("居民：党组织很好。\r\n".encode("gb18030"))
    bad = bad_files(tmp_path)
    summary = import_files(project, [bad[0], good, *bad[1:], SEED_PAPER,
                                     FIXTURES / "seed-paper-zh.docx"])
    assert [d.name for d in summary.imported] == ["访谈 记录 01", "seed-paper-zh"]
    refused = dict(summary.refused)
    assert set(refused) == {p.name for p in bad} | {"seed-paper-zh.docx"}
    assert "empty" in refused["空文件.txt"]
    assert "NUL" in refused["nul.txt"]
    assert "no text layer" in refused["scanned.pdf"]
    assert "already in the project" in refused["seed-paper-zh.docx"]
    for name, reason in summary.refused:
        assert reason.startswith(name) or name in reason
    doc = summary.imported[0]
    assert (doc.encoding, doc.source_name, doc.source_format) == ("gb18030", good.name, "txt")
    assert doc.source_size == good.stat().st_size
    assert document_text(project, doc.id) == "居民：党组织很好。\n"


def test_only_bad_files_leave_the_project_byte_for_byte_unchanged(tmp_path: Path,
                                                                  capsys) -> None:
    proj = tmp_path / "p.annotator"
    assert main(["new", str(proj)]) == 0
    before = proj.read_bytes()
    files = [str(p) for p in bad_files(tmp_path)]
    assert main(["import", str(proj), *files, "--coder", "新人"]) == 1
    out, err = capsys.readouterr()
    assert f"0 imported, {len(files)} refused" in out
    assert err.count("refused:") == len(files)
    assert proj.read_bytes() == before


def test_the_real_gbk_novel(project: Project) -> None:
    novel = shared_file("corpus", "hongloumeng-gbk.txt")
    summary = import_files(project, [novel])
    [doc] = summary.imported
    assert doc.length == 882_440 and doc.encoding in ("gb18030", "gbk")
    assert document_text(project, doc.id).startswith(
        novel.read_bytes().decode("gb18030")[:50].lstrip("\ufeff")
    )


def test_an_explicit_encoding_wins_and_wrong_bytes_are_refused(project: Project,
                                                               tmp_path: Path) -> None:
    f = tmp_path / "big5.txt"
    f.write_bytes("臺灣的社區營造".encode("big5"))
    summary = import_files(project, [f], encoding="utf-8")
    assert summary.imported == [] and "utf-8" in summary.refused[0][1]
    summary = import_files(project, [f], encoding="big5")
    assert document_text(project, summary.imported[0].id) == "臺灣的社區營造"


def test_progress_is_reported_per_file(project: Project, tmp_path: Path) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"{i}.txt"
        f.write_text(f"第{i}份", encoding="utf-8")
        files.append(f)
    seen = []
    import_files(project, files, progress=lambda done, name: seen.append((done, name)))
    assert seen == [(0, "0.txt"), (1, "1.txt"), (2, "2.txt")]
    assert [d.name for d in list_documents(project)] == ["0", "1", "2"]


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf"])
def test_seed_paper_in_every_format_gives_the_same_words(project: Project, suffix: str) -> None:
    summary = import_files(project, [FIXTURES / f"seed-paper-zh{suffix}"])
    [doc] = summary.imported
    text = "".join(document_text(project, doc.id).split())
    original = "".join(SEED_PAPER.read_text(encoding="utf-8").split())
    common = sum(1 for a, b in zip(text, original, strict=False) if a == b)
    assert common / len(original) > 0.9 or original[:200] in text


def test_an_import_is_undone_and_redone_in_one_step(project: Project, tmp_path: Path) -> None:
    from annotator.services.documents import delete_documents, restore_documents

    files = []
    for i in range(3):
        f = tmp_path / f"{i}.txt"
        f.write_text(f"第{i}份材料", encoding="utf-8")
        files.append(f)
    ids = [d.id for d in import_files(project, files).imported]
    deleted = delete_documents(project, ids)
    assert list_documents(project) == []
    restore_documents(project, deleted)
    assert [d.id for d in list_documents(project)] == ids
