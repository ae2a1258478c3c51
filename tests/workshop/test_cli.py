"""The workshop subcommands as a user runs them: output, JSON keys, exit codes."""

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.domain.agreement_unitizing import unitizing_alpha
from annotator.services.agreement_export import LABELS
from tests.conftest import SEED_PAPER

TEXT = "居民对党组织的信任逐步提高。社区协商议事会每月召开一次，居民代表参与讨论。"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *args: object) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def fails(capsys, *args: object) -> str:
    code, _out, err = run(capsys, *args)
    assert code == 1
    assert err.startswith("annotator: error: ")
    return err


def new_project(capsys, path: Path, text: str, *import_options: str) -> Path:
    """A new project at ``path`` holding ``text`` as the document 访谈, through the CLI."""
    doc = path.parent / "访谈.txt"
    doc.write_text(text, encoding="utf-8")
    ok(capsys, "new", path)
    ok(capsys, "import", path, doc, *import_options)
    return path


@pytest.fixture
def workshop(tmp_path: Path, capsys) -> dict:
    """Facilitator project with one document, copies for 甲 and 乙 coded, merged."""
    f = new_project(capsys, tmp_path / "工作坊.annotator", TEXT, "--coder", "主持人")
    out = ok(capsys, "copies", f, tmp_path / "out", "--participants", "甲，乙")
    assert "2 participant copies" in out and "0 codings" in out
    a, b = tmp_path / "out" / "工作坊-甲.annotator", tmp_path / "out" / "工作坊-乙.annotator"
    for path, coder, start, end in ((a, "甲", 0, 14), (b, "乙", 2, 14)):
        ok(capsys, "code", path, "--doc", "访谈", "--start", start, "--end", end,
           "--code", "信任/政治信任", "--coder", coder)
    ok(capsys, "code", b, "--doc", "访谈", "--start", 14, "--end", 30,
       "--code", "整合/协商对话机制", "--coder", "乙")
    return {"f": f, "a": a, "b": b, "tmp": tmp_path}


def test_copies(workshop: dict, capsys) -> None:
    out = ok(capsys, "copies", workshop["f"], workshop["tmp"] / "json", "--participants",
             "丙", "--json")
    data = json.loads(out)
    assert data[0]["participant"] == "丙" and data[0]["documents"] == 1
    ok(capsys, "merge", workshop["f"], workshop["a"], workshop["b"])
    # After a merge the project holds 甲's and 乙's codings; a new round starts clean ...
    fresh = json.loads(ok(capsys, "copies", workshop["f"], workshop["tmp"] / "fresh",
                          "--participants", "丁", "--json"))
    assert fresh[0]["codings"] == 0
    # ... unless the facilitator asks to carry them.
    carried = json.loads(ok(capsys, "copies", workshop["f"], workshop["tmp"] / "carried",
                            "--participant", "丁", "--with-codings", "--json"))
    assert carried[0]["codings"] == 3
    assert Path(data[0]["path"]).exists()
    err = fails(capsys, "copies", workshop["f"], workshop["tmp"] / "out",
                "--participants", "甲")
    assert "already exists" in err and err.count("\n") == 1


def test_merge(workshop: dict, capsys) -> None:
    out = ok(capsys, "merge", workshop["f"], workshop["a"], workshop["b"])
    assert "merged 工作坊-甲.annotator: documents 1 matched, 0 added" in out
    assert "codings 2 added, 0 already present" in out
    assert "added coder 乙" in out
    again = json.loads(ok(capsys, "merge", workshop["f"], workshop["a"], "--json"))
    assert again[0]["codings_added"] == 0 and again[0]["codings_present"] == 1
    bad = workshop["tmp"] / "bad.annotator"
    bad.write_text("not a project")
    code, out, err = run(capsys, "merge", workshop["f"], bad, workshop["b"])
    assert code == 1
    assert "merged 工作坊-乙.annotator" in out
    assert err.startswith("annotator: error: not merged: ") and err.count("\n") == 1
    assert "bad.annotator" in err and "not an Annotator project" in err


def test_agreement(workshop: dict, capsys) -> None:
    ok(capsys, "merge", workshop["f"], workshop["a"], workshop["b"])
    text = ok(capsys, "agreement", workshop["f"])
    assert "Agreement of 甲, 乙" in text and "pooled κ" in text
    data = json.loads(ok(capsys, "agreement", workshop["f"], "--json"))
    assert set(data) == {"unit", "uncoded_documents", "segment_rule", "threshold", "coders",
                         "documents", "codes", "sets", "across_sets", "measures", "methods",
                         "notes"}
    assert data["notes"][0].startswith("The unit of analysis was the character")
    assert (data["unit"], data["uncoded_documents"]) == ("non_whitespace", "left_out")
    assert data["coders"] == ["甲", "乙"]
    trust = next(c for c in data["codes"] if c["code"] == "信任/政治信任")
    for key in ("pooled_kappa", "weighted_kappa", "krippendorff_alpha", "percent_agreement",
                "segment_agreement", "pooled_table", "documents"):
        assert key in trust
    cell = trust["documents"][0]
    for key in ("percent_agreement", "cohen_kappa", "krippendorff_alpha",
                "segment_agreement", "table", "segments", "coders_present",
                "coders_missing", "characters", "units", "left_out"):
        assert key in cell
    # 甲 [0, 14), 乙 [2, 14) of 37: both 12, only 甲 2, neither 23
    assert cell["table"] == {"both": 12, "only_a": 2, "only_b": 0, "neither": 23,
                             "units": 37}
    # pe = (14·12 + 23·25)/37² = 743/1369; κ = (37·35 − 743)/(1369 − 743) = 552/626
    assert cell["cohen_kappa"] == pytest.approx(552 / 626)
    data = json.loads(ok(capsys, "agreement", workshop["f"], "--json", "--codes",
                         "信任/政治信任", "--set", "协调", "整合", "信任", "--threshold", "0.8"))
    assert [c["code"] for c in data["codes"]] == ["信任/政治信任"]
    assert data["sets"][0]["codes"] == ["协调", "整合", "信任"]
    assert data["sets"][0]["include_children"] is True
    # 12/14 = 0.857 ≥ 0.8: the segments match now
    assert data["codes"][0]["documents"][0]["segments"]["matched"] == 1


def test_agreement_xlsx(workshop: dict, capsys) -> None:
    ok(capsys, "merge", workshop["f"], workshop["a"], workshop["b"])
    out = workshop["tmp"] / "一致性.xlsx"
    text = ok(capsys, "agreement", workshop["f"], "--xlsx", out, "--lang", "zh")
    assert "wrote" in text
    wb = load_workbook(out)
    L = LABELS["zh"]
    assert wb.sheetnames == [L["agreement"], L["measures"], L["disagreements"], L["notes"]]
    header = [c.value for c in wb[L["agreement"]][1]]
    assert L["kappa"] in header and L["pooled"] in header
    assert "单位数（字符（不含空白））" in header and L["u_alpha"] in header
    notes = [r[0] for r in wb[L["notes"]].iter_rows(min_row=2, values_only=True)]
    assert notes[0].startswith("分析单位为字符（不含空白与换行）")
    assert any("片段" in n and "计一次" in n for n in notes)
    assert any("子代码" in n for n in notes)
    family = list(wb[L["measures"]].iter_rows(values_only=True))
    rows = {r[0]: dict(zip(family[0], r, strict=True)) for r in family[1:-1]}
    assert set(rows) == {"信任/政治信任", "整合/协商对话机制"}
    columns = rows["信任/政治信任"]
    n = len(TEXT)
    assert columns[L["bp"]] == pytest.approx(2 * (12 + n - 14) / n - 1)
    assert columns[L["units"].format(unit=L["non_whitespace_unit"])] == n
    assert family[-1][0] == L["methods"] and "分析单位为字符" in family[-1][1]
    dis = list(wb[L["disagreements"]].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[3], r[6], r[7]) for r in dis] == [
        ("整合/协商对话机制", 14, 30, "乙", "甲"),
        ("信任/政治信任", 0, 2, "甲", "乙"),
    ]


def test_coder_names_with_commas(tmp_path: Path, capsys) -> None:
    f = new_project(capsys, tmp_path / "w.annotator", TEXT)
    ok(capsys, "copies", f, tmp_path / "out", "--participant", "Li, Wei", "--participant", "A")
    copies = sorted((tmp_path / "out").iterdir())
    assert [c.name for c in copies] == ["w-A.annotator", "w-Li, Wei.annotator"]
    for path, coder, end in ((copies[0], "A", 14), (copies[1], "Li, Wei", 12)):
        ok(capsys, "code", path, "--doc", "访谈", "--start", 0, "--end", end,
           "--code", "信任", "--coder", coder)
    ok(capsys, "merge", f, *copies)
    data = json.loads(ok(capsys, "agreement", f, "--coder", "Li, Wei", "--coder", "A",
                         "--json"))
    assert data["coders"] == ["Li, Wei", "A"]
    assert data["codes"][0]["pooled_table"] == {
        "both": 12, "only_a": 0, "only_b": 2, "neither": len(TEXT) - 14,
        "units": len(TEXT),
    }
    # The comma-separated form splits the name, and says there is no such coder.
    assert "no coder" in fails(capsys, "agreement", f, "--coders", "Li, Wei,A")


def test_agreement_errors(workshop: dict, capsys) -> None:
    err = fails(capsys, "agreement", workshop["f"])  # nothing merged yet: no coders
    assert "at least two coders" in err and err.count("\n") == 1
    ok(capsys, "merge", workshop["f"], workshop["a"], workshop["b"])
    assert "at least two coders" in fails(capsys, "agreement", workshop["f"], "--coders", "甲")
    assert "no code" in fails(capsys, "agreement", workshop["f"], "--codes", "没有/这个")
    assert "no coder" in fails(capsys, "agreement", workshop["f"], "--coders", "甲,谁")
    assert "threshold" in fails(capsys, "agreement", workshop["f"], "--threshold", "1.5")
    assert "xlsx" in fails(capsys, "agreement", workshop["f"], "--xlsx",
                           workshop["tmp"] / "a.csv")


def test_disagreements_and_consensus(workshop: dict, capsys) -> None:
    f = workshop["f"]
    ok(capsys, "merge", f, workshop["a"], workshop["b"])
    items = json.loads(ok(capsys, "disagreements", f, "--json"))
    assert [(d["code"], d["start"], d["end"], d["coded_by"], d["not_coded_by"])
            for d in items] == [("整合/协商对话机制", 14, 30, ["乙"], ["甲"]),
                                ("信任/政治信任", 0, 2, ["甲"], ["乙"])]
    assert items[1]["text"] == TEXT[0:2]
    assert "2 disagreements" in ok(capsys, "disagreements", f)
    out = ok(capsys, "consensus", f, "--doc", "访谈", "--start", 0, "--end", 14,
             "--code", "信任/政治信任")
    assert out.startswith("共识: coded [0, 14) of 访谈 with 信任/政治信任")
    assert "already coded" in fails(capsys, "consensus", f, "--doc", "访谈", "--start", 0,
                                    "--end", 14, "--code", "信任/政治信任")
    out = ok(capsys, "consensus", f, "--coding", items[0]["coding_ids"][0], "--end", 20)
    assert "[14, 20)" in out
    assert "--doc" in fails(capsys, "consensus", f, "--doc", "访谈")
    assert "no longer exists" in fails(capsys, "consensus", f, "--coding", 999)
    segs = json.loads(ok(capsys, "segments", f, "--json", "--coder", "共识"))
    assert [(s["start"], s["end"]) for s in segs] == [(0, 14), (14, 20)]
    # the consensus coder stays out of the default comparison
    assert json.loads(ok(capsys, "agreement", f, "--json"))["coders"] == ["甲", "乙"]


def test_seed_paper_round_trip(tmp_path: Path, capsys) -> None:
    """A real document: copies with codings kept, merged back, compared."""
    f = tmp_path / "seed.annotator"
    ok(capsys, "new", f)
    ok(capsys, "import", f, SEED_PAPER, "--coder", "主持人")
    ok(capsys, "copies", f, tmp_path, "--participants", "A,B")
    for who, end in (("A", 500), ("B", 480)):
        ok(capsys, "code", tmp_path / f"seed-{who}.annotator", "--doc", SEED_PAPER.stem,
           "--start", 100, "--end", end, "--code", "协调", "--coder", who)
    ok(capsys, "merge", f, tmp_path / "seed-A.annotator", tmp_path / "seed-B.annotator")
    data = json.loads(ok(capsys, "agreement", f, "--json"))
    cell = data["codes"][0]["documents"][0]
    # The default unit leaves the paper's spaces and line breaks out; --unit characters
    # counts them.
    text = SEED_PAPER.read_text(encoding="utf-8")
    visible = sum(not ch.isspace() for ch in text[100:480])
    assert cell["table"]["both"] == visible < 380
    assert cell["table"]["only_a"] == sum(not ch.isspace() for ch in text[480:500])
    assert cell["units"] == sum(not ch.isspace() for ch in text) < cell["characters"]
    assert cell["segments"]["matched"] == 1
    data = json.loads(ok(capsys, "agreement", f, "--json", "--unit", "characters"))
    cell = data["codes"][0]["documents"][0]
    assert cell["table"]["both"] == 380 and cell["table"]["only_a"] == 20
    assert cell["segments"]["matched"] == 1  # 380/400 = 0.95


def test_agreement_family_intervals_and_methods_paragraph(workshop: dict, capsys) -> None:
    ok(capsys, "merge", workshop["f"], workshop["a"], workshop["b"])
    data = json.loads(ok(capsys, "agreement", workshop["f"], "--json", "--bootstrap", "200",
                         "--alpha-min", "0.667"))
    by_code = {m["code"]: m for m in data["measures"]}
    trust = by_code["信任/政治信任"]
    # 甲 coded [0, 14), 乙 [2, 14) of one document: the pooled table is 12 / 2 / 0 / rest.
    n = len(TEXT)
    p_o = (12 + n - 14) / n
    assert trust["percent_agreement"] == pytest.approx(p_o)
    assert trust["brennan_prediger"] == pytest.approx(2 * p_o - 1)
    code_entry = next(c for c in data["codes"] if c["code"] == "信任/政治信任")
    assert trust["cohen_kappa"] == pytest.approx(code_entry["pooled_kappa"])
    # One document: the bootstrap resamples the stretches between the coders' boundaries
    # ([0, 2), [2, 14), [14, 37)), not documents, so there is an interval around α.
    interval = trust["alpha_interval"]
    assert (interval["parts"], interval["resampled"]) == (3, "runs")
    assert trust["kappa_interval"]["resampled"] == "runs"
    assert interval["low"] <= code_entry["krippendorff_alpha"] <= interval["high"]
    assert interval["low"] < interval["high"]
    assert trust["alpha_interval"]["minimum"] == 0.667
    assert "bootstrap" in data["methods"] and "AC1" in data["methods"]
    zh = ok(capsys, "agreement", workshop["f"], "--methods", "--lang", "zh", "--bootstrap", "50")
    assert "分析单位为字符" in zh and "自助法" in zh and "信任/政治信任：κ = " in zh
    en = ok(capsys, "agreement", workshop["f"], "--methods", "--lang", "en")
    assert "The unit of analysis was the character" in en and "Brennan–Prediger" in en


def test_unit_choice_and_uncoded_documents_are_shown_with_the_figures(tmp_path: Path,
                                                                      capsys) -> None:
    text = "居民信任党组织。\n\n社区协商议事会每月召开。\n\n居民代表参与讨论。\n"
    f = new_project(capsys, tmp_path / "u.annotator", text)
    other = tmp_path / "其他.txt"
    other.write_text("另一份材料。\n没有人用信任编码。\n", encoding="utf-8")
    ok(capsys, "import", f, other)
    for coder, start, end in (("A", 0, 12), ("B", 0, 6)):   # A reaches the 2nd paragraph
        ok(capsys, "code", f, "--doc", "访谈", "--start", start, "--end", end,
           "--code", "信任", "--coder", coder)
        ok(capsys, "code", f, "--doc", "其他", "--start", 0, "--end", 5,
           "--code", "协调", "--coder", coder)
    text_out = ok(capsys, "agreement", f)
    assert "units: characters without whitespace" in text_out
    assert "documents where no coder used a code: left out" in text_out
    assert "nobody used the code here: left out" in text_out

    def trust(*options: str) -> dict:
        data = json.loads(ok(capsys, "agreement", f, "--json", "--codes", "信任", *options))
        return data

    default = trust()
    assert (default["unit"], default["uncoded_documents"]) == ("non_whitespace", "left_out")
    code = default["codes"][0]
    assert code["documents_compared"] == 1          # 其他 is left out for 信任
    assert code["documents"][1]["left_out"] is True
    visible = sum(not ch.isspace() for ch in text)
    # A: 8 visible characters of the first paragraph and 2 of the second; B: 6
    assert code["pooled_table"] == {"both": 6, "only_a": 4, "only_b": 0,
                                    "neither": visible - 10, "units": visible}
    counted = trust("--include-uncoded")["codes"][0]
    assert counted["documents_compared"] == 2 and counted["pooled_kappa"] > code["pooled_kappa"]
    paragraphs = trust("--unit", "paragraphs")
    assert paragraphs["unit"] == "paragraphs"
    # A's coding [0, 12) reaches into the second paragraph, B's stays in the first
    assert paragraphs["codes"][0]["pooled_table"] == {
        "both": 1, "only_a": 1, "only_b": 0, "neither": 1, "units": 3}
    assert trust("--unit", "sentences")["codes"][0]["documents"][0]["units"] == 3
    # 6 of A's 10 units: 0.6 — one pair, counted once, or twice under MAXQDA's rule
    assert trust("--threshold", "0.5")["codes"][0]["segments"]["total"] == 1
    maxqda = trust("--segments", "maxqda", "--threshold", "0.5")
    assert maxqda["segment_rule"] == "maxqda"
    assert maxqda["codes"][0]["segments"] == {"matched": 2, "unmatched_a": 0,
                                              "unmatched_b": 0, "total": 2}
    en = ok(capsys, "agreement", f, "--methods", "--lang", "en", "--unit", "sentences")
    assert "The unit of analysis was the sentence" in en
    assert "Documents in which no coder used a code were left out" in en
    zh = ok(capsys, "agreement", f, "--methods", "--lang", "zh", "--include-uncoded")
    assert "分析单位为字符（不含空白与换行）" in zh and "也计入该代码的结果" in zh
    with pytest.raises(SystemExit) as refused:
        main(["agreement", str(f), "--unit", "words"])
    assert refused.value.code == 2 and "--unit" in capsys.readouterr().err


def test_unitizing_family_for_sets_and_across_them(tmp_path: Path, capsys) -> None:
    f = new_project(capsys, tmp_path / "s.annotator", TEXT)
    rows = (("A", "信任/政治信任", 0, 14), ("A", "整合", 14, 30), ("A", "协调", 30, 37),
            ("B", "信任/社会信任", 0, 12), ("B", "信任/政治信任", 12, 14),
            ("B", "整合", 16, 37))
    for coder, path, start, end in rows:
        ok(capsys, "code", f, "--doc", "访谈", "--start", start, "--end", end,
           "--code", path, "--coder", coder)
    data = json.loads(ok(capsys, "agreement", f, "--json", "--unit", "characters",
                         "--set", "信任/政治信任", "信任/社会信任",
                         "--set", "协调", "整合", "信任"))
    trust_set, top = data["sets"]
    # By hand for the first set, with the domain function
    expected = unitizing_alpha([(len(TEXT), [
        [(0, 14, "政治")], [(0, 12, "社会"), (12, 14, "政治")]])])
    assert trust_set["unitizing"]["u_alpha"] == pytest.approx(expected.u_alpha)
    assert trust_set["unitizing"]["cu_alpha"] == pytest.approx(expected.cu_alpha)
    by_value = {v["value"]: v for v in trust_set["unitizing"]["values"]}
    assert set(by_value) == {"信任/政治信任", "信任/社会信任"}
    assert [by_value[p]["alpha"] for p in ("信任/政治信任", "信任/社会信任")] == pytest.approx(
        [next(v.alpha for v in expected.values if v.value == k) for k in ("政治", "社会")])
    # The top-level set rolls the children up into 信任: A and B agree on [0, 14) as 信任
    assert top["unitizing"]["values"][0]["coverage"] is not None
    across = data["across_sets"]
    assert across is not None and {v["value"] for v in across["values"]} == {
        "信任/政治信任 + 信任/社会信任", "协调 + 整合 + 信任"}
    text = ok(capsys, "agreement", f, "--set", "协调", "整合", "信任",
              "--set", "信任/政治信任", "信任/社会信任")
    assert "unitizing: uα" in text and "|uα (α binary)" in text and "(k)uα 整合" in text
    assert "ATLAS.ti's Cu-α" in text


def test_a_participant_copy_codes_as_its_participant(tmp_path: Path, capsys,
                                                     monkeypatch) -> None:
    """Two participants on one lab login (ANNOTATOR_CODER=lab) stay two coders."""
    f = new_project(capsys, tmp_path / "w.annotator", TEXT)
    ok(capsys, "copies", f, tmp_path / "out", "--participants", "甲,乙")
    monkeypatch.setenv("ANNOTATOR_CODER", "lab")
    for who, end in (("甲", 14), ("乙", 12)):
        ok(capsys, "code", tmp_path / "out" / f"w-{who}.annotator", "--doc", "访谈",
           "--start", 0, "--end", end, "--code", "信任")
    segs = json.loads(ok(capsys, "segments", tmp_path / "out" / "w-甲.annotator", "--json"))
    assert [s["coder"] for s in segs] == ["甲"]
    ok(capsys, "merge", f, tmp_path / "out" / "w-甲.annotator", tmp_path / "out" / "w-乙.annotator")
    assert json.loads(ok(capsys, "agreement", f, "--json"))["coders"] == ["甲", "乙"]
    # --coder still names the coder; the project itself (no copy) codes as ANNOTATOR_CODER
    ok(capsys, "code", f, "--doc", "访谈", "--start", 20, "--end", 25, "--code", "协调")
    ok(capsys, "code", tmp_path / "out" / "w-甲.annotator", "--doc", "访谈", "--start", 20,
       "--end", 25, "--code", "协调", "--coder", "丙")
    assert {s["coder"] for s in json.loads(ok(capsys, "segments", f, "--json"))} == {
        "甲", "乙", "lab"}
    assert {s["coder"] for s in json.loads(ok(capsys, "segments", tmp_path / "out" /
                                                "w-甲.annotator", "--json"))} == {"甲", "丙"}
