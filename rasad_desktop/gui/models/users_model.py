"""The users table: one row per account, read-only; the page acts on the selected row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rasad_desktop.core import palette
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.base import RowsModel
from rasad_desktop.services.users_view import UserRow

USERNAME, FULL_NAME, ROLE, STATE, MUST_CHANGE, LAST_SIGN_IN = range(6)
COLUMNS = 6
LOCKED_COLOUR = QColor(palette.ERROR)
ModelIndex = QModelIndex | QPersistentModelIndex


class UsersModel(RowsModel):
    def row_of(self, username: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.username == username), -1)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State"),
                self.tr("Must change password"), self.tr("Last sign-in"))

    def cell(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == STATE and r.state != "active":
            return QBrush(LOCKED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and col == STATE and r.state == "lockout":
            return self.tr("Locked for a while after repeated wrong passwords; unlocking or resetting "
                           "the password ends it at once.")
        if role == Qt.ItemDataRole.UserRole:  # the raw value, for tests and sorting
            return {USERNAME: r.username, FULL_NAME: r.full_name, ROLE: r.role.value, STATE: r.state,
                    MUST_CHANGE: r.must_change_password, LAST_SIGN_IN: r.last_login_at}[col]
        return None

    def _display(self, r: UserRow, col: int) -> str:
        lang = self.language
        if col == USERNAME:
            return r.username
        if col == FULL_NAME:
            return r.full_name
        if col == ROLE:
            return r.role.label(lang)
        if col == STATE:
            if r.state == "inactive":
                return self.tr("Inactive")
            if r.state == "locked":
                return self.tr("Locked")
            if r.state == "lockout" and r.locked_until is not None:
                return self.tr("Locked out until {0}").format(fmt.date_time(r.locked_until, lang))
            return self.tr("Active")
        if col == MUST_CHANGE:
            return self.tr("Yes") if r.must_change_password else self.tr("No")
        if r.last_login_at is None:
            return self.tr("Never")
        return fmt.date_time(r.last_login_at, lang)
