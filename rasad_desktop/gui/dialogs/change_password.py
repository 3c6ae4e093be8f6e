"""Changing one's own password; required before going on after an administrator reset."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import WriteOp
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.forms import latin_edit
from rasad_desktop.services.accounts import change_password


class ChangePasswordDialog(FormDialog):
    def __init__(self, ctx: AppContext, *, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="changePassword", accept_name="changeButton")
        self.set_texts(self.tr("Change password"), self.tr("Change password"),
                       self.tr("Sign out") if forced else self.tr("Cancel"))
        self.ctx = ctx
        self.old, self.new, self.repeat = (latin_edit(self, name, password=True)
                                           for name in ("oldPassword", "newPassword", "repeatPassword"))
        intro = self.note(self.tr("Your password was reset by the administrator. Choose a new password "
                                  "before you go on.") if forced else self.tr("Choose a new password."))
        self.form.addRow(self.tr("Current password:"), self.old)
        self.form.addRow(self.tr("New password:"), self.new)
        self.form.addRow(self.tr("Repeat the new password:"), self.repeat)
        self.lay_out([intro])

    def try_accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.refuse(self.tr("The two new passwords are not the same."))
            return
        old, new = self.old.text(), self.new.text()
        self.submit(WriteOp(self, self.ctx, lambda s, actor: change_password(s, actor, old, new), Changes.USERS))
