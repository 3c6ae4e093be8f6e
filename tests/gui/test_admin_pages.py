"""The administrator's pages and the two pages everyone has: Users (add, reset, lock), Notices
(post a maintenance window; shown while in force), Settings (built from the declarations;
this workstation's in settings.json, the office's in the database; a viewer may change only
the language) and About (version, database, font licence).

The pages are shown in Persian: a translator reads the Persian catalogue as it stands in
``resources/i18n/fa`` (the compiled ``.qm`` is rebuilt separately), so the messages checked
here are the ones a user reads."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from keys import PASSWORD, USERS, type_text
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy import select

from rasad_desktop import __version__
from rasad_desktop.config import Settings
from rasad_desktop.core.clock import utcnow
from rasad_desktop.core.settings_schema import MAX_IMAGE_BYTES, OFFICE_FA_DEFAULT, SETTINGS, Kind, Scope
from rasad_desktop.db.models import AuditLog
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.main_window import MainWindow
from rasad_desktop.gui.models.users_model import LAST_SIGN_IN, MUST_CHANGE, ROLE, STATE, UsersModel
from rasad_desktop.gui.pages.about import AboutPage
from rasad_desktop.gui.pages.notices import STATE as NOTICE_STATE
from rasad_desktop.gui.pages.notices import TITLE as NOTICE_TITLE
from rasad_desktop.gui.pages.notices import NoticesPage
from rasad_desktop.gui.pages.settings import SettingsPage
from rasad_desktop.gui.pages.users import AddUserDialog, OneTimePasswordDialog, UsersPage
from rasad_desktop.gui.widgets.setting_fields import ImageField
from rasad_desktop.services import accounts, notices, office
from rasad_desktop.services.accounts import SignInError
from rasad_desktop.services.roles import Role
from rasad_desktop.services.users_view import list_users


def shown(qtbot, page):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


# ------------------------------------------------------------------------------------- users
class Dialogs:
    """Stands in for the modal loop: fills the add-user dialog and reads the one-time one."""

    def __init__(self, qtbot, username: str = "", full_name: str = "", role: Role = Role.VIEWER) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.username, self.full_name, self.role = username, full_name, role
        self.add_dialogs: list[AddUserDialog] = []
        self.passwords: list[tuple[str, str, str]] = []  # (title, user name, password) per showing

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, AddUserDialog):
            self.add_dialogs.append(dialog)
            type_text(dialog.username, self.username)
            type_text(dialog.full_name, self.full_name)
            dialog.role.setCurrentIndex(dialog.role.findData(self.role.value))
            self.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        elif isinstance(dialog, OneTimePasswordDialog):
            self.passwords.append((dialog.windowTitle(), dialog.findChild(QLabel, "username").text(),
                                   dialog.password.text()))
            assert dialog.password.isReadOnly()
            self.qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
            assert QApplication.clipboard().text() == dialog.password.text()
            dialog.accept()
        return dialog.result()


@pytest.fixture
def users_page(make_ctx, qtbot, persian):  # type: ignore[no-untyped-def]
    page = shown(qtbot, UsersPage(make_ctx(Role.ADMIN)))
    page.confirmations = []  # type: ignore[attr-defined]

    def confirm(text: str) -> bool:
        page.confirmations.append(text)  # type: ignore[attr-defined]
        return True

    page.confirm = confirm
    return page


def cell(page: UsersPage, username: str, column: int) -> str:
    return page.model.data(page.model.index(page.model.row_of(username), column))


def sign_in(db, username: str, password: str):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return accounts.sign_in(s, username, password)


def test_the_users_table_lists_every_account_in_persian(users_page):
    page = users_page
    assert [r.username for r in page.model.rows] == sorted(USERS.values())
    assert cell(page, "officer", ROLE) == "کارشناس گزارش"
    assert cell(page, "guest", STATE) == "فعال"
    assert cell(page, "guest", MUST_CHANGE) == "خیر"
    assert cell(page, "guest", LAST_SIGN_IN) == "هرگز"
    last = cell(page, "boss", LAST_SIGN_IN)  # boss signed in to open the page: a Jalali date, Persian digits
    assert last.startswith("۱۴") and not any(c.isascii() and c.isdigit() for c in last)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "نام کاربری"


def test_adding_a_user_shows_the_generated_password_once_and_it_must_be_changed(users_page, gui_db, qtbot):
    page = users_page
    dialogs = Dialogs(qtbot, "n.ahmadi", "نرگس احمدی", Role.REPORT_OFFICER)
    page.exec_dialog = dialogs
    with qtbot.waitSignal(page.ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.USERS)):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.passwords) == 1  # shown once, and only then
    title, username, password = dialogs.passwords[0]
    assert (title, username) == ("گذرواژهٔ کاربر تازه", "n.ahmadi") and len(password) >= 8
    assert page.selected().username == "n.ahmadi"
    assert cell(page, "n.ahmadi", ROLE) == "کارشناس گزارش" and cell(page, "n.ahmadi", MUST_CHANGE) == "بله"
    assert page.message.text() == "کاربر «n.ahmadi» ایجاد شد."
    signed = sign_in(gui_db, "n.ahmadi", password)
    assert signed.must_change_password and signed.actor.role is Role.REPORT_OFFICER
    assert signed.full_name == "نرگس احمدی"
    assert password not in page.message.text()  # the page keeps it nowhere


def test_a_taken_user_name_keeps_the_dialog_open_with_a_persian_message(users_page, qtbot):
    page = users_page
    dialogs = Dialogs(qtbot, "clerk", "کسی دیگر")
    page.exec_dialog = dialogs
    page.add_user()
    dialog = dialogs.add_dialogs[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == "کاربری با نام «clerk» از پیش وجود دارد."
    assert dialogs.passwords == []
    assert [r.username for r in page.model.rows] == sorted(USERS.values())


def test_resetting_a_password_shows_a_temporary_one_once(users_page, gui_db):
    page = users_page
    shown_once: list[tuple[str, str, str, str]] = []
    page.show_once = lambda *args: shown_once.append(args)
    assert page.select("clerk")
    page.reset_button.click()
    assert "clerk" in page.confirmations[0]
    assert len(shown_once) == 1
    title, username, temporary, note = shown_once[0]
    assert (title, username) == ("گذرواژهٔ موقت", "clerk")
    with pytest.raises(SignInError):
        sign_in(gui_db, "clerk", PASSWORD)  # the old password no longer works
    assert sign_in(gui_db, "clerk", temporary).must_change_password
    assert cell(page, "clerk", MUST_CHANGE) == "بله"
    assert page.message.text() == "گذرواژهٔ «clerk» بازنشانی شد؛ او باید در ورود بعدی آن را تغییر دهد."


def test_a_reset_the_administrator_does_not_confirm_changes_nothing(users_page, gui_db):
    page = users_page
    page.confirm = lambda text: False
    page.show_once = lambda *args: pytest.fail("nothing to show")
    page.select("clerk")
    page.reset_password()
    assert not sign_in(gui_db, "clerk", PASSWORD).must_change_password


def test_lock_then_unlock(users_page, gui_db):
    page = users_page
    page.select("guest")
    assert page.lock_button.isEnabled() and not page.unlock_button.isEnabled()
    page.lock_button.click()
    assert cell(page, "guest", STATE) == "قفل‌شده"
    assert page.message.text() == "حساب «guest» قفل شد."
    assert page.unlock_button.isEnabled() and not page.lock_button.isEnabled()
    with pytest.raises(SignInError) as refused:
        sign_in(gui_db, "guest", PASSWORD)
    assert refused.value.code == "account_locked"
    page.unlock_button.click()
    assert cell(page, "guest", STATE) == "فعال"
    assert sign_in(gui_db, "guest", PASSWORD).actor.username == "guest"


def test_a_lockout_after_wrong_passwords_shows_until_when_and_unlock_ends_it(users_page, gui_db):
    page = users_page
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInError):
            sign_in(gui_db, "officer", "wrong-password")
    page.refresh()
    assert cell(page, "officer", STATE).startswith("قفل موقت تا ۱۴")
    page.select("officer")
    assert page.unlock_button.isEnabled()
    page.unlock_button.click()
    assert cell(page, "officer", STATE) == "فعال"
    assert sign_in(gui_db, "officer", PASSWORD)


def test_the_administrator_cannot_lock_themself(users_page, gui_db):
    page = users_page
    page.select("boss")
    page.lock_button.click()
    assert page.message.text() == "مدیر سامانه نمی‌تواند حساب خودش را قفل کند."
    assert page.ctx.errors.seen == []  # a message, not a crash report
    assert cell(page, "boss", STATE) == "فعال"
    assert sign_in(gui_db, "boss", PASSWORD)



def test_changing_a_role_signs_the_holder_out_at_their_next_read_or_write(users_page, make_ctx, tmp_path):
    from rasad_desktop.gui.errors import ErrorHandler
    from rasad_desktop.gui.operations import ReadOp, WriteOp
    from rasad_desktop.services.errors import SessionEnded

    clerk = make_ctx(Role.DATA_ENTRY)  # signed in before the administrator acts
    page = users_page
    page.select("boss")
    assert not page.role_button.isEnabled()  # not one's own role
    page.select("clerk")
    page.choose_role = lambda username, current: Role.VIEWER if current is Role.DATA_ENTRY else None
    page.role_button.click()
    assert cell(page, "clerk", ROLE) == "بیننده"
    assert "خارج می‌شود" in page.message.text()
    # the clerk's next read, even one whose failures go to a dialog's message line, ends the session
    shown_in_line: list[str] = []
    ReadOp(None, clerk, lambda s, actor: 1).messages_to(shown_in_line.append).run_now()
    assert shown_in_line == [] and isinstance(clerk.errors.seen[-1], SessionEnded)
    assert not WriteOp(None, clerk, lambda s, actor: accounts.set_role(s, actor, "guest", Role.ADMIN),
                       Changes.USERS).run_now()
    assert [type(e) for e in clerk.errors.seen] == [SessionEnded, SessionEnded]  # not «may not manage users»
    ended: list[bool] = []
    handler = ErrorHandler(tmp_path / "logs", no_dialogs=True)
    handler.on_session_ended = lambda: ended.append(True)
    handler(None, clerk.errors.seen[-1])
    assert ended == [True]


def test_list_users_reads_the_states(make_ctx, gui_db):
    ctx = make_ctx(Role.ADMIN)
    with gui_db.session() as s:
        accounts.set_locked(s, ctx.actor, "guest", True)
    later = utcnow() + dt.timedelta(hours=1)
    with gui_db.session() as s:
        rows = {r.username: r for r in list_users(s)}
        assert rows["guest"].state == "locked" and rows["clerk"].state == "active"
        assert rows["boss"].last_login_at is not None and rows["boss"].role is Role.ADMIN
        assert not hasattr(rows["boss"], "password_hash")
        assert all(r.locked_until is None for r in list_users(s, now=later))


def test_the_users_model_passes_the_model_tester(make_ctx, gui_db, qtmodeltester):
    make_ctx(Role.ADMIN)
    model = UsersModel("fa")
    with gui_db.session() as s:
        model.load(list_users(s))
    qtmodeltester.check(model)
    alignment = Qt.AlignmentFlag(model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignLeading and not alignment & Qt.AlignmentFlag.AlignAbsolute


# ----------------------------------------------------------------------------------- notices
def local(utc: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(utc.replace(tzinfo=dt.UTC).timestamp()))


def post_through_the_form(page: NoticesPage, title: str, body: str, starts: dt.datetime, ends: dt.datetime) -> bool:
    type_text(page.notice_title, title)
    type_text(page.body, body)
    page.starts.setDateTime(local(starts))
    page.ends.setDateTime(local(ends))
    return page.post()


def notice_texts(page: NoticesPage, column: int) -> list[str]:
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def test_a_notice_posted_around_now_is_in_force_and_listed(make_ctx, qtbot, persian, gui_db):
    ctx = make_ctx(Role.ADMIN)
    page = shown(qtbot, NoticesPage(ctx))
    assert page.starts.calendar().name() == "Jalali" and page.starts.text().startswith("۱۴")
    now = utcnow().replace(second=0, microsecond=0)
    with qtbot.waitSignal(ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.NOTICES)):
        assert post_through_the_form(page, "نگهداری سامانه", "پشتیبان‌گیری از پایگاه داده",
                                     now - dt.timedelta(minutes=5), now + dt.timedelta(hours=2))
    assert page.message.text() == "اطلاعیه منتشر شد."
    assert notice_texts(page, NOTICE_TITLE) == ["نگهداری سامانه"]
    assert notice_texts(page, NOTICE_STATE) == ["جاری"]
    assert page.table.item(0, 4).text().startswith("۱۴")  # a Jalali date in Persian digits
    with gui_db.session() as s:
        in_force = notices.notices_in_force(s)
        assert [(n.title, n.kind, n.starts_at, n.ends_at) for n in in_force] == [
            ("نگهداری سامانه", "maintenance", now - dt.timedelta(minutes=5), now + dt.timedelta(hours=2))]
    assert page.notice_title.text() == ""  # the form is ready for the next one


def test_a_future_notice_is_listed_as_upcoming_and_not_in_force(make_ctx, qtbot, persian, gui_db):
    page = shown(qtbot, NoticesPage(make_ctx(Role.ADMIN)))
    page.kind.setCurrentIndex(page.kind.findData("info"))
    tomorrow = utcnow().replace(second=0, microsecond=0) + dt.timedelta(days=1)
    assert post_through_the_form(page, "به‌روزرسانی", "نسخهٔ تازه", tomorrow, tomorrow + dt.timedelta(hours=1))
    assert notice_texts(page, NOTICE_STATE) == ["پیش رو"]
    assert notice_texts(page, 1) == ["اطلاع‌رسانی"]
    with gui_db.session() as s:
        assert notices.notices_in_force(s) == []
        assert [n.title for n in notices.upcoming_notices(s)] == ["به‌روزرسانی"]


def test_a_window_that_ends_before_it_starts_is_refused_in_persian(make_ctx, qtbot, persian, gui_db):
    page = shown(qtbot, NoticesPage(make_ctx(Role.ADMIN)))
    start = utcnow() + dt.timedelta(hours=3)
    assert not post_through_the_form(page, "نگهداری", "", start, start - dt.timedelta(hours=1))
    assert page.message.text() == "پایان بازهٔ اطلاعیه باید پس از آغاز آن باشد."
    assert not post_through_the_form(page, "", "", utcnow() - dt.timedelta(hours=3), utcnow() - dt.timedelta(hours=1))
    assert page.message.text() == "این بازهٔ زمانی گذشته است؛ زمان پایان را در آینده برگزینید."
    with gui_db.session() as s:
        assert notices.upcoming_notices(s) == []


def test_posting_refreshes_the_banner_of_the_main_window(make_ctx, qtbot, persian):
    window = MainWindow(make_ctx(Role.ADMIN))
    qtbot.addWidget(window)
    window.show()
    assert not window.banner.isVisible()
    page = window.show_page("notices")
    assert isinstance(page, NoticesPage)
    now = utcnow()
    assert post_through_the_form(page, "نگهداری سامانه", "قطع کوتاه", now - dt.timedelta(minutes=1),
                                 now + dt.timedelta(hours=1))
    assert window.banner.isVisible() and "نگهداری سامانه" in window.banner.text()


def test_a_viewer_sees_the_notices_but_no_post_form(make_ctx, qtbot, persian, gui_db):
    admin = make_ctx(Role.ADMIN)
    with gui_db.session() as s:
        notices.post_notice(s, admin.actor, "نگهداری سامانه", "", utcnow() - dt.timedelta(minutes=1),
                            utcnow() + dt.timedelta(hours=1))
    page = shown(qtbot, NoticesPage(make_ctx(Role.VIEWER)))
    assert page.form is None and page.findChild(QGroupBox, "postForm") is None
    assert notice_texts(page, NOTICE_TITLE) == ["نگهداری سامانه"]
    assert not page.post()


# ---------------------------------------------------------------------------------- settings
def retype(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.selectAll()
    type_text(widget, text)


def value(page: SettingsPage, key: str):  # type: ignore[no-untyped-def]
    return page.fields[key].value()


def office_values(ctx) -> dict:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return office.read_settings(s)


def test_an_administrator_changes_thresholds_and_office_and_they_are_saved(make_ctx, qtbot, persian):
    ctx = make_ctx(Role.ADMIN)
    page = shown(qtbot, SettingsPage(ctx))
    good, watch = page.fields["status_good"].input, page.fields["status_watch"].input
    assert good.value() == 100 and watch.value() == 80
    retype(good, "۱۱۰")  # Persian digits, as typed on a Persian keyboard
    retype(watch, "۹۰")
    retype(page.fields["office_fa"].input, "اداره کل امور اقتصادی و دارایی استان اردبیل")
    unit = page.fields["default_unit"].input
    unit.setCurrentIndex(unit.findData("billion"))
    with qtbot.waitSignal(ctx.events.data_changed, check_params_cb=lambda what: bool(what & Changes.SETTINGS)):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "ذخیره شد."
    stored = office_values(ctx)  # the office's: in the database, for every workstation
    assert stored["status_good"] == 110 and stored["status_watch"] == 90
    assert stored["office_fa"] == "اداره کل امور اقتصادی و دارایی استان اردبیل"
    assert Settings(ctx.data_dir).get("default_unit") == "billion"  # this workstation's: in its file
    on_file = json.loads((ctx.data_dir / Settings.FILE_NAME).read_text(encoding="utf-8"))
    assert on_file == {"default_unit": "billion"}
    with ctx.db.session() as s:  # what the other pages read
        assert office.thresholds(s).good == 110
        audited = s.scalars(select(AuditLog).where(AuditLog.action == "office.set").order_by(AuditLog.id)).all()
    assert [(a.entity_id, a.before, a.after) for a in audited] == [
        ("office_fa", None, json.dumps("اداره کل امور اقتصادی و دارایی استان اردبیل", ensure_ascii=False)),
        ("status_good", None, "110"), ("status_watch", None, "90")]  # (before: the defaults applied)
    assert len({a.at for a in audited}) == 1  # one transaction
    page.save()  # nothing changed since: nothing written
    assert page.message.text() == "چیزی برای ذخیره نیست؛ تنظیمات تغییری نکرده‌اند."


def test_invalid_settings_get_a_persian_message_and_nothing_is_written(make_ctx, qtbot, persian):
    ctx = make_ctx(Role.ADMIN)
    page = shown(qtbot, SettingsPage(ctx))
    page.fields["status_watch"].input.setValue(120)
    page.fields["default_unit"].input.setCurrentIndex(0)  # a workstation change in the same Save
    assert not page.save()
    assert page.message.text() == "آستانهٔ «نیازمند پیگیری» نمی‌تواند از آستانهٔ «مطلوب» بالاتر باشد."
    page.fields["status_watch"].input.setValue(80)
    page.fields["office_fa"].input.clear()
    assert not page.save()
    assert page.message.text() == "نام اداره را وارد کنید؛ این نام بر همهٔ گزارش‌ها چاپ می‌شود."
    page.fields["office_fa"].input.setText("اداره")
    page.fields["province_fa"].input.setText("  ")
    assert not page.save()
    assert page.message.text() == "نام استان را وارد کنید."
    assert not (ctx.data_dir / Settings.FILE_NAME).exists()
    assert office_values(ctx)["office_fa"] == OFFICE_FA_DEFAULT
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)  # «undo changes»
    assert value(page, "office_fa") == OFFICE_FA_DEFAULT and value(page, "province_fa") == "آذربایجان شرقی"
    assert value(page, "default_unit") == "million"


def scan(path, size=(40, 20), fmt="PNG"):  # type: ignore[no-untyped-def]
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path), fmt)
    return path


def test_the_signature_image_is_chosen_previewed_and_kept_in_the_database(make_ctx, qtbot, persian, tmp_path):
    ctx = make_ctx(Role.ADMIN)
    page = shown(qtbot, SettingsPage(ctx))
    field = page.image
    assert field.preview.text() == "تصویر امضا تعیین نشده است" and field.value() is None
    image = scan(tmp_path / "signature.png")
    page.choose_image = lambda: str(image)
    field.choose_button.click()
    assert field.value() == image.read_bytes() and not field.preview.pixmap().isNull()
    assert field.info.text().replace("\u200f", "").startswith("تصویر PNG، ")
    assert page.save()
    with ctx.db.session() as s:
        assert office.get(s, "signature_image") == image.read_bytes()
        entry = s.scalars(select(AuditLog).where(AuditLog.entity_id == "signature_image")).one()
    assert json.loads(entry.after) == {"sha256": hashlib.sha256(image.read_bytes()).hexdigest(),
                                       "bytes": len(image.read_bytes())}  # the digest, not the bytes
    assert entry.before is None
    # by its content, not its name: a GIF is refused even when named .png, the field keeps the scan
    gif = tmp_path / "signature-gif.png"
    gif.write_bytes(b"GIF89a" + bytes(40))
    page.choose_image = lambda: str(gif)
    field.choose_button.click()
    assert page.message.text() == "تصویر امضا باید فایل PNG یا JPEG باشد."
    assert field.value() == image.read_bytes()
    page.choose_image = lambda: str(tmp_path / "missing.png")
    field.choose_button.click()
    assert "پیدا نشد" in page.message.text() and field.value() == image.read_bytes()
    page.choose_image = lambda: ""  # the chooser was cancelled: the field keeps its value
    field.choose_button.click()
    assert field.value() == image.read_bytes()
    field.remove_button.click()
    assert field.value() is None
    assert page.save()
    with ctx.db.session() as s:
        assert office.get(s, "signature_image") is None
    assert not (ctx.data_dir / Settings.FILE_NAME).exists()  # nothing of it on this workstation


def test_a_too_large_signature_image_is_refused(make_ctx, qtbot, persian, tmp_path):
    page = shown(qtbot, SettingsPage(make_ctx(Role.ADMIN)))
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(MAX_IMAGE_BYTES))
    page.choose_image = lambda: str(big)
    page.image.choose_button.click()
    assert page.message.text() == "تصویر امضا بزرگ‌تر از ۱۰۲۴ کیلوبایت است؛ تصویر کوچک‌تری انتخاب کنید."
    assert page.image.value() is None


def test_a_viewer_can_change_only_the_language(make_ctx, qtbot, persian):
    ctx = make_ctx(Role.VIEWER)
    page = shown(qtbot, SettingsPage(ctx))
    assert page.fields["language"].input.isEnabled() and page.admin_note.isVisible()
    assert page.admin_widgets and all(not w.isEnabled() for w in page.admin_widgets)
    page.fields["status_good"].input.setValue(50)  # even if a disabled field changed, it is not saved
    page.fields["workstation"].input.setValue(7)
    language = page.fields["language"].input
    language.setCurrentIndex(language.findData("en"))
    assert page.save()
    assert page.message.text() == "ذخیره شد. زبان تازه از اجرای بعدی رصد منابع اعمال می‌شود."
    stored = json.loads((ctx.data_dir / Settings.FILE_NAME).read_text(encoding="utf-8"))
    assert stored == {"language": "en"}
    assert office_values(ctx)["status_good"] == 100
    assert ctx.language == "fa"  # takes effect at the next start


def test_the_page_is_built_from_the_declarations(make_ctx, qtbot, persian):
    """One input per declared setting shown on the page, named by its key, in its group's
    box, chosen by its type and with the declared range; labels in the interface's language."""
    page = shown(qtbot, SettingsPage(make_ctx(Role.ADMIN)))
    on_page = [s for s in SETTINGS if s.on_page]
    for scope in Scope:
        assert [k for k, f in page.fields.items() if f.setting.scope is scope] == \
            [s.key for s in on_page if s.scope is scope]
    kinds = {Kind.BOOL: QCheckBox, Kind.INT: QSpinBox, Kind.TEXT: QLineEdit, Kind.CHOICE: QComboBox,
             Kind.IMAGE: ImageField}
    for s in on_page:
        found = page.findChildren(QWidget, s.key)
        assert len(found) == 1 and isinstance(found[0], kinds[s.kind]), s.key
        assert page.groups[s.group].isAncestorOf(found[0]) and found[0].isVisibleTo(page), s.key
        if s.kind is Kind.INT:
            assert (found[0].minimum(), found[0].maximum()) == (s.low, s.high), s.key
    assert {s.key for s in SETTINGS if not s.on_page} == {"database_url", "attachments_dir"}  # IT's, in the file
    assert page.groups["status"].title() == "وضعیت دستگاه‌ها در گزارش‌ها"
    assert page.fields["thursday_off"].input.text() == "پنجشنبه‌ها تعطیل است"
    english = shown(qtbot, SettingsPage(make_ctx(Role.ADMIN, language="en")))
    assert english.groups["status"].title() == "Status bands of reports"
    assert english.fields["thursday_off"].input.text() == "Thursdays are days off"


# ------------------------------------------------------------------------------------- about
def test_about_shows_the_version_the_database_and_the_font_licence(make_ctx, qtbot, persian):
    ctx = make_ctx(Role.VIEWER)
    page = shown(qtbot, AboutPage(ctx))
    assert page.version.text() == "نسخهٔ " + fmt.number(__version__, "fa")
    assert page.database.text() == ctx.db.describe() and "rasad.db" in page.database.text()
    assert page.data_dir.text() == str(ctx.data_dir) and page.log_dir.text() == str(ctx.log_dir)
    assert page.attachments_dir.text() == str(ctx.data_dir / "attachments")
    assert not page.licence_text.isVisible()
    qtbot.mouseClick(page.licence_button, Qt.MouseButton.LeftButton)
    assert page.licence_text.isVisible()
    assert "SIL OPEN FONT LICENSE Version 1.1" in page.licence_text.toPlainText()
    assert "Vazirmatn" in page.licence_text.toPlainText()
    assert page.licence_button.text() == "پنهان کردن متن پروانه"
    promises = page.findChild(QLabel, "promises").text()
    assert all(word in promises for word in ("رایگان", "محرمانه", "مدیر سامانه"))
