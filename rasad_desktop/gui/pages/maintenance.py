"""The Backups page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class MaintenancePage(Page):
    permission = Permission.BACKUP
    object_name = "maintenance"

    def title(self) -> str:
        return self.tr("Backups")
