"""What opening a heavily coded document costs in the store (run by hand).

The document view asks for (id, code, coder, start, end) of every coding of one document.
This measures that read on 红楼梦 (882,440 characters) at 20,000 / 100,000 / 300,000 random
codings, with the covering index the schema has and, in the same run and on the same file,
with the older ``(document_id, start)`` index it replaced (the baseline).

    .venv/bin/python bench/bench_open_spans.py [--sizes 20000,100000,300000]
"""

import argparse
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, text

from annotator.services.coders import ensure_coder
from annotator.services.coding import document_spans
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.models import Coding
from annotator.store.project import Project, now

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "hongloumeng-gbk.txt"


def _coded_project(folder: Path, novel: str, count: int) -> tuple[Project, int]:
    project = new_project(folder / f"{count}.annotator")
    doc = add_document(project, "红楼梦", novel).id
    coder = ensure_coder(project, "编码员").id
    with project.read() as s:
        codes = list(s.execute(text("SELECT id FROM code")).scalars())
    rng, stamp = random.Random(count), now()
    rows = []
    for _ in range(count):
        start = rng.randrange(len(novel) - 100)
        rows.append({"document_id": doc, "code_id": rng.choice(codes), "coder_id": coder,
                     "start": start, "end": start + 1 + rng.randrange(80), "memo": "",
                     "created_at": stamp, "guid": str(uuid.uuid4())})
    with project.write() as s:
        s.execute(insert(Coding.__table__).prefix_with("OR IGNORE"), rows)
    return project, doc


def _median_read(project: Project, doc: int, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        document_spans(project, doc)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20000,100000,300000")
    sizes = [int(n) for n in ap.parse_args().sizes.split(",")]
    novel = CORPUS.read_bytes().decode("gb18030")
    with tempfile.TemporaryDirectory() as tmp:
        for count in sizes:
            project, doc = _coded_project(Path(tmp), novel, count)
            covering = _median_read(project, doc)
            with project.write() as s:
                s.execute(text("DROP INDEX ix_coding_document_cover"))
                s.execute(text("CREATE INDEX ix_coding_document_start "
                               "ON coding (document_id, start)"))
            baseline = _median_read(project, doc)
            project.close()
            print(f"{count:>7} codings: covering index {covering * 1e3:6.0f} ms, "
                  f"(document_id, start) {baseline * 1e3:6.0f} ms: "
                  f"{baseline / covering:.2f}× faster")


if __name__ == "__main__":
    main()
