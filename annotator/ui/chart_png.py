"""An SVG chart as a PNG picture, drawn by QtSvg without a window.

The charts are written as SVG (``io/charts_svg.py``); the window shows them with
``QSvgWidget`` and saves them as PNG through ``svg_to_png``. The command line uses the
same function: it needs a ``QGuiApplication`` for the fonts (Chinese labels are text),
which ``gui_application`` makes on the offscreen platform when none is running, so no
display is needed.
"""

import os
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication

from annotator.domain.errors import AnnotatorError

MAX_SIDE = 12_000  # pixels: 12,000² ARGB is 576 MB; larger pictures are drawn smaller
_app: list[QGuiApplication] = []  # the application made here, kept alive


def gui_application() -> QGuiApplication:
    """The running application, or a new offscreen one (the command line has none).

    A ``QApplication``, not only a ``QGuiApplication``: a window made later in the same
    process (a test, a script) needs one, and Qt allows one application per process."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["annotator"])
        _app.append(app)
    return app  # type: ignore[return-value]


LAYER = 60  # SVG elements drawn per QtSvg call (each call holds the interpreter lock)


def layers(svg: str, size: int = LAYER) -> list[str]:
    """``svg`` as documents of at most ``size`` elements each, drawn one over the other
    onto the same picture to give the same pixels.

    QtSvg holds Python's interpreter lock for a whole render: a heatmap of 25 codes (some
    1,300 elements) drawn in one call stopped the window for 100–400 ms on a loaded
    machine though it ran in a worker. Drawn layer by layer, with the lock handed back
    between layers, the window waits at most one layer. The charts of ``io/charts_svg``
    write one element a line between the opening ``<svg>`` with its white background and
    ``</svg>``; any other SVG is one layer.
    """
    lines = svg.rstrip("\n").split("\n")
    if len(lines) < 4 or not lines[0].startswith("<svg") or lines[-1] != "</svg>":
        return [svg]
    head, body = lines[0], lines[1:-1]
    return [head + "\n" + "\n".join(body[i:i + size]) + "\n</svg>\n"
            for i in range(0, len(body), size)]


def render(svg: str, scale: float = 2.0) -> QImage:
    """``svg`` drawn into an image ``scale`` times its size (2: sharp on paper and on
    high-density screens), at most ``MAX_SIDE`` pixels on its longer side; a null image
    when the SVG cannot be drawn. Safe in a worker thread (a QImage, not a widget), and
    drawn in ``layers`` so that a worker drawing it leaves the window free.

    QtSvg is loaded here, on the first chart, not when the window starts."""
    from PySide6.QtSvg import QSvgRenderer

    gui_application()
    parts = layers(svg)
    renderers = [QSvgRenderer(QByteArray(parts[0].encode("utf-8")))]
    if not renderers[0].isValid():
        return QImage()
    size = renderers[0].defaultSize()
    # a picture of a few hundred codes stays within MAX_SIDE pixels (and memory)
    scale = min(scale, MAX_SIDE / max(size.width(), size.height(), 1))
    image = QImage(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    frame = QRectF(0, 0, image.width(), image.height())
    for k, part in enumerate(parts):
        renderer = renderers[0] if k == 0 else QSvgRenderer(QByteArray(part.encode("utf-8")))
        renderer.render(painter, frame)
        time.sleep(0)  # the window's thread runs between layers
    painter.end()
    return image


def _check_target(out: Path) -> None:
    if out.suffix.lower() != ".png":
        raise AnnotatorError("{name}: the picture must be a .png file", name=out.name)
    if not out.parent.is_dir():
        raise AnnotatorError("{path}: no such folder", path=str(out.parent))


def svg_to_png(svg: str, out: Path | str, scale: float = 2.0) -> Path:
    """Draw ``svg`` into ``out`` (.png); see ``render``."""
    out = Path(out)
    _check_target(out)
    image = render(svg, scale)
    if image.isNull():
        raise AnnotatorError("{name}: the chart could not be drawn", name=out.name)
    if not image.save(str(out), "PNG"):
        raise AnnotatorError("{name}: the picture could not be written", name=out.name)
    return out


__all__ = ["gui_application", "render", "svg_to_png"]
