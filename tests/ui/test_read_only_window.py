"""A read-only project in the window: it opens for reading, and a change is refused once,
in one clear message, with the file untouched."""

from pathlib import Path

from tests.ui.helpers import code_id, double_click_code, select_with_keys

PHRASE = "整体性治理理论"


def test_a_read_only_project_opens_for_reading_and_refuses_a_change(
    qtbot, window, demo: Path, dialogs
) -> None:
    demo.chmod(0o444)
    before = demo.read_bytes()
    assert window.projects.open_path(demo)
    assert "opened read-only" in window.statusBar().currentMessage()
    assert window.view.doc_id is not None
    text = window.session.text(window.view.doc_id)
    assert PHRASE in text and window.segments.model.rowCount() >= 1  # reading works

    start = text.index(PHRASE)
    select_with_keys(qtbot, window, start, start + len(PHRASE))
    double_click_code(qtbot, window, code_id(window, "整合/协商对话机制"))
    assert len(dialogs.warnings) == 1, dialogs.warnings
    assert "open read-only" in dialogs.warnings[0]
    assert "nothing was changed" in dialogs.warnings[0]
    assert "Traceback" not in dialogs.warnings[0]
    assert demo.read_bytes() == before
    assert not demo.with_name(demo.name + "-journal").exists()


def test_an_export_name_too_long_is_one_message(qtbot, window, demo: Path, dialogs) -> None:
    assert window.projects.open_path(demo)
    dialogs.answer(str(demo.parent / ("长" * 100 + ".xlsx")))
    window.export.export_dialog()
    qtbot.waitUntil(lambda: not window.export.busy and len(dialogs.warnings) == 1)
    assert "too long" in dialogs.warnings[0] and "OSError" not in dialogs.warnings[0]
    assert not [p for p in demo.parent.iterdir() if p.name.startswith(".") or p.suffix == ".xlsx"]
