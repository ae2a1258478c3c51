"""Charts written as SVG: well-formed, with the labels in the user's language."""

from pathlib import Path

import defusedxml.ElementTree as ET
import pytest

from annotator.cli import main
from annotator.io.charts_svg import codeline
from annotator.messages import set_language
from tests.analysis.helpers import build

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    build(tmp_path / "图.annotator").close()
    return tmp_path / "图.annotator"


def texts(path: Path) -> list[str]:
    return [t.text for t in ET.parse(path).getroot().iter(f"{NS}text")]


def test_heatmap_and_bars_in_chinese_and_english(proj, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_LANG", "en")      # --lang writes it; restored after
    heat = tmp_path / "共现.svg"
    assert main(["--lang", "zh", "cooccurrence", str(proj), "--svg", str(heat)]) == 0
    words = texts(heat)
    assert words[0] == "同时带有两个代码的片段数"
    assert {"信任", "不满", "透明"} <= set(words) and "1" in words
    bars = tmp_path / "频次.svg"
    assert main(["--lang", "en", "crosstab", str(proj), "--by", "case", "--svg", str(bars)]) == 0
    words = texts(bars)
    assert words[0] == "Code frequencies (codings)"
    assert words[words.index("不满") + 1] == "3"
    set_language(None)
    code = main(["cooccurrence", str(proj), "--svg", str(tmp_path / "x.png")])
    assert code == 1 and ".svg" in capsys.readouterr().err


def test_codeline_escapes_labels_and_scales_spans(tmp_path) -> None:
    svg = codeline("访谈 <甲> & 乙", 1000, [("A&B", "#E6194B", [(0, 500), (900, 1000)])])
    root = ET.fromstring(svg)
    assert [t.text for t in root.iter(f"{NS}text")] == ["访谈 <甲> & 乙", "A&B"]
    lanes = [r for r in root.iter(f"{NS}rect") if r.get("fill") == "#E6194B"]
    assert [float(r.get("width")) for r in lanes] == [300.0, 60.0]


def test_network_has_one_edge_per_co_occurring_pair(proj, tmp_path) -> None:
    out = tmp_path / "网络.svg"
    assert main(["cooccurrence", str(proj), "--network-svg", str(out)]) == 0
    root = ET.parse(out).getroot()
    edges = [e.find(f"{NS}title").text for e in root.iter(f"{NS}line")]
    assert edges == ["信任 – 不满: 1"] or edges == ["不满 – 信任: 1"]
    assert {"信任", "不满", "透明"} <= {t.text for t in root.iter(f"{NS}text")}
