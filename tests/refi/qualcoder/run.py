"""QualCoder's own REFI-QDA importer and exporter, headless; report what they said.

Usage: ``python run.py import FILE.qdpx PROJECT.qda`` makes PROJECT.qda a QualCoder
project (its ``documents`` … folders, and ``data.qda`` with the tables of QualCoder's
``new_project``, copied from ``src/qualcoder/__main__.py`` at commit c3204641 into
``schema.sql``) and imports FILE.qdpx into it with ``RefiImport``;
``python run.py export PROJECT.qda FOLDER`` exports that project with ``RefiExport`` to
``FOLDER/PROJECT.qdpx``. Both classes are constructed as QualCoder's menu constructs
them; their file dialogs are answered with the paths given, and the line-endings question
with its default ("no change"). Prints JSON: the lines written to the log pane and the
message boxes shown.
"""

import builtins
import datetime
import json
import os
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6 import QtWidgets

SCHEMA = Path(__file__).resolve().parent / "schema.sql"


class Log:
    """The importer's log pane (a QTextEdit in QualCoder): it only appends to it."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def append(self, text: str) -> None:
        self.lines.append(text)


class App:
    """What ``RefiImport`` reads from QualCoder's application object."""

    version = "QualCoder 3.8 (tests)"

    def __init__(self, folder: Path) -> None:
        self.project_path = str(folder)
        self.project_name = folder.name
        self.settings = {"directory": str(folder.parent), "codername": "default",
                         "ai_enable": "False", "fontsize": 10, "font": "Noto Sans"}
        self.ai_models: list = []
        self.conn = sqlite3.connect(folder / "data.qda")

    def write_config_ini(self, settings: dict, ai_models: list) -> None:
        """QualCoder saves the coder name it switched to; nothing to keep here."""

    def get_annotations(self) -> list[dict]:
        """QualCoder's ``App.get_annotations`` with every coder visible."""
        cur = self.conn.cursor()
        cur.execute("select anid, fid, pos0, pos1, memo, owner, date from annotation")
        keys = "anid", "fid", "pos0", "pos1", "memo", "owner", "date"
        return [dict(zip(keys, row, strict=True)) for row in cur.fetchall()]


def new_project(folder: Path) -> App:
    for sub in ("", "images", "audio", "video", "documents"):
        (folder / sub).mkdir(exist_ok=True)
    app = App(folder)
    cur = app.conn.cursor()
    app.conn.executescript(SCHEMA.read_text(encoding="utf-8"))
    cur.execute("INSERT INTO project VALUES(?,?,?,?,?,?,?,?,null,null,null)",
                ("v17", datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S"), "", app.version,
                 0, 0, "default", ""))
    app.conn.commit()
    return app


def main(mode: str, source: str, dest: str) -> None:
    builtins._ = getattr(builtins, "_", None) or (lambda text: text)
    application = QtWidgets.QApplication([])
    from qualcoder import helpers, refi

    log = Log()
    if mode == "import":
        app = new_project(Path(dest))
        QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (source, True))
        refi.RefiImport(app, log, "qdpx")
    else:
        app = App(Path(source))
        # The export is prepared in ~/.qualcoder/<project>; keep it beside the output.
        os.environ["HOME"] = dest
        Path(dest, ".qualcoder").mkdir(parents=True, exist_ok=True)
        QtWidgets.QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: dest)
        refi.RefiLineEndings.exec = lambda self: 0
        refi.RefiExport(app, log, "project")
    app.conn.commit()
    app.conn.close()
    print(json.dumps({"log": log.lines, "messages": helpers.SHOWN}, ensure_ascii=False))
    application.quit()


if __name__ == "__main__":
    main(*sys.argv[1:4])
