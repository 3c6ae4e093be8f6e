"""The register of requests: one read-only row per request (newest first, as the service
returns them); overdue rows are tinted. The page acts on the selected row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rasad_desktop.core import palette
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.format import ltr
from rasad_desktop.gui.models.base import RowsModel
from rasad_desktop.services.requests import KINDS, STATUSES, RequestView, label

CODE, KIND, SUBJECT, REQUESTER, STATUS, REGISTERED, DUE = range(7)
COLUMNS = 7
OVERDUE_BACKGROUND = QColor(palette.ERROR_FILL)
OVERDUE_TEXT = QColor(palette.ERROR)
ModelIndex = QModelIndex | QPersistentModelIndex


def ltr_digits(text: str, language: str) -> str:
    """A code, a national ID or a mobile (perhaps masked) in the language's digits, kept
    left to right."""
    return ltr(localize_digits(text, "latin" if language == "en" else "fa"))


def code_text(view_or_code: RequestView | str, language: str) -> str:
    """A tracking code as the interface shows it: in groups, in the language's digits,
    safe inside right-to-left text. A string is the stored 13 digits."""
    if isinstance(view_or_code, RequestView):
        return ltr_digits(view_or_code.code_display, language)
    return ltr_digits(TrackingCode.parse(view_or_code).format(), language)


class RequestsModel(RowsModel):
    def __init__(self, language: str = "fa", parent: Any = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(language, parent)
        self.today = today
        self.rows: list[RequestView] = []
        self._today = today()

    def load(self, rows: list[RequestView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._today = self.today()
        self.endResetModel()

    def row_of(self, tracking_code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.tracking_code == tracking_code), -1)

    def is_overdue(self, r: RequestView) -> bool:
        return r.overdue(self._today)

    def overdue_count(self) -> int:
        return sum(1 for r in self.rows if self.is_overdue(r))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Tracking code"), self.tr("Kind"), self.tr("Subject"), self.tr("Requester"),
                self.tr("Status"), self.tr("Registered"), self.tr("Due date"))

    def cell(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        overdue = self.is_overdue(r)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and overdue and col in (STATUS, DUE):
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return self.tr("Overdue: not answered by its due date")
            if col == SUBJECT:
                return r.subject
            return None
        if role == Qt.ItemDataRole.UserRole:  # the raw value, for tests and sorting
            return {CODE: r.tracking_code, KIND: r.kind, SUBJECT: r.subject, REQUESTER: r.requester_name,
                    STATUS: r.status, REGISTERED: r.registered_at, DUE: r.due_date}[col]
        return None

    def _display(self, r: RequestView, col: int) -> str:
        lang = self.language
        if col == CODE:
            return code_text(r, lang)
        if col == KIND:
            return label(KINDS, r.kind, lang)
        if col == SUBJECT:
            return r.subject
        if col == REQUESTER:
            return r.requester_name
        if col == STATUS:
            text = label(STATUSES, r.status, lang)
            return self.tr("{0} (overdue)").format(text) if self.is_overdue(r) else text
        if col == REGISTERED:  # the date: the time is in the detail
            return fmt.date(r.registered_at.replace(tzinfo=dt.UTC).astimezone(), lang)
        return fmt.date(r.due_date, lang)
