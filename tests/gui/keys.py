"""Shared bits of the GUI tests: the test users and keyboard input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from rasad_desktop.services.roles import Role

PASSWORD = "test-password-1"
USERS = {Role.ADMIN: "boss", Role.DATA_ENTRY: "clerk", Role.REPORT_OFFICER: "officer", Role.VIEWER: "guest"}


def type_text(widget: QWidget, text: str) -> None:
    """Type text character by character (qtbot.keyClicks aborts on Persian text)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
