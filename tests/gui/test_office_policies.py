"""Office policies on the Settings page (office settings, declared with the others): the
administrator sets the working week and the response targets and keeps the holiday table (typed in Jalali with Persian digits), and a
due date computed afterwards moves accordingly; anyone else sees them but cannot change
them (the service refuses even if the form were bypassed).

Shown in Persian straight from the JSON catalogue, as in test_admin_pages."""

from __future__ import annotations

import datetime as dt

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from rasad_desktop.core.jalali import parse_jalali
from rasad_desktop.db.models import AuditLog
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.pages.settings import SettingsPage
from rasad_desktop.gui.widgets.holidays_box import OfficeHolidays
from rasad_desktop.services import holidays, office, requests
from rasad_desktop.services.roles import Role

REGISTERED = dt.date(2026, 4, 4)  # Sat 1405/01/15
NUMBER_POLICIES = ("response_days_request", "response_days_complaint", "response_days_suggestion",
                   "lockout_attempts", "lockout_minutes", "idle_lock_minutes", "attachment_max_mb")


def open_page(make_ctx, qtbot, role: Role) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(make_ctx(role))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    return page


def due(db, kind: str = "complaint", registered: dt.date = REGISTERED) -> dt.date:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return requests.due_date(s, kind, registered)


def retype(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.selectAll()
    type_text(widget, text)


def table_texts(box: OfficeHolidays) -> list[tuple[str, str, str]]:
    return [tuple(box.table.item(r, c).text() for c in range(3)) for r in range(box.table.rowCount())]


def test_the_stored_policies_are_shown(make_ctx, qtbot, persian):
    page = open_page(make_ctx, qtbot, Role.ADMIN)
    fields = page.fields
    assert page.groups["workdays"].title() == "روزهای کاری و مهلت پاسخ"
    assert fields["thursday_off"].input.isChecked()
    assert {k: fields[k].input.value() for k in NUMBER_POLICIES} == {
        "response_days_request": 10, "response_days_complaint": 7, "response_days_suggestion": 15,
        "lockout_attempts": 5, "lockout_minutes": 15, "idle_lock_minutes": 10, "attachment_max_mb": 5}
    assert all(fields[k].input.isEnabled() for k in (*NUMBER_POLICIES, "thursday_off"))
    assert all(w.isEnabled() for w in page.holidays.edit_widgets)
    assert fields["response_days_complaint"].input.maximum() == 365  # the declared limits
    box = page.holidays
    assert box.year.value() == 1405 and box.seed_button.text() == "افزودن تعطیلات رسمی ثابت سال ۱۴۰۵"


def test_the_administrator_changes_the_week_and_a_target_and_the_due_date_moves(make_ctx, qtbot, persian, gui_db):
    page = open_page(make_ctx, qtbot, Role.ADMIN)
    fields = page.fields
    # Sat 4 Apr + 7: Sun 5, Mon 6, Tue 7, Wed 8, (Thu 9, Fri 10) Sat 11, Sun 12, Mon 13
    assert due(gui_db) == dt.date(2026, 4, 13)
    fields["thursday_off"].input.click()
    retype(fields["response_days_complaint"].input, "۵")  # Persian digits, as typed
    assert not fields["thursday_off"].value() and fields["response_days_complaint"].value() == 5
    with qtbot.waitSignal(page.ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.OFFICE)):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "ذخیره شد."
    with gui_db.session() as s:
        assert office.get(s, "thursday_off") is False and office.get(s, "response_days_complaint") == 5
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "office.set")) == 2
    # Sun 5, Mon 6, Tue 7, Wed 8, Thu 9: five working days now
    assert due(gui_db) == dt.date(2026, 4, 9)
    assert page.ctx.errors.seen == []
    page.save()  # nothing changed since: nothing written
    assert page.message.text() == "چیزی برای ذخیره نیست؛ تنظیمات تغییری نکرده‌اند."


def test_the_page_s_save_and_undo_cover_the_policies_too(make_ctx, qtbot, persian, gui_db):
    page = open_page(make_ctx, qtbot, Role.ADMIN)
    idle = page.fields["idle_lock_minutes"].input
    idle.setValue(25)
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)  # «undo changes»
    assert idle.value() == 10
    idle.setValue(25)
    assert page.save()  # the page's one Save: nothing on the form is silently dropped
    assert page.message.text() == "ذخیره شد."
    with gui_db.session() as s:
        assert office.get(s, "idle_lock_minutes") == 25
    assert page.changes() == ({}, {})


def test_a_holiday_typed_in_jalali_moves_the_due_date(make_ctx, qtbot, persian, gui_db):
    page = open_page(make_ctx, qtbot, Role.ADMIN)
    box = page.holidays  # (keep the page: qtbot holds it weakly)
    before = due(gui_db)
    type_text(box.day, "۱۴۰۵/۰۱/۱۸")  # Tue 7 Apr 2026
    type_text(box.holiday_title, "تعطیل ویژه")
    with qtbot.waitSignal(box.ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.HOLIDAYS)):
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.holiday_message.text() == "روز ۱۴۰۵/۰۱/۱۸ به تعطیلات افزوده شد."
    assert table_texts(box) == [("۱۴۰۵/۰۱/۱۸", "سه‌شنبه", "تعطیل ویژه")]
    assert box.day.text() == "" and box.holiday_title.text() == ""
    assert due(gui_db) == before + dt.timedelta(days=1) == dt.date(2026, 4, 14)
    # the same day again: the service's Persian message, nothing added
    type_text(box.day, "1405/1/18")
    type_text(box.holiday_title, "دوباره")
    box.add_holiday()
    assert "پیش‌تر با عنوان «تعطیل ویژه» تعطیل ثبت شده است" in box.holiday_message.text()
    assert box.ctx.errors.seen == [] and box.table.rowCount() == 1


def test_an_invalid_date_gets_a_persian_message(make_ctx, qtbot, persian, gui_db):
    page = open_page(make_ctx, qtbot, Role.ADMIN)
    box = page.holidays  # (keep the page: qtbot holds it weakly)
    type_text(box.day, "۱۴۰۴/۱۲/۳۰")
    type_text(box.holiday_title, "روز")
    box.add_holiday()
    assert box.holiday_message.text() == "ماه اسفند سال ۱۴۰۴ روز ۳۰ ندارد."
    with gui_db.session() as s:
        assert holidays.list_holidays(s) == []


def test_seeding_the_fixed_holidays_and_removing_one(make_ctx, qtbot, persian, gui_db):
    page = open_page(make_ctx, qtbot, Role.ADMIN)
    box = page.holidays  # (keep the page: qtbot holds it weakly)
    box.year.setValue(1405)
    assert due(gui_db, "request", parse_jalali("1405/03/10")) == dt.date(2026, 6, 14)
    qtbot.mouseClick(box.seed_button, Qt.MouseButton.LeftButton)
    assert box.holiday_message.text() == ("۱۰ روز تعطیل رسمی ثابت سال ۱۴۰۵ افزوده شد؛ تعطیلات مذهبی (قمری) را از "
                                          "تقویم رسمی وارد کنید.")
    rows = table_texts(box)
    assert len(rows) == 10 and rows[0] == ("۱۴۰۵/۰۱/۰۱", "شنبه", "عید نوروز")
    assert rows[-1] == ("۱۴۰۵/۱۲/۲۹", "شنبه", "ملی شدن صنعت نفت")
    # Sun 31 May 1405/03/10 + 10: 14 and 15 Khordad (Thu 4, Fri 5 Jun) fall on days off anyway
    assert due(gui_db, "request", parse_jalali("1405/03/10")) == dt.date(2026, 6, 14)
    box.seed()
    assert box.holiday_message.text() == "تعطیلات رسمی ثابت سال ۱۴۰۵ پیش‌تر در جدول بوده است."
    # Fri 20 Mar + 10: Nowruz (Sat 21 – Tue 24 Mar) and 12 Farvardin (Wed 1 Apr) are skipped
    assert due(gui_db, "request", dt.date(2026, 3, 20)) == dt.date(2026, 4, 8)
    # a click on the row (QTableView.selectRow misses in right-to-left: it looks for a column at the
    # viewport's right edge)
    rect = box.table.visualItemRect(box.table.item(1, 2))  # 1405/01/02
    qtbot.mouseClick(box.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.holiday_message.text() == "روز ۱۴۰۵/۰۱/۰۲ از تعطیلات حذف شد."
    assert [r[0] for r in table_texts(box)][:2] == ["۱۴۰۵/۰۱/۰۱", "۱۴۰۵/۰۱/۰۳"]
    box.table.clearSelection()
    box.remove_selected()
    assert box.holiday_message.text() == "نخست یک روز تعطیل را در جدول انتخاب کنید."
    box.year.setValue(1404)
    assert box.table.rowCount() == 0 and box.seed_button.text().endswith("۱۴۰۴")


@pytest.mark.parametrize("role", [Role.DATA_ENTRY, Role.VIEWER])
def test_others_see_the_policies_but_cannot_change_them(make_ctx, qtbot, persian, gui_db, role):
    page = open_page(make_ctx, qtbot, role)
    box = page.holidays
    assert page.groups["workdays"].isVisible() and page.fields["response_days_request"].value() == 10
    assert all(not w.isEnabled() for w in box.edit_widgets)
    assert all(not w.isEnabled() for w in page.admin_widgets)
    # even with the form bypassed, the service refuses
    page.is_admin = True
    page.fields["thursday_off"].input.setChecked(False)
    assert not page.save()
    assert "اجازهٔ «تغییر تنظیمات اداره» را ندارد" in page.message.text()
    box.day.setText("1405/04/15")
    box.holiday_title.setText("تاسوعا")
    box.add_holiday()
    assert "اجازهٔ «تغییر تنظیمات اداره» را ندارد" in box.holiday_message.text()
    box.seed()
    with gui_db.session() as s:
        assert office.get(s, "thursday_off") is True and holidays.list_holidays(s) == []
    assert not (page.ctx.data_dir / "settings.json").exists()  # nothing half-saved on this workstation
    assert page.ctx.errors.seen == []  # refused with a message, not a crash
