"""The Budget page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class BudgetPage(Page):
    permission = Permission.MANAGE_BUDGET
    object_name = "budget"

    def title(self) -> str:
        return self.tr("Budget")
