"""Sign-in: a wrong password and a locked account get different messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from rasad_desktop import APP_NAME_FA
from rasad_desktop.gui.context import AppServices
from rasad_desktop.gui.operations import StartOp
from rasad_desktop.gui.style import DONE_STYLE
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.forms import latin_edit
from rasad_desktop.services.accounts import SignIn, SignInError, sign_in


class SignInDialog(FormDialog):
    def __init__(self, services: AppServices, username: str = "", parent: QWidget | None = None, *,
                 note: str = "") -> None:
        super().__init__(parent, name="signIn", accept_name="signInButton", min_width=420)
        self.set_texts(self.tr("Sign in to Rasad"), self.tr("Sign in"), self.tr("Cancel"))
        self.services = services
        self.result_sign_in: SignIn | None = None
        heading = QLabel(APP_NAME_FA if services.language == "fa" else "Rasad", self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = latin_edit(self, "username", username)
        self.password = latin_edit(self, "password", password=True)
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Password:"), self.password)
        hint = self.note(self.tr("Forgot your password? Ask the system administrator to reset it."))
        self.note_label = self.note(note)  # e.g. this computer has just joined the office as a workstation
        self.note_label.setObjectName("note")
        self.note_label.setStyleSheet(DONE_STYLE)
        self.note_label.setVisible(bool(note))
        self.lay_out([heading, self.note_label], [hint])
        (self.password if username else self.username).setFocus()

    def try_accept(self) -> None:
        username, password = self.username.text(), self.password.text()
        StartOp(self, self.services, lambda s: sign_in(s, username, password)) \
            .success(self._signed_in).messages_to(self.refuse, then=self._refused).run_now()

    def _signed_in(self, result: SignIn) -> None:
        self.result_sign_in = result
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        """After the message: which refusal it was (tests and screen readers), a fresh try."""
        self.message.setProperty("code", exc.code if isinstance(exc, SignInError) else "")
        self.password.selectAll()
        self.password.setFocus()
