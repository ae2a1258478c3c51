"""Entry script of the frozen program (build.spec): the same ``annotator.cli:main`` as the
``annotator`` console script of a pip install.

Chinese input on Linux: PySide6's wheels, and so the bundle, carry Qt's ``ibus`` input
context plugin but no ``fcitx``/``fcitx5`` one (those are built by the distributions against
their own Qt and cannot load into the bundled one). fcitx5 also speaks the IBus protocol
(its ``ibusfrontend`` module, on by default), so a desktop that asks Qt for fcitx
(``QT_IM_MODULE=fcitx`` or ``fcitx5``) gets the ibus plugin instead, which fcitx5 answers;
without this Qt would fall back to no input method and typing Chinese would not work.
"""

import os
import sys

from annotator.cli import main

FCITX_MODULES = {"fcitx", "fcitx5"}


def use_ibus_for_fcitx() -> None:
    """Point Qt at the bundled ibus plugin when the desktop asks for fcitx (Linux only)."""
    if sys.platform.startswith("linux") and os.environ.get("QT_IM_MODULE") in FCITX_MODULES:
        os.environ["QT_IM_MODULE"] = "ibus"


if __name__ == "__main__":
    use_ibus_for_fcitx()
    sys.exit(main())
