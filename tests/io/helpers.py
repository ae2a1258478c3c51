"""What every reader test asserts of a refused file."""

from pathlib import Path

import pytest

from annotator.domain.errors import ImportRefused
from annotator.io.readers import read_document


def refused(path: Path, *words: str) -> str:
    with pytest.raises(ImportRefused) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    for word in words:
        assert word in message
    return message
