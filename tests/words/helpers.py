"""Running the text-analysis commands as a user does."""

import json
from pathlib import Path

import pytest

from annotator.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: object) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def new_project_with(capsys, tmp_path: Path, *files: Path, template: str = "governance"
                     ) -> Path:
    path = tmp_path / "词频 项目.annotator"
    assert run(capsys, "new", path, "--template", template)[0] == 0
    if files:
        code, _, err = run(capsys, "import", path, *files)
        assert code == 0, err
    return path
