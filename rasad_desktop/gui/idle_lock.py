"""Locking the screen after the office's idle time (policy ``idle_lock_minutes``).

An application-wide event filter notes the time of the last user input (keys, mouse buttons,
mouse moves, the wheel, touch); a timer checks it. After the idle time every open window is
covered — nothing of the data stays readable — and a modal lock dialog asks for the
signed-in user's password. The password is checked by ``accounts.sign_in``, so a wrong one
counts toward the account lockout like any sign-in. "Sign out" closes the application
without saving anything (the person at the keyboard may not be the user).

Tests drive it without waiting: ``IdleWatcher.clock`` and ``idle_limit_ms`` can be replaced,
``check(now_ms)`` decides at a given time, ``lock()`` locks at once, and ``sign_out`` is an
attribute to replace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, StartOp
from rasad_desktop.gui.signals import emit
from rasad_desktop.gui.widgets.forms import latin_edit, message_label
from rasad_desktop.services import office
from rasad_desktop.services.accounts import sign_in

DEFAULT_MINUTES = 10  # the policy's default, used when the database cannot be read
CHECK_EVERY_MS = 5_000
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


def monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


def idle_minutes(ctx: AppContext) -> int:
    # a database that cannot be read still locks, after the default time
    minutes = ReadOp(None, ctx, lambda s, _: int(office.get(s, "idle_lock_minutes"))).failure(lambda _: None).fetch()
    return DEFAULT_MINUTES if minutes is None else minutes


class LockDialog(QDialog):
    """Locked for inactivity: the user's name and a password field. It cannot be closed or
    escaped from; only the right password (``accept``) or "Sign out" ends it."""

    def __init__(self, ctx: AppContext, minutes: int, on_sign_out: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_sign_out = on_sign_out
        self.setObjectName("idleLock")
        self.setWindowTitle(self.tr("Rasad is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(440)
        heading = QLabel(self.tr("Locked for inactivity"), self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("Rasad was locked after {0} minutes without activity. Enter your password to go "
                              "on where you left off.").format(fmt.number(minutes, ctx.language)), self)
        note.setObjectName("note")
        note.setWordWrap(True)
        username = ctx.actor.username
        self.who = QLabel(f"{ctx.full_name} ({username})" if ctx.full_name else username, self)
        self.who.setObjectName("user")
        bold = self.who.font()
        bold.setBold(True)
        self.who.setFont(bold)
        self.password = latin_edit(self, "password", password=True)
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("User:"), self.who)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.sign_out_button = buttons.addButton(self.tr("Sign out"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.sign_out_button.setObjectName("signOut")
        self.sign_out_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self.sign_out)
        hint = QLabel(self.tr("Signing out closes Rasad; changes not yet saved are lost."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.password.setFocus()

    def try_unlock(self) -> bool:
        username, password = self.ctx.actor.username, self.password.text()
        if not StartOp(self, self.ctx, lambda s: sign_in(s, username, password)) \
                .messages_to(self.message.setText, then=self._refused).run_now():
            return False
        self.password.clear()
        self.message.clear()
        self.accept()
        return True

    def _refused(self, exc: BaseException) -> None:
        """After a wrong password, a locked account, a busy database is said: a fresh try."""
        self.message.setProperty("code", getattr(exc, "code", ""))
        self.password.clear()
        self.password.setFocus()

    def sign_out(self) -> None:
        self.on_sign_out()

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.result() == QDialog.DialogCode.Accepted:
            event.accept()
        else:
            event.ignore()


class _Cover(QWidget):
    """Hides a window's contents while the screen is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid))
        self.setPalette(palette)
        label = QLabel(QApplication.translate("IdleWatcher", "Locked"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.follow()

    def follow(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()


class IdleWatcher(QObject):
    """Watches the application's input and locks ``window`` after ``idle_limit_ms``."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: AppContext, *, idle_limit_ms: int | None = None,
                 clock: Callable[[], int] = monotonic_ms, sign_out: Callable[[], None] | None = None,
                 check_every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(window)
        self.setObjectName("idleWatcher")
        self.window = window
        self.ctx = ctx
        self.clock = clock
        self.minutes = idle_minutes(ctx)
        self.idle_limit_ms = idle_limit_ms if idle_limit_ms is not None else self.minutes * 60_000
        self.sign_out: Callable[[], None] = sign_out or QApplication.quit
        self.last_input_ms = clock()
        self.locked = False
        self.dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self._mouse_at: QPointF | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, min(check_every_ms, self.idle_limit_ms)))
        self.timer.timeout.connect(lambda: self.check())
        self.timer.start()
        ctx.events.data_changed.connect(self._on_data_changed)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # ------------------------------------------------------------- watching
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in INPUT_EVENTS:
            if not self.locked:
                self.note_input()
        elif kind == QEvent.Type.MouseMove:
            # Qt also sends moves when a widget moves under a still mouse: only a moved mouse counts
            at = cast(QMouseEvent, event).globalPosition()
            if at != self._mouse_at:
                self._mouse_at = at
                if not self.locked:
                    self.note_input()
        elif kind == QEvent.Type.Resize and self.locked:
            for cover in self._covers:
                if cover.parentWidget() is watched:
                    cover.follow()
        return False

    def note_input(self) -> None:
        self.last_input_ms = self.clock()

    def idle_ms(self, now_ms: int | None = None) -> int:
        return (self.clock() if now_ms is None else now_ms) - self.last_input_ms

    def check(self, now_ms: int | None = None) -> bool:
        """Lock if the idle time has passed at ``now_ms`` (default: now). True if it locked."""
        if self.locked or not self.window.isVisible():
            return False  # a window not yet shown locks at the first check once it is
        if self.idle_ms(now_ms) < self.idle_limit_ms:
            return False
        self.lock()
        return True

    def _on_data_changed(self, changes: Changes) -> None:
        if changes & (Changes.SETTINGS | Changes.OFFICE):
            minutes = idle_minutes(self.ctx)
            if minutes != self.minutes:
                self.minutes = minutes
                self.set_limit_ms(minutes * 60_000)

    def set_limit_ms(self, limit_ms: int) -> None:
        self.idle_limit_ms = limit_ms
        self.timer.setInterval(max(1, min(CHECK_EVERY_MS, limit_ms)))

    # ------------------------------------------------------------- locking
    def lock(self) -> LockDialog:
        """Cover every window and ask for the password (at once, whatever the idle time)."""
        if self.locked and self.dialog is not None:
            return self.dialog
        self.locked = True
        self._focus = QApplication.focusWidget()
        while (popup := QApplication.activePopupWidget()) is not None:  # open menus, combo lists
            popup.close()
        self.dialog = LockDialog(self.ctx, self.minutes, self._sign_out, self.window)
        self.dialog.accepted.connect(self.unlock)
        for widget in QApplication.topLevelWidgets():
            if widget is self.dialog or not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                self._covers.append(_Cover(widget))
                self._covers[-1].show()
        self.dialog.show()
        self.dialog.activateWindow()
        self.dialog.password.setFocus()
        emit(self.locked_changed, True)
        return self.dialog

    def unlock(self) -> None:
        """Uncover the windows and go on where the user left off (after the right password)."""
        if not self.locked:
            return
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers.clear()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.locked = False
        self.note_input()
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.activateWindow()
            focus.setFocus()
        emit(self.locked_changed, False)

    def _sign_out(self) -> None:
        self.sign_out()


def install_idle_lock(window: QMainWindow, ctx: AppContext) -> IdleWatcher:
    """Watch for user activity and lock the window after the idle time; returns the watcher
    (tests build an ``IdleWatcher`` with their own clock and limit)."""
    return IdleWatcher(window, ctx)
