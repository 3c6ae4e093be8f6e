"""A horizontal bar chart for right-to-left pages: labels on the right, bars growing
leftwards, a value axis in Persian percentages and a dashed line at 100 %.

A chart is never split between pages. It takes the room left on its page: its rows
shrink down to ``MIN_ROW`` (still readable), and a long chart is set in two columns
side by side (the first on the right) rather than move on. Only when even that does
not fit does it go to the next page — and that compact form needs less than half a
landscape page for a province's forty agencies, so the page it leaves is at least half
full. ``Figure`` keeps a chart's heading with it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from reportlab.lib import colors
from reportlab.pdfgen import canvas
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


@dataclass(frozen=True)
class Layout:
    columns: int
    per_column: int  # bars in each column
    row: float  # the height of one bar's row


class BarChart(Flowable):
    ROW = 12.0  # a row's height when there is room
    MIN_ROW = 9.0  # the smallest readable: 7 pt labels
    AXIS = 16.0  # under the bars: tick marks and their labels
    MIN_COLUMN = 340.0  # the narrowest column that holds an agency's name and a bar
    GUTTER = 18.0  # between two columns

    def __init__(self, bars: list[Bar], label_width: float = 190, scale_max: Fraction | None = None) -> None:
        super().__init__()
        self.bars = bars
        self.label_width = label_width
        values = [b.value for b in bars if b.value is not None]
        top = max([Fraction(1)] + values)
        self.scale_max = scale_max or min(Fraction(2), (top * 10).__ceil__() / Fraction(10))
        self.width = self.height = 0.0
        self._layout = Layout(1, len(bars), self.ROW)

    # ------------------------------------------------------------------ size
    def _most_columns(self, width: float) -> int:
        return max(1, min(len(self.bars), int((width + self.GUTTER) // (self.MIN_COLUMN + self.GUTTER))))

    def layout(self, width: float, height: float) -> Layout | None:
        """The fewest columns whose rows fit ``height`` at a readable size (None: none do)."""
        n = max(1, len(self.bars))
        for columns in range(1, self._most_columns(width) + 1):
            per = math.ceil(n / columns)
            row = min(self.ROW, (height - self.AXIS) / per)
            if row >= self.MIN_ROW:
                return Layout(columns, per, row)
        return None

    def min_height(self, width: float) -> float:
        """The height of the most compact readable layout."""
        per = math.ceil(max(1, len(self.bars)) / self._most_columns(width))
        return per * self.MIN_ROW + self.AXIS

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        found = self.layout(avail_width, avail_height)
        if found is None:
            per = math.ceil(max(1, len(self.bars)) / self._most_columns(avail_width))
            frame = getattr(self, "_frame", None)
            if getattr(frame, "_atTop", False):  # a whole empty page is too small: squeeze rather than fail
                found = Layout(self._most_columns(avail_width), per, max(1.0, (avail_height - self.AXIS) / per))
            else:  # too tall here: the frame moves the chart to the next page
                found = Layout(self._most_columns(avail_width), per, self.MIN_ROW)
        self._layout = found
        self.height = found.per_column * found.row + self.AXIS
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # whole, on one page

    # ------------------------------------------------------------------ drawing
    def draw(self) -> None:
        lay = self._layout
        column = (self.width - (lay.columns - 1) * self.GUTTER) / lay.columns
        for c in range(lay.columns):
            right = self.width - c * (column + self.GUTTER)
            self._column(self.bars[c * lay.per_column:(c + 1) * lay.per_column], right - column, column)

    def _column(self, bars: list[Bar], x0: float, width: float) -> None:
        c = self.canv
        row = self._layout.row
        size = 7.5 if row >= 11 else 7.0
        label_width = min(self.label_width, width * 0.45)
        right = x0 + width - label_width - 6  # bars start here and grow leftwards
        span = right - x0 - 40  # room for a value label beyond the longest bar
        scale = span / float(self.scale_max)
        base = self.AXIS
        top = base + self._layout.per_column * row
        c.saveState()
        self._axis(c, right, span, scale, base, top)
        for i, bar in enumerate(bars):  # the bars, under the reference line
            y = top - (i + 1) * row
            if bar.value is not None:
                length = max(0.0, float(min(bar.value, self.scale_max)) * scale)
                c.setFillColor(STATUS_BAR[bar.status])
                c.rect(right - length, y + 2, length, row - 4, stroke=0, fill=1)
        x100 = right - scale
        c.setDash(3, 2)
        c.setStrokeColor(colors.HexColor(palette.NAVY))
        c.setLineWidth(0.6)
        c.line(x100, base, x100, top)
        c.setDash()
        for i, bar in enumerate(bars):  # the labels over it, each on a white ground
            y = top - (i + 1) * row
            text_y = y + (row - size) / 2 + size * 0.2
            c.setFillColor(colors.black)
            draw_rtl(c, _fitted(bar.label, label_width, size), x0 + width, text_y, REGULAR, size)
            if bar.value is None:
                _backed(c, "—", right - 4, text_y, y, row, size)
            else:
                length = max(0.0, float(min(bar.value, self.scale_max)) * scale)
                _backed(c, format_ratio(bar.value), right - length - 3, text_y, y, row, size - 0.5)
        c.restoreState()

    def _axis(self, c: canvas.Canvas, right: float, span: float, scale: float, base: float, top: float) -> None:
        """The value axis: a tick and a Persian percentage every 25 % (50 % beyond 150 %),
        with light grid lines up through the bars."""
        step = Fraction(1, 4) if self.scale_max <= Fraction(3, 2) else Fraction(1, 2)
        tick = Fraction(0)
        while tick <= self.scale_max:
            x = right - float(tick) * scale
            c.setStrokeColor(colors.HexColor(palette.CHART_GRID))
            c.setLineWidth(0.3)
            c.line(x, base, x, top)
            c.setStrokeColor(colors.HexColor(palette.CHART_AXIS))
            c.setLineWidth(0.4)
            c.line(x, base, x, base - 3)
            c.setFillColor(colors.HexColor(palette.CHART_AXIS))
            draw_rtl(c, format_ratio(tick, decimals=0), x, base - 11, REGULAR, 6.5, align="center")
            tick += step
        c.setStrokeColor(colors.HexColor(palette.CHART_AXIS))
        c.setLineWidth(0.4)
        c.line(right - span, base, right, base)


def _fitted(label: str, width: float, size: float) -> str:
    while string_width(visual(label), REGULAR, size) > width and len(label) > 4:
        label = label[:-2].rstrip() + "…"
    return label


def _backed(c: canvas.Canvas, text: str, right: float, y: float, row_y: float, row: float, size: float) -> None:
    """A value ending at ``right`` on a white ground, so the 100 % line never crosses it."""
    w = string_width(visual(text), REGULAR, size)
    c.setFillColor(colors.white)
    c.rect(right - w - 1.5, row_y + 1, w + 3, row - 2, stroke=0, fill=1)
    c.setFillColor(colors.black)
    draw_rtl(c, text, right, y, REGULAR, size)


class Figure(Flowable):
    """A heading and its chart, on one page together; the chart gets the room the heading
    leaves (the charts here shrink to what they are given, down to ``min_height``).

    ``tail`` (a closing block: the signatures) comes on the same page when the chart can
    be made compact enough for it, rather than stand alone on a page of its own; when it
    cannot, the tail follows on the next page."""

    def __init__(self, heading: Flowable, chart: Flowable, tail: Sequence[Flowable] = ()) -> None:
        super().__init__()
        self.heading, self.chart, self.tail = heading, chart, list(tail)
        self.width = self.height = 0.0
        self._heading_h = self._tail_h = 0.0
        self._tail_sizes: list[float] = []

    def _min_chart(self, width: float) -> float:
        return float(self.chart.min_height(width))  # type: ignore[attr-defined]  # the charts above

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._heading_h = self.heading.wrap(avail_width, avail_height)[1] + self.heading.getSpaceAfter()
        self._tail_sizes = [f.wrap(avail_width, avail_height)[1] + f.getSpaceAfter() for f in self.tail]
        self._tail_h = sum(self._tail_sizes)
        self.chart._frame = getattr(self, "_frame", None)  # type: ignore[attr-defined]  # ReportLab sets it on what it lays out
        room = avail_height - self._heading_h - self._tail_h
        if self.tail and room < self._min_chart(avail_width):  # not with the tail: ask to be split
            room = avail_height - self._heading_h
        chart_h = self.chart.wrap(avail_width, room)[1]
        self.height = self._heading_h + chart_h + self._tail_h
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        if self.tail and (at_top or avail_height - self._heading_h >= self._min_chart(avail_width)):
            # the chart here (squeezed, when even a whole page is too small for it), its tail after
            return [Figure(self.heading, self.chart), *self.tail]
        return []  # the whole figure on the next page

    def draw(self) -> None:
        chart_h = self.height - self._heading_h - self._tail_h
        self.heading.drawOn(self.canv, 0, self._tail_h + chart_h + self.heading.getSpaceAfter())
        self.chart.drawOn(self.canv, 0, self._tail_h)
        y = self._tail_h
        for f, size in zip(self.tail, self._tail_sizes):
            y -= size
            f.drawOn(self.canv, 0, y + f.getSpaceAfter())
