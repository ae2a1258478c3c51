"""The server goes away in the middle of a session, and comes back."""

import pytest
from sqlalchemy import func, select

from annotator.domain.errors import ProjectFileError
from annotator.services import coding, documents
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.change_feed import ChangeFeed
from annotator.store.models import Coding
from annotator.store.project import Project
from tests.conftest import shared_file
from tests.postgres_server import create_database

HONGLOUMENG = shared_file("corpus", "hongloumeng-gbk.txt")


def test_a_step_while_the_server_is_down_is_refused_and_nothing_is_lost(own_server):
    url = create_database(own_server.url, "team")
    project = new_project(url)
    doc = documents.add_document(project, "访谈1", "我们信任社区，也信任彼此。")
    coder = ensure_coder(project, "王丽").id
    with project.read() as s:
        code = find_code(s, "信任/社会信任").id
    kept = coding.code_span(project, doc.id, 2, 6, code, coder)
    own_server.stop()
    with pytest.raises(ProjectFileError) as refused:
        coding.code_span(project, doc.id, 7, 9, code, coder)
    message = str(refused.value)
    assert "connect" in message or "connection" in message
    assert "\n" not in message.strip()
    own_server.start()
    # the same open project goes on once the server is back: no reopening needed
    again = coding.code_span(project, doc.id, 7, 9, code, coder)
    with project.read() as s:
        ids = set(s.scalars(select(Coding.id)))
        assert ids == {kept.id, again.id}
        assert s.scalar(select(func.count(Coding.id))) == 2
    project.close()


def test_a_server_that_vanishes_silently_is_given_up_on_in_seconds(postgres_database):
    """A server gone without closing its connections (Wi-Fi lost) is noticed by TCP
    keepalives and a user timeout, not after the system's many minutes; what the URL
    sets itself is kept."""
    project = new_project(postgres_database)
    feed = ChangeFeed(postgres_database)
    own = Project.open(postgres_database + "?keepalives_idle=30")
    try:
        with project.engine.connect() as conn:
            window = conn.connection.dbapi_connection.info.get_parameters()
        listening = feed._conn.info.get_parameters()
        for params in (window, listening):
            assert params["keepalives_idle"] == "5" and params["keepalives_count"] == "3"
            assert params["tcp_user_timeout"] == "15000" and params["connect_timeout"] == "10"
        with own.engine.connect() as conn:
            assert conn.connection.dbapi_connection.info.get_parameters()[
                "keepalives_idle"] == "30"
    finally:
        feed.close()
        own.close()
        project.close()


def test_a_server_that_goes_away_mid_import_keeps_none_of_it(own_server, tmp_path,
                                                              monkeypatch):
    """An import of several batches is one transaction on a server: all of it or nothing."""
    text = HONGLOUMENG.read_bytes().decode("gbk")
    files = []
    for i in range(4):
        path = tmp_path / f"红楼梦-{i + 1}.txt"
        path.write_text(text[i * 50_000:(i + 1) * 50_000], encoding="utf-8")
        files.append(path)
    monkeypatch.setattr(documents, "IMPORT_BATCH_CHARS", 60_000)  # two files a batch
    url = create_database(own_server.url, "team_import")
    project = new_project(url)

    def stop_before_the_last(done: int, _name: str) -> None:
        if done == 3:  # the first batch has been sent to the server
            own_server.stop()

    with pytest.raises(ProjectFileError) as refused:
        documents.import_files(project, files, progress=stop_before_the_last)
    message = str(refused.value)
    assert "connection" in message and "not saved" in message and "\n" not in message
    own_server.start()
    assert documents.list_documents(project) == []
    summary = documents.import_files(project, files)
    assert [d.name for d in summary.imported] == [p.stem for p in files]
    project.close()
