"""The Requests page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class RequestsPage(Page):
    permission = Permission.VIEW_REQUESTS
    object_name = "requests"

    def title(self) -> str:
        return self.tr("Requests")
