"""One agency's realization: its lines for the period and its monthly chart against last
year. Opened from the dashboard (double-click on an agency); not modal, so several can
stay open side by side while the dashboard is still usable."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.jalali import Period
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext
from rasad_desktop.gui.models.agency_table_model import SORT_ROLE, RealizationModel
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.widgets.monthly_chart import MonthlyChart
from rasad_desktop.services.read_models import AgencyDetail, agency_detail


class AgencyDetailModel(RealizationModel):
    columns = ("code", "title", "approved", "share", "collected", "pct_share", "last", "growth")

    def headers(self) -> dict[str, str]:
        return {
            "code": self.tr("Code"), "title": self.tr("Line"), "approved": self.tr("Approved"),
            "share": self.tr("Period share"), "collected": self.tr("Collected"),
            "pct_share": self.tr("% of period share"), "last": self.tr("Same period last year"),
            "growth": self.tr("Growth %"),
        }


class AgencyDetailDialog(QDialog):
    def __init__(self, ctx: AppContext, year: int, through_month: int, agency_id: int,
                 unit: Unit = Unit.MILLION, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencyDetail")
        self.ctx, self.year, self.through_month, self.agency_id = ctx, year, through_month, agency_id
        self.detail: AgencyDetail | None = None
        self.setWindowTitle(self.tr("Agency detail"))
        self.resize(1000, 640)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.period = QLabel(self)
        self.period.setObjectName("period")
        self.model = AgencyDetailModel(ctx.language, unit, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView(self)
        self.table.setObjectName("lines")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column("code"), Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.column("title"), QHeaderView.ResizeMode.Stretch)
        self.total = QLabel(self)
        self.total.setObjectName("total")
        self.total.setWordWrap(True)
        self.chart = MonthlyChart(self, ctx.language)
        self.chart.setMinimumHeight(220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.period)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.total)
        layout.addWidget(self.chart, 2)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        year, month, agency_id = self.year, self.through_month, self.agency_id
        ReadOp(self, self.ctx, lambda s, _: agency_detail(s, year, month, agency_id),  # the office's thresholds
               label=self.tr("Loading…")).success(self._show).run()

    def _show(self, detail: AgencyDetail) -> None:
        self.detail = detail
        lang, unit = self.ctx.language, self.model.unit
        a = detail.agency
        self.setWindowTitle(self.tr("Agency detail: {0}").format(a.name))
        self.heading.setText(self.tr("{0} (code {1})").format(a.name, fmt.number(a.code, lang)))
        self.period.setText(Period(detail.year, detail.through_month).label(lang) + " — "
                            + self.tr("amounts in {0}").format(unit.label(lang)))
        self.model.load(detail.lines.rows)
        f, m = detail.lines.total.figures, detail.lines.total.metrics
        self.total.setText(self.tr("Total: approved {0}, period share {1}, collected {2} ({3} of the period share), "
                                   "same period last year {4}, growth {5}").format(
            fmt.money(f.annual, unit, lang), fmt.money(f.share, unit, lang), fmt.money(f.collected, unit, lang),
            fmt.percent(m.pct_share, lang), fmt.money(f.collected_last, unit, lang), fmt.percent(m.growth, lang)))
        self.chart.set_data(detail.monthly.this_year, detail.monthly.last_year, detail.through_month,
                            year=detail.year, unit=unit)
