"""The Requests page: register a request from the dialog and get its tracking code, see it in
the register with personal data shown or masked by role, find it by code (status only
without the second factor), answer, close and reopen it with the history kept, internal
notes for staff only, the overdue filter, the receipt, and maintenance mode.

The page is shown in Persian from the JSON catalogue (the compiled ``.qm`` is rebuilt
separately), so the texts checked are the ones a user reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from rasad_desktop.core.clock import utcnow
from rasad_desktop.core.digits import localize_digits, to_persian_digits
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.dialogs.request_dialogs import (
    RegisterRequestDialog,
    RequestLookupDialog,
    RequestRegisteredDialog,
    RequestTextDialog,
)
from rasad_desktop.gui.models.requests_model import CODE, DUE, KIND, STATUS, RequestsModel
from rasad_desktop.gui.pages.requests import RequestsPage
from rasad_desktop.services import notices
from rasad_desktop.services import requests as service
from rasad_desktop.services.requests import NewRequest, PublicStatus, RequestView
from rasad_desktop.services.roles import Actor, Role

NATIONAL_ID = "0012345679"  # a valid check digit
MOBILE = "09141234567"
STAFF_ACTIONS = ("register", "startReview", "answer", "close", "reopen", "addNote", "saveReceipt", "printReceipt")


class Dialogs:
    """Stands in for the modal loop: fills the registration dialog as a clerk would (Persian
    typed key by key), answers text dialogs, and records what the other dialogs showed."""

    def __init__(self, qtbot, **fields: str) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.fields = {"name": "علی رضایی", "national_id": NATIONAL_ID, "mobile": MOBILE,
                       "subject": "تأخیر در پاسخ به نامهٔ اداره", "body": "نامهٔ شمارهٔ ۱۲۳ بی‌پاسخ مانده است.",
                       **fields}
        self.kind = "complaint"
        self.text = ""
        self.seen: list[QDialog] = []
        self.messages: list[str] = []
        self.codes: list[str] = []
        self.on_lookup: Callable[[RequestLookupDialog], None] = lambda dialog: None

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if isinstance(dialog, RegisterRequestDialog):
            dialog.kind.setCurrentIndex(dialog.kind.findData(self.kind))
            dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
            type_text(dialog.name, self.fields["name"])
            type_text(dialog.national_id, self.fields["national_id"])
            type_text(dialog.mobile, self.fields["mobile"])
            dialog.agency.setCurrentIndex(1)
            type_text(dialog.subject, self.fields["subject"])
            type_text(dialog.body, self.fields["body"])
            self.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
            self.messages.append(dialog.message.text())
            if dialog.result() != QDialog.DialogCode.Accepted:
                dialog.ask_unsaved = lambda: "discard"
                dialog.reject()
        elif isinstance(dialog, RequestRegisteredDialog):
            self.codes.append(dialog.code.text())
            dialog.accept()
        elif isinstance(dialog, RequestTextDialog):
            type_text(dialog.text, self.text)
            self.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
            self.messages.append(dialog.message.text())
        elif isinstance(dialog, RequestLookupDialog):
            self.on_lookup(dialog)
        return dialog.result()


def shown(qtbot, page):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    return page


@pytest.fixture
def clerk_page(make_ctx, qtbot, persian):  # type: ignore[no-untyped-def]
    page = shown(qtbot, RequestsPage(make_ctx(Role.DATA_ENTRY)))
    page.confirm = lambda text: True
    return page


def register_from_gui(page: RequestsPage, qtbot, **fields: str) -> Dialogs:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(qtbot, **fields)
    page.exec_dialog = dialogs
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    return dialogs


def registered(page: RequestsPage, qtbot) -> RequestView:  # type: ignore[no-untyped-def]
    dialogs = register_from_gui(page, qtbot)
    assert len(dialogs.codes) == 1, dialogs.messages
    return page.current  # type: ignore[return-value]


def count(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return len(service.search(s, Actor("t", Role.ADMIN)))


# ------------------------------------------------------------------------------ register
def test_a_clerk_registers_a_request_and_gets_a_valid_code_shown_big(clerk_page, qtbot, gui_db):
    page = clerk_page
    dialogs = Dialogs(qtbot)
    page.exec_dialog = dialogs
    with qtbot.waitSignal(page.ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.REQUESTS)):
        qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.codes) == 1
    shown_code = dialogs.codes[0]
    code = TrackingCode.parse(shown_code)  # valid: Damm check digit, readable in any digit form
    assert shown_code.strip("\u200e") == to_persian_digits(code.format())  # groups, Persian digits
    assert code.station == page.ctx.settings.get("workstation")
    with gui_db.session() as s:
        saved = service.get(s, page.ctx.actor, code.digits)
    assert (saved.kind, saved.channel, saved.requester_name) == ("complaint", "phone", "علی رضایی")
    assert saved.subject == "تأخیر در پاسخ به نامهٔ اداره" and saved.agency
    # in the list, selected, and its detail shows the clerk the personal data unmasked
    row = page.model.row_of(code.digits)
    assert row >= 0 and page.table.currentIndex().row() == row
    assert page.model.data(page.model.index(row, CODE)).strip("\u200e") == to_persian_digits(code.format())
    assert page.model.data(page.model.index(row, KIND)) == "شکایت"
    assert page.fields.text("nationalId").strip("\u200e") == localize_digits(NATIONAL_ID)
    assert page.fields.text("mobile").strip("\u200e") == localize_digits(MOBILE)
    assert not page.fields.masked_note.isVisible()
    assert "با کد پیگیری" in page.message.text()
    dialog = next(d for d in dialogs.seen if isinstance(d, RequestRegisteredDialog))
    assert dialog.code.font().pointSize() >= 24  # readable across the counter


def test_a_viewer_sees_the_personal_data_masked_and_no_staff_actions(clerk_page, make_ctx, qtbot, persian):
    view = registered(clerk_page, qtbot)
    page = shown(qtbot, RequestsPage(make_ctx(Role.VIEWER)))
    assert page.select(view.tracking_code)
    national_id, mobile = page.fields.text("nationalId"), page.fields.text("mobile")
    assert "•" in national_id and localize_digits(NATIONAL_ID) not in national_id
    assert "•" in mobile and localize_digits(MOBILE) not in mobile
    assert localize_digits(MOBILE[-4:]) not in mobile  # the lookup's second factor is never shown
    assert page.fields.text("body") == ""  # nor the request's text
    assert page.fields.masked_note.isVisible() and "پوشانده" in page.fields.masked_note.text()
    for name in STAFF_ACTIONS:
        assert page.findChild(QPushButton, name) is None, name
    assert page.findChild(QPushButton, "findByCode") is not None


@pytest.mark.parametrize(("field", "value", "words"), [
    ("national_id", "0012345678", "رقم کنترل"),
    ("national_id", "12345", "کد ملی باید"),
    ("mobile", "0914123", "شمارهٔ همراه معتبر نیست"),
])
def test_an_invalid_national_id_or_mobile_is_refused_in_persian_and_nothing_is_saved(
        clerk_page, qtbot, gui_db, field, value, words):
    before = count(gui_db)
    dialogs = register_from_gui(clerk_page, qtbot, **{field: value})
    assert dialogs.codes == []
    assert words in dialogs.messages[0]
    dialog = dialogs.seen[0]
    focused = dialog.national_id if field == "national_id" else dialog.mobile
    assert dialog.focusWidget() is focused  # the field to correct
    assert count(gui_db) == before


def test_cancelling_a_typed_request_asks_before_throwing_it_away(clerk_page, qtbot, gui_db):
    dialog = RegisterRequestDialog(clerk_page.ctx, clerk_page)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "زهرا کریمی")
    answers = ["cancel", "discard"]
    dialog.ask_unsaved = lambda: answers.pop(0)
    dialog.reject()
    assert dialog.isVisible() and dialog.name.text() == "زهرا کریمی"  # stayed, nothing lost
    dialog.reject()
    assert not dialog.isVisible() and answers == []
    assert count(gui_db) == 0


def test_registering_in_maintenance_mode_shows_the_maintenance_message(clerk_page, qtbot, gui_db):
    with gui_db.session() as s:
        now = utcnow()
        notices.post_notice(s, Actor("boss", Role.ADMIN), "پشتیبان‌گیری شبانه", "تا ساعت ۲۲ ادامه دارد.",
                            now - dt.timedelta(hours=1), now + dt.timedelta(hours=1))
    dialogs = register_from_gui(clerk_page, qtbot)
    assert dialogs.codes == []
    assert "نگهداری" in dialogs.messages[0] and "پشتیبان‌گیری شبانه" in dialogs.messages[0]
    assert count(gui_db) == 0


# -------------------------------------------------------------------------------- lookup
def test_lookup_by_code_needs_the_second_factor_for_the_request(clerk_page, make_ctx, qtbot, persian):
    view = registered(clerk_page, qtbot)
    page = shown(qtbot, RequestsPage(make_ctx(Role.VIEWER)))
    dialogs = Dialogs(qtbot)
    checked = []

    def use(lookup: RequestLookupDialog) -> None:
        # the code as a requester reads it: Persian digits, dashes; no second factor
        type_text(lookup.code, to_persian_digits(TrackingCode.parse(view.tracking_code).format()))
        qtbot.mouseClick(lookup.find_button, Qt.MouseButton.LeftButton)
        assert isinstance(lookup.found, PublicStatus)
        assert lookup.fields.text("status") == "ثبت شده" and lookup.fields.text("kind") == "شکایت"
        for private in ("requester", "nationalId", "mobile", "subject", "body"):
            assert not lookup.fields.is_shown(private), private
        assert lookup.fields.status_note.isVisibleTo(lookup) and "چهار رقم آخر" in lookup.fields.status_note.text()
        assert not lookup.open_button.isEnabled()
        # a wrong second factor is refused, and nothing is shown
        type_text(lookup.last4, "0000")
        qtbot.mouseClick(lookup.find_button, Qt.MouseButton.LeftButton)
        assert lookup.found is None and "چهار رقم آخر شمارهٔ همراه" in lookup.message.text()
        assert not lookup.fields.is_shown("status")
        # the right one (Persian digits), the code in Arabic-Indic digits without dashes: the request
        lookup.code.clear()
        type_text(lookup.code, view.tracking_code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))
        lookup.last4.clear()
        type_text(lookup.last4, localize_digits(MOBILE[-4:]))
        qtbot.mouseClick(lookup.find_button, Qt.MouseButton.LeftButton)
        assert isinstance(lookup.found, RequestView) and lookup.message.text() == ""
        assert lookup.fields.text("requester") == "علی رضایی"
        assert "•" in lookup.fields.text("nationalId")  # still masked for a viewer
        qtbot.mouseClick(lookup.open_button, Qt.MouseButton.LeftButton)
        checked.append(True)

    dialogs.on_lookup = use
    page.exec_dialog = dialogs
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert checked
    assert page.current is not None and page.current.tracking_code == view.tracking_code


def test_a_mistyped_or_unknown_code_is_told_in_persian(clerk_page, qtbot):
    dialog = RequestLookupDialog(clerk_page.ctx, parent=clerk_page)
    qtbot.addWidget(dialog)
    type_text(dialog.code, "۰۴۰۹۳۰-۰۳۰۰۱۲-۹")  # check digit wrong
    dialog.look_up()
    assert "نادرست" in dialog.message.text()
    dialog.code.clear()
    type_text(dialog.code, TrackingCode(1404, 9, 30, 3, 12).format())
    dialog.look_up()
    assert "ثبت نشده است" in dialog.message.text()


# ------------------------------------------------------------------------------ workflow
def test_answer_close_and_reopen_from_the_gui_each_step_in_the_history(clerk_page, qtbot, gui_db):
    page = clerk_page
    view = registered(page, qtbot)
    code = view.tracking_code
    assert page.action_buttons["startReview"].isEnabled() and not page.action_buttons["reopen"].isEnabled()
    qtbot.mouseClick(page.action_buttons["startReview"], Qt.MouseButton.LeftButton)
    assert page.current.status == "in_review"

    dialogs = Dialogs(qtbot)
    page.exec_dialog = dialogs
    dialogs.text = "نامهٔ شما بررسی و پاسخ آن ارسال شد."
    with qtbot.waitSignal(page.ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.REQUESTS)):
        qtbot.mouseClick(page.action_buttons["answer"], Qt.MouseButton.LeftButton)
    assert page.current.status == "answered" and page.current.answer == dialogs.text
    assert page.fields.text("answer") == dialogs.text

    qtbot.mouseClick(page.action_buttons["close"], Qt.MouseButton.LeftButton)
    assert page.current.status == "closed" and page.current.closed_at is not None
    assert not page.action_buttons["answer"].isEnabled() and page.action_buttons["reopen"].isEnabled()

    dialogs.text = "متقاضی پاسخ را کامل ندانست."
    qtbot.mouseClick(page.action_buttons["reopen"], Qt.MouseButton.LeftButton)
    assert page.current.status == "in_review"

    history = page.history_texts()
    assert len(history) == 5
    assert "ثبت شد" in history[0]
    assert "وضعیت از «ثبت شده» به «در حال بررسی» تغییر کرد" in history[1]
    assert "پاسخ داده شد" in history[2] and "نامهٔ شما بررسی و پاسخ آن ارسال شد." in history[2]
    assert "وضعیت از «پاسخ داده شده» به «بسته» تغییر کرد" in history[3]
    assert "بازگشایی شد" in history[4] and "متقاضی پاسخ را کامل ندانست." in history[4]
    assert all("clerk" in h for h in history)
    with gui_db.session() as s:
        assert [e.action for e in service.history(s, page.ctx.actor, code)] == [
            "registered", "status", "answer", "status", "reopen"]


def test_reopening_needs_a_reason(clerk_page, qtbot):
    page = clerk_page
    registered(page, qtbot)
    qtbot.mouseClick(page.action_buttons["close"], Qt.MouseButton.LeftButton)
    dialogs = Dialogs(qtbot)
    page.exec_dialog = dialogs
    qtbot.mouseClick(page.action_buttons["reopen"], Qt.MouseButton.LeftButton)  # no text typed
    assert dialogs.messages == ["نخست متن را بنویسید."]
    assert page.current.status == "closed"


def test_an_internal_note_is_seen_by_staff_and_not_by_a_viewer(clerk_page, make_ctx, qtbot):
    page = clerk_page
    view = registered(page, qtbot)
    dialogs = Dialogs(qtbot)
    dialogs.text = "با دستگاه تماس گرفته شد؛ پاسخ تا فردا."
    page.exec_dialog = dialogs
    qtbot.mouseClick(page.action_buttons["addNote"], Qt.MouseButton.LeftButton)
    history = page.history_texts()
    assert any(dialogs.text in h and "یادداشت داخلی" in h for h in history)
    note = page.history.item(len(history) - 1)
    assert note.data(Qt.ItemDataRole.UserRole) == "note" and note.background().color().name() == "#fff3c4"
    assert page.current.answer == ""  # a note is never the answer

    viewer = shown(qtbot, RequestsPage(make_ctx(Role.VIEWER)))
    viewer.select(view.tracking_code)
    assert viewer.history_texts() and not any(dialogs.text in h for h in viewer.history_texts())


# ------------------------------------------------------------------------------- filters
def test_the_overdue_filter_shows_only_requests_past_their_due_date(clerk_page, qtbot, gui_db):
    page = clerk_page
    with gui_db.session() as s:
        old = service.register(s, page.ctx.actor, NewRequest("request", "letter", "زهرا کریمی", NATIONAL_ID, MOBILE,
                                                             "درخواست گزارش سال قبل", "متن"),
                               workstation=2, now=dt.datetime(2025, 1, 1, 8, 0))
        done = service.register(s, page.ctx.actor, NewRequest("request", "letter", "حسن محمدی", NATIONAL_ID, MOBILE,
                                                              "درخواست پاسخ داده شده", "متن"),
                                workstation=2, now=dt.datetime(2025, 1, 2, 8, 0))
        service.answer(s, page.ctx.actor, done.tracking_code, "پاسخ داده شد.")
    fresh = registered(page, qtbot)
    page.refresh()
    assert {r.tracking_code for r in page.model.rows} == {old.tracking_code, done.tracking_code, fresh.tracking_code}
    row = page.model.row_of(old.tracking_code)
    assert page.model.data(page.model.index(row, STATUS)) == "ثبت شده (معوق)"
    assert page.model.data(page.model.index(row, DUE), Qt.ItemDataRole.BackgroundRole) is not None
    assert page.model.data(page.model.index(page.model.row_of(done.tracking_code), DUE),
                           Qt.ItemDataRole.BackgroundRole) is None  # answered: not overdue
    assert "۱ معوق" in page.count.text()

    page.overdue_only.setChecked(True)
    assert [r.tracking_code for r in page.model.rows] == [old.tracking_code]
    page.overdue_only.setChecked(False)
    page.status_filter.setCurrentIndex(page.status_filter.findData("answered"))
    assert [r.tracking_code for r in page.model.rows] == [done.tracking_code]
    page.status_filter.setCurrentIndex(0)
    type_text(page.search, "کریمی")
    page.refresh()
    assert [r.tracking_code for r in page.model.rows] == [old.tracking_code]
    page.search.clear()
    type_text(page.search, to_persian_digits(TrackingCode.parse(fresh.tracking_code).format()))
    qtbot.waitUntil(lambda: [r.tracking_code for r in page.model.rows] == [fresh.tracking_code])


# ------------------------------------------------------------------------------- receipt
def test_the_receipt_is_saved_from_the_page_as_a_pdf(clerk_page, qtbot, tmp_path):
    page = clerk_page
    view = registered(page, qtbot)
    target = tmp_path / "out" / "receipt"
    asked = []
    page.choose_save_path = lambda suggested: asked.append(suggested) or str(target)
    qtbot.mouseClick(page.action_buttons["saveReceipt"], Qt.MouseButton.LeftButton)
    assert asked == [f"receipt-{TrackingCode.parse(view.tracking_code).format()}.pdf"]
    saved = tmp_path / "out" / "receipt.pdf"
    data = saved.read_bytes()
    assert data.startswith(b"%PDF") and b"Vazirmatn" in data and len(data) > 5000
    assert "رسید" in page.message.text()
    assert page.ctx.errors.seen == []  # type: ignore[attr-defined]


def test_the_receipt_is_offered_right_after_registering(clerk_page, qtbot, tmp_path):
    page = clerk_page
    target = tmp_path / "r.pdf"
    page.choose_save_path = lambda suggested: str(target)
    dialogs = Dialogs(qtbot)

    def exec_dialog(dialog: QDialog) -> int:
        if isinstance(dialog, RequestRegisteredDialog):
            qtbot.mouseClick(dialog.findChild(QPushButton, "saveReceipt"), Qt.MouseButton.LeftButton)
        return dialogs(dialog)

    page.exec_dialog = exec_dialog
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")


# --------------------------------------------------------------------------------- model
def test_the_model_passes_the_model_tester(clerk_page, qtbot, qtmodeltester):
    registered(clerk_page, qtbot)
    qtmodeltester.check(clerk_page.model)
    qtmodeltester.check(RequestsModel())


def test_the_model_aligns_by_reading_direction_only(clerk_page, qtbot):
    registered(clerk_page, qtbot)
    model = clerk_page.model
    for column in range(model.columnCount()):
        align = Qt.AlignmentFlag(model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole))
        # AlignLeading is AlignLeft without AlignAbsolute: Qt mirrors it right to left
        assert not align & Qt.AlignmentFlag.AlignAbsolute
        assert align & Qt.AlignmentFlag.AlignHorizontal_Mask in (Qt.AlignmentFlag.AlignLeading,
                                                                Qt.AlignmentFlag.AlignTrailing)
    assert model.headerData(CODE, Qt.Orientation.Horizontal) == "کد پیگیری"


def test_attach_a_file_and_save_a_copy(make_ctx, gui_db, qtbot, tmp_path):
    from rasad_desktop.gui.pages.requests import RequestsPage
    from rasad_desktop.services import requests as rq
    from rasad_desktop.services.roles import Role

    clerk = make_ctx(Role.DATA_ENTRY)
    with gui_db.session() as s:
        view = rq.register(s, clerk.actor, rq.NewRequest(
            "complaint", "letter", "زهرا کریمی", "0499370899", "09141234567", "پیوست نامه", "متن"), workstation=1)
    page = RequestsPage(clerk)
    qtbot.addWidget(page)
    page.show()
    page.open_request(view.tracking_code)
    import sample_files

    scan = tmp_path / "letter.pdf"
    scan.write_bytes(sample_files.pdf())  # a real PDF: attachments are checked on their structure
    page.attachments.choose_file = lambda: str(scan)
    page.attachments.attach()
    assert page.attachments.list.count() == 1 and "letter.pdf" in page.attachments.list.item(0).text()
    assert any(e.action == "attachment" for e in page.events)
    assert "پرونده پیوست شد: \u2068letter.pdf\u2069" in page.history_texts()[-1]
    assert "\u2068letter.pdf\u2069 — " in page.attachments.list.item(0).text()
    page.attachments.list.setCurrentRow(0)
    copy = tmp_path / "copy.pdf"
    page.attachments.choose_save_path = lambda name: str(copy)
    page.attachments.save_copy()
    assert copy.read_bytes() == scan.read_bytes()
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ")
    page.attachments.choose_file = lambda: str(bad)
    page.attachments.attach()
    assert page.attachments.list.count() == 1 and "پذیرفته نیست" in page.message.text()
    viewer = RequestsPage(make_ctx(Role.VIEWER))
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.open_request(view.tracking_code)
    assert viewer.attachments.list.count() == 1
    assert not viewer.attachments.add_button.isVisible() and not viewer.attachments.save_button.isVisible()
