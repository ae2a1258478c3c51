"""A team project under load: 20 coders coding at once on a real PostgreSQL server.

Starts its own server (Debian's PostgreSQL, fsync on), makes a project with the seed paper
repeated into 10 documents and the governance codebook, then runs 20 coder processes at
once, each coding 500 spans (and adding a code every 50 codings, under one shared parent,
as a team's codebook grows while it codes). Afterwards every coding is counted: none may be
lost or duplicated. Reported: median and p95 time per coding under load, against the same
coder working alone on the same server in the same run (the baseline), and the time until
another member's window hears of a coding (its change feed).

    .venv/bin/python bench/bench_team.py [--coders 20] [--codings 500]
"""

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from annotator.services import coding, documents
from annotator.services.codebook import add_code, code_paths
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.change_feed import ChangeFeed
from annotator.store.models import Code, Coding
from annotator.store.project import Project
from tests.postgres_server import create_database, running_server

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed-paper-zh.txt"
DOCUMENTS = 10


def _coder(url: str, who: int, count: int, start_gate, results) -> None:
    try:
        _code_spans(url, who, count, start_gate, results)
    except Exception as exc:  # the parent stops rather than wait for this coder forever
        results.put(f"coder {who}: {exc}")
        raise


def _code_spans(url: str, who: int, count: int, start_gate, results) -> None:
    project = Project.open(url)
    rng = random.Random(who)
    coder = ensure_coder(project, f"编码员{who:02d}").id
    docs = [d.id for d in documents.list_documents(project)]
    with project.read() as s:
        codes = [c for c, path in code_paths(s).items() if "/" in path]
    start_gate.wait()
    times = []
    for i in range(count):
        doc = docs[i % len(docs)]
        start = i * 7 + who  # distinct per coder: every coding must land
        t0 = time.perf_counter()
        coding.code_span(project, doc, start, start + 5 + rng.randrange(20),
                         rng.choice(codes), coder)
        times.append(time.perf_counter() - t0)
        if i % 50 == 49:
            add_code(project, f"团队新增/编码员{who:02d}-{i}")
    project.close()
    results.put(times)


def _run_coders(url: str, coders: int, count: int) -> list[float]:
    ctx = mp.get_context("spawn")
    gate, results = ctx.Barrier(coders), ctx.Queue()
    procs = [ctx.Process(target=_coder, args=(url, w, count, gate, results))
             for w in range(coders)]
    for p in procs:
        p.start()
    times: list[float] = []
    for _ in procs:
        got = results.get()
        if isinstance(got, str):
            for p in procs:
                p.terminate()
            raise SystemExit(got)
        times += got
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise SystemExit(f"a coder process failed (exit {p.exitcode})")
    return times


def _prepare(url: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    with new_project(url) as p:
        for n in range(DOCUMENTS):
            documents.add_document(p, f"访谈{n + 1:02d}", f"{n}\n{text * 2}")
        add_code(p, "团队新增")


def _feed_latency(url: str, samples: int = 30) -> list[float]:
    writer = Project.open(url)
    feed = ChangeFeed(url)
    coder = ensure_coder(writer, "观察者").id
    doc = documents.list_documents(writer)[0].id
    with writer.read() as s:
        code = next(iter(code_paths(s)))
    delays = []
    feed.wait(0.5)
    for i in range(samples):
        t0 = time.perf_counter()
        coding.code_span(writer, doc, 5000 + i * 3, 5002 + i * 3, code, coder)
        if not feed.wait(5.0):
            raise SystemExit("a coding was never announced")
        delays.append(time.perf_counter() - t0)
    feed.close()
    writer.close()
    return delays


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--coders", type=int, default=20)
    ap.add_argument("--codings", type=int, default=500)
    a = ap.parse_args()
    with running_server(durable=True) as server:
        alone_url, team_url = create_database(server, "alone"), create_database(server, "team")
        _prepare(alone_url)
        _prepare(team_url)
        alone = _run_coders(alone_url, 1, a.codings)
        t0 = time.perf_counter()
        team = _run_coders(team_url, a.coders, a.codings)
        wall = time.perf_counter() - t0
        with Project.open(team_url) as p, p.read() as s:
            total = s.scalar(select(func.count(Coding.id)))
            distinct = s.execute(select(func.count()).select_from(
                select(Coding.document_id, Coding.coder_id, Coding.start).distinct().subquery()
            )).scalar()
            parent = s.scalar(select(Code.id).where(Code.name == "团队新增"))
            positions = list(s.scalars(select(Code.position).where(Code.parent_id == parent)))
        delays = _feed_latency(team_url)
    expected = a.coders * a.codings
    print(f"codings: {total} stored of {expected} made; {total - distinct} duplicated, "
          f"{expected - distinct} lost")
    print(f"alone:   median {statistics.median(alone) * 1e3:.1f} ms, "
          f"p95 {_p95(alone) * 1e3:.1f} ms per coding")
    print(f"{a.coders} coders: median {statistics.median(team) * 1e3:.1f} ms, "
          f"p95 {_p95(team) * 1e3:.1f} ms per coding "
          f"({statistics.median(team) / statistics.median(alone):.2f}× alone); "
          f"{expected / wall:.0f} codings/s in all")
    print(f"seen by another window: median {statistics.median(delays) * 1e3:.1f} ms, "
          f"max {max(delays) * 1e3:.1f} ms after the coding was made")
    added = a.coders * (a.codings // 50)
    print(f"codes added while coding: {len(positions)} of {added}, "
          f"{len(set(positions))} distinct positions")
    if total != expected or distinct != expected:
        raise SystemExit("codings were lost or duplicated")
    if len(positions) != added or len(set(positions)) != added:
        raise SystemExit("codes were lost or took the same position")


if __name__ == "__main__":
    main()
