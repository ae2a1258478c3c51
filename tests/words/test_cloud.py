"""The word cloud: an SVG that opens, holds the top words, boxes that do not overlap."""

from pathlib import Path

from defusedxml import ElementTree

from annotator.text.cloud import cloud_svg, layout, text_width
from tests.conftest import SEED_PAPER
from tests.words.helpers import new_project_with, run, run_json

SVG = "{http://www.w3.org/2000/svg}"


def test_cloud_of_the_seed_paper(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    out = tmp_path / "词云.svg"
    code, _, err = run(capsys, "words", proj, "--top", "40", "--cloud", out)
    assert code == 0, err
    root = ElementTree.parse(out).getroot()
    drawn = [t.text for t in root.iter(f"{SVG}text")]
    top = [r["word"] for r in run_json(capsys, "words", proj, "--top", "40")["words"]]
    assert drawn[0] == top[0] == "治理"
    assert set(drawn) <= set(top) and len(drawn) >= 30
    sizes = [float(t.get("font-size")) for t in root.iter(f"{SVG}text")]
    assert sizes == sorted(sizes, reverse=True)


def test_boxes_do_not_overlap_and_markup_is_escaped() -> None:
    counts = [("治理", 100), ("<a&b>", 50), *((f"词{i}", 3) for i in range(60))]
    placed = layout(counts)
    assert len(placed) == len(counts)
    boxes = []
    for word, size, x, baseline in placed:
        bottom = baseline + 0.25 * size
        boxes.append((x, bottom - 1.1 * size, x + text_width(word, size), bottom))
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= 800 and a[1] >= 0 and a[3] <= 500
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    root = ElementTree.fromstring(cloud_svg(counts))
    assert "<a&b>" in [t.text for t in root.iter(f"{SVG}text")]


def test_cloud_as_png_is_a_picture_with_the_words_drawn(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    out = tmp_path / "词云.png"
    code, _, err = run(capsys, "words", proj, "--top", "40", "--cloud", out)
    assert code == 0, err
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # the biggest word, where the SVG's view box puts it, in the first colour
    counts = [(r["word"], r["count"]) for r in
              run_json(capsys, "words", proj, "--top", "40")["words"]]
    _word, size, x, baseline = layout(counts)[0]
    vx, vy, vw, vh = map(float, ElementTree.fromstring(cloud_svg(counts)).get(
        "viewBox").split())
    scale = min(1600 / vw, 1000 / vh)
    left, top = (1600 - vw * scale) / 2, (1000 - vh * scale) / 2
    py = int(top + (baseline - size / 3 - vy) * scale)
    inked = [image.pixelColor(int(left + (x + dx - vx) * scale), py).name()
             for dx in range(int(2 * size))]
    assert any(c.upper() == "#1F77B4" for c in inked)
    white = sum(image.pixelColor(px, py).name() == "#ffffff"
                for px in range(0, 1600, 40) for py in range(0, 1000, 40))
    assert white < 1000  # words drawn, not a blank picture (1,000 samples)


def test_cloud_must_be_svg_or_png(tmp_path: Path, capsys) -> None:
    proj = new_project_with(capsys, tmp_path, SEED_PAPER)
    code, _, err = run(capsys, "words", proj, "--cloud", tmp_path / "c.jpg")
    assert code == 1 and "png" in err and not (tmp_path / "c.jpg").exists()
