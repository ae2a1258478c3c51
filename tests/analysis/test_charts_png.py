"""Charts as PNG from the command line (drawn from the SVG by QtSvg, no window), and the
crosstab columns of a category in the order the category lists its values."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.messages import set_language
from annotator.services import attributes
from annotator.services.crosstab import crosstab
from tests.analysis.helpers import build
from tests.analysis.test_analysis_cli import run


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    build(tmp_path / "分析.annotator").close()
    return tmp_path / "分析.annotator"


def svg_size(path: Path) -> tuple[int, int]:
    root = ET.parse(path).getroot()
    return int(root.get("width")), int(root.get("height"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_a_command_without_a_display_draws_png_charts(proj, tmp_path) -> None:
    """A fresh process with no display and no Qt platform chosen: the PNG is the SVG
    drawn at twice its size."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                            "WAYLAND_DISPLAY")}
    out = {name: tmp_path / name for name in ("heat.svg", "heat.png", "net.png", "bars.png",
                                              "bars.svg")}
    for args in (["cooccurrence", proj, "--svg", out["heat.svg"], "--png", out["heat.png"],
                  "--network-png", out["net.png"]],
                 ["crosstab", proj, "--by", "case", "--png", out["bars.png"],
                  "--svg", out["bars.svg"]]):
        done = subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    w, h = svg_size(out["heat.svg"])
    assert png_size(out["heat.png"]) == (2 * w, 2 * h)
    w, h = svg_size(out["bars.svg"])
    assert png_size(out["bars.png"]) == (2 * w, 2 * h)
    assert out["net.png"].stat().st_size > 1000


def test_the_png_shows_the_chinese_labels(proj, tmp_path, capsys) -> None:
    """Drawn text is not blank: a chart with its labels has more ink than one without."""
    from PySide6.QtGui import QImage

    from annotator.io.charts_svg import bars
    from annotator.ui.chart_png import svg_to_png

    with_text, without = tmp_path / "a.png", tmp_path / "b.png"
    svg_to_png(bars("代码频次", ["信任", "不满"], [3, 1]), with_text)
    svg_to_png(bars("", [" ", " "], [3, 1]), without)

    def ink(path: Path) -> int:
        image = QImage(str(path))
        return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
                   if image.pixelColor(x, y).lightness() < 128)

    assert ink(with_text) > ink(without) + 50


def test_a_wrong_picture_name_is_one_line_and_writes_nothing(proj, tmp_path, capsys,
                                                             monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_LANG", "zh")  # restored after the test; --lang sets it
    try:
        code, _, err = run(capsys, "--lang", "zh", "cooccurrence", proj, "--png",
                           tmp_path / "heat.jpg")
    finally:
        monkeypatch.delenv("ANNOTATOR_LANG")
        set_language(None)
    assert code == 1
    assert re.search(r"heat\.jpg.*\.png", err) and len(err.strip().splitlines()) == 1
    assert "图片" in err
    assert not (tmp_path / "heat.jpg").exists()
    code, _, err = run(capsys, "crosstab", proj, "--by", "case", "--png",
                       tmp_path / "no" / "bars.png")
    assert code == 1 and "no" in err


def test_crosstab_columns_follow_the_category_order(tmp_path) -> None:
    with build(tmp_path / "c.annotator") as p:
        attributes.define_attribute(p, "阶段", "document", "category", ["后期", "前期"])
        attributes.set_value(p, "阶段", "访谈甲", "前期")
        attributes.set_value(p, "阶段", "访谈乙", "后期")
        assert crosstab(p, "阶段").columns[:2] == ["后期", "前期"]


def test_a_chart_of_many_codes_draws_those_that_co_occur_most(tmp_path) -> None:
    """The window draws at most 25 codes; the title says which and of how many."""
    from annotator.io.charts_svg import cooccurrence_heatmap, cooccurrence_network
    from annotator.services.cooccurrence import cooccurrence
    from tests.analysis.test_matrices_agree_with_queries import random_project

    p = random_project(tmp_path / "r.annotator")
    table = cooccurrence(p)
    p.close()
    weight = {c: sum(n for pair, n in table.passages.items() if c in pair)
              for c in table.code_ids}
    top = sorted(table.code_ids, key=lambda c: -weight[c])[:3]
    ns = "{http://www.w3.org/2000/svg}"
    for svg in (cooccurrence_heatmap(table, "passages", 3), cooccurrence_network(table, 3)):
        texts = [t.text for t in ET.fromstring(svg).iter(ns + "text")]
        assert "3" in texts[0] and "6" in texts[0]          # the 3 of 6 codes
        assert {table.paths[c] for c in top} <= set(texts)
        assert not ({table.paths[c] for c in table.code_ids} - {table.paths[c] for c in top}
                    ) & set(texts[1:])
    whole = cooccurrence_heatmap(table)
    assert len([t for t in ET.fromstring(whole).iter(ns + "text")]) > 6 * 2


def test_a_chart_drawn_in_layers_has_the_pixels_of_one_drawing(tmp_path) -> None:
    """The window draws charts layer by layer (the window runs between layers): the
    picture of a 25-code heatmap of the novel is the picture drawn in one go."""
    pytest.importorskip("PySide6.QtSvg")
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from annotator.io import charts_svg
    from annotator.services.cooccurrence import cooccurrence
    from annotator.ui.chart_png import gui_application, layers, render
    from tests.analysis.test_matrices_agree_with_queries import random_project

    gui_application()
    p = random_project(tmp_path / "r.annotator")
    svg = charts_svg.cooccurrence_heatmap(cooccurrence(p), "passages", 25)
    p.close()
    parts = layers(svg)
    assert len(parts) > 1 and all(part.endswith("</svg>\n") for part in parts)
    assert sum(part.count("<rect") for part in parts) == svg.count("<rect")
    layered = render(svg, 1.0)
    whole = QImage(layered.size(), QImage.Format.Format_ARGB32)
    whole.fill(Qt.GlobalColor.white)
    painter = QPainter(whole)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(0, 0, whole.width(),
                                                                   whole.height()))
    painter.end()
    assert layered == whole
    # any other SVG is one layer
    assert layers('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>') == [
        '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>']
