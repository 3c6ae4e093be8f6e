"""Settings of this workstation (``settings.json`` in the data folder): the interface language
for everyone; report unit, status thresholds, office, signature block and workstation number
for the administrator only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.text import normalize
from rasad_desktop.gui.context import AppContext
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.signals import emit
from rasad_desktop.gui.widgets.forms import ERROR_STYLE
from rasad_desktop.services.roles import Permission

# There is no permission of its own for settings; managing users is the administrator's.
ADMIN_ONLY = Permission.MANAGE_SETTINGS
LANGUAGES = (("fa", "فارسی"), ("en", "English"))  # each language under its own name
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
TEXT_KEYS = ("office_fa", "province_fa", "prepared_by_name", "prepared_by_title", "approved_by_name",
             "approved_by_title")

DONE_STYLE = "color: #1d5e2c;"


class SettingsPage(Page):
    permission = Permission.VIEW
    object_name = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.is_admin = ctx.can(ADMIN_ONLY)
        self.choose_image: Callable[[], str] = self._choose_image
        body = QWidget(self)
        self.language = QComboBox(body)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        language_note = QLabel(self.tr("A new language takes effect the next time Rasad starts."), body)
        language_note.setWordWrap(True)
        self.unit = QComboBox(body)
        self.unit.setObjectName("defaultUnit")
        for unit in Unit:
            self.unit.addItem(unit.label(ctx.language), unit.key)
        self.good = self._percent_box(body, "statusGood")
        self.watch = self._percent_box(body, "statusWatch")
        self.texts: dict[str, QLineEdit] = {}
        for key in TEXT_KEYS:
            edit = QLineEdit(body)
            edit.setObjectName(key)
            edit.setMaxLength(200)
            self.texts[key] = edit
        self.workstation = QSpinBox(body)
        self.workstation.setObjectName("workstation")
        self.workstation.setRange(1, 99)
        self.signature = QLineEdit(body)
        self.signature.setObjectName("signatureImage")
        self.signature.setReadOnly(True)
        self.signature.setPlaceholderText(self.tr("No signature image"))
        self.choose_button = QPushButton(self.tr("Choose…"), body)
        self.choose_button.setObjectName("chooseSignature")
        self.clear_button = QPushButton(self.tr("Remove"), body)
        self.clear_button.setObjectName("clearSignature")
        self.choose_button.clicked.connect(self.pick_signature)
        self.clear_button.clicked.connect(self.signature.clear)

        interface = QGroupBox(self.tr("Interface"), body)
        form = QFormLayout(interface)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(language_note)
        reports = QGroupBox(self.tr("Reports and tables"), body)
        form = QFormLayout(reports)
        form.addRow(self.tr("Default unit:"), self.unit)
        form.addRow(self.tr("“Good” at or above (% of the period share):"), self.good)
        form.addRow(self.tr("“Needs follow-up” at or above (% of the period share):"), self.watch)
        form.addRow(QLabel(self.tr("Below that, an agency is “lagging”."), reports))
        office = QGroupBox(self.tr("Office"), body)
        form = QFormLayout(office)
        form.addRow(self.tr("Office name:"), self.texts["office_fa"])
        form.addRow(self.tr("Province:"), self.texts["province_fa"])
        form.addRow(self.tr("Workstation number (for tracking codes):"), self.workstation)
        signature = QGroupBox(self.tr("Signature block of reports"), body)
        form = QFormLayout(signature)
        form.addRow(self.tr("Prepared by (name):"), self.texts["prepared_by_name"])
        form.addRow(self.tr("Prepared by (title):"), self.texts["prepared_by_title"])
        form.addRow(self.tr("Approved by (name):"), self.texts["approved_by_name"])
        form.addRow(self.tr("Approved by (title):"), self.texts["approved_by_title"])
        image_row = QHBoxLayout()
        image_row.addWidget(self.signature, 1)
        image_row.addWidget(self.choose_button)
        image_row.addWidget(self.clear_button)
        form.addRow(self.tr("Scanned signature of the approver (PNG or JPEG):"), image_row)

        for narrow, width in ((self.language, 220), (self.unit, 220), (self.good, 120), (self.watch, 120),
                              (self.workstation, 120)):
            narrow.setMaximumWidth(width)  # short values: beside their labels, not across the page
        self.admin_widgets: list[QWidget] = [self.unit, self.good, self.watch, self.workstation, self.signature,
                                             self.choose_button, self.clear_button, *self.texts.values()]
        for widget in self.admin_widgets:
            widget.setEnabled(self.is_admin)
        self.admin_note = QLabel(self.tr("Only the system administrator can change the settings other than "
                                         "the language."), body)
        self.admin_note.setObjectName("adminNote")
        self.admin_note.setWordWrap(True)
        self.admin_note.setVisible(not self.is_admin)

        column = QVBoxLayout(body)
        column.addWidget(self.admin_note)
        for group in (interface, reports, office, signature):
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.load)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.load()

    def title(self) -> str:
        return self.tr("Settings")

    @staticmethod
    def _percent_box(parent: QWidget, name: str) -> QSpinBox:
        box = QSpinBox(parent)
        box.setObjectName(name)
        box.setRange(0, 999)
        box.setSuffix(" ٪")
        return box

    # --------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Settings change only through this page: other data changing must not throw away what
        is being typed here."""

    def on_data_changed(self, what: str) -> None:
        if what == "settings":
            self.load()

    def load(self) -> None:
        s = self.ctx.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.get("language"))))
        self.unit.setCurrentIndex(max(0, self.unit.findData(s.get("default_unit"))))
        self.good.setValue(s.get("status_good"))
        self.watch.setValue(s.get("status_watch"))
        for key, edit in self.texts.items():
            edit.setText(s.get(key))
        self.workstation.setValue(s.get("workstation"))
        self.signature.setText(s.get("signature_image"))
        self.message.clear()

    # ---------------------------------------------------------------- saving
    def values(self) -> dict[str, Any]:
        """What the form holds, as settings; the administrator's fields only for the administrator."""
        values: dict[str, Any] = {"language": self.language.currentData()}
        if self.is_admin:
            values.update({
                "default_unit": self.unit.currentData(),
                "status_good": self.good.value(),
                "status_watch": self.watch.value(),
                "workstation": self.workstation.value(),
                "signature_image": self.signature.text().strip(),
                **{key: normalize(edit.text()) for key, edit in self.texts.items()},
            })
        return values

    def problem(self, values: dict[str, Any]) -> str | None:
        """A Persian message for the first invalid value, or None."""
        if not self.is_admin:
            return None
        if values["status_watch"] > values["status_good"]:
            return self.tr("The “needs follow-up” threshold cannot be above the “good” threshold.")
        if not values["office_fa"]:
            return self.tr("Enter the office name; it is printed on every report.")
        if not values["province_fa"]:
            return self.tr("Enter the province name.")
        if not 1 <= values["workstation"] <= 99:
            return self.tr("The workstation number must be between 1 and 99.")
        image = values["signature_image"]
        if image:
            if Path(image).suffix.lower() not in IMAGE_SUFFIXES:
                return self.tr("The signature image must be a PNG or JPEG file.")
            if not Path(image).is_file():
                return self.tr("The signature image was not found: {0}").format(image)
        return None

    def save(self) -> bool:
        values = self.values()
        problem = self.problem(values)
        if problem is not None:
            self.show_error(problem)
            return False
        language_changed = values["language"] != self.ctx.settings.get("language")
        for key, value in values.items():
            self.ctx.settings.set(key, value)
        try:
            self.ctx.settings.save()
        except OSError as exc:
            self.ctx.runner.on_error(self, exc)  # the disk is full, the folder is read-only, …
            return False
        emit(self.ctx.events.data_changed, "settings")
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(self.tr("Saved. The new language takes effect the next time Rasad starts.")
                             if language_changed else self.tr("Saved."))
        return True

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        if not self.ctx.no_dialogs:
            QMessageBox.warning(self, self.tr("Settings"), text)

    # ------------------------------------------------------- signature image
    def pick_signature(self) -> None:
        path = self.choose_image()
        if path:
            self.signature.setText(path)

    def _choose_image(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scanned signature"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        return path
