"""Screenshots of the workshop review on a merged project of the seed paper.

    .venv/bin/python docs/make_workshop_screenshots.py [--lang en] [--out DIR]

Writes ``agreement.png`` and ``disagreements.png`` (in zh: ``docs/``; other languages
add their suffix, ``agreement-en.png``). The project: the demo (seed paper coded by
示例编码员), two participant copies without codings, coded by 张三 and 李明 — mostly the
same passages, some shifted, one code swapped, one passage missed and one extra — merged
back through the services the Workshop menu calls. The window is shot whole, as the
review opens: docked under the document, the example coder left out.
"""

import sys
from pathlib import Path

from screenshot_setup import setup

from annotator.services.codebook import code_tree
from annotator.services.coders import ensure_coder
from annotator.services.coding import code_span
from annotator.services.documents import document_text, list_documents
from annotator.services.projects import DEMO_CODINGS, _span, create_demo_project
from annotator.services.workshop import make_participant_copies, merge_copies
from annotator.store.project import Project

PARTICIPANTS = ("张三", "李明")


def participant_codes(copy: Path, who_name: str, variant: int) -> None:
    """A participant codes most of what the demo coder coded, not quite the same way."""
    with Project.open(copy) as q:
        who = ensure_coder(q, who_name)
        doc = list_documents(q)[0]
        text = document_text(q, doc.id)
        codes = {c.path: c.id for c in code_tree(q)}
        swaps = {"整合/以人民为中心": "信任/政治信任"} if variant else {}
        for n, (path, first, last) in enumerate(DEMO_CODINGS):
            start, end = _span(text, first, last)
            if n == 2 + variant:
                continue  # missed this one
            if n % 3 == 1 and variant:
                end = max(start + 5, end - 12)  # stopped early
            code_span(q, doc.id, start, end, codes[swaps.get(path, path)], who.id)
        if variant:
            start = text.index("协商")
            code_span(q, doc.id, start, start + 40, codes["整合/协商对话机制"], who.id)


def main() -> None:
    shot = setup(sys.argv[1:])
    app, out, suffix, tmp = shot.app, shot.out, shot.suffix, shot.tmp
    project_path = tmp / "工作坊.annotator"
    project = create_demo_project(project_path)
    copies = make_participant_copies(project, tmp / "copies", list(PARTICIPANTS),
                                     without_codings=True)
    for variant, copy in enumerate(copies):
        participant_codes(copy.path, copy.participant, variant)
    for report in merge_copies(project, [c.path for c in copies]):
        print(report.summary())
    project.close()

    window = shot.window()
    window.projects.open_path(project_path)
    ui = window.workshop_ui
    ui.show_agreement()
    view = ui.agreement
    while view.busy:
        app.processEvents()
    trust = next(i for i in range(view.codes.topLevelItemCount())
                 if view.codes.topLevelItem(i).text(0) == "信任/政治信任")
    view.codes.setCurrentItem(view.codes.topLevelItem(trust))
    app.processEvents()
    window.grab().save(str(out / f"agreement{suffix}.png"))
    ui.show_disagreements()
    dis = ui.disagreements
    while dis.busy:
        app.processEvents()
    if dis.items:
        dis.select_row(0)
        app.processEvents()
        dis.accept_buttons[0].click()  # settled: marked, and still listed
        while dis.busy or dis._timer.isActive():
            app.processEvents()
        dis.select_row(min(1, len(dis.items) - 1))
    app.processEvents()
    window.grab().save(str(out / f"disagreements{suffix}.png"))
    print("wrote", out / f"agreement{suffix}.png", out / f"disagreements{suffix}.png")
    window.close()


if __name__ == "__main__":
    main()
