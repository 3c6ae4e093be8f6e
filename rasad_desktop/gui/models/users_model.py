"""The users table: one row per account, read-only; the page acts on the selected row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rasad_desktop.gui import format as fmt
from rasad_desktop.services.users_view import UserRow

USERNAME, FULL_NAME, ROLE, STATE, MUST_CHANGE, LAST_SIGN_IN = range(6)
COLUMNS = 6
LOCKED_COLOUR = QColor("#9b1c1c")
ModelIndex = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows: list[UserRow] = []

    def load(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, username: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.username == username), -1)

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State"),
                   self.tr("Must change password"), self.tr("Last sign-in"))
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, col = self.rows[index.row()], index.column()
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
