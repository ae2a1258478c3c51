"""Analysis at the size of the issue: the novel in 120 chapters, 100,000 codings.

《红楼梦》 (GBK, 882k characters) split at its chapter headings into 120 documents;
300 codes, 3 coders, 100,000 codings of 5–300 characters; a document attribute 部分
(前八十回 / 后四十回) and 12 cases of 10 chapters. Measured in one run, each against the
baseline of reading every coding row (the least any analysis must do):

- a two-code query (``A AND B``, and ``A NEAR B`` within a sentence), budget 300 ms;
- the full 300 × 300 co-occurrence, budget 1 s;
- the crosstab of all 300 codes by 部分, budget 300 ms.

Run: ``.venv/bin/python bench/bench_analysis.py``
"""

import random
import re
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select

from annotator.domain.query import Reach
from annotator.services import attributes, cases, codebook
from annotator.services.analysis_scope import Scope
from annotator.services.coders import ensure_coder
from annotator.services.cooccurrence import cooccurrence
from annotator.services.crosstab import crosstab
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.services.queries import QuerySpec, run_query
from annotator.store.models import Code, Coding
from annotator.store.project import Project, now

NOVEL = Path(__file__).resolve().parents[2] / "shared/corpus/hongloumeng-gbk.txt"
CHAPTERS, CODES, CODERS, CODINGS = 120, 300, 3, 100_000
HEADING = re.compile(r"^\s*第[一二三四五六七八九十百零]+回", re.M)


def chapters(text: str) -> list[str]:
    starts = [m.start() for m in HEADING.finditer(text)]
    parts: list[str] = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        if parts and b - a < 1000:       # a heading quoted inside a chapter, not a chapter
            parts[-1] += text[a:b]
        else:
            parts.append(text[a:b])
    parts[CHAPTERS - 1] = "".join(parts[CHAPTERS - 1:])
    return parts[:CHAPTERS]


def build(path: Path) -> Project:
    text = NOVEL.read_bytes().decode("gb18030")
    p = new_project(path, "empty")
    docs = [add_document(p, f"第{i + 1:03d}回", part) for i, part in enumerate(chapters(text))]
    coders = [ensure_coder(p, f"编码员{i}").id for i in range(CODERS)]
    with p.write() as s:
        s.execute(insert(Code.__table__), [
            {"guid": str(uuid.uuid4()), "parent_id": None, "name": f"代码{i:03d}",
             "description": "", "color": "#4363D8", "position": i, "is_codable": True,
             "memo": ""} for i in range(CODES)])
        code_ids = list(s.scalars(select(Code.id)))
    rng = random.Random(16)
    rows, seen = [], set()
    stamp = now()
    while len(rows) < CODINGS:
        d = rng.choice(docs)
        length = rng.randint(5, 300)
        start = rng.randrange(0, d.length - length)
        key = (d.id, rng.choice(code_ids), rng.choice(coders), start, start + length)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"document_id": key[0], "code_id": key[1], "coder_id": key[2],
                     "start": key[3], "end": key[4], "memo": "", "created_at": stamp,
                     "guid": str(uuid.uuid4())})
    with p.write() as s:
        s.execute(insert(Coding.__table__), rows)
    attributes.define_attribute(p, "部分", "document", "category")
    for i, d in enumerate(docs):
        attributes.set_value(p, "部分", d.name, "前八十回" if i < 80 else "后四十回")
    for k in range(12):
        cases.create_case(p, f"卷{k + 1:02d}", [d.name for d in docs[k * 10:(k + 1) * 10]])
    return p


def timed(fn, repeat: int = 5) -> float:
    """Median seconds of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        p = build(Path(tmp) / "novel.annotator")
        print(f"built: {CHAPTERS} chapters, {CODES} codes, {CODERS} coders, "
              f"{CODINGS:,} codings in {time.perf_counter() - t:.1f} s")

        def read_codings() -> None:
            with p.read() as s:
                s.connection().execute(select(Coding.id, Coding.document_id, Coding.code_id,
                                              Coding.coder_id, Coding.start,
                                              Coding.end)).all()

        base = timed(read_codings)
        paths = [c.path for c in codebook.code_tree(p)]
        cases_ = [
            ("query A AND B", lambda: run_query(p, QuerySpec(paths[0], "and", paths[1])),
             0.3),
            ("query A NEAR B (sentence)", lambda: run_query(
                p, QuerySpec(paths[0], "near", paths[1], Reach("sentence"))), 0.3),
            ("query A AND B, 部分=前八十回, 1 coder", lambda: run_query(
                p, QuerySpec(paths[0], "and", paths[1]),
                Scope(where=(("部分", "前八十回"),), coders=("编码员0",))), 0.3),
            ("co-occurrence 300 × 300", lambda: cooccurrence(p), 1.0),
            ("crosstab 300 codes by 部分", lambda: crosstab(p, "部分"), 0.3),
            ("crosstab 300 codes by case", lambda: crosstab(p, "case"), 0.3),
        ]
        print(f"baseline, reading all {CODINGS:,} coding rows: {base * 1000:.0f} ms")
        for name, fn, budget in cases_:
            took = timed(fn, 3 if budget >= 1 else 5)
            verdict = "ok" if took <= budget else "OVER"
            print(f"{name:<40} {took * 1000:7.0f} ms  {took / base:5.1f}× baseline  "
                  f"(budget {budget * 1000:.0f} ms: {verdict})")
        p.close()


if __name__ == "__main__":
    main()
