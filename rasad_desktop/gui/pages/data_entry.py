"""Data entry: an agency's figures for one month, saved together in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.jalali import last_completed_month
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.clipboard import pasted_column
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.unsaved import DISCARD, SAVE, ask_unsaved
from rasad_desktop.gui.models.entry_model import THIS_MONTH, TITLE, EntryModel
from rasad_desktop.gui.operations import ReadOp, Session, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import LOCKED_STYLE
from rasad_desktop.gui.widgets.grid import amount_grid
from rasad_desktop.gui.widgets.sheet_exchange import SheetExchange
from rasad_desktop.services import queries
from rasad_desktop.services.budget import list_years
from rasad_desktop.services.collections import save_month
from rasad_desktop.services.entry import EntrySheet, addable_lines, entry_sheet
from rasad_desktop.services.roles import Actor, Permission


class DataEntryPage(Page):
    refresh_on = Changes.COLLECTIONS | Changes.BUDGET
    permission = Permission.ENTER_COLLECTIONS
    object_name = "dataEntry"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.sheet: EntrySheet | None = None
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        self._shown = (None, None, None)  # the (year, month, agency) the grid holds
        self.year = QComboBox(self)
        self.year.setObjectName("year")
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        for m in range(1, 13):
            self.month.addItem(fmt.month(m, ctx.language), m)
        self.agency = QComboBox(self)
        self.agency.setObjectName("agency")
        self.agency.setEditable(True)
        self.agency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.agency.setMinimumWidth(340)
        self.agency.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.agency.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        for u in (Unit.RIAL, Unit.MILLION):
            self.unit.addItem(u.label(ctx.language), u.key)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("save")
        self.add_button = QPushButton(self.tr("Add a line…"), self)
        self.add_button.setObjectName("addLine")
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.sheets = SheetExchange(ctx, self, self.year.currentData, self.can_leave, self.status_text,
                                    self._imported)
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("lockLabel")
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(LOCKED_STYLE)
        self.lock_label.hide()
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.model = EntryModel(ctx.language, self)
        self.table = amount_grid(self, self.model, TITLE)
        self.table.paste_handler = self.paste

        top = QHBoxLayout()
        for label, widget in ((self.tr("Year:"), self.year), (self.tr("Month:"), self.month),
                              (self.tr("Agency:"), self.agency), (self.tr("Unit:"), self.unit)):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sheets.import_button)
        buttons.addWidget(self.sheets.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        self.add_button.clicked.connect(self.add_line)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.year.activated.connect(lambda _: self.select_changed())
        self.month.activated.connect(lambda _: self.select_changed())
        self.agency.activated.connect(lambda _: self.select_changed())
        self.unit.activated.connect(lambda _: self.model.set_unit(Unit.from_key(self.unit.currentData())))
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Data entry")

    # ------------------------------------------------------------ choosing
    def refresh(self) -> None:
        if self.model.is_dirty:
            return  # never throw typed figures away behind the user's back
        found = ReadOp(self, self.ctx, lambda s, _: (list_years(s), queries.agencies(s))).fetch()
        if found is None:
            return
        years, agencies = found
        keep_year, keep_agency = self.year.currentData(), self.agency.currentData()
        self.year.clear()
        for y in years:
            self.year.addItem(fmt.number(y, self.ctx.language), y)
        self.agency.clear()
        for a in agencies.values():
            self.agency.addItem(f"{fmt.number(a.code, self.ctx.language)} — {a.name}", a.id)
        if keep_year in years:
            self.year.setCurrentIndex(self.year.findData(keep_year))
        elif years:
            last_year, last_month = last_completed_month(dt.date.today())
            year = last_year if last_year in years else years[-1]
            self.year.setCurrentIndex(self.year.findData(year))
            self.month.setCurrentIndex((last_month if year == last_year else 12) - 1)
        if keep_agency is not None and self.agency.findData(keep_agency) >= 0:
            self.agency.setCurrentIndex(self.agency.findData(keep_agency))
        self.reload()

    def choice(self) -> tuple[int | None, int | None, int | None]:
        return self.year.currentData(), self.month.currentData(), self.agency.currentData()

    def select(self, year: int, month: int, agency_id: int) -> bool:
        """Choose year, month and agency (as the user would); False if they cancelled."""
        self.year.setCurrentIndex(self.year.findData(year))
        self.month.setCurrentIndex(self.month.findData(month))
        self.agency.setCurrentIndex(self.agency.findData(agency_id))
        return self.select_changed()

    def select_changed(self) -> bool:
        if self.choice() == self._shown:
            return True
        if not self.can_leave():
            self._restore_choice()
            return False
        self.reload()
        return True

    def _restore_choice(self) -> None:
        year, month, agency = self._shown
        for combo, value in ((self.year, year), (self.month, month), (self.agency, agency)):
            if value is not None:
                combo.setCurrentIndex(combo.findData(value))

    def reload(self) -> None:
        year, month, agency = self.choice()
        self._shown = (year, month, agency)
        if None in (year, month, agency):
            self.model.load([])
            return

        ReadOp(self, self.ctx, lambda s, _: entry_sheet(s, year, month, agency), label=self.tr("Loading…")) \
            .success(self._show_sheet).run()

    def _show_sheet(self, sheet: EntrySheet) -> None:
        self.sheet = sheet
        locked = sheet.locked_by is not None
        self.model.load(sheet.rows, read_only=locked)
        if locked:
            when = fmt.date(sheet.locked_at, self.ctx.language) if sheet.locked_at else ""
            self.lock_label.setText(self.tr("This month was locked by {0} on {1}; its figures can be viewed but "
                                            "not changed.").format(sheet.locked_by, when))
        self.lock_label.setVisible(locked)
        self.status.setText(self.tr("{0} lines").format(fmt.number(len(sheet.rows), self.ctx.language)))
        if sheet.rows and not locked:
            self.table.setCurrentIndex(self.model.index(0, THIS_MONTH))

    # -------------------------------------------------------------- editing
    def paste(self) -> None:
        values = pasted_column()
        current = self.table.currentIndex()
        if not values or self.model.read_only or not current.isValid():
            return
        self.model.paste(current.row(), values)

    def add_line(self) -> None:
        year = self.year.currentData()
        if year is None or self.model.read_only:
            return
        lines = ReadOp(self, self.ctx, lambda s, _: addable_lines(s, year)).fetch() or []
        labels = [f"{fmt.number(c, self.ctx.language)} — {t}" for c, t in lines]
        choice, ok = QInputDialog.getItem(self, self.tr("Add a line"),
                                          self.tr("A line collected without an approved amount:"), labels, 0, False)
        if ok and choice in labels:
            code, title = lines[labels.index(choice)]
            self.add_line_code(code, title)

    def add_line_code(self, code: str, title: str) -> None:
        row = self.model.add_line(code, title)
        index = self.model.index(row, THIS_MONTH)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    # --------------------------------------------------------------- saving
    def save(self) -> bool:
        """Save the whole month in one transaction; False if nothing could be saved."""
        if not self.model.is_dirty or self.sheet is None or self.model.read_only:
            return not self.model.is_dirty
        errors = self.model.errors()
        if errors:
            row, message = errors[0]
            self.table.setCurrentIndex(self.model.index(row, THIS_MONTH))
            self.show_message(self.tr("Nothing was saved: correct the cells marked in red first.") + "\n" + message)
            return False
        year, month, agency_id = self._shown
        entries = self.model.changed_entries()

        def save(session: Session, actor: Actor) -> int:
            code = queries.agencies(session)[agency_id].code  # type: ignore[index]
            return save_month(session, actor, year, month, code, entries)  # type: ignore[arg-type]

        # quick (≤ 100 ms) and must finish before the user may leave: on this thread
        return WriteOp(self, self.ctx, save, Changes.COLLECTIONS).success(self._saved).run_now()

    def _saved(self, count: int) -> None:
        self.model.edits.clear()
        self.status.setText(self.tr("Saved: {0} figures.").format(fmt.number(count, self.ctx.language)))
        self.reload()

    def status_text(self, text: str) -> None:
        self.status.setText(text)

    def _imported(self) -> None:
        self.reload()

    def show_message(self, text: str) -> None:
        self.status.setText(text.splitlines()[0])
        if not self.ctx.no_dialogs:
            QMessageBox.warning(self, self.tr("Data entry"), text)

    def can_leave(self) -> bool:
        if not self.model.is_dirty:
            return True
        answer = self.ask_unsaved()
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.model.edits.clear()
            self._update_buttons()
            return True
        return False

    def _ask_unsaved(self) -> str:
        return ask_unsaved(self, self.tr("The figures of this month have unsaved changes. Save them?"))

    def _update_buttons(self) -> None:
        dirty = self.model.is_dirty
        self.save_button.setEnabled(dirty and not self.model.read_only)
        self.revert_button.setEnabled(dirty)
        self.add_button.setEnabled(not self.model.read_only and self.sheet is not None)
