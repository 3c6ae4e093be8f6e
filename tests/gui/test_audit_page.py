"""The audit trail page (administrator only): filters by user, action, entity and Jalali
dates narrow the rows; "Verify the chain" says in Persian whether the trail is intact and
marks the rows a tampering touched.

The page is shown in Persian: a translator reads the Persian catalogue as it stands in
``resources/i18n/fa`` (the compiled ``.qm`` is rebuilt separately)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from keys import PASSWORD, USERS, type_text
from PySide6.QtCore import QCalendar, QDate, Qt
from sqlalchemy import select, text

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import AuditLog
from rasad_desktop.gui.main_window import MainWindow
from rasad_desktop.gui.models.audit_model import (
    ACTION,
    AFTER,
    BEFORE,
    COLUMNS,
    LRI,
    NUMBER,
    PDI,
    TIME,
    USER,
    AuditModel,
)
from rasad_desktop.gui.pages.audit import AuditPage
from rasad_desktop.services import accounts, office
from rasad_desktop.services.audit import AuditEntry, search
from rasad_desktop.services.errors import PermissionDenied
from rasad_desktop.services.roles import Permission, Role


@pytest.fixture
def ctx(make_ctx, gui_db):  # type: ignore[no-untyped-def]
    """The administrator's context, after a little activity of others: a clerk signs in, a
    guest types a wrong password, the administrator changes an office policy."""
    admin = make_ctx(Role.ADMIN)
    make_ctx(Role.DATA_ENTRY)
    with gui_db.session() as s:
        with pytest.raises(accounts.SignInError):
            accounts.sign_in(s, USERS[Role.VIEWER], "not-the-password")
        office.set_policy(s, admin.actor, "idle_lock_minutes", 7)
    return admin


@pytest.fixture
def page(ctx, qtbot, persian):  # type: ignore[no-untyped-def]
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def actions(page: AuditPage) -> list[str]:
    return [r.action for r in page.model.rows]


def all_rows(gui_db) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    with gui_db.session() as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.id.desc())))


# ------------------------------------------------------------------------------ who sees it
@pytest.mark.parametrize("role", list(Role))
def test_only_the_administrator_is_offered_the_page(make_ctx, qtbot, role):
    ctx = make_ctx(role)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert (window.page("audit") is not None) is (role is Role.ADMIN)
    assert AuditPage.permission is Permission.VIEW_AUDIT
    if role is not Role.ADMIN:  # and the service refuses them too
        with ctx.db.session() as s, pytest.raises(PermissionDenied):
            search(s, ctx.actor)


# ------------------------------------------------------------------------------ the table
def test_the_table_lists_every_write_newest_first(page, gui_db):
    expected = all_rows(gui_db)
    assert [r.id for r in page.model.rows] == [r.id for r in expected]
    assert actions(page)[:4] == ["office.set", "user.sign_in_failed", "user.sign_in", "user.sign_in"]
    assert page.title() == "گزارش رویدادها"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMNS)]
    assert headers == ["ردیف", "زمان", "کاربر", "رویداد", "موضوع", "شناسه", "پیش از تغییر", "پس از تغییر"]
    assert page.count.text() == f"{localize_digits(str(len(expected)))} رویداد."
    model = page.model
    newest = model.index(0, 0)
    assert model.data(newest.siblingAtColumn(NUMBER)) == localize_digits(str(expected[0].id))
    when = model.data(newest.siblingAtColumn(TIME))  # Jalali date and time, Persian digits
    assert when.startswith("۱۴") and not any(c.isascii() and c.isdigit() for c in when)
    assert model.data(newest.siblingAtColumn(USER)) == "boss"
    assert model.data(newest.siblingAtColumn(ACTION), Qt.ItemDataRole.ToolTipRole) == "تغییر تنظیمات اداره"
    # before → after: a policy change shows the old and the new value; JSON reads left to right
    assert model.data(newest.siblingAtColumn(BEFORE)) == ""  # the policy had its default before
    assert model.data(newest.siblingAtColumn(AFTER)) == f"{LRI}7{PDI}"


def test_json_is_compact_in_the_cell_and_whole_in_the_tooltip(page, gui_db):
    row = page.model.row_of(min(r.id for r in page.model.rows if r.action == "demo.load"))
    cell = page.model.index(row, AFTER)
    shown = page.model.data(cell)
    stored = page.model.rows[row].after
    assert shown.startswith(LRI + "{") and shown.endswith("…" + PDI) and "\n" not in shown  # cut
    assert len(shown) <= 72
    tip = page.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert json.loads(tip) == json.loads(stored) and "\n" in tip  # whole, indented
    assert page.model.data(page.model.index(row, BEFORE)) == ""  # nothing before a load


def test_of_two_records_only_the_changed_fields_are_shown(page, ctx):
    with ctx.db.session() as s:
        accounts.set_locked(s, ctx.actor, "guest", True)
    page.refresh()
    assert page.model.data(page.model.index(0, ACTION)) == "state.seal"  # the lock's seal comes last
    index = page.model.index(1, 0)
    assert page.model.data(index.siblingAtColumn(ACTION)) == "user.lock"
    assert page.model.data(index.siblingAtColumn(BEFORE)) == LRI + '{"locked": false}' + PDI
    assert page.model.data(index.siblingAtColumn(AFTER)) == LRI + '{"locked": true}' + PDI
    assert '"full_name"' in page.model.data(index.siblingAtColumn(AFTER), Qt.ItemDataRole.ToolTipRole)


def test_cells_align_to_the_reading_direction_only(page):
    allowed = {int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter),
               int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)}
    for row in range(page.model.rowCount()):
        for col in range(COLUMNS):
            assert page.model.data(page.model.index(row, col), Qt.ItemDataRole.TextAlignmentRole) in allowed


def test_the_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)
    page.model.set_problems({page.model.rows[0].id: "ردیف دستکاری شده"})
    qtmodeltester.check(page.model)
    empty = AuditModel("fa")
    qtmodeltester.check(empty)
    entry = AuditEntry(1, dt.datetime(2026, 1, 1, 12, 0), "boss", "x.y", "thing", "1", None, "not json")
    empty.load([entry])
    qtmodeltester.check(empty)
    assert empty.data(empty.index(0, AFTER), Qt.ItemDataRole.ToolTipRole) == "not json"


# ------------------------------------------------------------------------------ filters
def test_filters_narrow_the_rows(page, gui_db):
    everything = len(page.model.rows)
    page.user_filter.setText("clerk")
    page.apply_filters()
    assert {r.username for r in page.model.rows} == {"clerk"} and actions(page) == ["user.sign_in"]

    page.user_filter.clear()
    page.action_filter.setEditText("user.sign_in")  # an action prefix: both sign-in actions
    page.apply_filters()
    assert set(actions(page)) == {"user.sign_in", "user.sign_in_failed"} and len(actions(page)) == 3

    page.action_filter.setEditText("user.")
    page.entity_filter.setEditText("user")
    page.apply_filters()
    assert set(actions(page)) == {"user.create", "user.sign_in", "user.sign_in_failed"}

    page.action_filter.setEditText("")
    page.entity_filter.setEditText("province")
    page.apply_filters()
    assert actions(page) == ["demo.load"]

    page.clear_filters()
    assert len(page.model.rows) == everything
    assert page.user_filter.text() == "" and not page.from_check.isChecked()


def test_the_choices_list_the_actions_and_entities_in_the_trail(page):
    choices = [page.action_filter.itemText(i) for i in range(page.action_filter.count())]
    assert "" in choices and "user." in choices and "user.sign_in_failed" in choices and "demo.load" in choices
    entities = [page.entity_filter.itemText(i) for i in range(page.entity_filter.count())]
    assert {"user", "province", "office_setting"} <= set(entities)


def test_typing_in_a_filter_refreshes_after_a_pause(page, qtbot):
    type_text(page.user_filter, "gue")
    qtbot.waitUntil(lambda: {r.username for r in page.model.rows} == {"guest"}, timeout=3000)
    assert actions(page) == ["user.sign_in_failed"]


def test_the_jalali_date_range(page, gui_db):
    every = len(page.model.rows)
    for edit in (page.from_date, page.to_date):
        assert edit.calendar().name() == QCalendar(QCalendar.System.Jalali).name()
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight  # sections stay yyyy/MM/dd
        assert edit.calendarWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert not edit.isEnabled()
    today = QDate.currentDate()
    page.from_check.setChecked(True)
    page.to_check.setChecked(True)
    assert page.from_date.isEnabled() and page.to_date.isEnabled()
    page.from_date.setDate(today)
    page.to_date.setDate(today)
    page.apply_filters()
    assert len(page.model.rows) == every  # everything happened today; the end day is included
    shown = page.from_date.text()
    assert localize_digits(shown, "latin") == QDate.currentDate().toString("yyyy/MM/dd",
                                                                            QCalendar(QCalendar.System.Jalali))
    page.from_date.setDate(today.addDays(1))
    page.to_date.setDate(today.addDays(5))
    page.apply_filters()
    assert page.model.rows == [] and page.count.text() == "هیچ رویدادی با این پالایه‌ها پیدا نشد."
    page.from_date.setDate(today.addDays(-10))
    page.to_date.setDate(today.addDays(-1))
    page.apply_filters()
    assert page.model.rows == []
    # an old row falls inside a range in the past
    with gui_db.engine.begin() as conn:  # (moving a row breaks the chain, which is beside the point here)
        conn.execute(text("UPDATE audit_log SET at = :at WHERE id = 1"),
                     {"at": (dt.datetime.now(dt.UTC) - dt.timedelta(days=3)).strftime("%Y-%m-%d %H:%M:%S.%f")})
    page.apply_filters()
    assert [r.id for r in page.model.rows] == [1]
    page.from_date.setDate(today)
    page.to_date.setDate(today.addDays(-1))
    page.apply_filters()
    assert page.filter_message.text() == "تاریخ آغاز پس از تاریخ پایان است." and page.model.rows == []


def test_at_most_the_newest_rows_are_listed(page, ctx, monkeypatch):
    import rasad_desktop.gui.pages.audit as audit_page

    monkeypatch.setattr(audit_page, "LIMIT", 3)
    page.refresh()
    assert len(page.model.rows) == 3
    assert page.count.text().startswith("۳ رویداد تازه‌تر نمایش داده شده است")


# ------------------------------------------------------------------------------ verifying
def test_verify_names_data_changed_by_sql(page, gui_db, qtbot):
    with gui_db.engine.begin() as conn:
        conn.execute(text("UPDATE users SET role = 'admin' WHERE username = 'guest'"))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.result.property("state") == "tampered"
    lines = page.result.text().splitlines()
    assert lines[0] == "داده‌ها بیرون از سامانه تغییر کرده‌اند: ۱ بخش با آنچه گزارش رویدادها ثبت کرده است نمی‌خواند."
    assert lines[1] == "• نقش، قفل یا گذرواژهٔ کاربر «guest»: بیرون از سامانه تغییر کرده است."


def test_verify_says_intact_then_finds_a_tampered_row(page, gui_db, qtbot):
    count = len(all_rows(gui_db))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.result.property("state") == "intact"
    first, data, second = page.result.text().split("\n")
    assert first == (f"گزارش رویدادها سالم است: {localize_digits(str(count))} رویداد بررسی شد و "
                     "هیچ‌کدام پس از ثبت تغییر نکرده، حذف یا افزوده نشده است.")
    assert data.startswith("داده‌ها با گزارش رویدادها می‌خواند: ") and page.last_check.buckets > 10
    newest = max(r.id for r in all_rows(gui_db))
    assert second.startswith("لنگر برای یادداشت") and f"\u2068{newest}:" in second  # isolated, Latin digits
    assert (page.last_check.checked, page.last_check.problems) == (count, [])

    target = page.model.rows[3].id
    with gui_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'guest' WHERE id = :id"), {"id": target})
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.result.property("state") == "tampered"
    lines = page.result.text().splitlines()
    assert lines[0] == f"گزارش رویدادها دستکاری شده است: ۱ مشکل در {localize_digits(str(count))} رویداد بررسی‌شده."
    assert lines[1] == f"• ردیف {localize_digits(str(target))} گزارش رویدادها پس از ثبت تغییر کرده است."
    row = page.model.row_of(target)
    marked = page.model.index(row, USER)
    assert page.model.data(marked, Qt.ItemDataRole.BackgroundRole) is not None
    assert "پس از ثبت تغییر کرده" in page.model.data(marked, Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(page.model.index(0, USER), Qt.ItemDataRole.BackgroundRole) is None
    assert page.verify_button.isEnabled()


def test_verify_reports_a_deleted_row_and_lists_many_problems_briefly(page, gui_db, monkeypatch):
    import rasad_desktop.gui.pages.audit as audit_page

    monkeypatch.setattr(audit_page, "SHOWN_PROBLEMS", 3)
    ids = sorted(r.id for r in all_rows(gui_db))
    with gui_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[1]})
        conn.execute(text("UPDATE audit_log SET entity_id = 'x' WHERE id >= :id"), {"id": ids[2]})
    page.verify()
    lines = page.result.text().splitlines()
    assert f"• ردیف‌هایی پیش از ردیف {localize_digits(str(ids[2]))} گزارش رویدادها حذف یا جابه‌جا شده‌اند." in lines
    # the deleted row was the first account's seal: that account is now data the trail never vouched for
    assert lines[1].startswith("داده‌ها بیرون از سامانه تغییر کرده‌اند: ۱ بخش")
    assert "«boss»" in page.last_check.state[0].message()
    problems = len(page.last_check.problems) + len(page.last_check.state)
    assert problems > 3 and len(lines) == 2 + 3 + 1
    assert lines[-1] == f"…و {localize_digits(str(problems - 3))} مشکل دیگر."


def test_a_failing_check_goes_to_the_error_handler(page, monkeypatch):
    import rasad_desktop.gui.pages.audit as audit_page

    def broken(session, actor):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk gone")

    monkeypatch.setattr(audit_page, "check_trail", broken)
    page.verify()
    assert isinstance(page.ctx.errors.seen[-1], RuntimeError)
    assert page.verify_button.isEnabled()


def test_the_page_refreshes_when_data_changes(page, ctx):
    from rasad_desktop.gui.context import Changes
    from rasad_desktop.gui.signals import emit

    before = len(page.model.rows)
    with ctx.db.session() as s:
        accounts.sign_in(s, "guest", PASSWORD)
    emit(ctx.events.data_changed, Changes.USERS | Changes.AUDIT)
    assert len(page.model.rows) == before + 1 and actions(page)[0] == "user.sign_in"
