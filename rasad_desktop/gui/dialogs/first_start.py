"""First start on an empty database: create the administrator, or make this computer a
workstation of the office with the enrolment file the office's administrator gave."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFrame, QLineEdit, QPushButton, QWidget

from rasad_desktop.gui.context import AppServices, Changes
from rasad_desktop.gui.dialogs.sync_dialogs import JoinDialog
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
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.created_username = ""
        self.joined: tuple[int, str] | None = None  # (workstation number, name) when this computer joined
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
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        or_join = self.note(self.tr("Or, if the office already works with Rasad and its administrator enrolled this "
                                    "computer: join it with the enrolment file; the users' accounts come from the "
                                    "office."))
        self.join_button = QPushButton(self.tr("This computer is a workstation of the office: join with an "
                                               "enrolment file…"), self)
        self.join_button.setObjectName("joinOffice")
        self.join_button.clicked.connect(self.join)
        self.lay_out([intro], [rule, or_join, self.join_button])
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

    def join(self) -> None:
        dialog = JoinDialog(self.services, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        joined = dialog.joined
        dialog.deleteLater()
        if accepted and joined is not None:
            self.joined = joined
            self.accept()
