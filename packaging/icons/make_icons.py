"""Draw the Annotator icon with QPainter and write every format the installers need.

    .venv/bin/python packaging/icons/make_icons.py            # writes annotator/data/icons/
    .venv/bin/python packaging/icons/make_icons.py --iconset build/annotator.iconset

The picture: a page of text on a blue tile, two spans of it highlighted in code colours,
and the matching coding stripes in the margin -- what the program does, readable at
16 px. Each size is drawn from the vector description (not scaled down from a big
bitmap), with fewer, thicker lines at the small sizes so they stay crisp.

Outputs (committed; run again only when the drawing changes):

* ``annotator-N.png`` for N in 16 ... 1024 -- freedesktop hicolor icons, the .iconset
* ``annotator.png`` (256 px) -- the window icon the program can load at run time
* ``annotator.ico`` -- Windows (exe, installer, file association): 16-256 px, the
  small sizes as 32-bit BMP entries, 64 px and up as PNG entries (Vista and later)
* ``annotator.icns`` -- macOS, PNG entries (icp4 ... ic14). The release workflow rebuilds
  it with Apple's ``iconutil`` from ``--iconset``; this hand-written one is the fallback.

No dependency beyond PySide6: the ICO and ICNS containers are written here, by hand.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "annotator" / "data" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_BMP_MAX = 48  # entries up to this size as BMP (every Windows reads them), bigger as PNG
# ICNS entry type -> pixel size (PNG payloads; macOS 10.7+)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)
# iconutil's .iconset names
ICONSET = (
    ("icon_16x16.png", 16), ("icon_16x16@2x.png", 32), ("icon_32x32.png", 32),
    ("icon_32x32@2x.png", 64), ("icon_128x128.png", 128), ("icon_128x128@2x.png", 256),
    ("icon_256x256.png", 256), ("icon_256x256@2x.png", 512), ("icon_512x512.png", 512),
    ("icon_512x512@2x.png", 1024),
)

TILE_TOP = QColor("#2f6fb0")
TILE_BOTTOM = QColor("#1d4677")
PAGE = QColor("#ffffff")
FOLD = QColor("#d5deea")
INK = QColor("#9aa7b8")
CODE_A = QColor("#f8c94a")  # amber
CODE_B = QColor("#f2806f")  # coral


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)

    def snap(v: float) -> float:  # align edges to pixels at the small sizes
        return round(v * s) / s if size <= 48 else v

    # the tile
    m = 0.0 if size <= 32 else 0.055
    tile = QRectF(m * s, m * s, (1 - 2 * m) * s, (1 - 2 * m) * s)
    grad = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    grad.setColorAt(0, TILE_TOP)
    grad.setColorAt(1, TILE_BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    radius = 0.2 * tile.width()
    p.drawRoundedRect(tile, radius, radius)

    # the page, with a folded corner
    x0, x1 = snap(0.2), snap(0.66)
    y0, y1 = snap(0.16) if size > 32 else snap(0.125), snap(0.84) if size > 32 else snap(0.875)
    fold = 0.12
    page = QPainterPath()
    page.moveTo(x0 * s, y0 * s)
    page.lineTo((x1 - fold) * s, y0 * s)
    page.lineTo(x1 * s, (y0 + fold) * s)
    page.lineTo(x1 * s, y1 * s)
    page.lineTo(x0 * s, y1 * s)
    page.closeSubpath()
    p.setBrush(PAGE)
    p.drawPath(page)
    corner = QPainterPath()
    corner.moveTo((x1 - fold) * s, y0 * s)
    corner.lineTo((x1 - fold) * s, (y0 + fold) * s)
    corner.lineTo(x1 * s, (y0 + fold) * s)
    corner.closeSubpath()
    p.setBrush(FOLD)
    p.drawPath(corner)

    # lines of text; two spans highlighted; stripes in the margin
    if size <= 16:
        rows, thick = 3, 2.0 / s
    elif size <= 32:
        rows, thick = 4, max(2.0, round(0.075 * s)) / s
    else:
        rows, thick = 6, 0.045
    top = y0 + (0.2 if size > 32 else 0.22)
    bottom = y1 - 0.1
    step = (bottom - top) / (rows - 1)
    lx0 = x0 + 0.06
    coded = {1: CODE_A, 2: CODE_A, rows - 2: CODE_B} if rows >= 5 else {1: CODE_A, rows - 1: CODE_B}
    for i in range(rows):
        y = snap(top + i * step)
        right = x1 - 0.06 - (0.1 if i == 0 and rows > 3 else 0) - (0.12 if i == rows - 1 else 0)
        if i in coded:
            hl = QColor(coded[i])
            pad = max(1.0 / s, 0.025)
            p.setBrush(hl)
            p.drawRect(QRectF((lx0 - pad) * s, (y - pad) * s,
                              (right - lx0 + 2 * pad) * s, (thick + 2 * pad) * s))
            p.setBrush(QColor("#9c8043") if coded[i] == CODE_A else QColor("#a0554b"))
        else:
            p.setBrush(INK)
        if size > 16 or i not in coded:
            p.drawRect(QRectF(lx0 * s, y * s, (right - lx0) * s, thick * s))

    # coding stripes beside the page
    sx = snap(0.72)
    sw = max(2.0 / s, 0.065)
    pad = max(1.0 / s, 0.025)
    groups: list[tuple[int, int, QColor]] = []
    for i in sorted(coded):
        if groups and groups[-1][1] == i - 1 and groups[-1][2] == coded[i]:
            groups[-1] = (groups[-1][0], i, coded[i])
        else:
            groups.append((i, i, coded[i]))
    for a, b, col in groups:
        ya = snap(top + a * step) - pad
        yb = snap(top + b * step) + thick + pad
        p.setBrush(col)
        p.drawRoundedRect(QRectF(sx * s, ya * s, sw * s, (yb - ya) * s),
                          sw * s / 2, sw * s / 2)
    if size >= 64:  # a thin outline on the page edge keeps it distinct on light docks
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(0, 0, 0, 40), max(1.0, s / 256)))
        p.drawPath(page)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buf.close()
    return bytes(data.data())


def bmp_entry(img: QImage) -> bytes:
    """An ICO image entry as a 32-bit DIB: header, BGRA rows bottom-up, a zero AND mask."""
    img = img.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian memory: B G R A
    w, h = img.width(), img.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(h - 1, -1, -1):
        line = img.constScanLine(y)
        rows.append(bytes(line)[: w * 4])
    mask_row = ((w + 31) // 32) * 4
    return header + b"".join(rows) + b"\0" * (mask_row * h)


def ico(images: dict[int, QImage]) -> bytes:
    entries, blobs = [], []
    offset = 6 + 16 * len(ICO_SIZES)
    for n in ICO_SIZES:
        blob = bmp_entry(images[n]) if n <= ICO_BMP_MAX else png_bytes(images[n])
        dim = 0 if n >= 256 else n
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(ICO_SIZES)) + b"".join(entries) + b"".join(blobs)


def icns(images: dict[int, QImage]) -> bytes:
    body = b""
    for kind, n in ICNS_TYPES:
        blob = png_bytes(images[n])
        body += kind + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the icons")
    ap.add_argument("--iconset", type=Path, help="also write an iconutil .iconset folder here")
    a = ap.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {n: draw(n) for n in PNG_SIZES}
    a.out.mkdir(parents=True, exist_ok=True)
    for n, img in images.items():
        (a.out / f"annotator-{n}.png").write_bytes(png_bytes(img))
    (a.out / "annotator.png").write_bytes(png_bytes(images[256]))
    (a.out / "annotator.ico").write_bytes(ico(images))
    (a.out / "annotator.icns").write_bytes(icns(images))
    if a.iconset:
        a.iconset.mkdir(parents=True, exist_ok=True)
        for name, n in ICONSET:
            (a.iconset / name).write_bytes(png_bytes(images[n]))
    print(f"icons written to {a.out}" + (f" and {a.iconset}" if a.iconset else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
