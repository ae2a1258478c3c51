"""Running the command line as a user does: a separate process, its output read back."""

import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``annotator ARGS…`` in a new process (so a crash cannot hide in the test's own)."""
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
