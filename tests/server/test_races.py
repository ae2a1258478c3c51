"""Team members doing the same thing at the same moment get what one user would get.

On a server there is no single writer: every check-then-insert (get-or-create a coder, a
free document name, a code name unique among its siblings) races. Each test starts eight
writers on separate connections behind a barrier, on a file and on the server.
"""

import threading

import pytest
from sqlalchemy import func, select

from annotator.domain.errors import Conflict
from annotator.services import documents
from annotator.services.codebook import add_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.models import Code, Coder
from annotator.store.project import Project

WRITERS = 8


@pytest.fixture(params=["file", "server"])
def location(request, tmp_path) -> str:
    if request.param == "file":
        return str(tmp_path / "项目.annotator")
    return request.getfixturevalue("postgres_database")


def _race(location: str, step) -> list:
    projects = [Project.open(location) for _ in range(WRITERS)]
    gate = threading.Barrier(WRITERS)
    results: list = [None] * WRITERS

    def run(i: int) -> None:
        gate.wait()
        try:
            results[i] = step(projects[i], i)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for p in projects:
        p.close()
    return results


def test_one_coder_however_many_create_them_at_once(location):
    new_project(location).close()
    got = _race(location, lambda p, i: ensure_coder(p, "王丽"))
    assert all(not isinstance(r, Exception) for r in got), got
    assert len({r.id for r in got}) == 1
    with Project.open(location) as p, p.read() as s:
        assert s.scalar(select(func.count(Coder.id)).where(Coder.name == "王丽")) == 1


def test_a_code_name_stays_unique_among_siblings(location):
    new_project(location).close()
    got = _race(location, lambda p, i: add_code(p, "协调/新代码"))
    made = [r for r in got if not isinstance(r, Exception)]
    refused = [r for r in got if isinstance(r, Exception)]
    assert len(made) == 1, got
    assert all(isinstance(r, Conflict) and "already exists" in str(r) for r in refused), got
    with Project.open(location) as p, p.read() as s:
        assert s.scalar(select(func.count(Code.id)).where(Code.name == "新代码")) == 1


def test_documents_with_the_same_name_get_free_names(location):
    new_project(location).close()
    got = _race(location, lambda p, i: documents.add_document(p, "访谈", f"第 {i} 份访谈的文字"))
    assert all(not isinstance(r, Exception) for r in got), got
    names = sorted(r.name for r in got)
    assert len(set(names)) == WRITERS and "访谈" in names
