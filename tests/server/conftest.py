"""One PostgreSQL server for the whole run; a fresh database for each test that asks."""

import itertools

import pytest

from tests.postgres_server import PostgresServer, create_database, running_server

_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    with running_server() as url:
        yield url


@pytest.fixture
def postgres_database(postgres_server) -> str:
    return create_database(postgres_server, f"project_{next(_names)}")


@pytest.fixture(params=["file", "server"])
def location(request, tmp_path) -> str:
    """The same test on a project file and on a fresh server database."""
    if request.param == "file":
        return str(tmp_path / "项目.annotator")
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def own_server():
    """A server of the test's own, to stop and start in the middle of a session."""
    server = PostgresServer()
    server.start()
    yield server
    server.remove()
