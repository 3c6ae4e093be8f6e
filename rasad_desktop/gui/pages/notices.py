"""Notices: what is in force and what is coming (maintenance is announced in advance); the
administrator posts a notice with a time window chosen on the Jalali calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCalendar, QDateTime, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.clock import utcnow
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import DONE_STYLE
from rasad_desktop.services.notices import post_notice, upcoming_notices
from rasad_desktop.services.roles import Permission

STATE, KIND, TITLE, TEXT, STARTS, ENDS = range(6)
DATE_TIME_FORMAT = "yyyy/MM/dd HH:mm"



@dataclass(frozen=True)
class NoticeRow:
    kind: str
    title: str
    body: str
    starts_at: dt.datetime  # naive UTC
    ends_at: dt.datetime  # naive UTC
    in_force: bool


def to_utc(value: QDateTime) -> dt.datetime:
    """A date and time picked in local time as the naive UTC datetime the services store."""
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC).replace(tzinfo=None)


def jalali_date_time_edit(parent: QWidget, value: QDateTime) -> QDateTimeEdit:
    """A date and time on the Jalali calendar. The field itself is left to right: right to left,
    Qt reverses its sections (``mm:HH dd/MM/yyyy``), which reads wrongly; ۱۴۰۵/۰۹/۰۴ ۱۶:۰۰ then
    looks as dates look everywhere else. The month popup stays right to left."""
    jalali = QCalendar(QCalendar.System.Jalali)
    edit = QDateTimeEdit(parent)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setCalendar(jalali)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setCalendarPopup(True)
    popup = QCalendarWidget(edit)
    popup.setCalendar(jalali)
    popup.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    edit.setCalendarWidget(popup)
    edit.setDateTime(value)
    return edit


class NoticesPage(Page):
    refresh_on = Changes.NOTICES
    permission = Permission.VIEW
    object_name = "notices"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[NoticeRow] = []
        intro = QLabel(self.tr("Notices in force and upcoming. Maintenance that makes Rasad unavailable is "
                               "announced here in advance; a notice in force also shows at the top of the "
                               "window."), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("noticesTable")
        self.table.setHorizontalHeaderLabels([self.tr("State"), self.tr("Kind"), self.tr("Title"), self.tr("Text"),
                                              self.tr("From"), self.tr("To")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("There is no notice in force or upcoming."), self)
        self.empty.setObjectName("empty")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.form: QGroupBox | None = None
        if ctx.can(Permission.POST_NOTICES):
            self.form = self._build_form()
            layout.addWidget(self.form)
        self._timer = QTimer(self)  # an upcoming notice comes into force, one in force ends
        self._timer.timeout.connect(lambda: self.refresh() if self.isVisible() else None)
        self._timer.start(60_000)

    def title(self) -> str:
        return self.tr("Notices")

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Post a notice"), self)
        box.setObjectName("postForm")
        self.kind = QComboBox(box)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Maintenance"), "maintenance")
        self.kind.addItem(self.tr("Information"), "info")
        self.notice_title = QLineEdit(box)
        self.notice_title.setObjectName("noticeTitle")
        self.notice_title.setMaxLength(200)
        self.body = QPlainTextEdit(box)
        self.body.setObjectName("noticeText")
        self.body.setMaximumHeight(90)
        now = QDateTime.currentDateTime()
        next_hour = QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600)
        self.starts = jalali_date_time_edit(box, next_hour)
        self.starts.setObjectName("startsAt")
        self.ends = jalali_date_time_edit(box, next_hour.addSecs(2 * 3600))
        self.ends.setObjectName("endsAt")
        window = QHBoxLayout()
        window.addWidget(QLabel(self.tr("From"), box))
        window.addWidget(self.starts)
        window.addWidget(QLabel(self.tr("to"), box))
        window.addWidget(self.ends)
        window.addWidget(QLabel(self.tr("(this computer's local time)"), box))
        window.addStretch(1)
        self.post_button = QPushButton(self.tr("Post the notice"), box)
        self.post_button.setObjectName("post")
        self.post_button.clicked.connect(self.post)
        self.message = QLabel(box)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.post_button)
        bottom.addWidget(self.message, 1)
        form = QFormLayout(box)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Title:"), self.notice_title)
        form.addRow(self.tr("Text:"), self.body)
        form.addRow(self.tr("Time window:"), window)
        form.addRow(bottom)
        return box

    # --------------------------------------------------------------- showing
    def refresh(self) -> None:
        now = utcnow()
        ReadOp(self, self.ctx, lambda s, _: [
            NoticeRow(n.kind, n.title, n.body or "", n.starts_at, n.ends_at, n.starts_at <= now)
            for n in upcoming_notices(s, now)]).success(self._show).run()

    def _show(self, rows: list[NoticeRow]) -> None:
        self.rows = rows
        lang = self.ctx.language
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            texts = (self.tr("In force") if r.in_force else self.tr("Upcoming"),
                     self.tr("Maintenance") if r.kind == "maintenance" else self.tr("Information"),
                     r.title, r.body, fmt.date_time(r.starts_at, lang), fmt.date_time(r.ends_at, lang))
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
                if col == TEXT and text:
                    item.setToolTip(text)
                if col == STATE and r.in_force:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.rows)

    # --------------------------------------------------------------- posting
    def post(self) -> bool:
        if self.form is None:
            return False
        starts, ends = to_utc(self.starts.dateTime()), to_utc(self.ends.dateTime())
        if ends <= utcnow():
            self.show_error(self.tr("This time window is already over: choose an end in the future."))
            return False
        title, body, kind = self.notice_title.text(), self.body.toPlainText(), self.kind.currentData()
        return WriteOp(self, self.ctx, lambda s, actor: post_notice(s, actor, title, body, starts, ends, kind=kind),
                       Changes.NOTICES).messages_to(self.show_error).success(self._posted).run_now()

    def _posted(self, _: object) -> None:
        self.notice_title.clear()
        self.body.clear()
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(self.tr("The notice was posted."))
        if not self.isVisible():
            self.refresh()
