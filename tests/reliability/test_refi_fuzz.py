"""A seeded fuzz of the REFI-QDA reader: damaged copies of real exports (QualCoder, NVivo,
ATLAS.ti) end in a new project or in one sentence — never another exception — and a
refused file leaves no project and no temporary file behind. A fixed number of cases (the
seed makes any failure reproducible), so it runs in CI on every change."""

import random
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from annotator.domain.errors import AnnotatorError
from annotator.services.exchange import new_project_from_qdpx
from annotator.store.project import Project

FILES = Path(__file__).resolve().parents[1] / "refi" / "files"
SOURCES = ["qc-1.3.2-offspec-paths.qdpx", "nvivo-mac-15-codebook-only.qdpx",
           "atlasti-23-three-codes.qdpx"]
CASES = 24  # each builds a project: about 1 s apiece on a loaded machine
_HOSTILE = ["-1", "99999999999", "abc", "", "1e9", "0x10", "\x00", "=cmd|' /C calc'!A0",
            "\x1b[2J", "𠮷" * 300]


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    kind = rng.randrange(3) if len(buf) > 1 else 0
    if kind == 0:
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == 1:
        del buf[rng.randrange(1, len(buf)):]
    else:
        a = rng.randrange(len(buf))
        buf[a:a] = buf[a:a + rng.randint(1, 2048)]
    return bytes(buf)


def _mutate_attribute(xml: bytes, rng: random.Random) -> bytes:
    """One attribute value of project.qde replaced by a hostile one (offsets, GUIDs, names)."""
    spots = list(re.finditer(rb'(\w+)="([^"]*)"', xml))
    if not spots:
        return xml
    spot = rng.choice(spots)
    value = rng.choice(_HOSTILE).encode()
    value = value.replace(b"&", b"&amp;").replace(b'"', b"&quot;").replace(b"<", b"&lt;")
    return xml[:spot.start(2)] + value + xml[spot.end(2):]


def _mutate_member(data: bytes, rng: random.Random) -> bytes:
    src = zipfile.ZipFile(BytesIO(data))
    names = src.namelist()
    qde = [n for n in names if n.endswith(".qde")]
    target = qde[0] if qde and rng.random() < 0.7 else rng.choice(names)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == target:
                part = (_mutate_attribute(part, rng) if target.endswith(".qde")
                        and rng.random() < 0.5 else _mutate_bytes(part, rng))
            dst.writestr(info, part)
    return out.getvalue()


@pytest.mark.parametrize("name", SOURCES)
def test_damaged_qdpx_files_end_in_a_project_or_a_refusal(name: str, tmp_path: Path) -> None:
    data = (FILES / name).read_bytes()
    rng = random.Random(f"refi-fuzz-{name}")
    outcomes = {"read": 0, "refused": 0}
    for case in range(CASES):
        fuzzed = _mutate_member(data, rng) if case % 3 else _mutate_bytes(data, rng)
        folder = tmp_path / f"case{case}"
        folder.mkdir()
        qdpx = folder / "in.qdpx"
        qdpx.write_bytes(fuzzed)
        target = folder / "out.annotator"
        try:
            project, _report = new_project_from_qdpx(target, qdpx)
        except AnnotatorError as exc:
            assert "\n" not in str(exc).strip(), str(exc)
            assert sorted(p.name for p in folder.iterdir()) == ["in.qdpx"], case
            outcomes["refused"] += 1
        else:
            project.close()
            with Project.open(target):  # what came in is a project that opens
                pass
            outcomes["read"] += 1
    assert sum(outcomes.values()) == CASES
    assert outcomes["refused"] > 0
