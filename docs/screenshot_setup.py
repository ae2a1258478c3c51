"""What the docs' screenshot scripts share: ``--lang`` and ``--out``, an application in
that language, settings and the demo's folder in a scratch directory, and a throw-away
main window (it remembers nothing)."""

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parent


@dataclass
class Shot:
    app: QApplication
    out: Path  # where the pictures go
    suffix: str  # "" in Chinese (the README's pictures), "-en" …
    tmp: Path  # scratch: settings, projects

    def window(self, size: tuple[int, int] = (1440, 900)):
        from annotator.ui.main_window import MainWindow

        window = MainWindow(QSettings(str(self.tmp / "w.ini"), QSettings.Format.IniFormat),
                            persist=False)
        window.resize(*size)
        window.show()
        return window


def setup(argv: list[str]) -> Shot:
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "zh"
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else DOCS
    app = QApplication.instance() or QApplication([])
    from annotator.ui.i18n import apply_language

    apply_language(lang, app)
    tmp = Path(tempfile.mkdtemp(prefix="annotator-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp / "config")
    return Shot(app, out, "" if lang == "zh" else f"-{lang}", tmp)
