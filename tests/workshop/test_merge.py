"""Merging participant copies: identities, conflicts, idempotence, broken sources."""

import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select, update

from annotator.domain.errors import ProjectFileError
from annotator.services import codebook
from annotator.services.coders import get_or_create_coder, list_coders
from annotator.services.coding import segments, set_coding_memo
from annotator.services.documents import list_documents, rename_document
from annotator.services.workshop import (
    CODE_DEFINITION,
    CODE_NAME_TAKEN,
    CODE_RENAMED,
    CODER_NAME_TAKEN,
    CODER_RENAMED,
    CREATOR_UNKNOWN,
    DOCUMENT_NAME_TAKEN,
    DOCUMENT_RENAMED,
    MergeReport,
    _Merger,
    make_participant_copies,
    merge_copies,
    merge_copy,
)
from annotator.store.models import Code, Coder, Coding, Document
from annotator.store.project import Project
from tests.conftest import ROOT, SEED_PAPER
from tests.workshop.helpers import add_doc, code, code_guids, coding_set, count, file_digest

SEED = SEED_PAPER.read_text(encoding="utf-8")
INTERVIEW = "居民说：我们信任社区。\n网格员每周走访，收集意见。"


def _code(p: Project, path: str) -> SimpleNamespace:
    """The code's columns, read now (ORM rows expire when the read ends)."""
    with p.read() as s:
        c = codebook.find_code(s, path)
        return SimpleNamespace(**{col.key: getattr(c, col.key) for col in Code.__mapper__.columns})


def _coder_guid(p: Project, name: str) -> str:
    return {c.name: c.guid for c in list_coders(p)}[name]


@pytest.fixture
def workshop(project: Project, tmp_path: Path) -> dict:
    """A facilitator project, three participant copies coded differently, one loose copy."""
    f = project
    add_doc(f, "种子论文", SEED)
    add_doc(f, "访谈 01", INTERVIEW)
    code(f, "主持人", "种子论文", "信任", 0, 30)
    copies = {m.participant: m.path
              for m in make_participant_copies(f, tmp_path / "copies", ["甲", "乙", "丙"],
                                                 without_codings=False)}

    with Project.open(copies["甲"]) as a:
        code(a, "甲", "种子论文", "信任/政治信任", 10, 40)
        code(a, "甲", "访谈 01", "信任/社会信任", 0, 11, memo="甲的备忘")
        codebook.rename_code(a, _code(a, "协调").id, "协调逻辑")
        codebook.set_code_description(a, _code(a, "信任/社会信任").id, "甲改过的定义")
        new = codebook.add_code(a, "整合/参与者代码")  # no creator recorded
        code(a, "甲", "访谈 01", "整合/参与者代码", 12, 20)
        rename_document(a, list_documents(a)[0].id, "论文-甲")
        with a.read() as s:
            seeded = s.scalar(select(Coding.id).join(Coder).where(Coder.name == "主持人"))
        set_coding_memo(a, seeded, "甲对示范编码的意见")
        assert new.path == "整合/参与者代码"

    with Project.open(copies["乙"]) as b:
        code(b, "乙", "种子论文", "信任/政治信任", 12, 40)
        code(b, "乙", "种子论文", "协调", 100, 160)
        codebook.rename_code(b, _code(b, "协调").id, "统筹")
        with b.write() as s:
            me = get_or_create_coder(s, "乙").id
        codebook.add_code(b, "信任/乙的代码", created_by=me)
        code(b, "乙", "访谈 01", "信任/乙的代码", 0, 5)
        # the same text as another document, added again under another name is refused
        # in a project, so a copy's only document renames are tested through 甲

    with Project.open(copies["丙"]) as c:
        codebook.add_code(c, "整合/参与者代码")  # the same path as 甲's code, another GUID
        code(c, "丙", "访谈 01", "整合/参与者代码", 12, 20)
        code(c, "丙", "访谈 01", "信任/社会信任", 0, 11)
        add_doc(c, "丙的新材料", "丙自己带来的一段材料。")
        code(c, "丙", "丙的新材料", "信任", 0, 4)
    return {"target": f, "copies": copies}


def test_merge_matches_by_identity_and_reports_conflicts(workshop: dict) -> None:
    f: Project = workshop["target"]
    copies: dict[str, Path] = workshop["copies"]
    digests = {name: file_digest(path) for name, path in copies.items()}
    coordination = _code(f, "协调")
    before_guids = code_guids(f)
    reports = merge_copies(f, [copies["甲"], copies["乙"], copies["丙"]])
    assert all(r.ok for r in reports), [r.error for r in reports]
    assert {n: file_digest(p) for n, p in copies.items()} == digests  # sources untouched
    a, b, c = reports

    # documents by sha256: 甲 renamed the paper, it is still the same document
    assert (a.documents_matched, a.documents_added) == (2, 0)
    assert (c.documents_matched, c.documents_added) == (2, 1)
    assert [d.name for d in list_documents(f)] == ["种子论文", "访谈 01", "丙的新材料"]
    renamed = [x for x in a.conflicts if x.kind == DOCUMENT_RENAMED]
    assert [(x.subject, x.source_value) for x in renamed] == [("种子论文", "论文-甲")]

    # codes by GUID: both renames of 协调 are conflicts, the project's name wins, noted in memo
    kept = _code(f, "协调")
    assert kept.id == coordination.id and kept.guid == coordination.guid
    for report, name in ((a, "协调逻辑"), (b, "统筹")):
        hits = [x for x in report.conflicts if x.kind == CODE_RENAMED]
        assert [(x.subject, x.source_value) for x in hits] == [("协调", name)]
        assert f"【p-{'甲' if name == '协调逻辑' else '乙'}】名称 name: {name}" in kept.memo
    definition = [x for x in a.conflicts if x.kind == CODE_DEFINITION]
    assert [(x.subject, x.source_value) for x in definition] == [("信任/社会信任", "甲改过的定义")]
    social = _code(f, "信任/社会信任")
    assert social.description != "甲改过的定义" and "甲改过的定义" in social.memo

    # participant codes come in, marked as theirs; 丙's same-path code matched by path
    with f.read() as s:
        creators = {cid: name for cid, name in s.execute(select(Coder.id, Coder.name))}
    new_a, new_b = _code(f, "整合/参与者代码"), _code(f, "信任/乙的代码")
    assert creators[new_a.created_by] == "甲"  # recorded in 甲's copy as its participant
    assert creators[new_b.created_by] == "乙"
    assert a.added_codes == [("整合/参与者代码", "甲")]
    assert b.added_codes == [("信任/乙的代码", "乙")]
    assert (c.codes_added, c.codes_matched_by_path) == (0, 1)
    assert code_guids(f) == before_guids | {new_a.guid, new_b.guid}

    # coders by GUID: 主持人 is the facilitator's everywhere, participants keep their GUIDs
    assert [r.coders_added for r in reports] == [1, 1, 1]
    assert [r.coders_matched for r in reports] == [1, 1, 1]
    for name in ("甲", "乙", "丙"):
        with Project.open(copies[name]) as copy:
            assert _coder_guid(f, name) == _coder_guid(copy, name)

    # every coding exactly once: the union of the copies' codings, under the target's codes
    with f.read() as s:
        rows = s.execute(select(Coding.guid, Coding.document_id, Coding.code_id,
                                Coding.coder_id, Coding.start, Coding.end)).all()
    assert len({r.guid for r in rows}) == len(rows)
    assert len({r[1:] for r in rows}) == len(rows)
    merged = {(sha, path, coder, st, en) for sha, path, coder, st, en in coding_set(f)}
    renames = {"协调逻辑": "协调", "统筹": "协调"}
    expected: set = set()
    for path in copies.values():
        with Project.open(path) as copy:
            for sha, code_path, coder, st, en in coding_set(copy):
                head, _, tail = code_path.partition("/")
                code_path = "/".join(x for x in (renames.get(head, head), tail) if x)
                expected.add((sha, code_path, coder, st, en))
    assert merged == expected
    assert count(f, Coding) == 1 + 3 + 3 + 3  # 主持人 1, 甲 3, 乙 3, 丙 3
    assert (a.codings_added, a.codings_present) == (3, 1)
    assert (c.codings_added, c.codings_present) == (3, 1)

    # memos written in a copy come along, under the copy's name
    with f.read() as s:
        memos = set(s.scalars(select(Coding.memo)))
    assert "甲的备忘" in memos
    assert any("【p-甲】备忘录 memo: 甲对示范编码的意见" in m for m in memos)


def test_merging_again_adds_nothing(workshop: dict) -> None:
    f: Project = workshop["target"]
    sources = list(workshop["copies"].values())
    first = merge_copies(f, sources)
    assert all(r.changed for r in first)
    digest = file_digest(f.path)
    with f.read() as s:
        memos = sorted(s.scalars(select(Code.memo)))
    again = merge_copies(f, sources)
    for r in again:
        assert r.ok and not r.changed
        assert (r.documents_added, r.codes_added, r.coders_added, r.codings_added,
                r.memos_appended) == (0, 0, 0, 0, 0)
        assert r.codings_present > 0
    # conflicts are still reported (they still exist), but nothing more is written
    assert [len(r.conflicts) for r in again] == [len(r.conflicts) for r in first]
    with f.read() as s:
        assert sorted(s.scalars(select(Code.memo))) == memos
    assert count(f, Coding) == 10
    f.close()
    assert file_digest(f.path) == digest


def test_broken_sources_are_reported_and_leave_the_target_as_it_was(
    workshop: dict, tmp_path: Path
) -> None:
    f: Project = workshop["target"]
    good = workshop["copies"]["甲"]
    text = tmp_path / "notes.annotator"
    text.write_text("这不是项目文件\n")
    truncated = tmp_path / "truncated.annotator"
    data = workshop["copies"]["乙"].read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    folder = tmp_path / "folder.annotator"
    folder.mkdir()
    missing = tmp_path / "missing.annotator"
    digest = file_digest(f.path)
    for bad in (text, truncated, folder, missing):
        with pytest.raises(ProjectFileError):
            merge_copy(f, bad)
        assert file_digest(f.path) == digest
    reports = merge_copies(f, [text, good, truncated, missing])
    assert [r.ok for r in reports] == [False, True, False, False]
    assert "not an Annotator project" in reports[0].error
    assert "damaged" in reports[2].error or "not an Annotator" in reports[2].error
    assert "no such project file" in reports[3].error
    assert reports[1].codings_added == 3
    assert "not merged" in str(reports[0].summary())


def test_a_source_failing_halfway_is_rolled_back(
    workshop: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    f: Project = workshop["target"]
    digest = file_digest(f.path)

    def boom(self: _Merger) -> None:
        from sqlalchemy.exc import IntegrityError

        raise IntegrityError("INSERT", {}, Exception("simulated failure"))

    monkeypatch.setattr(_Merger, "merge_codings", boom)
    # 丙 adds a document and a coder before the codings fail: all of it must go
    reports = merge_copies(f, [workshop["copies"]["丙"]])
    assert not reports[0].ok and "simulated failure" in reports[0].error
    assert "nothing merged" in reports[0].error
    assert file_digest(f.path) == digest
    assert [d.name for d in list_documents(f)] == ["种子论文", "访谈 01"]


def test_a_project_cannot_be_merged_into_itself(workshop: dict) -> None:
    f: Project = workshop["target"]
    report = merge_copies(f, [f.path])[0]
    assert not report.ok and "itself" in report.error


def test_an_older_format_source_is_upgraded_in_a_temporary_copy_only(
    empty_project: Project, tmp_path: Path
) -> None:
    source = tmp_path / "old.annotator"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema1.annotator", source)
    digest = file_digest(source)
    report = merge_copy(empty_project, source)
    assert report.ok and report.codings_added > 0
    assert file_digest(source) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.annotator", "old.annotator"]


def test_creator_rules_for_codes_a_copy_adds(empty_project: Project, tmp_path: Path) -> None:
    f = empty_project
    add_doc(f, "材料", INTERVIEW)
    # a file handed out as it is: no participant recorded in it
    lone, pair = tmp_path / "lone.annotator", tmp_path / "pair.annotator"
    f.save_copy(lone)
    f.save_copy(pair)
    with Project.open(lone) as p:
        codebook.add_code(p, "独自的代码")
        code(p, "丁", "材料", "独自的代码", 0, 3)  # the copy's only coder
    with Project.open(pair) as p:
        codebook.add_code(p, "两人的代码")
        code(p, "戊", "材料", "两人的代码", 0, 3)
        code(p, "己", "材料", "两人的代码", 3, 6)
    one, two = merge_copies(f, [lone, pair])
    assert one.added_codes == [("独自的代码", "丁")]
    assert two.added_codes == [("两人的代码", None)]
    unknown = [x for x in two.conflicts if x.kind == CREATOR_UNKNOWN]
    assert [x.subject for x in unknown] == ["两人的代码"]
    assert _code(f, "两人的代码").created_by is None


def test_coders_match_by_name_and_documents_by_text(
    empty_project: Project, tmp_path: Path
) -> None:
    f = empty_project
    add_doc(f, "材料", INTERVIEW)
    codebook.add_code(f, "代码")
    code(f, "甲", "材料", "代码", 0, 4)
    other = tmp_path / "other.annotator"
    with Project.create(other) as p:  # made independently: other GUIDs everywhere
        add_doc(p, "别的名字", INTERVIEW)  # the same text
        add_doc(p, "材料", "另一段完全不同的文字。")  # the same name, other text
        codebook.add_code(p, "代码")
        code(p, "甲", "别的名字", "代码", 0, 4)  # the same coding as the target's
        code(p, "甲", "材料", "代码", 0, 2)
    report = merge_copy(f, other)
    assert (report.coders_matched, report.coders_added) == (1, 0)
    assert (report.codes_matched_by_path, report.codes_added) == (1, 0)
    assert (report.documents_matched, report.documents_added) == (1, 1)
    kinds = {x.kind: x for x in report.conflicts}
    assert kinds[DOCUMENT_RENAMED].source_value == "别的名字"
    assert kinds[DOCUMENT_NAME_TAKEN].subject == "材料 (2)"
    assert (report.codings_added, report.codings_present) == (1, 1)
    assert [d.name for d in list_documents(f)] == ["材料", "材料 (2)"]


def test_a_new_code_that_took_a_renamed_codes_name_stays_apart(
    empty_project: Project, tmp_path: Path
) -> None:
    f = empty_project
    add_doc(f, "材料", INTERVIEW)
    codebook.add_code(f, "旧名")
    copy = tmp_path / "copy.annotator"
    f.save_copy(copy)
    with Project.open(copy) as p:
        codebook.rename_code(p, _code(p, "旧名").id, "新名")
        codebook.add_code(p, "旧名")  # a new code under the freed name
        code(p, "甲", "材料", "旧名", 0, 3)
        code(p, "甲", "材料", "新名", 3, 6)
    report = merge_copy(f, copy)
    assert [x.kind for x in report.conflicts].count(CODE_NAME_TAKEN) == 1
    assert report.added_codes[0][0] == "旧名 (copy)"
    with f.read() as s:
        paths = codebook.code_paths(s)
        got = {(paths[c], st) for c, st in s.execute(select(Coding.code_id, Coding.start))}
    assert got == {("旧名", 3), ("旧名 (copy)", 0)}


def test_report_json_is_plain(workshop: dict) -> None:
    import json

    f: Project = workshop["target"]
    report = merge_copy(f, workshop["copies"]["甲"])
    data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert data["codings_added"] == 3 and data["error"] is None
    assert data["added_codes"] == [{"path": "整合/参与者代码", "created_by": "甲"}]
    assert {c["kind"] for c in data["conflicts"]} >= {CODE_RENAMED, DOCUMENT_RENAMED}
    assert str(MergeReport(Path("x")).summary()).startswith("x: documents 0 matched")


def test_documents_a_copy_adds_keep_their_guid(workshop: dict) -> None:
    f: Project = workshop["target"]
    merge_copy(f, workshop["copies"]["丙"])
    with Project.open(workshop["copies"]["丙"]) as c, c.read() as s:
        guid = s.scalar(select(Document.guid).where(Document.name == "丙的新材料"))
    assert guid in {d.guid for d in list_documents(f)}


def test_a_coder_claimed_by_guid_is_not_matched_again_by_name(
    empty_project: Project, tmp_path: Path
) -> None:
    f = empty_project
    add_doc(f, "材料", INTERVIEW)
    codebook.add_code(f, "代码")
    code(f, "甲", "材料", "代码", 0, 4)
    copy = tmp_path / "copy.annotator"
    f.save_copy(copy)
    with Project.open(copy) as p:
        with p.write() as s:  # 甲 renamed in the copy, and someone new took the name 甲
            s.execute(update(Coder).where(Coder.name == "甲").values(name="Alice"))
        code(p, "甲", "材料", "代码", 4, 8)
    report = merge_copy(f, copy)
    kinds = [x.kind for x in report.conflicts]
    assert CODER_RENAMED in kinds and CODER_NAME_TAKEN in kinds
    assert report.added_coders == ["甲 (copy)"]
    assert {c.name for c in list_coders(f)} == {"甲", "甲 (copy)"}
    assert ("材料", 4) in {(d, st) for d, st in _codings_by_coder(f, "甲 (copy)")}


def _codings_by_coder(p: Project, name: str) -> list[tuple[str, int]]:
    with p.read() as s:
        return s.execute(
            select(Document.name, Coding.start).join(Document).join(Coder)
            .where(Coder.name == name)
        ).all()


def test_merged_codings_keep_their_time_and_memo(workshop: dict) -> None:
    f: Project = workshop["target"]
    merge_copy(f, workshop["copies"]["甲"])
    with Project.open(workshop["copies"]["甲"]) as a:
        theirs = {(s.start, s.end, s.code_path): (s.created_at, s.memo)
                  for s in segments(a) if s.coder == "甲"}
    ours = {(s.start, s.end, s.code_path): (s.created_at, s.memo)
            for s in segments(f) if s.coder == "甲"}
    assert ours == theirs and len(ours) == 3
    assert all(isinstance(t, datetime) for t, _memo in ours.values())


def test_two_participants_coding_under_one_machine_name_are_not_made_one_coder(
    project: Project, tmp_path: Path
) -> None:
    """甲 and 乙 both coded as "lab" (the shared laptop's login): the second is refused."""
    add_doc(project, "种子论文", SEED)
    copies = {m.participant: m.path
              for m in make_participant_copies(project, tmp_path / "copies", ["甲", "乙"])}
    for who, end in (("甲", 40), ("乙", 20)):
        with Project.open(copies[who]) as c:
            code(c, "lab", "种子论文", "信任", 0, end)
    first, second = merge_copies(project, [copies["甲"], copies["乙"]])
    assert first.ok and first.codings_added == 1
    before = file_digest(project.path)
    assert not second.ok
    assert "乙" in second.error and "'lab'" in second.error and "nothing merged" in second.error
    assert file_digest(project.path) == before
    with project.read() as s:
        assert s.scalar(select(func.count()).select_from(Coder).where(Coder.name == "lab")) == 1
    # Renamed in the copy to its participant, the codings merge as 乙's.
    with Project.open(copies["乙"]) as c, c.write() as s:
        s.execute(update(Coder).where(Coder.name == "lab").values(name="乙 (lab)"))
    assert merge_copy(project, copies["乙"]).codings_added == 1
