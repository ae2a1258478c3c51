"""Damage that passes the open check, in a real project (红楼梦 and the seed paper).

A flipped page of a document's text, one character changed, or flipped index entries:
the file still opens (``quick_check`` is fine), and then every command that meets the
damage ends in one line that says what is damaged and what is still readable, the project
turns read-only, and ``annotator salvage`` writes a whole copy of the rest.
"""

import random
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from annotator.domain.errors import ProjectFileError
from annotator.messages import set_language
from annotator.services import coding, documents
from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.integrity import ProjectDamaged
from annotator.store.project import Project
from tests.conftest import SEED_PAPER, shared_file
from tests.reliability.helpers import run_cli

NOVEL = "hongloumeng-gbk"
PAGE = 4096


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the novel and the seed paper, each coded a few times."""
    path = tmp_path_factory.mktemp("intact") / "p.annotator"
    with new_project(path, "governance") as p:
        documents.import_files(p, [shared_file("corpus", "hongloumeng-gbk.txt"), SEED_PAPER])
        codes = code_tree(p)
        coder = ensure_coder(p, "甲")
        for doc in documents.list_documents(p):
            for i in range(20):
                coding.code_span(p, doc.id, i * 50, i * 50 + 20, codes[i % len(codes)].id,
                                 coder.id)
    return path


def _novel_offset(data: bytes) -> int:
    """Where a stretch of the novel's text lies in the file (past its first page)."""
    at = data.find("宝玉".encode(), len(data) // 2)
    assert at > 0
    return at


def _flip_text_page(intact: Path, dest: Path) -> Path:
    """Random bytes over one page of the novel's text, keeping the overflow-page link
    (its first 4 bytes), so the file's structure still checks out."""
    data = bytearray(intact.read_bytes())
    page = _novel_offset(data) // PAGE * PAGE
    rng = random.Random(13)
    data[page + 4: page + PAGE] = bytes(rng.randrange(256) for _ in range(PAGE - 4))
    dest.write_bytes(data)
    return dest


def _swap_character(intact: Path, dest: Path) -> Path:
    """One character of the novel replaced by another: still UTF-8, same length."""
    data = bytearray(intact.read_bytes())
    at = _novel_offset(data)
    data[at: at + 3] = "黛".encode()
    dest.write_bytes(data)
    return dest


def _flip_index_entries(intact: Path, dest: Path) -> Path:
    """Every third entry of the coding-by-code index pointed at another row."""
    data = bytearray(intact.read_bytes())
    with sqlite3.connect(intact) as conn:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_coding_code'").fetchone()[0]
    off = (root - 1) * PAGE
    assert data[off] == 0x0A  # a leaf page of an index: 40 small entries fit in one
    cells = int.from_bytes(data[off + 3: off + 5], "big")
    for i in range(0, cells, 3):
        cell = off + int.from_bytes(data[off + 8 + 2 * i: off + 10 + 2 * i], "big")
        data[cell + data[cell]] ^= 0x40  # the last byte of the entry: the row id
    dest.write_bytes(data)
    return dest


def _quick_check(path: Path) -> list[tuple[str]]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA quick_check").fetchall()


@pytest.mark.parametrize("damage", [_flip_text_page, _swap_character])
def test_a_damaged_text_is_refused_by_name_and_the_project_turns_read_only(
    intact: Path, tmp_path: Path, damage
) -> None:
    path = damage(intact, tmp_path / "d.annotator")
    assert _quick_check(path) == [("ok",)]
    before = path.read_bytes()
    with Project.open(path) as p:
        novel = next(d for d in documents.list_documents(p) if d.name == NOVEL)
        seed = next(d for d in documents.list_documents(p) if d.name != NOVEL)
        assert len(documents.document_text(p, seed.id)) == seed.length  # the other reads
        with pytest.raises(ProjectDamaged) as info:
            coding.segments(p)
        message = str(info.value)
        assert f"the text of 1 document(s) is damaged: {NOVEL}" in message
        assert "still readable: 1 document(s), 13 code(s), 20 coding(s)" in message
        assert "open read-only" in message and "annotator salvage" in message
        set_language("zh")
        try:
            assert "1 个文档的文字已损坏" in str(info.value)
        finally:
            set_language("en")
        with pytest.raises(ProjectDamaged):
            documents.document_text(p, novel.id)
        codes = code_tree(p)
        with pytest.raises(ProjectFileError, match=r"open read-only .*nothing was changed"):
            coding.code_span(p, seed.id, 0, 5, codes[0].id, 1)
    assert path.read_bytes() == before


def test_the_command_line_reports_the_damage_in_one_line_and_salvages(
    intact: Path, tmp_path: Path
) -> None:
    path = _flip_text_page(intact, tmp_path / "d.annotator")
    before = path.read_bytes()
    for args in (["segments", str(path)], ["--lang", "zh", "segments", str(path)]):
        done = run_cli(*args)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr and "Exception" not in done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
        assert NOVEL in done.stderr
    assert "项目文件已损坏" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.annotator"]

    check = run_cli("check", str(path))
    assert check.returncode == 1 and f"is damaged: {NOVEL}" in check.stdout
    saved = tmp_path / "saved.annotator"
    assert run_cli("salvage", str(path), str(saved)).returncode == 0
    assert path.read_bytes() == before
    assert run_cli("check", str(saved)).stdout.strip().endswith("no damage was found")
    out = tmp_path / "saved.xlsx"
    done = run_cli("export", str(saved), str(out))
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    shown = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert shown == {SEED_PAPER.stem}
    with Project.open(saved) as p:
        assert [d.name for d in documents.list_documents(p)] == [SEED_PAPER.stem]
        assert len(coding.segments(p)) == 20


def _damaged_index(tmp_path: Path) -> Path:
    """The seed paper coded 40 times, then every third entry of the index flipped."""
    path = tmp_path / "i.annotator"
    with new_project(path, "governance") as p:
        documents.import_files(p, [SEED_PAPER])
        doc = documents.list_documents(p)[0]
        codes = code_tree(p)
        coder = ensure_coder(p, "甲")
        for i in range(40):
            coding.code_span(p, doc.id, i * 10, i * 10 + 5, codes[i % len(codes)].id, coder.id)
    return _flip_index_entries(path, tmp_path / "d.annotator")


def test_flipped_index_entries_are_found_by_the_full_check_and_repaired_in_the_copy(
    tmp_path: Path,
) -> None:
    damaged = _damaged_index(tmp_path)
    assert _quick_check(damaged) == [("ok",)]
    with Project.open(damaged) as p, pytest.raises(ProjectDamaged) as info:
        code_tree(p)  # counts codings by code: through the damaged index
    assert "missing from index ix_coding_code" in str(info.value)
    assert "40 coding(s)" in str(info.value)
    saved = tmp_path / "saved.annotator"
    assert run_cli("salvage", str(damaged), str(saved)).returncode == 0
    with Project.open(saved) as p:
        assert sum(c.count for c in code_tree(p)) == 40
    assert run_cli("check", str(saved)).returncode == 0


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_damaged_project_exports_what_is_readable_and_names_what_is_not(
    intact: Path, tmp_path: Path, lang: str
) -> None:
    path = _flip_text_page(intact, tmp_path / "d.annotator")
    before = path.read_bytes()
    out = tmp_path / "d.xlsx"
    done = run_cli("--lang", lang, "export", str(path), str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert NOVEL in done.stderr and "d.xlsx" in done.stderr
    assert ("只把仍可读取的内容导出" if lang == "zh" else "only what is readable was exported") \
        in done.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.annotator", "d.xlsx"]

    book = openpyxl.load_workbook(out, read_only=True)
    first = book.worksheets[0]
    assert first.title == ("损坏说明" if lang == "zh" else "Damage")
    left_out = _rows(first)
    assert [r[0] for r in left_out[1:]] == [NOVEL]
    assert "20" in left_out[1][1]
    segments = _rows(book.worksheets[1])
    assert len(segments) == 20 and {r[0] for r in segments} == {SEED_PAPER.stem}
    documents_sheet = book["文档" if lang == "zh" else "Documents"]
    assert [r[0] for r in _rows(documents_sheet)] == [SEED_PAPER.stem]


def test_a_damaged_project_exports_to_refi_qda_what_is_readable(
    intact: Path, tmp_path: Path
) -> None:
    path = _swap_character(intact, tmp_path / "d.annotator")
    before = path.read_bytes()
    out = tmp_path / "d.qdpx"
    done = run_cli("export", str(path), str(out))
    assert done.returncode == 0, done.stderr
    assert NOVEL in done.stderr and "only what is readable" in done.stderr
    assert path.read_bytes() == before
    back = tmp_path / "back.annotator"
    assert run_cli("new", str(back), "--from", str(out)).returncode == 0
    with Project.open(back) as p:
        assert [d.name for d in documents.list_documents(p)] == [SEED_PAPER.stem]
        assert len(coding.segments(p)) == 20


def test_export_after_the_damage_was_found_goes_on_from_what_is_readable(
    intact: Path, tmp_path: Path
) -> None:
    """The window's way: the damage showed itself earlier; the export still works."""
    from annotator.services.export import export_workbook
    from annotator.services.repair import export_readable

    path = _flip_text_page(intact, tmp_path / "d.annotator")
    before = path.read_bytes()
    out = tmp_path / "later.xlsx"
    with Project.open(path) as p:
        with pytest.raises(ProjectDamaged):
            coding.segments(p)
        assert p.damage is not None and p.damage.damaged_documents == (NOVEL,)
        _, found = export_readable(p, out, lambda q, d: export_workbook(q, out, damage=d))
    assert found is not None and found.damaged_codings == (20,)
    assert len(_rows(openpyxl.load_workbook(out, read_only=True)["Coded segments"])) == 20
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.annotator", "later.xlsx"]


def test_a_project_with_a_damaged_index_exports_every_coding(tmp_path: Path) -> None:
    damaged = _damaged_index(tmp_path)
    before = damaged.read_bytes()
    out = tmp_path / "d.xlsx"
    done = run_cli("export", str(damaged), str(out))
    assert done.returncode == 0, done.stderr
    assert "missing from index ix_coding_code" in done.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    assert len(_rows(book["Coded segments"])) == 40
    assert "ix_coding_code" in _rows(book["Damage"])[1][1]
    assert damaged.read_bytes() == before


def test_the_full_check_tells_how_far_it_has_come(intact: Path, tmp_path: Path) -> None:
    from annotator.services.repair import check_project, salvage_project

    path = _swap_character(intact, tmp_path / "d.annotator")
    steps: list[tuple[int, int]] = []
    found = check_project(path, lambda done, total: steps.append((done, total)))
    assert steps == [(0, 2), (1, 2)] and found.damaged_documents == (NOVEL,)
    steps.clear()
    salvage_project(path, tmp_path / "s.annotator", lambda d, t: steps.append((d, t)))
    assert steps == [(0, 2), (1, 2)]
