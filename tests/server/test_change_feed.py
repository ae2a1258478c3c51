"""Each member of a team sees the others' committed changes, and only those."""

import time

from annotator.services import coding, documents
from annotator.services.codebook import add_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.change_feed import ChangeFeed
from annotator.store.project import Project


def test_a_coding_reaches_the_other_window_within_two_seconds(postgres_database):
    a = new_project(postgres_database)
    b = Project.open(postgres_database)
    feed_b = ChangeFeed(postgres_database, ignore_origin=b.origin)
    feed_a = ChangeFeed(postgres_database, ignore_origin=a.origin)
    try:
        doc = documents.add_document(a, "访谈1", "我们信任社区，𠮷也信任。")
        coder = ensure_coder(a, "王丽").id
        code = add_code(a, "信任/邻里信任").id
        feed_b.wait(1.0)  # what setting up sent
        started = time.monotonic()
        made = coding.code_span(a, doc.id, 2, 6, code, coder)
        seen = feed_b.wait(2.0)
        assert time.monotonic() - started < 2.0
        assert [(c.table, c.op, c.id, c.document) for c in seen] == \
            [("coding", "insert", made.id, doc.id)]
        assert seen[0].origin == a.origin
        feed_a.wait(0.5)
        coding.set_coding_memo(b, made.id, "B 的备忘")
        assert [(c.table, c.op) for c in feed_a.wait(2.0)] == [("coding", "update")]
        assert feed_b.wait(0.3) == [], "a window is not told of its own changes"
    finally:
        feed_a.close()
        feed_b.close()
        a.close()
        b.close()


def test_a_step_that_fails_sends_nothing(postgres_database):
    a = new_project(postgres_database)
    feed = ChangeFeed(postgres_database)
    try:
        feed.wait(0.5)
        doc = documents.add_document(a, "访谈1", "文字")
        feed.wait(1.0)
        try:
            with a.write() as s:
                documents.insert_document(s, "访谈2", "另一段文字")
                raise RuntimeError("the step fails after writing")
        except RuntimeError:
            pass
        assert feed.wait(0.5) == []
        assert [d.name for d in documents.list_documents(a)] == [doc.name]
    finally:
        feed.close()
        a.close()
