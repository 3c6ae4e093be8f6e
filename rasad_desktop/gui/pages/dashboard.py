"""The dashboard: province totals, agencies ranked by realization, the monthly chart and
the exceptions of a period «through month n», and the response times of the requests
registered in the year (overdue today, share answered in time, median working days, by
kind). Data are read off the UI thread; the page refreshes itself when data change.
Double-clicking an agency opens its detail."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.amounts import Unit, format_ratio
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Status
from rasad_desktop.core.request_terms import KINDS
from rasad_desktop.core.request_terms import label as kind_label
from rasad_desktop.core.stats import StatRow, format_days
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.agency_detail import AgencyDetailDialog
from rasad_desktop.gui.models.agency_table_model import KEY_ROLE, SORT_ROLE, STATUS_COLOURS, AgencyTableModel
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.widgets.monthly_chart import MonthlyChart
from rasad_desktop.services.read_models import Dashboard, dashboard
from rasad_desktop.services.roles import Permission

CARDS = ("approved", "share", "collected", "pct_share", "growth")
AGENCY_ROLE = Qt.ItemDataRole.UserRole  # agency id of an exception item


class DashboardPage(Page):
    refresh_on = Changes.COLLECTIONS | Changes.BUDGET | Changes.REQUESTS | Changes.OFFICE | Changes.HOLIDAYS \
        | Changes.SETTINGS
    permission = Permission.VIEW
    object_name = "dashboard"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        self.details: dict[int, AgencyDetailDialog] = {}
        self._wanted: tuple[int | None, int | None] = (None, None)  # None = the default
        self._loads = 0  # a result older than the newest request is dropped
        lang = ctx.language
        self.year = QComboBox(self)
        self.year.setObjectName("year")
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        for m in range(1, 13):
            self.month.addItem(fmt.month(m, lang), m)
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        for u in Unit:
            self.unit.addItem(u.label(lang), u.key)
        self.unit.setCurrentIndex(max(0, self.unit.findData(ctx.settings.get("default_unit"))))
        self.period = QLabel(self)
        self.period.setObjectName("period")
        top = QHBoxLayout()
        for label, widget in ((self.tr("Year:"), self.year), (self.tr("Through month:"), self.month),
                              (self.tr("Unit:"), self.unit)):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.period)

        self.cards: dict[str, QLabel] = {}
        self.card_frames: dict[str, QFrame] = {}
        cards = QHBoxLayout()
        captions = {"approved": self.tr("Approved"), "share": self.tr("Period share"),
                    "collected": self.tr("Collected"), "pct_share": self.tr("% of period share"),
                    "growth": self.tr("Growth vs same period last year")}
        for key in CARDS:
            cards.addWidget(self._card(key, captions[key]), 1)
        self.last_note = QLabel(self)
        self.last_note.setObjectName("lastYearNote")
        self.card_frames["growth"].layout().addWidget(self.last_note)
        self.cards["approved"].setToolTip(self.tr("The approved amount in force (revised where amended)"))

        self.model = AgencyTableModel(lang, self.current_unit(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView(self)
        self.table.setObjectName("agencies")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column("rank"), Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.column("agency"), QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)  # double-click or Enter
        self.legend = QLabel(self)
        self.legend.setObjectName("statusLegend")
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.legend)

        self.chart = MonthlyChart(self, lang)
        chart_box = QGroupBox(self.tr("Collected per month, this year and last year"), self)
        QVBoxLayout(chart_box).addWidget(self.chart)
        self.exceptions = QListWidget(self)
        self.exceptions.setObjectName("exceptions")
        self.exceptions.setWordWrap(True)
        self.exceptions.itemActivated.connect(self._exception_activated)
        exceptions_box = QGroupBox(self.tr("Exceptions"), self)
        QVBoxLayout(exceptions_box).addWidget(self.exceptions)
        self.responses = ResponseTimesBox(lang, self)
        self.responses.setVisible(ctx.can(Permission.VIEW_REQUESTS))
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(chart_box)
        bottom.addWidget(exceptions_box)
        bottom.addWidget(self.responses)  # beside the exceptions
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setStretchFactor(2, 2)
        bottom.setSizes([640, 360, 340])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(table_box)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(cards)
        layout.addWidget(split, 1)

        self.year.activated.connect(lambda _: self.select(self.year.currentData(), None))
        self.month.activated.connect(lambda _: self.select(self.year.currentData(), self.month.currentData()))
        self.unit.activated.connect(lambda _: self._unit_changed())

    def title(self) -> str:
        return self.tr("Dashboard")

    def _card(self, key: str, caption: str) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName(f"{key}Card")
        frame.setStyleSheet(f"#{key}Card {{ border: 1px solid #c9d1da; border-radius: 6px; }}")
        title = QLabel(caption, frame)
        title.setWordWrap(True)
        value = QLabel("—", frame)
        value.setObjectName(f"{key}Value")
        font = QFont(value.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        value.setFont(font)
        box = QVBoxLayout(frame)
        box.addWidget(title)
        box.addWidget(value)
        self.cards[key], self.card_frames[key] = value, frame
        return frame

    def current_unit(self) -> Unit:
        return Unit.from_key(self.unit.currentData() or "million")

    # ------------------------------------------------------------- loading
    def refresh(self) -> None:
        self.reload()
        for dialog in self.details.values():
            if dialog.isVisible():
                dialog.reload()

    def select(self, year: int | None, month: int | None = None) -> None:
        """Show a year through a month (as the user would); ``None`` = the default."""
        self._wanted = (year, month)
        self.reload()

    def reload(self) -> None:
        self._loads += 1
        ticket, (year, month) = self._loads, self._wanted

        def done(data: Dashboard) -> None:
            if ticket == self._loads:
                self._show(data)

        ReadOp(self, self.ctx, lambda s, actor: dashboard(s, actor, year, month),
               label=self.tr("Loading…")).success(done).run()

    def _show(self, data: Dashboard) -> None:
        self.data = data
        lang = self.ctx.language
        self.year.clear()
        for y in data.years:
            self.year.addItem(fmt.number(y, lang), y)
        if data.year is None:
            self.status.setText(self.tr("There is no fiscal year in the database yet."))
            self.status.show()
            self.model.load([])
            self.exceptions.clear()
            self.responses.show_rows(None, None)
            return
        self.status.hide()
        self.responses.show_rows(data.year, data.responses)
        self.year.setCurrentIndex(self.year.findData(data.year))
        self.month.setCurrentIndex(self.month.findData(data.through_month))
        self.model.load(data.table.rows if data.table else [])
        self._show_amounts()
        self._show_exceptions(data)
        good, watch = data.thresholds.good, data.thresholds.watch  # the office's
        self.legend.setText("   ".join(f'<span style="background:{STATUS_COLOURS[s].name()}">&nbsp;{text}&nbsp;</span>'
                                       for s, text in (
            (Status.GOOD, self.tr("{0}: {1} or more").format(Status.GOOD.label(lang), _pct(good, lang))),
            (Status.WATCH, self.tr("{0}: from {1} to below {2}").format(Status.WATCH.label(lang), _pct(watch, lang),
                                                                         _pct(good, lang))),
            (Status.LAGGING, self.tr("{0}: below {1}").format(Status.LAGGING.label(lang), _pct(watch, lang))))))

    def _unit_changed(self) -> None:
        self.model.set_unit(self.current_unit())
        if self.data is not None and self.data.year is not None:
            self._show_amounts()

    def _show_amounts(self) -> None:
        data, lang, unit = self.data, self.ctx.language, self.current_unit()
        if data is None or data.table is None or data.year is None:
            return
        f, m = data.table.total.figures, data.table.total.metrics
        values = {"approved": fmt.money(f.annual, unit, lang), "share": fmt.money(f.share, unit, lang),
                  "collected": fmt.money(f.collected, unit, lang), "pct_share": fmt.percent(m.pct_share, lang),
                  "growth": fmt.percent(m.growth, lang)}
        for key, text in values.items():
            self.cards[key].setText(text)
        self.last_note.setText(self.tr("Same period last year: {0}").format(fmt.money(f.collected_last, unit, lang)))
        colour = STATUS_COLOURS.get(m.status)
        fill = f"background: {colour.name()};" if colour is not None else ""
        self.card_frames["pct_share"].setStyleSheet(
            f"#pct_shareCard {{ border: 1px solid #c9d1da; border-radius: 6px; {fill} }}")
        self.period.setText(Period(data.year, data.through_month).label(lang) + " — "
                            + self.tr("amounts in {0}").format(unit.label(lang)))
        self.chart.set_data(data.monthly.this_year, data.monthly.last_year, data.through_month, year=data.year,
                            unit=unit)

    def _show_exceptions(self, data: Dashboard) -> None:
        lang, unit = self.ctx.language, self.current_unit()

        def count(items: list) -> str:
            return fmt.number(len(items), lang)

        lagging = [r for r in (data.table.rows if data.table else []) if r.metrics.status is Status.LAGGING]
        found = data.exceptions
        groups = [
            (self.tr("Approved lines with nothing collected ({0})").format(count(found.nothing_collected)),
             [(e.agency.id, self.tr("{0} — line {1} {2}: approved {3}").format(
                 e.agency.name, fmt.number(e.code, lang), e.title, fmt.money(e.amount, unit, lang)))
              for e in found.nothing_collected]),
            (self.tr("Collected without an approved amount ({0})").format(count(found.unapproved)),
             [(e.agency.id, self.tr("{0} — line {1} {2}: collected {3}").format(
                 e.agency.name, fmt.number(e.code, lang), e.title, fmt.money(e.amount, unit, lang)))
              for e in found.unapproved]),
            (self.tr("Agencies below {0} of the period share ({1})").format(
                _pct(data.thresholds.watch, lang), count(lagging)),
             [(data.agency_ids.get(r.key), self.tr("{0}: {1} of the period share").format(
                 r.title, fmt.percent(r.metrics.pct_share, lang))) for r in lagging]),
        ]
        self.exceptions.clear()
        bold = QFont(self.exceptions.font())
        bold.setBold(True)
        for heading, items in groups:
            if not items:
                continue
            head = QListWidgetItem(heading, self.exceptions)
            head.setFont(bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for agency_id, text in items:
                QListWidgetItem(text, self.exceptions).setData(AGENCY_ROLE, agency_id)
        if self.exceptions.count() == 0:
            QListWidgetItem(self.tr("No exceptions in this period."), self.exceptions).setFlags(Qt.ItemFlag.ItemIsEnabled)

    # -------------------------------------------------------------- detail
    def agency_id_at(self, index: QModelIndex) -> int | None:
        if self.data is None or not index.isValid():
            return None
        return self.data.agency_ids.get(index.siblingAtColumn(0).data(KEY_ROLE))

    def _activated(self, index: QModelIndex) -> None:
        agency_id = self.agency_id_at(index)
        if agency_id is not None:
            self.open_detail(agency_id)

    def _exception_activated(self, item: QListWidgetItem) -> None:
        agency_id = item.data(AGENCY_ROLE)
        if agency_id is not None:
            self.open_detail(agency_id)

    def open_detail(self, agency_id: int) -> AgencyDetailDialog | None:
        """Open (or bring forward) an agency's detail for the period shown; not modal."""
        if self.data is None or self.data.year is None:
            return None
        year, month = self.data.year, self.data.through_month
        dialog = self.details.get(agency_id)
        if dialog is None:
            dialog = AgencyDetailDialog(self.ctx, year, month, agency_id, self.current_unit(), self)
            self.details[agency_id] = dialog
        elif (dialog.year, dialog.through_month) != (year, month) or dialog.model.unit != self.current_unit():
            dialog.year, dialog.through_month = year, month
            dialog.model.set_unit(self.current_unit())
            dialog.reload()
        if dialog.isVisible():  # already open: bring it forward
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.show()
        return dialog


RESPONSE_COLUMNS = ("registered", "answered", "share_in_time", "median_days", "overdue")
OVERDUE_STYLE = "color: #9b1c1c; font-weight: bold;"


class ResponseTimesBox(QGroupBox):
    """Response times of the requests registered in the year shown: overdue today, the
    share answered by the due date, the median working days to answer, and each kind."""

    def __init__(self, language: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows: list[StatRow] | None = None
        self.setObjectName("responses")
        self.setTitle(self.tr("Response times"))
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
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        headers = {"registered": self.tr("Registered"), "answered": self.tr("Answered"),
                   "share_in_time": self.tr("In time"), "median_days": self.tr("Median"),
                   "overdue": self.tr("Overdue")}
        for c, key in enumerate(RESPONSE_COLUMNS, start=1):
            head = QLabel(headers[key], self)
            head.setStyleSheet("color: #4a5561;")
            grid.addWidget(head, 0, c, Qt.AlignmentFlag.AlignCenter)
        self.cells: dict[tuple[str, str], QLabel] = {}
        for r, kind in enumerate(KINDS, start=1):
            grid.addWidget(QLabel(kind_label(KINDS, kind, language), self), r, 0)
            for c, key in enumerate(RESPONSE_COLUMNS, start=1):
                cell = QLabel("—", self)
                cell.setObjectName(f"{kind}_{key}")
                grid.addWidget(cell, r, c, Qt.AlignmentFlag.AlignCenter)
                self.cells[(kind, key)] = cell
        grid.setColumnStretch(0, 1)
        note = QLabel(self.tr("Median: working days from registration to the answer. In time: the share of the "
                              "answers given by the due date. Overdue: still open after the due date."), self)
        note.setObjectName("responsesNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5561;")
        box = QVBoxLayout(self)
        box.addLayout(figures)
        box.addSpacing(6)
        box.addLayout(grid)
        box.addSpacing(6)
        box.addWidget(note)
        box.addStretch(1)

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


def _pct(value: int, language: str) -> str:
    return format_ratio(Fraction(value, 100), decimals=0, digits="latin" if language == "en" else "fa")
