"""What every tab of the Budget page shares: the page it belongs to, loading on demand,
one write path that shows service errors in Persian, and the common pickers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QTableView,
    QWidget,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.operations import ReadOp, Session, WriteOp
from rasad_desktop.gui.widgets.grid import AmountGrid, amount_grid, fit_columns
from rasad_desktop.gui.widgets.searchable_combo import searchable_combo
from rasad_desktop.services.budget_admin import AgencyRow
from rasad_desktop.services.roles import Actor

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage

T = TypeVar("T")


class BudgetTab(QWidget):
    """A tab loads when it is shown after something changed (``stale``); tabs with a grid
    report unsaved work through ``is_dirty`` / ``save`` / ``discard``."""

    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.lang = page.ctx.language
        self.stale = True

    # ------------------------------------------------------------ loading
    def ensure_loaded(self) -> None:
        if self.stale:
            self.stale = False
            self.load()

    def load(self) -> None:
        """Reload what the tab shows (never throwing away unsaved edits)."""

    def year(self) -> int | None:
        return self.page.year()

    # ---------------------------------------------------------- unsaved work
    @property
    def is_dirty(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    def discard(self) -> None:
        """Forget unsaved edits."""

    # ------------------------------------------------------ reading, writing
    def read(self, query: Callable[[Session, Actor], T]) -> T | None:
        """Read what the tab shows next, at once; a failure is told and gives None."""
        return ReadOp(self, self.ctx, query).failure(self.page.show_failure).fetch()

    def write(self, op: Callable[[Session, Actor], T], done: Callable[[T], str]) -> bool:
        """One service call, before the user goes on (quick, and the tab shows its result).
        A refusal shows its Persian message; a bug goes to the crash handler. On success the
        status shows ``done(result)`` and every screen hears the budget changed."""
        return WriteOp(self, self.ctx, op, Changes.BUDGET).failure(self.page.show_failure) \
            .success(lambda result: self.page.show_status(done(result))).run_now()

    def keep_or_leave(self, combo: QComboBox, shown: Any) -> bool:
        """After the user picked something else in ``combo``: True if the tab may show it
        (no unsaved work, or the user saved or discarded it), else ``combo`` goes back."""
        if self.page.can_leave([self]):
            return True
        combo.setCurrentIndex(combo.findData(shown))
        return False

    # ---------------------------------------------------------- widgets
    def unit_combo(self, default: Unit = Unit.RIAL) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("unit")
        for u in Unit:
            combo.addItem(u.label(self.lang), u.key)
        combo.setCurrentIndex(combo.findData(default.key))
        return combo

    def unit_for(self, model: Any, default: Unit = Unit.MILLION) -> QComboBox:
        """A unit selector that drives ``model.set_unit``; the model starts in ``default``."""
        combo = self.unit_combo(default)
        model.unit = default
        combo.activated.connect(lambda _: model.set_unit(Unit.from_key(combo.currentData())))
        return combo

    def agency_combo(self) -> QComboBox:
        return searchable_combo(self, "agency", min_width=320, language=self.ctx.language)

    def fill_agencies(self, combo: QComboBox, agencies: list[AgencyRow], keep: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for a in agencies:
            suffix = "" if a.active else self.tr(" (inactive)")
            combo.addItem(f"{fmt.number(a.code, self.lang)} — {a.name}{suffix}", a.code)
        if keep is not None and combo.findData(keep) >= 0:
            combo.setCurrentIndex(combo.findData(keep))
        combo.blockSignals(False)

    def grid(self, model: Any, stretch: int | None) -> AmountGrid:
        """An editable grid: Enter commits and moves down, Ctrl+V pastes a column."""
        return amount_grid(self, model, stretch, minimum=90)

    def view(self, model: Any, stretch: int) -> QTableView:
        """A read-only table with whole-row selection."""
        table = QTableView(self)
        table.setObjectName("table")
        table.setModel(model)
        table.setAlternatingRowColors(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(table, stretch, minimum=90)
        return table
