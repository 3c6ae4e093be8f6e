"""The «پیش‌نویس» stamp across every page of a draft, so that a printed draft cannot pass
for an issued report. It lies over the page in a light, transparent colour (the figures
under it stay readable) and is drawn as the outlines of its shaped glyphs, not as text:
a text extractor would read rotated letters into the lines they cross (``outlines``)."""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.pdfgen import canvas

from rasad_desktop.core import palette
from rasad_desktop.reports.fonts import BOLD, string_width
from rasad_desktop.reports.outlines import draw_glyphs
from rasad_desktop.reports.rtl import visual

ALPHA = 0.09  # light enough to read a table through
SPAN = 0.6  # of the page's diagonal


def watermark_size(width: float, height: float, text: str) -> float:
    """The font size that makes the stamp ``SPAN`` of the page's diagonal long."""
    return SPAN * math.hypot(width, height) / string_width(visual(text, BOLD), BOLD, 1)


def draw_watermark(c: canvas.Canvas, width: float, height: float, text: str) -> None:
    """The stamp centred on the page, along the diagonal from the lower left."""
    glyphs = visual(text, BOLD)  # shaped and ordered like any other line
    size = watermark_size(width, height, text)
    c.saveState()
    c.setFillColor(colors.HexColor(palette.ERROR))
    c.setFillAlpha(ALPHA)
    c.translate(width / 2, height / 2)
    c.rotate(math.degrees(math.atan2(height, width)))
    draw_glyphs(c, glyphs, BOLD, size, -string_width(glyphs, BOLD, size) / 2, -size * 0.3)  # 0.3 em: mid-letter
    c.restoreState()
