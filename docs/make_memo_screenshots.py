"""Screenshots of the memo editor and the memo list on the demo project.

    .venv/bin/python docs/make_memo_screenshots.py [--lang en] [--out DIR]

Writes ``memo-editor.png`` (the editor on a coding of 信任/社会信任) and ``memo-list.png``
(the window with the memo list open, searched); other languages than zh add their
suffix (``memo-list-en.png``). The memos are written through the window's own editor.
"""

import sys

from PySide6.QtCore import Qt
from screenshot_setup import setup

from annotator.services.projects import create_demo_project

MEMOS = (
    ("document", "访谈者：李老师；材料来自 2023 年 5 月的调研。"),
    ("code", "政治信任和社会信任常常一起出现：先看居民如何说“信得过”。"),
    ("coding", "居民互助的例子：可以和第 3 章的议事会对照。"),
)


def main() -> None:
    shot = setup(sys.argv[1:])
    app, out, suffix, tmp = shot.app, shot.out, shot.suffix, shot.tmp
    path = tmp / "示例项目.annotator"
    create_demo_project(path).close()

    window = shot.window()
    window.projects.open_path(path)
    memos = window.memos
    text = window.session.text(window.view.doc_id)
    social = next(c.id for c in window.session.codes.values() if c.path == "信任/社会信任")
    coding = next(s for s in window.view.index if s.code_id == social)

    def write(editor, memo: str) -> None:
        editor.edit.setPlainText(memo)
        editor.accept()
        app.processEvents()

    write(memos.document_memo(), MEMOS[0][1])
    write(memos.code_memo(next(c.id for c in window.session.codes.values()
                               if c.path == "信任")), MEMOS[1][1])
    editor = memos.coding_memo(coding.coding_id)
    editor.edit.setPlainText(MEMOS[2][1])
    editor.resize(620, 420)
    app.processEvents()
    editor.grab().save(str(out / f"memo-editor{suffix}.png"))
    write(editor, MEMOS[2][1])

    window.registry["memos"].trigger()
    window.resizeDocks([memos.dock], [440], Qt.Orientation.Horizontal)
    app.processEvents()
    window.view.go_to(text.index("社会信任指社会个体"))
    memos.list.search.setText("信任")
    for _ in range(10):
        app.processEvents()
    window.grab().save(str(out / f"memo-list{suffix}.png"))
    print("wrote", out / f"memo-editor{suffix}.png", out / f"memo-list{suffix}.png")
    window.close()


if __name__ == "__main__":
    main()
