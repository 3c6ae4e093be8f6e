"""Sign-in: success, wrong password, lockout, administrator lock, forced password change."""

from __future__ import annotations

import pytest
from keys import PASSWORD, USERS
from PySide6.QtCore import Qt

from rasad_desktop.gui.dialogs.change_password import ChangePasswordDialog
from rasad_desktop.gui.dialogs.first_start import FirstStartDialog
from rasad_desktop.gui.dialogs.sign_in import SignInDialog
from rasad_desktop.services import accounts
from rasad_desktop.services.roles import Actor, Role


@pytest.fixture
def dialog(make_services, qtbot):  # type: ignore[no-untyped-def]
    d = SignInDialog(make_services())
    qtbot.addWidget(d)
    return d


def attempt(dialog: SignInDialog, user: str, password: str) -> None:
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.ok.click()


def test_sign_in_succeeds(dialog):
    attempt(dialog, USERS[Role.DATA_ENTRY], PASSWORD)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.result_sign_in.actor.role is Role.DATA_ENTRY


def test_wrong_password_and_lockout_get_distinct_persian_messages(dialog):
    attempt(dialog, USERS[Role.VIEWER], "wrong")
    assert dialog.result() != SignInDialog.DialogCode.Accepted
    wrong = dialog.message.text()
    assert "نادرست" in wrong and dialog.message.property("code") == "wrong_password"
    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        attempt(dialog, USERS[Role.VIEWER], "wrong")
    attempt(dialog, USERS[Role.VIEWER], PASSWORD)  # right password, but locked out now
    assert dialog.result() != SignInDialog.DialogCode.Accepted
    assert dialog.message.property("code") == "account_lockout"
    assert dialog.message.text() != wrong and "قفل" in dialog.message.text()


def test_an_account_locked_by_the_administrator(dialog, gui_db):
    with gui_db.session() as s:
        accounts.set_locked(s, Actor("setup", Role.ADMIN), USERS[Role.VIEWER], True)
    attempt(dialog, USERS[Role.VIEWER], PASSWORD)
    assert dialog.message.property("code") == "account_locked" and "مدیر سامانه" in dialog.message.text()


def test_a_reset_password_must_be_changed_before_going_on(make_services, gui_db, qtbot):
    with gui_db.session() as s:
        temporary = accounts.reset_password(s, Actor("setup", Role.ADMIN), USERS[Role.DATA_ENTRY])
        signed = accounts.sign_in(s, USERS[Role.DATA_ENTRY], temporary)
    assert signed.must_change_password
    change = ChangePasswordDialog(make_services().signed_in(signed.actor), forced=True)
    qtbot.addWidget(change)
    change.old.setText(temporary)
    change.new.setText("new-secret-22")
    change.repeat.setText("new-secret-2")
    change.try_accept()
    assert "یکسان" in change.message.text() and change.result() != ChangePasswordDialog.DialogCode.Accepted
    change.repeat.setText("new-secret-22")
    change.try_accept()
    assert change.result() == ChangePasswordDialog.DialogCode.Accepted
    with gui_db.session() as s:
        assert not accounts.sign_in(s, USERS[Role.DATA_ENTRY], "new-secret-22").must_change_password


def test_first_start_creates_the_administrator(make_services, tmp_path, qtbot):
    from rasad_desktop.db.database import Database

    db = Database.open(f"sqlite:///{(tmp_path / 'new.db').as_posix()}")
    first = FirstStartDialog(make_services(db))
    qtbot.addWidget(first)
    assert first.layoutDirection() == Qt.LayoutDirection.RightToLeft
    first.password.setText("admin-pass-1")
    first.repeat.setText("admin-pass-1")
    first.try_accept()
    assert first.created_username == "admin"
    with db.session() as s:
        assert accounts.sign_in(s, "admin", "admin-pass-1").actor.role is Role.ADMIN
    db.close()
