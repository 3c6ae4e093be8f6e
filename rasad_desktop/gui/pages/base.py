"""The base of every page of the main window."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.errors import known_message
from rasad_desktop.gui.widgets.forms import say_error
from rasad_desktop.services.roles import Permission


class Page(QWidget):
    """A screen in the main window. Subclasses set ``permission`` (the page is offered only
    to roles that have it) and ``refresh_on`` (the kinds of change it shows), and implement
    ``refresh``; ``can_leave`` guards unsaved work."""

    permission: Permission = Permission.VIEW
    refresh_on: Changes = Changes.ALL
    object_name = "page"
    message: QLabel  # pages with a message line set it; show_error writes there

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.object_name)
        ctx.events.data_changed.connect(self.on_data_changed)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows from the database."""

    def can_leave(self) -> bool:
        """False keeps the user here (e.g. they cancelled leaving unsaved changes)."""
        return True

    def on_data_changed(self, changes: Changes) -> None:
        if not changes & self.refresh_on:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if getattr(self, "_stale", True):
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def show_error(self, text: str) -> None:
        """A Persian message in the page's message line and, unless dialogs are off, a box."""
        say_error(self.message, text, self, self.title(), dialogs=not self.ctx.no_dialogs)

    def show_failure(self, exc: BaseException) -> None:
        """A known failure as its message; anything else goes to the crash handler."""
        message = known_message(exc, self.ctx.language)
        if message is None:
            self.ctx.runner.on_error(self, exc)
        else:
            self.show_error(message)
