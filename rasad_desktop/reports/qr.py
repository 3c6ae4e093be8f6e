"""QR codes drawn as plain rectangles, with the white quiet zone a reader needs around them.

ReportLab's QR widget would also add an unused Helvetica font resource to the file, so the
modules are drawn here. Encoding is cached: the same payload is on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.pdfgen import canvas

QUIET_MODULES = 4  # ISO/IEC 18004: four modules of white on every side


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, tolerance: float = 0.0) -> bool:
        return (self.x0 < other.x1 - tolerance and other.x0 < self.x1 - tolerance
                and self.y0 < other.y1 - tolerance and other.y0 < self.y1 - tolerance)


@lru_cache(maxsize=16)
def modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    return tuple(tuple(bool(dark) for dark in row) for row in qr.modules)


def quiet_zone(payload: str, x: float, y: float, side: float) -> Box:
    """The square that must stay white: the symbol at (x, y) of ``side`` plus its quiet zone."""
    pad = side / len(modules(payload)) * QUIET_MODULES
    return Box(x - pad, y - pad, x + side + pad, y + side + pad)


def draw_qr(c: canvas.Canvas, payload: str, x: float, y: float, side: float) -> Box:
    """The symbol's dark modules in the square at (x, y) of ``side`` (no margin inside it);
    returns the quiet zone, where nothing else may be drawn."""
    rows = modules(payload)
    box = side / len(rows)
    c.setFillColor(colors.black)
    for r, row in enumerate(rows):
        for col, dark in enumerate(row):
            if dark:
                c.rect(x + col * box, y + side - (r + 1) * box, box, box, stroke=0, fill=1)
    return quiet_zone(payload, x, y, side)
