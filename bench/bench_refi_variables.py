"""What a REFI-QDA project's variables add to ``new --from``.

Run: ``.venv/bin/python bench/bench_refi_variables.py [DOCUMENTS] [VARIABLES]`` (default
2000 10). Builds a MAXQDA-style project (every text source carries an Integer value of
every variable), imports it, and imports the same project without its variables; prints
both times and their ratio, measured in the same run (the machine's load cancels out).
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.io.refi import RefiProject, RefiSource, RefiVariable, write_qdpx
from annotator.services.exchange import new_project_from_qdpx


def project(documents: int, variables: int) -> RefiProject:
    kinds = [RefiVariable(str(uuid.uuid4()), f"变量 {i}", "Integer") for i in range(variables)]
    sources = [
        RefiSource(str(uuid.uuid4()), f"访谈 {d}", f"第 {d} 份访谈的文字。",
                   values={v.guid: str(d % 90) for v in kinds})
        for d in range(documents)
    ]
    return RefiProject(name="bench", sources=sources, variables=kinds)


def timed(qdpx: Path, folder: Path) -> float:
    start = time.perf_counter()
    p, _ = new_project_from_qdpx(folder / f"{qdpx.stem}-{uuid.uuid4().hex}.annotator", qdpx)
    p.close()
    return time.perf_counter() - start


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    variables = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with_values = folder / "with.qdpx"
        without = folder / "without.qdpx"
        write_qdpx(project(documents, variables), with_values)
        write_qdpx(project(documents, 0), without)
        base = timed(without, folder)
        full = timed(with_values, folder)
    print(f"{documents} documents: {base:.2f} s; with {variables} variables "
          f"({documents * variables} values): {full:.2f} s, ×{full / base:.2f}")


if __name__ == "__main__":
    main()
