"""Charts as SVG written directly: frequency bars, co-occurrence heatmap and network, codeline.

SVG needs no drawing library and stays text: Chinese labels are real text (the viewer's
CJK font draws them), every label is XML-escaped, and the picture scales without loss.
Titles and labels arrive already in the user's language (``Msg`` values rendered here).
"""

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from annotator.domain.errors import AnnotatorError
from annotator.messages import Msg, msg

if TYPE_CHECKING:
    from annotator.services.cooccurrence import Cooccurrence
    from annotator.services.crosstab import Crosstab

FONT = "'Noto Sans CJK SC','Microsoft YaHei','PingFang SC','Source Han Sans SC',sans-serif"
ROW = 22


def _text(x: float, y: float, value: object, size: int = 12, anchor: str = "start",
          extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"'
            f'{extra}>{escape(str(value))}</text>')


def _svg(width: float, height: float, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'font-family="{FONT}">\n<rect width="100%" height="100%" fill="white"/>\n'
            + "\n".join(body) + "\n</svg>\n")


def _label_width(labels: Sequence[str]) -> float:
    """Room for the longest label: CJK characters are about twice as wide as Latin ones."""
    return 16 + 7 * max((sum(2 if ord(c) > 0x2E80 else 1 for c in s) for s in labels),
                        default=4)


def bars(title: Msg | str, labels: Sequence[str], values: Sequence[float],
         color: str = "#4363D8") -> str:
    """Horizontal bars, one per label (code frequencies)."""
    left = _label_width(labels)
    width, top = left + 420, 40
    top_value = max(values, default=0) or 1
    body = [_text(10, 24, title, 15, extra=' font-weight="bold"')]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * ROW
        w = 360 * value / top_value
        body.append(_text(left - 8, y + 15, label, anchor="end"))
        body.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{ROW - 6}" '
                    f'fill="{color}"><title>{escape(label)}: {value}</title></rect>')
        body.append(_text(left + w + 4, y + 15, value, 11))
    return _svg(width, top + len(labels) * ROW + 20, body)


def heatmap(title: Msg | str, labels: Sequence[str], cells: Sequence[Sequence[float]]
            ) -> str:
    """A square matrix (co-occurrence) as shaded cells, the count written in each."""
    left = _label_width(labels)
    size = 26
    top = 40 + left
    peak = max((v for row in cells for v in row if v), default=0) or 1
    body = [_text(10, 24, title, 15, extra=' font-weight="bold"')]
    for j, label in enumerate(labels):
        x = left + j * size + size / 2
        body.append(_text(x, top - 6, label, 11,
                          extra=f' transform="rotate(-60 {x:.1f} {top - 6:.1f})"'))
    for i, (label, row) in enumerate(zip(labels, cells, strict=True)):
        y = top + i * size
        body.append(_text(left - 6, y + size * 0.65, label, 11, anchor="end"))
        for j, value in enumerate(row):
            shade = 0 if not value else 0.15 + 0.85 * value / peak
            body.append(f'<rect x="{left + j * size}" y="{y}" width="{size}" height="{size}" '
                        f'fill="#B22222" fill-opacity="{shade:.2f}" stroke="#ddd">'
                        f'<title>{escape(label)} × {escape(labels[j])}: {value}</title></rect>')
            if value:
                ink = "white" if shade > 0.6 else "black"
                body.append(_text(left + j * size + size / 2, y + size * 0.65, value, 10,
                                  "middle", f' fill="{ink}"'))
    side = left + len(labels) * size + 20 + left / 2  # the slanted labels reach out
    return _svg(side, top + len(labels) * size + 20, body)


Lane = tuple[str, str, Sequence[tuple[int, int]]]


def codeline(title: Msg | str, length: int, rows: Sequence[Lane]) -> str:
    """Where in one document each code falls: one lane per ``(code, colour, spans)``."""
    left = _label_width([name for name, _c, _s in rows])
    span_width = 600
    body = [_text(10, 24, title, 15, extra=' font-weight="bold"')]
    scale = span_width / max(length, 1)
    for i, (name, color, spans) in enumerate(rows):
        y = 40 + i * ROW
        body.append(_text(left - 8, y + 15, name, anchor="end"))
        body.append(f'<rect x="{left}" y="{y + 9}" width="{span_width}" height="2" '
                    'fill="#eee"/>')
        for start, end in spans:
            body.append(f'<rect x="{left + start * scale:.2f}" y="{y + 3}" '
                        f'width="{max((end - start) * scale, 1):.2f}" height="{ROW - 6}" '
                        f'fill="{color}"><title>{start}–{end}</title></rect>')
    return _svg(left + span_width + 20, 40 + len(rows) * ROW + 20, body)


def network(title: Msg | str, labels: Sequence[str],
            edges: Sequence[tuple[int, int, float]]) -> str:
    """Codes on a circle, an edge per co-occurring pair, its width the co-occurrences."""
    n = max(len(labels), 1)
    radius = 60 + 14 * n
    margin = _label_width(labels) + 10
    cx = cy = radius + margin
    points = [(cx + radius * math.cos(2 * math.pi * i / n - math.pi / 2),
               cy + 40 + radius * math.sin(2 * math.pi * i / n - math.pi / 2))
              for i in range(len(labels))]
    peak = max((w for _a, _b, w in edges), default=0) or 1
    body = [_text(10, 24, title, 15, extra=' font-weight="bold"')]
    for a, b, w in edges:
        (x1, y1), (x2, y2) = points[a], points[b]
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="#4363D8" stroke-opacity="0.6" stroke-width="'
                    f'{0.5 + 7.5 * w / peak:.2f}"><title>{escape(labels[a])} – '
                    f'{escape(labels[b])}: {w}</title></line>')
    for (x, y), label in zip(points, labels, strict=True):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#333"/>')
        anchor = "start" if x >= cx else "end"
        body.append(_text(x + (8 if x >= cx else -8), y + 4, label, 11, anchor))
    return _svg(2 * cx, 2 * cy + 60, body)


def busiest(table: "Cooccurrence", limit: int | None) -> list[int]:
    """The codes to draw: all, or the ``limit`` with the most passages shared with other
    codes (in codebook order). A picture of 300 × 300 cells is 20 MB of SVG and
    readable by no one; the matrix in the window and the sheet keep every code."""
    ids = table.code_ids
    if limit is None or len(ids) <= limit:
        return list(ids)
    weight = dict.fromkeys(ids, 0)
    for (a, b), n in table.passages.items():
        weight[a] = weight.get(a, 0) + n
        weight[b] = weight.get(b, 0) + n
    keep = set(sorted(ids, key=lambda c: -weight[c])[:limit])
    return [c for c in ids if c in keep]


def _title(base: Msg, shown: int, total: int) -> Msg | str:
    if shown == total:
        return base
    return msg("{title} — the {shown} of {total} codes that co-occur most", title=base,
               shown=shown, total=total)


def cooccurrence_heatmap(table: "Cooccurrence", measure: str = "passages",
                         limit: int | None = None) -> str:
    """The co-occurrence matrix of ``measure`` (a key of ``Cooccurrence.cell``)."""
    ids = busiest(table, limit)
    names = [table.paths[c] for c in ids]
    cells = [[(table.cell(x, y)[measure] or 0) if x != y else 0 for y in ids] for x in ids]
    if measure == "jaccard":
        cells = [[round(v, 2) for v in row] for row in cells]
    return heatmap(_title(MEASURE_TITLES[measure], len(ids), len(table.code_ids)), names,
                   cells)


def cooccurrence_network(table: "Cooccurrence", limit: int | None = None) -> str:
    """The codes as a network, an edge's width its passages carrying both codes."""
    ids = busiest(table, limit)
    index = {c: i for i, c in enumerate(ids)}
    edges = [(index[x], index[y], n) for (x, y), n in table.passages.items()
             if x in index and y in index]
    return network(_title(msg("Passages carrying both codes"), len(ids), len(table.code_ids)),
                   [table.paths[c] for c in ids], edges)


def crosstab_bars(table: "Crosstab") -> str:
    """Each code's codings over the crosstab's columns, as bars."""
    totals = [sum(table.cells[(c, col)]["codings"] for col in table.columns)
              for c in table.code_ids]
    return bars(msg("Code frequencies (codings)"), table.codes, totals)


#: the title of a co-occurrence heatmap per measure
MEASURE_TITLES = {
    "passages": msg("Passages carrying both codes"),
    "documents": msg("Documents carrying both codes"),
    "cases": msg("Cases carrying both codes"),
    "characters": msg("Characters carrying both codes"),
    "jaccard": msg("Jaccard similarity (characters)"),
}


def save_svg(out: Path | str, svg: str) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".svg":
        raise AnnotatorError("{name}: the picture must be an .svg file", name=out.name)
    if not out.parent.is_dir():
        raise AnnotatorError("{path}: no such folder", path=str(out.parent))
    out.write_text(svg, encoding="utf-8")
    return out
