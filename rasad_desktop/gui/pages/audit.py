"""The audit trail (administrator): every write — who, when, what, before → after — newest
first, with filters by user, action, entity and Jalali date range, and a check of the hash
chain that finds a record edited, deleted or added after it was written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCalendar, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.errors import known_message
from rasad_desktop.gui.models.audit_model import AFTER, BEFORE, AuditModel
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import DONE_BOLD_STYLE as INTACT_STYLE
from rasad_desktop.gui.widgets.forms import ERROR_STYLE, latin_edit
from rasad_desktop.services.audit import AuditEntry, FilterChoices, TrailCheck, check_trail, filter_choices, search
from rasad_desktop.services.roles import Permission

LIMIT = 500  # newest entries shown; the filters reach further back
DATE_FORMAT = "yyyy/MM/dd"
FILTER_DELAY_MS = 300  # typing in a filter refreshes once the typing pauses
SHOWN_PROBLEMS = 10


def jalali_date_edit(parent: QWidget, value: QDate, name: str) -> QDateEdit:
    """A date on the Jalali calendar. The field is left to right (right to left, Qt reverses
    its sections to dd/MM/yyyy); the month popup stays right to left."""
    jalali = QCalendar(QCalendar.System.Jalali)
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setCalendar(jalali)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    popup = QCalendarWidget(edit)
    popup.setCalendar(jalali)
    popup.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    edit.setCalendarWidget(popup)
    edit.setDate(value)
    return edit


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())  # proleptic Gregorian, as Python's


def local_midnight_utc(day: dt.date) -> dt.datetime:
    """The start of a local day as the naive UTC time the audit trail stores."""
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC).replace(tzinfo=None)


class AuditPage(Page):
    refresh_on = Changes.ALL  # every write adds to the trail
    permission = Permission.VIEW_AUDIT
    object_name = "audit"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_check: TrailCheck | None = None
        intro = QLabel(self.tr("Every change is recorded here: who made it, when, and the values before and "
                               "after. The records are chained by hash, so a record edited, deleted or added "
                               "afterwards is found by \"Verify the chain\"."), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._build_filters())

        self.model = AuditModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.verify_button = QPushButton(self.tr("Verify the chain"), self)
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(self.tr("Recompute the hash of every record, oldest first, and compare it "
                                              "with the stored one."))
        self.verify_button.clicked.connect(self.verify)
        self.result = QLabel(self)
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.result, 1)
        layout.addLayout(bottom)

    def title(self) -> str:
        return self.tr("Audit trail")

    def _build_filters(self) -> QGroupBox:
        box = QGroupBox(self.tr("Filter"), self)
        box.setObjectName("filters")
        self.user_filter = latin_edit(box, "userFilter")
        self.user_filter.setPlaceholderText(self.tr("any user"))
        self.user_filter.setClearButtonEnabled(True)
        self.action_filter = self._latin_combo(box, "actionFilter", self.tr("any action — e.g. user"))
        self.entity_filter = self._latin_combo(box, "entityFilter", self.tr("any entity"))
        today = QDate.currentDate()
        self.from_check = QCheckBox(self.tr("From"), box)
        self.from_check.setObjectName("fromCheck")
        self.from_date = jalali_date_edit(box, today.addDays(-30), "fromDate")
        self.to_check = QCheckBox(self.tr("to"), box)
        self.to_check.setObjectName("toCheck")
        self.to_date = jalali_date_edit(box, today, "toDate")
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear the filters"), box)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        self.filter_message = QLabel(box)
        self.filter_message.setObjectName("filterMessage")
        self.filter_message.setStyleSheet(ERROR_STYLE)

        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("User:"), box), 0, 0)
        grid.addWidget(self.user_filter, 0, 1)
        grid.addWidget(QLabel(self.tr("Action:"), box), 0, 2)
        grid.addWidget(self.action_filter, 0, 3)
        grid.addWidget(QLabel(self.tr("Entity:"), box), 0, 4)
        grid.addWidget(self.entity_filter, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_date)
        dates.addWidget(self.to_check)
        dates.addWidget(self.to_date)
        dates.addWidget(QLabel(self.tr("(this computer's local dates)"), box))
        dates.addStretch(1)
        dates.addWidget(self.filter_message)
        dates.addWidget(self.clear_button)
        grid.addWidget(QLabel(self.tr("Date:"), box), 1, 0)
        grid.addLayout(dates, 1, 1, 1, 5)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)

        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(FILTER_DELAY_MS)
        self._delay.timeout.connect(self.apply_filters)
        self.user_filter.textChanged.connect(self._filters_changed)
        for combo in (self.action_filter, self.entity_filter):
            combo.currentTextChanged.connect(self._filters_changed)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._filters_changed)
            edit.dateChanged.connect(self._filters_changed)
        return box

    @staticmethod
    def _latin_combo(parent: QWidget, name: str, placeholder: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # action and entity names are Latin: the field and the list read left to right (not the list's
        # window, which stays right to left like every window)
        line = combo.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        combo.view().setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        line.setPlaceholderText(placeholder)
        combo.setMinimumContentsLength(14)
        return combo

    # --------------------------------------------------------------- showing
    def _filters_changed(self, *_: object) -> None:
        self._delay.start()

    def apply_filters(self) -> None:
        self._delay.stop()
        self.refresh()

    def clear_filters(self) -> None:
        for widget in (self.user_filter, self.action_filter, self.entity_filter, self.from_check, self.to_check):
            widget.blockSignals(True)
        self.user_filter.clear()
        self.action_filter.setEditText("")
        self.entity_filter.setEditText("")
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        for widget in (self.user_filter, self.action_filter, self.entity_filter, self.from_check, self.to_check):
            widget.blockSignals(False)
        self.apply_filters()

    def date_range(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The chosen days as [since, until) in stored (UTC) time; the end day is included."""
        first, last = _day(self.from_date.date()), _day(self.to_date.date())
        since = local_midnight_utc(first) if self.from_check.isChecked() else None
        until = local_midnight_utc(last + dt.timedelta(days=1)) if self.to_check.isChecked() else None
        return since, until

    def refresh(self) -> None:
        since, until = self.date_range()
        if since is not None and until is not None and since >= until:
            self.filter_message.setText(self.tr("The start date is after the end date."))
            self.model.load([])
            self._show_count()
            return
        self.filter_message.clear()
        if self.action_filter.count() == 0:
            ReadOp(self, self.ctx, filter_choices).success(self._fill_choices).run_now()
        username, action, entity = (self.user_filter.text(), self.action_filter.currentText(),
                                    self.entity_filter.currentText())
        reading = ReadOp(self, self.ctx, lambda s, actor: search(
            s, actor, username=username, action=action, entity=entity, since=since, until=until, limit=LIMIT))
        reading.success(self._show_rows).run_now()  # at once: a check marks its problems on these rows

    def _show_rows(self, rows: list[AuditEntry]) -> None:
        self.model.load(rows)
        self._show_count()

    def _fill_choices(self, choices: FilterChoices) -> None:
        """The actions (and their families, e.g. "user.") and entities the trail holds."""
        for combo, values in ((self.action_filter, choices.actions), (self.entity_filter, choices.entities)):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.addItems(["", *values])
            combo.setEditText(text)
            combo.blockSignals(False)

    def _show_count(self) -> None:
        n = len(self.model.rows)
        lang = self.ctx.language
        if n == 0:
            self.count.setText(self.tr("No record matches these filters."))
        elif n >= LIMIT:
            self.count.setText(self.tr("The newest {0} records are shown; narrow the filters to reach older "
                                       "ones.").format(fmt.number(n, lang)))
        else:
            self.count.setText(self.tr("{0} records.").format(fmt.number(n, lang)))

    # --------------------------------------------------------------- verifying
    def verify(self) -> None:
        ReadOp(self, self.ctx, check_trail, label=self.tr("Verifying the audit trail…")) \
            .while_busy(lambda busy: self.verify_button.setEnabled(not busy)) \
            .success(self._verified).failure(self._failed).run()

    def _verified(self, check: TrailCheck) -> None:
        self.last_check = check
        count, problems, head = check.checked, check.problems, check.head
        lang = self.ctx.language
        self.refresh()  # show the rows as they are now, marked where the check found a problem
        self.model.set_problems({p.audit_id: p.message(lang) for p in problems})
        if check.intact:
            self.result.setProperty("state", "intact")
            self.result.setStyleSheet(INTACT_STYLE)
            text = self.tr("The audit trail is intact: {0} records checked; none was changed, "
                           "deleted or added afterwards.").format(fmt.number(count, lang))
            text += "\n" + self.tr("The data matches the trail: {0} parts of it (collections, approved amounts, "
                                   "closed months, users, issued reports) compared.").format(
                fmt.number(check.buckets, lang))
            if head is not None:  # Latin digits: it is copied and typed back as it is
                text += "\n" + self.tr("Anchor to write down outside the system (audit verify --anchor checks "
                                        "it later): {0}").format(fmt.isolate(str(head)))
            self.result.setText(text)
            return
        self.result.setProperty("state", "tampered")
        self.result.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        lines = []
        if problems:
            lines.append(self.tr("The audit trail has been tampered with: {0} problems in {1} records checked.")
                         .format(fmt.number(len(problems), lang), fmt.number(count, lang)))
        if check.state:
            lines.append(self.tr("The data was changed outside Rasad: {0} parts differ from what the trail "
                                 "recorded.").format(fmt.number(len(check.state), lang)))
        found = [p.message(lang) for p in problems] + [p.message(lang) for p in check.state]
        lines += [f"• {m}" for m in found[:SHOWN_PROBLEMS]]
        if len(found) > SHOWN_PROBLEMS:
            lines.append(self.tr("…and {0} more.").format(fmt.number(len(found) - SHOWN_PROBLEMS, lang)))
        self.result.setText("\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        message = known_message(exc, self.ctx.language)
        if message is None:
            self.ctx.runner.on_error(self, exc)  # a bug: the crash handler
            return
        self.result.setProperty("state", "error")
        self.result.setStyleSheet(ERROR_STYLE)
        self.result.setText(message)
