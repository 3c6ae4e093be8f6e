"""The tabs of the Budget page, one module each."""

from rasad_desktop.gui.pages.budget_tabs.agencies import AgenciesTab
from rasad_desktop.gui.pages.budget_tabs.approved import ApprovedTab
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab
from rasad_desktop.gui.pages.budget_tabs.classification import ClassificationTab
from rasad_desktop.gui.pages.budget_tabs.comparison import ComparisonTab
from rasad_desktop.gui.pages.budget_tabs.locks import LocksTab
from rasad_desktop.gui.pages.budget_tabs.schedule import ScheduleTab
from rasad_desktop.gui.pages.budget_tabs.years import YearsTab

__all__ = ["AgenciesTab", "ApprovedTab", "BudgetTab", "ClassificationTab", "ComparisonTab", "LocksTab",
           "ScheduleTab", "YearsTab"]
