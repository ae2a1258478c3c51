"""Cases coded on segments (a focus group's speakers): every filter and matrix sees only
their stretches; checked against character sets worked out here, on the novel too."""

import random
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.messages import set_language
from annotator.services import attributes, cases, words
from annotator.services.analysis_scope import Scope
from annotator.services.cooccurrence import cooccurrence
from annotator.services.crosstab import cell_segments, crosstab
from annotator.services.documents import add_document
from annotator.services.kwic import Query, concordance
from annotator.services.projects import new_project
from annotator.services.queries import QuerySpec, run_query
from annotator.store.models import Coding, Document
from annotator.store.project import Project
from tests.analysis.test_analysis_cli import run
from tests.analysis.test_matrices_agree_with_queries import random_project

TRANSCRIPT = ("主持人：请大家谈谈对社区的信任。\n"
              "张阿姨：我信任居委会，他们办事公道。但是补贴发放太慢。\n"
              "李师傅：我不太信任物业，收费不透明😀。补贴的事也没人管。\n"
              "张阿姨：后来党支部来了，红色物业让大家放心。\n")


def span(part: str) -> tuple[int, int]:
    start = TRANSCRIPT.index(part)
    return start, start + len(part)


def turns(speaker: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(f"^{speaker}：.*$", TRANSCRIPT, re.M)]



@pytest.fixture(autouse=True)
def _language_back():
    """``--lang zh`` fixes the language for the process: the next test gets it back."""
    yield
    set_language(None)

@pytest.fixture
def focus(tmp_path: Path, capsys) -> Path:
    """One focus-group transcript; each speaker a case coded on their turns (CLI)."""
    path = tmp_path / "焦点小组.annotator"
    src = tmp_path / "座谈.txt"
    src.write_text(TRANSCRIPT, encoding="utf-8")
    for args in (("new", path, "--template", "empty"), ("import", path, src),
                 ("add-code", path, "信任"), ("add-code", path, "不满")):
        assert main([str(a) for a in args]) == 0
    for speaker in ("张阿姨", "李师傅"):
        assert main(["cases", str(path), "add", speaker]) == 0
        for start, end in turns(speaker):
            assert main(["cases", str(path), "code-segment", speaker, "--docs", "座谈",
                         "--start", str(start), "--end", str(end)]) == 0
    # 不满 runs across the end of 张阿姨's turn into 李师傅's
    for part, code in (("但是补贴发放太慢。\n李师傅：我不太信任物业", "不满"),
                       ("我信任居委会", "信任"), ("我不太信任物业，收费不透明😀", "信任")):
        start, end = span(part)
        assert main(["code", str(path), "--doc", "座谈", "--start", str(start), "--end",
                     str(end), "--code", code]) == 0
    with Project.open(path) as p:
        attributes.define_attribute(p, "性别", "case", "category")
        attributes.set_value(p, "性别", "张阿姨", "女", "case")
        attributes.set_value(p, "性别", "李师傅", "男", "case")
    capsys.readouterr()
    return path


def test_speaker_cases_filter_queries_words_and_concordance(focus, capsys) -> None:
    _, listing, _ = run(capsys, "cases", focus, "list", "--json")
    assert listing[0] == {"name": "张阿姨", "documents": [],
                          "segments": {"座谈": [list(t) for t in turns("张阿姨")]}}
    # the coding crossing two turns: only the part inside the chosen speaker's turn
    _, data, _ = run(capsys, "query", focus, "--code", "不满", "--cases", "张阿姨", "--json")
    assert [g["text"] for g in data["segments"]] == ["但是补贴发放太慢。"]
    _, data, _ = run(capsys, "query", focus, "--code", "不满", "--where", "性别=男", "--json")
    assert [g["text"] for g in data["segments"]] == ["李师傅：我不太信任物业"]
    _, data, _ = run(capsys, "query", focus, "--code", "信任", "--and", "不满",
                     "--cases", "李师傅", "--json")
    assert [g["text"] for g in data["segments"]] == ["我不太信任物业"]
    # words and hits of one speaker: their turns only, the moderator's words never
    _, data, _ = run(capsys, "words", focus, "--case", "李师傅", "--top", "100", "--json")
    counted = {w["word"]: w["count"] for w in data["words"]}
    assert counted["物业"] == 1 and "居委会" not in counted and "主持人" not in counted
    _, data, _ = run(capsys, "kwic", focus, "补贴", "--case", "张阿姨", "--json")
    assert [(h["start"], h["hit"]) for h in data["hits"]] == [(span("补贴发放")[0], "补贴")]
    _, data, _ = run(capsys, "kwic", focus, "信任", "--where", "性别=男", "--json")
    assert [h["start"] for h in data["hits"]] == [span("信任物业")[0]]


def test_speaker_columns_in_crosstabs_and_cases_in_cooccurrence(focus, capsys) -> None:
    _, data, _ = run(capsys, "crosstab", focus, "--by", "case", "--json")
    assert data["columns"] == ["张阿姨", "李师傅"]
    cells = {row["code"]: row["cells"] for row in data["rows"]}
    assert cells["不满"]["张阿姨"]["characters"] == len("但是补贴发放太慢。")
    assert cells["不满"]["李师傅"]["characters"] == len("李师傅：我不太信任物业")
    assert cells["信任"]["张阿姨"]["characters"] == len("我信任居委会")
    assert cells["信任"]["李师傅"]["characters"] == len("我不太信任物业，收费不透明😀")
    assert all(c["documents"] == 1 and c["cases"] == 1 for r in cells.values()
               for c in r.values())
    _, data, _ = run(capsys, "crosstab", focus, "--by", "性别", "--json")
    assert data["columns"] == ["女", "男"]
    cells = {row["code"]: row["cells"] for row in data["rows"]}
    assert cells["不满"]["男"]["characters"] == len("李师傅：我不太信任物业")
    # 信任 and 不满 share 我不太信任物业 only, in 李师傅's turn: one case carries the pair
    _, data, _ = run(capsys, "cooccurrence", focus, "--json")
    assert data["pairs"][0]["cases"] == 1
    with Project.open(focus) as p:
        table = crosstab(p, "case")
        trust = table.code_ids[table.codes.index("信任")]
        assert [g.text for g in cell_segments(p, table, trust, "李师傅")] == \
            ["我不太信任物业，收费不透明😀"]


def test_segments_merge_split_and_refuse_bad_spans(focus, capsys) -> None:
    (a, _b), (c, d) = turns("张阿姨")
    with Project.open(focus) as p:
        assert cases.code_segment(p, "张阿姨", "座谈", a + 2, c + 3) == [(a, d)]
        assert cases.uncode_segment(p, "张阿姨", "座谈", a + 5, a + 9) == [(a, a + 5),
                                                                          (a + 9, d)]
    before = focus.read_bytes()
    for args, says in (
        (("--start", "90", "--end", "500"), "0 到"),
        (("--start", "9", "--end", "3"), "0 到"),
    ):
        code, _, err = run(capsys, "--lang", "zh", "cases", focus, "code-segment", "张阿姨",
                           "--docs", "座谈", *args)
        assert code == 1 and says in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "cases", focus, "code-segment", "无此人", "--docs", "座谈",
                       "--start", "1", "--end", "2")
    assert code == 1 and "无此人" in err
    code, _, err = run(capsys, "cases", focus, "code-segment", "张阿姨", "--docs", "座谈")
    assert code == 1 and "--start" in err
    assert focus.read_bytes() == before
    # a case that holds the document whole takes no segments; adding it whole drops them
    assert main(["cases", str(focus), "add-docs", "张阿姨", "--docs", "座谈"]) == 0
    code, _, err = run(capsys, "--lang", "zh", "cases", focus, "code-segment", "张阿姨",
                       "--docs", "座谈", "--start", "1", "--end", "2")
    assert code == 1 and "已包含整个" in err
    _, listing, _ = run(capsys, "cases", focus, "list", "--json")
    assert listing[0]["documents"] == ["座谈"] and listing[0]["segments"] == {}


def _inside(spans: list[tuple[int, int]], regions: list[tuple[int, int]]) -> set[int]:
    chars = {i for a, b in spans for i in range(a, b)}
    return chars & {i for a, b in regions for i in range(a, b)}


def test_on_the_novel_every_cell_equals_its_character_sets(tmp_path) -> None:
    p = random_project(tmp_path / "r.annotator")
    rng = random.Random(11)
    with p.read() as s:
        texts = {d.name: (d.id, d.text) for d in s.scalars(select(Document))}
    regions: dict[str, dict[str, list[tuple[int, int]]]] = {"宝": {}, "黛": {}}
    for name in ("章4", "章5"):
        for speaker in regions:
            for _ in range(4):
                start = rng.randrange(0, 2800)
                end = start + rng.randint(20, 200)
                if speaker not in {c.name for c in cases.list_cases(p)}:
                    cases.create_case(p, speaker)
                got = cases.code_segment(p, speaker, name, start, end)
                regions[speaker][name] = got
    table = crosstab(p, "case")
    with p.read() as s:
        rows = s.execute(select(Coding.document_id, Coding.code_id, Coding.start,
                                Coding.end)).all()
    by_id = {did: name for name, (did, _t) in texts.items()}
    for speaker, per_doc in regions.items():
        for cid in table.code_ids:
            cell = table.cells[(cid, speaker)]
            chars = sum(len(_inside([(a, b) for d, c, a, b in rows
                                     if c == cid and by_id[d] == doc], spans))
                        for doc, spans in per_doc.items())
            pieces = sum(1 for d, c, a, b in rows if c == cid and by_id[d] in per_doc
                         for lo, hi in per_doc[by_id[d]] if a < hi and b > lo)
            assert (cell["characters"], cell["codings"]) == (chars, pieces)
            # one case, however many of its documents carry the code
            assert cell["cases"] == (1 if chars else 0)
            assert cell["documents"] == sum(
                1 for doc, spans in per_doc.items()
                if _inside([(a, b) for d, c, a, b in rows if c == cid and by_id[d] == doc],
                           spans))
            segs = cell_segments(p, table, cid, speaker)
            assert all(any(g.start < hi and g.end > lo for lo, hi in per_doc[g.document])
                       for g in segs)
        # a query over the speaker: the coded characters inside the stretches, nothing else
        code = table.codes[0]
        result = run_query(p, QuerySpec(code), Scope(cases=(speaker,)))
        got = {(g.document, i) for g in result.segments for i in range(g.start, g.end)}
        want = {(doc, i) for doc, spans in per_doc.items()
                for i in _inside([(a, b) for d, c, a, b in rows
                                  if c == table.code_ids[0] and by_id[d] == doc], spans)}
        assert got == want
        # hits of 了 in the speaker's stretches equal a plain count in those stretches
        hits = concordance(p, Query("了"), None).hits
        with p.read() as s:
            sel = words.scope_selection(s, Scope(cases=(speaker,)))
        scoped = concordance(p, Query("了"), sel).hits
        assert len(scoped) == sum(texts[doc][1][a:b].count("了")
                                  for doc, spans in per_doc.items() for a, b in spans)
        assert {(h.document_id, h.start) for h in scoped} <= {(h.document_id, h.start)
                                                               for h in hits}
    # co-occurrence: a speaker counts for a pair when the pair's shared text is theirs
    co = cooccurrence(p, scope=Scope(cases=("宝", "黛")))
    for a, b in [(x, y) for x in co.code_ids for y in co.code_ids if x < y][:6]:
        shared = run_query(p, QuerySpec(co.paths[a], "and", co.paths[b]),
                           Scope(cases=("宝", "黛"))).segments
        owners = {sp for sp, per_doc in regions.items() for g in shared
                  if any(g.start < hi and g.end > lo for lo, hi in per_doc.get(g.document, []))}
        assert co.cell(a, b)["cases"] == len(owners)
    p.close()


def test_a_case_coded_on_segments_survives_reopening(tmp_path) -> None:
    p = new_project(tmp_path / "x.annotator", "empty")
    add_document(p, "座谈", TRANSCRIPT)
    cases.create_case(p, "张阿姨")
    cases.code_segment(p, "张阿姨", "座谈", *turns("张阿姨")[0])
    p.close()
    with Project.open(tmp_path / "x.annotator") as again:
        assert cases.list_cases(again)[0].segments == {"座谈": [turns("张阿姨")[0]]}
        cases.delete_case(again, "张阿姨")
        assert cases.list_cases(again) == []


def test_document_and_code_sets_from_the_command_line(tmp_path, capsys) -> None:
    path = tmp_path / "r.annotator"
    random_project(path).close()
    assert run(capsys, "sets", path, "add", "开头", "--members", "章0,章1")[0] == 0
    assert run(capsys, "sets", path, "add", "两码", "--code", "--members", "码0", "--members",
               "码2")[0] == 0
    _, listing, _ = run(capsys, "sets", path, "--json")
    assert listing == [{"kind": "document", "name": "开头", "members": ["章0", "章1"]},
                       {"kind": "code", "name": "两码", "members": ["码0", "码2"]}]
    _, data, _ = run(capsys, "cooccurrence", path, "--code-sets", "两码", "--document-sets",
                     "开头", "--json")
    assert data["codes"] == ["码0", "码2"]
    _, both, _ = run(capsys, "query", path, "--code", "码0", "--and", "码2", "--docs",
                     "章0,章1", "--json")
    assert data["pairs"][0]["passages"] == both["count"]
    _, table, _ = run(capsys, "crosstab", path, "--by", "case", "--code-sets", "两码", "--json")
    assert [r["code"] for r in table["rows"]] == ["码0", "码2"]
    _, hits, _ = run(capsys, "kwic", path, "了", "--document-set", "开头", "--json")
    assert hits["hits"] and {h["document"] for h in hits["hits"]} == {"章0", "章1"}
    before = path.read_bytes()
    code, _, err = run(capsys, "query", path, "--code", "码0", "--document-sets", "无", "--json")
    assert code == 1 and "无" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "sets", path, "add", "开头")
    assert code == 1 and "开头" in err
    code, _, err = run(capsys, "sets", path, "add", "x", "--members", "章九")
    assert code == 1 and "章九" in err
    assert path.read_bytes() == before and "x" not in str(run(capsys, "sets", path)[1])
    assert run(capsys, "sets", path, "remove-members", "开头", "--members", "章1")[0] == 0
    assert run(capsys, "sets", path, "delete", "两码", "--code")[0] == 0
    _, listing, _ = run(capsys, "sets", path, "--json")
    assert listing == [{"kind": "document", "name": "开头", "members": ["章0"]}]


def test_kwic_finds_the_synonyms_when_asked(tmp_path, capsys) -> None:
    path = tmp_path / "r.annotator"
    random_project(path).close()
    assert run(capsys, "synonyms", path, "--merge", "笑,说")[0] == 0
    _, plain, _ = run(capsys, "kwic", path, "说", "--json")
    _, alone, _ = run(capsys, "kwic", path, "笑", "--json")
    _, both, _ = run(capsys, "kwic", path, "说", "--synonyms", "--json")
    assert len(both["hits"]) == len(plain["hits"]) + len(alone["hits"])
    assert {h["hit"] for h in both["hits"]} == {"笑", "说"}
    starts = [(h["document"], h["start"]) for h in both["hits"]]
    assert starts == sorted(starts, key=lambda d: (int(d[0][1:]), d[1]))
