"""Data entry: an agency's figures for one month, saved together in one transaction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.clipboard import Paster
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.unsaved import DISCARD, SAVE, ask_unsaved
from rasad_desktop.gui.models.entry_model import NOTE, THIS_MONTH, TITLE, EntryModel
from rasad_desktop.gui.operations import ReadOp, Session, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import LOCKED_STYLE
from rasad_desktop.gui.widgets.grid import amount_grid
from rasad_desktop.gui.widgets.period_picker import PeriodPicker
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
        self.ask_reason: Callable[[str], str | None] = self._ask_reason
        self._shown: tuple[int | None, int | None, int | None] = (None, None, None)  # what the grid holds
        self._build()
        self._lay_out()
        self._connect()
        self._update_buttons()

    def _build(self) -> None:
        lang = self.ctx.language
        self.period = PeriodPicker(self, lang)
        self.year, self.month, self.agency = self.period.year, self.period.month, self.period.agency_box
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        for u in (Unit.RIAL, Unit.MILLION):
            self.unit.addItem(u.label(lang), u.key)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("save")
        self.add_button = QPushButton(self.tr("Add a line…"), self)
        self.add_button.setObjectName("addLine")
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.sheets = SheetExchange(self.ctx, self, self.year.currentData, self.can_leave, self.status_text,
                                    self._imported)
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("lockLabel")
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(LOCKED_STYLE)
        self.lock_label.hide()
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.model = EntryModel(lang, self)
        self.table = amount_grid(self, self.model, TITLE)
        notes = self.table.horizontalHeader()  # a warning or a reason: elided, whole in the tooltip
        notes.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Interactive)
        notes.resizeSection(NOTE, 220)
        self.table.paste_handler = self.paste
        self.paster = Paster(self, lang, no_dialogs=self.ctx.no_dialogs)
        self._notice = ""  # what the status line says after the next reload (a save's confirmation)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for label, widget in (*self.period.labelled(self.tr("Year:"), self.tr("Month:"), self.tr("Agency:")),
                              (self.tr("Unit:"), self.unit)):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.revert_button, self.add_button, self.sheets.import_button,
                       self.sheets.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        self.add_button.clicked.connect(self.add_line)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for combo in (self.year, self.month, self.agency):
            combo.activated.connect(lambda _: self.select_changed())
        self.period.unknown_agency.connect(lambda typed: self.status.setText(
            self.tr("No agency has the code or name {0}; the agency shown is unchanged.").format(fmt.isolate(typed))))
        self.unit.activated.connect(lambda _: self.model.set_unit(Unit.from_key(self.unit.currentData())))
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

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
        self.period.fill(years, [(a.id, a.code, a.name) for a in agencies.values()])
        self.reload()

    def choice(self) -> tuple[int | None, int | None, int | None]:
        return self.period.choice()

    def select(self, year: int, month: int, agency_id: int) -> bool:
        """Choose year, month and agency (as the user would); False if they cancelled."""
        self.period.set_choice(year, month, agency_id)
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
        self.period.set_choice(*self._shown)

    def reload(self) -> None:
        year, month, agency = self._shown = self.choice()
        if year is None or month is None or agency is None:
            self.model.load([])
            return

        ReadOp(self, self.ctx, lambda s, _: entry_sheet(s, year, month, agency), label=self.tr("Loading…")) \
            .success(self._show_sheet).run()

    def _show_sheet(self, sheet: EntrySheet) -> None:
        self.sheet = sheet
        locked = sheet.locked_by is not None
        closed = sheet.closed is not None
        self.model.load(sheet.rows, read_only=locked or closed, limits=sheet.limits)
        if closed:
            assert sheet.closed is not None
            self.lock_label.setText(sheet.closed[1] if self.ctx.language == "en" else sheet.closed[0])
        elif locked:
            when = fmt.date(sheet.locked_at, self.ctx.language) if sheet.locked_at is not None else ""
            self.lock_label.setText(self.tr("This month was locked by {0} on {1}; its figures can be viewed but "
                                            "not changed.").format(sheet.locked_by, when))
        self.lock_label.setVisible(locked or closed)
        lines = self.tr("{0} lines").format(fmt.number(len(sheet.rows), self.ctx.language))
        self.status.setText(f"{self._notice} · {lines}" if self._notice else lines)
        self._notice = ""
        if sheet.rows and not (locked or closed):
            self.table.setCurrentIndex(self.model.index(0, THIS_MONTH))

    # -------------------------------------------------------------- editing
    def paste(self) -> None:
        current = self.table.currentIndex()
        if self.model.read_only or not self.model.rows:
            return
        start = min(current.row(), len(self.model.rows) - 1) if current.isValid() else 0
        said = self.paster.paste([r.line_code for r in self.model.rows], start, self.model.put)
        if said:
            self.status.setText(said)

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
        if not self._confirm_warnings():
            return False
        year, month, agency_id = self._shown
        entries = self.model.changed_entries()

        def save(session: Session, actor: Actor) -> int:
            assert year is not None and month is not None and agency_id is not None  # a sheet is shown
            return save_month(session, actor, year, month, queries.agencies(session)[agency_id].code, entries,
                              confirm=True)

        # quick (≤ 100 ms) and must finish before the user may leave: on this thread
        return WriteOp(self, self.ctx, save, Changes.COLLECTIONS).success(self._saved).run_now()

    def _confirm_warnings(self) -> bool:
        """Figures with plausibility warnings are saved once the user gives a reason."""
        waiting = [(row, found) for row, found in self.model.warned() if row not in self.model.reasons]
        if not waiting:
            return True
        lang = self.ctx.language
        listed = "\n".join(f"• {fmt.number(self.model.rows[row].line_code, lang)} — {self.model.rows[row].title}: "
                           + " ".join(w.message(lang) for w in found) for row, found in waiting)
        reason = self.ask_reason(self.tr("These figures look unusual:") + "\n" + listed + "\n\n"
                                 + self.tr("If they are right, write why (kept with the figures and in the audit "
                                           "trail):"))
        if not reason or not reason.strip():
            self.status.setText(self.tr("Not saved: the unusual figures were not confirmed."))
            return False
        for row, _found in waiting:
            self.model.reasons[row] = reason.strip()
        return True

    def _ask_reason(self, text: str) -> str | None:
        if self.ctx.no_dialogs:
            return None
        reason, ok = QInputDialog.getText(self, self.tr("Unusual figures"), text)
        return reason if ok else None

    def _saved(self, count: int) -> None:
        self.model.edits.clear()
        self._notice = self.tr("Saved: {0} figures.").format(fmt.number(count, self.ctx.language))
        self.status.setText(self._notice)
        self.reload()  # the confirmation stays on the status line after it

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
