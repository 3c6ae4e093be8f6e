"""The dialogs of the Requests page: registering a request, the tracking code shown once it is
registered, a text asked for (answer, reason for reopening, internal note), and finding a
request by its code. ``RequestFields`` shows one request (or only its public status) and is
shared by the page's detail panel and the lookup dialog.

Every dialog that writes keeps its text when the service refuses it and shows the service's
message (``err.message(language)``), so nothing typed is lost."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core import palette
from rasad_desktop.core.errors import RasadError
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.unsaved import CANCEL, DISCARD, SAVE, ask_unsaved
from rasad_desktop.gui.models.requests_model import code_text, ltr_digits
from rasad_desktop.gui.operations import ReadOp, Task, WriteOp
from rasad_desktop.gui.style import ERROR_BOLD_STYLE as OVERDUE_STYLE
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.forms import latin_edit, message_label
from rasad_desktop.gui.widgets.searchable_combo import searchable_combo
from rasad_desktop.services import queries
from rasad_desktop.services import requests as service
from rasad_desktop.services.requests import CHANNELS, KINDS, STATUSES, PublicStatus, RequestView, label

log = logging.getLogger("rasad.gui")
NOTE_STYLE = f"color: {palette.HINT};"


def _value_label(parent: QWidget, name: str) -> QLabel:
    value = QLabel(parent)
    value.setObjectName(name)
    value.setWordWrap(True)
    value.setTextFormat(Qt.TextFormat.PlainText)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # a value that starts with digits or a Latin name would follow its own direction (to the
    # left): every value starts where the reading starts
    start = Qt.AlignmentFlag.AlignRight if value.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
    value.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    return value


class RequestFields(QWidget):
    """The fields of one request as label rows; rows that do not apply are hidden. Personal
    data is shown exactly as the service returned it (masked for roles without the right)."""

    NAMES = ("code", "status", "kind", "channel", "requester", "nationalId", "mobile", "agency", "subject",
             "body", "registered", "due", "answered", "closed", "answer")

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = (self.tr("Tracking code:"), self.tr("Status:"), self.tr("Kind:"), self.tr("Received by:"),
                    self.tr("Requester:"), self.tr("National ID:"), self.tr("Mobile:"), self.tr("Agency:"),
                    self.tr("Subject:"), self.tr("Text:"), self.tr("Registered:"), self.tr("Due date:"),
                    self.tr("Answered:"), self.tr("Closed:"), self.tr("Answer:"))
        self.values: dict[str, QLabel] = {}
        for name, caption in zip(self.NAMES, captions, strict=True):
            value = _value_label(self, name)
            self.values[name] = value
            self.form.addRow(caption, value)
        big = self.values["code"].font()
        big.setPointSize(big.pointSize() + 3)
        big.setWeight(QFont.Weight.Bold)
        self.values["code"].setFont(big)
        self.masked_note = QLabel(self.tr("The national ID, the mobile and the texts are hidden: your role may "
                                          "not see requesters' personal data."), self)
        self.masked_note.setObjectName("maskedNote")
        self.status_note = QLabel(self.tr("Only the status is shown. Enter the last four digits of the "
                                          "requester's mobile to see the request."), self)
        self.status_note.setObjectName("statusNote")
        for note in (self.masked_note, self.status_note):
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
        self.form.insertRow(self.NAMES.index("mobile") + 1, self.masked_note)  # beside what it explains
        self.form.addRow(self.status_note)

    def text(self, name: str) -> str:
        return self.values[name].text()

    def is_shown(self, name: str) -> bool:
        return self.form.isRowVisible(self.values[name])

    def _set(self, name: str, text: str | None) -> None:
        self.values[name].setText(text or "")
        self.form.setRowVisible(self.values[name], bool(text))

    def clear(self) -> None:
        for name in self.NAMES:
            self._set(name, None)
        self.form.setRowVisible(self.masked_note, False)
        self.form.setRowVisible(self.status_note, False)

    def _status(self, status: str, due: dt.date, today: dt.date) -> None:
        lang = self.language
        overdue = status in service.OPEN and due < today
        text = label(STATUSES, status, lang)
        self._set("status", self.tr("{0} — overdue").format(text) if overdue else text)
        self.values["status"].setStyleSheet(OVERDUE_STYLE if overdue else "")
        self.values["due"].setStyleSheet(OVERDUE_STYLE if overdue else "")

    def show_view(self, view: RequestView, today: dt.date) -> None:
        lang = self.language
        self._set("code", code_text(view, lang))
        self._status(view.status, view.due_date, today)
        self._set("kind", label(KINDS, view.kind, lang))
        self._set("channel", label(CHANNELS, view.channel, lang))
        self._set("requester", view.requester_name)
        self._set("nationalId", ltr_digits(view.national_id, lang))
        self._set("mobile", ltr_digits(view.mobile, lang))
        self._set("agency", view.agency)
        self._set("subject", view.subject)
        self._set("body", view.body)
        self._set("registered", self.tr("{0} by {1}").format(fmt.date_time(view.registered_at, lang),
                                                             view.registered_by))
        self._set("due", fmt.date(view.due_date, lang))
        self._set("answered", fmt.date_time(view.answered_at, lang) if view.answered_at else None)
        self._set("closed", fmt.date_time(view.closed_at, lang) if view.closed_at else None)
        self._set("answer", view.answer)
        self.form.setRowVisible(self.masked_note, view.masked)
        self.form.setRowVisible(self.status_note, False)

    def show_status(self, status: PublicStatus, today: dt.date) -> None:
        """Only what anyone holding the code may be told."""
        self.clear()
        lang = self.language
        self._set("code", code_text(status.tracking_code, lang))
        self._status(status.status, status.due_date, today)
        self._set("kind", label(KINDS, status.kind, lang))
        self._set("registered", fmt.date(status.registered_at, lang))
        self._set("due", fmt.date(status.due_date, lang))
        self.form.setRowVisible(self.status_note, True)


# ----------------------------------------------------------------------------- register
class RegisterRequestDialog(FormDialog):
    """Kind, channel, requester, national ID, mobile, agency (optional), subject and text; the
    request is registered when the clerk presses Register. A refused value (or maintenance)
    keeps the dialog open with the service's message."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="registerRequest", accept_name="registerButton", min_width=560)
        self.set_texts(self.tr("Register a request"), self.tr("Register"), self.tr("Cancel"))
        self.ctx = ctx
        self.registered: RequestView | None = None
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        lang = ctx.language
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for key in KINDS:
            self.kind.addItem(label(KINDS, key, lang), key)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        for key in CHANNELS:
            self.channel.addItem(label(CHANNELS, key, lang), key)
        self.name = QLineEdit(self)
        self.name.setObjectName("requesterName")
        self.national_id = latin_edit(self, "nationalId")
        self.national_id.setPlaceholderText(self.tr("10 digits"))
        self.mobile = latin_edit(self, "mobile")
        self.mobile.setPlaceholderText(self.tr("like 09123456789"))
        self.agency = searchable_combo(self, "agency", language=lang)
        self.agency.addItem(self.tr("(none)"), None)
        for a in ReadOp(self, ctx, lambda s, _: list(queries.agencies(s).values())).fetch() or []:
            self.agency.addItem(f"{fmt.number(a.code, lang)} — {a.name}", a.code)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("subject")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(110)
        for caption, widget in ((self.tr("Kind:"), self.kind), (self.tr("Received by:"), self.channel),
                                (self.tr("Requester's name:"), self.name), (self.tr("National ID:"), self.national_id),
                                (self.tr("Mobile:"), self.mobile), (self.tr("Agency (optional):"), self.agency),
                                (self.tr("Subject:"), self.subject), (self.tr("Text:"), self.body)):
            self.form.addRow(caption, widget)
        hint = self.note(self.tr("The request gets its tracking code when it is registered; the requester "
                                 "follows it up with the code and the last four digits of the mobile."))
        hint.setStyleSheet(NOTE_STYLE)
        self.lay_out(below=[hint])
        self.name.setFocus()

    def agency_code(self) -> str | None:
        """The chosen agency's code; None for none; raises if the typed text names none."""
        text = self.agency.currentText().strip()
        index = self.agency.findText(text)
        if not text or index == 0:
            return None
        if index < 0:
            raise RasadError("دستگاه اجرایی را از فهرست برگزینید یا آن را خالی بگذارید.",
                             "Choose the agency from the list or leave it empty.", code="agency_choice")
        return self.agency.itemData(index)

    def new_request(self) -> service.NewRequest:
        return service.NewRequest(
            kind=self.kind.currentData(), channel=self.channel.currentData(), requester_name=self.name.text(),
            national_id=self.national_id.text(), mobile=self.mobile.text(), subject=self.subject.text(),
            body=self.body.toPlainText(), agency_code=self.agency_code())

    def try_accept(self) -> None:
        try:
            new = self.new_request()
        except RasadError as err:
            self.refuse(err.message(self.ctx.language))
            self._focus_on(err.code)
            return
        workstation = self.ctx.settings.get("workstation")
        WriteOp(self, self.ctx, lambda s, actor: service.register(s, actor, new, workstation=workstation),
                Changes.REQUESTS).success(self._registered) \
            .messages_to(self.refuse, then=lambda exc: self._focus_on(getattr(exc, "code", ""))).run_now()

    def _registered(self, view: RequestView) -> None:
        self.registered = view
        self.accept()

    def _focus_on(self, code: str) -> None:
        field = {"mobile": self.mobile, "agency_choice": self.agency, "agency_missing": self.agency}.get(code)
        if code.startswith("national_id"):
            field = self.national_id
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def has_input(self) -> bool:
        return any(w.text().strip() for w in (self.name, self.national_id, self.mobile, self.subject)) \
            or bool(self.body.toPlainText().strip())

    def reject(self) -> None:
        """Cancel (or Escape) with something typed asks first: register, discard or stay."""
        if self.registered is None and self.has_input():
            answer = self.ask_unsaved()
            if answer == SAVE:
                self.try_accept()
                return
            if answer == CANCEL:
                return
        super().reject()

    def _ask_unsaved(self) -> str:
        if self.ctx.no_dialogs:
            log.info("unsaved request discarded (no dialogs)")
            return DISCARD
        return ask_unsaved(self, self.tr("This request has not been registered. Register it now?"))


class RequestRegisteredDialog(QDialog):
    """The new tracking code, big enough to read out on the phone, with the receipt."""

    def __init__(self, view: RequestView, language: str, save_receipt: Callable[[], None] | None,
                 print_receipt: Callable[[], None] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("requestRegistered")
        self.setWindowTitle(self.tr("Request registered"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("The request was registered. Its tracking code:"), self)
        intro.setWordWrap(True)
        self.code = QLabel(code_text(view, language), self)
        self.code.setObjectName("code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.code.font())
        big.setPointSize(max(QApplication.font().pointSize(), 10) * 3)
        big.setWeight(QFont.Weight.Bold)
        big.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        self.code.setFont(big)
        self.code.setStyleSheet(f"background: {palette.PANEL_FILL}; color: {palette.NAVY}; border: 1px solid {palette.NAVY}; "
                                "padding: 10px;")
        due = QLabel(self.tr("Answer due by {0}. Give the code to the requester: with it and the last four "
                             "digits of their mobile they can follow the request up.").format(
            fmt.date(view.due_date, language)), self)
        due.setObjectName("due")
        due.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy the code"), self)
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        for text, name, slot in ((self.tr("Save the receipt…"), "saveReceipt", save_receipt),
                                 (self.tr("Print the receipt…"), "printReceipt", print_receipt)):
            if slot is not None:
                button = QPushButton(text, self)
                button.setObjectName(name)
                button.clicked.connect(slot)
                row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(self)
        done = buttons.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.setObjectName("done")
        done.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(due)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.view.code_display)
        self.copy_button.setText(self.tr("Copied"))


# --------------------------------------------------------------------------------- text
class RequestTextDialog(FormDialog):
    """A text the page needs (an answer, a reason, a note). ``operation(text)`` is the work;
    if it is refused the message is shown and the text stays."""

    def __init__(self, title: str, prompt: str, accept_text: str, operation: Callable[[str], Task[object]],
                 *, text: str = "", name: str = "textDialog", parent: QWidget | None = None) -> None:
        super().__init__(parent, name=name, accept_name="okButton", min_width=480)
        self.set_texts(title, accept_text, self.tr("Cancel"))
        self.operation = operation
        self.text = QPlainTextEdit(text, self)
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        self.lay_out([self.note(prompt)], stretch=self.text)
        self.text.setFocus()

    def try_accept(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.refuse(self.tr("Write the text first."))
            return
        self.submit(self.operation(text))


# ------------------------------------------------------------------------------- lookup
class RequestLookupDialog(QDialog):
    """Find a request by its tracking code (any digits, with or without dashes). Without the
    last four digits of the mobile only its status is told; with them, the request."""

    def __init__(self, ctx: AppContext, open_request: Callable[[str], None] | None = None,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.open_request = open_request
        self.found: PublicStatus | RequestView | None = None
        self.setObjectName("findRequest")
        self.setWindowTitle(self.tr("Find a request by its code"))
        self.setMinimumWidth(560)
        self.code = latin_edit(self, "code")
        self.code.setPlaceholderText("۰۴۰۹۳۰-۰۳۰۰۱۲-۸")
        self.last4 = latin_edit(self, "last4")
        self.last4.setMaxLength(4)
        self.last4.setPlaceholderText(self.tr("optional"))
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("find")
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.look_up)
        self.message = message_label(self)
        self.fields = RequestFields(ctx.language, self)
        self.fields.setObjectName("result")
        self.fields.clear()
        form = QFormLayout()
        form.addRow(self.tr("Tracking code:"), self.code)
        form.addRow(self.tr("Last four digits of the mobile:"), self.last4)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("Show in the list"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("showInList")
        self.open_button.setEnabled(False)
        self.open_button.setVisible(open_request is not None)
        self.open_button.clicked.connect(self._open)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        buttons.rejected.connect(self.reject)
        find_row = QHBoxLayout()
        find_row.addLayout(form, 1)
        find_row.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(self.message)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.code.setFocus()

    def look_up(self) -> None:
        last4 = self.last4.text().strip() or None
        self.found = None
        self.open_button.setEnabled(False)
        self.fields.clear()
        code = self.code.text()
        ReadOp(self, self.ctx, lambda s, actor: service.lookup(s, actor, code, last4)) \
            .messages_to(self.message.setText).success(self._found).run_now()

    def _found(self, found: PublicStatus | RequestView) -> None:
        self.message.setText("")
        self.found = found
        if isinstance(found, RequestView):
            self.fields.show_view(found, self.today())
            self.open_button.setEnabled(True)
        else:
            self.fields.show_status(found, self.today())

    def _open(self) -> None:
        if isinstance(self.found, RequestView) and self.open_request is not None:
            self.open_request(self.found.tracking_code)
            self.accept()
