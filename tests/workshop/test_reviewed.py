"""Reviewed marks: a coder who read a document and coded nothing there says "no"."""

import json
from pathlib import Path

import pytest

from tests.workshop.test_cli import fails, new_project, ok

TEXT = "居民对党组织的信任逐步提高。" * 5 + "社区协商议事会每月召开一次，居民代表参与讨论。"


@pytest.fixture
def project(tmp_path: Path, capsys) -> Path:
    """A codes the first 60 characters with 信任; B has read the document, coded nothing."""
    f = new_project(capsys, tmp_path / "p.annotator", TEXT)
    ok(capsys, "code", f, "--doc", "访谈", "--start", 0, "--end", 60, "--code", "信任",
       "--coder", "A")
    return f


def _trust(data: dict) -> dict:
    return next(c for c in data["codes"] if c["code"] == "信任")


def test_an_empty_reviewed_document_counts_as_no_not_missing(project: Path, capsys) -> None:
    assert "at least two coders" in fails(capsys, "agreement", project)
    out = ok(capsys, "reviewed", project, "--doc", "访谈", "--coder", "Li, Wei")
    assert "访谈: reviewed by Li, Wei" in out
    data = json.loads(ok(capsys, "agreement", project, "--json"))
    assert data["coders"] == ["A", "Li, Wei"]
    trust = _trust(data)
    n = len(TEXT)
    assert trust["pooled_table"] == {"both": 0, "only_a": 60, "only_b": 0,
                                     "neither": n - 60, "units": n}
    assert trust["percent_agreement"] == pytest.approx((n - 60) / n)
    assert trust["pooled_kappa"] == 0.0
    items = json.loads(ok(capsys, "disagreements", project, "--json"))
    assert [(d["start"], d["end"], d["coded_by"], d["not_coded_by"]) for d in items] == [
        (0, 60, ["A"], ["Li, Wei"])
    ]
    # Unmarked, the coder is missing again: nothing to compare.
    ok(capsys, "reviewed", project, "--doc", "访谈", "--coder", "Li, Wei", "--unmark")
    data = json.loads(ok(capsys, "agreement", project, "--coder", "A", "--coder", "Li, Wei",
                         "--json"))
    assert _trust(data)["pooled_kappa"] is None
    assert _trust(data)["documents"][0]["coders_missing"] == ["Li, Wei"]


def test_marks_listed_per_coder_and_document(project: Path, capsys) -> None:
    ok(capsys, "reviewed", project, "--doc", "访谈", "--coder", "B")
    again = ok(capsys, "reviewed", project, "--doc", "访谈", "--coder", "B")
    assert "(unchanged)" in again
    ok(capsys, "reviewed", project, "--doc", "访谈", "--coder", "A")
    marks = json.loads(ok(capsys, "reviewed", project, "--list", "--json"))
    assert marks == [{"document": "访谈", "coder": "A"}, {"document": "访谈", "coder": "B"}]
    only_b = json.loads(ok(capsys, "reviewed", project, "--list", "--coder", "B", "--json"))
    assert only_b == [{"document": "访谈", "coder": "B"}]
    assert "no document" in fails(capsys, "reviewed", project, "--doc", "没有", "--coder", "B")
    assert "no coder" in fails(capsys, "reviewed", project, "--doc", "访谈", "--coder", "谁",
                               "--unmark")
    assert "--doc and --coder" in fails(capsys, "reviewed", project, "--unmark")


def test_marks_travel_through_copies_and_merge(project: Path, tmp_path: Path, capsys) -> None:
    ok(capsys, "copies", project, tmp_path / "out", "--participant", "乙")
    copy = tmp_path / "out" / "p-乙.annotator"
    ok(capsys, "reviewed", copy, "--doc", "访谈", "--coder", "乙")
    ok(capsys, "merge", project, copy)
    marks = json.loads(ok(capsys, "reviewed", project, "--list", "--json"))
    assert marks == [{"document": "访谈", "coder": "乙"}]
    data = json.loads(ok(capsys, "agreement", project, "--json"))
    assert data["coders"] == ["A", "乙"] and _trust(data)["pooled_kappa"] == 0.0
    ok(capsys, "merge", project, copy)  # merging again adds no second mark
    assert len(json.loads(ok(capsys, "reviewed", project, "--list", "--json"))) == 1
