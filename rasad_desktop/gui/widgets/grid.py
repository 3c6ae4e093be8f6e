"""The one editable grid of Rasad (data entry, approved amounts, schedules), with its cell
editor's spreadsheet habits: Enter commits and moves down, Ctrl+V pastes, Ctrl+D fills
down, Ctrl+C copies numbers Excel reads as numbers, and moving elsewhere (a click, a save
pointing at a bad cell) commits without moving down."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from rasad_desktop.gui.clipboard import copy_selection

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                 | QAbstractItemView.EditTrigger.EditKeyPressed)


class _CellEditor(QStyledItemDelegate):
    """Tells the grid when an editor was closed with Enter (not by clicking elsewhere)."""

    def __init__(self, grid: AmountGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and cast(QKeyEvent, event).key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.grid.enter_pressed = True
        return super().eventFilter(editor, event)


class AmountGrid(QTableView):
    """Qt closes an editor with SubmitModelCache both for Enter and when the current cell
    changes; only Enter moves down. ``paste_handler`` takes Ctrl+V."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paste_handler: Callable[[], None] | None = None
        self.enter_pressed = False
        self._changing_current = False
        self.setItemDelegate(_CellEditor(self))
        self.setObjectName("grid")
        self.setAlternatingRowColors(True)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.verticalHeader().setVisible(False)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,  # noqa: N802
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        self._changing_current = True
        try:
            super().currentChanged(current, previous)
        finally:
            self._changing_current = False

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        enter, self.enter_pressed = self.enter_pressed, False
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if enter and hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and not self._changing_current:
            self.move_down()

    def move_down(self) -> None:
        current, model = self.currentIndex(), self.model()
        if current.isValid() and current.row() + 1 < model.rowCount():
            below = model.index(current.row() + 1, current.column())
            self.setCurrentIndex(below)
            if model.flags(below) & Qt.ItemFlag.ItemIsEditable:
                self.edit(below)

    def fill_down(self) -> int:
        """Excel's Ctrl+D: the top selected cell's value into the selected cells below it
        (one cell selected: the value above it). Returns how many cells were filled."""
        model = self.model()
        chosen = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        filled = 0
        for column in {i.column() for i in chosen if i.isValid()}:
            rows = sorted(i.row() for i in chosen if i.column() == column)
            source, targets = (rows[0] - 1, rows) if len(rows) == 1 else (rows[0], rows[1:])
            if source < 0:
                continue
            value = model.data(model.index(source, column), Qt.ItemDataRole.EditRole)
            for row in targets:
                target = model.index(row, column)
                if model.flags(target) & Qt.ItemFlag.ItemIsEditable:
                    filled += bool(model.setData(target, value, Qt.ItemDataRole.EditRole))
        return filled

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Paste) and self.paste_handler is not None:
            self.paste_handler()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            copy_selection(self.model(), self.selectionModel().selectedIndexes() or [self.currentIndex()])
            return
        if event.key() == Qt.Key.Key_D and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.fill_down()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
            return
        super().keyPressEvent(event)


def fit_columns(table: QTableView, stretch: int | None, *, minimum: int = 0) -> None:
    """Columns fit their contents; ``stretch`` (a text column) takes the rest."""
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    if minimum:
        header.setMinimumSectionSize(minimum)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def amount_grid(parent: QWidget, model: QAbstractItemModel, stretch: int | None, *, minimum: int = 0) -> AmountGrid:
    grid = AmountGrid(parent)
    grid.setModel(model)
    fit_columns(grid, stretch, minimum=minimum)
    return grid
