"""How importing a large REFI-QDA codebook scales: ``new --from`` and ``merge``.

Run: ``.venv/bin/python bench/bench_refi_codes.py [--no-merge] [N ...]`` (default 1000 4000
50000).
Each codebook has 50 root codes, each with a flat list of children (the shape of a
MAXQDA or ATLAS.ti codebook grown over years), one coded selection per 100 codes. Prints
the time per size and the time per code as a ratio to the smallest size measured in the
same run: a linear import keeps the ratio near 1.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.io.refi import (
    RefiCode,
    RefiCoding,
    RefiProject,
    RefiSelection,
    RefiSource,
    RefiUser,
    write_qdpx,
)
from annotator.services.exchange import new_project_from_qdpx
from annotator.services.projects import new_project
from annotator.services.workshop import merge_copy

ROOTS = 50


def codebook_project(n: int) -> RefiProject:
    user = RefiUser(str(uuid.uuid4()), "coder")
    roots = [RefiCode(str(uuid.uuid4()), f"主题 {r}") for r in range(ROOTS)]
    leaves = []
    for i in range(n - ROOTS):
        code = RefiCode(str(uuid.uuid4()), f"代码 {i}")
        roots[i % ROOTS].children.append(code)
        leaves.append(code)
    text = "居民说社区很好。" * max(1, n // 100)
    selections = [
        RefiSelection(str(uuid.uuid4()), 8 * k, 8 * k + 7,
                      [RefiCoding(leaves[k * 100 % len(leaves)].guid, user.guid)])
        for k in range(max(1, n // 100))
    ]
    source = RefiSource(str(uuid.uuid4()), "访谈", text, selections)
    return RefiProject("codes", users=[user], codes=roots, sources=[source])


def main(sizes: list[int], merge: bool) -> None:
    base: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            qdpx = Path(tmp) / f"codes-{n}.qdpx"
            write_qdpx(codebook_project(n), qdpx)
            start = time.perf_counter()
            project, report = new_project_from_qdpx(Path(tmp) / f"new-{n}.annotator", qdpx)
            project.close()
            new_s = time.perf_counter() - start
            merged = ""
            if merge:
                target = new_project(Path(tmp) / f"target-{n}.annotator", "governance")
                start = time.perf_counter()
                merge_copy(target, qdpx)
                merged = f", merge {time.perf_counter() - start:7.2f} s"
                target.close()
            per_code = new_s / n
            base = base or per_code
            print(f"{n:>7} codes: new --from {new_s:7.2f} s{merged}, {report.codes} codes "
                  f"added; new --from per code ×{per_code / base:.2f} of the first")


if __name__ == "__main__":
    args = sys.argv[1:]
    main([int(a) for a in args if a != "--no-merge"] or [1000, 4000, 50000],
         merge="--no-merge" not in args)
