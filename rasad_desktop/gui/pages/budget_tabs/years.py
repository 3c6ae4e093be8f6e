"""Fiscal years: the list, and a new year with the classification of the year before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.models.budget_models import Y_NOTE, YearsModel
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.services.budget_admin import YearSummary, new_year, year_summaries


class YearsTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.summaries: list[YearSummary] = []
        self.model = YearsModel(self.lang, self)
        self.table = self.view(self.model, Y_NOTE)
        self.table.doubleClicked.connect(lambda index: self.page.select_year(self.model.rows[index.row()].year))
        self.new_year = QSpinBox(self)
        self.new_year.setObjectName("newYear")
        self.new_year.setRange(1300, 1500)
        self.new_year.setMaximumWidth(120)
        self.new_year.valueChanged.connect(lambda _: self._update_copy())
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("e.g. the budget law as passed"))
        self.copy = QCheckBox(self)
        self.copy.setObjectName("copyLines")
        self.copy.setChecked(True)
        self.create_button = QPushButton(self.tr("Create the fiscal year"), self)
        self.create_button.setObjectName("createYear")
        self.create_button.clicked.connect(self.create_year)

        box = QGroupBox(self.tr("New fiscal year"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Year:"), self.new_year)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow("", self.copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)

    def load(self) -> None:
        self.summaries = self.read(lambda s, _: year_summaries(s)) or []
        self.model.load(self.summaries)
        years = [s.year for s in self.summaries]
        self.new_year.setValue(max(years) + 1 if years else 1405)
        self._update_copy()

    def copy_source(self) -> int | None:
        """The latest year before the new one: its lines are offered for copying."""
        earlier = [s.year for s in self.summaries if s.year < self.new_year.value() and s.lines]
        return max(earlier) if earlier else None

    def _update_copy(self) -> None:
        source = self.copy_source()
        self.copy.setEnabled(source is not None)
        if source is None:
            self.copy.setText(self.tr("No earlier year has classification lines to copy"))
        else:
            self.copy.setText(self.tr("Copy the classification lines of {0}").format(fmt.number(source, self.lang)))

    def create_year(self) -> bool:
        year = self.new_year.value()
        source = self.copy_source() if self.copy.isEnabled() and self.copy.isChecked() else None
        note = self.note.text()

        def done(copied: int) -> str:
            y = fmt.number(year, self.lang)
            if source is None:
                return self.tr("Fiscal year {0} was created.").format(y)
            return self.tr("Fiscal year {0} was created with {1} classification lines of {2}.").format(
                y, fmt.number(copied, self.lang), fmt.number(source, self.lang))

        ok = self.write(lambda s, actor: new_year(s, actor, year, copy_lines_from=source, note=note), done)
        if ok:
            self.note.clear()
            self.page.select_year(year)
        return ok
