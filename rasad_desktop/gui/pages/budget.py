"""The Budget page (administrator only): fiscal years, classification lines, agencies,
approved amounts, monthly schedules, period locks, and this year beside last year.

Every change goes through the budget services (role check, validation, audit, one
transaction) and is announced as ``Changes.BUDGET``; service errors are shown
with their Persian message in the status line and, unless dialogs are off, a message box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.unsaved import CANCEL, DISCARD, SAVE, ask_unsaved
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.pages.budget_tabs import (
    AgenciesTab,
    ApprovedTab,
    BudgetTab,
    ClassificationTab,
    ComparisonTab,
    LocksTab,
    ScheduleTab,
    YearsTab,
)
from rasad_desktop.gui.widgets.forms import say_error
from rasad_desktop.services.budget import list_years
from rasad_desktop.services.roles import Permission

__all__ = ["BudgetPage", "CANCEL", "DISCARD", "SAVE"]


class BudgetPage(Page):
    refresh_on = Changes.BUDGET
    permission = Permission.MANAGE_BUDGET
    object_name = "budget"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        self._shown_year: int | None = None
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year")
        self.year_combo.setMinimumWidth(100)
        self.year_combo.activated.connect(lambda _: self.year_changed())
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.years_tab = YearsTab(self)
        self.classification_tab = ClassificationTab(self)
        self.agencies_tab = AgenciesTab(self)
        self.approved_tab = ApprovedTab(self)
        self.schedule_tab = ScheduleTab(self)
        self.locks_tab = LocksTab(self)
        self.comparison_tab = ComparisonTab(self)
        for tab, name, label in (
            (self.years_tab, "yearsTab", self.tr("Fiscal years")),
            (self.classification_tab, "classificationTab", self.tr("Classification")),
            (self.agencies_tab, "agenciesTab", self.tr("Agencies")),
            (self.approved_tab, "approvedTab", self.tr("Approved amounts")),
            (self.schedule_tab, "scheduleTab", self.tr("Monthly schedule")),
            (self.locks_tab, "locksTab", self.tr("Period locks")),
            (self.comparison_tab, "comparisonTab", self.tr("This year vs last year")),
        ):
            tab.setObjectName(name)
            self.tabs.addTab(tab, label)
        self.tabs.currentChanged.connect(lambda _: self.current_tab().ensure_loaded())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Fiscal year:"), self))
        top.addWidget(self.year_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def title(self) -> str:
        return self.tr("Budget")

    @property
    def all_tabs(self) -> list[BudgetTab]:
        return [cast(BudgetTab, self.tabs.widget(i)) for i in range(self.tabs.count())]

    def current_tab(self) -> BudgetTab:
        return cast(BudgetTab, self.tabs.currentWidget())

    # ------------------------------------------------------------- the year
    def year(self) -> int | None:
        return self._shown_year

    def refresh(self) -> None:
        years = ReadOp(self, self.ctx, lambda s, _: list_years(s)).failure(self.show_failure).fetch()
        if years is None:
            return
        keep = self._shown_year if self._shown_year in years else (years[-1] if years else None)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(fmt.number(y, self.ctx.language), y)
        if keep is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(keep))
        self._shown_year = keep
        for tab in self.all_tabs:
            tab.stale = True
        self.current_tab().ensure_loaded()

    def select_year(self, year: int) -> bool:
        """Choose the year the tabs show (as the user would); False if they stayed."""
        if self.year_combo.findData(year) < 0:
            self.refresh()
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        return self.year_changed()

    def year_changed(self) -> bool:
        year = self.year_combo.currentData()
        if year == self._shown_year:
            return True
        if not self.can_leave():
            self.year_combo.setCurrentIndex(self.year_combo.findData(self._shown_year))
            return False
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        self._shown_year = year
        for tab in self.all_tabs:
            tab.stale = True
        self.current_tab().ensure_loaded()
        return True

    def show_tab(self, tab: BudgetTab) -> None:
        self.tabs.setCurrentWidget(tab)
        tab.ensure_loaded()

    def show_schedule(self, agency_code: str | None, line_code: str, budget_column: str) -> None:
        self.show_tab(self.schedule_tab)
        if agency_code is not None:
            self.schedule_tab.select(agency_code, line_code, budget_column)

    # --------------------------------------------------------------- messages
    def show_status(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def show_error(self, text: str) -> None:
        say_error(self.status, text, self, self.tr("Budget"), dialogs=not self.ctx.no_dialogs)

    # ------------------------------------------------------------ unsaved work
    def can_leave(self, tabs: Sequence[BudgetTab] | None = None) -> bool:
        dirty = [t for t in (self.all_tabs if tabs is None else tabs) if t.is_dirty]
        if not dirty:
            return True
        answer = self.ask_unsaved()
        if answer == SAVE:
            return all(t.save() for t in dirty)
        if answer == DISCARD:
            for t in dirty:
                t.discard()
            return True
        return False

    def _ask_unsaved(self) -> str:
        return ask_unsaved(self, self.tr("The budget has unsaved changes. Save them?"))
