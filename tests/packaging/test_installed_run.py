"""When the suite runs against the installed wheel (``make test``), every
``import annotator`` — in the tests and in the programs they start — is the installed
package, never the unpacked sdist the tests come from."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import annotator
from tests.packaging.installing import INSTALLED_SDIST, ROOT


@pytest.mark.skipif(not os.environ.get(INSTALLED_SDIST),
                    reason="the suite runs from the source tree (make test-tree)")
def test_the_program_under_test_is_the_installed_package() -> None:
    assert not Path(annotator.__file__).resolve().is_relative_to(ROOT.resolve())
    # a program started in the unpacked tree, as tests/ui/test_start.py starts one
    r = subprocess.run([sys.executable, "-c", "import annotator; print(annotator.__file__)"],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    assert not Path(r.stdout.strip()).resolve().is_relative_to(ROOT.resolve())
