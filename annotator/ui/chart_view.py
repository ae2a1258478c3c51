"""A chart in the window: the SVG that ``io/charts_svg`` writes, drawn by QtSvg, with
buttons to save it as PNG or SVG.

The picture keeps its proportions and scrolls when it is larger than the panel (a
300-code heatmap is large); saving writes exactly what is shown (``chart_png``).
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from annotator.io.charts_svg import save_svg
from annotator.ui.analysis_task import attempt
from annotator.ui.chart_png import svg_to_png
from annotator.ui.prompts import Prompts


class ChartView(QWidget):
    def __init__(self, prompts: Prompts, say: Callable[[str], None], folder: Callable[[], Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.prompts, self.say, self.folder = prompts, say, folder
        self.svg = ""
        self.name = "chart"
        self.picture = QSvgWidget()
        self.picture.setObjectName("chartPicture")
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.show_svg("", "chart")

    def show_svg(self, svg: str, name: str) -> None:
        """Show ``svg``; ``name`` is the file name offered when saving."""
        self.svg, self.name = svg, name
        self.picture.load(QByteArray(svg.encode("utf-8")))
        size = self.picture.renderer().defaultSize() if svg else None
        if size is not None and size.isValid():
            self.picture.setFixedSize(size)
        self.picture.setVisible(bool(svg))
        self.empty.setVisible(not svg)
        self.png_button.setEnabled(bool(svg))
        self.svg_button.setEnabled(bool(svg))

    def save(self, kind: str) -> Path | None:
        if not self.svg:
            return None
        filters = {"png": self.tr("PNG pictures (*.png)"), "svg": self.tr("SVG pictures (*.svg)")}
        path = self.prompts.save_file(self.tr("Save the chart"),
                                      str(self.folder() / f"{self.name}.{kind}"), filters[kind])
        if not path:
            return None
        out = Path(path if path.lower().endswith("." + kind) else f"{path}.{kind}")
        svg = self.svg
        write = (lambda: svg_to_png(svg, out)) if kind == "png" else (lambda: save_svg(out, svg))
        if attempt(self.prompts, self.tr("Save the chart"), write):
            self.say(self.tr("Saved {0}").format(out))
            return out
        return None


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


__all__ = ["ChartView", "PortraitPanel"]
