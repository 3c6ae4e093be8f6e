"""Period locks: the twelve months of the year, each locked (its collections can no
longer change) or open, with who locked it, when and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.budget_models import L_REASON, LocksModel
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.services.budget import set_period_lock
from rasad_desktop.services.budget_admin import period_locks
from rasad_desktop.services.roles import Permission


class LocksTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.model = LocksModel(self.lang, self)
        self.table = self.view(self.model, L_REASON)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. the month's figures were reconciled with the treasury"))
        self.lock_button = QPushButton(self.tr("Lock the month"), self)
        self.lock_button.setObjectName("lock")
        self.lock_button.clicked.connect(lambda: self.set_locked(True))
        self.unlock_button = QPushButton(self.tr("Unlock the month"), self)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.clicked.connect(lambda: self.set_locked(False))
        note = QLabel(self.tr("The collections of a locked month can be viewed but no longer changed."), self)
        note.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Reason:"), self))
        row.addWidget(self.reason, 1)
        row.addWidget(self.lock_button)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._update()

    def load(self) -> None:
        year = self.year()
        keep = self.month()
        rows = []
        if year is not None:
            rows = self.read(lambda s, _: period_locks(s, year)) or []
        self.model.load(rows)
        if keep is not None:
            self.select_month(keep)
        self._update()

    def month(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row].month if 0 <= row < len(self.model.rows) else None

    def select_month(self, month: int) -> None:
        if 1 <= month <= len(self.model.rows):
            self.table.setCurrentIndex(self.model.index(month - 1, 0))

    def set_locked(self, locked: bool) -> bool:
        year, month = self.year(), self.month()
        if year is None or month is None:
            return False
        reason = self.reason.text()
        name = f"{fmt.month(month, self.lang)} {fmt.number(year, self.lang)}"
        if locked:
            done = lambda _: self.tr("{0} was locked.").format(name)  # noqa: E731
        else:
            done = lambda _: self.tr("{0} was unlocked.").format(name)  # noqa: E731
        ok = self.write(lambda s, actor: set_period_lock(s, actor, year, month, locked, reason), done)
        if ok:
            self.reason.clear()
            self.ensure_loaded()
        return ok

    def _update(self) -> None:
        month = self.month()
        allowed = self.ctx.can(Permission.LOCK_PERIODS)
        locked = month is not None and self.model.rows[month - 1].locked
        self.lock_button.setEnabled(allowed and month is not None and not locked)
        self.unlock_button.setEnabled(allowed and locked)
