"""The idle lock: after the office's idle time every window is covered and a modal dialog asks
for the signed-in user's password; a wrong one keeps it locked (and counts toward the
lockout), the right one unlocks; any user input restarts the idle time.

No test waits minutes: the watcher's clock is replaced and ``check(now)`` decides."""

from __future__ import annotations

import pytest
from keys import PASSWORD, USERS, press, type_text
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from sqlalchemy import select

from rasad_desktop.db.models import AuditLog
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.idle_lock import IdleWatcher, LockDialog
from rasad_desktop.gui.main_window import MainWindow
from rasad_desktop.gui.signals import emit
from rasad_desktop.services import accounts, office
from rasad_desktop.services.roles import Role


class Clock:
    def __init__(self) -> None:
        self.ms = 1_000_000

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def window(make_ctx, qtbot, persian):  # type: ignore[no-untyped-def]
    ctx = make_ctx(Role.DATA_ENTRY)
    with ctx.db.session() as s:
        office.set_policy(s, accounts.sign_in(s, USERS[Role.ADMIN], PASSWORD).actor, "idle_lock_minutes", 3)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watcher = window.idle_lock
    watcher.clock = Clock()
    watcher.note_input()
    window.sign_outs = []  # type: ignore[attr-defined]
    watcher.sign_out = lambda: window.sign_outs.append(1)  # type: ignore[attr-defined]
    return window


def idle(window: MainWindow, ms: int) -> bool:
    """Let ``ms`` milliseconds pass without input; True if the watcher locked."""
    watcher = window.idle_lock
    watcher.clock.ms += ms
    return watcher.check()


def covers(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.findChildren(QWidget, "idleCover", Qt.FindChildOption.FindDirectChildrenOnly)
            if c.isVisible()]


def failed_attempts(window: MainWindow) -> int:
    with window.ctx.db.session() as s:
        return accounts.get_user(s, USERS[Role.DATA_ENTRY]).failed_attempts


# ------------------------------------------------------------------------------ locking
def test_the_idle_time_is_the_office_policy(window):
    watcher = window.idle_lock
    assert isinstance(watcher, IdleWatcher)
    assert watcher.minutes == 3 and watcher.idle_limit_ms == 3 * 60_000
    assert watcher.timer.isActive() and watcher.timer.interval() <= 5_000


def test_the_lock_appears_after_the_idle_time(window, qtbot):
    watcher = window.idle_lock
    seen: list[bool] = []
    watcher.locked_changed.connect(seen.append)
    assert not idle(window, 3 * 60_000 - 1) and watcher.dialog is None
    assert idle(window, 1)
    dialog = watcher.dialog
    assert isinstance(dialog, LockDialog) and dialog.isVisible() and watcher.locked and seen == [True]
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() == "رصد قفل است"
    assert dialog.findChild(QLabel, "heading").text() == "قفل به دلیل بی‌کاری"
    assert dialog.findChild(QLabel, "note").text().startswith("رصد پس از ۳ دقیقه بی‌کاری قفل شد.")
    assert dialog.who.text() == "کاربر clerk (clerk)"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    # the window's contents are covered: nothing of the data shows
    [cover] = covers(window)
    assert cover.geometry() == window.rect()
    window.resize(window.width() + 40, window.height() + 30)
    assert cover.geometry() == window.rect()
    assert not idle(window, 10 * 60_000)  # already locked: no second dialog
    assert watcher.dialog is dialog


def test_a_wrong_password_keeps_it_locked_with_a_persian_message(window):
    watcher = window.idle_lock
    dialog = watcher.lock()
    type_text(dialog.password, "not-my-password")
    dialog.unlock_button.click()
    assert watcher.locked and dialog.isVisible() and covers(window)
    assert dialog.message.text() == "نام کاربری یا گذرواژه نادرست است."
    assert dialog.password.text() == ""  # typed again from scratch
    assert failed_attempts(window) == 1  # a wrong password at the lock counts toward the lockout
    with window.ctx.db.session() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert (last.action, last.username) == ("user.sign_in_failed", "clerk")


def test_the_right_password_unlocks(window, qtbot):
    watcher = window.idle_lock
    seen: list[bool] = []
    watcher.locked_changed.connect(seen.append)
    page = window.stack.currentWidget()
    dialog = watcher.lock()
    type_text(dialog.password, "wrong")
    dialog.unlock_button.click()
    type_text(dialog.password, PASSWORD)
    press(dialog.password, Qt.Key.Key_Return)  # Enter unlocks, like the button
    assert not watcher.locked and watcher.dialog is None and seen == [True, False]
    assert not dialog.isVisible() and covers(window) == []
    assert window.stack.currentWidget() is page and page.isVisible()
    assert failed_attempts(window) == 0  # the right password clears the wrong attempts
    assert watcher.idle_ms() == 0  # the idle time starts again
    assert not idle(window, 3 * 60_000 - 1)
    assert idle(window, 1)  # and locks again after the next idle time


def test_escape_and_closing_do_not_unlock(window):
    watcher = window.idle_lock
    dialog = watcher.lock()
    press(dialog.password, Qt.Key.Key_Escape)
    dialog.reject()
    dialog.close()
    assert watcher.locked and dialog.isVisible() and covers(window)


def test_sign_out_closes_the_application_through_its_hook(window):
    dialog = window.idle_lock.lock()
    dialog.sign_out_button.click()
    assert window.sign_outs == [1]
    plain = IdleWatcher(window, window.ctx)  # as the application has it: signing out quits
    assert plain.sign_out == QApplication.quit


def test_repeated_wrong_passwords_lock_the_account(window):
    dialog = window.idle_lock.lock()
    for _ in range(5):
        type_text(dialog.password, "wrong")
        dialog.unlock_button.click()
    type_text(dialog.password, PASSWORD)
    dialog.unlock_button.click()
    assert window.idle_lock.locked
    assert dialog.message.property("code") == "account_lockout"
    assert "قفل است" in dialog.message.text()


def test_other_open_windows_are_covered_too(window, qtbot):
    other = QDialog(window)
    other.setObjectName("someDialog")
    QLabel("۱۲۳٬۴۵۶ ریال", other)
    other.resize(300, 200)
    other.show()
    qtbot.waitExposed(other)
    window.idle_lock.lock()
    assert len(covers(other)) == 1 and len(covers(window)) == 1
    assert covers(window.idle_lock.dialog) == []
    window.idle_lock.dialog.password.setText(PASSWORD)
    window.idle_lock.dialog.try_unlock()
    assert covers(other) == [] and other.isVisible()  # the dialog goes on where it was


# ------------------------------------------------------------------------------ input
def test_user_input_restarts_the_idle_time(window):
    target = window.nav

    def almost_idle() -> None:
        assert not idle(window, 3 * 60_000 - 1_000)

    almost_idle()
    press(target, Qt.Key.Key_Down)  # a key
    almost_idle()
    pos = QPointF(20, 20)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):  # a click
        QApplication.sendEvent(target.viewport(), QMouseEvent(kind, pos, target.viewport().mapToGlobal(pos),
                                                              Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                                              Qt.KeyboardModifier.NoModifier))
    almost_idle()
    wheel = QWheelEvent(pos, target.viewport().mapToGlobal(pos), QPointF(0, 0).toPoint(), QPointF(0, -120).toPoint(),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target.viewport(), wheel)  # the wheel
    almost_idle()

    def move(x: float) -> None:
        at = QPointF(x, 30)
        QApplication.sendEvent(target, QMouseEvent(QEvent.Type.MouseMove, at, target.mapToGlobal(at),
                                                   Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                                   Qt.KeyboardModifier.NoModifier))

    move(40)  # the mouse moved
    almost_idle()
    move(40)  # … but a move event where the mouse already was is Qt's, not the user's
    assert idle(window, 1_000)


def test_input_while_locked_does_not_count(window):
    dialog = window.idle_lock.lock()
    window.idle_lock.clock.ms += 10 * 60_000
    type_text(dialog.password, "abc")
    assert window.idle_lock.idle_ms() == 10 * 60_000


def test_a_policy_change_applies_at_once(window):
    ctx = window.ctx
    with ctx.db.session() as s:
        office.set_policy(s, accounts.sign_in(s, USERS[Role.ADMIN], PASSWORD).actor, "idle_lock_minutes", 1)
    emit(ctx.events.data_changed, Changes.OFFICE)
    assert window.idle_lock.idle_limit_ms == 60_000
    assert idle(window, 60_000)


def test_a_window_not_shown_is_not_locked_until_it_is(make_ctx, qtbot):
    window = MainWindow(make_ctx(Role.VIEWER))
    qtbot.addWidget(window)
    watcher = window.idle_lock
    watcher.clock = Clock()
    watcher.note_input()
    watcher.sign_out = lambda: None
    watcher.clock.ms += 60 * 60_000
    assert not watcher.check()
    window.show()
    assert watcher.check() and watcher.dialog.isVisible()


def test_the_timer_locks_by_itself(make_ctx, qtbot):
    window = MainWindow(make_ctx(Role.VIEWER))
    qtbot.addWidget(window)
    window.show()
    watcher = IdleWatcher(window, window.ctx, idle_limit_ms=150, check_every_ms=20, sign_out=lambda: None)
    assert watcher.timer.interval() == 20
    with qtbot.waitSignal(watcher.locked_changed, timeout=3000):
        pass
    assert watcher.locked and watcher.dialog.isVisible()
