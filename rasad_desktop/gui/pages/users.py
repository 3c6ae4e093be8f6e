"""The Users page (being built)."""

from __future__ import annotations

from rasad_desktop.gui.pages.base import Page
from rasad_desktop.services.roles import Permission


class UsersPage(Page):
    permission = Permission.MANAGE_USERS
    object_name = "users"

    def title(self) -> str:
        return self.tr("Users")
