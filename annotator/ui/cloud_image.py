"""The word cloud as a picture: the SVG of ``text/cloud.py`` drawn by Qt's SVG renderer.

The window shows it and saves it as PNG; the command line saves a PNG the same way, in
the offscreen application ``chart_png.gui_application`` makes when there is none (no
window opens; one application serves the charts and the cloud). The fonts are the
machine's, as for everything the window draws.
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPainter

from annotator.domain.errors import InvalidInput
from annotator.ui.chart_png import gui_application


def render(svg: str, width: int, height: int) -> QImage:
    """The picture of an SVG document at ``width`` × ``height`` pixels, white behind
    (QtSvg is loaded here, on the first cloud, not when the window starts)."""
    from PySide6.QtSvg import QSvgRenderer

    gui_application()  # Qt draws text only inside a GUI application
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


def save_png(svg: str, out: Path, width: int = 1600, height: int = 1000) -> Path:
    """Save the picture as PNG (twice the SVG's size by default: sharp on a slide)."""
    if not render(svg, width, height).save(str(out), "PNG"):
        raise InvalidInput("{path}: cannot be written", path=str(out))
    return out


__all__ = ["render", "save_png"]
