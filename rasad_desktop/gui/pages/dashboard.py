"""The Dashboard page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class DashboardPage(Page):
    permission = Permission.VIEW
    object_name = "dashboard"

    def title(self) -> str:
        return self.tr("Dashboard")
