"""What every reader test asserts of a refused file."""

from pathlib import Path

import pytest

from annotator.domain.errors import ImportRefused
from annotator.domain.text import normalise_text
from annotator.io.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "annotator" / "data" / "samples" / "seed-paper-zh.txt"
SEED_TEXT = normalise_text(SEED.read_text(encoding="utf-8"))


def refused(path: Path, *words: str) -> str:
    with pytest.raises(ImportRefused) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    for word in words:
        assert word in message
    return message
