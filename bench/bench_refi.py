"""How long REFI-QDA exchange takes: the real exports, and a large synthetic project.

Run: ``.venv/bin/python bench/bench_refi.py``. Prints one line per step; no assertions
(timings belong in a benchmark, not in a test).

The synthetic project is the size DESIGN.md budgets for: a 1,000,000-character Chinese
document with astral characters, 20,000 codings on 10,000 selections by three coders.
It is written, validated against the shipped XSD, read back, and then rewritten the way
NVivo for Windows would have stored it (BOM, CRLF, UTF-16 offsets) to time the conversion.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import zipfile
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.domain.offsets import Utf16Map
from annotator.io.refi import (
    RefiCode,
    RefiCoding,
    RefiProject,
    RefiSelection,
    RefiSource,
    RefiUser,
    read_qdpx,
    validate,
    write_qdpx,
)

REFI_DIR = Path(__file__).resolve().parents[2] / "shared" / "refi"
T = TypeVar("T")


def timed(label: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = fn()
    print(f"{label:<58} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def guid(rng: random.Random) -> str:
    return "%08x-%04x-4%03x-8%03x-%012x" % (  # noqa: UP031
        rng.getrandbits(32),
        rng.getrandbits(16),
        rng.getrandbits(12),
        rng.getrandbits(12),
        rng.getrandbits(48),
    )


def synthetic(chars: int = 1_000_000, selections: int = 10_000) -> RefiProject:
    rng = random.Random(7)
    alphabet = "党建引领基层治理居民社区服务信任协调整合资源共享以人民为中心，。"
    pieces: list[str] = []
    size = 0
    while size < chars:
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 80)))
        if rng.random() < 0.3:
            line += rng.choice(["😀", "𠮷", "👍🏽", "🇨🇳"])
        pieces.append(line + "\n")
        size += len(pieces[-1])
    text = "".join(pieces)[:chars]
    users = [RefiUser(guid(rng), name) for name in ("安", "Bob", "Chen")]
    codes = [RefiCode(guid(rng), f"代码 {i}", f"#{rng.getrandbits(24):06X}") for i in range(50)]
    sels = []
    for _ in range(selections):
        start = rng.randrange(0, chars - 200)
        end = start + rng.randint(5, 200)
        codings = [
            RefiCoding(code.guid, rng.choice(users).guid, guid=guid(rng))
            for code in rng.sample(codes, 2)
        ]
        sels.append(RefiSelection(guid(rng), start, end, codings))
    return RefiProject(
        name="bench",
        users=users,
        codes=codes,
        sources=[RefiSource(guid(rng), "big", text, sels)],
    )


def as_nvivo_windows(project: RefiProject, src: Path, dst: Path) -> None:
    """Rewrite ``src`` the way NVivo for Windows stores text: BOM, CRLF, UTF-16 offsets."""
    source = project.sources[0]
    text = source.text
    units = Utf16Map.of(text)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def nvivo(pos: int) -> int:  # UTF-16 units, and each line end before pos counts twice
        return units.to_utf16(pos) + bisect_left(newlines, pos)

    with zipfile.ZipFile(src) as zin:
        root = etree.fromstring(zin.read("project.qde"))
    root.set("origin", "NVivo for Windows 12.6")
    for sel in root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection"):
        sel.set("startPosition", str(nvivo(int(sel.get("startPosition")))))
        sel.set("endPosition", str(nvivo(int(sel.get("endPosition")))))
    raw = "\ufeff" + text.replace("\n", "\r\n")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr("project.qde", etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        zout.writestr(f"Sources/{source.guid}.txt", raw.encode("utf-8"))


def main() -> None:
    if REFI_DIR.exists():
        for path in sorted(REFI_DIR.glob("*.qdpx")):
            timed(f"read {path.name}", lambda path=path: read_qdpx(path))
    project = timed("build synthetic project (1M chars, 20k codings)", synthetic)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "big.qdpx"
        timed("write_qdpx", lambda: write_qdpx(project, out))
        print(f"{'  size':<58} {out.stat().st_size / 1e6:9.1f} MB")
        problems = timed("validate against Project.xsd", lambda: validate(out))
        assert problems == [], problems[:3]
        back = timed("read_qdpx (code points)", lambda: read_qdpx(out))
        assert back == project
        nvivo = Path(tmp) / "nvivo.qdpx"
        as_nvivo_windows(project, out, nvivo)
        converted = timed("read_qdpx (NVivo: BOM, CRLF, UTF-16 units)", lambda: read_qdpx(nvivo))
        assert converted.offset_rule and converted.offset_rule.startswith("UTF-16")
        same = [(s.start, s.end) for s in converted.sources[0].selections]
        assert same == [(s.start, s.end) for s in project.sources[0].selections]


if __name__ == "__main__":
    main()
