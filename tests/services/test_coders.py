import getpass

import pytest

from annotator.services.coders import resolve_coder_name
from annotator.settings import save_setting


def test_coder_name_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # explicit > ANNOTATOR_CODER > settings file > operating-system user
    save_setting("coder", "设置里的名字")
    monkeypatch.setenv("ANNOTATOR_CODER", "环境变量")
    assert resolve_coder_name("命令行") == "命令行"
    assert resolve_coder_name(None) == "环境变量"
    monkeypatch.delenv("ANNOTATOR_CODER")
    assert resolve_coder_name(None) == "设置里的名字"
    save_setting("coder", "  ")
    assert resolve_coder_name(None) == getpass.getuser()
