"""The About page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class AboutPage(Page):
    permission = Permission.VIEW
    object_name = "about"

    def title(self) -> str:
        return self.tr("About")
