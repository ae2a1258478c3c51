"""Screenshots of the workshop views on a merged two-coder project of the seed paper.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_workshop_screenshots.py

Writes ``docs/agreement.png`` and ``docs/disagreements.png``. The project: the demo
(seed paper coded by 示例编码员), a participant copy without codings coded by 李明 —
mostly the same passages, some shifted, one code swapped, one passage missed and one
extra — merged back through the services the Workshop menu calls.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import document_text, list_documents
from annotator.services.projects import DEMO_CODINGS, _span, create_demo_project
from annotator.services.workshop import make_participant_copies, merge_copies
from annotator.store.project import Project

OUT = Path(__file__).resolve().parent
SECOND = "李明"


def second_coder(copy: Path) -> None:
    """李明 codes most of what the demo coder coded, not quite the same way."""
    with Project.open(copy) as q:
        who = ensure_coder(q, SECOND)
        doc = list_documents(q)[0]
        text = document_text(q, doc.id)
        codes = {c.path: c.id for c in code_tree(q)}
        swaps = {"整合/以人民为中心": "信任/政治信任"}
        for n, (path, first, last) in enumerate(DEMO_CODINGS):
            start, end = _span(text, first, last)
            if n == 2:
                continue  # missed this one
            if n % 3 == 1:
                end = max(start + 5, end - 12)  # stopped early
            code_span(q, doc.id, start, end, codes[swaps.get(path, path)], who.id)
        start = text.index("协商")
        code_span(q, doc.id, start, start + 40, codes["整合/协商对话机制"], who.id)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="annotator-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp / "config")
    project_path = tmp / "工作坊.annotator"
    project = create_demo_project(project_path)
    copies = make_participant_copies(project, tmp / "copies", [SECOND], without_codings=True)
    second_coder(copies[0].path)
    for report in merge_copies(project, [c.path for c in copies]):
        print(report.summary())
    project.close()

    from annotator.ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp / "w.ini"), QSettings.Format.IniFormat),
                        persist=False)
    window.resize(1400, 900)
    window.show()
    window.projects.open_path(project_path)
    ui = window.workshop_ui
    ui.show_agreement()
    app.processEvents()
    view = ui.agreement
    ui.agreement_dock.setFloating(True)
    ui.agreement_dock.resize(1300, 560)
    trust = next(i for i in range(view.codes.topLevelItemCount())
                 if view.codes.topLevelItem(i).text(0) == "信任/政治信任")
    view.codes.setCurrentItem(view.codes.topLevelItem(trust))
    app.processEvents()
    view.grab().save(str(OUT / "agreement.png"))
    ui.show_disagreements()
    dis = ui.disagreements
    ui.disagreements_dock.setFloating(True)
    ui.disagreements_dock.resize(1300, 420)
    if dis.items:
        dis.select_row(0)
    app.processEvents()
    dis.grab().save(str(OUT / "disagreements.png"))
    print("wrote", OUT / "agreement.png", OUT / "disagreements.png")
    window.close()


if __name__ == "__main__":
    main()
