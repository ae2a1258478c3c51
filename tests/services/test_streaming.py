"""Exports and retrievals that stream: the same rows as before, read back as a user
reads them (the workbook with openpyxl, ``segments --json`` with a JSON parser); the
code × document matrix folded as its codings come equals the one computed from lists."""

import json
import random
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert, select

from annotator.cli import main
from annotator.domain.intervals import total_length, union
from annotator.services.coders import ensure_coder
from annotator.services.coding import segments
from annotator.services.documents import add_document
from annotator.services.export import export_workbook
from annotator.services.overview import code_document_matrix, matrix_cells
from annotator.services.projects import new_project
from annotator.store.models import Code, Coder, Coding
from annotator.store.project import Project, now
from tests.conftest import SEED_PAPER


@pytest.fixture
def project(tmp_path: Path):
    """The seed paper (real Chinese text) with 3,000 random, overlapping codings by two
    coders in every code."""
    p = new_project(tmp_path / "流.annotator", "governance")
    text = SEED_PAPER.read_text(encoding="utf-8")
    doc = add_document(p, "seed-paper-zh", text)
    other = add_document(p, "短文", "居民信任党组织。\n" * 40)
    rng = random.Random(7)
    coders = [ensure_coder(p, "甲").id, ensure_coder(p, "乙").id]
    with p.write() as s:
        codes = list(s.scalars(select(Code.id)))
        rows, seen = [], set()
        for _ in range(3_000):
            d, length = rng.choice([(doc.id, len(text)), (other.id, 9 * 40)])
            start = rng.randrange(0, length - 30)
            key = (d, rng.choice(codes), rng.choice(coders), start, start + rng.randint(1, 30))
            if key not in seen:
                seen.add(key)
                rows.append({"document_id": key[0], "code_id": key[1], "coder_id": key[2],
                             "start": key[3], "end": key[4], "memo": "",
                             "created_at": now(), "guid": f"g{len(rows)}"})
        s.execute(insert(Coding), rows)
    yield p
    p.close()


def _by_lists(p: Project, coder_id: int | None = None) -> tuple[dict, dict]:
    """Counts and coverage the obvious way: every cell's spans in a list, unioned."""
    lengths = {d.id: d.length for d in code_document_matrix(p).documents}
    spans: dict = {}
    with p.read() as s:
        q = select(Coding.code_id, Coding.document_id, Coding.start, Coding.end)
        if coder_id is not None:
            q = q.where(Coding.coder_id == coder_id)
        for code, doc, start, end in s.execute(q):
            spans.setdefault((code, doc), []).append((start, end))
    return ({k: len(v) for k, v in spans.items()},
            {k: total_length(union(v)) / lengths[k[1]] for k, v in spans.items()})


def test_the_folded_matrix_equals_the_one_from_lists(project: Project) -> None:
    m = code_document_matrix(project)
    counts, coverage = _by_lists(project)
    assert m.counts == counts and sum(counts.values()) > 2_900
    assert m.coverage.keys() == coverage.keys()
    assert all(m.coverage[k] == pytest.approx(coverage[k], abs=1e-12) for k in coverage)
    with project.read() as s:
        coder = s.scalar(select(Coder.id).where(Coder.name == "乙"))
    assert code_document_matrix(project, coder).counts == _by_lists(project, coder)[0]
    # a few cells on their own, as a coding's change record names them
    keys = set(list(counts)[:7]) | {(-1, m.documents[0].id)}
    lengths = {d.id: d.length for d in m.documents}
    few_counts, few_coverage = matrix_cells(project, keys, lengths)
    assert few_counts == {k: counts[k] for k in keys if k in counts}
    assert few_coverage == pytest.approx({k: coverage[k] for k in keys if k in coverage})


def test_segments_json_streams_the_same_rows(project: Project, capsys) -> None:
    assert main(["segments", str(project.path), "--json"]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out)
    expected = segments(project)
    assert len(rows) == len(expected) > 2_900
    assert [(r["document"], r["code"], r["coder"], r["start"], r["end"], r["text"])
            for r in rows] == [(g.document, g.code_path, g.coder, g.start, g.end, g.text)
                               for g in expected]
    assert out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"  # as laid out before
    assert main(["segments", str(project.path), "--json", "--coder", "甲",
                 "--doc", "短文"]) == 0
    some = json.loads(capsys.readouterr().out)
    assert some and {r["coder"] for r in some} == {"甲"}


def test_the_streamed_workbook_reads_back(project: Project, tmp_path: Path) -> None:
    out = export_workbook(project, tmp_path / "导出.xlsx", lang="zh", words=False)
    wb = openpyxl.load_workbook(out, read_only=True)
    rows = list(wb["编码片段"].iter_rows(min_row=2, values_only=True))
    expected = segments(project)
    assert [(r[0], r[1], r[2], r[3], r[4], r[6]) for r in rows] == [
        (g.document, g.code_path, g.coder, g.start, g.end, g.text) for g in expected]
    m = code_document_matrix(project)
    matrix = {r[0]: r[1:] for r in wb["代码-文档矩阵"].iter_rows(min_row=2, values_only=True)}
    for c in m.codes:
        row = [m.counts.get((c.id, d.id), 0) for d in m.documents]
        assert list(matrix[c.path]) == [*row, sum(row)]
    assert {"编码员间一致性", "分歧"} <= set(wb.sheetnames)  # two coders: agreement sheets
