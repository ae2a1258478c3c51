"""Starting: the empty state, new / open / demo / recent projects, coming back to where
one was, settings that persist, and the ``--screenshot`` command line."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from annotator.services.codebook import code_tree
from annotator.ui.app import build_window
from annotator.ui.project_lifecycle import demo_path
from tests.ui.conftest import make_window
from tests.ui.helpers import press, select_with_keys, trigger

ROOT = Path(__file__).resolve().parents[2]


def test_empty_state_offers_the_three_starts(qtbot, window) -> None:
    assert window.stack.currentWidget() is window.empty
    assert not window.registry["export"].isEnabled()
    assert window.windowTitle() == "Annotator"
    qtbot.mouseClick(window.empty.demo_button, Qt.MouseButton.LeftButton)
    assert demo_path().exists()  # under ANNOTATOR_CONFIG_DIR in tests
    assert window.stack.currentWidget() is window.main_split
    assert len(window.view.index) == 7
    trigger(window.registry["close"])
    assert window.stack.currentWidget() is window.empty
    assert window.session.project is None


TITLES = {"empty": "Empty codebook", "governance": "Holistic governance"}


def _pick_template(dialogs, name: str) -> None:
    """Choose a template by its title, as the user reads it (never its file key)."""
    dialogs.answer(lambda items: next(i for i in items if i.startswith(TITLES[name])))


def test_new_project_with_an_empty_codebook(qtbot, window, dialogs,
                                            tmp_path: Path) -> None:
    _pick_template(dialogs, "empty")
    dialogs.answer(str(tmp_path / "study"))  # the suffix is added
    qtbot.mouseClick(window.empty.new_button, Qt.MouseButton.LeftButton)
    assert any(label.startswith("Holistic governance") for label in dialogs.offered[0])
    assert not any(":" in label.split(" ")[0] for label in dialogs.offered[0])  # no "key:"
    assert (tmp_path / "study.annotator").exists()
    assert window.session.project is not None
    assert code_tree(window.session.project) == []
    assert window.stack.currentWidget() is window.main_split


def test_new_project_with_the_governance_codebook(qtbot, window, dialogs,
                                                  tmp_path: Path) -> None:
    _pick_template(dialogs, "governance")
    dialogs.answer(str(tmp_path / "g.annotator"))
    trigger(window.registry["new"])
    assert "信任/政治信任" in [c.path for c in code_tree(window.session.project)]
    assert "Created" in window.statusBar().currentMessage()


def test_reopens_the_last_project_where_it_was_left(qtbot, demo: Path, settings) -> None:
    first = make_window(qtbot, settings)
    assert first.projects.open_path(demo)
    text = first.session.text(first.view.doc_id)
    place = text.index("社会信任指社会个体")
    first.view.go_to(place)
    trust = next(c.id for c in first.session.codes.values() if c.path == "信任/社会信任")
    first.codebook.select_code(trust)
    first.state.set_font_size(15)
    first.main_split.setSizes([150, 800, 330])
    sizes = first.main_split.sizes()
    first.close()

    again = build_window(None, settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: again.view.caret_position() == place, timeout=3000)
    assert again.session.project.path == demo.resolve() or again.session.project.path == demo
    assert again.codebook.current_code() == trust
    assert again.view.font().pointSizeF() == 15
    # the offscreen screen is smaller than the window was, so the middle pane gives way
    assert again.main_split.sizes()[0] == sizes[0] and again.main_split.sizes()[2] == sizes[2]
    recent = again.projects.recent_projects()
    assert recent[0] == str(demo.resolve())
    again.projects.recent_menu.aboutToShow.emit()
    assert demo.name in again.projects.recent_menu.actions()[0].text()
    again.close()


def test_undo_stack_is_per_project(qtbot, window, demo: Path) -> None:
    window.projects.open_path(demo)
    text = window.session.text(window.view.doc_id)
    start = text.index("整体性治理理论")
    select_with_keys(qtbot, window, start, start + 2)
    press(qtbot, window.view, "1")
    assert window.registry["undo"].isEnabled()
    assert window.registry["undo"].toolTip().startswith("Undo: Code 2 characters with")
    trigger(window.registry["close"])
    window.projects.open_path(demo)
    assert not window.registry["undo"].isEnabled()


def test_screenshot_from_the_command_line(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "annotator", str(demo), "--screenshot", str(out),
         "--doc", "党建引领城市基层治理的路径研究"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 700
    # the screenshot never touches the user's window settings
    assert QSettings().value("lastProject") is None


def test_save_a_copy(window, demo: Path, dialogs, tmp_path: Path) -> None:
    from annotator.store.project import Project

    window.projects.open_path(demo)
    copy = tmp_path / "副本.annotator"
    dialogs.answer(str(copy))
    trigger(window.registry["copy_project"])
    assert "Saved a copy" in window.statusBar().currentMessage()
    with Project.open(copy) as p:
        from annotator.services.coding import segments

        assert len(segments(p)) == 7
