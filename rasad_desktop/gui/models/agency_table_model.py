"""Report 1 on screen: agencies ranked by realization of the period share.

A read-only model over the rows of a core ``RankedTable`` (the total row is not a row
here: the dashboard shows it in its cards, so sorting never moves it). Every cell has
its raw value in ``SORT_ROLE`` (numbers as numbers, «—» as −∞) for a
``QSortFilterProxyModel`` with ``setSortRole(SORT_ROLE)``; the background shows the
status band, and reaching the target is good (green), never a warning.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.digits import EM_DASH
from rasad_desktop.core.tables import Row
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.style import STATUS_COLOURS

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's key: agency code (or line code)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's core Status

# the same light fills as the PDF reports (reports/common.py STATUS_FILL)
TEXT_COLUMNS = {"agency", "title", "code"}


class RealizationModel(QAbstractTableModel):
    """Read-only rows of Figures + Metrics; subclasses choose the columns and headers.
    (No tr() here: a translation's context is the class that calls it.)"""

    columns: tuple[str, ...] = ()

    def __init__(self, language: str = "fa", unit: Unit = Unit.MILLION, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.unit = unit
        self.rows: list[Row] = []

    def headers(self) -> dict[str, str]:
        return {}

    def load(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_unit(self, unit: Unit) -> None:
        self.beginResetModel()
        self.unit = unit
        self.endResetModel()

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.headers().get(self.columns[section], "")
            return text if self.columns[section] in TEXT_COLUMNS else two_lines(text)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        row, key = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == SORT_ROLE:
            return sort_value(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeading if key in TEXT_COLUMNS else Qt.AlignmentFlag.AlignTrailing
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATUS_COLOURS.get(row.metrics.status)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and row.metrics.status in STATUS_COLOURS:
            return QBrush(QColor(palette.INK))  # dark text on the light fills, whatever the palette
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == KEY_ROLE:
            return row.key
        if role == STATUS_ROLE:
            return row.metrics.status.value
        return None

    def tooltip(self, row: Row) -> str:
        return f"{fmt.number(row.key, self.language)} — {row.title}\n{row.metrics.status.label(self.language)}"

    def display(self, row: Row, key: str) -> str:
        f, m, lang = row.figures, row.metrics, self.language
        if key == "rank":
            return EM_DASH if row.rank is None else fmt.number(row.rank, lang)
        if key in ("agency", "title"):
            return row.title
        if key == "code":
            return fmt.number(row.key, lang)
        if key in AMOUNTS:
            return fmt.money(getattr(f, AMOUNTS[key]), self.unit, lang)
        return fmt.percent(getattr(m, RATIOS[key]), lang)


AMOUNTS = {"approved": "annual", "share": "share", "collected": "collected", "last": "collected_last"}
RATIOS = {"pct_share": "pct_share", "pct_annual": "pct_annual", "growth": "growth",
          "share_of_total": "share_of_total"}


def two_lines(text: str, longer_than: int = 12) -> str:
    """A long header broken at the space nearest its middle, so number columns stay narrow."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(text) <= longer_than or not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


def sort_value(row: Row, key: str) -> Any:
    """What a column sorts by: numbers for numbers, «—» below every number."""
    if key == "rank":
        return row.rank if row.rank is not None else 1 << 30
    if key in ("agency", "title"):
        return row.title
    if key == "code":
        return row.key
    if key in AMOUNTS:
        return getattr(row.figures, AMOUNTS[key])
    value = getattr(row.metrics, RATIOS[key])
    return float("-inf") if value is None else float(value)


class AgencyTableModel(RealizationModel):
    columns = ("rank", "agency", "approved", "share", "collected", "pct_share", "pct_annual", "last", "growth",
               "share_of_total")

    def headers(self) -> dict[str, str]:
        return {
            "rank": self.tr("Rank"), "agency": self.tr("Agency"), "approved": self.tr("Approved"),
            "share": self.tr("Period share"), "collected": self.tr("Collected"),
            "pct_share": self.tr("% of period share"), "pct_annual": self.tr("% of annual"),
            "last": self.tr("Same period last year"), "growth": self.tr("Growth %"),
            "share_of_total": self.tr("Share of total"),
        }
