"""The Notices page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class NoticesPage(Page):
    permission = Permission.VIEW
    object_name = "notices"

    def title(self) -> str:
        return self.tr("Notices")
