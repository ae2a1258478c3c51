"""Blind coding: a participant sees only their own codings until the facilitator reveals
them; the facilitator's agreement view fills as the codings arrive.

The setting and what a window shows run on a file and on a team server alike; the live
parts (a reveal reaching a participant's open window, the agreement view following the
participants) on the server.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from annotator.cli import main
from annotator.services import coding, documents
from annotator.services.blind import blind_state, start_blind
from annotator.services.codebook import find_code
from annotator.services.coders import ensure_coder
from annotator.services.coding import document_spans
from annotator.services.projects import new_project
from annotator.services.workshop import make_participant_copies
from annotator.store.project import Project
from annotator.ui.codebook_view import COL_COUNT
from tests.conftest import shared_file
from tests.server.team_windows import PATIENCE_MS, shown_codings, team_window


@pytest.fixture(params=["file", "server"])
def location(request, tmp_path) -> str:
    if request.param == "file":
        return str(tmp_path / "工作坊.annotator")
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def workshop(location) -> dict:
    """The seed paper, coded by two participants (王丽 and 李强), with memos."""
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")[:6000]
    with new_project(location, "governance") as p:
        doc = documents.add_document(p, "整体性治理", text).id
        with p.read() as s:
            social = find_code(s, "信任/社会信任").id
            political = find_code(s, "信任/政治信任").id
        wang, li = ensure_coder(p, "王丽").id, ensure_coder(p, "李强").id
        w1 = coding.code_span(p, doc, 10, 40, social, wang)
        coding.code_span(p, doc, 100, 140, political, wang)
        l1 = coding.code_span(p, doc, 12, 38, social, li)
        coding.set_coding_memo(p, w1.id, "王丽的想法")
        coding.set_coding_memo(p, l1.id, "李强的想法")
    return {"url": location, "doc": doc, "social": social, "political": political,
            "wang": wang, "li": li, "w1": w1.id, "l1": l1.id}


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_switches_blind_coding_and_refuses_what_is_unclear(
        location, capsys):
    assert _run(capsys, "new", location)[0] == 0
    code, out, _ = _run(capsys, "blind", location)
    assert code == 0 and "off" in out
    code, _, err = _run(capsys, "blind", location, "--on")
    assert code != 0 and "--facilitator" in err
    code, _, err = _run(capsys, "blind", location, "--on", "--reveal", "--facilitator", "王丽")
    assert code != 0 and "--reveal" in err
    with Project.open(location) as p:
        assert not blind_state(p).on  # the refusals changed nothing
    code, out, _ = _run(capsys, "blind", location, "--on", "--facilitator", "张老师")
    assert code == 0 and "张老师" in out
    code, out, _ = _run(capsys, "--lang", "zh", "blind", location)
    assert code == 0 and "盲编码已开启" in out and "张老师" in out
    with Project.open(location) as p:
        state = blind_state(p)
        assert state.on and state.facilitator == "张老师"
        assert state.hides_others_from("李强") and not state.hides_others_from("张老师")
    code, out, _ = _run(capsys, "--lang", "en", "blind", location, "--reveal")
    assert code == 0 and "off" in out
    with Project.open(location) as p:
        assert not blind_state(p).on and blind_state(p).facilitator == "张老师"


def test_a_participant_sees_only_their_own_codings_until_revealed(qtbot, tmp_path, workshop):
    url, doc, social = workshop["url"], workshop["doc"], workshop["social"]
    facilitator = team_window(qtbot, tmp_path, "f", url, "张老师")
    facilitator.registry["blind"].trigger()  # "switch blind coding on?" — yes
    assert facilitator.registry["blind"].isChecked()
    assert {workshop["w1"], workshop["l1"]} <= shown_codings(facilitator)
    assert len(shown_codings(facilitator)) == 3 and facilitator.session.counts[social] == 2

    li = team_window(qtbot, tmp_path, "li", url, "李强")
    try:
        assert li.session.blinded
        assert shown_codings(li) == {workshop["l1"]}
        assert li.session.counts[social] == 1 and li.session.counts[workshop["political"]] == 0
        assert li.blind.note.isVisible() and "only your codings" in li.blind.note.text()
        assert not li.registry["blind"].isEnabled()  # only the facilitator reveals
        # showing the others is refused, with the reason
        li.registry["others"].trigger()
        assert not li.session.show_other_coders and shown_codings(li) == {workshop["l1"]}
        assert any("blind coding is on" in m for m in li.prompts.warnings)
        # no agreement, no disagreements: they would show the others' codings
        li.prompts.warnings.clear()
        li.registry["agreement"].trigger()
        assert not li.workshop_ui.agreement_dock.isVisible()
        assert "facilitator (张老师)" in li.prompts.warnings[0]
        # the memo list leaves out the memos on others' codings
        li.memos.dock.show()
        li.memos.refresh()
        assert [m.memo for m in li.memos.list.entries if m.kind == "coding"] == ["李强的想法"]

        # what a participant codes is theirs to see; the facilitator sees it too
        li.docs.select_document(doc)
        facilitator.registry["blind"].trigger()  # reveal — yes
        assert not facilitator.session.blind.on
        if url.startswith("postgresql"):  # the other windows follow as it commits
            qtbot.waitUntil(lambda: not li.session.blinded, timeout=PATIENCE_MS)
        else:  # a file: the next time the window reads the project
            assert li.projects.open_path(url) and li.session.set_coder("李强")
        assert len(shown_codings(li)) == 3 and li.session.counts[social] == 2
        assert not li.blind.note.isVisible()
        # the facilitator's window, under a participant's name, hides the others again
        facilitator.registry["blind"].trigger()
        assert facilitator.session.set_coder("赵敏")
        assert shown_codings(facilitator) == set() and facilitator.session.counts[social] == 0
        assert facilitator.codebook.items[social].text(COL_COUNT) == "0"
    finally:
        li.close()
        facilitator.close()


def test_the_facilitators_agreement_view_follows_the_participants_live(
        qtbot, tmp_path, postgres_database):
    url = postgres_database
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")[:6000]
    with new_project(url, "governance") as p:
        doc = documents.add_document(p, "整体性治理", text).id
        with p.read() as s:
            social = find_code(s, "信任/社会信任").id
    facilitator = team_window(qtbot, tmp_path, "f", url, "张老师")
    facilitator.registry["blind"].trigger()
    facilitator.registry["agreement"].trigger()
    view = facilitator.workshop_ui.agreement
    assert view.result is None  # nobody has coded yet
    participants = [Project.open(url), Project.open(url)]
    try:
        coders = [ensure_coder(p, name).id for p, name in zip(participants, ("李强", "赵敏"),
                                                               strict=True)]
        coding.code_span(participants[0], doc, 10, 40, social, coders[0])
        coding.code_span(participants[1], doc, 14, 40, social, coders[1])
        qtbot.waitUntil(lambda: view.result is not None and len(view.result.codings) == 2,
                        timeout=PATIENCE_MS)
        assert sorted(view.chosen_coders()) == ["李强", "赵敏"]
        coding.code_span(participants[1], doc, 300, 330, social, coders[1])
        qtbot.waitUntil(lambda: view.result is not None and len(view.result.codings) == 3,
                        timeout=PATIENCE_MS)
        assert len(shown_codings(facilitator)) == 3  # the facilitator sees every coding
    finally:
        for p in participants:
            p.close()
        facilitator.close()


def test_participant_copies_of_a_blind_file_project_stay_blind(tmp_path):
    """A copy made with the codings (a second round) keeps the setting, so its
    participant still sees only their own."""
    text = shared_file("corpus", "seed-paper-zh.txt").read_text(encoding="utf-8")
    path = tmp_path / "工作坊.annotator"
    with new_project(path, "governance") as p:
        doc = documents.add_document(p, "整体性治理", text).id
        with p.read() as s:
            social = find_code(s, "信任/社会信任").id
        coding.code_span(p, doc, 10, 40, social, ensure_coder(p, "王丽").id)
        start_blind(p, "张老师")
        made = make_participant_copies(p, tmp_path / "副本", ["李强"], without_codings=False)
    with Project.open(made[0].path) as copy:
        state = blind_state(copy)
        assert state.on and state.hides_others_from("李强")
        assert len(document_spans(copy, doc)) == 1  # carried, and hidden from 李强
