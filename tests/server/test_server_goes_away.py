"""The server goes away in the middle of a session, and comes back."""

import pytest
from sqlalchemy import func, select

from annotator.domain.errors import ProjectFileError
from annotator.services import coding, documents
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.models import Coding
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
