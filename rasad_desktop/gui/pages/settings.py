"""Settings of this workstation (``settings.json`` in the data folder): the interface language
for everyone; report unit, status thresholds, office, signature block and workstation number
for the administrator only. Below them, the office policies kept in the database and shared
by every workstation (working days, response targets, lockout, idle lock, attachments) and
the table of official holidays: shown to everyone, changed by the administrator only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
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

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.jalali import MAX_YEAR, MIN_YEAR, fiscal_month_of
from rasad_desktop.core.text import normalize
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, Session, Task, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.widgets.forms import ERROR_STYLE
from rasad_desktop.services import holidays, office
from rasad_desktop.services.roles import Actor, Permission

# There is no permission of its own for settings; managing users is the administrator's.
ADMIN_ONLY = Permission.MANAGE_SETTINGS
LANGUAGES = (("fa", "فارسی"), ("en", "English"))  # each language under its own name
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
TEXT_KEYS = ("office_fa", "province_fa", "prepared_by_name", "prepared_by_title", "approved_by_name",
             "approved_by_title")

DONE_STYLE = "color: #1d5e2c;"
T = TypeVar("T")


class SettingsPage(Page):
    permission = Permission.VIEW
    refresh_on = Changes.SETTINGS
    object_name = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.is_admin = ctx.can(ADMIN_ONLY)
        self.choose_image: Callable[[], str] = self._choose_image
        body = QWidget(self)
        self.language = QComboBox(body)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        language_note = QLabel(self.tr("A new language takes effect the next time Rasad starts."), body)
        language_note.setWordWrap(True)
        self.unit = QComboBox(body)
        self.unit.setObjectName("defaultUnit")
        for unit in Unit:
            self.unit.addItem(unit.label(ctx.language), unit.key)
        self.good = self._percent_box(body, "statusGood")
        self.watch = self._percent_box(body, "statusWatch")
        self.texts: dict[str, QLineEdit] = {}
        for key in TEXT_KEYS:
            edit = QLineEdit(body)
            edit.setObjectName(key)
            edit.setMaxLength(200)
            self.texts[key] = edit
        self.workstation = QSpinBox(body)
        self.workstation.setObjectName("workstation")
        self.workstation.setRange(1, 99)
        self.signature = QLineEdit(body)
        self.signature.setObjectName("signatureImage")
        self.signature.setReadOnly(True)
        self.signature.setPlaceholderText(self.tr("No signature image"))
        self.choose_button = QPushButton(self.tr("Choose…"), body)
        self.choose_button.setObjectName("chooseSignature")
        self.clear_button = QPushButton(self.tr("Remove"), body)
        self.clear_button.setObjectName("clearSignature")
        self.choose_button.clicked.connect(self.pick_signature)
        self.clear_button.clicked.connect(self.signature.clear)

        interface = QGroupBox(self.tr("Interface"), body)
        form = QFormLayout(interface)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(language_note)
        reports = QGroupBox(self.tr("Reports and tables"), body)
        form = QFormLayout(reports)
        form.addRow(self.tr("Default unit:"), self.unit)
        form.addRow(self.tr("“Good” at or above (% of the period share):"), self.good)
        form.addRow(self.tr("“Needs follow-up” at or above (% of the period share):"), self.watch)
        form.addRow(QLabel(self.tr("Below that, an agency is “lagging”."), reports))
        office = QGroupBox(self.tr("Office"), body)
        form = QFormLayout(office)
        form.addRow(self.tr("Office name:"), self.texts["office_fa"])
        form.addRow(self.tr("Province:"), self.texts["province_fa"])
        form.addRow(self.tr("Workstation number (for tracking codes):"), self.workstation)
        signature = QGroupBox(self.tr("Signature block of reports"), body)
        form = QFormLayout(signature)
        form.addRow(self.tr("Prepared by (name):"), self.texts["prepared_by_name"])
        form.addRow(self.tr("Prepared by (title):"), self.texts["prepared_by_title"])
        form.addRow(self.tr("Approved by (name):"), self.texts["approved_by_name"])
        form.addRow(self.tr("Approved by (title):"), self.texts["approved_by_title"])
        image_row = QHBoxLayout()
        image_row.addWidget(self.signature, 1)
        image_row.addWidget(self.choose_button)
        image_row.addWidget(self.clear_button)
        form.addRow(self.tr("Scanned signature of the approver (PNG or JPEG):"), image_row)

        for narrow, width in ((self.language, 220), (self.unit, 220), (self.good, 120), (self.watch, 120),
                              (self.workstation, 120)):
            narrow.setMaximumWidth(width)  # short values: beside their labels, not across the page
        self.admin_widgets: list[QWidget] = [self.unit, self.good, self.watch, self.workstation, self.signature,
                                             self.choose_button, self.clear_button, *self.texts.values()]
        for widget in self.admin_widgets:
            widget.setEnabled(self.is_admin)
        self.policies = OfficePolicies(ctx, body)
        self.admin_widgets += self.policies.edit_widgets
        self.admin_note = QLabel(self.tr("Only the system administrator can change the settings other than "
                                         "the language."), body)
        self.admin_note.setObjectName("adminNote")
        self.admin_note.setWordWrap(True)
        self.admin_note.setVisible(not self.is_admin)

        column = QVBoxLayout(body)
        column.addWidget(self.admin_note)
        for group in (interface, reports, office, signature, self.policies):
            column.addWidget(group)
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
        self.revert_button.clicked.connect(self.policies.load)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.load()

    def title(self) -> str:
        return self.tr("Settings")

    @staticmethod
    def _percent_box(parent: QWidget, name: str) -> QSpinBox:
        box = QSpinBox(parent)
        box.setObjectName(name)
        box.setRange(0, 999)
        box.setSuffix(" ٪")
        return box

    # --------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Settings change only through this page: other data changing must not throw away what
        is being typed here."""

    def on_data_changed(self, changes: Changes) -> None:
        if changes & self.refresh_on:
            self.load()

    def load(self) -> None:
        s = self.ctx.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.get("language"))))
        self.unit.setCurrentIndex(max(0, self.unit.findData(s.get("default_unit"))))
        self.good.setValue(s.get("status_good"))
        self.watch.setValue(s.get("status_watch"))
        for key, edit in self.texts.items():
            edit.setText(s.get(key))
        self.workstation.setValue(s.get("workstation"))
        self.signature.setText(s.get("signature_image"))
        self.message.clear()

    # ---------------------------------------------------------------- saving
    def values(self) -> dict[str, Any]:
        """What the form holds, as settings; the administrator's fields only for the administrator."""
        values: dict[str, Any] = {"language": self.language.currentData()}
        if self.is_admin:
            values.update({
                "default_unit": self.unit.currentData(),
                "status_good": self.good.value(),
                "status_watch": self.watch.value(),
                "workstation": self.workstation.value(),
                "signature_image": self.signature.text().strip(),
                **{key: normalize(edit.text()) for key, edit in self.texts.items()},
            })
        return values

    def problem(self, values: dict[str, Any]) -> str | None:
        """A Persian message for the first invalid value, or None."""
        if not self.is_admin:
            return None
        if values["status_watch"] > values["status_good"]:
            return self.tr("The “needs follow-up” threshold cannot be above the “good” threshold.")
        if not values["office_fa"]:
            return self.tr("Enter the office name; it is printed on every report.")
        if not values["province_fa"]:
            return self.tr("Enter the province name.")
        if not 1 <= values["workstation"] <= 99:
            return self.tr("The workstation number must be between 1 and 99.")
        image = values["signature_image"]
        if image:
            if Path(image).suffix.lower() not in IMAGE_SUFFIXES:
                return self.tr("The signature image must be a PNG or JPEG file.")
            if not Path(image).is_file():
                return self.tr("The signature image was not found: {0}").format(image)
        return None

    def save(self) -> bool:
        values = self.values()
        problem = self.problem(values)
        if problem is not None:
            self.show_error(problem)
            return False
        language_changed = values["language"] != self.ctx.settings.get("language")
        policies_changed = self.is_admin and bool(self.policies.changes())
        for key, value in values.items():
            self.ctx.settings.set(key, value)
        # the disk is full, the folder is read-only, …: told by the handler
        if not Task(self, self.ctx, self.ctx.settings.save, changes=Changes.SETTINGS).run_now():
            return False
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(self.tr("Saved. The new language takes effect the next time Rasad starts.")
                             if language_changed else self.tr("Saved."))
        if policies_changed:  # one Save keeps everything the form shows
            self.policies.save()
        return True

    # ------------------------------------------------------- signature image
    def pick_signature(self) -> None:
        path = self.choose_image()
        if path:
            self.signature.setText(path)

    def _choose_image(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scanned signature"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        return path


# ----------------------------------------------------------------------- office policies
NUMBER_POLICIES = ("response_days_request", "response_days_complaint", "response_days_suggestion",
                   "lockout_attempts", "lockout_minutes", "idle_lock_minutes", "attachment_max_mb")
LIMITS = {p.key: (p.low, p.high) for p in office.POLICIES}
DATE_ROLE = Qt.ItemDataRole.UserRole


class OfficePolicies(QGroupBox):
    """The policies every workstation on the database applies, and the holiday table.
    Read by everyone; saved (``services.office.set_policy``) and the holidays changed
    (``services.holidays``) by the administrator only — the services check it too."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = ctx.can(ADMIN_ONLY)
        self.loaded: dict[str, Any] = {}
        self.shown_holidays: list[holidays.HolidayView] = []
        self.setObjectName("officePolicies")
        self.setTitle(self.tr("Office policies (for every workstation)"))
        self.thursday_off = QCheckBox(self.tr("Thursdays are days off"), self)
        self.thursday_off.setObjectName("thursday_off")
        self.numbers: dict[str, QSpinBox] = {}
        for key in NUMBER_POLICIES:
            spin = QSpinBox(self)
            spin.setObjectName(key)
            spin.setRange(*LIMITS[key])
            spin.setMaximumWidth(120)
            self.numbers[key] = spin
        self.save_button = QPushButton(self.tr("Save office policies"), self)
        self.save_button.setObjectName("savePolicies")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setObjectName("policyMessage")
        self.message.setWordWrap(True)

        note = QLabel(self.tr("These policies are kept in the database and apply on every workstation. Due "
                              "dates count working days: Saturday to Wednesday, Thursday unless it is a day "
                              "off, never Friday or a holiday in the table below. A change applies to requests "
                              "registered afterwards."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(note)
        form.addRow(self.tr("Working week:"), self.thursday_off)
        form.addRow(self.tr("Response target for a request (working days):"), self.numbers["response_days_request"])
        form.addRow(self.tr("Response target for a complaint (working days):"),
                    self.numbers["response_days_complaint"])
        form.addRow(self.tr("Response target for a suggestion (working days):"),
                    self.numbers["response_days_suggestion"])
        form.addRow(self.tr("Wrong passwords before a temporary lock:"), self.numbers["lockout_attempts"])
        form.addRow(self.tr("Temporary lock (minutes):"), self.numbers["lockout_minutes"])
        form.addRow(self.tr("Lock the screen after this many idle minutes:"), self.numbers["idle_lock_minutes"])
        form.addRow(self.tr("Largest attachment (MB):"), self.numbers["attachment_max_mb"])
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.message, 1)
        form.addRow(save_row)

        # ------------------------------------------------------------ holidays
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
        holiday_box = QGroupBox(self.tr("Official holidays"), self)
        column = QVBoxLayout(holiday_box)
        column.addLayout(year_row)
        column.addWidget(lunar)
        column.addWidget(self.table)
        column.addLayout(add_row)
        self.holiday_message = QLabel(self)
        self.holiday_message.setObjectName("holidayMessage")
        self.holiday_message.setWordWrap(True)
        column.addWidget(self.holiday_message)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(holiday_box)
        self.edit_widgets: list[QWidget] = [self.thursday_off, *self.numbers.values(), self.save_button, self.day,
                                            self.holiday_title, self.add_button, self.remove_button, self.seed_button]
        for widget in self.edit_widgets:
            widget.setEnabled(self.is_admin)
        self.save_button.setEnabled(False)  # until the stored values are shown
        self._year_changed()
        self.load()

    # --------------------------------------------------------------- reading
    def load(self) -> None:
        year = self.year.value()
        ReadOp(self, self.ctx, lambda s, _: (office.get_all(s), holidays.list_holidays(s, year))) \
            .success(self._show).messages_to(lambda text: self._show_error(self.message, text)).run()

    def load_holidays(self) -> None:
        self._year_changed()
        year = self.year.value()
        ReadOp(self, self.ctx, lambda s, _: holidays.list_holidays(s, year)).success(self._show_holidays) \
            .messages_to(lambda text: self._show_error(self.holiday_message, text)).run()

    def _year_changed(self) -> None:
        self.seed_button.setText(self.tr("Add the fixed official holidays of {0}").format(
            fmt.number(self.year.value(), self.ctx.language)))

    def _show(self, loaded: tuple[dict[str, Any], list[holidays.HolidayView]]) -> None:
        values, listed = loaded
        self.loaded = dict(values)
        self.save_button.setEnabled(self.is_admin)
        self.thursday_off.setChecked(bool(values["thursday_off"]))
        for key, spin in self.numbers.items():
            spin.setValue(values[key])
        self._show_holidays(listed)

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

    def values(self) -> dict[str, Any]:
        return {"thursday_off": self.thursday_off.isChecked(),
                **{key: spin.value() for key, spin in self.numbers.items()}}

    # --------------------------------------------------------------- writing
    def changes(self) -> dict[str, Any]:
        """The policies the form holds that differ from the stored ones."""
        if not self.loaded:
            return {}  # not shown yet: nothing the user could have changed
        return {k: v for k, v in self.values().items() if self.loaded.get(k) != v}

    def save(self) -> None:
        changed = self.changes()
        if not changed:
            self._done(self.message, self.tr("Nothing to save: the policies are unchanged."))
            return

        def work(session: Session, actor: Actor) -> None:
            for key, value in changed.items():
                office.set_policy(session, actor, key, value)

        WriteOp(self, self.ctx, work, Changes.OFFICE) \
            .success(lambda _: self._changed(Changes.OFFICE, self.tr("The office policies were saved."))) \
            .messages_to(lambda text: self._show_error(self.message, text)).run()

    def add_holiday(self) -> None:
        day, title = self.day.text(), self.holiday_title.text()

        def done(added: holidays.HolidayView) -> None:
            self.day.clear()
            self.holiday_title.clear()
            year = fiscal_month_of(added.day)[0]
            if year != self.year.value():
                self.year.setValue(year)  # show the year the holiday was added to
            self._changed(Changes.HOLIDAYS, self.tr("{0} was added as a holiday.").format(
                fmt.date(added.day, self.ctx.language)))

        self._holiday_op(lambda s, actor: holidays.add_holiday(s, actor, day, title)).success(done).run()

    def selected_day(self) -> dt.date | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return dt.date.fromisoformat(self.table.item(rows[0].row(), 0).data(DATE_ROLE))

    def remove_selected(self) -> None:
        day = self.selected_day()
        if day is None:
            self._show_error(self.holiday_message, self.tr("Choose a holiday in the table first."))
            return
        self._holiday_op(lambda s, actor: holidays.remove_holiday(s, actor, day)).success(
            lambda _: self._changed(Changes.HOLIDAYS, self.tr("{0} is no longer a holiday.").format(
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
            self._changed(Changes.HOLIDAYS, text)

        self._holiday_op(lambda s, actor: holidays.seed_official_holidays(s, actor, year)).success(done).run()

    # --------------------------------------------------------------- helpers
    def _holiday_op(self, op: Callable[[Session, Actor], T]) -> WriteOp[T]:
        return WriteOp(self, self.ctx, op, Changes.HOLIDAYS).messages_to(
            lambda text: self._show_error(self.holiday_message, text))

    def _changed(self, what: Changes, text: str) -> None:
        """After a write (whose op announces it): reload, then say what was done."""
        if what == Changes.OFFICE:
            self.load()
        else:
            self.load_holidays()
        self._done(self.message if what == Changes.OFFICE else self.holiday_message, text)

    @staticmethod
    def _done(label: QLabel, text: str) -> None:
        label.setStyleSheet(DONE_STYLE)
        label.setText(text)

    def _show_error(self, label: QLabel, text: str) -> None:
        label.setStyleSheet(ERROR_STYLE)
        label.setText(text)
        if not self.ctx.no_dialogs:
            QMessageBox.warning(self, self.tr("Office policies"), text)
