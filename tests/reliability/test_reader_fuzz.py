"""A seeded fuzz of every reader: damaged copies of real files end in a document or in
``ImportRefused`` — never another exception. Bounded by a fixed number of cases (the
seed makes any failure reproducible), so it runs in CI on every change."""

import random
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from annotator.domain.errors import ImportRefused
from annotator.io.readers import ReadDocument, read_document
from annotator.resources import resource_path

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"
SEED_TEXT = resource_path("samples", "seed-paper-zh.txt")
SOURCES = {
    ".txt": SEED_TEXT,
    ".docx": FIXTURES / "structure.docx",
    ".odt": FIXTURES / "structure.odt",
    ".pdf": FIXTURES / "seed-paper-zh.pdf",
    ".rtf": FIXTURES / "seed-paper-zh.rtf",
    ".html": None,
}
CASES = 60


def _html() -> bytes:
    return ("<html><head><title>t</title></head><body><p>访谈 &amp; 编码</p>"
            "<script>x()</script><table><tr><td>治理</td></tr></table></body></html>").encode()


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:  # flip bytes
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == 1:  # truncate
        del buf[rng.randrange(1, len(buf)):]
    elif kind == 2:  # insert NULs and control bytes
        at = rng.randrange(len(buf))
        buf[at:at] = bytes(rng.choice(b"\x00\x1b\x07\xff\xfe") for _ in range(rng.randint(1, 9)))
    else:  # duplicate a slice
        a = rng.randrange(len(buf))
        buf[a:a] = buf[a:a + rng.randint(1, 4096)]
    return bytes(buf)


def _mutate_member(data: bytes, rng: random.Random) -> bytes:
    """Inside the zip: damage one XML part, so the XML parsers meet it, not the zip check."""
    src = zipfile.ZipFile(BytesIO(data))
    names = [n for n in src.namelist() if n.endswith(".xml")]
    target = rng.choice(names)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == target:
                part = _mutate_bytes(part, rng)
            dst.writestr(info, part)
    return out.getvalue()


@pytest.mark.parametrize("suffix", sorted(SOURCES))
def test_damaged_files_end_in_a_document_or_a_refusal(suffix: str, tmp_path: Path) -> None:
    source = SOURCES[suffix]
    data = _html() if source is None else source.read_bytes()
    rng = random.Random(f"fuzz{suffix}")
    outcomes = {"read": 0, "refused": 0}
    for case in range(CASES):
        if suffix in (".docx", ".odt") and case % 2:
            fuzzed = _mutate_member(data, rng)
        else:
            fuzzed = _mutate_bytes(data, rng)
        path = tmp_path / f"case{case}{suffix}"
        path.write_bytes(fuzzed)
        try:
            doc = read_document(path)
        except ImportRefused as exc:
            message = str(exc)
            assert message.startswith(path.name) and "\n" not in message.strip(), message
            outcomes["refused"] += 1
        else:
            assert isinstance(doc, ReadDocument)
            outcomes["read"] += 1
    assert sum(outcomes.values()) == CASES
