"""Time document import (run by hand; prints figures, asserts nothing).

1. 红楼梦 as the real GBK file (1.7 MB, 882,440 characters), encoding detected:
   budget < 1 s.
2. 1,000 small documents generated into a temporary folder — slices of the novel and of
   the seed paper as .txt in UTF-8 / UTF-8 with BOM / UTF-16 / GB18030 / Big5, .md,
   .html, .docx, .odt and (copies of the seed paper) .pdf — read one after another:
   budget < 20 s in all.

    .venv/bin/python bench/bench_import.py
"""

from __future__ import annotations

import codecs
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from docx import Document
from odf.opendocument import OpenDocumentText
from odf.text import P

from annotator.io.readers import read_document
from annotator.services.documents import import_files
from annotator.services.projects import new_project

ROOT = Path(__file__).resolve().parents[1]
NOVEL = ROOT.parent / "shared" / "corpus" / "hongloumeng-gbk.txt"
SEED = ROOT / "annotator" / "data" / "samples" / "seed-paper-zh.txt"
SEED_PDF = ROOT / "tests" / "io" / "fixtures" / "seed-paper-zh.pdf"
HANT = ROOT / "tests" / "io" / "fixtures" / "seed-paper-zh-hant.txt"
SMALL_DOCUMENTS = 1_000
RUNS = 5


def bench_novel() -> None:
    if not NOVEL.exists():
        print(f"novel: {NOVEL} missing, skipped")
        return
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        document = read_document(NOVEL)
        times.append(time.perf_counter() - start)
    print(
        f"红楼梦 ({NOVEL.stat().st_size:,} bytes, {len(document.text):,} characters, "
        f"detected {document.encoding}): best {min(times):.3f} s, "
        f"median {statistics.median(times):.3f} s over {RUNS} runs (budget < 1 s)"
    )


def _paragraphs(text: str, rng: random.Random) -> list[str]:
    length = min(rng.randint(800, 4_000), len(text) // 2)
    start = rng.randrange(0, len(text) - length)
    return [line for line in text[start : start + length].split("\n") if line.strip()] or ["空"]


def _write_docx(path: Path, lines: list[str]) -> None:
    document = Document()
    document.add_heading(lines[0][:30], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.save(str(path))


def _write_odt(path: Path, lines: list[str]) -> None:
    document = OpenDocumentText()
    for line in lines:
        document.text.addElement(P(text=line))
    document.save(str(path))


def make_documents(folder: Path, count: int) -> dict[str, list[Path]]:
    rng = random.Random(20240501)
    novel = NOVEL.read_bytes().decode("gb18030") if NOVEL.exists() else ""
    seed = SEED.read_text(encoding="utf-8")
    hant = HANT.read_text(encoding="utf-8")
    sources = [s for s in (novel, seed) if s]
    writers: list[tuple[str, str, Callable[[Path, list[str]], None]]] = [
        ("txt utf-8", ".txt", lambda p, ls: p.write_bytes("\n".join(ls).encode())),
        (
            "txt utf-8 BOM",
            ".txt",
            lambda p, ls: p.write_bytes(codecs.BOM_UTF8 + "\r\n".join(ls).encode()),
        ),
        ("txt utf-16", ".txt", lambda p, ls: p.write_bytes("\r\n".join(ls).encode("utf-16"))),
        ("txt gb18030", ".txt", lambda p, ls: p.write_bytes("\r\n".join(ls).encode("gb18030"))),
        ("md", ".md", lambda p, ls: p.write_bytes(("# 标题\n\n" + "\n\n".join(ls)).encode())),
        (
            "html gbk",
            ".html",
            lambda p, ls: p.write_bytes(
                ("<meta charset='gbk'>" + "".join(f"<p>{line}</p>" for line in ls)).encode(
                    "gb18030", "replace"
                )
            ),
        ),
        ("docx", ".docx", _write_docx),
        ("odt", ".odt", _write_odt),
    ]
    made: dict[str, list[Path]] = defaultdict(list)
    for index in range(count):
        kind, suffix, write = writers[index % len(writers)]
        if index % 25 == 0:  # 4 % PDFs (copies of the seed paper)
            path = folder / f"文档 {index:04d}.pdf"
            shutil.copy(SEED_PDF, path)
            made["pdf"].append(path)
            continue
        if index % 25 == 1:  # 4 % Big5 text
            path = folder / f"文档 {index:04d}.txt"
            path.write_bytes("\r\n".join(_paragraphs(hant, rng)).encode("big5"))
            made["txt big5"].append(path)
            continue
        path = folder / f"文档 {index:04d}{suffix}"
        write(path, _paragraphs(rng.choice(sources), rng))
        made[kind].append(path)
    return made


def bench_small_documents() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        made = make_documents(folder, SMALL_DOCUMENTS)
        total_bytes = sum(path.stat().st_size for paths in made.values() for path in paths)
        per_kind: dict[str, float] = {}
        start_all = time.perf_counter()
        characters = 0
        for kind, paths in made.items():
            start = time.perf_counter()
            for path in paths:
                characters += len(read_document(path).text)
            per_kind[kind] = time.perf_counter() - start
        total = time.perf_counter() - start_all
        paths = [path for group in made.values() for path in group]
        project = new_project(folder / "bench.annotator", "empty")
        start = time.perf_counter()
        summary = import_files(project, paths)
        into_project = time.perf_counter() - start
        project.close()
    print(
        f"one import of {SMALL_DOCUMENTS:,} files into a project (read + store + commit): "
        f"{into_project:.2f} s, {len(summary.imported)} imported, {len(summary.refused)} "
        f"refused as duplicates or bad (budget < 20 s)"
    )
    print(
        f"{SMALL_DOCUMENTS:,} small documents ({total_bytes / 1e6:.1f} MB, "
        f"{characters:,} characters): {total:.2f} s in all (budget < 20 s)"
    )
    for kind, seconds in sorted(per_kind.items(), key=lambda item: -item[1]):
        count = len(made[kind])
        each = seconds / count * 1000
        print(f"  {kind:<14} {count:>4} files  {seconds:6.2f} s  {each:6.1f} ms each")


def bench_novel_into_project() -> None:
    if not NOVEL.exists():
        return
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        project = new_project(Path(tmp) / "novel.annotator", "empty")
        start = time.perf_counter()
        summary = import_files(project, [NOVEL])
        seconds = time.perf_counter() - start
        project.close()
    doc = summary.imported[0]
    print(f"红楼梦 imported into a project (read, detect, store, commit): {seconds:.3f} s, "
          f"{doc.length:,} characters as {doc.encoding} (budget < 1 s)")


def main() -> int:
    bench_novel()
    bench_novel_into_project()
    bench_small_documents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
