"""Changing one's own password; required before going on after an administrator reset."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from rasad_desktop.core.errors import RasadError
from rasad_desktop.db.database import Database
from rasad_desktop.gui.widgets.forms import dialog_buttons, latin_edit, message_label
from rasad_desktop.services.accounts import change_password
from rasad_desktop.services.roles import Actor


class ChangePasswordDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, language: str = "fa", *, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.language = language
        self.setObjectName("changePassword")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Change password"))
        self.old, self.new, self.repeat = (latin_edit(self, name, password=True)
                                           for name in ("oldPassword", "newPassword", "repeatPassword"))
        intro = QLabel(self.tr("Your password was reset by the administrator. Choose a new password "
                               "before you go on.") if forced else self.tr("Choose a new password."), self)
        intro.setWordWrap(True)
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat the new password:"), self.repeat)
        buttons, _ = dialog_buttons(self, self.tr("Change password"),
                                    self.tr("Sign out") if forced else self.tr("Cancel"), self.try_change, "changeButton")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_change(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two new passwords are not the same."))
            return
        try:
            with self.db.session() as session:
                change_password(session, self.actor, self.old.text(), self.new.text())
        except RasadError as err:
            self.message.setText(err.message(self.language))
            return
        self.accept()
