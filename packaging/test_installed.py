"""The whole test suite against Annotator installed from its sdist (``make test``).

    python packaging/test_installed.py [PYTEST ARGS]

The sdist of this tree, a wheel built from that sdist, installed with its test extras into
a fresh venv in a temporary folder outside the tree; the sdist unpacked beside it (and
beside the same ``shared/`` folder as this checkout, for the tests on real data); then
the sdist's tests run with that venv. Nothing resolves to source: pytest starts outside
the unpacked tree and appends it to ``sys.path`` rather than putting it first, and
``PYTHONSAFEPATH`` keeps every Python a test starts from putting its working folder
first, so ``import annotator`` is the installed package everywhere
(``tests/packaging/test_installed_run.py`` checks it). The packaging tests reuse this
sdist and this venv instead of building their own.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.packaging.installing import (  # noqa: E402 - the tree's helpers, found via ROOT
    INSTALLED_SDIST,
    build_sdist_and_wheel,
    install,
    venv_bin,
)


def main(pytest_args: list[str]) -> int:
    work = Path(tempfile.mkdtemp(prefix="annotator-installed-"))
    # Other users may enter (not write): the permission tests run the installed program
    # as an ordinary user when the suite runs as root (tests/unprivileged.py).
    work.chmod(0o755)
    try:
        sdist, wheel = build_sdist_and_wheel(work)
        venv = install(wheel, work / "venv", extras="test")
        with tarfile.open(sdist) as tar:
            tar.extractall(work / "src", filter="data")
        (unpacked,) = (p for p in (work / "src").iterdir() if p.is_dir())
        shared = ROOT.parent / "shared"
        if shared.is_dir():
            # Windows without developer mode may refuse: the real-data tests then skip
            with contextlib.suppress(OSError):
                (work / "src" / "shared").symlink_to(shared, target_is_directory=True)
        env = {k: v for k, v in os.environ.items()
               if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
        env.update(PYTHONSAFEPATH="1", QT_QPA_PLATFORM="offscreen",
                   **{INSTALLED_SDIST: str(sdist)})
        print(f"testing {wheel.name} (built from {sdist.name}) installed in {venv}",
              flush=True)
        return subprocess.run(
            [str(venv_bin(venv, "python")), "-m", "pytest", "-p", "no:cacheprovider",
             "--import-mode=append", "--rootdir", str(unpacked),
             "-c", str(unpacked / "pyproject.toml"), str(unpacked / "tests"), *pytest_args],
            cwd=work, env=env, check=False).returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
