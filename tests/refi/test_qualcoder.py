"""QualCoder's own REFI-QDA importer and exporter run on our files (tests/refi/qualcoder).

Each run is a separate process (PyQt6, offscreen), since PyQt6 and the application's
PySide6 must not share one; the QualCoder project it leaves is read back with sqlite3.
What these tests hold QualCoder to is what a QualCoder user sees: every coder's coding on
the right text, every memo on its own coding, document and project, cases and their
variables — and the way back, QualCoder's export read by us.
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from refi_helpers import real_file
from sqlalchemy import select
from test_interchange import TEXT, _two_coders

from annotator.services.attributes import define_attribute, list_attributes, set_value
from annotator.services.cases import create_case, list_cases
from annotator.services.coding import segments
from annotator.services.exchange import export_refi, new_project_from_qdpx
from annotator.store.models import Document, Meta
from annotator.store.project import Project

RUN = Path(__file__).resolve().parent / "qualcoder" / "run.py"


def _qualcoder(*args: str | Path) -> dict:
    probe = subprocess.run([sys.executable, "-c", "import PyQt6.QtWidgets"],
                           capture_output=True, check=False)
    if probe.returncode:
        pytest.skip("PyQt6 (test extra) is not installed: QualCoder cannot run")
    done = subprocess.run([sys.executable, str(RUN), *map(str, args)], capture_output=True,
                          text=True, timeout=300, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def _rows(folder: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(folder / "data.qda") as conn:
        return conn.execute(sql).fetchall()


def _with_memo_case_and_attributes(p: Project) -> None:
    with p.write() as s:
        s.add(Meta(key="memo", value="项目备忘：三个社区"))
    create_case(p, "王阿姨", ["访谈"])
    define_attribute(p, "年龄", "document", "number")
    set_value(p, "年龄", "访谈", "67")
    define_attribute(p, "身份", "case", "text")
    set_value(p, "身份", "王阿姨", "楼栋长", scope="case")


def test_qualcoder_gets_every_coders_coding_and_memo_on_the_right_text(
        tmp_path: Path) -> None:
    with _two_coders(tmp_path) as p:
        _with_memo_case_and_attributes(p)
        export_refi(p, out := tmp_path / "ours.qdpx")
        ours = sorted((g.coder, g.text, g.memo) for g in segments(p))
    said = _qualcoder("import", out, qc := tmp_path / "qc.qda")
    theirs = _rows(qc, "select owner, seltext, memo from code_text")
    # Beyond the BMP (𠮷, 😀) QualCoder counts code points, as the default export does.
    assert sorted(theirs) == ours
    assert ("alice", TEXT[:3], "") in theirs
    assert _rows(qc, "select name, memo from source") == [("访谈", "文档备忘")]
    assert _rows(qc, "select memo from project") == [("项目备忘：三个社区",)]
    assert _rows(qc, "select name from cases") == [("王阿姨",)]
    assert sorted(_rows(qc, "select name, attr_type, value from attribute")) == [
        ("年龄", "file", "67"), ("身份", "case", "楼栋长")]
    assert "Parse users. Loaded: 2" in said["log"]  # alice and bob

    # And QualCoder's export of it, read by us: every memo where it was.
    (exported := tmp_path / "qc-out").mkdir()
    _qualcoder("export", qc, exported)
    back, _ = new_project_from_qdpx(tmp_path / "back.annotator", exported / "qc.qdpx")
    with back, back.read() as s:
        assert sorted((g.coder, g.text, g.memo) for g in segments(back)) == ours
        assert s.scalars(select(Document.memo)).all() == ["文档备忘"]
        assert s.scalar(select(Meta.value).where(Meta.key == "memo")) == "项目备忘：三个社区"


def test_the_nvivo_export_for_nvivo_is_not_what_qualcoder_reads(tmp_path: Path) -> None:
    """The choice the export offers is real: UTF-16 offsets shift QualCoder's codings."""
    with _two_coders(tmp_path) as p:
        export_refi(p, out := tmp_path / "nv.qdpx", utf16=True)
        ours = sorted(g.text for g in segments(p))
    _qualcoder("import", out, qc := tmp_path / "qc.qda")
    theirs = sorted(t for (t,) in _rows(qc, "select seltext from code_text"))
    assert len(theirs) == len(ours) and theirs != ours


def test_a_real_nvivo_project_through_qualcoder_and_back(tmp_path: Path) -> None:
    """NVivo → Annotator → QualCoder → Annotator: the codings land where they started."""
    nvivo = real_file("nvivo-mac-12.7-hungarian-emoji.qdpx")
    p, _ = new_project_from_qdpx(tmp_path / "from-nvivo.annotator", nvivo)
    with p:
        _ = [create_case(p, f"Case {i}", [d]) for i, d in enumerate(
            sorted({g.document for g in segments(p)}))]
        export_refi(p, out := tmp_path / "ours.qdpx")
        before = sorted((g.document, g.code_path, g.coder, g.start, g.end, g.text)
                        for g in segments(p))
        cases = sorted(c.name for c in list_cases(p))
    _qualcoder("import", out, qc := tmp_path / "qc.qda")
    assert len(_rows(qc, "select ctid from code_text")) == len(before)
    exported = tmp_path / "qc-out"
    exported.mkdir()
    said = _qualcoder("export", qc, exported)
    assert any("Project exported" in line for line in said["log"])
    back, report = new_project_from_qdpx(tmp_path / "back.annotator", exported / "qc.qdpx")
    with back:
        after = sorted((g.document, g.code_path, g.coder, g.start, g.end, g.text)
                       for g in segments(back))
        assert sorted(c.name for c in list_cases(back)) == cases
        assert list_attributes(back) == []
    assert after == before
    assert any("QualCoder" in n.render("en") for n in report.notes)


def test_qualcoders_importer_passes_over_reviewed_marks(tmp_path: Path) -> None:
    """Reviewed marks (notes linked to sources) change nothing QualCoder imports: the same
    codings, memos and no journal entry or annotation made of them."""
    from annotator.services.reviewed import mark_reviewed

    with _two_coders(tmp_path) as p:
        export_refi(p, plain := tmp_path / "plain.qdpx")
        mark_reviewed(p, "访谈", "alice")
        mark_reviewed(p, "访谈", "bob")
        export_refi(p, marked := tmp_path / "marked.qdpx")
    said_plain = _qualcoder("import", plain, qc_plain := tmp_path / "plain.qda")
    said = _qualcoder("import", marked, qc := tmp_path / "marked.qda")
    assert said["messages"] == said_plain["messages"]
    for sql in ("select owner, seltext, memo from code_text order by ctid",
                "select name, memo from source", "select memo from project",
                "select name, jentry from journal", "select memo from annotation"):
        assert _rows(qc, sql) == _rows(qc_plain, sql), sql
    assert len(_rows(qc, "select ctid from code_text")) == 3
    assert _rows(qc, "select name from journal") == []
    assert not any("rror" in line for line in said["log"])
