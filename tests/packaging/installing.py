"""Building and installing Annotator the way a user gets it, for the tests and
``packaging/test_installed.py``: an sdist of this tree, a wheel built from that sdist, and
a fresh virtual environment (outside the tree) with the wheel installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def venv_bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (
        f"{name}.exe" if os.name == "nt" else name)


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run a step; a failure raises with the step's whole output."""
    r = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                       text=True, encoding="utf-8", errors="replace", timeout=timeout)
    if r.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))}\n{r.stdout}\n{r.stderr}")
    return r


def build_sdist_and_wheel(work: Path) -> tuple[Path, Path]:
    """(sdist, wheel) in ``work/dist``: the sdist of this tree, the wheel built from it,
    as pip builds one for a user who has only the sdist."""
    build_env = work / "build-env"
    run(sys.executable, "-m", "venv", build_env, cwd=work)
    run(venv_bin(build_env, "python"), "-m", "pip", "install", "-q", "setuptools>=77",
        cwd=work)
    dist = work / "dist"
    run(venv_bin(build_env, "python"), "-c",
        f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})", cwd=ROOT)
    (sdist,) = dist.glob("*.tar.gz")
    # --no-deps only stops pip building wheels of the dependencies
    run(venv_bin(build_env, "python"), "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist,
        sdist, cwd=work)
    (wheel,) = dist.glob("*.whl")
    return sdist, wheel


def install(wheel: Path, venv: Path, extras: str = "") -> Path:
    """A fresh venv with the wheel (and its dependencies, and ``extras``) installed."""
    run(sys.executable, "-m", "venv", venv, cwd=venv.parent)
    requirement = f"{wheel}[{extras}]" if extras else str(wheel)
    run(venv_bin(venv, "python"), "-m", "pip", "install", "-q", requirement, cwd=venv.parent)
    return venv


# Set by packaging/test_installed.py to the sdist the running venv's wheel was built from:
# the suite is then testing that installed package, and the packaging tests reuse it.
INSTALLED_SDIST = "ANNOTATOR_TEST_INSTALLED_SDIST"
