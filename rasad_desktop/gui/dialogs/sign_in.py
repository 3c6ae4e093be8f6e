"""Sign-in: a wrong password and a locked account get different messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from rasad_desktop import APP_NAME_FA
from rasad_desktop.db.database import Database
from rasad_desktop.gui.widgets.forms import dialog_buttons, latin_edit, message_label
from rasad_desktop.services.accounts import SignIn, SignInError, sign_in


class SignInDialog(QDialog):
    def __init__(self, db: Database, language: str = "fa", username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.result_sign_in: SignIn | None = None
        self.setObjectName("signIn")
        self.setWindowTitle(self.tr("Sign in to Rasad"))
        self.setMinimumWidth(420)
        heading = QLabel(APP_NAME_FA if language == "fa" else "Rasad", self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = latin_edit(self, "username", username)
        self.password = latin_edit(self, "password", password=True)
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        buttons, self.ok = dialog_buttons(self, self.tr("Sign in"), self.tr("Cancel"), self.try_sign_in,
                                          "signInButton")
        hint = QLabel(self.tr("Forgot your password? Ask the system administrator to reset it."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> None:
        try:
            with self.db.session() as session:
                self.result_sign_in = sign_in(session, self.username.text(), self.password.text())
        except SignInError as err:
            self.message.setText(err.message(self.language))
            self.message.setProperty("code", err.code)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
