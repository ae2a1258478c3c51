"""Time what `annotator agreement` adds to the computation: `--json` and `--xlsx` (by hand).

The project of ``bench_workshop.py`` without the copies: 10 documents × 100,000
characters, 50 codes, 20 coders × 500 codings per document, coded straight into one
project. Budgets, each a ratio against a baseline measured in the same run:

* the whole `annotator agreement --json` command ≤ 2 × ``project_agreement`` (the core);
* writing the agreement workbook (`--xlsx`'s part) ≤ 1.5 × a bare openpyxl write-only
  workbook holding the same cells (read back from the written workbook, untimed).

Core and command alternate, best of three each: on a shared machine the load changes
between two measurements taken minutes apart.

    .venv/bin/python bench/bench_agreement_output.py [--no-xlsx]
"""

import argparse
import contextlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_workshop import (
    PARTICIPANTS,
    SEED,
    build_facilitator,
    participant_rows,
    truth,
)

from annotator.cli import main as cli_main
from annotator.services.agreement import disagreements, project_agreement
from annotator.services.agreement_export import write_agreement_workbook
from annotator.services.agreement_measures import code_measures, methods_paragraph
from annotator.services.agreement_notes import agreement_notes
from annotator.services.coders import get_or_create_coder
from annotator.store.models import Code, Coding, Document
from annotator.store.project import Project


def code_everyone(project: Project, rng: random.Random) -> int:
    """Every participant's codings, inserted at once (setup, not timed)."""
    with project.read() as s:
        doc_ids = list(s.scalars(select(Document.id).order_by(Document.id)))
        code_ids = list(s.scalars(select(Code.id)))
    shared = truth(rng, doc_ids, code_ids)
    with project.write() as s:
        rows = []
        for p in range(PARTICIPANTS):
            coder = get_or_create_coder(s, f"参与者{p:02d}").id
            rows += participant_rows(coder, shared, code_ids, rng)
        s.execute(insert(Coding), rows)
    return len(rows)


def best_of_three(path: Path) -> tuple[float, float, int]:
    core_times, command_times = [], []
    size = 0
    for _round in range(3):
        with Project.open(path) as p:
            t = time.perf_counter()
            project_agreement(p)
            core_times.append(time.perf_counter() - t)
        out = io.StringIO()
        t = time.perf_counter()
        with contextlib.redirect_stdout(out):
            assert cli_main(["agreement", str(path), "--json"]) == 0
        command_times.append(time.perf_counter() - t)
        size = len(out.getvalue())
    return min(core_times), min(command_times), size


def bare_workbook(source: Path, target: Path) -> tuple[float, int]:
    """The same cells, values only, through a bare write-only openpyxl workbook."""
    read = load_workbook(source, read_only=True)
    sheets = {ws.title: list(ws.iter_rows(values_only=True)) for ws in read.worksheets}
    read.close()
    t = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)
    return time.perf_counter() - t, sum(len(rows) for rows in sheets.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-xlsx", action="store_true", help="skip the workbook budget")
    args = ap.parse_args()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="bench-agreement-output-") as tmp:
        root = Path(tmp)
        path = root / "工作坊.annotator"
        t = time.perf_counter()
        project = build_facilitator(path, rng)
        total = code_everyone(project, rng)
        project.close()
        print(f"setup: {total:,} codings ({time.perf_counter() - t:.1f} s)")

        core, command, size = best_of_three(path)
        print(f"`annotator agreement --json`: {size / 1e6:.1f} MB, {command:.2f} s vs "
              f"project_agreement {core:.2f} s = {command / core:.2f}× (budget 2×)")
        if args.no_xlsx:
            return
        with Project.open(path) as p:
            result = project_agreement(p)
            items = disagreements(p)
        measures = code_measures(result)
        methods = " ".join(str(m) for m in methods_paragraph(result, measures))
        notes = [str(n) for n in agreement_notes(result)]
        ours = []
        for _round in range(3):
            t = time.perf_counter()
            write_agreement_workbook(result, items, root / "agreement.xlsx", "zh",
                                     measures=measures, methods=methods, notes=notes)
            ours.append(time.perf_counter() - t)
        bare = [bare_workbook(root / "agreement.xlsx", root / f"bare{i}.xlsx")
                for i in range(3)]
        rows = bare[0][1]
        plain = min(b[0] for b in bare)
        print(f"agreement workbook: {rows:,} rows, {min(ours):.2f} s vs bare openpyxl "
              f"write-only {plain:.2f} s = {min(ours) / plain:.2f}× (budget 1.5×)")


if __name__ == "__main__":
    main()
