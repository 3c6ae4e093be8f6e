"""The signing passphrase, asked when a report is issued: once, or — when the office
certificate is made by this issue — twice in the same dialog, checked before it closes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rasad_desktop.core.errors import RasadError
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.forms import latin_edit
from rasad_desktop.services.signing import check_passphrase


class SigningPassphraseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, first: bool, language: str = "fa") -> None:
        super().__init__(parent, name="signingPassphrase", accept_name="signButton")
        self.set_texts(self.tr("Sign the report"), self.tr("Sign and issue"), self.tr("Cancel"))
        self.first, self.language = first, language
        self.passphrase = latin_edit(self, "passphrase", password=True)
        self.form.addRow(self.tr("Signing passphrase:"), self.passphrase)
        self.repeat = latin_edit(self, "repeatPassphrase", password=True)
        if first:
            intro = self.note(self.tr(
                "This is the first report issued here: the office signing certificate is made now. Choose "
                "its passphrase; it is needed to issue every report from now on. Keep it safe: it cannot "
                "be recovered."))
            self.form.addRow(self.tr("The passphrase again:"), self.repeat)
        else:
            intro = self.note(self.tr("The report is signed with the office certificate."))
            self.repeat.hide()
        self.lay_out([intro])

    def try_accept(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.refuse(self.tr("Type the signing passphrase."))
            return
        if self.first:
            try:
                check_passphrase(text)
            except RasadError as exc:
                self.refuse(exc.message(self.language))
                return
            if self.repeat.text() != text:
                self.refuse(self.tr("The two passphrases differ."))
                return
        self.accept()
