"""Project file, coding and Excel export at scale (issue: project/CLI).

100 documents, 100,000 codings. Measures, side by side in one run:
- exporting the workbook vs bare openpyxl write-only writing the same segment rows;
- coding one span (service call + commit), median of 300;
- ``info`` on the project.
Run: ``.venv/bin/python bench/bench_project.py``
"""

import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import insert

from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span, segments
from annotator.services.documents import add_document, list_documents
from annotator.services.export import export_workbook
from annotator.services.overview import project_info
from annotator.services.projects import new_project
from annotator.store.models import Coding
from annotator.store.project import now

SEED = (Path(__file__).resolve().parents[1] / "annotator/data/samples/seed-paper-zh.txt").read_text(
    encoding="utf-8"
)
DOCS, CODINGS = 100, 100_000


def build(path: Path):
    p = new_project(path, "governance")
    rng = random.Random(1)
    coders = [ensure_coder(p, f"编码员{i}").id for i in range(4)]
    docs = [add_document(p, f"文档{i:03d}", f"{i}\n" + SEED * 3) for i in range(DOCS)]
    codes = [c.id for c in code_tree(p)]
    rows, seen = [], set()
    while len(rows) < CODINGS:
        d = rng.choice(docs)
        start = rng.randrange(0, d.length - 200)
        key = (d.id, rng.choice(codes), rng.choice(coders), start, start + rng.randint(5, 200))
        if key in seen:
            continue
        seen.add(key)
        rows.append(dict(document_id=key[0], code_id=key[1], coder_id=key[2], start=key[3],
                         end=key[4], memo="", created_at=now(), guid=str(uuid.uuid4())))
    with p.write() as s:
        s.execute(insert(Coding), rows)
    return p, docs, codes, coders


def bare_openpyxl(rows: list[tuple], out: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("segments")
    for r in rows:
        ws.append(r)
    wb.save(out)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        p, docs, codes, coders = build(tmp / "bench.annotator")
        print(f"built {DOCS} documents, {CODINGS} codings in {time.perf_counter() - t:.1f} s")

        segs = segments(p)
        rows = [(g.document, g.code_path, g.coder, g.start, g.end, g.end - g.start, g.text,
                 g.memo, g.created_at) for g in segs]
        t = time.perf_counter()
        bare_openpyxl(rows, tmp / "bare.xlsx")
        bare = time.perf_counter() - t
        t = time.perf_counter()
        export_workbook(p, tmp / "ours.xlsx", agreement=False)
        ours = time.perf_counter() - t
        print(f"export: bare openpyxl write-only {bare:.2f} s (segment rows only), "
              f"Annotator workbook {ours:.2f} s (segments, codebook, matrix, coverage, "
              f"documents, from the project) = {ours / bare:.2f}x (budget 1.5x)")
        t = time.perf_counter()
        export_workbook(p, tmp / "with-agreement.xlsx")
        print(f"  with the agreement and disagreement sheets of the 4 random coders: "
              f"{time.perf_counter() - t:.2f} s")

        rng = random.Random(2)
        times = []
        for _ in range(300):
            d = rng.choice(docs)
            start = rng.randrange(0, d.length - 50)
            t = time.perf_counter()
            try:
                code_span(p, d.id, start, start + 37, rng.choice(codes), coders[0])
            except Exception:  # an identical coding drawn twice; not timed
                continue
            times.append(time.perf_counter() - t)
        print(f"code one span (service + commit): median {statistics.median(times) * 1000:.2f} ms,"
              f" p95 {sorted(times)[int(len(times) * .95)] * 1000:.2f} ms (budget 5 ms median)")

        t = time.perf_counter()
        info = project_info(p)
        print(f"info: {time.perf_counter() - t:.3f} s for {info['total_codings']} codings, "
              f"{len(list_documents(p))} documents (budget 1 s)")
        p.close()


if __name__ == "__main__":
    main()
