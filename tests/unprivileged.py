"""The command line run as a user without an administrator's rights.

Permissions do not bind the superuser: a read-only folder or an unreadable file is
writable or readable for root, and CI runs as root. Tests of such folders and files run
the command line as ``nobody`` (``setpriv``) when they run as root, and as the current
user otherwise, in a folder of their own that this user can reach (pytest's own folder
under /tmp is closed to other users).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

NOBODY = 65534  # uid and gid of nobody/nogroup


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Unprivileged:
    """A folder and a way to run ``annotator`` there as an ordinary user."""

    folder: Path
    as_other_user: bool  # True: the tests run as root, the command as nobody

    def _prefix(self) -> list[str]:
        if not self.as_other_user:
            return []
        return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]

    def give(self, *paths: Path) -> None:
        """Make ``paths`` the user's own (as root; otherwise they are already)."""
        if self.as_other_user:
            for path in paths:
                os.chown(path, NOBODY, NOBODY)

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "HOME": str(self.folder / "home"),
               "ANNOTATOR_CONFIG_DIR": str(self.folder / "home" / "config")}
        return subprocess.run([*self._prefix(), *argv], cwd=self.folder, env=env,
                              capture_output=True, text=True, timeout=300)

    def run_cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``annotator ARGS…`` as the user, in a new process."""
        return self.run(sys.executable, "-m", "annotator", *args)


@pytest.fixture
def unprivileged() -> Iterator[Unprivileged]:
    """An ordinary user's folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-user-"))
    folder.chmod(0o755)
    user = Unprivileged(folder, _is_root())
    home = folder / "home"
    home.mkdir()
    user.give(folder, home)
    try:
        if user.as_other_user:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root, and setpriv (util-linux) is not installed")
            probe = user.run(sys.executable, "-c", "import annotator")
            if probe.returncode != 0:
                pytest.skip(f"nobody cannot run this Python: {probe.stderr.strip()[-200:]}")
        yield user
    finally:
        for path in (folder, *folder.rglob("*")):  # whatever a test closed, reopen
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
