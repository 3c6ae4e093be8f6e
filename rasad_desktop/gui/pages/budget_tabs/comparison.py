"""This year beside last year: the amounts in force by line or by agency, the change and
the growth (read-only; the same figures as the comparison report)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.budget_models import C_TITLE, ComparisonModel
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.services.report_kinds.comparison import comparison


class ComparisonTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.data: dict[str, Any] | None = None
        self.by = QComboBox(self)
        self.by.setObjectName("by")
        self.by.addItem(self.tr("By classification line"), "line")
        self.by.addItem(self.tr("By agency"), "agency")
        self.by.activated.connect(lambda _: self._show())
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.model = ComparisonModel(self.lang, self)
        self.unit = self.unit_for(self.model)
        self.table = self.view(self.model, C_TITLE)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.by)
        top.addWidget(QLabel(self.tr("Unit:"), self))
        top.addWidget(self.unit)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        year = self.year()
        if year is None:
            self.data = None
            self._show()
            return

        def done(data: dict[str, Any]) -> None:
            if data["year"] == self.year():  # the year may have changed while this ran
                self.data = data
                self._show()

        ReadOp(self, self.ctx, lambda s, _: comparison(s, year), label=self.tr("Loading…")).success(done).run()

    def _show(self) -> None:
        self.model.set_unit(Unit.from_key(self.unit.currentData()))
        self.model.load(self.data, self.by.currentData())
        if self.data is None:
            self.heading.clear()
            return
        year = self.data["year"]
        text = self.tr("Amounts in force in {0} beside {1}.").format(fmt.number(year, self.lang),
                                                                      fmt.number(year - 1, self.lang))
        if not self.model.rows:
            text += " " + self.tr("Neither year has approved amounts.")
        self.heading.setText(text)
