"""A chart in the window: the SVG that ``io/charts_svg`` writes, drawn by QtSvg into an
image in the analysis thread, with buttons to save it as PNG (drawn at twice its size) or
SVG (the text itself). The picture scrolls when it is larger than the panel.
"""

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from annotator.io.charts_svg import save_svg
from annotator.ui.background import BackgroundJob
from annotator.ui.chart_png import render, svg_to_png
from annotator.ui.prompts import Prompts, attempt


class Chart(NamedTuple):
    """A chart as SVG and as the image drawn from it, both made in the analysis thread:
    the window only shows the image, so scrolling never redraws the SVG.

    PySide holds the interpreter lock while QtSvg draws, so the chart is drawn in layers
    (``chart_png.layers``) and the window runs between them; the charts in the window
    are kept to the codes a reader can tell apart (``matrix_panels.CHART_CODES``) and
    drawn at their own size; the PNG file (twice the size) is drawn in a worker when it
    is saved."""

    svg: str
    image: QImage

    @classmethod
    def of(cls, svg: str) -> "Chart":
        return cls(svg, render(svg, 1.0))


class ChartView(QWidget):
    def __init__(self, prompts: Prompts, say: Callable[[str], None], folder: Callable[[], Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.prompts, self.say, self.folder = prompts, say, folder
        self.chart = Chart("", QImage())
        self.name = "chart"
        self.job: BackgroundJob | None = None
        self.picture = QLabel()
        self.picture.setObjectName("chartPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("background: white")
        self.empty = QLabel(self.tr("Run an analysis, then choose a chart."))
        self.png_button = QPushButton(self.tr("Save as &PNG…"))
        self.png_button.setObjectName("savePng")
        self.svg_button = QPushButton(self.tr("Save as S&VG…"))
        self.svg_button.setObjectName("saveSvg")
        row = QHBoxLayout()
        row.addWidget(self.empty)
        row.addStretch(1)
        row.addWidget(self.png_button)
        row.addWidget(self.svg_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.scroll, 1)
        self.png_button.clicked.connect(lambda: self.save("png"))
        self.svg_button.clicked.connect(lambda: self.save("svg"))
        self.show_chart(Chart("", QImage()), "chart")

    @property
    def svg(self) -> str:
        return self.chart.svg

    def show_chart(self, chart: Chart, name: str) -> None:
        """Show ``chart``; ``name`` is the file name offered when saving."""
        self.chart, self.name = chart, name
        has = bool(chart.svg) and not chart.image.isNull()
        if has:
            self.picture.setPixmap(QPixmap.fromImage(chart.image))
        else:
            self.picture.clear()
        self.picture.setVisible(has)
        self.empty.setVisible(not has)
        self.png_button.setEnabled(has)
        self.svg_button.setEnabled(has)

    def save(self, kind: str) -> Path | None:
        if not self.chart.svg:
            return None
        filters = {"png": self.tr("PNG pictures (*.png)"), "svg": self.tr("SVG pictures (*.svg)")}
        path = self.prompts.save_file(self.tr("Save the chart"),
                                      str(self.folder() / f"{self.name}.{kind}"), filters[kind])
        if not path:
            return None
        out = Path(path if path.lower().endswith("." + kind) else f"{path}.{kind}")
        svg = self.chart.svg
        if kind == "svg":
            if attempt(self.prompts, self.tr("Save the chart"), lambda: save_svg(out, svg)):
                self.say(self.tr("Saved {0}").format(out))
                return out
            return None
        # the picture at twice the size takes a while: drawn in a worker, in layers
        self.job = BackgroundJob(lambda _progress: svg_to_png(svg, out), self, "chart-png")
        self.job.finished.connect(lambda _out: self.say(self.tr("Saved {0}").format(out)))
        self.job.failed.connect(lambda message: self.prompts.warn(self.tr("Save the chart"),
                                                                  message))
        self.png_button.setEnabled(False)
        self.job.finished.connect(lambda _o: self.png_button.setEnabled(True))
        self.job.failed.connect(lambda _m: self.png_button.setEnabled(True))
        self.job.start()
        return out

    @property
    def saving(self) -> bool:
        """A PNG is being drawn and written."""
        return self.job is not None and self.job.timer.isActive()


class PortraitPanel(QWidget):
    """The document portrait (codeline): where in the current document each code falls,
    one lane per code, drawn to scale."""

    def __init__(self, chart: ChartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portraitPanel")
        self.chart = chart
        self.draw_button = QPushButton(self.tr("&Draw the current document"))
        self.draw_button.setObjectName("drawPortrait")
        row = QHBoxLayout()
        row.addWidget(self.draw_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(chart, 1)


__all__ = ["Chart", "ChartView", "PortraitPanel"]
