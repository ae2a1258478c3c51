"""The coder belongs to the project: a participant copy opens as its participant, a
project remembers the coder last used in it, the coder is in the status bar one click
away, and the first coding as a coder new to the project asks once."""

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.services.workshop import make_participant_copies
from annotator.settings import load_settings
from annotator.store.project import Project
from tests.ui.conftest import make_window
from tests.ui.helpers import press, select_with_keys, stored

ME = "测试编码员"  # ANNOTATOR_CODER of every test (tests/conftest.py)


def copies_of(demo: Path, folder: Path) -> dict[str, Path]:
    with Project.open(demo) as project:
        made = make_participant_copies(project, folder, ["张三", "李四"])
    return {c.participant: Path(c.path) for c in made}


def coded_by(window, name: str) -> list[tuple]:
    return [row for row in stored(window) if row[1] == name]


def code_first_words(qtbot, window, key: str = "1") -> None:
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 3)
    press(qtbot, window.view, key)


def test_a_participant_copy_opens_as_its_participant_and_keeps_its_coder(
        qtbot, window, settings, demo, dialogs, tmp_path) -> None:
    copies = copies_of(demo, tmp_path / "copies")
    assert window.projects.open_path(demo)
    assert window.coder_button.text() == f"Coder: {ME}"
    assert window.coder_button.isVisible()

    # the copy made for 张三 opens as 张三, and codes as 张三 without asking
    assert window.projects.open_path(copies["张三"])
    assert window.session.coder.name == "张三"
    assert window.coder_button.text() == "Coder: 张三"
    code_first_words(qtbot, window)
    assert not [text for kind, text in dialogs.asked if kind == "question"]
    assert len(coded_by(window, "张三")) == 1

    # one click on the status bar's coder button switches, here only
    dialogs.answer("李四")
    qtbot.mouseClick(window.coder_button, Qt.MouseButton.LeftButton)
    assert window.session.coder.name == "李四"
    assert window.coder_button.text() == "Coder: 李四"

    # the facilitator's project still codes as the facilitator, the CLI too
    assert window.projects.open_path(demo)
    assert window.session.coder.name == ME
    assert load_settings().get("coder") in (None, "", ME)

    # the copy remembers 李四, in a new window too
    window.close()
    again = make_window(qtbot, settings)
    assert again.projects.open_path(copies["张三"])
    assert again.session.coder.name == "李四"
    assert again.projects.open_path(copies["李四"])
    assert again.session.coder.name == "李四"
    again.close()


def test_coding_as_a_coder_new_to_the_project_asks_once(qtbot, window, demo,
                                                         dialogs) -> None:
    assert window.projects.open_path(demo)
    before = len(stored(window))
    dialogs.answer(True)  # "测试编码员 has not coded in this project yet. Code as …?" Yes
    code_first_words(qtbot, window)
    questions = [text for kind, text in dialogs.asked if kind == "question"]
    assert len(questions) == 1 and ME in questions[0]
    assert len(coded_by(window, ME)) == 1
    code_first_words(qtbot, window, "2")
    assert len([k for k, _ in dialogs.asked if k == "question"]) == 1  # not again
    assert len(stored(window)) == before + 2


def test_no_to_the_new_coder_question_lets_the_user_pick_another(qtbot, window, demo,
                                                                 dialogs) -> None:
    assert window.projects.open_path(demo)
    dialogs.answer(False, "示例编码员")  # No; then code as the one who coded the demo
    code_first_words(qtbot, window)
    assert window.session.coder.name == "示例编码员"
    assert window.coder_button.text() == "Coder: 示例编码员"
    assert not coded_by(window, ME)
    assert dialogs.asked[-1][0] == "item"  # the coder choice, no second question
    assert window.projects.open_path(demo)  # the demo remembers 示例编码员
    assert window.session.coder.name == "示例编码员"


def test_cancelling_the_new_coder_question_codes_nothing(qtbot, window, demo,
                                                         dialogs) -> None:
    assert window.projects.open_path(demo)
    before = stored(window)
    dialogs.answer(False)  # No, and then the coder choice is cancelled
    code_first_words(qtbot, window)
    assert stored(window) == before
    assert window.session.coder.name == ME
