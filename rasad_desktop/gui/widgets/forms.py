"""Small building blocks of the dialogs: Latin and password fields, the message line,
and the accept/cancel buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from rasad_desktop.gui.style import ERROR_STYLE  # (re-exported: the form helpers' home)


def latin_edit(parent: QWidget, name: str, text: str = "", *, password: bool = False) -> QLineEdit:
    """A field for Latin text (user names, passwords): left to right even in Persian."""
    edit = QLineEdit(text, parent)
    edit.setObjectName(name)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def say_error(label: QLabel, text: str, parent: QWidget, title: str, *, dialogs: bool = True) -> None:
    """A Persian message in a page's message line (red) and, unless dialogs are off, a box."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(text)
    if dialogs:
        QMessageBox.warning(parent, title, text)


def message_label(parent: QWidget) -> QLabel:
    """The line where a dialog says what went wrong, in red."""
    label = QLabel(parent)
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


def dialog_buttons(dialog: QDialog, accept_text: str, reject_text: str, on_accept: Callable[[], None],
                   accept_name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """An accept button (the default, named ``accept_name``) and a reject button."""
    buttons = QDialogButtonBox(dialog)
    ok = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(accept_name)
    ok.setDefault(True)
    buttons.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
