"""Approved amounts: one agency's lines in the year, approved and revised amounts edited
in a grid (the data-entry conventions) and saved together in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.clipboard import Paster
from rasad_desktop.gui.models.budget_models import A_APPROVED, A_EDITABLE, A_TITLE, ApprovedModel, column_label
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.gui.widgets.searchable_combo import searchable_combo
from rasad_desktop.gui.widgets.sheet_exchange import SheetExchange
from rasad_desktop.services.budget_admin import agency_assignments, agency_rows, row_lines, save_approved_many
from rasad_desktop.services.queries import line_titles


class ApprovedTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self._shown: tuple[int | None, str | None] = (None, None)
        self._titles: dict[str, tuple[str, bool]] = {}
        self.agency = self.agency_combo()
        self.agency.activated.connect(lambda _: self.agency_changed())
        self.model = ApprovedModel(self.lang, self)
        self.unit = self.unit_for(self.model)
        self.table = self.grid(self.model, A_TITLE)
        self.table.paste_handler = self.paste
        self.paster = Paster(self, self.ctx.language, no_dialogs=self.ctx.no_dialogs)
        self.line = searchable_combo(self, "line", min_width=300, language=self.ctx.language)
        self.column = QComboBox(self)
        self.column.setObjectName("column")
        for key in ("provincial", "national"):
            self.column.addItem(column_label(key, self.lang), key)
        self.add_button = QPushButton(self.tr("Add the line"), self)
        self.add_button.setObjectName("addLine")
        self.add_button.clicked.connect(self.add_chosen_line)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.discard)
        self.schedule_button = QPushButton(self.tr("Monthly schedule…"), self)
        self.schedule_button.setObjectName("openSchedule")
        self.schedule_button.clicked.connect(self.open_schedule)
        self.sheets = SheetExchange(self.ctx, self, self.year, lambda: self.page.can_leave([self]),
                                    self.page.show_status, self._imported, dataset="approved")
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._lay_out()
        self.model.dataChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self.model.rowsInserted.connect(lambda *_: self._update())
        self._update()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Agency:"), self))
        top.addWidget(self.agency)
        top.addWidget(QLabel(self.tr("Unit:"), self))
        top.addWidget(self.unit)
        top.addStretch(1)
        add = QHBoxLayout()
        add.addWidget(QLabel(self.tr("Line:"), self))
        add.addWidget(self.line, 1)
        add.addWidget(QLabel(self.tr("Column:"), self))
        add.addWidget(self.column)
        add.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.sheets.import_button)
        buttons.addWidget(self.sheets.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(add)
        layout.addLayout(buttons)

    def _imported(self) -> None:
        self.stale = True
        self.ensure_loaded()

    # ------------------------------------------------------------ choosing
    def load(self) -> None:
        if self.model.is_dirty:
            self.stale = True  # reload once the edits are saved or discarded
            return  # never throw typed amounts away behind the user's back
        year = self.year()
        agencies, lines, self._titles = self.read(lambda s, _: (
            agency_rows(s), row_lines(s, year) if year is not None else [],
            line_titles(s, year) if year is not None else {})) or ([], [], {})
        keep = self._shown[1] or (agencies[0].code if agencies else None)
        self.fill_agencies(self.agency, agencies, keep)
        self.line.clear()
        for code, title in lines:
            self.line.addItem(f"{fmt.number(code, self.lang)} — {title}", code)
        self.line.setCurrentIndex(-1)
        self.reload()

    def choice(self) -> tuple[int | None, str | None]:
        return self.year(), self.agency.currentData()

    def select(self, agency_code: str) -> bool:
        """Choose an agency (as the user would); False if they kept unsaved work."""
        self.ensure_loaded()
        self.agency.setCurrentIndex(self.agency.findData(agency_code))
        return self.agency_changed()

    def agency_changed(self) -> bool:
        if self.choice() == self._shown:
            return True
        if not self.keep_or_leave(self.agency, self._shown[1]):
            return False
        self.reload()
        return True

    def reload(self) -> None:
        year, code = self._shown = self.choice()
        if year is None or code is None:
            self.model.load([])
            return
        self.model.load(self.read(lambda s, _: agency_assignments(s, year, code)) or [])

    # ------------------------------------------------------------- editing
    def add_chosen_line(self) -> None:
        code = self.line.currentData()
        if code is None or self.line.currentText() != self.line.itemText(self.line.currentIndex()):
            self.page.show_error(self.tr("Choose a line of this year's classification from the list."))
            return
        self.add_line(code, self.column.currentData())

    def add_line(self, code: str, budget_column: str = "provincial") -> int:
        """Add a line to the grid (saved with the rest) and start typing its amount."""
        title, earmarked = self._titles.get(code, ("", False))
        row = self.model.add_line(code, title, earmarked, budget_column)
        index = self.model.index(row, A_APPROVED)
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        return row

    def paste(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid() or current.column() not in A_EDITABLE:
            return
        column = current.column()
        said = self.paster.paste([r.line_code for r in self.model.rows], current.row(),
                                 lambda row, text: self.model.setData(self.model.index(row, column), text))
        if said:
            self.page.show_status(said)

    # -------------------------------------------------------------- saving
    @property
    def is_dirty(self) -> bool:
        return self.model.is_dirty

    def save(self) -> bool:
        """Save every changed line in one transaction; False if nothing could be saved."""
        if not self.model.is_dirty:
            return True
        errors = self.model.errors()
        if errors:
            row, col, message = errors[0]
            self.table.setCurrentIndex(self.model.index(row, col))
            self.page.show_error(self.tr("Nothing was saved: correct the cells marked in red first.") + "\n" + message)
            return False
        year, code = self._shown
        if year is None or code is None:
            return False  # nothing shown, nothing to save
        changes = self.model.changes()
        done = lambda n: self.tr("Saved: {0} lines changed.").format(fmt.number(n, self.lang))  # noqa: E731
        if not self.write(lambda s, actor: save_approved_many(s, actor, year, code, changes), done):
            return False
        self.model.edits.clear()
        self.model.discard()  # drops the added rows; the reload brings them back saved
        self.reload()
        return True

    def discard(self) -> None:
        self.model.discard()

    def open_schedule(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows) or self.model.rows[row].new:
            self.page.show_error(self.tr("Choose a saved line of the grid first."))
            return
        r = self.model.rows[row]
        self.page.show_schedule(self._shown[1], r.line_code, r.budget_column)

    def _update(self) -> None:
        dirty = self.model.is_dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        approved, in_force = self.model.totals()
        unit = Unit.from_key(self.unit.currentData())
        self.totals.setText(self.tr("{0} lines — approved: {1} — in force: {2} {3}").format(
            fmt.number(len(self.model.rows), self.lang), fmt.money(approved, unit, self.lang),
            fmt.money(in_force, unit, self.lang), unit.label(self.lang)))

