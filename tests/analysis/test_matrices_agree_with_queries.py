"""Co-occurrence and crosstab cells agree with the segments behind them, on real text."""

import random
from itertools import combinations
from pathlib import Path

from sqlalchemy import insert

from annotator.domain.intervals import total_length
from annotator.services import cases, codebook
from annotator.services.analysis_scope import Cancelled, Scope
from annotator.services.coders import ensure_coder
from annotator.services.cooccurrence import cell_segments, cooccurrence
from annotator.services.crosstab import cell_segments as crosstab_segments
from annotator.services.crosstab import crosstab
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.models import Coding
from annotator.store.project import now
from tests.conftest import shared_file


def random_project(path: Path):
    """Six chapters of the novel, 6 codes, 2 coders, 600 random codings."""
    raw = shared_file("corpus", "hongloumeng-gbk.txt").read_bytes().decode("gb18030")
    p = new_project(path, "empty")
    docs = [add_document(p, f"章{i}", raw[i * 3000:(i + 1) * 3000] + "𠮷😀") for i in range(6)]
    codes = [codebook.add_code(p, f"码{i}").id for i in range(6)]
    coders = [ensure_coder(p, n).id for n in ("甲", "乙")]
    rng = random.Random(7)
    rows = set()
    while len(rows) < 600:
        d = rng.choice(docs)
        n = rng.randint(1, 120)
        s = rng.randrange(0, d.length - n)
        rows.add((d.id, rng.choice(codes), rng.choice(coders), s, s + n))
    with p.write() as s:
        s.execute(insert(Coding.__table__), [
            {"document_id": d, "code_id": c, "coder_id": k, "start": a, "end": b, "memo": "",
             "created_at": now(), "guid": f"g{i}"} for i, (d, c, k, a, b) in enumerate(rows)])
    cases.create_case(p, "前", ["章0", "章1", "章2"])
    cases.create_case(p, "后", ["章2", "章3"])
    return p


def test_every_cooccurrence_cell_matches_its_and_query(tmp_path) -> None:
    p = random_project(tmp_path / "r.annotator")
    steps = []
    for scope in (Scope(), Scope(coders=("乙",)), Scope(cases=("前",))):
        table = cooccurrence(p, scope=scope, progress=lambda d, t: steps.append((d, t)))
        paths = table.paths
        for a, b in combinations(table.code_ids, 2):
            segs = cell_segments(p, paths[a], paths[b], scope).segments
            cell = table.cell(a, b)
            assert cell["passages"] == len(segs)
            assert cell["characters"] == sum(g.end - g.start for g in segs)
            assert cell["documents"] == len({g.document for g in segs})
            in_case = {"前": {"章0", "章1", "章2"}, "后": {"章2", "章3"}}
            assert cell["cases"] == sum(1 for docs in in_case.values()
                                        if docs & {g.document for g in segs})
            assert all(g.text == p_text for g, p_text in zip(
                segs, [g.text for g in segs], strict=True))
    assert steps[-1] == (4, 4)
    p.close()


def test_crosstab_cells_match_their_segments_and_cancel_stops(tmp_path) -> None:
    p = random_project(tmp_path / "r.annotator")
    table = crosstab(p, "case", scope=Scope(coders=("甲",)))
    assert table.columns == ["前", "后"]
    for cid in table.code_ids:
        for col in table.columns:
            segs = crosstab_segments(p, table, cid, col)
            cell = table.cells[(cid, col)]
            assert cell["codings"] == len(segs)
            assert cell["documents"] == len({g.document_id for g in segs})
            by_doc: dict = {}
            for g in segs:
                by_doc.setdefault(g.document_id, []).append((g.start, g.end))
            assert cell["characters"] == sum(total_length(v) for v in by_doc.values())
    try:
        cooccurrence(p, cancel=lambda: True)
    except Cancelled as exc:
        assert "cancelled" in str(exc)
    else:
        raise AssertionError("not cancelled")
    p.close()
