"""First start on an empty database: create the administrator."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from rasad_desktop.core.errors import RasadError
from rasad_desktop.db.database import Database
from rasad_desktop.gui.widgets.forms import dialog_buttons, latin_edit, message_label
from rasad_desktop.services.accounts import create_user
from rasad_desktop.services.roles import Actor, Role


class FirstStartDialog(QDialog):
    def __init__(self, db: Database, language: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.created_username = ""
        self.setObjectName("firstStart")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Welcome to Rasad"))
        intro = QLabel(self.tr("This is the first start: the database was created. Create the system "
                               "administrator's account to go on."), self)
        intro.setWordWrap(True)
        self.username = latin_edit(self, "username", "admin")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("fullName")
        self.password = latin_edit(self, "password", password=True)
        self.repeat = latin_edit(self, "repeatPassword", password=True)
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat the password:"), self.repeat)
        buttons, _ = dialog_buttons(self, self.tr("Create the administrator"), self.tr("Quit"), self.try_create,
                                    "createButton")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.full_name.setFocus()

    def try_create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords are not the same."))
            return
        try:
            with self.db.session() as session:
                user, _ = create_user(session, Actor.console(), self.username.text(), Role.ADMIN,
                                      self.password.text(), full_name=self.full_name.text(),
                                      must_change_password=False)
        except RasadError as err:
            self.message.setText(err.message(self.language))
            return
        self.created_username = user.username
        self.accept()
