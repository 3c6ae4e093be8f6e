"""The Audit trail page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class AuditPage(Page):
    permission = Permission.VIEW_AUDIT
    object_name = "audit"

    def title(self) -> str:
        return self.tr("Audit trail")
