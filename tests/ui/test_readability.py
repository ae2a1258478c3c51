"""Readability: the selected coded segment stays readable (dark text on a light tint,
not grey on blue)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.ui.segments_view import CONTEXT_GREY, HEADER_GREY


def luminance(color: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.red()) + 0.7152 * channel(color.green())
            + 0.0722 * channel(color.blue()))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio (4.5 is the minimum for body text)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_selected_segment_is_readable(qtbot, window, demo) -> None:
    window.projects.open_path(demo)
    view = window.segments.view
    assert window.segments.model.rowCount() >= 1
    rect = view.visualRect(window.segments.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selectionModel().isSelected(window.segments.model.index(0, 0))
    image = view.viewport().grab().toImage()
    background = image.pixelColor(rect.right() - 3, rect.top() + 2)
    unselected = view.palette().color(view.palette().ColorRole.Base)
    assert background != unselected  # the selection is visible
    for grey in (HEADER_GREY, CONTEXT_GREY):
        assert contrast(QColor(grey), background) >= 4.5, (grey, background.name())
