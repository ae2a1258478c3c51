"""Every undo step without a window: a ``Session`` runs it, undoes it, redoes it, and the
tests check the ``Changes`` it reported and what is in the project file (read back
through a second, independent ``Project``)."""

from pathlib import Path

import pytest

from annotator.services.agreement import Disagreement
from annotator.services.autocode import HitSpan
from annotator.services.changes import Changes
from annotator.services.codebook import find_code
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.project import Project
from annotator.ui.operations import autocode as autocode_ops
from annotator.ui.operations import codebook as codebook_ops
from annotator.ui.operations import coding as coding_ops
from annotator.ui.operations import documents as document_ops
from annotator.ui.operations.consensus import accept_command, consensus_command
from annotator.ui.session import Session
from tests.conftest import shared_file

SEED = "seed-paper-zh.txt"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = new_project(tmp_path / "ops.annotator", "governance")
    text = shared_file("corpus", SEED).read_text(encoding="utf-8")
    add_document(p, "论文", text)
    p.close()
    return tmp_path / "ops.annotator"


class Recorder:
    """A session opened on the project, recording every ``changed`` it emits."""

    def __init__(self, path: Path, coder: str = "甲") -> None:
        self.session = Session()
        self.session.open(Project.open(path), coder)
        self.seen: list[Changes] = []
        self.errors: list[str] = []
        self.session.changed.connect(self.seen.append)
        self.session.error.connect(self.errors.append)

    def code(self, path: str) -> int:
        return next(c.id for c in self.session.codes.values() if c.path == path)

    @property
    def doc(self) -> int:
        return self.session.documents[0].id

    def last(self) -> Changes:
        return self.seen[-1]


def rows(path: Path) -> list[tuple]:
    """The codings in the file, as another program would read them."""
    with Project.open(path) as p, p.read() as s:
        return [tuple(r) for r in s.connection().exec_driver_sql(
            "SELECT document_id, code_id, coder_id, start, \"end\" FROM coding ORDER BY id")]


def value_in_file(path: Path, table: str, column: str, row_id: int) -> str:
    with Project.open(path) as p, p.read() as s:
        return s.connection().exec_driver_sql(
            f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).scalar()


def code_names(path: Path) -> set[str]:
    with Project.open(path) as p, p.read() as s:
        return {r[0] for r in s.connection().exec_driver_sql("SELECT name FROM code")}


@pytest.fixture
def rec(path: Path) -> Recorder:
    r = Recorder(path)
    yield r
    r.session.close()


def test_code_span_execute_undo_redo(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("信任/政治信任")
    op = coding_ops.CodeSpan(s, rec.doc, 10, 20, code)
    assert s.execute(op)
    (made,) = rec.last().codings_added
    assert (made.document_id, made.code_id, made.start, made.end) == (rec.doc, code, 10, 20)
    assert not rec.last().codebook and rec.last().counts
    assert s.counts[code] == 1
    assert rows(path) == [(rec.doc, code, s.coder.id, 10, 20)]
    s.undo_stack.undo()
    assert [c.id for c in rec.last().codings_removed] == [made.id]
    assert rows(path) == [] and s.counts[code] == 0
    s.undo_stack.redo()
    assert [c.id for c in rec.last().codings_added] == [made.id]  # the same row, same id
    assert rows(path) == [(rec.doc, code, s.coder.id, 10, 20)] and s.counts[code] == 1


def test_uncode_trims_and_undo_puts_the_coding_back(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 30, code))
    s.execute(coding_ops.UncodeSpan(s, rec.doc, 10, 20, code))
    ch = rec.last()
    assert [(c.start, c.end) for c in ch.codings_removed] == [(0, 30)]
    assert sorted((c.start, c.end) for c in ch.codings_added) == [(0, 10), (20, 30)]
    assert sorted(r[3:] for r in rows(path)) == [(0, 10), (20, 30)]
    assert s.counts[code] == 2
    s.undo_stack.undo()
    assert [r[3:] for r in rows(path)] == [(0, 30)] and s.counts[code] == 1


def test_memo_changes_no_count(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, code))
    info = rec.last().codings_added[0]
    s.execute(coding_ops.CodingMemo(s, info, "居民的原话"))
    ch = rec.last()
    assert [c.memo for c in ch.codings_changed] == ["居民的原话"] and not ch.counts
    s.undo_stack.undo()
    assert rec.last().codings_changed[0].memo == ""


def test_in_vivo_counts_its_coding_once_through_undo_and_redo(rec: Recorder, path: Path
                                                              ) -> None:
    s = rec.session
    text = s.text(rec.doc)
    start = text.index("党建引领")
    assert s.execute(coding_ops.InVivo(s, rec.doc, start, start + 4))
    ch = rec.last()
    (coding,) = ch.codings_added
    assert ch.codes == {coding.code_id}
    assert s.counts[coding.code_id] == 1 and "党建引领" in code_names(path)
    s.undo_stack.undo()
    assert coding.code_id not in s.codes and "党建引领" not in code_names(path)
    s.undo_stack.redo()
    assert s.counts[coding.code_id] == 1 and rows(path)[0][1] == coding.code_id


def test_delete_code_reports_its_codings_and_undo_restores_them(rec: Recorder, path: Path
                                                               ) -> None:
    s, parent, child = rec.session, rec.code("信任"), rec.code("信任/政治信任")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, child))
    s.execute(codebook_ops.delete_code(s, parent))
    ch = rec.last()
    assert ch.codebook and {parent, child} <= ch.codes
    assert [c.code_id for c in ch.codings_removed] == [child]
    assert rows(path) == [] and child not in s.codes
    s.undo_stack.undo()
    assert s.counts[child] == 1 and len(rows(path)) == 1


def test_rename_move_and_add_report_the_codes(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    s.execute(codebook_ops.SetCodeValue(s, code, "name", "协同"))
    assert rec.last().codes == {code} and s.code_path(code) == "协同"
    assert "协同" in code_names(path)
    add = codebook_ops.AddCode(s, code, "新代码")
    s.execute(add)
    assert add.code_id in rec.last().codes and s.code_path(add.code_id) == "协同/新代码"
    s.execute(codebook_ops.move_code(s, add.code_id, None, 0))
    assert s.code_path(add.code_id) == "新代码" and s.code_order[0] == add.code_id
    s.undo_stack.undo()
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert s.code_path(code) == "协调" and "新代码" not in code_names(path)


def test_delete_document_and_import(rec: Recorder, path: Path, tmp_path: Path) -> None:
    s, doc = rec.session, rec.doc
    s.execute(coding_ops.CodeSpan(s, doc, 0, 5, rec.code("协调")))
    s.execute(document_ops.DeleteDocument(s, doc))
    ch = rec.last()
    assert ch.documents == {doc} and len(ch.codings_removed) == 1 and s.documents == []
    s.undo_stack.undo()
    assert [d.id for d in s.documents] == [doc] and len(rows(path)) == 1
    text = tmp_path / "访谈.txt"
    text.write_bytes("居民说：信任要维护。".encode("gb18030"))
    from annotator.services.documents import import_files
    step = document_ops.ImportDocuments(s, lambda: import_files(s.project, [text]))
    assert s.execute(step)
    (new,) = step.summary.imported
    assert rec.last().documents == {new.id} and len(s.documents) == 2
    s.undo_stack.undo()
    assert len(s.documents) == 1
    s.undo_stack.redo()
    assert s.text(new.id) == "居民说：信任要维护。"


def test_an_import_that_brings_nothing_is_no_step(rec: Recorder, tmp_path: Path) -> None:
    s = rec.session
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    from annotator.services.documents import import_files
    step = document_ops.ImportDocuments(s, lambda: import_files(s.project, [empty]))
    assert not s.execute(step)
    assert s.undo_stack.count() == 0 and step.summary.refused


def test_consensus_reports_the_new_coder(rec: Recorder, path: Path) -> None:
    s = rec.session
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, rec.code("协调")))
    coding = rec.last().codings_added[0]
    s.execute(accept_command(s, coding.id, "甲", "协调"))
    ch = rec.last()
    assert ch.coders and "共识" in s.coders.values()
    assert len(rows(path)) == 2
    s.undo_stack.undo()
    assert len(rows(path)) == 1


def test_coding_chosen_hits_is_one_step_and_skips_what_is_coded(rec: Recorder, path: Path
                                                                 ) -> None:
    s, code = rec.session, rec.code("信任")
    text = s.text(rec.doc)
    hits = [HitSpan(rec.doc, i, i + 2) for i in range(len(text))
            if text.startswith("信任", i)][:3]
    s.execute(coding_ops.CodeSpan(s, rec.doc, hits[0].start, hits[0].end, code))
    step = autocode_ops.CodeHits(s, hits, code, "hit")
    assert s.execute(step)
    added = rec.last().codings_added
    assert [(c.start, c.end) for c in added] == [(h.start, h.end) for h in hits[1:]]
    assert len(rows(path)) == 3 and s.counts[code] == 3
    s.undo_stack.undo()
    assert {c.id for c in rec.last().codings_removed} == {c.id for c in added}
    assert len(rows(path)) == 1 and s.counts[code] == 1
    s.undo_stack.redo()
    assert [c.id for c in rec.last().codings_added] == [c.id for c in added]
    assert len(rows(path)) == 3
    assert not s.execute(autocode_ops.CodeHits(s, hits, code, "hit"))  # all coded: no step
    assert s.undo_stack.count() == 2 and "already coded" in rec.errors[-1]


def test_uncode_redo_trims_again(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 30, code))
    s.execute(coding_ops.UncodeSpan(s, rec.doc, 10, 20, code))
    s.undo_stack.undo()
    s.undo_stack.redo()
    ch = rec.last()
    assert [(c.start, c.end) for c in ch.codings_removed] == [(0, 30)]
    assert sorted((c.start, c.end) for c in ch.codings_added) == [(0, 10), (20, 30)]
    assert sorted(r[3:] for r in rows(path)) == [(0, 10), (20, 30)]


def test_remove_codings_keeps_their_ids_through_undo(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, code))
    s.execute(coding_ops.CodeSpan(s, rec.doc, 8, 12, code))
    infos = [c for ch in rec.seen for c in ch.codings_added]
    s.execute(coding_ops.RemoveCodings(s, infos))
    assert {c.id for c in rec.last().codings_removed} == {c.id for c in infos}
    assert rows(path) == [] and s.counts[code] == 0
    s.undo_stack.undo()
    assert {c.id for c in rec.last().codings_added} == {c.id for c in infos}
    assert len(rows(path)) == 2 and s.counts[code] == 2
    s.undo_stack.redo()
    assert rows(path) == []


@pytest.mark.parametrize(("what", "value", "column"), [
    ("color", "#123456", "color"), ("description", "居民之间的信任", "description"),
    ("memo", "需要再读一遍", "memo")])
def test_code_values_report_the_code(rec: Recorder, path: Path, what: str, value: str,
                                     column: str) -> None:
    s, code = rec.session, rec.code("信任/社会信任")
    before = value_in_file(path, "code", column, code)
    s.execute(codebook_ops.SetCodeValue(s, code, what, value))
    assert rec.last().codes == {code} and not rec.last().counts
    assert value_in_file(path, "code", column, code) == value
    s.undo_stack.undo()
    assert rec.last().codes == {code} and value_in_file(path, "code", column, code) == before
    s.undo_stack.redo()
    assert value_in_file(path, "code", column, code) == value


def test_merge_code_moves_the_codings_and_undo_puts_them_back(rec: Recorder, path: Path
                                                              ) -> None:
    s = rec.session
    source, target = rec.code("信任/社会信任"), rec.code("信任/政治信任")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, source))
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, target))  # the same span: folded
    s.execute(coding_ops.CodeSpan(s, rec.doc, 9, 14, source))
    s.execute(codebook_ops.merge_code(s, source, target))
    assert rec.last().reset  # folded codings: only a re-read shows them right
    assert sorted((r[1], r[3], r[4]) for r in rows(path)) == [(target, 0, 5), (target, 9, 14)]
    assert source not in s.codes and s.counts[target] == 2
    s.undo_stack.undo()
    assert sorted((r[1], r[3]) for r in rows(path)) == sorted([(source, 0), (source, 9),
                                                           (target, 0)])
    assert s.counts[source] == 2 and s.counts[target] == 1
    s.undo_stack.redo()
    assert len(rows(path)) == 2


def test_delete_code_redo_removes_them_again(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, code))
    s.execute(codebook_ops.delete_code(s, code))
    s.undo_stack.undo()
    assert [c.code_id for c in rec.last().codings_added] == [code]
    s.undo_stack.redo()
    assert [c.code_id for c in rec.last().codings_removed] == [code]
    assert rows(path) == [] and "协调" not in code_names(path)


@pytest.mark.parametrize(("what", "value", "column"), [
    ("name", "访谈一", "name"), ("memo", "第一次访谈", "memo")])
def test_document_name_and_memo(rec: Recorder, path: Path, what: str, value: str,
                                column: str) -> None:
    s, doc = rec.session, rec.doc
    before = value_in_file(path, "document", column, doc)
    s.execute(document_ops.DocumentValue(s, doc, what, value))
    assert rec.last().documents == {doc} and value_in_file(path, "document", column, doc) == value
    assert getattr(s.document(doc), column) == value
    s.undo_stack.undo()
    assert rec.last().documents == {doc}
    assert value_in_file(path, "document", column, doc) == before
    s.undo_stack.redo()
    assert value_in_file(path, "document", column, doc) == value


def test_coding_a_disagreement_for_the_consensus(rec: Recorder, path: Path) -> None:
    s, code = rec.session, rec.code("协调")
    d = Disagreement(rec.doc, "论文", code, "协调", 3, 9, s.text(rec.doc)[3:9], ("甲",), (),
                     (), ())
    s.execute(consensus_command(s, d))
    ch = rec.last()
    (made,) = ch.codings_added
    assert (made.start, made.end) == (3, 9) and s.coders[made.coder_id] == "共识"
    assert ch.coders == {made.coder_id} and len(rows(path)) == 1
    s.undo_stack.undo()
    assert rows(path) == [] and [c.id for c in rec.last().codings_removed] == [made.id]
    s.undo_stack.redo()
    assert rows(path)[0][3:] == (3, 9)


def test_redo_after_a_second_writer_coded_the_same_span(path: Path) -> None:
    """A codes and undoes, B codes the same span, A redoes: a clear message, the step is
    dropped, and A's stack, views and the file agree."""
    a, b = Recorder(path, "甲"), Recorder(path, "甲")
    try:
        code = a.code("信任/政治信任")
        a.session.execute(coding_ops.CodeSpan(a.session, a.doc, 10, 20, code))
        a.session.undo_stack.undo()
        assert b.session.execute(coding_ops.CodeSpan(b.session, b.doc, 10, 20, code))
        a.session.undo_stack.redo()  # the same row again: refused by the database
        assert len(a.errors) == 1 and "Cannot redo" in a.errors[0]
        stack = a.session.undo_stack
        assert stack.count() == 0 and not stack.canRedo() and not stack.canUndo()
        assert a.last().reset  # the views re-read the project …
        assert a.session.counts[code] == 1  # … and show B's coding, the one in the file
        assert len(rows(path)) == 1
    finally:
        a.session.close()
        b.session.close()


def test_undo_after_a_second_writer_removed_the_code(path: Path) -> None:
    a, b = Recorder(path, "甲"), Recorder(path, "乙")
    try:
        code = a.code("协调")
        a.session.execute(coding_ops.CodeSpan(a.session, a.doc, 0, 5, code))
        a.session.execute(codebook_ops.SetCodeValue(a.session, code, "color", "#123456"))
        b.session.execute(codebook_ops.delete_code(b.session, code))
        a.session.undo_stack.undo()  # the colour: the code is gone
        assert len(a.errors) == 1
        assert a.session.undo_stack.count() == 1  # the coding step is still there
        assert code not in a.session.codes
        with Project.open(path) as p, p.read() as s:
            assert find_code(s, "信任").id  # the rest of the codebook is untouched
    finally:
        a.session.close()
        b.session.close()


def test_a_step_outside_the_undo_history_drops_it_and_is_one_reset(rec: Recorder) -> None:
    """A merge or a codebook import cannot be undone: the history before it no longer fits
    the project, so it goes, and the parts hear of it once, as a reset."""
    s, code = rec.session, rec.code("信任")
    s.execute(coding_ops.CodeSpan(s, rec.doc, 0, 5, code))
    seen = len(rec.seen)
    s.apply_outside_undo()
    assert s.undo_stack.count() == 0 and not s.undo_stack.canUndo()
    assert len(rec.seen) == seen + 1 and rec.last().reset
