"""Time a workshop at the size of the performance budget (run by hand).

A facilitator project of 10 documents × 100,000 characters (1,000,000 in all) and 50
codes; 20 participant copies, each coded with 500 codings per document (5,000 per copy,
100,000 in all) by its participant. Coders agree only roughly, as in
``bench_agreement.py``: they code a shared set of "true" segments with boundaries a few
characters off, skip some and add their own. Budgets: merging the 20 copies < 10 s;
agreement for the 20 coders, 50 codes and 1,000,000 characters < 5 s.

    .venv/bin/python bench/bench_workshop.py [--xlsx]
"""

import argparse
import contextlib
import io
import json
import random
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select

from annotator.cli import main as cli_main
from annotator.services.agreement import disagreements, project_agreement
from annotator.services.agreement_export import write_agreement_workbook
from annotator.services.codebook import code_paths, create_code
from annotator.services.documents import insert_document
from annotator.services.projects import new_project
from annotator.services.workshop import make_participant_copies, merge_copies
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project, now

PARTICIPANTS = 20
DOCUMENTS = 10
DOC_LENGTH = 100_000
TOP_LEVEL = 5
CHILDREN = 9  # 5 + 5 × 9 = 50 codes
CODINGS_PER_DOC = 500
SEED = 20240607
HANZI = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)] + ["，", "。", "\n"]


def build_facilitator(path: Path, rng: random.Random) -> Project:
    project = new_project(path, "empty", name="工作坊基准")
    with project.write() as s:
        for t in range(TOP_LEVEL):
            parent = create_code(s, None, f"主题{t}")
            for c in range(CHILDREN):
                create_code(s, parent.id, f"子题{t}-{c}")
        for d in range(DOCUMENTS):
            text = f"文档{d}：" + "".join(rng.choices(HANZI, k=DOC_LENGTH - len(f"文档{d}：")))
            insert_document(s, f"访谈{d:02d}", text)
    return project


def truth(rng: random.Random, doc_ids: list[int], code_ids: list[int]) -> dict:
    out = {}
    for doc in doc_ids:
        segments = []
        for _ in range(CODINGS_PER_DOC):
            length = rng.randint(20, 600)
            start = rng.randrange(0, DOC_LENGTH - length)
            segments.append((rng.choice(code_ids), start, start + length))
        out[doc] = segments
    return out


def participant_rows(coder: int, shared: dict, code_ids: list[int],
                     rng: random.Random) -> list[dict]:
    """One participant's coding rows: the shared segments, roughly (setup, not timed)."""
    rows, seen = [], set()
    created = now()
    for doc, segments in shared.items():
        for code, start, end in segments:
            if rng.random() < 0.1:
                length = rng.randint(20, 600)
                start = rng.randrange(0, DOC_LENGTH - length)
                end, code = start + length, rng.choice(code_ids)
            elif rng.random() < 0.5:
                start = max(0, start + rng.randint(-15, 15))
                end = min(DOC_LENGTH, max(start + 1, end + rng.randint(-15, 15)))
            key = (doc, code, start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append({"document_id": doc, "code_id": code, "coder_id": coder,
                         "start": start, "end": end, "memo": "", "created_at": created,
                         "guid": str(uuid.uuid4())})
    return rows


def code_copy(path: Path, participant: str, shared: dict, rng: random.Random) -> int:
    """Bulk-insert the participant's codings (setup, not timed)."""
    with Project.open(path) as copy, copy.write() as s:
        coder = s.scalar(select(Coder.id).where(Coder.name == participant))
        rows = participant_rows(coder, shared, list(s.scalars(select(Code.id))), rng)
        s.execute(insert(Coding), rows)
        return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--xlsx", action="store_true", help="also time the agreement workbook")
    args = ap.parse_args()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="bench-workshop-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        facilitator = build_facilitator(root / "工作坊.annotator", rng)
        print(f"facilitator project: {DOCUMENTS} documents × {DOC_LENGTH:,} characters, "
              f"{TOP_LEVEL + TOP_LEVEL * CHILDREN} codes ({time.perf_counter() - t:.2f} s)")

        names = [f"参与者{i:02d}" for i in range(PARTICIPANTS)]
        t = time.perf_counter()
        copies = make_participant_copies(facilitator, root / "copies", names,
                                         without_codings=True)
        print(f"make_participant_copies: {len(copies)} copies, {time.perf_counter() - t:.2f} s")

        with facilitator.read() as s:
            doc_ids = list(s.scalars(select(Document.id).order_by(Document.id)))
            code_ids = list(s.scalars(select(Code.id)))
        shared = truth(rng, doc_ids, code_ids)
        t = time.perf_counter()
        total = sum(code_copy(c.path, c.participant, shared, rng) for c in copies)
        print(f"setup: {total:,} codings in the copies ({time.perf_counter() - t:.2f} s)")

        sources = [c.path for c in copies]
        t = time.perf_counter()
        reports = merge_copies(facilitator, sources)
        merge_time = time.perf_counter() - t
        assert all(r.ok for r in reports), [r.error for r in reports]
        added = sum(r.codings_added for r in reports)
        print(f"merge_copies: {len(reports)} copies, {added:,} codings added: "
              f"{merge_time:.2f} s (budget 10 s)")

        t = time.perf_counter()
        again = merge_copies(facilitator, sources)
        assert sum(r.codings_added for r in again) == 0
        print(f"merge_copies again (adds nothing): {time.perf_counter() - t:.2f} s")

        t = time.perf_counter()
        result = project_agreement(facilitator)
        agreement_time = time.perf_counter() - t
        pairs = sum(len(c.pairs) for c in result.report.cells)
        print(f"project_agreement: {len(result.coders)} coders, {len(result.codes)} codes, "
              f"{sum(d.length for d in result.documents):,} characters, "
              f"{len(result.report.cells)} cells, {pairs:,} pair tables: "
              f"{agreement_time:.2f} s (budget 5 s)")

        with facilitator.read() as s:
            paths = code_paths(s)
        top = [paths[c] for c in code_ids if "/" not in paths[c]]
        t = time.perf_counter()
        with_set = project_agreement(facilitator, sets=[top])
        print(f"project_agreement + α over the {len(top)} top-level codes (with children): "
              f"{time.perf_counter() - t:.2f} s, set α = "
              f"{with_set.sets[0].result.krippendorff_alpha:.3f}")

        t = time.perf_counter()
        text = json.dumps(result.to_json(), ensure_ascii=False)
        print(f"JSON of the report: {len(text) / 1e6:.1f} MB, {time.perf_counter() - t:.2f} s")

        facilitator.close()
        # Core and command alternate, best of three each: on a shared machine the load
        # changes between two measurements taken minutes apart.
        core_times, command_times = [], []
        for _round in range(3):
            with Project.open(root / "工作坊.annotator") as p:
                t = time.perf_counter()
                project_agreement(p)
                core_times.append(time.perf_counter() - t)
            out = io.StringIO()
            t = time.perf_counter()
            with contextlib.redirect_stdout(out):
                assert cli_main(["agreement", str(root / "工作坊.annotator"), "--json"]) == 0
            command_times.append(time.perf_counter() - t)
        core, command = min(core_times), min(command_times)
        print(f"`annotator agreement --json` (whole command, {len(out.getvalue()) / 1e6:.1f} MB"
              f" with the AC1/Brennan–Prediger/Fleiss family): {command:.2f} s vs "
              f"project_agreement {core:.2f} s = {command / core:.2f}× (budget 2×)")
        facilitator = Project.open(root / "工作坊.annotator")

        t = time.perf_counter()
        items = disagreements(facilitator)
        print(f"disagreements: {len(items):,} runs, {time.perf_counter() - t:.2f} s")

        if args.xlsx:
            t = time.perf_counter()
            write_agreement_workbook(result, items, root / "agreement.xlsx", "zh")
            print(f"agreement workbook: {time.perf_counter() - t:.2f} s")
        facilitator.close()


if __name__ == "__main__":
    main()
