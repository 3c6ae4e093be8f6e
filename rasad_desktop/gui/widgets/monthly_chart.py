"""Collections per month, this year beside last year, drawn with QPainter (QtCharts is
deprecated and heavy). Twelve month groups run in the reading direction: Farvardin on
the right when the widget is right-to-left. Months after the chosen month have no bar for
this year (they have not happened yet)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import Unit, format_amount
from rasad_desktop.gui import format as fmt

# the same colours as the agency report's chart (reports/agency.py)
THIS_YEAR = QColor(palette.THIS_YEAR)
LAST_YEAR = QColor(palette.LAST_YEAR)
GRID = QColor(palette.CHART_GRID)


class MonthlyChart(QWidget):
    MARGIN = 8
    LEGEND_H = 30
    LABEL_H = 20

    def __init__(self, parent: QWidget | None = None, language: str = "fa") -> None:
        super().__init__(parent)
        self.setObjectName("monthlyChart")
        self.language = language
        self.unit = Unit.MILLION
        self.this_year: list[int] = [0] * 12
        self.last_year: list[int] = [0] * 12
        self.through_month = 12
        self.labels = (self.tr("This year"), self.tr("Last year"))

    def set_data(self, this_year: list[int], last_year: list[int], through_month: int, *,
                 year: int | None = None, unit: Unit | None = None) -> None:
        self.this_year = list(this_year) + [0] * (12 - len(this_year))
        self.last_year = list(last_year) + [0] * (12 - len(last_year))
        self.through_month = through_month
        if unit is not None:
            self.unit = unit
        if year is not None:
            self.labels = (fmt.number(year, self.language), fmt.number(year - 1, self.language))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 260)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 180)

    # ---------------------------------------------------------------- geometry
    def _top(self) -> int:
        """The top of the amounts axis: four round steps covering the highest bar."""
        return 4 * nice_step(max([1, *self.this_year[: self.through_month], *self.last_year]) / 4)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        return small

    def _axis_width(self) -> int:
        widest = self.axis_label(self._top())
        return QFontMetrics(self._small_font()).horizontalAdvance(widest) + 10

    def _plot(self) -> QRect:
        m, axis = self.MARGIN, self._axis_width()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left = m if rtl else m + axis  # the amounts axis sits on the leading side (right in RTL)
        width = self.width() - 2 * m - axis
        return QRect(left, m + self.LEGEND_H, width, self.height() - 2 * m - self.LEGEND_H - self.LABEL_H)

    def month_rect(self, month: int) -> QRect:
        """The slot of month 1..12; month 1 is on the leading side (right in RTL)."""
        plot = self._plot()
        slot = plot.width() / 12
        i = month - 1 if self.layoutDirection() == Qt.LayoutDirection.LeftToRight else 12 - month
        return QRect(round(plot.left() + i * slot), plot.top(), round(slot), plot.height())

    def bar_rects(self, month: int) -> tuple[QRect | None, QRect | None]:
        """(this year, last year) bars of a month; this year's is None after the chosen month."""
        slot, top = self.month_rect(month), self._top()
        bar_w = max(2, round(slot.width() * 0.34))
        gap = (slot.width() - 2 * bar_w) // 2
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x_first = slot.right() - gap - bar_w + 1 if rtl else slot.left() + gap
        x_second = x_first - bar_w if rtl else x_first + bar_w
        out: list[QRect | None] = []
        for x, values, shown in ((x_first, self.this_year, month <= self.through_month),
                                 (x_second, self.last_year, True)):
            value = max(values[month - 1], 0)
            if not shown or value == 0:
                out.append(None)
                continue
            h = max(1, round(slot.height() * value / top))
            out.append(QRect(x, slot.bottom() - h + 1, bar_w, h))
        return out[0], out[1]

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(self.rect(), self.palette().base())
        plot = self._plot()
        p.setFont(self._small_font())
        self._axis(p, plot)
        for month in range(1, 13):
            for rect, colour in zip(self.bar_rects(month), (THIS_YEAR, LAST_YEAR)):
                if rect is not None:
                    p.fillRect(rect, colour)
            slot = self.month_rect(month)
            label = QRect(slot.left(), plot.bottom() + 2, slot.width(), self.LABEL_H)
            name = p.fontMetrics().elidedText(fmt.month(month, self.language), Qt.TextElideMode.ElideRight,
                                              slot.width())
            p.setPen(self.palette().text().color())
            p.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
        self._legend(p)
        p.end()

    def _axis(self, p: QPainter, plot: QRect) -> None:
        top = self._top()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
        box_w = self._axis_width() - 6
        text_x = plot.right() + 6 if rtl else plot.left() - 6 - box_w
        for k in range(5):
            y = plot.bottom() - round(plot.height() * k / 4)
            p.setPen(QPen(GRID if k else self.palette().mid().color(), 1))
            p.drawLine(plot.left(), y, plot.right(), y)
            if k:
                p.setPen(self.palette().text().color())
                text = self.axis_label(top * k // 4)
                box = QRect(text_x, y - 9, box_w, 18)
                p.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | side, text)

    def axis_label(self, rials: int) -> str:
        """An axis amount in the unit, with the decimals a small step needs (0.25 billion)."""
        step = self._top() // 4
        decimals = next((d for d in range(3) if step * 10**d % self.unit.factor == 0), 3)
        return format_amount(rials, self.unit, decimals=decimals, digits="latin" if self.language == "en" else "fa")

    def _legend(self, p: QPainter) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        metrics = p.fontMetrics()
        x = self.width() - self.MARGIN if rtl else self.MARGIN
        y = self.MARGIN
        p.setPen(self.palette().text().color())
        for label, colour in zip(self.labels, (THIS_YEAR, LAST_YEAR)):
            text_w = metrics.horizontalAdvance(label) + 2
            swatch = QRect(x - 12 if rtl else x, y + 4, 12, 12)
            p.fillRect(swatch, colour)
            text = QRect(swatch.left() - 4 - text_w if rtl else swatch.right() + 5, y, text_w, 20)
            p.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading, label)
            x = text.left() - 16 if rtl else text.right() + 16

    # ---------------------------------------------------------------- tooltips
    def month_at(self, pos: QPoint) -> int | None:
        for month in range(1, 13):
            if self.month_rect(month).contains(pos):
                return month
        return None

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            month = self.month_at(e.pos())
            if month is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(e.globalPos(), self.tooltip(month), self)
            return True
        return super().event(e)

    def tooltip(self, month: int) -> str:
        lang = self.language
        this = fmt.money(self.this_year[month - 1], self.unit, lang) if month <= self.through_month else "—"
        last = fmt.money(self.last_year[month - 1], self.unit, lang)
        return f"{fmt.month(month, lang)}\n{self.labels[0]}: {this}\n{self.labels[1]}: {last}\n{self.unit.label(lang)}"


def nice_step(raw: float) -> int:
    """The smallest 1, 2, 2.5 or 5 × 10^k (k ≥ 0) that is at least ``raw``."""
    magnitude = 10 ** max(0, len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return 10 * magnitude
