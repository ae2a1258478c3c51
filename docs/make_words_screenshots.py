"""Screenshots of the concordance and the word-frequency panel on the demo project.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_words_screenshots.py

Writes ``docs/concordance-zh.png``, ``docs/concordance-en.png``, ``docs/words-zh.png`` and
``docs/words-en.png``: the concordance of 信任 with one hit unchecked, the code chosen and
"its sentence" as the extent; the word frequencies of the seed paper with the cloud.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.services.projects import create_demo_project
from annotator.ui.i18n import apply_language
from annotator.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent


def _spin(app: QApplication, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def shots(app: QApplication, lang: str, tmp: Path) -> None:
    apply_language(lang, app)
    path = tmp / f"demo-{lang}.annotator"
    create_demo_project(path).close()
    window = MainWindow(QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat),
                        persist=False)
    window.resize(1400, 900)
    window.show()
    window.projects.open_path(path)
    _spin(app, 0.3)
    ta = window.text_analysis
    ta.open_concordance("信任")
    while ta.concordance.busy:
        _spin(app, 0.05)
    c = ta.concordance
    c.set_code(next(cid for cid in window.session.codes
                    if window.session.code_path(cid) == "信任/社会信任"))
    c.extent.setCurrentIndex(c.extent.findData("sentence"))
    c.model.setData(c.model.index(1, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    c.table.selectRow(3)
    _spin(app, 0.3)
    window.grab().save(str(OUT / f"concordance-{lang}.png"))
    ta.open_words()
    while ta.words.busy:
        _spin(app, 0.05)
    _spin(app, 0.3)
    window.grab().save(str(OUT / f"words-{lang}.png"))
    window.close()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("zh", "en"):
            shots(app, lang, Path(tmp))


if __name__ == "__main__":
    main()
