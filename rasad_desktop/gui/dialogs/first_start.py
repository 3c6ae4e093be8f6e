"""First start on an empty database: create the administrator."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from rasad_desktop.gui.context import AppServices, Changes
from rasad_desktop.gui.operations import StartOp
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.forms import latin_edit
from rasad_desktop.services.accounts import create_user
from rasad_desktop.services.roles import Actor, Role


class FirstStartDialog(FormDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="firstStart", accept_name="createButton")
        self.set_texts(self.tr("Welcome to Rasad"), self.tr("Create the administrator"), self.tr("Quit"))
        self.services = services
        self.created_username = ""
        intro = self.note(self.tr("This is the first start: the database was created. Create the system "
                                  "administrator's account to go on."))
        self.username = latin_edit(self, "username", "admin")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("fullName")
        self.password = latin_edit(self, "password", password=True)
        self.repeat = latin_edit(self, "repeatPassword", password=True)
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Full name:"), self.full_name)
        self.form.addRow(self.tr("Password:"), self.password)
        self.form.addRow(self.tr("Repeat the password:"), self.repeat)
        self.lay_out([intro])
        self.full_name.setFocus()

    def try_accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.refuse(self.tr("The two passwords are not the same."))
            return
        username, full_name, password = self.username.text(), self.full_name.text(), self.password.text()
        op = StartOp(self, self.services, lambda s: create_user(
            s, Actor.console(), username, Role.ADMIN, password, full_name=full_name,
            must_change_password=False)[0].username, changes=Changes.USERS)
        self.submit(op, lambda created: setattr(self, "created_username", created))
