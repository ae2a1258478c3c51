"""Shared fixtures: every test runs with its own settings folder and a known coder."""

from pathlib import Path

import pytest

from annotator.services.projects import new_project
from annotator.store.project import Project

#: ``unprivileged``: the command line run as an ordinary user (``tests/unprivileged.py``)
pytest_plugins = ["tests.unprivileged"]

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]
SEED_PAPER = ROOT / "annotator" / "data" / "samples" / "seed-paper-zh.txt"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("ANNOTATOR_CODER", "测试编码员")
    monkeypatch.setenv("ANNOTATOR_LANG", "en")


@pytest.fixture
def project(tmp_path: Path):
    p = new_project(tmp_path / "p.annotator", "governance")
    yield p
    p.close()


@pytest.fixture
def empty_project(tmp_path: Path):
    p = new_project(tmp_path / "e.annotator", "empty")
    yield p
    p.close()


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    return path


def reopen(p: Project) -> Project:
    p.close()
    return Project.open(p.path)
