"""The table of official holidays on the settings page: due dates skip them. Read by
everyone; each change (``services.holidays``) written at once, by the administrator only —
the services check it too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.jalali import MAX_YEAR, MIN_YEAR, fiscal_month_of
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, Session, WriteOp
from rasad_desktop.gui.style import DONE_STYLE
from rasad_desktop.gui.widgets.forms import say_error
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.services import holidays
from rasad_desktop.services.roles import Actor, Permission

DATE_ROLE = Qt.ItemDataRole.UserRole
T = TypeVar("T")


class OfficeHolidays(QGroupBox):
    """The table of official holidays, which due dates skip. Read by everyone; changed
    (``services.holidays``, each change written at once) by the administrator only — the
    services check it too."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = ctx.can(Permission.MANAGE_SETTINGS)
        self.shown_holidays: list[holidays.HolidayView] = []
        self.setObjectName("officeHolidays")
        self.setTitle(self.tr("Official holidays"))
        self._build()
        self._lay_out()
        self.edit_widgets: list[QWidget] = [self.day, self.holiday_title, self.add_button, self.remove_button,
                                            self.seed_button]
        for widget in self.edit_widgets:
            widget.setEnabled(self.is_admin)
        self.load_holidays()

    def _build(self) -> None:
        self.year = QSpinBox(self)
        self.year.setObjectName("holidayYear")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(fiscal_month_of(dt.date.today())[0])
        self.year.setMaximumWidth(120)
        self.year.valueChanged.connect(lambda _: self.load_holidays())
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("holidays")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Weekday"), self.tr("Title")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.table, 2)  # the title takes the rest
        self.table.setMinimumHeight(180)
        self.day = QLineEdit(self)
        self.day.setObjectName("holidayDate")
        self.day.setPlaceholderText(self.tr("e.g. 1405/04/15"))
        self.day.setMaximumWidth(140)
        self.holiday_title = QLineEdit(self)
        self.holiday_title.setObjectName("holidayTitle")
        self.holiday_title.setMaxLength(200)
        self.holiday_title.setPlaceholderText(self.tr("Title, e.g. Tasua"))
        self.add_button = QPushButton(self.tr("Add holiday"), self)
        self.add_button.setObjectName("addHoliday")
        self.add_button.clicked.connect(self.add_holiday)
        self.holiday_title.returnPressed.connect(self.add_holiday)
        self.remove_button = QPushButton(self.tr("Remove the selected holiday"), self)
        self.remove_button.setObjectName("removeHoliday")
        self.remove_button.clicked.connect(self.remove_selected)
        self.seed_button = QPushButton(self)
        self.seed_button.setObjectName("seedHolidays")
        self.seed_button.clicked.connect(self.seed)
        self.seed_button.setToolTip(self.tr("Nowruz (1–4 Farvardin), 12 and 13 Farvardin, 14 and 15 Khordad, "
                                            "22 Bahman and 29 Esfand"))
        self.holiday_message = QLabel(self)
        self.holiday_message.setObjectName("holidayMessage")
        self.holiday_message.setWordWrap(True)

    def _lay_out(self) -> None:
        lunar = QLabel(self.tr("Religious holidays follow the lunar calendar and move every year: add them "
                               "from that year's official calendar."), self)
        lunar.setWordWrap(True)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Holidays of the year:"), self))
        year_row.addWidget(self.year)
        year_row.addWidget(self.seed_button)
        year_row.addStretch(1)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Date:"), self))
        add_row.addWidget(self.day)
        add_row.addWidget(QLabel(self.tr("Title:"), self))
        add_row.addWidget(self.holiday_title, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.addLayout(year_row)
        column.addWidget(lunar)
        column.addWidget(self.table)
        column.addLayout(add_row)
        column.addWidget(self.holiday_message)

    # --------------------------------------------------------------- reading
    def load_holidays(self) -> None:
        self._year_changed()
        year = self.year.value()
        ReadOp(self, self.ctx, lambda s, _: holidays.list_holidays(s, year)).success(self._show_holidays) \
            .messages_to(self._show_error).run()

    def _year_changed(self) -> None:
        self.seed_button.setText(self.tr("Add the fixed official holidays of {0}").format(
            fmt.number(self.year.value(), self.ctx.language)))

    def _show_holidays(self, listed: list[holidays.HolidayView]) -> None:
        self.shown_holidays = listed
        lang = self.ctx.language
        weekdays = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                    self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        self.table.setRowCount(len(listed))
        for r, h in enumerate(listed):
            date = QTableWidgetItem(fmt.date(h.day, lang))
            date.setData(DATE_ROLE, h.day.isoformat())
            self.table.setItem(r, 0, date)
            self.table.setItem(r, 1, QTableWidgetItem(weekdays[h.day.weekday()]))
            self.table.setItem(r, 2, QTableWidgetItem(h.title))

    # --------------------------------------------------------------- writing
    def add_holiday(self) -> None:
        day, title = self.day.text(), self.holiday_title.text()

        def done(added: holidays.HolidayView) -> None:
            self.day.clear()
            self.holiday_title.clear()
            year = fiscal_month_of(added.day)[0]
            if year != self.year.value():
                self.year.setValue(year)  # show the year the holiday was added to
            self._changed(self.tr("{0} was added as a holiday.").format(
                fmt.date(added.day, self.ctx.language)))

        self._holiday_op(lambda s, actor: holidays.add_holiday(s, actor, day, title)).success(done).run()

    def selected_day(self) -> dt.date | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return dt.date.fromisoformat(item.data(DATE_ROLE)) if item is not None else None

    def remove_selected(self) -> None:
        day = self.selected_day()
        if day is None:
            self._show_error(self.tr("Choose a holiday in the table first."))
            return
        self._holiday_op(lambda s, actor: holidays.remove_holiday(s, actor, day)).success(
            lambda _: self._changed(self.tr("{0} is no longer a holiday.").format(
                fmt.date(day, self.ctx.language)))).run()

    def seed(self) -> None:
        year = self.year.value()

        def done(added: list[holidays.HolidayView]) -> None:
            lang = self.ctx.language
            if added:
                text = self.tr("{0} fixed official holidays of {1} were added; add the religious (lunar) ones "
                               "from the official calendar.").format(fmt.number(len(added), lang),
                                                                     fmt.number(year, lang))
            else:
                text = self.tr("The fixed official holidays of {0} were already in the table.").format(
                    fmt.number(year, lang))
            self._changed(text)

        self._holiday_op(lambda s, actor: holidays.seed_official_holidays(s, actor, year)).success(done).run()

    # --------------------------------------------------------------- helpers
    def _holiday_op(self, op: Callable[[Session, Actor], T]) -> WriteOp[T]:
        return WriteOp(self, self.ctx, op, Changes.HOLIDAYS).messages_to(self._show_error)

    def _changed(self, text: str) -> None:
        """After a write (whose op announces it): reload, then say what was done."""
        self.load_holidays()
        self.holiday_message.setStyleSheet(DONE_STYLE)
        self.holiday_message.setText(text)

    def _show_error(self, text: str) -> None:
        say_error(self.holiday_message, text, self, self.tr("Official holidays"), dialogs=not self.ctx.no_dialogs)
