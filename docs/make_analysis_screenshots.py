"""Screenshots of the Analysis dock on twelve chapters of 《红楼梦》.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_analysis_screenshots.py

Writes ``docs/analysis-cooccurrence-zh.png`` (a cell opened: its passages listed, the
first shown in the text), ``docs/analysis-heatmap-en.png``, ``docs/analysis-crosstab-zh.png``
and ``docs/analysis-cases-en.png``. The project: the first twelve chapters as documents,
eight codes, two coders, 900 codings placed at random (seeded), the document attribute
部分 and three cases of four chapters; built through the services the window calls.
"""

import os
import random
import re
import subprocess
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.services import attributes, cases, codebook, sets, words
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import add_document
from annotator.services.projects import new_project
from annotator.store.models import Document

OUT = Path(__file__).resolve().parent
NOVEL = Path(__file__).resolve().parents[2] / "shared/corpus/hongloumeng-gbk.txt"
HEADING = re.compile(r"^\s*第[一二三四五六七八九十百零]+回", re.M)
CODES = ["人物/宝玉", "人物/黛玉", "人物/宝钗", "情感/喜", "情感/悲", "礼俗", "梦境", "诗词"]
SHOTS = [("cooccurrence", "zh"), ("heatmap", "en"), ("crosstab", "zh"), ("cases", "en"),
         ("speakers", "zh"), ("speakers", "en"), ("sets", "zh"), ("sets", "en"),
         ("concordance", "zh"), ("concordance", "en")]


def build(path: Path) -> None:
    text = NOVEL.read_bytes().decode("gb18030")
    starts = [m.start() for m in HEADING.finditer(text)]
    # a heading quoted inside a chapter (or a table of contents) is no chapter
    parts = [text[a:b] for a, b in pairwise(starts) if b - a >= 1000]
    p = new_project(path, "empty")
    docs = [add_document(p, f"第{i + 1:02d}回", part) for i, part in enumerate(parts[:12])]
    for parent in ("人物", "情感"):
        codebook.add_code(p, parent)
    ids = [codebook.add_code(p, path_).id for path_ in CODES]
    coders = [ensure_coder(p, name).id for name in ("林老师", "王同学")]
    rng = random.Random(16)
    for _ in range(900):
        d = rng.choice(docs)
        n = rng.randint(20, 200)
        start = rng.randrange(0, d.length - n)
        code_span(p, d.id, start, start + n, rng.choice(ids[:5] if rng.random() < .7 else ids),
                  rng.choice(coders))
    attributes.define_attribute(p, "部分", "document", "category", ["开篇", "入府", "省亲前"])
    for i, d in enumerate(docs):
        attributes.set_value(p, "部分", d.name, ("开篇", "入府", "省亲前")[i // 4])
    attributes.define_attribute(p, "主讲", "case", "text")
    for k, name in enumerate(("甲组", "乙组", "丙组")):
        cases.create_case(p, name, [d.name for d in docs[k * 4:(k + 1) * 4]])
        attributes.set_value(p, "主讲", name, ("林老师", "王同学", "林老师")[k], "case")
    # a speaker: a case coded on the stretches of chapter 3 where 黛玉 speaks
    cases.create_case(p, "黛玉（发言）")
    with p.read() as s:
        text = s.scalar(select(Document.text).where(Document.name == "第03回"))
    for m in list(re.finditer(r"黛玉[^。]{0,6}(?:道|笑道|忙道)：“[^”]+”", text))[:12]:
        cases.code_segment(p, "黛玉（发言）", "第03回", m.start(), m.end())
    sets.create_set(p, "document", "前四回", [d.name for d in docs[:4]])
    sets.create_set(p, "code", "人物", CODES[:3])
    words.set_synonyms(p, {"黛玉": ["林黛玉", "林妹妹", "颦儿", "林姑娘"]})
    p.close()


def shoot(project: Path, which: str, lang: str) -> None:
    os.environ["ANNOTATOR_LANG"] = lang
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from annotator.ui import i18n
    from annotator.ui.main_window import MainWindow

    app = QApplication([])
    i18n.apply_language(lang, app)
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
                       persist=False)
        w.resize(1400, 980)
        w.show()
        w.projects.open_path(project)
        a = w.analysis

        def settle() -> None:
            a.runner.wait()
            for _ in range(60):
                app.processEvents()

        if which in ("cooccurrence", "heatmap"):
            a.show_tab(a.cooccurrence)
            a.cooccurrence.run()
            settle()
            if which == "heatmap":
                a.cooccurrence.tabs.setCurrentWidget(a.cooccurrence.charts["heatmap"])
            else:
                a.cooccurrence.open_cell(2, 5)
        elif which == "crosstab":
            a.show_tab(a.crosstab)
            a.crosstab.by.setCurrentIndex(a.crosstab.by.findData("部分"))
            a.crosstab.run()
            settle()
            a.crosstab.open_cell(3, 1)
        elif which == "speakers":
            a.show_tab(a.cases)
            names = [a.cases.cases.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(a.cases.cases.count())]
            a.cases.cases.setCurrentRow(names.index("黛玉（发言）"))
            info = next(c for c in cases.list_cases(w.session.project)
                        if c.name == "黛玉（发言）")
            start, end = info.segments["第03回"][0]
            w.docs.show_span(next(d.id for d in w.session.documents if d.name == "第03回"),
                             start, end)
            column = [a.cases.table.horizontalHeaderItem(c).text()
                      for c in range(a.cases.table.columnCount())].index(
                          next(a.cases.table.horizontalHeaderItem(c).text()
                               for c in range(a.cases.table.columnCount())
                               if a.cases.table.horizontalHeaderItem(c).text()
                               .startswith("部分")))
            item = a.cases.table.item(4, column)
            a.cases.table.setCurrentItem(item)
            a.cases.table.editItem(item)
        elif which == "sets":
            a.show_tab(a.cooccurrence)
            a.scope.document_sets.choose(["前四回"])
            a.scope.code_sets.choose(["人物"])
            a.cooccurrence.run()
            settle()
            a.cooccurrence.open_cell(0, 1)
        elif which == "concordance":
            from annotator.ui.concordance_panel import scope_key

            w.registry["concordance"].trigger()
            panel = w.text_analysis.concordance
            if lang == "zh":  # the names 黛玉 goes by, merged in the word lists
                panel.synonyms.setChecked(True)
                panel.search("黛玉")
            else:  # what one speaker says: the stretches of her case only
                panel.scope.setCurrentIndex(panel.scope.findData(scope_key("case", "黛玉（发言）")))
                panel.search("道")
            while panel.busy:
                app.processEvents()
            for _ in range(60):
                app.processEvents()
            w.grab().save(str(OUT / f"analysis-{which}-{lang}.png"))
            print("wrote", OUT / f"analysis-{which}-{lang}.png")
            w.close()
            return
        else:
            a.show_tab(a.cases)
            a.cases.cases.setCurrentRow(1)
        settle()
        w.resizeDocks([a.dock], [600], Qt.Orientation.Vertical)
        settle()
        out = OUT / f"analysis-{which}-{lang}.png"
        w.grab().save(str(out))
        print("wrote", out)
        w.close()


def main() -> None:
    if len(sys.argv) == 4:  # one shot per process: one language per QApplication
        shoot(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
        return
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "红楼梦十二回.annotator"
        build(project)
        for which, lang in SHOTS:
            subprocess.run([sys.executable, __file__, str(project), which, lang], check=True)


if __name__ == "__main__":
    main()
