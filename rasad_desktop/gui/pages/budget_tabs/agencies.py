"""Agencies: the list; adding, renaming, deactivating (agencies persist across years)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.budget_models import G_NAME, AgenciesModel
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.services.budget import save_agency
from rasad_desktop.services.budget_admin import AgencyRow, agency_rows


class AgenciesTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.model = AgenciesModel(self.lang, self)
        self.table = self.view(self.model, G_NAME)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setMaximumWidth(140)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.new_button = QPushButton(self.tr("New agency"), self)
        self.new_button.setObjectName("newAgency")
        self.save_button = QPushButton(self.tr("Save the agency"), self)
        self.save_button.setObjectName("saveAgency")
        self.toggle_button = QPushButton(self.tr("Deactivate"), self)
        self.toggle_button.setObjectName("toggleActive")
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save_agency)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.name.returnPressed.connect(self.save_agency)

        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Code:"), self))
        form.addWidget(self.code)
        form.addWidget(QLabel(self.tr("Name:"), self))
        form.addWidget(self.name, 1)
        form.addWidget(self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.new()

    def load(self) -> None:
        keep = self.selected()
        self.model.load(self.read(lambda s, _: agency_rows(s)) or [])
        if keep is not None:
            self.select(keep.code)
        else:
            self._update_toggle()

    def selected(self) -> AgencyRow | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self._show(row)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            a = self.model.rows[row]
            self.code.setText(a.code)
            self.code.setReadOnly(True)  # the code names the agency: a new code is a new agency
            self.name.setText(a.name)
            self.active.setChecked(a.active)
        self._update_toggle()

    def _update_toggle(self) -> None:
        a = self.selected()
        self.toggle_button.setEnabled(a is not None)
        self.toggle_button.setText(self.tr("Activate") if a is not None and not a.active else self.tr("Deactivate"))

    def new(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self.code.setReadOnly(False)
        self.code.clear()
        self.name.clear()
        self.active.setChecked(True)
        self._update_toggle()
        self.code.setFocus()

    def save_agency(self) -> bool:
        code, name, active = self.code.text().strip(), self.name.text(), self.active.isChecked()
        done = lambda a: self.tr("Agency {0} was saved.").format(fmt.number(a.code, self.lang))  # noqa: E731
        ok = self.write(lambda s, actor: save_agency(s, actor, code, name, active=active), done)
        if ok:
            self.ensure_loaded()
            self.select(code)
        return ok

    def toggle_active(self) -> bool:
        a = self.selected()
        if a is None:
            return False
        if a.active:
            done = lambda _: self.tr("Agency {0} was deactivated.").format(fmt.number(a.code, self.lang))  # noqa: E731
        else:
            done = lambda _: self.tr("Agency {0} was activated.").format(fmt.number(a.code, self.lang))  # noqa: E731
        ok = self.write(lambda s, actor: save_agency(s, actor, a.code, a.name, active=not a.active), done)
        if ok:
            self.ensure_loaded()
            self.select(a.code)
        return ok
