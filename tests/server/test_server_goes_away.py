"""The server goes away in the middle of a session, and comes back."""

import pytest
from sqlalchemy import func, select

from annotator.domain.errors import ProjectFileError
from annotator.services import coding, documents
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.models import Coding
from tests.postgres_server import PostgresServer, create_database


@pytest.fixture
def own_server():
    server = PostgresServer()
    server.start()
    yield server
    server.remove()


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
