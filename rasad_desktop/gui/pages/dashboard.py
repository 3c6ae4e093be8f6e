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
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import Unit, format_ratio
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Status
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.agency_detail import AgencyDetailDialog
from rasad_desktop.gui.models.agency_table_model import KEY_ROLE, SORT_ROLE, STATUS_COLOURS, AgencyTableModel
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.gui.widgets.monthly_chart import MonthlyChart
from rasad_desktop.gui.widgets.period_picker import PeriodPicker
from rasad_desktop.gui.widgets.response_times_box import ResponseTimesBox
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
        self._build_choice()
        self._build_cards()
        self._build_table()
        self._build_bottom()
        self._lay_out()
        self._connect()

    def _build_choice(self) -> None:
        self.picker = PeriodPicker(self, self.ctx.language, agency=False)
        self.year, self.month = self.picker.year, self.picker.month
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        for u in Unit:
            self.unit.addItem(u.label(self.ctx.language), u.key)
        self.unit.setCurrentIndex(max(0, self.unit.findData(self.ctx.settings.get("default_unit"))))
        self.period = QLabel(self)
        self.period.setObjectName("period")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.hide()

    def _build_cards(self) -> None:
        self.cards: dict[str, QLabel] = {}
        self.card_frames: dict[str, QFrame] = {}
        captions = {"approved": self.tr("Approved"), "share": self.tr("Period share"),
                    "collected": self.tr("Collected"), "pct_share": self.tr("% of period share"),
                    "growth": self.tr("Growth vs same period last year")}
        for key in CARDS:
            self._card(key, captions[key])
        self.last_note = QLabel(self)
        self.last_note.setObjectName("lastYearNote")
        growth = self.card_frames["growth"].layout()
        assert growth is not None  # every card has its box
        growth.addWidget(self.last_note)
        self.cards["approved"].setToolTip(self.tr("The approved amount in force (revised where amended)"))

    def _build_table(self) -> None:
        self.model = AgencyTableModel(self.ctx.language, self.current_unit(), self)
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
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column("rank"), Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, self.model.column("agency"))
        self.legend = QLabel(self)
        self.legend.setObjectName("statusLegend")

    def _build_bottom(self) -> None:
        self.chart = MonthlyChart(self, self.ctx.language)
        self.exceptions = QListWidget(self)
        self.exceptions.setObjectName("exceptions")
        self.exceptions.setWordWrap(True)
        self.responses = ResponseTimesBox(self.ctx.language, self)
        self.responses.setVisible(self.ctx.can(Permission.VIEW_REQUESTS))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for label, widget in (*self.picker.labelled(self.tr("Year:"), self.tr("Through month:")),
                              (self.tr("Unit:"), self.unit)):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.period)
        cards = QHBoxLayout()
        for key in CARDS:
            cards.addWidget(self.card_frames[key], 1)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.legend)
        chart_box = QGroupBox(self.tr("Collected per month, this year and last year"), self)
        QVBoxLayout(chart_box).addWidget(self.chart)
        exceptions_box = QGroupBox(self.tr("Exceptions"), self)
        QVBoxLayout(exceptions_box).addWidget(self.exceptions)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        for part, stretch in ((chart_box, 3), (exceptions_box, 2), (self.responses, 2)):  # responses beside
            bottom.addWidget(part)
            bottom.setStretchFactor(bottom.count() - 1, stretch)
        bottom.setSizes([640, 360, 340])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(table_box)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(cards)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.table.activated.connect(self._activated)  # double-click or Enter
        self.exceptions.itemActivated.connect(self._exception_activated)
        self.year.activated.connect(lambda _: self.select(self.year.currentData(), None))
        self.month.activated.connect(lambda _: self.select(self.year.currentData(), self.month.currentData()))
        self.unit.activated.connect(lambda _: self._unit_changed())

    def title(self) -> str:
        return self.tr("Dashboard")

    def _card(self, key: str, caption: str) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName(f"{key}Card")
        frame.setStyleSheet(f"#{key}Card {{ border: 1px solid {palette.FRAME}; border-radius: 6px; }}")
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
            f"#pct_shareCard {{ border: 1px solid {palette.FRAME}; border-radius: 6px; {fill} }}")
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
        groups: list[tuple[str, list[tuple[int | None, str]]]] = [
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


def _pct(value: int, language: str) -> str:
    return format_ratio(Fraction(value, 100), decimals=0, digits="latin" if language == "en" else "fa")
