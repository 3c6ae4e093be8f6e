"""About: name, version, where the data and logs are, the font licence, the service promises."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop import APP_NAME, APP_NAME_FA, __version__
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.resources import resource
from rasad_desktop.services import attachments
from rasad_desktop.services.roles import Permission


def _path_field(text: str, name: str, parent: QWidget) -> QLineEdit:
    """A path to read and copy: left to right, like every path."""
    field = QLineEdit(text, parent)
    field.setObjectName(name)
    field.setReadOnly(True)
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    field.setCursorPosition(0)
    return field


class AboutPage(Page):
    permission = Permission.VIEW
    object_name = "about"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._layout = layout = QVBoxLayout(self)
        for part in (*self._heading(), self._places(), self._promises(), self._licence_box()):
            layout.addWidget(part)
        layout.addStretch(1)  # the free space stays below while the licence text is hidden

    def _heading(self) -> tuple[QLabel, QLabel, QLabel]:
        lang = self.ctx.language
        name = QLabel(APP_NAME_FA if lang == "fa" else APP_NAME, self)
        name.setObjectName("appName")
        font = name.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        name.setFont(font)
        purpose = QLabel(self.tr("Monitoring the realization of the province's budget resources"), self)
        purpose.setWordWrap(True)
        self.version = QLabel(self.tr("Version {0}").format(fmt.number(__version__, lang)), self)
        self.version.setObjectName("version")
        return name, purpose, self.version

    def _places(self) -> QGroupBox:
        ctx = self.ctx
        self.data_dir = _path_field(str(ctx.data_dir), "dataFolder", self)
        self.database = _path_field(ctx.database_location, "databaseLocation", self)
        self.log_dir = _path_field(str(ctx.log_dir), "logFolder", self)
        self.attachments_dir = _path_field(str(attachments.folder(ctx.data_dir)), "attachmentsFolder", self)
        places = QGroupBox(self.tr("Where the data is"), self)
        form = QFormLayout(places)
        form.addRow(self.tr("Data folder:"), self.data_dir)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Log folder:"), self.log_dir)
        form.addRow(self.tr("Attachments folder:"), self.attachments_dir)
        return places

    def _promises(self) -> QGroupBox:
        promises = QLabel(self.tr(
            "The service is free of charge. The information recorded in Rasad is kept confidential: each role "
            "sees and changes only what it is allowed to, and every change is recorded in the audit trail. A "
            "forgotten password is reset only by the system administrator, and the temporary password must be "
            "changed at the next sign-in. Maintenance that makes the service unavailable is announced in "
            "advance."), self)
        promises.setObjectName("promises")
        promises.setWordWrap(True)
        promise_box = QGroupBox(self.tr("Our commitments"), self)
        QVBoxLayout(promise_box).addWidget(promises)
        return promise_box

    def _licence_box(self) -> QGroupBox:
        licence = QLabel(self.tr("The interface and the reports use the Vazirmatn font (by Saber Rastikerdar), "
                                 "distributed under the SIL Open Font License, version 1.1."), self)
        licence.setObjectName("fontLicence")
        licence.setWordWrap(True)
        self.licence_button = QPushButton(self.tr("Show the licence text"), self)
        self.licence_button.setObjectName("showLicence")
        self.licence_button.setCheckable(True)
        self.licence_text = QPlainTextEdit(self)
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setReadOnly(True)
        self.licence_text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.licence_text.setPlainText(self._licence())
        self.licence_text.setVisible(False)
        self.licence_button.toggled.connect(self._toggle_licence)
        licence_box = QGroupBox(self.tr("Font licence"), self)
        column = QVBoxLayout(licence_box)
        column.addWidget(licence)
        column.addWidget(self.licence_button, 0, Qt.AlignmentFlag.AlignLeading)
        column.addWidget(self.licence_text, 1)
        return licence_box

    def title(self) -> str:
        return self.tr("About")

    def _licence(self) -> str:
        try:
            return resource("fonts", "OFL.txt").read_text(encoding="utf-8")
        except OSError:
            return self.tr("The licence file is missing from this installation: {0}").format(
                str(resource("fonts", "OFL.txt")))

    def _toggle_licence(self, shown: bool) -> None:
        self.licence_text.setVisible(shown)
        last = self._layout.count() - 1  # the licence box, then the stretch
        self._layout.setStretch(last - 1, 1 if shown else 0)
        self._layout.setStretch(last, 0 if shown else 1)
        self.licence_button.setText(self.tr("Hide the licence text") if shown else self.tr("Show the licence text"))
