"""The lists of the synchronisation page: conflicts kept here, the office's workstations,
and the lines of a package's preview. Rows are the services' plain rows; times are stored
as naive UTC and shown as this computer's local Jalali date and time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from rasad_desktop.core import palette
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.base import RowsModel
from rasad_desktop.services.sync.conflicts import ConflictRow, Side
from rasad_desktop.services.sync.enrolment import WorkstationRow
from rasad_desktop.services.sync.packages import PreviewLine, place

LEADING = int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
TRAILING = int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
MUTED = QColor(palette.MUTED)
ERROR = QColor(palette.ERROR)


def by_at(username: str, at: dt.datetime | None, language: str) -> str:
    """Who, and on the next line when (local Jalali time); the name kept in its own direction."""
    who = fmt.isolate(username) if username else "—"
    return who if at is None else f"{who}\n{fmt.date_time(at, language)}"


# ------------------------------------------------------------------ conflicts
C_FROM, C_WHAT, C_THEIRS, C_THEIRS_BY, C_HERE, C_HERE_BY = range(6)


class ConflictsModel(RowsModel):
    def row_of(self, change_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == change_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("From"), self.tr("What"), self.tr("Its value"), self.tr("By, at"),
                self.tr("Value here"), self.tr("By, at"))

    def cell(self, r: Any, col: int, role: int) -> Any:
        row: ConflictRow = r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEADING
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display(row, col)
            if row.problem:
                text += "\n" + row.problem_text(self.language)
            return text
        if role == Qt.ItemDataRole.ForegroundRole and row.problem and col == C_WHAT:
            return QBrush(ERROR)
        if role == Qt.ItemDataRole.UserRole:  # raw values, for tests
            return {C_FROM: row.origin, C_WHAT: row.kind}.get(col, row.id)
        return None

    def _display(self, r: ConflictRow, col: int) -> str:
        lang = self.language
        en = lang == "en"

        def value(side: Side) -> str:
            return side.value_en if en else side.value_fa

        if col == C_FROM:
            return r.origin_label(lang)
        if col == C_WHAT:
            return r.what_en if en else r.what_fa
        if col == C_THEIRS:
            return value(r.workstation)
        if col == C_THEIRS_BY:
            return by_at(r.workstation.username, r.workstation.at, lang)
        if col == C_HERE:
            return value(r.office)
        return by_at(r.office.username, r.office.at, lang)


# ------------------------------------------------------------------ workstations
W_NUMBER, W_NAME, W_LAST, W_CONFLICTS, W_AGENCIES, W_STATE = range(6)
W_NUMERIC = {W_NUMBER, W_CONFLICTS, W_AGENCIES}


class WorkstationsModel(RowsModel):
    def row_of(self, number: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.number == number), -1)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Name"), self.tr("Last package"), self.tr("Pending conflicts"),
                self.tr("Agencies"), self.tr("State"))

    def cell(self, r: Any, col: int, role: int) -> Any:
        row: WorkstationRow = r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TRAILING if col in W_NUMERIC else LEADING
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.retired:
                return QBrush(MUTED)
            if col == W_CONFLICTS and row.pending_conflicts:
                return QBrush(ERROR)
        if role == Qt.ItemDataRole.ToolTipRole and col == W_NAME:
            return self.tr("Enrolled on {0} by {1}").format(fmt.date_time(row.enrolled_at, self.language),
                                                          fmt.isolate(row.enrolled_by))
        if role == Qt.ItemDataRole.UserRole:
            return {W_NUMBER: row.number, W_NAME: row.name, W_CONFLICTS: row.pending_conflicts,
                    W_AGENCIES: row.owned_agencies, W_STATE: row.retired}.get(col, row.number)
        return None

    def _display(self, r: WorkstationRow, col: int) -> str:
        lang = self.language
        if col == W_NUMBER:
            return fmt.number(r.number, lang)
        if col == W_NAME:
            return r.name
        if col == W_LAST:
            return fmt.date_time(r.last_package_at, lang) if r.last_package_at else self.tr("None yet")
        if col == W_CONFLICTS:
            return fmt.number(r.pending_conflicts, lang)
        if col == W_AGENCIES:
            return fmt.number(r.owned_agencies, lang) if r.owned_agencies else self.tr("Any")
        return self.tr("Retired") if r.retired else self.tr("Active")


# ------------------------------------------------------------------ preview of a package
P_STATUS, P_WHAT, P_VALUE, P_BY = range(4)


class PreviewModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Outcome"), self.tr("What"), self.tr("Value it brings"), self.tr("By"))

    def status_label(self, status: str) -> str:
        return {"applied": self.tr("Applied"), "present": self.tr("Already present"),
                "conflict": self.tr("In conflict"), "withheld": self.tr("Withheld by the office"),
                "held": self.tr("Held")}.get(status, status)

    def cell(self, r: Any, col: int, role: int) -> Any:
        line: PreviewLine = r
        en = self.language == "en"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == P_STATUS:
                return self.status_label(line.status)
            if col == P_WHAT:
                return line.what_en if en else line.what_fa
            if col == P_VALUE:
                return line.value_en if en else line.value_fa
            return f"{fmt.isolate(line.username)} ({place(line.origin, self.language)})"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEADING
        if role == Qt.ItemDataRole.ForegroundRole and col == P_STATUS:
            if line.status == "conflict":
                return QBrush(ERROR)
            if line.status in ("present", "withheld"):
                return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and col in (P_WHAT, P_VALUE):
            return self.cell(r, col, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.UserRole:
            return line.status
        return None
