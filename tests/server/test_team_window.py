"""Two windows on one team project: each sees what the other does, without reloading.

Two ``MainWindow``s in one test process, each with its own settings and its own open
project (its own connections and origin), against the real server; one codes, edits the
codebook, writes memos, and the other shows it — the highlight in the text, the count in
the codebook, the renamed code, the memo — and a window never applies its own step twice.
"""

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from annotator.services import coding, documents
from annotator.services.codebook import add_code, delete_code, find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import document_spans
from annotator.services.projects import new_project
from annotator.services.rows import CodingInfo
from annotator.store.project import Project
from annotator.ui.codebook_view import COL_COUNT, COL_NAME
from annotator.ui.i18n import apply_language
from annotator.ui.main_window import MainWindow
from annotator.ui.operations.codebook import SetCodeValue
from annotator.ui.operations.coding import CodeSpan, CodingMemo, UncodeSpan
from annotator.ui.operations.documents import DocumentValue
from annotator.ui.settings_dialog import switch_language
from annotator.ui.team_dialog import url_parts
from tests.conftest import shared_file
from tests.postgres_server import PASSWORD, create_database
from tests.server.team_windows import PATIENCE_MS, shown_codings, team_window
from tests.ui.conftest import ScriptedPrompts


@pytest.fixture
def team_project(postgres_database: str) -> tuple[str, int, int]:
    """A team project with the seed paper and the governance codebook: (url, doc, code)."""
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")[:6000]
    project = new_project(postgres_database, "governance")
    doc = documents.add_document(project, "整体性治理", text)
    with project.read() as s:
        code = find_code(s, "信任/社会信任").id
    project.close()
    return postgres_database, doc.id, code


def test_each_window_sees_the_others_codings_codebook_edits_and_memos(
        qtbot, tmp_path, team_project):
    url, doc, code = team_project
    a = team_window(qtbot, tmp_path, "a", url, "王丽")
    b = team_window(qtbot, tmp_path, "b", url, "李强")
    seen_by_a: list = []
    a.session.changed.connect(seen_by_a.append)
    try:
        assert a.view.doc_id == doc and b.view.doc_id == doc
        # A codes: B shows the highlight and the count, without reloading
        assert a.session.execute(CodeSpan(a.session, doc, 10, 30, code))
        coding_id = a.session.undo_stack.command(0).created[0].id
        qtbot.waitUntil(lambda: coding_id in shown_codings(b), timeout=PATIENCE_MS)
        assert b.session.counts[code] == 1
        assert b.codebook.items[code].text(COL_COUNT) == "1"
        span = next(sp for sp in b.view.index if sp.coding_id == coding_id)
        assert (b.view.map.to_codepoint(span.start), b.view.map.to_codepoint(span.end)) == \
            (10, 30)
        assert b.session.coder_name(span.coder_id) == "王丽"

        # A renames the code: B's codebook shows the new name
        assert a.session.execute(SetCodeValue(a.session, code, "name", "邻里之间的信任"))
        qtbot.waitUntil(lambda: b.codebook.items[code].text(COL_NAME) == "邻里之间的信任",
                        timeout=PATIENCE_MS)
        assert b.session.code_path(code) == "信任/邻里之间的信任"

        # A writes a document memo: B's document list has it
        assert a.session.execute(DocumentValue(a.session, doc, "memo", "第二段需要再读"))
        qtbot.waitUntil(lambda: b.session.document(doc).memo == "第二段需要再读",
                        timeout=PATIENCE_MS)

        # B writes a memo on A's coding: A's coded segments list shows it
        a.codebook.select_code(code)
        a.segments.flush()
        info = CodingInfo(coding_id, doc, code, span.coder_id, 10, 30, "")
        assert b.session.execute(CodingMemo(b.session, info, "B 的备忘：这里是社会信任"))

        def memo_in_a() -> bool:
            a.segments.flush()
            return [s.memo for s in a.segments.model.rows] == ["B 的备忘：这里是社会信任"]

        qtbot.waitUntil(memo_in_a, timeout=PATIENCE_MS)

        # B uncodes A's coding: it leaves A's text and A's count
        assert b.session.execute(UncodeSpan(b.session, doc, 10, 30, code, span.coder_id))
        qtbot.waitUntil(lambda: coding_id not in shown_codings(a), timeout=PATIENCE_MS)
        assert a.session.counts[code] == 0
        assert a.codebook.items[code].text(COL_COUNT) == "0"

        # A's own steps reached A once, from its own operations; the rest came from B
        own = [c for c in seen_by_a if c.codings_added]
        assert len(own) == 1 and own[0].codings_added[0].id == coding_id
        assert not any(c.reset for c in seen_by_a)
    finally:
        a.close()
        b.close()


def test_the_window_says_at_once_when_the_server_goes_and_when_it_is_back(
        qtbot, tmp_path, own_server):
    url = create_database(own_server.url, "team")
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")[:3000]
    project = new_project(url, "governance")
    doc = documents.add_document(project, "整体性治理", text).id
    second = documents.add_document(project, "另一份材料", text[::-1]).id
    with project.read() as s:
        code = find_code(s, "信任/社会信任").id
    project.close()
    w = team_window(qtbot, tmp_path, "a", url, "王丽")
    try:
        assert w.view.doc_id == doc
        assert w.session.execute(CodeSpan(w.session, doc, 10, 30, code))
        kept = w.session.undo_stack.command(0).created[0].id
        assert not w.team_banner.isVisible()

        own_server.stop()
        qtbot.waitUntil(lambda: w.team_banner.state == "lost", timeout=PATIENCE_MS)
        assert w.team_banner.isVisible()
        assert "lost" in w.team_banner.label.text()
        assert "postgresql://annotator@127.0.0.1" in w.team_banner.label.text()
        # what was committed is still shown; an edit is refused with the reason, not lost
        assert kept in shown_codings(w)
        w.prompts.warnings.clear()
        assert not w.session.execute(CodeSpan(w.session, doc, 40, 50, code))
        assert len(w.prompts.warnings) == 1
        refusal = w.prompts.warnings[0]
        assert "read-only" in refusal and "server was lost" in refusal
        assert kept in shown_codings(w) and w.session.counts[code] == 1
        # what cannot be read now is said in the status bar (the banner says why), the
        # document shown stays, and no message box comes up for each click
        w.prompts.warnings.clear()
        w.docs.select_document(second)
        w.codebook.select_code(code)
        assert w.view.doc_id == doc and kept in shown_codings(w)
        assert w.docs.current_document() == doc
        assert "connection" in w.statusBar().currentMessage()
        assert w.prompts.warnings == []

        own_server.start()
        qtbot.waitUntil(lambda: w.team_banner.state == "back", timeout=PATIENCE_MS)
        assert "again" in w.team_banner.label.text()
        assert w.session.execute(CodeSpan(w.session, doc, 40, 50, code))
        assert w.session.counts[code] == 2
        w.docs.select_document(second)
        assert w.view.doc_id == second
    finally:
        w.close()
    with Project.open(url) as again:
        assert len(document_spans(again, doc)) == 2


def test_open_team_project_asks_the_password_and_never_keeps_it(
        qtbot, tmp_path, team_project, monkeypatch):
    url, doc, _code = team_project
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))  # only the dialog
    ini = tmp_path / "window.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    prompts = ScriptedPrompts()
    w = MainWindow(settings, persist=True, prompts=prompts)
    qtbot.addWidget(w)
    w.show()
    try:
        def wrong(dialog) -> bool:
            dialog.set_url(url)
            dialog.password.setText("not-the-password")
            return True

        prompts.answer(wrong)
        assert not w.registry["open_team"].trigger() and not w.session.is_open
        assert len(prompts.warnings) == 1 and "password" in prompts.warnings[0]
        assert "not-the-password" not in prompts.warnings[0]

        def typed(dialog) -> bool:  # the parts typed in one by one, as a user would
            for name, value in url_parts(url).items():
                qtbot.keyClicks(dialog.edits[name], value)
            qtbot.keyClicks(dialog.password, PASSWORD)
            assert dialog.url_edit.text() == url
            return True

        prompts.answer(typed)
        w.registry["open_team"].trigger()
        assert w.session.is_open and w.view.doc_id == doc
        assert w.windowTitle().startswith(url.rsplit("/", 1)[1])
        w.projects.close_project()
        settings.sync()
        assert w.projects.recent_projects()[0] == url
        assert settings.value("lastProject") is None  # the window starts on files only
        assert PASSWORD not in ini.read_text(encoding="utf-8")
        assert _recent_actions(w)[0].text().endswith("(team)")

        # from the recent list: no password anywhere, so the dialog comes back with the
        # reason, the address filled in; this time the user types the password
        notes: list[str] = []

        def again(dialog) -> bool:
            notes.append(dialog.note.text())
            assert dialog.url_edit.text() == url and dialog.password.text() == ""
            dialog.password.setText(PASSWORD)
            return True

        prompts.answer(again)
        _recent_actions(w)[0].trigger()
        assert w.session.is_open
        assert notes and "password" in notes[0]
    finally:
        w.close()
    assert PASSWORD not in ini.read_text(encoding="utf-8")


def _recent_actions(window: MainWindow):
    menu = window.projects.recent_menu
    window.projects.fill_recent_menu()
    return [a for a in menu.actions() if a.isEnabled()]


def test_a_copy_an_export_and_a_new_language_work_on_a_team_project(
        qtbot, tmp_path, team_project):
    url, doc, code = team_project
    w = team_window(qtbot, tmp_path, "a", url, "王丽")
    new = None
    try:
        assert w.session.execute(CodeSpan(w.session, doc, 10, 30, code))
        copy = tmp_path / "存档.annotator"
        w.prompts.answer(str(copy))
        w.registry["copy_project"].trigger()
        with Project.open(copy) as saved:
            assert [(s[3], s[4]) for s in document_spans(saved, doc)] == [(10, 30)]
        book = tmp_path / "导出.xlsx"
        w.prompts.answer(str(book))
        w.registry["export"].trigger()
        qtbot.waitUntil(lambda: not w.export.busy, timeout=PATIENCE_MS)
        rows = list(load_workbook(book, read_only=True).worksheets[0].iter_rows(
            values_only=True))
        assert [(r[1], r[2], r[3], r[4]) for r in rows[1:]] == [("信任/社会信任", "王丽", 10, 30)]
        assert not w.prompts.warnings
        # a new language rebuilds the window on the same team project, still live
        new = switch_language(w, "zh")
        qtbot.addWidget(new)
        assert new.session.is_open and new.session.project.url is not None
        assert new.team.live and new.team.note.text() == "团队项目 · 实时同步"
    finally:
        apply_language("en")
        for window in (w, new):
            if window is not None:
                window.close()


def test_another_program_adding_documents_and_deleting_a_code_is_seen(
        qtbot, tmp_path, team_project):
    """A second program on the same database (the command line, a script) is seen too:
    the server announces every commit, whoever made it."""
    url, doc, code = team_project
    w = team_window(qtbot, tmp_path, "a", url, "王丽")
    other = Project.open(url)
    try:
        coder = ensure_coder(other, "李强").id
        made = coding.code_span(other, doc, 50, 80, code, coder)
        qtbot.waitUntil(lambda: w.session.counts.get(code) == 1, timeout=PATIENCE_MS)
        novel = shared_file("corpus", "hongloumeng-gbk.txt")
        assert documents.import_files(other, [novel]).imported
        qtbot.waitUntil(lambda: w.documents.count() == 2, timeout=PATIENCE_MS)
        assert w.documents.item(1).text() == novel.stem
        added = add_code(other, "信任/新的代码")
        qtbot.waitUntil(lambda: added.id in w.codebook.items, timeout=PATIENCE_MS)
        assert w.session.code_path(added.id) == "信任/新的代码"
        # deleting a code takes its codings with it: gone from the text, the tree, the counts
        assert made.id in shown_codings(w)
        delete_code(other, code)
        qtbot.waitUntil(lambda: code not in w.codebook.items, timeout=PATIENCE_MS)
        qtbot.waitUntil(lambda: made.id not in shown_codings(w), timeout=PATIENCE_MS)
        assert code not in w.session.codes
    finally:
        other.close()
        w.close()


def test_the_window_starts_on_a_team_project_named_on_the_command_line(
        tmp_path, team_project):
    url, _doc, _code = team_project
    shot = tmp_path / "窗口.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ANNOTATOR_CONFIG_DIR": str(tmp_path / "config")}
    r = subprocess.run([sys.executable, "-m", "annotator", url, "--screenshot", str(shot)],
                       capture_output=True, text=True, env=env, timeout=180)
    assert r.returncode == 0, r.stderr
    assert QImage(str(shot)).width() > 800


def test_a_team_project_named_by_a_libpq_service(qtbot, tmp_path, postgres_server,
                                                 monkeypatch):
    host, port = postgres_server.split("@", 1)[1].strip("/").split(":")
    create_database(postgres_server, "service_window")
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[workshop]\nhost={host}\nport={port}\nuser=annotator\n"
                        "dbname=service_window\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    prompts = ScriptedPrompts()
    w = MainWindow(settings, persist=True, prompts=prompts)
    qtbot.addWidget(w)
    w.show()
    try:
        def service_only(dialog) -> bool:
            assert dialog.template.currentText() in (  # the default codebook
                "Holistic governance: coordination, integration, trust",
                "整体性治理：协调、整合、信任")
            assert dialog.url_edit.text() == "" and not dialog.ok.isEnabled()
            qtbot.keyClicks(dialog.edits["service"], "workshop")
            assert dialog.ok.isEnabled()
            return True

        prompts.answer(service_only)
        w.registry["new_team"].trigger()
        assert w.session.is_open, prompts.warnings
        assert w.session.project.name == "service_window"
        assert "信任/社会信任" in {c.path for c in w.session.codes.values()}
        w.projects.close_project()
        assert w.projects.recent_projects()[0] == "postgresql:///?service=workshop"
        assert _recent_actions(w)[0].text().endswith("workshop (team)")
        _recent_actions(w)[0].trigger()
        assert w.session.is_open and w.session.project.name == "service_window"
    finally:
        w.close()
