"""The list of issued reports: number, version, Jalali date, kind, period, issued by.

Rows are plain values read in the session (never the PDF bytes); the page loads a
report's PDF only when it is reopened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from rasad_desktop.core.errors import RasadError
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.format import ltr
from rasad_desktop.gui.models.base import RowsModel
from rasad_desktop.services import report_kinds
from rasad_desktop.services.reporting import IssuedRow

NUMBER, VERSION, DATE, KIND, PERIOD, ISSUED_BY = range(6)
NUMERIC = {VERSION}
ModelIndex = QModelIndex | QPersistentModelIndex




def kind_label(kind: str, language: str = "fa") -> str:
    """The name of a kind of report as the interface shows it (its declared title)."""
    try:
        return report_kinds.kind(kind).title(language)
    except RasadError:  # a kind this version no longer knows: its key
        return kind


class IssuedModel(RowsModel):
    def row_of(self, report_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == report_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Number"), self.tr("Version"), self.tr("Date"), self.tr("Kind"), self.tr("Period"),
                self.tr("Issued by"))

    def cell(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignTrailing if col in NUMERIC else Qt.AlignmentFlag.AlignLeading
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Verification code: {0}").format(ltr(r.verification_code))
        if role == Qt.ItemDataRole.UserRole:  # raw values for tests and sorting
            return {NUMBER: r.number, VERSION: r.version, DATE: r.issued_at.isoformat(), KIND: r.kind,
                    ISSUED_BY: r.issued_by}.get(col, r.id)
        return None

    def _display(self, r: IssuedRow, col: int) -> str:
        lang = self.language
        if col == NUMBER:
            return fmt.number(r.number, lang)
        if col == VERSION:
            return fmt.number(r.version, lang)
        if col == DATE:
            return fmt.date(r.local_issued_at, lang)
        if col == KIND:
            label = kind_label(r.kind, lang)
            return f"{label} ({fmt.number(r.agency, lang)})" if r.agency else label
        if col == PERIOD:
            if r.year is None:
                return ""
            if r.through_month is None:
                return fmt.number(r.year, lang)
            return self.tr("{0}, through {1}").format(fmt.number(r.year, lang), fmt.month(r.through_month, lang))
        return r.issued_by
