"""The default export and ``segments --json`` as a user runs them, at several sizes.

    .venv/bin/python bench/bench_export.py [--codings 1000 20000 100000] [--cache DIR]

Per size, a project of ``bench_project.build``'s shape (100 documents, 4 coders coding at
random, the governance codebook) and, each in a fresh process, the command as typed:

* ``annotator export P out.xlsx`` — the default: segments, codebook, matrix, coverage,
  documents, words, and the agreement and disagreement sheets of the 4 coders. Its
  baseline is a bare openpyxl write-only workbook holding the same rows (every sheet of
  the exported file, read back as plain values) written by a fresh process, its
  start-up included as the command's is. Budget: ≤ 1.5×.
* ``annotator segments P --json`` to a file, against ``python -c pass`` + ``json.dump``
  of the same rows.

Peak memory (the process's maximum resident set) is reported for both commands: it
should not grow with the number of codings.
"""

import argparse
import json
import pickle
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DOCS = 100
CODERS = 4
BARE = """
import pickle, sys, time
from openpyxl import Workbook
sheets = pickle.load(open(sys.argv[1], "rb"))
t = time.perf_counter()
wb = Workbook(write_only=True)
for title, rows in sheets:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)
wb.save(sys.argv[2])
print(time.perf_counter() - t)
"""
BARE_JSON = """
import json, pickle, sys, time
rows = pickle.load(open(sys.argv[1], "rb"))
t = time.perf_counter()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(rows, out, ensure_ascii=False, indent=2)
print(time.perf_counter() - t)
"""
MEASURED = """
import resource, subprocess, sys, time
t = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[2:], stdout=out).returncode
wall = time.perf_counter() - t
print(code, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def build(path: Path, codings: int) -> None:
    from bench_project import SEED
    from sqlalchemy import insert

    from annotator.services.codebook import code_tree
    from annotator.services.coders import ensure_coder
    from annotator.services.documents import add_document
    from annotator.services.projects import new_project
    from annotator.store.models import Coding
    from annotator.store.project import now

    p = new_project(path, "governance")
    rng = random.Random(1)
    coders = [ensure_coder(p, f"编码员{i}").id for i in range(CODERS)]
    docs = [add_document(p, f"文档{i:03d}", f"{i}\n" + SEED * 3) for i in range(DOCS)]
    codes = [c.id for c in code_tree(p)]
    seen: set = set()
    created = now()
    while len(seen) < codings:
        batch = []
        while len(seen) < codings and len(batch) < 50_000:
            d = rng.choice(docs)
            start = rng.randrange(0, d.length - 200)
            key = (d.id, rng.choice(codes), rng.choice(coders), start,
                   start + rng.randint(5, 200))
            if key in seen:
                continue
            seen.add(key)
            batch.append(dict(document_id=key[0], code_id=key[1], coder_id=key[2],
                              start=key[3], end=key[4], memo="", created_at=created,
                              guid=str(uuid.uuid4())))
        with p.write() as s:
            s.execute(insert(Coding), batch)
    p.close()


def measured(out: Path, *command: str) -> tuple[float, int]:
    """(seconds, peak resident set in MB) of a command run in a fresh process."""
    done = subprocess.run([sys.executable, "-c", MEASURED, str(out), *command],
                          capture_output=True, text=True, check=True)
    code, wall, peak_kb = done.stdout.split()
    assert code == "0", done.stderr
    return float(wall), int(peak_kb) // 1024


def annotator(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("annotator")), *args]


def run_size(root: Path, codings: int, cache: Path) -> dict:
    from openpyxl import load_workbook

    project = cache / f"export-{codings}.annotator"
    if not project.exists():
        t = time.perf_counter()
        build(project, codings)
        print(f"  built {codings:,} codings in {time.perf_counter() - t:.1f} s", flush=True)
    out = root / "export.xlsx"
    export_s, export_mb = measured(root / "export.log", *annotator("export", str(project),
                                                                   str(out)))
    wb = load_workbook(out, read_only=True)
    sheets = [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)])
              for ws in wb.worksheets]
    wb.close()
    rows = sum(len(r) for _t, r in sheets)
    with open(root / "sheets.pickle", "wb") as f:
        pickle.dump(sheets, f)
    bare_in = float(subprocess.run([sys.executable, "-c", BARE, str(root / "sheets.pickle"),
                                    str(root / "bare.xlsx")], capture_output=True, text=True,
                                   check=True).stdout)
    # the bare process's start-up, without the unpickling only the baseline needs
    start_s = measured(root / "pass.log", sys.executable, "-c", "import openpyxl")[0]
    bare_s = bare_in + start_s

    json_out = root / "segments.json"
    json_s, json_mb = measured(json_out, *annotator("segments", str(project), "--json"))
    segs = json.loads(json_out.read_text(encoding="utf-8"))
    assert len(segs) == codings
    with open(root / "segs.pickle", "wb") as f:
        pickle.dump(segs, f)
    bare_json = float(subprocess.run([sys.executable, "-c", BARE_JSON,
                                      str(root / "segs.pickle"), str(root / "bare.json")],
                                     capture_output=True, text=True, check=True).stdout)
    del segs, sheets
    return {"codings": codings, "rows": rows, "export_s": export_s, "export_mb": export_mb,
            "bare_s": bare_s, "json_s": json_s, "json_mb": json_mb,
            "bare_json_s": bare_json + start_s}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--codings", type=int, nargs="+", default=[1_000, 20_000, 100_000])
    ap.add_argument("--cache", type=Path,
                    default=Path(tempfile.gettempdir()) / "annotator-bench-export")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.codings:
        with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
            print(f"{n:,} codings…", flush=True)
            r = run_size(Path(tmp), n, args.cache)
            results.append(r)
            print(f"  export {r['export_s']:.2f} s ({r['rows']:,} rows in all sheets), "
                  f"bare openpyxl of the same rows {r['bare_s']:.2f} s "
                  f"= {r['export_s'] / r['bare_s']:.2f}× (budget 1.5×); "
                  f"peak {r['export_mb']} MB", flush=True)
            print(f"  segments --json {r['json_s']:.2f} s vs json.dump "
                  f"{r['bare_json_s']:.2f} s = {r['json_s'] / r['bare_json_s']:.2f}×; "
                  f"peak {r['json_mb']} MB", flush=True)
    print("\n| codings | export (s) | bare openpyxl, same rows (s) | ratio | export peak (MB) "
          "| segments --json (s) | ratio to json.dump | --json peak (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['codings']:,} | {r['export_s']:.2f} | {r['bare_s']:.2f} | "
              f"{r['export_s'] / r['bare_s']:.2f}× | {r['export_mb']} | {r['json_s']:.2f} | "
              f"{r['json_s'] / r['bare_json_s']:.2f}× | {r['json_mb']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
