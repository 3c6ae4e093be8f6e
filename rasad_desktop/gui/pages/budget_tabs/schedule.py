"""Monthly schedule: the twelve communicated targets of one agency's line, an even
spread, and the sum against the amount in force (the service refuses a mismatch)."""

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
from rasad_desktop.gui.models.budget_models import S_AMOUNT, ScheduleModel, column_label
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.gui.style import DONE_STYLE, ERROR_BOLD_STYLE
from rasad_desktop.services.budget import set_schedule
from rasad_desktop.services.budget_admin import agency_assignments, agency_rows, schedule_info

Choice = tuple[int | None, str | None, str | None]  # year, agency code, line key


def line_key(line_code: str, budget_column: str) -> str:
    """The line picker's item data: a string, which QComboBox.findData compares reliably."""
    return f"{line_code}/{budget_column}"


class ScheduleTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self._shown: Choice = (None, None, None)
        self.agency = self.agency_combo()
        self.agency.activated.connect(lambda _: self.agency_changed())
        self.line = QComboBox(self)
        self.line.setObjectName("line")
        self.line.setMinimumWidth(300)
        self.line.activated.connect(lambda _: self.choice_changed())
        self.model = ScheduleModel(self.lang, self)
        self.unit = self.unit_for(self.model)
        self.table = self.grid(self.model, None)
        self.table.paste_handler = self.paste
        self.paster = Paster(self, self.ctx.language, no_dialogs=self.ctx.no_dialogs)
        self.info = QLabel(self)
        self.info.setObjectName("info")
        self.info.setWordWrap(True)
        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("sum")
        self.spread_button = QPushButton(self.tr("Spread evenly"), self)
        self.spread_button.setObjectName("spread")
        self.spread_button.clicked.connect(self.model.spread_evenly)
        self.save_button = QPushButton(self.tr("Save the schedule"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.discard)
        self.remove_button = QPushButton(self.tr("Remove the schedule"), self)
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self.remove)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Agency:"), self))
        top.addWidget(self.agency)
        top.addWidget(QLabel(self.tr("Line:"), self))
        top.addWidget(self.line, 1)
        top.addWidget(QLabel(self.tr("Unit:"), self))
        top.addWidget(self.unit)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.spread_button, self.revert_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sum_label)
        layout.addLayout(buttons)
        self.model.dataChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self._update()

    # ------------------------------------------------------------ choosing
    def load(self) -> None:
        if self.model.is_dirty:
            self.stale = True  # reload once the edits are saved or discarded
            return  # never throw typed amounts away behind the user's back
        agencies = self.read(lambda s, _: agency_rows(s)) or []
        keep = self._shown[1] or (agencies[0].code if agencies else None)
        self.fill_agencies(self.agency, agencies, keep)
        self._fill_lines(self._shown[2])
        self.reload()

    def _fill_lines(self, keep: str | None) -> None:
        year, code = self.year(), self.agency.currentData()
        rows = []
        if year is not None and code is not None:
            rows = self.read(lambda s, _: agency_assignments(s, year, code)) or []
        self.line.clear()
        for r in rows:
            label = f"{fmt.number(r.line_code, self.lang)} — {r.title} ({column_label(r.budget_column, self.lang)})"
            self.line.addItem(label, line_key(r.line_code, r.budget_column))
        if keep is not None and self.line.findData(keep) >= 0:
            self.line.setCurrentIndex(self.line.findData(keep))

    def choice(self) -> Choice:
        return self.year(), self.agency.currentData(), self.line.currentData()

    def select(self, agency_code: str, line_code: str, budget_column: str = "provincial") -> bool:
        """Choose agency and line (as the user would); False if they kept unsaved work."""
        self.ensure_loaded()
        if self.agency.currentData() != agency_code:
            self.agency.setCurrentIndex(self.agency.findData(agency_code))
            if not self.agency_changed():
                return False
        self.line.setCurrentIndex(self.line.findData(line_key(line_code, budget_column)))
        return self.choice_changed()

    def agency_changed(self) -> bool:
        if self.agency.currentData() == self._shown[1]:
            return True
        if not self.keep_or_leave(self.agency, self._shown[1]):
            return False
        self._fill_lines(None)
        self.reload()
        return True

    def choice_changed(self) -> bool:
        if self.choice() == self._shown:
            return True
        if not self.keep_or_leave(self.line, self._shown[2]):
            return False
        self.reload()
        return True

    def reload(self) -> None:
        year, code, line = self._shown = self.choice()
        info = None
        if year is not None and code is not None and line is not None:
            line_code, column = line.split("/")
            info = self.read(lambda s, _: schedule_info(s, year, code, line_code, column))
        self.model.load(info)

    # ------------------------------------------------------------- editing
    def paste(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid() or current.column() != S_AMOUNT:
            return
        months = [str(m) for m in range(1, self.model.rowCount() + 1)]  # no codes: by position only
        said = self.paster.paste(
            months, current.row(), lambda row, text: self.model.setData(self.model.index(row, S_AMOUNT), text))
        if said:
            self.page.show_status(said)

    @property
    def is_dirty(self) -> bool:
        return self.model.is_dirty

    def save(self) -> bool:
        """Save the twelve amounts; the service refuses them unless they add up."""
        if not self.model.is_dirty:
            return True
        errors = self.model.errors()
        if errors:
            row, message = errors[0]
            self.table.setCurrentIndex(self.model.index(row, S_AMOUNT))
            self.page.show_error(self.tr("Nothing was saved: correct the cells marked in red first.") + "\n" + message)
            return False
        year, code, line = self._shown
        if year is None or code is None or line is None:
            return False  # nothing shown, nothing to save
        line_code, column = line.split("/")
        amounts = self.model.amounts()
        done = lambda _: self.tr("The monthly schedule was saved.")  # noqa: E731
        if not self.write(lambda s, actor: set_schedule(s, actor, year, code, line_code, amounts,
                                                        budget_column=column), done):
            return False
        self.model.edits.clear()
        self.reload()
        return True

    def remove(self) -> bool:
        """Drop the communicated schedule: the even share (A × n/12) applies again."""
        year, code, line = self._shown
        if year is None or code is None or line is None or self.model.implied:
            return False
        line_code, column = line.split("/")
        done = lambda _: self.tr("The monthly schedule was removed; the even share applies.")  # noqa: E731
        if not self.write(lambda s, actor: set_schedule(s, actor, year, code, line_code, None,
                                                        budget_column=column), done):
            return False
        self.model.edits.clear()
        self.reload()
        return True

    def discard(self) -> None:
        self.model.discard()

    def _update(self) -> None:
        info, lang = self.model.info, self.lang
        unit = Unit.from_key(self.unit.currentData())
        has_line = info is not None
        self.save_button.setEnabled(self.model.is_dirty)
        self.revert_button.setEnabled(self.model.is_dirty)
        self.spread_button.setEnabled(has_line)
        self.remove_button.setEnabled(has_line and not self.model.implied)
        if info is None:
            self.info.setText(self.tr("This agency has no approved line in this year.") if self.line.count() == 0
                              else "")
            self.sum_label.clear()
            return
        revised = fmt.money(info.revised, unit, lang) if info.revised is not None else self.tr("none")
        text = self.tr("Approved: {0} — revised: {1} — in force: {2} {3}").format(
            fmt.money(info.approved, unit, lang), revised, fmt.money(info.in_force, unit, lang), unit.label(lang))
        if self.model.implied:
            text += "\n" + self.tr("No monthly schedule has been communicated: each month's target is an even "
                                   "twelfth (shown in grey). Type amounts or spread evenly, then save.")
        self.info.setText(text)
        total, in_force = self.model.total(), self.model.in_force
        difference = total - in_force
        self.sum_label.setText(self.tr("Schedule total: {0} — amount in force: {1} — difference: {2} {3}").format(
            fmt.money(total, unit, lang), fmt.money(in_force, unit, lang), fmt.money(difference, unit, lang),
            unit.label(lang)))
        bad = difference != 0 or bool(self.model.errors())
        self.sum_label.setStyleSheet(ERROR_BOLD_STYLE if bad else DONE_STYLE)
