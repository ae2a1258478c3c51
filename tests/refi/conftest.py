"""Make ``refi_helpers`` importable from these tests whatever pytest import mode is used."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
