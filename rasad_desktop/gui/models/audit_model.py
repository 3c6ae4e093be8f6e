"""The audit trail table: one row per audit entry, newest first, read-only.

Before and after are JSON: a cell shows on one line what changed (of two records, only the
fields that differ; cut when long), the tooltip shows the record whole and indented. Rows
named by a failed chain check are marked in red."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rasad_desktop.core import palette
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.base import RowsModel
from rasad_desktop.gui.signals import emit
from rasad_desktop.services.audit import AuditEntry, changed_parts

NUMBER, TIME, USER, ACTION, ENTITY, ENTITY_ID, BEFORE, AFTER = range(8)
COLUMNS = 8
CELL_CHARS = 70  # a longer JSON value is cut in its cell; the tooltip has all of it
LRI, PDI = "\u2066", "\u2069"  # JSON reads left to right, also inside a right-to-left table
PROBLEM_BACKGROUND = QColor(palette.INVALID_FILL)
PROBLEM_FOREGROUND = QColor(palette.ERROR)
ModelIndex = QModelIndex | QPersistentModelIndex


def one_line(text: str | None, limit: int = CELL_CHARS) -> str:
    """A JSON value on one line, cut with "…" past ``limit`` characters; "" for none."""
    if text is None:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def full_text(text: str | None) -> str:
    """The JSON value whole, indented (as stored when it is not JSON)."""
    if text is None:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True)
    except ValueError:
        return text


def time_text(entry: AuditEntry, language: str) -> str:
    """Local Jalali date and hh:mm:ss of a stored (naive UTC) time."""
    import datetime as dt

    local = entry.at.replace(tzinfo=dt.UTC).astimezone()
    return f"{fmt.date(local, language)} {fmt.number(local.strftime('%H:%M:%S'), language)}"


class AuditModel(RowsModel):
    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.rows: list[AuditEntry] = []
        self.problem_ids: dict[int, str] = {}  # audit id → what the chain check found there
        self._actions: dict[str, str] | None = None

    def set_problems(self, problems: dict[int, str]) -> None:
        """Mark the rows a chain check named (audit id → message); {} clears the marks."""
        self.problem_ids = dict(problems)
        if self.rows:
            emit(self.dataChanged, self.index(0, 0), self.index(len(self.rows) - 1, COLUMNS - 1),
                 [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole])

    def row_of(self, audit_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == audit_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Entity"),
                self.tr("ID"), self.tr("Before"), self.tr("After"))

    def cell(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == NUMBER:  # numbers line up on their last digit
                return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.BackgroundRole and r.id in self.problem_ids:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and r.id in self.problem_ids:
            return QBrush(PROBLEM_FOREGROUND)
        if role == Qt.ItemDataRole.UserRole:  # the raw value, for tests and sorting
            return (r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.before, r.after)[col]
        return None

    def _display(self, r: AuditEntry, col: int) -> str:
        if col == NUMBER:
            return fmt.number(r.id, self.language)
        if col == TIME:
            return time_text(r, self.language)
        if col == USER:
            return r.username
        if col == ACTION:
            return r.action
        if col == ENTITY:
            return r.entity
        if col == ENTITY_ID:
            return r.entity_id
        before, after = changed_parts(r.before, r.after)
        value = before if col == BEFORE else after
        return f"{LRI}{one_line(value)}{PDI}" if value is not None else ""

    def _tooltip(self, r: AuditEntry, col: int) -> str | None:
        problem = self.problem_ids.get(r.id)
        if col in (BEFORE, AFTER):
            value = full_text(r.before if col == BEFORE else r.after)
            tip = value or None
        elif col == ACTION:
            tip = self.action_labels().get(r.action)
        else:
            tip = None
        if problem:
            return f"{problem}\n\n{tip}" if tip else problem
        return tip

    def action_labels(self) -> dict[str, str]:
        """What each recorded action means, in the interface's language."""
        if self._actions is None:
            self._actions = {
                "agency.create": self.tr("Agency created"),
                "agency.save": self.tr("Agency saved"),
                "approved.set": self.tr("Approved amount set"),
                "collection.bulk_insert": self.tr("Collections loaded in bulk"),
                "collection.delete": self.tr("Collection deleted"),
                "collection.set": self.tr("Collection entered or changed"),
                "demo.load": self.tr("Demo province loaded"),
                "line.create": self.tr("Budget line created"),
                "lines.copy": self.tr("Budget lines copied from another year"),
                "notice.post": self.tr("Notice posted"),
                "office.set": self.tr("Office setting changed"),
                "period.lock": self.tr("Period locked"),
                "period.unlock": self.tr("Period unlocked"),
                "report.issue": self.tr("Report issued"),
                "request.answer": self.tr("Request answered"),
                "request.attachment": self.tr("Attachment added to a request"),
                "request.lookup": self.tr("Request looked up by its code"),
                "request.note": self.tr("Note added to a request"),
                "request.register": self.tr("Request registered"),
                "request.reopen": self.tr("Request reopened"),
                "request.status": self.tr("Request status changed"),
                "schedule.set": self.tr("Monthly schedule set"),
                "user.change_password": self.tr("Password changed"),
                "user.create": self.tr("User created"),
                "user.lock": self.tr("Account locked"),
                "user.lockout": self.tr("Account locked for a while after wrong passwords"),
                "user.reset_password": self.tr("Password reset by the administrator"),
                "user.role": self.tr("Role changed"),
                "user.sign_in": self.tr("Signed in"),
                "user.sign_in_failed": self.tr("Wrong password at sign-in"),
                "user.unlock": self.tr("Account unlocked"),
                "year.create": self.tr("Fiscal year created"),
            }
        return self._actions
