"""Question boxes are wide enough to show their whole title ("添加子代码 — Annotator",
not "添加子… otator"), in Chinese and English."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from annotator.ui import i18n
from annotator.ui.prompts import Prompts
from tests.ui.test_translations import compiled  # noqa: F401  (the .qm fixture)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_question_shows_its_whole_title(qtbot, qapp, compiled, window, language) -> None:  # noqa: F811
    assert i18n.apply_language(language, qapp)
    try:
        title = QCoreApplication.translate("MainWindow", "Add child code")
        dialog = Prompts(window).input_dialog(title, "?")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        needed = dialog.fontMetrics().horizontalAdvance(f"{title} — Annotator")
        assert dialog.width() >= needed + 100
        title = QCoreApplication.translate("MainWindow", "Switch coder")
        box = Prompts(window).message_box(QMessageBox.Icon.Question, title, "?",
                                          QMessageBox.StandardButton.Yes)
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        assert box.width() >= box.fontMetrics().horizontalAdvance(f"{title} — Annotator") + 100
    finally:
        i18n.apply_language("en", qapp)
