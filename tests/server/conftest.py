"""One PostgreSQL server for the whole run; a fresh database for each test that asks."""

import itertools

import pytest

from tests.postgres_server import create_database, running_server

_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    with running_server() as url:
        yield url


@pytest.fixture
def postgres_database(postgres_server) -> str:
    return create_database(postgres_server, f"project_{next(_names)}")
