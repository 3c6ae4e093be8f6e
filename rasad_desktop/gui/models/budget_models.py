"""The tables of the Budget page: fiscal years, agencies, an agency's approved amounts
(editable), a monthly schedule (editable), period locks and this year beside last year.

The editable grids follow the data-entry grid's conventions: a typed amount is parsed by
the core's parser (Persian, Arabic-Indic or Latin digits, a unit after the number wins);
text that does not parse is kept as typed and marked with the Persian message, so nothing
typed is lost and nothing invalid is saved. Numbers align on the trailing side, text on
the leading side (never AlignRight: it is mirrored in right-to-left layouts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import AmountError, Unit, parse_amount
from rasad_desktop.core.figures import amount_in_force, monthly_targets
from rasad_desktop.core.metrics import growth, ratio
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.base import HeaderedModel, ModelIndex
from rasad_desktop.gui.signals import emit
from rasad_desktop.services.budget_admin import (
    AgencyRow,
    ApprovedChange,
    AssignmentRow,
    LockRow,
    ScheduleInfo,
    YearSummary,
)
from rasad_desktop.services.validate import BUDGET_COLUMNS

INVALID = QColor(palette.INVALID_FILL)
EDITED = QColor(palette.EDITED_FILL)
LOCKED = QColor(palette.ERROR_FILL)
MUTED = QColor(palette.MUTED)
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


def align(numeric: bool) -> int:
    side = Qt.AlignmentFlag.AlignTrailing if numeric else Qt.AlignmentFlag.AlignLeading
    return int(side | Qt.AlignmentFlag.AlignVCenter)


def column_label(budget_column: str, language: str) -> str:
    """ملی / استانی (the services' own labels)."""
    fa, en = BUDGET_COLUMNS[budget_column]
    return en if language == "en" else fa


@dataclass
class Edit:
    text: str
    value: int | None  # parsed value (None = empty)
    error: str = ""


class BudgetTableModel(HeaderedModel):
    """Row count from ``row_count()``; columns and headers from ``headers()``."""

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.row_count()

    def _valid(self, index: ModelIndex) -> bool:
        return index.isValid() and 0 <= index.row() < self.row_count() and 0 <= index.column() < len(self.headers())

    def money(self, rials: int, unit: Unit) -> str:
        return fmt.money(rials, unit, self.language)

    def parse(self, value: Any, unit: Unit, *, required: str = "") -> Edit:
        """A typed amount as an Edit: ``required`` is the message for an empty cell (empty
        is allowed when it is blank); negative amounts are refused."""
        text = "" if value is None else str(value)
        if not text.strip():
            return Edit(text, None, required)
        try:
            parsed = parse_amount(text, unit)
        except AmountError as err:
            return Edit(text, None, err.message(self.language))
        if parsed < 0:
            return Edit(text, None, self.tr("A budget amount cannot be negative."))
        return Edit(text, parsed)


# ------------------------------------------------------------------ fiscal years
Y_YEAR, Y_LINES, Y_ASSIGNMENTS, Y_IN_FORCE, Y_LOCKED, Y_NOTE = range(6)


class ListModel(BudgetTableModel):
    """A read-only table over a list of plain rows, replaced whole by ``load``."""

    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.rows: list[Any] = []

    def load(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)


class YearsModel(ListModel):
    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.rows: list[YearSummary] = []
        self.unit = Unit.BILLION

    def headers(self) -> list[str]:
        return [self.tr("Fiscal year"), self.tr("Classification lines"), self.tr("Approved lines"),
                self.tr("Amount in force ({0})").format(self.unit.label(self.language)), self.tr("Locked months"),
                self.tr("Note")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == DISPLAY:
            lang = self.language
            return {Y_YEAR: fmt.number(r.year, lang), Y_LINES: fmt.number(r.lines, lang),
                    Y_ASSIGNMENTS: fmt.number(r.assignments, lang), Y_IN_FORCE: self.money(r.in_force, self.unit),
                    Y_LOCKED: fmt.number(r.locked_months, lang), Y_NOTE: r.note}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align(col in (Y_LINES, Y_ASSIGNMENTS, Y_IN_FORCE, Y_LOCKED))
        if role == Qt.ItemDataRole.UserRole:
            return r.year
        return None


# ---------------------------------------------------------------------- agencies
G_CODE, G_NAME, G_STATUS = range(3)


class AgenciesModel(ListModel):
    rows: list[AgencyRow]

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Agency"), self.tr("Status")]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.code == code), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == DISPLAY:
            status = self.tr("Active") if r.active else self.tr("Inactive")
            return (fmt.number(r.code, self.language), r.name, status)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align(False)
        if role == Qt.ItemDataRole.ForegroundRole and not r.active:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.UserRole:
            return r.code
        return None


# -------------------------------------------------------------- approved amounts
A_CODE, A_TITLE, A_COLUMN, A_APPROVED, A_REVISED, A_SCHEDULE = range(6)
A_EDITABLE = (A_APPROVED, A_REVISED)


@dataclass(frozen=True)
class ApprovedRow:
    line_code: str
    title: str
    earmarked: bool
    budget_column: str
    approved: int | None  # None only on a line added in the grid and not yet typed
    revised: int | None
    scheduled: bool
    new: bool = False


class ApprovedModel(BudgetTableModel):
    """One agency's lines in one year: approved and revised amounts are editable; lines
    may be added; ``changes()`` gives what the save sends in one transaction."""

    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.unit = Unit.RIAL
        self.rows: list[ApprovedRow] = []
        self.edits: dict[tuple[int, int], Edit] = {}
        self.read_only = False

    def load(self, rows: list[AssignmentRow], *, read_only: bool = False) -> None:
        self.beginResetModel()
        self.rows = [ApprovedRow(r.line_code, r.title, r.earmarked, r.budget_column, r.approved, r.revised,
                                 r.scheduled) for r in rows]
        self.edits = {}
        self.read_only = read_only
        self.endResetModel()

    def set_unit(self, unit: Unit) -> None:
        self.beginResetModel()
        self.unit = unit
        self.endResetModel()

    def add_line(self, code: str, title: str, earmarked: bool = False, budget_column: str = "provincial") -> int:
        """A line the agency has no amount for yet; returns its row (or the row it has)."""
        for i, r in enumerate(self.rows):
            if r.line_code == code and r.budget_column == budget_column:
                return i
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(ApprovedRow(code, title, earmarked, budget_column, None, None, False, new=True))
        self.endInsertRows()
        return row

    # ------------------------------------------------------------- Qt model
    def row_count(self) -> int:
        return len(self.rows)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Line"), self.tr("Column"), self.tr("Approved"),
                self.tr("Revised"), self.tr("Monthly schedule")]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in A_EDITABLE and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def value(self, row: int, col: int) -> int | None:
        """The amount of a cell as it would be saved (typed if valid, else stored)."""
        edit = self.edits.get((row, col))
        if edit is not None and not edit.error:
            return edit.value
        r = self.rows[row]
        return r.approved if col == A_APPROVED else r.revised

    def _missing(self, row: int) -> bool:
        return self.rows[row].new and (row, A_APPROVED) not in self.edits

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        row, col = index.row(), index.column()
        r, edit = self.rows[row], self.edits.get((row, col))
        if role in (DISPLAY, EDIT):
            if col in A_EDITABLE:
                if edit is not None and (edit.error or role == EDIT):
                    return edit.text
                value = self.value(row, col)
                if value is None:
                    return ""
                return fmt.exact_money(value, self.unit, self.language) if role == EDIT else self.money(value, self.unit)
            return self._text(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align(col in A_EDITABLE)
        if role == Qt.ItemDataRole.BackgroundRole:
            if edit is not None and edit.error or col == A_APPROVED and self._missing(row):
                return QBrush(INVALID)
            if edit is not None or r.new:
                return QBrush(EDITED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if edit is not None and edit.error:
                return edit.error
            if col == A_APPROVED and self._missing(row):
                return self.tr("Enter the approved amount of this line.")
            if col == A_REVISED:
                return self.tr("The amount after an amendment; leave empty when there is none.")
            if col == A_TITLE and r.earmarked:
                return self.tr("Earmarked revenue")
        if role == Qt.ItemDataRole.UserRole:  # raw values for tests and sorting
            if col in A_EDITABLE:
                return self.value(row, col)
            return {A_CODE: r.line_code, A_COLUMN: r.budget_column, A_SCHEDULE: r.scheduled}.get(col)
        return None

    def _text(self, r: ApprovedRow, col: int) -> str:
        if col == A_CODE:
            return fmt.number(r.line_code, self.language)
        if col == A_TITLE:
            return r.title + (self.tr(" (earmarked)") if r.earmarked else "")
        if col == A_COLUMN:
            return column_label(r.budget_column, self.language)
        if r.new:
            return self.tr("new line")
        return self.tr("communicated") if r.scheduled else self.tr("even split")

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self._valid(index) or index.column() not in A_EDITABLE or self.read_only or role != EDIT:
            return False
        row, col = index.row(), index.column()
        required = self.tr("Enter the approved amount of this line.") if col == A_APPROVED else ""
        edit = self.parse(value, self.unit, required=required)
        r = self.rows[row]
        original = r.approved if col == A_APPROVED else r.revised
        if not edit.error and edit.value == original and not r.new:
            self.edits.pop((row, col), None)  # typed back to what is saved: nothing to save
        else:
            self.edits[(row, col)] = edit
        emit(self.dataChanged, self.index(row, A_CODE), self.index(row, A_SCHEDULE))
        return True

    # ---------------------------------------------------------------- saving
    @property
    def is_dirty(self) -> bool:
        return bool(self.edits) or any(r.new for r in self.rows)

    def errors(self) -> list[tuple[int, int, str]]:
        """(row, column, message) of every cell that stops the save, top to bottom."""
        found = [(row, col, e.error) for (row, col), e in self.edits.items() if e.error]
        found += [(row, A_APPROVED, self.tr("Enter the approved amount of this line."))
                  for row in range(len(self.rows)) if self._missing(row)]
        return sorted(found)

    def changed_rows(self) -> list[int]:
        return sorted({row for row, _ in self.edits} | {i for i, r in enumerate(self.rows) if r.new})

    def changes(self) -> list[ApprovedChange]:
        out = []
        for row in self.changed_rows():
            r, approved = self.rows[row], self.value(row, A_APPROVED)
            out.append(ApprovedChange(r.line_code, 0 if approved is None else approved,
                                      self.value(row, A_REVISED), r.budget_column))
        return out

    def discard(self) -> None:
        self.beginResetModel()
        self.rows = [r for r in self.rows if not r.new]
        self.edits = {}
        self.endResetModel()

    def totals(self) -> tuple[int, int]:
        """(Σ approved, Σ in force) of the grid as it would be saved."""
        approved = in_force = 0
        for row in range(len(self.rows)):
            a, rev = self.value(row, A_APPROVED) or 0, self.value(row, A_REVISED)
            approved += a
            in_force += amount_in_force(a, rev)
        return approved, in_force


# ---------------------------------------------------------------- the schedule
S_MONTH, S_AMOUNT, S_CUMULATIVE, S_PERCENT = range(4)


class ScheduleModel(BudgetTableModel):
    """Twelve monthly targets of one assignment. Without a communicated schedule the even
    split is shown (greyed) as the starting point; saving sends all twelve amounts."""

    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.unit = Unit.RIAL
        self.info: ScheduleInfo | None = None
        self.base: list[int] = []
        self.edits: dict[int, Edit] = {}

    def load(self, info: ScheduleInfo | None) -> None:
        self.beginResetModel()
        self.info = info
        self.base = [] if info is None else monthly_targets(info.in_force, info.months)
        self.edits = {}
        self.endResetModel()

    def set_unit(self, unit: Unit) -> None:
        self.beginResetModel()
        self.unit = unit
        self.endResetModel()

    @property
    def implied(self) -> bool:
        """No communicated schedule is stored: the grid shows the even split."""
        return self.info is not None and self.info.months is None

    @property
    def in_force(self) -> int:
        return 0 if self.info is None else self.info.in_force

    def row_count(self) -> int:
        return len(self.base)

    def headers(self) -> list[str]:
        return [self.tr("Month"), self.tr("Target"), self.tr("Cumulative"), self.tr("% of the amount in force")]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == S_AMOUNT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def amount(self, month_row: int) -> int:
        edit = self.edits.get(month_row)
        if edit is not None and not edit.error and edit.value is not None:
            return edit.value
        return self.base[month_row]

    def total(self) -> int:
        return sum(self.amount(m) for m in range(len(self.base)))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        row, col = index.row(), index.column()
        edit = self.edits.get(row) if col == S_AMOUNT else None
        if role in (DISPLAY, EDIT):
            if col == S_MONTH:
                return fmt.month(row + 1, self.language)
            if col == S_AMOUNT:
                if edit is not None and (edit.error or role == EDIT):
                    return edit.text
                value = self.amount(row)
                return fmt.exact_money(value, self.unit, self.language) if role == EDIT else self.money(value, self.unit)
            cumulative = sum(self.amount(m) for m in range(row + 1))
            if col == S_CUMULATIVE:
                return self.money(cumulative, self.unit)
            return fmt.percent(ratio(cumulative, self.in_force), self.language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align(col != S_MONTH)
        if role == Qt.ItemDataRole.BackgroundRole and edit is not None:
            return QBrush(INVALID if edit.error else EDITED)
        if role == Qt.ItemDataRole.ForegroundRole and col == S_AMOUNT and edit is None and self.implied:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and col == S_AMOUNT:
            if edit is not None and edit.error:
                return edit.error
            if edit is None and self.implied:
                return self.tr("No communicated schedule: an even twelfth of the amount in force.")
        if role == Qt.ItemDataRole.UserRole and col == S_AMOUNT:
            return self.amount(row)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self._valid(index) or index.column() != S_AMOUNT or role != EDIT:
            return False
        row = index.row()
        edit = self.parse(value, self.unit, required=self.tr("Enter an amount for every month."))
        if not edit.error and edit.value == self.base[row] and not self.implied:
            self.edits.pop(row, None)
        else:
            self.edits[row] = edit
        emit(self.dataChanged, self.index(row, S_AMOUNT), self.index(len(self.base) - 1, S_PERCENT))
        return True

    def spread_evenly(self) -> None:
        """Twelve even shares of the amount in force that add up to it exactly."""
        if self.info is None:
            return
        for row, v in enumerate(monthly_targets(self.in_force)):
            if v == self.base[row] and not self.implied:
                self.edits.pop(row, None)
            else:
                self.edits[row] = Edit(fmt.exact_money(v, self.unit, self.language), v)
        emit(self.dataChanged, self.index(0, S_AMOUNT), self.index(len(self.base) - 1, S_PERCENT))

    @property
    def is_dirty(self) -> bool:
        return bool(self.edits)

    def errors(self) -> list[tuple[int, str]]:
        return [(row, e.error) for row, e in sorted(self.edits.items()) if e.error]

    def amounts(self) -> list[int]:
        return [self.amount(m) for m in range(len(self.base))]

    def discard(self) -> None:
        self.load(self.info)


# ------------------------------------------------------------------ period locks
L_MONTH, L_STATUS, L_BY, L_AT, L_REASON = range(5)


class LocksModel(ListModel):
    rows: list[LockRow]

    def headers(self) -> list[str]:
        return [self.tr("Month"), self.tr("Status"), self.tr("Locked by"), self.tr("Locked on"), self.tr("Reason")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == DISPLAY:
            if col == L_MONTH:
                return fmt.month(r.month, self.language)
            if col == L_STATUS:
                return self.tr("Locked") if r.locked else self.tr("Open")
            if col == L_BY:
                return r.locked_by or ""
            if col == L_AT:
                return fmt.date(r.locked_at, self.language) if r.locked_at else ""
            return r.reason
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align(False)
        if role == Qt.ItemDataRole.BackgroundRole and r.locked:
            return QBrush(LOCKED)
        if role == Qt.ItemDataRole.UserRole:
            return r.month
        return None


# ------------------------------------------------------- this year beside last
C_CODE, C_TITLE, C_LAST, C_THIS, C_CHANGE, C_GROWTH = range(6)
C_NUMERIC = (C_LAST, C_THIS, C_CHANGE, C_GROWTH)


@dataclass(frozen=True)
class ComparisonRow:
    code: str
    title: str
    annual: int  # this year's amount in force
    annual_last: int
    total: bool = False


class ComparisonModel(BudgetTableModel):
    """Read-only: code, title, last year, this year, change, growth %; a total row last."""

    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.unit = Unit.MILLION
        self.year = 0
        self.by = "line"  # or "agency"
        self.rows: list[ComparisonRow] = []

    def load(self, data: dict[str, Any] | None, by: str = "line") -> None:
        """``data`` is ``report_data.comparison(...)``."""
        self.beginResetModel()
        self.by = by
        self.rows = []
        if data is not None:
            self.year = data["year"]
            items = data["lines" if by == "line" else "agencies"]
            self.rows = [ComparisonRow(r["code"], r["title"] if by == "line" else r["name"], r["annual"],
                                       r["annual_last"]) for r in items]
            if self.rows:
                self.rows.append(ComparisonRow("", self.tr("Total"), sum(r.annual for r in self.rows),
                                               sum(r.annual_last for r in self.rows), total=True))
        self.endResetModel()

    def set_unit(self, unit: Unit) -> None:
        self.beginResetModel()
        self.unit = unit
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def headers(self) -> list[str]:
        lang = self.language
        return [self.tr("Code"), self.tr("Line") if self.by == "line" else self.tr("Agency"),
                self.tr("Approved {0}").format(fmt.number(self.year - 1, lang)),
                self.tr("Approved {0}").format(fmt.number(self.year, lang)),
                self.tr("Change"), self.tr("Growth %")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == DISPLAY:
            if col == C_CODE:
                return fmt.number(r.code, self.language)
            if col == C_TITLE:
                return r.title
            if col == C_LAST:
                return self.money(r.annual_last, self.unit)
            if col == C_THIS:
                return self.money(r.annual, self.unit)
            if col == C_CHANGE:
                return self.money(r.annual - r.annual_last, self.unit)
            return fmt.percent(growth(r.annual, r.annual_last), self.language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align(col in C_NUMERIC)
        if role == Qt.ItemDataRole.FontRole and r.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:  # raw values for tests and sorting
            return {C_CODE: r.code, C_TITLE: r.title, C_LAST: r.annual_last, C_THIS: r.annual,
                    C_CHANGE: r.annual - r.annual_last}.get(col)
        return None
