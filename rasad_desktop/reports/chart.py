"""A horizontal bar chart for right-to-left pages: labels on the right, bars growing
leftwards, a dashed line at 100 %. It splits between pages by rows."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reportlab.lib import colors
from reportlab.platypus import Flowable

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import format_ratio
from rasad_desktop.core.metrics import Status
from rasad_desktop.reports.common import STATUS_BAR
from rasad_desktop.reports.fonts import REGULAR, string_width
from rasad_desktop.reports.page import draw_rtl
from rasad_desktop.reports.rtl import visual


@dataclass(frozen=True)
class Bar:
    label: str
    value: Fraction | None  # a ratio: 1 = 100 %
    status: Status


class BarChart(Flowable):
    ROW = 12.0
    AXIS = 14.0

    def __init__(self, bars: list[Bar], label_width: float = 190, scale_max: Fraction | None = None) -> None:
        super().__init__()
        self.bars = bars
        self.label_width = label_width
        values = [b.value for b in bars if b.value is not None]
        top = max([Fraction(1)] + values)
        self.scale_max = scale_max or min(Fraction(2), (top * 10).__ceil__() / Fraction(10))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.bars) * self.ROW + self.AXIS
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int((avail_height - self.AXIS) // self.ROW)
        if fits < 3 or fits >= len(self.bars):
            return []
        return [BarChart(self.bars[:fits], self.label_width, self.scale_max),
                BarChart(self.bars[fits:], self.label_width, self.scale_max)]

    def draw(self) -> None:
        c = self.canv
        right = self.width - self.label_width - 6  # bars start here and grow leftwards
        span = right - 40
        scale = span / float(self.scale_max)
        base = self.AXIS
        c.saveState()
        for i, bar in enumerate(self.bars):
            y = base + (len(self.bars) - i - 1) * self.ROW
            label = bar.label
            while string_width(visual(label), REGULAR, 7.5) > self.label_width and len(label) > 4:
                label = label[:-2].rstrip() + "…"
            c.setFillColor(colors.black)
            draw_rtl(c, label, self.width, y + 3, REGULAR, 7.5)
            if bar.value is None:
                draw_rtl(c, "—", right - 4, y + 3, REGULAR, 7.5)
                continue
            shown = min(bar.value, self.scale_max)
            length = max(0.0, float(shown) * scale)
            c.setFillColor(STATUS_BAR[bar.status])
            c.rect(right - length, y + 2, length, self.ROW - 4, stroke=0, fill=1)
            c.setFillColor(colors.black)
            text = format_ratio(bar.value)
            draw_rtl(c, text, right - length - 3, y + 3, REGULAR, 7)
        # axis: 0 %, 50 %, 100 % … under the bars, and a dashed 100 % line
        c.setStrokeColor(colors.HexColor(palette.CHART_AXIS))
        c.setLineWidth(0.4)
        c.line(right - span, base, right, base)
        step = Fraction(1, 2)
        tick = Fraction(0)
        while tick <= self.scale_max:
            x = right - float(tick) * scale
            c.line(x, base, x, base - 3)
            draw_rtl(c, format_ratio(tick, decimals=0), x, base - 11, REGULAR, 6.5, align="center")
            tick += step
        x100 = right - scale
        c.setDash(3, 2)
        c.setStrokeColor(colors.HexColor(palette.NAVY))
        c.line(x100, base, x100, self.height)
        c.restoreState()
