"""Settings, built from their declarations (``core/settings_schema.py``): a box per group,
an input per declared setting chosen by its type.

Those of this workstation (``settings.json`` in the data folder: the language for
everyone; the default unit and the workstation number for the administrator) come first;
then the office's, kept in the database and the same on every workstation (office and
province, the status thresholds, the signature block with the approver's scan, working
days, response targets, lockout, idle lock, attachments): shown to everyone, changed by
the administrator only. One Save writes this workstation's file and the office's changes
in one audited transaction (``services.office.save_office_settings``); «Undo changes»
shows the stored values again. Below, the table of official holidays (not a setting:
each change is written at once)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.jalali import MAX_YEAR, MIN_YEAR, fiscal_month_of
from rasad_desktop.core.settings_schema import GROUPS, SETTINGS, Group, Kind, Scope, first_problem
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, Session, Task, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.widgets.forms import ERROR_STYLE
from rasad_desktop.gui.widgets.setting_fields import Field, ImageField, make_field
from rasad_desktop.services import holidays, office
from rasad_desktop.services.roles import Actor, Permission

ADMIN_ONLY = Permission.MANAGE_SETTINGS
DONE_STYLE = "color: #1d5e2c;"
# the boxes of each column, in page order (the first column is on the right in Persian)
COLUMNS = {Scope.WORKSTATION: (("interface",), ("workstation",)),
           Scope.OFFICE: (("office", "status", "signature"), ("workdays", "security", "attachments"))}
T = TypeVar("T")


class SettingsPage(Page):
    permission = Permission.VIEW
    refresh_on = Changes.SETTINGS | Changes.OFFICE
    object_name = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.is_admin = ctx.can(ADMIN_ONLY)
        self.loaded_office: dict[str, Any] | None = None  # None until the stored values are shown
        self.choose_image: Callable[[], str] | None = None  # tests replace the file chooser here
        body = QWidget(self)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.fields: dict[str, Field] = {}
        self.groups: dict[str, QGroupBox] = {}
        for setting in SETTINGS:
            if setting.on_page:
                self.fields[setting.key] = make_field(setting, ctx, body, self.show_error)
        for group in GROUPS:
            box = self._group_box(group, body)
            if box is not None:
                self.groups[group.key] = box
        image = self.fields["signature_image"].input
        assert isinstance(image, ImageField)  # the declaration's kind is IMAGE
        self.image = image
        self.image.chooser = self._chooser

        self.admin_note = QLabel(self.tr("Only the system administrator can change the settings other than "
                                         "the language."), body)
        self.admin_note.setObjectName("adminNote")
        self.admin_note.setWordWrap(True)
        self.admin_note.setVisible(not self.is_admin)
        self.holidays = OfficeHolidays(ctx, body)

        column = QVBoxLayout(body)
        column.addWidget(self.admin_note)
        for scope, heading in ((Scope.WORKSTATION, self.tr("Settings of this workstation")),
                               (Scope.OFFICE, self.tr("Settings of the office (the same on every workstation)"))):
            title = QLabel(heading, body)
            title.setObjectName(f"{scope.value}Heading")
            bold = QFont(title.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.1)
            title.setFont(bold)
            column.addWidget(title)
            grid = QGridLayout()
            columns = [list(keys) for keys in COLUMNS[scope]]
            placed = {k for keys in columns for k in keys}
            columns[-1] += [k for k, box in self.groups.items()  # a group declared since: at the end
                            if k not in placed and self.fields_of(k)[0].setting.scope is scope]
            for c, keys in enumerate(columns):
                stack = QVBoxLayout()
                for key in keys:
                    if key in self.groups:
                        stack.addWidget(self.groups[key])
                stack.addStretch(1)
                grid.addLayout(stack, 0, c)
                grid.setColumnStretch(c, 1)
            column.addLayout(grid)
        column.addWidget(self.holidays)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        # what only the administrator may change (the services check it too)
        self.admin_widgets: list[QWidget] = [w for f in self.fields.values() if not f.setting.everyone
                                             for w in f.inputs]
        for f in self.fields.values():
            f.set_enabled(self.may_change(f) and f.setting.scope is Scope.WORKSTATION)
        self.load()

    def title(self) -> str:
        return self.tr("Settings")

    def may_change(self, f: Field) -> bool:
        return f.setting.everyone or self.is_admin

    def fields_of(self, group: str) -> list[Field]:
        return [f for f in self.fields.values() if f.setting.group == group]

    def _group_box(self, group: Group, parent: QWidget) -> QGroupBox | None:
        members = self.fields_of(group.key)
        if not members:
            return None
        lang = self.ctx.language
        box = QGroupBox(group.label(lang), parent)
        box.setObjectName(f"{group.key}Group")
        column = QVBoxLayout(box)
        form = QFormLayout()
        for f in members:
            if f.setting.kind is Kind.BOOL:
                form.addRow(f.input)  # a check box says what it means itself
            else:
                form.addRow(f.setting.label(lang) + ":", f.input)
        column.addLayout(form)
        if group.note(lang):  # below the form, not in it: a wrapped label in a form row was clipped
            note = QLabel(group.note(lang), box)
            note.setWordWrap(True)
            note.setStyleSheet("color: #4a5561;")
            note.setContentsMargins(8, 0, 8, 0)  # Qt wraps Persian a few pixels too wide: keep it inside
            column.addWidget(note)
        return box

    def _chooser(self) -> str:
        return self.choose_image() if self.choose_image is not None else self.image._choose()

    # --------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Settings change only through this page: other data changing must not throw away what
        is being typed here."""

    def on_data_changed(self, changes: Changes) -> None:
        if changes & self.refresh_on:
            self.load()

    def load(self) -> None:
        """Show the stored values: this workstation's at once, the office's once read."""
        for f in self.fields.values():
            if f.setting.scope is Scope.WORKSTATION:
                f.show(self.ctx.settings.get(f.key))
        self.message.clear()
        ReadOp(self, self.ctx, lambda s, _: office.read_settings(s)).success(self._show_office) \
            .messages_to(self.show_error).run()

    def _show_office(self, values: dict[str, Any]) -> None:
        self.loaded_office = dict(values)
        for f in self.fields.values():
            if f.setting.scope is Scope.OFFICE:
                f.show(values[f.key])
                f.set_enabled(self.is_admin)

    # ---------------------------------------------------------------- saving
    def values(self, scope: Scope) -> dict[str, Any]:
        """What the form holds for ``scope``, of the settings this user may change."""
        if scope is Scope.OFFICE and self.loaded_office is None:
            return {}  # not shown yet: nothing the user could have changed
        return {key: f.value() for key, f in self.fields.items()
                if f.setting.scope is scope and self.may_change(f)}

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """This workstation's and the office's settings the form changed."""
        workstation = {k: v for k, v in self.values(Scope.WORKSTATION).items() if v != self.ctx.settings.get(k)}
        loaded = self.loaded_office or {}
        return workstation, {k: v for k, v in self.values(Scope.OFFICE).items() if v != loaded.get(k)}

    def save(self) -> bool:
        workstation, office_changes = self.changes()
        problem = first_problem({**self.values(Scope.WORKSTATION), **(self.loaded_office or {}),
                                 **self.values(Scope.OFFICE)})
        if problem is not None:
            self.show_error(problem.message(self.ctx.language))
            return False
        if not workstation and not office_changes:
            self._done(self.tr("Nothing to save: the settings are unchanged."))
            return True
        if office_changes and not WriteOp(
                self, self.ctx, lambda s, actor: office.save_office_settings(s, actor, office_changes),
                Changes.OFFICE).messages_to(self.show_error).run_now():
            return False  # refused with a message; this workstation's file is not written either
        # the disk is full, the folder is read-only, …: told by the handler
        if workstation and not Task(self, self.ctx, lambda: self.ctx.settings.save_changes(workstation),
                                    changes=Changes.SETTINGS).messages_to(self.show_error).run_now():
            return False
        self._done(self.tr("Saved. The new language takes effect the next time Rasad starts.")
                   if "language" in workstation else self.tr("Saved."))
        return True

    def _done(self, text: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)


# ------------------------------------------------------------------------- holidays
DATE_ROLE = Qt.ItemDataRole.UserRole


class OfficeHolidays(QGroupBox):
    """The table of official holidays, which due dates skip. Read by everyone; changed
    (``services.holidays``, each change written at once) by the administrator only — the
    services check it too."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = ctx.can(ADMIN_ONLY)
        self.shown_holidays: list[holidays.HolidayView] = []
        self.setObjectName("officeHolidays")
        self.setTitle(self.tr("Official holidays"))
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
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
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
        self.holiday_message = QLabel(self)
        self.holiday_message.setObjectName("holidayMessage")
        self.holiday_message.setWordWrap(True)
        column.addWidget(self.holiday_message)
        self.edit_widgets: list[QWidget] = [self.day, self.holiday_title, self.add_button, self.remove_button,
                                            self.seed_button]
        for widget in self.edit_widgets:
            widget.setEnabled(self.is_admin)
        self.load_holidays()

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
        self.holiday_message.setStyleSheet(ERROR_STYLE)
        self.holiday_message.setText(text)
        if not self.ctx.no_dialogs:
            QMessageBox.warning(self, self.tr("Official holidays"), text)
