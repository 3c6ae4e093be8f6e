"""Response times of the requests registered in a year: overdue today, the share answered
by the due date, the median working days to answer, and each kind (the dashboard's box)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rasad_desktop.core.request_terms import KINDS
from rasad_desktop.core.request_terms import label as kind_label
from rasad_desktop.core.stats import StatRow, format_days
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.style import CAPTION_STYLE
from rasad_desktop.gui.style import ERROR_BOLD_STYLE as OVERDUE_STYLE

RESPONSE_COLUMNS = ("registered", "answered", "share_in_time", "median_days", "overdue")


class ResponseTimesBox(QGroupBox):
    """Response times of the requests registered in the year shown: overdue today, the
    share answered by the due date, the median working days to answer, and each kind."""

    def __init__(self, language: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows: list[StatRow] | None = None
        self.setObjectName("responses")
        self.setTitle(self.tr("Response times"))
        box = QVBoxLayout(self)
        box.addLayout(self._headline())
        box.addSpacing(6)
        box.addLayout(self._by_kind())
        box.addSpacing(6)
        note = QLabel(self.tr("Median: working days from registration to the answer. In time: the share of the "
                              "answers given by the due date. Overdue: still open after the due date."), self)
        note.setObjectName("responsesNote")
        note.setWordWrap(True)
        note.setStyleSheet(CAPTION_STYLE)
        box.addWidget(note)
        box.addStretch(1)

    def _headline(self) -> QHBoxLayout:
        """The year's three figures: overdue today, in time, the median."""
        self.headline: dict[str, QLabel] = {}
        figures = QHBoxLayout()
        for key, caption, tip in (
            ("overdue", self.tr("Overdue today:"),
             self.tr("Requests still open after their due date")),
            ("share_in_time", self.tr("In time:"),
             self.tr("Of the answered requests, the share answered by the due date")),
            ("median_days", self.tr("Median:"),
             self.tr("Half of the answers took at most this many working days")),
        ):
            title = QLabel(caption, self)
            value = QLabel("—", self)
            value.setObjectName(f"{key}Value")
            font = QFont(value.font())
            font.setBold(True)
            value.setFont(font)
            for w in (title, value):
                w.setToolTip(tip)
            figures.addWidget(title)
            figures.addWidget(value)
            figures.addStretch(1)
            self.headline[key] = value
        return figures

    def _by_kind(self) -> QGridLayout:
        """A row per kind of request, a column per figure."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        headers = {"registered": self.tr("Registered"), "answered": self.tr("Answered"),
                   "share_in_time": self.tr("In time"), "median_days": self.tr("Median"),
                   "overdue": self.tr("Overdue")}
        for c, key in enumerate(RESPONSE_COLUMNS, start=1):
            head = QLabel(headers[key], self)
            head.setStyleSheet(CAPTION_STYLE)
            grid.addWidget(head, 0, c, Qt.AlignmentFlag.AlignCenter)
        self.cells: dict[tuple[str, str], QLabel] = {}
        for r, kind in enumerate(KINDS, start=1):
            grid.addWidget(QLabel(kind_label(KINDS, kind, self.language), self), r, 0)
            for c, key in enumerate(RESPONSE_COLUMNS, start=1):
                cell = QLabel("—", self)
                cell.setObjectName(f"{kind}_{key}")
                grid.addWidget(cell, r, c, Qt.AlignmentFlag.AlignCenter)
                self.cells[(kind, key)] = cell
        grid.setColumnStretch(0, 1)
        return grid

    def value(self, row: StatRow, key: str) -> str:
        lang = self.language
        if key == "share_in_time":
            return fmt.percent(row.share_in_time, lang)
        if key == "median_days":
            return format_days(row.median_days, "latin" if lang == "en" else "fa")
        return fmt.number(getattr(row, key), lang)

    def show_rows(self, year: int | None, rows: list[StatRow] | None) -> None:
        self.rows = rows
        if year is None or rows is None:
            self.setTitle(self.tr("Response times"))
            for w in [*self.headline.values(), *self.cells.values()]:
                w.setText("—")
                w.setStyleSheet("")
            return
        self.setTitle(self.tr("Response times of the requests registered in {0}").format(
            fmt.number(year, self.language)))
        totals = {r.kind: r for r in rows if r.month is None}
        overall = totals[None]
        for key, widget in self.headline.items():
            widget.setText(self.value(overall, key))
        self.headline["overdue"].setStyleSheet(OVERDUE_STYLE if overall.overdue else "")
        for (kind, key), cell in self.cells.items():
            cell.setText(self.value(totals[kind], key))
            cell.setStyleSheet(OVERDUE_STYLE if key == "overdue" and totals[kind].overdue else "")
