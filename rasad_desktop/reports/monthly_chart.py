"""Collections month by month, this year beside last year (Farvardin on the right), with a
value axis on the right in the report's unit. Never split; it shrinks to the room left
on its page down to ``MIN_HEIGHT``, else moves to the next page whole."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import Unit, format_amount
from rasad_desktop.core.jalali import MONTHS_FA
from rasad_desktop.reports.fonts import REGULAR, string_width
from rasad_desktop.reports.page import draw_rtl
from rasad_desktop.reports.rtl import visual

THIS_YEAR = colors.HexColor(palette.THIS_YEAR)
LAST_YEAR = colors.HexColor(palette.LAST_YEAR)
TICKS = 4  # about this many steps up the value axis


def nice_step(top: int, unit: Unit) -> int:
    """A step of 1, 2 or 5 × 10ⁿ rials giving about ``TICKS`` steps up to ``top``, and no
    finer than one unit of the report (so no two ticks print the same figure)."""
    raw = max(1, -(-top // TICKS))
    magnitude = 10 ** (len(str(raw)) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return max(step, unit.factor)


class MonthlyChart(Flowable):
    HEIGHT = 150.0
    MIN_HEIGHT = 110.0
    BASE = 16.0  # month names under the bars
    HEAD = 22.0  # the legend and the unit above the bars

    def __init__(self, this: list[int], last: list[int], through_month: int, unit: Unit = Unit.MILLION) -> None:
        super().__init__()
        self.this, self.last, self.n, self.unit = this, last, through_month, unit
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = min(self.HEIGHT, max(self.MIN_HEIGHT, avail_height))
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def min_height(self, width: float) -> float:
        return self.MIN_HEIGHT

    def ticks(self) -> list[int]:
        top = max([1, *self.this[: self.n], *self.last])
        step = nice_step(top, self.unit)
        return [step * i for i in range(-(-top // step) + 1)]

    def draw(self) -> None:
        c = self.canv
        ticks = self.ticks()
        labels = [format_amount(t, self.unit) for t in ticks]
        axis_w = max(string_width(visual(t), REGULAR, 7) for t in labels) + 6
        plot_right, plot_h = self.width - axis_w - 4, self.height - self.BASE - self.HEAD
        scale = plot_h / ticks[-1]  # points per rial, for drawing only
        c.saveState()
        for t, label in zip(ticks, labels):  # the value axis: grid lines and their figures
            y = self.BASE + t * scale
            c.setStrokeColor(colors.HexColor(palette.CHART_GRID if t else palette.CHART_AXIS))
            c.setLineWidth(0.3 if t else 0.4)
            c.line(10, y, plot_right, y)
            c.setFillColor(colors.HexColor(palette.CHART_AXIS))
            draw_rtl(c, label, self.width, y - 2.5, REGULAR, 7)
        slot = (plot_right - 10) / 12
        for m in range(12):
            right = plot_right - m * slot
            for j, (values, color) in enumerate(((self.this, THIS_YEAR), (self.last, LAST_YEAR))):
                if values is self.this and m >= self.n:
                    continue
                h = max(values[m], 0) * scale
                c.setFillColor(color)
                c.rect(right - slot * 0.15 - (j + 1) * slot * 0.33, self.BASE, slot * 0.33, h, stroke=0, fill=1)
            c.setFillColor(colors.black)
            draw_rtl(c, MONTHS_FA[m], right - slot / 2, 4, REGULAR, 7, align="center")
        top = self.height - 11
        c.setFillColor(colors.HexColor(palette.CHART_AXIS))
        draw_rtl(c, self.unit.label(), self.width, top, REGULAR, 6.5)
        x = plot_right
        for label, color in (("سال جاری", THIS_YEAR), ("سال قبل", LAST_YEAR)):
            c.setFillColor(color)
            c.rect(x - 8, top - 1, 8, 8, stroke=0, fill=1)
            c.setFillColor(colors.black)
            x -= 12 + draw_rtl(c, label, x - 12, top, REGULAR, 8) + 18
        c.restoreState()
