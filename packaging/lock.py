"""The release's locked dependency set, ``packaging/constraints.txt``, for every platform.

    python packaging/lock.py compile     # make lock: resolve again, write the file
    python packaging/lock.py check       # make lock-check: wheels for every pin, everywhere

``compile`` resolves the run-time, test and build dependencies once for every platform and
Python from 3.11 on (uv's universal resolution): where the answer differs — Windows-only
and macOS-only build helpers, numpy, SciPy and PySide6 per Python version — the pin
carries an environment marker, so one file serves every release job.

``check`` resolves the same requirements again for each platform and Python version the
workflows use, constrained to the lock and allowed to take nothing but wheels from the
package index (except the pure-Python packages that publish only an sdist): it fails when
a pinned version has no wheel for a platform, or when a platform would need a version the
lock does not pin.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "constraints.txt"
INDEX = "https://pypi.org/simple"
EXTRAS = ("test", "build")
OLDEST_PYTHON = "3.11"  # requires-python in pyproject.toml
HEADER = """\
# The locked versions a release is built and tested with (pip install -c packaging/constraints.txt
# -e ".[test,build]"): every run-time, test and build dependency, pinned for Linux, Windows
# and macOS and every Python from 3.11 (markers where they differ). Refresh it with
# `make lock` after changing a range in pyproject.toml, check it with `make lock-check`,
# and commit it.
"""
# (uv's name for the platform, the Python versions the workflows and developers use)
TARGETS = (
    ("x86_64-manylinux_2_35", ("3.11", "3.12")),  # ubuntu-22.04: the Linux release job
    ("x86_64-pc-windows-msvc", ("3.11", "3.12")),
    ("aarch64-apple-darwin", ("3.11", "3.12")),
    ("x86_64-apple-darwin", ("3.11", "3.12")),
)
# PySide6 6.12's macOS wheels are built for macOS 14 and later (the runners' floor too).
MACOS_TARGET = "14.0"
# Pure Python and published only as an sdist: built into a wheel on any platform.
SDIST_ONLY = {"jieba", "odfpy"}


def uv() -> str:
    return str(Path(sys.executable).with_name("uv.exe" if os.name == "nt" else "uv"))


def compile_args() -> list[str]:
    args = [uv(), "pip", "compile", str(ROOT / "pyproject.toml"), "--index-url", INDEX,
            "--no-header", "--no-annotate", "--quiet"]
    for extra in EXTRAS:
        args += ["--extra", extra]
    return args


def pins(text: str) -> dict[str, str]:
    """name → the line pinning it (with its marker), from a requirements text."""
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.setdefault(line.split("==")[0].strip().lower(), []).append(line)
    return {name: "\n".join(lines) for name, lines in out.items()}


def compile_lock() -> int:
    r = subprocess.run([*compile_args(), "--universal", "--python-version", OLDEST_PYTHON],
                       capture_output=True, text=True, check=False)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        return 1
    LOCK.write_text(HEADER + r.stdout, encoding="utf-8")
    print(f"wrote {LOCK.relative_to(ROOT)}: {len(pins(r.stdout))} packages")
    return 0


def check_lock() -> int:
    locked = pins(LOCK.read_text(encoding="utf-8"))
    binary_only = [arg for name in sorted(locked) if name not in SDIST_ONLY
                   for arg in ("--only-binary", name)]
    failed = 0
    for platform, versions in TARGETS:
        env = {**os.environ, "MACOSX_DEPLOYMENT_TARGET": MACOS_TARGET}
        for version in versions:
            r = subprocess.run([*compile_args(), "--python-platform", platform,
                                "--python-version", version, "-c", str(LOCK), *binary_only],
                               capture_output=True, text=True, env=env, check=False)
            resolved = pins(r.stdout) if r.returncode == 0 else {}
            unpinned = sorted(set(resolved) - set(locked) - {"annotator-qda"})
            ok = r.returncode == 0 and not unpinned
            failed += not ok
            if ok:
                detail = f"{len(resolved)} packages, all pinned, all wheels but the sdist-only"
            else:
                detail = r.stderr.strip() or f"not in the lock: {', '.join(unpinned)}"
            print(f"{platform:24} Python {version}: {'ok' if ok else 'FAILED'} ({detail})")
    return 1 if failed else 0


if __name__ == "__main__":
    commands = {"compile": compile_lock, "check": check_lock}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(f"usage: {sys.argv[0]} compile|check")
    sys.exit(commands[sys.argv[1]]())
