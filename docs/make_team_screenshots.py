"""Screenshots of a team project: the Open team project dialog, a window showing another
member's coding as it arrives, and the banner when the server has gone.

    .venv/bin/python docs/make_team_screenshots.py [--lang en] [--out DIR]

Starts a throw-away PostgreSQL server (``tests/postgres_server.py``: Debian's
``postgresql`` package must be installed), makes a team project of the seed paper with
the governance codebook, opens it in a window as 王丽 while a second member (李强) codes
through a project of their own, switches blind coding on and looks as a participant, then
stops the server. Writes ``team-dialog.png``, ``team-live.png``, ``team-blind.png`` and
``team-server-gone.png`` (other languages add their suffix).
"""

import sys
import time

from screenshot_setup import setup

from annotator.services import coding, documents
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.projects import new_project
from annotator.store.project import Project
from annotator.ui.team_dialog import TeamProjectDialog
from tests.conftest import SHARED
from tests.postgres_server import PostgresServer, create_database


def wait_for(app, done, seconds: float = 15.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    shot = setup(sys.argv[1:])
    app, out, suffix = shot.app, shot.out, shot.suffix
    server = PostgresServer()
    server.start()
    try:
        url = create_database(server.url, "workshop")
        text = (SHARED / "corpus" / "seed-paper-zh.txt").read_text(encoding="utf-8")[:8000]
        project = new_project(url, "governance")
        doc = documents.add_document(project, "整体性治理与基层党建", text).id
        project.close()

        window = shot.window()
        dialog = TeamProjectDialog(window, window.tr("Open team project"), url=url)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / f"team-dialog{suffix}.png"))
        dialog.close()

        window.projects.open_path(url)
        window.session.set_coder("王丽")
        other = Project.open(url)
        with other.read() as s:
            codes = [find_code(s, p).id for p in ("信任/社会信任", "整合/协商对话机制",
                                                   "协调/多主体协同")]
        coder = ensure_coder(other, "李强").id
        body = window.session.text(doc)
        for code, phrase in zip(codes, ("信任", "协商", "协同"), strict=True):
            start = body.find(phrase, 200)
            coding.code_span(other, doc, start, start + 24, code, coder)
        wait_for(app, lambda: len(list(window.view.index)) >= 3)
        window.codebook.select_code(codes[0])
        window.segments.flush()
        first = min(sp.start for sp in window.view.index)
        window.docs.show_span(doc, window.view.map.to_codepoint(first),
                              window.view.map.to_codepoint(first))
        app.processEvents()
        window.grab().save(str(out / f"team-live{suffix}.png"))
        other.close()

        window.prompts.confirm = lambda _title, _text: True  # "switch it on?" — yes
        window.registry["blind"].trigger()  # 王丽 the facilitator: blind coding on
        window.session.set_coder("赵敏")  # the same window as a participant: nothing shown
        app.processEvents()
        window.grab().save(str(out / f"team-blind{suffix}.png"))
        window.session.set_coder("王丽")

        server.stop()
        wait_for(app, lambda: window.team_banner.state == "lost")
        app.processEvents()
        window.grab().save(str(out / f"team-server-gone{suffix}.png"))
        window.close()
    finally:
        server.remove()


if __name__ == "__main__":
    main()
