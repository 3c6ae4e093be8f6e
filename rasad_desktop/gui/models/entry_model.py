"""The data-entry grid: one agency's lines for one month; "this month" is editable.

A typed amount is kept as typed; it is parsed with the core's parser, and a cell that
does not parse is marked with the Persian message while keeping the text, so nothing
typed is lost and nothing invalid is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import AmountError, Unit, parse_amount
from rasad_desktop.core.metrics import ratio
from rasad_desktop.core.plausibility import Limits, Warning, check
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.signals import emit
from rasad_desktop.services.collections import Entry
from rasad_desktop.services.entry import EntryRow

CODE, TITLE, APPROVED, BEFORE, THIS_MONTH, CUMULATIVE, PERCENT, NOTE = range(8)
NUMERIC = {APPROVED, BEFORE, THIS_MONTH, CUMULATIVE, PERCENT}
INVALID = QColor(palette.INVALID_FILL)
EDITED = QColor(palette.EDITED_FILL)
WARNED = QColor(palette.WARNED_FILL)
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass
class _Edit:
    text: str
    value: int | None  # parsed value (None = cleared)
    error: str = ""


class EntryModel(QAbstractTableModel):
    def __init__(self, language: str = "fa", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.unit = Unit.RIAL
        self.rows: list[EntryRow] = []
        self.edits: dict[int, _Edit] = {}
        self.reasons: dict[int, str] = {}  # row → the reason its warnings are confirmed with (on saving)
        self.read_only = False
        self.limits = Limits()

    # --------------------------------------------------------------- loading
    def load(self, rows: list[EntryRow], *, read_only: bool = False, limits: Limits | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.edits = {}
        self.reasons = {}
        self.read_only = read_only
        self.limits = limits or Limits()
        self.endResetModel()

    def set_unit(self, unit: Unit) -> None:
        self.beginResetModel()
        self.unit = unit
        self.endResetModel()

    def add_line(self, code: str, title: str, budget_column: str = "provincial") -> int:
        """A line the agency collected on without an approved amount; returns its row."""
        for i, r in enumerate(self.rows):
            if r.line_code == code and r.budget_column == budget_column:
                return i
        row = len(self.rows)
        line = EntryRow(code, title, False, budget_column, 0, 0, 0, None, "")
        if not self.rows:  # the totals row comes with the first line
            self.beginResetModel()
            self.rows.append(line)
            self.endResetModel()
            return row
        self.beginInsertRows(QModelIndex(), row, row)  # above the totals
        self.rows.append(line)
        self.endInsertRows()
        return row

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self.rows else len(self.rows) + 1  # the last: the totals

    def is_totals(self, row: int) -> bool:
        return row == len(self.rows) and bool(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Code"), self.tr("Line"), self.tr("Approved"), self.tr("Collected to last month"),
                   self.tr("This month"), self.tr("Cumulative"), self.tr("% of period share"), self.tr("Note"))
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == THIS_MONTH and not self.read_only and not self.is_totals(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def this_month(self, row: int) -> int | None:
        edit = self.edits.get(row)
        if edit is not None and not edit.error:
            return edit.value
        return self.rows[row].this_month

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.is_totals(index.row()):
            return self._totals(index.column(), role)
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, col, row = self.rows[index.row()], index.column(), index.row()
        edit = self.edits.get(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == THIS_MONTH and edit is not None and (edit.error or role == Qt.ItemDataRole.EditRole):
                return edit.text
            return self._display(row, col, editing=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignTrailing if col in NUMERIC else Qt.AlignmentFlag.AlignLeading
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == THIS_MONTH and edit is not None:
            return QBrush(INVALID if edit.error else WARNED if self.warnings(row) else EDITED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == THIS_MONTH and edit is not None and edit.error:
                return edit.error
            if col in (THIS_MONTH, NOTE) and self.warnings(row):
                return "\n".join(w.message(self.language) for w in self.warnings(row))
            if col == TITLE and r.earmarked:
                return self.tr("Earmarked revenue")
        if role == Qt.ItemDataRole.UserRole:  # raw values for tests and sorting
            return {CODE: r.line_code, APPROVED: r.annual, BEFORE: r.before,
                    THIS_MONTH: self.this_month(row)}.get(col)
        return None

    def totals(self) -> dict[int, int]:
        """Σ approved, Σ collected before, Σ this month (as typed), Σ cumulative; and the share."""
        sums = {APPROVED: 0, BEFORE: 0, THIS_MONTH: 0, CUMULATIVE: 0, PERCENT: 0}
        for row, r in enumerate(self.rows):
            this = self.this_month(row) or 0
            sums[APPROVED] += r.annual
            sums[BEFORE] += r.before
            sums[THIS_MONTH] += this
            sums[CUMULATIVE] += r.before + this
            sums[PERCENT] += r.share
        return sums

    def _totals(self, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignTrailing if col in NUMERIC else Qt.AlignmentFlag.AlignLeading
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        sums = self.totals()
        if role == Qt.ItemDataRole.UserRole:
            return sums.get(col) if col != PERCENT else None
        if role != Qt.ItemDataRole.DisplayRole or col in (CODE, NOTE):
            return None
        if col == TITLE:
            return self.tr("Total")
        if col == PERCENT:
            return fmt.percent(ratio(sums[CUMULATIVE], sums[PERCENT]), self.language)
        return fmt.money(sums[col], self.unit, self.language)

    def _display(self, row: int, col: int, *, editing: bool = False) -> str:
        r = self.rows[row]
        lang = self.language
        if col == CODE:
            return fmt.number(r.line_code, lang)
        if col == TITLE:
            return r.title + (self.tr(" (national)") if r.budget_column == "national" else "")
        if col == NOTE:
            warned = self.warnings(row)
            if warned and row not in self.reasons:
                return "⚠ " + warned[0].message(self.language)
            return self.reasons.get(row, r.note if row not in self.edits else "")
        if col == APPROVED:
            return fmt.money(r.annual, self.unit, lang)
        if col == BEFORE:
            return fmt.money(r.before, self.unit, lang)
        this = self.this_month(row)
        if col == THIS_MONTH:
            if this is None:
                return ""
            return fmt.money(this, self.unit, lang) if not editing or self.unit is Unit.RIAL \
                else fmt.exact_money(this, self.unit, lang)
        cumulative = r.before + (this or 0)
        if col == CUMULATIVE:
            return fmt.money(cumulative, self.unit, lang)
        return fmt.percent(ratio(cumulative, r.share), lang)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != THIS_MONTH or self.read_only or index.row() >= len(self.rows):
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        row = index.row()
        text = "" if value is None else str(value)
        original = self.rows[row].this_month
        if not text.strip():
            edit = _Edit(text, None)
        else:
            try:
                edit = _Edit(text, parse_amount(text, self.unit))
            except AmountError as err:
                edit = _Edit(text, None, err.message(self.language))
        if not edit.error and edit.value == original:
            self.edits.pop(row, None)  # typed back to what is saved: nothing to save
        else:
            self.edits[row] = edit
        self.reasons.pop(row, None)  # a new figure needs its own reason
        emit(self.dataChanged, self.index(row, THIS_MONTH), self.index(row, NOTE))
        totals = len(self.rows)
        emit(self.dataChanged, self.index(totals, APPROVED), self.index(totals, PERCENT))
        return True

    # ---------------------------------------------------------------- saving
    @property
    def is_dirty(self) -> bool:
        return bool(self.edits)

    def warnings(self, row: int) -> list[Warning]:
        """The plausibility warnings of a figure typed in ``row`` (none for saved ones)."""
        edit = self.edits.get(row)
        if edit is None or edit.error or edit.value is None:
            return []
        return check(edit.value, self.rows[row].reference, self.limits)

    def warned(self) -> list[tuple[int, list[Warning]]]:
        return [(row, found) for row in sorted(self.edits) if (found := self.warnings(row))]

    def errors(self) -> list[tuple[int, str]]:
        return [(row, e.error) for row, e in sorted(self.edits.items()) if e.error]

    def changed_entries(self) -> list[Entry]:
        return [Entry(self.rows[row].line_code, e.value, self.rows[row].budget_column,
                      self.rows[row].document_ref, self.reasons.get(row, ""))
                for row, e in sorted(self.edits.items()) if not e.error]

    def put(self, row: int, text: str) -> None:
        """A pasted or filled value into "this month" of ``row``."""
        self.setData(self.index(row, THIS_MONTH), text)
