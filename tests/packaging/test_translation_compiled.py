"""The compiled translation in git is the one its .ts gives.

The .qm is kept beside the .ts so every wheel and sdist carries the Chinese interface
without Qt's tools at build time; a .ts edited without ``make translations`` would ship a
stale interface.
"""

import subprocess
import sys
from pathlib import Path

from annotator.resources import resource_path

TS = resource_path("translations", "annotator_zh_CN.ts")
QM = resource_path("translations", "annotator_zh_CN.qm")


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")  # PySide6's own tool
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run `make translations`"
