"""A word cloud as SVG: the words of a frequency table, sized by count, placed on a spiral.

Plain SVG text, no font file: the viewer (browser, Word, Inkscape) draws it with its own
CJK font, so the picture needs nothing that is not on the researcher's machine. Widths are
estimated (a Han character is one em, other characters about 0.6 em), and each word goes
to the first place on an Archimedean spiral where its box overlaps no other box, biggest
first; the layout is deterministic, so the same table gives the same picture.
"""

import math
import unicodedata
from collections.abc import Sequence
from xml.sax.saxutils import escape

PALETTE = ("#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#8C564B", "#17BECF")
MIN_SIZE, MAX_SIZE = 12.0, 64.0

Box = tuple[float, float, float, float]


def text_width(word: str, size: float) -> float:
    """Estimated width: wide (East Asian) characters one em, the others 0.6 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.6 * size
               for c in word)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def layout(counts: Sequence[tuple[str, int]], width: int = 800, height: int = 500
           ) -> list[tuple[str, float, float, float]]:
    """``(word, font size, x, baseline y)`` of every word that fits in the picture."""
    if not counts:
        return []
    top = max(n for _, n in counts)
    low = min(n for _, n in counts)
    placed: list[Box] = []
    out = []
    for word, n in sorted(counts, key=lambda wc: (-wc[1], wc[0])):
        ratio = 1.0 if top == low else (math.sqrt(n) - math.sqrt(low)) / (
            math.sqrt(top) - math.sqrt(low))
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * ratio
        w, h = text_width(word, size), size * 1.1
        for i in range(4000):
            angle = 0.35 * i
            r = 2.0 * angle
            cx = width / 2 + r * math.cos(angle) * (width / height)
            cy = height / 2 + r * math.sin(angle)
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                continue
            if not any(_overlaps(box, other) for other in placed):
                placed.append(box)
                out.append((word, size, box[0], box[3] - 0.25 * size))
                break
    return out


def cloud_svg(counts: Sequence[tuple[str, int]], width: int = 800, height: int = 500) -> str:
    """The SVG document of a word cloud of ``(word, count)`` pairs. Its view box is the
    words' own extent (with a margin), so the words fill the picture at any size."""
    placed = layout(counts, width, height)
    box = (0.0, 0.0, float(width), float(height))
    if placed:
        pad = MIN_SIZE
        box = (min(x for _, _, x, _ in placed) - pad,
               min(y - 0.85 * s for _, s, _, y in placed) - pad,
               max(x + text_width(w, s) for w, s, x, _ in placed) + pad,
               max(y + 0.25 * s for _, s, _, y in placed) + pad)
    view = f"{box[0]:.1f} {box[1]:.1f} {box[2] - box[0]:.1f} {box[3] - box[1]:.1f}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="{view}" font-family="Noto Sans CJK SC, Microsoft YaHei, '
        f'PingFang SC, sans-serif">',
        f'<rect x="{box[0]:.1f}" y="{box[1]:.1f}" width="{box[2] - box[0]:.1f}" '
        f'height="{box[3] - box[1]:.1f}" fill="#FFFFFF"/>',
    ]
    for i, (word, size, x, y) in enumerate(placed):
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" '
                     f'fill="{PALETTE[i % len(PALETTE)]}">{escape(word)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
